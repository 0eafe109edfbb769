//! Accounts as the guard and sign-in see them: loading the caller, checking credentials.

use super::{Caller, password, throttle};
use crate::store::TenantScope;
use chrono::{DateTime, Utc};
use model::entity::{role_grant, tenant, tenant_version, user};
use model::{Email, Locale, Role, RoleKind, Seat, SeatType, TenantSlug, TenantView};
use sea_orm::sea_query::{Alias, Expr, Query, SelectStatement, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, IdenStatic,
    Iterable, QueryFilter, QueryResult,
};
use uuid::Uuid;

pub const STATUS_ACTIVE: &str = "active";
pub const STATUS_DEACTIVATED: &str = "deactivated";
pub const STATUS_ANONYMISED: &str = "anonymised";
/// Registered through the portal; becomes active when the email address is confirmed.
pub const STATUS_UNCONFIRMED: &str = "unconfirmed";

/// The active user `user_id` of tenant `tenant_id` with their roles, or `None` (unknown, deactivated, or of
/// another tenant): one query, as for a session.
pub async fn load_caller(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    tenant_id: Uuid,
) -> Result<Option<LoadedCaller>, DbErr> {
    let mut query = Query::select();
    query
        .from(user::Entity)
        .and_where(Expr::col((user::Entity, user::Column::Id)).eq(user_id))
        .and_where(Expr::col((user::Entity, user::Column::TenantId)).eq(tenant_id));
    join_caller(&mut query, Utc::now());
    let rows = db.query_all(db.get_database_backend().build(&query)).await?;
    caller_from_joined(&rows)
}

/// Adds to a query that has `users` among its tables what loading a caller needs: the account if active, its
/// tenant's slug and name, its role grants (one row each, none for an account without roles), its tenant's
/// data version (`crate::derived`) and the steering module's carrier at `now` (whose members take part in
/// the exchange). [`caller_from_joined`] reads the rows.
fn join_caller(query: &mut SelectStatement, now: DateTime<Utc>) {
    let today = now.with_timezone(&model::datetime::DEFAULT_TIME_ZONE).date_naive();
    let steering = crate::store::exchange::steering_carrier_of(Expr::col((user::Entity, user::Column::TenantId)).into(), today);
    query
        .expr_as(SimpleExpr::SubQuery(None, Box::new(steering.into_sub_query_statement())), Alias::new("x_steering"))
        .expr_as(Expr::col((tenant::Entity, tenant::Column::Slug)), Alias::new("t_slug"))
        .expr_as(Expr::col((tenant::Entity, tenant::Column::Name)), Alias::new("t_name"))
        .expr_as(Expr::col((tenant_version::Entity, tenant_version::Column::Version)), Alias::new("v_version"));
    for column in user::Column::iter() {
        query.expr_as(Expr::col((user::Entity, column)), Alias::new(format!("u_{}", column.as_str())));
    }
    for column in role_grant::Column::iter() {
        query.expr_as(Expr::col((role_grant::Entity, column)), Alias::new(format!("g_{}", column.as_str())));
    }
    query
        .inner_join(tenant::Entity, Expr::col((tenant::Entity, tenant::Column::Id)).equals((user::Entity, user::Column::TenantId)))
        .left_join(
            role_grant::Entity,
            Expr::col((role_grant::Entity, role_grant::Column::UserId)).equals((user::Entity, user::Column::Id)),
        )
        .left_join(
            tenant_version::Entity,
            Expr::col((tenant_version::Entity, tenant_version::Column::TenantId))
                .equals((user::Entity, user::Column::TenantId)),
        )
        .and_where(Expr::col((user::Entity, user::Column::Status)).eq(STATUS_ACTIVE));
}

/// A caller as loaded for a request, and the tenant's data version read in the same query. The version is
/// not part of the caller: only the guard hands it on (`Caller::data_version`), and only to a request that
/// changes nothing, since a caller used across a change would otherwise be served views older than it.
#[derive(Debug, Clone)]
pub struct LoadedCaller {
    pub caller: Caller,
    pub data_version: Option<i64>,
}

