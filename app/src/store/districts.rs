use super::TenantScope;
use crate::AppError;
use model::DistrictView;
use model::entity::district;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The tenant's active districts in the administration's order.
pub async fn list_active(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<DistrictView>, AppError> {
    let rows = district::Entity::find()
        .filter(district::Column::TenantId.eq(scope.id()))
        .filter(district::Column::RetiredAt.is_null())
        .order_by_asc(district::Column::Position)
        .order_by_asc(district::Column::Name)
        .all(db)
        .await?;
    rows.iter().map(|row| row.view().map_err(AppError::internal)).collect()
}
