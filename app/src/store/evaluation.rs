//! The evaluation of a closed call: its rubric, the members' declarations and score sheets (server only).
//!
//! [`load`] reads everything one call's evaluation needs in a handful of queries — the call (of the scope's
//! tenant, closed by the clock), its lots with the bids that stood submitted at closing, the steering group,
//! every declaration and every sheet — into a [`CallEvaluation`]. The rules are asked of `model::policy`
//! through its methods ([`CallEvaluation::lot_facts`]); nothing here decides who may do what by itself.
//! Loading a whole call at once keeps the rules simple (a member's recusal depends on every bidder of a lot)
//! and is cheap: a call has tens of bids and seven members.

use super::TenantScope;
use super::calls::phase_of;
use crate::AppError;
use chrono::{DateTime, Utc};
use model::bid::BidStatus;
use model::call::{Module, Phase};
use model::entity::{bid, bid_version, call, call_lot, conflict_declaration, role_grant, score, user};
use model::evaluation::{Conflict, DeclarationInput, ScoreDraft};
use model::policy::{self, BidFacts, LotFacts, Who};
use model::ranking::{BidScores, ScoreSheet};
use model::rubric::{Rubric, default_rubric};
use model::{Role, RoleKind};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// The call's rubric: the stored one, or its module's default.
pub fn rubric_of(call: &call::Model) -> Result<Rubric, AppError> {
    match &call.rubric {
        Some(json) => {
            serde_json::from_str(json).map_err(|e| AppError::internal(format!("call {} rubric: {e}", call.id)))
        }
        None => {
            let module =
                Module::parse(&call.module).ok_or_else(|| AppError::internal(format!("call {} module", call.id)))?;
            Ok(default_rubric(module))
        }
    }
}

/// Replaces the rubric of a call that has not closed yet (frozen afterwards: sheets refer to its criteria).
pub async fn set_rubric(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    rubric: &Rubric,
    now: DateTime<Utc>,
) -> Result<call::Model, AppError> {
    let row = super::calls::find(db, scope, call_id, true).await?;
    if phase_of(&row, now) == Phase::Closed {
        return Err(AppError::invalid("rubric", crate::InvalidReason::Frozen));
    }
    let json = serde_json::to_string(rubric).map_err(AppError::internal)?;
    let mut active: call::ActiveModel = row.into();
    active.rubric = Set(Some(json));
    active.updated_at = Set(now);
    Ok(active.update(db).await?)
}

/// A member of the steering group: an active user with a seat.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: Uuid,
    pub name: String,
    pub roles: Vec<Role>,
}

impl Member {
    pub fn who(&self) -> Who<'_> {
        Who { user_id: self.id, roles: &self.roles }
    }
}

/// A bid that stood submitted when the call closed.
#[derive(Debug, Clone)]
pub struct LotBid {
    pub id: Uuid,
    /// The submitted version that counts (the latest).
    pub version: i32,
    pub organisation_id: Uuid,
    pub organisation_name: String,
}

#[derive(Debug, Clone)]
pub struct Lot {
    pub id: Uuid,
    pub title: String,
    /// The district of a practice lot.
    pub district_id: Option<Uuid>,
    pub bids: Vec<LotBid>,
    /// The bidding organisations, for [`LotFacts`].
    pub bidders: Vec<Uuid>,
}

/// Everything about one closed call's evaluation; made only by [`load`], after the tenant, the phase and the
/// caller's permission to read the call's bids were checked.
#[derive(Debug)]
pub struct CallEvaluation {
    pub call: call::Model,
    pub rubric: Rubric,
    pub lots: Vec<Lot>,
    pub members: Vec<Member>,
    declarations: Vec<conflict_declaration::Model>,
    sheets: Vec<score::Model>,
    /// Each sheet's index in `sheets` by bid and member: a whole call's ranking looks up every bid's
    /// every member (a scan of 2,380 sheets each time was most of `GET /calls/{id}/ranking`).
    sheet_index: HashMap<(Uuid, Uuid), usize>,
    /// The lot whose sheets and declarations alone were read ([`Sheets::Lot`]); `None`: the whole call's.
    pub sheets_of: Option<Uuid>,
    pub at: DateTime<Utc>,
}

