//! Accounts of one tenant, as administrators manage them.

use super::TenantScope;
use crate::auth::accounts::{STATUS_ACTIVE, STATUS_ANONYMISED, STATUS_DEACTIVATED, roles_of};
use crate::{AppError, InvalidReason};
use chrono::{DateTime, Utc};
use model::entity::{role_grant, session, user};
use model::{Email, Role};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

pub use crate::views::{OrganisationView, UserSummary};

/// The tenant's carrier organisations, by name: only the two columns a choice shows (a city has hundreds).
pub async fn organisations(db: &impl ConnectionTrait, tenant: &TenantScope) -> Result<Vec<OrganisationView>, AppError> {
    use model::entity::organisation::{Column, Entity};
    let rows: Vec<(Uuid, String)> = Entity::find()
        .select_only()
        .columns([Column::Id, Column::Name])
        .filter(Column::TenantId.eq(tenant.id()))
        .order_by_asc(Column::Name)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(id, name)| OrganisationView { id, name }).collect())
}

pub fn check_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        Err(AppError::invalid("name", InvalidReason::Required))
    } else if name.chars().count() > 200 {
        Err(AppError::invalid("name", InvalidReason::TooLong))
    } else {
        Ok(name.to_owned())
    }
}

pub fn check_email(email: &str) -> Result<Email, AppError> {
    if email.trim().is_empty() {
        return Err(AppError::invalid("email", InvalidReason::Required));
    }
    Email::parse(email).map_err(|_| AppError::invalid("email", InvalidReason::Malformed))
}

/// Creates an account without a password; its holder sets one through an invitation link
/// ([`crate::jobs::Letter::Invitation`]).
pub async fn create_invited(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    email: &Email,
    name: &str,
    roles: &[Role],
    now: DateTime<Utc>,
) -> Result<user::Model, AppError> {
    insert(db, tenant, email, name, None, STATUS_ACTIVE, roles, now).await
}

/// Creates a self-registered account with its password, unconfirmed until the email link is used.
pub async fn create_registered(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    email: &Email,
    name: &str,
    password_hash: &str,
    roles: &[Role],
    now: DateTime<Utc>,
) -> Result<user::Model, AppError> {
    let status = crate::auth::accounts::STATUS_UNCONFIRMED;
    insert(db, tenant, email, name, Some(password_hash.to_owned()), status, roles, now).await
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    email: &Email,
    name: &str,
    password_hash: Option<String>,
    status: &str,
    roles: &[Role],
    now: DateTime<Utc>,
) -> Result<user::Model, AppError> {
    if find_by_email(db, tenant, email).await?.is_some() {
        return Err(AppError::invalid("email", InvalidReason::Taken));
    }
    let row = user::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(tenant.id()),
        email: Set(email.to_string()),
        display_name: Set(name.to_owned()),
        password_hash: Set(password_hash),
        locale: Set(None),
        status: Set(status.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        last_sign_in_at: Set(None),
        credential_generation: Set(0),
    }
    .insert(db)
    .await?;
    replace_roles(db, tenant, row.id, roles, now).await?;
    Ok(row)
}

