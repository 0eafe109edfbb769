//! Bids: drafting with autosave, submitting with versions and receipts, the deadline to the second, sealing,
//! uploads, and the job queue's reminders.

use crate::support::{MAX_UPLOAD_BYTES, TestApp};
use app::auth::sha256_hex;
use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

pub async fn json(response: reqwest::Response) -> Value {
    response.json().await.expect("json body")
}

/// The open demo call of Dresden, with its lots.
pub async fn open_call(app: &TestApp) -> Value {
    let visitor = app.browser();
    let calls = json(app.call(&visitor, "public_calls", &[("tenant", "dresden")]).await).await;
    let open = calls.as_array().expect("list").iter().find(|c| c["phase"] == "open").expect("an open call").clone();
    let id = open["id"].as_str().expect("id").to_owned();
    json(app.call(&visitor, "public_call", &[("tenant", "dresden"), ("call", &id)]).await).await
}

/// Starts (or opens) the caller's bid for lot number `lot` of `call`; returns the bid id.
pub async fn start(app: &TestApp, client: &reqwest::Client, call: &Value, lot: usize) -> String {
    let call_id = call["summary"]["id"].as_str().expect("call id");
    let lot_id = call["lots"][lot]["id"].as_str().expect("lot id");
    let response = app.call(client, "start_bid", &[("call", call_id), ("lot", lot_id)]).await;
    assert_eq!(response.status(), StatusCode::OK, "start_bid");
    let location = response.headers()["location"].to_str().expect("ascii").to_owned();
    location.rsplit('/').next().expect("id").to_owned()
}

/// The form fields of a complete draft for `call`'s questions.
pub fn complete_fields(call: &Value) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for question in call["questions"].as_array().expect("questions") {
        let id = question["id"].as_str().expect("qid");
        let value = match question["kind"]["type"].as_str() {
            Some("long_text") => "Wir arbeiten seit 2005 im Stadtteil mit Vereinen, Schulen und Eltern.",
            Some("short_text") => "Erika Muster, Bereichsleitung",
            _ => continue,
        };
        fields.push((format!("fields[answer-{id}]"), value.to_owned()));
    }
    let year = call["summary"]["decision_date"].as_str().expect("date")[..4].to_owned();
    fields.push((format!("fields[amount-{year}]"), "32.500,00".to_owned()));
    fields.push(("fields[fte]".to_owned(), "0,5".to_owned()));
    fields
}

pub async fn save(
    app: &TestApp,
    client: &reqwest::Client,
    bid: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let mut form: Vec<(&str, &str)> = vec![("bid", bid)];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    app.call(client, "save_draft", &form).await
}

pub async fn submit(app: &TestApp, client: &reqwest::Client, bid: &str) -> reqwest::Response {
    app.call(client, "submit_bid", &[("bid", bid)]).await
}

