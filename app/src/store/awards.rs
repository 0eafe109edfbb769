//! Recommendations, the committee's decisions and the funded objects they create (server only).
//!
//! Every function takes the tenant's scope, or a [`super::evaluation::CallEvaluation`] that was loaded within
//! it; the rules (quorum, the steering contract's minimums) are asked of `model::award` by the operations in
//! `app::awards`.

use super::TenantScope;
use super::evaluation::{CallEvaluation, Lot};
use crate::AppError;
use chrono::NaiveDate;
use model::Money;
use model::award::{AwardKind, DecisionView, Funding, PostView, RecommendationView, funding_years};
use model::bid::Fte;
use model::entity::{award, decision, recommendation, tenant, user};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

fn funding_of(json: &str, what: Uuid) -> Result<Funding, AppError> {
    serde_json::from_str(json).map_err(|e| AppError::internal(format!("funding of {what}: {e}")))
}

fn fte_of(text: &str, what: Uuid) -> Result<Fte, AppError> {
    Fte::parse(text).map_err(|_| AppError::internal(format!("fte of {what}: {text}")))
}

/// The tenant's quorum of final sheets per bid.
pub async fn quorum(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<usize, AppError> {
    let row = tenant::Entity::find_by_id(scope.id()).one(db).await?.ok_or(AppError::NotFound)?;
    Ok(usize::try_from(row.evaluation_quorum).unwrap_or(1).max(1))
}

/// The recommendations of a call's lots, as views.
pub async fn recommendations(
    db: &impl ConnectionTrait,
    evaluation: &CallEvaluation,
) -> Result<Vec<RecommendationView>, AppError> {
    let rows = recommendation::Entity::find()
        .filter(recommendation::Column::TenantId.eq(evaluation.call.tenant_id))
        .filter(recommendation::Column::CallId.eq(evaluation.call.id))
        .all(db)
        .await?;
    // Who recorded them; no query for a call without recommendations.
    let names: HashMap<Uuid, String> = if rows.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .select_only()
            .columns([user::Column::Id, user::Column::DisplayName])
            .filter(user::Column::TenantId.eq(evaluation.call.tenant_id))
            .filter(user::Column::Id.is_in(rows.iter().map(|r| r.recorded_by)))
            .into_tuple::<(Uuid, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    rows.into_iter()
        .map(|row| {
            let organisation_name =
                row.bid_id.and_then(|bid| evaluation.find_bid(bid)).map(|(_, b)| b.organisation_name.clone());
            Ok(RecommendationView {
                lot_id: row.lot_id,
                bid_id: row.bid_id,
                organisation_name,
                amounts: funding_years(&funding_of(&row.amounts, row.id)?),
                fte: fte_of(&row.fte, row.id)?,
                reasoning: row.reasoning,
                recorded_by: names.get(&row.recorded_by).cloned().unwrap_or_default(),
                recorded_at: row.recorded_at,
            })
        })
        .collect()
}

/// Records (or replaces) the recommendation for a lot.
#[allow(clippy::too_many_arguments)]
pub async fn recommend(
    db: &impl ConnectionTrait,
    evaluation: &CallEvaluation,
    lot: &Lot,
    bid: Option<Uuid>,
    amounts: &Funding,
    fte: Fte,
    reasoning: &str,
    user: Uuid,
) -> Result<(), AppError> {
    let row = recommendation::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(evaluation.call.tenant_id),
        call_id: Set(evaluation.call.id),
        lot_id: Set(lot.id),
        bid_id: Set(bid),
        amounts: Set(serde_json::to_string(amounts).map_err(AppError::internal)?),
        fte: Set(fte.value().to_string()),
        reasoning: Set(reasoning.trim().to_owned()),
        recorded_by: Set(user),
        recorded_at: Set(evaluation.at),
    };
    recommendation::Entity::insert(row)
        .on_conflict(
            OnConflict::column(recommendation::Column::LotId)
                .update_columns([
                    recommendation::Column::BidId,
                    recommendation::Column::Amounts,
                    recommendation::Column::Fte,
                    recommendation::Column::Reasoning,
                    recommendation::Column::RecordedBy,
                    recommendation::Column::RecordedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The decisions on a call's bids.
pub async fn decisions(db: &impl ConnectionTrait, evaluation: &CallEvaluation) -> Result<Vec<DecisionView>, AppError> {
    let rows = decision::Entity::find()
        .filter(decision::Column::TenantId.eq(evaluation.call.tenant_id))
        .filter(decision::Column::CallId.eq(evaluation.call.id))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let name = evaluation.find_bid(row.bid_id).map(|(_, b)| b.organisation_name.clone()).unwrap_or_default();
            Ok(DecisionView {
                bid_id: row.bid_id,
                lot_id: row.lot_id,
                organisation_name: name,
                session_date: row.session_date,
                resolution_number: row.resolution_number,
                awarded: row.awarded,
                amounts: funding_years(&funding_of(&row.amounts, row.id)?),
                conditions: row.conditions,
            })
        })
        .collect()
}

/// What a decision creates with an award.
pub struct NewAward {
    pub kind: AwardKind,
    pub district_id: Option<Uuid>,
    pub fte: Fte,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

/// The committee's decision on one bid, recorded once; with an award, the post or contract it funds.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    db: &impl ConnectionTrait,
    evaluation: &CallEvaluation,
    lot: &Lot,
    bid: Uuid,
    organisation: Uuid,
    input: &model::award::DecisionInput,
    award: Option<NewAward>,
    user: Uuid,
) -> Result<Option<Uuid>, AppError> {
    let id = Uuid::new_v4();
    let amounts = serde_json::to_string(&input.amounts).map_err(AppError::internal)?;
    let row = decision::ActiveModel {
        id: Set(id),
        tenant_id: Set(evaluation.call.tenant_id),
        call_id: Set(evaluation.call.id),
        lot_id: Set(lot.id),
        bid_id: Set(bid),
        session_date: Set(input.session_date),
        resolution_number: Set(input.resolution_number.trim().to_owned()),
        awarded: Set(input.awarded),
        amounts: Set(amounts.clone()),
        conditions: Set(input.conditions.trim().to_owned()),
        recorded_by: Set(user),
        recorded_at: Set(evaluation.at),
    };
    // One decision per bid: a second one (also one racing this) is refused by the unique key.
    let inserted = decision::Entity::insert(row)
        .on_conflict(OnConflict::column(decision::Column::BidId).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    if inserted == 0 {
        return Err(AppError::Evaluation { reason: crate::EvaluationRefusal::AlreadyDecided });
    }
    let Some(award) = award else { return Ok(None) };
    let award_id = Uuid::new_v4();
    {
        award::Entity::insert(award::ActiveModel {
            id: Set(award_id),
            tenant_id: Set(evaluation.call.tenant_id),
            decision_id: Set(id),
            bid_id: Set(bid),
            kind: Set(award.kind.as_str().to_owned()),
            organisation_id: Set(organisation),
            district_id: Set(award.district_id),
            fte: Set(award.fte.value().to_string()),
            starts_on: Set(award.starts_on),
            ends_on: Set(award.ends_on),
            funding: Set(amounts),
            created_at: Set(evaluation.at),
            report_cadence: Set(model::report::Cadence::default().as_str().to_owned()),
            final_report: Set(false),
            extra_report_days: Set("[]".to_owned()),
            reports_off_schedule: Set(false),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(Some(award_id))
}

/// The decision on one bid of the scope's tenant, if recorded.
pub async fn decision_of(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    bid: Uuid,
) -> Result<Option<decision::Model>, AppError> {
    Ok(decision::Entity::find()
        .filter(decision::Column::TenantId.eq(scope.id()))
        .filter(decision::Column::BidId.eq(bid))
        .one(db)
        .await?)
}

/// The kind of one of the tenant's awards (`None`: no such award), without reading the others.
pub async fn kind_of(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<Option<AwardKind>, AppError> {
    let row = award::Entity::find_by_id(id).filter(award::Column::TenantId.eq(scope.id())).one(db).await?;
    row.map(|row| AwardKind::parse(&row.kind).ok_or_else(|| AppError::internal(format!("award {id} kind")))).transpose()
}

/// An award as the money views need it (the dashboard's posts and coverage): who, where, how long, how much
/// and how many FTE — not the decision that made it, which [`posts`] reads as well.
#[derive(Debug, Clone)]
pub struct Funded {
    pub id: Uuid,
    pub kind: AwardKind,
    pub district_id: Option<Uuid>,
    pub organisation_id: Uuid,
    pub fte: Fte,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub funding: Vec<model::bid::YearAmount>,
}

/// The tenant's awards as [`Funded`], oldest first: one read of the awards alone.
pub async fn funded(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<Funded>, AppError> {
    award::Entity::find()
        .filter(award::Column::TenantId.eq(scope.id()))
        .order_by_asc(award::Column::StartsOn)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            Ok(Funded {
                id: row.id,
                kind: AwardKind::parse(&row.kind).ok_or_else(|| AppError::internal(format!("award {} kind", row.id)))?,
                district_id: row.district_id,
                organisation_id: row.organisation_id,
                fte: fte_of(&row.fte, row.id)?,
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                funding: funding_years(&funding_of(&row.funding, row.id)?),
            })
        })
        .collect()
}

/// The funded posts and contracts of the tenant, by start and district.
pub async fn posts(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<PostView>, AppError> {
    let rows = award::Entity::find()
        .filter(award::Column::TenantId.eq(scope.id()))
        .order_by_asc(award::Column::StartsOn)
        .all(db)
        .await?;
    let decisions: HashMap<Uuid, decision::Model> = decision::Entity::find()
        .filter(decision::Column::TenantId.eq(scope.id()))
        .filter(decision::Column::Id.is_in(rows.iter().map(|r| r.decision_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let organisations = super::names::organisations(db, scope).await?;
    let districts = super::names::districts(db, scope).await?;
    let mut posts = rows
        .into_iter()
        .map(|row| {
            let decision =
                decisions.get(&row.decision_id).ok_or_else(|| AppError::internal("award without decision"))?;
            let funding = funding_of(&row.funding, row.id)?;
            Ok(PostView {
                id: row.id,
                kind: AwardKind::parse(&row.kind)
                    .ok_or_else(|| AppError::internal(format!("award {} kind", row.id)))?,
                district_id: row.district_id,
                district_name: row.district_id.and_then(|d| districts.get(&d).cloned()),
                organisation_id: row.organisation_id,
                organisation_name: organisations.get(&row.organisation_id).cloned().unwrap_or_default(),
                fte: fte_of(&row.fte, row.id)?,
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                total: model::award::total(&funding).unwrap_or(Money::ZERO),
                funding: funding_years(&funding),
                session_date: decision.session_date,
                resolution_number: decision.resolution_number.clone(),
                schedule: (row.kind == "post").then(|| super::reports::schedule_of_award(&row)).transpose()?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    posts.sort_by(|a, b| {
        (a.kind != AwardKind::Steering, a.district_name.clone(), a.starts_on).cmp(&(
            b.kind != AwardKind::Steering,
            b.district_name.clone(),
            b.starts_on,
        ))
    });
    Ok(posts)
}
