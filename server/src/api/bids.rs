//! Carrier organisations and bids over the API: the same operations as the portal (`app::bids::ops`), with the
//! same checks — one bid per lot and organisation, drafts saved as sent, submission only while the call is
//! open by the server's clock, sealed bids until closing.

use super::paging::Paging;
use super::{ApiError, Ctx, ErrorBody, actor, id};
use crate::startup::AppState;
use app::AppError;
use axum::Json;
use axum::extract::{Multipart, OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::{DateTime, Utc};
use model::bid::{AttachmentRef, BidSummary, BidView, Draft, LotCount, SubmittedBid, VersionView};
use model::call::CallSummary;
use model::organisation::Organisation;
use model::policy::{Access, Permission};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// When a draft was saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct Saved {
    pub saved_at: DateTime<Utc>,
}

/// A call's bids for readers: counts per lot (administrators) and, once closed, the submitted bids.
#[derive(Debug, Serialize, ToSchema)]
pub struct CallBids {
    pub call: CallSummary,
    pub counts: Vec<LotCount>,
    /// `null` while the call is open: bids are sealed until it closes.
    pub bids: Option<Vec<SubmittedBid>>,
}

/// The multipart form of an upload.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The document (PDF, ODT or DOCX, checked by content).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// The id of the file question it answers, if any.
    question: Option<Uuid>,
}

const TENANT: &str = "The tenant's URL name, e.g. `dresden`";

/// The tenant's carrier organisations (administrators).
#[utoipa::path(get, path = "/tenants/{tenant}/organisations", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    responses(
        (status = 200, description = "Organisations by name", body = [Organisation]),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
    ))]
pub async fn list_organisations(
    State(state): State<AppState>,
    Path(_tenant): Path<String>,
    Ctx(context): Ctx,
) -> Result<Json<Vec<Organisation>>, ApiError> {
    let actor = actor(&state, context, Access::Requires(Permission::ManageUsers)).await?;
    Ok(Json(app::store::organisations::list(&state.db, &actor.tenant).await?))
}

/// The caller's own carrier organisation.
#[utoipa::path(get, path = "/tenants/{tenant}/organisation", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    responses(
        (status = 200, description = "The organisation", body = Organisation),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
    ))]
pub async fn my_organisation(
    State(state): State<AppState>,
    Path(_tenant): Path<String>,
    Ctx(context): Ctx,
) -> Result<Json<Organisation>, ApiError> {
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    let row = app::store::organisations::find(&state.db, &actor.tenant, actor.organisation()?).await?;
    Ok(Json(app::store::organisations::view(row)))
}

/// The bids of the caller's organisation.
#[utoipa::path(get, path = "/tenants/{tenant}/bids", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    responses(
        (status = 200, description = "The organisation's bids, newest first", body = [BidSummary]),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
    ))]
pub async fn list_bids(
    State(state): State<AppState>,
    Path(_tenant): Path<String>,
    Ctx(context): Ctx,
) -> Result<Json<Vec<BidSummary>>, ApiError> {
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    Ok(Json(app::bids::ops::own_bids(&actor, Utc::now()).await?))
}

/// Starts the organisation's bid for a lot (or returns the existing one).
#[utoipa::path(post, path = "/tenants/{tenant}/calls/{call}/lots/{lot}/bids", tag = "bids", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("call" = Uuid, Path, description = "The call's id"),
        ("lot" = Uuid, Path, description = "The lot's id"),
    ),
    responses(
        (status = 201, description = "The bid", body = BidView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such published call or lot", body = ErrorBody),
        (status = 409, description = "The call is not open", body = ErrorBody),
    ))]
pub async fn start_bid(
    State(state): State<AppState>,
    Path((_tenant, call, lot)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<(StatusCode, Json<BidView>), ApiError> {
    let (call, lot) = (id(&call, "call")?, id(&lot, "lot")?);
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    let now = Utc::now();
    let bid = app::bids::ops::start(&actor, call, lot, now).await?;
    Ok((StatusCode::CREATED, Json(app::bids::ops::view(&actor, bid, now).await?)))
}

/// One of the organisation's bids with its draft, attachments and versions.
#[utoipa::path(get, path = "/tenants/{tenant}/bids/{bid}", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = Uuid, Path, description = "The bid's id")),
    responses(
        (status = 200, description = "The bid", body = BidView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such bid of the caller's organisation", body = ErrorBody),
    ))]
pub async fn get_bid(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<BidView>, ApiError> {
    let bid = id(&bid, "bid")?;
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    Ok(Json(app::bids::ops::view(&actor, bid, Utc::now()).await?))
}

/// Replaces the draft (answers by question id, amounts by budget year, FTE; all as text, valid or not).
#[utoipa::path(put, path = "/tenants/{tenant}/bids/{bid}/draft", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = Uuid, Path, description = "The bid's id")),
    request_body = Draft,
    responses(
        (status = 200, description = "Saved", body = Saved),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such bid of the caller's organisation", body = ErrorBody),
        (status = 409, description = "The call is not open", body = ErrorBody),
        (status = 422, description = "A field is absurdly long", body = ErrorBody),
    ))]
