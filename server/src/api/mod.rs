//! The REST API under `/api/v1`, described by an OpenAPI 3 document generated from these handlers.
//!
//! Handlers are thin: they parse the request, call `app::store` with a tenant scope, and map [`ApiError`].
//! Every handler is listed in [`ApiDoc`]; the test suite runs schemathesis against the document.

mod auth;
mod bids;
mod calls;
pub(crate) mod error;
pub(crate) mod evaluation;
pub(crate) mod exchange;
mod ledger;
mod paging;
mod reports;
pub(crate) mod steering;
mod tenants;

pub use error::{ApiError, ErrorBody};

use crate::startup::AppState;
use axum::Json;
use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Spielraum API",
        description = "Programme management for municipal youth-welfare prevention programmes.",
        version = "1"
    ),
    servers((url = "/api/v1")),
    paths(
        tenants::list_tenants,
        tenants::get_tenant,
        tenants::list_districts,
        calls::list_calls,
        calls::get_call,
        bids::list_organisations,
        bids::my_organisation,
        bids::list_bids,
        bids::start_bid,
        bids::get_bid,
        bids::save_draft,
        bids::submit_bid,
        bids::withdraw_bid,
        bids::upload,
        bids::get_version,
        bids::call_bids,
        bids::update_organisation,
        bids::download_attachment,
        bids::remove_attachment,
        bids::lot_archive,
        evaluation::get_evaluation,
        evaluation::put_declarations,
        evaluation::get_ranking,
        evaluation::get_rubric,
        evaluation::put_rubric,
        evaluation::get_my_score,
        evaluation::put_my_score,
        evaluation::finalise_my_score,
        evaluation::get_scores,
        evaluation::reopen_score,
        evaluation::put_recommendation,
        evaluation::post_decision,
        evaluation::get_outcome,
        evaluation::list_posts,
        evaluation::get_ranking_csv,
        evaluation::get_ranking_xlsx,
        evaluation::get_decision_proposal_pdf,
        ledger::budget,
        ledger::list,
        ledger::add,
        ledger::close,
        ledger::committee_report,
        ledger::put_committee_text,
        ledger::import,
        steering::list_meetings,
        steering::plan_meeting,
        steering::get_meeting,
        steering::add_agenda_item,
        steering::invite,
        steering::put_attendance,
        steering::put_minutes,
        steering::circulate,
        steering::approve,
        steering::put_recusals,
        steering::put_resolution,
        steering::resolutions,
        steering::list_commissions,
        steering::give_commission,
        steering::get_commission,
        steering::report_progress,
        steering::upload,
        steering::download,
        reports::list_reports,
        reports::start_report,
        reports::get_report,
        reports::save_report_draft,
        reports::submit_report,
        reports::review_report,
        reports::assign_coordinator,
        reports::set_schedule,
        reports::compliance,
        reports::figures,
        reports::upload_file,
        reports::download_file,
        reports::remove_file,
        exchange::list,
        exchange::open,
        exchange::get_thread,
        exchange::reply,
        exchange::upload,
        exchange::download,
        auth::issue_token,
        auth::me
    ),
    components(schemas(ErrorBody, model::TenantView, model::DistrictView, model::DistrictKind)),
    modifiers(&BearerAuth),
    tags(
        (name = "tenants", description = "Municipalities and their districts"),
        (name = "calls", description = "Calls for expressions of interest"),
        (name = "bids", description = "Carrier organisations and their bids (sealed until the call closes)"),
        (name = "evaluation", description = "The steering group's evaluation of a closed call: conflicts of interest, scores, ranking"),
        (name = "exchange", description = "The exchange space: threads, replies and files of coordinators and the steering group"),
        (name = "reports", description = "The coordination posts' reports: the work order, submissions and their review"),
        (name = "controlling", description = "The programme's money: budgets, the append-only ledger, the closing of budget years"),
        (name = "steering", description = "The steering group's business: meetings, minutes, resolutions and commissions"),
        (name = "auth", description = "Bearer tokens and the caller")
    )
)]
pub struct ApiDoc;

/// Declares the bearer-token scheme the protected operations refer to.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()),
        );
    }
}

/// The request context the guard made (`crate::authz`). Every API handler that needs to know its caller
/// takes this; a route outside the guard has none and answers 500 rather than guessing.
pub struct Ctx(pub app::auth::RequestContext);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Ctx {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<app::auth::RequestContext>()
            .cloned()
            .map(Ctx)
            .ok_or_else(|| ApiError(app::AppError::internal("API route outside the guard")))
    }
}

