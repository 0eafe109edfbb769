//! Who may do what (SPEC §4): the one place where roles turn into permissions.
//!
//! The server attaches an [`Access`] to every route and server function and asks [`decide`] before the handler
//! runs; rules that depend on the object (own organisation, after the deadline, recusal) are functions here
//! too, so the whole policy reads in one file.

use crate::call::Phase;
use crate::role::{Role, RoleKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Something a role may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Users, invitations, roles and seats.
    ManageUsers,
    /// Create, rename, reorder and retire districts.
    ManageDistricts,
    /// Tenant settings.
    ManageSettings,
    /// Read the audit log.
    ReadAuditLog,
    /// Create, edit, publish and close calls; record committee decisions.
    ManageCalls,
    /// Book ledger entries.
    WriteLedger,
    /// Read budgets and the ledger.
    ReadLedger,
    /// Read every bid of a call once it has closed (see [`may_read_bid`]).
    ReadBids,
    /// Score bids of closed calls (unless recused).
    ScoreBids,
    /// Accept or return quarterly reports.
    ReviewReports,
    /// Read quarterly reports.
    ReadReports,
    /// Draft, submit and withdraw the own organisation's bids.
    DraftBids,
    /// File quarterly reports for one's own posts.
    FileReports,
}

impl Permission {
    pub const ALL: [Permission; 13] = [
        Permission::ManageUsers,
        Permission::ManageDistricts,
        Permission::ManageSettings,
        Permission::ReadAuditLog,
        Permission::ManageCalls,
        Permission::WriteLedger,
        Permission::ReadLedger,
        Permission::ReadBids,
        Permission::ScoreBids,
        Permission::ReviewReports,
        Permission::ReadReports,
        Permission::DraftBids,
        Permission::FileReports,
    ];
}

/// The permissions each kind of role brings (SPEC §4).
pub fn permissions_of(kind: RoleKind) -> &'static [Permission] {
    use Permission::*;
    match kind {
        RoleKind::Admin => &[
            ManageUsers,
            ManageDistricts,
            ManageSettings,
            ReadAuditLog,
            ManageCalls,
            ReadBids,
            WriteLedger,
            ReadLedger,
            ReviewReports,
            ReadReports,
        ],
        RoleKind::Steering => &[ReadLedger, ReadBids, ScoreBids, ReviewReports, ReadReports],
        RoleKind::Carrier => &[DraftBids],
        RoleKind::Coordinator => &[FileReports],
        RoleKind::DistrictContact => &[ReadReports],
    }
}

/// True when any of `roles` brings `permission`.
pub fn allows(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|role| permissions_of(role.kind()).contains(&permission))
}

/// True when `roles` make the caller a member of `organisation`.
pub fn member_of(roles: &[Role], organisation: Uuid) -> bool {
    roles.iter().any(|role| matches!(role, Role::Carrier { organisation_id } if *organisation_id == organisation))
}

/// Sealed bids (SPEC §3A.4): before the call closes only the bidding organisation reads its bid; afterwards
/// also whoever may read bids (steering group, administrators). Drafts never submitted stay the
/// organisation's own.
pub fn may_read_bid(roles: &[Role], organisation: Uuid, phase: Phase, ever_submitted: bool) -> bool {
    member_of(roles, organisation) || (phase == Phase::Closed && ever_submitted && allows(roles, Permission::ReadBids))
}

/// Only the organisation's members change its bid, and only while the call is open: afterwards the bid is
/// frozen for everyone, administrators included.
pub fn may_change_bid(roles: &[Role], organisation: Uuid, phase: Phase) -> bool {
    phase == Phase::Open && member_of(roles, organisation) && allows(roles, Permission::DraftBids)
}

/// What a route or server function requires of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user of the tenant.
    SignedIn,
    /// A signed-in user of the tenant holding the permission.
    Requires(Permission),
}

/// The outcome of a check; the server maps it to 401 / 403.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Nobody is signed in (or not in this tenant): sign in first.
    Unauthenticated,
    /// Signed in, but the roles do not allow it.
    Forbidden,
}

