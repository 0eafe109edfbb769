//! Bids over the REST API: the same rules as the portal.

use crate::bids::{json, open_call};
use crate::support::TestApp;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_carrier_bids_through_the_api_and_the_bid_stays_sealed() {
    let app = TestApp::spawn().await;
    let token = app.token("dresden", "traeger4@dresden.demo").await;
    let call = open_call(&app).await;
    let call_id = call["summary"]["id"].as_str().expect("call");
    let lot_id = call["lots"][12]["id"].as_str().expect("lot");
    let api = |path: &str| app.url(&format!("/api/v1/tenants/dresden{path}"));

    let organisation = app.client.get(api("/organisation")).bearer_auth(&token).send().await.expect("get");
    assert_eq!(json(organisation).await["profile"]["name"], "Kinderring Loschwitz e. V.");

    let started = app
        .client
        .post(api(&format!("/calls/{call_id}/lots/{lot_id}/bids")))
        .bearer_auth(&token)
        .send()
        .await
        .expect("post");
    assert_eq!(started.status(), StatusCode::CREATED);
    let bid = json(started).await;
    let bid_id = bid["id"].as_str().expect("bid").to_owned();
    assert_eq!(bid["status"], "draft");

    // Incomplete drafts are saved, and submission lists what is missing.
    let question = call["questions"][0]["id"].as_str().expect("question");
    let partial = json!({"answers": {question: "Erfahrung"}, "amounts": {}, "fte": ""});
    let saved = app
        .client
        .put(api(&format!("/bids/{bid_id}/draft")))
        .bearer_auth(&token)
        .json(&partial)
        .send()
        .await
        .expect("put");
    assert_eq!(saved.status(), StatusCode::OK);
    let refused =
        app.client.post(api(&format!("/bids/{bid_id}/submission"))).bearer_auth(&token).send().await.expect("post");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(refused).await;
    assert_eq!(body["code"], "incomplete");
    assert!(
        body["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .any(|p| p["field"] == "fte" && p["problem"] == "required")
    );

    // An attachment by content, then a complete draft, then the receipt.
    let part = reqwest::multipart::Part::bytes(app::attachments::samples::pdf("API")).file_name("konzept.pdf");
    let uploaded = app
        .client
        .post(api(&format!("/bids/{bid_id}/attachments")))
        .bearer_auth(&token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .expect("upload");
    assert_eq!(uploaded.status(), StatusCode::CREATED);
    let part = reqwest::multipart::Part::bytes(b"#!/bin/sh\nrm -rf /".to_vec()).file_name("konzept.pdf");
    let refused = app
        .client
        .post(api(&format!("/bids/{bid_id}/attachments")))
        .bearer_auth(&token)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .expect("upload");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(refused).await["code"], "invalid");

    let year = call["summary"]["decision_date"].as_str().expect("date")[..4].parse::<i32>().expect("year");
    let mut answers = serde_json::Map::new();
    for q in call["questions"].as_array().expect("questions") {
        answers.insert(q["id"].as_str().expect("id").to_owned(), json!("Seit 2005 im Stadtteil aktiv."));
    }
    let complete = json!({"answers": answers, "amounts": {year.to_string(): "30000"}, "fte": "0.5"});
    let saved = app
        .client
        .put(api(&format!("/bids/{bid_id}/draft")))
        .bearer_auth(&token)
        .json(&complete)
        .send()
        .await
        .expect("put");
    assert_eq!(saved.status(), StatusCode::OK);
    let receipt =
        app.client.post(api(&format!("/bids/{bid_id}/submission"))).bearer_auth(&token).send().await.expect("post");
    assert_eq!(receipt.status(), StatusCode::CREATED);
    let receipt = json(receipt).await;
    assert_eq!(receipt["number"], 1);
    let version =
        app.client.get(api(&format!("/bids/{bid_id}/versions/1"))).bearer_auth(&token).send().await.expect("get");
    let version = json(version).await;
    assert_eq!(version["version"]["content_hash"], receipt["content_hash"]);
    assert_eq!(version["content"]["attachments"].as_array().map(Vec::len), Some(1));
    let list = json(app.client.get(api("/bids")).bearer_auth(&token).send().await.expect("get")).await;
    assert!(list.as_array().expect("list").iter().any(|b| b["id"] == bid_id.as_str()));

    // Sealed: the steering group gets nothing yet, another carrier not even the bid, another tenant no entry.
    let steering = app.token("dresden", "steuerung2@dresden.demo").await;
    let sealed =
        app.client.get(api(&format!("/bids/{bid_id}/versions/1"))).bearer_auth(&steering).send().await.expect("get");
    assert_eq!(sealed.status(), StatusCode::NOT_FOUND);
    let listing =
        json(app.client.get(api(&format!("/calls/{call_id}/bids"))).bearer_auth(&steering).send().await.expect("get"))
            .await;
    assert!(listing["bids"].is_null());
    let other = app.token("dresden", "traeger1@dresden.demo").await;
    let foreign_bid = app.client.get(api(&format!("/bids/{bid_id}"))).bearer_auth(&other).send().await.expect("get");
    assert_eq!(foreign_bid.status(), StatusCode::NOT_FOUND);
    let withdraw =
        app.client.post(api(&format!("/bids/{bid_id}/withdrawal"))).bearer_auth(&other).send().await.expect("post");
    assert_eq!(withdraw.status(), StatusCode::NOT_FOUND);
    let musterstadt = app.token("musterstadt", "admin@musterstadt.demo").await;
    let cross =
        app.client.get(api(&format!("/calls/{call_id}/bids"))).bearer_auth(&musterstadt).send().await.expect("get");
    assert_eq!(cross.status(), StatusCode::UNAUTHORIZED, "a token of another tenant counts for nothing here");
    let admins = app.client.get(api("/organisations")).bearer_auth(&musterstadt).send().await.expect("get");
    assert_eq!(admins.status(), StatusCode::UNAUTHORIZED);
    let dresden_admin = app.token("dresden", "admin@dresden.demo").await;
    let organisations =
        json(app.client.get(api("/organisations")).bearer_auth(&dresden_admin).send().await.expect("get")).await;
    assert_eq!(organisations.as_array().map(Vec::len), Some(4));

    // The organisation downloads its file; readers cannot before closing.
    let attachment = version["content"]["attachments"][0]["id"].as_str().expect("attachment").to_owned();
    let file = api(&format!("/bids/{bid_id}/attachments/{attachment}"));
    let own = app.client.get(&file).bearer_auth(&token).send().await.expect("get");
    assert_eq!(own.status(), StatusCode::OK);
    assert_eq!(own.bytes().await.expect("bytes").to_vec(), app::attachments::samples::pdf("API"));
    assert_eq!(app.client.get(&file).bearer_auth(&steering).send().await.expect("get").status(), StatusCode::NOT_FOUND);
    let archive = api(&format!("/calls/{call_id}/lots/{lot_id}/archive"));
    assert_eq!(
        app.client.get(&archive).bearer_auth(&steering).send().await.expect("get").status(),
        StatusCode::FORBIDDEN
    );

    // The profile can be changed over the API too, with the portal's checks.
    let current = app.client.get(api("/organisation")).bearer_auth(&token).send().await.expect("get");
    let mut profile = json(current).await["profile"].clone();
    profile["postcode"] = json!("12");
    let refused = app.client.put(api("/organisation")).bearer_auth(&token).json(&profile).send().await.expect("put");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    profile["postcode"] = json!("01326");
    let updated = app.client.put(api("/organisation")).bearer_auth(&token).json(&profile).send().await.expect("put");
    assert_eq!(json(updated).await["profile"]["postcode"], "01326");

    // Withdrawing before the deadline works for the organisation; a removed file leaves the draft.
    let withdraw =
        app.client.post(api(&format!("/bids/{bid_id}/withdrawal"))).bearer_auth(&token).send().await.expect("post");
    assert_eq!(withdraw.status(), StatusCode::NO_CONTENT);
    let removed = app.client.delete(&file).bearer_auth(&token).send().await.expect("delete");
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let bid =
        json(app.client.get(api(&format!("/bids/{bid_id}"))).bearer_auth(&token).send().await.expect("get")).await;
    assert_eq!(bid["attachments"].as_array().map(Vec::len), Some(0));

    // Submitted again and closed: readers get the archive.
    let again =
        app.client.post(api(&format!("/bids/{bid_id}/submission"))).bearer_auth(&token).send().await.expect("post");
    assert_eq!(again.status(), StatusCode::CREATED);
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    assert_eq!(app.call(&admin, "close_call", &[("call", call_id)]).await.status(), StatusCode::OK);
    let undeclared = app.client.get(&archive).bearer_auth(&steering).send().await.expect("get");
    assert_eq!(undeclared.status(), StatusCode::CONFLICT, "a member declares conflicts before reading a lot");
    assert_eq!(json(undeclared).await["code"], "declarations_missing");
    let member = app.signed_in("dresden", "steuerung2@dresden.demo").await;
    app.declare_no_conflicts(&member, call_id).await;
    let zip = app.client.get(&archive).bearer_auth(&steering).send().await.expect("get");
    assert_eq!(zip.status(), StatusCode::OK);
    assert_eq!(zip.headers()["content-type"], "application/zip");
    assert!(zip.bytes().await.expect("zip").starts_with(b"PK"));
}

#[tokio::test]
async fn a_closed_calls_bids_come_in_pages() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::spawn().await;
    let token = app.token("dresden", "admin@dresden.demo").await;
    let db = app.db().await;
    let closed = model::entity::call::Entity::find()
        .filter(model::entity::call::Column::ClosesAt.lt(chrono::Utc::now()))
        .all(&db)
        .await
        .expect("calls");
    let (app, token) = (&app, &token);
    let get = |path: String| async move { app.api_get(token, &format!("/api/v1/tenants/dresden{path}")).await };
    // The closed call with the most bids.
    let mut most = None;
    for call in &closed {
        let (status, headers, body) = get(format!("/calls/{}/bids", call.id)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let total: usize = headers["x-total-count"].to_str().expect("ascii").parse().expect("a count");
        let bids = serde_json::from_str::<serde_json::Value>(&body).expect("json")["bids"].clone();
        assert_eq!(bids.as_array().map(Vec::len), Some(total.min(100)), "up to a hundred a page");
        if most.as_ref().is_none_or(|(_, most)| total > *most) {
            most = Some((call.id, total));
        }
    }
    let (call, total) = most.expect("a closed call");
    assert!(total >= 3, "the demo's closed calls have bids: {total}");

    let mut seen = std::collections::HashSet::new();
    for page in 1..=total {
        let (status, headers, body) = get(format!("/calls/{call}/bids?page={page}&per_page=1")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let link = headers["link"].to_str().expect("ascii").to_owned();
        assert_eq!(page < total, link.contains("rel=\"next\""), "{link}");
        let body: serde_json::Value = serde_json::from_str(&body).expect("json");
        let bids = body["bids"].as_array().expect("bids");
        assert_eq!(bids.len(), 1);
        assert!(seen.insert(bids[0]["summary"]["id"].to_string()), "each bid on one page only");
        assert!(!body["counts"].as_array().expect("counts").is_empty(), "every page has the counts");
    }
    assert_eq!(seen.len(), total, "the pages together are all the bids");
    let (_, _, beyond) = get(format!("/calls/{call}/bids?page={}&per_page=1", total + 1)).await;
    assert_eq!(serde_json::from_str::<serde_json::Value>(&beyond).expect("json")["bids"], json!([]));

    // A lot's bids: the lot stays in the links.
    let first =
        serde_json::from_str::<serde_json::Value>(&get(format!("/calls/{call}/bids")).await.2).expect("json")["bids"]
            [0]["summary"]["lot_id"]
            .as_str()
            .expect("lot")
            .to_owned();
    let (_, headers, _) = get(format!("/calls/{call}/bids?lot={first}&per_page=1")).await;
    let link = headers["link"].to_str().expect("ascii");
    assert!(link.contains(&format!("/bids?lot={first}&page=1&per_page=1>; rel=\"first\"")), "{link}");

    for (query, status) in [("page=0", 422), ("per_page=0", 422), ("per_page=501", 422), ("page=zwei", 400)] {
        let (got, _, body) = get(format!("/calls/{call}/bids?{query}")).await;
        assert_eq!(got.as_u16(), status, "{query}: {body}");
    }

    // A caller it refuses gets neither a page nor its count.
    let path = format!("/api/v1/tenants/dresden/calls/{call}/bids?per_page=1");
    for (tenant, email, status) in [
        ("dresden", "traeger1@dresden.demo", StatusCode::FORBIDDEN),
        ("musterstadt", "admin@musterstadt.demo", StatusCode::UNAUTHORIZED),
    ] {
        let refused = app.token(tenant, email).await;
        let (got, headers, body) = app.api_get(&refused, &path).await;
        assert_eq!(got, status, "{email}: {body}");
        assert!(!headers.contains_key("x-total-count") && !headers.contains_key("link"), "{email}: {headers:?}");
        assert!(
            !body.contains("\"bids\"") && !body.contains("\"counts\"") && !body.contains("lot_id"),
            "{email}: {body}"
        );
    }
}
