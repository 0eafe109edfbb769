use crate::support::TestApp;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let app = TestApp::spawn().await;
    let (status, doc) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")), "{}", doc["openapi"]);
    for path in ["/tenants", "/tenants/{tenant}", "/tenants/{tenant}/districts"] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing from the OpenAPI document");
    }
}

#[tokio::test]
async fn the_tenant_directory_lists_the_demo_tenants_by_name() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_json("/api/v1/tenants").await;
    assert_eq!(status, StatusCode::OK);
    let slugs: Vec<&str> = body.as_array().expect("array").iter().filter_map(|t| t["slug"].as_str()).collect();
    assert_eq!(slugs, ["dresden", "musterstadt"]);
}

#[tokio::test]
async fn dresden_has_the_twenty_districts_of_the_resolution_in_order() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get_json("/api/v1/tenants/dresden/districts").await;
    assert_eq!(status, StatusCode::OK);
    let districts = body.as_array().expect("array");
    assert_eq!(districts.len(), 20);
    assert_eq!(districts[0]["name"], "Stadtraum 1");
    assert_eq!(districts[16]["name"], "Stadtraum 17");
    assert_eq!(districts[17]["name"], "Schönfeld-Weißig");
    assert_eq!(districts[19]["kind"], "villages");
    let city = districts.iter().filter(|d| d["kind"] == "city_district").count();
    assert_eq!(city, 17);
}

#[tokio::test]
async fn tenants_do_not_see_each_others_districts() {
    let app = TestApp::spawn().await;
    let (_, body) = app.get_json("/api/v1/tenants/musterstadt/districts").await;
    let names: Vec<&str> = body.as_array().expect("array").iter().filter_map(|d| d["name"].as_str()).collect();
    assert_eq!(names, ["Nord", "Süd", "Ortschaft Musterdorf"]);
}

#[tokio::test]
async fn unknown_or_malformed_tenants_are_json_404s() {
    let app = TestApp::spawn().await;
    for path in ["/api/v1/tenants/atlantis", "/api/v1/tenants/DRESDEN/districts", "/api/v1/tenants/%2e%2e"] {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body["code"], "not_found", "{path}");
        assert!(body["message"].is_string());
    }
    for path in ["/api/v1/no-such-endpoint", "/api/v1/", "/api/", "/api/v2/tenants"] {
        let (status, body): (StatusCode, Value) = app.get_json(path).await;
        assert_eq!((status, body["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")), "{path}");
    }
}

#[tokio::test]
async fn demo_data_is_loaded_only_once() {
    let app = TestApp::spawn().await;
    // A second server on the same database must not add the demo tenants again.
    let database_url = app.database_url.clone();
    let again = TestApp::spawn_with(|settings| settings.database_url = database_url).await;
    let (_, body) = again.get_json("/api/v1/tenants/dresden/districts").await;
    assert_eq!(body.as_array().map(Vec::len), Some(20));
}

#[tokio::test]
async fn methods_a_route_does_not_have_are_405_not_errors() {
    let app = TestApp::spawn().await;
    for (method, path) in [("TRACE", "/api/v1/me"), ("DELETE", "/api/v1/tenants"), ("PUT", "/api/v1/auth/token")] {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let response = app.client.request(method.clone(), app.url(path)).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
    }
    let head = app.client.head(app.url("/api/v1/tenants")).send().await.expect("head");
    assert_eq!(head.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_new_password_or_new_roles_void_the_tokens_issued_before() {
    let app = TestApp::spawn().await;
    let me = |token: String| {
        let request = app.client.get(app.url("/api/v1/me")).bearer_auth(token);
        async move { request.send().await.expect("me").status() }
    };
    let browser = app.signed_in("dresden", "koordination2@dresden.demo").await;
    let personal: String = app
        .call(&browser, "create_token", &[("name", "Skript"), ("days", "30")])
        .await
        .json()
        .await
        .expect("the token");
    let access = app.token("dresden", "koordination2@dresden.demo").await;
    assert_eq!(me(personal.clone()).await, StatusCode::OK);
    assert_eq!(me(access.clone()).await, StatusCode::OK);
    let change = [
        ("current_password", server::demo::DEMO_PASSWORD),
        ("new_password", "ein ganz neues Passwort"),
        ("confirm_password", "ein ganz neues Passwort"),
    ];
    assert_eq!(app.call(&browser, "change_password", &change).await.status(), StatusCode::OK);
    assert_eq!(me(personal).await, StatusCode::UNAUTHORIZED, "the personal token is revoked");
    assert_eq!(me(access).await, StatusCode::UNAUTHORIZED, "the access token is void");
    assert_eq!(app.call(&browser, "whoami", &[("tenant", "dresden")]).await.status(), StatusCode::OK);

    // A change of roles voids the access tokens of the person concerned too.
    let access = app.token("dresden", "koordination3@dresden.demo").await;
    assert_eq!(me(access.clone()).await, StatusCode::OK);
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let directory: serde_json::Value =
        app.call(&admin, "admin_users", &[("search", "koordination3")]).await.json().await.expect("json");
    let id = directory["users"][0]["id"].as_str().expect("id").to_owned();
    let roles = [("user", id.as_str()), ("district_contact", "on")];
    assert_eq!(app.call(&admin, "set_user_roles", &roles).await.status(), StatusCode::OK);
    assert_eq!(me(access).await, StatusCode::UNAUTHORIZED);
}
