//! Calls for expressions of interest (Interessenbekundungsverfahren, seed §4 and §7): what a call is, when it
//! is open, and what it asks.
//!
//! A call's phase is never stored: it follows from its times and the clock ([`Call::phase`]), so a call opens
//! and closes by itself, on every server at the same moment, without anyone switching it at midnight.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Which part of the programme a call is for (seed §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Module {
    /// Steering and content support by one carrier, at least three years (Steuerungsmodul).
    Steering,
    /// The coordination posts in the districts (Praxismodul).
    Practice,
}

impl Module {
    pub fn as_str(self) -> &'static str {
        match self {
            Module::Steering => "steering",
            Module::Practice => "practice",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "steering" => Some(Module::Steering),
            "practice" => Some(Module::Practice),
            _ => None,
        }
    }
}

/// Where a call stands, by the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Being prepared; only administrators see it.
    Draft,
    /// Published, but bids are not accepted yet.
    Upcoming,
    /// Bids are accepted.
    Open,
    /// The deadline has passed; bids are frozen.
    Closed,
}

/// The kind of answer a question wants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    LongText { max_chars: u32 },
    ShortText,
    Number,
    Money,
    YesNo,
    SingleChoice { options: Vec<String> },
    File,
}

impl QuestionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuestionKind::LongText { .. } => "long_text",
            QuestionKind::ShortText => "short_text",
            QuestionKind::Number => "number",
            QuestionKind::Money => "money",
            QuestionKind::YesNo => "yes_no",
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::File => "file",
        }
    }
}

/// One question of a call's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    pub id: Uuid,
    pub kind: QuestionKind,
    pub label: String,
    pub help: String,
    pub required: bool,
}

/// What a call must satisfy; each names the field it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("a call needs a title")]
    TitleMissing,
    #[error("the title has at most 200 characters")]
    TitleTooLong,
    #[error("the call must close after it opens")]
    ClosesBeforeOpening,
    #[error("the committee decides after the call has closed")]
    DecisionBeforeClosing,
    #[error("a question needs a text")]
    QuestionLabelMissing,
    #[error("a long-text answer allows between 100 and 50,000 characters")]
    CharacterLimitOutOfRange,
    #[error("a single-choice question needs at least two different options")]
    TooFewOptions,
    #[error("a call needs at least one lot")]
    NoLots,
    #[error("a published call's questions can no longer change")]
    QuestionsFrozen,
}

impl CallError {
    /// The form field the error is about.
    pub fn field(self) -> &'static str {
        match self {
            CallError::TitleMissing | CallError::TitleTooLong => "title",
            CallError::ClosesBeforeOpening => "closes_at",
            CallError::DecisionBeforeClosing => "decision_date",
            CallError::QuestionLabelMissing => "label",
            CallError::CharacterLimitOutOfRange => "max_chars",
            CallError::TooFewOptions => "options",
            CallError::NoLots => "lots",
            CallError::QuestionsFrozen => "questions",
        }
    }
}

/// The schedule of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// The youth welfare committee's meeting that decides the awards.
    pub decision_date: NaiveDate,
}

impl Schedule {
    pub fn new(opens_at: DateTime<Utc>, closes_at: DateTime<Utc>, decision_date: NaiveDate) -> Result<Self, CallError> {
        if closes_at <= opens_at {
            return Err(CallError::ClosesBeforeOpening);
        }
        if decision_date < closes_at.date_naive() {
            return Err(CallError::DecisionBeforeClosing);
        }
        Ok(Schedule { opens_at, closes_at, decision_date })
    }

    /// The phase of a published call at `now`. The closing second belongs to the closed phase: a bid
    /// arriving at exactly `closes_at` is late.
    pub fn phase(&self, published: bool, now: DateTime<Utc>) -> Phase {
        if !published {
            Phase::Draft
        } else if now < self.opens_at {
            Phase::Upcoming
        } else if now < self.closes_at {
            Phase::Open
        } else {
            Phase::Closed
        }
    }
}

/// A call as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallSummary {
    pub id: Uuid,
    pub module: Module,
    pub title: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub decision_date: NaiveDate,
    /// The phase when the server answered.
    pub phase: Phase,
    pub lot_count: usize,
}

/// One lot of a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LotView {
    pub id: Uuid,
    pub title: String,
    pub district_id: Option<Uuid>,
}

/// A call with everything a bidder needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallDetail {
    pub summary: CallSummary,
    pub description: String,
    pub lots: Vec<LotView>,
    pub questions: Vec<Question>,
    /// The server's clock when it answered, so a countdown can correct for a wrong clock in the browser.
    pub server_now: DateTime<Utc>,
}

/// A call open for bids, with the lots a carrier may start a bid for (the carrier's overview).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenCall {
    pub summary: CallSummary,
    pub lots: Vec<LotView>,
}

pub fn check_title(title: &str) -> Result<String, CallError> {
    let title = title.trim();
    if title.is_empty() {
        Err(CallError::TitleMissing)
    } else if title.chars().count() > 200 {
        Err(CallError::TitleTooLong)
    } else {
        Ok(title.to_owned())
    }
}

