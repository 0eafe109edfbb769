//! New tenants from the command line, invitation and reset links, and the email outbox.

use crate::support::{TestApp, link_token};
use model::entity::one_time_token;
use reqwest::StatusCode;
use sea_orm::{EntityTrait, sea_query::Expr};
use serde_json::Value;
use std::process::Command;

fn server_cli(database_url: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.env("DATABASE_URL", database_url).env("SPIELRAUM_PUBLIC_URL", "https://spielraum.example.org");
    command.env_remove("SPIELRAUM_ADDR");
    command
}

#[tokio::test]
async fn the_operator_creates_a_tenant_whose_admin_sets_a_password_by_link() {
    let app = TestApp::spawn().await;
    let output = server_cli(&app.database_url)
        .args(["tenant", "create", "--slug", "leipzig", "--name", "Stadt Leipzig"])
        .args(["--admin-email", "Jugendamt@Leipzig.example", "--admin-name", "Lea Leipzig"])
        .output()
        .expect("run server tenant create");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("https://spielraum.example.org/leipzig/set-password?token="), "{stdout}");
    let token = link_token(&stdout, "token=");

    // The new tenant exists, and its admin cannot sign in before setting a password.
    let (status, _) = app.get_json("/api/v1/tenants/leipzig").await;
    assert_eq!(status, StatusCode::OK);
    let browser = app.browser();
    let early = [("tenant", "leipzig"), ("email", "jugendamt@leipzig.example"), ("password", "")];
    assert_ne!(app.call(&browser, "sign_in", &early).await.status(), StatusCode::OK);

    let set = [
        ("tenant", "leipzig"),
        ("token", token.as_str()),
        ("new_password", "Leipziger Allerlei 2026"),
        ("confirm_password", "Leipziger Allerlei 2026"),
    ];
    let response = app.call(&browser, "set_password", &set).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["location"], "/leipzig/sign-in?password=set");
    let sign_in =
        [("tenant", "leipzig"), ("email", "jugendamt@leipzig.example"), ("password", "Leipziger Allerlei 2026")];
    assert_eq!(app.call(&browser, "sign_in", &sign_in).await.status(), StatusCode::OK);

    // The link works once.
    let again = app.call(&app.browser(), "set_password", &set).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = again.json().await.expect("json");
    assert_eq!(body["reason"], "link_unusable");
}

#[tokio::test]
async fn bad_tenant_creation_input_is_one_clear_line() {
    let app = TestApp::spawn().await;
    let cases = [
        (["--slug", "Not A Slug", "--name", "X"], "--slug"),
        (["--slug", "dresden", "--name", "Doppelt"], "exists already"),
        (["--slug", "api", "--name", "Reserviert"], "--slug"),
    ];
    for (args, expected) in cases {
        let output = server_cli(&app.database_url)
            .args(["tenant", "create"])
            .args(args)
            .args(["--admin-email", "a@b.example", "--admin-name", "A"])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(expected) && stderr.trim().lines().count() == 1, "{stderr}");
    }
    let bad_email = server_cli(&app.database_url)
        .args(["tenant", "create", "--slug", "halle", "--name", "Halle", "--admin-email", "kein", "--admin-name", "H"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&bad_email.stderr).contains("--admin-email"));
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_an_emailed_link() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let ask = [("tenant", "dresden"), ("email", "traeger2@dresden.demo")];
    assert_eq!(app.call(&browser, "request_password_reset", &ask).await.status(), StatusCode::OK);
    let mails = app.links_to("traeger2@dresden.demo").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("traeger2@dresden.demo") && mails[0].contains("Reset your password"), "{}", mails[0]);
    let token = link_token(&mails[0], "token=");

    let set = [
        ("tenant", "dresden"),
        ("token", token.as_str()),
        ("new_password", "ganz neues Passwort"),
        ("confirm_password", "ganz neues Passwort"),
    ];
    assert_eq!(app.call(&browser, "set_password", &set).await.status(), StatusCode::OK);
    let new = [("tenant", "dresden"), ("email", "traeger2@dresden.demo"), ("password", "ganz neues Passwort")];
    assert_eq!(app.call(&browser, "sign_in", &new).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn reset_requests_do_not_reveal_accounts_and_are_limited() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let unknown = [("tenant", "dresden"), ("email", "niemand@dresden.demo")];
    assert_eq!(app.call(&browser, "request_password_reset", &unknown).await.status(), StatusCode::OK);
    assert!(app.links_to("niemand@dresden.demo").await.is_empty(), "no mail for an unknown address");
    let known = [("tenant", "dresden"), ("email", "traeger4@dresden.demo")];
    for _ in 0..5 {
        assert_eq!(app.call(&browser, "request_password_reset", &known).await.status(), StatusCode::OK);
    }
    assert_eq!(app.links_to("traeger4@dresden.demo").await.len(), 3, "at most three links an hour");
}

#[tokio::test]
async fn expired_links_are_refused_and_only_the_newest_link_works() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let ask = [("tenant", "dresden"), ("email", "koordination3@dresden.demo")];
    let token_of = |mail: &String| link_token(mail, "token=");
    app.call(&browser, "request_password_reset", &ask).await;
    let first = token_of(&app.links_to("koordination3@dresden.demo").await[0]);
    app.call(&browser, "request_password_reset", &ask).await;
    // Files in the outbox may share a timestamp; the second link is the one that is not the first.
    let second = app
        .links_to("koordination3@dresden.demo")
        .await
        .iter()
        .map(token_of)
        .find(|token| *token != first)
        .expect("a second link");
    let set = |token: &str| {
        [
            ("tenant", "dresden".to_owned()),
            ("token", token.to_owned()),
            ("new_password", "ein weiteres Passwort".to_owned()),
            ("confirm_password", "ein weiteres Passwort".to_owned()),
        ]
    };
    let call = |form: [(&'static str, String); 4]| {
        let form: Vec<(&str, String)> = form.to_vec();
        let client = app.browser();
        let url = app.url("/fn/set_password");
        let origin = app.base.clone();
        async move { client.post(url).header("origin", origin).form(&form).send().await.expect("post").status() }
    };
    assert_eq!(call(set(&first)).await, StatusCode::UNPROCESSABLE_ENTITY, "superseded by the second link");
    let db = app.db().await;
    one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::ExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)))
        .exec(&db)
        .await
        .expect("expire");
    assert_eq!(call(set(&second)).await, StatusCode::UNPROCESSABLE_ENTITY, "expired");
}
