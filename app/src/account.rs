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
    crate::auth::sha256_hex(session_id)[..24].to_owned()
}

/// The rules for a new password, as field errors: long enough, not too long, typed the same twice.
#[cfg(feature = "ssr")]
pub(crate) fn check_new_password(new_password: &str, confirm_password: &str) -> Result<(), AppError> {
    use crate::InvalidReason;
    use crate::auth::password::{self, PasswordRuleError};
    password::check_rules(new_password).map_err(|rule| {
        let reason = match rule {
            PasswordRuleError::TooShort => InvalidReason::TooShort,
            PasswordRuleError::TooLong => InvalidReason::TooLong,
        };
        AppError::invalid("new_password", reason)
    })?;
    if new_password != confirm_password {
        return Err(AppError::invalid("confirm_password", InvalidReason::Mismatch));
    }
    Ok(())
}

#[leptos::server(prefix = "/fn", endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionView>, AppError> {
    use model::entity::session;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let actor = crate::actor::Actor::signed_in().await?;
    let (context, caller, db) = (&actor.request, actor.caller(), actor.server.db.clone());
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
            let actor = crate::actor::Actor::signed_in().await?;
            let (context, caller, db) = (&actor.request, actor.caller(), actor.server.db.clone());
            let txn = db.begin().await?;
            // Only the caller's own sessions are candidates, so a handle of someone else's session is not found.
            let own = session::Entity::find().filter(session::Column::UserId.eq(caller.user_id)).all(&txn).await?;
            let target = own.into_iter().find(|row| handle_of(&row.id) == handle).ok_or(AppError::NotFound)?;
            session::Entity::delete_by_id(target.id).exec(&txn).await?;
            audit::record(
                &txn,
                context,
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
    use crate::auth::password;
    use model::entity::user;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, TransactionTrait};
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            let (context, caller, db) = (&actor.request, actor.caller(), actor.server.db.clone());
            if current_password.is_empty() {
                return Err(AppError::invalid("current_password", InvalidReason::Required));
            }
            check_new_password(&new_password, &confirm_password)?;
            // The slow hashing happens before the transaction, so no lock waits for it.
            let row = user::Entity::find_by_id(caller.user_id).one(&db).await?.ok_or(AppError::Unauthenticated)?;
            let current_hash = row.password_hash.clone().unwrap_or_default();
            if !password::verify(&current_hash, &current_password).await {
                return Err(AppError::invalid("current_password", InvalidReason::WrongPassword));
            }
            let new_hash = password::hash(&new_password).await.map_err(AppError::internal)?;
            let txn = db.begin().await?;
            let row = user::Entity::find_by_id(caller.user_id).one(&txn).await?.ok_or(AppError::Unauthenticated)?;
            if row.password_hash.as_deref().unwrap_or_default() != current_hash {
                // Changed meanwhile by another request: the password just checked is no longer the current one.
                return Err(AppError::invalid("current_password", InvalidReason::WrongPassword));
            }
            let mut active: user::ActiveModel = row.into();
            active.password_hash = Set(Some(new_hash));
            active.updated_at = Set(Utc::now());
            active.update(&txn).await?;
            // Whoever else was signed in with the old password, or holds a token, loses that access.
            let keep = context.session_id.as_deref();
            crate::store::users::revoke_access(&txn, &actor.tenant, caller.user_id, keep, Utc::now()).await?;
            audit::record(
                &txn,
                context,
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

/// Sets a password through an invitation or reset link, ends the user's sessions and sends them to the
/// sign-in page.
#[leptos::server(prefix = "/fn", endpoint = "set_password")]
pub async fn set_password(
    tenant: String,
    token: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    use crate::InvalidReason;
    use crate::audit::{self, Change};
    use crate::auth::accounts::STATUS_ACTIVE;
    use crate::auth::one_time::{self, Purpose};
    use crate::auth::password;
    use model::entity::user;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, TransactionTrait};
    crate::error::respond(
        async move {
            let crate::actor::Visitor { request: context, server } = crate::actor::Visitor::current()?;
            let db = server.db;
            let scope = crate::store::TenantScope::resolve(&db, &tenant).await?;
            check_new_password(&new_password, &confirm_password)?;
            let hash = password::hash(&new_password).await.map_err(AppError::internal)?;
            let now = Utc::now();
            let txn = db.begin().await?;
            let unusable = || AppError::invalid("token", InvalidReason::LinkUnusable);
            let user_id =
                one_time::redeem(&txn, scope.id(), &token, &[Purpose::Invitation, Purpose::PasswordReset], now)
                    .await?
                    .map_err(|_| unusable())?;
            let row = crate::store::users::find(&txn, &scope, user_id).await?;
            if row.status != STATUS_ACTIVE {
                return Err(unusable());
            }
            let mut model: user::ActiveModel = row.into();
            model.password_hash = Set(Some(hash));
            model.updated_at = Set(now);
            model.update(&txn).await?;
            crate::store::users::revoke_access(&txn, &scope, user_id, None, now).await?;
            audit::record(
                &txn,
                &context,
                Change {
                    tenant_id: Some(scope.id()),
                    action: "user.password_set_by_link",
                    object_type: "user",
                    object_id: Some(user_id.to_string()),
                    before: None,
                    after: None,
                },
            )
            .await?;
            txn.commit().await?;
            leptos_axum::redirect(&format!("/{}/sign-in?password=set", scope.view().slug));
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Sends a password-reset link if there is an active account with this address. Answers the same either
/// way, and sends at most three links an hour per account.
#[leptos::server(prefix = "/fn", endpoint = "request_password_reset")]
pub async fn request_password_reset(tenant: String, email: String) -> Result<(), AppError> {
    use crate::audit::{self, Change};
    use crate::auth::accounts::STATUS_ACTIVE;
    use crate::jobs::{self, Letter};
    use model::entity::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
    crate::error::respond(
        async move {
            let crate::actor::Visitor { request: context, server } = crate::actor::Visitor::current()?;
            let scope = crate::store::TenantScope::resolve(&server.db, &tenant).await?;
            let email = crate::store::users::check_email(&email)?;
            let now = Utc::now();
            let txn = server.db.begin().await?;
            let row = user::Entity::find()
                .filter(user::Column::TenantId.eq(scope.id()))
                .filter(user::Column::Email.eq(email.as_str()))
                .filter(user::Column::Status.eq(STATUS_ACTIVE))
                .one(&txn)
                .await?;
            let Some(row) = row else { return Ok(()) };
            let recent =
                jobs::account_mails_since(&txn, row.id, Letter::PasswordReset, now - chrono::Duration::hours(1));
            if recent.await? >= 3 {
                return Ok(());
            }
            jobs::mail_account(&txn, row.id, Letter::PasswordReset, now).await?;
            audit::record(
                &txn,
                &context,
                Change {
                    tenant_id: Some(scope.id()),
                    action: "user.password_reset_requested",
                    object_type: "user",
                    object_id: Some(row.id.to_string()),
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

/// A personal API token as its owner sees it (never the token itself, which is shown once at creation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenView {
    pub id: uuid::Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked: bool,
}

#[leptos::server(prefix = "/fn", endpoint = "my_tokens")]
pub async fn my_tokens() -> Result<Vec<TokenView>, AppError> {
    use model::entity::api_token;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let actor = crate::actor::Actor::signed_in().await?;
    let (caller, db) = (actor.caller(), actor.server.db.clone());
    let rows = api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(caller.user_id))
        .order_by_desc(api_token::Column::CreatedAt)
        .all(&db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| TokenView {
            id: row.id,
            name: row.name,
            created_at: row.created_at,
            last_used_at: row.last_used_at,
            expires_at: row.expires_at,
            revoked: row.revoked_at.is_some(),
        })
        .collect())
}

/// Creates a personal API token and returns it — the only time its text is shown.
#[leptos::server(prefix = "/fn", endpoint = "create_token")]
pub async fn create_token(name: String, days: String) -> Result<String, AppError> {
    use crate::InvalidReason;
    use crate::audit::{self, Change};
    use model::entity::api_token;
    use sea_orm::{ActiveValue::Set, EntityTrait, TransactionTrait};
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            let (context, caller, db) = (&actor.request, actor.caller(), actor.server.db.clone());
            let name = name.trim().to_owned();
            if name.is_empty() {
                return Err(AppError::invalid("name", InvalidReason::Required));
            }
            if name.chars().count() > 100 {
                return Err(AppError::invalid("name", InvalidReason::TooLong));
            }
            let days: i64 = match days.trim() {
                "" => 90,
                text => text
                    .parse()
                    .ok()
                    .filter(|d| (1..=365).contains(d))
                    .ok_or(AppError::invalid("days", InvalidReason::Malformed))?,
            };
            let (token, hash) = crate::auth::new_personal_token();
            let now = Utc::now();
            let id = uuid::Uuid::new_v4();
            let txn = db.begin().await?;
            api_token::Entity::insert(api_token::ActiveModel {
                id: Set(id),
                tenant_id: Set(caller.tenant_id),
                user_id: Set(caller.user_id),
                name: Set(name.clone()),
                token_hash: Set(hash),
                created_at: Set(now),
                last_used_at: Set(None),
                expires_at: Set(Some(now + chrono::Duration::days(days))),
                revoked_at: Set(None),
            })
            .exec_without_returning(&txn)
            .await?;
            let change = Change {
                tenant_id: Some(caller.tenant_id),
                action: "api_token.created",
                object_type: "api_token",
                object_id: Some(id.to_string()),
                before: None,
                after: Some(serde_json::json!({"name": name, "days": days})),
            };
            audit::record(&txn, context, change).await?;
            txn.commit().await?;
            Ok::<String, AppError>(token)
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "revoke_token")]
pub async fn revoke_token(token: uuid::Uuid) -> Result<(), AppError> {
    use crate::audit::{self, Change};
    use model::entity::api_token;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            let (context, caller, db) = (&actor.request, actor.caller(), actor.server.db.clone());
            let txn = db.begin().await?;
            // Only the caller's own tokens: another user's token id is simply not found.
            let row = api_token::Entity::find_by_id(token)
                .filter(api_token::Column::UserId.eq(caller.user_id))
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut model: api_token::ActiveModel = row.into();
            model.revoked_at = Set(Some(Utc::now()));
            model.update(&txn).await?;
            let change = Change {
                tenant_id: Some(caller.tenant_id),
                action: "api_token.revoked",
                object_type: "api_token",
                object_id: Some(token.to_string()),
                before: None,
                after: None,
            };
            audit::record(&txn, context, change).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Switches the interface language: the cookie for this browser and, for a signed-in user, their account,
/// so the next sign-in anywhere starts in it.
#[leptos::server(prefix = "/fn", endpoint = "set_language")]
pub async fn set_language(language: String) -> Result<(), AppError> {
    use crate::audit::{self, Change};
    use model::Locale;
    use model::entity::user;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, TransactionTrait};
    crate::error::respond(
        async move {
            let locale =
                Locale::from_tag(&language).ok_or(AppError::invalid("language", crate::InvalidReason::Malformed))?;
            crate::session::remember_language(locale);
            let visitor = crate::actor::Visitor::current()?;
            let Some(caller) = visitor.request.caller.as_ref() else { return Ok(()) };
            let db = &visitor.server.db;
            let txn = db.begin().await?;
            let row = user::Entity::find_by_id(caller.user_id).one(&txn).await?.ok_or(AppError::Unauthenticated)?;
            let before = row.locale.clone();
            let mut model: user::ActiveModel = row.into();
            model.locale = Set(Some(locale.tag().to_owned()));
            model.update(&txn).await?;
            let change = Change {
                tenant_id: Some(caller.tenant_id),
                action: "user.language_changed",
                object_type: "user",
                object_id: Some(caller.user_id.to_string()),
                before: Some(serde_json::json!({"locale": before})),
                after: Some(serde_json::json!({"locale": locale.tag()})),
            };
            audit::record(&txn, &visitor.request, change).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
