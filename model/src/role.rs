//! Roles inside a tenant (SPEC §2). A user may hold several. Carrier and steering roles carry what makes
//! them specific: the carrier's organisation and the steering member's seat — and the project-carrier seat
//! the organisation it comes from, so that the evaluation can recuse it from that organisation's bids.

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

/// One seat in the steering group. The project-carrier seat is held by a person of the steering-module
/// carrier and names that organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "seat", rename_all = "snake_case")]
pub enum Seat {
    Administration,
    Committee,
    ProjectCarrier { organisation_id: Uuid },
}

impl Seat {
    pub fn kind(self) -> SeatType {
        match self {
            Seat::Administration => SeatType::Administration,
            Seat::Committee => SeatType::Committee,
            Seat::ProjectCarrier { .. } => SeatType::ProjectCarrier,
        }
    }

    /// The seat of `kind`; the project-carrier seat needs its organisation.
    pub fn new(kind: SeatType, organisation_id: Option<Uuid>) -> Option<Self> {
        match (kind, organisation_id) {
            (SeatType::Administration, None) => Some(Seat::Administration),
            (SeatType::Committee, None) => Some(Seat::Committee),
            (SeatType::ProjectCarrier, Some(organisation_id)) => Some(Seat::ProjectCarrier { organisation_id }),
            _ => None,
        }
    }

    /// The organisation the seat is tied to (the project-carrier seat's).
    pub fn organisation_id(self) -> Option<Uuid> {
        match self {
            Seat::ProjectCarrier { organisation_id } => Some(organisation_id),
            _ => None,
        }
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
    Steering {
        #[serde(flatten)]
        seat: Seat,
    },
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

    /// The organisation the role ties its holder to: a carrier's, or the project-carrier seat's.
    pub fn organisation_id(self) -> Option<Uuid> {
        match self {
            Role::Carrier { organisation_id } => Some(organisation_id),
            Role::Steering { seat } => seat.organisation_id(),
            _ => None,
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
    fn seats_keep_their_json_shape() {
        let committee = Role::Steering { seat: Seat::Committee };
        assert_eq!(
            serde_json::to_value(committee).expect("json"),
            serde_json::json!({"role": "steering", "seat": "committee"})
        );
        let id = Uuid::from_u128(7);
        let carrier_seat = Role::Steering { seat: Seat::ProjectCarrier { organisation_id: id } };
        let json = serde_json::to_value(carrier_seat).expect("json");
        assert_eq!(json, serde_json::json!({"role": "steering", "seat": "project_carrier", "organisation_id": id}));
        assert_eq!(serde_json::from_value::<Role>(json).expect("json"), carrier_seat);
        assert_eq!(carrier_seat.organisation_id(), Some(id));
    }

    #[test]
    fn the_project_carrier_seat_needs_its_organisation() {
        let id = Uuid::from_u128(1);
        assert_eq!(Seat::new(SeatType::ProjectCarrier, None), None);
        assert_eq!(Seat::new(SeatType::Committee, Some(id)), None);
        assert_eq!(Seat::new(SeatType::ProjectCarrier, Some(id)), Some(Seat::ProjectCarrier { organisation_id: id }));
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
