//! Views kept while a tenant's data stays the same (`app::derived`, issue 16): served again without being
//! computed, never after the data changed (whoever wrote it, this app server or another), never across a
//! midnight that changes what is due, and every table of a tenant's data moves its version.

use crate::support::TestApp;
use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

async fn get(app: &TestApp, client: &reqwest::Client, path: &str, token: Option<&str>) -> String {
    let mut request = client.get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("get");
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.text().await.expect("body")
}

#[tokio::test]
async fn a_kept_view_is_served_until_the_tenants_data_changes() {
    let app = TestApp::spawn().await;
    let member = app.signed_in("dresden", "steuerung4@dresden.demo").await;
    get(&app, &member, "/dresden/controlling", None).await;
    app.forget_kept_views().await;

    // Computed once, then kept: the second request only loads its caller, whose query brings the tenant's
    // version along (a GET changes nothing, so that version holds for the whole request).
    let before = app.statements.get();
    get(&app, &member, "/dresden/controlling", None).await;
    let computed = app.statements.get() - before;
    let before = app.statements.get();
    get(&app, &member, "/dresden/controlling", None).await;
    let kept = app.statements.get() - before;
    assert!(kept + 8 <= computed, "kept {kept} statements, computed {computed}");
    assert_eq!(kept, 1, "a kept page sent more than the caller's query");
    // A request of another method may change data before it shows a view, so it reads the version itself
    // (the browser's server function for the same view, served kept).
    let before = app.statements.get();
    let response = app.call(&member, "controlling_dashboard", &[]).await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    response.bytes().await.expect("body");
    assert_eq!(app.statements.get() - before, 2, "a POST must read the tenant's version itself");

    // A change written past the app (as another app server would) is seen at once.
    let token = app.token("dresden", "steuerung4@dresden.demo").await;
    let api = reqwest::Client::new();
    let path = "/api/v1/tenants/dresden/committee-reports/2019";
    let first = get(&app, &api, path, Some(&token)).await;
    assert_eq!(first, get(&app, &api, path, Some(&token)).await);
    assert!(!first.contains("KENNZEICHEN-42"));
    let db = app.db().await;
    let scope = app::store::TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let author = model::entity::user::Entity::find().one(&db).await.expect("query").expect("a user").id;
    use sea_orm::EntityTrait;
    let text = model::controlling::CommitteeText { narrative: "KENNZEICHEN-42".into(), measures: String::new() };
    app::store::committee::save(&db, &scope, 2019, &text, author, Utc::now()).await.expect("save");
    assert!(get(&app, &api, path, Some(&token)).await.contains("KENNZEICHEN-42"));

    // Each caller has their own: another member's first request computes, and sees the same report.
    let other = app.token("dresden", "steuerung1@dresden.demo").await;
    let before = app.statements.get();
    let theirs = get(&app, &api, path, Some(&other)).await;
    assert!(app.statements.get() - before > kept + 8, "another caller was served a kept view");
    assert!(theirs.contains("KENNZEICHEN-42"));
}

#[tokio::test]
async fn a_kept_view_is_not_served_past_a_midnight_that_makes_a_report_late() {
    let app = TestApp::spawn().await;
    // A steering member: every period of every post, those without a report too.
    let actor = crate::bids::actor(&app, "dresden", "steuerung1@dresden.demo").await;
    let now = Utc::now();
    let list = app::reports::ops::list(&actor, Default::default(), now).await.expect("list");
    let open = list.iter().find(|r| r.state.is_none()).expect("a period the demo left unreported");
    let key = (open.post_id, open.period_start);
    let late_at = |at| {
        let actor = &actor;
        async move {
            let list = app::reports::ops::list(actor, Default::default(), at).await.expect("list");
            list.iter().find(|r| (r.post_id, r.period_start) == key).expect("the period").late
        }
    };
    let due = open.due_at;
    assert!(!late_at(due - Duration::seconds(1)).await, "a second before its due instant");
    assert!(late_at(due).await, "at its due instant");
    assert!(!late_at(due - Duration::days(1)).await, "a day before");
    assert_eq!(late_at(now).await, open.late);
}

