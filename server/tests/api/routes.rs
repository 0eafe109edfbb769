//! The route sweep: every page, server function and API operation has an entry in the access table, and
//! every kind of caller — nobody, each role, a user of another tenant — gets exactly what the policy says.
//! A route added without an access entry fails here.

use crate::support::TestApp;
use axum::http::Method;
use model::policy::{Access, Decision, decide};
use model::{Role, Seat};
use reqwest::StatusCode;
use server::authz::access_for;
use utoipa::OpenApi;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Page,
    ServerFn,
    Api,
}

/// Every route the server has, as (kind, method, matched path).
fn all_routes() -> Vec<(Kind, Method, String)> {
    let mut routes = Vec::new();
    // The server's own, cached list: walking the routes again while other tests serve would stall them.
    for listing in server::startup::route_list() {
        for method in listing.methods() {
            let method = match method {
                leptos_router::Method::Get => Method::GET,
                other => panic!("page route with method {other:?}: add it to this test"),
            };
            routes.push((Kind::Page, method, listing.path().to_owned()));
        }
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.push((Kind::ServerFn, method, path.to_owned()));
    }
    let doc = server::api::ApiDoc::openapi();
    for (path, item) in &doc.paths.paths {
        for (method, operation) in [
            (Method::GET, &item.get),
            (Method::POST, &item.post),
            (Method::PUT, &item.put),
            (Method::PATCH, &item.patch),
            (Method::DELETE, &item.delete),
        ] {
            if operation.is_some() {
                routes.push((Kind::Api, method, format!("/api/v1{path}")));
            }
        }
    }
    routes.push((Kind::Api, Method::GET, "/api/v1/openapi.json".to_owned()));
    for path in server::authz::DOWNLOAD_ROUTES {
        routes.push((Kind::Page, Method::GET, (*path).to_owned()));
    }
    for path in server::authz::UPLOAD_ROUTES {
        routes.push((Kind::Page, Method::POST, (*path).to_owned()));
    }
    routes.sort_by(|a, b| a.2.cmp(&b.2));
    routes.dedup();
    routes
}

#[test]
fn every_route_has_an_access_entry() {
    let missing: Vec<String> = all_routes()
        .into_iter()
        .filter(|(_, method, path)| access_for(method, path).is_none())
        .map(|(_, method, path)| format!("{method} {path}"))
        .collect();
    assert!(missing.is_empty(), "routes without an entry in server::authz::access_for: {missing:?}");
}

struct Caller {
    label: &'static str,
    tenant: &'static str,
    email: Option<&'static str>,
    roles: Vec<Role>,
}

fn callers() -> Vec<Caller> {
    let carrier = Role::Carrier { organisation_id: uuid::Uuid::nil() };
    vec![
        Caller { label: "nobody", tenant: "dresden", email: None, roles: vec![] },
        Caller { label: "admin", tenant: "dresden", email: Some("admin@dresden.demo"), roles: vec![Role::Admin] },
        Caller {
            label: "steering",
            tenant: "dresden",
            email: Some("steuerung4@dresden.demo"),
            roles: vec![Role::Steering { seat: Seat::Committee }],
        },
        Caller { label: "carrier", tenant: "dresden", email: Some("traeger1@dresden.demo"), roles: vec![carrier] },
        Caller {
            label: "coordinator",
            tenant: "dresden",
            email: Some("koordination1@dresden.demo"),
            roles: vec![Role::Coordinator],
        },
        Caller {
            label: "district contact",
            tenant: "dresden",
            email: Some("bezirk1@dresden.demo"),
            roles: vec![Role::DistrictContact],
        },
        Caller {
            label: "admin of another tenant",
            tenant: "musterstadt",
            email: Some("admin@musterstadt.demo"),
            roles: vec![Role::Admin],
        },
    ]
}

#[tokio::test]
async fn every_route_answers_every_caller_as_the_policy_says() {
    let app = TestApp::spawn().await;
    for caller in callers() {
        let (mut browser, token) = match caller.email {
            Some(email) => (app.signed_in(caller.tenant, email).await, Some(app.token(caller.tenant, email).await)),
            None => (app.browser(), None),
        };
        for (kind, method, path) in all_routes() {
            let Some(access) = access_for(&method, &path) else { continue };
            // Pages and per-tenant API routes of Dresden: a session or token of another tenant counts as
            // nobody there.
            let per_tenant = kind == Kind::Page || path.starts_with("/api/v1/tenants/{tenant}");
            let roles = match kind {
                _ if per_tenant && caller.tenant != "dresden" => None,
                _ => caller.email.map(|_| caller.roles.as_slice()),
            };
            let expected = decide(access, roles);
            let url = app.url(&path.replace("{tenant}", "dresden"));
            let response = match kind {
                Kind::Page if method == Method::POST => {
                    browser.post(&url).header("origin", &app.base).form(&[("x", "")]).send().await
                }
                Kind::Page => browser.get(&url).send().await,
                Kind::ServerFn => browser.post(&url).header("origin", &app.base).form(&[("x", "")]).send().await,
                Kind::Api => {
                    let mut request = app.client.request(method.clone(), &url);
                    if let Some(token) = &token {
                        request = request.bearer_auth(token);
                    }
                    if method == Method::POST {
                        request = request.json(&serde_json::json!({}));
                    }
                    request.send().await
                }
            }
            .expect("request");
            let status = response.status();
            if path == "/fn/sign_out"
                && let Some(email) = caller.email
            {
                // That call really signed out; sign in again for the routes still to come.
                browser = app.signed_in(caller.tenant, email).await;
            }
            let to_sign_in = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .is_some_and(|l| l.contains("/sign-in"));
            let what = format!("{} → {method} {path} ({access:?}): {status}", caller.label);
            match (expected, kind) {
                (Decision::Allow, _) => {
                    assert!(
                        status != StatusCode::UNAUTHORIZED && status != StatusCode::FORBIDDEN && !to_sign_in,
                        "{what}"
                    )
                }
                (Decision::Unauthenticated, Kind::Page) => {
                    assert!(status == StatusCode::SEE_OTHER && to_sign_in, "{what}")
                }
                (Decision::Unauthenticated, _) => assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}"),
                (Decision::Forbidden, _) => assert_eq!(status, StatusCode::FORBIDDEN, "{what}"),
            }
        }
    }
}

#[test]
fn the_table_is_not_all_public() {
    // Guards against a table that "passes" by allowing everything.
    let routes = all_routes();
    let signed_in = routes.iter().filter(|(_, m, p)| access_for(m, p) == Some(Access::SignedIn)).count();
    assert!(signed_in >= 4, "expected signed-in-only routes, found {signed_in}");
}
