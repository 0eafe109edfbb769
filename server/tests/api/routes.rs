//! The route sweep: every page, server function and API operation has an entry in the server's access
//! table and a row in this test's own, and every kind of caller — nobody, each role, an admin of another
//! tenant — gets exactly what that row says, with arguments that make the allowed calls really run.
//! A route added without both entries fails here.

use crate::fixtures::{Fixtures, Me};
use crate::support::TestApp;
use axum::http::Method;
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use server::authz::access_for;
use utoipa::OpenApi;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Page,
    ServerFn,
    Api,
}

/// Every route the server has, as (kind, method, matched path).
fn all_routes() -> Vec<(Kind, Method, String)> {
    let mut routes = Vec::new();
    // The server's own, cached list: walking the routes again while other tests serve would stall them.
    for listing in server::startup::route_list() {
        for method in listing.methods() {
            let method = match method {
                leptos_router::Method::Get => Method::GET,
                other => panic!("page route with method {other:?}: add it to this test"),
            };
            routes.push((Kind::Page, method, listing.path().to_owned()));
        }
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.push((Kind::ServerFn, method, path.to_owned()));
    }
    let doc = server::api::ApiDoc::openapi();
    for (path, item) in &doc.paths.paths {
        for (method, operation) in [
            (Method::GET, &item.get),
            (Method::POST, &item.post),
            (Method::PUT, &item.put),
            (Method::PATCH, &item.patch),
            (Method::DELETE, &item.delete),
        ] {
            if operation.is_some() {
                routes.push((Kind::Api, method, format!("/api/v1{path}")));
            }
        }
    }
    routes.push((Kind::Api, Method::GET, "/api/v1/openapi.json".to_owned()));
    for path in server::authz::DOWNLOAD_ROUTES {
        routes.push((Kind::Page, Method::GET, (*path).to_owned()));
    }
    for path in server::authz::UPLOAD_ROUTES {
        routes.push((Kind::Page, Method::POST, (*path).to_owned()));
    }
    routes.sort_by(|a, b| a.2.cmp(&b.2));
    routes.dedup();
    routes
}

#[test]
fn every_route_has_an_access_entry() {
    let missing: Vec<String> = all_routes()
        .into_iter()
        .filter(|(_, method, path)| access_for(method, path).is_none())
        .map(|(_, method, path)| format!("{method} {path}"))
        .collect();
    assert!(missing.is_empty(), "routes without an entry in server::authz::access_for: {missing:?}");
}

/// The callers, in the order of the table's columns.
struct Caller {
    tenant: &'static str,
    email: Option<&'static str>,
}

static CALLERS: [(&str, Caller); 7] = [
    ("nobody", Caller { tenant: "dresden", email: None }),
    ("admin", Caller { tenant: "dresden", email: Some("admin@dresden.demo") }),
    ("steering", Caller { tenant: "dresden", email: Some("steuerung4@dresden.demo") }),
    ("carrier", Caller { tenant: "dresden", email: Some("traeger1@dresden.demo") }),
    ("coordinator", Caller { tenant: "dresden", email: Some("koordination1@dresden.demo") }),
    ("district contact", Caller { tenant: "dresden", email: Some("bezirk1@dresden.demo") }),
    ("admin of another tenant", Caller { tenant: "musterstadt", email: Some("admin@musterstadt.demo") }),
];

