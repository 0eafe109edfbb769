//! Roles inside a tenant (SPEC §2). A user may hold several. Carrier and steering roles carry what makes
//! them specific: the carrier's organisation and the steering member's seat.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The three kinds of seat in the seven-member steering group (seed §3): 3 + 3 + 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SeatType {
    /// Appointed by the public youth-welfare office.
    Administration,
    /// Elected by the youth welfare committee.
    Committee,
    /// From the steering-module carrier.
    ProjectCarrier,
}

impl SeatType {
    pub const ALL: [SeatType; 3] = [SeatType::Administration, SeatType::Committee, SeatType::ProjectCarrier];

    /// How many seats of this type a complete group has.
    pub fn target_count(self) -> usize {
        match self {
            SeatType::Administration | SeatType::Committee => 3,
            SeatType::ProjectCarrier => 1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SeatType::Administration => "administration",
            SeatType::Committee => "committee",
            SeatType::ProjectCarrier => "project_carrier",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|seat| seat.as_str() == text)
    }
}

/// The kind of a role, without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    Carrier,
    Steering,
    Coordinator,
    Admin,
    DistrictContact,
}

impl RoleKind {
    pub const ALL: [RoleKind; 5] =
        [RoleKind::Admin, RoleKind::Steering, RoleKind::Carrier, RoleKind::Coordinator, RoleKind::DistrictContact];

    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::Carrier => "carrier",
            RoleKind::Steering => "steering",
            RoleKind::Coordinator => "coordinator",
            RoleKind::Admin => "admin",
            RoleKind::DistrictContact => "district_contact",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// A role as granted to one user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Role {
    /// Member of one carrier organisation; drafts and submits its bids.
    Carrier { organisation_id: Uuid },
    /// Steering-group member in one seat.
    Steering { seat: SeatType },
    /// Holds coordination posts and files their reports.
    Coordinator,
    /// Youth-office staff administering the tenant.
    Admin,
    /// Youth-office contact for some districts; reads only.
    DistrictContact,
}

impl Role {
    pub fn kind(self) -> RoleKind {
        match self {
            Role::Carrier { .. } => RoleKind::Carrier,
            Role::Steering { .. } => RoleKind::Steering,
            Role::Coordinator => RoleKind::Coordinator,
            Role::Admin => RoleKind::Admin,
            Role::DistrictContact => RoleKind::DistrictContact,
        }
    }
}

/// How the steering group is composed now, compared with the 3/3/1 of the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatComposition {
    pub administration: usize,
    pub committee: usize,
    pub project_carrier: usize,
}

impl SeatComposition {
    pub fn count(seats: impl IntoIterator<Item = SeatType>) -> Self {
        let mut composition = SeatComposition { administration: 0, committee: 0, project_carrier: 0 };
        for seat in seats {
            match seat {
                SeatType::Administration => composition.administration += 1,
                SeatType::Committee => composition.committee += 1,
                SeatType::ProjectCarrier => composition.project_carrier += 1,
            }
        }
        composition
    }

    pub fn of(&self, seat: SeatType) -> usize {
        match seat {
            SeatType::Administration => self.administration,
            SeatType::Committee => self.committee,
            SeatType::ProjectCarrier => self.project_carrier,
        }
    }

    /// True when the group is exactly 3 administration, 3 committee and 1 project-carrier seats.
    pub fn is_as_resolved(&self) -> bool {
        SeatType::ALL.into_iter().all(|seat| self.of(seat) == seat.target_count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resolved_group_is_three_three_one() {
        use SeatType::*;
        let full = [Administration, Administration, Administration, Committee, Committee, Committee, ProjectCarrier];
        assert!(SeatComposition::count(full).is_as_resolved());
        assert!(!SeatComposition::count(full[..6].iter().copied()).is_as_resolved());
        let skewed =
            [Administration, Administration, Administration, Administration, Committee, Committee, ProjectCarrier];
        assert!(!SeatComposition::count(skewed).is_as_resolved());
    }

    #[test]
    fn names_round_trip() {
        for kind in RoleKind::ALL {
            assert_eq!(RoleKind::parse(kind.as_str()), Some(kind));
        }
        for seat in SeatType::ALL {
            assert_eq!(SeatType::parse(seat.as_str()), Some(seat));
        }
    }
}
