//! Bids, their submitted versions and attachments (server only).
//!
//! Reading and changing a bid goes through [`authorize_read`] or [`authorize_change`], which load the bid
//! with its call inside the tenant and ask `model::policy` whether the caller may read or change it *now*.
//! They return an [`Authorized`] proof; every function here that touches one bid takes it, never a bare id,
//! and applies what the proof says the caller sees (readers after closing: the latest version and its
//! files, never the draft). A bid the caller may not read is "not found", so sealed bids do not even reveal
//! that they exist.

use super::calls::phase_of;
use super::{Clock, TenantScope};
use crate::AppError;
use chrono::{DateTime, Utc};
use model::bid::{AttachmentRef, BidStatus, BidSummary, BidView, Content, Draft, LotCount, SubmittedBid, VersionView};
use model::call::Phase;
use model::entity::{bid, bid_attachment, bid_version, call, call_lot};
use model::policy::{self, BidAccess, BidFacts, Who};
use sea_orm::sea_query::{Alias, OnConflict};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JoinType,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use std::collections::HashMap;
use std::marker::PhantomData;
use uuid::Uuid;

/// Marker of a bid loaded for reading.
#[derive(Debug, Clone, Copy)]
pub enum Read {}
/// Marker of a bid loaded (and locked) for a change that the policy allowed.
#[derive(Debug, Clone, Copy)]
pub enum Change {}

/// Proof that the caller may use this bid — read it, or with [`Change`] also change it — as decided by
/// `model::policy` at the time of the check. Only this module makes one, so every store function that takes
/// it can rely on the check, and a handler that skipped [`authorize_read`] or [`authorize_change`] does not
/// compile.
#[derive(Debug, Clone)]
pub struct Authorized<I> {
    bid: bid::Model,
    call: call::Model,
    /// The title of the bid's lot, if the lot belongs to the bid's call (read with the bid).
    lot_title: Option<String>,
    /// The bidding organisation's name (read with the bid).
    organisation_name: String,
    phase: Phase,
    access: BidAccess,
    at: DateTime<Utc>,
    intent: PhantomData<I>,
}

impl<I> Authorized<I> {
    pub fn bid(&self) -> &bid::Model {
        &self.bid
    }

    pub fn call(&self) -> &call::Model {
        &self.call
    }

    /// The call's phase at the time of the check.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The time of the check; for a change, read once the bid's lock was held. A change records this time.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// How much of the bid the caller sees.
    pub fn access(&self) -> BidAccess {
        self.access
    }
}

impl Authorized<Change> {
    /// The working draft (the organisation's, which a change implies).
    pub fn draft(&self) -> Result<Draft, AppError> {
        draft_of(&self.bid)
    }
}

fn facts_of(bid: &bid::Model, phase: Phase) -> Result<BidFacts, AppError> {
    Ok(BidFacts { organisation_id: bid.organisation_id, phase, status: status_of(bid)? })
}

/// A bid with its call and the names a page shows with it, as [`named`] reads them.
struct Named {
    bid: bid::Model,
    call: call::Model,
    /// The title of the bid's lot, if the lot belongs to the bid's call.
    lot_title: Option<String>,
    organisation_name: String,
}

/// The bids of this tenant that `condition` selects, newest first, each with its call (as readers see calls,
/// `calls::visible`), its lot's title and its organisation's name: one statement however many bids.
async fn named(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    condition: impl sea_orm::sea_query::IntoCondition,
) -> Result<Vec<Named>, AppError> {
    let mut query = bid::Entity::find()
        .filter(condition)
        .filter(bid::Column::TenantId.eq(scope.id()))
        .select_also(call::Entity)
        .join(JoinType::InnerJoin, bid::Entity::belongs_to(call::Entity).from(bid::Column::CallId).to(call::Column::Id).into())
        .filter(super::calls::visible(scope, false))
        .order_by_desc(bid::Column::CreatedAt)
        .into_query();
    query
        .expr_as(lot_title(), Alias::new("lot_title"))
        .expr_as(super::names::organisation_name_of((bid::Entity, bid::Column::OrganisationId)), Alias::new("organisation_name"));
    let rows = db.query_all(db.get_database_backend().build(&query)).await?;
    rows.iter()
        .map(|row| {
            let organisation_name: Option<String> = row.try_get("", "organisation_name")?;
            Ok(Named {
                // SeaORM's prefixes of a select with a second entity.
                bid: bid::Model::from_query_result(row, "A_")?,
                call: call::Model::from_query_result(row, "B_")?,
                lot_title: row.try_get("", "lot_title")?,
                organisation_name: organisation_name.unwrap_or_default(),
            })
        })
        .collect()
}

