//! Notifications (server only): an in-app message and an email for each event of a call's life — published,
//! 7 days and 1 day before the deadline (only to organisations with unsubmitted drafts), closed — and the
//! receipt of a submitted bid. Run by the job queue ([`crate::jobs`]): a job writes its in-app messages and
//! one email job per recipient in one transaction, so a failed email is retried alone and nobody gets a
//! message twice.

use crate::ServerContext;
use crate::auth::accounts::STATUS_ACTIVE;
use crate::jobs::Job;
use crate::mail::{self, Mail};
pub use crate::notifications::{Kind, Notice, Params};
use crate::store::TenantScope;
use chrono::{DateTime, Utc};
use model::bid::BidStatus;
use model::entity::{bid, bid_version, call, call_lot, notification, role_grant, user};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error(transparent)]
    Database(#[from] DbErr),
    #[error(transparent)]
    Mail(#[from] mail::MailError),
    #[error("{0}")]
    App(String),
}

impl From<crate::AppError> for NotifyError {
    fn from(err: crate::AppError) -> Self {
        NotifyError::App(err.to_string())
    }
}

/// Writes one in-app message per user.
pub async fn record(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    users: &[Uuid],
    kind: Kind,
    params: &Params,
    link: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let params = serde_json::to_string(params).unwrap_or_else(|_| "{}".to_owned());
    for user_id in users {
        notification::Entity::insert(notification::ActiveModel {
            id: Set(Uuid::new_v4()),
            tenant_id: Set(tenant_id),
            user_id: Set(*user_id),
            kind: Set(kind.as_str().to_owned()),
            params: Set(params.clone()),
            link: Set(link.to_owned()),
            created_at: Set(now),
            read_at: Set(None),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Active users of the tenant holding any of `roles` (role kinds as stored), optionally only of one
/// organisation.
async fn holders(
    db: &impl ConnectionTrait,
    tenant_id: Uuid,
    roles: &[&str],
    organisation: Option<Uuid>,
) -> Result<Vec<user::Model>, DbErr> {
    let mut grants = role_grant::Entity::find()
        .filter(role_grant::Column::TenantId.eq(tenant_id))
        .filter(role_grant::Column::Role.is_in(roles.iter().copied()));
    if let Some(organisation) = organisation {
        grants = grants.filter(role_grant::Column::OrganisationId.eq(organisation));
    }
    let ids: Vec<Uuid> = grants.all(db).await?.into_iter().map(|g| g.user_id).collect();
    user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::Status.eq(STATUS_ACTIVE))
        .all(db)
        .await
}

/// One message: what kind, about what, and where it leads.
struct Message<'a> {
    kind: Kind,
    params: &'a Params,
    link: &'a str,
}

impl Message<'_> {
    /// What tells this message apart from the job's other messages of its kind to the same person.
    fn about(&self) -> String {
        format!("{}:{}", self.link, self.params.call_title)
    }
}

/// Where a job's messages go: in-app rows and email jobs, written in the job's transaction.
struct Outbox<'a> {
    db: &'a sea_orm::DatabaseTransaction,
    public_url: &'a str,
    /// The job that tells; its id makes the email jobs' dedupe keys.
    job_id: Uuid,
    now: DateTime<Utc>,
}

impl Outbox<'_> {
    /// Writes the in-app message for `users` and plans an email to each of them.
    async fn tell(
        &self,
        tenant_id: Uuid,
        users: &[user::Model],
        message: Message<'_>,
        mail_for: impl Fn(&user::Model, &str) -> Mail,
    ) -> Result<(), NotifyError> {
        let ids: Vec<Uuid> = users.iter().map(|u| u.id).collect();
        record(self.db, tenant_id, &ids, message.kind, message.params, message.link, self.now).await?;
        let url = format!("{}{}", self.public_url, message.link);
        for user in users {
            let key = format!("mail:{}:{}:{}:{}", self.job_id, message.kind.as_str(), message.about(), user.id);
            let job = Job::Email { user: Some(user.id), mail: mail_for(user, &url) };
            crate::jobs::enqueue(self.db, &job, self.now, Some(key), self.now).await?;
        }
        Ok(())
    }
}

