//! Reports of the coordination posts (issue 13): in the store and over the API, on the quarter the demo left
//! unreported (Stadtraum 3, third quarter of 2026): a report is drafted, submitted late, returned with a
//! comment, resubmitted as a second version and accepted, each step as `model::report::step` allows it; and
//! the demo's own history of reports.

use crate::support::TestApp;
use app::store::{TenantScope, reports};
use chrono::{NaiveDate, TimeZone, Utc};
use model::entity::{district_contact, user};
use model::policy::Who;
use model::report::{self, Content, ReportFacts, ReportState, Section, Step, StepRefusal};
use model::{Role, Seat};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

#[tokio::test]
async fn a_posts_report_goes_from_draft_to_accepted_through_a_return() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let scope = TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let coordinator = user::Entity::find()
        .filter(user::Column::Email.eq("koordination1@dresden.demo"))
        .one(&db)
        .await
        .expect("query")
        .expect("the demo coordinator")
        .id;
    let names = app::store::names::districts(&db, &scope).await.expect("districts");
    let posts = reports::posts(&db, &scope).await.expect("posts");
    let third = posts
        .iter()
        .find(|p| p.district_id.and_then(|d| names.get(&d)).is_some_and(|n| n == "Stadtraum 3"))
        .expect("the post of Stadtraum 3")
        .clone();
    assert_eq!(third.starts_on, NaiveDate::from_ymd_opt(2019, 2, 1).expect("date"));
    let before = third.coordinators.len();
    reports::assign(&db, &scope, third.id, coordinator, Utc::now()).await.expect("assign");
    reports::assign(&db, &scope, third.id, coordinator, Utc::now()).await.expect("assigning twice changes nothing");
    let post = reports::post(&db, &scope, third.id).await.expect("post");
    assert_eq!(post.coordinators.len(), before + 1);
    assert!(post.coordinators.contains(&coordinator));

    // Quarterly from February 2019, due 15 days after each quarter in Berlin.
    let (deadline, zone) = reports::deadline(&db, &scope).await.expect("deadline");
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
    let periods = report::periods(&post.schedule, post.starts_on, post.ends_on, deadline, zone, today);
    assert_eq!(
        (periods[0].starts_on, periods[0].ends_on),
        (post.starts_on, NaiveDate::from_ymd_opt(2019, 3, 31).expect("date"))
    );
    assert_eq!(periods[0].due_at, Utc.with_ymd_and_hms(2019, 4, 15, 22, 0, 0).single().expect("instant"));
    let q3 = NaiveDate::from_ymd_opt(2026, 7, 1).expect("date");
    let period = *periods.iter().find(|p| p.starts_on == q3).expect("the third quarter of 2026");
    let existing = reports::report_for(&db, &scope, post.id, &period).await.expect("query");
    assert!(existing.is_none(), "the demo left it unreported");

    let roles = [Role::Coordinator];
    let me = Who { user_id: coordinator, roles: &roles };
    let steering_roles = [Role::Steering { seat: Seat::Committee }];
    let member = Who { user_id: uuid::Uuid::new_v4(), roles: &steering_roles };
    let facts = |state, ever_submitted| ReportFacts {
        organisation_id: post.organisation_id,
        coordinators: &post.coordinators,
        contact_of_district: false,
        state,
        ever_submitted,
    };

    let mut content = Content::default();
    *content.section_mut(Section::Cooperation) = "Stadtteilrunde gegründet.".into();
    let state = report::step(me, &facts(None, false), Step::SaveDraft, 0).expect("a coordinator starts the report");
    let at = Utc.with_ymd_and_hms(2026, 10, 10, 9, 0, 0).single().expect("instant");
    let row = reports::save(&db, &scope, post.id, &period, &content, state, coordinator, at).await.expect("save");
    assert_eq!(reports::ReportHead::from(&row).state().expect("state"), ReportState::Draft);
    assert_eq!(content.check_submission(), Err(report::ContentProblem::SectionEmpty(Section::Access)));
    for section in Section::ALL {
        if content.section(section).is_empty() {
            *content.section_mut(section) = format!("Zu {}.", section.letter());
        }
    }
    content.check_submission().expect("complete");
    let row = reports::save(&db, &scope, post.id, &period, &content, state, coordinator, at).await.expect("save");

    // Submitted one second after the due instant: late.
    let late = period.due_at + chrono::Duration::seconds(1);
    report::step(me, &facts(Some(ReportState::Draft), false), Step::Submit, 0).expect("submit");
    let row = db
        .transaction::<_, _, app::AppError>(|txn| {
            let (scope, row) = (scope.clone(), row.clone());
            Box::pin(async move { reports::submit(txn, &scope, row, &period, coordinator, late).await })
        })
        .await
        .expect("submitted");
    assert!(row.late && row.first_submitted_at == Some(late), "{row:?} {late}");

    // Returned with a comment on section b.
    assert_eq!(
        report::step(member, &facts(Some(ReportState::Submitted), true), Step::Return, 0),
        Err(StepRefusal::CommentMissing)
    );
    let returned = report::step(member, &facts(Some(ReportState::Submitted), true), Step::Return, 1).expect("return");
    let comment = (Some(Section::Access), "Bitte die Sprechstunde im Stadtteilhaus beschreiben.".to_owned());
    let row = reports::review(&db, &scope, row, returned, &[comment], member.user_id, late).await.expect("review");
    assert_eq!(reports::ReportHead::from(&row).state().expect("state"), ReportState::Returned);

    // Revised and resubmitted: a second version, still late from the first submission.
    let mut revised = content.clone();
    *revised.section_mut(Section::Access) = "Offene Sprechstunde mittwochs im Stadtteilhaus.".into();
    let state = report::step(me, &facts(Some(ReportState::Returned), true), Step::SaveDraft, 0).expect("revise");
    let row = reports::save(&db, &scope, post.id, &period, &revised, state, coordinator, late).await.expect("save");
    let row = reports::submit(&db, &scope, row, &period, coordinator, late).await.expect("resubmit");
    let versions = reports::versions(&db, &scope, row.id).await.expect("versions");
    assert_eq!(versions.iter().map(|v| v.number).collect::<Vec<_>>(), vec![1, 2]);
    let first_version = reports::content_of(&versions[0].content, row.id).expect("content");
    let second_version = reports::content_of(&versions[1].content, row.id).expect("content");
    assert_eq!(second_version.changes_since(&first_version).sections, vec![Section::Access]);
    assert!(row.late, "lateness is decided by the first submission");

    let accepted = report::step(member, &facts(Some(ReportState::Submitted), true), Step::Accept, 0).expect("accept");
    let row = reports::review(&db, &scope, row, accepted, &[], member.user_id, late).await.expect("accept");
    assert_eq!(reports::ReportHead::from(&row).state().expect("state"), ReportState::Accepted);
    let comments = reports::comments(&db, &scope, row.id).await.expect("comments");
    assert_eq!(comments.len(), 1);
    assert_eq!((comments[0].version_number, comments[0].section.as_deref()), (1, Some("access")));

    // Another tenant finds none of it.
    let other = TenantScope::resolve(&db, "musterstadt").await.expect("musterstadt");
    assert!(matches!(reports::post(&db, &other, post.id).await, Err(app::AppError::NotFound)));
    assert!(matches!(reports::report(&db, &other, row.id).await, Err(app::AppError::NotFound)));
    assert!(reports::versions(&db, &other, row.id).await.expect("versions").is_empty());
}

