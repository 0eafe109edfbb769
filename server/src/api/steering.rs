//! The steering group's business over the API (issue 15): the same operations as the pages
//! (`app::steering::ops`) under the same rules. Members and the administration read meetings and the
//! register; the project-carrier seat prepares meetings and gives commissions; the minutes' writer records
//! attendance, recusals, resolutions and the minutes; commissions are read by the group and by whom they are
//! addressed to (for a coordinator: only theirs).

use super::{ApiError, Ctx, ErrorBody, actor, body, id, query};
use crate::startup::AppState;
use app::AppError;
use app::steering::ops;
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use model::Permission;
use model::policy::Access;
use model::steering::meeting::Attendance;
use model::steering::view::{
    AgendaInput, CommissionInput, CommissionSummary, CommissionView, MeetingInput, MeetingSummary, MeetingView,
    ProgressInput, ResolutionInput, ResolutionRow,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

const TENANT: &str = "The tenant's URL name, e.g. `dresden`";
const MEETING: &str = "The meeting's id";
const ITEM: &str = "The agenda item's id";
const COMMISSION: &str = "The commission's id";

/// The meetings, newest first.
#[utoipa::path(get, path = "/tenants/{tenant}/meetings", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    responses(
        (status = 200, description = "The meetings", body = [MeetingSummary]),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither a member of the steering group nor an administrator", body = ErrorBody),
    ))]
pub async fn list_meetings(
    State(state): State<AppState>,
    Ctx(context): Ctx,
) -> Result<Json<Vec<MeetingSummary>>, ApiError> {
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::meetings(&actor).await?))
}

/// Plans a meeting (the project-carrier seat).
#[utoipa::path(post, path = "/tenants/{tenant}/meetings", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    request_body = MeetingInput,
    responses(
        (status = 201, description = "The new meeting", body = MeetingView),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the project-carrier seat", body = ErrorBody),
        (status = 422, description = "Title, place or link missing or malformed", body = ErrorBody),
    ))]
pub async fn plan_meeting(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    input: Result<Json<MeetingInput>, JsonRejection>,
) -> Result<(StatusCode, Json<MeetingView>), ApiError> {
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::RunSteering)).await?;
    Ok((StatusCode::CREATED, Json(ops::create_meeting(&actor, input, Utc::now()).await?)))
}

/// One meeting: agenda with the quorum per item, attendance, minutes, resolutions, commissions.
#[utoipa::path(get, path = "/tenants/{tenant}/meetings/{meeting}", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    responses(
        (status = 200, description = "The meeting", body = MeetingView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither a member of the steering group nor an administrator", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
    ))]
pub async fn get_meeting(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<MeetingView>, ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::meeting(&actor, meeting, Utc::now()).await?))
}

/// Adds an item to the agenda (the project-carrier seat, until the minutes are approved).
#[utoipa::path(post, path = "/tenants/{tenant}/meetings/{meeting}/agenda", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    request_body = AgendaInput,
    responses(
        (status = 201, description = "The meeting with the new item", body = MeetingView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the project-carrier seat", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
        (status = 422, description = "Title missing, or the subject is not the tenant's", body = ErrorBody),
    ))]
pub async fn add_agenda_item(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<AgendaInput>, JsonRejection>,
) -> Result<(StatusCode, Json<MeetingView>), ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::RunSteering)).await?;
    Ok((StatusCode::CREATED, Json(ops::add_agenda_item(&actor, meeting, input, Utc::now()).await?)))
}

/// Invites every member by email with the agenda and an iCalendar invitation.
#[utoipa::path(post, path = "/tenants/{tenant}/meetings/{meeting}/invitation", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    responses(
        (status = 200, description = "The meeting, invited", body = MeetingView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the project-carrier seat", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
        (status = 422, description = "The meeting has begun", body = ErrorBody),
    ))]