pub async fn save_draft(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
    body: Result<Json<Draft>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Saved>, ApiError> {
    let bid = id(&bid, "bid")?;
    let Json(draft) = body.map_err(|rejection| AppError::BadRequest { message: rejection.body_text() })?;
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    let saved_at = app::bids::ops::save(&actor, bid, draft, app::store::Clock::System).await?;
    Ok(Json(Saved { saved_at }))
}

/// Submits the saved draft; answers with the receipt (version number, time, content hash).
#[utoipa::path(post, path = "/tenants/{tenant}/bids/{bid}/submission", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = Uuid, Path, description = "The bid's id")),
    responses(
        (status = 201, description = "Submitted: the receipt", body = VersionView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such bid of the caller's organisation", body = ErrorBody),
        (status = 409, description = "The call is not open", body = ErrorBody),
        (status = 422, description = "Incomplete: `problems` lists every field", body = ErrorBody),
    ))]
pub async fn submit_bid(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<(StatusCode, Json<VersionView>), ApiError> {
    let bid = id(&bid, "bid")?;
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    Ok((StatusCode::CREATED, Json(app::bids::ops::submit(&actor, bid, None, app::store::Clock::System).await?)))
}

/// Withdraws a submitted bid before the deadline; its versions are kept.
#[utoipa::path(post, path = "/tenants/{tenant}/bids/{bid}/withdrawal", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = Uuid, Path, description = "The bid's id")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such bid of the caller's organisation", body = ErrorBody),
        (status = 409, description = "The call is not open", body = ErrorBody),
        (status = 422, description = "The bid is not submitted", body = ErrorBody),
    ))]
pub async fn withdraw_bid(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<StatusCode, ApiError> {
    let bid = id(&bid, "bid")?;
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    app::bids::ops::withdraw(&actor, bid, app::store::Clock::System).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Uploads an attachment (multipart field `file`, optional `question`).
#[utoipa::path(post, path = "/tenants/{tenant}/bids/{bid}/attachments", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = Uuid, Path, description = "The bid's id")),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = AttachmentRef),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such bid of the caller's organisation", body = ErrorBody),
        (status = 409, description = "The call is not open", body = ErrorBody),
        (status = 422, description = "Refused: empty, too large, bad name or not a PDF/ODT/DOCX", body = ErrorBody),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<AttachmentRef>), ApiError> {
    let bid = id(&bid, "bid")?;
    let multipart = multipart.map_err(|rejection| AppError::BadRequest { message: rejection.body_text() })?;
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    let upload = crate::uploads::read_upload(multipart).await?;
    let stored = app::bids::ops::upload(
        &actor,
        bid,
        upload.question,
        &upload.file_name,
        upload.bytes,
        app::store::Clock::System,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// One submitted version: for the organisation always, for the steering group and administrators once the
/// call has closed (then only the version that counts, the latest).
#[utoipa::path(get, path = "/tenants/{tenant}/bids/{bid}/versions/{number}", tag = "bids", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("bid" = Uuid, Path, description = "The bid's id"),
        ("number" = i32, Path, description = "The version number, from 1"),
    ),
    responses(
        (status = 200, description = "The version with its content", body = SubmittedBid),
        (status = 400, description = "Malformed id or number", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 404, description = "No such version, or sealed", body = ErrorBody),
    ))]
pub async fn get_version(
    State(state): State<AppState>,
    Path((_tenant, bid, number)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<SubmittedBid>, ApiError> {
    let bid = id(&bid, "bid")?;
    let number: i32 = number
        .parse()
        .map_err(|_| ApiError(AppError::BadRequest { message: "the version number is not a number".into() }))?;
    let actor = actor(&state, context, Access::SignedIn).await?;
    Ok(Json(app::bids::ops::version(&actor, bid, number, Utc::now()).await?))
}

/// Which lot of a call's bids to answer, and which page of them.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CallBidsQuery {
    /// Only this lot's bids (`counts` still covers every lot). Without it, every lot's.
    pub lot: Option<Uuid>,
    /// The page of the bids, from 1: they come in pages (see the `Link` and `X-Total-Count` headers).
    pub page: Option<u64>,
    /// Bids a page, 1 to 500; 100 if not given.
    pub per_page: Option<u64>,
}

/// A call's bids for the steering group and administrators: sealed (`bids` is null) until the call closes;
/// administrators see counts per lot. A scoring member sees a lot's bids once they have declared for it;
/// asked for such a lot with `?lot=`, they are told to declare first (409). The bids come in pages of 100
/// (`per_page` up to 500): `X-Total-Count` says how many there are, `Link` names the next, previous, first
/// and last page.
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/bids", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = Uuid, Path, description = "The call's id"),
        CallBidsQuery),
    responses(
        (status = 200, description = "Counts and, after closing, a page of the bids", body = CallBids,
            headers(
                ("x-total-count" = u64, description = "How many bids the caller may read in all (0 while sealed)"),
                ("link" = String, description = "The next, previous, first and last page (RFC 8288)"),
            )),
        (status = 400, description = "Malformed id, lot or page", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids", body = ErrorBody),
        (status = 404, description = "No such published call, or no such lot of it", body = ErrorBody),
        (status = 409, description = "The lot's bids need the caller's declarations first", body = ErrorBody),
        (status = 422, description = "A page below 1 or of more than 500", body = ErrorBody),
    ))]
