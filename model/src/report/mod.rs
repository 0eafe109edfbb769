//! Reports of the coordination posts (seed §5, §6; SPEC §3D; issue 13): when they are due, what they hold, and
//! how they move from draft to accepted.
//!
//! A report is due for every period of a post's running time: a quarter by default, or per post a month, a
//! half year or a year, plus a final report over the whole running time and extra reports as of a given day.
//! Each is due a tenant-configured number of days after its period ends (15 by default), at the end of that
//! day in the tenant's time zone. The periods are computed here, never stored: a report row exists only
//! once someone starts it, so changing a post's schedule moves what is due without rewriting anything.
//!
//! The work order of seed §5 gives the report its five sections (a–e); the figures feed controlling.

use crate::Money;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub mod compliance;
pub mod totals;

/// Days after a period's end until its report is due, unless the tenant sets otherwise.
pub const DEFAULT_DEADLINE_DAYS: u32 = 15;
/// The most a tenant may allow.
pub const MAX_DEADLINE_DAYS: u32 = 90;
/// Characters per section.
pub const MAX_SECTION_CHARS: usize = 20_000;
/// Network partners per report.
pub const MAX_PARTNERS: usize = 200;
/// Characters of a partner's name or field.
pub const MAX_PARTNER_CHARS: usize = 200;
/// Money spent in one period, in cents (ten million euros): more is a typing error.
pub const MAX_MONEY_SPENT_CENTS: i64 = 1_000_000_000;
/// Extra reports per post.
pub const MAX_EXTRA_DATES: usize = 24;

/// How often a post reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Monthly,
    #[default]
    Quarterly,
    HalfYearly,
    Yearly,
}

impl Cadence {
    pub const ALL: [Cadence; 4] = [Cadence::Monthly, Cadence::Quarterly, Cadence::HalfYearly, Cadence::Yearly];

    fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
            Cadence::HalfYearly => 6,
            Cadence::Yearly => 12,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::HalfYearly => "half_yearly",
            Cadence::Yearly => "yearly",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Cadence::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// A post's reporting schedule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Schedule {
    pub cadence: Cadence,
    /// A final report over the whole running time, due after the post ends (only for posts with an end).
    #[serde(default)]
    pub final_report: bool,
    /// Extra reports as of these days (e.g. for a committee session).
    #[serde(default)]
    pub extra: Vec<NaiveDate>,
}

/// Why a schedule or a deadline setting is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleError {
    #[error("the deadline must be between 0 and {MAX_DEADLINE_DAYS} days after the period")]
    DeadlineOutOfRange,
    #[error("at most {MAX_EXTRA_DATES} extra reports")]
    TooManyExtraDates,
    #[error("an extra report lies outside the post's running time")]
    ExtraOutsidePeriod,
    #[error("a final report needs a post with an end")]
    FinalWithoutEnd,
}

/// The days after a period's end until its report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineDays(u32);

impl DeadlineDays {
    pub fn new(days: u32) -> Result<Self, ScheduleError> {
        if days <= MAX_DEADLINE_DAYS { Ok(DeadlineDays(days)) } else { Err(ScheduleError::DeadlineOutOfRange) }
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl Default for DeadlineDays {
    fn default() -> Self {
        DeadlineDays(DEFAULT_DEADLINE_DAYS)
    }
}

/// What kind of period a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Regular,
    Extra,
    Final,
}

impl PeriodKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Regular => "regular",
            PeriodKind::Extra => "extra",
            PeriodKind::Final => "final",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [PeriodKind::Regular, PeriodKind::Extra, PeriodKind::Final].into_iter().find(|k| k.as_str() == text)
    }
}

/// One reporting period of a post: the days it covers (both included) and when its report is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    pub kind: PeriodKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The first instant at which a submission is late: the end of the last day of the deadline, in the
    /// tenant's time zone.
    pub due_at: DateTime<Utc>,
}

impl Period {
    /// Whether a report first submitted at `submitted_at` is late (at the due instant or after).
    pub fn is_late(&self, submitted_at: DateTime<Utc>) -> bool {
        submitted_at >= self.due_at
    }

    /// A period identifies a post's report together with its kind and first day.
    pub fn key(&self) -> (PeriodKind, NaiveDate) {
        (self.kind, self.starts_on)
    }
}

/// The instant a report for a period ending on `ends_on` becomes late: midnight after the `deadline`-th day
/// following it, local time in `zone`. Midnight exists in every zone tenants use (summer time changes at 2 or
/// 3 a.m.); should it not, the earliest instant of that day counts.
pub fn due_at(ends_on: NaiveDate, deadline: DeadlineDays, zone: Tz) -> DateTime<Utc> {
    let day = ends_on.checked_add_days(Days::new(u64::from(deadline.get()) + 1)).unwrap_or(NaiveDate::MAX);
    let local = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    zone.from_local_datetime(&local)
        .earliest()
        .or_else(|| zone.from_local_datetime(&(local + chrono::Duration::hours(1))).earliest())
        .map_or(DateTime::<Utc>::MAX_UTC, |t| t.with_timezone(&Utc))
}