/// Which score sheets and declarations an evaluation reads: the whole call's, or one lot's (`None`: the first
/// lot with bids), which is all a lot's ranking needs of a call with twenty lots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheets {
    Call,
    Lot(Option<Uuid>),
}

/// Loads the evaluation of call `call_id` for `who` at `now`. Not found for other tenants' and draft calls;
/// refused while the call has not closed, and for callers who do not read bids.
pub async fn load(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
    now: DateTime<Utc>,
) -> Result<CallEvaluation, AppError> {
    load_sheets(db, scope, who, call_id, Sheets::Call, now).await
}

/// [`load`], reading the sheets and declarations of `sheets` only. A lot that is not the call's is not found.
pub async fn load_sheets(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
    sheets: Sheets,
    now: DateTime<Utc>,
) -> Result<CallEvaluation, AppError> {
    let call = super::calls::find(db, scope, call_id, false).await?;
    if !who.holds(model::Permission::ReadBids) {
        return Err(AppError::Forbidden);
    }
    read(db, scope, call, sheets, now).await
}

/// Loads the evaluation of the call of a bid whose organisation may read the bid (checked by the caller
/// with `store::bids::authorize_read`), so that it learns its own scores: the operation that uses this shows
/// the organisation nothing about other bids.
pub(crate) async fn load_for_bidder(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    bid: &super::bids::Authorized<super::bids::Read>,
    now: DateTime<Utc>,
) -> Result<CallEvaluation, AppError> {
    if bid.access() != policy::BidAccess::Organisation {
        return Err(AppError::NotFound);
    }
    read(db, scope, bid.call().clone(), Sheets::Call, now).await
}