/// A small API client for one caller (`None`: no token).
struct Api<'a> {
    app: &'a TestApp,
    token: Option<String>,
}

impl Api<'_> {
    async fn send(&self, method: reqwest::Method, path: &str, body: Option<serde_json::Value>) -> (u16, String) {
        let mut request = self.app.client.request(method, self.app.url(&format!("/api/v1{path}")));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        (response.status().as_u16(), response.text().await.expect("body"))
    }

    async fn get(&self, path: &str) -> (u16, String) {
        self.send(reqwest::Method::GET, path, None).await
    }

    async fn post(&self, path: &str, body: serde_json::Value) -> (u16, String) {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    async fn put(&self, path: &str, body: serde_json::Value) -> (u16, String) {
        self.send(reqwest::Method::PUT, path, Some(body)).await
    }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("json ({e}): {text}"))
}

async fn user_id(app: &TestApp, email: &str) -> uuid::Uuid {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&app.db().await)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("{email}"))
        .id
}

fn complete(marker: &str) -> serde_json::Value {
    serde_json::json!({
        "cooperation": format!("Stadtteilrunde gegründet. {marker}"),
        "access": "Offene Sprechstunde im Stadtteilhaus.",
        "prevention": "Ferienprojekt mit der Grundschule.",
        "network": "Austausch mit den Koordinationen der Stadträume 2 und 3.",
        "youth_office": "Monatliche Runde mit der Bezirkssozialarbeit.",
        "partners": [{"name": "Kita Sonnenschein", "field": "Kita", "new": true, "quality": "good"}],
        "figures": {"network_partners": 12, "meetings": 9, "measures_started": 2, "people_reached": 140,
            "hours_worked": "240.5", "money_spent": "1250.00"}
    })
}

