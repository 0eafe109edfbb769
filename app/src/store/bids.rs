//! Bids, their submitted versions and attachments (server only).
//!
//! Reading and changing a bid goes through [`authorize`], which loads the bid with its call inside the
//! tenant and asks `model::policy` whether the caller may read or change it *now*. A bid the caller may
//! not read is "not found", so sealed bids do not even reveal that they exist.

use super::TenantScope;
use super::calls::phase_of;
use crate::AppError;
use chrono::{DateTime, Utc};
use model::Role;
use model::bid::{AttachmentRef, BidStatus, BidSummary, BidView, Content, Draft, LotCount, SubmittedBid, VersionView};
use model::call::Phase;
use model::entity::{bid, bid_attachment, bid_version, call, call_lot, organisation};
use model::policy;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// What the caller wants to do with a bid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Read,
    Change,
}

/// A bid the caller may use as intended, with its call and the call's phase at the time of the check.
#[derive(Debug, Clone)]
pub struct Authorized {
    pub bid: bid::Model,
    pub call: call::Model,
    pub phase: Phase,
}

/// Loads bid `id` of this tenant for `roles` and checks `intent` against the policy at `now`.
///
/// Not readable → 404. Readable but not changeable: 409 when the call is not open (it closed, or has not
/// opened), 403 otherwise.
pub async fn authorize(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    roles: &[Role],
    id: Uuid,
    intent: Intent,
    now: DateTime<Utc>,
) -> Result<Authorized, AppError> {
    let mut query = bid::Entity::find_by_id(id).filter(bid::Column::TenantId.eq(scope.id()));
    if intent == Intent::Change {
        // Changes of one bid queue up behind each other (PostgreSQL row lock; SQLite writes one at a time
        // anyway), so two submissions cannot both take the same version number.
        query = query.lock_exclusive();
    }
    let bid = query.one(db).await?.ok_or(AppError::NotFound)?;
    let call = super::calls::find(db, scope, bid.call_id, false).await?;
    let phase = phase_of(&call, now);
    // Others read only what stood submitted when the call closed (withdrawn bids do not count).
    let submitted = bid.status == BidStatus::Submitted.as_str();
    if !policy::may_read_bid(roles, bid.organisation_id, phase, submitted) {
        return Err(AppError::NotFound);
    }
    if intent == Intent::Change && !policy::may_change_bid(roles, bid.organisation_id, phase) {
        return Err(if policy::member_of(roles, bid.organisation_id) {
            AppError::CallNotOpen
        } else {
            AppError::Forbidden
        });
    }
    Ok(Authorized { bid, call, phase })
}

fn status_of(row: &bid::Model) -> Result<BidStatus, AppError> {
    BidStatus::parse(&row.status).ok_or_else(|| AppError::internal(format!("bid {} status {}", row.id, row.status)))
}