async fn find_call(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<call::Model>, DbErr> {
    call::Entity::find_by_id(id).one(db).await
}

/// Organisations with a bid in `call`, split by whether it stands submitted.
async fn bidders(db: &impl ConnectionTrait, call: Uuid) -> Result<(Vec<Uuid>, Vec<Uuid>), DbErr> {
    let rows = bid::Entity::find().filter(bid::Column::CallId.eq(call)).all(db).await?;
    let mut submitted: Vec<Uuid> = Vec::new();
    let mut unsubmitted: Vec<Uuid> = Vec::new();
    for row in rows {
        let list = if row.status == BidStatus::Submitted.as_str() { &mut submitted } else { &mut unsubmitted };
        if !list.contains(&row.organisation_id) {
            list.push(row.organisation_id);
        }
    }
    // An organisation with one submitted and one unsubmitted bid still has a draft to finish.
    Ok((submitted, unsubmitted))
}

/// Carries out one job of the queue.
pub async fn handle(server: &ServerContext, job_id: Uuid, job: &Job, now: DateTime<Utc>) -> Result<(), NotifyError> {
    use sea_orm::TransactionTrait;
    match job {
        Job::Email { mail, .. } => return Ok(server.mailer.send(mail.clone()).await?),
        Job::AccountMail { user, letter } => return account_mail(server, *user, *letter, now).await,
        _ => {}
    }
    let txn = server.db.begin().await?;
    let outbox = Outbox { db: &txn, public_url: &server.public_url, job_id, now };
    plan(&outbox, job).await?;
    txn.commit().await?;
    Ok(())
}

/// Writes and sends a mail about an account. A one-time link is made now and committed before the mail
/// goes out, so no lock is held while the mail server answers; if sending fails, the retry makes a new
/// link, which retires this one. A person who meanwhile was anonymised or deactivated gets nothing.
async fn account_mail(
    server: &ServerContext,
    user_id: Uuid,
    letter: crate::jobs::Letter,
    now: DateTime<Utc>,
) -> Result<(), NotifyError> {
    use crate::auth::accounts::STATUS_UNCONFIRMED;
    use crate::auth::one_time::{self, Purpose};
    use crate::jobs::Letter;
    use sea_orm::TransactionTrait;
    let txn = server.db.begin().await?;
    let Some(user) = user::Entity::find_by_id(user_id).one(&txn).await? else { return Ok(()) };
    if user.status != STATUS_ACTIVE && user.status != STATUS_UNCONFIRMED {
        return Ok(());
    }
    let scope = TenantScope::of_row(&txn, user.tenant_id).await?;
    let (tenant, base) = (scope.view().name.clone(), format!("{}/{}", server.public_url, scope.view().slug));
    let link = |purpose: Purpose, page: &'static str| {
        let (txn, base) = (&txn, &base);
        async move {
            let token = one_time::issue(txn, user.tenant_id, user.id, purpose, now).await?;
            Ok::<_, DbErr>(format!("{base}/{page}?token={token}"))
        }
    };
    let (to, name) = (user.email.as_str(), user.display_name.as_str());
    let mail = match letter {
        Letter::Invitation => {
            let days = Purpose::Invitation.lifetime().num_days();
            mail::invitation(to, name, &tenant, &link(Purpose::Invitation, "set-password").await?, days)
        }
        Letter::PasswordReset => {
            let minutes = Purpose::PasswordReset.lifetime().num_minutes();
            mail::password_reset(to, name, &tenant, &link(Purpose::PasswordReset, "set-password").await?, minutes)
        }
        Letter::EmailConfirmation => {
            let days = Purpose::EmailConfirmation.lifetime().num_days();
            let url = link(Purpose::EmailConfirmation, "confirm-email").await?;
            mail::email_confirmation(to, name, &tenant, &url, days)
        }
        Letter::AlreadyRegistered => mail::already_registered(to, name, &tenant, &format!("{base}/forgot-password")),
    };
    txn.commit().await?;
    server.mailer.send(mail).await?;
    Ok(())
}