/// Loads bid `id` of this tenant with its call and asks the policy whether `who` may read it at the time
/// `clock` tells. With `lock`, the bid's write lock is taken first and the clock read afterwards.
async fn load<I>(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    id: Uuid,
    lock: bool,
    clock: Clock,
) -> Result<(Authorized<I>, BidFacts), AppError> {
    let this_bid = bid::Column::Id.eq(id).and(bid::Column::TenantId.eq(scope.id()));
    if lock {
        // A no-op write takes the lock on both databases: PostgreSQL locks the row, SQLite the database
        // (it writes one transaction at a time). Changes of one bid queue up here, so two submissions cannot
        // take the same version number, and one that waited is judged by the time it got through.
        bid::Entity::update_many()
            .col_expr(bid::Column::Status, sea_orm::sea_query::Expr::col(bid::Column::Status).into())
            .filter(this_bid.clone())
            .exec(db)
            .await?;
    }
    let now = clock.now();
    let Named { bid, call, lot_title, organisation_name } =
        named(db, scope, this_bid).await?.into_iter().next().ok_or(AppError::NotFound)?;
    let phase = phase_of(&call, now);
    let facts = facts_of(&bid, phase)?;
    // A bid the caller may not read does not exist for them (sealed bids do not reveal themselves).
    let access = policy::bid_access(who, &facts).ok_or(AppError::NotFound)?;
    // A scoring member reads a lot's bids only after declaring conflicts of interest for it.
    if access == BidAccess::Reader && !super::evaluation::may_see_lot(db, scope, who, call.id, bid.lot_id).await? {
        return Err(AppError::Evaluation { reason: crate::EvaluationRefusal::DeclarationsMissing });
    }
    Ok((Authorized { bid, call, lot_title, organisation_name, phase, access, at: now, intent: PhantomData }, facts))
}