pub async fn invite(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<MeetingView>, ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let actor = actor(&state, context, Access::Requires(Permission::RunSteering)).await?;
    Ok(Json(ops::invite(&actor, meeting, Utc::now()).await?))
}

/// A member's attendance.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct AttendanceInput {
    pub user_id: Uuid,
    pub attendance: Attendance,
}

/// Records the attendance (the minutes' writer), replacing what was recorded.
#[utoipa::path(put, path = "/tenants/{tenant}/meetings/{meeting}/attendance", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    request_body = [AttendanceInput],
    responses(
        (status = 200, description = "The meeting", body = MeetingView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not write these minutes", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
        (status = 422, description = "Someone who is not a member", body = ErrorBody),
    ))]
pub async fn put_attendance(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<Vec<AttendanceInput>>, JsonRejection>,
) -> Result<Json<MeetingView>, ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let rows = body(input)?.into_iter().map(|a| (a.user_id, a.attendance)).collect();
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::set_attendance(&actor, meeting, rows, Utc::now()).await?))
}

/// The minutes' text.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct MinutesInput {
    pub text: String,
}

/// Writes the minutes' text (the minutes' writer; corrections until approval).
#[utoipa::path(put, path = "/tenants/{tenant}/meetings/{meeting}/minutes", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    request_body = MinutesInput,
    responses(
        (status = 200, description = "The meeting", body = MeetingView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not write these minutes", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
        (status = 422, description = "Too long", body = ErrorBody),
    ))]
pub async fn put_minutes(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<MinutesInput>, JsonRejection>,
) -> Result<Json<MeetingView>, ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::save_minutes(&actor, meeting, input.text, Utc::now()).await?))
}

/// Circulates the minutes (again, after corrections).
#[utoipa::path(post, path = "/tenants/{tenant}/meetings/{meeting}/minutes/circulation", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    responses(
        (status = 200, description = "The meeting", body = MeetingView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not write these minutes", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
    ))]
pub async fn circulate(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<MeetingView>, ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::circulate(&actor, meeting, Utc::now()).await?))
}

/// The later meeting that approves minutes.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ApprovalInput {
    pub at: Uuid,
}

/// Approves circulated minutes at a later meeting; they are frozen from then on.
#[utoipa::path(post, path = "/tenants/{tenant}/meetings/{meeting}/minutes/approval", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    request_body = ApprovalInput,
    responses(
        (status = 200, description = "The meeting, its minutes approved", body = MeetingView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not write the approving meeting's minutes", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
        (status = 409, description = "Already approved", body = ErrorBody),
        (status = 422, description = "Not circulated, or the approving meeting is not later", body = ErrorBody),
    ))]
pub async fn approve(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<ApprovalInput>, JsonRejection>,
) -> Result<Json<MeetingView>, ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::approve(&actor, meeting, input.at, Utc::now()).await?))
}

/// Records which members are recused from an agenda item (they do not count for its quorum or vote).
#[utoipa::path(put, path = "/tenants/{tenant}/agenda-items/{item}/recusals", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("item" = Uuid, Path, description = ITEM)),
    request_body = [Uuid],
    responses(
        (status = 200, description = "The meeting", body = MeetingView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not write these minutes", body = ErrorBody),
        (status = 404, description = "No such item", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
        (status = 422, description = "Someone who is not a member", body = ErrorBody),
    ))]
pub async fn put_recusals(
    State(state): State<AppState>,
    Path((_tenant, item)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<Vec<Uuid>>, JsonRejection>,
) -> Result<Json<MeetingView>, ApiError> {
    let item = id(&item, "agenda item")?;
    let users = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::set_recusals(&actor, item, users, Utc::now()).await?))
}

/// Records the resolution on an agenda item, counting the vote against the item's quorum.
#[utoipa::path(put, path = "/tenants/{tenant}/agenda-items/{item}/resolution", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("item" = Uuid, Path, description = ITEM)),
    request_body = ResolutionInput,
    responses(
        (status = 200, description = "The meeting with the resolution", body = MeetingView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not write these minutes", body = ErrorBody),
        (status = 404, description = "No such item", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
        (status = 422, description = "Text missing, not quorate, or more votes than members who may vote", body = ErrorBody),
    ))]
