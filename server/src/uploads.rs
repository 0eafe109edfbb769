//! Files of bids over plain HTTP: the upload form's target (multipart, works without JavaScript), attachment
//! downloads and the per-lot archive. The handlers only translate HTTP; every check (who, when, what file)
//! is in `app::bids::ops` and `app::archive`, the same code the API uses.

use crate::api::{ApiError, Ctx};
use crate::startup::AppState;
use app::AppError;
use app::actor::Actor;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use model::policy::{Access, Permission};
use uuid::Uuid;

/// What the upload form (or an API client) sent: the file and, for a file question, which one; the exchange's
/// form names its thread, to go back to.
pub struct Upload {
    pub question: Option<Uuid>,
    pub thread: Option<Uuid>,
    pub file_name: String,
    pub bytes: bytes::Bytes,
}

/// Reads the multipart body.
pub async fn read_upload(mut multipart: Multipart) -> Result<Upload, AppError> {
    use app::InvalidReason;
    // A body over the limit is "too large"; any other broken multipart body is a bad request.
    let too_large = |err: axum::extract::multipart::MultipartError| {
        if err.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::invalid("file", InvalidReason::FileTooLarge)
        } else {
            AppError::BadRequest { message: err.body_text() }
        }
    };
    let (mut question, mut thread) = (None, None);
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(too_large)? {
        match field.name() {
            Some(name @ ("question" | "thread")) => {
                let name = if name == "question" { "question" } else { "thread" };
                let text = field.text().await.map_err(too_large)?;
                if !text.trim().is_empty() {
                    let id =
                        Uuid::parse_str(text.trim()).map_err(|_| AppError::invalid(name, InvalidReason::Malformed))?;
                    if name == "question" { question = Some(id) } else { thread = Some(id) }
                }
            }
            Some("file") => {
                let name = field.file_name().unwrap_or_default().to_owned();
                file = Some((name, field.bytes().await.map_err(too_large)?));
            }
            _ => {}
        }
    }
    let (file_name, bytes) = file.ok_or(AppError::invalid("file", InvalidReason::Required))?;
    Ok(Upload { question, thread, file_name, bytes })
}

/// An upload form's refusal: back to its page with the reason in the query (`upload=…`, which the page
/// puts in words) when it is about the file or the object's state; otherwise the error itself.
fn refused(err: AppError, back: impl FnOnce(&str) -> Response) -> Response {
    match err {
        AppError::Invalid { reason, .. } => {
            back(serde_json::to_value(reason).ok().as_ref().and_then(|v| v.as_str()).unwrap_or("invalid"))
        }
        AppError::CallNotOpen => back("closed"),
        AppError::ReportLocked => back("locked"),
        other => ApiError(other).into_response(),
    }
}

