//! Public tenant directory and district lists.

use super::{ApiError, ErrorBody};
use crate::startup::AppState;
use app::store::{TenantScope, districts, tenants};
use axum::Json;
use axum::extract::{Path, State};
use model::{DistrictView, TenantView};

/// All municipalities of this installation.
#[utoipa::path(get, path = "/tenants", tag = "tenants",
    responses((status = 200, description = "Tenants by name", body = [TenantView])))]
pub async fn list_tenants(State(state): State<AppState>) -> Result<Json<Vec<TenantView>>, ApiError> {
    Ok(Json(tenants::list(&state.db).await?))
}

/// One municipality by its URL name.
#[utoipa::path(get, path = "/tenants/{tenant}", tag = "tenants",
    params(("tenant" = String, Path, description = "The tenant's URL name, e.g. `dresden`")),
    responses(
        (status = 200, description = "The tenant", body = TenantView),
        (status = 404, description = "No such tenant", body = ErrorBody),
    ))]
pub async fn get_tenant(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
) -> Result<Json<TenantView>, ApiError> {
    let scope = TenantScope::resolve(&state.db, &tenant).await?;
    Ok(Json(scope.view().clone()))
}

/// The active districts of a municipality, in the administration's order.
#[utoipa::path(get, path = "/tenants/{tenant}/districts", tag = "tenants",
    params(("tenant" = String, Path, description = "The tenant's URL name, e.g. `dresden`")),
    responses(
        (status = 200, description = "Districts in order", body = [DistrictView]),
        (status = 404, description = "No such tenant", body = ErrorBody),
    ))]
pub async fn list_districts(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
) -> Result<Json<Vec<DistrictView>>, ApiError> {
    let scope = TenantScope::resolve(&state.db, &tenant).await?;
    Ok(Json(districts::list_active(&state.db, &scope).await?))
}
