//! Bids (Interessenbekundungen, SPEC §3A.3): what a carrier types, and what a complete bid is.
//!
//! A [`Draft`] keeps exactly what was typed, valid or not, so autosave never refuses or loses text. Only
//! submission asks [`complete`] to turn the draft into a [`Content`]: typed answers, amounts per budget year,
//! FTE and the attachments' checksums. Every problem names its form field (`answer-<question>`,
//! `amount-<year>`, `fte`), so the page can show each message next to its field. The receipt's hash is taken
//! over the content's canonical JSON.

use crate::call::{Phase, Question, QuestionKind};
use crate::money::Money;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Where a bid stands. Whether it can still change follows from its call's phase, not from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BidStatus {
    /// Never submitted. Only the organisation sees it.
    Draft,
    /// The latest version counts.
    Submitted,
    /// Submitted once, then withdrawn; may be submitted again before the deadline.
    Withdrawn,
}

impl BidStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BidStatus::Draft => "draft",
            BidStatus::Submitted => "submitted",
            BidStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [BidStatus::Draft, BidStatus::Submitted, BidStatus::Withdrawn].into_iter().find(|s| s.as_str() == text)
    }
}

/// The most characters one draft field may hold (a long answer's own limit is checked on submission).
pub const MAX_FIELD_CHARS: usize = 60_000;

/// What the carrier typed, saved as they type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    /// Answer text per question id (`yes`/`no` for yes/no questions, the option for single choice).
    #[serde(default)]
    pub answers: BTreeMap<Uuid, String>,
    /// Requested amount per budget year (the year as the key: `"2027"`), as typed.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, String>))]
    pub amounts: BTreeMap<i32, String>,
    /// Full-time equivalents, as typed (e.g. "0,5").
    #[serde(default)]
    pub fte: String,
}

impl Draft {
    /// True when no field is longer than [`MAX_FIELD_CHARS`] (a bound against abuse, not a form rule).
    pub fn within_bounds(&self) -> bool {
        self.answers.len() <= 200
            && self.amounts.len() <= 20
            && self
                .answers
                .values()
                .chain(self.amounts.values())
                .chain([&self.fte])
                .all(|v| v.chars().count() <= MAX_FIELD_CHARS)
    }
}

/// The budget years a bid states amounts for: the year of the committee's decision and the two after (the
/// steering module runs at least three calendar years, seed §1).
pub fn budget_years(decision_date: NaiveDate) -> Vec<i32> {
    let first = decision_date.year();
    (first..first + 3).collect()
}

/// Full-time equivalents (Vollzeitäquivalente), more than 0 and at most 10, in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "0.5"))]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Fte(Decimal);

impl Fte {
    pub fn parse(text: &str) -> Result<Self, Problem> {
        let value: Decimal = text.trim().replace(',', ".").parse().map_err(|_| Problem::Malformed)?;
        Self::try_from(value)
    }

    pub fn value(self) -> Decimal {
        self.0
    }

    /// As people write it: `0,5` in German, `0.5` in English.
    pub fn format(self, locale: crate::Locale) -> String {
        let (decimal_separator, _) = locale.separators();
        self.0.normalize().to_string().replace('.', &decimal_separator.to_string())
    }
}

impl TryFrom<Decimal> for Fte {
    type Error = Problem;
    fn try_from(value: Decimal) -> Result<Self, Problem> {
        let value = value.normalize();
        if value.scale() > 2 {
            Err(Problem::Malformed)
        } else if value <= Decimal::ZERO || value > Decimal::TEN {
            Err(Problem::OutOfRange)
        } else {
            Ok(Fte(value))
        }
    }
}

impl From<Fte> for Decimal {
    fn from(fte: Fte) -> Decimal {
        fte.0
    }
}

/// Why a field keeps a bid from being complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    #[error("required")]
    Required,
    #[error("too long")]
    TooLong,
    #[error("not a valid value")]
    Malformed,
    #[error("out of range")]
    OutOfRange,
    #[error("not one of the options")]
    NotAnOption,
}

/// A problem and the form field it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldProblem {
    pub field: String,
    pub problem: Problem,
}

/// A typed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Number(Decimal),
    Money(Money),
    YesNo(bool),
    Choice(String),
    /// The attachments (ids) that answer a file question.
    Files(Vec<Uuid>),
}

