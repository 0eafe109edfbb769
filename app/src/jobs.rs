//! The durable job queue (server only): work that must happen later or must not be lost — deadline reminders,
//! the notices when a call is published or closes, submission receipts, the daily reminders of reports due.
//!
//! Jobs are rows in the `jobs` table, so they survive restarts and are shared by every app server. A server
//! claims a due job with a conditional update (`locked_until` in the past → its own lease); only one server's
//! update can match, so two servers never run the same job at once. A job that fails is retried with
//! back-off and given up after [`MAX_ATTEMPTS`], keeping its last error. Jobs are enqueued inside the
//! transaction of the change that causes them, and a dedupe key keeps a job from being enqueued twice.
//!
//! Every email goes through the queue. A mail with a one-time link is queued as [`Job::AccountMail`] and
//! written only when it is sent, with a link made then: the queue never holds a working link. Mail jobs name
//! their recipient (`jobs.user_id`), are purged [`MAIL_RETENTION`] after they finished, and go when their
//! recipient is anonymised.

use crate::AppError;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use model::entity::job;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How often a failing job is tried before it is given up.
pub const MAX_ATTEMPTS: i32 = 5;
/// How long a claimed job belongs to its server; a crashed server's jobs run again after this.
pub const LEASE: Duration = Duration::minutes(5);
/// How long a finished mail job (with its recipient's address and text) is kept, for support questions.
pub const MAIL_RETENTION: Duration = Duration::days(30);

/// Everything the queue knows how to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Tell the tenant's carriers about a newly published call, when it opens at `opens_at`.
    CallPublished { call: Uuid, opens_at: DateTime<Utc> },
    /// Remind organisations with unsubmitted drafts `days` before the deadline `closes_at`.
    DeadlineReminder { call: Uuid, closes_at: DateTime<Utc>, days: i64 },
    /// Tell bidders, the steering group and administrators that the call closed at `closes_at`.
    CallClosed { call: Uuid, closes_at: DateTime<Utc> },
    /// Tell the bidding organisation that the committee decided on its bid.
    DecisionRecorded { bid: Uuid },
    /// Email the receipt of a submitted bid version.
    BidReceipt { bid: Uuid, number: i32 },
    /// Remind coordinators of reports due in a week and today, and coordinators and carriers of reports that
    /// became overdue; planned once a day for every tenant ([`plan_daily`]).
    ReportReminders { day: NaiveDate },
    /// Remind the assignees of the steering group's open commissions due in a week and today, and of those
    /// overdue since yesterday also the project-carrier seat; planned once a day ([`plan_daily`]).
    CommissionReminders { day: NaiveDate },
    /// Send one email planned by the jobs above, to `user`.
    Email {
        #[serde(default)]
        user: Option<Uuid>,
        mail: crate::mail::Mail,
    },
    /// Write and send a mail about `user`'s account; a one-time link in it is made when it is sent.
    AccountMail { user: Uuid, letter: Letter },
}

/// The mails about an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Letter {
    /// The link that sets the first password of an invited account.
    Invitation,
    /// The link that sets a new password.
    PasswordReset,
    /// The link that confirms a self-registered address.
    EmailConfirmation,
    /// Someone tried to register an address that has an account: where to reset the password.
    AlreadyRegistered,
}

impl Letter {
    /// The job kind of this letter (a column, for the log and for counting recent requests).
    pub fn kind(self) -> &'static str {
        match self {
            Letter::Invitation => "invitation_mail",
            Letter::PasswordReset => "password_reset_mail",
            Letter::EmailConfirmation => "email_confirmation_mail",
            Letter::AlreadyRegistered => "already_registered_mail",
        }
    }
}