#[tokio::test]
async fn a_carrier_drafts_submits_and_gets_versions_and_receipts() {
    let app = TestApp::spawn().await;
    let carrier = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let call = open_call(&app).await;
    let bid = start(&app, &carrier, &call, 4).await;
    assert_eq!(start(&app, &carrier, &call, 4).await, bid, "one bid per lot and organisation");

    // An incomplete draft is saved as typed, but cannot be submitted; every problem names its field.
    let question = call["questions"][0]["id"].as_str().expect("qid");
    let partial = vec![
        (format!("fields[answer-{question}]"), "Erste Gedanken".to_owned()),
        ("fields[fte]".to_owned(), "halb".to_owned()),
    ];
    assert_eq!(save(&app, &carrier, &bid, &partial).await.status(), StatusCode::OK);
    let refused = submit(&app, &carrier, &bid).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(refused).await;
    assert_eq!(body["code"], "incomplete");
    let fields: Vec<&str> =
        body["problems"].as_array().expect("problems").iter().filter_map(|p| p["field"].as_str()).collect();
    assert!(fields.contains(&"fte"), "{fields:?}");
    assert!(fields.iter().any(|f| f.starts_with("amount-")), "{fields:?}");
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    assert_eq!(view["draft"]["fte"], "halb", "what was typed is kept, valid or not");
    let page = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await;
    assert!(page["outcome"].is_null(), "no outcome while the call is open: {page}");
    assert_eq!(view["status"], "draft");

    // Complete: submitted, with a receipt.
    assert_eq!(save(&app, &carrier, &bid, &complete_fields(&call)).await.status(), StatusCode::OK);
    let first = json(submit(&app, &carrier, &bid).await).await;
    assert_eq!(first["number"], 1);
    let hash = first["content_hash"].as_str().expect("hash").to_owned();
    assert_eq!(hash.len(), 64);

    // The hash is the SHA-256 of the stored version's content.
    let version = json(app.call(&carrier, "bid_version", &[("bid", &bid), ("number", "1")]).await).await;
    assert_eq!(version["version"]["content_hash"], hash.as_str());
    assert_eq!(sha256_hex(serde_json::to_string(&version["content"]).expect("json").as_bytes()).len(), 64);
    let db = app.db().await;
    use sea_orm::EntityTrait;
    let stored = model::entity::bid_version::Entity::find().all(&db).await.expect("versions");
    let ours = stored.iter().find(|v| v.bid_id.to_string() == bid).expect("stored version");
    assert_eq!(sha256_hex(ours.content.as_bytes()), hash);

    // Resubmitting keeps the earlier version; withdrawing and submitting again adds another.
    let mut changed = complete_fields(&call);
    changed.retain(|(name, _)| name != "fields[fte]");
    changed.push(("fields[fte]".to_owned(), "0,75".to_owned()));
    assert_eq!(save(&app, &carrier, &bid, &changed).await.status(), StatusCode::OK);
    let second = json(submit(&app, &carrier, &bid).await).await;
    assert_eq!(second["number"], 2);
    assert_ne!(second["content_hash"], hash.as_str());
    assert_eq!(app.call(&carrier, "withdraw_bid", &[("bid", &bid)]).await.status(), StatusCode::OK);
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    assert_eq!(view["status"], "withdrawn");
    assert_eq!(view["versions"].as_array().map(Vec::len), Some(2));
    let third = json(submit(&app, &carrier, &bid).await).await;
    assert_eq!(third["number"], 3);
    let old = json(app.call(&carrier, "bid_version", &[("bid", &bid), ("number", "1")]).await).await;
    assert_eq!(old["content"]["fte"], "0.5", "version 1 is unchanged");

    // Receipts are emailed by the job queue, once per version, with the hash.
    assert!(app.run_jobs(Utc::now()).await >= 3);
    let receipts: Vec<String> =
        app.outbox().into_iter().filter(|m| m.contains("Ihre Interessenbekundung ist eingegangen")).collect();
    assert_eq!(receipts.len(), 3, "one receipt per submission");
    assert!(receipts.iter().any(|m| m.contains(&hash)));
    assert_eq!(app.run_jobs(Utc::now()).await, 0, "nothing runs twice");
    let notices = json(app.call(&carrier, "my_notifications", &[]).await).await;
    assert!(notices.as_array().expect("list").iter().any(|n| n["kind"] == "bid_receipt"));
}

#[tokio::test]
async fn a_draft_survives_the_end_of_a_session() {
    let app = TestApp::spawn().await;
    let call = open_call(&app).await;
    let first = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let bid = start(&app, &first, &call, 6).await;
    let question = call["questions"][0]["id"].as_str().expect("qid");
    let typed = vec![(format!("fields[answer-{question}]"), "Unser Konzept, Absatz eins.".to_owned())];
    assert_eq!(save(&app, &first, &bid, &typed).await.status(), StatusCode::OK);
    assert_eq!(app.call(&first, "sign_out", &[]).await.status(), StatusCode::OK);
    // The ended session can no longer save …
    assert_eq!(save(&app, &first, &bid, &typed).await.status(), StatusCode::UNAUTHORIZED);
    // … and the next sign-in finds the draft.
    let second = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let view = json(app.call(&second, "bid", &[("bid", &bid)]).await).await["view"].clone();
    assert_eq!(view["draft"]["answers"][question], "Unser Konzept, Absatz eins.");
    let overview = json(app.call(&second, "my_bids", &[]).await).await;
    assert!(overview["bids"].as_array().expect("bids").iter().any(|b| b["id"] == bid.as_str()));
}

