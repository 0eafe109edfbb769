//! The steering group's evaluation over the API: the same operations as the workspace
//! (`app::evaluation::ops`), with the same rules — declarations before a lot's bids, no scoring when recused,
//! others' scores hidden until one's own sheet is final, rubrics frozen at closing.

use super::{ApiError, Ctx, ErrorBody, body, id};
use crate::startup::AppState;
use app::actor::Actor;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use model::award::{DecisionInput, DecisionView, OutcomeView, PostView, RecommendationInput, RecommendationView};
use model::evaluation::{BidScoresView, DeclarationInput, EvaluationView, MyScore, RankingView, ScoreDraft};
use model::policy::{Access, Permission};
use model::rubric::{Criterion, Rubric};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

const TENANT: &str = "The tenant's URL name, e.g. `dresden`";

async fn actor(
    state: &AppState,
    context: app::auth::RequestContext,
    permission: Permission,
) -> Result<Actor, ApiError> {
    super::actor(state, context, Access::Requires(permission)).await
}

/// When a sheet was saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct SheetSaved {
    pub saved_at: DateTime<Utc>,
}

/// Why an administrator reopens a finalised sheet.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Reopening {
    pub reason: String,
}

/// A closed call's evaluation from the caller's seat: per lot the bidders and the caller's declarations,
/// whether the caller is recused, and (once declared) the bids with the caller's and the group's progress.
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/evaluation", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The evaluation", body = EvaluationView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids", body = ErrorBody),
        (status = 404, description = "No such published call", body = ErrorBody),
        (status = 409, description = "The call has not closed", body = ErrorBody),
    ))]
pub async fn get_evaluation(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<EvaluationView>, ApiError> {
    let call = id(&call, "call")?;
    let actor = actor(&state, context, Permission::ReadBids).await?;
    Ok(Json(app::evaluation::ops::overview(&actor, call, Utc::now()).await?))
}

/// Declares, per bidding organisation of the call, whether the caller has a conflict of interest
/// (`none`, `employment`, `board`, `other` with a note). A conflict recuses the caller from every lot the
/// organisation bids in. Declarations may be changed; every change is audited.
#[utoipa::path(put, path = "/tenants/{tenant}/calls/{call}/declarations", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id")),
    request_body = [DeclarationInput],
    responses(
        (status = 200, description = "Recorded: the evaluation as it now stands", body = EvaluationView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a steering-group member", body = ErrorBody),
        (status = 404, description = "No such published call", body = ErrorBody),
        (status = 409, description = "The call has not closed", body = ErrorBody),
        (status = 422, description = "Not a bidder of this call, or a note missing or too long", body = ErrorBody),
    ))]
pub async fn put_declarations(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    Ctx(context): Ctx,
    declarations: Result<Json<Vec<DeclarationInput>>, JsonRejection>,
) -> Result<Json<EvaluationView>, ApiError> {
    let call = id(&call, "call")?;
    let declarations = body(declarations)?;
    let actor = actor(&state, context, Permission::ScoreBids).await?;
    Ok(Json(app::evaluation::ops::declare(&actor, call, declarations, Utc::now()).await?))
}

/// Which lots of a call's ranking to answer.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    /// Only this lot (`lots` then has one entry; `choices` still names every lot with bids). Without it,
    /// every lot.
    pub lot: Option<uuid::Uuid>,
}

/// Per lot the bids in rank order with weighted score (0–100, two places, halves away from zero), spread per
/// criterion, number of scores and flags, and the score matrix. A lot is hidden (`hidden` says why) from a
/// member who has not declared for it, is recused from it, or has not finalised their own sheets for all its
/// bids. `?lot=` answers one lot, as the ranking page shows it: a city's call has twenty.
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/ranking", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id"),
        RankingQuery),
    responses(
        (status = 200, description = "The ranking per lot", body = RankingView),
        (status = 400, description = "Malformed id or lot", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids", body = ErrorBody),
        (status = 404, description = "No such published call, or no such lot of it", body = ErrorBody),
        (status = 409, description = "The call has not closed", body = ErrorBody),
    ))]