/// Decides who hears what about `job`.
async fn plan(outbox: &Outbox<'_>, job: &Job) -> Result<(), NotifyError> {
    let db = outbox.db;
    match job {
        Job::Email { .. } | Job::AccountMail { .. } => Ok(()),
        Job::ReportReminders { day } => report_reminders(outbox, *day).await,
        Job::CommissionReminders { day } => commission_reminders(outbox, *day).await,
        Job::CallPublished { call, opens_at } => {
            let Some(call) = find_call(db, *call).await? else { return Ok(()) };
            if call.opens_at != *opens_at || call.published_at.is_none() {
                return Ok(());
            }
            let scope = TenantScope::of_row(db, call.tenant_id).await?;
            let link = format!("/{}/calls/{}", scope.view().slug, call.id);
            let params = Params { call_title: call.title.clone(), at: Some(call.closes_at), ..Params::default() };
            let users = holders(db, call.tenant_id, &["carrier"], None).await?;
            let tenant_name = scope.view().name.clone();
            outbox
                .tell(
                    call.tenant_id,
                    &users,
                    Message { kind: Kind::CallPublished, params: &params, link: &link },
                    |u, url| mail::call_published(&u.email, &tenant_name, &call.title, call.closes_at, url),
                )
                .await
        }
        Job::DeadlineReminder { call, closes_at, days } => {
            let Some(call) = find_call(db, *call).await? else { return Ok(()) };
            // The deadline moved since this reminder was planned: the new plan has its own reminders.
            if call.closes_at != *closes_at || call.published_at.is_none() {
                return Ok(());
            }
            let scope = TenantScope::of_row(db, call.tenant_id).await?;
            let link = format!("/{}/bids", scope.view().slug);
            let params = Params { call_title: call.title.clone(), at: Some(call.closes_at), ..Params::default() };
            let (_, unsubmitted) = bidders(db, call.id).await?;
            for organisation in unsubmitted {
                let users = holders(db, call.tenant_id, &["carrier"], Some(organisation)).await?;
                outbox
                    .tell(
                        call.tenant_id,
                        &users,
                        Message { kind: Kind::DeadlineSoon, params: &params, link: &link },
                        |u, url| mail::deadline_reminder(&u.email, &call.title, call.closes_at, *days, url),
                    )
                    .await?;
            }
            Ok(())
        }
        Job::CallClosed { call, closes_at } => {
            let Some(call) = find_call(db, *call).await? else { return Ok(()) };
            if call.closes_at != *closes_at || call.published_at.is_none() {
                return Ok(());
            }
            let scope = TenantScope::of_row(db, call.tenant_id).await?;
            let params = Params { call_title: call.title.clone(), at: Some(call.closes_at), ..Params::default() };
            let (submitted, unsubmitted) = bidders(db, call.id).await?;
            let bids_link = format!("/{}/bids", scope.view().slug);
            for organisation in submitted.iter().chain(unsubmitted.iter().filter(|o| !submitted.contains(o))) {
                let users = holders(db, call.tenant_id, &["carrier"], Some(*organisation)).await?;
                outbox
                    .tell(
                        call.tenant_id,
                        &users,
                        Message { kind: Kind::CallClosed, params: &params, link: &bids_link },
                        |u, url| mail::call_closed(&u.email, &call.title, url),
                    )
                    .await?;
            }
            let readers = holders(db, call.tenant_id, &["steering", "admin"], None).await?;
            let link = format!("/{}/calls/{}/bids", scope.view().slug, call.id);
            outbox
                .tell(
                    call.tenant_id,
                    &readers,
                    Message { kind: Kind::CallClosed, params: &params, link: &link },
                    |u, url| mail::call_closed(&u.email, &call.title, url),
                )
                .await
        }
        Job::DecisionRecorded { bid } => {
            let Some(bid) = bid::Entity::find_by_id(*bid).one(db).await? else { return Ok(()) };
            let Some(decision) = model::entity::decision::Entity::find()
                .filter(model::entity::decision::Column::BidId.eq(bid.id))
                .one(db)
                .await?
            else {
                return Ok(());
            };
            let Some(call) = find_call(db, bid.call_id).await? else { return Ok(()) };
            let lot = call_lot::Entity::find_by_id(bid.lot_id).one(db).await?.map(|l| l.title).unwrap_or_default();
            let scope = TenantScope::of_row(db, bid.tenant_id).await?;
            let link = format!("/{}/bids/{}", scope.view().slug, bid.id);
            let params = Params { call_title: call.title.clone(), lot_title: Some(lot.clone()), ..Params::default() };
            let users = holders(db, bid.tenant_id, &["carrier"], Some(bid.organisation_id)).await?;
            outbox
                .tell(
                    bid.tenant_id,
                    &users,
                    Message { kind: Kind::Decision, params: &params, link: &link },
                    |u, url| mail::decision(&u.email, &call.title, &lot, decision.awarded, url),
                )
                .await
        }
        Job::BidReceipt { bid, number } => {
            let Some(bid) = bid::Entity::find_by_id(*bid).one(db).await? else { return Ok(()) };
            let Some(version) = bid_version::Entity::find()
                .filter(bid_version::Column::BidId.eq(bid.id))
                .filter(bid_version::Column::Number.eq(*number))
                .one(db)
                .await?
            else {
                return Ok(());
            };
            let Some(call) = find_call(db, bid.call_id).await? else { return Ok(()) };
            let lot = call_lot::Entity::find_by_id(bid.lot_id).one(db).await?.map(|l| l.title).unwrap_or_default();
            let scope = TenantScope::of_row(db, bid.tenant_id).await?;
            let link = format!("/{}/bids/{}/versions/{}", scope.view().slug, bid.id, version.number);
            let params = Params {
                call_title: call.title.clone(),
                lot_title: Some(lot.clone()),
                at: Some(version.submitted_at),
                content_hash: Some(version.content_hash.clone()),
            };
            let users = holders(db, bid.tenant_id, &["carrier"], Some(bid.organisation_id)).await?;
            outbox
                .tell(
                    bid.tenant_id,
                    &users,
                    Message { kind: Kind::BidReceipt, params: &params, link: &link },
                    |u, url| {
                        mail::bid_receipt(
                            &u.email,
                            &call.title,
                            &lot,
                            version.number,
                            version.submitted_at,
                            &version.content_hash,
                            url,
                        )
                    },
                )
                .await
        }
    }
}

