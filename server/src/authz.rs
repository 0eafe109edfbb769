//! The guard: who is calling, and may they use this route? One place for every page, server function and
//! API operation.
//!
//! [`access_for`] is the table of what each route requires (see `model::policy` for the roles). The
//! [`guard`] middleware runs for every routed request: it finds the caller (session cookie for pages and
//! server functions, bearer token for the API — the API never honours cookies), decides, and puts the
//! [`RequestContext`] into the request for the handler. A route missing from the table is refused with a
//! 500 and fails the route-sweep test, so a new route cannot be added without deciding who may use it.

use crate::api::ApiError;
use crate::startup::AppState;
use crate::tokens;
use app::auth::accounts::LoadedCaller;
use app::auth::{Caller, RequestContext, accounts, session_keys};
use app::{AppError, PageTenant};
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use model::policy::{self, Access, Decision, Permission};
use std::net::SocketAddr;
use tower_sessions::Session;

/// A browser session ends this long after sign-in, however active (absolute timeout).
pub const ABSOLUTE_SESSION_HOURS: i64 = 12;
/// …and after this long without a request (idle timeout; see `startup`).
pub const IDLE_SESSION_MINUTES: i64 = 60;
/// How often an active session's idle expiry is renewed (and its row written).
pub const RENEW_IDLE_EXPIRY_SECONDS: i64 = 60;

/// Routes served by plain axum handlers outside Leptos and the API (the route sweep walks them too): GET
/// downloads and the POST upload form's target. The guard answers 403 for them itself, since no page
/// renders a notice.
pub const DOWNLOAD_ROUTES: &[&str] = &[
    "/{tenant}/account/data.json",
    "/{tenant}/bids/{id}/attachments/{attachment}",
    "/{tenant}/calls/{id}/lots/{lot}/bids.zip",
    "/{tenant}/calls/{id}/ranking.csv",
    "/{tenant}/calls/{id}/ranking.xlsx",
    "/{tenant}/calls/{id}/decision-proposal.pdf",
    "/{tenant}/committee-reports/{year}",
    "/{tenant}/resolution-register/{file}",
    "/{tenant}/steering/meetings/{id}/files/{file}",
    "/{tenant}/exchange/{id}/files/{file}",
    "/{tenant}/reports/{id}/files/{file}",
];
pub const UPLOAD_ROUTES: &[&str] = &[
    "/{tenant}/bids/{id}/attachments",
    "/{tenant}/exchange/{id}/files",
    "/{tenant}/reports/{id}/files",
    "/{tenant}/steering/meetings/{id}/files",
];

