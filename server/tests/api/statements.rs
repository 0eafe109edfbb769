//! No page grows with the data (issue 16, item 4): every key page, rendered on the server as its user sees
//! it, and every key API operation sends at most a fixed number of SQL statements — and exactly as many
//! after the tenant has gained open calls, bids, people, meetings, resolutions and commissions as before. A
//! query per row (N+1) fails here, on SQLite and on PostgreSQL alike. Counted by the server's own
//! `StatementCount` around each request; the job worker sleeps (tests run jobs themselves), so nothing else
//! runs meanwhile. The pages whose views are kept while the tenant's data stays the same (`app::derived`)
//! are measured computing them: the tenants' versions move on before each measured request.

use crate::support::TestApp;
use chrono::{Duration, Utc};
use model::entity::{bid, call, organisation};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// The statements of one request, once the caller's session is settled (the first request after signing in
/// may renew it), with no view kept from the first.
async fn statements(app: &TestApp, browser: &reqwest::Client, path: &str) -> u64 {
    measure(app, browser, path).await.0
}

/// [`statements`] and the connections the request took from the pool.
async fn measure(app: &TestApp, browser: &reqwest::Client, path: &str) -> (u64, u64) {
    let url = app.url(path);
    let warm = browser.get(&url).send().await.expect("get");
    assert!(warm.status().is_success(), "{path}: {}", warm.status());
    warm.bytes().await.expect("body");
    app.forget_kept_views().await;
    let (statements, connections) = (app.statements.get(), app.statements.connections());
    let response = browser.get(&url).send().await.expect("get");
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.bytes().await.expect("body");
    (app.statements.get() - statements, app.statements.connections() - connections)
}

/// The clients of the key pages' callers: a visitor's browser, each user's signed-in browser, and for the API
/// (`api …`) a client that sends the user's bearer token, as API clients do.
async fn callers(app: &TestApp) -> std::collections::HashMap<Option<&'static str>, reqwest::Client> {
    let mut callers = std::collections::HashMap::new();
    callers.insert(None, app.browser());
    for who in ["traeger1", "admin", "steuerung4", "steuerung7", "koordination1"] {
        callers.insert(Some(who), app.signed_in("dresden", &format!("{who}@dresden.demo")).await);
    }
    for (caller, who) in [("api traeger1", "traeger1"), ("api admin", "admin"), ("api steuerung4", "steuerung4")] {
        let token = app.token("dresden", &format!("{who}@dresden.demo")).await;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::AUTHORIZATION, format!("Bearer {token}").parse().expect("header"));
        callers.insert(Some(caller), reqwest::Client::builder().default_headers(headers).build().expect("client"));
    }
    callers
}

/// (what, who, path, the most statements it may send). The numbers are a ratchet at what each page sends
/// now: lower one when its page gets cheaper; raise one only for a new query that does not repeat per row.
type Page = (&'static str, Option<&'static str>, String, u64);

async fn key_pages(app: &TestApp) -> Vec<Page> {
    let db = app.db().await;
    let calls = call::Entity::find().order_by_asc(call::Column::OpensAt).all(&db).await.expect("calls");
    let (closed, open) = (&calls[2], &calls[3]);
    let elbaue = organisation::Entity::find()
        .filter(organisation::Column::Name.eq("Jugendwerk Elbaue e. V."))
        .one(&db)
        .await
        .expect("query")
        .expect("traeger1's organisation");
    let own_bid = bid::Entity::find()
        .filter(bid::Column::CallId.eq(open.id))
        .filter(bid::Column::OrganisationId.eq(elbaue.id))
        .one(&db)
        .await
        .expect("query")
        .expect("traeger1's bid in the open call");
    let meeting = model::entity::meeting::Entity::find()
        .filter(model::entity::meeting::Column::MinutesState.eq("circulated"))
        .one(&db)
        .await
        .expect("query")
        .expect("the last meeting");
    vec![
        ("the public call page", None, format!("/dresden/calls/{}", open.id), 5),
        ("the carrier's home", Some("traeger1"), "/dresden".into(), 8),
        ("the carrier's bids", Some("traeger1"), "/dresden/bids".into(), 6),
        ("the bid editor", Some("traeger1"), format!("/dresden/bids/{}", own_bid.id), 5),
        ("the steering group's bid list", Some("admin"), format!("/dresden/calls/{}/bids", closed.id), 13),
        ("the ranking", Some("admin"), format!("/dresden/calls/{}/ranking", closed.id), 15),
        ("the controlling dashboard", Some("steuerung4"), "/dresden/controlling".into(), 15),
        ("the coordinator's home", Some("koordination1"), "/dresden".into(), 13),
        ("the report review queue", Some("steuerung4"), "/dresden/reports".into(), 8),
        ("the committee report", Some("steuerung4"), "/dresden/controlling/committee-report".into(), 20),
        ("the administration's user list", Some("admin"), "/dresden/admin/users".into(), 4),
        ("the steering group's meetings", Some("steuerung7"), "/dresden/steering".into(), 3),
        ("a meeting", Some("steuerung7"), format!("/dresden/steering/meetings/{}", meeting.id), 17),
        ("the resolutions register", Some("steuerung4"), "/dresden/steering/resolutions".into(), 4),
        ("the commissions", Some("koordination1"), "/dresden/steering/commissions".into(), 8),
        ("the API's calls", None, "/api/v1/tenants/dresden/calls".into(), 3),
        (
            "the API's bids of a call",
            Some("api admin"),
            format!("/api/v1/tenants/dresden/calls/{}/bids", closed.id),
            11,
        ),
        ("the API's ranking", Some("api admin"), format!("/api/v1/tenants/dresden/calls/{}/ranking", closed.id), 15),
        ("the API's own bids", Some("api traeger1"), "/api/v1/tenants/dresden/bids".into(), 3),
        ("the API's reports", Some("api steuerung4"), "/api/v1/tenants/dresden/reports".into(), 7),
        ("the API's ledger", Some("api steuerung4"), "/api/v1/tenants/dresden/ledger".into(), 8),
        ("the API's resolutions", Some("api steuerung4"), "/api/v1/tenants/dresden/resolutions".into(), 4),
    ]
}

