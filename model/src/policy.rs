//! Who may do what (SPEC §4): the one place where roles and facts about an object turn into decisions.
//!
//! Two layers, both here so that the whole policy reads in one file:
//! - [`permissions_of`] turns a role into what it may do in general, and [`decide`] answers an [`Access`]
//!   (public, signed in, a permission) — `app::actor` asks it at the start of every server function and REST
//!   handler, and the server's guard asks it per route.
//! - Rules that depend on the object take a fact struct ([`BidFacts`], [`ScoringFacts`]) and the caller
//!   ([`Who`]), never positional flags, so a new fact (a recusal, a finalised score) is a new field and not a
//!   new meaning for the third `bool`. The store loads the facts and asks; it never decides by itself.

use crate::bid::BidStatus;
use crate::call::Phase;
use crate::role::{Role, RoleKind, Seat};
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
    /// Read every bid of a call once it has closed (see [`bid_access`]).
    ReadBids,
    /// Score bids of closed calls (unless recused, see [`may_score`]).
    ScoreBids,
    /// Accept or return quarterly reports.
    ReviewReports,
    /// Read quarterly reports.
    ReadReports,
    /// Draft, submit and withdraw the own organisation's bids.
    DraftBids,
    /// File quarterly reports for one's own posts.
    FileReports,
    /// Take part in the exchange space (see `crate::exchange::may_take_part` for the steering carrier).
    UseExchange,
    /// Write the steering group's narrative and notable measures of the yearly committee report (seed §9).
    WriteCommitteeReport,
    /// Read the steering group's meetings, minutes, resolutions and every commission (issue 15).
    ReadSteering,
    /// Run the steering group's business: prepare meetings, write minutes, give and manage commissions. The
    /// project-carrier seat's ("Geschäftsführung", seed §3); a member the group names may write one meeting's
    /// minutes (`crate::steering::may_write_minutes`).
    RunSteering,
}

impl Permission {
    pub const ALL: [Permission; 17] = [
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
        Permission::UseExchange,
        Permission::WriteCommitteeReport,
        Permission::ReadSteering,
        Permission::RunSteering,
    ];
}

/// What every seat of the steering group may do: score and control (seed §3).
const SEAT: [Permission; 8] = [
    Permission::ReadLedger,
    Permission::ReadBids,
    Permission::ScoreBids,
    Permission::ReviewReports,
    Permission::ReadReports,
    Permission::UseExchange,
    Permission::WriteCommitteeReport,
    Permission::ReadSteering,
];

/// The project-carrier seat's: every seat's, and it runs the group's business ("Geschäftsführung").
const PROJECT_CARRIER_SEAT: [Permission; 9] = {
    let mut all = [Permission::RunSteering; 9];
    let mut i = 0;
    while i < SEAT.len() {
        all[i] = SEAT[i];
        i += 1;
    }
    all
};

/// The permissions a role brings (SPEC §4). It looks at the whole role, seat included: every seat of the
/// steering group scores and controls; the project-carrier seat's tie to its organisation is what recuses it
/// from that organisation's bids (see [`is_recused`]).
pub fn permissions_of(role: &Role) -> &'static [Permission] {
    use Permission::*;
    match role {
        Role::Admin => &[
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
            UseExchange,
            ReadSteering,
        ],
        Role::Steering { seat: Seat::ProjectCarrier { .. } } => &PROJECT_CARRIER_SEAT,
        Role::Steering { seat: Seat::Administration | Seat::Committee } => &SEAT,
        Role::Carrier { .. } => &[DraftBids],
        Role::Coordinator => &[FileReports, UseExchange],
        Role::DistrictContact => &[ReadReports],
    }
}

/// True when any of `roles` brings `permission`.
pub fn allows(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|role| permissions_of(role).contains(&permission))
}

/// The caller of an object rule: a signed-in user of the object's tenant with the roles they hold now.
/// (The tenant is already settled when a rule is asked: objects of other tenants are never loaded.)
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    pub user_id: Uuid,
    pub roles: &'a [Role],
}

impl Who<'_> {
    pub fn holds(self, permission: Permission) -> bool {
        allows(self.roles, permission)
    }

    /// A member of the carrier organisation (who bids for it).
    pub fn member_of(self, organisation: Uuid) -> bool {
        self.roles
            .iter()
            .any(|role| matches!(role, Role::Carrier { organisation_id } if *organisation_id == organisation))
    }

    /// Tied to the organisation by any role: its member, or the steering seat it holds.
    pub fn tied_to(self, organisation: Uuid) -> bool {
        self.roles.iter().any(|role| role.organisation_id() == Some(organisation))
    }
}