/// The reminders of one day, for every tenant: a week before a report is due and on its last day to its
/// coordinators, and on the day after to its coordinators and the post's carrier — each only while the
/// report is not submitted. Due days are days in the tenant's time zone.
async fn report_reminders(outbox: &Outbox<'_>, day: chrono::NaiveDate) -> Result<(), NotifyError> {
    use crate::mail::ReportReminder;
    use crate::store::reports as reports;
    use model::entity::tenant;
    let db = outbox.db;
    for tenant in tenant::Entity::find().all(db).await? {
        let scope = TenantScope::of_row(db, tenant.id).await?;
        let (deadline, zone) = reports::deadline(db, &scope).await?;
        let names = crate::store::names::districts(db, &scope).await?;
        let link = format!("/{}/reports", scope.view().slug);
        let posts = reports::posts(db, &scope).await?;
        let ids: Vec<uuid::Uuid> = posts.iter().map(|post| post.id).collect();
        let mut reports_of = reports::reports_of_posts(db, &scope, &ids, None).await?;
        for post in posts {
            let rows = reports_of.remove(&post.id).unwrap_or_default();
            let district = post.district_id.and_then(|d| names.get(&d).cloned()).unwrap_or_default();
            let by_period = reports::ByPeriod::new(&rows);
            let periods = model::report::periods(&post.schedule, post.starts_on, post.ends_on, deadline, zone, day);
            for period in periods {
                if by_period.get(&period).is_some_and(|row| row.first_submitted_at.is_some()) {
                    continue;
                }
                // The last moment it is on time, and that moment's day where the tenant is.
                let last = period.due_at - chrono::Duration::seconds(1);
                let due_day = last.with_timezone(&zone).date_naive();
                let which = match (day - due_day).num_days() {
                    -7 => ReportReminder::InAWeek,
                    0 => ReportReminder::Today,
                    1 => ReportReminder::Overdue,
                    _ => continue,
                };
                let kind = match which {
                    ReportReminder::InAWeek => Kind::ReportDueSoon,
                    ReportReminder::Today => Kind::ReportDueToday,
                    ReportReminder::Overdue => Kind::ReportOverdue,
                };
                let title = format!(
                    "{district} · {} – {}",
                    model::datetime::format_day(period.starts_on, model::Locale::De),
                    model::datetime::format_day(period.ends_on, model::Locale::De)
                );
                let params = Params { call_title: title.clone(), at: Some(last), ..Params::default() };
                let mut users = user::Entity::find()
                    .filter(user::Column::Id.is_in(post.coordinators.iter().copied()))
                    .filter(user::Column::Status.eq(STATUS_ACTIVE))
                    .all(db)
                    .await?;
                if which == ReportReminder::Overdue {
                    users.extend(holders(db, tenant.id, &["carrier"], Some(post.organisation_id)).await?);
                    users.sort_by_key(|u| u.id);
                    users.dedup_by_key(|u| u.id);
                }
                outbox
                    .tell(tenant.id, &users, Message { kind, params: &params, link: &link }, |u, url| {
                        mail::report_reminder(&u.email, &title, last, which, url)
                    })
                    .await?;
            }
        }
    }
    Ok(())
}

