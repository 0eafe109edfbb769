use crate::support::TestApp;

#[tokio::test]
async fn liveness_and_readiness_answer_ok() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get_text("/healthz").await, (reqwest::StatusCode::OK, "ok".to_owned()));
    assert_eq!(app.get_text("/readyz").await, (reqwest::StatusCode::OK, "ready".to_owned()));
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_security_headers() {
    let app = TestApp::spawn().await;
    for path in ["/healthz", "/api/v1/tenants", "/dresden"] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert!(headers.get("x-request-id").is_some_and(|v| !v.is_empty()), "{path}: request id");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "strict-origin-when-cross-origin", "{path}");
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
    }
}

#[tokio::test]
async fn a_request_id_sent_by_a_proxy_is_kept() {
    let app = TestApp::spawn().await;
    let response = app.client.get(app.url("/healthz")).header("x-request-id", "lb-1234").send().await.expect("get");
    assert_eq!(response.headers()["x-request-id"], "lb-1234");
}

/// `SPIELRAUM_DATABASE_POOL_SIZE` bounds the connections, and requests beyond it wait for one rather than fail.
#[tokio::test]
async fn requests_beyond_the_database_pool_wait_for_a_connection() {
    use sea_orm::ConnectionTrait as _;
    let app = TestApp::spawn_with(|settings| settings.database_pool_size = 2).await;
    let db = &app.context.db;
    let max = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => db.get_postgres_connection_pool().options().get_max_connections(),
        _ => db.get_sqlite_connection_pool().options().get_max_connections(),
    };
    assert_eq!(max, 2);
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let (client, url) = (app.client.clone(), app.url("/dresden/calls"));
        requests.spawn(async move {
            let answer = client.get(url).send().await.expect("get");
            (answer.status(), answer.text().await.expect("body"))
        });
    }
    while let Some(answer) = requests.join_next().await {
        let (status, body) = answer.expect("request");
        assert_eq!(status, reqwest::StatusCode::OK);
        assert!(body.contains("Interessenbekundung"), "{body}");
    }
}