impl Job {
    fn kind(&self) -> &'static str {
        match self {
            Job::CallPublished { .. } => "call_published",
            Job::DeadlineReminder { .. } => "deadline_reminder",
            Job::CallClosed { .. } => "call_closed",
            Job::BidReceipt { .. } => "bid_receipt",
            Job::DecisionRecorded { .. } => "decision_recorded",
            Job::ReportReminders { .. } => "report_reminders",
            Job::CommissionReminders { .. } => "commission_reminders",
            Job::Email { .. } => "email",
            Job::AccountMail { letter, .. } => letter.kind(),
        }
    }

    /// The person a mail job is for.
    fn recipient(&self) -> Option<Uuid> {
        match self {
            Job::Email { user, .. } => *user,
            Job::AccountMail { user, .. } => Some(*user),
            _ => None,
        }
    }
}

/// The job kinds that are mails.
fn mail_kinds() -> Vec<&'static str> {
    let letters = [Letter::Invitation, Letter::PasswordReset, Letter::EmailConfirmation, Letter::AlreadyRegistered];
    std::iter::once("email").chain(letters.map(Letter::kind)).collect()
}

/// Plans a mail about `user`'s account, sent as soon as a server's worker gets to it.
pub async fn mail_account(
    db: &impl ConnectionTrait,
    user: Uuid,
    letter: Letter,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    enqueue(db, &Job::AccountMail { user, letter }, now, None, now).await
}

/// How many mails of `letter` were planned for `user` since `since` (to limit reset requests).
pub async fn account_mails_since(
    db: &impl ConnectionTrait,
    user: Uuid,
    letter: Letter,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    job::Entity::find()
        .filter(job::Column::UserId.eq(user))
        .filter(job::Column::Kind.eq(letter.kind()))
        .filter(job::Column::CreatedAt.gt(since))
        .count(db)
        .await
}