/// The reminders of the steering group's commissions on one day (`model::steering::commission::reminder`):
/// a week before and on the due day to the assignees, on the day after also to the project-carrier seat,
/// each only while the commission is open. Assignees are the coordinator, the project carrier's members,
/// or the youth office's administrators.
async fn commission_reminders(outbox: &Outbox<'_>, day: chrono::NaiveDate) -> Result<(), NotifyError> {
    use model::steering::commission::{Assignee, CommissionReminder, CommissionState, reminder};
    let db = outbox.db;
    let days = [day + chrono::Duration::days(7), day, day - chrono::Duration::days(1)];
    for row in crate::store::steering::open_commissions_due(db, &days).await? {
        let Some(which) = reminder(CommissionState::Open, row.due_on, day) else { continue };
        let scope = TenantScope::of_row(db, row.tenant_id).await?;
        let mut users = match crate::store::steering::assignee_of(&row)? {
            Assignee::Coordinator { user_id } => {
                user::Entity::find().filter(user::Column::Id.eq(user_id)).filter(user::Column::Status.eq(STATUS_ACTIVE)).all(db).await?
            }
            Assignee::ProjectCarrier { organisation_id } => {
                holders(db, row.tenant_id, &["carrier", "steering"], Some(organisation_id)).await?
            }
            Assignee::YouthOffice => holders(db, row.tenant_id, &["admin"], None).await?,
        };
        if which == CommissionReminder::Overdue {
            let seat = model::role::SeatType::ProjectCarrier.as_str();
            let grants = role_grant::Entity::find()
                .filter(role_grant::Column::TenantId.eq(row.tenant_id))
                .filter(role_grant::Column::Seat.eq(seat))
                .all(db)
                .await?;
            users.extend(
                user::Entity::find()
                    .filter(user::Column::Id.is_in(grants.into_iter().map(|g| g.user_id)))
                    .filter(user::Column::Status.eq(STATUS_ACTIVE))
                    .all(db)
                    .await?,
            );
            users.sort_by_key(|u| u.id);
            users.dedup_by_key(|u| u.id);
        }
        let kind = match which {
            CommissionReminder::InAWeek => Kind::CommissionDueSoon,
            CommissionReminder::Today => Kind::CommissionDueToday,
            CommissionReminder::Overdue => Kind::CommissionOverdue,
        };
        let link = format!("/{}/steering/commissions/{}", scope.view().slug, row.id);
        let at = row.due_on.and_hms_opt(12, 0, 0).map(|t| t.and_utc());
        let params = Params { call_title: row.title.clone(), at, ..Params::default() };
        outbox
            .tell(row.tenant_id, &users, Message { kind, params: &params, link: &link }, |u, url| {
                mail::commission_reminder(&u.email, &row.title, row.due_on, which, url)
            })
            .await?;
    }
    Ok(())
}

/// The user's newest messages.
pub async fn of_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Notice>, DbErr> {
    use sea_orm::{QueryOrder, QuerySelect};
    let rows = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_desc(notification::Column::CreatedAt)
        .limit(100)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(Notice {
                id: row.id,
                kind: Kind::parse(&row.kind)?,
                params: serde_json::from_str(&row.params).unwrap_or_default(),
                link: row.link,
                created_at: row.created_at,
                read: row.read_at.is_some(),
            })
        })
        .collect())
}

/// Marks all of the user's messages read.
pub async fn mark_read(db: &impl ConnectionTrait, user_id: Uuid, now: DateTime<Utc>) -> Result<(), DbErr> {
    use sea_orm::sea_query::Expr;
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(Some(now)))
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