/// Checks a schedule against a post's running time.
pub fn check_schedule(
    schedule: &Schedule,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
) -> Result<(), ScheduleError> {
    if schedule.extra.len() > MAX_EXTRA_DATES {
        return Err(ScheduleError::TooManyExtraDates);
    }
    if schedule.final_report && ends_on.is_none() {
        return Err(ScheduleError::FinalWithoutEnd);
    }
    if schedule.extra.iter().any(|&day| day < starts_on || ends_on.is_some_and(|end| day > end)) {
        return Err(ScheduleError::ExtraOutsidePeriod);
    }
    Ok(())
}

/// The first day of the calendar period of `cadence` that contains `day` (quarters start in January, April,
/// July and October; half years in January and July).
fn period_start(day: NaiveDate, cadence: Cadence) -> NaiveDate {
    let months = cadence.months();
    let month0 = (day.month0() / months) * months;
    NaiveDate::from_ymd_opt(day.year(), month0 + 1, 1).unwrap_or(day)
}

/// The reports due for a post running from `starts_on` to `ends_on` (open-ended: until today), in order of
/// their due date, up to the period that contains `today` (whose report may be drafted while it runs).
/// Periods are calendar periods clipped to the running time: a post starting on 1 February reports for
/// February and March in its first quarter.
pub fn periods(
    schedule: &Schedule,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    deadline: DeadlineDays,
    zone: Tz,
    today: NaiveDate,
) -> Vec<Period> {
    let last_day = ends_on.map_or(today, |end| end.min(today.max(starts_on)));
    let mut found = Vec::new();
    let mut start = period_start(starts_on, schedule.cadence);
    while start <= last_day {
        let next = start.checked_add_months(Months::new(schedule.cadence.months())).unwrap_or(NaiveDate::MAX);
        let end = next.pred_opt().unwrap_or(next);
        let clipped_end = ends_on.map_or(end, |post_end| end.min(post_end));
        found.push(Period {
            kind: PeriodKind::Regular,
            starts_on: start.max(starts_on),
            ends_on: clipped_end,
            due_at: due_at(clipped_end, deadline, zone),
        });
        start = next;
    }
    for &day in &schedule.extra {
        if day < starts_on || ends_on.is_some_and(|end| day > end) || day > today {
            continue;
        }
        found.push(Period {
            kind: PeriodKind::Extra,
            starts_on: period_start(day, schedule.cadence).max(starts_on),
            ends_on: day,
            due_at: due_at(day, deadline, zone),
        });
    }
    if schedule.final_report
        && let Some(end) = ends_on
        && end <= today
    {
        found.push(Period { kind: PeriodKind::Final, starts_on, ends_on: end, due_at: due_at(end, deadline, zone) });
    }
    found.sort_by_key(|p| (p.due_at, p.kind));
    found
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    /// Being written; never submitted.
    Draft,
    /// Waiting for review.
    Submitted,
    /// Sent back with comments; the coordinator revises and submits again.
    Returned,
    /// Taken as it is. Final.
    Accepted,
}

impl ReportState {
    pub const ALL: [ReportState; 4] =
        [ReportState::Draft, ReportState::Submitted, ReportState::Returned, ReportState::Accepted];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportState::Draft => "draft",
            ReportState::Submitted => "submitted",
            ReportState::Returned => "returned",
            ReportState::Accepted => "accepted",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        ReportState::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The coordinator may change the text: while drafting, and when it came back.
    pub fn editable(self) -> bool {
        matches!(self, ReportState::Draft | ReportState::Returned)
    }
}

/// The five points of the uniform work order (seed §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// a) Cooperation of youth-welfare and neighbouring actors in the district.
    Cooperation,
    /// b) Measures that improve residents' access to services.
    Access,
    /// c) Prevention measures and projects initiated.
    Prevention,
    /// d) Cooperation with the other coordination posts and the steering module.
    Network,
    /// e) Cooperation with the youth office's district contacts.
    YouthOffice,
}

impl Section {
    pub const ALL: [Section; 5] =
        [Section::Cooperation, Section::Access, Section::Prevention, Section::Network, Section::YouthOffice];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Cooperation => "cooperation",
            Section::Access => "access",
            Section::Prevention => "prevention",
            Section::Network => "network",
            Section::YouthOffice => "youth_office",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Section::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The work order's letter.
    pub fn letter(self) -> char {
        match self {
            Section::Cooperation => 'a',
            Section::Access => 'b',
            Section::Prevention => 'c',
            Section::Network => 'd',
            Section::YouthOffice => 'e',
        }
    }
}

/// How well the cooperation with a network partner works, as the coordinator judges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    Good,
    Developing,
    Difficult,
}