pub async fn get_ranking(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    Ctx(context): Ctx,
    lots: Result<axum::extract::Query<RankingQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<super::WrittenJson<RankingView>, ApiError> {
    let call = id(&call, "call")?;
    let RankingQuery { lot } = super::query(lots)?;
    let actor = actor(&state, context, Permission::ReadBids).await?;
    Ok(super::WrittenJson::of(app::evaluation::ops::ranking_json(&actor, call, lot, Utc::now()).await?))
}

/// A call's rubric: the criteria with description, weight, scale and anchor texts.
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/rubric", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The rubric", body = [Criterion]),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such call", body = ErrorBody),
    ))]
pub async fn get_rubric(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<Rubric>, ApiError> {
    let call = id(&call, "call")?;
    let actor = actor(&state, context, Permission::ManageCalls).await?;
    Ok(Json(app::evaluation::ops::rubric(&actor, call).await?))
}

/// Replaces a call's rubric; possible until the call closes. 1–20 criteria with distinct titles, weights
/// 1–1000, scales within 0–10, anchor texts for every level or none.
#[utoipa::path(put, path = "/tenants/{tenant}/calls/{call}/rubric", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id")),
    request_body = [Criterion],
    responses(
        (status = 200, description = "Stored", body = [Criterion]),
        (status = 400, description = "Malformed id, or a body that is not a valid rubric", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such call", body = ErrorBody),
        (status = 422, description = "The call has closed: its rubric is frozen", body = ErrorBody),
    ))]
pub async fn put_rubric(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    Ctx(context): Ctx,
    rubric: Result<Json<Rubric>, JsonRejection>,
) -> Result<Json<Rubric>, ApiError> {
    let call = id(&call, "call")?;
    let rubric = body(rubric)?;
    let actor = actor(&state, context, Permission::ManageCalls).await?;
    Ok(Json(app::evaluation::ops::set_rubric(&actor, call, rubric, Utc::now()).await?))
}

/// The caller's own score sheet for a bid (empty until first saved).
#[utoipa::path(get, path = "/tenants/{tenant}/bids/{bid}/scores/mine", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = uuid::Uuid, Path, description = "The bid's id")),
    responses(
        (status = 200, description = "The sheet", body = MyScore),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a steering-group member, or recused from the bid's lot", body = ErrorBody),
        (status = 404, description = "No such bid, or sealed", body = ErrorBody),
        (status = 409, description = "Conflicts of interest not declared for the bid's lot", body = ErrorBody),
    ))]
pub async fn get_my_score(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<MyScore>, ApiError> {
    let bid = id(&bid, "bid")?;
    let actor = actor(&state, context, Permission::ScoreBids).await?;
    Ok(Json(app::evaluation::ops::my_score(&actor, bid, Utc::now()).await?))
}

/// Saves the caller's sheet as a draft: points per criterion (`null` where none yet, otherwise on the
/// criterion's scale) and a justification per criterion, in the rubric's order.
#[utoipa::path(put, path = "/tenants/{tenant}/bids/{bid}/scores/mine", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = uuid::Uuid, Path, description = "The bid's id")),
    request_body = ScoreDraft,
    responses(
        (status = 200, description = "Saved", body = SheetSaved),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a steering-group member, or recused from the bid's lot", body = ErrorBody),
        (status = 404, description = "No such bid, or sealed", body = ErrorBody),
        (status = 409, description = "Not declared for the lot, or the sheet is final", body = ErrorBody),
        (status = 422, description = "Points off the scale, too many entries or a text too long", body = ErrorBody),
    ))]
pub async fn put_my_score(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
    draft: Result<Json<ScoreDraft>, JsonRejection>,
) -> Result<Json<SheetSaved>, ApiError> {
    let bid = id(&bid, "bid")?;
    let draft = body(draft)?;
    let actor = actor(&state, context, Permission::ScoreBids).await?;
    let saved_at = app::evaluation::ops::save_my_score(&actor, bid, draft, Utc::now()).await?;
    Ok(Json(SheetSaved { saved_at }))
}

