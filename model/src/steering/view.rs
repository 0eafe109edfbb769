//! What the steering group's pages and the API show and take: meetings with their agenda, attendance and
//! minutes, the resolutions register, and commissions. Inputs check themselves (`checked`), so the pages,
//! the API and the demo refuse the same things with the same field names.

use super::commission::{Assignee, CommissionState};
use super::meeting::{Attendance, Quorum};
use super::minutes::{MinutesState, Outcome, Vote};
use crate::role::SeatType;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_TEXT_CHARS: usize = 50_000;
pub const MAX_PLACE_CHARS: usize = 200;
pub const MAX_LINK_CHARS: usize = 500;
/// A meeting lasts at most a day.
pub const MAX_DURATION_MINUTES: u32 = 24 * 60;

/// Why an input was refused: the field and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputProblem {
    pub field: &'static str,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    Required,
    TooLong,
    Malformed,
}

fn problem(field: &'static str, kind: ProblemKind) -> InputProblem {
    InputProblem { field, kind }
}

/// A trimmed, non-empty text of at most `max` characters.
fn required(field: &'static str, text: &str, max: usize) -> Result<String, InputProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(problem(field, ProblemKind::Required));
    }
    optional(field, text, max)
}

fn optional(field: &'static str, text: &str, max: usize) -> Result<String, InputProblem> {
    let text = text.trim();
    if text.chars().count() > max || text.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(problem(field, ProblemKind::TooLong));
    }
    Ok(text.to_owned())
}

/// What an agenda item is about; each kind links to its workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    /// A call for expressions of interest (reference: its id).
    Call,
    /// The ranking of a closed call (reference: the call's id).
    Ranking,
    /// A quarterly report (reference: its id).
    Report,
    /// A budget year (reference: the year).
    BudgetYear,
}

impl SubjectKind {
    pub const ALL: [SubjectKind; 4] =
        [SubjectKind::Call, SubjectKind::Ranking, SubjectKind::Report, SubjectKind::BudgetYear];

    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Call => "call",
            SubjectKind::Ranking => "ranking",
            SubjectKind::Report => "report",
            SubjectKind::BudgetYear => "budget_year",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The object an agenda item concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subject {
    pub kind: SubjectKind,
    /// An id, or for a budget year the year.
    pub reference: String,
}

impl Subject {
    /// Checks the reference's shape for its kind (whether the object exists is the store's question).
    pub fn checked(kind: SubjectKind, reference: &str) -> Result<Subject, InputProblem> {
        let reference = reference.trim();
        let fits = match kind {
            SubjectKind::BudgetYear => reference.parse::<i32>().is_ok_and(|y| (2000..=2100).contains(&y)),
            _ => Uuid::parse_str(reference).is_ok(),
        };
        if fits {
            Ok(Subject { kind, reference: reference.to_owned() })
        } else {
            Err(problem("subject", ProblemKind::Malformed))
        }
    }

    /// The page it lives on, below the tenant's path.
    pub fn path(&self, tenant: &str) -> String {
        match self.kind {
            SubjectKind::Call => format!("/{tenant}/calls/{}", self.reference),
            SubjectKind::Ranking => format!("/{tenant}/calls/{}/ranking", self.reference),
            SubjectKind::Report => format!("/{tenant}/reports/{}", self.reference),
            SubjectKind::BudgetYear => format!("/{tenant}/controlling?year={}", self.reference),
        }
    }
}

/// What a resolution is about, for the register's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Calls, scoring and recommendations.
    Funding,
    /// Budgets, money and its control.
    Budget,
    /// Reports and the posts' work.
    Reports,
    /// Strategic direction of the programme.
    Strategy,
    /// The group's own procedure (minutes, rules).
    Procedure,
}

impl Topic {
    pub const ALL: [Topic; 5] = [Topic::Funding, Topic::Budget, Topic::Reports, Topic::Strategy, Topic::Procedure];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Funding => "funding",
            Topic::Budget => "budget",
            Topic::Reports => "reports",
            Topic::Strategy => "strategy",
            Topic::Procedure => "procedure",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// A meeting as it is planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingInput {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    /// 1 to 1440.
    pub duration_minutes: u32,
    /// The room, or empty for a video meeting.
    #[serde(default)]
    pub place: String,
    /// An `https://` link, or empty.
    #[serde(default)]
    pub video_link: String,
}

impl MeetingInput {
    /// Trimmed and checked: a title, a place or a video link (or both), a sensible length.
    pub fn checked(self) -> Result<MeetingInput, InputProblem> {
        let title = required("title", &self.title, MAX_TITLE_CHARS)?;
        let place = optional("place", &self.place, MAX_PLACE_CHARS)?;
        let video_link = optional("video_link", &self.video_link, MAX_LINK_CHARS)?;
        if !video_link.is_empty() && (!video_link.starts_with("https://") || video_link.contains(char::is_whitespace)) {
            return Err(problem("video_link", ProblemKind::Malformed));
        }
        if place.is_empty() && video_link.is_empty() {
            return Err(problem("place", ProblemKind::Required));
        }
        if self.duration_minutes == 0 || self.duration_minutes > MAX_DURATION_MINUTES {
            return Err(problem("duration_minutes", ProblemKind::Malformed));
        }
        Ok(MeetingInput {
            title,
            starts_at: self.starts_at,
            duration_minutes: self.duration_minutes,
            place,
            video_link,
        })
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + chrono::Duration::minutes(i64::from(self.duration_minutes))
    }
}

