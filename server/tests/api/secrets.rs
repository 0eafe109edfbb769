use crate::support::TestApp;
use base64::Engine as _;
use model::entity::instance_secret;
use sea_orm::{Database, EntityTrait, PaginatorTrait};
use server::secrets::{SecretKey, Secrets};

#[tokio::test]
async fn the_first_start_generates_one_secret_that_later_starts_reuse() {
    let app = TestApp::spawn().await;
    let db = Database::connect(&app.database_url).await.expect("connect");
    assert_eq!(instance_secret::Entity::find().count(&db).await.expect("count"), 1);

    // Another server on the same database (or this one after a restart) gets the same keys.
    let first = Secrets::load(&db, None).await.expect("load");
    let second = Secrets::load(&db, None).await.expect("load again");
    assert_eq!(first.derive("jwt"), second.derive("jwt"));
    assert_eq!(instance_secret::Entity::find().count(&db).await.expect("count"), 1);
}

#[tokio::test]
async fn a_configured_secret_is_used_and_never_stored() {
    let key = base64::engine::general_purpose::STANDARD.encode([9u8; 32]);
    let configured = SecretKey::from_base64(&key).expect("key");
    let app = TestApp::spawn_with(|settings| settings.secret_key = Some(configured.clone())).await;
    let db = Database::connect(&app.database_url).await.expect("connect");
    assert_eq!(instance_secret::Entity::find().count(&db).await.expect("count"), 0);

    let generated = Secrets::load(&db, None).await.expect("generate");
    let from_config = Secrets::load(&db, Some(configured)).await.expect("configured");
    assert_ne!(generated.derive("jwt"), from_config.derive("jwt"));
}

/// Everything the job queue and the session table hold, as text.
async fn stored_text(db: &sea_orm::DatabaseConnection) -> String {
    use model::entity::{job, session};
    let jobs = job::Entity::find().all(db).await.expect("jobs");
    let sessions = session::Entity::find().all(db).await.expect("sessions");
    let mut text = String::new();
    for row in jobs {
        text.push_str(&format!("{} {}\n", row.payload, row.dedupe_key.unwrap_or_default()));
    }
    for row in sessions {
        text.push_str(&format!("{} {}\n", row.id, row.data));
    }
    text
}

#[tokio::test]
async fn neither_the_session_table_nor_the_job_queue_holds_a_working_secret() {
    use crate::support::link_token;
    use model::entity::session;
    use reqwest::StatusCode;
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let form = [("tenant", "dresden"), ("email", "admin@dresden.demo"), ("password", "spielraum-demo")];
    let signed_in = app.call(&browser, "sign_in", &form).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let session_id = crate::support::session_id(&signed_in).expect("a session cookie");
    let invite = [("name", "Nora Neu"), ("email", "nora@traeger.example"), ("role", "admin")];
    assert_eq!(app.call(&browser, "invite_user", &invite).await.status(), StatusCode::OK);
    let ask = [("tenant", "dresden"), ("email", "traeger2@dresden.demo")];
    assert_eq!(app.call(&app.browser(), "request_password_reset", &ask).await.status(), StatusCode::OK);

    let db = app.db().await;
    let before_sending = stored_text(&db).await;
    let mut mails = app.links_to("nora@traeger.example").await;
    mails.extend(app.links_to("traeger2@dresden.demo").await);
    let links: Vec<String> = mails.iter().map(|mail| link_token(mail, "token=")).collect();
    assert_eq!(links.len(), 2, "the invitation and the reset link were sent");
    let after_sending = stored_text(&db).await;
    for secret in links.iter().chain([&session_id]) {
        assert!(!before_sending.contains(secret.as_str()) && !after_sending.contains(secret.as_str()), "{secret}");
    }
    // The session is found by the hash of its id, and the browser's cookie still works.
    let stored = app::auth::session_keys::stored_id(&session_id);
    assert!(session::Entity::find_by_id(stored).one(&db).await.expect("q").is_some());
    assert_eq!(browser.get(app.url("/dresden/account")).send().await.expect("get").status(), StatusCode::OK);
}

