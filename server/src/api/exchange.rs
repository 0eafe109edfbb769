//! The exchange space over the API: the same operations as the pages (`app::exchange::ops`), with the same
//! rule — coordinators, the steering group, the administration and the steering module's carrier take part;
//! everyone else gets 403 and nothing else.

use super::{ApiError, Ctx, ErrorBody, actor, body, id};
use crate::startup::AppState;
use app::AppError;
use app::exchange::ops;
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use model::exchange::{ReplyInput, ThreadFilter, ThreadInput, ThreadPage, ThreadView};
use model::file::FileRef;
use model::policy::Access;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

const TENANT: &str = "The tenant's URL name, e.g. `dresden`";
const POST: &str = "The post's id (a thread is its opening post)";

/// What the list of threads may be narrowed to.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExchangeQuery {
    /// Words that must all occur in the thread's title, its text or a reply.
    pub q: Option<String>,
    /// `meeting_notes`, `method`, `invitation`, `experience` or `question`.
    pub topic: Option<String>,
    /// Only threads about this district.
    pub district: Option<Uuid>,
    /// Only threads with this tag.
    pub tag: Option<String>,
    /// The page, from 1 (50 threads each).
    pub page: Option<u64>,
}

/// The threads that match, most recently active first, one page at a time.
#[utoipa::path(get, path = "/tenants/{tenant}/exchange", tag = "exchange", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ExchangeQuery),
    responses(
        (status = 200, description = "One page of threads", body = ThreadPage),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not take part in the exchange", body = ErrorBody),
        (status = 422, description = "Unknown topic", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    query: Result<Query<ExchangeQuery>, QueryRejection>,
) -> Result<Json<ThreadPage>, ApiError> {
    let query = super::query(query)?;
    let topic = ops::topic_filter(query.topic.as_deref())?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    let filter = ThreadFilter {
        query: query.q.filter(|q| !q.trim().is_empty()),
        topic,
        district_id: query.district,
        tag: query.tag.filter(|t| !t.trim().is_empty()),
        page: query.page.unwrap_or(1),
    };
    Ok(Json(ops::list(&actor, filter, Utc::now()).await?))
}

/// Opens a thread.
#[utoipa::path(post, path = "/tenants/{tenant}/exchange", tag = "exchange", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    request_body = ThreadInput,
    responses(
        (status = 201, description = "The new thread", body = ThreadView),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not take part in the exchange", body = ErrorBody),
        (status = 422, description = "Title or text missing or too long, bad tags, or an unknown district", body = ErrorBody),
    ))]
pub async fn open(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    input: Result<Json<ThreadInput>, JsonRejection>,
) -> Result<(StatusCode, Json<ThreadView>), ApiError> {
    let input = body(input)?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok((StatusCode::CREATED, Json(ops::open(&actor, input, Utc::now()).await?)))
}

/// One thread with its replies and files.
#[utoipa::path(get, path = "/tenants/{tenant}/exchange/{post}", tag = "exchange", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("post" = Uuid, Path, description = POST)),
    responses(
        (status = 200, description = "The thread", body = ThreadView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not take part in the exchange", body = ErrorBody),
        (status = 404, description = "No such thread", body = ErrorBody),
    ))]
pub async fn get_thread(
    State(state): State<AppState>,
    Path((_tenant, post)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<ThreadView>, ApiError> {
    let post = id(&post, "post")?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(ops::get(&actor, post, Utc::now()).await?))
}

/// Replies to a thread.
#[utoipa::path(post, path = "/tenants/{tenant}/exchange/{post}/replies", tag = "exchange", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("post" = Uuid, Path, description = POST)),
    request_body = ReplyInput,
    responses(
        (status = 201, description = "The thread with the reply", body = ThreadView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not take part in the exchange", body = ErrorBody),
        (status = 404, description = "No such thread", body = ErrorBody),
        (status = 422, description = "Text missing or too long", body = ErrorBody),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    Path((_tenant, post)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<ReplyInput>, JsonRejection>,
) -> Result<(StatusCode, Json<ThreadView>), ApiError> {
    let post = id(&post, "post")?;
    let input = body(input)?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok((StatusCode::CREATED, Json(ops::reply(&actor, post, input, Utc::now()).await?)))
}

/// A file to attach (multipart field `file`).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct FileUpload {
    /// The document (PDF, ODT or DOCX, checked by content).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Attaches a file to one of the caller's own posts (at most 20 per post).
#[utoipa::path(post, path = "/tenants/{tenant}/exchange/{post}/files", tag = "exchange", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("post" = Uuid, Path, description = POST)),
    request_body(content = FileUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = FileRef),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the post's author, or not taking part", body = ErrorBody),
        (status = 404, description = "No such post", body = ErrorBody),
        (status = 422, description = "Refused: empty, too large, bad name, not a PDF/ODT/DOCX, or too many files", body = ErrorBody),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    Path((_tenant, post)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<FileRef>), ApiError> {
    let post = id(&post, "post")?;
    let multipart = multipart.map_err(|rejection| AppError::BadRequest { message: rejection.body_text() })?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    let upload = crate::uploads::read_upload(multipart).await?;
    let (stored, _) = ops::attach(&actor, post, &upload.file_name, upload.bytes, Utc::now()).await?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// A post's file.
#[utoipa::path(get, path = "/tenants/{tenant}/exchange/{post}/files/{file}", tag = "exchange", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("post" = Uuid, Path, description = POST),
        ("file" = Uuid, Path, description = "The file's id"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Does not take part in the exchange", body = ErrorBody),
        (status = 404, description = "No such file of this post", body = ErrorBody),
    ))]
pub async fn download(
    State(state): State<AppState>,
    Path((_tenant, post, file)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (post, file) = (id(&post, "post")?, id(&file, "file")?);
    let actor = actor(&state, context, Access::SignedIn).await?;
    let (row, bytes) = ops::file(&actor, post, file, Utc::now()).await?;
    Ok(crate::uploads::file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}