#[tokio::test]
async fn the_bid_editor_is_a_static_page_whose_forms_work_without_the_app() {
    let app = TestApp::spawn().await;
    let carrier = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let call = open_call(&app).await;
    let bid = start(&app, &carrier, &call, 5).await;
    let path = format!("/dresden/bids/{bid}");
    let get = |location: String| {
        let request = carrier.get(app.url(&location));
        async move { request.send().await.expect("get").text().await.expect("html") }
    };
    let page = get(path.clone()).await;
    assert!(page.contains("/enhance.js") && !page.contains("/spielraum.js"), "served static: {page}");
    assert!(!page.contains("__RESOLVED_RESOURCES["), "no resource data: {page}");
    // What the enhancement's autosave reads (`app::autosave::Markup`).
    for markup in [
        format!("data-autosave=\"draft-{bid}\""),
        "data-status=\"save-state\"".to_owned(),
        "data-saves-first=\"bid-form\"".to_owned(),
        "id=\"save-state\"".to_owned(),
    ] {
        assert!(page.contains(&markup), "{markup}: {page}");
    }

    // Submitted incomplete without the app: back to the editor, which names the problems and keeps the text.
    let question = call["questions"][0]["id"].as_str().expect("qid");
    let mut form = vec![
        ("bid".to_owned(), bid.clone()),
        ("intent".to_owned(), "submit".to_owned()),
        (format!("fields[answer-{question}]"), "Ohne JavaScript geschrieben.".to_owned()),
    ];
    let refused = app.post_form(&carrier, "submit_bid", &path, &form).await;
    assert!(refused.status().is_redirection(), "{}", refused.status());
    let back = refused.headers()["location"].to_str().expect("ascii").to_owned();
    assert!(back.starts_with(&app.url(&path)) && back.contains("__err="), "{back}");
    let page = get(back.trim_start_matches(&app.url("")).to_owned()).await;
    assert!(page.contains("id=\"problems\"") && page.contains("Ohne JavaScript geschrieben."), "{page}");
    assert!(!page.contains("id=\"receipt\""), "{page}");

    // Complete: to the editor with this version's receipt.
    form.truncate(2);
    form.extend(complete_fields(&call));
    let submitted = app.post_form(&carrier, "submit_bid", &path, &form).await;
    assert!(submitted.status().is_redirection(), "{}", submitted.status());
    let location = submitted.headers()["location"].to_str().expect("ascii").to_owned();
    assert_eq!(location, format!("{path}?submitted=1"));
    let page = get(location.clone()).await;
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    let hash = view["versions"][0]["content_hash"].as_str().expect("hash");
    assert!(page.contains("id=\"receipt\"") && page.contains(hash), "the receipt: {page}");
    assert!(!page.contains("id=\"problems\""), "{page}");

    // Withdrawn: the receipt is not shown again for the address it came back to.
    let withdrawn = app.post_form(&carrier, "withdraw_bid", &location, &[("bid".to_owned(), bid.clone())]).await;
    assert!(withdrawn.status().is_redirection(), "{}", withdrawn.status());
    let page = get(location).await;
    assert!(page.contains("id=\"bid-status\">Zurückgezogen") && !page.contains("id=\"receipt\""), "{page}");
}

/// An actor for a demo user, to call the bid operations with a chosen clock.
pub async fn actor(app: &TestApp, tenant: &str, email: &str) -> app::actor::Actor {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let db = app.db().await;
    let user = model::entity::user::Entity::find()
        .filter(model::entity::user::Column::Email.eq(email))
        .one(&db)
        .await
        .expect("query")
        .expect("user");
    let tenant_row = model::entity::tenant::Entity::find_by_id(user.tenant_id).one(&db).await.expect("q").expect("t");
    assert_eq!(tenant_row.slug, tenant);
    let caller =
        app::auth::accounts::load_caller(&db, user.id, user.tenant_id).await.expect("load").expect("caller").caller;
    let request = app::auth::RequestContext {
        caller: Some(caller),
        client_addr: "127.0.0.1".into(),
        request_id: "test".into(),
        session_id: None,
    };
    app::actor::Actor::authorize(request, app.context.clone(), model::Access::SignedIn).await.expect("actor")
}