#[tokio::test]
async fn every_table_of_a_tenants_data_moves_its_version() {
    // Written on every sign-in or request and read by no kept view, or written only beside a counted change.
    const NOT_COUNTED: &[&str] = &[
        "sessions",
        "sign_in_attempts",
        "one_time_tokens",
        "api_tokens",
        "notifications",
        "audit_log",
        "ledger_sums",
        "tenant_versions",
    ];
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let backend = db.get_database_backend();
    let (tables, triggers) = match backend {
        DbBackend::Sqlite => (
            "SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c \
             WHERE m.type = 'table' AND c.name = 'tenant_id'",
            "SELECT name FROM sqlite_master WHERE type = 'trigger'",
        ),
        _ => (
            "SELECT table_name::text AS name FROM information_schema.columns \
             WHERE column_name = 'tenant_id' AND table_schema = current_schema()",
            "SELECT tgname::text AS name FROM pg_trigger WHERE NOT tgisinternal",
        ),
    };
    let names = |sql: &'static str| {
        let db = &db;
        async move {
            db.query_all(Statement::from_string(backend, sql))
                .await
                .expect("query")
                .iter()
                .map(|row| row.try_get::<String>("", "name").expect("name"))
                .collect::<std::collections::BTreeSet<_>>()
        }
    };
    let (tables, triggers) = (names(tables).await, names(triggers).await);
    assert!(tables.contains("reports") && tables.len() > 30, "{tables:?}");
    let wanted = |table: &str| match backend {
        DbBackend::Sqlite => {
            ["insert", "update", "delete"].iter().map(|e| format!("tenant_version_{table}_{e}")).collect()
        }
        _ => vec![format!("tenant_version_{table}")],
    };
    let missing: Vec<String> = tables
        .iter()
        .filter(|table| !NOT_COUNTED.contains(&table.as_str()))
        .flat_map(|table| wanted(table))
        .filter(|trigger| !triggers.contains(trigger))
        .collect();
    assert!(missing.is_empty(), "tables of a tenant's data without a version trigger: {missing:?}");

    // And a change moves it, in the changing tenant only.
    let version = |slug: &'static str| {
        let db = &db;
        async move {
            let scope = app::store::TenantScope::resolve(db, slug).await.expect("tenant");
            use sea_orm::EntityTrait;
            model::entity::tenant_version::Entity::find_by_id(scope.id())
                .one(db)
                .await
                .expect("q")
                .expect("row")
                .version
        }
    };
    let (dresden, other) = (version("dresden").await, version("musterstadt").await);
    db.execute_unprepared("UPDATE districts SET name = name || '' WHERE name = 'Stadtraum 1'").await.expect("update");
    let changed = version("dresden").await;
    assert!(changed > dresden);
    assert_eq!(version("musterstadt").await, other);
    // Signing in changes no view: it leaves the version where it is; renaming a person does not.
    app.signed_in("dresden", "steuerung1@dresden.demo").await;
    assert_eq!(version("dresden").await, changed, "a sign-in moved the version");
    db.execute_unprepared("UPDATE users SET display_name = display_name || '' WHERE email = 'steuerung1@dresden.demo'")
        .await
        .expect("rename");
    assert!(version("dresden").await > changed);

    // A transaction changing many rows: on PostgreSQL the version moves once (not once a row, which made
    // a large import quadratic there); on SQLite each row moves it, in place.
    let before = version("dresden").await;
    let txn = sea_orm::TransactionTrait::begin(&db).await.expect("begin");
    for _ in 0..2 {
        txn.execute_unprepared(
            "UPDATE districts SET name = name WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'dresden')",
        )
        .await
        .expect("update");
    }
    txn.commit().await.expect("commit");
    let moved = version("dresden").await - before;
    match backend {
        DbBackend::Postgres => assert_eq!(moved, 1),
        _ => assert!(moved >= 1),
    }
}

#[tokio::test]
async fn a_calls_bid_list_is_kept_only_once_the_call_has_closed() {
    use model::call::Phase;
    use model::entity::call;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};
    let app = TestApp::spawn().await;
    let open: uuid::Uuid =
        crate::bids::open_call(&app).await["summary"]["id"].as_str().and_then(|id| id.parse().ok()).expect("id");
    let db = app.db().await;
    // A closing in the middle of a quarter hour, so that a second before and after lie in the same one.
    let row = call::Entity::find_by_id(open).one(&db).await.expect("query").expect("the open call");
    let quarter = 15 * 60;
    let closes = chrono::DateTime::from_timestamp(row.closes_at.timestamp().div_euclid(quarter) * quarter + 450, 0)
        .expect("instant");
    let mut change = row.into_active_model();
    change.closes_at = Set(closes);
    change.update(&db).await.expect("update");

    let admin = crate::bids::actor(&app, "dresden", "admin@dresden.demo").await;
    let (before, after) = (closes - Duration::seconds(1), closes + Duration::seconds(1));
    let list = |at| app::bids::ops::call_bid_list(&admin, open, None, at);
    assert_eq!(list(before).await.expect("list").call.phase, Phase::Open);
    assert_eq!(list(after).await.expect("list").call.phase, Phase::Closed);
    let bids = |at| app::bids::ops::call_bids(&admin, open, None, (1, 100), at);
    assert_eq!(bids(before).await.expect("bids").call.phase, Phase::Open);
    let closed = bids(after).await.expect("bids");
    assert_eq!(closed.call.phase, Phase::Closed);
    // Once closed it is kept, and never served for an instant before the one it was computed at.
    assert_eq!(bids(after).await.expect("bids").call.phase, Phase::Closed);
    assert_eq!(bids(before).await.expect("bids").call.phase, Phase::Open);
}

