//! Minutes and their resolutions: how a vote is counted and when the minutes freeze.
//!
//! The project-carrier seat (or whoever the group names) writes the minutes in the app. They are circulated
//! to the members, can be corrected until the next meeting approves them, and are frozen from then on, so
//! the register of resolutions cites a text that no longer moves.

use super::SteeringError;
use super::meeting::Quorum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a meeting's minutes stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MinutesState {
    /// Being written; only the writer and the project carrier see them.
    Draft,
    /// Sent to the members; still correctable.
    Circulated,
    /// Approved by a later meeting; frozen.
    Approved,
}

impl MinutesState {
    pub const ALL: [MinutesState; 3] = [MinutesState::Draft, MinutesState::Circulated, MinutesState::Approved];

    pub fn as_str(self) -> &'static str {
        match self {
            MinutesState::Draft => "draft",
            MinutesState::Circulated => "circulated",
            MinutesState::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether the text or a resolution may still change.
    pub fn check_edit(self) -> Result<(), SteeringError> {
        match self {
            MinutesState::Approved => Err(SteeringError::MinutesFrozen),
            _ => Ok(()),
        }
    }

    /// Circulating again after a correction is allowed; approved minutes stay as they are.
    pub fn circulate(self) -> Result<MinutesState, SteeringError> {
        self.check_edit().map(|()| MinutesState::Circulated)
    }

    /// Approval by the meeting held on `approving_on` of the minutes of the meeting held on `held_on`.
    pub fn approve(self, held_on: NaiveDate, approving_on: NaiveDate) -> Result<MinutesState, SteeringError> {
        match self {
            MinutesState::Approved => Err(SteeringError::MinutesFrozen),
            MinutesState::Draft => Err(SteeringError::NotCirculated),
            MinutesState::Circulated if approving_on <= held_on => Err(SteeringError::ApprovalTooEarly),
            MinutesState::Circulated => Ok(MinutesState::Approved),
        }
    }
}

/// The counted votes on one item; recused members have no vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Vote {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Vote {
    pub fn cast(self) -> u32 {
        self.yes + self.no + self.abstain
    }
}

/// What became of an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    Rejected,
    /// Postponed without a vote.
    Deferred,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Adopted, Outcome::Rejected, Outcome::Deferred];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::Rejected => "rejected",
            Outcome::Deferred => "deferred",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// The outcome of a vote on an item with the given quorum: adopted by more yes than no votes (abstentions
/// count for neither), refused when more votes are recorded than members may vote, or when the item was
/// not quorate.
pub fn decide(vote: Vote, quorum: Quorum) -> Result<Outcome, SteeringError> {
    if vote.cast() > quorum.eligible {
        return Err(SteeringError::TooManyVotes);
    }
    if !quorum.reached {
        return Err(SteeringError::NotQuorate);
    }
    Ok(if vote.yes > vote.no { Outcome::Adopted } else { Outcome::Rejected })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).expect("date")
    }

    #[test]
    fn a_vote_is_won_by_more_yes_than_no() {
        let seven = Quorum::of(4, 7, 0);
        assert_eq!(decide(Vote { yes: 4, no: 2, abstain: 1 }, seven), Ok(Outcome::Adopted));
        assert_eq!(decide(Vote { yes: 2, no: 2, abstain: 3 }, seven), Ok(Outcome::Rejected), "a tie fails");
        assert_eq!(decide(Vote { yes: 1, no: 0, abstain: 6 }, seven), Ok(Outcome::Adopted));
    }

    #[test]
    fn recused_members_have_no_vote() {
        let two_recused = Quorum::of(4, 7, 2);
        assert_eq!(decide(Vote { yes: 5, no: 1, abstain: 0 }, two_recused), Err(SteeringError::TooManyVotes));
        assert_eq!(decide(Vote { yes: 3, no: 2, abstain: 0 }, two_recused), Ok(Outcome::Adopted));
        let too_few = Quorum::of(4, 5, 2);
        assert_eq!(decide(Vote { yes: 3, no: 0, abstain: 0 }, too_few), Err(SteeringError::NotQuorate));
    }

    #[test]
    fn minutes_freeze_once_a_later_meeting_approves_them() {
        let draft = MinutesState::Draft;
        assert_eq!(draft.approve(day(1), day(20)), Err(SteeringError::NotCirculated));
        let circulated = draft.circulate().expect("circulate");
        assert_eq!(circulated.check_edit(), Ok(()), "corrections until approval");
        assert_eq!(circulated.circulate(), Ok(MinutesState::Circulated));
        assert_eq!(circulated.approve(day(1), day(1)), Err(SteeringError::ApprovalTooEarly));
        let approved = circulated.approve(day(1), day(20)).expect("approve");
        assert_eq!(approved.check_edit(), Err(SteeringError::MinutesFrozen));
        assert_eq!(approved.circulate(), Err(SteeringError::MinutesFrozen));
        assert_eq!(approved.approve(day(1), day(25)), Err(SteeringError::MinutesFrozen));
    }

    #[test]
    fn names_round_trip() {
        for s in MinutesState::ALL {
            assert_eq!(MinutesState::parse(s.as_str()), Some(s));
        }
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.as_str()), Some(o));
        }
    }
}