#[tokio::test]
async fn the_server_clock_decides_the_deadline_to_the_second() {
    let app = TestApp::spawn().await;
    let call = open_call(&app).await;
    let carrier = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let bid = start(&app, &carrier, &call, 7).await;
    assert_eq!(save(&app, &carrier, &bid, &complete_fields(&call)).await.status(), StatusCode::OK);
    let closes: DateTime<Utc> = call["summary"]["closes_at"].as_str().expect("closes").parse().expect("time");
    let bid_id = uuid::Uuid::parse_str(&bid).expect("uuid");
    let actor = actor(&app, "dresden", "traeger4@dresden.demo").await;
    use app::bids::ops;
    use app::store::Clock;
    let draft = model::bid::Draft { fte: "0,5".into(), ..Default::default() };

    // One second after the deadline: nothing changes any more, not even the draft.
    let late = closes + Duration::seconds(1);
    assert_eq!(ops::save(&actor, bid_id, draft.clone(), Clock::At(late)).await, Err(app::AppError::CallNotOpen));
    assert_eq!(
        ops::submit(&actor, bid_id, None, Clock::At(late)).await.map(|v| v.number),
        Err(app::AppError::CallNotOpen)
    );
    // The closing second itself belongs to the closed phase.
    assert_eq!(
        ops::submit(&actor, bid_id, None, Clock::At(closes)).await.map(|v| v.number),
        Err(app::AppError::CallNotOpen)
    );
    // One second before: accepted.
    let version = ops::submit(&actor, bid_id, None, Clock::At(closes - Duration::seconds(1))).await.expect("in time");
    assert_eq!(version.number, 1);
    assert_eq!(ops::withdraw(&actor, bid_id, Clock::At(late)).await, Err(app::AppError::CallNotOpen));

    // Closing early freezes the bid for its organisation, and the admin cannot change it either.
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let call_id = call["summary"]["id"].as_str().expect("id");
    assert_eq!(app.call(&admin, "close_call", &[("call", call_id)]).await.status(), StatusCode::OK);
    let frozen = save(&app, &carrier, &bid, &[("fields[fte]".to_owned(), "1".to_owned())]).await;
    assert_eq!(frozen.status(), StatusCode::CONFLICT);
    assert_eq!(json(frozen).await["code"], "call_not_open");
    assert_eq!(app.call(&carrier, "withdraw_bid", &[("bid", &bid)]).await.status(), StatusCode::CONFLICT);
    assert_eq!(save(&app, &admin, &bid, &[]).await.status(), StatusCode::FORBIDDEN);
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    assert_eq!(view["draft"]["fte"], "0,5", "the frozen draft is unchanged");
    assert_eq!(view["phase"], "closed");
}

#[tokio::test]
async fn a_submission_that_waited_on_the_lock_past_closing_is_too_late() {
    use sea_orm::{ConnectionTrait, EntityTrait, Statement, TransactionTrait};
    let app = TestApp::spawn().await;
    let call = open_call(&app).await;
    let carrier = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let bid = start(&app, &carrier, &call, 7).await;
    assert_eq!(save(&app, &carrier, &bid, &complete_fields(&call)).await.status(), StatusCode::OK);
    let bid_id = uuid::Uuid::parse_str(&bid).expect("uuid");
    let actor = actor(&app, "dresden", "traeger4@dresden.demo").await;
    let db = app.db().await;
    // The call closes in a second; meanwhile another change of the bid holds its lock for two.
    let call_id = uuid::Uuid::parse_str(call["summary"]["id"].as_str().expect("id")).expect("uuid");
    let mut row: model::entity::call::ActiveModel =
        model::entity::call::Entity::find_by_id(call_id).one(&db).await.expect("q").expect("call").into();
    row.closes_at = sea_orm::ActiveValue::Set(Utc::now() + Duration::seconds(1));
    sea_orm::ActiveModelTrait::update(row, &db).await.expect("closes soon");
    let holder = db.begin().await.expect("begin");
    let backend = holder.get_database_backend();
    let lock = match backend {
        sea_orm::DatabaseBackend::Postgres => "UPDATE bids SET status = status WHERE id = $1",
        _ => "UPDATE bids SET status = status WHERE id = ?",
    };
    holder.execute(Statement::from_sql_and_values(backend, lock, [bid_id.into()])).await.expect("lock");
    let waiting = tokio::spawn(async move {
        app::bids::ops::submit(&actor, bid_id, None, app::store::Clock::System).await.map(|v| v.number)
    });
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    holder.commit().await.expect("release");
    // It asked before closing but got through after: judged by the time it got the lock.
    assert_eq!(waiting.await.expect("task"), Err(app::AppError::CallNotOpen));
}