pub fn draft_of(row: &bid::Model) -> Result<Draft, AppError> {
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
    caller: &crate::auth::Caller,
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
    if let Some(existing) = existing().await? {
        return Ok(existing.id);
    }
    if !policy::may_change_bid(&caller.roles, organisation_id, phase_of(&call, now)) {
        return Err(AppError::CallNotOpen);
    }
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
        draft_saved_by: Set(Some(caller.user_id)),
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
    bid: bid::Model,
    draft: &Draft,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<bid::Model, AppError> {
    if !draft.within_bounds() {
        return Err(AppError::invalid("draft", crate::InvalidReason::TooLong));
    }
    let mut active: bid::ActiveModel = bid.into();
    active.draft = Set(serde_json::to_string(draft).map_err(AppError::internal)?);
    active.draft_saved_at = Set(now);
    active.draft_saved_by = Set(Some(user_id));
    Ok(active.update(db).await?)
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

/// The attachments of the bid's current draft, in upload order.
pub async fn attachments(db: &impl ConnectionTrait, bid_id: Uuid) -> Result<Vec<AttachmentRef>, AppError> {
    Ok(bid_attachment::Entity::find()
        .filter(bid_attachment::Column::BidId.eq(bid_id))
        .filter(bid_attachment::Column::RemovedAt.is_null())
        .order_by_asc(bid_attachment::Column::UploadedAt)
        .all(db)
        .await?
        .iter()
        .map(attachment_ref)
        .collect())
}

/// One attachment of a bid (also one removed from the draft, which earlier versions may name).
pub async fn attachment(db: &impl ConnectionTrait, bid_id: Uuid, id: Uuid) -> Result<bid_attachment::Model, AppError> {
    bid_attachment::Entity::find_by_id(id)
        .filter(bid_attachment::Column::BidId.eq(bid_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Records an uploaded file (already stored under `storage_key`) as an attachment of the draft.
#[allow(clippy::too_many_arguments)]
pub async fn add_attachment(
    db: &impl ConnectionTrait,
    bid: &bid::Model,
    question_id: Option<Uuid>,
    file: &crate::attachments::CheckedFile,
    size: u64,
    storage_key: &str,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<AttachmentRef, AppError> {
    let row = bid_attachment::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(bid.tenant_id),
        bid_id: Set(bid.id),
        question_id: Set(question_id),
        file_name: Set(file.file_name.clone()),
        media_type: Set(file.kind.media_type().to_owned()),
        size_bytes: Set(i64::try_from(size).map_err(AppError::internal)?),
        sha256: Set(file.sha256.clone()),
        storage_key: Set(storage_key.to_owned()),
        uploaded_at: Set(now),
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
    bid_id: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bid_attachment::Model, AppError> {
    let row = attachment(db, bid_id, id).await?;
    if row.removed_at.is_some() {
        return Err(AppError::NotFound);
    }
    let mut active: bid_attachment::ActiveModel = row.into();
    active.removed_at = Set(Some(now));
    Ok(active.update(db).await?)
}

fn version_view(row: &bid_version::Model) -> VersionView {
    VersionView { number: row.number, submitted_at: row.submitted_at, content_hash: row.content_hash.clone() }
}

pub async fn versions(db: &impl ConnectionTrait, bid_id: Uuid) -> Result<Vec<bid_version::Model>, AppError> {
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
    bid: bid::Model,
    content: &Content,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<VersionView, AppError> {
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
pub async fn withdraw(db: &impl ConnectionTrait, bid: bid::Model) -> Result<(), AppError> {
    if status_of(&bid)? != BidStatus::Submitted {
        return Err(AppError::invalid("status", crate::InvalidReason::Malformed));
    }
    let mut active: bid::ActiveModel = bid.into();
    active.status = Set(BidStatus::Withdrawn.as_str().to_owned());
    active.update(db).await?;
    Ok(())
}

async fn organisation_name(db: &impl ConnectionTrait, id: Uuid) -> Result<String, AppError> {
    Ok(organisation::Entity::find_by_id(id).one(db).await?.map(|o| o.name).unwrap_or_default())
}

async fn summary(
    db: &impl ConnectionTrait,
    row: &bid::Model,
    call: &call::Model,
    now: DateTime<Utc>,
) -> Result<BidSummary, AppError> {
    let lot = lot(db, call.id, row.lot_id).await?;
    Ok(BidSummary {
        id: row.id,
        call_id: call.id,
        call_title: call.title.clone(),
        lot_id: lot.id,
        lot_title: lot.title,
        organisation_id: row.organisation_id,
        organisation_name: organisation_name(db, row.organisation_id).await?,
        status: status_of(row)?,
        phase: phase_of(call, now),
        closes_at: call.closes_at,
        latest_version: versions(db, row.id).await?.last().map(version_view),
    })
}

/// The bid as its organisation works on it.
pub async fn view(db: &impl ConnectionTrait, authorized: &Authorized, now: DateTime<Utc>) -> Result<BidView, AppError> {
    let Authorized { bid, call, phase } = authorized;
    let summary = summary(db, bid, call, now).await?;
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
        attachments: attachments(db, bid.id).await?,
        versions: versions(db, bid.id).await?.iter().map(version_view).collect(),
        questions: super::calls::questions_of(db, call.id).await?,
        budget_years: model::bid::budget_years(call.decision_date),
        phase: *phase,
        closes_at: call.closes_at,
        server_now: now,
    })
}

/// One submitted version with its content.
pub async fn version(
    db: &impl ConnectionTrait,
    authorized: &Authorized,
    number: i32,
    now: DateTime<Utc>,
) -> Result<SubmittedBid, AppError> {
    let row = bid_version::Entity::find()
        .filter(bid_version::Column::BidId.eq(authorized.bid.id))
        .filter(bid_version::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let content: Content = serde_json::from_str(&row.content).map_err(AppError::internal)?;
    Ok(SubmittedBid {
        summary: summary(db, &authorized.bid, &authorized.call, now).await?,
        version: version_view(&row),
        content,
    })
}

/// The bids of an organisation, newest call first.
pub async fn of_organisation(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    organisation_id: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<BidSummary>, AppError> {
    let rows = bid::Entity::find()
        .filter(bid::Column::TenantId.eq(scope.id()))
        .filter(bid::Column::OrganisationId.eq(organisation_id))
        .order_by_desc(bid::Column::CreatedAt)
        .all(db)
        .await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in &rows {
        let call = super::calls::find(db, scope, row.call_id, false).await?;
        list.push(summary(db, row, &call, now).await?);
    }
    Ok(list)
}

/// The submitted bids of a closed call, by lot: only for those who may read bids after closing.
pub async fn of_closed_call(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    roles: &[Role],
    call_id: Uuid,
    lot_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Vec<SubmittedBid>, AppError> {
    let call = super::calls::find(db, scope, call_id, false).await?;
    let phase = phase_of(&call, now);
    if phase != Phase::Closed || !policy::allows(roles, model::Permission::ReadBids) {
        return Err(AppError::Forbidden);
    }
    let mut query =
        bid::Entity::find().filter(bid::Column::TenantId.eq(scope.id())).filter(bid::Column::CallId.eq(call.id));
    if let Some(lot_id) = lot_id {
        query = query.filter(bid::Column::LotId.eq(lot_id));
    }
    let mut bids = Vec::new();
    for row in query.all(db).await? {
        if status_of(&row)? != BidStatus::Submitted {
            continue;
        }
        let Some(latest) = versions(db, row.id).await?.pop() else { continue };
        let authorized = Authorized { bid: row, call: call.clone(), phase };
        bids.push(version(db, &authorized, latest.number, now).await?);
    }
    bids.sort_by(|a, b| {
        (a.summary.lot_title.as_str(), a.summary.organisation_name.as_str())
            .cmp(&(b.summary.lot_title.as_str(), b.summary.organisation_name.as_str()))
    });
    Ok(bids)
}

/// How many bids each lot of a call has: all an administrator may know while the call is open.
pub async fn counts(db: &impl ConnectionTrait, scope: &TenantScope, call_id: Uuid) -> Result<Vec<LotCount>, AppError> {
    let call = super::calls::find(db, scope, call_id, true).await?;
    let lots = call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(call.id))
        .order_by_asc(call_lot::Column::Position)
        .all(db)
        .await?;
    let rows = bid::Entity::find()
        .filter(bid::Column::TenantId.eq(scope.id()))
        .filter(bid::Column::CallId.eq(call.id))
        .all(db)
        .await?;
    Ok(lots
        .into_iter()
        .map(|lot| {
            let of_lot = rows.iter().filter(|b| b.lot_id == lot.id);
            let submitted = of_lot.clone().filter(|b| b.status == BidStatus::Submitted.as_str()).count() as u64;
            let drafts = of_lot.filter(|b| b.status != BidStatus::Submitted.as_str()).count() as u64;
            LotCount { lot_id: lot.id, lot_title: lot.title, submitted, drafts }
        })
        .collect())
}