/// The caller in the rows of a query made with [`join_caller`], if any.
fn caller_from_joined(rows: &[QueryResult]) -> Result<Option<LoadedCaller>, DbErr> {
    let Some(first) = rows.first() else { return Ok(None) };
    let user = user::Model::from_query_result(first, "u_")?;
    let Ok(slug) = TenantSlug::parse(&first.try_get::<String>("", "t_slug")?) else { return Ok(None) };
    let tenant = TenantView { slug, name: first.try_get("", "t_name")? };
    let data_version: Option<i64> = first.try_get("", "v_version")?;
    let mut grants = Vec::new();
    for row in rows {
        if let Some(grant) = role_grant::Model::from_query_result_optional(row, "g_")? {
            grants.push(grant);
        }
    }
    let roles = roles_from_grants(user.id, &grants);
    let steering: Option<Uuid> = first.try_get("", "x_steering")?;
    let exchange = model::exchange::may_take_part(model::policy::Who { user_id: user.id, roles: &roles }, steering);
    Ok(caller_of(user, tenant, roles)
        .map(|caller| LoadedCaller { caller: Caller { exchange: Some(exchange), ..caller }, data_version }))
}

async fn caller_from_rows(
    db: &impl ConnectionTrait,
    row: user::Model,
    tenant: TenantView,
) -> Result<Option<Caller>, DbErr> {
    let roles = roles_of(db, row.id).await?;
    Ok(caller_of(row, tenant, roles))
}

fn caller_of(row: user::Model, tenant: TenantView, roles: Vec<Role>) -> Option<Caller> {
    let Ok(email) = Email::parse(&row.email) else {
        tracing::error!(user = %row.id, "stored email does not parse; treating as signed out");
        return None;
    };
    Some(Caller {
        user_id: row.id,
        tenant_id: row.tenant_id,
        tenant,
        email,
        display_name: row.display_name,
        locale: row.locale.as_deref().and_then(Locale::from_tag),
        roles,
        credential_generation: row.credential_generation,
        data_version: None,
        exchange: None,
    })
}

/// A browser session's caller, and the session's times that the guard checks (Unix seconds).
#[derive(Debug, Clone)]
pub struct SessionCaller {
    pub loaded: LoadedCaller,
    pub signed_in_at: Option<i64>,
    pub renewed_at: Option<i64>,
}