/// The API's routes; `max_upload_bytes` bounds the attachment upload's body.
pub fn router(max_upload_bytes: u64) -> Router<AppState> {
    use axum::routing::{post, put};
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::http::upload_limit(max_upload_bytes) as usize);
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/tenants", get(tenants::list_tenants))
        .route("/tenants/{tenant}", get(tenants::get_tenant))
        .route("/tenants/{tenant}/districts", get(tenants::list_districts))
        .route("/tenants/{tenant}/calls", get(calls::list_calls))
        .route("/tenants/{tenant}/calls/{call}", get(calls::get_call))
        .route("/tenants/{tenant}/calls/{call}/bids", get(bids::call_bids))
        .route("/tenants/{tenant}/calls/{call}/lots/{lot}/bids", post(bids::start_bid))
        .route("/tenants/{tenant}/organisations", get(bids::list_organisations))
        .route("/tenants/{tenant}/organisation", get(bids::my_organisation).put(bids::update_organisation))
        .route("/tenants/{tenant}/bids", get(bids::list_bids))
        .route("/tenants/{tenant}/bids/{bid}", get(bids::get_bid))
        .route("/tenants/{tenant}/bids/{bid}/draft", put(bids::save_draft))
        .route("/tenants/{tenant}/bids/{bid}/submission", post(bids::submit_bid))
        .route("/tenants/{tenant}/bids/{bid}/withdrawal", post(bids::withdraw_bid))
        .route("/tenants/{tenant}/bids/{bid}/attachments", post(bids::upload).layer(upload_limit))
        .route("/tenants/{tenant}/bids/{bid}/versions/{number}", get(bids::get_version))
        .route(
            "/tenants/{tenant}/bids/{bid}/attachments/{attachment}",
            get(bids::download_attachment).delete(bids::remove_attachment),
        )
        .route("/tenants/{tenant}/calls/{call}/lots/{lot}/archive", get(bids::lot_archive))
        .route("/tenants/{tenant}/calls/{call}/evaluation", get(evaluation::get_evaluation))
        .route("/tenants/{tenant}/calls/{call}/declarations", put(evaluation::put_declarations))
        .route("/tenants/{tenant}/calls/{call}/ranking", get(evaluation::get_ranking))
        .route("/tenants/{tenant}/calls/{call}/rubric", get(evaluation::get_rubric).put(evaluation::put_rubric))
        .route("/tenants/{tenant}/bids/{bid}/scores", get(evaluation::get_scores))
        .route("/tenants/{tenant}/bids/{bid}/scores/mine", get(evaluation::get_my_score).put(evaluation::put_my_score))
        .route("/tenants/{tenant}/bids/{bid}/scores/mine/finalisation", post(evaluation::finalise_my_score))
        .route("/tenants/{tenant}/bids/{bid}/scores/{member}/reopening", post(evaluation::reopen_score))
        .route("/tenants/{tenant}/calls/{call}/lots/{lot}/recommendation", put(evaluation::put_recommendation))
        .route("/tenants/{tenant}/bids/{bid}/decision", get(evaluation::get_outcome).post(evaluation::post_decision))
        .route("/tenants/{tenant}/posts", get(evaluation::list_posts))
        .route("/tenants/{tenant}/calls/{call}/ranking.csv", get(evaluation::get_ranking_csv))
        .route("/tenants/{tenant}/calls/{call}/ranking.xlsx", get(evaluation::get_ranking_xlsx))
        .route("/tenants/{tenant}/calls/{call}/decision-proposal.pdf", get(evaluation::get_decision_proposal_pdf))
        .route("/tenants/{tenant}/reports", get(reports::list_reports).post(reports::start_report))
        .route("/tenants/{tenant}/reports/{report}", get(reports::get_report))
        .route("/tenants/{tenant}/reports/{report}/draft", put(reports::save_report_draft))
        .route("/tenants/{tenant}/reports/{report}/submission", post(reports::submit_report))
        .route("/tenants/{tenant}/reports/{report}/review", post(reports::review_report))
        .route("/tenants/{tenant}/posts/{post}/coordinators", post(reports::assign_coordinator))
        .route("/tenants/{tenant}/posts/{post}/schedule", put(reports::set_schedule))
        .route("/tenants/{tenant}/reports/{report}/files", post(reports::upload_file).layer(upload_limit))
        .route(
            "/tenants/{tenant}/reports/{report}/files/{file}",
            get(reports::download_file).delete(reports::remove_file),
        )
        .route("/tenants/{tenant}/compliance", get(reports::compliance))
        .route("/tenants/{tenant}/report-figures", get(reports::figures))
        .route("/tenants/{tenant}/exchange", get(exchange::list).post(exchange::open))
        .route("/tenants/{tenant}/exchange/{post}", get(exchange::get_thread))
        .route("/tenants/{tenant}/exchange/{post}/replies", post(exchange::reply))
        .route("/tenants/{tenant}/exchange/{post}/files", post(exchange::upload).layer(upload_limit))
        .route("/tenants/{tenant}/exchange/{post}/files/{file}", get(exchange::download))
        .route("/tenants/{tenant}/budget", get(ledger::budget))
        .route("/tenants/{tenant}/budget/{year}/closing", post(ledger::close))
        .route("/tenants/{tenant}/ledger", get(ledger::list).post(ledger::add))
        .route("/tenants/{tenant}/ledger/import", post(ledger::import))
        .route("/tenants/{tenant}/committee-reports/{year}", get(ledger::committee_report))
        .route("/tenants/{tenant}/committee-reports/{year}/text", put(ledger::put_committee_text))
        .route("/tenants/{tenant}/meetings", get(steering::list_meetings).post(steering::plan_meeting))
        .route("/tenants/{tenant}/meetings/{meeting}", get(steering::get_meeting))
        .route("/tenants/{tenant}/meetings/{meeting}/agenda", post(steering::add_agenda_item))
        .route("/tenants/{tenant}/meetings/{meeting}/invitation", post(steering::invite))
        .route("/tenants/{tenant}/meetings/{meeting}/attendance", put(steering::put_attendance))
        .route("/tenants/{tenant}/meetings/{meeting}/minutes", put(steering::put_minutes))
        .route("/tenants/{tenant}/meetings/{meeting}/minutes/circulation", post(steering::circulate))
        .route("/tenants/{tenant}/meetings/{meeting}/minutes/approval", post(steering::approve))
        .route("/tenants/{tenant}/meetings/{meeting}/files", post(steering::upload).layer(upload_limit))
        .route("/tenants/{tenant}/meetings/{meeting}/files/{file}", get(steering::download))
        .route("/tenants/{tenant}/agenda-items/{item}/recusals", put(steering::put_recusals))
        .route("/tenants/{tenant}/agenda-items/{item}/resolution", put(steering::put_resolution))
        .route("/tenants/{tenant}/resolutions", get(steering::resolutions))
        .route("/tenants/{tenant}/commissions", get(steering::list_commissions).post(steering::give_commission))
        .route("/tenants/{tenant}/commissions/{commission}", get(steering::get_commission))
        .route("/tenants/{tenant}/commissions/{commission}/progress", post(steering::report_progress))
        .route("/auth/token", axum::routing::post(auth::issue_token))
        .route("/me", get(auth::me))
        .fallback(not_found)
}

