//! The steering group's work on a closed call (SPEC §3B, issue 12): declarations of conflicts of interest,
//! score sheets from draft to final, and what the evaluation pages and the API show.
//!
//! The rules of who may score and see what are in `crate::policy` (`has_declared`, `is_recused`,
//! `may_score`, `may_see_others_scores`); the maths of the ranking in `crate::ranking`. This module holds the
//! values those rules work on, so that a sheet that is final is complete by construction ([`ScoreDraft::finalise`]).

use crate::call::CallSummary;
use crate::ranking::{RankedBid, ScoreSheet};
use crate::rubric::Rubric;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a member declares about one bidding organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    /// No conflict of interest.
    None,
    /// The member works for the organisation (or did recently).
    Employment,
    /// The member sits on its board or in another of its bodies.
    Board,
    /// Any other tie (family, business, a personal interest), described in the note.
    Other,
}

impl Conflict {
    pub const ALL: [Conflict; 4] = [Conflict::None, Conflict::Employment, Conflict::Board, Conflict::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Conflict::None => "none",
            Conflict::Employment => "employment",
            Conflict::Board => "board",
            Conflict::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Whether this declaration recuses the member from the organisation's lots.
    pub fn is_conflict(self) -> bool {
        self != Conflict::None
    }
}

/// The longest note of a declaration and the longest justification of one criterion, in characters.
pub const NOTE_MAX: usize = 1_000;
pub const JUSTIFICATION_MAX: usize = 4_000;

/// One declaration as a member gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeclarationInput {
    pub organisation_id: Uuid,
    pub conflict: Conflict,
    /// Required for `other`; optional otherwise.
    #[serde(default)]
    pub note: String,
}

/// Why a declaration or a score sheet is refused; the field names the criterion or organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationProblem {
    #[error("no points given")]
    PointsMissing,
    #[error("points outside the criterion's scale")]
    OutOfScale,
    #[error("no justification given")]
    JustificationMissing,
    #[error("text too long")]
    TooLong,
    #[error("more entries than the rubric has criteria")]
    TooManyEntries,
    #[error("a conflict of another kind needs a note")]
    NoteMissing,
}

impl DeclarationInput {
    /// Checks the note: required for [`Conflict::Other`], never longer than [`NOTE_MAX`].
    pub fn check(&self) -> Result<(), EvaluationProblem> {
        if self.note.chars().count() > NOTE_MAX {
            Err(EvaluationProblem::TooLong)
        } else if self.conflict == Conflict::Other && self.note.trim().is_empty() {
            Err(EvaluationProblem::NoteMissing)
        } else {
            Ok(())
        }
    }
}

/// A member's score sheet as typed: points and a justification per criterion, in the rubric's order. A draft
/// may be incomplete; [`ScoreDraft::finalise`] makes the sheet that counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreDraft {
    /// Points per criterion; `null` where none are given yet.
    #[serde(default)]
    pub points: Vec<Option<u8>>,
    /// A justification per criterion.
    #[serde(default)]
    pub justifications: Vec<String>,
}

/// A problem of a score sheet at one criterion (index into the rubric).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SheetProblem {
    pub criterion: usize,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub problem: EvaluationProblem,
}

impl ScoreDraft {
    /// A draft may be saved when it has no more entries than the rubric has criteria, its points lie on
    /// their scales and no justification is absurdly long. It is then padded to the rubric's length.
    pub fn checked(mut self, rubric: &Rubric) -> Result<Self, Vec<SheetProblem>> {
        let criteria = rubric.criteria();
        let mut problems = Vec::new();
        if self.points.len() > criteria.len() || self.justifications.len() > criteria.len() {
            problems.push(SheetProblem { criterion: criteria.len(), problem: EvaluationProblem::TooManyEntries });
        }
        self.points.resize(criteria.len(), None);
        self.justifications.resize(criteria.len(), String::new());
        for (index, criterion) in criteria.iter().enumerate() {
            if let Some(points) = self.points[index]
                && criterion.scale().check(points).is_err()
            {
                problems.push(SheetProblem { criterion: index, problem: EvaluationProblem::OutOfScale });
            }
            if self.justifications[index].chars().count() > JUSTIFICATION_MAX {
                problems.push(SheetProblem { criterion: index, problem: EvaluationProblem::TooLong });
            }
        }
        if problems.is_empty() { Ok(self) } else { Err(problems) }
    }