/// What a rule about one bid needs to know of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BidFacts {
    /// The bidding organisation.
    pub organisation_id: Uuid,
    /// The phase of the bid's call, by the server's clock.
    pub phase: Phase,
    pub status: BidStatus,
}

/// How much of a bid a caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BidAccess {
    /// The bidding organisation: the working draft, every submitted version and every file.
    Organisation,
    /// A reader after closing (steering group, administration): only what counts — the latest submitted
    /// version and the files it names. Drafts and earlier versions stay the organisation's.
    Reader,
}

impl BidAccess {
    pub fn sees_draft(self) -> bool {
        self == BidAccess::Organisation
    }

    /// Whether version `number` may be read, `latest` being the bid's newest version.
    pub fn sees_version(self, number: i32, latest: i32) -> bool {
        self == BidAccess::Organisation || number == latest
    }

    /// Whether an attachment may be downloaded; `named_by_latest` says whether the latest submitted version
    /// names it.
    pub fn sees_file(self, named_by_latest: bool) -> bool {
        self == BidAccess::Organisation || named_by_latest
    }
}

/// Sealed bids (SPEC §3A.4): before the call closes only the bidding organisation reads its bid; afterwards
/// also whoever may read bids, and only bids that stood submitted at closing (drafts never submitted and
/// withdrawn bids stay the organisation's own). `None`: the caller must not learn that the bid exists.
pub fn bid_access(who: Who<'_>, bid: &BidFacts) -> Option<BidAccess> {
    if who.member_of(bid.organisation_id) {
        Some(BidAccess::Organisation)
    } else if bid.phase == Phase::Closed && bid.status == BidStatus::Submitted && who.holds(Permission::ReadBids) {
        Some(BidAccess::Reader)
    } else {
        None
    }
}

/// Why a bid may not be changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeRefusal {
    /// The organisation's own bid, but the call is not open (not yet, or no longer).
    CallNotOpen,
    /// Not the caller's bid to change.
    NotAllowed,
}

/// Only the organisation's members change its bid (or start one), and only while the call is open:
/// afterwards the bid is frozen for everyone, administrators included.
pub fn may_change_bid(who: Who<'_>, bid: &BidFacts) -> Result<(), ChangeRefusal> {
    if !(who.member_of(bid.organisation_id) && who.holds(Permission::DraftBids)) {
        Err(ChangeRefusal::NotAllowed)
    } else if bid.phase != Phase::Open {
        Err(ChangeRefusal::CallNotOpen)
    } else {
        Ok(())
    }
}

/// The list of a call's submitted bids: for readers of bids, once the call has closed.
pub fn may_read_bids_of(who: Who<'_>, phase: Phase) -> bool {
    phase == Phase::Closed && who.holds(Permission::ReadBids)
}

/// How many bids a call's lots have, also while sealed: all the administration may know before closing.
pub fn may_count_bids(who: Who<'_>) -> bool {
    who.holds(Permission::ManageCalls)
}

/// What the evaluation rules need to know about one lot of a closed call and the caller (SPEC §3B).
#[derive(Debug, Clone, Copy)]
pub struct LotFacts<'a> {
    /// The organisations whose bids in the lot stood submitted at closing.
    pub bidders: &'a [Uuid],
    /// The caller's declarations for the call: an organisation, and whether a conflict exists with it.
    pub declarations: &'a [(Uuid, bool)],
}

/// What a rule about scoring one bid needs to know.
#[derive(Debug, Clone, Copy)]
pub struct ScoringFacts<'a> {
    pub bid: BidFacts,
    /// The bid's lot.
    pub lot: LotFacts<'a>,
    /// The caller has finalised their own score for this bid.
    pub finalised_own: bool,
}

/// A member has declared for a lot when they have answered for every bidding organisation — except those a
/// role ties them to (the project-carrier seat and its own organisation), which count as declared conflicts.
pub fn has_declared(who: Who<'_>, lot: &LotFacts<'_>) -> bool {
    lot.bidders.iter().all(|&bidder| who.tied_to(bidder) || lot.declarations.iter().any(|&(org, _)| org == bidder))
}

/// A member is recused from a whole lot when they declared a conflict with any organisation bidding in it, or
/// when a role ties them to one — without having to declare it.
pub fn is_recused(who: Who<'_>, lot: &LotFacts<'_>) -> bool {
    lot.bidders
        .iter()
        .any(|&bidder| who.tied_to(bidder) || lot.declarations.iter().any(|&(org, conflict)| org == bidder && conflict))
}

