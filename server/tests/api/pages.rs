use crate::support::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn the_start_page_lists_the_tenants() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/dresden\""), "{html}");
    assert!(html.contains("Musterstadt"));
}

#[tokio::test]
async fn a_tenant_page_is_rendered_in_german_with_the_tenants_name() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get_text("/dresden").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"de\""), "{html}");
    assert!(html.contains("Landeshauptstadt Dresden"));
    assert!(html.contains("Zum Inhalt springen"));
    assert!(html.contains("Stadträume"));
}

#[tokio::test]
async fn the_district_list_is_rendered_on_the_server() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get_text("/dresden/districts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Stadtraum 17"));
    assert!(html.contains("Cossebaude, Mobschatz, Gompitz, Oberwartha, Altfranken"));
    let (_, other) = app.get_text("/musterstadt/districts").await;
    assert!(!other.contains("Stadtraum 17"), "a tenant's page shows only its own districts");
}

#[tokio::test]
async fn unknown_tenants_and_pages_are_404_pages() {
    let app = TestApp::spawn().await;
    for path in ["/atlantis", "/atlantis/districts", "/dresden/no-such-page", "/Dresden"] {
        let (status, html) = app.get_text(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("Seite nicht gefunden"), "{path}: {html}");
    }
}

#[tokio::test]
async fn the_language_follows_cookie_then_accept_language() {
    let app = TestApp::spawn().await;
    let english = app.client.get(app.url("/dresden")).header("accept-language", "en-GB,en;q=0.9").send().await;
    let html = english.expect("get").text().await.expect("text");
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Skip to content"));

    let cookie_wins = app
        .client
        .get(app.url("/dresden"))
        .header("accept-language", "en")
        .header("cookie", "spielraum_lang=de")
        .send()
        .await;
    assert!(cookie_wins.expect("get").text().await.expect("text").contains("<html lang=\"de\""));
}

#[tokio::test]
async fn the_language_switch_works_without_javascript() {
    let app = TestApp::spawn().await;
    let response = app.get("/dresden/districts?lang=en").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/dresden/districts");
    let cookie = response.headers()["set-cookie"].to_str().expect("ascii");
    assert!(cookie.starts_with("spielraum_lang=en;") && cookie.contains("SameSite=Lax"), "{cookie}");
}

#[tokio::test]
async fn pages_allow_only_their_own_nonce_for_inline_scripts() {
    let app = TestApp::spawn().await;
    let response = app.get("/dresden").await;
    let csp = response.headers()["content-security-policy"].to_str().expect("ascii").to_owned();
    let html = response.text().await.expect("text");
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("nonce in CSP");
    assert!(nonce.len() >= 16, "nonce too short: {nonce}");
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "hydration script carries the nonce");
    let again = app.get("/dresden").await;
    assert!(!again.headers()["content-security-policy"].to_str().expect("ascii").contains(nonce), "fresh nonce");
}

#[tokio::test]
async fn the_district_list_server_function_answers_json() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/fn/districts"))
        .header("origin", &app.base)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("tenant=musterstadt")
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(body.as_array().map(Vec::len), Some(3));
}

#[tokio::test]
async fn a_trailing_slash_redirects_to_the_one_address_of_a_page() {
    let app = TestApp::spawn().await;
    let response = app.get("/dresden/").await;
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(response.headers()["location"], "/dresden");
}