async fn read(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call: call::Model,
    sheets: Sheets,
    now: DateTime<Utc>,
) -> Result<CallEvaluation, AppError> {
    if phase_of(&call, now) != Phase::Closed {
        return Err(AppError::Evaluation { reason: crate::EvaluationRefusal::NotClosed });
    }
    let rubric = rubric_of(&call)?;
    let lot_rows = call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(call.id))
        .order_by_asc(call_lot::Column::Position)
        .all(db)
        .await?;
    // Only what the evaluation needs of the bids and their versions: their answers are the bulk of a call.
    let bids: Vec<(Uuid, Uuid, Uuid)> = bid::Entity::find()
        .select_only()
        .column(bid::Column::Id)
        .column(bid::Column::LotId)
        .column(bid::Column::OrganisationId)
        .filter(bid::Column::TenantId.eq(scope.id()))
        .filter(bid::Column::CallId.eq(call.id))
        .filter(bid::Column::Status.eq(BidStatus::Submitted.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    let versions: HashMap<Uuid, i32> = bid_version::Entity::find()
        .select_only()
        .column(bid_version::Column::BidId)
        .column_as(bid_version::Column::Number.max(), "latest")
        .filter(bid_version::Column::BidId.is_in(bids.iter().map(|(id, ..)| *id)))
        .group_by(bid_version::Column::BidId)
        .into_tuple::<(Uuid, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let names = super::names::organisations_of(db, scope, bids.iter().map(|(.., organisation)| *organisation)).await?;
    let lots: Vec<Lot> = lot_rows
        .into_iter()
        .map(|lot| {
            let mut of_lot: Vec<LotBid> = bids
                .iter()
                .filter(|(_, lot_id, _)| *lot_id == lot.id)
                .map(|&(id, _, organisation_id)| LotBid {
                    id,
                    version: versions.get(&id).copied().unwrap_or(1),
                    organisation_id,
                    organisation_name: names.get(&organisation_id).cloned().unwrap_or_default(),
                })
                .collect();
            of_lot.sort_by(|a, b| a.organisation_name.cmp(&b.organisation_name).then(a.id.cmp(&b.id)));
            let bidders = of_lot.iter().map(|b| b.organisation_id).collect();
            Lot { id: lot.id, title: lot.title, district_id: lot.district_id, bids: of_lot, bidders }
        })
        .collect();
    let lot: Option<&Lot> = match sheets {
        Sheets::Call => None,
        Sheets::Lot(Some(id)) => Some(lots.iter().find(|lot| lot.id == id).ok_or(AppError::NotFound)?),
        Sheets::Lot(None) => lots.iter().find(|lot| !lot.bids.is_empty()),
    };
    let mut declarations = conflict_declaration::Entity::find()
        .filter(conflict_declaration::Column::TenantId.eq(scope.id()))
        .filter(conflict_declaration::Column::CallId.eq(call.id));
    let mut sheets = score::Entity::find()
        .filter(score::Column::TenantId.eq(scope.id()))
        .filter(score::Column::CallId.eq(call.id));
    if let Some(lot) = lot {
        declarations = declarations.filter(conflict_declaration::Column::OrganisationId.is_in(lot.bidders.clone()));
        sheets = sheets.filter(score::Column::BidId.is_in(lot.bids.iter().map(|bid| bid.id)));
    }
    let (declarations, sheets) = (declarations.all(db).await?, sheets.all(db).await?);
    let sheets_of = lot.map(|lot| lot.id);
    let members = steering_members(db, scope).await?;
    let sheet_index = sheets.iter().enumerate().map(|(i, sheet)| ((sheet.bid_id, sheet.user_id), i)).collect();
    Ok(CallEvaluation { call, rubric, lots, members, declarations, sheets, sheet_index, sheets_of, at: now })
}

/// The active members of the tenant's steering group, by name.
pub async fn steering_members(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<Member>, AppError> {
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::TenantId.eq(scope.id()))
        .filter(role_grant::Column::Role.eq(RoleKind::Steering.as_str()))
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::TenantId.eq(scope.id()))
        .filter(user::Column::Status.eq(crate::auth::accounts::STATUS_ACTIVE))
        .filter(user::Column::Id.is_in(grants.iter().map(|g| g.user_id)))
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?;
    Ok(users
        .into_iter()
        .map(|u| {
            let own: Vec<role_grant::Model> = grants.iter().filter(|g| g.user_id == u.id).cloned().collect();
            Member { id: u.id, name: u.display_name, roles: crate::auth::accounts::roles_from_grants(u.id, &own) }
        })
        .collect())
}

impl CallEvaluation {
    /// The phase at the time of loading: always closed.
    pub fn bid_facts(&self, bid: &LotBid) -> BidFacts {
        BidFacts { organisation_id: bid.organisation_id, phase: Phase::Closed, status: BidStatus::Submitted }
    }

    /// A user's declarations for this call, as the policy reads them.
    pub fn declarations_of(&self, user: Uuid) -> Vec<(Uuid, bool)> {
        self.declarations
            .iter()
            .filter(|d| d.user_id == user)
            .map(|d| (d.organisation_id, Conflict::parse(&d.conflict).is_none_or(Conflict::is_conflict)))
            .collect()
    }

    /// A user's declaration about one organisation.
    pub fn declaration(&self, user: Uuid, organisation: Uuid) -> Option<&conflict_declaration::Model> {
        self.declarations.iter().find(|d| d.user_id == user && d.organisation_id == organisation)
    }

    /// Runs `rule` with the facts of `lot` for `user` (whose declarations are looked up here).
    pub fn lot_facts<T>(&self, lot: &Lot, user: Uuid, rule: impl FnOnce(&LotFacts<'_>) -> T) -> T {
        let declarations = self.declarations_of(user);
        rule(&LotFacts { bidders: &lot.bidders, declarations: &declarations })
    }

    pub fn lot(&self, lot_id: Uuid) -> Option<&Lot> {
        self.lots.iter().find(|l| l.id == lot_id)
    }

    /// The lot and bid of `bid_id`, if it stood submitted at closing.
    pub fn find_bid(&self, bid_id: Uuid) -> Option<(&Lot, &LotBid)> {
        self.lots.iter().find_map(|lot| lot.bids.iter().find(|b| b.id == bid_id).map(|b| (lot, b)))
    }

    /// The members who may score the bids of `lot`: the group without those recused from it.
    pub fn eligible(&self, lot: &Lot) -> Vec<&Member> {
        self.members.iter().filter(|m| !self.lot_facts(lot, m.id, |facts| policy::is_recused(m.who(), facts))).collect()
    }

    /// A member's sheet for a bid.
    pub fn sheet(&self, bid: Uuid, user: Uuid) -> Option<&score::Model> {
        self.sheet_index.get(&(bid, user)).map(|&i| &self.sheets[i])
    }

    /// The finalised sheets of a bid by members who may score it (a sheet of a member recused since does
    /// not count), with the member.
    pub fn final_sheets(&self, lot: &Lot, bid: Uuid) -> Result<Vec<(&Member, &score::Model, ScoreSheet)>, AppError> {
        self.final_sheets_of(&self.eligible(lot), bid)
    }

    /// [`CallEvaluation::final_sheets`] with the lot's eligible members ([`CallEvaluation::eligible`]) already
    /// known, for going through all of a lot's bids.
    pub fn final_sheets_of<'a>(
        &'a self,
        eligible: &[&'a Member],
        bid: Uuid,
    ) -> Result<Vec<(&'a Member, &'a score::Model, ScoreSheet)>, AppError> {
        let mut sheets = Vec::new();
        for &member in eligible {
            if let Some(row) = self.sheet(bid, member.id).filter(|s| s.finalised_at.is_some()) {
                // Checked whole when it was finalised; its points alone make the sheet (the justifications,
                // a few hundred bytes each, are read where they are shown).
                let misfit = || AppError::internal(format!("score {} does not fit its rubric", row.id));
                let points: Vec<Option<u8>> = serde_json::from_str(&row.points).map_err(|_| misfit())?;
                let points = points.into_iter().collect::<Option<Vec<u8>>>().ok_or_else(misfit)?;
                let sheet = ScoreSheet::new(&self.rubric, points).map_err(|_| misfit())?;
                sheets.push((member, row, sheet));
            }
        }
        Ok(sheets)
    }

    /// What the ranking needs of a lot.
    pub fn lot_scores(&self, lot: &Lot) -> Result<Vec<BidScores>, AppError> {
        let members = self.eligible(lot);
        let eligible = members.len();
        lot.bids
            .iter()
            .map(|b| {
                let sheets = self.final_sheets_of(&members, b.id)?.into_iter().map(|(_, _, sheet)| sheet).collect();
                Ok(BidScores { bid_id: b.id, eligible, sheets })
            })
            .collect()
    }
}

/// The sheet as stored.
pub fn draft_of(row: &score::Model) -> Result<ScoreDraft, AppError> {
    let points = serde_json::from_str(&row.points).map_err(|e| AppError::internal(format!("score {}: {e}", row.id)))?;
    let justifications =
        serde_json::from_str(&row.justifications).map_err(|e| AppError::internal(format!("score {}: {e}", row.id)))?;
    Ok(ScoreDraft { points, justifications })
}

/// Records `user`'s declarations for a call (one per organisation, replacing earlier ones); returns the
/// declarations as they were before, for the audit log.
pub async fn declare(
    db: &impl ConnectionTrait,
    evaluation: &CallEvaluation,
    user: Uuid,
    inputs: &[DeclarationInput],
) -> Result<Vec<conflict_declaration::Model>, AppError> {
    let before: Vec<conflict_declaration::Model> =
        evaluation.declarations.iter().filter(|d| d.user_id == user).cloned().collect();
    for input in inputs {
        let row = conflict_declaration::ActiveModel {
            id: Set(Uuid::new_v4()),
            tenant_id: Set(evaluation.call.tenant_id),
            call_id: Set(evaluation.call.id),
            user_id: Set(user),
            organisation_id: Set(input.organisation_id),
            conflict: Set(input.conflict.as_str().to_owned()),
            note: Set(input.note.trim().to_owned()),
            declared_at: Set(evaluation.at),
        };
        conflict_declaration::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    conflict_declaration::Column::CallId,
                    conflict_declaration::Column::UserId,
                    conflict_declaration::Column::OrganisationId,
                ])
                .update_columns([
                    conflict_declaration::Column::Conflict,
                    conflict_declaration::Column::Note,
                    conflict_declaration::Column::DeclaredAt,
                ])
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(before)
}

/// Stores `user`'s sheet for a bid as a draft (creating it on first save).
pub async fn save_sheet(
    db: &impl ConnectionTrait,
    evaluation: &CallEvaluation,
    lot: &Lot,
    bid: Uuid,
    user: Uuid,
    draft: &ScoreDraft,
) -> Result<(), AppError> {
    let points = serde_json::to_string(&draft.points).map_err(AppError::internal)?;
    let justifications = serde_json::to_string(&draft.justifications).map_err(AppError::internal)?;
    let row = score::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(evaluation.call.tenant_id),
        call_id: Set(evaluation.call.id),
        lot_id: Set(lot.id),
        bid_id: Set(bid),
        user_id: Set(user),
        points: Set(points),
        justifications: Set(justifications),
        saved_at: Set(evaluation.at),
        finalised_at: Set(None),
    };
    // Only drafts change: a sheet finalised in the meantime (another tab) is left as it is.
    let result = score::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([score::Column::BidId, score::Column::UserId])
                .update_columns([score::Column::Points, score::Column::Justifications, score::Column::SavedAt])
                .action_and_where(sea_orm::sea_query::Expr::col((score::Entity, score::Column::FinalisedAt)).is_null())
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    if result == 0 {
        return Err(AppError::Evaluation { reason: crate::EvaluationRefusal::Finalised });
    }
    Ok(())
}