/// An uploaded file as a bid refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentRef {
    pub id: Uuid,
    /// The file question it answers, if any.
    pub question_id: Option<Uuid>,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: u64,
    /// Hex SHA-256 of the file.
    pub sha256: String,
}

/// One question with its answer, as submitted (the label is kept so a version reads on its own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnsweredQuestion {
    pub question_id: Uuid,
    pub label: String,
    pub answer: Option<Answer>,
}

/// The amount requested for one budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearAmount {
    pub year: i32,
    pub amount: Money,
}

/// A complete bid: what a submitted version holds and what its hash covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Content {
    pub call_id: Uuid,
    pub lot_id: Uuid,
    pub organisation_id: Uuid,
    pub answers: Vec<AnsweredQuestion>,
    pub amounts: Vec<YearAmount>,
    pub fte: Fte,
    pub attachments: Vec<AttachmentRef>,
}

impl Content {
    /// The requested amounts added up.
    pub fn total(&self) -> Money {
        self.amounts.iter().fold(Money::ZERO, |sum, year| sum.checked_add(year.amount).unwrap_or(sum))
    }
}

/// The form field of a question's answer.
pub fn answer_field(question: Uuid) -> String {
    format!("answer-{question}")
}

/// The form field of a budget year's amount.
pub fn amount_field(year: i32) -> String {
    format!("amount-{year}")
}

fn answer(question: &Question, typed: &str, attachments: &[AttachmentRef]) -> Result<Option<Answer>, Problem> {
    let typed = typed.trim();
    if let QuestionKind::File = question.kind {
        let ids: Vec<Uuid> = attachments.iter().filter(|a| a.question_id == Some(question.id)).map(|a| a.id).collect();
        return match (ids.is_empty(), question.required) {
            (true, true) => Err(Problem::Required),
            (true, false) => Ok(None),
            (false, _) => Ok(Some(Answer::Files(ids))),
        };
    }
    if typed.is_empty() {
        return if question.required { Err(Problem::Required) } else { Ok(None) };
    }
    let value = match &question.kind {
        QuestionKind::LongText { max_chars } => {
            if typed.chars().count() > *max_chars as usize {
                return Err(Problem::TooLong);
            }
            Answer::Text(typed.to_owned())
        }
        QuestionKind::ShortText => {
            if typed.chars().count() > 500 {
                return Err(Problem::TooLong);
            }
            Answer::Text(typed.to_owned())
        }
        QuestionKind::Number => Answer::Number(typed.replace(',', ".").parse().map_err(|_| Problem::Malformed)?),
        QuestionKind::Money => {
            let money = Money::parse(typed).map_err(|_| Problem::Malformed)?;
            if money.is_negative() {
                return Err(Problem::OutOfRange);
            }
            Answer::Money(money)
        }
        QuestionKind::YesNo => match typed {
            "yes" => Answer::YesNo(true),
            "no" => Answer::YesNo(false),
            _ => return Err(Problem::NotAnOption),
        },
        QuestionKind::SingleChoice { options } => {
            if !options.iter().any(|o| o.trim() == typed) {
                return Err(Problem::NotAnOption);
            }
            Answer::Choice(typed.to_owned())
        }
        QuestionKind::File => unreachable!("handled above"),
    };
    Ok(Some(value))
}

/// What a bid is about (its call, lot and organisation), to build its [`Content`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    pub call_id: Uuid,
    pub lot_id: Uuid,
    pub organisation_id: Uuid,
}