/// Checks a question as an administrator wrote it.
pub fn check_question(kind: &QuestionKind, label: &str) -> Result<(), CallError> {
    if label.trim().is_empty() {
        return Err(CallError::QuestionLabelMissing);
    }
    match kind {
        QuestionKind::LongText { max_chars } if !(100..=50_000).contains(max_chars) => {
            Err(CallError::CharacterLimitOutOfRange)
        }
        QuestionKind::SingleChoice { options } => {
            let mut distinct: Vec<&str> = options.iter().map(|o| o.trim()).filter(|o| !o.is_empty()).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() < 2 { Err(CallError::TooFewOptions) } else { Ok(()) }
        }
        _ => Ok(()),
    }
}

/// The questions a new call starts with. The steering call asks what seed §4a and §4b require; the practice
/// call asks for the community-work experience in the district that §7 names.
pub fn default_questions(module: Module) -> Vec<(QuestionKind, &'static str, &'static str)> {
    let long = QuestionKind::LongText { max_chars: 8000 };
    match module {
        Module::Steering => vec![
            (
                long.clone(),
                "Wie stellen Sie sich grundsätzlich den Prozess der sozialräumlichen Umstellung der Jugendhilfe vor, \
                 und welche Rolle sehen Sie für sich in diesem Projekt?",
                "Beschluss A0446/18, Punkt 4a.",
            ),
            (
                long,
                "Wie wollen Sie die Zusammenarbeit der Sozialraumkoordinatorinnen und -koordinatoren und den \
                 vertikalen und horizontalen Erfahrungstransfer organisieren und sicherstellen?",
                "Beschluss A0446/18, Punkt 4b.",
            ),
            (QuestionKind::File, "Konzept (PDF, ODT oder DOCX)", "Optional: Ihr ausführliches Konzept als Anlage."),
        ],
        Module::Practice => vec![
            (
                long,
                "Welche Erfahrungen in der Gemeinwesenarbeit haben Sie in der Fläche dieses Stadtraums bzw. dieser \
                 Ortschaften?",
                "Beschluss A0446/18, Punkt 7: Aufgefordert sind insbesondere Träger der freien Jugendhilfe mit \
                 fundierten Erfahrungen der Gemeinwesenarbeit im jeweiligen Gebiet.",
            ),
            (
                QuestionKind::ShortText,
                "Ansprechperson für die Sozialraumkoordinationsstelle",
                "Name und Funktion der Person, die die Stelle fachlich begleitet.",
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, s).single().expect("time")
    }

    fn schedule() -> Schedule {
        let decision = NaiveDate::from_ymd_opt(2027, 1, 31).expect("date");
        Schedule::new(at(8, 0, 0), at(23, 0, 0), decision).expect("valid")
    }

    #[test]
    fn a_call_opens_and_closes_by_the_clock_to_the_second() {
        let s = schedule();
        assert_eq!(s.phase(false, at(12, 0, 0)), Phase::Draft);
        assert_eq!(s.phase(true, at(7, 59, 59)), Phase::Upcoming);
        assert_eq!(s.phase(true, at(8, 0, 0)), Phase::Open);
        assert_eq!(s.phase(true, at(22, 59, 59)), Phase::Open);
        assert_eq!(s.phase(true, at(23, 0, 0)), Phase::Closed);
    }

    #[test]
    fn schedules_must_make_sense() {
        let decision = NaiveDate::from_ymd_opt(2027, 1, 31).expect("date");
        assert_eq!(Schedule::new(at(9, 0, 0), at(9, 0, 0), decision), Err(CallError::ClosesBeforeOpening));
        let early = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert_eq!(Schedule::new(at(8, 0, 0), at(9, 0, 0), early), Err(CallError::DecisionBeforeClosing));
    }

    #[test]
    fn questions_are_checked() {
        assert_eq!(check_question(&QuestionKind::ShortText, " "), Err(CallError::QuestionLabelMissing));
        assert_eq!(
            check_question(&QuestionKind::LongText { max_chars: 10 }, "x"),
            Err(CallError::CharacterLimitOutOfRange)
        );
        let same = QuestionKind::SingleChoice { options: vec!["ja".into(), " ja ".into()] };
        assert_eq!(check_question(&same, "x"), Err(CallError::TooFewOptions));
        let fine = QuestionKind::SingleChoice { options: vec!["ja".into(), "nein".into()] };
        assert_eq!(check_question(&fine, "x"), Ok(()));
    }

    #[test]
    fn the_steering_call_asks_what_the_resolution_requires() {
        let questions = default_questions(Module::Steering);
        assert!(questions[0].1.contains("sozialräumlichen Umstellung"));
        assert!(questions[1].1.contains("Erfahrungstransfer"));
        assert!(default_questions(Module::Practice)[0].1.contains("Gemeinwesenarbeit"));
        for (kind, label, _) in questions {
            assert_eq!(check_question(&kind, label), Ok(()));
        }
    }
}
