//! Sign-in, sessions, CSRF, throttling and API tokens.

use crate::support::{TestApp, session_id};
use chrono::Utc;
use model::entity::{api_token, user};
use reqwest::StatusCode;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

async fn error_code(response: reqwest::Response) -> String {
    let body: Value = response.json().await.expect("json error");
    body["code"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn signing_in_sets_an_http_only_lax_cookie_and_a_new_session_id_each_time() {
    let app = TestApp::spawn().await;
    let client = app.browser();
    let form = [("tenant", "dresden"), ("email", "Admin@Dresden.demo "), ("password", "spielraum-demo")];
    let first = app.call(&client, "sign_in", &form).await;
    assert_eq!(first.status(), StatusCode::OK);
    let raw = first.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(raw.contains("HttpOnly") && raw.contains("SameSite=Lax"), "{raw}");
    let first_id = session_id(&first).expect("session cookie");
    let second = app.call(&client, "sign_in", &form).await;
    let second_id = session_id(&second).expect("session cookie");
    assert_ne!(first_id, second_id, "the session id is rotated on sign-in");
}

#[tokio::test]
async fn wrong_passwords_and_unknown_accounts_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let client = app.browser();
    let wrong =
        app.call(&client, "sign_in", &[("tenant", "dresden"), ("email", "admin@dresden.demo"), ("password", "nope")]);
    let wrong = wrong.await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let unknown_form = [("tenant", "dresden"), ("email", "nobody@dresden.demo"), ("password", "nope")];
    let unknown = app.call(&client, "sign_in", &unknown_form).await;
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(wrong).await, error_code(unknown).await);
}

