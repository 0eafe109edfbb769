//! The steering group's own business (SPEC §3D; seed §3; issue 15): its meetings with agenda and attendance,
//! the minutes with a resolution per agenda item, and the commissions it hands out.
//!
//! The group commissions, directs, accompanies and controls; the project carrier runs its business
//! ("Geschäftsführung"). What makes a meeting quorate, how a vote is counted with recused members left out,
//! when minutes freeze, and when a commission is overdue are rules here, so the pages, the API, the reminders
//! and the demo share them.

pub mod commission;
pub mod meeting;
pub mod minutes;

/// Why the steering group's business refuses a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum SteeringError {
    #[error("more votes than members who may vote")]
    TooManyVotes,
    #[error("the meeting is not quorate for this item")]
    NotQuorate,
    #[error("the minutes are approved and can no longer change")]
    MinutesFrozen,
    #[error("minutes are approved at a later meeting")]
    ApprovalTooEarly,
    #[error("the minutes must be circulated before they are approved")]
    NotCirculated,
    #[error("the commission is closed")]
    CommissionClosed,
    #[error("a commission is due on or after the day it is given")]
    DueBeforeGiven,
}
