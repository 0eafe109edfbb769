//! The REST API under `/api/v1`, described by an OpenAPI 3 document generated from these handlers.
//!
//! Handlers are thin: they parse the request, call `app::store` with a tenant scope, and map [`ApiError`].
//! Every handler is listed in [`ApiDoc`]; the test suite runs schemathesis against the document.

mod error;
mod tenants;

pub use error::{ApiError, ErrorBody};

use crate::startup::AppState;
use axum::Json;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Spielraum API",
        description = "Programme management for municipal youth-welfare prevention programmes.",
        version = "1"
    ),
    servers((url = "/api/v1")),
    paths(tenants::list_tenants, tenants::get_tenant, tenants::list_districts),
    components(schemas(ErrorBody, model::TenantView, model::DistrictView, model::DistrictKind)),
    tags((name = "tenants", description = "Municipalities and their districts"))
)]
pub struct ApiDoc;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/tenants", get(tenants::list_tenants))
        .route("/tenants/{tenant}", get(tenants::get_tenant))
        .route("/tenants/{tenant}/districts", get(tenants::list_districts))
        .fallback(not_found)
}

/// Anything under `/api/` that no endpoint claims: a JSON 404, never the HTML not-found page.
pub async fn not_found() -> ApiError {
    ApiError(app::AppError::NotFound)
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
