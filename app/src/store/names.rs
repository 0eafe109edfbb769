//! The tenant's names by id — districts, organisations, people — for views that show many rows, so each
//! list reads a name table once instead of once per row.

use super::TenantScope;
use crate::AppError;
use model::entity::{district, organisation, user};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

// Only id and name are read: a city has hundreds of organisations and a thousand people, whose other
// columns no list needs.

pub async fn districts(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<HashMap<Uuid, String>, AppError> {
    let rows: Vec<(Uuid, String)> = district::Entity::find()
        .select_only()
        .columns([district::Column::Id, district::Column::Name])
        .filter(district::Column::TenantId.eq(scope.id()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

pub async fn organisations(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<HashMap<Uuid, String>, AppError> {
    let rows: Vec<(Uuid, String)> = organisation::Entity::find()
        .select_only()
        .columns([organisation::Column::Id, organisation::Column::Name])
        .filter(organisation::Column::TenantId.eq(scope.id()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The names of some of the tenant's organisations (a call's bidders, at most its lots times the tenant's
/// organisations).
pub async fn organisations_of(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>, AppError> {
    let ids: std::collections::BTreeSet<Uuid> = ids.into_iter().collect();
    let rows: Vec<(Uuid, String)> = organisation::Entity::find()
        .select_only()
        .columns([organisation::Column::Id, organisation::Column::Name])
        .filter(organisation::Column::TenantId.eq(scope.id()))
        .filter(organisation::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// The name of the organisation whose id is in `id` (a column of the outer query), as a subquery, for a
/// statement that reads one row with its organisation's name.
pub fn organisation_name_of(id: impl sea_orm::sea_query::IntoColumnRef) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, Query, SimpleExpr};
    let query = Query::select()
        .column((organisation::Entity, organisation::Column::Name))
        .from(organisation::Entity)
        .and_where(Expr::col((organisation::Entity, organisation::Column::Id)).equals(id))
        .to_owned();
    SimpleExpr::SubQuery(None, Box::new(query.into_sub_query_statement()))
}

/// Display names of the tenant's people.
pub async fn users(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<HashMap<Uuid, String>, AppError> {
    let rows: Vec<(Uuid, String)> = user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::DisplayName])
        .filter(user::Column::TenantId.eq(scope.id()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}