/// A new item on a meeting's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgendaInput {
    pub title: String,
    #[serde(default)]
    pub subject: Option<Subject>,
}

impl AgendaInput {
    pub fn checked(self) -> Result<AgendaInput, InputProblem> {
        let title = required("title", &self.title, MAX_TITLE_CHARS)?;
        let subject = self.subject.map(|s| Subject::checked(s.kind, &s.reference)).transpose()?;
        Ok(AgendaInput { title, subject })
    }
}

/// A resolution on an agenda item: its text, topic and vote, or deferred without a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolutionInput {
    pub text: String,
    pub topic: Topic,
    #[serde(default)]
    pub vote: Vote,
    /// Put off to a later meeting; no vote is taken.
    #[serde(default)]
    pub deferred: bool,
}

impl ResolutionInput {
    pub fn checked(self) -> Result<ResolutionInput, InputProblem> {
        let text = required("text", &self.text, MAX_TEXT_CHARS)?;
        Ok(ResolutionInput { text, ..self })
    }
}

/// A commission as the group gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommissionInput {
    pub title: String,
    #[serde(default)]
    pub details: String,
    pub assignee: Assignee,
    pub due_on: NaiveDate,
    /// The agenda item whose resolution gives it.
    #[serde(default)]
    pub agenda_item_id: Option<Uuid>,
}

impl CommissionInput {
    pub fn checked(self) -> Result<CommissionInput, InputProblem> {
        let title = required("title", &self.title, MAX_TITLE_CHARS)?;
        let details = optional("details", &self.details, MAX_TEXT_CHARS)?;
        Ok(CommissionInput { title, details, ..self })
    }
}

/// A note on a commission's progress; `close` marks it done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressInput {
    pub note: String,
    #[serde(default)]
    pub close: bool,
}

impl ProgressInput {
    pub fn checked(self) -> Result<ProgressInput, InputProblem> {
        Ok(ProgressInput { note: required("note", &self.note, MAX_TEXT_CHARS)?, close: self.close })
    }
}

/// A meeting in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingSummary {
    pub id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub video_link: String,
    pub invited_at: Option<DateTime<Utc>>,
    pub minutes_state: MinutesState,
    pub agenda_items: u32,
    pub resolutions: u32,
}

/// A member's attendance at a meeting (none recorded yet: `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttendanceRow {
    pub user_id: Uuid,
    pub name: String,
    pub seat: SeatType,
    pub attendance: Option<Attendance>,
}

/// A resolution as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolutionView {
    /// `2025/07`: year and running number within the tenant.
    pub number: String,
    pub text: String,
    pub topic: Topic,
    /// No vote for a deferred item.
    pub vote: Option<Vote>,
    pub outcome: Outcome,
    pub decided_at: DateTime<Utc>,
}

/// One item of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgendaItemView {
    pub id: Uuid,
    pub position: u32,
    pub title: String,
    pub subject: Option<Subject>,
    /// Names of the members recused from this item.
    pub recused: Vec<Uuid>,
    /// The quorum for this item, from attendance and recusals.
    pub quorum: Quorum,
    pub resolution: Option<ResolutionView>,
}

/// The seats as the group is composed now, and whether that is the resolved 3/3/1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Composition {
    pub administration: u32,
    pub committee: u32,
    pub project_carrier: u32,
    pub as_resolved: bool,
}

/// One meeting with everything the group records about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingView {
    pub summary: MeetingSummary,
    pub agenda: Vec<AgendaItemView>,
    pub attendance: Vec<AttendanceRow>,
    pub composition: Composition,
    pub minutes_text: String,
    /// The member named to write these minutes (besides the project-carrier seat).
    pub minutes_writer_id: Option<Uuid>,
    pub minutes_writer: Option<String>,
    pub minutes_updated_at: Option<DateTime<Utc>>,
    /// The meeting that approved these minutes.
    pub approved_at: Option<MeetingRef>,
    pub commissions: Vec<CommissionSummary>,
    pub files: Vec<crate::file::FileRef>,
    /// The caller prepares meetings (agenda, papers, commissions).
    pub may_prepare: bool,
    /// The caller may send the invitation: it prepares the meeting, and the meeting lies ahead.
    pub may_invite: bool,
    /// The caller writes these minutes (while they are not approved).
    pub may_write: bool,
}

/// A meeting named by another record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingRef {
    pub id: Uuid,
    pub title: String,
    pub starts_at: DateTime<Utc>,
}

