//! "Download my data" (GDPR Art. 15/20): everything Spielraum keeps about the signed-in person, as JSON.
//!
//! A plain axum route under the tenant (`/{tenant}/account/data.json`) so that the browser can download it
//! with its session; the guard checks it like a page.

use crate::api::{ApiError, Ctx};
use crate::startup::AppState;
use app::AppError;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use model::entity::{api_token, audit_entry, session, sign_in_attempt, user};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

pub async fn my_data(State(state): State<AppState>, Ctx(context): Ctx) -> Result<Response, ApiError> {
    let actor = app::actor::Actor::authorize(context, state.server.clone(), model::Access::SignedIn).await?;
    let (caller, db) = (actor.caller(), &actor.server.db);
    let account = user::Entity::find_by_id(caller.user_id).one(db).await?.ok_or(AppError::Unauthenticated)?;
    let sessions = session::Entity::find().filter(session::Column::UserId.eq(caller.user_id)).all(db).await?;
    let tokens = api_token::Entity::find().filter(api_token::Column::UserId.eq(caller.user_id)).all(db).await?;
    let attempts = sign_in_attempt::Entity::find()
        .filter(sign_in_attempt::Column::TenantId.eq(caller.tenant_id))
        .filter(sign_in_attempt::Column::Email.eq(account.email.as_str()))
        .order_by_asc(sign_in_attempt::Column::At)
        .all(db)
        .await?;
    let actions = audit_entry::Entity::find()
        .filter(audit_entry::Column::TenantId.eq(caller.tenant_id))
        .filter(audit_entry::Column::ActorUserId.eq(caller.user_id))
        .order_by_asc(audit_entry::Column::At)
        .all(db)
        .await?;
    let document = json!({
        "exported_at": chrono::Utc::now(),
        "tenant": caller.tenant.slug.as_str(),
        "account": {
            "id": account.id,
            "email": account.email,
            "name": account.display_name,
            "language": account.locale,
            "status": account.status,
            "created_at": account.created_at,
            "last_sign_in_at": account.last_sign_in_at,
        },
        "roles": caller.roles,
        "sessions": sessions.iter().map(|s| json!({
            "signed_in_at": s.created_at, "last_seen_at": s.last_seen_at,
            "device": s.user_agent, "address": s.client_addr,
        })).collect::<Vec<_>>(),
        "api_tokens": tokens.iter().map(|t| json!({
            "name": t.name, "created_at": t.created_at, "last_used_at": t.last_used_at,
            "expires_at": t.expires_at, "revoked_at": t.revoked_at,
        })).collect::<Vec<_>>(),
        "sign_in_attempts": attempts.iter().map(|a| json!({
            "at": a.at, "address": a.client_addr, "succeeded": a.succeeded,
        })).collect::<Vec<_>>(),
        "actions": actions.iter().map(|a| json!({
            "at": a.at, "action": a.action, "object_type": a.object_type, "object_id": a.object_id,
            "address": a.client_addr,
        })).collect::<Vec<_>>(),
    });
    let body = serde_json::to_vec_pretty(&document).map_err(AppError::internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"spielraum-meine-daten.json\""),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}
