//! The signed-in user's own account: password and sessions (server functions).

use crate::AppError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One of the caller's browser sessions. `handle` names it without revealing the session id (which is what
/// the cookie holds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub handle: String,
    pub current: bool,
    pub user_agent: Option<String>,
    pub client_addr: Option<String>,
    pub signed_in_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

#[cfg(feature = "ssr")]
fn handle_of(session_id: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(session_id.as_bytes()).iter().take(12).map(|b| format!("{b:02x}")).collect()
}

#[leptos::server(prefix = "/fn", endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    use model::entity::session;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let context = crate::auth::RequestContext::current()?;
    let caller = context.caller()?;
    let db = crate::ServerContext::current()?.db;
    let rows = session::Entity::find()
        .filter(session::Column::UserId.eq(caller.user_id))
        .filter(session::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(session::Column::LastSeenAt)
        .all(&db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| SessionView {
            handle: handle_of(&row.id),
            current: context.session_id.as_deref() == Some(row.id.as_str()),
            user_agent: row.user_agent,
            client_addr: row.client_addr,
            signed_in_at: row.created_at,
            last_seen_at: row.last_seen_at,
        })
        .collect())
}

#[leptos::server(prefix = "/fn", endpoint = "end_session")]
pub async fn end_session(handle: String) -> Result<(), AppError> {
    use crate::audit::{self, Change};
    use model::entity::session;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
    crate::error::respond(
        async move {
            let context = crate::auth::RequestContext::current()?;
            let caller = context.caller()?;
            let db = crate::ServerContext::current()?.db;
            let txn = db.begin().await?;
            // Only the caller's own sessions are candidates, so a handle of someone else's session is not found.
            let own = session::Entity::find().filter(session::Column::UserId.eq(caller.user_id)).all(&txn).await?;
            let target = own.into_iter().find(|row| handle_of(&row.id) == handle).ok_or(AppError::NotFound)?;
            session::Entity::delete_by_id(target.id).exec(&txn).await?;
            audit::record(
                &txn,
                &context,
                Change {
                    tenant_id: Some(caller.tenant_id),
                    action: "session.ended",
                    object_type: "session",
                    object_id: Some(handle),
                    before: None,
                    after: None,
                },
            )
            .await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    use crate::InvalidReason;
    use crate::audit::{self, Change};
    use crate::auth::password::{self, PasswordRuleError};
    use model::entity::{session, user};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
    crate::error::respond(
        async move {
            let context = crate::auth::RequestContext::current()?;
            let caller = context.caller()?;
            let db = crate::ServerContext::current()?.db;
            if current_password.is_empty() {
                return Err(AppError::invalid("current_password", InvalidReason::Required));
            }
            password::check_rules(&new_password).map_err(|rule| {
                AppError::invalid(
                    "new_password",
                    match rule {
                        PasswordRuleError::TooShort => InvalidReason::TooShort,
                        PasswordRuleError::TooLong => InvalidReason::TooLong,
                    },
                )
            })?;
            if new_password != confirm_password {
                return Err(AppError::invalid("confirm_password", InvalidReason::Mismatch));
            }
            let txn = db.begin().await?;
            let row = user::Entity::find_by_id(caller.user_id).one(&txn).await?.ok_or(AppError::Unauthenticated)?;
            if !row.password_hash.as_deref().is_some_and(|phc| password::verify(phc, &current_password)) {
                return Err(AppError::invalid("current_password", InvalidReason::WrongPassword));
            }
            let mut active: user::ActiveModel = row.into();
            active.password_hash = Set(Some(password::hash(&new_password).map_err(AppError::internal)?));
            active.updated_at = Set(Utc::now());
            active.update(&txn).await?;
            // Whoever else was signed in with the old password is signed out.
            let mut others = session::Entity::delete_many().filter(session::Column::UserId.eq(caller.user_id));
            if let Some(current) = &context.session_id {
                others = others.filter(session::Column::Id.ne(current.as_str()));
            }
            others.exec(&txn).await?;
            audit::record(
                &txn,
                &context,
                Change {
                    tenant_id: Some(caller.tenant_id),
                    action: "user.password_changed",
                    object_type: "user",
                    object_id: Some(caller.user_id.to_string()),
                    before: None,
                    after: None,
                },
            )
            .await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