/// `POST /{tenant}/bids/{bid}/attachments`: the bid page's upload form. Answers with a redirect back to the
/// bid, carrying the outcome in the query so the page can say what happened.
pub async fn upload_form(
    State(state): State<AppState>,
    Path((tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Multipart,
) -> Response {
    let back =
        |outcome: &str| crate::authz::redirect_see_other(&format!("/{tenant}/bids/{bid}?upload={outcome}#attachments"));
    let Ok(bid_id) = Uuid::parse_str(&bid) else { return ApiError(AppError::NotFound).into_response() };
    let result = async {
        let actor = Actor::authorize(context, state.server.clone(), Access::Requires(Permission::DraftBids)).await?;
        let upload = read_upload(multipart).await?;
        app::bids::ops::upload(
            &actor,
            bid_id,
            upload.question,
            &upload.file_name,
            upload.bytes,
            app::store::Clock::System,
        )
        .await
    }
    .await;
    match result {
        Ok(_) => back("ok"),
        Err(err) => refused(err, back),
    }
}

/// `POST /{tenant}/reports/{report}/files`: the upload form of a report's files. Answers with a redirect back
/// to the report, carrying the outcome in the query.
pub async fn report_upload_form(
    State(state): State<AppState>,
    Path((tenant, report)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Multipart,
) -> Response {
    let Ok(report_id) = Uuid::parse_str(&report) else { return ApiError(AppError::NotFound).into_response() };
    let back = |outcome: &str| {
        crate::authz::redirect_see_other(&format!("/{tenant}/reports/{report_id}?upload={outcome}#report-files"))
    };
    let result = async {
        let actor = Actor::authorize(context, state.server.clone(), Access::Requires(Permission::FileReports)).await?;
        let upload = read_upload(multipart).await?;
        app::reports::ops::attach(&actor, report_id, &upload.file_name, upload.bytes, chrono::Utc::now()).await
    }
    .await;
    match result {
        Ok(_) => back("ok"),
        Err(err) => refused(err, back),
    }
}

/// `GET /{tenant}/reports/{report}/files/{file}`.
pub async fn report_download(
    State(state): State<AppState>,
    Path((_tenant, report, file)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (Ok(report), Ok(file)) = (Uuid::parse_str(&report), Uuid::parse_str(&file)) else {
        return Err(ApiError(AppError::NotFound));
    };
    let actor = Actor::authorize(context, state.server.clone(), Access::SignedIn).await?;
    let (row, bytes) = app::reports::ops::file(&actor, report, file, chrono::Utc::now()).await?;
    Ok(file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}

/// `POST /{tenant}/exchange/{post}/files`: the upload form under an exchange post. Answers with a redirect
/// back to the thread, carrying the outcome in the query.
pub async fn exchange_upload_form(
    State(state): State<AppState>,
    Path((tenant, post)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Multipart,
) -> Response {
    let Ok(post_id) = Uuid::parse_str(&post) else { return ApiError(AppError::NotFound).into_response() };
    let mut thread = None;
    let result = async {
        let actor = Actor::authorize(context, state.server.clone(), Access::SignedIn).await?;
        let upload = read_upload(multipart).await?;
        thread = upload.thread;
        app::exchange::ops::attach(&actor, post_id, &upload.file_name, upload.bytes, chrono::Utc::now()).await
    }
    .await;
    let back = |thread: Uuid, outcome: &str| {
        crate::authz::redirect_see_other(&format!("/{tenant}/exchange/{thread}?upload={outcome}#post-{post_id}"))
    };
    match result {
        Ok((_, thread)) => back(thread, "ok"),
        // The form names the thread to go back to; without it, the post (a thread's own id).
        Err(err) => refused(err, |outcome| back(thread.unwrap_or(post_id), outcome)),
    }
}

/// `GET /{tenant}/exchange/{post}/files/{file}`.
pub async fn exchange_download(
    State(state): State<AppState>,
    Path((_tenant, post, file)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (Ok(post), Ok(file)) = (Uuid::parse_str(&post), Uuid::parse_str(&file)) else {
        return Err(ApiError(AppError::NotFound));
    };
    let actor = Actor::authorize(context, state.server.clone(), Access::SignedIn).await?;
    let (row, bytes) = app::exchange::ops::file(&actor, post, file, chrono::Utc::now()).await?;
    Ok(file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}

/// Serves a file as a download that the browser will not try to render or sniff.
pub fn file_response(file_name: &str, media_type: &str, bytes: Vec<u8>) -> Response {
    let ascii: String =
        file_name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_ ".contains(c) { c } else { '_' }).collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(media_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// `GET /{tenant}/bids/{bid}/attachments/{attachment}`.
pub async fn download(
    State(state): State<AppState>,
    Path((_tenant, bid, attachment)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (Ok(bid), Ok(attachment)) = (Uuid::parse_str(&bid), Uuid::parse_str(&attachment)) else {
        return Err(ApiError(AppError::NotFound));
    };
    let actor = Actor::authorize(context, state.server.clone(), Access::SignedIn).await?;
    let (row, bytes) = app::bids::ops::attachment(&actor, bid, attachment, chrono::Utc::now()).await?;
    Ok(file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}

/// `GET /{tenant}/calls/{call}/lots/{lot}/bids.zip`: every submitted bid of a lot, once the call has closed.
pub async fn lot_archive(
    State(state): State<AppState>,
    Path((_tenant, call, lot)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (Ok(call), Ok(lot)) = (Uuid::parse_str(&call), Uuid::parse_str(&lot)) else {
        return Err(ApiError(AppError::NotFound));
    };
    let actor = Actor::authorize(context, state.server.clone(), Access::Requires(Permission::ReadBids)).await?;
    let zip = app::archive::lot_archive(&actor, call, lot, chrono::Utc::now()).await?;
    Ok(file_response(&format!("interessenbekundungen-{lot}.zip"), "application/zip", zip))
}

/// `GET /{tenant}/calls/{call}/ranking.csv` and `…/ranking.xlsx`: the ranking page's downloads.
pub async fn ranking_csv(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let Ok(call) = Uuid::parse_str(&call) else { return Err(ApiError(AppError::NotFound)) };
    let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
    crate::api::evaluation::ranking_file(&state, context, call, crate::api::evaluation::RankingFile::Csv, locale).await
}

pub async fn ranking_xlsx(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let Ok(call) = Uuid::parse_str(&call) else { return Err(ApiError(AppError::NotFound)) };
    let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
    crate::api::evaluation::ranking_file(&state, context, call, crate::api::evaluation::RankingFile::Xlsx, locale).await
}

/// `GET /{tenant}/calls/{call}/decision-proposal.pdf`: the decision proposal page's PDF.
pub async fn decision_proposal_pdf(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let Ok(call) = Uuid::parse_str(&call) else { return Err(ApiError(AppError::NotFound)) };
    let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
    crate::api::evaluation::decision_proposal_file(&state, context, call, locale).await
}

/// `GET /{tenant}/committee-reports/{year}.pdf` (and `.xlsx`, `.csv`): the committee report page's downloads.
pub async fn committee_report(
    State(state): State<AppState>,
    Path((_tenant, year)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let Some((year, Some(file))) = app::controlling::ops::CommitteeFile::parse(&year) else {
        return Err(ApiError(AppError::NotFound));
    };
    let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
    let actor = Actor::authorize(context, state.server.clone(), Access::Requires(Permission::ReadLedger)).await?;
    let (bytes, media_type, name) =
        app::controlling::ops::committee_file(&actor, year, file, locale, chrono::Utc::now()).await?;
    Ok(file_response(&name, media_type, bytes))
}

/// `GET /{tenant}/resolution-register/beschluesse.pdf` (and `.xlsx`, `.csv`): the register page's downloads,
/// narrowed by the same query as the page (`q`, `topic`, `year`, `outcome`).
pub async fn resolution_register(
    State(state): State<AppState>,
    Path((_tenant, file)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
    query: Result<axum::extract::Query<RegisterQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Some(("beschluesse", format)) = file.rsplit_once('.') else { return Err(ApiError(AppError::NotFound)) };
    let query = crate::api::query(query)?;
    let year = match query.year.as_deref().map(str::trim).filter(|y| !y.is_empty()) {
        Some(text) => {
            Some(text.parse().map_err(|_| ApiError(AppError::invalid("year", app::InvalidReason::Malformed)))?)
        }
        None => None,
    };
    let filter = app::steering::resolution_filter(query.q, query.topic.as_deref(), year, query.outcome.as_deref())?;
    let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
    let actor = Actor::authorize(context, state.server.clone(), Access::Requires(Permission::ReadSteering)).await?;
    crate::api::steering::register_file(&actor, &filter, format, locale).await
}

/// The register page's filter, as its GET form sends it (empty fields included).
#[derive(Debug, serde::Deserialize)]
pub struct RegisterQuery {
    q: Option<String>,
    topic: Option<String>,
    year: Option<String>,
    outcome: Option<String>,
}

/// `POST /{tenant}/steering/meetings/{meeting}/files`: the meeting page's upload form for its papers. Answers
/// with a redirect back to the meeting, carrying the outcome in the query.
pub async fn meeting_upload_form(
    State(state): State<AppState>,
    Path((tenant, meeting)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Multipart,
) -> Response {
    let Ok(meeting_id) = Uuid::parse_str(&meeting) else { return ApiError(AppError::NotFound).into_response() };
    let back = |outcome: &str| {
        crate::authz::redirect_see_other(&format!(
            "/{tenant}/steering/meetings/{meeting_id}?upload={outcome}#meeting-files"
        ))
    };
    let result = async {
        let actor = Actor::authorize(context, state.server.clone(), Access::Requires(Permission::RunSteering)).await?;
        let upload = read_upload(multipart).await?;
        app::steering::ops::attach(&actor, meeting_id, &upload.file_name, upload.bytes, chrono::Utc::now()).await
    }
    .await;
    match result {
        Ok(_) => back("ok"),
        Err(err) => refused(err, back),
    }
}

/// `GET /{tenant}/steering/meetings/{meeting}/files/{file}`.
pub async fn meeting_download(
    State(state): State<AppState>,
    Path((_tenant, meeting, file)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (Ok(meeting), Ok(file)) = (Uuid::parse_str(&meeting), Uuid::parse_str(&file)) else {
        return Err(ApiError(AppError::NotFound));
    };
    let actor = Actor::authorize(context, state.server.clone(), Access::Requires(Permission::ReadSteering)).await?;
    let (row, bytes) = app::steering::ops::file(&actor, meeting, file).await?;
    Ok(file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}
