//! What the steering group writes for the yearly committee report, one row per tenant and year (server
//! only; issue 14, item 4). Decides nothing: `app::controlling::ops` checks who may write.

use super::TenantScope;
use crate::AppError;
use chrono::{DateTime, Utc};
use model::controlling::CommitteeText;
use model::entity::committee_report;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// The text of `year`, empty when nobody has written it yet.
pub async fn text(db: &impl ConnectionTrait, scope: &TenantScope, year: i32) -> Result<CommitteeText, AppError> {
    Ok(committee_report::Entity::find()
        .filter(committee_report::Column::TenantId.eq(scope.id()))
        .filter(committee_report::Column::Year.eq(year))
        .one(db)
        .await?
        .map(|row| CommitteeText { narrative: row.narrative, measures: row.measures })
        .unwrap_or_default())
}

/// Writes the text of `year`, replacing what was there.
pub async fn save(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    year: i32,
    text: &CommitteeText,
    user: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    committee_report::Entity::insert(committee_report::ActiveModel {
        tenant_id: Set(scope.id()),
        year: Set(year),
        narrative: Set(text.narrative.clone()),
        measures: Set(text.measures.clone()),
        updated_by: Set(user),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([committee_report::Column::TenantId, committee_report::Column::Year])
            .update_columns([
                committee_report::Column::Narrative,
                committee_report::Column::Measures,
                committee_report::Column::UpdatedBy,
                committee_report::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}