#[tokio::test]
async fn a_link_used_twice_at_once_works_once() {
    use crate::support::link_token;
    use reqwest::StatusCode;
    let app = TestApp::spawn().await;
    let ask = [("tenant", "dresden"), ("email", "traeger3@dresden.demo")];
    assert_eq!(app.call(&app.browser(), "request_password_reset", &ask).await.status(), StatusCode::OK);
    let token = link_token(&app.links_to("traeger3@dresden.demo").await.pop().expect("reset mail"), "token=");
    let mut tries = tokio::task::JoinSet::new();
    for n in 0..6 {
        let (client, url, base, token) = (app.browser(), app.url("/fn/set_password"), app.base.clone(), token.clone());
        tries.spawn(async move {
            let password = format!("neues Passwort Nummer {n}");
            let form = [
                ("tenant", "dresden"),
                ("token", token.as_str()),
                ("new_password", password.as_str()),
                ("confirm_password", password.as_str()),
            ];
            client.post(url).header("origin", base).form(&form).send().await.expect("post").status()
        });
    }
    let mut worked = 0;
    while let Some(status) = tries.join_next().await {
        match status.expect("task") {
            StatusCode::OK => worked += 1,
            StatusCode::UNPROCESSABLE_ENTITY => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(worked, 1, "the link set a password exactly once");
}

#[tokio::test]
async fn finished_mail_jobs_are_purged_after_their_retention() {
    use model::entity::job;
    use reqwest::StatusCode;
    use sea_orm::{ColumnTrait, QueryFilter};
    let app = TestApp::spawn().await;
    let ask = [("tenant", "dresden"), ("email", "traeger2@dresden.demo")];
    assert_eq!(app.call(&app.browser(), "request_password_reset", &ask).await.status(), StatusCode::OK);
    assert_eq!(app.links_to("traeger2@dresden.demo").await.len(), 1);
    let db = app.db().await;
    let mail_jobs = || job::Entity::find().filter(job::Column::Kind.eq("password_reset_mail"));
    assert_eq!(mail_jobs().count(&db).await.expect("count"), 1, "kept for a while after sending");
    let now = chrono::Utc::now();
    app::jobs::purge_finished_mail(&db, now).await.expect("purge");
    assert_eq!(mail_jobs().count(&db).await.expect("count"), 1, "not yet");
    let later = now + app::jobs::MAIL_RETENTION + chrono::Duration::minutes(1);
    assert!(app::jobs::purge_finished_mail(&db, later).await.expect("purge") >= 1);
    assert_eq!(mail_jobs().count(&db).await.expect("count"), 0);
}

#[tokio::test]
async fn an_active_session_is_written_at_most_once_a_minute_and_stays_alive() {
    use model::entity::session;
    use reqwest::StatusCode;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let form = [("tenant", "dresden"), ("email", "traeger1@dresden.demo"), ("password", "spielraum-demo")];
    let signed_in = app.call(&browser, "sign_in", &form).await;
    let stored = app::auth::session_keys::stored_id(&crate::support::session_id(&signed_in).expect("a session cookie"));
    let db = app.db().await;
    let row = || async { session::Entity::find_by_id(stored.clone()).one(&db).await.expect("q").expect("row") };
    let first = row().await;
    for _ in 0..3 {
        assert_eq!(browser.get(app.url("/dresden/account")).send().await.expect("get").status(), StatusCode::OK);
    }
    assert_eq!(row().await, first, "requests within the minute do not write the session");

    // Two minutes later (as far as the session knows): the next request renews the idle expiry.
    let mut data: serde_json::Value = serde_json::from_str(&first.data).expect("json");
    for key in ["signed_in_at", "renewed_at"] {
        if let Some(at) = data[key].as_i64() {
            data[key] = (at - 120).into();
        }
    }
    let mut aged: session::ActiveModel = first.clone().into();
    aged.data = Set(data.to_string());
    aged.expires_at = Set(first.expires_at - chrono::Duration::minutes(2));
    aged.last_seen_at = Set(first.last_seen_at - chrono::Duration::minutes(2));
    let aged = aged.update(&db).await.expect("age the session");
    assert_eq!(browser.get(app.url("/dresden/account")).send().await.expect("get").status(), StatusCode::OK);
    let renewed = row().await;
    assert!(renewed.expires_at > aged.expires_at + chrono::Duration::minutes(1), "the idle expiry moved on");
    assert!(renewed.last_seen_at > aged.last_seen_at);
}