/// Marks `user`'s sheet for a bid final, if it is still a draft.
pub async fn finalise_sheet(
    db: &impl ConnectionTrait,
    evaluation: &CallEvaluation,
    bid: Uuid,
    user: Uuid,
) -> Result<(), AppError> {
    let updated = score::Entity::update_many()
        .col_expr(score::Column::FinalisedAt, sea_orm::sea_query::Expr::value(Some(evaluation.at)))
        .filter(score::Column::TenantId.eq(evaluation.call.tenant_id))
        .filter(score::Column::BidId.eq(bid))
        .filter(score::Column::UserId.eq(user))
        .filter(score::Column::FinalisedAt.is_null())
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(AppError::Evaluation { reason: crate::EvaluationRefusal::Finalised });
    }
    Ok(())
}

/// Turns a member's finalised sheet back into a draft (the administration, with a reason).
pub async fn reopen_sheet(
    db: &impl ConnectionTrait,
    evaluation: &CallEvaluation,
    bid: Uuid,
    user: Uuid,
) -> Result<(), AppError> {
    let updated = score::Entity::update_many()
        .col_expr(score::Column::FinalisedAt, sea_orm::sea_query::Expr::value(Option::<DateTime<Utc>>::None))
        .filter(score::Column::TenantId.eq(evaluation.call.tenant_id))
        .filter(score::Column::BidId.eq(bid))
        .filter(score::Column::UserId.eq(user))
        .filter(score::Column::FinalisedAt.is_not_null())
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(AppError::Evaluation { reason: crate::EvaluationRefusal::NotFinalised });
    }
    Ok(())
}