/// The caller of one operation, with the access it needs (see `app::actor`).
pub(crate) async fn actor(
    state: &AppState,
    context: app::auth::RequestContext,
    access: model::policy::Access,
) -> Result<app::actor::Actor, ApiError> {
    Ok(app::actor::Actor::authorize(context, state.server.clone(), access).await?)
}

/// A JSON body, or 400 with the reason it could not be read.
pub(crate) fn body<T>(body: Result<Json<T>, axum::extract::rejection::JsonRejection>) -> Result<T, ApiError> {
    body.map(|Json(value)| value)
        .map_err(|rejection| ApiError(app::AppError::BadRequest { message: rejection.body_text() }))
}

/// A `T` as JSON written ahead of the request (a kept view's, `app::derived`), sent as it was written: for a
/// view of half a megabyte, writing it was most of a request's time.
pub(crate) struct WrittenJson<T>(axum::body::Bytes, std::marker::PhantomData<T>);

impl<T> WrittenJson<T> {
    /// `json` must be a `T` as serde writes it.
    pub(crate) fn of(json: axum::body::Bytes) -> Self {
        WrittenJson(json, std::marker::PhantomData)
    }
}

impl<T> axum::response::IntoResponse for WrittenJson<T> {
    fn into_response(self) -> axum::response::Response {
        ([(axum::http::header::CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}

/// A query string, or 400 with the reason it could not be read.
pub(crate) fn query<T>(
    query: Result<axum::extract::Query<T>, axum::extract::rejection::QueryRejection>,
) -> Result<T, ApiError> {
    query
        .map(|axum::extract::Query(value)| value)
        .map_err(|rejection| ApiError(app::AppError::BadRequest { message: rejection.body_text() }))
}

/// A UUID from the path, or a JSON 400 naming what it should have been (axum's own rejection is plain text).
pub fn id(text: &str, what: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(text)
        .map_err(|_| ApiError(app::AppError::BadRequest { message: format!("the {what} id is not a UUID") }))
}

/// Anything under `/api/` that no endpoint claims: a JSON 404, never the HTML not-found page.
pub async fn not_found() -> ApiError {
    ApiError(app::AppError::NotFound)
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