/// Checks a draft for submission: every required question answered, answers of the right kind and length,
/// at least one budget year with an amount above zero, and FTE. Returns every problem at once.
pub fn complete(
    subject: Subject,
    draft: &Draft,
    questions: &[Question],
    years: &[i32],
    attachments: &[AttachmentRef],
) -> Result<Content, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut answers = Vec::with_capacity(questions.len());
    for question in questions {
        let typed = draft.answers.get(&question.id).map(String::as_str).unwrap_or("");
        match answer(question, typed, attachments) {
            Ok(answer) => {
                answers.push(AnsweredQuestion { question_id: question.id, label: question.label.clone(), answer })
            }
            Err(problem) => problems.push(FieldProblem { field: answer_field(question.id), problem }),
        }
    }
    let mut amounts = Vec::new();
    for &year in years {
        let typed = draft.amounts.get(&year).map(|t| t.trim()).unwrap_or("");
        if typed.is_empty() {
            continue;
        }
        match Money::parse(typed) {
            Ok(amount) if amount.is_negative() => {
                problems.push(FieldProblem { field: amount_field(year), problem: Problem::OutOfRange })
            }
            Ok(amount) => amounts.push(YearAmount { year, amount }),
            Err(_) => problems.push(FieldProblem { field: amount_field(year), problem: Problem::Malformed }),
        }
    }
    let any_amount = amounts.iter().any(|a| a.amount > Money::ZERO);
    if !any_amount
        && let Some(&first) = years.first()
        && !problems.iter().any(|p| p.field.starts_with("amount-"))
    {
        problems.push(FieldProblem { field: amount_field(first), problem: Problem::Required });
    }
    let fte = if draft.fte.trim().is_empty() { Err(Problem::Required) } else { Fte::parse(&draft.fte) };
    let fte = fte.map_err(|problem| problems.push(FieldProblem { field: "fte".into(), problem })).ok();
    match fte {
        Some(fte) if problems.is_empty() => Ok(Content {
            call_id: subject.call_id,
            lot_id: subject.lot_id,
            organisation_id: subject.organisation_id,
            answers,
            amounts,
            fte,
            attachments: attachments.to_vec(),
        }),
        _ => Err(problems),
    }
}

/// A submitted version, as lists and receipts show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionView {
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    /// Hex SHA-256 of the version's content.
    pub content_hash: String,
}

/// A bid as its organisation works on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidView {
    pub id: Uuid,
    pub call_id: Uuid,
    pub call_title: String,
    pub lot_id: Uuid,
    pub lot_title: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub status: BidStatus,
    pub draft: Draft,
    pub draft_saved_at: DateTime<Utc>,
    /// Attachments of the current draft.
    pub attachments: Vec<AttachmentRef>,
    /// Every submitted version, oldest first.
    pub versions: Vec<VersionView>,
    pub questions: Vec<Question>,
    pub budget_years: Vec<i32>,
    pub phase: Phase,
    pub closes_at: DateTime<Utc>,
    pub server_now: DateTime<Utc>,
}

/// One line of a list of bids (the organisation's own, or a closed call's for readers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidSummary {
    pub id: Uuid,
    pub call_id: Uuid,
    pub call_title: String,
    pub lot_id: Uuid,
    pub lot_title: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub status: BidStatus,
    pub phase: Phase,
    pub closes_at: DateTime<Utc>,
    pub latest_version: Option<VersionView>,
}

/// A submitted bid as readers see it after the call has closed: its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmittedBid {
    pub summary: BidSummary,
    pub version: VersionView,
    pub content: Content,
}

