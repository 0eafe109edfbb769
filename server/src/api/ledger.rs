//! The programme's money over the API: the budget per year, the append-only ledger (read and add — there is
//! no PUT, PATCH or DELETE; a mistake is reversed by a correction) and the closing of a budget year. The same
//! operations as the controlling pages (`app::controlling::ops`), with the same rules.

use super::{ApiError, Ctx, ErrorBody, actor, body, query};
use crate::startup::AppState;
use app::AppError;
use app::controlling::ops;
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::Utc;
use model::controlling::{CommitteeReportView, CommitteeText};
use model::ledger::{BudgetView, ClosingView, EntryView, ImportView, LedgerPage, Posting};
use model::policy::{Access, Permission};
use serde::Deserialize;
use utoipa::IntoParams;

const TENANT: &str = "The tenant's URL name, e.g. `dresden`";

/// The budget year to show.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BudgetQuery {
    /// A budget year, e.g. `2019`.
    pub year: i32,
}

/// What a page of the ledger is narrowed to.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerQuery {
    /// Only rows of this budget year.
    pub year: Option<i32>,
    /// Only rows of this kind: `appropriation`, `commitment`, `disbursement`, `carry_in` or `carry_out`.
    pub kind: Option<String>,
    /// Only rows for this post or steering contract.
    pub award: Option<uuid::Uuid>,
    /// The page, from 1; 50 rows each.
    pub page: Option<u64>,
}

/// The budget of one year, per programme and module: appropriated, carried in (earmarked, from the year
/// before), committed by awards, disbursed, carried out (at the closing) and available — as decimal strings
/// in euros. available = appropriated + carried_in − disbursed − carried_out.
#[utoipa::path(get, path = "/tenants/{tenant}/budget", tag = "controlling", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), BudgetQuery),
    responses(
        (status = 200, description = "The year's budget lines and their total", body = BudgetView),
        (status = 400, description = "Missing or malformed year", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither the steering group nor the administration", body = ErrorBody),
        (status = 422, description = "A year outside 2000–2200", body = ErrorBody),
    ))]
pub async fn budget(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    year: Result<Query<BudgetQuery>, QueryRejection>,
) -> Result<Json<BudgetView>, ApiError> {
    let BudgetQuery { year } = query(year)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadLedger)).await?;
    Ok(Json(ops::budget(&actor, year).await?))
}

/// The ledger, newest first, 50 rows a page. A correction shows as a row of the kind it reverses with the
/// negated amount and `reverses`; the row it reverses names it in `reversed_by`.
#[utoipa::path(get, path = "/tenants/{tenant}/ledger", tag = "controlling", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), LedgerQuery),
    responses(
        (status = 200, description = "A page of the ledger", body = LedgerPage),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither the steering group nor the administration", body = ErrorBody),
        (status = 422, description = "Unknown kind, or a year outside 2000–2200", body = ErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    filter: Result<Query<LedgerQuery>, QueryRejection>,
) -> Result<Json<LedgerPage>, ApiError> {
    let LedgerQuery { year, kind, award, page } = query(filter)?;
    let actor = actor(&state, context, Access::Requires(Permission::ReadLedger)).await?;
    Ok(Json(ops::ledger(&actor, ops::Filter { year, kind, award, page }).await?))
}

/// Adds a row (administration): an `appropriation` (a budget with its decision), a `disbursement` (a
/// payment for a post or the steering contract, charged to that award's module — earmarked money is spent
/// only within its programme and module), or a `correction` reversing one row of an open year with a reason.
/// Commitments come from awards, carry-overs from the closing of a year.
#[utoipa::path(post, path = "/tenants/{tenant}/ledger", tag = "controlling", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT)),
    request_body = Posting,
    responses(
        (status = 201, description = "The new row", body = EntryView),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the administration", body = ErrorBody),
        (status = 409, description = "The year is closed, or the row was reversed already", body = ErrorBody),
        (status = 422, description = "A rule of the ledger: amount, reference, earmark, more than available", body = ErrorBody),
    ))]
pub async fn add(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    posting: Result<Json<Posting>, JsonRejection>,
) -> Result<(StatusCode, Json<EntryView>), ApiError> {
    let posting = body(posting)?;
    let actor = actor(&state, context, Access::Requires(Permission::WriteLedger)).await?;
    Ok((StatusCode::CREATED, Json(ops::post(&actor, posting, Utc::now()).await?)))
}

/// Closes a budget year (administration), once it has ended and every earlier year is closed: each line's
/// rest is carried, earmarked, into the same programme and module of the next year (a `carry_out` row here,
/// a `carry_in` row there), and the year takes no more rows. Closing a closed year again answers 200 with
/// what its closing carried.
#[utoipa::path(post, path = "/tenants/{tenant}/budget/{year}/closing", tag = "controlling", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("year" = i32, Path, description = "The budget year")),
    responses(
        (status = 201, description = "What was carried into the next year", body = ClosingView),
        (status = 200, description = "Closed already: what its closing carried", body = ClosingView),
        (status = 400, description = "Malformed year", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the administration", body = ErrorBody),
        (status = 409, description = "A later year is closed", body = ErrorBody),
        (status = 422, description = "The year has not ended, or an earlier year is open", body = ErrorBody),
    ))]