/// Loads bid `id` of this tenant for reading by `who` at `now`; 404 when they may not read it.
pub async fn authorize_read(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Authorized<Read>, AppError> {
    Ok(load(db, scope, who, id, false, Clock::At(now)).await?.0)
}

/// Locks bid `id` of this tenant and loads it for a change by `who` at the time `clock` tells once the lock
/// is held. Not readable → 404; readable but not changeable: 409 when the call is not open (it closed, or
/// has not opened), 403 otherwise. Call it first in the transaction, before anything else is read.
pub async fn authorize_change(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    id: Uuid,
    clock: Clock,
) -> Result<Authorized<Change>, AppError> {
    let (authorized, facts) = load(db, scope, who, id, true, clock).await?;
    policy::may_change_bid(who, &facts)?;
    Ok(authorized)
}

fn status_of(row: &bid::Model) -> Result<BidStatus, AppError> {
    BidStatus::parse(&row.status).ok_or_else(|| AppError::internal(format!("bid {} status {}", row.id, row.status)))
}

fn draft_of(row: &bid::Model) -> Result<Draft, AppError> {
    serde_json::from_str(&row.draft).map_err(|e| AppError::internal(format!("bid {} draft: {e}", row.id)))
}

async fn lot(db: &impl ConnectionTrait, call_id: Uuid, lot_id: Uuid) -> Result<call_lot::Model, AppError> {
    call_lot::Entity::find_by_id(lot_id)
        .filter(call_lot::Column::CallId.eq(call_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The organisation's bid for a lot of an open call: the existing one, or a new empty draft.
pub async fn open_or_create(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
    lot_id: Uuid,
    organisation_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let call = super::calls::find(db, scope, call_id, false).await?;
    lot(db, call.id, lot_id).await?;
    let existing = || {
        bid::Entity::find()
            .filter(bid::Column::TenantId.eq(scope.id()))
            .filter(bid::Column::LotId.eq(lot_id))
            .filter(bid::Column::OrganisationId.eq(organisation_id))
            .one(db)
    };
    let facts = BidFacts { organisation_id, phase: phase_of(&call, now), status: BidStatus::Draft };
    if let Some(existing) = existing().await? {
        // The organisation's own bid opens in any phase (frozen after closing); others' never.
        return match policy::bid_access(who, &BidFacts { status: status_of(&existing)?, ..facts }) {
            Some(BidAccess::Organisation) => Ok(existing.id),
            _ => Err(AppError::NotFound),
        };
    }
    policy::may_change_bid(who, &facts)?;
    let draft = serde_json::to_string(&Draft::default()).map_err(AppError::internal)?;
    let row = bid::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        call_id: Set(call.id),
        lot_id: Set(lot_id),
        organisation_id: Set(organisation_id),
        status: Set(BidStatus::Draft.as_str().to_owned()),
        draft: Set(draft),
        draft_saved_at: Set(now),
        draft_saved_by: Set(Some(who.user_id)),
        created_at: Set(now),
    };
    // A colleague (or a double click) may have started the same bid a moment ago: then theirs is opened.
    bid::Entity::insert(row)
        .on_conflict(OnConflict::columns([bid::Column::LotId, bid::Column::OrganisationId]).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    existing().await?.map(|row| row.id).ok_or_else(|| AppError::internal("bid vanished after insert"))
}

/// Stores the draft as typed and returns the saved bid. Text that breaks the form's rules is kept; only
/// absurd sizes are refused.
pub async fn save_draft(
    db: &impl ConnectionTrait,
    authorized: Authorized<Change>,
    draft: &Draft,
    user_id: Uuid,
) -> Result<Authorized<Change>, AppError> {
    if !draft.within_bounds() {
        return Err(AppError::invalid("draft", crate::InvalidReason::TooLong));
    }
    let Authorized { bid, call, lot_title, organisation_name, phase, access, at, intent } = authorized;
    let mut active: bid::ActiveModel = bid.into();
    active.draft = Set(serde_json::to_string(draft).map_err(AppError::internal)?);
    active.draft_saved_at = Set(at);
    active.draft_saved_by = Set(Some(user_id));
    let bid = active.update(db).await?;
    Ok(Authorized { bid, call, lot_title, organisation_name, phase, access, at, intent })
}

fn attachment_ref(row: &bid_attachment::Model) -> AttachmentRef {
    AttachmentRef {
        id: row.id,
        question_id: row.question_id,
        file_name: row.file_name.clone(),
        media_type: row.media_type.clone(),
        size_bytes: u64::try_from(row.size_bytes).unwrap_or(0),
        sha256: row.sha256.clone(),
    }
}

/// The attachments of the bid's current draft, in upload order (the organisation's: the draft is theirs).
pub async fn attachments<I>(
    db: &impl ConnectionTrait,
    authorized: &Authorized<I>,
) -> Result<Vec<AttachmentRef>, AppError> {
    if !authorized.access.sees_draft() {
        return Err(AppError::NotFound);
    }
    Ok(bid_attachment::Entity::find()
        .filter(bid_attachment::Column::BidId.eq(authorized.bid.id))
        .filter(bid_attachment::Column::RemovedAt.is_null())
        .order_by_asc(bid_attachment::Column::UploadedAt)
        .all(db)
        .await?
        .iter()
        .map(attachment_ref)
        .collect())
}

async fn attachment_row(db: &impl ConnectionTrait, bid_id: Uuid, id: Uuid) -> Result<bid_attachment::Model, AppError> {
    bid_attachment::Entity::find_by_id(id)
        .filter(bid_attachment::Column::BidId.eq(bid_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// One attachment of a bid (also one removed from the draft, which earlier versions may name), if the
/// caller may see it: the organisation every file, readers only those the latest version names.
pub async fn attachment<I>(
    db: &impl ConnectionTrait,
    authorized: &Authorized<I>,
    id: Uuid,
) -> Result<bid_attachment::Model, AppError> {
    let row = attachment_row(db, authorized.bid.id, id).await?;
    let named_by_latest = match versions(db, authorized.bid.id).await?.pop() {
        Some(latest) => {
            let content: Content = serde_json::from_str(&latest.content).map_err(AppError::internal)?;
            content.attachments.iter().any(|a| a.id == id)
        }
        None => false,
    };
    if !authorized.access.sees_file(named_by_latest) {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// Records an uploaded file (already stored under `storage_key`) as an attachment of the draft.
pub async fn add_attachment(
    db: &impl ConnectionTrait,
    authorized: &Authorized<Change>,
    question_id: Option<Uuid>,
    file: &crate::attachments::CheckedFile,
    size: u64,
    storage_key: &str,
    user_id: Uuid,
) -> Result<AttachmentRef, AppError> {
    let row = bid_attachment::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(authorized.bid.tenant_id),
        bid_id: Set(authorized.bid.id),
        question_id: Set(question_id),
        file_name: Set(file.file_name.clone()),
        media_type: Set(file.kind.media_type().to_owned()),
        size_bytes: Set(i64::try_from(size).map_err(AppError::internal)?),
        sha256: Set(file.sha256.clone()),
        storage_key: Set(storage_key.to_owned()),
        uploaded_at: Set(authorized.at),
        uploaded_by: Set(Some(user_id)),
        removed_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(attachment_ref(&row))
}

/// Takes an attachment out of the draft; the file stays for submitted versions that name it.
pub async fn remove_attachment(
    db: &impl ConnectionTrait,
    authorized: &Authorized<Change>,
    id: Uuid,
) -> Result<bid_attachment::Model, AppError> {
    let row = attachment_row(db, authorized.bid.id, id).await?;
    if row.removed_at.is_some() {
        return Err(AppError::NotFound);
    }
    let mut active: bid_attachment::ActiveModel = row.into();
    active.removed_at = Set(Some(authorized.at));
    Ok(active.update(db).await?)
}

fn version_view(row: &bid_version::Model) -> VersionView {
    VersionView { number: row.number, submitted_at: row.submitted_at, content_hash: row.content_hash.clone() }
}

async fn versions(db: &impl ConnectionTrait, bid_id: Uuid) -> Result<Vec<bid_version::Model>, AppError> {
    Ok(bid_version::Entity::find()
        .filter(bid_version::Column::BidId.eq(bid_id))
        .order_by_asc(bid_version::Column::Number)
        .all(db)
        .await?)
}

/// The hex SHA-256 of a content's canonical JSON, as printed on the receipt.
pub fn content_hash(content: &Content) -> Result<(String, String), AppError> {
    let json = serde_json::to_string(content).map_err(AppError::internal)?;
    Ok((crate::auth::sha256_hex(&json), json))
}

/// Adds a submitted version with the next number and marks the bid submitted.
pub async fn submit(
    db: &impl ConnectionTrait,
    authorized: Authorized<Change>,
    content: &Content,
    user_id: Uuid,
) -> Result<VersionView, AppError> {
    let now = authorized.at;
    let bid = authorized.bid;
    let (hash, json) = content_hash(content)?;
    let number = versions(db, bid.id).await?.last().map_or(1, |v| v.number + 1);
    let row = bid_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(bid.tenant_id),
        bid_id: Set(bid.id),
        number: Set(number),
        content: Set(json),
        content_hash: Set(hash),
        submitted_at: Set(now),
        submitted_by: Set(Some(user_id)),
    }
    .insert(db)
    .await?;
    let mut active: bid::ActiveModel = bid.into();
    active.status = Set(BidStatus::Submitted.as_str().to_owned());
    active.update(db).await?;
    Ok(version_view(&row))
}

/// Withdraws a submitted bid; its versions stay.
pub async fn withdraw(db: &impl ConnectionTrait, authorized: Authorized<Change>) -> Result<(), AppError> {
    let bid = authorized.bid;
    if status_of(&bid)? != BidStatus::Submitted {
        return Err(AppError::invalid("status", crate::InvalidReason::Malformed));
    }
    let mut active: bid::ActiveModel = bid.into();
    active.status = Set(BidStatus::Withdrawn.as_str().to_owned());
    active.update(db).await?;
    Ok(())
}

/// One authorized bid's summary; `versions` are its versions as [`versions`] reads them.
fn summary(authorized: &Authorized<Read>, versions: &[bid_version::Model], now: DateTime<Utc>) -> Result<BidSummary, AppError> {
    // A lot that is not its call's is a broken row: the bid is not shown.
    let lot_title = authorized.lot_title.clone().ok_or(AppError::NotFound)?;
    let organisation = authorized.organisation_name.clone();
    summary_of(&authorized.bid, &authorized.call, lot_title, organisation, versions.last().map(version_view), now)
}

/// The title of the bid's lot, where the lot belongs to the bid's call, as a subquery of [`load`].
fn lot_title() -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, Query, SimpleExpr};
    let query = Query::select()
        .column((call_lot::Entity, call_lot::Column::Title))
        .from(call_lot::Entity)
        .and_where(Expr::col((call_lot::Entity, call_lot::Column::Id)).equals((bid::Entity, bid::Column::LotId)))
        .and_where(Expr::col((call_lot::Entity, call_lot::Column::CallId)).equals((bid::Entity, bid::Column::CallId)))
        .to_owned();
    SimpleExpr::SubQuery(None, Box::new(query.into_sub_query_statement()))
}

/// A bid's summary from what its caller has loaded (one bid or a whole call's at once).
fn summary_of(
    row: &bid::Model,
    call: &call::Model,
    lot_title: String,
    organisation_name: String,
    latest: Option<VersionView>,
    now: DateTime<Utc>,
) -> Result<BidSummary, AppError> {
    Ok(BidSummary {
        id: row.id,
        call_id: call.id,
        call_title: call.title.clone(),
        lot_id: row.lot_id,
        lot_title,
        organisation_id: row.organisation_id,
        organisation_name,
        status: status_of(row)?,
        phase: phase_of(call, now),
        closes_at: call.closes_at,
        latest_version: latest,
    })
}

/// The bid as its organisation works on it (readers after closing see submitted versions, not the draft).
pub async fn view(
    db: &impl ConnectionTrait,
    authorized: &Authorized<Read>,
    now: DateTime<Utc>,
) -> Result<BidView, AppError> {
    if !authorized.access.sees_draft() {
        return Err(AppError::NotFound);
    }
    let Authorized { bid, call, phase, .. } = authorized;
    let versions = versions(db, bid.id).await?;
    let summary = summary(authorized, &versions, now)?;
    Ok(BidView {
        id: bid.id,
        call_id: call.id,
        call_title: call.title.clone(),
        lot_id: summary.lot_id,
        lot_title: summary.lot_title,
        organisation_id: bid.organisation_id,
        organisation_name: summary.organisation_name,
        status: summary.status,
        draft: draft_of(bid)?,
        draft_saved_at: bid.draft_saved_at,
        attachments: attachments(db, authorized).await?,
        versions: versions.iter().map(version_view).collect(),
        questions: super::calls::questions_of(db, call).await?,
        budget_years: model::bid::budget_years(call.decision_date),
        phase: *phase,
        closes_at: call.closes_at,
        server_now: now,
    })
}

/// One submitted version with its content: for the organisation any version, for readers the latest (what
/// stood at closing).
pub async fn version(
    db: &impl ConnectionTrait,
    authorized: &Authorized<Read>,
    number: i32,
    now: DateTime<Utc>,
) -> Result<SubmittedBid, AppError> {
    let versions = versions(db, authorized.bid.id).await?;
    let latest = versions.last().map(|v| v.number).ok_or(AppError::NotFound)?;
    if !authorized.access.sees_version(number, latest) {
        return Err(AppError::NotFound);
    }
    let row = bid_version::Entity::find()
        .filter(bid_version::Column::BidId.eq(authorized.bid.id))
        .filter(bid_version::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let content: Content = serde_json::from_str(&row.content).map_err(AppError::internal)?;
    Ok(SubmittedBid {
        summary: summary(authorized, &versions, now)?,
        version: version_view(&row),
        content,
    })
}

/// The bids of an organisation, newest call first.
pub async fn of_organisation(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    organisation_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<BidSummary>, AppError> {
    if !who.member_of(organisation_id) {
        return Err(AppError::Forbidden);
    }
    let own = bid::Column::TenantId.eq(scope.id()).and(bid::Column::OrganisationId.eq(organisation_id));
    // Its bids with their calls and names in one statement, and the heads of their versions (not their
    // contents) in a second, however many bids.
    let bids = named(db, scope, own.clone()).await?;
    let heads: Vec<(Uuid, i32, DateTime<Utc>, String)> = bid_version::Entity::find()
        .select_only()
        .columns([
            bid_version::Column::BidId,
            bid_version::Column::Number,
            bid_version::Column::SubmittedAt,
            bid_version::Column::ContentHash,
        ])
        .filter(bid_version::Column::BidId.in_subquery(bid::Entity::find().select_only().column(bid::Column::Id).filter(own).into_query()))
        .order_by_asc(bid_version::Column::Number)
        .into_tuple()
        .all(db)
        .await?;
    // Ascending by number, so the last one kept per bid is its latest.
    let latest: HashMap<Uuid, VersionView> = heads
        .into_iter()
        .map(|(bid, number, submitted_at, content_hash)| (bid, VersionView { number, submitted_at, content_hash }))
        .collect();
    bids.into_iter()
        .map(|Named { bid, call, lot_title, organisation_name }| {
            let latest = latest.get(&bid.id).cloned();
            summary_of(&bid, &call, lot_title.unwrap_or_default(), organisation_name, latest, now)
        })
        .collect()
}

/// The bids of a closed call (or one lot of it) that `who` may read: those that stood submitted at closing.
/// Forbidden while the call is sealed or for callers who do not read bids.
pub async fn readable_of_call(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
    lot_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Vec<Authorized<Read>>, AppError> {
    let call = super::calls::find(db, scope, call_id, false).await?;
    let phase = phase_of(&call, now);
    if !policy::may_read_bids_of(who, phase) {
        return Err(AppError::Forbidden);
    }
    let mut query =
        bid::Entity::find().filter(bid::Column::TenantId.eq(scope.id())).filter(bid::Column::CallId.eq(call.id));
    if let Some(lot_id) = lot_id {
        query = query.filter(bid::Column::LotId.eq(lot_id));
    }
    let bids = query.all(db).await?;
    // The names shown with the bids, read once for them all.
    let lots: HashMap<Uuid, String> = call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(call.id))
        .all(db)
        .await?
        .into_iter()
        .map(|lot| (lot.id, lot.title))
        .collect();
    let organisations = super::names::organisations_of(db, scope, bids.iter().map(|bid| bid.organisation_id)).await?;
    let mut readable = Vec::new();
    // A scoring member sees a lot's bids only after declaring for it; asked for one lot, they are told why.
    let mut visible_lots = HashMap::new();
    for bid in bids {
        let visible = match visible_lots.get(&bid.lot_id) {
            Some(visible) => *visible,
            None => {
                let visible = super::evaluation::may_see_lot(db, scope, who, call.id, bid.lot_id).await?;
                visible_lots.insert(bid.lot_id, visible);
                visible
            }
        };
        if !visible {
            if lot_id.is_some() {
                return Err(AppError::Evaluation { reason: crate::EvaluationRefusal::DeclarationsMissing });
            }
            continue;
        }
        let facts = facts_of(&bid, phase)?;
        if let Some(access) = policy::bid_access(who, &facts) {
            let lot_title = lots.get(&bid.lot_id).cloned();
            let organisation_name = organisations.get(&bid.organisation_id).cloned().unwrap_or_default();
            let call = call.clone();
            readable.push(Authorized { bid, call, lot_title, organisation_name, phase, access, at: now, intent: PhantomData });
        }
    }
    Ok(readable)
}

/// The latest submitted version of a readable bid.
pub async fn latest(
    db: &impl ConnectionTrait,
    authorized: &Authorized<Read>,
    now: DateTime<Utc>,
) -> Result<Option<SubmittedBid>, AppError> {
    match versions(db, authorized.bid.id).await?.pop() {
        Some(latest) => Ok(Some(version(db, authorized, latest.number, now).await?)),
        None => Ok(None),
    }
}

/// The submitted bids of a closed call, by lot and organisation, as readers see them. Reads the lots, the
/// organisations and the versions once for the whole list, so the list costs the same few statements
/// however many bids it has.
pub async fn of_closed_call(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
    lot_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Vec<SubmittedBid>, AppError> {
    let readable = readable_of_call(db, scope, who, call_id, lot_id, now).await?;
    if readable.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Uuid> = readable.iter().map(|a| a.bid.id).collect();
    // Ascending by number, so the last one kept per bid is its latest.
    let mut latest: HashMap<Uuid, bid_version::Model> = HashMap::new();
    for version in bid_version::Entity::find()
        .filter(bid_version::Column::BidId.is_in(ids))
        .order_by_asc(bid_version::Column::Number)
        .all(db)
        .await?
    {
        latest.insert(version.bid_id, version);
    }
    let mut bids = Vec::with_capacity(readable.len());
    for authorized in &readable {
        // Readers see the latest submitted version (what stood at closing), so every access may have it.
        let Some(version) = latest.get(&authorized.bid.id) else { continue };
        let content: Content = serde_json::from_str(&version.content).map_err(AppError::internal)?;
        bids.push(SubmittedBid {
            summary: summary(authorized, std::slice::from_ref(version), now)?,
            version: version_view(version),
            content,
        });
    }
    bids.sort_by(|a, b| {
        (a.summary.lot_title.as_str(), a.summary.organisation_name.as_str())
            .cmp(&(b.summary.lot_title.as_str(), b.summary.organisation_name.as_str()))
    });
    Ok(bids)
}

/// How many bids each lot of a call has: all an administrator may know while the call is open.
pub async fn counts(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    who: Who<'_>,
    call_id: Uuid,
) -> Result<Vec<LotCount>, AppError> {
    if !policy::may_count_bids(who) {
        return Err(AppError::Forbidden);
    }
    let call = super::calls::find(db, scope, call_id, true).await?;
    let lots = call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(call.id))
        .order_by_asc(call_lot::Column::Position)
        .all(db)
        .await?;
    // Counted by the database: the bids themselves carry every answer.
    let counted: Vec<(Uuid, String, i64)> = bid::Entity::find()
        .select_only()
        .column(bid::Column::LotId)
        .column(bid::Column::Status)
        .column_as(sea_orm::sea_query::Expr::cust("COUNT(*)"), "n")
        .filter(bid::Column::TenantId.eq(scope.id()))
        .filter(bid::Column::CallId.eq(call.id))
        .group_by(bid::Column::LotId)
        .group_by(bid::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let count = |lot: Uuid, submitted: bool| -> u64 {
        counted
            .iter()
            .filter(|(of, status, _)| *of == lot && (status == BidStatus::Submitted.as_str()) == submitted)
            .map(|(.., n)| u64::try_from(*n).unwrap_or_default())
            .sum()
    };
    Ok(lots
        .into_iter()
        .map(|lot| LotCount { lot_id: lot.id, submitted: count(lot.id, true), drafts: count(lot.id, false), lot_title: lot.title })
        .collect())
}
