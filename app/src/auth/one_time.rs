//! Single-use, expiring links (invitations, password resets). The link carries a random token; the database
//! keeps only its SHA-256, so a leaked database does not leak working links.

use chrono::{DateTime, Duration, Utc};
use model::entity::one_time_token;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
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
///
/// The token is used up by a conditional update, the first statement, so of two redemptions at once only one
/// finds it unused (and on SQLite the transaction takes the write lock before it reads anything).
pub async fn redeem(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    token: &str,
    purposes: &[Purpose],
    now: DateTime<Utc>,
) -> Result<Result<Uuid, Unusable>, DbErr> {
    let hash = super::sha256_hex(token);
    let this_token = || {
        Condition::all()
            .add(one_time_token::Column::TokenHash.eq(hash.as_str()))
            .add(one_time_token::Column::TenantId.eq(tenant_id))
            .add(one_time_token::Column::Purpose.is_in(purposes.iter().map(|p| p.as_str())))
    };
    let taken = one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, sea_orm::sea_query::Expr::value(Some(now)))
        .filter(this_token())
        .filter(one_time_token::Column::UsedAt.is_null())
        .filter(one_time_token::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    let row = one_time_token::Entity::find().filter(this_token()).one(db).await?;
    Ok(match row {
        None => Err(Unusable::Unknown),
        Some(row) if taken.rows_affected == 1 => Ok(row.user_id),
        Some(row) if row.expires_at <= now => Err(Unusable::Expired),
        Some(_) => Err(Unusable::Used),
    })
}