/// Issue 13 over the API: a coordinator assigned to a post drafts, submits (late: the quarter was due in October),
/// gets the report back with a comment, revises and resubmits; a reviewer accepts. Drafts stay the
/// coordinator's, and every other role, a visitor and another tenant get none of it (bodies checked).
#[tokio::test]
async fn the_report_api_enforces_who_writes_reviews_and_reads() {
    let app = TestApp::spawn().await;
    let as_user = |token: Option<String>| Api { app: &app, token };
    let admin = as_user(Some(app.token("dresden", "admin@dresden.demo").await));
    let coordinator = as_user(Some(app.token("dresden", "koordination1@dresden.demo").await));
    let colleague = as_user(Some(app.token("dresden", "koordination2@dresden.demo").await));
    let member = as_user(Some(app.token("dresden", "steuerung1@dresden.demo").await));
    let contact = as_user(Some(app.token("dresden", "bezirk1@dresden.demo").await));
    let visitor = as_user(None);
    let stranger = as_user(Some(app.token("musterstadt", "admin@musterstadt.demo").await));

    let (status, posts) = admin.get("/tenants/dresden/posts").await;
    assert_eq!(status, 200, "{posts}");
    let posts = json(&posts);
    let of = |district: &str| {
        posts.as_array().and_then(|l| l.iter().find(|p| p["district_name"] == district)).cloned().expect("a post")
    };
    // Stadtraum 3, whose third quarter of 2026 the demo left unreported; koordination1 writes Stadtraum 1's.
    let (third, second) = (of("Stadtraum 3"), of("Stadtraum 2"));
    let (post, other_post) =
        (third["id"].as_str().expect("id").to_owned(), second["id"].as_str().expect("id").to_owned());
    let post_org = third["organisation_id"].as_str().expect("organisation").to_owned();
    let district: uuid::Uuid = third["district_id"].as_str().and_then(|d| d.parse().ok()).expect("district");

    // The post's carrier and another one.
    let mut carrier = None;
    let mut other_carrier = None;
    for n in 1..=4 {
        let api = as_user(Some(app.token("dresden", &format!("traeger{n}@dresden.demo")).await));
        if api.get("/me").await.1.contains(&post_org) {
            carrier = Some(api);
        } else {
            other_carrier = Some(api);
        }
    }
    let (carrier, other_carrier) = (carrier.expect("the post's carrier"), other_carrier.expect("another carrier"));
    let contact_id = user_id(&app, "bezirk1@dresden.demo").await;
    let contact_here = district_contact::Entity::find_by_id((contact_id, district))
        .one(&app.db().await)
        .await
        .expect("query")
        .is_some();

    // Only the administration assigns, and only coordinators.
    let me = user_id(&app, "koordination1@dresden.demo").await;
    let assignment = serde_json::json!({"user_id": me});
    assert_eq!(member.post(&format!("/tenants/dresden/posts/{post}/coordinators"), assignment.clone()).await.0, 403);
    let steering_user = serde_json::json!({"user_id": user_id(&app, "steuerung1@dresden.demo").await});
    assert_eq!(admin.post(&format!("/tenants/dresden/posts/{post}/coordinators"), steering_user).await.0, 422);
    assert_eq!(admin.post(&format!("/tenants/dresden/posts/{post}/coordinators"), assignment).await.0, 204);
    let colleague_id = serde_json::json!({"user_id": user_id(&app, "koordination2@dresden.demo").await});
    assert_eq!(admin.post(&format!("/tenants/dresden/posts/{other_post}/coordinators"), colleague_id).await.0, 204);

    // The coordinator's list: every quarter since February 2019; the third of 2026 not started and overdue.
    let (status, list) = coordinator.get(&format!("/tenants/dresden/reports?post={post}")).await;
    assert_eq!(status, 200, "{list}");
    let list = json(&list);
    let missing = list.as_array().expect("list").iter().find(|r| r["period_start"] == "2026-07-01").expect("Q3 2026");
    assert_eq!((missing["state"].is_null(), missing["late"].as_bool()), (true, Some(true)), "{missing}");
    assert_eq!(coordinator.get(&format!("/tenants/dresden/reports?post={other_post}")).await.1, "[]");
    assert_eq!(coordinator.get("/tenants/dresden/reports?quarter=2019-Q5").await.0, 422);
    assert_eq!(coordinator.get("/tenants/dresden/reports?state=lost").await.0, 422);
    let (_, q1) = coordinator.get(&format!("/tenants/dresden/reports?quarter=2019-Q1&post={post}")).await;
    assert_eq!(json(&q1).as_array().map(Vec::len), Some(1), "{q1}");

    // Starting and drafting: only the post's coordinator.
    let start = serde_json::json!({"post_id": post, "period_start": "2026-07-01"});
    assert_eq!(colleague.post("/tenants/dresden/reports", start.clone()).await.0, 404);
    assert_eq!(member.post("/tenants/dresden/reports", start.clone()).await.0, 403);
    let (status, started) = coordinator.post("/tenants/dresden/reports", start.clone()).await;
    assert_eq!(status, 201, "{started}");
    let report = json(&started)["summary"]["id"].as_str().expect("id").to_owned();
    let mut draft = complete("GEHEIMER-ENTWURF");
    draft["access"] = serde_json::json!("");
    let (status, saved) = coordinator.put(&format!("/tenants/dresden/reports/{report}/draft"), draft).await;
    assert_eq!(status, 200, "{saved}");
    assert!(saved.contains("GEHEIMER-ENTWURF"));
    let bad_hours = serde_json::json!({"figures": {"hours_worked": "10.1"}});
    assert_eq!(coordinator.put(&format!("/tenants/dresden/reports/{report}/draft"), bad_hours).await.0, 422);

    // The draft is the coordinator's alone.
    let path = format!("/tenants/dresden/reports/{report}");
    for (who, api, status) in [
        ("colleague", &colleague, 404),
        ("member", &member, 404),
        ("admin", &admin, 404),
        ("carrier", &carrier, 404),
        ("other carrier", &other_carrier, 404),
        ("contact", &contact, 404),
        ("visitor", &visitor, 401),
        ("other tenant", &stranger, 401),
    ] {
        let (got, body) = api.get(&path).await;
        assert_eq!(got, status, "{who}: {body}");
        assert!(!body.contains("GEHEIMER-ENTWURF") && !body.contains(&report), "{who}: {body}");
        let (_, list) = api.get(&format!("/tenants/dresden/reports?post={post}")).await;
        assert!(!list.contains("GEHEIMER-ENTWURF") && !list.contains(&report), "{who} list: {list}");
    }

    // Submission needs every point answered; then it is late (due on 15 October 2026), and readers see it.
    let (status, body) = coordinator.post(&format!("{path}/submission"), serde_json::json!({})).await;
    assert_eq!(status, 422, "{body}");
    assert!(json(&body)["message"].as_str().is_some_and(|m| m.starts_with("access:")), "the missing point: {body}");
    coordinator.put(&format!("{path}/draft"), complete("ERSTE-FASSUNG")).await;
    let (status, body) = coordinator.post(&format!("{path}/submission"), serde_json::json!({})).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(json(&body)["summary"]["late"], true);
    assert_eq!(coordinator.put(&format!("{path}/draft"), complete("x")).await.0, 409, "submitted: locked");
    for (who, api, status) in [
        ("member", &member, 200),
        ("admin", &admin, 200),
        ("carrier", &carrier, 200),
        ("contact", &contact, if contact_here { 200 } else { 404 }),
        ("colleague", &colleague, 404),
        ("other carrier", &other_carrier, 404),
        ("visitor", &visitor, 401),
        ("other tenant", &stranger, 401),
    ] {
        let (got, body) = api.get(&path).await;
        assert_eq!(got, status, "{who}: {body}");
        assert_eq!(body.contains("ERSTE-FASSUNG"), status == 200, "{who}: {body}");
    }

    // Returned with a comment on section b; only reviewers review, and a return needs a comment.
    let return_empty = serde_json::json!({"verdict": "return"});
    assert_eq!(member.post(&format!("{path}/review"), return_empty).await.0, 422);
    assert_eq!(carrier.post(&format!("{path}/review"), serde_json::json!({"verdict": "accept"})).await.0, 403);
    let comment = serde_json::json!({"verdict": "return",
        "comments": [{"section": "access", "body": "Bitte die Sprechstunde genauer beschreiben."}]});
    let (status, body) = member.post(&format!("{path}/review"), comment).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["summary"]["state"], "returned");

    // Revised and resubmitted: the second version differs in section b only; accepted; then frozen.
    let mut revised = complete("ERSTE-FASSUNG");
    revised["access"] = serde_json::json!("Offene Sprechstunde mittwochs 14–17 Uhr im Stadtteilhaus.");
    assert_eq!(coordinator.put(&format!("{path}/draft"), revised).await.0, 200);
    assert_eq!(coordinator.post(&format!("{path}/submission"), serde_json::json!({})).await.0, 201);
    let (status, body) = admin.post(&format!("{path}/review"), serde_json::json!({"verdict": "accept"})).await;
    assert_eq!(status, 200, "{body}");
    let view = json(&body);
    assert_eq!(view["summary"]["state"], "accepted");
    assert_eq!(view["versions"].as_array().map(Vec::len), Some(2));
    assert_eq!(view["versions"][1]["changes"]["sections"], serde_json::json!(["access"]));
    assert_eq!(view["comments"][0]["section"], "access");
    assert_eq!(admin.post(&format!("{path}/review"), serde_json::json!({"verdict": "accept"})).await.0, 409);
    assert_eq!(coordinator.put(&format!("{path}/draft"), complete("y")).await.0, 409);

    // The next quarter can start from this one.
    let next = serde_json::json!({"post_id": post, "period_start": "2026-10-01", "from_previous": true});
    let (status, body) = coordinator.post("/tenants/dresden/reports", next).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(json(&body)["content"]["access"], "Offene Sprechstunde mittwochs 14–17 Uhr im Stadtteilhaus.");
}

/// The demo's history (issue 13, item 9), as the steering group reads it: accepted quarters since 2019, one
/// returned and revised, one late, one missing, one waiting for review; and a draft the readers cannot see.
#[tokio::test]
async fn the_demo_tells_the_story_of_its_reports() {
    let app = TestApp::spawn().await;
    let member = Api { app: &app, token: Some(app.token("dresden", "steuerung1@dresden.demo").await) };
    let coordinator = Api { app: &app, token: Some(app.token("dresden", "koordination1@dresden.demo").await) };
    let (status, list) = member.get("/tenants/dresden/reports").await;
    assert_eq!(status, 200, "{list}");
    let list = json(&list);
    let list = list.as_array().expect("list");
    let find = |district: &str, start: &str| {
        list.iter()
            .find(|r| r["district"] == district && r["period_start"] == start)
            .unwrap_or_else(|| panic!("{district} {start}"))
            .clone()
    };
    let first = find("Stadtraum 1", "2019-02-01");
    assert_eq!((first["state"].as_str(), first["late"].as_bool()), (Some("accepted"), Some(false)), "{first}");
    let late = find("Stadtraum 3", "2025-01-01");
    assert_eq!((late["state"].as_str(), late["late"].as_bool()), (Some("accepted"), Some(true)), "{late}");
    let missing = find("Stadtraum 3", "2026-07-01");
    assert!(missing["id"].is_null() && missing["state"].is_null() && missing["late"] == true, "{missing}");
    let waiting = find("Stadtraum 2", "2026-07-01");
    assert_eq!(waiting["state"], "submitted", "{waiting}");
    let returned = find("Stadtraum 2", "2024-04-01");
    let (status, view) =
        member.get(&format!("/tenants/dresden/reports/{}", returned["id"].as_str().expect("id"))).await;
    assert_eq!(status, 200, "{view}");
    let view = json(&view);
    assert_eq!(view["summary"]["state"], "accepted");
    assert_eq!(view["versions"].as_array().map(Vec::len), Some(2));
    assert_eq!(view["versions"][1]["changes"]["sections"], serde_json::json!(["prevention"]));
    assert_eq!(view["comments"][0]["section"], "prevention");
    let accepted = list.iter().filter(|r| r["state"] == "accepted").count();
    assert!(accepted >= 3 * 28, "seven years of quarters for three posts: {accepted}");

    // The running quarter's draft of Stadtraum 1: its coordinator sees it, the steering group does not.
    let (_, mine) = coordinator.get("/tenants/dresden/reports?state=draft").await;
    let mine = json(&mine);
    let draft = mine.as_array().and_then(|l| l.first()).expect("koordination1's draft");
    assert_eq!(draft["district"], "Stadtraum 1");
    let id = draft["id"].as_str().expect("id");
    assert_eq!(member.get(&format!("/tenants/dresden/reports/{id}")).await.0, 404);
    assert!(!list.iter().any(|r| r["id"] == id), "the draft is not in the steering group's list");
}

