# The coordination posts' reports (work order of the resolution, §5).
nav-reports = Reports
reports-title = Reports
reports-intro = Quarterly reports of the district coordination against the uniform work order: what is due, what waits for review and what was accepted.
reports-to-do-title = To do
reports-waiting-title = Submitted for review
reports-all-title = All reports
reports-none = There are no reports you can see.
reports-count = { $count ->
    [one] One report
   *[other] { $count } reports
}
report-title = Report
report-district = District
report-period = Period
report-due = Due by
report-state = State
report-state-not-started = not started
report-state-draft = draft
report-state-submitted = submitted
report-state-returned = returned
report-state-accepted = accepted
report-late = late
report-final = final report
report-open = Open report
report-start = Start report
report-section-cooperation = a) Cooperation of youth-welfare and neighbouring actors in the district
report-section-access = b) Measures that improve residents' access to services
report-section-prevention = c) Prevention measures and projects initiated
report-section-network = d) Cooperation with the other coordination posts and the steering module
report-section-youth-office = e) Cooperation with the youth office's district contacts
report-partners = Network partners
report-partner-name = Name
report-partner-field = Field of work
report-partner-new = new
report-partner-quality = Cooperation
report-quality-good = good
report-quality-developing = developing
report-quality-difficult = difficult
report-figures = Figures of the period
report-figure-network-partners = Network partners (number)
report-figure-meetings = Meetings
report-figure-measures = Measures started
report-figure-people = People reached
report-figure-hours = Hours worked (quarter hours)
report-figure-money = Money spent in the period (euros)
report-save = Save draft
report-submit = Submit report
report-comments = Review comments
report-comment-general = On the report as a whole
report-review-title = Review
report-review-hint = Comment on the points that should be revised. Returning a report needs at least one comment.
report-accept = Accept report
report-return = Return with comments
report-versions = Submitted versions
report-version = Version
report-changed = changed:
report-unchanged = nothing
report-tasks-link = Go to the reports
task-reports-overdue = { $count ->
        [one] One report is overdue.
       *[other] { $count } reports are overdue.
    }
task-reports-returned = { $count ->
        [one] One report was returned for revision.
       *[other] { $count } reports were returned for revision.
    }
task-reports-drafts = { $count ->
        [one] One report is in progress.
       *[other] { $count } reports are in progress.
    }
task-reports-waiting = { $count ->
        [one] One report waits for your review.
       *[other] { $count } reports wait for your review.
    }
# Deadlines and figures across all reports.
compliance-title = Reporting deadlines
compliance-intro = Whether the coordination posts file their reports on time: per post and quarter on time, late, missing or returned.
compliance-on-time = on time
compliance-late = late
compliance-missing = missing
compliance-returned = returned
compliance-pending = not due yet
compliance-by-quarter = Per quarter
compliance-by-post = Per coordination post
overview-year = Year
overview-all-years = All years
overview-quarter = Quarter
chart-table-link = Numbers as a table
figures-title = Figures
figures-intro = The figures of the submitted reports, added up per year, district and quarter – for controlling and the report to the youth welfare committee.
figures-none = There are no submitted reports yet whose figures you can see.
figures-reports = Reports
figures-by-year = Per year, with the change against the year before
figures-by-district = Per district in
figures-by-quarter = Per quarter in
figures-level-note = The number of network partners is a level: for a year or quarter, each post's latest report counts. All other figures are added up. The chart shows the people reached per year.
report-from-previous = with the last report's content
report-files-none = No attachments.
schedule-label = Reporting schedule
schedule-change = Change the reporting schedule
schedule-extra = also
schedule-extra-field = Extra reports as of (days as YYYY-MM-DD, separated by commas)
schedule-save = Save
cadence-monthly = monthly
cadence-quarterly = quarterly
cadence-half-yearly = half-yearly
cadence-yearly = yearly
report-deadline-label = Reports due (days after the end of the period, 0 to 90)