/// Whether `who` may see the bids of one lot of a closed call: a scoring member only after declaring for
/// every bidder (`policy::may_see_bids_of_lot`); other readers always.
pub async fn may_see_lot(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
    lot_id: Uuid,
) -> Result<bool, AppError> {
    if !who.holds(model::Permission::ScoreBids) {
        return Ok(true);
    }
    let bidders: Vec<Uuid> =
        submitted_bidders(db, scope, call_id, Some(lot_id)).await?.into_iter().map(|(_, organisation)| organisation).collect();
    let declarations = declarations_of(db, scope, who, call_id).await?;
    Ok(policy::may_see_bids_of_lot(who, &LotFacts { bidders: &bidders, declarations: &declarations }))
}

/// The lots of a call that have bids which stood submitted at closing, in the call's order, each with whether
/// `who` may see them ([`may_see_lot`]): the choice of lots on the steering group's bid list. Three reads
/// however many lots the call has.
pub async fn lots_with_bids(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
) -> Result<Vec<(model::evaluation::LotChoice, bool)>, AppError> {
    let bidders = submitted_bidders(db, scope, call_id, None).await?;
    let declarations = declarations_of(db, scope, who, call_id).await?;
    let lots = call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(call_id))
        .order_by_asc(call_lot::Column::Position)
        .all(db)
        .await?;
    Ok(lots
        .into_iter()
        .filter_map(|lot| {
            let of_lot: Vec<Uuid> = bidders.iter().filter(|(of, _)| *of == lot.id).map(|(_, org)| *org).collect();
            if of_lot.is_empty() {
                return None;
            }
            let visible = policy::may_see_bids_of_lot(who, &LotFacts { bidders: &of_lot, declarations: &declarations });
            Some((model::evaluation::LotChoice { lot_id: lot.id, title: lot.title }, visible))
        })
        .collect())
}