/// Finalises the caller's saved sheet: every criterion needs points and a justification. Once final, the
/// others' sheets for the bid become visible to the caller; only an administrator can reopen it.
#[utoipa::path(post, path = "/tenants/{tenant}/bids/{bid}/scores/mine/finalisation", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = uuid::Uuid, Path, description = "The bid's id")),
    responses(
        (status = 200, description = "Final: the sheet with its weighted score", body = MyScore),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a steering-group member, or recused from the bid's lot", body = ErrorBody),
        (status = 404, description = "No such bid, or sealed", body = ErrorBody),
        (status = 409, description = "Not declared for the lot, or already final", body = ErrorBody),
        (status = 422, description = "Incomplete: `sheet_problems` names every criterion", body = ErrorBody),
    ))]
pub async fn finalise_my_score(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<MyScore>, ApiError> {
    let bid = id(&bid, "bid")?;
    let actor = actor(&state, context, Permission::ScoreBids).await?;
    Ok(Json(app::evaluation::ops::finalise(&actor, bid, None, Utc::now()).await?))
}

/// The finalised sheets of a bid: for a member only once their own sheet for it is final (never when
/// recused), for the administration once the call has closed.
#[utoipa::path(get, path = "/tenants/{tenant}/bids/{bid}/scores", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = uuid::Uuid, Path, description = "The bid's id")),
    responses(
        (status = 200, description = "The finalised sheets", body = BidScoresView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids; recused; or the caller's own sheet is not final", body = ErrorBody),
        (status = 404, description = "No such bid, or sealed", body = ErrorBody),
        (status = 409, description = "Not declared for the lot", body = ErrorBody),
    ))]
pub async fn get_scores(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<BidScoresView>, ApiError> {
    let bid = id(&bid, "bid")?;
    let actor = actor(&state, context, Permission::ReadBids).await?;
    Ok(Json(app::evaluation::ops::others(&actor, bid, Utc::now()).await?))
}

/// Reopens a member's finalised sheet (administrators, with a reason; audited).
#[utoipa::path(post, path = "/tenants/{tenant}/bids/{bid}/scores/{member}/reopening", tag = "evaluation", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("bid" = uuid::Uuid, Path, description = "The bid's id"),
        ("member" = uuid::Uuid, Path, description = "The steering member's user id"),
    ),
    request_body = Reopening,
    responses(
        (status = 204, description = "Reopened: the sheet is a draft again"),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such bid or member", body = ErrorBody),
        (status = 409, description = "The sheet is not final", body = ErrorBody),
        (status = 422, description = "The reason is missing or too long", body = ErrorBody),
    ))]
pub async fn reopen_score(
    State(state): State<AppState>,
    Path((_tenant, bid, member)): Path<(String, String, String)>,
    Ctx(context): Ctx,
    reopening: Result<Json<Reopening>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let (bid, member) = (id(&bid, "bid")?, id(&member, "member")?);
    let reopening = body(reopening)?;
    let actor = actor(&state, context, Permission::ManageCalls).await?;
    app::evaluation::ops::reopen(&actor, bid, member, &reopening.reason, Utc::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records the steering group's recommendation for a lot (proposed bid or none, amount per year, FTE,
/// reasoning); possible once every bid of the lot has the quorum of final score sheets. Replaces an earlier
/// recommendation; audited.
#[utoipa::path(put, path = "/tenants/{tenant}/calls/{call}/lots/{lot}/recommendation", tag = "evaluation", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("call" = uuid::Uuid, Path, description = "The call's id"),
        ("lot" = uuid::Uuid, Path, description = "The lot's id"),
    ),
    request_body = RecommendationInput,
    responses(
        (status = 200, description = "Recorded", body = RecommendationView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a steering-group member, or recused from the lot", body = ErrorBody),
        (status = 404, description = "No such call or lot", body = ErrorBody),
        (status = 409, description = "Not closed, not declared, or the quorum is not reached", body = ErrorBody),
        (status = 422, description = "Reasoning missing, a bid of another lot, or amounts outside the budget years", body = ErrorBody),
    ))]
