//! Calls, their lots and questions, for administrators and the public pages.

use super::TenantScope;
use crate::{AppError, InvalidReason};
use chrono::{DateTime, Utc};
use model::call::{
    CallDetail, CallError, CallSummary, LotView, Module, OpenCall, Phase, Question, QuestionKind, Schedule, check_question,
    check_title, default_questions,
};
use model::entity::{call, call_lot, call_question, district};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

impl From<CallError> for AppError {
    fn from(err: CallError) -> Self {
        let reason = match err {
            CallError::TitleMissing | CallError::QuestionLabelMissing | CallError::NoLots => InvalidReason::Required,
            CallError::TitleTooLong => InvalidReason::TooLong,
            CallError::QuestionsFrozen => InvalidReason::Frozen,
            _ => InvalidReason::Malformed,
        };
        AppError::invalid(err.field(), reason)
    }
}

fn schedule_of(row: &call::Model) -> Schedule {
    Schedule { opens_at: row.opens_at, closes_at: row.closes_at, decision_date: row.decision_date }
}

pub fn phase_of(row: &call::Model, now: DateTime<Utc>) -> Phase {
    schedule_of(row).phase(row.published_at.is_some(), now)
}

/// Which calls exist for a reader, as a condition on `calls`: the tenant's own, and only published ones
/// unless `drafts` is set (administration). Every query that finds calls, or joins a bid's call, applies it.
pub fn visible(scope: &TenantScope, drafts: bool) -> Condition {
    let own = Condition::all().add(call::Column::TenantId.eq(scope.id()));
    if drafts { own } else { own.add(call::Column::PublishedAt.is_not_null()) }
}

/// A call of this tenant; not found for other tenants' calls and, unless `drafts` is set, for drafts.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: Uuid,
    drafts: bool,
) -> Result<call::Model, AppError> {
    call::Entity::find_by_id(id).filter(visible(scope, drafts)).one(db).await?.ok_or(AppError::NotFound)
}

/// A call's summary alone, without its lots and questions ([`detail`]).
pub async fn summary_of(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: Uuid,
    drafts: bool,
    now: DateTime<Utc>,
) -> Result<CallSummary, AppError> {
    let row = find(db, scope, id, drafts).await?;
    let lots = lot_counts(db, &[row.id]).await?;
    summary(&row, lots.get(&row.id).copied().unwrap_or_default(), now)
}

/// Not found unless `lot` is a lot of the published call `call_id` of this tenant.
pub async fn ensure_lot(db: &impl ConnectionTrait, scope: &TenantScope, call_id: Uuid, lot: Uuid) -> Result<(), AppError> {
    let call = find(db, scope, call_id, false).await?;
    call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(call.id))
        .filter(call_lot::Column::Id.eq(lot))
        .one(db)
        .await?
        .map(|_| ())
        .ok_or(AppError::NotFound)
}

/// How many lots each of `calls` has, counted by the database in one query.
async fn lot_counts(db: &impl ConnectionTrait, calls: &[Uuid]) -> Result<HashMap<Uuid, usize>, AppError> {
    let counted: Vec<(Uuid, i64)> = call_lot::Entity::find()
        .select_only()
        .column(call_lot::Column::CallId)
        .column_as(sea_orm::sea_query::Expr::cust("COUNT(*)"), "n")
        .filter(call_lot::Column::CallId.is_in(calls.iter().copied()))
        .group_by(call_lot::Column::CallId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(counted.into_iter().map(|(call, n)| (call, usize::try_from(n).unwrap_or_default())).collect())
}

fn summary(row: &call::Model, lot_count: usize, now: DateTime<Utc>) -> Result<CallSummary, AppError> {
    Ok(CallSummary {
        id: row.id,
        module: Module::parse(&row.module).ok_or_else(|| AppError::internal(format!("call {} module", row.id)))?,
        title: row.title.clone(),
        opens_at: row.opens_at,
        closes_at: row.closes_at,
        decision_date: row.decision_date,
        phase: phase_of(row, now),
        lot_count,
    })
}

/// The tenant's calls, newest deadline first; drafts only when `drafts` is set (administration).
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    drafts: bool,
    now: DateTime<Utc>,
) -> Result<Vec<CallSummary>, AppError> {
    let rows = call::Entity::find().filter(visible(scope, drafts)).order_by_desc(call::Column::ClosesAt).all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
    let counts = lot_counts(db, &ids).await?;
    rows.iter().map(|row| summary(row, counts.get(&row.id).copied().unwrap_or_default(), now)).collect()
}

