use crate::support::TestApp;
use reqwest::StatusCode;

#[tokio::test]
async fn bundle_files_are_served_precompressed_and_cached_for_a_year() {
    let app = TestApp::spawn().await;
    let pkg = app.site_dir.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg dir");
    std::fs::write(pkg.join("spielraum.abc123.js"), "console.log('plain');").expect("write js");
    std::fs::write(pkg.join("spielraum.abc123.js.br"), b"brotli-bytes").expect("write br");

    let response =
        app.client.get(app.url("/pkg/spielraum.abc123.js")).header("accept-encoding", "br").send().await.expect("get");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");

    let plain = app.get("/pkg/spielraum.abc123.js").await;
    assert!(plain.headers().get("content-encoding").is_none());

    std::fs::write(app.site_dir.join("robots.txt"), "User-agent: *\n").expect("write robots");
    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.status(), StatusCode::OK, "root files are not mistaken for tenants");
    assert_eq!(robots.text().await.expect("text"), "User-agent: *\n");

    let missing = app.get("/pkg/nothing-here.js").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.headers().get("cache-control").is_none(), "a 404 must not be cached for a year");
}