/// Makes `roles` the user's roles: a combination `model::policy::check_combination` allows, naming only
/// organisations of this tenant.
pub async fn replace_roles(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    user_id: Uuid,
    roles: &[Role],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // The last line of defence for every path that grants roles (administration, registration, colleagues'
    // invitations, the demo): roles that must not meet in one account never reach the database.
    if let Err(conflict) = model::policy::check_combination(roles) {
        let (field, reason) = InvalidReason::of_grant_refusal(model::policy::GrantRefusal::Conflict(conflict));
        return Err(AppError::invalid(field, reason));
    }
    for role in roles {
        if let Some(organisation_id) = role.organisation_id() {
            let found = model::entity::organisation::Entity::find_by_id(organisation_id)
                .filter(model::entity::organisation::Column::TenantId.eq(tenant.id()))
                .one(db)
                .await?;
            if found.is_none() {
                return Err(AppError::invalid("organisation", InvalidReason::Malformed));
            }
        }
    }
    role_grant::Entity::delete_many().filter(role_grant::Column::UserId.eq(user_id)).exec(db).await?;
    for role in roles {
        let (organisation_id, seat) = match role {
            Role::Carrier { organisation_id } => (Some(*organisation_id), None),
            Role::Steering { seat } => (seat.organisation_id(), Some(seat.kind().as_str().to_owned())),
            _ => (None, None),
        };
        role_grant::Entity::insert(role_grant::ActiveModel {
            id: Set(Uuid::new_v4()),
            tenant_id: Set(tenant.id()),
            user_id: Set(user_id),
            role: Set(role.kind().as_str().to_owned()),
            organisation_id: Set(organisation_id),
            seat: Set(seat),
            created_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// The account of this tenant with `email`, if there is one.
pub async fn find_by_email(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    email: &Email,
) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::TenantId.eq(tenant.id()))
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?)
}

/// One user of the tenant, or not found (also for users of other tenants).
pub async fn find(db: &impl ConnectionTrait, tenant: &TenantScope, user_id: Uuid) -> Result<user::Model, AppError> {
    user::Entity::find_by_id(user_id)
        .filter(user::Column::TenantId.eq(tenant.id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// People per page of the administration's list.
pub const PAGE_SIZE: u64 = 50;

/// The tenant's users, optionally filtered by a search in name and email, by name.
pub async fn list(db: &impl ConnectionTrait, tenant: &TenantScope, search: &str) -> Result<Vec<UserSummary>, AppError> {
    with_roles(db, tenant, by_name(matching(tenant, search))).await
}

/// One page (from 1) of [`list`], and how many match in all: the page read in the order of the tenant's
/// index by name (migration 25), the count from the filter alone, not from a subquery of every column.
pub async fn page(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    search: &str,
    page: u64,
) -> Result<(Vec<UserSummary>, u64), AppError> {
    use sea_orm::sea_query::Expr;
    let total: Option<i64> = matching(tenant, search)
        .select_only()
        .column_as(Expr::col(user::Column::Id).count(), "total")
        .into_tuple()
        .one(db)
        .await?;
    let listed = by_name(matching(tenant, search)).offset((page.max(1) - 1) * PAGE_SIZE).limit(PAGE_SIZE);
    Ok((with_roles(db, tenant, listed).await?, total.unwrap_or(0).max(0) as u64))
}

/// The tenant's users whose name or email contains `search`.
fn matching(tenant: &TenantScope, search: &str) -> sea_orm::Select<user::Entity> {
    use sea_orm::sea_query::{Expr, Func, LikeExpr};
    let mut query = user::Entity::find().filter(user::Column::TenantId.eq(tenant.id()));
    let search = search.trim().to_lowercase();
    if !search.is_empty() {
        // `_` and `%` are ordinary characters of an email address here, not wildcards.
        let escaped = search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = || LikeExpr::new(format!("%{escaped}%")).escape('\\');
        query = query.filter(
            Condition::any()
                .add(user::Column::Email.like(pattern()))
                .add(Expr::expr(Func::lower(Expr::col(user::Column::DisplayName))).like(pattern())),
        );
    }
    query
}

/// `query` by name (and id, where names are the same).
fn by_name(query: sea_orm::Select<user::Entity>) -> sea_orm::Select<user::Entity> {
    query.order_by_asc(user::Column::DisplayName).order_by_asc(user::Column::Id)
}

/// Summaries of the people `listed` selects, with every listed person's grants read in one query, not one per
/// person. The grants are found through `listed` itself, not through the list of ids it gave: PostgreSQL's
/// generic plan of `user_id IN ($2, …, $51)` compared fifty ids with each of the tenant's grants (0.6 ms a
/// page of the large city; a fifth of the list of people's time), and joins the page's ids by index (0.15 ms).
async fn with_roles(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    listed: sea_orm::Select<user::Entity>,
) -> Result<Vec<UserSummary>, AppError> {
    let rows = listed.clone().all(db).await?;
    let ids = sea_orm::QueryTrait::into_query(listed.select_only().column(user::Column::Id));
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::TenantId.eq(tenant.id()))
        .filter(role_grant::Column::UserId.in_subquery(ids))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let own: Vec<role_grant::Model> = grants.iter().filter(|g| g.user_id == row.id).cloned().collect();
            let roles = crate::auth::accounts::roles_from_grants(row.id, &own);
            summary_with(row, roles)
        })
        .collect())
}