    /// The sheet that counts: points on every criterion's scale and a justification for each. Every missing
    /// piece is named, so the form can show them all at once.
    pub fn finalise(&self, rubric: &Rubric) -> Result<ScoreSheet, Vec<SheetProblem>> {
        let draft = self.clone().checked(rubric)?;
        let mut problems = Vec::new();
        for index in 0..rubric.criteria().len() {
            if draft.points[index].is_none() {
                problems.push(SheetProblem { criterion: index, problem: EvaluationProblem::PointsMissing });
            }
            if draft.justifications[index].trim().is_empty() {
                problems.push(SheetProblem { criterion: index, problem: EvaluationProblem::JustificationMissing });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let points = draft.points.iter().map(|p| p.unwrap_or_default()).collect();
        ScoreSheet::new(rubric, points)
            .map_err(|_| vec![SheetProblem { criterion: 0, problem: EvaluationProblem::OutOfScale }])
    }
}

/// Where a member stands with one bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SheetStatus {
    NotStarted,
    Draft,
    Final,
}

/// The caller's own score sheet for a bid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyScore {
    pub bid_id: Uuid,
    /// The submitted version that counts, to read it.
    pub version: i32,
    pub organisation_name: String,
    pub lot_title: String,
    pub call_id: Uuid,
    /// The call's rubric, which the points and justifications follow.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::rubric::Criterion>))]
    pub rubric: Rubric,
    pub status: SheetStatus,
    pub sheet: ScoreDraft,
    pub saved_at: Option<DateTime<Utc>>,
    pub finalised_at: Option<DateTime<Utc>>,
    /// The weighted score (0–100, rounded as in the ranking) once final.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub weighted: Option<Decimal>,
}

/// One member's finalised sheet for a bid, as the others see it once their own is final.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberScore {
    pub member_id: Uuid,
    pub member_name: String,
    pub points: Vec<u8>,
    pub justifications: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub weighted: Decimal,
    pub finalised_at: DateTime<Utc>,
}

/// The finalised sheets of a bid (the caller's own included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidScoresView {
    pub bid_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::rubric::Criterion>))]
    pub rubric: Rubric,
    pub scores: Vec<MemberScore>,
}

/// A bidding organisation of a lot and what the caller declared about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bidder {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    /// The caller's declaration; `None` while undeclared.
    pub declared: Option<Conflict>,
    pub note: String,
    /// A role ties the caller to this organisation (the project-carrier seat): recused without declaring.
    pub tied: bool,
}

/// One bid of a lot on the caller's evaluation overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BidProgress {
    pub bid_id: Uuid,
    /// The submitted version that counts, to read it.
    pub version: i32,
    pub organisation_name: String,
    /// The caller's sheet.
    pub mine: SheetStatus,
    /// How many members have finalised a sheet for it, of how many may score it.
    pub finalised: usize,
    pub eligible: usize,
}

/// One lot as the caller meets it in the evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LotEvaluation {
    pub lot_id: Uuid,
    pub title: String,
    pub bidders: Vec<Bidder>,
    /// The caller has declared for every bidder (scoring members must before they see the bids).
    pub declared: bool,
    /// The caller is recused from this lot.
    pub recused: bool,
    /// Empty until declared.
    pub bids: Vec<BidProgress>,
}

/// A closed call's evaluation from the caller's seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationView {
    pub call: CallSummary,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::rubric::Criterion>))]
    pub rubric: Rubric,
    /// The caller scores (a steering member) rather than only reads.
    pub scorer: bool,
    pub lots: Vec<LotEvaluation>,
}

/// A closed call a steering member still has work on, for their home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationTask {
    pub call: CallSummary,
    /// Lots still waiting for the caller's declarations.
    pub undeclared_lots: usize,
    /// Bids the caller may score and has not finalised.
    pub open_sheets: usize,
    /// Finalised sheets of the whole group, of how many are due (members × bids, recusals left out).
    pub group_finalised: usize,
    pub group_due: usize,
    /// Bids still waiting for the committee's decision (shown to the administration).
    pub undecided_bids: usize,
}

/// One line of a lot's ranking with the bidder's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankingLine {
    pub organisation_name: String,
    #[serde(flatten)]
    pub line: RankedBid,
}

