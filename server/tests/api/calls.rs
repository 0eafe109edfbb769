//! Calls for expressions of interest: administration, publication, the clock, and the public pages.

use crate::support::TestApp;
use chrono::{Duration, Utc};
use model::datetime::{DEFAULT_TIME_ZONE, local_input_value};
use model::entity::call;
use reqwest::StatusCode;
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::Value;

async fn json(response: reqwest::Response) -> Value {
    response.json().await.expect("json body")
}

fn local(offset: Duration) -> String {
    local_input_value(Utc::now() + offset, DEFAULT_TIME_ZONE)
}

/// Creates a draft call as the Dresden admin and returns its id.
async fn draft(app: &TestApp, admin: &reqwest::Client, module: &str) -> String {
    let form = [
        ("module", module.to_owned()),
        ("title", format!("Aufruf {module}")),
        ("description", "Erste Zeile.\nZweite Zeile.".to_owned()),
        ("opens_at", local(Duration::days(-1))),
        ("closes_at", local(Duration::days(10))),
        ("decision_date", (Utc::now() + Duration::days(30)).format("%Y-%m-%d").to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app.call(admin, "create_call", &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    let location = response.headers()["location"].to_str().expect("ascii").to_owned();
    location.rsplit('/').next().expect("id").to_owned()
}

#[tokio::test]
async fn a_practice_call_gets_one_lot_per_district_and_the_section_7_question() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = draft(&app, &admin, "practice").await;
    let detail = json(app.call(&admin, "admin_call", &[("call", &id)]).await).await;
    assert_eq!(detail["lots"].as_array().map(Vec::len), Some(20));
    assert_eq!(detail["summary"]["phase"], "draft");
    assert!(detail["questions"][0]["label"].as_str().unwrap_or_default().contains("Gemeinwesenarbeit"));

    let steering = draft(&app, &admin, "steering").await;
    let detail = json(app.call(&admin, "admin_call", &[("call", &steering)]).await).await;
    assert_eq!(detail["lots"].as_array().map(Vec::len), Some(1));
    let labels: Vec<&str> =
        detail["questions"].as_array().expect("q").iter().filter_map(|q| q["label"].as_str()).collect();
    assert!(labels[0].contains("sozialräumlichen Umstellung") && labels[1].contains("Erfahrungstransfer"));
}

#[tokio::test]
async fn drafts_are_invisible_to_the_public_until_published_and_then_frozen() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = draft(&app, &admin, "steering").await;
    let visitor = app.browser();
    let hidden = app.call(&visitor, "public_call", &[("tenant", "dresden"), ("call", &id)]).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    let listed = json(app.call(&visitor, "public_calls", &[("tenant", "dresden")]).await).await;
    assert!(listed.as_array().expect("list").iter().all(|c| c["id"] != id.as_str()), "the draft is not listed");

    let add = [
        ("call", id.as_str()),
        ("kind", "money"),
        ("label", "Beantragte Summe"),
        ("help", ""),
        ("required", "on"),
        ("max_chars", ""),
        ("options", ""),
    ];
    assert_eq!(app.call(&admin, "add_question", &add).await.status(), StatusCode::OK);
    assert_eq!(app.call(&admin, "publish_call", &[("call", &id)]).await.status(), StatusCode::OK);

    let public = json(app.call(&visitor, "public_call", &[("tenant", "dresden"), ("call", &id)]).await).await;
    assert_eq!(public["summary"]["phase"], "open");
    assert_eq!(public["questions"].as_array().map(Vec::len), Some(4));
    let frozen = app.call(&admin, "add_question", &add).await;
    assert_eq!(frozen.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(frozen).await["reason"], "frozen");
    let question = public["questions"][0]["id"].as_str().expect("id").to_owned();
    let removal = app.call(&admin, "remove_question", &[("call", &id), ("question", &question)]).await;
    assert_eq!(removal.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The page itself, for anyone.
    let (status, html) = app.get_text(&format!("/dresden/calls/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Erfahrungstransfer") && html.contains("role=\"timer\""));
}

#[tokio::test]
async fn a_call_opens_and_closes_by_its_times_to_the_second() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = draft(&app, &admin, "steering").await;
    app.call(&admin, "publish_call", &[("call", &id)]).await;
    let db = app.db().await;
    let uuid = uuid::Uuid::parse_str(&id).expect("uuid");
    let set_times = |opens: chrono::DateTime<Utc>, closes: chrono::DateTime<Utc>| {
        let db = db.clone();
        async move {
            call::Entity::update(call::ActiveModel {
                id: Set(uuid),
                opens_at: Set(opens),
                closes_at: Set(closes),
                ..Default::default()
            })
            .exec(&db)
            .await
            .expect("set times");
        }
    };
    let phase = || async {
        json(app.call(&app.browser(), "public_call", &[("tenant", "dresden"), ("call", &id)]).await).await["summary"]["phase"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let now = Utc::now();
    set_times(now + Duration::seconds(30), now + Duration::days(1)).await;
    assert_eq!(phase().await, "upcoming");
    set_times(now - Duration::seconds(1), now + Duration::seconds(30)).await;
    assert_eq!(phase().await, "open");
    set_times(now - Duration::days(1), now - Duration::seconds(1)).await;
    assert_eq!(phase().await, "closed");
}

#[tokio::test]
async fn admins_close_an_open_call_early_and_bad_schedules_are_refused() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = draft(&app, &admin, "practice").await;
    let early_close = app.call(&admin, "close_call", &[("call", &id)]).await;
    assert_eq!(early_close.status(), StatusCode::UNPROCESSABLE_ENTITY, "a draft is not open");
    app.call(&admin, "publish_call", &[("call", &id)]).await;
    assert_eq!(app.call(&admin, "close_call", &[("call", &id)]).await.status(), StatusCode::OK);
    let detail = json(app.call(&admin, "admin_call", &[("call", &id)]).await).await;
    assert_eq!(detail["summary"]["phase"], "closed");

    let backwards = [
        ("module", "steering".to_owned()),
        ("title", "Rückwärts".to_owned()),
        ("description", String::new()),
        ("opens_at", local(Duration::days(5))),
        ("closes_at", local(Duration::days(1))),
        ("decision_date", "2099-01-01".to_owned()),
    ];
    let backwards: Vec<(&str, &str)> = backwards.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = json(app.call(&admin, "create_call", &backwards).await).await;
    assert_eq!(refused["field"], "closes_at");
    let no_title: Vec<(&str, &str)> =
        backwards.iter().map(|(k, v)| if *k == "title" { (*k, " ") } else { (*k, *v) }).collect();
    assert_eq!(json(app.call(&admin, "create_call", &no_title).await).await["field"], "title");
    let bad_time: Vec<(&str, &str)> =
        backwards.iter().map(|(k, v)| if *k == "opens_at" { (*k, "morgen") } else { (*k, *v) }).collect();
    assert_eq!(json(app.call(&admin, "create_call", &bad_time).await).await["field"], "opens_at");
}

#[tokio::test]
async fn lots_can_be_removed_from_drafts_only_and_calls_stay_in_their_tenant() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = draft(&app, &admin, "practice").await;
    let detail = json(app.call(&admin, "admin_call", &[("call", &id)]).await).await;
    let lot = detail["lots"][0]["id"].as_str().expect("lot").to_owned();
    assert_eq!(app.call(&admin, "remove_lot", &[("call", &id), ("lot", &lot)]).await.status(), StatusCode::OK);
    let detail = json(app.call(&admin, "admin_call", &[("call", &id)]).await).await;
    assert_eq!(detail["lots"].as_array().map(Vec::len), Some(19));

    let other = app.signed_in("musterstadt", "admin@musterstadt.demo").await;
    for (function, form) in [
        ("admin_call", vec![("call", id.as_str())]),
        ("publish_call", vec![("call", id.as_str())]),
        ("remove_lot", vec![("call", id.as_str()), ("lot", detail["lots"][0]["id"].as_str().expect("lot"))]),
    ] {
        assert_eq!(app.call(&other, function, &form).await.status(), StatusCode::NOT_FOUND, "{function}");
    }
    app.call(&admin, "publish_call", &[("call", &id)]).await;
    let elsewhere = app.call(&app.browser(), "public_call", &[("tenant", "musterstadt"), ("call", &id)]).await;
    assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND, "Dresden's call is not Musterstadt's");
    let steering = app.signed_in("dresden", "steuerung1@dresden.demo").await;
    assert_eq!(app.call(&steering, "admin_calls", &[]).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_demo_has_three_closed_calls_and_an_open_one() {
    let app = TestApp::spawn().await;
    let listed = json(app.call(&app.browser(), "public_calls", &[("tenant", "dresden")]).await).await;
    let phases: Vec<&str> = listed.as_array().expect("list").iter().filter_map(|c| c["phase"].as_str()).collect();
    assert_eq!(phases, ["open", "closed", "closed", "closed"]);
    let (status, html) = app.get_text("/dresden/calls").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Sozialraumkoordinationsstellen ab 2027"));
}

#[tokio::test]
async fn the_api_lists_published_calls_only_and_each_with_lots_and_questions() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let hidden = draft(&app, &admin, "steering").await;
    let (status, list) = app.get_json("/api/v1/tenants/dresden/calls").await;
    assert_eq!(status, StatusCode::OK);
    let calls = list.as_array().expect("list");
    assert_eq!(calls.len(), 4);
    assert!(calls.iter().all(|c| c["id"] != hidden.as_str()));
    let open = calls.iter().find(|c| c["phase"] == "open").expect("the open demo call");
    let (status, detail) =
        app.get_json(&format!("/api/v1/tenants/dresden/calls/{}", open["id"].as_str().expect("id"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(detail["lots"].as_array().map(Vec::len), Some(20));
    assert_eq!(detail["questions"][0]["kind"]["type"], "long_text");

    let (status, _) = app.get_json(&format!("/api/v1/tenants/dresden/calls/{hidden}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "drafts are not public");
    let (status, _) =
        app.get_json(&format!("/api/v1/tenants/musterstadt/calls/{}", open["id"].as_str().expect("id"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another tenant's call is not found");
    let (status, body) = app.get_json("/api/v1/tenants/dresden/calls/not-a-uuid").await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_request")));
}

#[tokio::test]
async fn lots_are_renamed_and_questions_reordered_while_the_call_is_a_draft() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = draft(&app, &admin, "steering").await;
    let detail = json(app.call(&admin, "admin_call", &[("call", &id)]).await).await;
    let lot = detail["lots"][0]["id"].as_str().expect("lot").to_owned();
    let first = detail["questions"][0]["id"].as_str().expect("question").to_owned();

    let rename = [("call", id.as_str()), ("lot", lot.as_str()), ("title", "Steuerung und Begleitung")];
    assert_eq!(app.call(&admin, "rename_lot", &rename).await.status(), StatusCode::OK);
    let empty = [("call", id.as_str()), ("lot", lot.as_str()), ("title", " ")];
    assert_eq!(app.call(&admin, "rename_lot", &empty).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let down = [("call", id.as_str()), ("question", first.as_str()), ("direction", "down")];
    assert_eq!(app.call(&admin, "move_question", &down).await.status(), StatusCode::OK);
    let detail = json(app.call(&admin, "admin_call", &[("call", &id)]).await).await;
    assert_eq!(detail["lots"][0]["title"], "Steuerung und Begleitung");
    assert_eq!(detail["questions"][1]["id"], first.as_str(), "the first question moved down");

    app.call(&admin, "publish_call", &[("call", &id)]).await;
    assert_eq!(app.call(&admin, "move_question", &down).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.call(&admin, "rename_lot", &rename).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_server_function_called_without_its_arguments_is_a_bad_request() {
    let app = TestApp::spawn().await;
    let visitor = app.browser();
    for form in [vec![("tenant", "dresden")], vec![("tenant", "dresden"), ("call", "keine-id")]] {
        let response = app.call(&visitor, "public_call", &form).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{form:?}");
        assert_eq!(json(response).await["code"], "bad_request");
    }
}