/// Deletes mail jobs that finished before `now - MAIL_RETENTION`; returns how many.
pub async fn purge_finished_mail(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let result = job::Entity::delete_many()
        .filter(job::Column::Kind.is_in(mail_kinds()))
        .filter(job::Column::DoneAt.lt(now - MAIL_RETENTION))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// Deletes every mail job for `user`, sent or not (when they are anonymised).
pub async fn forget_recipient(db: &impl ConnectionTrait, user: Uuid) -> Result<(), DbErr> {
    job::Entity::delete_many().filter(job::Column::UserId.eq(user)).exec(db).await?;
    Ok(())
}

/// Adds a job to run at `run_at`. With a `dedupe_key`, a second job with the same key is silently dropped.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    job: &Job,
    run_at: DateTime<Utc>,
    dedupe_key: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let payload = serde_json::to_string(job).map_err(AppError::internal)?;
    job::Entity::insert(job::ActiveModel {
        id: Set(Uuid::new_v4()),
        kind: Set(job.kind().to_owned()),
        payload: Set(payload),
        dedupe_key: Set(dedupe_key),
        run_at: Set(run_at),
        attempts: Set(0),
        locked_by: Set(None),
        locked_until: Set(None),
        done_at: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        user_id: Set(job.recipient()),
    })
    .on_conflict(OnConflict::column(job::Column::DedupeKey).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Enqueues what a published call needs over its life: the notice, the two reminders and the closing
/// notice. Called again when its times move; jobs planned for old times then find them changed and skip.
pub async fn schedule_call(
    db: &impl ConnectionTrait,
    call: Uuid,
    closes_at: DateTime<Utc>,
    opens_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let stamp = closes_at.timestamp();
    let published = Job::CallPublished { call, opens_at };
    let key = format!("call:{call}:published:{}", opens_at.timestamp());
    enqueue(db, &published, opens_at.max(now), Some(key), now).await?;
    for days in [7, 1] {
        let run_at = closes_at - Duration::days(days);
        // A reminder whose moment has passed would only arrive late; it is left out.
        if run_at > now {
            let job = Job::DeadlineReminder { call, closes_at, days };
            enqueue(db, &job, run_at, Some(format!("call:{call}:reminder:{days}:{stamp}")), now).await?;
        }
    }
    let closed = Job::CallClosed { call, closes_at };
    enqueue(db, &closed, closes_at, Some(format!("call:{call}:closed:{stamp}")), now).await
}

/// The hour (UTC) at which the day's reminders go out: 7 or 8 in the morning in Germany.
pub const DAILY_HOUR: u32 = 6;

/// Plans the work of every day — today's reminders of reports and of commissions — once, whichever server gets here first: the
/// dedupe key makes a second plan of the same day a no-op, and the claim makes sure one server runs it. A
/// day the servers were all down is not made up for; its reminders would come too late to help.
pub async fn plan_daily(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<(), AppError> {
    let day = now.date_naive();
    let run_at = day.and_hms_opt(DAILY_HOUR, 0, 0).map_or(now, |t| t.and_utc());
    enqueue(db, &Job::ReportReminders { day }, run_at, Some(format!("report-reminders:{day}")), now).await?;
    enqueue(db, &Job::CommissionReminders { day }, run_at, Some(format!("commission-reminders:{day}")), now).await
}

/// Claims the next due job for `worker`, or `None` when nothing is due.
pub async fn claim(db: &impl ConnectionTrait, worker: &str, now: DateTime<Utc>) -> Result<Option<job::Model>, DbErr> {
    let free = || {
        Condition::all()
            .add(job::Column::DoneAt.is_null())
            .add(job::Column::RunAt.lte(now))
            .add(Condition::any().add(job::Column::LockedUntil.is_null()).add(job::Column::LockedUntil.lt(now)))
    };
    // Another server may take the candidate first; then try the next one.
    for _ in 0..5 {
        let Some(candidate) =
            job::Entity::find().filter(free()).order_by_asc(job::Column::RunAt).limit(1).one(db).await?
        else {
            return Ok(None);
        };
        let taken = job::Entity::update_many()
            .col_expr(job::Column::LockedBy, Expr::value(worker))
            .col_expr(job::Column::LockedUntil, Expr::value(now + LEASE))
            .col_expr(job::Column::Attempts, Expr::col(job::Column::Attempts).add(1))
            .filter(job::Column::Id.eq(candidate.id))
            .filter(free())
            .exec(db)
            .await?;
        if taken.rows_affected == 1 {
            return job::Entity::find_by_id(candidate.id).one(db).await;
        }
    }
    Ok(None)
}

async fn finish(
    db: &impl ConnectionTrait,
    row: &job::Model,
    error: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let give_up = row.attempts >= MAX_ATTEMPTS;
    let mut update = job::Entity::update_many()
        .col_expr(job::Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(job::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(job::Column::LastError, Expr::value(error.clone()));
    update = match (&error, give_up) {
        (None, _) | (Some(_), true) => update.col_expr(job::Column::DoneAt, Expr::value(Some(now))),
        // Back off: 1, 4, 9, 16 minutes.
        (Some(_), false) => {
            let delay = Duration::minutes(i64::from(row.attempts) * i64::from(row.attempts));
            update.col_expr(job::Column::RunAt, Expr::value(now + delay))
        }
    };
    // Only the holder of the lease finishes the job; a worker whose lease ran out leaves it to the next one.
    update.filter(job::Column::Id.eq(row.id)).filter(job::Column::LockedBy.eq(row.locked_by.clone())).exec(db).await?;
    Ok(())
}

/// Runs every job due at `now`, one after the other; returns how many ran. Each server calls this on a timer;
/// tests call it with a chosen `now`.
pub async fn run_due(server: &crate::ServerContext, worker: &str, now: DateTime<Utc>) -> Result<usize, DbErr> {
    if let Err(err) = plan_daily(&server.db, now).await {
        tracing::warn!(error = %err, "could not plan the day's jobs");
    }
    let mut ran = 0;
    while let Some(row) = claim(&server.db, worker, now).await? {
        let outcome = match serde_json::from_str::<Job>(&row.payload) {
            Ok(job) => crate::notify::handle(server, row.id, &job, now).await.map_err(|e| format!("{e}")),
            Err(err) => Err(format!("payload does not parse: {err}")),
        };
        if let Err(error) = &outcome {
            tracing::warn!(job = %row.id, kind = %row.kind, attempt = row.attempts, %error, "job failed");
        }
        finish(&server.db, &row, outcome.err(), Utc::now().max(now)).await?;
        ran += 1;
    }
    Ok(ran)
}
