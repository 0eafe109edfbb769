//! A meeting's attendance and what it makes of the quorum, per agenda item.
//!
//! The quorum is the tenant's (a majority of the seven seats by default, `award::DEFAULT_QUORUM`). A member
//! who declared a conflict for an item is recused from it: present, but neither counted for its quorum nor
//! allowed to vote on it. So one meeting can be quorate for one item and not for the next.

use crate::role::{SeatComposition, SeatType};
use serde::{Deserialize, Serialize};

/// How a member took part in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Present,
    /// Announced in advance.
    Excused,
    Absent,
}

impl Attendance {
    pub const ALL: [Attendance; 3] = [Attendance::Present, Attendance::Excused, Attendance::Absent];

    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::Excused => "excused",
            Attendance::Absent => "absent",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// One item's quorum: who is there, who is recused, and whether enough remain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quorum {
    pub present: u32,
    pub recused: u32,
    /// Present and not recused: the members who may vote on the item.
    pub eligible: u32,
    pub required: u32,
    pub reached: bool,
}

impl Quorum {
    /// `present` counts the members present; `recused` those of them recused from the item.
    pub fn of(required: u32, present: u32, recused_present: u32) -> Self {
        let recused = recused_present.min(present);
        let eligible = present - recused;
        Quorum { present, recused, eligible, required, reached: required > 0 && eligible >= required }
    }
}

/// What the app warns about when it shows a meeting: a group not composed 3/3/1 (seed §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompositionWarning {
    pub composition: SeatComposition,
}

/// A warning when the seats are not 3 administration, 3 committee and 1 project carrier.
pub fn composition_warning(seats: impl IntoIterator<Item = SeatType>) -> Option<CompositionWarning> {
    let composition = SeatComposition::count(seats);
    (!composition.is_as_resolved()).then_some(CompositionWarning { composition })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recused_members_do_not_count_for_the_quorum() {
        let all_there = Quorum::of(4, 7, 0);
        assert!(all_there.reached);
        assert_eq!(all_there.eligible, 7);
        let five_with_two_recused = Quorum::of(4, 5, 2);
        assert_eq!((five_with_two_recused.eligible, five_with_two_recused.reached), (3, false));
        assert!(Quorum::of(4, 5, 1).reached);
        assert_eq!(Quorum::of(4, 2, 5).eligible, 0, "never more recused than present");
        assert!(!Quorum::of(0, 7, 0).reached, "a quorum of nobody is never reached");
    }

    #[test]
    fn the_group_is_warned_of_unless_it_is_three_three_one() {
        use SeatType::*;
        let full = [Administration, Administration, Administration, Committee, Committee, Committee, ProjectCarrier];
        assert_eq!(composition_warning(full), None);
        let warning = composition_warning(full[1..].iter().copied()).expect("six seats");
        assert_eq!(warning.composition.administration, 2);
    }

    #[test]
    fn attendance_names_round_trip() {
        for a in Attendance::ALL {
            assert_eq!(Attendance::parse(a.as_str()), Some(a));
        }
        assert_eq!(Attendance::parse("late"), None);
    }
}