/// A network partner in the district (work order a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Partner {
    pub name: String,
    /// Field of work, e.g. "Schule", "Kita", "Sportverein".
    pub field: String,
    /// New in this period (rather than carried on).
    pub new: bool,
    pub quality: Quality,
}

/// The figures of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Figures {
    pub network_partners: u32,
    pub meetings: u32,
    pub measures_started: u32,
    pub people_reached: u32,
    /// Hours worked, to the quarter hour.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "120.25"))]
    pub hours_worked: Decimal,
    /// Money spent in the period.
    pub money_spent: Money,
}

/// What a report says: the five points of the work order, the partners and the figures.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
// Named apart from the bid's `Content` and `VersionView` in the OpenAPI document, whose schemas share one namespace.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportContent))]
pub struct Content {
    /// a) Cooperation of youth-welfare and neighbouring actors in the district.
    #[serde(default)]
    pub cooperation: String,
    /// b) Measures that improve residents' access to services.
    #[serde(default)]
    pub access: String,
    /// c) Prevention measures and projects initiated.
    #[serde(default)]
    pub prevention: String,
    /// d) Cooperation with the other coordination posts and the steering module.
    #[serde(default)]
    pub network: String,
    /// e) Cooperation with the youth office's district contacts.
    #[serde(default)]
    pub youth_office: String,
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub figures: Figures,
}

impl Content {
    pub fn section(&self, section: Section) -> &str {
        match section {
            Section::Cooperation => &self.cooperation,
            Section::Access => &self.access,
            Section::Prevention => &self.prevention,
            Section::Network => &self.network,
            Section::YouthOffice => &self.youth_office,
        }
    }

    pub fn section_mut(&mut self, section: Section) -> &mut String {
        match section {
            Section::Cooperation => &mut self.cooperation,
            Section::Access => &mut self.access,
            Section::Prevention => &mut self.prevention,
            Section::Network => &mut self.network,
            Section::YouthOffice => &mut self.youth_office,
        }
    }

    /// What changed from `earlier` to this: the sections whose text differs, and whether partners or figures
    /// did (for comparing a resubmission with the version the reviewer returned).
    pub fn changes_since(&self, earlier: &Content) -> Changes {
        Changes {
            sections: Section::ALL.into_iter().filter(|&s| self.section(s) != earlier.section(s)).collect(),
            partners: self.partners != earlier.partners,
            figures: self.figures != earlier.figures,
        }
    }
}

/// The parts of a report that differ between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Changes {
    pub sections: Vec<Section>,
    pub partners: bool,
    pub figures: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && !self.partners && !self.figures
    }
}

/// What is wrong with a report's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ContentProblem {
    #[error("section {0:?} is too long")]
    SectionTooLong(Section),
    #[error("section {0:?} is empty")]
    SectionEmpty(Section),
    #[error("too many network partners")]
    TooManyPartners,
    #[error("a network partner needs a name and a field of at most {MAX_PARTNER_CHARS} characters")]
    BadPartner,
    #[error("hours must be between 0 and 2,000 in quarter hours")]
    BadHours,
    #[error("money spent must be between 0 and 10,000,000.00")]
    BadMoney,
}

impl Content {
    /// What every saved draft must satisfy: limits, not completeness.
    pub fn check_draft(&self) -> Result<(), ContentProblem> {
        for section in Section::ALL {
            if self.section(section).chars().count() > MAX_SECTION_CHARS {
                return Err(ContentProblem::SectionTooLong(section));
            }
        }
        if self.partners.len() > MAX_PARTNERS {
            return Err(ContentProblem::TooManyPartners);
        }
        let bad_text = |text: &str| text.trim().is_empty() || text.chars().count() > MAX_PARTNER_CHARS;
        if self.partners.iter().any(|p| bad_text(&p.name) || bad_text(&p.field)) {
            return Err(ContentProblem::BadPartner);
        }
        let hours = self.figures.hours_worked;
        if hours.is_sign_negative()
            || hours > Decimal::from(2000)
            || (hours * Decimal::from(4)).fract() != Decimal::ZERO
        {
            return Err(ContentProblem::BadHours);
        }
        let money = self.figures.money_spent;
        if money.is_negative() || money > Money::from_cents(MAX_MONEY_SPENT_CENTS) {
            return Err(ContentProblem::BadMoney);
        }
        Ok(())
    }

    /// What a submission must satisfy besides: every section of the work order answered.
    pub fn check_submission(&self) -> Result<(), ContentProblem> {
        self.check_draft()?;
        match Section::ALL.into_iter().find(|&s| self.section(s).trim().is_empty()) {
            Some(section) => Err(ContentProblem::SectionEmpty(section)),
            None => Ok(()),
        }
    }
}