/// The calls open for bids at `now`, newest closing first, each with its lots in order: what a carrier may
/// start a bid for. Two statements however many calls are open.
pub async fn open_with_lots(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    now: DateTime<Utc>,
) -> Result<Vec<OpenCall>, AppError> {
    let rows: Vec<call::Model> = call::Entity::find()
        .filter(visible(scope, false))
        .filter(call::Column::ClosesAt.gt(now))
        .order_by_desc(call::Column::ClosesAt)
        .all(db)
        .await?
        .into_iter()
        .filter(|row| phase_of(row, now) == Phase::Open)
        .collect();
    let mut lots: HashMap<Uuid, Vec<LotView>> = HashMap::new();
    for lot in call_lot::Entity::find()
        .filter(call_lot::Column::CallId.is_in(rows.iter().map(|row| row.id)))
        .order_by_asc(call_lot::Column::CallId)
        .order_by_asc(call_lot::Column::Position)
        .all(db)
        .await?
    {
        lots.entry(lot.call_id).or_default().push(LotView { id: lot.id, title: lot.title, district_id: lot.district_id });
    }
    rows.iter()
        .map(|row| {
            let lots = lots.remove(&row.id).unwrap_or_default();
            Ok(OpenCall { summary: summary(row, lots.len(), now)?, lots })
        })
        .collect()
}

pub async fn detail(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: Uuid,
    drafts: bool,
    now: DateTime<Utc>,
) -> Result<CallDetail, AppError> {
    let row = find(db, scope, id, drafts).await?;
    let lots: Vec<LotView> = call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(row.id))
        .order_by_asc(call_lot::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|lot| LotView { id: lot.id, title: lot.title, district_id: lot.district_id })
        .collect();
    let questions = questions_of(db, &row).await?;
    Ok(CallDetail {
        summary: summary(&row, lots.len(), now)?,
        description: row.description.clone(),
        lots,
        questions,
        server_now: now,
    })
}

/// The questions of a call loaded through [`find`] (so of the scope's tenant), in order.
pub async fn questions_of(db: &impl ConnectionTrait, call: &call::Model) -> Result<Vec<Question>, AppError> {
    let rows = call_question::Entity::find()
        .filter(call_question::Column::CallId.eq(call.id))
        .order_by_asc(call_question::Column::Position)
        .all(db)
        .await?;
    rows.iter()
        .map(|row| row.question().ok_or_else(|| AppError::internal(format!("question {} does not parse", row.id))))
        .collect()
}

/// Creates a draft call with its lots (steering: one; practice: one per active district) and the default
/// questions of its module.
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    module: Module,
    title: &str,
    description: &str,
    schedule: Schedule,
    now: DateTime<Utc>,
) -> Result<call::Model, AppError> {
    let title = check_title(title)?;
    let row = call::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        module: Set(module.as_str().to_owned()),
        title: Set(title),
        description: Set(description.trim().to_owned()),
        opens_at: Set(schedule.opens_at),
        closes_at: Set(schedule.closes_at),
        decision_date: Set(schedule.decision_date),
        published_at: Set(None),
        rubric: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    let lots: Vec<(Option<Uuid>, String)> = match module {
        Module::Steering => vec![(None, "Steuerungsmodul".to_owned())],
        Module::Practice => super::districts::list_active(db, scope)
            .await?
            .into_iter()
            .map(|d| (Some(d.id), d.name.as_str().to_owned()))
            .collect(),
    };
    for (position, (district_id, lot_title)) in (1..).zip(lots) {
        call_lot::Entity::insert(call_lot::ActiveModel {
            id: Set(Uuid::new_v4()),
            tenant_id: Set(scope.id()),
            call_id: Set(row.id),
            district_id: Set(district_id),
            title: Set(lot_title),
            position: Set(position),
        })
        .exec_without_returning(db)
        .await?;
    }
    for (kind, label, help) in default_questions(module) {
        insert_question(db, scope, row.id, &kind, label, help, kind != QuestionKind::File).await?;
    }
    Ok(row)
}