pub async fn put_recommendation(
    State(state): State<AppState>,
    Path((_tenant, call, lot)): Path<(String, String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<RecommendationInput>, JsonRejection>,
) -> Result<Json<RecommendationView>, ApiError> {
    let (call, lot) = (id(&call, "call")?, id(&lot, "lot")?);
    let input = body(input)?;
    let actor = actor(&state, context, Permission::ScoreBids).await?;
    Ok(Json(app::awards::ops::recommend(&actor, call, lot, input, Utc::now()).await?))
}

/// Records the youth welfare committee's decision on a bid (session date, resolution number, awarded or not,
/// amount per year, conditions). An award creates the coordination post (district of the lot, 0.5 FTE unless
/// given) or the steering contract (at least three years and 100,000 € in total). The organisation is
/// notified. Recorded once.
#[utoipa::path(post, path = "/tenants/{tenant}/bids/{bid}/decision", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = uuid::Uuid, Path, description = "The bid's id")),
    request_body = DecisionInput,
    responses(
        (status = 201, description = "Recorded", body = DecisionView),
        (status = 400, description = "Malformed id or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such bid, or sealed", body = ErrorBody),
        (status = 409, description = "The call has not closed, or the decision is already recorded", body = ErrorBody),
        (status = 422, description = "A field is missing, or the award breaks the resolution's rules", body = ErrorBody),
    ))]
pub async fn post_decision(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
    input: Result<Json<DecisionInput>, JsonRejection>,
) -> Result<(StatusCode, Json<DecisionView>), ApiError> {
    let bid = id(&bid, "bid")?;
    let input = body(input)?;
    let actor = actor(&state, context, Permission::ManageCalls).await?;
    Ok((StatusCode::CREATED, Json(app::awards::ops::decide(&actor, bid, input, Utc::now()).await?)))
}

/// The decision on the caller's organisation's bid, with the bid's own mean points per criterion and the
/// steering group's reasoning for the lot. Not found until the committee has decided.
#[utoipa::path(get, path = "/tenants/{tenant}/bids/{bid}/decision", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("bid" = uuid::Uuid, Path, description = "The bid's id")),
    responses(
        (status = 200, description = "The outcome", body = OutcomeView),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a carrier", body = ErrorBody),
        (status = 404, description = "No such bid of the caller's organisation, or not decided yet", body = ErrorBody),
        (status = 409, description = "The call has not closed", body = ErrorBody),
    ))]
pub async fn get_outcome(
    State(state): State<AppState>,
    Path((_tenant, bid)): Path<(String, String)>,
    Ctx(context): Ctx,
) -> Result<Json<OutcomeView>, ApiError> {
    let bid = id(&bid, "bid")?;
    let actor = actor(&state, context, Permission::DraftBids).await?;
    Ok(Json(app::awards::ops::outcome(&actor, bid, Utc::now()).await?))
}

/// The funded coordination posts and the steering contract: district, carrier, FTE, dates, funding per
/// budget year and the committee's resolution.
#[utoipa::path(get, path = "/tenants/{tenant}/posts", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    responses(
        (status = 200, description = "The posts, the steering contract first", body = [PostView]),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither administration nor steering group", body = ErrorBody),
    ))]
pub async fn list_posts(
    State(state): State<AppState>,
    Path(_tenant): Path<String>,
    Ctx(context): Ctx,
) -> Result<Json<Vec<PostView>>, ApiError> {
    let actor = actor(&state, context, Permission::ReadLedger).await?;
    Ok(Json(app::awards::ops::posts(&actor).await?))
}

/// Which file of the ranking.
#[derive(Debug, Clone, Copy)]
pub enum RankingFile {
    Csv,
    Xlsx,
}