/// What the report rules need to know about a report and its post.
#[derive(Debug, Clone, Copy)]
pub struct ReportFacts<'a> {
    /// The organisation that holds the post (its carrier).
    pub organisation_id: Uuid,
    /// The coordinators assigned to the post.
    pub coordinators: &'a [Uuid],
    /// The caller is a district contact of the post's district.
    pub contact_of_district: bool,
    /// `None` while no report was started for the period.
    pub state: Option<ReportState>,
    /// The report has been submitted at least once (so a submitted version exists).
    pub ever_submitted: bool,
}

/// How much of a post's reports a caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportAccess {
    /// A coordinator of the post: the working text and every version.
    Coordinator,
    /// Reviewers, the post's carrier and the district's contacts: submitted versions and the review only.
    Reader,
}

/// Who sees a post's report: its coordinators everything; the reviewers (steering group, administration),
/// the post's carrier and the contacts of its district (`contact_of_district`, which the store sets only for a
/// caller with the district-contact role) what has been submitted. Anyone else learns nothing, not even that
/// a report exists.
pub fn report_access(who: crate::policy::Who<'_>, facts: &ReportFacts<'_>) -> Option<ReportAccess> {
    use crate::Permission;
    if who.holds(Permission::FileReports) && facts.coordinators.contains(&who.user_id) {
        Some(ReportAccess::Coordinator)
    } else if !facts.ever_submitted {
        None
    } else if who.holds(Permission::ReviewReports) || facts.contact_of_district || who.member_of(facts.organisation_id)
    {
        Some(ReportAccess::Reader)
    } else {
        None
    }
}

/// Why a step on a report is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum StepRefusal {
    #[error("not allowed")]
    NotAllowed,
    #[error("the report is not in a state for this")]
    WrongState,
    #[error("a returned report needs a comment")]
    CommentMissing,
}

/// A step in a report's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    SaveDraft,
    Submit,
    Accept,
    Return,
}

/// Who may take `step` on the report, and the state it leads to. Coordinators of the post write and submit
/// (a new report, a draft or a returned one); reviewers accept or return what was submitted, a return with
/// at least one comment.
pub fn step(
    who: crate::policy::Who<'_>,
    facts: &ReportFacts<'_>,
    step: Step,
    comments: usize,
) -> Result<ReportState, StepRefusal> {
    use crate::Permission;
    let coordinator = report_access(who, facts) == Some(ReportAccess::Coordinator);
    let editable = facts.state.is_none_or(ReportState::editable);
    match step {
        Step::SaveDraft | Step::Submit if !coordinator => Err(StepRefusal::NotAllowed),
        Step::SaveDraft | Step::Submit if !editable => Err(StepRefusal::WrongState),
        Step::SaveDraft => Ok(facts.state.unwrap_or(ReportState::Draft)),
        Step::Submit => Ok(ReportState::Submitted),
        Step::Accept | Step::Return
            if !(who.holds(Permission::ReviewReports) && report_access(who, facts).is_some()) =>
        {
            Err(StepRefusal::NotAllowed)
        }
        Step::Accept | Step::Return if facts.state != Some(ReportState::Submitted) => Err(StepRefusal::WrongState),
        Step::Return if comments == 0 => Err(StepRefusal::CommentMissing),
        Step::Accept => Ok(ReportState::Accepted),
        Step::Return => Ok(ReportState::Returned),
    }
}

/// One report of a post's schedule, as lists show it. A period whose report nobody has started (or, for a
/// reader, nobody has submitted yet) has no `id` and no `state`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportSummary {
    pub id: Option<Uuid>,
    pub post_id: Uuid,
    pub district: String,
    pub organisation: String,
    pub kind: PeriodKind,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub due_at: DateTime<Utc>,
    pub state: Option<ReportState>,
    /// Submitted after it was due, or due and not submitted.
    pub late: bool,
    pub first_submitted_at: Option<DateTime<Utc>>,
    /// The caller may start this report (a coordinator of the post; not started yet).
    pub may_start: bool,
}

/// Rows per page of the whole list on the reports page.
pub const LIST_PAGE_SIZE: u64 = 50;

/// The reports page: what the caller has to do and what waits for review, in full (both bounded by the
/// running work), and the whole list (growing by every post's every quarter) one page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportListing {
    pub to_do: Vec<ReportSummary>,
    pub waiting: Vec<ReportSummary>,
    /// Page `page` (from 1) of the whole list, newest due first.
    pub all: Vec<ReportSummary>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

impl ReportSummary {
    /// Work for the caller: a report they may start, a draft, or one returned to them.
    pub fn is_to_do(&self) -> bool {
        self.may_start || matches!(self.state, Some(ReportState::Draft | ReportState::Returned))
    }

    /// Submitted and waiting for review.
    pub fn is_waiting(&self) -> bool {
        self.state == Some(ReportState::Submitted)
    }
}

/// Which rows of a list a page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageWindow {
    /// The page shown, from 1: the one asked for, or the last when it lies past the end.
    pub page: u64,
    pub pages: u64,
    /// The rows shown, as indexes into the whole list.
    pub rows: std::ops::Range<usize>,
}