async fn insert_question(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    kind: &QuestionKind,
    label: &str,
    help: &str,
    required: bool,
) -> Result<Uuid, AppError> {
    check_question(kind, label)?;
    let last = call_question::Entity::find()
        .filter(call_question::Column::CallId.eq(call_id))
        .order_by_desc(call_question::Column::Position)
        .one(db)
        .await?
        .map(|q| q.position)
        .unwrap_or(0);
    let (max_chars, options) = match kind {
        QuestionKind::LongText { max_chars } => (Some(i32::try_from(*max_chars).unwrap_or(i32::MAX)), None),
        QuestionKind::SingleChoice { options } => {
            let cleaned: Vec<&str> = options.iter().map(|o| o.trim()).filter(|o| !o.is_empty()).collect();
            (None, Some(serde_json::to_string(&cleaned).map_err(AppError::internal)?))
        }
        _ => (None, None),
    };
    let id = Uuid::new_v4();
    call_question::Entity::insert(call_question::ActiveModel {
        id: Set(id),
        tenant_id: Set(scope.id()),
        call_id: Set(call_id),
        position: Set(last + 1),
        kind: Set(kind.as_str().to_owned()),
        label: Set(label.trim().to_owned()),
        help: Set(help.trim().to_owned()),
        required: Set(required),
        max_chars: Set(max_chars),
        options: Set(options),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// Questions and lots change only while the call is a draft.
fn ensure_draft(row: &call::Model) -> Result<(), AppError> {
    if row.published_at.is_some() { Err(CallError::QuestionsFrozen.into()) } else { Ok(()) }
}

pub async fn add_question(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    kind: &QuestionKind,
    label: &str,
    help: &str,
    required: bool,
) -> Result<Uuid, AppError> {
    let row = find(db, scope, call_id, true).await?;
    ensure_draft(&row)?;
    insert_question(db, scope, row.id, kind, label, help, required).await
}

pub async fn remove_question(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    question: Uuid,
) -> Result<(), AppError> {
    let row = find(db, scope, call_id, true).await?;
    ensure_draft(&row)?;
    let deleted = call_question::Entity::delete_many()
        .filter(call_question::Column::CallId.eq(row.id))
        .filter(call_question::Column::Id.eq(question))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 { Err(AppError::NotFound) } else { Ok(()) }
}

/// Changes title, description and schedule. Allowed until the call closes; a call that already opened keeps
/// its opening time.
pub async fn update(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    title: &str,
    description: &str,
    schedule: Schedule,
    now: DateTime<Utc>,
) -> Result<(call::Model, call::Model), AppError> {
    let before = find(db, scope, call_id, true).await?;
    let phase = phase_of(&before, now);
    if phase == Phase::Closed {
        return Err(AppError::invalid("closes_at", InvalidReason::Frozen));
    }
    if phase == Phase::Open && schedule.opens_at != before.opens_at {
        return Err(AppError::invalid("opens_at", InvalidReason::Frozen));
    }
    let mut model: call::ActiveModel = before.clone().into();
    model.title = Set(check_title(title)?);
    model.description = Set(description.trim().to_owned());
    model.opens_at = Set(schedule.opens_at);
    model.closes_at = Set(schedule.closes_at);
    model.decision_date = Set(schedule.decision_date);
    model.updated_at = Set(now);
    Ok((before, model.update(db).await?))
}

pub async fn publish(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    now: DateTime<Utc>,
) -> Result<call::Model, AppError> {
    let row = find(db, scope, call_id, true).await?;
    ensure_draft(&row)?;
    if call_lot::Entity::find().filter(call_lot::Column::CallId.eq(row.id)).one(db).await?.is_none() {
        return Err(CallError::NoLots.into());
    }
    let mut model: call::ActiveModel = row.into();
    model.published_at = Set(Some(now));
    model.updated_at = Set(now);
    Ok(model.update(db).await?)
}

/// Closes an open call now (ahead of its deadline).
pub async fn close_now(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    now: DateTime<Utc>,
) -> Result<call::Model, AppError> {
    let row = find(db, scope, call_id, true).await?;
    if phase_of(&row, now) != Phase::Open {
        return Err(AppError::invalid("closes_at", InvalidReason::Frozen));
    }
    let mut model: call::ActiveModel = row.into();
    model.closes_at = Set(now);
    model.updated_at = Set(now);
    Ok(model.update(db).await?)
}

/// Removes a lot from a draft call (e.g. a district that gets no post this time).
pub async fn remove_lot(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    lot: Uuid,
) -> Result<(), AppError> {
    let row = find(db, scope, call_id, true).await?;
    ensure_draft(&row)?;
    let deleted = call_lot::Entity::delete_many()
        .filter(call_lot::Column::CallId.eq(row.id))
        .filter(call_lot::Column::Id.eq(lot))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 { Err(AppError::NotFound) } else { Ok(()) }
}

/// The district a practice lot is for, by name (for the lot list); `None` for other tenants' districts.
pub async fn district_name(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: Uuid,
) -> Result<Option<String>, AppError> {
    Ok(district::Entity::find_by_id(id)
        .filter(district::Column::TenantId.eq(scope.id()))
        .one(db)
        .await?
        .map(|d| d.name))
}

/// Renames a lot of a draft call (e.g. "Stadtraum 3 (Pieschen)").
pub async fn rename_lot(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    lot: Uuid,
    title: &str,
) -> Result<(String, String), AppError> {
    let row = find(db, scope, call_id, true).await?;
    ensure_draft(&row)?;
    let title = title.trim();
    if title.is_empty() {
        return Err(AppError::invalid("title", InvalidReason::Required));
    }
    if title.chars().count() > 200 {
        return Err(AppError::invalid("title", InvalidReason::TooLong));
    }
    let current = call_lot::Entity::find_by_id(lot)
        .filter(call_lot::Column::CallId.eq(row.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = current.title.clone();
    let mut model: call_lot::ActiveModel = current.into();
    model.title = Set(title.to_owned());
    model.update(db).await?;
    Ok((before, title.to_owned()))
}

/// Moves a question of a draft call one place up or down; positions are renumbered 1…n on the way.
pub async fn move_question(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call_id: Uuid,
    question: Uuid,
    up: bool,
) -> Result<(), AppError> {
    let row = find(db, scope, call_id, true).await?;
    ensure_draft(&row)?;
    let mut all = call_question::Entity::find()
        .filter(call_question::Column::CallId.eq(row.id))
        .order_by_asc(call_question::Column::Position)
        .all(db)
        .await?;
    super::ordering::move_one(&mut all, |q| q.id == question, up).ok_or(AppError::NotFound)?;
    for (position, question) in (1..).zip(all) {
        if question.position != position {
            let mut model: call_question::ActiveModel = question.into();
            model.position = Set(position);
            model.update(db).await?;
        }
    }
    Ok(())
}
