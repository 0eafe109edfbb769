//! The exchange space (issue 13, item 7) over the API and the pages: the demo's threads, search and filters,
//! a thread opened, answered and given a file; who takes part and who gets nothing (bodies checked); and the
//! steering module's carrier, who takes part only while its contract runs.

use crate::support::{Api, TestApp};
use model::entity::award;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Value, json};

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("json ({e}): {text}"))
}

fn titles(page: &Value) -> Vec<String> {
    page["threads"]
        .as_array()
        .expect("threads")
        .iter()
        .map(|t| t["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn coordinators_and_the_steering_group_share_threads_replies_and_files() {
    let app = TestApp::spawn().await;
    let as_user = |token: Option<String>| Api { app: &app, token };
    let coordinator = as_user(Some(app.token("dresden", "koordination1@dresden.demo").await));
    let colleague = as_user(Some(app.token("dresden", "koordination2@dresden.demo").await));
    let member = as_user(Some(app.token("dresden", "steuerung4@dresden.demo").await));

    // The demo's threads, most recently active first; search reaches into replies.
    let (status, page) = coordinator.get("/exchange").await;
    assert_eq!(status, 200, "{page}");
    let page = json(&page);
    assert_eq!(page["total"], 4, "{page}");
    assert_eq!(titles(&page)[0], "Frage: Wie erreicht ihr Eltern in Großwohnsiedlungen?");
    assert_eq!(page["threads"][0]["replies"], 2);
    assert_eq!(page["threads"][0]["district"], "Stadtraum 3");
    let (_, found) = coordinator.get("/exchange?q=eltern").await;
    let found = titles(&json(&found));
    assert!(
        found.iter().any(|t| t.starts_with("Frage")) && found.iter().any(|t| t.starts_with("Methode")),
        "{found:?}"
    );
    let (_, found) = coordinator.get("/exchange?q=eltern%20kita").await;
    assert_eq!(
        titles(&json(&found)),
        ["Frage: Wie erreicht ihr Eltern in Großwohnsiedlungen?"],
        "every word must occur"
    );
    let (_, found) = coordinator.get("/exchange?topic=invitation").await;
    assert_eq!(json(&found)["total"], 1);
    let (_, found) = coordinator.get("/exchange?tag=beteiligung").await;
    assert_eq!(titles(&json(&found)), ["Methode: Stadtteilspaziergang mit Jugendlichen"]);
    assert_eq!(coordinator.get("/exchange?topic=gossip").await.0, 422);
    assert_eq!(coordinator.get("/exchange?page=x").await.0, 400);

    // A new thread, a reply from the steering group, a file from its author.
    let districts = app.get_json("/api/v1/tenants/dresden/districts").await.1;
    let district = districts.as_array().expect("districts")[1]["id"].as_str().expect("id").to_owned();
    let (status, opened) = colleague
        .post(
            "/exchange",
            json!({"title": " Methodenkoffer Elternarbeit ", "body": "Was wir gelernt haben.", "topic": "method",
                   "district_id": district, "tags": ["Eltern", "#eltern", "Methoden"]}),
        )
        .await;
    assert_eq!(status, 201, "{opened}");
    let opened = json(&opened);
    assert_eq!(opened["summary"]["title"], "Methodenkoffer Elternarbeit");
    assert_eq!(opened["summary"]["tags"], json!(["Eltern", "Methoden"]));
    assert_eq!(opened["summary"]["district"], "Stadtraum 2");
    let thread = opened["summary"]["id"].as_str().expect("id").to_owned();
    let (status, answered) =
        member.post(&format!("/exchange/{thread}/replies"), json!({"body": "Bitte in die nächste Sitzung!"})).await;
    assert_eq!(status, 201, "{answered}");
    let answered = json(&answered);
    assert_eq!(answered["replies"][0]["author"], "Steuerungsgruppe Mitglied 4");
    assert_eq!(answered["replies"][0]["own"], true);
    let pdf = app::attachments::samples::pdf("Methodenkoffer");
    let (status, file) = colleague.upload(&format!("/exchange/{thread}/files"), pdf.clone(), "koffer.pdf").await;
    assert_eq!(status, 201, "{file}");
    let file = json(&file);
    let reply = answered["replies"][0]["id"].as_str().expect("reply id");
    assert_eq!(
        member.upload(&format!("/exchange/{thread}/files"), pdf.clone(), "x.pdf").await.0,
        403,
        "not the author's"
    );
    assert_eq!(member.upload(&format!("/exchange/{reply}/files"), b"plain text".to_vec(), "x.txt").await.0, 422);
    let download = format!("/exchange/{thread}/files/{}", file["id"].as_str().expect("file id"));
    let response = app
        .client
        .get(app.url(&format!("/api/v1/tenants/dresden{download}")))
        .bearer_auth(member.token.as_deref().expect("token"))
        .send()
        .await
        .expect("download");
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.expect("bytes").to_vec(), pdf);
    let (_, page) = coordinator.get("/exchange").await;
    assert_eq!(titles(&json(&page))[0], "Methodenkoffer Elternarbeit", "the newest activity comes first");

    // Bad input: a clear 4xx, nothing written.
    for body in [
        json!({"title": "", "body": "x", "topic": "method"}),
        json!({"title": "x", "body": "  ", "topic": "method"}),
        json!({"title": "x", "body": "y", "topic": "method", "tags": ["a".repeat(41)]}),
        json!({"title": "x", "body": "y", "topic": "method", "district_id": uuid::Uuid::new_v4()}),
    ] {
        let (status, text) = colleague.post("/exchange", body).await;
        assert_eq!(status, 422, "{text}");
    }
    assert!(matches!(
        colleague.post("/exchange", json!({"title": "x", "body": "y", "topic": "gossip"})).await.0,
        400 | 422
    ));
    assert_eq!(json(&coordinator.get("/exchange").await.1)["total"], 5, "no half-written thread");

    // Everyone else: nothing of it.
    let visitor = as_user(None);
    let carrier = as_user(Some(app.token("dresden", "traeger2@dresden.demo").await));
    let contact = as_user(Some(app.token("dresden", "bezirk1@dresden.demo").await));
    let stranger = as_user(Some(app.token("musterstadt", "admin@musterstadt.demo").await));
    for (who, caller, expected) in [
        ("visitor", &visitor, 401),
        ("carrier", &carrier, 403),
        ("contact", &contact, 403),
        ("other tenant", &stranger, 401),
    ] {
        for path in ["/exchange".to_owned(), format!("/exchange/{thread}"), download.clone()] {
            let (status, body) = caller.get(&path).await;
            assert_eq!(status, expected, "{who} {path}: {body}");
            assert!(
                !body.contains("Methodenkoffer") && !body.contains("Eltern") && !body.contains("total"),
                "{who}: {body}"
            );
        }
        let (status, body) = caller.post(&format!("/exchange/{thread}/replies"), json!({"body": "Hallo"})).await;
        assert_eq!(status, expected, "{who}: {body}");
    }
    let (_, own) = stranger.send(app.client.get(app.url("/api/v1/tenants/musterstadt/exchange"))).await;
    let own = json(&own);
    assert_eq!(own["total"], 0, "another tenant's exchange is its own: {own}");
}

/// The steering module's carrier takes part while its contract runs — the demo's ended in 2021 — and the
/// navigation offers the exchange exactly to those who take part.
#[tokio::test]
async fn the_steering_carrier_takes_part_while_its_contract_runs() {
    let app = TestApp::spawn().await;
    let carrier = Api { app: &app, token: Some(app.token("dresden", "traeger1@dresden.demo").await) };
    assert_eq!(carrier.get("/exchange").await.0, 403);
    let browser = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let home = browser.get(app.url("/dresden")).send().await.expect("home").text().await.expect("body");
    assert!(!home.contains("/dresden/exchange"), "no link to the exchange for a carrier");

    let db = app.db().await;
    let steering = award::Entity::find()
        .filter(award::Column::Kind.eq("steering"))
        .one(&db)
        .await
        .expect("query")
        .expect("contract");
    let mut extended = steering.into_active_model();
    extended.ends_on = Set(None);
    extended.update(&db).await.expect("extend the contract");
    let (status, page) = carrier.get("/exchange").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(json(&page)["total"], 4);
    let browser = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let home = browser.get(app.url("/dresden")).send().await.expect("home").text().await.expect("body");
    assert!(home.contains("/dresden/exchange"), "the steering carrier's navigation has it");
    let other = Api { app: &app, token: Some(app.token("dresden", "traeger2@dresden.demo").await) };
    assert_eq!(other.get("/exchange").await.0, 403, "another carrier still does not");

    let coordinator = app.signed_in("dresden", "koordination3@dresden.demo").await;
    let page = coordinator.get(app.url("/dresden/exchange?tag=Eltern")).send().await.expect("page");
    assert_eq!(page.status(), 200);
    let page = page.text().await.expect("body");
    assert!(
        page.contains("Frage: Wie erreicht ihr Eltern") && !page.contains("Methode: Stadtteilspaziergang"),
        "{page}"
    );
    assert!(page.contains("id=\"exchange-form\""));
}