/// More of everything the key pages list: open calls, the carrier's bids, ledger entries, people, meetings
/// with items and resolutions, commissions.
async fn grow(app: &TestApp, carrier: &reqwest::Client) {
    let open = crate::bids::open_call(app).await;
    for lot in 11..16 {
        crate::bids::start(app, carrier, &open, lot).await;
    }
    use model::steering::commission::Assignee;
    use model::steering::minutes::{Outcome, Vote};
    use model::steering::view::{AgendaInput, CommissionInput, MeetingInput, ResolutionInput, Topic};
    let db = app.db().await;
    let scope = app::store::TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let now = Utc::now();
    let schedule = model::call::Schedule::new(
        now - Duration::days(1),
        now + Duration::days(20),
        (now + Duration::days(40)).date_naive(),
    )
    .expect("schedule");
    let second = app::store::calls::create(
        &db,
        &scope,
        model::call::Module::Practice,
        "Zweiter Aufruf",
        "Noch ein offener Aufruf.",
        schedule,
        now,
    )
    .await
    .expect("second open call");
    app::store::calls::publish(&db, &scope, second.id, now).await.expect("published");
    for n in 0..25 {
        let email = model::Email::parse(&format!("person{n}@dresden.demo")).expect("email");
        let roles = if n % 2 == 0 { vec![model::Role::Coordinator] } else { vec![model::Role::DistrictContact] };
        app::store::users::create_invited(&db, &scope, &email, &format!("Person {n}"), &roles, now)
            .await
            .expect("person");
    }
    let admin = crate::support::Api { app, token: Some(app.token("dresden", "admin@dresden.demo").await) };
    for n in 0..20 {
        let entry = serde_json::json!({"kind": "appropriation", "module": "practice", "year": 2026, "amount": format!("{}.00", 100 + n), "booked_on": "2026-11-30", "reference": format!("Nachtrag {n}")});
        let (status, body) = admin.post("/ledger", entry).await;
        assert!((200..300).contains(&status), "book: {body}");
    }
    let author = app::store::steering::coordinators(&db, &scope).await.expect("coordinators")[0].0;
    for n in 0..12 {
        let input = MeetingInput {
            title: format!("Zusätzliche Sitzung {n}"),
            starts_at: now - Duration::days(400 + n),
            duration_minutes: 60,
            place: "Rathaus".into(),
            video_link: String::new(),
        };
        let meeting = app::store::steering::create_meeting(&db, &scope, &input, author, now).await.expect("meeting");
        for i in 0..3 {
            let item = app::store::steering::add_agenda_item(
                &db,
                &scope,
                meeting.id,
                &AgendaInput { title: format!("Punkt {i}"), subject: None },
            )
            .await
            .expect("item");
            let resolution = ResolutionInput {
                text: format!("Beschluss {n}/{i}"),
                topic: Topic::Strategy,
                vote: Vote { yes: 5, no: 0, abstain: 0 },
                deferred: false,
            };
            let number = format!("1990/{:03}", n * 3 + i);
            let item = app::store::steering::record_resolution(&db, item, number, &resolution, Outcome::Adopted, now)
                .await
                .expect("resolution");
            let commission = CommissionInput {
                title: format!("Auftrag {n}/{i}"),
                details: String::new(),
                assignee: Assignee::Coordinator { user_id: author },
                due_on: (now + Duration::days(30)).date_naive(),
                agenda_item_id: Some(item.id),
            };
            let row = app::store::steering::add_commission(&db, &scope, &commission, now.date_naive(), author, now)
                .await
                .expect("commission");
            app::store::steering::add_note(&db, &scope, &row, "Begonnen.", false, author, now).await.expect("note");
        }
    }
}

