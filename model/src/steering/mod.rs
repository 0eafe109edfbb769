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
pub mod view;

/// Whether `who` writes the minutes of a meeting whose named writer is `named_writer`: the project-carrier
/// seat always (it runs the group's business), a member the group named for this meeting too.
pub fn may_write_minutes(who: crate::policy::Who<'_>, named_writer: Option<uuid::Uuid>) -> bool {
    who.holds(crate::Permission::RunSteering)
        || (named_writer == Some(who.user_id) && who.holds(crate::Permission::ReadSteering))
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Who;
    use crate::{Role, Seat};
    use uuid::Uuid;

    #[test]
    fn the_project_carrier_seat_or_the_named_member_writes_the_minutes() {
        let (me, other) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let carrier_seat = [Role::Steering { seat: Seat::ProjectCarrier { organisation_id: other } }];
        let committee_seat = [Role::Steering { seat: Seat::Committee }];
        assert!(may_write_minutes(Who { user_id: me, roles: &carrier_seat }, None));
        assert!(!may_write_minutes(Who { user_id: me, roles: &committee_seat }, None));
        assert!(may_write_minutes(Who { user_id: me, roles: &committee_seat }, Some(me)));
        assert!(!may_write_minutes(Who { user_id: me, roles: &committee_seat }, Some(other)));
        assert!(!may_write_minutes(Who { user_id: me, roles: &[Role::Coordinator] }, Some(me)), "members only");
    }
}
