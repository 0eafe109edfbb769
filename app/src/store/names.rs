//! The tenant's names by id — districts, organisations, people — for views that show many rows, so each
//! list reads a name table once instead of once per row.

use super::TenantScope;
use crate::AppError;
use model::entity::{district, organisation, user};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

pub async fn districts(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<HashMap<Uuid, String>, AppError> {
    let rows = district::Entity::find().filter(district::Column::TenantId.eq(scope.id())).all(db).await?;
    Ok(rows.into_iter().map(|row| (row.id, row.name)).collect())
}

pub async fn organisations(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<HashMap<Uuid, String>, AppError> {
    let rows = organisation::Entity::find().filter(organisation::Column::TenantId.eq(scope.id())).all(db).await?;
    Ok(rows.into_iter().map(|row| (row.id, row.name)).collect())
}

/// Display names of the tenant's people.
pub async fn users(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<HashMap<Uuid, String>, AppError> {
    let rows = user::Entity::find().filter(user::Column::TenantId.eq(scope.id())).all(db).await?;
    Ok(rows.into_iter().map(|row| (row.id, row.display_name)).collect())
}
