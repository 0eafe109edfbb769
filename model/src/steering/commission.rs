//! Commissions ("Aufträge", seed §3: the group commissions): a task for a coordinator, the project carrier or
//! the youth office, with a due day and the resolution it comes from, tracked until the assignee closes it.
//!
//! Who sees a commission follows from its assignee: the steering group and the administration see all of
//! them, a coordinator or a carrier only those addressed to them.

use super::SteeringError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// To whom a commission is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Assignee {
    /// One coordinator of a post.
    Coordinator { user_id: Uuid },
    /// The steering-module carrier, as an organisation: any of its members may report and close.
    ProjectCarrier { organisation_id: Uuid },
    /// The youth office: the tenant's administration.
    YouthOffice,
}

/// Whether a commission is still to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommissionState {
    Open,
    Done,
}

impl CommissionState {
    pub fn as_str(self) -> &'static str {
        match self {
            CommissionState::Open => "open",
            CommissionState::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [CommissionState::Open, CommissionState::Done].into_iter().find(|c| c.as_str() == s)
    }

    /// Progress may be reported and the commission closed only while it is open.
    pub fn check_open(self) -> Result<(), SteeringError> {
        match self {
            CommissionState::Open => Ok(()),
            CommissionState::Done => Err(SteeringError::CommissionClosed),
        }
    }
}

/// A due day must not lie before the day the commission is given.
pub fn check_due(given_on: NaiveDate, due_on: NaiveDate) -> Result<(), SteeringError> {
    if due_on < given_on { Err(SteeringError::DueBeforeGiven) } else { Ok(()) }
}

/// An open commission past its due day (days in the tenant's time zone).
pub fn is_overdue(state: CommissionState, due_on: NaiveDate, today: NaiveDate) -> bool {
    state == CommissionState::Open && today > due_on
}

/// Which reminder an open commission gets on `today`, the same rhythm as the reports': a week before, on
/// the due day, and on the day after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommissionReminder {
    InAWeek,
    Today,
    Overdue,
}

pub fn reminder(state: CommissionState, due_on: NaiveDate, today: NaiveDate) -> Option<CommissionReminder> {
    if state != CommissionState::Open {
        return None;
    }
    match (today - due_on).num_days() {
        -7 => Some(CommissionReminder::InAWeek),
        0 => Some(CommissionReminder::Today),
        1 => Some(CommissionReminder::Overdue),
        _ => None,
    }
}

/// The facts about a caller that decide which commissions they see.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    /// Steering seats and the administration read every commission.
    pub reads_all: bool,
    /// The youth office: the administration.
    pub is_youth_office: bool,
    pub user_id: Option<Uuid>,
    /// The organisations the caller acts for as a carrier.
    pub organisations: Vec<Uuid>,
}

/// Whether `reader` may see (and, if not `reads_all` alone, work on) a commission given to `assignee`.
pub fn is_addressed_to(reader: &Reader, assignee: Assignee) -> bool {
    match assignee {
        Assignee::Coordinator { user_id } => reader.user_id == Some(user_id),
        Assignee::ProjectCarrier { organisation_id } => reader.organisations.contains(&organisation_id),
        Assignee::YouthOffice => reader.is_youth_office,
    }
}

pub fn may_see(reader: &Reader, assignee: Assignee) -> bool {
    reader.reads_all || is_addressed_to(reader, assignee)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).expect("date")
    }

    #[test]
    fn open_commissions_are_reminded_a_week_before_on_the_day_and_the_day_after() {
        let due = day(6, 30);
        assert_eq!(reminder(CommissionState::Open, due, day(6, 23)), Some(CommissionReminder::InAWeek));
        assert_eq!(reminder(CommissionState::Open, due, day(6, 30)), Some(CommissionReminder::Today));
        assert_eq!(reminder(CommissionState::Open, due, day(7, 1)), Some(CommissionReminder::Overdue));
        assert_eq!(reminder(CommissionState::Open, due, day(7, 2)), None, "reminded once, then flagged");
        assert_eq!(reminder(CommissionState::Done, due, day(6, 30)), None);
        assert!(is_overdue(CommissionState::Open, due, day(7, 2)));
        assert!(!is_overdue(CommissionState::Open, due, due));
        assert!(!is_overdue(CommissionState::Done, due, day(8, 1)));
    }

    #[test]
    fn a_commission_is_seen_by_its_assignee_and_those_who_read_all() {
        let coordinator = Uuid::from_u128(1);
        let carrier = Uuid::from_u128(2);
        let member = Reader { reads_all: true, ..Reader::default() };
        let colleague = Reader { user_id: Some(Uuid::from_u128(3)), ..Reader::default() };
        let own = Reader { user_id: Some(coordinator), ..Reader::default() };
        let carrier_member =
            Reader { user_id: Some(Uuid::from_u128(4)), organisations: vec![carrier], ..Reader::default() };
        let office = Reader { is_youth_office: true, reads_all: true, ..Reader::default() };
        let to_coordinator = Assignee::Coordinator { user_id: coordinator };
        assert!(may_see(&member, to_coordinator) && !is_addressed_to(&member, to_coordinator));
        assert!(may_see(&own, to_coordinator));
        assert!(!may_see(&colleague, to_coordinator));
        assert!(!may_see(&carrier_member, to_coordinator));
        assert!(may_see(&carrier_member, Assignee::ProjectCarrier { organisation_id: carrier }));
        assert!(!may_see(&own, Assignee::YouthOffice));
        assert!(is_addressed_to(&office, Assignee::YouthOffice));
    }

    #[test]
    fn a_commission_is_worked_on_only_while_open_and_never_due_before_it_is_given() {
        assert_eq!(CommissionState::Open.check_open(), Ok(()));
        assert_eq!(CommissionState::Done.check_open(), Err(SteeringError::CommissionClosed));
        assert_eq!(check_due(day(5, 2), day(5, 1)), Err(SteeringError::DueBeforeGiven));
        assert_eq!(check_due(day(5, 2), day(5, 2)), Ok(()));
        assert_eq!(CommissionState::parse("done"), Some(CommissionState::Done));
        assert_eq!(CommissionState::parse("closed"), None);
    }
}