/// What each caller gets from each route, written down once and compared with what the server does, so a
/// route made public by mistake (or closed by mistake) fails here. Columns are the callers above:
/// nobody, admin, steering (committee seat), carrier (traeger1), coordinator, district contact, and the
/// admin of another tenant (signed in to Musterstadt; on Dresden's pages that session counts as nobody).
///
/// `A` the operation ran (2xx, or a redirect that is not to the sign-in page), `U` sign in first (401, or a
/// redirect to the sign-in page), `F` forbidden (403), `N` no such object for this caller (404).
///
/// Each row: method, route (as matched), the request path (`""`: the route in Dresden), the arguments (a
/// form for server functions, JSON for the API, `file` for an upload) with `{fixture}` placeholders, and
/// the expected letters. Rows run in this order, each caller on a server of their own.
const TABLE: &[(&str, &str, &str, &str, &str)] = &[
    ("GET", "/", "", "", "AAAAAAA"),
    ("GET", "/api/v1/me", "", "", "UAAAAAA"),
    ("GET", "/api/v1/openapi.json", "", "", "AAAAAAA"),
    (
        "POST",
        "/api/v1/auth/token",
        "",
        r#"{"tenant":"{me_tenant}","email":"{me_email}","password":"{password}"}"#,
        "AAAAAAA",
    ),
    ("GET", "/api/v1/tenants", "", "", "AAAAAAA"),
    ("GET", "/api/v1/tenants/{tenant}", "", "", "AAAAAAA"),
    ("GET", "/api/v1/tenants/{tenant}/bids", "", "", "UFFAFFU"),
    ("GET", "/api/v1/tenants/{tenant}/bids/{bid}", "/api/v1/tenants/dresden/bids/{closed_bid}", "", "UFFAFFU"),
    (
        "POST",
        "/api/v1/tenants/{tenant}/bids/{bid}/attachments",
        "/api/v1/tenants/dresden/bids/{b_form}/attachments",
        "file",
        "UFFAFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/bids/{bid}/attachments/{attachment}",
        "/api/v1/tenants/dresden/bids/{b_form}/attachments/{att_read}",
        "",
        "UNNANNU",
    ),
    (
        "DELETE",
        "/api/v1/tenants/{tenant}/bids/{bid}/attachments/{attachment}",
        "/api/v1/tenants/dresden/bids/{b_form}/attachments/{att_delete}",
        "",
        "UFFAFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/bids/{bid}/draft",
        "/api/v1/tenants/dresden/bids/{b_api}/draft",
        "{complete}",
        "UFFAFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/bids/{bid}/submission",
        "/api/v1/tenants/dresden/bids/{b_api}/submission",
        "",
        "UFFAFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/bids/{bid}/decision",
        "/api/v1/tenants/dresden/bids/{own_pbid}/decision",
        "",
        "UFFAFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/bids/{bid}/decision",
        "/api/v1/tenants/dresden/bids/{q_bid1}/decision",
        "{decision}",
        "UAFFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/bids/{bid}/scores",
        "/api/v1/tenants/dresden/bids/{closed_bid}/scores",
        "",
        "UAAFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/bids/{bid}/scores/mine",
        "/api/v1/tenants/dresden/bids/{closed_bid}/scores/mine",
        "",
        "UFAFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/bids/{bid}/scores/mine",
        "/api/v1/tenants/dresden/bids/{closed_bid2}/scores/mine",
        "{score_sheet}",
        "UFAFFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/bids/{bid}/scores/mine/finalisation",
        "/api/v1/tenants/dresden/bids/{closed_bid2}/scores/mine/finalisation",
        "",
        "UFAFFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/bids/{bid}/scores/{member}/reopening",
        "/api/v1/tenants/dresden/bids/{closed_bid}/scores/{steering_member}/reopening",
        r#"{"reason":"Versehentlich abgeschlossen"}"#,
        "UAFFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/bids/{bid}/versions/{number}",
        "/api/v1/tenants/dresden/bids/{closed_bid}/versions/1",
        "",
        "UAAANNU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/bids/{bid}/withdrawal",
        "/api/v1/tenants/dresden/bids/{submitted_bid}/withdrawal",
        "",
        "UFFAFFU",
    ),
    ("GET", "/api/v1/tenants/{tenant}/calls", "", "", "AAAAAAA"),
    ("GET", "/api/v1/tenants/{tenant}/calls/{call}", "/api/v1/tenants/dresden/calls/{open_call}", "", "AAAAAAA"),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/bids",
        "/api/v1/tenants/dresden/calls/{closed_call}/bids",
        "",
        "UAAFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/calls/{call}/declarations",
        "/api/v1/tenants/dresden/calls/{closed_call}/declarations",
        r#"[{"organisation_id":"{closed_org}","conflict":"none"}]"#,
        "UFAFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/evaluation",
        "/api/v1/tenants/dresden/calls/{closed_call}/evaluation",
        "",
        "UAAFFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/calls/{call}/lots/{lot}/bids",
        "/api/v1/tenants/dresden/calls/{open_call}/lots/{lot_api_start}/bids",
        "",
        "UFFAFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/lots/{lot}/archive",
        "/api/v1/tenants/dresden/calls/{closed_call}/lots/{closed_lot}/archive",
        "",
        "UAAFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/calls/{call}/lots/{lot}/recommendation",
        "/api/v1/tenants/dresden/calls/{q_call}/lots/{q_lot}/recommendation",
        "{recommendation}",
        "UFAFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/ranking",
        "/api/v1/tenants/dresden/calls/{closed_call}/ranking",
        "",
        "UAAFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/ranking.csv",
        "/api/v1/tenants/dresden/calls/{closed_call}/ranking.csv",
        "",
        "UAAFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/ranking.xlsx",
        "/api/v1/tenants/dresden/calls/{closed_call}/ranking.xlsx",
        "",
        "UAAFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/decision-proposal.pdf",
        "/api/v1/tenants/dresden/calls/{closed_call}/decision-proposal.pdf",
        "",
        "UAAFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/calls/{call}/rubric",
        "/api/v1/tenants/dresden/calls/{d_call}/rubric",
        "",
        "UAFFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/calls/{call}/rubric",
        "/api/v1/tenants/dresden/calls/{d_call}/rubric",
        "{rubric}",
        "UAFFFFU",
    ),
    ("GET", "/api/v1/tenants/{tenant}/districts", "", "", "AAAAAAA"),
    ("GET", "/api/v1/tenants/{tenant}/organisation", "", "", "UFFAFFU"),
    ("PUT", "/api/v1/tenants/{tenant}/organisation", "", "{profile}", "UFFAFFU"),
    ("GET", "/api/v1/tenants/{tenant}/posts", "", "", "UAAFFFU"),
    ("POST", "/api/v1/tenants/{tenant}/posts/{post}/coordinators", "", r#"{"user_id":"{coordinator}"}"#, "UAFFFFU"),
    ("GET", "/api/v1/tenants/{tenant}/reports", "", "", "UAAAAAU"),
    ("GET", "/{tenant}/reports", "", "", "UAAAAAU"),
    // traeger1 is not the carrier of Stadtraum 1's post (Familienzentrum Heidepark's): not found for it.
    ("GET", "/{tenant}/reports/{id}", "/dresden/reports/{report}", "", "UAANAAU"),
    ("POST", "/fn/reports", "", "", "UAAAAAA"),
    ("POST", "/fn/report_tasks", "", "", "AAAAAAA"),
    ("POST", "/fn/controlling_tasks", "", "", "AAAAAAA"),
    // traeger1's organisation held the steering contract until 2021: no longer part of the exchange.
    ("GET", "/{tenant}/exchange", "", "", "UAAFAFU"),
    ("GET", "/{tenant}/exchange/{id}", "/dresden/exchange/{thread}", "", "UAAFAFU"),
    ("GET", "/{tenant}/exchange/{id}/files/{file}", "/dresden/exchange/{thread}/files/{thread_file}", "", "UAAFAFU"),
    ("POST", "/{tenant}/exchange/{id}/files", "/dresden/exchange/{thread}/files", "file", "UAFFFFU"),
    ("POST", "/fn/exchange_threads", "", "", "UAAFAFA"),
    ("POST", "/fn/exchange_thread", "", "id={thread}", "UAAFAFN"),
    ("POST", "/fn/open_thread", "", "title=Neu&body=Text&topic=method", "UAAFAFA"),
    ("POST", "/fn/reply_thread", "", "thread={thread}&body=Danke", "UAAFAFN"),
    ("GET", "/api/v1/tenants/{tenant}/exchange", "", "", "UAAFAFU"),
    ("POST", "/api/v1/tenants/{tenant}/exchange", "", r#"{"title":"Neu","body":"Text","topic":"question"}"#, "UAAFAFU"),
    ("GET", "/api/v1/tenants/{tenant}/exchange/{post}", "/api/v1/tenants/dresden/exchange/{thread}", "", "UAAFAFU"),
    (
        "POST",
        "/api/v1/tenants/{tenant}/exchange/{post}/replies",
        "/api/v1/tenants/dresden/exchange/{thread}/replies",
        r#"{"body":"Danke"}"#,
        "UAAFAFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/exchange/{post}/files",
        "/api/v1/tenants/dresden/exchange/{thread}/files",
        "file",
        "UAFFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/exchange/{post}/files/{file}",
        "/api/v1/tenants/dresden/exchange/{thread}/files/{thread_file}",
        "",
        "UAAFAFU",
    ),
    // Files of koordination1's draft: the draft is theirs alone.
    (
        "GET",
        "/{tenant}/reports/{id}/files/{file}",
        "/dresden/reports/{report_draft}/files/{report_file}",
        "",
        "UNNNANU",
    ),
    ("POST", "/{tenant}/reports/{id}/files", "/dresden/reports/{report_draft}/files", "file", "UFFFAFU"),
    ("POST", "/fn/remove_report_file", "", "id={report_draft}&file={report_file_fn}", "UFFFAFF"),
    (
        "POST",
        "/api/v1/tenants/{tenant}/reports/{report}/files",
        "/api/v1/tenants/dresden/reports/{report_draft}/files",
        "file",
        "UFFFAFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/reports/{report}/files/{file}",
        "/api/v1/tenants/dresden/reports/{report_draft}/files/{report_file}",
        "",
        "UNNNANU",
    ),
    (
        "DELETE",
        "/api/v1/tenants/{tenant}/reports/{report}/files/{file}",
        "/api/v1/tenants/dresden/reports/{report_draft}/files/{report_file_delete}",
        "",
        "UFFFAFU",
    ),
    ("POST", "/fn/set_post_schedule", "", "post={post}&cadence=quarterly", "UAFFFFN"),
    ("PUT", "/api/v1/tenants/{tenant}/posts/{post}/schedule", "", r#"{"cadence":"quarterly"}"#, "UAFFFFU"),
    ("GET", "/{tenant}/reports/compliance", "", "", "UAAAAAU"),
    ("GET", "/{tenant}/reports/figures", "", "", "UAAAAAU"),
    ("POST", "/fn/report_compliance", "", "year=2026", "UAAAAAA"),
    ("POST", "/fn/report_figures", "", "", "UAAAAAA"),
    ("GET", "/{tenant}/controlling", "", "", "UAAFFFU"),
    ("GET", "/{tenant}/controlling/ledger", "", "", "UAAFFFU"),
    ("POST", "/fn/controlling_dashboard", "", "year=2019", "UAAFFFA"),
    ("POST", "/fn/ledger_entries", "", "year=2019", "UAAFFFA"),
    (
        "POST",
        "/fn/add_ledger_entry",
        "",
        "kind=appropriation&module=practice&year=2026&amount=10,00&booked_on=30.11.2026&reference=V1",
        "UAFFFFA",
    ),
    ("POST", "/fn/close_budget_year", "", "year=2025", "UAFFFFA"),
    ("GET", "/{tenant}/controlling/committee-report", "", "", "UAAFFFU"),
    ("GET", "/{tenant}/controlling/committee-report/text", "", "", "UFAFFFU"),
    ("GET", "/{tenant}/committee-reports/{year}", "/dresden/committee-reports/2019.csv", "", "UAAFFFU"),
    ("POST", "/fn/committee_report", "", "year=2019", "UAAFFFA"),
    ("POST", "/fn/committee_text", "", "year=2019", "UFAFFFF"),
    ("POST", "/fn/save_committee_text", "", "year=2024&narrative=Gut&measures=", "UFAFFFF"),
    (
        "GET",
        "/api/v1/tenants/{tenant}/committee-reports/{year}",
        "/api/v1/tenants/dresden/committee-reports/2019",
        "",
        "UAAFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/committee-reports/{year}/text",
        "/api/v1/tenants/dresden/committee-reports/2024/text",
        r#"{"narrative":"Gut"}"#,
        "UFAFFFU",
    ),
    ("GET", "/{tenant}/controlling/import", "", "", "UAFFFFU"),
    // The steering group's business (issue 15). The sweep's steering caller holds a committee seat: it reads
    // but neither prepares meetings (the project-carrier seat) nor writes these minutes (nobody named it).
    ("GET", "/{tenant}/steering", "", "", "UAAFFFU"),
    ("GET", "/{tenant}/steering/meetings/{id}", "/dresden/steering/meetings/{meeting}", "", "UAAFFFU"),
    ("GET", "/{tenant}/steering/resolutions", "", "", "UAAFFFU"),
    ("GET", "/{tenant}/resolution-register/{file}", "/dresden/resolution-register/beschluesse.csv", "", "UAAFFFU"),
    ("GET", "/{tenant}/steering/commissions", "", "", "UAAAAAU"),
    (
        "POST",
        "/{tenant}/steering/meetings/{id}/files",
        "/dresden/steering/meetings/{meeting_open}/files",
        "file",
        "UFFFFFU",
    ),
    (
        "GET",
        "/{tenant}/steering/meetings/{id}/files/{file}",
        "/dresden/steering/meetings/{meeting_open}/files/{meeting_file}",
        "",
        "UAAFFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/files",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/files",
        "file",
        "UFFFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/files/{file}",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/files/{meeting_file}",
        "",
        "UAAFFFU",
    ),
    ("GET", "/{tenant}/steering/commissions/{id}", "/dresden/steering/commissions/{commission}", "", "UAANANU"),
    ("POST", "/fn/steering_meetings", "", "", "UAAFFFA"),
    ("POST", "/fn/steering_meeting", "", "id={meeting}", "UAAFFFN"),
    ("POST", "/fn/resolutions", "", "topic=budget", "UAAFFFA"),
    ("POST", "/fn/steering_tasks", "", "", "AAAAAAA"),
    ("POST", "/fn/commissions", "", "", "UAAAAAA"),
    ("POST", "/fn/commission", "", "id={commission}", "UAANANN"),
    ("POST", "/fn/report_commission_progress", "", "id={commission}&note=Stand", "UFFNANN"),
    ("POST", "/fn/record_attendance", "", "meeting={meeting_open}&fields[x]=y", "UFFFFFN"),
    ("POST", "/fn/record_recusals", "", "item={agenda_item}", "UFFFFFN"),
    ("POST", "/fn/save_minutes", "", "meeting={meeting_open}&text=Korrektur", "UFFFFFN"),
    ("POST", "/fn/record_resolution", "", "item={agenda_item}&text=Ja&topic=budget&yes=4", "UFFFFFN"),
    ("POST", "/fn/circulate_minutes", "", "meeting={meeting_open}", "UFFFFFN"),
    ("POST", "/fn/approve_minutes", "", "meeting={meeting_open}&at={meeting}", "UFFFFFN"),
    (
        "POST",
        "/fn/plan_meeting",
        "",
        "title=Sitzung&starts_at=2030-01-10T16%3A00&duration_minutes=120&place=Rathaus",
        "UFFFFFF",
    ),
    ("POST", "/fn/add_agenda_item", "", "meeting={meeting_open}&title=Punkt", "UFFFFFF"),
    ("POST", "/fn/invite_meeting", "", "meeting={meeting_open}", "UFFFFFF"),
    ("POST", "/fn/name_minutes_writer", "", "meeting={meeting_open}", "UFFFFFF"),
    ("POST", "/fn/commission_assignees", "", "", "UFFFFFF"),
    ("POST", "/fn/give_commission", "", "title=Auftrag&assignee=youth_office&due_on=2030-01-01", "UFFFFFF"),
    ("GET", "/api/v1/tenants/{tenant}/meetings", "", "", "UAAFFFU"),
    (
        "POST",
        "/api/v1/tenants/{tenant}/meetings",
        "",
        r#"{"title":"Sitzung","starts_at":"2030-01-10T15:00:00Z","duration_minutes":120,"place":"Rathaus"}"#,
        "UFFFFFU",
    ),
    ("GET", "/api/v1/tenants/{tenant}/meetings/{meeting}", "/api/v1/tenants/dresden/meetings/{meeting}", "", "UAAFFFU"),
    (
        "POST",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/agenda",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/agenda",
        r#"{"title":"Punkt"}"#,
        "UFFFFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/invitation",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/invitation",
        "",
        "UFFFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/attendance",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/attendance",
        "[]",
        "UFFFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/minutes",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/minutes",
        r#"{"text":"Korrektur"}"#,
        "UFFFFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/minutes/circulation",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/minutes/circulation",
        "",
        "UFFFFFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/meetings/{meeting}/minutes/approval",
        "/api/v1/tenants/dresden/meetings/{meeting_open}/minutes/approval",
        r#"{"at":"{meeting}"}"#,
        "UFFFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/agenda-items/{item}/recusals",
        "/api/v1/tenants/dresden/agenda-items/{agenda_item}/recusals",
        "[]",
        "UFFFFFU",
    ),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/agenda-items/{item}/resolution",
        "/api/v1/tenants/dresden/agenda-items/{agenda_item}/resolution",
        r#"{"text":"Ja","topic":"budget","vote":{"yes":4,"no":0,"abstain":0}}"#,
        "UFFFFFU",
    ),
    ("GET", "/api/v1/tenants/{tenant}/resolutions", "/api/v1/tenants/dresden/resolutions?year=2026", "", "UAAFFFU"),
    ("GET", "/api/v1/tenants/{tenant}/commissions", "", "", "UAAAAAU"),
    (
        "POST",
        "/api/v1/tenants/{tenant}/commissions",
        "",
        r#"{"title":"Auftrag","assignee":{"kind":"youth_office"},"due_on":"2030-01-01"}"#,
        "UFFFFFU",
    ),
    (
        "GET",
        "/api/v1/tenants/{tenant}/commissions/{commission}",
        "/api/v1/tenants/dresden/commissions/{commission}",
        "",
        "UAANANU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/commissions/{commission}/progress",
        "/api/v1/tenants/dresden/commissions/{commission}/progress",
        r#"{"note":"Stand"}"#,
        "UFFNANU",
    ),
    (
        "POST",
        "/fn/import_ledger",
        "",
        "csv=Art%3BModul%3BHaushaltsjahr%3BBetrag%3BDatum%0AVeranschlagung%3BPraxismodul%3B2026%3B10%3B30.11.2026",
        "UAFFFFA",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/ledger/import",
        "",
        "Art;Modul;Haushaltsjahr;Betrag;Datum\nVeranschlagung;Praxismodul;2026;10,00;30.11.2026",
        "UAFFFFU",
    ),
    ("GET", "/api/v1/tenants/{tenant}/budget", "/api/v1/tenants/dresden/budget?year=2019", "", "UAAFFFU"),
    ("GET", "/api/v1/tenants/{tenant}/ledger", "", "", "UAAFFFU"),
    (
        "POST",
        "/api/v1/tenants/{tenant}/ledger",
        "",
        r#"{"kind":"appropriation","module":"practice","year":2026,"amount":"10.00","booked_on":"2026-11-30","reference":"V1"}"#,
        "UAFFFFU",
    ),
    // The demo leaves last year open for the administration to close.
    (
        "POST",
        "/api/v1/tenants/{tenant}/budget/{year}/closing",
        "/api/v1/tenants/dresden/budget/2025/closing",
        "",
        "UAFFFFU",
    ),
    ("GET", "/api/v1/tenants/{tenant}/compliance", "", "", "UAAAAAU"),
    ("GET", "/api/v1/tenants/{tenant}/report-figures", "", "", "UAAAAAU"),
    ("POST", "/fn/report", "", "id={report}", "UAANAAN"),
    ("POST", "/fn/start_report", "", "post={post}&kind=regular&period_start=2026-10-01", "UFFFAFF"),
    (
        "POST",
        "/fn/save_report",
        "",
        "id={report_draft}&cooperation=Neu&access=&prevention=&network=&youth_office=&network_partners=3&meetings=&measures_started=&people_reached=&hours_worked=10,5&money_spent=",
        "UFFFAFF",
    ),
    ("POST", "/fn/submit_report", "", "id={report_complete_fn}", "UFFFAFF"),
    ("POST", "/fn/review_report", "", "id={report_to_review_fn}&verdict=accept", "UAAFFFN"),
    ("POST", "/api/v1/tenants/{tenant}/reports", "", r#"{"post_id":"{post}","period_start":"2026-10-01"}"#, "UFFFAFU"),
    // traeger1 is not the carrier of the post (Familienzentrum Heidepark's); bezirk1 is Stadtraum 1's contact.
    ("GET", "/api/v1/tenants/{tenant}/reports/{report}", "/api/v1/tenants/dresden/reports/{report}", "", "UAANAAU"),
    (
        "PUT",
        "/api/v1/tenants/{tenant}/reports/{report}/draft",
        "/api/v1/tenants/dresden/reports/{report_draft}/draft",
        r#"{"cooperation":"Neu"}"#,
        "UFFFAFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/reports/{report}/submission",
        "/api/v1/tenants/dresden/reports/{report_complete}/submission",
        "",
        "UFFFAFU",
    ),
    (
        "POST",
        "/api/v1/tenants/{tenant}/reports/{report}/review",
        "/api/v1/tenants/dresden/reports/{report_to_review}/review",
        r#"{"verdict":"accept"}"#,
        "UAAFFFU",
    ),
    ("GET", "/api/v1/tenants/{tenant}/organisations", "", "", "UAFFFFU"),
    (
        "POST",
        "/fn/add_question",
        "",
        "call={d_call}&kind=short_text&label=Neu&help=&required=on&max_chars=&options=",
        "UAFFFFN",
    ),
    ("POST", "/fn/admin_call", "", "call={d_call}", "UAFFFFN"),
    ("POST", "/fn/admin_calls", "", "", "UAFFFFA"),
    ("POST", "/fn/admin_districts", "", "", "UAFFFFA"),
    ("POST", "/fn/admin_organisations", "", "", "UAFFFFA"),
    ("POST", "/fn/admin_user", "", "user={invited}", "UAFFFFN"),
    ("POST", "/fn/admin_users", "", "search=", "UAFFFFA"),
    ("POST", "/fn/invitation_organisations", "", "", "UAFFFFA"),
    ("POST", "/fn/anonymise_user", "", "user={victim}&confirm=on", "UAFFFFN"),
    ("POST", "/fn/audit_lines", "", "person=&object=&from=&to=", "UAFFFFA"),
    ("POST", "/fn/bid", "", "bid={closed_bid}", "UFFAFFF"),
    ("POST", "/fn/bid_scores", "", "bid={closed_bid}", "UAAFFFN"),
    ("POST", "/fn/bid_version", "", "bid={closed_bid}&number=1", "UAAANNN"),
    ("POST", "/fn/call_bids", "", "call={closed_call}", "UAAFFFN"),
    ("POST", "/fn/call_rubric", "", "call={d_call}", "UAFFFFN"),
    // Before the password change, which ends the caller's other sessions.
    ("POST", "/fn/end_session", "", "handle={other_session}", "UAAAAAA"),
    (
        "POST",
        "/fn/change_password",
        "",
        "current_password=spielraum-demo&new_password={new_password}&confirm_password={new_password}",
        "UAAAAAA",
    ),
    ("POST", "/fn/close_call", "", "call={p_call}", "UAFFFFN"),
    ("POST", "/fn/confirm_email", "", "tenant=dresden&token={confirm_token}", "AAAAAAA"),
    (
        "POST",
        "/fn/create_call",
        "",
        "module=practice&title=Neu&description=&opens_at={opens}&closes_at={closes}&decision_date={decides}",
        "UAFFFFA",
    ),
    ("POST", "/fn/create_district", "", "name=Ortschaft+Neu&kind=villages", "UAFFFFA"),
    ("POST", "/fn/create_token", "", "name=Skript&days=30", "UAAAAAA"),
    (
        "POST",
        "/fn/decide",
        "",
        "bid={q_bid2}&form%5Bsession_date%5D=2019-01-31&form%5Bresolution_number%5D=V2741%2F19&form%5Bawarded%5D=yes&form%5Bamount-2019%5D=26000&form%5Bstarts_on%5D=2019-02-01",
        "UAFFFFN",
    ),
    ("POST", "/fn/declare_conflicts", "", "call={closed_call}&fields%5Bconflict-{closed_org}%5D=none", "UFAFFFF"),
    ("POST", "/fn/districts", "", "tenant=dresden", "AAAAAAA"),
    ("POST", "/fn/evaluation", "", "call={closed_call}", "UAAFFFN"),
    ("POST", "/fn/evaluation_tasks", "", "", "AAAAAAA"),
    ("POST", "/fn/finalise_score", "", "bid={p_bid2}&{finalise_fields}", "UFAFFFF"),
    ("POST", "/fn/invite_colleague", "", "name=Kim+Kollegin&email=kim%40sweep.example", "UFFAFFF"),
    ("POST", "/fn/invite_user", "", "name=Nils+Neu&email=nils%40sweep.example&role=coordinator", "UAFFFFA"),
    ("POST", "/fn/mark_notifications_read", "", "", "UAAAAAA"),
    ("POST", "/fn/move_district", "", "district={district}&direction=down", "UAFFFFN"),
    ("POST", "/fn/move_question", "", "call={d_call}&question={d_q2}&direction=up", "UAFFFFN"),
    ("POST", "/fn/my_bids", "", "", "UFFAFFF"),
    ("POST", "/fn/my_notifications", "", "", "UAAAAAA"),
    ("POST", "/fn/my_organisation", "", "", "UFFAFFF"),
    ("POST", "/fn/my_score_sheet", "", "bid={closed_bid}", "UFAFFFF"),
    ("POST", "/fn/my_sessions", "", "", "UAAAAAA"),
    ("POST", "/fn/my_tokens", "", "", "UAAAAAA"),
    ("POST", "/fn/posts", "", "", "UAAFFFA"),
    ("POST", "/fn/public_call", "", "tenant=dresden&call={open_call}", "AAAAAAA"),
    ("POST", "/fn/public_calls", "", "tenant=dresden", "AAAAAAA"),
    ("POST", "/fn/publish_call", "", "call={e_call}", "UAFFFFN"),
    ("POST", "/fn/ranking", "", "call={closed_call}", "UAAFFFN"),
    ("POST", "/fn/decision_proposal", "", "call={closed_call}", "UAAFFFN"),
    (
        "POST",
        "/fn/recommend",
        "",
        "call={q_call}&lot={q_lot}&bid={q_bid2}&fields%5Bamount-2019%5D=27000&fte=0.5&reasoning=Gut+vernetzt",
        "UFAFFFF",
    ),
    (
        "POST",
        "/fn/register_organisation",
        "",
        "tenant=dresden&name=Rita+Neu&email=rita%40sweep.example&new_password=ein-langes-Passwort&confirm_password=ein-langes-Passwort&organisation_name=Nachbarschaftshilfe+e.+V.&legal_form=e.+V.&register_number=VR+1&street=Hauptstra%C3%9Fe+1&postcode=01067&city=Dresden&recognised=yes&contact_name=Rita+Neu&contact_email=rita%40sweep.example&contact_phone=",
        "AAAAAAA",
    ),
    ("POST", "/fn/remove_attachment", "", "bid={b_form}&attachment={att_remove}", "UFFAFFF"),
    ("POST", "/fn/remove_lot", "", "call={d_call}&lot={d_lot1}", "UAFFFFN"),
    ("POST", "/fn/remove_question", "", "call={d_call}&question={d_q1}", "UAFFFFN"),
    ("POST", "/fn/rename_district", "", "district={district}&name=Stadtraum+Eins", "UAFFFFN"),
    ("POST", "/fn/rename_lot", "", "call={d_call}&lot={d_lot2}&title=Los+zwei", "UAFFFFN"),
    ("POST", "/fn/reopen_score", "", "bid={p_bid3}&member={steering_member}&reason=Versehen", "UAFFFFN"),
    ("POST", "/fn/request_password_reset", "", "tenant=dresden&email=koordination3%40dresden.demo", "AAAAAAA"),
    ("POST", "/fn/resend_invitation", "", "user={invited}", "UAFFFFN"),
    ("POST", "/fn/retire_district", "", "district={district}&retired=true", "UAFFFFN"),
    ("POST", "/fn/revoke_token", "", "token={my_token}", "UAAAAAA"),
    ("POST", "/fn/save_draft", "", "bid={b_form}&fields%5Bfte%5D=0.5", "UFFAFFF"),
    ("POST", "/fn/save_score", "", "bid={p_bid1}&fields%5Bpoints-0%5D=2", "UFAFFFF"),
    ("POST", "/fn/set_contact_districts", "", "user={invited}&districts%5B0%5D={district}", "UAFFFFN"),
    ("POST", "/fn/set_language", "", "language=en", "AAAAAAA"),
    (
        "POST",
        "/fn/set_password",
        "",
        "tenant=dresden&token={reset_token}&new_password=ein-langes-Passwort&confirm_password=ein-langes-Passwort",
        "AAAAAAA",
    ),
    (
        "POST",
        "/fn/set_rubric",
        "",
        "call={d_call}&form%5Bcriterion-0-title%5D=Konzept&form%5Bcriterion-0-description%5D=&form%5Bcriterion-0-weight%5D=3&form%5Bcriterion-0-min%5D=0&form%5Bcriterion-0-max%5D=5&form%5Bcriterion-0-anchors%5D=",
        "UAFFFFN",
    ),
    ("POST", "/fn/set_user_active", "", "user={invited}&active=false", "UAFFFFN"),
    ("POST", "/fn/set_user_roles", "", "user={invited}&coordinator=on", "UAFFFFN"),
    ("POST", "/fn/sign_in", "", "tenant={me_tenant}&email={me_email}&password={password}", "AAAAAAA"),
    ("POST", "/fn/sign_out", "", "", "UAAAAAA"),
    ("POST", "/fn/start_bid", "", "call={open_call}&lot={lot_fn_start}", "UFFAFFF"),
    ("POST", "/fn/steering_group", "", "", "UAFFFFA"),
    ("POST", "/fn/submit_bid", "", "bid={b_submit}", "UFFAFFF"),
    ("POST", "/fn/tenant", "", "slug=dresden", "AAAAAAA"),
    ("POST", "/fn/tenant_settings", "", "", "UAFFFFA"),
    ("POST", "/fn/tenants", "", "", "AAAAAAA"),
    (
        "POST",
        "/fn/update_call",
        "",
        "call={d_call}&title=Ge%C3%A4ndert&description=&opens_at={opens}&closes_at={closes}&decision_date={decides}",
        "UAFFFFN",
    ),
    (
        "POST",
        "/fn/update_organisation",
        "",
        "organisation_name=Jugendwerk+Elbaue+e.+V.&legal_form=e.+V.&register_number=VR+2&street=Elbufer+1&postcode=01067&city=Dresden&recognised=yes&contact_name=Gesch%C3%A4ftsf%C3%BChrung&contact_email=kontakt%40elbaue.example&contact_phone=",
        "UFFAFFF",
    ),
    ("POST", "/fn/update_tenant_settings", "", "name=Landeshauptstadt+Dresden&default_locale=de", "UAFFFFA"),
    ("POST", "/fn/verify_organisation", "", "organisation={organisation}&verified=true", "UAFFFFN"),
    ("POST", "/fn/whoami", "", "tenant=dresden", "AAAAAAA"),
    ("POST", "/fn/withdraw_bid", "", "bid={b_withdraw}", "UFFAFFF"),
    ("GET", "/{tenant}", "", "", "AAAAAAA"),
    ("GET", "/{tenant}/account", "", "", "UAAAAAU"),
    ("GET", "/{tenant}/account/data.json", "", "", "UAAAAAU"),
    ("GET", "/{tenant}/admin", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/audit", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/calls", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/calls/{id}", "/dresden/admin/calls/{d_call}", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/districts", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/organisations", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/settings", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/steering", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/users", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/users/invite", "", "", "UAFFFFU"),
    ("GET", "/{tenant}/admin/users/{id}", "/dresden/admin/users/{invited}", "", "UAFFFFU"),
    ("GET", "/{tenant}/bids", "", "", "UFFAFFU"),
    ("GET", "/{tenant}/bids/{id}", "/dresden/bids/{closed_bid}", "", "UFFAFFU"),
    ("POST", "/{tenant}/bids/{id}/attachments", "/dresden/bids/{b_form}/attachments", "file", "UFFAFFU"),
    (
        "GET",
        "/{tenant}/bids/{id}/attachments/{attachment}",
        "/dresden/bids/{b_form}/attachments/{att_read}",
        "",
        "UNNANNU",
    ),
    ("GET", "/{tenant}/bids/{id}/versions/{number}", "/dresden/bids/{closed_bid}/versions/1", "", "UAAANNU"),
    ("GET", "/{tenant}/bids/{id}/score", "/dresden/bids/{closed_bid}/score", "", "UFAFFFU"),
    ("GET", "/{tenant}/calls", "", "", "AAAAAAA"),
    ("GET", "/{tenant}/calls/{id}", "/dresden/calls/{open_call}", "", "AAAAAAA"),
    ("GET", "/{tenant}/calls/{id}/bids", "/dresden/calls/{closed_call}/bids", "", "UAAFFFU"),
    ("GET", "/{tenant}/calls/{id}/evaluation", "/dresden/calls/{closed_call}/evaluation", "", "UAAFFFU"),
    ("GET", "/{tenant}/calls/{id}/ranking", "/dresden/calls/{closed_call}/ranking", "", "UAAFFFU"),
    (
        "GET",
        "/{tenant}/calls/{id}/ranking/recommendation",
        "/dresden/calls/{closed_call}/ranking/recommendation?lot={closed_lot}",
        "",
        "UFAFFFU",
    ),
    (
        "GET",
        "/{tenant}/calls/{id}/ranking/decision",
        "/dresden/calls/{closed_call}/ranking/decision?lot={closed_lot}&bid={closed_bid}",
        "",
        "UAFFFFU",
    ),
    ("GET", "/{tenant}/calls/{id}/ranking.csv", "/dresden/calls/{closed_call}/ranking.csv", "", "UAAFFFU"),
    ("GET", "/{tenant}/calls/{id}/ranking.xlsx", "/dresden/calls/{closed_call}/ranking.xlsx", "", "UAAFFFU"),
    ("GET", "/{tenant}/calls/{id}/decision-proposal", "/dresden/calls/{closed_call}/decision-proposal", "", "UAAFFFU"),
    (
        "GET",
        "/{tenant}/calls/{id}/decision-proposal.pdf",
        "/dresden/calls/{closed_call}/decision-proposal.pdf",
        "",
        "UAAFFFU",
    ),
    (
        "GET",
        "/{tenant}/calls/{id}/lots/{lot}/bids.zip",
        "/dresden/calls/{closed_call}/lots/{closed_lot}/bids.zip",
        "",
        "UAAFFFU",
    ),
    ("GET", "/{tenant}/confirm-email", "", "", "AAAAAAA"),
    ("GET", "/{tenant}/districts", "", "", "AAAAAAA"),
    ("GET", "/{tenant}/forgot-password", "", "", "AAAAAAA"),
    ("GET", "/{tenant}/posts", "", "", "UAAFFFU"),
    ("GET", "/{tenant}/notifications", "", "", "UAAAAAU"),
    ("GET", "/{tenant}/organisation", "", "", "UFFAFFU"),
    ("GET", "/{tenant}/register", "", "", "AAAAAAA"),
    ("GET", "/{tenant}/set-password", "", "", "AAAAAAA"),
    ("GET", "/{tenant}/sign-in", "", "", "AAAAAAA"),
];

/// Calls that change who the browser is signed in as; after them the caller's session is restored.
const SESSION_CHANGING: &[&str] =
    &["/fn/sign_in", "/fn/sign_out", "/fn/change_password", "/fn/register_organisation", "/fn/confirm_email"];

#[test]
fn the_table_has_every_route_once() {
    let mut listed: Vec<(String, String)> = TABLE.iter().map(|r| (r.0.to_owned(), r.1.to_owned())).collect();
    let count = listed.len();
    listed.sort();
    listed.dedup();
    assert_eq!(listed.len(), count, "a route is listed twice");
    let mut routes: Vec<(String, String)> =
        all_routes().into_iter().map(|(_, method, path)| (method.to_string(), path)).collect();
    routes.sort();
    let missing: Vec<_> = routes.iter().filter(|r| !listed.contains(r)).collect();
    let gone: Vec<_> = listed.iter().filter(|r| !routes.contains(r)).collect();
    assert!(missing.is_empty() && gone.is_empty(), "not in TABLE: {missing:?}; no such route: {gone:?}");
    for row in TABLE {
        assert_eq!(row.4.len(), CALLERS.len(), "{} {}: one letter per caller", row.0, row.1);
    }
}

#[test]
fn the_table_is_not_all_public() {
    // A table that "passes" by allowing everything would not protect anything.
    let refused_to_nobody = TABLE.iter().filter(|row| row.4.starts_with('U')).count();
    assert!(refused_to_nobody > TABLE.len() / 2, "only {refused_to_nobody} routes need a sign-in");
}

#[tokio::test]
async fn every_route_answers_every_caller_as_the_table_says() {
    // One caller after the other: several servers rendering at once in one process now and then trip
    // Leptos' reactive arenas ("no Arena is active"), which is not what this test is about.
    let mut observed = Vec::new();
    for (_, caller) in &CALLERS {
        observed.push(sweep(caller).await);
    }
    let mut differences = Vec::new();
    let mut snapshot = String::new();
    for (i, (method, route, path, args, expected)) in TABLE.iter().enumerate() {
        let letters: String = observed.iter().map(|answers| answers[i].0).collect();
        for (column, (letter, status)) in observed.iter().map(|answers| &answers[i]).enumerate() {
            if expected.as_bytes()[column] as char != *letter {
                differences.push(format!(
                    "{method} {route} as {}: expected {}, got {status}",
                    CALLERS[column].0,
                    &expected[column..=column]
                ));
            }
        }
        snapshot.push_str(&format!("    ({method:?}, {route:?}, {path:?}, r#\"{args}\"#, {letters:?}),\n"));
    }
    assert!(differences.is_empty(), "{}\n\nThe table as the server answers today:\n{snapshot}", differences.join("\n"));
}

/// Runs every row of the table as `caller`, on a server of their own; returns each row's letter and status.
async fn sweep(caller: &Caller) -> Vec<(char, String)> {
    let app = TestApp::spawn().await;
    let mut password = server::demo::DEMO_PASSWORD.to_owned();
    let sign_in = async |password: &str| match caller.email {
        Some(email) => {
            let browser = app.browser();
            let form = [("tenant", caller.tenant), ("email", email), ("password", password)];
            let response = app.call(&browser, "sign_in", &form).await;
            assert_eq!(response.status(), StatusCode::OK, "sign-in of {email}");
            browser
        }
        None => app.browser(),
    };
    let mut browser = sign_in(&password).await;
    let token = match caller.email {
        Some(email) => Some(app.token(caller.tenant, email).await),
        None => None,
    };
    let me = Me {
        tenant: caller.tenant,
        email: caller.email.unwrap_or("traeger4@dresden.demo"),
        signed_in: caller.email.map(|_| &browser),
    };
    let fixtures = Fixtures::prepare(&app, me).await;
    let mut answers = Vec::new();
    for (method, route, path, args, _) in TABLE {
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let path = request_path(&fixtures, route, path);
        let args = fixtures.fill(&args.replace("{password}", &password));
        let url = app.url(&path);
        let request = if route.starts_with("/api/") {
            let mut request = app.client.request(method, &url);
            if let Some(token) = &token {
                request = request.bearer_auth(token);
            }
            match args.as_str() {
                "" => request,
                "file" => request.multipart(pdf()),
                json => request.header("content-type", "application/json").body(json.to_owned()),
            }
        } else if method == Method::GET {
            browser.get(&url)
        } else {
            let request = browser.post(&url).header("origin", &app.base).header("accept", "application/json");
            match args.as_str() {
                "file" => request.multipart(pdf()),
                form => request.header("content-type", "application/x-www-form-urlencoded").body(form.to_owned()),
            }
        };
        let response = request.send().await.expect("request");
        let status = response.status();
        let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
        let letter = match status {
            StatusCode::UNAUTHORIZED => 'U',
            StatusCode::FORBIDDEN => 'F',
            StatusCode::NOT_FOUND => 'N',
            s if s.is_redirection() && location.contains("/sign-in") => 'U',
            s if s.is_success() || s.is_redirection() => 'A',
            _ => '?',
        };
        let body = if letter == '?' { response.text().await.unwrap_or_default() } else { String::new() };
        answers.push((letter, format!("{status} {location}{body}")));
        if *route == "/fn/change_password" && letter == 'A' {
            crate::fixtures::NEW_PASSWORD.clone_into(&mut password);
        }
        if SESSION_CHANGING.contains(route) {
            browser = sign_in(&password).await;
        }
    }
    answers
}

/// The path a table row requests: its own, or (when it gives none) its route in Dresden.
fn request_path(fixtures: &Fixtures, route: &str, path: &str) -> String {
    fixtures.fill(&if path.is_empty() { route } else { path }.replace("{tenant}", "dresden"))
}

fn pdf() -> reqwest::multipart::Form {
    let part = reqwest::multipart::Part::bytes(app::attachments::samples::pdf("Sweep")).file_name("anlage.pdf");
    reqwest::multipart::Form::new().part("file", part)
}

/// Item by item, what a refused page may carry: every page of the table, rendered as each caller it refuses
/// (a visitor and another tenant's admin among them), holds none of the data its rightful readers see —
/// no email, id, person's or organisation's name or audit event of theirs in the HTML, and no resource
/// beyond the ones every page of that caller carries (the tenant, the caller's own account) except
/// refusals. Counts and lists live in resources, so they are covered too.
#[tokio::test]
async fn no_refused_page_carries_the_data_of_its_rightful_readers() {
    let app = TestApp::spawn().await;
    let mut browsers = Vec::new();
    for (_, caller) in &CALLERS {
        browsers.push(match caller.email {
            Some(email) => app.signed_in(caller.tenant, email).await,
            None => app.browser(),
        });
    }
    let me = Me { tenant: "dresden", email: "admin@dresden.demo", signed_in: Some(&browsers[1]) };
    let fixtures = Fixtures::prepare(&app, me).await;
    let db = app.db().await;
    let mut known: Vec<String> = Vec::new();
    for user in model::entity::user::Entity::find().all(&db).await.expect("users") {
        known.push(user.display_name);
    }
    for organisation in model::entity::organisation::Entity::find().all(&db).await.expect("organisations") {
        known.push(organisation.name);
    }
    for entry in model::entity::audit_entry::Entity::find().all(&db).await.expect("audit") {
        known.push(entry.action);
    }
    let mut plain = Vec::new();
    for browser in &browsers {
        // What anyone may see: a static page, a hydrated one (the static ones carry no resources to compare
        // with) and the public list of districts (their ids, which the static page does not show).
        let mut seen = body(browser, &app.url("/dresden/districts")).await;
        seen += &body(browser, &app.url("/dresden/account")).await;
        seen += &app.call(browser, "districts", &[("tenant", "dresden")]).await.text().await.expect("districts");
        plain.push(seen);
    }

    let mut checked = 0;
    for (method, route, path, _, expected) in TABLE {
        if *method != "GET" || route.starts_with("/api/") || !expected.contains(|c| c != 'A') {
            continue;
        }
        let url = app.url(&request_path(&fixtures, route, path));
        let mut markers = Vec::new();
        for (column, letter) in expected.chars().enumerate() {
            if letter == 'A' {
                let rightful = body(&browsers[column], &url).await;
                markers.extend(markers_in(&rightful, &known));
                if !rightful.starts_with("<!DOCTYPE") {
                    // A file: its content is the data.
                    markers.push(rightful);
                }
            }
        }
        assert!(!markers.is_empty(), "{route}: the rightful readers' page shows no data to look for");
        for (column, letter) in expected.chars().enumerate() {
            if letter == 'A' {
                continue;
            }
            let refused = body(&browsers[column], &url).await;
            let who = CALLERS[column].0;
            for marker in &markers {
                assert!(
                    !refused.contains(marker.as_str()) || plain[column].contains(marker.as_str()),
                    "{route} refused to {who} still carries {marker:?}"
                );
            }
            for resource in resources(&refused) {
                // A public answer (the districts) as a server function gives it: `{"Ok":…}` without the wrapper.
                let unescaped = resource.replace(r#"\""#, "\"");
                let public = unescaped
                    .strip_prefix(r#"{"Ok":"#)
                    .and_then(|answer| answer.strip_suffix('}'))
                    .is_some_and(|answer| plain[column].contains(answer));
                assert!(
                    resource.starts_with(r#"{\"Err\""#) || resources(&plain[column]).contains(&resource) || public,
                    "{route} refused to {who} still carries the resource {resource}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} refused renders checked");
}

async fn body(browser: &reqwest::Client, url: &str) -> String {
    browser.get(url).send().await.expect("get").text().await.expect("body")
}

/// What identifies data on a page: emails, ids, and the known names and audit actions it shows.
fn markers_in(html: &str, known: &[String]) -> Vec<String> {
    let mut markers: Vec<String> = html
        .split(|c: char| !(c.is_ascii_alphanumeric() || "@.-_".contains(c)))
        .filter(|word| (word.contains('@') && word.contains('.')) || uuid::Uuid::parse_str(word).is_ok())
        .map(str::to_owned)
        .collect();
    markers.extend(known.iter().filter(|name| html.contains(name.as_str())).cloned());
    markers
}

/// The serialized resources of a server-rendered page, as written into its scripts.
fn resources(html: &str) -> Vec<String> {
    html.split("__RESOLVED_RESOURCES[")
        .skip(1)
        .filter_map(|rest| rest.split_once("] = \"").and_then(|(_, value)| value.split_once("\";")))
        .map(|(value, _)| value.to_owned())
        .collect()
}
