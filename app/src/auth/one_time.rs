//! Single-use, expiring links (invitations, password resets). The link carries a random token; the database
//! keeps only its SHA-256, so a leaked database does not leak working links.

use chrono::{DateTime, Duration, Utc};
use model::entity::one_time_token;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Invitation,
    PasswordReset,
    /// Confirms the email address of a self-registered carrier account.
    EmailConfirmation,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Invitation => "invitation",
            Purpose::PasswordReset => "password_reset",
            Purpose::EmailConfirmation => "email_confirmation",
        }
    }

    /// How long a link of this kind stays valid.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::Invitation | Purpose::EmailConfirmation => Duration::days(7),
            Purpose::PasswordReset => Duration::minutes(60),
        }
    }
}

/// Makes a new link token for `user_id`. Earlier unused tokens of the same purpose stop working, so only the
/// newest invitation or reset link is valid.
pub async fn issue(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    user_id: Uuid,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, sea_orm::sea_query::Expr::value(Some(now)))
        .filter(one_time_token::Column::UserId.eq(user_id))
        .filter(one_time_token::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let token = super::random_token();
    one_time_token::Entity::insert(one_time_token::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(tenant_id),
        user_id: Set(user_id),
        purpose: Set(purpose.as_str().to_owned()),
        token_hash: Set(super::sha256_hex(&token)),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(token)
}

/// Why a link no longer works. The page says the same for all of them: ask for a new link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    Unknown,
    Used,
    Expired,
}

/// Uses up a token of `tenant_id` (any of `purposes`) and returns its user. Call inside the transaction that
/// makes the change the link allows, so a failed change leaves the link usable.
pub async fn redeem(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    token: &str,
    purposes: &[Purpose],
    now: DateTime<Utc>,
) -> Result<Result<Uuid, Unusable>, DbErr> {
    let Some(row) = one_time_token::Entity::find()
        .filter(one_time_token::Column::TokenHash.eq(super::sha256_hex(token)))
        .filter(one_time_token::Column::TenantId.eq(tenant_id))
        .filter(one_time_token::Column::Purpose.is_in(purposes.iter().map(|p| p.as_str())))
        .one(db)
        .await?
    else {
        return Ok(Err(Unusable::Unknown));
    };
    if row.used_at.is_some() {
        return Ok(Err(Unusable::Used));
    }
    if row.expires_at <= now {
        return Ok(Err(Unusable::Expired));
    }
    let user_id = row.user_id;
    let mut active: one_time_token::ActiveModel = row.into();
    active.used_at = Set(Some(now));
    active.update(db).await?;
    Ok(Ok(user_id))
}

/// How many links of `purpose` were made for `user_id` since `since` (to limit reset requests).
pub async fn issued_since(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    purpose: Purpose,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    one_time_token::Entity::find()
        .filter(one_time_token::Column::UserId.eq(user_id))
        .filter(one_time_token::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_token::Column::CreatedAt.gt(since))
        .count(db)
        .await
}