pub async fn put_resolution(
    State(state): State<AppState>,
    Path((_tenant, item)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<ResolutionInput>, JsonRejection>,
) -> Result<Json<MeetingView>, ApiError> {
    let item = id(&item, "agenda item")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    Ok(Json(ops::record_resolution(&actor, item, input, Utc::now()).await?))
}

/// What the register may be narrowed to, and the form it comes in.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResolutionQuery {
    /// Words that must all occur in the number, the item's title or the resolution's text.
    pub q: Option<String>,
    /// `funding`, `budget`, `reports`, `strategy` or `procedure`.
    pub topic: Option<String>,
    /// The year of the meeting.
    pub year: Option<i32>,
    /// `adopted`, `rejected` or `deferred`.
    pub outcome: Option<String>,
    /// `csv`, `xlsx` or `pdf` for a file; JSON otherwise.
    pub format: Option<String>,
}

/// The resolutions register, newest first; as JSON or as a CSV, XLSX or PDF file.
#[utoipa::path(get, path = "/tenants/{tenant}/resolutions", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ResolutionQuery),
    responses(
        (status = 200, description = "The resolutions that match", body = [ResolutionRow]),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither a member of the steering group nor an administrator", body = ErrorBody),
        (status = 404, description = "Unknown file format", body = ErrorBody),
        (status = 422, description = "Unknown topic or outcome", body = ErrorBody),
    ))]
pub async fn resolutions(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    locale: Option<axum::Extension<model::Locale>>,
    params: Result<Query<ResolutionQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let params = query(params)?;
    let filter =
        app::steering::resolution_filter(params.q, params.topic.as_deref(), params.year, params.outcome.as_deref())?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    match params.format.as_deref().filter(|f| !f.is_empty()) {
        None | Some("json") => Ok(Json(ops::register(&actor, &filter).await?).into_response()),
        Some(format) => {
            let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
            register_file(&actor, &filter, format, locale).await
        }
    }
}

/// The register as a file (`csv`, `xlsx`, `pdf`), for the API and the page's downloads.
pub async fn register_file(
    actor: &app::actor::Actor,
    filter: &model::steering::view::ResolutionFilter,
    format: &str,
    locale: model::Locale,
) -> Result<Response, ApiError> {
    let form = app::steering::ops::RegisterFile::parse(format).ok_or(ApiError(AppError::NotFound))?;
    let (bytes, media_type, name) = app::steering::ops::register_file(actor, filter, form, locale, Utc::now()).await?;
    Ok(crate::uploads::file_response(&name, media_type, bytes))
}

/// Which commissions.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommissionQuery {
    /// Only open commissions.
    pub open: Option<bool>,
}

/// The commissions the caller may see: all for the group and the administration, else those addressed to
/// the caller (a coordinator's own, the project carrier's, the youth office's).
#[utoipa::path(get, path = "/tenants/{tenant}/commissions", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), CommissionQuery),
    responses(
        (status = 200, description = "The commissions, due first", body = [CommissionSummary]),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
    ))]
pub async fn list_commissions(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    params: Result<Query<CommissionQuery>, QueryRejection>,
) -> Result<Json<Vec<CommissionSummary>>, ApiError> {
    let params = query(params)?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(ops::commissions(&actor, params.open.unwrap_or(false), Utc::now()).await?))
}

/// Gives a commission (the project-carrier seat).
#[utoipa::path(post, path = "/tenants/{tenant}/commissions", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    request_body = CommissionInput,
    responses(
        (status = 201, description = "The commission", body = CommissionView),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the project-carrier seat", body = ErrorBody),
        (status = 422, description = "Title missing, unknown assignee or item, or due before today", body = ErrorBody),
    ))]