async fn upload(app: &TestApp, client: &reqwest::Client, bid: &str, name: &str, bytes: Vec<u8>) -> String {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
    let form = reqwest::multipart::Form::new().part("file", part);
    let response = client
        .post(app.url(&format!("/dresden/bids/{bid}/attachments")))
        .header("origin", &app.base)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "upload answers with a redirect back to the bid");
    response.headers()["location"].to_str().expect("ascii").to_owned()
}

#[tokio::test]
async fn uploads_are_checked_by_content_size_and_name() {
    let app = TestApp::spawn().await;
    let call = open_call(&app).await;
    let carrier = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let bid = start(&app, &carrier, &call, 8).await;
    let pdf = app::attachments::samples::pdf("Konzept");

    let refused = [
        ("programm.pdf", b"MZ\x90\x00\x03 not a pdf".to_vec(), "wrong_file_type"),
        ("konzept.docx", pdf.clone(), "wrong_file_type"),
        ("gross.pdf", [pdf.clone(), vec![b' '; MAX_UPLOAD_BYTES as usize]].concat(), "file_too_large"),
        ("../../etc/konzept.pdf", pdf.clone(), "bad_file_name"),
        ("leer.pdf", Vec::new(), "empty_file"),
    ];
    for (name, bytes, reason) in refused {
        let location = upload(&app, &carrier, &bid, name, bytes).await;
        assert!(location.ends_with(&format!("?upload={reason}#attachments")), "{name}: {location}");
    }
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    assert_eq!(view["attachments"].as_array().map(Vec::len), Some(0), "nothing refused was kept");

    for (name, bytes) in [
        ("Konzept.pdf", pdf.clone()),
        ("Team.odt", app::attachments::samples::odt()),
        ("Plan.docx", app::attachments::samples::docx()),
    ] {
        let location = upload(&app, &carrier, &bid, name, bytes).await;
        assert!(location.ends_with("?upload=ok#attachments"), "{name}: {location}");
    }
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    let attachments = view["attachments"].as_array().expect("attachments").clone();
    assert_eq!(attachments.len(), 3);
    assert_eq!(attachments[0]["sha256"], sha256_hex(&pdf).as_str());
    assert_eq!(attachments[1]["media_type"], "application/vnd.oasis.opendocument.text");

    let id = attachments[0]["id"].as_str().expect("id");
    let download = carrier.get(app.url(&format!("/dresden/bids/{bid}/attachments/{id}"))).send().await.expect("get");
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert!(download.headers()["content-disposition"].to_str().expect("ascii").starts_with("attachment"));
    assert_eq!(download.bytes().await.expect("bytes").to_vec(), pdf);

    // Removing takes it out of the draft.
    assert_eq!(
        app.call(&carrier, "remove_attachment", &[("bid", &bid), ("attachment", id)]).await.status(),
        StatusCode::OK
    );
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    assert_eq!(view["attachments"].as_array().map(Vec::len), Some(2));

    // Another carrier's upload to this bid is refused without revealing it.
    let other = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let part = reqwest::multipart::Part::bytes(pdf.clone()).file_name("x.pdf");
    let response = other
        .post(app.url(&format!("/dresden/bids/{bid}/attachments")))
        .header("origin", &app.base)
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bids_are_sealed_until_the_call_closes() {
    let app = TestApp::spawn().await;
    let call = open_call(&app).await;
    let call_id = call["summary"]["id"].as_str().expect("id").to_owned();
    let lot_id = call["lots"][9]["id"].as_str().expect("lot").to_owned();
    let carrier = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let bid = start(&app, &carrier, &call, 9).await;
    assert_eq!(save(&app, &carrier, &bid, &complete_fields(&call)).await.status(), StatusCode::OK);
    upload(&app, &carrier, &bid, "Konzept.pdf", app::attachments::samples::pdf("geheim")).await;
    assert_eq!(submit(&app, &carrier, &bid).await.status(), StatusCode::OK);
    let view = json(app.call(&carrier, "bid", &[("bid", &bid)]).await).await["view"].clone();
    let attachment = view["attachments"][0]["id"].as_str().expect("attachment").to_owned();
    let archive = format!("/dresden/calls/{call_id}/lots/{lot_id}/bids.zip");
    let download = format!("/dresden/bids/{bid}/attachments/{attachment}");

    let readers = ["steuerung1@dresden.demo", "steuerung7@dresden.demo", "admin@dresden.demo"];
    let others = ["traeger1@dresden.demo", "koordination1@dresden.demo", "bezirk1@dresden.demo"];
    for email in readers.iter().chain(others.iter()) {
        let client = app.signed_in("dresden", email).await;
        let version = app.call(&client, "bid_version", &[("bid", &bid), ("number", "1")]).await;
        assert_eq!(version.status(), StatusCode::NOT_FOUND, "{email} reads a sealed bid");
        let file = client.get(app.url(&download)).send().await.expect("get").status();
        assert!(file == StatusCode::NOT_FOUND || file == StatusCode::FORBIDDEN, "{email} downloads: {file}");
        let zip = client.get(app.url(&archive)).send().await.expect("get").status();
        assert!(zip == StatusCode::FORBIDDEN, "{email} gets the archive before closing: {zip}");
        let drafts = app.call(&client, "bid", &[("bid", &bid)]).await.status();
        assert!(
            drafts == StatusCode::NOT_FOUND || drafts == StatusCode::FORBIDDEN,
            "{email} reads the draft: {drafts}"
        );
    }
    // Readers see no bids before closing; administrators only counts per lot.
    let steering = app.signed_in("dresden", "steuerung1@dresden.demo").await;
    let sealed = json(app.call(&steering, "call_bids", &[("call", &call_id)]).await).await;
    assert!(sealed["bids"].is_null() && sealed["counts"].as_array().is_some_and(Vec::is_empty));
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let counted = json(app.call(&admin, "call_bids", &[("call", &call_id)]).await).await;
    assert!(counted["bids"].is_null());
    let lot =
        counted["counts"].as_array().expect("counts").iter().find(|c| c["lot_id"] == lot_id.as_str()).expect("lot");
    assert_eq!(lot["submitted"], 1);
    // Another tenant's admin finds nothing at all.
    let foreign = app.signed_in("musterstadt", "admin@musterstadt.demo").await;
    assert_eq!(
        app.call(&foreign, "bid_version", &[("bid", &bid), ("number", "1")]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.call(&foreign, "call_bids", &[("call", &call_id)]).await.status(), StatusCode::NOT_FOUND);

    // After closing, the steering group and the administration read everything, with attachments.
    assert_eq!(app.call(&admin, "close_call", &[("call", &call_id)]).await.status(), StatusCode::OK);
    for email in readers {
        let client = app.signed_in("dresden", email).await;
        if email.starts_with("steuerung") {
            // A scoring member declares conflicts of interest for a lot before seeing its bids.
            let early = app.call(&client, "bid_version", &[("bid", &bid), ("number", "1")]).await;
            assert_eq!(early.status(), StatusCode::CONFLICT, "{email} before declaring");
            assert!(!early.text().await.expect("body").contains("Kinderring"), "{email}: no content before declaring");
            assert_eq!(client.get(app.url(&archive)).send().await.expect("get").status(), StatusCode::CONFLICT);
            let listed = json(app.call(&client, "call_bids", &[("call", &call_id)]).await).await;
            assert!(!listed["bids"].as_array().expect("bids").iter().any(|b| b["bid_id"] == bid.as_str()));
            app.declare_no_conflicts(&client, &call_id).await;
        }
        let version = json(app.call(&client, "bid_version", &[("bid", &bid), ("number", "1")]).await).await;
        assert_eq!(version["summary"]["organisation_name"], "Kinderring Loschwitz e. V.", "{email}");
        let file = client.get(app.url(&download)).send().await.expect("get");
        assert_eq!(file.status(), StatusCode::OK, "{email}");
        let zip = client.get(app.url(&archive)).send().await.expect("get");
        assert_eq!(zip.status(), StatusCode::OK, "{email}");
        let bytes = zip.bytes().await.expect("zip").to_vec();
        assert!(bytes.starts_with(b"PK"), "a zip file");
        let listing = String::from_utf8_lossy(&bytes).to_string();
        assert!(listing.contains("interessenbekundung.txt") && listing.contains("Konzept.pdf"), "{email}");
        let all = json(app.call(&client, "call_bids", &[("call", &call_id), ("lot", &lot_id)]).await).await;
        assert!(all["bids"].as_array().expect("bids").iter().any(|b| b["bid_id"] == bid.as_str()));
    }
    for email in others {
        let client = app.signed_in("dresden", email).await;
        let version = app.call(&client, "bid_version", &[("bid", &bid), ("number", "1")]).await;
        assert_eq!(version.status(), StatusCode::NOT_FOUND, "{email} after closing");
    }
    // A draft that was never submitted stays with its organisation (demo: traeger2's draft in lot 1).
    let first_lot = call["lots"][0]["id"].as_str().expect("lot");
    let all = json(app.call(&admin, "call_bids", &[("call", &call_id), ("lot", first_lot)]).await).await;
    let organisations: Vec<&str> =
        all["bids"].as_array().expect("bids").iter().filter_map(|b| b["organisation_name"].as_str()).collect();
    assert!(!organisations.contains(&"Netzwerk Stadtteilarbeit gGmbH"), "{organisations:?}");
}

#[tokio::test]
async fn reminders_reach_organisations_with_unsubmitted_drafts_once() {
    use model::datetime::{DEFAULT_TIME_ZONE, local_input_value};
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let closes = Utc::now() + Duration::days(10);
    let form = [
        ("module", "steering".to_owned()),
        ("title", "Steuerungsmodul 2028".to_owned()),
        ("description", String::new()),
        ("opens_at", local_input_value(Utc::now() - Duration::hours(1), DEFAULT_TIME_ZONE)),
        ("closes_at", local_input_value(closes, DEFAULT_TIME_ZONE)),
        ("decision_date", (closes + Duration::days(30)).format("%Y-%m-%d").to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let created = app.call(&admin, "create_call", &form).await;
    let call_id = created.headers()["location"].to_str().expect("ascii").rsplit('/').next().expect("id").to_owned();
    assert_eq!(app.call(&admin, "publish_call", &[("call", &call_id)]).await.status(), StatusCode::OK);

    // Published: every carrier hears of it.
    app.run_jobs(Utc::now()).await;
    let published = app.outbox().into_iter().filter(|m| m.contains("Neuer Aufruf: Steuerungsmodul 2028")).count();
    assert_eq!(published, 4, "one email per demo carrier");

    let visitor = app.browser();
    let call = json(app.call(&visitor, "public_call", &[("tenant", "dresden"), ("call", &call_id)]).await).await;
    let closes: DateTime<Utc> = call["summary"]["closes_at"].as_str().expect("closes").parse().expect("time");
    let drafting = app.signed_in("dresden", "traeger4@dresden.demo").await;
    start(&app, &drafting, &call, 0).await;
    let done = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let done_bid = start(&app, &done, &call, 0).await;
    assert_eq!(save(&app, &done, &done_bid, &complete_fields(&call)).await.status(), StatusCode::OK);
    assert_eq!(submit(&app, &done, &done_bid).await.status(), StatusCode::OK);
    app.run_jobs(Utc::now()).await;

    let reminders = |app: &TestApp| app.outbox().into_iter().filter(|m| m.contains("Frist endet")).collect::<Vec<_>>();
    assert!(reminders(&app).is_empty(), "not yet");
    app.run_jobs(closes - Duration::days(7) + Duration::minutes(1)).await;
    let sent = reminders(&app);
    assert_eq!(sent.len(), 1, "only the organisation with an unsubmitted draft");
    assert!(sent[0].contains("traeger4@dresden.demo"));
    app.run_jobs(closes - Duration::days(7) + Duration::minutes(2)).await;
    assert_eq!(reminders(&app).len(), 1, "a reminder is sent once");
    app.run_jobs(closes - Duration::hours(23)).await;
    assert_eq!(reminders(&app).len(), 2, "and again one day before");

    app.run_jobs(closes + Duration::seconds(1)).await;
    let closed: Vec<String> = app.outbox().into_iter().filter(|m| m.contains("Aufruf geschlossen")).collect();
    assert!(closed.iter().any(|m| m.contains("traeger1@dresden.demo")));
    assert!(closed.iter().any(|m| m.contains("steuerung1@dresden.demo")));
    let notices = json(app.call(&drafting, "my_notifications", &[]).await).await;
    let kinds: Vec<&str> = notices.as_array().expect("list").iter().filter_map(|n| n["kind"].as_str()).collect();
    assert!(kinds.contains(&"call_published") && kinds.contains(&"deadline_soon") && kinds.contains(&"call_closed"));
    assert_eq!(app.call(&drafting, "mark_notifications_read", &[]).await.status(), StatusCode::OK);
    let notices = json(app.call(&drafting, "my_notifications", &[]).await).await;
    assert!(notices.as_array().expect("list").iter().all(|n| n["read"] == true));
}

#[tokio::test]
async fn two_workers_never_claim_the_same_job() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let now = Utc::now();
    app.run_jobs(now).await; // what the demo data planned
    let job = app::jobs::Job::CallPublished { call: uuid::Uuid::new_v4(), opens_at: now };
    app::jobs::enqueue(&db, &job, now, Some("test:once".into()), now).await.expect("enqueue");
    app::jobs::enqueue(&db, &job, now, Some("test:once".into()), now).await.expect("a duplicate is dropped");
    let other = app.db().await;
    let (a, b) = tokio::join!(app::jobs::claim(&db, "worker-a", now), app::jobs::claim(&other, "worker-b", now));
    let claimed = [a.expect("claim a"), b.expect("claim b")].into_iter().flatten().count();
    assert_eq!(claimed, 1, "exactly one worker gets the job");
    assert!(app::jobs::claim(&db, "worker-c", now).await.expect("claim").is_none(), "leased, not free");
    let later = now + app::jobs::LEASE + Duration::seconds(1);
    assert!(app::jobs::claim(&db, "worker-c", later).await.expect("claim").is_some(), "a crashed worker's lease ends");
}

#[tokio::test]
async fn the_demo_records_nothing_later_than_the_moment_it_was_loaded() {
    use model::entity::{audit_entry, bid, bid_version};
    use sea_orm::EntityTrait;
    let app = TestApp::spawn().await;
    let now = chrono::Utc::now();
    let db = app.db().await;
    for row in bid::Entity::find().all(&db).await.expect("bids") {
        assert!(row.created_at <= now && row.draft_saved_at <= now, "bid {} saved in the future", row.id);
    }
    let versions = bid_version::Entity::find().all(&db).await.expect("versions");
    assert!(!versions.is_empty());
    for row in versions {
        assert!(row.submitted_at <= now, "version {} submitted at {} (now {now})", row.id, row.submitted_at);
    }
    for row in audit_entry::Entity::find().all(&db).await.expect("audit") {
        assert!(row.at <= now, "audit {} at {}", row.action, row.at);
    }
}