/// How many bids a lot has, which is all an administrator may know before the call closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LotCount {
    pub lot_id: Uuid,
    pub lot_title: String,
    pub submitted: u64,
    pub drafts: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, required: bool) -> Question {
        Question { id: Uuid::new_v4(), kind, label: "Frage".into(), help: String::new(), required }
    }

    fn subject() -> Subject {
        Subject { call_id: Uuid::nil(), lot_id: Uuid::nil(), organisation_id: Uuid::nil() }
    }

    fn fields(problems: &[FieldProblem]) -> Vec<(String, Problem)> {
        problems.iter().map(|p| (p.field.clone(), p.problem)).collect()
    }

    #[test]
    fn fte_is_written_with_the_locale_s_decimal_separator() {
        let half = Fte::parse("0.5").expect("fte");
        assert_eq!(half.format(crate::Locale::De), "0,5");
        assert_eq!(half.format(crate::Locale::En), "0.5");
        assert_eq!(Fte::parse("1,00").expect("fte").format(crate::Locale::De), "1");
    }

    #[test]
    fn a_complete_draft_becomes_content() {
        let text = question(QuestionKind::LongText { max_chars: 100 }, true);
        let yes_no = question(QuestionKind::YesNo, true);
        let mut draft = Draft { fte: "0,5".into(), ..Draft::default() };
        draft.answers.insert(text.id, " Erfahrung seit 2005 ".into());
        draft.answers.insert(yes_no.id, "yes".into());
        draft.amounts.insert(2027, "32.500,00".into());
        let content = complete(subject(), &draft, &[text, yes_no], &[2027, 2028, 2029], &[]).expect("complete");
        assert_eq!(content.answers[0].answer, Some(Answer::Text("Erfahrung seit 2005".into())));
        assert_eq!(content.answers[1].answer, Some(Answer::YesNo(true)));
        assert_eq!(content.amounts, vec![YearAmount { year: 2027, amount: Money::from_cents(3_250_000) }]);
        assert_eq!(content.fte.value(), Decimal::new(5, 1));
        assert_eq!(content.total(), Money::from_cents(3_250_000));
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let text = question(QuestionKind::LongText { max_chars: 100 }, true);
        let long = question(QuestionKind::LongText { max_chars: 100 }, false);
        let choice = question(QuestionKind::SingleChoice { options: vec!["a".into(), "b".into()] }, false);
        let file = question(QuestionKind::File, true);
        let mut draft = Draft { fte: "12".into(), ..Draft::default() };
        draft.answers.insert(long.id, "x".repeat(101));
        draft.answers.insert(choice.id, "c".into());
        draft.amounts.insert(2028, "viel".into());
        let questions = [text.clone(), long.clone(), choice.clone(), file.clone()];
        let problems = complete(subject(), &draft, &questions, &[2027, 2028], &[]).expect_err("incomplete");
        assert_eq!(
            fields(&problems),
            vec![
                (answer_field(text.id), Problem::Required),
                (answer_field(long.id), Problem::TooLong),
                (answer_field(choice.id), Problem::NotAnOption),
                (answer_field(file.id), Problem::Required),
                (amount_field(2028), Problem::Malformed),
                ("fte".into(), Problem::OutOfRange),
            ]
        );
    }

    #[test]
    fn some_money_must_be_requested() {
        let draft = Draft { fte: "0.5".into(), amounts: BTreeMap::from([(2027, "0".into())]), ..Draft::default() };
        let problems = complete(subject(), &draft, &[], &[2027, 2028], &[]).expect_err("no money");
        assert_eq!(fields(&problems), vec![(amount_field(2027), Problem::Required)]);
        let negative = Draft { amounts: BTreeMap::from([(2027, "-5".into())]), ..draft };
        let problems = complete(subject(), &negative, &[], &[2027], &[]).expect_err("negative");
        assert_eq!(fields(&problems), vec![(amount_field(2027), Problem::OutOfRange)]);
    }

    #[test]
    fn file_questions_are_answered_by_attachments() {
        let file = question(QuestionKind::File, true);
        let attachment = AttachmentRef {
            id: Uuid::new_v4(),
            question_id: Some(file.id),
            file_name: "konzept.pdf".into(),
            media_type: "application/pdf".into(),
            size_bytes: 10,
            sha256: "0".repeat(64),
        };
        let draft = Draft { fte: "1".into(), amounts: BTreeMap::from([(2027, "1".into())]), ..Draft::default() };
        let content = complete(subject(), &draft, &[file], &[2027], std::slice::from_ref(&attachment)).expect("ok");
        assert_eq!(content.answers[0].answer, Some(Answer::Files(vec![attachment.id])));
    }

    #[test]
    fn fte_is_a_positive_share_of_at_most_ten_posts() {
        assert_eq!(Fte::parse("0,5").map(Fte::value), Ok(Decimal::new(5, 1)));
        assert_eq!(Fte::parse("0"), Err(Problem::OutOfRange));
        assert_eq!(Fte::parse("0,125"), Err(Problem::Malformed));
        assert_eq!(Fte::parse("halb"), Err(Problem::Malformed));
    }

    #[test]
    fn drafts_are_bounded_but_keep_invalid_text() {
        let mut draft = Draft { fte: "halb".into(), ..Draft::default() };
        assert!(draft.within_bounds());
        draft.answers.insert(Uuid::nil(), "x".repeat(MAX_FIELD_CHARS + 1));
        assert!(!draft.within_bounds());
    }

    #[test]
    fn three_budget_years_from_the_decision() {
        let decision = NaiveDate::from_ymd_opt(2027, 1, 31).expect("date");
        assert_eq!(budget_years(decision), vec![2027, 2028, 2029]);
    }
}