/// The (lot, organisation) of each bid of a call, or of one lot, that stood submitted at closing: only the two
/// ids, not the bids, which carry every answer.
async fn submitted_bidders(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    lot_id: Option<Uuid>,
) -> Result<Vec<(Uuid, Uuid)>, AppError> {
    let mut query = bid::Entity::find()
        .select_only()
        .column(bid::Column::LotId)
        .column(bid::Column::OrganisationId)
        .filter(bid::Column::TenantId.eq(scope.id()))
        .filter(bid::Column::CallId.eq(call_id))
        .filter(bid::Column::Status.eq(BidStatus::Submitted.as_str()));
    if let Some(lot_id) = lot_id {
        query = query.filter(bid::Column::LotId.eq(lot_id));
    }
    Ok(query.into_tuple().all(db).await?)
}

/// A scoring member's declarations for a call: each organisation, and whether there is a conflict with it (a
/// declaration that cannot be read counts as one). Empty for callers who do not score.
async fn declarations_of(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
) -> Result<Vec<(Uuid, bool)>, AppError> {
    if !who.holds(model::Permission::ScoreBids) {
        return Ok(Vec::new());
    }
    Ok(conflict_declaration::Entity::find()
        .filter(conflict_declaration::Column::TenantId.eq(scope.id()))
        .filter(conflict_declaration::Column::CallId.eq(call_id))
        .filter(conflict_declaration::Column::UserId.eq(who.user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.organisation_id, Conflict::parse(&d.conflict).is_none_or(Conflict::is_conflict)))
        .collect())
}

/// The tenant's closed calls, for the steering group's home page.
pub async fn closed_calls(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    now: DateTime<Utc>,
) -> Result<Vec<call::Model>, AppError> {
    Ok(call::Entity::find()
        .filter(super::calls::visible(scope, false))
        .filter(call::Column::ClosesAt.lte(now))
        .order_by_desc(call::Column::ClosesAt)
        .all(db)
        .await?)
}