/// A row of the resolutions register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolutionRow {
    pub agenda_item_id: Uuid,
    pub meeting: MeetingRef,
    pub item_title: String,
    pub resolution: ResolutionView,
    /// Whether the minutes holding it are approved.
    pub minutes_state: MinutesState,
    pub open_commissions: u32,
}

/// What the register may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionFilter {
    /// Words that must all occur in the resolution's text or its item's title.
    pub query: Option<String>,
    pub topic: Option<Topic>,
    pub year: Option<i32>,
    pub outcome: Option<Outcome>,
}

impl ResolutionFilter {
    pub fn matches(&self, row: &ResolutionRow) -> bool {
        let haystack = format!("{} {} {}", row.resolution.number, row.item_title, row.resolution.text).to_lowercase();
        self.query.as_deref().unwrap_or_default().split_whitespace().all(|w| haystack.contains(&w.to_lowercase()))
            && self.topic.is_none_or(|t| t == row.resolution.topic)
            && self.year.is_none_or(|y| row.resolution.number.starts_with(&format!("{y}/")))
            && self.outcome.is_none_or(|o| o == row.resolution.outcome)
    }
}

/// A commission in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommissionSummary {
    pub id: Uuid,
    pub title: String,
    pub assignee: Assignee,
    /// The person, the organisation, or the youth office.
    pub assignee_name: String,
    pub given_on: NaiveDate,
    pub due_on: NaiveDate,
    pub state: CommissionState,
    pub overdue: bool,
    /// The resolution it comes from (its number).
    pub resolution: Option<String>,
    pub meeting_id: Option<Uuid>,
}

/// A note on a commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressNote {
    pub author: String,
    pub note: String,
    pub closes: bool,
    pub at: DateTime<Utc>,
}

/// One commission with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommissionView {
    pub summary: CommissionSummary,
    pub details: String,
    pub notes: Vec<ProgressNote>,
    /// The caller may report progress and close it (its assignee, or who manages commissions).
    pub may_report: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(place: &str, link: &str, minutes: u32) -> MeetingInput {
        MeetingInput {
            title: " Sitzung ".into(),
            starts_at: DateTime::from_timestamp(1_700_000_000, 0).expect("time"),
            duration_minutes: minutes,
            place: place.into(),
            video_link: link.into(),
        }
    }

    #[test]
    fn a_meeting_needs_a_place_or_a_secure_link() {
        assert_eq!(meeting("Rathaus", "", 120).checked().map(|m| m.title), Ok("Sitzung".to_owned()));
        assert!(meeting("", "https://meet.example.org/a", 90).checked().is_ok());
        assert_eq!(meeting("", "", 90).checked().map_err(|p| p.field), Err("place"));
        assert_eq!(meeting("", "http://x.example", 90).checked().map_err(|p| p.field), Err("video_link"));
        assert_eq!(meeting("Rathaus", "", 0).checked().map_err(|p| p.field), Err("duration_minutes"));
    }

    #[test]
    fn subjects_check_their_reference() {
        assert!(Subject::checked(SubjectKind::BudgetYear, "2024").is_ok());
        assert!(Subject::checked(SubjectKind::BudgetYear, "zwanzig").is_err());
        assert!(Subject::checked(SubjectKind::Call, "2024").is_err());
        let id = Uuid::nil().to_string();
        assert_eq!(
            Subject::checked(SubjectKind::Ranking, &id).map(|s| s.path("dresden")),
            Ok(format!("/dresden/calls/{id}/ranking"))
        );
    }

    #[test]
    fn the_register_filter_needs_every_word_and_criterion() {
        let row = ResolutionRow {
            agenda_item_id: Uuid::nil(),
            meeting: MeetingRef { id: Uuid::nil(), title: "1. Sitzung".into(), starts_at: DateTime::UNIX_EPOCH },
            item_title: "Haushalt 2025".into(),
            resolution: ResolutionView {
                number: "2025/03".into(),
                text: "Der Restbetrag wird übertragen.".into(),
                topic: Topic::Budget,
                vote: Some(Vote { yes: 6, no: 0, abstain: 1 }),
                outcome: Outcome::Adopted,
                decided_at: DateTime::UNIX_EPOCH,
            },
            minutes_state: MinutesState::Approved,
            open_commissions: 0,
        };
        assert!(ResolutionFilter::default().matches(&row));
        let narrowed = ResolutionFilter {
            query: Some("haushalt RESTBETRAG".into()),
            topic: Some(Topic::Budget),
            year: Some(2025),
            outcome: Some(Outcome::Adopted),
        };
        assert!(narrowed.matches(&row));
        assert!(!ResolutionFilter { year: Some(2024), ..ResolutionFilter::default() }.matches(&row));
        assert!(!ResolutionFilter { topic: Some(Topic::Funding), ..ResolutionFilter::default() }.matches(&row));
        assert!(!ResolutionFilter { query: Some("Stelle".into()), ..ResolutionFilter::default() }.matches(&row));
    }
}