/// What each route requires. Keys are axum's matched paths.
pub fn access_for(method: &Method, path: &str) -> Option<Access> {
    use Access::{Public, Requires, SignedIn};
    let access = match (method.as_str(), path) {
        // Pages.
        ("GET", "/" | "/{tenant}" | "/{tenant}/districts" | "/{tenant}/sign-in") => Public,
        ("GET", "/{tenant}/forgot-password" | "/{tenant}/set-password") => Public,
        ("GET", "/{tenant}/calls" | "/{tenant}/calls/{id}") => Public,
        ("GET", "/{tenant}/register" | "/{tenant}/confirm-email") => Public,
        ("GET", "/{tenant}/organisation" | "/{tenant}/bids" | "/{tenant}/bids/{id}") => Requires(Permission::DraftBids),
        ("GET", "/{tenant}/bids/{id}/versions/{number}" | "/{tenant}/notifications") => SignedIn,
        (
            "GET",
            "/{tenant}/reports"
            | "/{tenant}/reports/{id}"
            | "/{tenant}/reports/compliance"
            | "/{tenant}/reports/figures",
        ) => SignedIn,
        ("GET", "/{tenant}/calls/{id}/bids" | "/{tenant}/calls/{id}/lots/{lot}/bids.zip") => {
            Requires(Permission::ReadBids)
        }
        ("GET", "/{tenant}/calls/{id}/evaluation" | "/{tenant}/calls/{id}/ranking") => Requires(Permission::ReadBids),
        ("GET", "/{tenant}/calls/{id}/decision-proposal" | "/{tenant}/calls/{id}/decision-proposal.pdf") => {
            Requires(Permission::ReadBids)
        }
        ("GET", "/{tenant}/bids/{id}/score") => Requires(Permission::ScoreBids),
        ("GET", "/{tenant}/calls/{id}/ranking/recommendation") => Requires(Permission::ScoreBids),
        ("GET", "/{tenant}/calls/{id}/ranking/decision") => Requires(Permission::ManageCalls),
        ("GET", "/{tenant}/posts" | "/{tenant}/controlling" | "/{tenant}/controlling/ledger") => {
            Requires(Permission::ReadLedger)
        }
        ("GET", "/{tenant}/controlling/committee-report" | "/{tenant}/committee-reports/{year}") => {
            Requires(Permission::ReadLedger)
        }
        ("GET", "/{tenant}/controlling/committee-report/text") => Requires(Permission::WriteCommitteeReport),
        ("GET", "/{tenant}/controlling/import") => Requires(Permission::WriteLedger),
        (
            "GET",
            "/{tenant}/steering"
            | "/{tenant}/steering/meetings/{id}"
            | "/{tenant}/steering/resolutions"
            | "/{tenant}/resolution-register/{file}"
            | "/{tenant}/steering/meetings/{id}/files/{file}",
        ) => Requires(Permission::ReadSteering),
        ("POST", "/{tenant}/steering/meetings/{id}/files") => Requires(Permission::RunSteering),
        // Commissions are read by the group and by whom they are addressed to: `app::steering::ops` decides.
        ("GET", "/{tenant}/steering/commissions" | "/{tenant}/steering/commissions/{id}") => SignedIn,
        ("GET", "/{tenant}/calls/{id}/ranking.csv" | "/{tenant}/calls/{id}/ranking.xlsx") => {
            Requires(Permission::ReadBids)
        }
        ("GET", "/{tenant}/admin/organisations") => Requires(Permission::ManageUsers),
        ("GET", "/{tenant}/bids/{id}/attachments/{attachment}") => SignedIn,
        ("POST", "/{tenant}/bids/{id}/attachments") => Requires(Permission::DraftBids),
        // Who takes part in the exchange depends on the steering contract: `app::exchange::ops` decides.
        ("GET", "/{tenant}/exchange" | "/{tenant}/exchange/{id}" | "/{tenant}/exchange/{id}/files/{file}") => SignedIn,
        ("POST", "/{tenant}/exchange/{id}/files") => SignedIn,
        ("GET", "/{tenant}/reports/{id}/files/{file}") => SignedIn,
        ("POST", "/{tenant}/reports/{id}/files") => Requires(Permission::FileReports),
        ("POST", "/fn/remove_report_file") => Requires(Permission::FileReports),
        ("POST", "/fn/set_post_schedule") => Requires(Permission::ManageCalls),
        ("PUT", "/api/v1/tenants/{tenant}/posts/{post}/schedule") => Requires(Permission::ManageCalls),
        ("POST", "/fn/exchange_threads" | "/fn/exchange_thread" | "/fn/open_thread" | "/fn/reply_thread") => SignedIn,
        ("GET", "/{tenant}/admin/calls" | "/{tenant}/admin/calls/{id}") => Requires(Permission::ManageCalls),
        ("GET", "/{tenant}/account" | "/{tenant}/account/data.json") => SignedIn,
        (
            "GET",
            "/{tenant}/admin" | "/{tenant}/admin/users" | "/{tenant}/admin/users/invite" | "/{tenant}/admin/users/{id}",
        ) => Requires(Permission::ManageUsers),
        ("GET", "/{tenant}/admin/steering") => Requires(Permission::ManageUsers),
        ("GET", "/{tenant}/admin/districts") => Requires(Permission::ManageDistricts),
        ("GET", "/{tenant}/admin/settings") => Requires(Permission::ManageSettings),
        ("GET", "/{tenant}/admin/audit") => Requires(Permission::ReadAuditLog),
        // Server functions (called with POST).
        ("POST", "/fn/tenant" | "/fn/tenants" | "/fn/districts" | "/fn/whoami" | "/fn/sign_in") => Public,
        ("POST", "/fn/set_password" | "/fn/request_password_reset" | "/fn/set_language") => Public,
        ("POST", "/fn/my_tokens" | "/fn/create_token" | "/fn/revoke_token") => SignedIn,
        ("POST", "/fn/sign_out" | "/fn/change_password" | "/fn/my_sessions" | "/fn/end_session") => SignedIn,
        ("POST", "/fn/admin_user" | "/fn/set_contact_districts" | "/fn/invitation_organisations") => {
            Requires(Permission::ManageUsers)
        }
        ("POST", "/fn/admin_users" | "/fn/invite_user" | "/fn/set_user_roles" | "/fn/set_user_active") => {
            Requires(Permission::ManageUsers)
        }
        ("POST", "/fn/anonymise_user" | "/fn/resend_invitation" | "/fn/steering_group") => {
            Requires(Permission::ManageUsers)
        }
        ("POST", "/fn/admin_districts" | "/fn/create_district" | "/fn/rename_district") => {
            Requires(Permission::ManageDistricts)
        }
        ("POST", "/fn/move_district" | "/fn/retire_district") => Requires(Permission::ManageDistricts),
        ("POST", "/fn/tenant_settings" | "/fn/update_tenant_settings") => Requires(Permission::ManageSettings),
        ("POST", "/fn/audit_lines") => Requires(Permission::ReadAuditLog),
        ("POST", "/fn/public_calls" | "/fn/public_call") => Public,
        ("POST", "/fn/admin_calls" | "/fn/admin_call" | "/fn/create_call" | "/fn/update_call") => {
            Requires(Permission::ManageCalls)
        }
        ("POST", "/fn/publish_call" | "/fn/close_call" | "/fn/add_question" | "/fn/remove_question") => {
            Requires(Permission::ManageCalls)
        }
        ("POST", "/fn/remove_lot" | "/fn/rename_lot" | "/fn/move_question") => Requires(Permission::ManageCalls),
        ("POST", "/fn/register_organisation" | "/fn/confirm_email") => Public,
        ("POST", "/fn/my_organisation" | "/fn/update_organisation" | "/fn/invite_colleague") => {
            Requires(Permission::DraftBids)
        }
        ("POST", "/fn/admin_organisations" | "/fn/verify_organisation") => Requires(Permission::ManageUsers),
        ("POST", "/fn/my_bids" | "/fn/start_bid" | "/fn/bid" | "/fn/save_draft" | "/fn/submit_bid") => {
            Requires(Permission::DraftBids)
        }
        ("POST", "/fn/withdraw_bid" | "/fn/remove_attachment") => Requires(Permission::DraftBids),
        ("POST", "/fn/bid_version" | "/fn/my_notifications" | "/fn/mark_notifications_read") => SignedIn,
        ("POST", "/fn/reports" | "/fn/report" | "/fn/report_compliance" | "/fn/report_figures") => SignedIn,
        // The home page asks for everyone; a visitor has no work with reports.
        ("POST", "/fn/report_tasks" | "/fn/controlling_tasks") => Public,
        ("POST", "/fn/start_report" | "/fn/save_report" | "/fn/submit_report") => Requires(Permission::FileReports),
        ("POST", "/fn/review_report") => Requires(Permission::ReviewReports),
        ("POST", "/fn/call_bids") => Requires(Permission::ReadBids),
        ("POST", "/fn/evaluation" | "/fn/bid_scores" | "/fn/ranking") => Requires(Permission::ReadBids),
        ("POST", "/fn/decision_proposal") => Requires(Permission::ReadBids),
        ("POST", "/fn/declare_conflicts" | "/fn/my_score_sheet" | "/fn/save_score" | "/fn/finalise_score") => {
            Requires(Permission::ScoreBids)
        }
        // Each caller's own evaluation work; empty for anyone who does not score.
        ("POST", "/fn/evaluation_tasks") => Public,
        ("POST", "/fn/reopen_score" | "/fn/decide") => Requires(Permission::ManageCalls),
        ("POST", "/fn/call_rubric" | "/fn/set_rubric") => Requires(Permission::ManageCalls),
        ("POST", "/fn/recommend") => Requires(Permission::ScoreBids),
        ("POST", "/fn/posts" | "/fn/controlling_dashboard" | "/fn/ledger_entries") => Requires(Permission::ReadLedger),
        ("POST", "/fn/add_ledger_entry" | "/fn/close_budget_year" | "/fn/import_ledger") => {
            Requires(Permission::WriteLedger)
        }
        ("POST", "/fn/committee_report") => Requires(Permission::ReadLedger),
        ("POST", "/fn/committee_text" | "/fn/save_committee_text") => Requires(Permission::WriteCommitteeReport),
        ("POST", "/fn/bid_outcome") => Requires(Permission::DraftBids),
        (
            "POST",
            "/fn/steering_meetings"
            | "/fn/steering_meeting"
            | "/fn/resolutions"
            | "/fn/record_attendance"
            | "/fn/record_recusals"
            | "/fn/save_minutes"
            | "/fn/record_resolution"
            | "/fn/circulate_minutes"
            | "/fn/approve_minutes",
        ) => Requires(Permission::ReadSteering),
        (
            "POST",
            "/fn/plan_meeting"
            | "/fn/add_agenda_item"
            | "/fn/invite_meeting"
            | "/fn/name_minutes_writer"
            | "/fn/commission_assignees"
            | "/fn/give_commission",
        ) => Requires(Permission::RunSteering),
        ("POST", "/fn/commissions" | "/fn/commission" | "/fn/report_commission_progress") => SignedIn,
        // The home page's card: empty for visitors.
        ("POST", "/fn/steering_tasks") => Public,
        // REST API.
        ("GET", "/api/v1/openapi.json" | "/api/v1/tenants" | "/api/v1/tenants/{tenant}") => Public,
        ("GET", "/api/v1/tenants/{tenant}/districts") => Public,
        ("GET", "/api/v1/tenants/{tenant}/calls" | "/api/v1/tenants/{tenant}/calls/{call}") => Public,
        ("GET", "/api/v1/tenants/{tenant}/organisations") => Requires(Permission::ManageUsers),
        ("GET", "/api/v1/tenants/{tenant}/organisation" | "/api/v1/tenants/{tenant}/bids") => {
            Requires(Permission::DraftBids)
        }
        ("GET", "/api/v1/tenants/{tenant}/bids/{bid}") => Requires(Permission::DraftBids),
        ("PUT", "/api/v1/tenants/{tenant}/bids/{bid}/draft") => Requires(Permission::DraftBids),
        (
            "POST",
            "/api/v1/tenants/{tenant}/calls/{call}/lots/{lot}/bids"
            | "/api/v1/tenants/{tenant}/bids/{bid}/submission"
            | "/api/v1/tenants/{tenant}/bids/{bid}/withdrawal"
            | "/api/v1/tenants/{tenant}/bids/{bid}/attachments",
        ) => Requires(Permission::DraftBids),
        ("GET", "/api/v1/tenants/{tenant}/bids/{bid}/versions/{number}") => SignedIn,
        ("GET", "/api/v1/tenants/{tenant}/bids/{bid}/attachments/{attachment}") => SignedIn,
        ("DELETE", "/api/v1/tenants/{tenant}/bids/{bid}/attachments/{attachment}") => Requires(Permission::DraftBids),
        ("PUT", "/api/v1/tenants/{tenant}/organisation") => Requires(Permission::DraftBids),
        ("GET", "/api/v1/tenants/{tenant}/calls/{call}/lots/{lot}/archive") => Requires(Permission::ReadBids),
        ("GET", "/api/v1/tenants/{tenant}/calls/{call}/bids") => Requires(Permission::ReadBids),
        (
            "GET",
            "/api/v1/tenants/{tenant}/calls/{call}/evaluation" | "/api/v1/tenants/{tenant}/calls/{call}/ranking",
        ) => Requires(Permission::ReadBids),
        ("GET", "/api/v1/tenants/{tenant}/bids/{bid}/scores") => Requires(Permission::ReadBids),
        ("PUT", "/api/v1/tenants/{tenant}/calls/{call}/declarations") => Requires(Permission::ScoreBids),
        ("GET" | "PUT", "/api/v1/tenants/{tenant}/bids/{bid}/scores/mine") => Requires(Permission::ScoreBids),
        ("POST", "/api/v1/tenants/{tenant}/bids/{bid}/scores/mine/finalisation") => Requires(Permission::ScoreBids),
        ("GET" | "PUT", "/api/v1/tenants/{tenant}/calls/{call}/rubric") => Requires(Permission::ManageCalls),
        ("POST", "/api/v1/tenants/{tenant}/bids/{bid}/scores/{member}/reopening") => Requires(Permission::ManageCalls),
        ("PUT", "/api/v1/tenants/{tenant}/calls/{call}/lots/{lot}/recommendation") => Requires(Permission::ScoreBids),
        ("POST", "/api/v1/tenants/{tenant}/bids/{bid}/decision") => Requires(Permission::ManageCalls),
        ("GET", "/api/v1/tenants/{tenant}/bids/{bid}/decision") => Requires(Permission::DraftBids),
        ("GET", "/api/v1/tenants/{tenant}/posts") => Requires(Permission::ReadLedger),
        (
            "GET",
            "/api/v1/tenants/{tenant}/calls/{call}/ranking.csv"
            | "/api/v1/tenants/{tenant}/calls/{call}/ranking.xlsx"
            | "/api/v1/tenants/{tenant}/calls/{call}/decision-proposal.pdf",
        ) => Requires(Permission::ReadBids),
        (
            "GET",
            "/api/v1/tenants/{tenant}/reports"
            | "/api/v1/tenants/{tenant}/reports/{report}"
            | "/api/v1/tenants/{tenant}/compliance"
            | "/api/v1/tenants/{tenant}/report-figures",
        ) => SignedIn,
        (
            "GET",
            "/api/v1/tenants/{tenant}/exchange"
            | "/api/v1/tenants/{tenant}/exchange/{post}"
            | "/api/v1/tenants/{tenant}/exchange/{post}/files/{file}",
        ) => SignedIn,
        (
            "POST",
            "/api/v1/tenants/{tenant}/exchange"
            | "/api/v1/tenants/{tenant}/exchange/{post}/replies"
            | "/api/v1/tenants/{tenant}/exchange/{post}/files",
        ) => SignedIn,
        (
            "POST" | "PUT",
            "/api/v1/tenants/{tenant}/reports"
            | "/api/v1/tenants/{tenant}/reports/{report}/draft"
            | "/api/v1/tenants/{tenant}/reports/{report}/submission"
            | "/api/v1/tenants/{tenant}/reports/{report}/files",
        ) => Requires(Permission::FileReports),
        ("GET", "/api/v1/tenants/{tenant}/reports/{report}/files/{file}") => SignedIn,
        ("DELETE", "/api/v1/tenants/{tenant}/reports/{report}/files/{file}") => Requires(Permission::FileReports),
        ("POST", "/api/v1/tenants/{tenant}/reports/{report}/review") => Requires(Permission::ReviewReports),
        ("POST", "/api/v1/tenants/{tenant}/posts/{post}/coordinators") => Requires(Permission::ManageUsers),
        ("GET", "/api/v1/tenants/{tenant}/budget" | "/api/v1/tenants/{tenant}/ledger") => {
            Requires(Permission::ReadLedger)
        }
        ("GET", "/api/v1/tenants/{tenant}/committee-reports/{year}") => Requires(Permission::ReadLedger),
        ("PUT", "/api/v1/tenants/{tenant}/committee-reports/{year}/text") => Requires(Permission::WriteCommitteeReport),
        (
            "POST",
            "/api/v1/tenants/{tenant}/ledger"
            | "/api/v1/tenants/{tenant}/ledger/import"
            | "/api/v1/tenants/{tenant}/budget/{year}/closing",
        ) => Requires(Permission::WriteLedger),
        ("GET", "/api/v1/tenants/{tenant}/meetings" | "/api/v1/tenants/{tenant}/meetings/{meeting}") => {
            Requires(Permission::ReadSteering)
        }
        (
            "GET",
            "/api/v1/tenants/{tenant}/resolutions" | "/api/v1/tenants/{tenant}/meetings/{meeting}/files/{file}",
        ) => Requires(Permission::ReadSteering),
        ("POST", "/api/v1/tenants/{tenant}/meetings/{meeting}/files") => Requires(Permission::RunSteering),
        ("POST", "/api/v1/tenants/{tenant}/meetings" | "/api/v1/tenants/{tenant}/meetings/{meeting}/agenda") => {
            Requires(Permission::RunSteering)
        }
        ("POST", "/api/v1/tenants/{tenant}/meetings/{meeting}/invitation" | "/api/v1/tenants/{tenant}/commissions") => {
            Requires(Permission::RunSteering)
        }
        // The minutes' writer is named per meeting: `app::steering::ops` decides among the members.
        (
            "PUT",
            "/api/v1/tenants/{tenant}/meetings/{meeting}/attendance"
            | "/api/v1/tenants/{tenant}/meetings/{meeting}/minutes"
            | "/api/v1/tenants/{tenant}/agenda-items/{item}/recusals"
            | "/api/v1/tenants/{tenant}/agenda-items/{item}/resolution",
        ) => Requires(Permission::ReadSteering),
        (
            "POST",
            "/api/v1/tenants/{tenant}/meetings/{meeting}/minutes/circulation"
            | "/api/v1/tenants/{tenant}/meetings/{meeting}/minutes/approval",
        ) => Requires(Permission::ReadSteering),
        // Commissions are read by the group and by whom they are addressed to: `app::steering::ops` decides.
        ("GET", "/api/v1/tenants/{tenant}/commissions" | "/api/v1/tenants/{tenant}/commissions/{commission}") => {
            SignedIn
        }
        ("POST", "/api/v1/tenants/{tenant}/commissions/{commission}/progress") => SignedIn,
        ("POST", "/api/v1/auth/token") => Public,
        ("GET", "/api/v1/me") => SignedIn,
        _ => return None,
    };
    Some(access)
}