pub async fn give_commission(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    input: Result<Json<CommissionInput>, JsonRejection>,
) -> Result<(StatusCode, Json<CommissionView>), ApiError> {
    let input = body(input)?;
    let actor = actor(&state, context, Access::Requires(Permission::RunSteering)).await?;
    Ok((StatusCode::CREATED, Json(ops::give(&actor, input, Utc::now()).await?)))
}

/// One commission with its progress notes, for whoever may see it.
#[utoipa::path(get, path = "/tenants/{tenant}/commissions/{commission}", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("commission" = Uuid, Path, description = COMMISSION)),
    responses(
        (status = 200, description = "The commission", body = CommissionView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 404, description = "No such commission, or not addressed to the caller", body = ErrorBody),
    ))]
pub async fn get_commission(
    State(state): State<AppState>,
    Path((_tenant, commission)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<CommissionView>, ApiError> {
    let commission = id(&commission, "commission")?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(ops::commission(&actor, commission, Utc::now()).await?))
}

/// Reports progress on a commission and, with `close`, closes it (its assignee or the project-carrier seat).
#[utoipa::path(post, path = "/tenants/{tenant}/commissions/{commission}/progress", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("commission" = Uuid, Path, description = COMMISSION)),
    request_body = ProgressInput,
    responses(
        (status = 200, description = "The commission", body = CommissionView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Reads it but is not its assignee", body = ErrorBody),
        (status = 404, description = "No such commission, or not addressed to the caller", body = ErrorBody),
        (status = 409, description = "Already closed", body = ErrorBody),
        (status = 422, description = "Note missing", body = ErrorBody),
    ))]
pub async fn report_progress(
    State(state): State<AppState>,
    Path((_tenant, commission)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<ProgressInput>, JsonRejection>,
) -> Result<Json<CommissionView>, ApiError> {
    let commission = id(&commission, "commission")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(ops::report_progress(&actor, commission, input, Utc::now()).await?))
}

/// Attaches a paper to a meeting (the project-carrier seat, until the minutes are approved; at most 20).
#[utoipa::path(post, path = "/tenants/{tenant}/meetings/{meeting}/files", tag = "steering", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("meeting" = Uuid, Path, description = MEETING)),
    request_body(content = super::exchange::FileUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = model::file::FileRef),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the project-carrier seat", body = ErrorBody),
        (status = 404, description = "No such meeting", body = ErrorBody),
        (status = 409, description = "The minutes are approved", body = ErrorBody),
        (status = 422, description = "Refused: empty, too large, bad name, not a PDF/ODT/DOCX, or too many files", body = ErrorBody),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    Path((_tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<model::file::FileRef>), ApiError> {
    let meeting = id(&meeting, "meeting")?;
    let multipart = multipart.map_err(|rejection| AppError::BadRequest { message: rejection.body_text() })?;
    let actor = actor(&state, context, Access::Requires(Permission::RunSteering)).await?;
    let upload = crate::uploads::read_upload(multipart).await?;
    Ok((StatusCode::CREATED, Json(ops::attach(&actor, meeting, &upload.file_name, upload.bytes, Utc::now()).await?)))
}

/// A meeting's paper.
#[utoipa::path(get, path = "/tenants/{tenant}/meetings/{meeting}/files/{file}", tag = "steering", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("meeting" = Uuid, Path, description = MEETING),
        ("file" = Uuid, Path, description = "The file's id"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither a member of the steering group nor an administrator", body = ErrorBody),
        (status = 404, description = "No such file of this meeting", body = ErrorBody),
    ))]
pub async fn download(
    State(state): State<AppState>,
    Path((_tenant, meeting, file)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (meeting, file) = (id(&meeting, "meeting")?, id(&file, "file")?);
    let actor = actor(&state, context, Access::Requires(Permission::ReadSteering)).await?;
    let (row, bytes) = ops::file(&actor, meeting, file).await?;
    Ok(crate::uploads::file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}
