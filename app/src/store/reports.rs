//! Reports of the coordination posts (server only; issue 13).
//!
//! Every function takes the tenant's scope. What is due comes from `model::report::periods` over the post's
//! schedule; rows exist only for started reports. The rules (who may take which step, what a submission must
//! hold, the late rule) are asked of `model::report` by the operations that call these functions, inside one
//! transaction per request.

use super::TenantScope;
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use model::datetime::time_zone;
use model::entity::{award, post_coordinator, report, report_comment, report_version, tenant};
use model::report::{Cadence, Content, DeadlineDays, Period, PeriodKind, ReportState, Schedule, Section};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

/// A coordination post with what its reports need: running time, carrier, district and schedule.
#[derive(Debug, Clone)]
pub struct Post {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub district_id: Option<Uuid>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub schedule: Schedule,
    pub coordinators: Vec<Uuid>,
    /// Reports started under an earlier schedule may lie off this one (`awards.reports_off_schedule`).
    pub off_schedule: bool,
}

fn corrupt(what: &str, id: Uuid, detail: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("{what} of {id}: {detail}"))
}

/// What [`Post`] needs of an award row: not its funding or decision.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
struct PostRow {
    id: Uuid,
    organisation_id: Uuid,
    district_id: Option<Uuid>,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    report_cadence: String,
    final_report: bool,
    extra_report_days: String,
    reports_off_schedule: bool,
}

/// The posts of `scope` as [`PostRow`]s, oldest first, narrowed by `filter`.
async fn post_rows(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    filter: Option<sea_orm::sea_query::SimpleExpr>,
) -> Result<Vec<PostRow>, AppError> {
    use award::Column as C;
    use sea_orm::{QuerySelect, QueryTrait};
    Ok(award::Entity::find()
        .select_only()
        .columns([C::Id, C::OrganisationId, C::DistrictId, C::StartsOn, C::EndsOn, C::ReportCadence, C::FinalReport])
        .columns([C::ExtraReportDays, C::ReportsOffSchedule])
        .filter(C::TenantId.eq(scope.id()))
        .filter(C::Kind.eq("post"))
        .apply_if(filter, |query, filter| query.filter(filter))
        .order_by_asc(C::StartsOn)
        .order_by_asc(C::Id)
        .into_model::<PostRow>()
        .all(db)
        .await?)
}

/// A post's reporting schedule as stored with its award.
fn schedule_of(id: Uuid, cadence: &str, final_report: bool, extra: &str) -> Result<Schedule, AppError> {
    let cadence = Cadence::parse(cadence).ok_or_else(|| corrupt("cadence", id, cadence))?;
    let extra: Vec<NaiveDate> = serde_json::from_str(extra).map_err(|e| corrupt("extra report days", id, e))?;
    Ok(Schedule { cadence, final_report, extra })
}

/// [`schedule_of`] a whole award row.
pub(crate) fn schedule_of_award(row: &award::Model) -> Result<Schedule, AppError> {
    schedule_of(row.id, &row.report_cadence, row.final_report, &row.extra_report_days)
}