#[tokio::test]
async fn a_coordinators_kept_tasks_count_a_report_overdue_from_its_due_instant() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let scope = app::store::TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let (deadline, zone) = app::store::reports::deadline(&db, &scope).await.expect("deadline");
    // The last quarter of 2026, which the demo's coordinators have not reported yet (it has not ended).
    let due = model::report::due_at(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("day"), deadline, zone);
    let actor = crate::bids::actor(&app, "dresden", "koordination1@dresden.demo").await;
    let overdue = |at| {
        let actor = &actor;
        async move { app::reports::ops::tasks(actor, at).await.expect("tasks").overdue }
    };
    let before = overdue(due - Duration::seconds(1)).await;
    assert_eq!(overdue(due).await, before + 1, "the quarter is overdue from its due instant");
    assert_eq!(overdue(due - Duration::seconds(1)).await, before);
}

/// The ledger's years are kept too (the ledger's and the committee text's pages ask for them on every
/// request), and a year booked afterwards is in the next answer.
#[tokio::test]
async fn the_kept_ledger_years_gain_a_year_booked_afterwards() {
    let app = TestApp::spawn().await;
    let actor = crate::bids::actor(&app, "dresden", "admin@dresden.demo").await;
    let now = Utc::now();
    let years = || app::controlling::ops::years(&actor, now);
    let before = app.statements.get();
    let first = years().await.expect("years");
    let computed = app.statements.get() - before;
    let before = app.statements.get();
    assert_eq!(years().await.expect("years"), first);
    let kept = app.statements.get() - before;
    assert_eq!((computed, kept), (2, 1), "computed: the version and the years; kept: only the version");
    let next = first.last().copied().expect("a year") + 1;

    let admin = crate::support::Api { app: &app, token: Some(app.token("dresden", "admin@dresden.demo").await) };
    let appropriation = serde_json::json!({"kind": "appropriation", "module": "practice", "year": next,
        "amount": "10.00", "booked_on": now.format("%Y-%m-%d").to_string(), "reference": "V0042/26"});
    let (status, body) = admin.post("/ledger", appropriation).await;
    assert!((200..300).contains(&status), "{status}: {body}");
    assert_eq!(years().await.expect("years").last(), Some(&next));
}

/// The API sends a kept view's JSON as it was written when the view was computed (`Actor::derived_json`): the
/// same bytes, the JSON type, and nothing read but the caller; a change of the tenant's data writes it anew.
#[tokio::test]
async fn the_apis_ranking_is_sent_as_written_while_kept() {
    use model::entity::call;
    use sea_orm::{EntityTrait, QueryOrder};
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let calls = call::Entity::find().order_by_asc(call::Column::OpensAt).all(&db).await.expect("calls");
    let path = format!("/api/v1/tenants/dresden/calls/{}/ranking", calls[2].id);
    let token = app.token("dresden", "admin@dresden.demo").await;
    let api = reqwest::Client::new();
    let computed = get(&app, &api, &path, Some(&token)).await;
    let ranking: serde_json::Value = serde_json::from_str(&computed).expect("JSON");
    assert!(!ranking["lots"].as_array().expect("lots").is_empty(), "{ranking}");

    let before = app.statements.get();
    let response = api.get(app.url(&path)).bearer_auth(&token).send().await.expect("get");
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.text().await.expect("body"), computed, "the kept JSON is the computed one");
    assert_eq!(app.statements.get() - before, 1, "a kept ranking sent more than the caller's query");

    // One lot, as the page shows it, kept as well.
    let lot = ranking["lots"][0]["lot_id"].as_str().expect("lot id");
    let one = get(&app, &api, &format!("{path}?lot={lot}"), Some(&token)).await;
    assert_eq!(one, get(&app, &api, &format!("{path}?lot={lot}"), Some(&token)).await);
    let one: serde_json::Value = serde_json::from_str(&one).expect("JSON");
    assert_eq!(one["lots"].as_array().expect("lots").len(), 1);

    // A change of the tenant's data: computed and written again.
    let scope = app::store::TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let author = model::entity::user::Entity::find().one(&db).await.expect("query").expect("a user").id;
    let text = model::controlling::CommitteeText { narrative: "neu".into(), measures: String::new() };
    app::store::committee::save(&db, &scope, 2019, &text, author, Utc::now()).await.expect("save");
    let before = app.statements.get();
    assert_eq!(get(&app, &api, &path, Some(&token)).await, computed, "the ranking itself did not change");
    assert!(app.statements.get() - before > 1, "computed again after the change");
}