/// Regression (issue 8): a forbidden page rendered on the server must not carry its data in the streamed
/// resources. Leptos calls the page's server functions directly while rendering, past the `/fn/…` guard, so
/// each server function decides its permission itself.
#[tokio::test]
async fn forbidden_pages_carry_none_of_their_data() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let rightful = admin.get(app.url("/dresden/admin/audit")).send().await.expect("get").text().await.expect("body");
    assert!(
        rightful.contains("auth.signed_in") && rightful.contains("admin@dresden.demo"),
        "the audit page shows its reader who did what"
    );
    let invite =
        admin.get(app.url("/dresden/admin/users/invite")).send().await.expect("get").text().await.expect("body");
    assert!(invite.contains("Jugendwerk Elbaue"), "the invitation offers the organisations");
    let list = admin.get(app.url("/dresden/admin/users")).send().await.expect("get").text().await.expect("body");
    assert!(
        list.contains("admin@dresden.demo") && !list.contains("Jugendwerk Elbaue"),
        "the list of people lists people, not the invitation's organisations"
    );
    for email in
        ["traeger2@dresden.demo", "steuerung4@dresden.demo", "koordination1@dresden.demo", "bezirk1@dresden.demo"]
    {
        let browser = app.signed_in("dresden", email).await;
        for path in [
            "/dresden/admin/audit",
            "/dresden/admin/users",
            "/dresden/admin/users/invite",
            "/dresden/admin/steering",
            "/dresden/admin/organisations",
        ] {
            let response = browser.get(app.url(path)).send().await.expect("get");
            assert_eq!(response.status(), reqwest::StatusCode::FORBIDDEN, "{email} {path}");
            let body = response.text().await.expect("body");
            for secret in
                ["traeger1@dresden.demo", "admin@dresden.demo", "bid.submitted", "auth.signed_in", "Jugendwerk Elbaue"]
            {
                assert!(!body.contains(secret), "{email} {path} leaks {secret}");
            }
        }
    }
}

/// A page's data is loaded once per render, for a visitor and for a signed-in user alike. Leptos runs the
/// children of a `Suspense` two or three times while it renders on the server; when the pages sat inside the
/// tenant's `Suspense`, each run created the page's resources and called its server functions anew, and the
/// page carried the same data two or three times.
#[tokio::test]
async fn a_pages_data_is_loaded_once_per_render() {
    let app = TestApp::spawn().await;
    let carrier = app.signed_in("dresden", "traeger1@dresden.demo").await;
    for (who, client) in [("visitor", &app.client), ("carrier", &carrier)] {
        for (path, marker) in [("/dresden/calls", "\\\"lot_count\\\""), ("/dresden/districts", "\\\"kind\\\"")] {
            let html = client.get(app.url(path)).send().await.expect("get").text().await.expect("text");
            let serialized = html.split("__RESOLVED_RESOURCES").skip(1).collect::<String>();
            let loads = serialized.matches("Ok\\\":[{").count();
            assert_eq!(loads, 1, "{who} on {path}: the page's list was loaded {loads} times");
            assert!(serialized.contains(marker), "{who} on {path}: the list is handed to the browser");
        }
    }
}

/// Issue 10: a visitor's public pages load the static pages' bundle and do not hydrate; the same pages hydrate
/// for someone signed in, and pages with forms hydrate for everyone.
#[tokio::test]
async fn a_visitors_public_pages_are_served_static() {
    let app = TestApp::spawn().await;
    let enhanced = |html: &str| html.contains("/enhance.js") && html.contains("m.enhance()");
    let hydrated = |html: &str| html.contains("/spielraum.js") && html.contains("mod.hydrate()");
    let calls = app.get_text("/dresden/calls").await.1;
    let call = calls
        .split("href=\"/dresden/calls/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|id| format!("/dresden/calls/{id}"))
        .expect("a call on the list");
    for path in ["/", "/dresden", "/dresden/districts", "/dresden/calls", call.as_str()] {
        let html = app.get_text(path).await.1;
        assert!(enhanced(&html) && !hydrated(&html), "{path} is static for a visitor: {html}");
    }
    for path in ["/dresden/sign-in", "/dresden/register"] {
        let html = app.get_text(path).await.1;
        assert!(hydrated(&html) && !enhanced(&html), "{path} hydrates: {html}");
    }
    let carrier = app.signed_in("dresden", "traeger1@dresden.demo").await;
    for path in ["/dresden", "/dresden/calls", call.as_str()] {
        let html = carrier.get(app.url(path)).send().await.expect("get").text().await.expect("text");
        assert!(hydrated(&html) && !enhanced(&html), "{path} hydrates for the signed-in: {html}");
    }
    // Signed in elsewhere is a visitor here.
    let other = app.signed_in("musterstadt", "admin@musterstadt.demo").await;
    let html = other.get(app.url("/dresden/calls")).send().await.expect("get").text().await.expect("text");
    assert!(enhanced(&html), "another tenant's user is a visitor in Dresden");
}