/// The home page's work list (issue 13, item 1) over the demo: Stadtraum 3's coordinator has one report
/// overdue, Stadtraum 1's a draft in progress, and the steering group one report waiting for review.
#[tokio::test]
async fn the_home_page_counts_each_users_work_with_reports() {
    let app = TestApp::spawn().await;
    let tasks = |email: &'static str| {
        let app = &app;
        async move {
            let browser = app.signed_in("dresden", email).await;
            let response = app.call(&browser, "report_tasks", &[]).await;
            assert_eq!(response.status(), reqwest::StatusCode::OK, "{email}");
            json(&response.text().await.expect("body"))
        }
    };
    let counts = |value: serde_json::Value| {
        ["overdue", "returned", "drafts", "waiting"]
            .map(|k| value[k].as_u64().unwrap_or_else(|| panic!("{k}: {value}")))
    };
    assert_eq!(counts(tasks("koordination3@dresden.demo").await), [1, 0, 0, 0]);
    assert_eq!(counts(tasks("koordination1@dresden.demo").await), [0, 0, 1, 0]);
    assert_eq!(counts(tasks("steuerung1@dresden.demo").await), [0, 0, 0, 1]);
    assert_eq!(counts(tasks("traeger1@dresden.demo").await), [0, 0, 0, 0], "a carrier has no report work");
}

/// The report's and the exchange's schemas are named apart from the bid's and the award's in the OpenAPI
/// document (one namespace for all):
/// when `VersionView` was both, the bid list's responses failed their schema.
#[tokio::test]
async fn the_openapi_document_keeps_report_and_bid_schemas_apart() {
    let app = TestApp::spawn().await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, reqwest::StatusCode::OK);
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["VersionView"]["properties"]["content_hash"].is_object(), "the bid's version");
    assert!(schemas["ReportVersionView"]["properties"]["changes"].is_object(), "the report's version");
    assert!(schemas["ReportContent"]["properties"]["youth_office"].is_object(), "the report's content");
    assert!(schemas["Content"]["properties"]["youth_office"].is_null(), "the bid's content stays the bid's");
    assert!(schemas["PostView"]["properties"]["district_name"].is_object(), "the award's post");
    assert!(schemas["ExchangePostView"]["properties"]["own"].is_object(), "the exchange's post");
}

