//! Signing in to the API and asking who one is.

use super::{ApiError, Ctx, ErrorBody};
use crate::startup::AppState;
use crate::tokens;
use app::AppError;
use app::audit::{self, Change};
use app::auth::accounts::{self, SignInError};
use axum::Json;
use axum::extract::State;
use chrono::Utc;
use model::{Email, Role};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// The tenant's URL name, e.g. `dresden`.
    pub tenant: String,
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// A JWT to send as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires (at most 3600).
    pub expires_in: i64,
}

/// Exchanges email and password for a bearer token valid for one hour.
#[utoipa::path(post, path = "/auth/token", tag = "auth", request_body = TokenRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 400, description = "Malformed request", body = ErrorBody),
        (status = 401, description = "Email or password is wrong", body = ErrorBody),
        (status = 422, description = "Malformed JSON body", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody),
    ))]
pub async fn issue_token(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    body: Result<Json<TokenRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<TokenResponse>, ApiError> {
    let Json(request) = body.map_err(|rejection| AppError::BadRequest { message: rejection.body_text() })?;
    // An unknown tenant answers like a wrong password: nothing to learn from trying.
    let tenant = match app::store::TenantScope::resolve(&state.db, request.tenant.trim()).await {
        Ok(tenant) => tenant,
        Err(AppError::NotFound) => {
            app::auth::password::verify_against_dummy(&request.password).await;
            return Err(AppError::SignInFailed.into());
        }
        Err(other) => return Err(other.into()),
    };
    let caller = accounts::verify_credentials(
        &state.db,
        &tenant,
        &request.email,
        &request.password,
        &context.client_addr,
        Utc::now(),
    )
    .await
    .map_err(|err| match err {
        SignInError::InvalidCredentials => AppError::SignInFailed,
        SignInError::Unconfirmed => AppError::invalid("email", app::InvalidReason::Unconfirmed),
        SignInError::Throttled { until } => {
            AppError::Throttled { retry_after_minutes: (until - Utc::now()).num_minutes().max(1) }
        }
        SignInError::Database(err) => AppError::internal(err),
    })?;
    let access_token = tokens::issue_access_token(&state, &caller)?;
    audit::record(
        &state.db,
        &app::auth::RequestContext { caller: Some(caller.clone()), ..context },
        Change {
            tenant_id: Some(caller.tenant_id),
            action: "auth.token_issued",
            object_type: "user",
            object_id: Some(caller.user_id.to_string()),
            before: None,
            after: None,
        },
    )
    .await?;
    Ok(Json(TokenResponse { access_token, token_type: "Bearer".to_owned(), expires_in: tokens::ACCESS_TOKEN_SECONDS }))
}

/// Who the bearer of the token is.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub tenant: String,
    pub user_id: Uuid,
    pub name: String,
    #[schema(value_type = String, format = "email")]
    pub email: Email,
    pub roles: Vec<Role>,
}

#[utoipa::path(get, path = "/me", tag = "auth", security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller", body = Me),
        (status = 401, description = "No valid bearer token", body = ErrorBody),
    ))]
pub async fn me(State(state): State<AppState>, Ctx(context): Ctx) -> Result<Json<Me>, ApiError> {
    let actor = app::actor::Actor::authorize(context, state.server.clone(), model::Access::SignedIn).await?;
    let caller = actor.caller();
    Ok(Json(Me {
        tenant: caller.tenant.slug.to_string(),
        user_id: caller.user_id,
        name: caller.display_name.clone(),
        email: caller.email.clone(),
        roles: caller.roles.clone(),
    }))
}
