//! The posts' reports over the API: the same operations as the workspace (`app::reports::ops`), with the same
//! rules — a coordinator sees and writes only the reports of the posts assigned to them, readers see only what
//! was submitted, a return needs a comment.

use super::paging::Paging;
use super::{ApiError, Ctx, ErrorBody, actor, body, id};
use crate::startup::AppState;
use app::AppError;
use app::reports::ops;
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::Utc;
use model::policy::{Access, Permission};
use model::report::{Content, ReportSummary, ReportView, ReviewInput, StartInput};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

const TENANT: &str = "The tenant's URL name, e.g. `dresden`";
const REPORT: &str = "The report's id";

/// What the list of reports may be narrowed to.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// Only this post's reports.
    pub post: Option<uuid::Uuid>,
    /// Only reports whose period starts in this calendar quarter, e.g. `2026-Q3`.
    pub quarter: Option<String>,
    /// Only reports in this state: `not_started`, `draft`, `submitted`, `returned` or `accepted`.
    pub state: Option<String>,
    /// The page, from 1: the list comes in pages (see the `Link` and `X-Total-Count` headers).
    pub page: Option<u64>,
    /// Reports a page, 1 to 500; 100 if not given.
    pub per_page: Option<u64>,
}

/// The year an overview is narrowed to.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// A calendar year, e.g. `2026`; without it, all years (compliance) or the latest year with figures.
    pub year: Option<i32>,
}

/// The coordinator to assign.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Assignment {
    pub user_id: uuid::Uuid,
}

/// The reports the caller may know of, newest due first: for a coordinator every period of the posts
/// assigned to them (started or not); for the steering group and the administration every post's, for a
/// carrier its own posts', for a district contact its districts' — each with only what was submitted. In
/// pages of 100 (`per_page` up to 500): `X-Total-Count` says how many there are, `Link` names the next,
/// previous, first and last page.
#[utoipa::path(get, path = "/tenants/{tenant}/reports", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ReportQuery),
    responses(
        (status = 200, description = "A page of the reports with post, district, period, due date, state and late flag",
            body = [ReportSummary],
            headers(
                ("x-total-count" = u64, description = "How many reports the list has in all"),
                ("link" = String, description = "The next, previous, first and last page (RFC 8288)"),
            )),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 422, description = "Unknown quarter or state, or a page below 1 or of more than 500", body = ErrorBody),
    ))]
pub async fn list_reports(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    OriginalUri(uri): OriginalUri,
    query: Result<Query<ReportQuery>, QueryRejection>,
) -> Result<(HeaderMap, Json<Vec<ReportSummary>>), ApiError> {
    let Query(query) = query.map_err(|rejection| ApiError(AppError::BadRequest { message: rejection.body_text() }))?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    let paging = Paging::new(query.page, query.per_page)?;
    let filter = ops::Filter { post: query.post, quarter: query.quarter, state: query.state, year: None };
    // Checked by the listing (a malformed quarter or state is refused there), so safe in a link.
    let kept: Vec<(&str, String)> = [
        ("post", filter.post.map(|post| post.to_string())),
        ("quarter", filter.quarter.clone()),
        ("state", filter.state.clone()),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value?)))
    .collect();
    let page = ops::list_page(&actor, filter, paging.page, paging.per_page, Utc::now()).await?;
    Ok((paging.headers(uri.path(), &kept, page.total), Json(page.reports)))
}

/// Starts the report of one of a post's due periods (a coordinator of the post), empty or from the post's
/// latest submitted report; starting one that exists returns it.
#[utoipa::path(post, path = "/tenants/{tenant}/reports", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    request_body = StartInput,
    responses(
        (status = 201, description = "The report", body = ReportView),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a coordinator", body = ErrorBody),
        (status = 404, description = "No such post of the caller, or no such due period", body = ErrorBody),
    ))]
pub async fn start_report(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    input: Result<Json<StartInput>, JsonRejection>,
) -> Result<(StatusCode, Json<ReportView>), ApiError> {
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::FileReports)).await?;
    Ok((StatusCode::CREATED, Json(ops::start(&actor, input, Utc::now()).await?)))
}

/// One report: for a coordinator of the post the working text, for readers the latest submitted version;
/// the submitted versions with what changed, and the review's comments.
#[utoipa::path(get, path = "/tenants/{tenant}/reports/{report}", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("report" = uuid::Uuid, Path, description = REPORT)),
    responses(
        (status = 200, description = "The report", body = ReportView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 404, description = "No such report the caller may read", body = ErrorBody),
    ))]