#[tokio::test]
async fn five_failures_pause_the_account_but_not_other_accounts() {
    let app = TestApp::spawn().await;
    let client = app.browser();
    for _ in 0..5 {
        let response = app
            .call(&client, "sign_in", &[("tenant", "dresden"), ("email", "traeger1@dresden.demo"), ("password", "x")])
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let right_password = [("tenant", "dresden"), ("email", "traeger1@dresden.demo"), ("password", "spielraum-demo")];
    let paused = app.call(&client, "sign_in", &right_password).await;
    assert_eq!(paused.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: Value = paused.json().await.expect("json");
    assert_eq!(body["code"], "throttled");
    assert!(body["retry_after_minutes"].as_i64().is_some_and(|m| (1..=15).contains(&m)));
    // The API counts the same failures.
    let api = app
        .client
        .post(app.url("/api/v1/auth/token"))
        .json(&serde_json::json!({"tenant": "dresden", "email": "traeger1@dresden.demo", "password": "spielraum-demo"}))
        .send()
        .await
        .expect("post");
    assert_eq!(api.status(), StatusCode::TOO_MANY_REQUESTS);
    // Another account from the same address still signs in.
    app.signed_in("dresden", "traeger2@dresden.demo").await;
}

#[tokio::test]
async fn state_changing_requests_from_other_sites_are_refused() {
    let app = TestApp::spawn().await;
    let form = [("tenant", "dresden"), ("email", "admin@dresden.demo"), ("password", "spielraum-demo")];
    let cases: [(&str, &str); 3] =
        [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site"), ("x-nothing", "no origin at all")];
    for (header, value) in cases {
        let response = app.client.post(app.url("/fn/sign_in")).header(header, value).form(&form).send().await;
        assert_eq!(response.expect("post").status(), StatusCode::FORBIDDEN, "{header}: {value}");
    }
    let same_site = app.client.post(app.url("/fn/sign_in")).header("sec-fetch-site", "same-origin").form(&form).send();
    assert_eq!(same_site.await.expect("post").status(), StatusCode::OK);
}

#[tokio::test]
async fn the_account_page_needs_a_session_of_that_tenant() {
    let app = TestApp::spawn().await;
    let anonymous = app.get("/dresden/account").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(anonymous.headers()["location"], "/dresden/sign-in?next=/dresden/account");

    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let page = admin.get(app.url("/dresden/account")).send().await.expect("get");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("Andrea Admin"), "{html}");
    assert!(html.contains("Verwaltung (Jugendamt)"));

    // The Dresden session means nothing in Musterstadt.
    let elsewhere = admin.get(app.url("/musterstadt/account")).send().await.expect("get");
    assert_eq!(elsewhere.status(), StatusCode::SEE_OTHER);
    assert!(elsewhere.headers()["location"].to_str().expect("ascii").starts_with("/musterstadt/sign-in"));
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let client = app.signed_in("dresden", "koordination1@dresden.demo").await;
    assert_eq!(app.call(&client, "sign_out", &[]).await.status(), StatusCode::OK);
    let after = client.get(app.url("/dresden/account")).send().await.expect("get");
    assert_eq!(after.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_only() {
    let app = TestApp::spawn().await;
    let laptop = app.signed_in("dresden", "steuerung1@dresden.demo").await;
    let phone = app.signed_in("dresden", "steuerung1@dresden.demo").await;
    let change = [
        ("current_password", "spielraum-demo"),
        ("new_password", "ein neues langes Passwort"),
        ("confirm_password", "ein neues langes Passwort"),
    ];
    assert_eq!(app.call(&laptop, "change_password", &change).await.status(), StatusCode::OK);
    assert_eq!(laptop.get(app.url("/dresden/account")).send().await.expect("get").status(), StatusCode::OK);
    assert_eq!(phone.get(app.url("/dresden/account")).send().await.expect("get").status(), StatusCode::SEE_OTHER);
    let old = app
        .call(
            &app.browser(),
            "sign_in",
            &[("tenant", "dresden"), ("email", "steuerung1@dresden.demo"), ("password", "spielraum-demo")],
        )
        .await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn password_changes_are_checked_field_by_field() {
    let app = TestApp::spawn().await;
    let client = app.signed_in("dresden", "steuerung2@dresden.demo").await;
    let cases = [
        (("wrong", "ein neues langes Passwort", "ein neues langes Passwort"), "current_password", "wrong_password"),
        (("spielraum-demo", "kurz", "kurz"), "new_password", "too_short"),
        (("spielraum-demo", "ein neues langes Passwort", "ein anderes"), "confirm_password", "mismatch"),
    ];
    for ((current, new, confirm), field, reason) in cases {
        let form = [("current_password", current), ("new_password", new), ("confirm_password", confirm)];
        let response = app.call(&client, "change_password", &form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = response.json().await.expect("json");
        assert_eq!((body["field"].as_str(), body["reason"].as_str()), (Some(field), Some(reason)));
    }
}

#[tokio::test]
async fn users_see_and_end_their_own_sessions() {
    let app = TestApp::spawn().await;
    let laptop = app.signed_in("dresden", "traeger3@dresden.demo").await;
    let phone = app.signed_in("dresden", "traeger3@dresden.demo").await;
    let sessions: Value = app.call(&laptop, "my_sessions", &[]).await.json().await.expect("json");
    let sessions = sessions.as_array().expect("array").clone();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    let other = sessions.iter().find(|s| s["current"] == false).expect("the phone's session");
    let handle = other["handle"].as_str().expect("handle");
    assert_eq!(app.call(&laptop, "end_session", &[("handle", handle)]).await.status(), StatusCode::OK);
    assert_eq!(phone.get(app.url("/dresden/account")).send().await.expect("get").status(), StatusCode::SEE_OTHER);

    // Someone else cannot end this user's session, even knowing a handle.
    let mine: Value = app.call(&laptop, "my_sessions", &[]).await.json().await.expect("json");
    let my_handle = mine[0]["handle"].as_str().expect("handle").to_owned();
    let stranger = app.signed_in("dresden", "traeger4@dresden.demo").await;
    let attempt = app.call(&stranger, "end_session", &[("handle", &my_handle)]).await;
    assert_eq!(attempt.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn deactivating_a_user_ends_sessions_and_tokens_at_once() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in("dresden", "koordination2@dresden.demo").await;
    let token = app.token("dresden", "koordination2@dresden.demo").await;
    let db = app.db().await;
    user::Entity::update_many()
        .col_expr(user::Column::Status, sea_orm::sea_query::Expr::value("deactivated"))
        .filter(user::Column::Email.eq("koordination2@dresden.demo"))
        .exec(&db)
        .await
        .expect("deactivate");
    assert_eq!(browser.get(app.url("/dresden/account")).send().await.expect("get").status(), StatusCode::SEE_OTHER);
    let me = app.client.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.expect("get");
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_token_endpoint_issues_short_lived_bearer_tokens() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/token"))
        .json(
            &serde_json::json!({"tenant": "dresden", "email": "steuerung7@dresden.demo", "password": "spielraum-demo"}),
        )
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["token_type"], "Bearer");
    assert!(body["expires_in"].as_i64().is_some_and(|s| (1..=3600).contains(&s)));
    let token = body["access_token"].as_str().expect("token");

    let me: Value =
        app.client.get(app.url("/api/v1/me")).bearer_auth(token).send().await.expect("get").json().await.expect("json");
    assert_eq!(me["tenant"], "dresden");
    assert_eq!(me["email"], "steuerung7@dresden.demo");
    assert_eq!(me["roles"][0]["role"], "steering");
    assert_eq!(me["roles"][0]["seat"], "project_carrier");
    assert!(me["roles"][0]["organisation_id"].is_string(), "the project-carrier seat names its organisation");
}

#[tokio::test]
async fn bad_credentials_and_bad_tokens_are_401_json() {
    let app = TestApp::spawn().await;
    for body in [
        serde_json::json!({"tenant": "dresden", "email": "admin@dresden.demo", "password": "wrong"}),
        serde_json::json!({"tenant": "atlantis", "email": "admin@dresden.demo", "password": "spielraum-demo"}),
        serde_json::json!({"tenant": "musterstadt", "email": "admin@dresden.demo", "password": "spielraum-demo"}),
    ] {
        let response = app.client.post(app.url("/api/v1/auth/token")).json(&body).send().await.expect("post");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{body}");
        assert_eq!(error_code(response).await, "sign_in_failed");
    }
    for header in ["Bearer not-a-token", "Bearer spr_unknown", "Basic YWRtaW46YWRtaW4="] {
        let response = app.client.get(app.url("/api/v1/me")).header("authorization", header).send().await;
        let response = response.expect("get");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{header}");
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
    }
    let none = app.client.get(app.url("/api/v1/me")).send().await.expect("get");
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn expired_and_foreign_signed_tokens_are_refused() {
    use jsonwebtoken::{EncodingKey, Header};
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let admin = user::Entity::find()
        .filter(user::Column::Email.eq("admin@dresden.demo"))
        .one(&db)
        .await
        .expect("q")
        .expect("admin");
    let key = server::secrets::Secrets::load(&db, None).await.expect("secrets").derive("jwt/v1");
    let now = Utc::now().timestamp();
    let claims = |exp: i64| {
        serde_json::json!({"sub": admin.id, "tid": admin.tenant_id, "aud": "spielraum-api", "iss": "spielraum",
            "iat": now - 7200, "exp": exp, "jti": uuid::Uuid::new_v4(), "gen": admin.credential_generation})
    };
    let sign = |claims: &Value, secret: &[u8]| {
        let mut header = Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some(server::tokens::key_id(key.expose()));
        jsonwebtoken::encode(&header, claims, &EncodingKey::from_secret(secret).expect("key")).expect("sign")
    };
    let me = |token: String| {
        let request = app.client.get(app.url("/api/v1/me")).bearer_auth(token);
        async move { request.send().await.expect("get").status() }
    };
    assert_eq!(me(sign(&claims(now + 600), key.expose())).await, StatusCode::OK, "a valid token works");
    assert_eq!(me(sign(&claims(now - 1), key.expose())).await, StatusCode::UNAUTHORIZED, "expired");
    assert_eq!(me(sign(&claims(now + 600), b"some other key of enough length!!")).await, StatusCode::UNAUTHORIZED);
    let mut without_generation = claims(now + 600);
    without_generation.as_object_mut().expect("claims").remove("gen");
    assert_eq!(
        me(sign(&without_generation, key.expose())).await,
        StatusCode::UNAUTHORIZED,
        "issued before generations"
    );
}

#[tokio::test]
async fn revoked_personal_tokens_stop_working_at_once() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let admin = user::Entity::find()
        .filter(user::Column::Email.eq("admin@dresden.demo"))
        .one(&db)
        .await
        .expect("q")
        .expect("admin");
    let (token, hash) = server::tokens::new_personal_token();
    let id = uuid::Uuid::new_v4();
    api_token::Entity::insert(api_token::ActiveModel {
        id: Set(id),
        tenant_id: Set(admin.tenant_id),
        user_id: Set(admin.id),
        name: Set("Skript".into()),
        token_hash: Set(hash),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        expires_at: Set(None),
        revoked_at: Set(None),
    })
    .exec_without_returning(&db)
    .await
    .expect("insert token");
    let me = || app.client.get(app.url("/api/v1/me")).bearer_auth(&token).send();
    assert_eq!(me().await.expect("get").status(), StatusCode::OK);
    api_token::Entity::update(api_token::ActiveModel {
        id: Set(id),
        revoked_at: Set(Some(Utc::now())),
        ..Default::default()
    })
    .exec(&db)
    .await
    .expect("revoke");
    assert_eq!(me().await.expect("get").status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn sign_ins_and_password_changes_are_audited() {
    use model::entity::audit_entry;
    let app = TestApp::spawn().await;
    let client = app.signed_in("dresden", "bezirk1@dresden.demo").await;
    let change = [
        ("current_password", "spielraum-demo"),
        ("new_password", "noch ein langes Passwort"),
        ("confirm_password", "noch ein langes Passwort"),
    ];
    app.call(&client, "change_password", &change).await;
    let db = app.db().await;
    let actions: Vec<String> =
        audit_entry::Entity::find().all(&db).await.expect("audit").into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"auth.signed_in".to_owned()), "{actions:?}");
    assert!(actions.contains(&"user.password_changed".to_owned()), "{actions:?}");
}

#[tokio::test]
async fn users_create_use_and_revoke_their_own_api_tokens() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in("dresden", "koordination1@dresden.demo").await;
    let created = app.call(&browser, "create_token", &[("name", "Auswertung"), ("days", "30")]).await;
    assert_eq!(created.status(), StatusCode::OK);
    let token: String = created.json().await.expect("token text");
    assert!(token.starts_with("spr_"));
    let me = app.client.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.expect("get");
    assert_eq!(me.status(), StatusCode::OK);

    let listed: Value = app.call(&browser, "my_tokens", &[]).await.json().await.expect("json");
    assert_eq!(listed[0]["name"], "Auswertung");
    assert!(listed[0]["last_used_at"].is_string(), "use is recorded");
    let id = listed[0]["id"].as_str().expect("id").to_owned();

    // Nobody else can revoke it.
    let stranger = app.signed_in("dresden", "koordination3@dresden.demo").await;
    assert_eq!(app.call(&stranger, "revoke_token", &[("token", &id)]).await.status(), StatusCode::NOT_FOUND);

    assert_eq!(app.call(&browser, "revoke_token", &[("token", &id)]).await.status(), StatusCode::OK);
    let refused = app.client.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.expect("get");
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    let bad = app.call(&browser, "create_token", &[("name", ""), ("days", "30")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let too_long = app.call(&browser, "create_token", &[("name", "x"), ("days", "1000")]).await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_chosen_language_follows_the_user_to_the_next_sign_in() {
    let app = TestApp::spawn().await;
    let laptop = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let switched = app.call(&laptop, "set_language", &[("language", "en")]).await;
    assert_eq!(switched.status(), StatusCode::OK);
    assert!(switched.headers()["set-cookie"].to_str().expect("ascii").starts_with("spielraum_lang=en"));

    let other_browser = app.browser();
    let form = [("tenant", "dresden"), ("email", "traeger1@dresden.demo"), ("password", "spielraum-demo")];
    let signed_in = app.call(&other_browser, "sign_in", &form).await;
    let cookies: Vec<&str> = signed_in.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
    assert!(cookies.iter().any(|c| c.starts_with("spielraum_lang=en")), "{cookies:?}");
    let page = other_browser.get(app.url("/dresden/account")).send().await.expect("get").text().await.expect("html");
    assert!(page.contains("<html lang=\"en\""));

    let bad = app.call(&laptop, "set_language", &[("language", "fr")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn people_download_their_own_data_and_nothing_else() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in("dresden", "steuerung5@dresden.demo").await;
    let response = browser.get(app.url("/dresden/account/data.json")).send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"].to_str().expect("ascii").contains("attachment"));
    let data: Value = response.json().await.expect("json");
    assert_eq!(data["account"]["email"], "steuerung5@dresden.demo");
    assert_eq!(data["roles"][0]["seat"], "committee");
    assert!(data["actions"].as_array().expect("actions").iter().any(|a| a["action"] == "auth.signed_in"));
    assert!(!data.to_string().contains("password_hash") && !data.to_string().contains("$argon2"));

    let anonymous = app.get("/dresden/account/data.json").await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    let elsewhere = browser.get(app.url("/musterstadt/account/data.json")).send().await.expect("get");
    assert_eq!(elsewhere.status(), StatusCode::SEE_OTHER, "a Dresden session downloads nothing in Musterstadt");
}

#[tokio::test]
async fn the_audit_log_cannot_be_changed_or_deleted_even_directly_in_the_database() {
    use model::entity::audit_entry;
    let app = TestApp::spawn().await;
    app.signed_in("dresden", "admin@dresden.demo").await;
    let db = app.db().await;
    let entry = audit_entry::Entity::find().one(&db).await.expect("query").expect("a sign-in was audited");
    let update = audit_entry::Entity::update_many()
        .col_expr(audit_entry::Column::Action, sea_orm::sea_query::Expr::value("forged"))
        .exec(&db)
        .await;
    assert!(update.is_err(), "UPDATE must fail");
    assert!(audit_entry::Entity::delete_by_id(entry.id).exec(&db).await.is_err(), "DELETE must fail");
    let still = audit_entry::Entity::find_by_id(entry.id).one(&db).await.expect("query").expect("still there");
    assert_eq!(still.action, entry.action);
}

#[tokio::test]
async fn behind_a_proxy_the_forwarded_address_is_throttled_and_audited() {
    use model::entity::audit_entry;
    let app = TestApp::spawn_with(|settings| {
        settings.behind_proxy = true;
        settings.secure_cookies = true;
    })
    .await;
    let form = [("tenant", "dresden"), ("email", "admin@dresden.demo"), ("password", "spielraum-demo")];
    let response = app
        .client
        .post(app.url("/fn/sign_in"))
        .header("origin", &app.base)
        .header("x-forwarded-for", "10.9.9.9, 203.0.113.7")
        .form(&form)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["strict-transport-security"].to_str().expect("ascii").contains("max-age"));
    let cookie = response.headers()["set-cookie"].to_str().expect("ascii").to_owned();
    assert!(cookie.starts_with("__Host-spielraum_session=") && cookie.contains("Secure"), "{cookie}");
    let db = app.db().await;
    let entries = audit_entry::Entity::find().all(&db).await.expect("audit");
    assert_eq!(entries[0].client_addr.as_deref(), Some("203.0.113.7"));
}

#[tokio::test]
async fn without_javascript_a_failed_form_returns_to_its_page_with_the_message() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let page = app.url("/dresden/sign-in");
    let form = [("tenant", "dresden"), ("email", "admin@dresden.demo"), ("password", "falsch")];
    let response = app.post_form(&browser, "sign_in", "/dresden/sign-in", &form).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().expect("ascii").to_owned();
    assert!(location.starts_with(&page) && location.contains("__err="), "{location}");
    let html = browser.get(&location).send().await.expect("page").text().await.expect("html");
    assert!(html.contains("E-Mail-Adresse oder Passwort ist falsch."), "the page shows the error");
}

#[tokio::test]
async fn parallel_wrong_passwords_get_no_more_tries_than_the_limit() {
    let app = TestApp::spawn().await;
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let (client, url) = (app.client.clone(), app.url("/api/v1/auth/token"));
        attempts.spawn(async move {
            let body = serde_json::json!({"tenant": "dresden", "email": "traeger3@dresden.demo", "password": "falsch"});
            client.post(url).json(&body).send().await.expect("post").status()
        });
    }
    let mut checked = 0;
    while let Some(status) = attempts.join_next().await {
        match status.expect("attempt") {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => {}
            other => panic!("unexpected {other}"),
        }
    }
    assert!(checked <= 5, "{checked} of 20 parallel attempts had their password checked");
    // Parallel attempts may refuse each other early, but one after the other the account gets exactly
    // the limit, no more.
    loop {
        let wrong = serde_json::json!({"tenant": "dresden", "email": "traeger3@dresden.demo", "password": "falsch"});
        match app.client.post(app.url("/api/v1/auth/token")).json(&wrong).send().await.expect("post").status() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => break,
            other => panic!("unexpected {other}"),
        }
        assert!(checked <= 5, "more than 5 failures were checked");
    }
    assert_eq!(checked, 5, "the account gets its 5 tries");
}

#[tokio::test]
async fn a_busy_address_is_slowed_down_but_correct_passwords_still_sign_in() {
    let app = TestApp::spawn().await;
    let client = app.browser();
    for n in 0..7 {
        let email = format!("niemand{n}@dresden.demo");
        for _ in 0..5 {
            let wrong = [("tenant", "dresden"), ("email", email.as_str()), ("password", "falsch")];
            assert_eq!(app.call(&client, "sign_in", &wrong).await.status(), StatusCode::UNAUTHORIZED);
        }
    }
    // 35 failures from this address: more than its limit, and yet another account signs in from it.
    let started = std::time::Instant::now();
    app.signed_in("dresden", "traeger2@dresden.demo").await;
    assert!(started.elapsed() >= app::auth::throttle::CLIENT_SLOWDOWN, "the address is slowed down");
}

#[tokio::test]
async fn oversized_request_bodies_are_refused_before_they_are_read() {
    let app = TestApp::spawn().await;
    let huge = "x".repeat(3 * 1024 * 1024);
    let form = [("tenant", "dresden"), ("email", "admin@dresden.demo"), ("password", huge.as_str())];
    let response = app.call(&app.browser(), "sign_in", &form).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let api = app
        .client
        .post(app.url("/api/v1/auth/token"))
        .json(&serde_json::json!({"tenant": "dresden", "email": "admin@dresden.demo", "password": huge}))
        .send()
        .await
        .expect("post");
    assert_eq!(api.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = api.json().await.expect("json");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
}

#[tokio::test]
async fn a_password_longer_than_any_accepted_is_a_plain_failure() {
    let app = TestApp::spawn().await;
    let long = "x".repeat(10_000);
    let form = [("tenant", "dresden"), ("email", "admin@dresden.demo"), ("password", long.as_str())];
    assert_eq!(app.call(&app.browser(), "sign_in", &form).await.status(), StatusCode::UNAUTHORIZED);
}