impl PageWindow {
    /// Page `page` (from 1) of a list of `total` rows, [`LIST_PAGE_SIZE`] a page.
    pub fn of(total: usize, page: u64) -> Self {
        let pages = (total as u64).div_ceil(LIST_PAGE_SIZE).max(1);
        let page = page.clamp(1, pages);
        let start = usize::try_from((page - 1) * LIST_PAGE_SIZE).unwrap_or(usize::MAX).min(total);
        let end = start.saturating_add(LIST_PAGE_SIZE as usize).min(total);
        PageWindow { page, pages, rows: start..end }
    }
}

impl ReportListing {
    /// Sorts `list` (as `app::reports::ops::list` gives it) into the page's parts; a page past the last
    /// shows the last.
    pub fn of(list: Vec<ReportSummary>, page: u64) -> Self {
        let to_do = list.iter().filter(|r| r.is_to_do()).cloned().collect();
        let waiting = list.iter().filter(|r| r.is_waiting()).cloned().collect();
        let window = PageWindow::of(list.len(), page);
        let total = list.len() as u64;
        let all = list.into_iter().skip(window.rows.start).take(window.rows.len()).collect();
        ReportListing { to_do, waiting, all, total, page: window.page, pages: window.pages }
    }
}

/// A submitted version, with what changed since the one before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ReportVersionView))]
pub struct VersionView {
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub content: Content,
    pub changes: Changes,
}

/// A reviewer's comment on a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentView {
    pub version: i32,
    /// The section it is about; `null` for the report as a whole.
    pub section: Option<Section>,
    pub body: String,
    pub author: String,
    pub created_at: DateTime<Utc>,
}

/// One report as its reader sees it: a coordinator of the post the working text, everyone else the latest
/// submitted version; the submitted versions and the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub summary: ReportSummary,
    pub content: Content,
    pub saved_at: Option<DateTime<Utc>>,
    pub versions: Vec<VersionView>,
    pub comments: Vec<CommentView>,
    /// Attached files: for its coordinators all, for readers those attached by the latest submission.
    pub files: Vec<crate::file::FileRef>,
    /// The caller may change and submit it.
    pub may_edit: bool,
    /// The caller may accept or return it.
    pub may_review: bool,
}

/// Starts the report of one period of a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartInput {
    pub post_id: Uuid,
    #[serde(default = "regular")]
    pub kind: PeriodKind,
    pub period_start: NaiveDate,
    /// Copy the text, partners and figures of the post's latest submitted report.
    #[serde(default)]
    pub from_previous: bool,
}

fn regular() -> PeriodKind {
    PeriodKind::Regular
}

/// A reviewer's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Accept,
    Return,
}

/// A comment as a reviewer gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentInput {
    pub section: Option<Section>,
    pub body: String,
}

/// A review: accept, or return with at least one comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewInput {
    pub verdict: Verdict,
    #[serde(default)]
    pub comments: Vec<CommentInput>,
}

/// The caller's work with reports, for the home page: as a coordinator, reports overdue (not submitted after
/// their due date), returned for revision and drafts in progress; as a reviewer, reports waiting for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReportTasks {
    pub overdue: u32,
    pub returned: u32,
    pub drafts: u32,
    pub waiting: u32,
}

impl ReportTasks {
    pub fn is_empty(&self) -> bool {
        *self == ReportTasks::default()
    }
}

