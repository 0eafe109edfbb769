### The carriers' portal: calls, bids, organisations.

app-tagline = Prevention programmes in youth welfare – from the call for bids to the annual report
tenant-directory-title = Participating municipalities
tenant-directory-intro = Choose your municipality to go to its programme, calls and districts.
tenant-directory-empty = No municipalities have been set up yet.
home-intro = The community coordination project brings together the people and organisations working in youth welfare in every district and strengthens prevention.
home-steering-module-text = One carrier steers and supports the project for at least three calendar years, together with the seven-member steering group.
home-practice-module = Practice module
home-practice-module-text = Every district and group of villages has a coordination post of 0.5 full-time equivalents, run by a non-profit carrier.
home-districts-link = See all districts and villages
districts-intro = Each of these areas receives a coordination post of 0.5 full-time equivalents.
districts-empty = No districts have been set up for this municipality yet.
district-number = No.
calls-title = Calls for expressions of interest
calls-intro = The municipality publishes its calls to non-profit carriers here. Each call lists its lots, its questions and its deadline.
phase-draft = Draft
phase-upcoming = Upcoming
phase-open = Open for bids
phase-closed = Closed
opens-at = Opens
lots-intro = Submit a separate bid for each lot.
required-mark = required
optional-mark = optional
at-most-chars = character limit:
how-to-apply-title = How to bid
how-to-apply-text = Carriers submit bids through their account in this portal. Sign in with your organisation's account; if your organisation does not have one yet, register it here in the portal.
starts-in = Opens in:
amount-for-year = Requested amount for
answers-title = Answers
apply-link = Submit a bid (sign in as a carrier)
attachment-for = Attachment for
attachments-title = Attachments
bid-counts-title = Bids per lot
bid-frozen = The call is closed or not open yet: this bid cannot be changed.
bid-status-draft = Draft
bid-status-submitted = Submitted
bid-status-withdrawn = Withdrawn
bids-in-progress = In progress
bids-sealed-until = Bids are sealed until the deadline:
bids-title = Bids
call-label = Call
city = City
confirm-email-button = Confirm email address
confirm-email-intro = Confirm your email address to activate your account.
confirm-email-title = Confirm your email address
contact-email = Contact person's email address
contact-name = Contact person
contact-phone = Phone (optional)
download-archive = Download all bids of this lot (ZIP)
email-confirmed = Your email address is confirmed. You can sign in now.
err-not-an-option = Please choose one of the offered answers.
err-out-of-range = The value is out of range (amounts not negative, full-time equivalents above 0 and at most 10).
file-hint = PDF, ODT or DOCX. The file type is checked against the file's content.
file-label = File
funding-intro = State the requested amount per budget year in euros. Leave years without an amount empty.
funding-title = Requested funding and staffing
general-attachment = General attachment
invite-colleague = Invite a colleague
invite-colleague-intro = People you invite work on your organisation's bids with you.
legal-form = Legal form
members-title = Members
my-bids-title = Your bids
no = No
no-attachments = No attachments yet.
no-bids-yet = Your organisation has not started a bid yet.
no-open-calls = No call is open at the moment.
no-organisations = No carriers registered yet.
bids-undeclared-lots = { $count ->
        [one] You will see the bids of one lot
       *[other] You will see the bids of { $count } lots
    } once you have declared there whether you have a conflict of interest:
no-submitted-bids = No bids were submitted to this call.
no-versions = Not submitted yet.
not-verified = Not verified
open-calls-title = Open calls
organisation-name = Name of the organisation
organisation-not-verified = Your organisation's details have not been checked by the administration yet. You can already submit bids.
organisation-title = Your organisation
organisations-intro = Registered carriers. Check the register and recognition, then mark the organisation as verified.
pending = not active yet
postcode = Postcode
profile-title = Profile
receipt-text = Your bid has been received. The receipt is also sent by email.
receipt-title = Receipt
recognised-carrier = Recognised non-profit youth welfare carrier (§ 75 SGB VIII)
recognised-short = Recognised (§ 75 SGB VIII)
register-button = Register
register-intro = Register your organisation to submit bids. You will receive an email to confirm your address.
register-link = Register your organisation
register-number = Register number and court (if registered)
register-title = Register a carrier
registered-check-email = Almost done: please confirm your email address with the link we sent you.
remove = Remove
resubmit-bid = Submit again
save = Save
send-invitation = Send invitation
show-receipt = View the receipt and the submitted version
start-bid = Start a bid
street = Street and number
submit-bid = Submit
unverify = Withdraw verification
upload = Upload
upload-done = The file has been uploaded.
verified = Verified
verified-on = Verified by the administration on
verify = Mark as verified
version-label = Version
versions-title = Submitted versions
withdraw-bid = Withdraw the bid
yes = Yes
your-account = Your account
your-name = Your name
call-closed-title = The deadline has passed
call-closed-text = This call no longer accepts bids. The youth welfare committee will decide on the awards.
your-scores-caption = How the steering group scored your bid (mean per criterion)
mean-points-label = Mean points
group-reasoning = The steering group's reasoning
archive-head =
    Expression of interest

    Call: { $call }
    Lot: { $lot }
    Carrier: { $carrier }
    Version: { $version }
    Received: { $received }
    Checksum (SHA-256): { $hash }
archive-amounts = Requested funding
archive-total = Total: { $total }
archive-fte = Full-time equivalents: { $fte }
archive-attachments = Attachments
archive-attachment = { $name } ({ $bytes } bytes, SHA-256 { $hash })