/// Compliance and figures (issue 13, items 5 and 6) over the demo, for every caller: the steering group sees
/// every post's standing, a coordinator only their post's, a visitor and another tenant nothing (bodies
/// checked); drafts count as neither submitted nor as figures, even for their coordinator.
#[tokio::test]
async fn compliance_and_figures_show_each_caller_only_what_they_may_read() {
    let app = TestApp::spawn().await;
    let member = Api { app: &app, token: Some(app.token("dresden", "steuerung1@dresden.demo").await) };
    let coordinator = Api { app: &app, token: Some(app.token("dresden", "koordination1@dresden.demo").await) };
    let visitor = Api { app: &app, token: None };
    let stranger = Api { app: &app, token: Some(app.token("musterstadt", "admin@musterstadt.demo").await) };

    let (status, body) = member.get("/tenants/dresden/compliance?year=2026").await;
    assert_eq!(status, 200, "{body}");
    let view = json(&body);
    let entry = |district: &str, start: &str| {
        view["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .find(|e| e["district"] == district && e["period_start"] == start)
            .unwrap_or_else(|| panic!("{district} {start}: {view}"))
            .clone()
    };
    assert_eq!(entry("Stadtraum 3", "2026-07-01")["status"], "missing");
    assert!(entry("Stadtraum 3", "2026-07-01")["report_id"].is_null());
    assert_eq!(entry("Stadtraum 2", "2026-07-01")["status"], "on_time");
    assert_eq!(entry("Stadtraum 1", "2026-01-01")["status"], "on_time");
    // The running quarter's draft is due in January: pending, and its id stays the coordinator's.
    assert_eq!(entry("Stadtraum 1", "2026-10-01")["status"], "pending");
    assert!(entry("Stadtraum 1", "2026-10-01")["report_id"].is_null());
    assert!(
        view["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .all(|e| e["period_start"].as_str().is_some_and(|d| d.starts_with("2026")))
    );
    let totals = &view["totals"];
    assert_eq!(totals["missing"], 1, "{totals}");
    let quarters = view["quarters"].as_array().expect("quarters");
    assert_eq!(quarters.iter().map(|q| q["quarter"].as_u64().unwrap_or(0)).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(quarters[2]["counts"]["missing"], 1);
    let (_, earlier) = member.get("/tenants/dresden/compliance?year=2025").await;
    let earlier = json(&earlier);
    let late: Vec<_> =
        earlier["entries"].as_array().expect("entries").iter().filter(|e| e["status"] == "late").collect();
    assert_eq!(late.len(), 1, "{earlier}");
    assert_eq!(
        (late[0]["district"].as_str(), late[0]["period_start"].as_str()),
        (Some("Stadtraum 3"), Some("2025-01-01"))
    );
    let (_, all) = member.get("/tenants/dresden/compliance").await;
    let all = json(&all);
    assert!(
        all["year"].is_null() && all["years"].as_array().is_some_and(|y| y.first() == Some(&serde_json::json!(2019)))
    );

    let (status, mine) = coordinator.get("/tenants/dresden/compliance?year=2026").await;
    assert_eq!(status, 200, "{mine}");
    assert!(mine.contains("Stadtraum 1") && !mine.contains("Stadtraum 2") && !mine.contains("Stadtraum 3"), "{mine}");
    let mine = json(&mine);
    let own_draft =
        mine["entries"].as_array().expect("entries").iter().find(|e| e["period_start"] == "2026-10-01").cloned();
    assert!(
        own_draft.is_some_and(|e| e["status"] == "pending" && e["report_id"].is_string()),
        "the coordinator may open their draft"
    );

    for (caller, expected) in [(&visitor, 401), (&stranger, 401)] {
        for path in ["/tenants/dresden/compliance", "/tenants/dresden/report-figures"] {
            let (status, body) = caller.get(path).await;
            assert_eq!(status, expected, "{path}: {body}");
            assert!(
                !body.contains("Stadtraum") && !body.contains("on_time") && !body.contains("people_reached"),
                "{body}"
            );
        }
    }
    assert_eq!(member.get("/tenants/dresden/compliance?year=abc").await.0, 400);
    assert_eq!(member.get("/tenants/dresden/compliance?year=1999").await.0, 422);
    assert_eq!(member.get("/tenants/dresden/report-figures?year=3000").await.0, 422);

    // Figures: three posts' submitted quarters of 2026 — Stadtraum 1's draft and Stadtraum 3's missing
    // quarter add nothing; Stadtraum 2's waiting report counts with its submitted version.
    let (status, figures) = member.get("/tenants/dresden/report-figures?year=2026").await;
    assert_eq!(status, 200, "{figures}");
    let figures = json(&figures);
    let reports_of = |view: &serde_json::Value, district: &str| {
        view["districts"]
            .as_array()
            .expect("districts")
            .iter()
            .find(|d| d["district"] == district)
            .map(|d| d["totals"]["reports"].as_u64().unwrap_or(0))
    };
    assert_eq!(
        [reports_of(&figures, "Stadtraum 1"), reports_of(&figures, "Stadtraum 2"), reports_of(&figures, "Stadtraum 3")],
        [Some(3), Some(3), Some(2)],
        "{figures}"
    );
    let years = figures["years"].as_array().expect("years");
    assert_eq!(years.first().map(|y| y["year"].clone()), Some(serde_json::json!(2019)));
    let people = |v: &serde_json::Value| v["totals"]["figures"]["people_reached"].as_u64().unwrap_or(0);
    let year_2026 = years.iter().find(|y| y["year"] == 2026).expect("2026");
    let by_district: u64 = figures["districts"].as_array().expect("districts").iter().map(people).sum();
    let by_quarter: u64 = figures["quarters"].as_array().expect("quarters").iter().map(people).sum();
    assert_eq!((people(year_2026), by_quarter), (by_district, by_district));
    assert!(year_2026["trend"]["people_reached"].is_string(), "a trend against 2025: {year_2026}");
    let money = year_2026["totals"]["figures"]["money_spent"].as_str().expect("money as a decimal string");
    assert!(money.ends_with(".00") || money.contains('.'), "{money}");

    let (_, own) = coordinator.get("/tenants/dresden/report-figures?year=2026").await;
    let own = json(&own);
    assert_eq!(own["districts"].as_array().map(Vec::len), Some(1), "{own}");
    assert_eq!(reports_of(&own, "Stadtraum 1"), Some(3), "the coordinator's own draft is no figure");
}

/// The compliance and figures pages render the same overview for the steering group, in German.
#[tokio::test]
async fn the_compliance_and_figures_pages_show_the_overview() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in("dresden", "steuerung1@dresden.demo").await;
    let page = |path: &'static str| {
        let (app, browser) = (&app, &browser);
        async move {
            let response = browser.get(app.url(path)).send().await.expect("page");
            assert_eq!(response.status(), reqwest::StatusCode::OK, "{path}");
            response.text().await.expect("body")
        }
    };
    let compliance = page("/dresden/reports/compliance?year=2026").await;
    assert!(compliance.contains("Berichtsfristen") && compliance.contains("id=\"compliance-grid\""), "{compliance}");
    assert!(compliance.contains("fehlt") && compliance.contains("Stadtraum 3") && compliance.contains("<svg"));
    let figures = page("/dresden/reports/figures?year=2025").await;
    assert!(figures.contains("id=\"figures-districts\"") && figures.contains("Stadtraum 2"), "{figures}");
    assert!(figures.contains("Je Stadtraum im Jahr 2025"));
}

/// The daily reminders (issue 13, item 5) on the demo's fourth quarter of 2026, due on 15 January 2027:
/// Stadtraum 1 and 3's coordinators hear of it a week before and on the day, and on the day after also the
/// carrier of Stadtraum 1's post; Stadtraum 2, submitted early, hears nothing. A second run of the same day
/// sends nothing again.
#[tokio::test]
async fn unsubmitted_reports_are_reminded_a_week_before_on_the_day_and_when_overdue() {
    let app = TestApp::spawn().await;
    let colleague = Api { app: &app, token: Some(app.token("dresden", "koordination2@dresden.demo").await) };
    let (_, list) = colleague.get("/tenants/dresden/reports?quarter=2026-Q4").await;
    let list = json(&list);
    let post = list[0]["post_id"].as_str().expect("Stadtraum 2's post").to_owned();
    let (status, started) = colleague
        .post("/tenants/dresden/reports", serde_json::json!({"post_id": post, "period_start": "2026-10-01"}))
        .await;
    assert_eq!(status, 201, "{started}");
    let id = json(&started)["summary"]["id"].as_str().expect("id").to_owned();
    assert_eq!(colleague.put(&format!("/tenants/dresden/reports/{id}/draft"), complete("früh")).await.0, 200);
    assert_eq!(
        colleague.post(&format!("/tenants/dresden/reports/{id}/submission"), serde_json::json!({})).await.0,
        201
    );

    let db = app.db().await;
    let heidepark = model::entity::organisation::Entity::find()
        .filter(model::entity::organisation::Column::Name.contains("Heidepark"))
        .one(&db)
        .await
        .expect("query")
        .expect("Stadtraum 1's carrier");
    let grant = model::entity::role_grant::Entity::find()
        .filter(model::entity::role_grant::Column::OrganisationId.eq(heidepark.id))
        .filter(model::entity::role_grant::Column::Role.eq("carrier"))
        .one(&db)
        .await
        .expect("query")
        .expect("a carrier account of Heidepark");
    let carrier = user::Entity::find_by_id(grant.user_id).one(&db).await.expect("query").expect("user").email;

    let quarter = "01.10.2026 – 31.12.2026";
    let mails = |address: &str| {
        let about = format!("Stadtraum {} · {quarter}", &address[12..13]);
        let about = if address.starts_with("koordination") { about } else { format!("Stadtraum 1 · {quarter}") };
        app.outbox()
            .into_iter()
            .filter(|m| m.contains(&format!("To: {address}")) && m.contains(&about))
            .collect::<Vec<_>>()
    };
    // Each counts the mails about its own post's quarter; the carrier's, Stadtraum 1's.
    let counts = || {
        ["koordination1@dresden.demo", "koordination2@dresden.demo", "koordination3@dresden.demo", carrier.as_str()]
            .map(|a| mails(a).len())
    };
    let morning = |day: u32| Utc.with_ymd_and_hms(2027, 1, day, 7, 0, 0).single().expect("time");
    app.run_jobs(morning(7)).await;
    assert_eq!(counts(), [0, 0, 0, 0], "eight days before: nothing yet");
    app.run_jobs(morning(8)).await;
    app.run_jobs(morning(8) + chrono::Duration::hours(3)).await;
    assert_eq!(counts(), [1, 0, 1, 0], "a week before, once");
    app.run_jobs(morning(15)).await;
    assert_eq!(counts(), [2, 0, 2, 0], "on the day");
    app.run_jobs(morning(16)).await;
    assert_eq!(counts(), [3, 0, 3, 1], "the day after, also to the carrier");
    let overdue = mails(&carrier).pop().expect("the carrier's mail");
    assert!(overdue.contains("Stadtraum 1") && overdue.contains("war fällig bis 15.01.2027"), "{overdue}");
    app.run_jobs(morning(17)).await;
    assert_eq!(counts(), [3, 0, 3, 1], "and then no more");

    let coordinator = user::Entity::find()
        .filter(user::Column::Email.eq("koordination1@dresden.demo"))
        .one(&db)
        .await
        .expect("query")
        .expect("koordination1");
    let notices = app::notify::of_user(&db, coordinator.id).await.expect("notices");
    let kinds: Vec<_> = notices.iter().filter(|n| n.params.call_title.contains(quarter)).map(|n| n.kind).collect();
    use app::notifications::Kind;
    assert_eq!(kinds, [Kind::ReportOverdue, Kind::ReportDueToday, Kind::ReportDueSoon], "newest first");
    // (The demo's commission to koordination1 falls due the same day; its reminders lead elsewhere.)
    let about_reports =
        |n: &&app::notify::Notice| matches!(n.kind, Kind::ReportDueSoon | Kind::ReportDueToday | Kind::ReportOverdue);
    assert!(notices.iter().filter(about_reports).all(|n| n.link == "/dresden/reports"));
}

/// Files of a report (issue 13, item 2): its coordinator attaches them while it may change the report;
/// readers see those that went out with the latest submission, never earlier; what went out stays, what
/// was added since can be removed; everyone else gets nothing (bodies checked).
#[tokio::test]
async fn a_reports_files_go_out_with_its_submissions() {
    let app = TestApp::spawn().await;
    let coordinator = Api { app: &app, token: Some(app.token("dresden", "koordination3@dresden.demo").await) };
    let member = Api { app: &app, token: Some(app.token("dresden", "steuerung2@dresden.demo").await) };
    let other = Api { app: &app, token: Some(app.token("dresden", "koordination1@dresden.demo").await) };
    let visitor = Api { app: &app, token: None };
    let upload = |api: &Api<'_>, report: &str, bytes: Vec<u8>, name: &str| {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
        let form = reqwest::multipart::Form::new().part("file", part);
        let mut request =
            app.client.post(app.url(&format!("/api/v1/tenants/dresden/reports/{report}/files"))).multipart(form);
        if let Some(token) = &api.token {
            request = request.bearer_auth(token);
        }
        async move {
            let response = request.send().await.expect("upload");
            (response.status().as_u16(), response.text().await.expect("body"))
        }
    };
    let (_, list) = coordinator.get("/tenants/dresden/reports?quarter=2026-Q3").await;
    let post = json(&list)[0]["post_id"].as_str().expect("Stadtraum 3's post").to_owned();
    let (status, started) = coordinator
        .post("/tenants/dresden/reports", serde_json::json!({"post_id": post, "period_start": "2026-07-01"}))
        .await;
    assert_eq!(status, 201, "{started}");
    let id = json(&started)["summary"]["id"].as_str().expect("id").to_owned();
    assert_eq!(coordinator.put(&format!("/tenants/dresden/reports/{id}/draft"), complete("Anlage")).await.0, 200);

    let (status, first) = upload(&coordinator, &id, app::attachments::samples::pdf("Protokoll"), "protokoll.pdf").await;
    assert_eq!(status, 201, "{first}");
    let first = json(&first)["id"].as_str().expect("file id").to_owned();
    assert_eq!(upload(&coordinator, &id, b"just text".to_vec(), "notiz.txt").await.0, 422);
    assert_eq!(
        upload(&other, &id, app::attachments::samples::pdf("x"), "x.pdf").await.0,
        404,
        "another post's coordinator"
    );
    assert_eq!(upload(&member, &id, app::attachments::samples::pdf("x"), "x.pdf").await.0, 403);
    let file_path = format!("/tenants/dresden/reports/{id}/files/{first}");
    let (status, body) = member.get(&file_path).await;
    assert_eq!(status, 404, "a draft's file is its coordinator's: {body}");
    assert!(!body.contains("Protokoll"));

    assert_eq!(
        coordinator.post(&format!("/tenants/dresden/reports/{id}/submission"), serde_json::json!({})).await.0,
        201
    );
    let (status, body) = member.get(&file_path).await;
    assert_eq!(status, 200);
    assert!(body.contains("% Protokoll"), "the file's bytes: {body}");
    let (_, view) = member.get(&format!("/tenants/dresden/reports/{id}")).await;
    assert_eq!(json(&view)["files"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        upload(&coordinator, &id, app::attachments::samples::pdf("spät"), "spaet.pdf").await.0,
        409,
        "submitted"
    );

    // Returned: a second file waits for the next submission; the first stays.
    let review = serde_json::json!({"verdict": "return", "comments": [{"section": null, "body": "Bitte die Einladung anhängen."}]});
    assert_eq!(member.post(&format!("/tenants/dresden/reports/{id}/review"), review).await.0, 200);
    let (status, second) =
        upload(&coordinator, &id, app::attachments::samples::pdf("Einladung"), "einladung.pdf").await;
    assert_eq!(status, 201, "{second}");
    let second = json(&second)["id"].as_str().expect("file id").to_owned();
    let (_, view) = member.get(&format!("/tenants/dresden/reports/{id}")).await;
    assert_eq!(json(&view)["files"].as_array().map(Vec::len), Some(1), "not before it is submitted");
    assert_eq!(member.get(&format!("/tenants/dresden/reports/{id}/files/{second}")).await.0, 404);
    let (_, own) = coordinator.get(&format!("/tenants/dresden/reports/{id}")).await;
    assert_eq!(json(&own)["files"].as_array().map(Vec::len), Some(2));
    let delete = |file: &str| {
        let request = app
            .client
            .delete(app.url(&format!("/api/v1/tenants/dresden/reports/{id}/files/{file}")))
            .bearer_auth(coordinator.token.as_deref().expect("token"));
        async move { request.send().await.expect("delete").status().as_u16() }
    };
    assert_eq!(delete(&first).await, 409, "it went out with the first submission");
    assert_eq!(delete(&second).await, 204);
    assert_eq!(delete(&second).await, 404);

    for (who, caller, expected) in [("visitor", &visitor, 401), ("another coordinator", &other, 404)] {
        let (status, body) = caller.get(&file_path).await;
        assert_eq!(status, expected, "{who}: {body}");
        assert!(!body.contains("Protokoll"), "{who}: {body}");
    }
}

/// Schedules and the deadline (issue 13, item 1): the administration makes Stadtraum 1's post report
/// yearly and moves the tenant's deadline; what is due follows at once, the quarters already reported stay,
/// and nobody else may change either (bodies checked).
#[tokio::test]
async fn the_administration_changes_a_posts_schedule_and_the_deadline() {
    let app = TestApp::spawn().await;
    let admin = Api { app: &app, token: Some(app.token("dresden", "admin@dresden.demo").await) };
    let member = Api { app: &app, token: Some(app.token("dresden", "steuerung1@dresden.demo").await) };
    let coordinator = Api { app: &app, token: Some(app.token("dresden", "koordination1@dresden.demo").await) };
    let (_, posts) = admin.get("/tenants/dresden/posts").await;
    let posts = json(&posts);
    let first = posts
        .as_array()
        .expect("posts")
        .iter()
        .find(|p| p["district_name"] == "Stadtraum 1")
        .expect("Stadtraum 1's post")
        .clone();
    assert_eq!(first["schedule"]["cadence"], "quarterly", "{first}");
    let post = first["id"].as_str().expect("id").to_owned();
    let path = format!("/tenants/dresden/posts/{post}/schedule");
    assert_eq!(member.put(&path, serde_json::json!({"cadence": "yearly"})).await.0, 403);
    assert_eq!(coordinator.put(&path, serde_json::json!({"cadence": "yearly"})).await.0, 403);
    assert_eq!(Api { app: &app, token: None }.put(&path, serde_json::json!({"cadence": "yearly"})).await.0, 401);
    let (status, body) = admin.put(&path, serde_json::json!({"cadence": "yearly", "final_report": true})).await;
    assert_eq!(status, 422, "a final report needs an end: {body}");
    let (status, _) = admin.put(&path, serde_json::json!({"cadence": "yearly", "extra": ["2018-01-01"]})).await;
    assert_eq!(status, 422, "an extra report before the post began");
    let (status, body) = admin.put(&path, serde_json::json!({"cadence": "fortnightly"})).await;
    assert!(matches!(status, 400 | 422), "{body}");
    let (status, body) = admin.put(&path, serde_json::json!({"cadence": "yearly", "extra": ["2026-11-20"]})).await;
    assert_eq!(status, 204, "{body}");

    let (_, list) = member.get(&format!("/tenants/dresden/reports?post={post}")).await;
    let list = json(&list);
    let entries = list.as_array().expect("list");
    let yearly = entries.iter().find(|r| r["period_start"] == "2025-01-01" && r["period_end"] == "2025-12-31");
    assert!(yearly.is_some_and(|r| r["state"].is_null() && r["late"] == true), "the year 2025 is due now: {list}");
    let extra = entries.iter().find(|r| r["kind"] == "extra");
    assert!(extra.is_some_and(|r| r["period_end"] == "2026-11-20"), "{list}");
    let kept = entries.iter().filter(|r| r["state"] == "accepted").count();
    assert!(kept >= 28, "the quarters reported before stay: {kept}");
    let (_, after) = admin.get("/tenants/dresden/posts").await;
    assert!(after.contains("\"cadence\":\"yearly\""), "{after}");

    // The deadline: 30 days after the period instead of 15.
    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let form = [("name", "Landeshauptstadt Dresden"), ("default_locale", "de"), ("report_deadline_days", "91")];
    assert_eq!(
        app.call(&browser, "update_tenant_settings", &form).await.status(),
        reqwest::StatusCode::UNPROCESSABLE_ENTITY
    );
    let form = [("name", "Landeshauptstadt Dresden"), ("default_locale", "de"), ("report_deadline_days", "30")];
    assert_eq!(app.call(&browser, "update_tenant_settings", &form).await.status(), reqwest::StatusCode::OK);
    let (_, list) = member.get("/tenants/dresden/reports?quarter=2026-Q3").await;
    let list = json(&list);
    let stadtraum3 =
        list.as_array().expect("list").iter().find(|r| r["district"] == "Stadtraum 3").cloned().expect("Stadtraum 3");
    assert_eq!(stadtraum3["due_at"], "2026-10-30T23:00:00Z", "30 days after 30 September, midnight in Berlin");
}

/// Every list of reports reads its rows from the covering index `ix_reports_list` alone (migration 19), in
/// its order, and the running work from `ix_reports_state_list` (migration 22): no visit to the table's rows
/// with their text, no sort. Asked of SQLite's planner (PostgreSQL's
/// plan depends on its statistics, so it is not asked).
#[tokio::test]
async fn report_lists_are_read_from_their_covering_index() {
    use crate::support::sqlite_plan;
    use sea_orm::{ConnectionTrait, DbBackend, QueryOrder, QueryTrait};
    let app = TestApp::spawn().await;
    let db = app.db().await;
    if db.get_database_backend() != DbBackend::Sqlite {
        return;
    }
    let scope = TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let posts: Vec<uuid::Uuid> = reports::posts(&db, &scope).await.expect("posts").iter().map(|p| p.id).collect();
    let year = (NaiveDate::from_ymd_opt(2025, 1, 1).expect("day"), NaiveDate::from_ymd_opt(2025, 12, 31).expect("day"));
    for starting in [None, Some(year)] {
        let plan = sqlite_plan(&db, &reports::heads_query(&scope, &posts, starting).build(DbBackend::Sqlite)).await;
        assert!(plan.iter().any(|step| step.contains("COVERING INDEX ix_reports_list")), "{starting:?}: {plan:?}");
        assert!(!plan.iter().any(|step| step.contains("TEMP B-TREE")), "{starting:?}: {plan:?}");
    }
    // The running work by state from its own covering index (migration 22), not from the tenant's whole list.
    let running = [ReportState::Draft, ReportState::Returned, ReportState::Submitted];
    let plan = sqlite_plan(&db, &reports::states_query(&scope, &running).build(DbBackend::Sqlite)).await;
    assert!(
        plan.iter().any(|step| step.contains("COVERING INDEX ix_reports_state_list (tenant_id=? AND state=?)")),
        "{plan:?}"
    );
    // Their figures, too, come from an index alone, not from the versions' texts.
    let ids: Vec<uuid::Uuid> = reports::heads_query(&scope, &posts, None)
        .into_model::<reports::ReportHead>()
        .all(&db)
        .await
        .expect("heads")
        .iter()
        .map(|head| head.id)
        .collect();
    assert!(!ids.is_empty());
    let plan = sqlite_plan(&db, &reports::figures_query(&scope, &ids).build(DbBackend::Sqlite)).await;
    assert!(plan.iter().any(|step| step.contains("COVERING INDEX ix_report_versions_figures")), "{plan:?}");
    assert!(!plan.iter().any(|step| step.contains("TEMP B-TREE")), "{plan:?}");
    // And they are the figures of the versions' texts.
    let figures = reports::latest_figures(&db, &scope, &ids).await.expect("figures");
    assert!(!figures.is_empty());
    for (report, figures) in &figures {
        let version = model::entity::report_version::Entity::find()
            .filter(model::entity::report_version::Column::ReportId.eq(*report))
            .order_by_desc(model::entity::report_version::Column::Number)
            .one(&db)
            .await
            .expect("query")
            .expect("a version");
        assert_eq!(reports::content_of(&version.content, *report).expect("content").figures, *figures);
    }
}

/// The reports page reads a page of reports at a time (issue 16) and still shows what the whole list shows:
/// for every reader, every page of the server function equals that page of the API's whole list — also for
/// a post whose schedule changed after its reports were started, whose reports then lie off its periods.
#[tokio::test]
async fn the_reports_page_shows_each_page_of_the_whole_list() {
    use model::report::{ReportListing, ReportSummary};
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let admin = Api { app: &app, token: Some(app.token("dresden", "admin@dresden.demo").await) };
    let (_, posts) = admin.get("/tenants/dresden/posts").await;
    let posts = json(&posts);
    let post = posts
        .as_array()
        .expect("posts")
        .iter()
        .find(|p| p["district_name"] == "Stadtraum 1")
        .expect("Stadtraum 1")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let off_schedule = |db: sea_orm::DatabaseConnection, post: String| async move {
        let id: uuid::Uuid = post.parse().expect("uuid");
        model::entity::award::Entity::find_by_id(id)
            .one(&db)
            .await
            .expect("query")
            .expect("the post")
            .reports_off_schedule
    };
    assert!(!off_schedule(db.clone(), post.clone()).await, "the demo's posts report as scheduled");
    let path = format!("/tenants/dresden/posts/{post}/schedule");
    assert_eq!(admin.put(&path, serde_json::json!({"cadence": "yearly", "extra": ["2026-11-20"]})).await.0, 204);
    assert!(off_schedule(db.clone(), post.clone()).await, "its quarterly reports lie off the yearly schedule");

    for email in ["steuerung1", "admin", "koordination1", "traeger1", "bezirk1"] {
        let email = format!("{email}@dresden.demo");
        let api = Api { app: &app, token: Some(app.token("dresden", &email).await) };
        let (status, whole) = api.get("/tenants/dresden/reports?per_page=500").await;
        assert_eq!(status, 200, "{email}: {whole}");
        let whole: Vec<ReportSummary> = serde_json::from_str(&whole).expect("summaries");
        let browser = app.signed_in("dresden", &email).await;
        let pages = ReportListing::of(whole.clone(), 1).pages;
        for page in 1..=pages + 1 {
            let response = app.call(&browser, "reports", &[("page", &page.to_string())]).await;
            assert_eq!(response.status(), reqwest::StatusCode::OK, "{email}, page {page}");
            let shown: ReportListing = response.json().await.expect("listing");
            assert_eq!(shown, ReportListing::of(whole.clone(), page), "{email}, page {page} of {pages}");
        }
    }

    // Back to quarters: every report lies on the schedule again.
    assert_eq!(admin.put(&path, serde_json::json!({"cadence": "quarterly"})).await.0, 204);
    assert!(!off_schedule(db.clone(), post.clone()).await);
}

/// The review queue reads the reports of one page and the running work, not every report of the city's
/// years: the statements the page sent are replayed and their rows from `reports` counted.
#[tokio::test]
async fn the_review_queue_reads_one_page_of_reports() {
    use sea_orm::{ConnectionTrait, PaginatorTrait};
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let started = model::entity::report::Entity::find().count(&db).await.expect("count");
    let running = model::entity::report::Entity::find()
        .filter(model::entity::report::Column::State.is_in(["draft", "returned", "submitted"]))
        .count(&db)
        .await
        .expect("count");
    let scope = TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let posts = reports::posts(&db, &scope).await.expect("posts").len() as u64;
    // A page's reports, the running work, and at most one more a post from reading the page's days.
    let bound = model::report::LIST_PAGE_SIZE + running + posts;
    assert!(started > bound, "the demo has more reports than a page: {started}, {bound}");
    let member = app.signed_in("dresden", "steuerung1@dresden.demo").await;
    let warm = member.get(app.url("/dresden/reports")).send().await.expect("get");
    assert!(warm.status().is_success());
    app.forget_kept_views().await;
    app.statements.record();
    let response = member.get(app.url("/dresden/reports")).send().await.expect("get");
    assert!(response.status().is_success());
    let body = response.text().await.expect("body");
    let statements = app.statements.take();
    let mut read = 0;
    for statement in statements.into_iter().filter(|s| s.sql.contains("FROM \"reports\"")) {
        read += db.query_all(statement).await.expect("replay").len() as u64;
    }
    assert!(read > 0 && read <= bound, "read {read} of {started} reports");
    assert!(body.contains("Stadtraum"), "the page lists reports");
}

/// Issue 16: the list of reports comes in pages, however many a city has: 100 a page unless `per_page` asks
/// for up to 500, the count of all in `X-Total-Count`, the neighbours in `Link` (keeping the filter), and
/// the pages together are the whole list, each report once.
#[tokio::test]
async fn the_list_of_reports_comes_in_pages() {
    let app = TestApp::spawn().await;
    let token = app.token("dresden", "admin@dresden.demo").await;
    let (app, token) = (&app, &token);
    let get = |path: String| async move { app.api_get(token, &format!("/api/v1/tenants/dresden/reports{path}")).await };
    let (status, headers, first) = get(String::new()).await;
    assert_eq!(status, 200, "{first}");
    let total: usize = headers["x-total-count"].to_str().expect("ascii").parse().expect("a count");
    assert!(total > 50, "Dresden's posts have many periods: {total}");
    assert_eq!(json(&first).as_array().map(Vec::len), Some(total.min(100)), "up to a hundred a page");

    let mut seen = std::collections::HashSet::new();
    let mut page = 1;
    loop {
        let (status, headers, body) = get(format!("?page={page}&per_page=25")).await;
        assert_eq!(status, 200, "{body}");
        let link = headers["link"].to_str().expect("ascii").to_owned();
        assert_eq!(page > 1, link.contains("rel=\"prev\""), "{link}");
        let items = json(&body).as_array().expect("a page").clone();
        for item in &items {
            let key = (item["post_id"].to_string(), item["period_start"].to_string(), item["kind"].to_string());
            assert!(seen.insert(key), "each report on one page only");
        }
        if !link.contains("rel=\"next\"") {
            assert!(items.len() <= 25);
            break;
        }
        let next = format!("/api/v1/tenants/dresden/reports?page={}&per_page=25>; rel=\"next\"", page + 1);
        assert!(link.contains(&next), "{link}");
        assert_eq!(items.len(), 25);
        page += 1;
    }
    assert_eq!(seen.len(), total, "the pages together are the whole list");
    assert_eq!(page, total.div_ceil(25), "as many pages as the count says");
    let (status, _, beyond) = get(format!("?page={}&per_page=25", page + 1)).await;
    assert_eq!((status.as_u16(), beyond.as_str()), (200, "[]"), "past the last page, nothing");

    // The filter stays in the links.
    let (_, headers, _) = get("?state=accepted&per_page=10".into()).await;
    let link = headers["link"].to_str().expect("ascii");
    assert!(link.contains("reports?state=accepted&page=2&per_page=10>; rel=\"next\""), "{link}");

    for (query, status) in [("?page=0", 422), ("?per_page=0", 422), ("?per_page=501", 422), ("?page=zwei", 400)] {
        let (got, _, body) = get(query.into()).await;
        assert_eq!(got.as_u16(), status, "{query}: {body}");
        assert!(body.contains("message"), "{query} says why: {body}");
    }
}
