//! Published calls of a tenant, with their lots and questions (public, like the call pages).

use super::{ApiError, ErrorBody};
use crate::startup::AppState;
use app::store::{TenantScope, calls};
use axum::Json;
use axum::extract::{Path, State};
use model::call::{CallDetail, CallSummary};

/// The tenant's published calls, latest deadline first.
#[utoipa::path(get, path = "/tenants/{tenant}/calls", tag = "calls",
    params(("tenant" = String, Path, description = "The tenant's URL name, e.g. `dresden`")),
    responses(
        (status = 200, description = "Published calls", body = [CallSummary]),
        (status = 404, description = "No such tenant", body = ErrorBody),
    ))]
pub async fn list_calls(
    State(state): State<AppState>,
    Path(tenant): Path<String>,
) -> Result<Json<Vec<CallSummary>>, ApiError> {
    let scope = TenantScope::resolve(&state.db, &tenant).await?;
    Ok(Json(calls::list(&state.db, &scope, false, chrono::Utc::now()).await?))
}

/// One published call with its lots and questions.
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}", tag = "calls",
    params(
        ("tenant" = String, Path, description = "The tenant's URL name, e.g. `dresden`"),
        ("call" = Uuid, Path, description = "The call's id"),
    ),
    responses(
        (status = 200, description = "The call", body = CallDetail),
        (status = 400, description = "Malformed call id", body = ErrorBody),
        (status = 404, description = "No such tenant or published call", body = ErrorBody),
    ))]
pub async fn get_call(
    State(state): State<AppState>,
    Path((tenant, call)): Path<(String, String)>,
) -> Result<Json<CallDetail>, ApiError> {
    let call = super::id(&call, "call")?;
    let scope = TenantScope::resolve(&state.db, &tenant).await?;
    Ok(Json(calls::detail(&state.db, &scope, call, false, chrono::Utc::now()).await?))
}