/// Every request's client address, for throttling and the audit log. Behind a proxy, the last
/// `X-Forwarded-For` entry (written by our proxy; earlier entries are whatever the client claimed).
pub fn client_addr(request: &Request, behind_proxy: bool) -> String {
    if behind_proxy
        && let Some(forwarded) = request
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| v.parse::<std::net::IpAddr>().is_ok())
    {
        return forwarded.to_owned();
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let Some(matched) = request.extensions().get::<MatchedPath>().map(|m| m.as_str().to_owned()) else {
        return next.run(request).await;
    };
    // HEAD is GET without a body, as axum routes it.
    let method = if request.method() == Method::HEAD { Method::GET } else { request.method().clone() };
    let Some(access) = access_for(&method, &matched) else {
        let allowed: Vec<&str> = [Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE]
            .iter()
            .filter(|other| access_for(other, &matched).is_some())
            .map(Method::as_str)
            .collect();
        if !allowed.is_empty() {
            // A method the route does not have; refused here, before any handler could run unguarded.
            let allow = HeaderValue::from_str(&allowed.join(", ")).unwrap_or(HeaderValue::from_static("GET"));
            return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, allow)]).into_response();
        }
        tracing::error!(method = %request.method(), path = %matched, "route has no entry in the access table");
        return (StatusCode::INTERNAL_SERVER_ERROR, "route without access policy").into_response();
    };
    let kind = RouteKind::of(&matched);
    let session = request.extensions().get::<Session>().cloned();

    let caller = match kind {
        RouteKind::Api => match bearer_caller(&state, request.headers()).await {
            Ok(caller) => caller,
            Err(err) => return ApiError(err).into_response(),
        },
        RouteKind::Page | RouteKind::ServerFn => match session.as_ref() {
            Some(session) => match session_caller(&state, session).await {
                Ok(caller) => caller,
                Err(err) => return ApiError(err).into_response(),
            },
            None => None,
        },
    };
    // A session belongs to one tenant: on another tenant's pages its holder is a visitor.
    // The same holds for bearer tokens on the API's per-tenant routes.
    let tenant_segment = match kind {
        RouteKind::Page if matched.starts_with("/{tenant}") => Some(0),
        RouteKind::Api if matched.starts_with("/api/v1/tenants/{tenant}") => Some(3),
        _ => None,
    };
    let path_tenant = tenant_segment
        .map(|index| request.uri().path().trim_start_matches('/').split('/').nth(index).unwrap_or_default().to_owned());
    // The data version read with the caller stands for the whole request only if the request changes
    // nothing (app::derived); any other reads it when a kept view is asked for.
    let caller = caller.map(
        |LoadedCaller { caller, data_version }| {
            if method == Method::GET { Caller { data_version, ..caller } } else { caller }
        },
    );
    let caller = caller.filter(|c| path_tenant.as_deref().is_none_or(|slug| c.tenant.slug.as_str() == slug));

    let decision = policy::decide(access, caller.as_ref().map(|c| c.roles.as_slice()));
    match (decision, kind) {
        (Decision::Unauthenticated, RouteKind::Page) => {
            let tenant = path_tenant.unwrap_or_default();
            let back = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
            let location = format!("/{tenant}/sign-in?next={}", urlencode(back));
            return redirect_see_other(&location);
        }
        (Decision::Unauthenticated, RouteKind::ServerFn) => return server_fn_error(AppError::Unauthenticated),
        (Decision::Forbidden, RouteKind::ServerFn) => return server_fn_error(AppError::Forbidden),
        (Decision::Unauthenticated, RouteKind::Api) => return ApiError(AppError::Unauthenticated).into_response(),
        (Decision::Forbidden, RouteKind::Api) => return ApiError(AppError::Forbidden).into_response(),
        (Decision::Forbidden, RouteKind::Page) if is_file_route(&matched) => {
            return (StatusCode::FORBIDDEN, "not allowed").into_response();
        }
        // Pages render their own 403 notice (see app::components::Protected) with the same decision.
        (Decision::Forbidden, RouteKind::Page) | (Decision::Allow, _) => {}
    }

    // A tenant's pages render its frame at once, without waiting for the tenant (see app::PageTenant): a
    // caller of the tenant brought it along (`resolve_for`); for anyone else this is the one lookup that
    // `get_tenant` would have made.
    if kind == RouteKind::Page
        && !is_file_route(&matched)
        && let Some(slug) = path_tenant.as_deref()
    {
        let found = match app::store::TenantScope::resolve_for(&state.db, caller.as_ref(), slug).await {
            Ok(scope) => PageTenant::Known(scope.view().clone()),
            Err(AppError::NotFound) => PageTenant::Unknown,
            Err(err) => return ApiError(err).into_response(),
        };
        request.extensions_mut().insert(found);
    }

    let context = RequestContext {
        caller,
        client_addr: client_addr(&request, state.behind_proxy),
        request_id: request
            .headers()
            .get(crate::http::REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        session_id: session.as_ref().and_then(Session::id).map(|id| session_keys::stored_id(&id.to_string())),
    };
    request.extensions_mut().insert(context);
    next.run(request).await
}

