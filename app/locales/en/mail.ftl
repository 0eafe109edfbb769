### Emails. Every email goes out in both languages: German first, then English, divided by a line.

mail-greeting = Hello { $name },
mail-invitation-subject = Invitation to Spielraum – { $tenant }
mail-invitation-body =
    An account has been created for you at Spielraum ({ $tenant }). Set your password with this link (valid for { $days ->
        [one] one day
       *[other] { $days } days
    }, single use):

    { $link }

    If you did not expect this invitation, you can ignore this message.
mail-password-reset-subject = Reset your password – { $tenant }
mail-password-reset-body =
    Someone (hopefully you) asked to reset the password of your Spielraum account ({ $tenant }). This link is valid for { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    } and works once:

    { $link }

    If this was not you, ignore this message; your password stays as it is.
mail-email-confirmation-subject = Confirm your email address – { $tenant }
mail-email-confirmation-body =
    You registered your organisation at Spielraum ({ $tenant }). Please confirm your email address with this link (valid for { $days ->
        [one] one day
       *[other] { $days } days
    }, single use):

    { $link }

    If you did not register, ignore this message.
mail-already-registered-subject = Your Spielraum account – { $tenant }
mail-already-registered-body =
    Someone just tried to register an organisation at Spielraum ({ $tenant }) with your email address. You already have an account there. If you forgot your password, reset it here:

    { $link }

    If this was not you, ignore this message.
mail-call-published-subject = New call: { $title }
mail-call-published-body =
    { $tenant } published a call for expressions of interest: { $title }.
    Bids are accepted until { $closes }.

    { $link }
mail-deadline-reminder-subject = Deadline in { $days ->
        [one] one day
       *[other] { $days } days
    }: { $title }
mail-deadline-reminder-body =
    Your organisation has a draft for the call "{ $title }" that is not submitted yet. The deadline is { $closes }.

    { $link }
mail-call-closed-subject = Call closed: { $title }
mail-call-closed-body =
    The deadline of the call "{ $title }" has passed. Submitted bids can no longer be changed.

    { $link }
mail-decision-subject = Decision: { $title } – { $lot }
mail-decision-awarded = The youth welfare committee has accepted your bid and awarded funding.
mail-decision-not-awarded = The youth welfare committee has not accepted your bid. You can find the scores per criterion and the steering group's reasoning in the portal.
mail-decision-body =
    { $outcome }

    "{ $title }", { $lot }

    { $link }
mail-receipt-subject = Bid received: { $title } – { $lot }
mail-receipt-body =
    Your bid has been received.

    Call: { $title }
    Lot: { $lot }
    Version: { $number }
    Received: { $received }
    Checksum (SHA-256): { $hash }

    { $link }
mail-report-due-soon-subject = Report due in a week: { $report }
mail-report-due-today-subject = Report due today: { $report }
mail-report-overdue-subject = Report overdue: { $report }
mail-report-reminder-body =
    The report "{ $report }" has not been submitted yet. It is due by { $due }.

    { $link }
mail-report-overdue-body =
    The report "{ $report }" was due by { $due } and has not been submitted yet. This message goes to the coordinator and to the post's carrier.

    { $link }
mail-meeting-subject = Invitation: { $title }, { $when }
mail-meeting-body =
    The steering group meets: { $title }.

    When: { $when }
    Where: { $place }

    Agenda:
    { $agenda }

    The invitation for your calendar is attached. Papers and minutes: { $link }
mail-commission-due-soon-subject = Commission due in a week: { $title }
mail-commission-due-today-subject = Commission due today: { $title }
mail-commission-overdue-subject = Commission overdue: { $title }
mail-commission-body =
    The steering group's commission “{ $title }” is due on { $due } and still open. Report its progress or close it:

    { $link }