pub async fn get_report(
    State(state): State<AppState>,
    Path((_tenant, report)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<ReportView>, ApiError> {
    let report = id(&report, "report")?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(ops::get(&actor, report, Utc::now()).await?))
}

/// Saves the working text: the five points of the work order, the network partners and the figures (a
/// coordinator of the post, while the report is a draft or returned).
#[utoipa::path(put, path = "/tenants/{tenant}/reports/{report}/draft", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("report" = uuid::Uuid, Path, description = REPORT)),
    request_body = Content,
    responses(
        (status = 200, description = "Saved", body = ReportView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a coordinator of the post", body = ErrorBody),
        (status = 404, description = "No such report the caller may read", body = ErrorBody),
        (status = 409, description = "Submitted and waiting for review, or accepted", body = ErrorBody),
        (status = 422, description = "A section too long, a partner without name or field, hours not in quarter hours", body = ErrorBody),
    ))]
pub async fn save_report_draft(
    State(state): State<AppState>,
    Path((_tenant, report)): Path<(String, String)>,
    Ctx(context): Ctx,
    content: Result<Json<Content>, JsonRejection>,
) -> Result<Json<ReportView>, ApiError> {
    let report = id(&report, "report")?;
    let content = body(content)?;
    let actor = actor(&state, context, Access::Requires(Permission::FileReports)).await?;
    Ok(Json(ops::save_draft(&actor, report, content, Utc::now()).await?))
}

/// Submits the working text as the report's next version (a coordinator of the post). Every point of the
/// work order must be answered. Submitted after the due date, the report is marked late.
#[utoipa::path(post, path = "/tenants/{tenant}/reports/{report}/submission", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("report" = uuid::Uuid, Path, description = REPORT)),
    responses(
        (status = 201, description = "Submitted", body = ReportView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a coordinator of the post", body = ErrorBody),
        (status = 404, description = "No such report the caller may read", body = ErrorBody),
        (status = 409, description = "Submitted and waiting for review, or accepted", body = ErrorBody),
        (status = 422, description = "A point of the work order is not answered", body = ErrorBody),
    ))]
pub async fn submit_report(
    State(state): State<AppState>,
    Path((_tenant, report)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<(StatusCode, Json<ReportView>), ApiError> {
    let report = id(&report, "report")?;
    let actor = actor(&state, context, Access::Requires(Permission::FileReports)).await?;
    Ok((StatusCode::CREATED, Json(ops::submit(&actor, report, Utc::now()).await?)))
}

/// Accepts a submitted report, or returns it with comments per section (steering group, administration).
#[utoipa::path(post, path = "/tenants/{tenant}/reports/{report}/review", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("report" = uuid::Uuid, Path, description = REPORT)),
    request_body = ReviewInput,
    responses(
        (status = 200, description = "Reviewed", body = ReportView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither steering group nor administration", body = ErrorBody),
        (status = 404, description = "No such submitted report", body = ErrorBody),
        (status = 409, description = "Not waiting for review", body = ErrorBody),
        (status = 422, description = "A return without a comment, or an empty or too long comment", body = ErrorBody),
    ))]
pub async fn review_report(
    State(state): State<AppState>,
    Path((_tenant, report)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<ReviewInput>, JsonRejection>,
) -> Result<Json<ReportView>, ApiError> {
    let report = id(&report, "report")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReviewReports)).await?;
    Ok(Json(ops::review(&actor, report, input, Utc::now()).await?))
}

/// Assigns a coordinator (an account with the coordinator role) to a post (administration).
#[utoipa::path(post, path = "/tenants/{tenant}/posts/{post}/coordinators", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("post" = uuid::Uuid, Path, description = "The post's id")),
    request_body = Assignment,
    responses(
        (status = 204, description = "Assigned"),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the administration", body = ErrorBody),
        (status = 404, description = "No such post or user", body = ErrorBody),
        (status = 422, description = "The user is not a coordinator", body = ErrorBody),
    ))]
pub async fn assign_coordinator(
    State(state): State<AppState>,
    Path((_tenant, post)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<Assignment>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let post = id(&post, "post")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::ManageUsers)).await?;
    ops::assign(&actor, post, input.user_id, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn year_query(query: Result<Query<YearQuery>, QueryRejection>) -> Result<Option<i32>, ApiError> {
    let Query(query) = query.map_err(|rejection| ApiError(AppError::BadRequest { message: rejection.body_text() }))?;
    Ok(query.year)
}

/// Whether the posts the caller may read report on time: every period of the year (or of all years) with
/// its standing — `on_time`, `late`, `missing`, `returned` or `pending` (not due yet) — counted in total and
/// per quarter. A reader learns nothing of drafts: a report never submitted is `missing` once due.
#[utoipa::path(get, path = "/tenants/{tenant}/compliance", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), YearQuery),
    responses(
        (status = 200, description = "The overview", body = model::report::compliance::ComplianceView),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 422, description = "A year outside 2000–2200", body = ErrorBody),
    ))]