/// The ranking and score matrix as a file, for whoever may see the ranking (the same hiding rules apply),
/// labelled in the request's language. Shared by the API and the pages' download links.
pub async fn ranking_file(
    state: &AppState,
    context: app::auth::RequestContext,
    call: uuid::Uuid,
    file: RankingFile,
    locale: model::Locale,
) -> Result<axum::response::Response, ApiError> {
    let actor = actor(state, context, Permission::ReadBids).await?;
    let view = app::evaluation::ops::ranking(&actor, call, Utc::now()).await?;
    let (bytes, media_type, extension) = match file {
        RankingFile::Csv => (app::exports::ranking_csv(&view, locale)?, "text/csv; charset=utf-8", "csv"),
        RankingFile::Xlsx => (
            app::exports::ranking_xlsx(&view, locale)?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    Ok(crate::uploads::file_response(&format!("rangfolge-{call}.{extension}"), media_type, bytes))
}

fn locale_of(locale: Option<axum::Extension<model::Locale>>) -> model::Locale {
    locale.map(|axum::Extension(l)| l).unwrap_or_default()
}

/// The ranking and score matrix as CSV (`;`-separated with decimal commas for German, `,` and points for
/// English; by `Accept-Language`).
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/ranking.csv", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The CSV file", content_type = "text/csv"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids", body = ErrorBody),
        (status = 404, description = "No such published call", body = ErrorBody),
        (status = 409, description = "The call has not closed", body = ErrorBody),
    ))]
pub async fn get_ranking_csv(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
) -> Result<axum::response::Response, ApiError> {
    let call = id(&call, "call")?;
    ranking_file(&state, context, call, RankingFile::Csv, locale_of(locale)).await
}

/// The ranking and score matrix as an XLSX workbook (sheets "Rangfolge" and "Punktematrix", figures as
/// numbers).
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/ranking.xlsx", tag = "evaluation", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids", body = ErrorBody),
        (status = 404, description = "No such published call", body = ErrorBody),
        (status = 409, description = "The call has not closed", body = ErrorBody),
    ))]
pub async fn get_ranking_xlsx(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
) -> Result<axum::response::Response, ApiError> {
    let call = id(&call, "call")?;
    ranking_file(&state, context, call, RankingFile::Xlsx, locale_of(locale)).await
}

/// The decision proposal as PDF, for whoever may see the ranking (the same hiding rules apply), in the
/// request's language. Shared by the API and the proposal page's download link.
pub async fn decision_proposal_file(
    state: &AppState,
    context: app::auth::RequestContext,
    call: uuid::Uuid,
    locale: model::Locale,
) -> Result<axum::response::Response, ApiError> {
    let actor = actor(state, context, Permission::ReadBids).await?;
    let bytes = app::documents::ops::decision_proposal_pdf(&actor, call, locale, Utc::now()).await?;
    Ok(crate::uploads::file_response(&format!("beschlussvorlage-{call}.pdf"), "application/pdf", bytes))
}

/// The decision proposal (Beschlussvorlage) for the youth welfare committee as an A4 PDF: the recommended
/// awards per lot, the money per budget year, the rubric, the ranking and the group's reasoning.
#[utoipa::path(get, path = "/tenants/{tenant}/calls/{call}/decision-proposal.pdf", tag = "evaluation",
    security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("call" = uuid::Uuid, Path, description = "The call's id")),
    responses(
        (status = 200, description = "The PDF", content_type = "application/pdf"),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a reader of bids", body = ErrorBody),
        (status = 404, description = "No such published call", body = ErrorBody),
        (status = 409, description = "The call has not closed", body = ErrorBody),
    ))]
pub async fn get_decision_proposal_pdf(
    State(state): State<AppState>,
    Path((_tenant, call)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
    Ctx(context): Ctx,
) -> Result<axum::response::Response, ApiError> {
    let call = id(&call, "call")?;
    decision_proposal_file(&state, context, call, locale_of(locale)).await
}