/// Scoring members see a lot's bids only after declaring for it; other readers need no declaration.
pub fn may_see_bids_of_lot(who: Who<'_>, lot: &LotFacts<'_>) -> bool {
    !who.holds(Permission::ScoreBids) || has_declared(who, lot)
}

/// Scoring: steering members, on bids readable after closing, once they have declared for the lot and
/// unless they are recused from it.
pub fn may_score(who: Who<'_>, facts: &ScoringFacts<'_>) -> bool {
    who.holds(Permission::ScoreBids)
        && bid_access(who, &facts.bid).is_some()
        && has_declared(who, &facts.lot)
        && !is_recused(who, &facts.lot)
}

/// Other members' scores on a bid stay hidden from a scorer until their own is final, and from a recused
/// member always. Readers who do not score (the administration) see them once the call has closed.
pub fn may_see_others_scores(who: Who<'_>, facts: &ScoringFacts<'_>) -> bool {
    if bid_access(who, &facts.bid).is_none() {
        false
    } else if who.holds(Permission::ScoreBids) {
        !is_recused(who, &facts.lot) && facts.finalised_own
    } else {
        who.holds(Permission::ReadBids)
    }
}

/// Roles that must not meet in one account (separation of duties).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleConflict {
    /// Two roles of one kind (two organisations, two seats).
    SameKindTwice,
    /// A carrier who administers the tenant could read competitors' sealed bids.
    CarrierAndAdmin,
    /// A carrier who sits in the steering group would score its own and its competitors' bids; the
    /// project-carrier seat is tied to its organisation instead.
    CarrierAndSteering,
}

/// Checks that `roles` may be held together by one account.
pub fn check_combination(roles: &[Role]) -> Result<(), RoleConflict> {
    let mut kinds: Vec<RoleKind> = roles.iter().map(|r| r.kind()).collect();
    kinds.sort();
    kinds.dedup();
    let has = |kind| kinds.contains(&kind);
    if kinds.len() != roles.len() {
        Err(RoleConflict::SameKindTwice)
    } else if has(RoleKind::Carrier) && has(RoleKind::Admin) {
        Err(RoleConflict::CarrierAndAdmin)
    } else if has(RoleKind::Carrier) && has(RoleKind::Steering) {
        Err(RoleConflict::CarrierAndSteering)
    } else {
        Ok(())
    }
}

/// Why an administrator may not give an account these roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrantRefusal {
    Conflict(RoleConflict),
    /// Membership of a carrier organisation comes only from the carrier side — its registration and its
    /// members' invitations — so that nobody in the administration can make themselves, or an account they
    /// then use, a reader of an organisation's sealed bids. Administrators may only take it away.
    CarrierRoleFromCarrierOnly,
    /// Administrators do not take away their own administration role (nobody locks themselves out).
    OwnAdminRole,
}