pub async fn compliance(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    query: Result<Query<YearQuery>, QueryRejection>,
) -> Result<Json<model::report::compliance::ComplianceView>, ApiError> {
    let year = year_query(query)?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(ops::compliance(&actor, year, Utc::now()).await?))
}

/// The figures of the submitted reports the caller may read (each report's latest submitted version), added
/// up per year with the change against the year before, and for the year (the latest by default) per
/// district and quarter. Network partners are a level (each post's latest value), the rest are sums.
#[utoipa::path(get, path = "/tenants/{tenant}/report-figures", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), YearQuery),
    responses(
        (status = 200, description = "The totals", body = model::report::totals::FiguresView),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 422, description = "A year outside 2000–2200", body = ErrorBody),
    ))]
pub async fn figures(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    query: Result<Query<YearQuery>, QueryRejection>,
) -> Result<Json<model::report::totals::FiguresView>, ApiError> {
    let year = year_query(query)?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(ops::figures(&actor, year, Utc::now()).await?))
}

/// Attaches a file (multipart field `file`: PDF, ODT or DOCX) to a report its coordinator may still change.
#[utoipa::path(post, path = "/tenants/{tenant}/reports/{report}/files", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("report" = uuid::Uuid, Path, description = REPORT)),
    request_body(content = crate::api::exchange::FileUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = model::file::FileRef),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a coordinator", body = ErrorBody),
        (status = 404, description = "No such report of the caller's posts", body = ErrorBody),
        (status = 409, description = "Submitted or accepted: no changes", body = ErrorBody),
        (status = 422, description = "Refused: empty, too large, bad name, not a PDF/ODT/DOCX, or too many files", body = ErrorBody),
    ))]
pub async fn upload_file(
    State(state): State<AppState>,
    Path((_tenant, report)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<model::file::FileRef>), ApiError> {
    let report = id(&report, "report")?;
    let multipart = multipart.map_err(|rejection| AppError::BadRequest { message: rejection.body_text() })?;
    let actor = actor(&state, context, Access::Requires(Permission::FileReports)).await?;
    let upload = crate::uploads::read_upload(multipart).await?;
    Ok((StatusCode::CREATED, Json(ops::attach(&actor, report, &upload.file_name, upload.bytes, Utc::now()).await?)))
}

/// A report's file, for whoever may read the report (readers: the files of the latest submission).
#[utoipa::path(get, path = "/tenants/{tenant}/reports/{report}/files/{file}", tag = "reports", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("report" = uuid::Uuid, Path, description = REPORT),
        ("file" = uuid::Uuid, Path, description = "The file's id"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 404, description = "No such file the caller may read", body = ErrorBody),
    ))]
pub async fn download_file(
    State(state): State<AppState>,
    Path((_tenant, report, file)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<axum::response::Response, ApiError> {
    let (report, file) = (id(&report, "report")?, id(&file, "file")?);
    let actor = actor(&state, context, Access::SignedIn).await?;
    let (row, bytes) = ops::file(&actor, report, file, Utc::now()).await?;
    Ok(crate::uploads::file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}

/// Removes a file attached since the report was last submitted (what a submitted version went out with
/// stays).
#[utoipa::path(delete, path = "/tenants/{tenant}/reports/{report}/files/{file}", tag = "reports", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("report" = uuid::Uuid, Path, description = REPORT),
        ("file" = uuid::Uuid, Path, description = "The file's id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a coordinator", body = ErrorBody),
        (status = 404, description = "No such file of the caller's reports", body = ErrorBody),
        (status = 409, description = "The file went out with a submission, or the report is submitted", body = ErrorBody),
    ))]
pub async fn remove_file(
    State(state): State<AppState>,
    Path((_tenant, report, file)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<StatusCode, ApiError> {
    let (report, file) = (id(&report, "report")?, id(&file, "file")?);
    let actor = actor(&state, context, Access::Requires(Permission::FileReports)).await?;
    ops::remove_file(&actor, report, file, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Changes when a post reports (administration): `cadence` (`monthly`, `quarterly`, `half_yearly`, `yearly`),
/// `final_report` (only for posts with an end) and `extra` days within the running time. What is due follows
/// at once; reports already started keep their periods.
#[utoipa::path(put, path = "/tenants/{tenant}/posts/{post}/schedule", tag = "reports", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("post" = uuid::Uuid, Path, description = "The post's id")),
    request_body = model::report::Schedule,
    responses(
        (status = 204, description = "Changed"),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the administration", body = ErrorBody),
        (status = 404, description = "No such post", body = ErrorBody),
        (status = 422, description = "A final report without an end, or extra days outside the running time", body = ErrorBody),
    ))]
pub async fn set_schedule(
    State(state): State<AppState>,
    Path((_tenant, post)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<model::report::Schedule>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let post = id(&post, "post")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::ManageCalls)).await?;
    ops::set_schedule(&actor, post, input, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