pub async fn close(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    Path((_tenant, year)): Path<(String, String)>,
) -> Result<(StatusCode, Json<ClosingView>), ApiError> {
    let year: i32 =
        year.parse().map_err(|_| ApiError(AppError::BadRequest { message: "the year is not a number".to_owned() }))?;
    let actor = actor(&state, context, Access::Requires(Permission::WriteLedger)).await?;
    let (view, created) = ops::close_year(&actor, year, Utc::now()).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(view)))
}

/// The yearly report to the youth welfare committee (seed §9): `{year}` alone answers with its data as JSON
/// (the year's budget and money per year, the burn-down, the money per post, the districts' coverage, the
/// reports' figures per district and the steering group's text); `{year}.pdf` with the typeset A4 report,
/// `{year}.xlsx` and `{year}.csv` with its tables — in the request's language.
#[utoipa::path(get, path = "/tenants/{tenant}/committee-reports/{year}", tag = "controlling", security(("bearer" = [])),
    params(
        ("tenant" = String, Path, description = TENANT),
        ("year" = String, Path, description = "The budget year, e.g. `2019`, or `2019.pdf`, `2019.xlsx`, `2019.csv`"),
    ),
    responses(
        (status = 200, description = "The report: JSON for the plain year, else the file",
            content(
                (CommitteeReportView = "application/json"),
                ("application/pdf"),
                ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("text/csv"),
            )),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Neither the steering group nor the administration", body = ErrorBody),
        (status = 404, description = "Not a year or a known form of the report", body = ErrorBody),
        (status = 422, description = "A year outside 2000–2200", body = ErrorBody),
    ))]
pub async fn committee_report(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    Path((_tenant, year)): Path<(String, String)>,
    locale: Option<axum::Extension<model::Locale>>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let Some((year, file)) = ops::CommitteeFile::parse(&year) else {
        return Err(ApiError(AppError::NotFound));
    };
    let actor = actor(&state, context, Access::Requires(Permission::ReadLedger)).await?;
    let now = Utc::now();
    match file {
        None => Ok(Json(ops::committee_report(&actor, year, now).await?).into_response()),
        Some(file) => {
            let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
            let (bytes, media_type, name) = ops::committee_file(&actor, year, file, locale, now).await?;
            Ok(crate::uploads::file_response(&name, media_type, bytes))
        }
    }
}

/// Writes the steering group's narrative and notable measures for the year's report (a member of the
/// steering group); answers with what was saved.
#[utoipa::path(put, path = "/tenants/{tenant}/committee-reports/{year}/text", tag = "controlling", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ("year" = i32, Path, description = "The budget year")),
    request_body = CommitteeText,
    responses(
        (status = 200, description = "The saved text", body = CommitteeText),
        (status = 400, description = "Malformed year or body", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not a member of the steering group", body = ErrorBody),
        (status = 422, description = "A year outside 2000–2200, or a text over 20,000 characters", body = ErrorBody),
    ))]
pub async fn put_committee_text(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    Path((_tenant, year)): Path<(String, String)>,
    text: Result<Json<CommitteeText>, JsonRejection>,
) -> Result<Json<CommitteeText>, ApiError> {
    let year: i32 =
        year.parse().map_err(|_| ApiError(AppError::BadRequest { message: "the year is not a number".to_owned() }))?;
    let text = body(text)?;
    let actor = actor(&state, context, Access::Requires(Permission::WriteCommitteeReport)).await?;
    Ok(Json(ops::save_committee_text(&actor, year, text, Utc::now()).await?))
}

/// Whether an import books its rows.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `true` to book the rows (all of them, and only if no row has a problem); otherwise a preview.
    pub commit: Option<bool>,
}

/// Imports appropriations and disbursements from a finance system's CSV (administration). The header row
/// names the columns in German or English — Art/kind, Modul/module, Haushaltsjahr/year, Betrag/amount,
/// Datum/date, Aktenzeichen/reference, Stelle/award (a post's district, the steering carrier, or an id),
/// Vermerk/note — separated by `;` or `,`; amounts and days as people write them (`1.234,56`,
/// `31.03.2026`). Every row is checked by the ledger's rules in order; with `commit=true` the rows are
/// booked all together, and only if none has a problem. The answer lists every row with its problem.
#[utoipa::path(post, path = "/tenants/{tenant}/ledger/import", tag = "controlling", security(("bearer" = [])),
    params(("tenant" = String, Path, description = TENANT), ImportQuery),
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses(
        (status = 200, description = "Every row with its problem; `committed` says whether they were booked", body = ImportView),
        (status = 400, description = "Malformed query or a body that is not text", body = ErrorBody),
        (status = 401, description = "No valid bearer token for this tenant", body = ErrorBody),
        (status = 403, description = "Not the administration", body = ErrorBody),
        (status = 422, description = "No header row with the needed columns, no rows, or more than 5,000", body = ErrorBody),
    ))]
pub async fn import(
    State(state): State<AppState>,
    Ctx(context): Ctx,
    commit: Result<Query<ImportQuery>, QueryRejection>,
    locale: Option<axum::Extension<model::Locale>>,
    csv: Result<String, axum::extract::rejection::StringRejection>,
) -> Result<Json<ImportView>, ApiError> {
    let ImportQuery { commit } = query(commit)?;
    let csv = csv.map_err(|rejection| ApiError(AppError::BadRequest { message: rejection.body_text() }))?;
    let actor = actor(&state, context, Access::Requires(Permission::WriteLedger)).await?;
    let locale = locale.map(|axum::Extension(l)| l).unwrap_or_default();
    Ok(Json(ops::import(&actor, &csv, commit.unwrap_or(false), locale, Utc::now()).await?))
}
