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

    // Only the headers a file needs: a page loads hundreds of them (issue 16).
    let headers = response.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    for document_only in ["content-security-policy", "x-frame-options", "referrer-policy", "permissions-policy"] {
        assert!(headers.get(document_only).is_none(), "{document_only}: {headers:?}");
    }
    for unneeded in ["x-request-id", "last-modified", "accept-ranges"] {
        assert!(headers.get(unneeded).is_none(), "{unneeded}: {headers:?}");
    }

    let plain = app.get("/pkg/spielraum.abc123.js").await;
    assert!(plain.headers().get("content-encoding").is_none());

    std::fs::write(app.site_dir.join("robots.txt"), "User-agent: *\n").expect("write robots");
    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.status(), StatusCode::OK, "root files are not mistaken for tenants");
    assert_eq!(robots.text().await.expect("text"), "User-agent: *\n");

    let missing = app.get("/pkg/nothing-here.js").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.headers().get("cache-control").is_none(), "a 404 must not be cached for a year");
    assert!(missing.headers().get("content-security-policy").is_some(), "an error page is a document");
    assert!(missing.headers().get("x-request-id").is_some());
}

/// Pages, server functions and API answers travel compressed when the browser asks (issue 16), and
/// decompress to the same bytes; PDFs and answers to clients that do not ask stay as they are.
#[tokio::test]
async fn text_answers_are_compressed_when_asked() {
    use std::io::Read;
    let app = TestApp::spawn().await;
    let get = |path: &str, encoding: Option<&str>| {
        let mut request = app.client.get(app.url(path));
        if let Some(encoding) = encoding {
            request = request.header("accept-encoding", encoding);
        }
        request.send()
    };
    let calls = get("/api/v1/tenants/dresden/calls", None).await.expect("get");
    assert!(calls.headers().get("content-encoding").is_none(), "not asked, not compressed");
    let plain = calls.bytes().await.expect("body");
    let compressed = get("/api/v1/tenants/dresden/calls", Some("gzip")).await.expect("get");
    assert_eq!(compressed.headers()["content-encoding"], "gzip");
    assert!(compressed.headers()["vary"].to_str().expect("vary").contains("accept-encoding"));
    let compressed = compressed.bytes().await.expect("body");
    assert!(compressed.len() < plain.len() / 2, "{} of {} bytes", compressed.len(), plain.len());
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_end(&mut unpacked).expect("gzip");
    assert_eq!(unpacked, plain, "the same answer");

    let page = get("/dresden", Some("br, gzip")).await.expect("get");
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()["content-encoding"], "br", "brotli when the browser takes it");
    assert!(page.headers()["content-type"].to_str().expect("type").starts_with("text/html"));

    let member = app.token("dresden", "steuerung1@dresden.demo").await;
    let pdf = app
        .client
        .get(app.url("/api/v1/tenants/dresden/committee-reports/2019.pdf"))
        .bearer_auth(&member)
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .expect("pdf");
    assert_eq!(pdf.status(), StatusCode::OK);
    assert!(pdf.headers().get("content-encoding").is_none(), "a PDF compresses itself");
    assert!(pdf.bytes().await.expect("bytes").starts_with(b"%PDF"));
}

/// A page links the bundle's stylesheet where the bundle is served from (written by the page itself, not
/// read from the hash file on every response: issue 16).
#[tokio::test]
async fn a_page_links_the_stylesheet_the_site_serves() {
    let app = TestApp::spawn().await;
    let pkg = app.site_dir.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg dir");
    std::fs::write(pkg.join("spielraum.css"), "body { margin: 0 }").expect("write css");
    let page = app.get("/dresden/calls").await.text().await.expect("page");
    let link = page.split("<link").find(|tag| tag.contains(r#"rel="stylesheet""#)).expect("a stylesheet link");
    let href = link.split(r#"href=""#).nth(1).and_then(|rest| rest.split('"').next()).expect("its address");
    let css = app.get(href).await;
    assert_eq!(css.status(), StatusCode::OK, "{href}");
    assert_eq!(css.text().await.expect("css"), "body { margin: 0 }");
}