fn is_file_route(matched: &str) -> bool {
    DOWNLOAD_ROUTES.contains(&matched) || UPLOAD_ROUTES.contains(&matched)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RouteKind {
    Page,
    ServerFn,
    Api,
}

impl RouteKind {
    fn of(matched: &str) -> Self {
        if matched.starts_with("/api/") {
            RouteKind::Api
        } else if matched.starts_with("/fn/") {
            RouteKind::ServerFn
        } else {
            RouteKind::Page
        }
    }
}

/// The caller of a browser session, enforcing the absolute timeout. A session that is unknown, expired or
/// of an account no longer active ends (and its cookie goes). The session layer's own copy of the session
/// is loaded only to renew the idle expiry, at most once a minute; otherwise one query finds the caller.
async fn session_caller(state: &AppState, session: &Session) -> Result<Option<LoadedCaller>, AppError> {
    let Some(id) = session.id() else { return Ok(None) };
    let now = Utc::now();
    let stored_id = session_keys::stored_id(&id.to_string());
    let found = accounts::session_caller(&state.db, &stored_id, now).await.map_err(AppError::internal)?;
    let seconds = now.timestamp();
    let Some(found) = found.filter(|f| f.signed_in_at.is_some_and(|at| seconds - at <= ABSOLUTE_SESSION_HOURS * 3600))
    else {
        session.flush().await.map_err(AppError::internal)?;
        return Ok(None);
    };
    // The idle expiry moves on with activity, but the session is written only when it changes (the session
    // layer saves modified sessions only): at most once a minute, not on every request.
    if found.renewed_at.or(found.signed_in_at).is_none_or(|at| seconds - at >= RENEW_IDLE_EXPIRY_SECONDS) {
        session.insert(session_keys::RENEWED_AT, seconds).await.map_err(AppError::internal)?;
    }
    Ok(Some(found.loaded))
}

async fn bearer_caller(state: &AppState, headers: &HeaderMap) -> Result<Option<LoadedCaller>, AppError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else { return Ok(None) };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .ok_or(AppError::Unauthenticated)?;
    tokens::caller_of(state, token).await?.map(Some).ok_or(AppError::Unauthenticated)
}

