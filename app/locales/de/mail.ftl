### E-Mails. Jede E-Mail geht zweisprachig hinaus: erst Deutsch, dann Englisch, getrennt durch eine Linie.

mail-greeting = Guten Tag { $name },
mail-invitation-subject = Einladung zu Spielraum – { $tenant }
mail-invitation-body =
    für Sie wurde ein Konto bei Spielraum ({ $tenant }) angelegt. Legen Sie über diesen Link Ihr Passwort fest (gültig { $days ->
        [one] einen Tag
       *[other] { $days } Tage
    }, nur einmal verwendbar):

    { $link }

    Wenn Sie diese Einladung nicht erwartet haben, können Sie die Nachricht ignorieren.
mail-password-reset-subject = Passwort zurücksetzen – { $tenant }
mail-password-reset-body =
    für Ihr Spielraum-Konto ({ $tenant }) wurde ein neues Passwort angefordert. Dieser Link ist { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    } gültig und nur einmal verwendbar:

    { $link }

    Wenn Sie das nicht waren, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.
mail-email-confirmation-subject = E-Mail-Adresse bestätigen – { $tenant }
mail-email-confirmation-body =
    Sie haben Ihre Organisation bei Spielraum ({ $tenant }) registriert. Bitte bestätigen Sie Ihre E-Mail-Adresse über diesen Link (gültig { $days ->
        [one] einen Tag
       *[other] { $days } Tage
    }, nur einmal verwendbar):

    { $link }

    Wenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht.
mail-already-registered-subject = Ihr Konto bei Spielraum – { $tenant }
mail-already-registered-body =
    mit Ihrer E-Mail-Adresse wurde gerade versucht, eine Organisation bei Spielraum ({ $tenant }) zu registrieren. Sie haben dort bereits ein Konto. Falls Sie Ihr Passwort vergessen haben, setzen Sie es hier zurück:

    { $link }

    Wenn Sie das nicht waren, ignorieren Sie diese Nachricht.
mail-call-published-subject = Neuer Aufruf: { $title }
mail-call-published-body =
    { $tenant } hat einen Aufruf zur Interessenbekundung veröffentlicht: { $title }.
    Interessenbekundungen sind bis { $closes } möglich.

    { $link }
mail-deadline-reminder-subject = Frist endet in { $days ->
        [one] einem Tag
       *[other] { $days } Tagen
    }: { $title }
mail-deadline-reminder-body =
    Ihre Organisation hat für den Aufruf „{ $title }“ einen Entwurf, der noch nicht eingereicht ist. Die Frist endet am { $closes }.

    { $link }
mail-call-closed-subject = Aufruf geschlossen: { $title }
mail-call-closed-body =
    Die Frist des Aufrufs „{ $title }“ ist abgelaufen. Eingereichte Interessenbekundungen können nicht mehr geändert werden.

    { $link }
mail-decision-subject = Entscheidung: { $title } – { $lot }
mail-decision-awarded = Der Jugendhilfeausschuss hat Ihrer Interessenbekundung den Zuschlag erteilt.
mail-decision-not-awarded = Der Jugendhilfeausschuss hat Ihrer Interessenbekundung keinen Zuschlag erteilt. Die Bewertung je Kriterium und die Begründung der Steuerungsgruppe finden Sie im Portal.
mail-decision-body =
    { $outcome }

    „{ $title }“, { $lot }

    { $link }
mail-receipt-subject = Eingangsbestätigung: { $title } – { $lot }
mail-receipt-body =
    Ihre Interessenbekundung ist eingegangen.

    Aufruf: { $title }
    Los: { $lot }
    Fassung: { $number }
    Eingang: { $received }
    Prüfsumme (SHA-256): { $hash }

    { $link }
mail-report-due-soon-subject = Bericht fällig in einer Woche: { $report }
mail-report-due-today-subject = Bericht heute fällig: { $report }
mail-report-overdue-subject = Bericht überfällig: { $report }
mail-report-reminder-body =
    Der Bericht „{ $report }“ ist noch nicht eingereicht. Er ist fällig bis { $due }.

    { $link }
mail-report-overdue-body =
    Der Bericht „{ $report }“ war fällig bis { $due } und ist noch nicht eingereicht. Diese Nachricht geht an die Koordination und an den Träger der Stelle.

    { $link }
mail-meeting-subject = Einladung: { $title }, { $when }
mail-meeting-body =
    Die Steuerungsgruppe tritt zusammen: { $title }.

    Wann: { $when }
    Wo: { $place }

    Tagesordnung:
    { $agenda }

    Die Einladung für Ihren Kalender hängt an. Unterlagen und Protokoll: { $link }
mail-commission-due-soon-subject = Auftrag fällig in einer Woche: { $title }
mail-commission-due-today-subject = Auftrag heute fällig: { $title }
mail-commission-overdue-subject = Auftrag überfällig: { $title }
mail-commission-body =
    Der Auftrag der Steuerungsgruppe „{ $title }“ ist fällig am { $due } und noch offen. Berichten Sie den Stand oder schließen Sie ihn ab:

    { $link }