/// The caller of the unexpired session stored under `stored_id`, if its account is active: the session, the
/// account, its tenant, its roles and the tenant's data version in one query (the session layer does not load
/// the session for this). Since the caller carries its tenant, a signed-in page in its own tenant needs no tenant lookup: it costs
/// no more statements than a visitor's.
pub async fn session_caller(
    db: &impl ConnectionTrait,
    stored_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<SessionCaller>, DbErr> {
    use model::entity::session;
    let mut query = Query::select();
    query
        .expr_as(Expr::col((session::Entity, session::Column::Data)), Alias::new("s_data"))
        .from(session::Entity)
        .inner_join(
            user::Entity,
            Expr::col((user::Entity, user::Column::Id))
                .equals((session::Entity, session::Column::UserId))
                .and(Expr::col((user::Entity, user::Column::TenantId)).equals((session::Entity, session::Column::TenantId))),
        )
        .and_where(Expr::col((session::Entity, session::Column::Id)).eq(stored_id))
        .and_where(Expr::col((session::Entity, session::Column::ExpiresAt)).gt(now));
    join_caller(&mut query, now);
    let rows = db.query_all(db.get_database_backend().build(&query)).await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let data: serde_json::Value = serde_json::from_str(&first.try_get::<String>("", "s_data")?).unwrap_or_default();
    let second = |key: &str| data.get(key).and_then(serde_json::Value::as_i64);
    let (signed_in_at, renewed_at) =
        (second(super::session_keys::SIGNED_IN_AT), second(super::session_keys::RENEWED_AT));
    Ok(caller_from_joined(&rows)?.map(|loaded| SessionCaller { loaded, signed_in_at, renewed_at }))
}

/// The roles a user holds now. A stored grant that no longer parses is logged and left out, never widened.
pub async fn roles_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Role>, DbErr> {
    let grants = role_grant::Entity::find().filter(role_grant::Column::UserId.eq(user_id)).all(db).await?;
    Ok(roles_from_grants(user_id, &grants))
}

pub(crate) fn roles_from_grants(user_id: Uuid, grants: &[role_grant::Model]) -> Vec<Role> {
    let mut roles: Vec<Role> = grants
        .iter()
        .filter_map(|grant| {
            let role = match RoleKind::parse(&grant.role)? {
                RoleKind::Carrier => Role::Carrier { organisation_id: grant.organisation_id? },
                RoleKind::Steering => {
                    Role::Steering { seat: Seat::new(SeatType::parse(grant.seat.as_deref()?)?, grant.organisation_id)? }
                }
                RoleKind::Coordinator => Role::Coordinator,
                RoleKind::Admin => Role::Admin,
                RoleKind::DistrictContact => Role::DistrictContact,
            };
            Some(role)
        })
        .collect();
    if roles.len() != grants.len() {
        tracing::error!(user = %user_id, "a role grant does not parse and was ignored");
    }
    roles.sort();
    roles
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("email or password is wrong")]
    InvalidCredentials,
    /// The password is right, but the email address has not been confirmed yet.
    #[error("the email address is not confirmed yet")]
    Unconfirmed,
    #[error("too many failed attempts")]
    Throttled { until: DateTime<Utc> },
    #[error(transparent)]
    Database(#[from] DbErr),
}

/// Checks email and password for a tenant, with throttling. Unknown accounts, deactivated accounts and
/// wrong passwords all answer `InvalidCredentials`, after the same amount of work.
pub async fn verify_credentials(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    email_text: &str,
    password_text: &str,
    client_addr: &str,
    now: DateTime<Utc>,
) -> Result<Caller, SignInError> {
    let typed = email_text.trim().to_lowercase();
    let attempt = match throttle::begin(db, tenant.id(), &typed, client_addr, now).await? {
        throttle::Verdict::Paused { until } => return Err(SignInError::Throttled { until }),
        throttle::Verdict::SlowDown(attempt) => {
            tokio::time::sleep(throttle::CLIENT_SLOWDOWN).await;
            attempt
        }
        throttle::Verdict::Proceed(attempt) => attempt,
    };
    let row = match Email::parse(&typed) {
        Ok(email) => {
            user::Entity::find()
                .filter(user::Column::TenantId.eq(tenant.id()))
                .filter(user::Column::Email.eq(email.as_str()))
                .one(db)
                .await?
        }
        Err(_) => None,
    };
    let verified = match row.as_ref().filter(|user| user.status == STATUS_ACTIVE || user.status == STATUS_UNCONFIRMED) {
        Some(user) => password::verify(user.password_hash.as_deref().unwrap_or_default(), password_text).await,
        None => {
            password::verify_against_dummy(password_text).await;
            false
        }
    };
    if verified {
        throttle::succeeded(db, attempt).await?;
    }
    match (verified, row) {
        // Said only to someone who knows the password, so it reveals nothing about the account.
        (true, Some(row)) if row.status == STATUS_UNCONFIRMED => Err(SignInError::Unconfirmed),
        (true, Some(row)) => {
            let mut active: user::ActiveModel = row.clone().into();
            active.last_sign_in_at = Set(Some(now));
            active.update(db).await?;
            caller_from_rows(db, row, tenant.view().clone()).await?.ok_or(SignInError::InvalidCredentials)
        }
        _ => Err(SignInError::InvalidCredentials),
    }
}