/// Characters of a reviewer's comment.
pub const MAX_COMMENT_CHARS: usize = 4_000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;
    use crate::policy::Who;
    use crate::role::Seat;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    const BERLIN: Tz = chrono_tz::Europe::Berlin;

    fn quarterly() -> Schedule {
        Schedule::default()
    }

    #[test]
    fn a_quarter_is_due_fifteen_days_after_it_ends_at_midnight_in_berlin() {
        let due = due_at(day(2026, 3, 31), DeadlineDays::default(), BERLIN);
        // 16 April 00:00 in Berlin is summer time (UTC+2).
        assert_eq!(due, Utc.with_ymd_and_hms(2026, 4, 15, 22, 0, 0).single().expect("valid"));
        let winter = due_at(day(2026, 12, 31), DeadlineDays::default(), BERLIN);
        assert_eq!(
            winter,
            Utc.with_ymd_and_hms(2027, 1, 15, 23, 0, 0).single().expect("valid"),
            "into the next year, UTC+1"
        );
        let utc = due_at(day(2026, 12, 31), DeadlineDays::new(0).expect("valid"), chrono_tz::UTC);
        assert_eq!(
            utc,
            Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single().expect("valid"),
            "0 days: due when the period ends"
        );
    }

    fn summary(n: u32, state: Option<ReportState>, may_start: bool) -> ReportSummary {
        ReportSummary {
            id: state.map(|_| Uuid::from_u128(u128::from(n))),
            post_id: Uuid::nil(),
            district: format!("Bezirk {n}"),
            organisation: String::new(),
            kind: PeriodKind::Regular,
            period_start: day(2020, 1, 1),
            period_end: day(2020, 3, 31),
            due_at: Utc.with_ymd_and_hms(2020, 4, 15, 22, 0, 0).single().expect("valid"),
            state,
            late: false,
            first_submitted_at: None,
            may_start,
        }
    }

    #[test]
    fn the_reports_page_lists_all_work_and_pages_the_whole_list() {
        let mut list: Vec<ReportSummary> = (0..120).map(|n| summary(n, Some(ReportState::Accepted), false)).collect();
        list[3] = summary(3, Some(ReportState::Submitted), false);
        list[70] = summary(70, Some(ReportState::Returned), false);
        list[119] = summary(119, None, true);
        let first = ReportListing::of(list.clone(), 1);
        assert_eq!((first.total, first.page, first.pages, first.all.len()), (120, 1, 3, 50));
        assert_eq!(first.waiting.len(), 1, "waiting work is listed whatever the page");
        assert_eq!(first.to_do.len(), 2, "returned and startable, from every page");
        let last = ReportListing::of(list.clone(), 3);
        assert_eq!(last.all.len(), 20);
        assert_eq!(last.all[0].district, "Bezirk 100");
        assert_eq!(ReportListing::of(list, 9).page, 3, "past the end: the last page");
        let empty = ReportListing::of(Vec::new(), 0);
        assert_eq!((empty.total, empty.page, empty.pages), (0, 1, 1));
    }

    #[test]
    fn the_late_rule_holds_at_the_instant() {
        let period = periods(&quarterly(), day(2026, 1, 1), None, DeadlineDays::default(), BERLIN, day(2026, 5, 1))[0];
        let due = period.due_at;
        assert!(!period.is_late(due - chrono::Duration::seconds(1)));
        assert!(period.is_late(due));
        assert!(period.is_late(due + chrono::Duration::seconds(1)));
    }

    #[test]
    fn quarters_are_clipped_to_the_posts_running_time_across_years() {
        let found = periods(
            &quarterly(),
            day(2019, 2, 1),
            Some(day(2020, 2, 14)),
            DeadlineDays::default(),
            BERLIN,
            day(2026, 12, 3),
        );
        let spans: Vec<_> = found.iter().map(|p| (p.starts_on, p.ends_on)).collect();
        assert_eq!(
            spans,
            vec![
                (day(2019, 2, 1), day(2019, 3, 31)),
                (day(2019, 4, 1), day(2019, 6, 30)),
                (day(2019, 7, 1), day(2019, 9, 30)),
                (day(2019, 10, 1), day(2019, 12, 31)),
                (day(2020, 1, 1), day(2020, 2, 14)),
            ]
        );
        assert_eq!(found[4].due_at, due_at(day(2020, 2, 14), DeadlineDays::default(), BERLIN));
    }

    #[test]
    fn an_open_post_reports_up_to_the_running_quarter() {
        let found = periods(&quarterly(), day(2025, 11, 15), None, DeadlineDays::default(), BERLIN, day(2026, 12, 3));
        assert_eq!(found.len(), 5, "Q4 2025 to Q4 2026");
        assert_eq!(found.last().map(|p| p.ends_on), Some(day(2026, 12, 31)));
        let not_yet = periods(&quarterly(), day(2027, 1, 1), None, DeadlineDays::default(), BERLIN, day(2026, 12, 3));
        assert!(not_yet.is_empty(), "a post that has not started owes nothing");
    }

    #[test]
    fn other_cadences_a_final_report_and_extra_dates() {
        let schedule = Schedule { cadence: Cadence::HalfYearly, final_report: true, extra: vec![day(2020, 5, 20)] };
        assert_eq!(check_schedule(&schedule, day(2019, 2, 1), Some(day(2021, 1, 31))), Ok(()));
        let found = periods(
            &schedule,
            day(2019, 2, 1),
            Some(day(2021, 1, 31)),
            DeadlineDays::default(),
            BERLIN,
            day(2026, 1, 1),
        );
        let kinds: Vec<_> = found.iter().map(|p| (p.kind, p.starts_on, p.ends_on)).collect();
        assert_eq!(
            kinds,
            vec![
                (PeriodKind::Regular, day(2019, 2, 1), day(2019, 6, 30)),
                (PeriodKind::Regular, day(2019, 7, 1), day(2019, 12, 31)),
                (PeriodKind::Extra, day(2020, 1, 1), day(2020, 5, 20)),
                (PeriodKind::Regular, day(2020, 1, 1), day(2020, 6, 30)),
                (PeriodKind::Regular, day(2020, 7, 1), day(2020, 12, 31)),
                (PeriodKind::Regular, day(2021, 1, 1), day(2021, 1, 31)),
                (PeriodKind::Final, day(2019, 2, 1), day(2021, 1, 31)),
            ]
        );
        let monthly = Schedule { cadence: Cadence::Monthly, ..Schedule::default() };
        assert_eq!(
            periods(&monthly, day(2026, 1, 1), None, DeadlineDays::default(), BERLIN, day(2026, 12, 3)).len(),
            12
        );
        let yearly = Schedule { cadence: Cadence::Yearly, ..Schedule::default() };
        assert_eq!(periods(&yearly, day(2019, 2, 1), None, DeadlineDays::default(), BERLIN, day(2026, 12, 3)).len(), 8);
    }

    #[test]
    fn schedules_are_checked_against_the_running_time() {
        let final_open = Schedule { final_report: true, ..Schedule::default() };
        assert_eq!(check_schedule(&final_open, day(2019, 2, 1), None), Err(ScheduleError::FinalWithoutEnd));
        let outside = Schedule { extra: vec![day(2019, 1, 31)], ..Schedule::default() };
        assert_eq!(check_schedule(&outside, day(2019, 2, 1), None), Err(ScheduleError::ExtraOutsidePeriod));
        let many = Schedule { extra: vec![day(2020, 1, 1); MAX_EXTRA_DATES + 1], ..Schedule::default() };
        assert_eq!(check_schedule(&many, day(2019, 2, 1), None), Err(ScheduleError::TooManyExtraDates));
        assert_eq!(DeadlineDays::new(MAX_DEADLINE_DAYS + 1), Err(ScheduleError::DeadlineOutOfRange));
    }

    proptest::proptest! {
        /// Regular periods cover the running time without gap or overlap, each is due after it ends, and due
        /// dates never go backwards.
        #[test]
        fn regular_periods_tile_the_running_time(
            start in 0u32..4000, length in 0u32..3000, cadence in 0usize..4, deadline in 0u32..=MAX_DEADLINE_DAYS
        ) {
            let starts_on = day(2015, 1, 1) + Days::new(u64::from(start));
            let ends_on = starts_on + Days::new(u64::from(length));
            let schedule = Schedule { cadence: Cadence::ALL[cadence], ..Schedule::default() };
            let found = periods(&schedule, starts_on, Some(ends_on), DeadlineDays::new(deadline).expect("valid"), BERLIN, day(2040, 1, 1));
            proptest::prop_assert_eq!(found.first().map(|p| p.starts_on), Some(starts_on));
            proptest::prop_assert_eq!(found.last().map(|p| p.ends_on), Some(ends_on));
            for pair in found.windows(2) {
                proptest::prop_assert_eq!(pair[0].ends_on.succ_opt(), Some(pair[1].starts_on));
                proptest::prop_assert!(pair[0].due_at < pair[1].due_at);
            }
            for period in &found {
                proptest::prop_assert!(period.starts_on <= period.ends_on);
                let end_of_period = BERLIN.from_local_datetime(&period.ends_on.succ_opt().expect("valid").and_hms_opt(0, 0, 0).expect("valid")).earliest().expect("valid");
                proptest::prop_assert!(period.due_at >= end_of_period.with_timezone(&Utc));
            }
        }
    }

    fn content() -> Content {
        Content {
            cooperation: "a".into(),
            access: "b".into(),
            prevention: "c".into(),
            network: "d".into(),
            youth_office: "e".into(),
            partners: vec![Partner {
                name: "Kita Sonnenschein".into(),
                field: "Kita".into(),
                new: true,
                quality: Quality::Good,
            }],
            figures: Figures { hours_worked: Decimal::new(2525, 1), ..Figures::default() },
        }
    }

    #[test]
    fn a_submission_answers_every_point_of_the_work_order() {
        assert_eq!(content().check_submission(), Ok(()));
        let mut gap = content();
        *gap.section_mut(Section::Prevention) = "  ".into();
        assert_eq!(gap.check_draft(), Ok(()), "a draft may have gaps");
        assert_eq!(gap.check_submission(), Err(ContentProblem::SectionEmpty(Section::Prevention)));
        let mut odd_hours = content();
        odd_hours.figures.hours_worked = Decimal::new(101, 1);
        assert_eq!(odd_hours.check_draft(), Err(ContentProblem::BadHours));
        let mut nameless = content();
        nameless.partners[0].name = " ".into();
        assert_eq!(nameless.check_draft(), Err(ContentProblem::BadPartner));
    }

    #[test]
    fn changes_name_the_sections_that_differ() {
        let before = content();
        let mut after = content();
        *after.section_mut(Section::Access) = "more".into();
        after.figures.meetings = 3;
        let changes = after.changes_since(&before);
        assert_eq!(changes.sections, vec![Section::Access]);
        assert!(changes.figures && !changes.partners);
        assert!(before.changes_since(&before).is_empty());
    }

    #[test]
    fn who_sees_a_posts_reports() {
        let coordinator = Uuid::new_v4();
        let carrier_org = Uuid::new_v4();
        let facts = |state, ever_submitted, contact| ReportFacts {
            organisation_id: carrier_org,
            coordinators: &[],
            contact_of_district: contact,
            state,
            ever_submitted,
        };
        let coordinators = [coordinator];
        let own = |state, ever| ReportFacts { coordinators: &coordinators, ..facts(state, ever, false) };
        let roles_coordinator = [Role::Coordinator];
        let me = Who { user_id: coordinator, roles: &roles_coordinator };
        let other_coordinator = Who { user_id: Uuid::new_v4(), roles: &roles_coordinator };
        let steering = [Role::Steering { seat: Seat::Committee }];
        let member = Who { user_id: Uuid::new_v4(), roles: &steering };
        let carrier = [Role::Carrier { organisation_id: carrier_org }];
        let carrier_member = Who { user_id: Uuid::new_v4(), roles: &carrier };
        let other_carrier_roles = [Role::Carrier { organisation_id: Uuid::new_v4() }];
        let other_carrier = Who { user_id: Uuid::new_v4(), roles: &other_carrier_roles };
        let contact_roles = [Role::DistrictContact];
        let contact = Who { user_id: Uuid::new_v4(), roles: &contact_roles };

        assert_eq!(report_access(me, &own(Some(ReportState::Draft), false)), Some(ReportAccess::Coordinator));
        assert_eq!(report_access(other_coordinator, &own(Some(ReportState::Draft), false)), None);
        assert_eq!(report_access(other_coordinator, &own(Some(ReportState::Accepted), true)), None);
        assert_eq!(report_access(member, &own(Some(ReportState::Draft), false)), None, "drafts stay the coordinator's");
        assert_eq!(report_access(member, &own(Some(ReportState::Submitted), true)), Some(ReportAccess::Reader));
        assert_eq!(report_access(carrier_member, &own(Some(ReportState::Submitted), true)), Some(ReportAccess::Reader));
        assert_eq!(report_access(other_carrier, &own(Some(ReportState::Submitted), true)), None);
        assert_eq!(report_access(contact, &facts(Some(ReportState::Accepted), true, false)), None, "another district");
        assert_eq!(report_access(contact, &facts(Some(ReportState::Accepted), true, true)), Some(ReportAccess::Reader));
    }

    #[test]
    fn who_may_take_which_step_in_which_state() {
        let coordinator = Uuid::new_v4();
        let coordinators = [coordinator];
        let facts = |state| ReportFacts {
            organisation_id: Uuid::new_v4(),
            coordinators: &coordinators,
            contact_of_district: false,
            state,
            ever_submitted: matches!(
                state,
                Some(ReportState::Submitted | ReportState::Returned | ReportState::Accepted)
            ),
        };
        let coordinator_roles = [Role::Coordinator];
        let me = Who { user_id: coordinator, roles: &coordinator_roles };
        let steering = [Role::Steering { seat: Seat::Administration }];
        let member = Who { user_id: Uuid::new_v4(), roles: &steering };
        let admin_roles = [Role::Admin];
        let admin = Who { user_id: Uuid::new_v4(), roles: &admin_roles };

        assert_eq!(step(me, &facts(None), Step::SaveDraft, 0), Ok(ReportState::Draft));
        assert_eq!(step(me, &facts(Some(ReportState::Draft)), Step::Submit, 0), Ok(ReportState::Submitted));
        assert_eq!(step(me, &facts(Some(ReportState::Returned)), Step::SaveDraft, 0), Ok(ReportState::Returned));
        assert_eq!(step(me, &facts(Some(ReportState::Returned)), Step::Submit, 0), Ok(ReportState::Submitted));
        assert_eq!(step(me, &facts(Some(ReportState::Submitted)), Step::SaveDraft, 0), Err(StepRefusal::WrongState));
        assert_eq!(step(me, &facts(Some(ReportState::Accepted)), Step::Submit, 0), Err(StepRefusal::WrongState));
        assert_eq!(step(me, &facts(Some(ReportState::Submitted)), Step::Accept, 0), Err(StepRefusal::NotAllowed));
        assert_eq!(step(member, &facts(Some(ReportState::Draft)), Step::SaveDraft, 0), Err(StepRefusal::NotAllowed));
        assert_eq!(step(member, &facts(Some(ReportState::Draft)), Step::Accept, 0), Err(StepRefusal::NotAllowed));
        assert_eq!(
            step(member, &facts(Some(ReportState::Submitted)), Step::Return, 0),
            Err(StepRefusal::CommentMissing)
        );
        assert_eq!(step(member, &facts(Some(ReportState::Submitted)), Step::Return, 2), Ok(ReportState::Returned));
        assert_eq!(step(admin, &facts(Some(ReportState::Submitted)), Step::Accept, 0), Ok(ReportState::Accepted));
        assert_eq!(step(admin, &facts(Some(ReportState::Accepted)), Step::Return, 1), Err(StepRefusal::WrongState));
    }
}