/// One member's finalised points on one bid: a cell row of the score matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatrixRow {
    pub bid_id: Uuid,
    pub member_name: String,
    pub points: Vec<u8>,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub weighted: Decimal,
}

/// Why the caller does not see a lot's ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankingHidden {
    /// The caller has not declared for every bidder of the lot yet.
    Undeclared,
    /// The caller is recused from the lot.
    Recused,
    /// The caller has not finalised their own sheets for every bid of the lot yet.
    OwnScoresOpen,
}

/// A lot to choose on the ranking page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LotChoice {
    pub lot_id: Uuid,
    pub title: String,
}

/// One lot's ranking and score matrix, or why the caller does not see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LotRanking {
    pub lot_id: Uuid,
    pub title: String,
    pub hidden: Option<RankingHidden>,
    /// In rank order; empty when hidden.
    pub lines: Vec<RankingLine>,
    /// Every finalised sheet of the lot; empty when hidden.
    pub matrix: Vec<MatrixRow>,
    /// The steering group's recommendation, once recorded; `None` when hidden.
    pub recommendation: Option<crate::award::RecommendationView>,
    /// The committee's decisions on the lot's bids; empty when hidden.
    pub decisions: Vec<crate::award::DecisionView>,
}

/// A closed call's ranking per lot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankingView {
    pub call: CallSummary,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::rubric::Criterion>))]
    pub rubric: Rubric,
    pub lots: Vec<LotRanking>,
    /// Every lot that has bids, in the call's order: the page shows one lot at a time and links the others.
    #[serde(default)]
    pub choices: Vec<LotChoice>,
    /// The caller scores (and so may record a lot's recommendation).
    pub scorer: bool,
    /// The caller records the committee's decisions (the administration).
    pub decides: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::{Criterion, Scale, Weight};

    fn rubric() -> Rubric {
        let criterion = |title: &str, max| {
            Criterion::new(title, "", Weight::new(1).expect("w"), Scale::new(0, max).expect("s"), vec![])
                .expect("criterion")
        };
        Rubric::new(vec![criterion("A", 5), criterion("B", 10)]).expect("rubric")
    }

    #[test]
    fn a_draft_may_be_incomplete_but_not_off_the_scale() {
        let draft = ScoreDraft { points: vec![Some(3)], justifications: vec![] }.checked(&rubric()).expect("draft");
        assert_eq!(draft.points, vec![Some(3), None], "padded to the rubric");
        assert_eq!(draft.justifications.len(), 2);
        let off = ScoreDraft { points: vec![Some(6), Some(10)], justifications: vec![] }.checked(&rubric());
        assert_eq!(off, Err(vec![SheetProblem { criterion: 0, problem: EvaluationProblem::OutOfScale }]));
        let long = ScoreDraft { points: vec![None, None, None], justifications: vec![] }.checked(&rubric());
        assert_eq!(long, Err(vec![SheetProblem { criterion: 2, problem: EvaluationProblem::TooManyEntries }]));
    }

    #[test]
    fn finalising_names_every_missing_piece() {
        let draft = ScoreDraft { points: vec![Some(3), None], justifications: vec!["gut".into(), " ".into()] };
        assert_eq!(
            draft.finalise(&rubric()),
            Err(vec![
                SheetProblem { criterion: 1, problem: EvaluationProblem::PointsMissing },
                SheetProblem { criterion: 1, problem: EvaluationProblem::JustificationMissing },
            ])
        );
        let complete = ScoreDraft { points: vec![Some(3), Some(0)], justifications: vec!["a".into(), "b".into()] };
        assert_eq!(complete.finalise(&rubric()).expect("final").points(), &[3, 0]);
    }

    #[test]
    fn another_kind_of_conflict_needs_a_note() {
        let input =
            |conflict, note: &str| DeclarationInput { organisation_id: Uuid::nil(), conflict, note: note.into() };
        assert_eq!(input(Conflict::Other, " ").check(), Err(EvaluationProblem::NoteMissing));
        assert!(input(Conflict::Other, "Schwester im Vorstand").check().is_ok());
        assert!(input(Conflict::None, "").check().is_ok());
        assert_eq!(input(Conflict::Board, &"x".repeat(NOTE_MAX + 1)).check(), Err(EvaluationProblem::TooLong));
        assert!(Conflict::ALL.iter().all(|c| Conflict::parse(c.as_str()) == Some(*c)));
    }
}
