//! Sign-in throttling, in the database so that every app server counts the same attempts.
//!
//! An account (tenant + email as typed) is paused after 5 failures within 15 minutes; a client address with
//! 30 is slowed down, not refused. Failures are counted whether or not the account exists, and the answer is the same either way, so
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
/// How long an attempt from a client address over its limit waits before its password is checked.
pub const CLIENT_SLOWDOWN: std::time::Duration = std::time::Duration::from_secs(2);

/// One sign-in attempt, recorded (as failed) before its password is checked.
#[derive(Debug)]
pub struct Attempt {
    id: Uuid,
}

/// What the throttle says about an attempt just begun.
#[derive(Debug)]
pub enum Verdict {
    /// Go on and check the password.
    Proceed(Attempt),
    /// The same, but only after [`CLIENT_SLOWDOWN`]: the client address failed too often lately. A
    /// correct password still signs in, so one busy address (a whole office behind one NAT) cannot lock
    /// out the accounts used from it.
    SlowDown(Attempt),
    /// The account failed too often: no password is checked until then.
    Paused { until: DateTime<Utc> },
}

/// Begins an attempt. It is recorded as a failure first and counted afterwards, so parallel attempts see
/// each other: of any number of simultaneous tries, at most the account's limit get their password checked.
/// (Counting first and recording after the slow password check let 40 parallel tries through.) A refused
/// attempt takes its record back, so waiting out the pause works even while someone keeps trying.
pub async fn begin(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    email: &str,
    client_addr: &str,
    now: DateTime<Utc>,
) -> Result<Verdict, DbErr> {
    let id = Uuid::new_v4();
    sign_in_attempt::Entity::insert(sign_in_attempt::ActiveModel {
        id: Set(id),
        tenant_id: Set(tenant_id),
        email: Set(email.chars().take(254).collect()),
        client_addr: Set(client_addr.chars().take(64).collect()),
        succeeded: Set(false),
        at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    let since = now - Duration::minutes(WINDOW_MINUTES);
    let failures = |query: sea_orm::Select<sign_in_attempt::Entity>, limit: u64| {
        query
            .filter(sign_in_attempt::Column::Succeeded.eq(false))
            .filter(sign_in_attempt::Column::At.gt(since))
            .order_by_desc(sign_in_attempt::Column::At)
            .select_only()
            .column(sign_in_attempt::Column::At)
            .limit(limit)
    };
    // This attempt's own record is among them: one more than the limit means the limit was reached before.
    let by_account = failures(sign_in_attempt::Entity::find(), MAX_FAILURES_PER_ACCOUNT + 1)
        .filter(sign_in_attempt::Column::TenantId.eq(tenant_id))
        .filter(sign_in_attempt::Column::Email.eq(email))
        .into_tuple::<DateTime<Utc>>()
        .all(db)
        .await?;
    if by_account.len() as u64 > MAX_FAILURES_PER_ACCOUNT {
        sign_in_attempt::Entity::delete_by_id(id).exec(db).await?;
        // The oldest failure that keeps the count at the limit decides when the window frees up.
        let oldest = by_account[by_account.len() - 1].min(now);
        return Ok(Verdict::Paused { until: oldest + Duration::minutes(WINDOW_MINUTES) });
    }
    let by_client = failures(sign_in_attempt::Entity::find(), MAX_FAILURES_PER_CLIENT + 1)
        .filter(sign_in_attempt::Column::ClientAddr.eq(client_addr))
        .into_tuple::<DateTime<Utc>>()
        .all(db)
        .await?;
    let attempt = Attempt { id };
    Ok(if by_client.len() as u64 > MAX_FAILURES_PER_CLIENT {
        Verdict::SlowDown(attempt)
    } else {
        Verdict::Proceed(attempt)
    })
}

/// Marks a begun attempt as successful (it no longer counts as a failure).
pub async fn succeeded(db: &impl ConnectionTrait, attempt: Attempt) -> Result<(), DbErr> {
    sign_in_attempt::Entity::update_many()
        .col_expr(sign_in_attempt::Column::Succeeded, sea_orm::sea_query::Expr::value(true))
        .filter(sign_in_attempt::Column::Id.eq(attempt.id))
        .exec(db)
        .await?;
    Ok(())
}