pub async fn call_bids(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    Ctx(context): Ctx,
    OriginalUri(uri): OriginalUri,
    query: Result<axum::extract::Query<CallBidsQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<(HeaderMap, Json<CallBids>), ApiError> {
    let call = id(&call, "call")?;
    let CallBidsQuery { lot, page, per_page } = super::query(query)?;
    let paging = Paging::new(page, per_page)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadBids)).await?;
    let view = app::bids::ops::call_bids(&actor, call, lot, (paging.page, paging.per_page), Utc::now()).await?;
    let kept: Vec<(&str, String)> = lot.map(|lot| ("lot", lot.to_string())).into_iter().collect();
    let headers = paging.headers(uri.path(), &kept, view.total);
    Ok((headers, Json(CallBids { call: view.call, counts: view.counts, bids: view.bids })))
}

/// Replaces the caller's organisation's profile (same checks as the portal; a changed name, legal form,
/// register number or recognition takes the administration's verification back).
#[utoipa::path(put, path = "/tenants/{tenant}/organisation", tag = "bids", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    request_body = model::organisation::ProfileInput,
    responses(
        (status = 200, description = "The updated organisation", body = Organisation),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 422, description = "A field is missing or malformed", body = ErrorBody),
    ))]
pub async fn update_organisation(
    State(state): State<AppState>,
    Path(_tenant): Path<String>,
    Ctx(context): Ctx,
    body: Result<Json<model::organisation::ProfileInput>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Organisation>, ApiError> {
    let Json(input) = body.map_err(|rejection| AppError::BadRequest { message: rejection.body_text() })?;
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    Ok(Json(app::organisations::ops::update(&actor, &input).await?))
}

/// Downloads an attachment: for the organisation any time, for readers once the call has closed (only
/// files of the submitted version).
#[utoipa::path(get, path = "/tenants/{tenant}/bids/{bid}/attachments/{attachment}", tag = "bids", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("bid" = Uuid, Path, description = "The bid's id"),
        ("attachment" = Uuid, Path, description = "The attachment's id"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 404, description = "No such attachment, or sealed", body = ErrorBody),
    ))]
pub async fn download_attachment(
    State(state): State<AppState>,
    Path((_tenant, bid, attachment)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (bid, attachment) = (id(&bid, "bid")?, id(&attachment, "attachment")?);
    let actor = actor(&state, context, Access::SignedIn).await?;
    let (row, bytes) = app::bids::ops::attachment(&actor, bid, attachment, Utc::now()).await?;
    Ok(crate::uploads::file_response(&row.file_name, &row.media_type, bytes.to_vec()))
}

/// Takes an attachment out of the draft (earlier submitted versions keep naming it).
#[utoipa::path(delete, path = "/tenants/{tenant}/bids/{bid}/attachments/{attachment}", tag = "bids", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("bid" = Uuid, Path, description = "The bid's id"),
        ("attachment" = Uuid, Path, description = "The attachment's id"),
    ),
    responses(
        (status = 204, description = "Removed from the draft"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such attachment of the caller's organisation", body = ErrorBody),
        (status = 409, description = "The call is not open", body = ErrorBody),
    ))]
pub async fn remove_attachment(
    State(state): State<AppState>,
    Path((_tenant, bid, attachment)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<StatusCode, ApiError> {
    let (bid, attachment) = (id(&bid, "bid")?, id(&attachment, "attachment")?);
    let actor = actor(&state, context, Access::Requires(Permission::DraftBids)).await?;
    app::bids::ops::remove_attachment(&actor, bid, attachment, app::store::Clock::System).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every submitted bid of a lot as one zip file, once the call has closed.
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/lots/{lot}/archive", tag = "bids", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("call" = Uuid, Path, description = "The call's id"),
        ("lot" = Uuid, Path, description = "The lot's id"),
    ),
    responses(
        (status = 200, description = "The zip file", content_type = "application/zip"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids, or the call is still open", body = ErrorBody),
        (status = 404, description = "No such call or lot", body = ErrorBody),
    ))]
pub async fn lot_archive(
    State(state): State<AppState>,
    Path((_tenant, call, lot)): Path<(String, String, String)>,
    Ctx(context): Ctx,
) -> Result<Response, ApiError> {
    let (call, lot) = (id(&call, "call")?, id(&lot, "lot")?);
    let actor = actor(&state, context, Access::Requires(Permission::ReadBids)).await?;
    let zip = app::archive::lot_archive(&actor, call, lot, Utc::now()).await?;
    Ok(crate::uploads::file_response(&format!("interessenbekundungen-{lot}.zip"), "application/zip", zip))
}