#[tokio::test]
async fn every_key_page_sends_a_fixed_number_of_statements_whatever_the_data() {
    let app = TestApp::spawn().await;
    let browsers = callers(&app).await;
    let pages = key_pages(&app).await;
    let mut first = Vec::new();
    for (what, who, path, most) in &pages {
        let count = statements(&app, &browsers[who], path).await;
        assert!(count <= *most, "{what} ({path}) sent {count} statements, at most {most}");
        first.push(count);
    }
    grow(&app, &browsers[&Some("traeger1")]).await;
    for ((what, who, path, _), before) in pages.iter().zip(first) {
        let count = statements(&app, &browsers[who], path).await;
        assert_eq!(count, before, "{what} ({path}) grew with the data: {before} → {count} statements");
    }
}

/// A page of many reads makes them on one connection (`app::store::reading`). sqlx tests every connection
/// given back to the pool with a round trip to the database, so a page that took one per statement paid
/// twice its statements in round trips, and on PostgreSQL at 64 connections that was what kept the bid
/// editor under its budget (issue 16). The caller's session is read on a connection of its own, the page's
/// reads on a second.
#[tokio::test]
async fn a_page_of_many_reads_makes_them_on_one_connection() {
    let app = TestApp::spawn().await;
    let carrier = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let bid = crate::bids::start(&app, &carrier, &crate::bids::open_call(&app).await, 11).await;
    for (what, browser, path) in [
        ("the bid editor", &carrier, format!("/dresden/bids/{bid}")),
        ("the carrier's bids", &carrier, "/dresden/bids".to_owned()),
        ("the administration's user list", &admin, "/dresden/admin/users".to_owned()),
    ] {
        let (statements, connections) = measure(&app, browser, &path).await;
        assert!(statements >= 4, "{what} reads {statements} statements; the test wants a page of many");
        assert_eq!(connections, 2, "{what} ({path}) took {connections} connections for {statements} statements");
    }
}

/// Every key page finds its rows through an index: no statement it sends makes SQLite read a whole table,
/// which on a country's data (issue 16) means every tenant's rows, nor sort all of a list for one page. Asked of SQLite's planner (`EXPLAIN QUERY
/// PLAN`, with the statement's own values) for each statement a page sends; PostgreSQL plans by statistics,
/// so this holds the schema's indexes on SQLite, the default.
#[tokio::test]
async fn no_key_page_reads_a_whole_table() {
    use sea_orm::{ConnectionTrait, DbBackend};
    let app = TestApp::spawn().await;
    let db = app.db().await;
    if db.get_database_backend() != DbBackend::Sqlite {
        return;
    }
    let browsers = callers(&app).await;
    let mut scans = Vec::new();
    for (what, who, path, _) in key_pages(&app).await {
        let browser = &browsers[&who];
        browser.get(app.url(&path)).send().await.expect("get").bytes().await.expect("body");
        app.forget_kept_views().await;
        app.statements.record();
        let response = browser.get(app.url(&path)).send().await.expect("get");
        assert!(response.status().is_success(), "{path}: {}", response.status());
        response.bytes().await.expect("body");
        for statement in app.statements.take() {
            if !statement.sql.trim_start().to_uppercase().starts_with("SELECT") {
                continue;
            }
            let plan = crate::support::sqlite_plan(&db, &statement).await;
            // `SCAN t USING INDEX` and `SCAN t USING COVERING INDEX` walk an index, in its order: no table read.
            if let Some(scan) = plan.iter().find(|step| step.starts_with("SCAN ") && !step.contains(" USING ")) {
                scans.push(format!("{what}: {scan} in {}", statement.sql));
            }
            // A page of a list sorted outside an index reads and sorts every matching row for each page.
            if statement.sql.contains(" LIMIT ")
                && let Some(sort) = plan.iter().find(|step| step.contains("TEMP B-TREE FOR ORDER BY"))
            {
                scans.push(format!("{what}: {sort} in {}", statement.sql));
            }
        }
    }
    assert!(scans.is_empty(), "{scans:#?}");
}