/// One person of the tenant as the administration's list shows them.
pub async fn summary(db: &impl ConnectionTrait, tenant: &TenantScope, user_id: Uuid) -> Result<UserSummary, AppError> {
    summary_of(db, find(db, tenant, user_id).await?).await
}

async fn summary_of(db: &impl ConnectionTrait, row: user::Model) -> Result<UserSummary, AppError> {
    let roles = roles_of(db, row.id).await?;
    Ok(summary_with(row, roles))
}

fn summary_with(row: user::Model, roles: Vec<Role>) -> UserSummary {
    UserSummary {
        roles,
        invited: row.password_hash.is_none() && row.status == STATUS_ACTIVE,
        id: row.id,
        email: row.email,
        name: row.display_name,
        status: row.status,
        last_sign_in_at: row.last_sign_in_at,
    }
}

/// Takes away every access a user holds on the strength of their old credentials or rights (password
/// changed or reset, deactivation, roles changed): ends their browser sessions (but `keep`, the one making
/// the change), revokes their personal API tokens, and moves their credential generation on, which retires
/// the access tokens issued before (`server::tokens`).
pub async fn revoke_access(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    user_id: Uuid,
    keep: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use model::entity::api_token;
    use sea_orm::sea_query::Expr;
    let mut sessions = session::Entity::delete_many()
        .filter(session::Column::TenantId.eq(tenant.id()))
        .filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        sessions = sessions.filter(session::Column::Id.ne(keep));
    }
    sessions.exec(db).await?;
    api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(now))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    user::Entity::update_many()
        .col_expr(user::Column::CredentialGeneration, Expr::col(user::Column::CredentialGeneration).add(1))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::TenantId.eq(tenant.id()))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn set_status(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    user_id: Uuid,
    active: bool,
    now: DateTime<Utc>,
) -> Result<user::Model, AppError> {
    let row = find(db, tenant, user_id).await?;
    if row.status == STATUS_ANONYMISED {
        return Err(AppError::NotFound);
    }
    let mut model: user::ActiveModel = row.into();
    model.status = Set(if active { STATUS_ACTIVE } else { STATUS_DEACTIVATED }.to_owned());
    model.updated_at = Set(now);
    let row = model.update(db).await?;
    if !active {
        revoke_access(db, tenant, user_id, None, now).await?;
    }
    Ok(row)
}

/// Replaces everything that identifies a departed user; the account id stays, so the audit trail still
/// points at the same (now nameless) account.
pub async fn anonymise(
    db: &impl ConnectionTrait,
    tenant: &TenantScope,
    user_id: Uuid,
    now: DateTime<Utc>,
) -> Result<user::Model, AppError> {
    let row = find(db, tenant, user_id).await?;
    let mut model: user::ActiveModel = row.into();
    model.email = Set(format!("anonymised-{}@invalid", user_id.simple()));
    model.display_name = Set("—".to_owned());
    model.password_hash = Set(None);
    model.locale = Set(None);
    model.status = Set(STATUS_ANONYMISED.to_owned());
    model.updated_at = Set(now);
    let row = model.update(db).await?;
    role_grant::Entity::delete_many().filter(role_grant::Column::UserId.eq(user_id)).exec(db).await?;
    model::entity::one_time_token::Entity::delete_many()
        .filter(model::entity::one_time_token::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    model::entity::api_token::Entity::delete_many()
        .filter(model::entity::api_token::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    // Their mails (addresses, names, texts) and in-app messages go with them.
    crate::jobs::forget_recipient(db, user_id).await?;
    model::entity::notification::Entity::delete_many()
        .filter(model::entity::notification::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    revoke_access(db, tenant, user_id, None, now).await?;
    Ok(row)
}
