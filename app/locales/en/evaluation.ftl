### The steering group's evaluation, the recommendation, the decision and the decision proposal.

scale-label = Points
change-declaration = Change your declaration of conflicts of interest
declare-first = Before you see the bids of this lot, please declare for every carrier whether you have a conflict of interest.
recused-notice = You are recused from this lot because of a conflict of interest: you do not score it and do not see the others' scores.
carrier-label = Carrier
my-sheet-label = My score sheet
group-progress-label = Final score sheets of the group
tied-notice = You represent this carrier in the steering group and are therefore recused from this lot; no declaration is needed.
conflict-none = No conflict of interest
conflict-employment = Employed by the carrier
conflict-board = Member of the carrier's board or another of its bodies
conflict-other = Another conflict of interest (please explain)
conflict-note-label = Explanation (required for another conflict)
submit-declaration = Submit declaration
sheet-not-started = Not started
sheet-draft = Draft
sheet-final = Final
sheet-points-missing = Points missing
sheet-justification-missing = Justification missing
score-title = Score sheet
read-bid = Read the bid
justification-label = Justification
finalise-score = Finalise score sheet
group-scores-title = The steering group's score sheets
ranking-rule = The weighted score is the mean of the final score sheets, rounded once to two decimal places (halves rounded up); equal scores share a rank.
ranking-after-own-scores = You will see this lot's ranking once your own score sheets for all its bids are final.
ranking-lots = Lots of this call
ranking-table-caption = Ranking with mean, range and standard deviation per criterion
rank-label = Rank
scores-count-label = Score sheets
flags-label = Flags
flag-missing = Scores missing
flag-disagreement = Strong disagreement
flag-tie = Tie
score-matrix-caption = Score matrix: final score sheets per member
member-label = Member
evaluation-tasks-title = Your evaluation work
task-undeclared-lots = { $count ->
        [one] one lot awaits
       *[other] { $count } lots await
    } your declaration
task-open-sheets = { $count ->
        [one] one score sheet open
       *[other] { $count } score sheets open
    }
task-group-progress = Group:
funding-for-year = Funding for
recorded-by = Recorded by
recommendation-title = Steering group recommendation and committee decision
proposed-carrier = Proposed carrier
no-award-proposed = No award proposed
reasoning-label = Reasoning
no-recommendation-yet = The steering group has not recorded a recommendation for this lot yet.
record-recommendation = Record recommendation
no-decision-yet = The youth welfare committee has not decided yet.
record-decision = Record decision
decision-label = Decision
starts-on-label = Funding starts on
ends-on-label = Funding ends on (required for the steering module)
posts-title = Funded posts
posts-empty = No funded posts yet.
steering-contract = Steering module
district-label = District
period-label = Period
funding-label = Funding
task-undecided-bids = { $count ->
        [one] one bid awaits
       *[other] { $count } bids await
    } the committee's decision
eligible-label = May score
mean-label = Mean
range-label = Range
score-matrix-sheet = Score matrix
download-csv = Download ranking and score matrix as CSV
download-xlsx = Download ranking and score matrix as an Excel workbook (XLSX)
proposal-kind = Decision proposal
proposal-issuer = Youth welfare committee
proposal-subject = Awards
proposal-call = Call
proposal-as-of = As of
proposal-motion-title = Proposed resolution
proposal-motion-text = The youth welfare committee resolves to fund the following bids as the steering group recommends:
proposal-nothing-recommended = The steering group has not yet made a recommendation in this call.
proposal-amounts-label = Funding per budget year
proposal-no-recommendation-yet = No recommendation of the steering group yet.
proposal-open-lots = No recommendation has been made yet for these lots:
proposal-state = Status
proposal-bids-received = Bids received
proposal-lots-with-bids = Lots with bids
proposal-finance-title = Financial implications
proposal-budget-year = Budget year
proposal-reasons-title = Reasons
proposal-rubric-intro = The members of the steering group scored the bids independently against the following weighted criteria. Members who declared a conflict of interest with a bidding carrier took no part in scoring that lot.
proposal-group-recommends = The steering group recommends
proposal-procedure-title = Procedure
page-word = Page
of-word = of
proposal-link-html = Decision proposal (print view)
proposal-link-pdf = Decision proposal as PDF
