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

/// A hydrated page's data is loaded once per render. Leptos runs the children of a `Suspense` two or three
/// times while it renders on the server; when the pages sat inside the tenant's `Suspense`, each run created
/// the page's resources and called its server functions anew, and the page carried the same data two or
/// three times.
#[tokio::test]
async fn a_pages_data_is_loaded_once_per_render() {
    let app = TestApp::spawn().await;
    let carrier = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    for (who, client, path, list) in [
        ("carrier", &carrier, "/dresden/bids", r#"\"bids\":[{"#),
        ("admin", &admin, "/dresden/admin/districts", r#"Ok\":[{"#),
    ] {
        let html = client.get(app.url(path)).send().await.expect("get").text().await.expect("text");
        let serialized = html.split("__RESOLVED_RESOURCES").skip(1).collect::<String>();
        let loads = serialized.matches(list).count();
        assert_eq!(loads, 1, "{who} on {path}: the page's list was loaded {loads} times: {serialized}");
    }
}

/// Issues 10 and 16: the pages that only show things load the static pages' bundle and do not hydrate, for
/// every caller they show nothing to fill in; such a page carries none of its resources' data, and no form on
/// it posts anywhere but to sign out or to switch the language (which work without the app). Pages with
/// forms hydrate: the reports list for a coordinator (who starts reports there), sign-in and registration
/// for everyone.
#[tokio::test]
async fn pages_that_only_show_things_are_served_static() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::spawn().await;
    let enhanced = |html: &str| html.contains("/enhance.js") && html.contains("m.enhance()");
    let hydrated = |html: &str| html.contains("/spielraum.js") && html.contains("mod.hydrate()");
    let db = app.db().await;
    let closed = model::entity::call::Entity::find()
        .filter(model::entity::call::Column::ClosesAt.lt(chrono::Utc::now()))
        .one(&db)
        .await
        .expect("calls")
        .expect("a closed call")
        .id;
    let open = model::entity::call::Entity::find()
        .filter(model::entity::call::Column::ClosesAt.gt(chrono::Utc::now()))
        .one(&db)
        .await
        .expect("calls")
        .expect("an open call")
        .id;
    let paths = [
        "/".to_owned(),
        "/dresden".to_owned(),
        "/dresden/districts".to_owned(),
        "/dresden/calls".to_owned(),
        format!("/dresden/calls/{open}"),
        format!("/dresden/calls/{closed}/bids"),
        format!("/dresden/calls/{closed}/ranking"),
        "/dresden/controlling".to_owned(),
        "/dresden/controlling/committee-report".to_owned(),
        "/dresden/reports".to_owned(),
        "/dresden/admin/users".to_owned(),
    ];
    // The bid editor's forms are plain posts that come back to it (`app::render_mode`).
    let carrier = app.signed_in("dresden", "traeger1@dresden.demo").await;
    let bid = crate::bids::start(&app, &carrier, &crate::bids::open_call(&app).await, 0).await;
    let editor = format!("/dresden/bids/{bid}");
    let paths: Vec<String> = paths.into_iter().chain([editor.clone()]).collect();
    let posted_natively = |path: &str, form: &str| {
        *path == editor
            && ["/fn/save_draft\"", "/fn/withdraw_bid\"", "/fn/remove_attachment\"", &format!("{editor}/attachments\"")]
                .iter()
                .any(|action| form.contains(&format!("action=\"{action}")))
    };
    let callers = [
        ("visitor", None),
        ("admin", Some(("dresden", "admin@dresden.demo"))),
        ("steering member", Some(("dresden", "steuerung4@dresden.demo"))),
        ("carrier", Some(("dresden", "traeger1@dresden.demo"))),
        ("coordinator", Some(("dresden", "koordination1@dresden.demo"))),
        ("district contact", Some(("dresden", "bezirk1@dresden.demo"))),
        // Signed in elsewhere is a visitor here.
        ("another tenant's admin", Some(("musterstadt", "admin@musterstadt.demo"))),
    ];
    let mut forms_seen = 0;
    for (who, account) in callers {
        let browser = match account {
            Some((tenant, email)) => app.signed_in(tenant, email).await,
            None => app.browser(),
        };
        for path in &paths {
            let html = browser.get(app.url(path)).send().await.expect("get").text().await.expect("text");
            if !html.starts_with("<!DOCTYPE") {
                continue; // sign in first
            }
            if who == "coordinator" && path == "/dresden/reports" {
                assert!(hydrated(&html) && !enhanced(&html), "{path} hydrates for a {who}: {html}");
                continue;
            }
            assert!(enhanced(&html) && !hydrated(&html), "{path} is static for a {who}: {html}");
            assert!(!html.contains("__RESOLVED_RESOURCES["), "{path} for a {who} hands the browser data: {html}");
            for form in html.split("<form").skip(1).map(|rest| rest.split('>').next().unwrap_or_default()) {
                forms_seen += 1;
                let posts = form.contains("method=\"post\"");
                assert!(
                    !posts
                        || form.contains("action=\"/fn/sign_out\"")
                        || form.contains("action=\"/fn/set_language\"")
                        || posted_natively(path, form),
                    "{path} for a {who} is static but has a form that needs the app: <form{form}>"
                );
            }
        }
    }
    assert!(forms_seen > 100, "the language switch, sign-out and search forms are checked ({forms_seen})");
    for path in ["/dresden/sign-in", "/dresden/register", "/dresden/controlling/ledger"] {
        let admin = app.signed_in("dresden", "admin@dresden.demo").await;
        let html = admin.get(app.url(path)).send().await.expect("get").text().await.expect("text");
        assert!(hydrated(&html) && !enhanced(&html), "{path} hydrates: {html}");
    }
}