/// Refuses state-changing requests that another site made the browser send (CSRF). Browsers say where a
/// request comes from in `Sec-Fetch-Site` or `Origin`; a request that says neither is refused too. The API
/// is exempt: it authenticates by bearer token only, which a foreign site cannot make a browser send.
pub async fn same_origin_only(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let headers = request.headers();
    let allowed = match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => site == "same-origin" || site == "none",
        None => match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
            (Some(origin), Some(host)) => {
                origin.to_str().ok().and_then(|o| o.split("://").nth(1)) == host.to_str().ok()
            }
            _ => false,
        },
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site state-changing request");
        (StatusCode::FORBIDDEN, "cross-site request refused").into_response()
    }
}

fn server_fn_error(error: AppError) -> Response {
    let status = match error {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        _ => StatusCode::FORBIDDEN,
    };
    let body = serde_json::to_string(&error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
}

pub(crate) fn redirect_see_other(location: &str) -> Response {
    match HeaderValue::from_str(location) {
        Ok(value) => (StatusCode::SEE_OTHER, [(header::LOCATION, value)]).into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_routes_have_no_access_and_thus_fail_closed() {
        assert_eq!(access_for(&Method::GET, "/{tenant}/secret"), None);
        assert_eq!(access_for(&Method::DELETE, "/api/v1/tenants"), None);
    }

    #[test]
    fn next_parameter_is_encoded() {
        assert_eq!(urlencode("/dresden/account?x=1&y"), "/dresden/account%3Fx%3D1%26y");
    }
}