/// Decides `access` for a caller: `None` when nobody of this tenant is signed in, else the caller's roles.
pub fn decide(access: Access, caller_roles: Option<&[Role]>) -> Decision {
    match (access, caller_roles) {
        (Access::Public, _) => Decision::Allow,
        (_, None) => Decision::Unauthenticated,
        (Access::SignedIn, Some(_)) => Decision::Allow,
        (Access::Requires(permission), Some(roles)) if allows(roles, permission) => Decision::Allow,
        (Access::Requires(_), Some(_)) => Decision::Forbidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role::SeatType;

    fn carrier() -> Role {
        Role::Carrier { organisation_id: Uuid::nil() }
    }

    #[test]
    fn the_table_of_spec_section_4() {
        use Permission::*;
        let steering = Role::Steering { seat: SeatType::Committee };
        // (permission, carrier, steering, coordinator, admin)
        let table = [
            (DraftBids, true, false, false, false),
            (ScoreBids, false, true, false, false),
            (ManageCalls, false, false, false, true),
            (ReadLedger, false, true, false, true),
            (WriteLedger, false, false, false, true),
            (FileReports, false, false, true, false),
            (ReviewReports, false, true, false, true),
            (ManageUsers, false, false, false, true),
            (ManageDistricts, false, false, false, true),
        ];
        for (permission, c, s, k, a) in table {
            assert_eq!(allows(&[carrier()], permission), c, "carrier {permission:?}");
            assert_eq!(allows(&[steering], permission), s, "steering {permission:?}");
            assert_eq!(allows(&[Role::Coordinator], permission), k, "coordinator {permission:?}");
            assert_eq!(allows(&[Role::Admin], permission), a, "admin {permission:?}");
        }
    }

    #[test]
    fn district_contacts_only_read() {
        for permission in Permission::ALL {
            let expected = permission == Permission::ReadReports;
            assert_eq!(allows(&[Role::DistrictContact], permission), expected, "{permission:?}");
        }
    }

    #[test]
    fn several_roles_add_up() {
        let roles = [carrier(), Role::Coordinator];
        assert!(allows(&roles, Permission::DraftBids) && allows(&roles, Permission::FileReports));
        assert!(!allows(&roles, Permission::ManageUsers));
    }

    #[test]
    fn bids_are_sealed_until_the_call_closes() {
        let own = Uuid::from_u128(1);
        let member = [Role::Carrier { organisation_id: own }];
        let other_carrier = [Role::Carrier { organisation_id: Uuid::from_u128(2) }];
        let steering = [Role::Steering { seat: SeatType::Committee }];
        for phase in [Phase::Upcoming, Phase::Open] {
            assert!(may_read_bid(&member, own, phase, true));
            for roles in [&other_carrier[..], &steering, &[Role::Admin], &[Role::Coordinator], &[Role::DistrictContact]]
            {
                assert!(!may_read_bid(roles, own, phase, true), "{roles:?} in {phase:?}");
            }
        }
        assert!(may_read_bid(&steering, own, Phase::Closed, true));
        assert!(may_read_bid(&[Role::Admin], own, Phase::Closed, true));
        assert!(!may_read_bid(&[Role::Admin], own, Phase::Closed, false), "never-submitted drafts stay private");
        assert!(!may_read_bid(&other_carrier, own, Phase::Closed, true));
        assert!(!may_read_bid(&[Role::Coordinator], own, Phase::Closed, true));
    }

    #[test]
    fn bids_freeze_at_the_deadline_for_everyone() {
        let own = Uuid::from_u128(1);
        let member = [Role::Carrier { organisation_id: own }];
        assert!(may_change_bid(&member, own, Phase::Open));
        assert!(!may_change_bid(&member, own, Phase::Closed));
        assert!(!may_change_bid(&member, own, Phase::Upcoming));
        assert!(!may_change_bid(&[Role::Admin], own, Phase::Open));
    }

    #[test]
    fn decisions_distinguish_who_from_what() {
        let admin = [Role::Admin];
        assert_eq!(decide(Access::Public, None), Decision::Allow);
        assert_eq!(decide(Access::SignedIn, None), Decision::Unauthenticated);
        assert_eq!(decide(Access::SignedIn, Some(&[])), Decision::Allow);
        assert_eq!(decide(Access::Requires(Permission::ManageUsers), Some(&admin)), Decision::Allow);
        assert_eq!(decide(Access::Requires(Permission::ManageUsers), Some(&[carrier()])), Decision::Forbidden);
        assert_eq!(decide(Access::Requires(Permission::ManageUsers), None), Decision::Unauthenticated);
    }
}
