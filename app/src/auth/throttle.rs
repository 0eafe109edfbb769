//! Sign-in throttling, in the database so that every app server counts the same attempts.
//!
//! An account (tenant + email as typed) is paused after 5 failures within 15 minutes, a client address after
//! 30. Failures are counted whether or not the account exists, and the answer is the same either way, so
//! throttling does not reveal accounts.

use chrono::{DateTime, Duration, Utc};
use model::entity::sign_in_attempt;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

pub const WINDOW_MINUTES: i64 = 15;
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 5;
pub const MAX_FAILURES_PER_CLIENT: u64 = 30;

/// When the caller may try again, if they must wait.
pub async fn retry_after(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    email: &str,
    client_addr: &str,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    let since = now - Duration::minutes(WINDOW_MINUTES);
    let failures = |query: sea_orm::Select<sign_in_attempt::Entity>| {
        query
            .filter(sign_in_attempt::Column::Succeeded.eq(false))
            .filter(sign_in_attempt::Column::At.gt(since))
            .order_by_desc(sign_in_attempt::Column::At)
    };
    let by_account: Vec<DateTime<Utc>> = failures(sign_in_attempt::Entity::find())
        .filter(sign_in_attempt::Column::TenantId.eq(tenant_id))
        .filter(sign_in_attempt::Column::Email.eq(email))
        .select_only()
        .column(sign_in_attempt::Column::At)
        .limit(MAX_FAILURES_PER_ACCOUNT)
        .into_tuple()
        .all(db)
        .await?;
    let by_client: Vec<DateTime<Utc>> = failures(sign_in_attempt::Entity::find())
        .filter(sign_in_attempt::Column::ClientAddr.eq(client_addr))
        .select_only()
        .column(sign_in_attempt::Column::At)
        .limit(MAX_FAILURES_PER_CLIENT)
        .into_tuple()
        .all(db)
        .await?;
    // The oldest failure that keeps the count at the limit decides when the window frees up.
    let blocked_until = |times: &[DateTime<Utc>], limit: u64| {
        (times.len() as u64 >= limit).then(|| times[times.len() - 1] + Duration::minutes(WINDOW_MINUTES))
    };
    Ok([blocked_until(&by_account, MAX_FAILURES_PER_ACCOUNT), blocked_until(&by_client, MAX_FAILURES_PER_CLIENT)]
        .into_iter()
        .flatten()
        .max())
}

pub async fn record(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    email: &str,
    client_addr: &str,
    succeeded: bool,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    sign_in_attempt::Entity::insert(sign_in_attempt::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(tenant_id),
        email: Set(email.chars().take(254).collect()),
        client_addr: Set(client_addr.chars().take(64).collect()),
        succeeded: Set(succeeded),
        at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