/// The tenant's deadline after a period and its time zone.
pub async fn deadline(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<(DeadlineDays, model::datetime::Tz), AppError> {
    let row = tenant::Entity::find_by_id(scope.id()).one(db).await?.ok_or(AppError::NotFound)?;
    let days = u32::try_from(row.report_deadline_days)
        .ok()
        .and_then(|days| DeadlineDays::new(days).ok())
        .ok_or_else(|| corrupt("report deadline", row.id, row.report_deadline_days))?;
    Ok((days, time_zone(&row.time_zone)))
}

/// Which posts' coordinators to read: a tenant's all (one range of `ix_post_coordinators_tenant`) or some.
enum CoordinatorsOf<'a> {
    Tenant,
    Posts(&'a [Uuid]),
}

async fn coordinators(db: &impl ConnectionTrait, scope: &TenantScope, of: CoordinatorsOf<'_>) -> Result<HashMap<Uuid, Vec<Uuid>>, AppError> {
    use post_coordinator::Column as C;
    use sea_orm::{QuerySelect, QueryTrait};
    let rows: Vec<(Uuid, Uuid)> = post_coordinator::Entity::find()
        .select_only()
        .columns([C::AwardId, C::UserId])
        .filter(C::TenantId.eq(scope.id()))
        .apply_if(match of {
            CoordinatorsOf::Tenant => None,
            CoordinatorsOf::Posts(posts) => Some(posts),
        }, |query, posts| query.filter(C::AwardId.is_in(posts.iter().copied())))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_post: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (post, user) in rows {
        by_post.entry(post).or_default().push(user);
    }
    Ok(by_post)
}

fn posts_from(rows: Vec<PostRow>, mut coordinators: HashMap<Uuid, Vec<Uuid>>) -> Result<Vec<Post>, AppError> {
    rows.into_iter()
        .map(|row| {
            Ok(Post {
                id: row.id,
                organisation_id: row.organisation_id,
                district_id: row.district_id,
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                schedule: schedule_of(row.id, &row.report_cadence, row.final_report, &row.extra_report_days)?,
                coordinators: coordinators.remove(&row.id).unwrap_or_default(),
                off_schedule: row.reports_off_schedule,
            })
        })
        .collect()
}

/// The tenant's coordination posts, oldest first.
pub async fn posts(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<Post>, AppError> {
    let rows = post_rows(db, scope, None).await?;
    posts_from(rows, coordinators(db, scope, CoordinatorsOf::Tenant).await?)
}

/// The coordination posts `user` coordinates, oldest first: all a coordinator's home page asks about, where
/// [`posts`] would read every post of a city's ten years.
pub async fn posts_of_coordinator(db: &impl ConnectionTrait, scope: &TenantScope, user: Uuid) -> Result<Vec<Post>, AppError> {
    use sea_orm::QuerySelect;
    let ids: Vec<Uuid> = post_coordinator::Entity::find()
        .select_only()
        .column(post_coordinator::Column::AwardId)
        .filter(post_coordinator::Column::TenantId.eq(scope.id()))
        .filter(post_coordinator::Column::UserId.eq(user))
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = post_rows(db, scope, Some(award::Column::Id.is_in(ids.iter().copied()))).await?;
    posts_from(rows, coordinators(db, scope, CoordinatorsOf::Posts(&ids)).await?)
}

/// One coordination post of the tenant.
pub async fn post(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<Post, AppError> {
    let rows = post_rows(db, scope, Some(award::Column::Id.eq(id))).await?;
    if rows.is_empty() {
        return Err(AppError::NotFound);
    }
    posts_from(rows, coordinators(db, scope, CoordinatorsOf::Posts(&[id])).await?)?.pop().ok_or(AppError::NotFound)
}

/// Assigns a coordinator to a post (nothing happens when they are assigned already).
pub async fn assign(db: &impl ConnectionTrait, scope: &TenantScope, post: Uuid, user: Uuid, at: DateTime<Utc>) -> Result<(), AppError> {
    let row = post_coordinator::ActiveModel {
        tenant_id: Set(scope.id()),
        award_id: Set(post),
        user_id: Set(user),
        assigned_at: Set(at),
    };
    post_coordinator::Entity::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::columns([post_coordinator::Column::AwardId, post_coordinator::Column::UserId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The started reports of a post.
pub async fn reports_of(db: &impl ConnectionTrait, scope: &TenantScope, post: Uuid) -> Result<Vec<report::Model>, AppError> {
    Ok(report::Entity::find()
        .filter(report::Column::TenantId.eq(scope.id()))
        .filter(report::Column::AwardId.eq(post))
        .order_by_asc(report::Column::PeriodEnd)
        .all(db)
        .await?)
}

/// What lists, home pages and reminders need of a started report: its period and where it stands, not its
/// text or who saved and reviewed it. Read from the covering index `ix_reports_list` (migration 19), so
/// ten years of a city's reports never touch the table's rows.
#[derive(Debug, Clone, PartialEq, Eq, sea_orm::FromQueryResult)]
pub struct ReportHead {
    pub id: Uuid,
    pub award_id: Uuid,
    pub period_kind: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub due_at: DateTime<Utc>,
    pub state: String,
    pub first_submitted_at: Option<DateTime<Utc>>,
    pub late: bool,
}

impl From<&report::Model> for ReportHead {
    fn from(row: &report::Model) -> Self {
        ReportHead {
            id: row.id,
            award_id: row.award_id,
            period_kind: row.period_kind.clone(),
            period_start: row.period_start,
            period_end: row.period_end,
            due_at: row.due_at,
            state: row.state.clone(),
            first_submitted_at: row.first_submitted_at,
            late: row.late,
        }
    }
}

impl ReportHead {
    pub fn state(&self) -> Result<ReportState, AppError> {
        ReportState::parse(&self.state).ok_or_else(|| corrupt("state", self.id, &self.state))
    }

    pub fn period(&self) -> Result<Period, AppError> {
        Ok(Period {
            kind: PeriodKind::parse(&self.period_kind).ok_or_else(|| corrupt("period kind", self.id, &self.period_kind))?,
            starts_on: self.period_start,
            ends_on: self.period_end,
            due_at: self.due_at,
        })
    }
}

/// The started reports of several posts at once as [`ReportHead`]s, each post's in period order: one query
/// per 500 posts, whatever the number of reports (the list, the dashboard and the committee report read
/// every post's). With `starting`, only the reports whose period starts within those days (first and last).
pub async fn reports_of_posts(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    posts: &[Uuid],
    starting: Option<(NaiveDate, NaiveDate)>,
) -> Result<HashMap<Uuid, Vec<ReportHead>>, AppError> {
    let mut by_post: HashMap<Uuid, Vec<ReportHead>> = HashMap::new();
    for slice in posts.chunks(500) {
        for row in heads_query(scope, slice, starting).into_model::<ReportHead>().all(db).await? {
            by_post.entry(row.award_id).or_default().push(row);
        }
    }
    Ok(by_post)
}

/// The tenant's reports as [`ReportHead`]s: the columns of the covering indexes `ix_reports_list` and
/// `ix_reports_state_list`, never the texts.
fn heads(scope: &TenantScope) -> sea_orm::Select<report::Entity> {
    use report::Column as C;
    use sea_orm::QuerySelect;
    report::Entity::find()
        .select_only()
        .columns([C::Id, C::AwardId, C::PeriodKind, C::PeriodStart, C::PeriodEnd, C::DueAt, C::State])
        .columns([C::FirstSubmittedAt, C::Late])
        .filter(C::TenantId.eq(scope.id()))
}

/// The query of [`reports_of_posts`] for up to 500 posts: only the columns of `ix_reports_list`, in its
/// order (public so that a test can hold the database to the index).
pub fn heads_query(
    scope: &TenantScope,
    posts: &[Uuid],
    starting: Option<(NaiveDate, NaiveDate)>,
) -> sea_orm::Select<report::Entity> {
    use report::Column as C;
    use sea_orm::QueryTrait;
    heads(scope)
        .filter(C::AwardId.is_in(posts.iter().copied()))
        .apply_if(starting, |query, (first, last)| query.filter(C::PeriodStart.between(first, last)))
        .order_by_asc(C::AwardId)
        .order_by_asc(C::PeriodEnd)
}

/// The tenant's reports in any of `states` as [`ReportHead`]s (by the covering `ix_reports_state_list`): the running
/// work, which the report list shows in full while it reads the rest a page at a time.
pub async fn reports_in_states(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    states: &[ReportState],
) -> Result<Vec<ReportHead>, AppError> {
    Ok(states_query(scope, states).into_model::<ReportHead>()
        .all(db)
        .await?)
}

/// The query of [`reports_in_states`] (public so that a test can hold the database to its index).
pub fn states_query(scope: &TenantScope, states: &[ReportState]) -> sea_orm::Select<report::Entity> {
    heads(scope).filter(report::Column::State.is_in(states.iter().map(|state| state.as_str())))
}

/// How many of the tenant's reports are in `state` (by the database; `ix_reports_state_list`).
pub async fn count_in_state(db: &impl ConnectionTrait, scope: &TenantScope, state: ReportState) -> Result<u32, AppError> {
    use sea_orm::QuerySelect;
    let count: Option<i64> = report::Entity::find()
        .select_only()
        .column_as(sea_orm::sea_query::Expr::cust("COUNT(*)"), "n")
        .filter(report::Column::TenantId.eq(scope.id()))
        .filter(report::Column::State.eq(state.as_str()))
        .into_tuple()
        .one(db)
        .await?;
    Ok(u32::try_from(count.unwrap_or(0)).unwrap_or(u32::MAX))
}

/// The started report of a post's period, if any.
pub async fn report_for(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    post: Uuid,
    period: &Period,
) -> Result<Option<report::Model>, AppError> {
    Ok(report::Entity::find()
        .filter(report::Column::TenantId.eq(scope.id()))
        .filter(report::Column::AwardId.eq(post))
        .filter(report::Column::PeriodKind.eq(period.kind.as_str()))
        .filter(report::Column::PeriodStart.eq(period.starts_on))
        .filter(report::Column::PeriodEnd.eq(period.ends_on))
        .one(db)
        .await?)
}

/// A post's started reports found by their period (kind, first and last day), so matching a schedule of
/// ten years against its reports is one lookup per period rather than a scan of every report.
pub struct ByPeriod<'a>(HashMap<(&'a str, NaiveDate, NaiveDate), &'a ReportHead>);

impl<'a> ByPeriod<'a> {
    pub fn new(rows: &'a [ReportHead]) -> Self {
        ByPeriod(rows.iter().map(|row| ((row.period_kind.as_str(), row.period_start, row.period_end), row)).collect())
    }

    /// The started report of `period`, if any.
    pub fn get(&self, period: &Period) -> Option<&'a ReportHead> {
        self.0.get(&(period.kind.as_str(), period.starts_on, period.ends_on)).copied()
    }
}

/// A started report by id.
pub async fn report(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<report::Model, AppError> {
    report::Entity::find_by_id(id).filter(report::Column::TenantId.eq(scope.id())).one(db).await?.ok_or(AppError::NotFound)
}

pub fn content_of(json: &str, id: Uuid) -> Result<Content, AppError> {
    serde_json::from_str(json).map_err(|e| corrupt("content", id, e))
}

fn json(content: &Content) -> Result<String, AppError> {
    serde_json::to_string(content).map_err(AppError::internal)
}

/// Saves the working text of a post's report for `period`, starting the report if needed. The caller has
/// asked `model::report::step`; `state` is what it answered.
#[allow(clippy::too_many_arguments)]
pub async fn save(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    post: Uuid,
    period: &Period,
    content: &Content,
    state: ReportState,
    user: Uuid,
    at: DateTime<Utc>,
) -> Result<report::Model, AppError> {
    match report_for(db, scope, post, period).await? {
        Some(row) => {
            let mut active = row.into_active_model();
            active.content = Set(json(content)?);
            active.state = Set(state.as_str().to_owned());
            active.saved_at = Set(at);
            active.saved_by = Set(user);
            Ok(active.update(db).await?)
        }
        None => {
            let row = report::ActiveModel {
                id: Set(Uuid::new_v4()),
                tenant_id: Set(scope.id()),
                award_id: Set(post),
                period_kind: Set(period.kind.as_str().to_owned()),
                period_start: Set(period.starts_on),
                period_end: Set(period.ends_on),
                due_at: Set(period.due_at),
                state: Set(state.as_str().to_owned()),
                content: Set(json(content)?),
                saved_at: Set(at),
                saved_by: Set(user),
                first_submitted_at: Set(None),
                late: Set(false),
                reviewed_by: Set(None),
                reviewed_at: Set(None),
            };
            Ok(row.insert(db).await?)
        }
    }
}

/// The submitted versions of a report, oldest first.
pub async fn versions(db: &impl ConnectionTrait, scope: &TenantScope, report: Uuid) -> Result<Vec<report_version::Model>, AppError> {
    Ok(report_version::Entity::find()
        .filter(report_version::Column::TenantId.eq(scope.id()))
        .filter(report_version::Column::ReportId.eq(report))
        .order_by_asc(report_version::Column::Number)
        .all(db)
        .await?)
}

/// Submits the report's working text as its next version. The first submission decides whether it was late.
pub async fn submit(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    row: report::Model,
    period: &Period,
    user: Uuid,
    at: DateTime<Utc>,
) -> Result<report::Model, AppError> {
    let number = versions(db, scope, row.id).await?.last().map_or(1, |v| v.number + 1);
    let figures = serde_json::to_string(&content_of(&row.content, row.id)?.figures).map_err(AppError::internal)?;
    report_version::Entity::insert(report_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        report_id: Set(row.id),
        number: Set(number),
        content: Set(row.content.clone()),
        figures: Set(figures),
        submitted_by: Set(user),
        submitted_at: Set(at),
    })
    .exec_without_returning(db)
    .await?;
    let first = row.first_submitted_at.is_none();
    let mut active = row.into_active_model();
    active.state = Set(ReportState::Submitted.as_str().to_owned());
    if first {
        active.first_submitted_at = Set(Some(at));
        active.late = Set(period.is_late(at));
    }
    active.reviewed_by = Set(None);
    active.reviewed_at = Set(None);
    Ok(active.update(db).await?)
}

/// Records a review: the comments on the latest version and the new state.
pub async fn review(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    row: report::Model,
    state: ReportState,
    comments: &[(Option<Section>, String)],
    user: Uuid,
    at: DateTime<Utc>,
) -> Result<report::Model, AppError> {
    let version = versions(db, scope, row.id).await?.last().map(|v| v.number).ok_or(AppError::NotFound)?;
    for (section, body) in comments {
        report_comment::Entity::insert(report_comment::ActiveModel {
            id: Set(Uuid::new_v4()),
            tenant_id: Set(scope.id()),
            report_id: Set(row.id),
            version_number: Set(version),
            section: Set(section.map(|s| s.as_str().to_owned())),
            body: Set(body.clone()),
            author_id: Set(user),
            created_at: Set(at),
        })
        .exec_without_returning(db)
        .await?;
    }
    let mut active = row.into_active_model();
    active.state = Set(state.as_str().to_owned());
    active.reviewed_by = Set(Some(user));
    active.reviewed_at = Set(Some(at));
    Ok(active.update(db).await?)
}

/// The comments on a report, oldest first.
pub async fn comments(db: &impl ConnectionTrait, scope: &TenantScope, report: Uuid) -> Result<Vec<report_comment::Model>, AppError> {
    Ok(report_comment::Entity::find()
        .filter(report_comment::Column::TenantId.eq(scope.id()))
        .filter(report_comment::Column::ReportId.eq(report))
        .order_by_asc(report_comment::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The content of the post's most recently submitted version, to start the next report from.
pub async fn latest_submitted(db: &impl ConnectionTrait, scope: &TenantScope, post: Uuid) -> Result<Option<Content>, AppError> {
    let reports: Vec<Uuid> = reports_of(db, scope, post).await?.into_iter().map(|r| r.id).collect();
    let latest = report_version::Entity::find()
        .filter(report_version::Column::TenantId.eq(scope.id()))
        .filter(report_version::Column::ReportId.is_in(reports))
        .order_by_desc(report_version::Column::SubmittedAt)
        .one(db)
        .await?;
    latest.map(|v| content_of(&v.content, v.report_id)).transpose()
}

/// The figures of each report's latest submitted version, for the reports in `ids` that have one. Read from
/// each version's `figures` alone (migration 21's index holds them), not from its text: the committee report
/// adds up a city's ten years of reports.
pub async fn latest_figures(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, model::report::Figures>, AppError> {
    let mut latest = HashMap::with_capacity(ids.len());
    // In slices, so no database meets more bound parameters than it takes.
    for slice in ids.chunks(500) {
        let versions: Vec<(Uuid, String)> = figures_query(scope, slice).into_tuple().all(db).await?;
        // Ascending by number within each report, so the last one kept per report is its latest.
        for (report_id, figures) in versions {
            let figures = serde_json::from_str(&figures).map_err(|e| corrupt("figures", report_id, e))?;
            latest.insert(report_id, figures);
        }
    }
    Ok(latest)
}

/// The statement of [`latest_figures`] for some reports: every version's report and figures, by report and
/// number, which the index `ix_report_versions_figures` holds in that order.
pub fn figures_query(scope: &TenantScope, reports: &[Uuid]) -> sea_orm::Select<report_version::Entity> {
    use sea_orm::QuerySelect;
    report_version::Entity::find()
        .select_only()
        .column(report_version::Column::ReportId)
        .column(report_version::Column::Figures)
        .filter(report_version::Column::TenantId.eq(scope.id()))
        .filter(report_version::Column::ReportId.is_in(reports.iter().copied()))
        .order_by_asc(report_version::Column::ReportId)
        .order_by_asc(report_version::Column::Number)
}

/// Changes a post's reporting schedule (checked by the caller against its running time); `off_schedule`
/// says whether any of its started reports lies off the new schedule.
pub async fn set_schedule(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    post: Uuid,
    schedule: &Schedule,
    off_schedule: bool,
) -> Result<(), AppError> {
    use sea_orm::sea_query::Expr;
    let extra = serde_json::to_string(&schedule.extra).map_err(AppError::internal)?;
    let updated = award::Entity::update_many()
        .col_expr(award::Column::ReportCadence, Expr::value(schedule.cadence.as_str()))
        .col_expr(award::Column::FinalReport, Expr::value(schedule.final_report))
        .col_expr(award::Column::ExtraReportDays, Expr::value(extra))
        .col_expr(award::Column::ReportsOffSchedule, Expr::value(off_schedule))
        .filter(award::Column::TenantId.eq(scope.id()))
        .filter(award::Column::Id.eq(post))
        .filter(award::Column::Kind.eq("post"))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