/// May `granter` (an administrator) change `target`'s roles from `before` to `after`?
pub fn may_grant(granter: Who<'_>, target: Uuid, before: &[Role], after: &[Role]) -> Result<(), GrantRefusal> {
    check_combination(after).map_err(GrantRefusal::Conflict)?;
    let new_carrier_role = after.iter().any(|role| role.kind() == RoleKind::Carrier && !before.contains(role));
    if new_carrier_role {
        return Err(GrantRefusal::CarrierRoleFromCarrierOnly);
    }
    if target == granter.user_id && !after.contains(&Role::Admin) {
        return Err(GrantRefusal::OwnAdminRole);
    }
    Ok(())
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

    const OWN: Uuid = Uuid::from_u128(1);
    const OTHER: Uuid = Uuid::from_u128(2);

    fn carrier() -> Role {
        Role::Carrier { organisation_id: Uuid::nil() }
    }

    fn who(roles: &[Role]) -> Who<'_> {
        Who { user_id: Uuid::from_u128(99), roles }
    }

    fn bid(phase: Phase, status: BidStatus) -> BidFacts {
        BidFacts { organisation_id: OWN, phase, status }
    }

    #[test]
    fn the_table_of_spec_section_4() {
        use Permission::*;
        let steering = Role::Steering { seat: Seat::Committee };
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
            (UseExchange, false, true, true, true),
            (WriteCommitteeReport, false, true, false, false),
            (ReadSteering, false, true, false, true),
            (RunSteering, false, false, false, false),
        ];
        for (permission, c, s, k, a) in table {
            assert_eq!(allows(&[carrier()], permission), c, "carrier {permission:?}");
            assert_eq!(allows(&[steering], permission), s, "steering {permission:?}");
            assert_eq!(allows(&[Role::Coordinator], permission), k, "coordinator {permission:?}");
            assert_eq!(allows(&[Role::Admin], permission), a, "admin {permission:?}");
        }
    }

    #[test]
    fn only_the_project_carrier_seat_runs_the_steering_groups_business() {
        let runs = |seat| allows(&[Role::Steering { seat }], Permission::RunSteering);
        assert!(runs(Seat::ProjectCarrier { organisation_id: OWN }));
        assert!(!runs(Seat::Administration));
        assert!(!runs(Seat::Committee));
        assert!(!allows(&[Role::Admin, carrier()], Permission::RunSteering));
    }

    #[test]
    fn every_seat_scores() {
        for seat in [Seat::Administration, Seat::Committee, Seat::ProjectCarrier { organisation_id: OWN }] {
            assert!(allows(&[Role::Steering { seat }], Permission::ScoreBids), "{seat:?}");
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
        let member = [Role::Carrier { organisation_id: OWN }];
        let other_carrier = [Role::Carrier { organisation_id: OTHER }];
        let steering = [Role::Steering { seat: Seat::Committee }];
        for phase in [Phase::Upcoming, Phase::Open] {
            assert_eq!(bid_access(who(&member), &bid(phase, BidStatus::Submitted)), Some(BidAccess::Organisation));
            for roles in [&other_carrier[..], &steering, &[Role::Admin], &[Role::Coordinator], &[Role::DistrictContact]]
            {
                assert_eq!(bid_access(who(roles), &bid(phase, BidStatus::Submitted)), None, "{roles:?} in {phase:?}");
            }
        }
        let closed = bid(Phase::Closed, BidStatus::Submitted);
        assert_eq!(bid_access(who(&steering), &closed), Some(BidAccess::Reader));
        assert_eq!(bid_access(who(&[Role::Admin]), &closed), Some(BidAccess::Reader));
        for status in [BidStatus::Draft, BidStatus::Withdrawn] {
            assert_eq!(bid_access(who(&[Role::Admin]), &bid(Phase::Closed, status)), None, "{status:?} stays private");
        }
        assert_eq!(bid_access(who(&other_carrier), &closed), None);
        assert_eq!(bid_access(who(&[Role::Coordinator]), &closed), None);
    }

    #[test]
    fn readers_see_only_the_latest_version_and_its_files() {
        assert!(!BidAccess::Reader.sees_draft());
        assert!(BidAccess::Reader.sees_version(3, 3) && !BidAccess::Reader.sees_version(2, 3));
        assert!(BidAccess::Reader.sees_file(true) && !BidAccess::Reader.sees_file(false));
        assert!(BidAccess::Organisation.sees_draft());
        assert!(BidAccess::Organisation.sees_version(1, 3) && BidAccess::Organisation.sees_file(false));
    }

    #[test]
    fn bids_freeze_at_the_deadline_for_everyone() {
        let member = [Role::Carrier { organisation_id: OWN }];
        assert_eq!(may_change_bid(who(&member), &bid(Phase::Open, BidStatus::Draft)), Ok(()));
        for phase in [Phase::Closed, Phase::Upcoming] {
            assert_eq!(may_change_bid(who(&member), &bid(phase, BidStatus::Draft)), Err(ChangeRefusal::CallNotOpen));
        }
        let open = bid(Phase::Open, BidStatus::Draft);
        assert_eq!(may_change_bid(who(&[Role::Admin]), &open), Err(ChangeRefusal::NotAllowed));
        assert_eq!(
            may_change_bid(who(&[Role::Carrier { organisation_id: OTHER }]), &open),
            Err(ChangeRefusal::NotAllowed)
        );
    }

    #[test]
    fn the_list_of_bids_opens_at_closing_and_counts_are_the_administrations() {
        let steering = [Role::Steering { seat: Seat::Committee }];
        assert!(may_read_bids_of(who(&steering), Phase::Closed));
        assert!(!may_read_bids_of(who(&steering), Phase::Open));
        assert!(!may_read_bids_of(who(&[carrier()]), Phase::Closed));
        assert!(may_count_bids(who(&[Role::Admin])) && !may_count_bids(who(&steering)));
    }

    #[test]
    fn recusal_hides_scoring_and_others_scores() {
        let closed = bid(Phase::Closed, BidStatus::Submitted);
        let member = [Role::Steering { seat: Seat::Committee }];
        let bidders = [OWN, OTHER];
        let clean = [(OWN, false), (OTHER, false)];
        let conflicted = [(OWN, false), (OTHER, true)];
        let half = [(OWN, false)];
        let facts = |declarations, finalised_own| ScoringFacts {
            bid: closed,
            lot: LotFacts { bidders: &bidders, declarations },
            finalised_own,
        };
        assert!(may_score(who(&member), &facts(&clean, false)));
        assert!(!may_see_others_scores(who(&member), &facts(&clean, false)), "own score not final yet");
        assert!(may_see_others_scores(who(&member), &facts(&clean, true)));
        // A conflict with any bidder of the lot recuses from all its bids, this one included.
        assert!(!may_score(who(&member), &facts(&conflicted, false)), "declared conflict");
        assert!(!may_see_others_scores(who(&member), &facts(&conflicted, true)));
        // Until every bidder is declared for, the member neither scores nor sees the lot's bids.
        assert!(!may_score(who(&member), &facts(&half, false)));
        assert!(!may_see_bids_of_lot(who(&member), &facts(&half, false).lot));
        assert!(may_see_bids_of_lot(who(&member), &facts(&clean, false).lot));
        assert!(
            may_see_bids_of_lot(who(&[Role::Admin]), &facts(&[], false).lot),
            "the administration declares nothing"
        );
        // The project-carrier seat is recused from its own organisation's lots without declaring it.
        let own_seat = [Role::Steering { seat: Seat::ProjectCarrier { organisation_id: OWN } }];
        let others_only = [(OTHER, false)];
        assert!(has_declared(who(&own_seat), &facts(&others_only, false).lot));
        assert!(is_recused(who(&own_seat), &facts(&others_only, false).lot));
        assert!(!may_score(who(&own_seat), &facts(&others_only, false)));
        let other_seat = [Role::Steering { seat: Seat::ProjectCarrier { organisation_id: Uuid::from_u128(99) } }];
        assert!(may_score(who(&other_seat), &facts(&clean, false)));
        // Administrators read, never score; nobody scores sealed bids.
        assert!(!may_score(who(&[Role::Admin]), &facts(&[], false)));
        assert!(may_see_others_scores(who(&[Role::Admin]), &facts(&[], false)));
        let sealed = ScoringFacts { bid: bid(Phase::Open, BidStatus::Submitted), ..facts(&clean, false) };
        assert!(!may_score(who(&member), &sealed));
    }

    #[test]
    fn carrier_roles_do_not_combine_with_administration_or_steering() {
        let seat = Role::Steering { seat: Seat::Committee };
        assert_eq!(check_combination(&[carrier(), Role::Admin]), Err(RoleConflict::CarrierAndAdmin));
        assert_eq!(check_combination(&[carrier(), seat]), Err(RoleConflict::CarrierAndSteering));
        assert_eq!(
            check_combination(&[carrier(), Role::Carrier { organisation_id: OTHER }]),
            Err(RoleConflict::SameKindTwice)
        );
        assert_eq!(check_combination(&[carrier(), Role::Coordinator]), Ok(()));
        assert_eq!(check_combination(&[Role::Admin, seat, Role::DistrictContact]), Ok(()));
    }

    #[test]
    fn administrators_never_grant_carrier_roles() {
        let admin_id = Uuid::from_u128(10);
        let granter = Who { user_id: admin_id, roles: &[Role::Admin] };
        let target = Uuid::from_u128(11);
        let member = Role::Carrier { organisation_id: OWN };
        assert_eq!(may_grant(granter, target, &[], &[member]), Err(GrantRefusal::CarrierRoleFromCarrierOnly));
        assert_eq!(
            may_grant(granter, admin_id, &[Role::Admin], &[Role::Admin, member]),
            Err(GrantRefusal::Conflict(RoleConflict::CarrierAndAdmin))
        );
        let moved = Role::Carrier { organisation_id: OTHER };
        assert_eq!(may_grant(granter, target, &[member], &[moved]), Err(GrantRefusal::CarrierRoleFromCarrierOnly));
        assert_eq!(may_grant(granter, target, &[member], &[member, Role::Coordinator]), Ok(()), "kept, not granted");
        assert_eq!(may_grant(granter, target, &[member], &[]), Ok(()), "taking away is fine");
        assert_eq!(may_grant(granter, admin_id, &[Role::Admin], &[]), Err(GrantRefusal::OwnAdminRole));
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
