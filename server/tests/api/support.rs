//! `TestApp`: the real server on a fresh database and a free port.

use sea_orm::{ConnectionTrait, Database};
use server::config::{LogFormat, Settings};
use server::startup::Application;
use std::path::PathBuf;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub database_url: String,
    pub site_dir: PathBuf,
    /// The running server's context, to run background jobs at a chosen time.
    pub context: app::ServerContext,
    /// The SQL statements the server has sent so far.
    pub statements: server::db::StatementCount,
    _temp: tempfile::TempDir,
}

/// The upload limit of test servers (small, so "too large" is cheap to test).
pub const MAX_UPLOAD_BYTES: u64 = 64 * 1024;

impl TestApp {
    /// A server with the demo tenants loaded.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// A server whose settings `adjust` may change (before start-up) — e.g. the site directory.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        let temp = tempfile::tempdir().expect("temp dir");
        let database_url = fresh_database(&temp).await;
        let mut settings = Settings {
            database_url: database_url.clone(),
            addr: "127.0.0.1:0".parse().expect("addr"),
            demo: true,
            site_dir: temp.path().join("site"),
            log_format: LogFormat::Text,
            secret_key: None,
            secure_cookies: false,
            behind_proxy: false,
            public_url: "http://spielraum.test".to_owned(),
            mail: server::config::MailSettings::Outbox { dir: temp.path().join("outbox") },
            mail_from: "Spielraum <noreply@spielraum.test>".to_owned(),
            storage: server::config::StorageSettings::Local { dir: temp.path().join("files") },
            max_upload_bytes: MAX_UPLOAD_BYTES,
            // Tests run due jobs themselves (`run_jobs`), at the time they choose.
            job_interval_seconds: 3600,
            view_cache_bytes: 16 << 20,
            database_pool_size: server::config::default_pool_size(),
            bench: false,
        };
        adjust(&mut settings);
        let app = Application::build(&settings).await.expect("server starts");
        let base = format!("http://{}", app.addr());
        let context = app.context();
        let statements = app.statements();
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(40))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        TestApp { base, client, database_url, site_dir: settings.site_dir, context, statements, _temp: temp }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    pub async fn get_json(&self, path: &str) -> (reqwest::StatusCode, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.json().await.expect("json body"))
    }

    /// `GET` of an API `path` with a bearer token, as a client of the API sends it: status, headers and body.
    pub async fn api_get(&self, token: &str, path: &str) -> (reqwest::StatusCode, reqwest::header::HeaderMap, String) {
        let response = self.client.get(self.url(path)).bearer_auth(token).send().await.expect("get");
        let (status, headers) = (response.status(), response.headers().clone());
        (status, headers, response.text().await.expect("body"))
    }

    /// A client that keeps cookies, like a browser tab.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(40))
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client")
    }

    /// Calls a server function the way the hydrated page does (same-origin, form-encoded).
    pub async fn call(&self, client: &reqwest::Client, function: &str, form: &[(&str, &str)]) -> reqwest::Response {
        client
            .post(self.url(&format!("/fn/{function}")))
            .header("origin", &self.base)
            .header("accept", "application/json")
            .form(form)
            .send()
            .await
            .expect("server function call")
    }

    /// Posts `form` to the server function `function` as a browser does without the app: a plain form post
    /// that accepts HTML, sent from the page at `referer` (a path), to which Leptos sends the browser back.
    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        function: &str,
        referer: &str,
        form: &(impl serde::Serialize + ?Sized),
    ) -> reqwest::Response {
        client
            .post(self.url(&format!("/fn/{function}")))
            .header("origin", &self.base)
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", self.url(referer))
            .form(form)
            .send()
            .await
            .expect("form post")
    }

    /// Declares "no conflict of interest" for every bidder of a closed call, as the steering member signed in
    /// to `client` (a scoring member sees a lot's bids only after declaring for it).
    pub async fn declare_no_conflicts(&self, client: &reqwest::Client, call: &str) {
        let overview = self.call(client, "evaluation", &[("call", call)]).await;
        assert_eq!(overview.status(), reqwest::StatusCode::OK, "the evaluation of call {call}");
        let overview: serde_json::Value = overview.json().await.expect("json");
        let mut form = vec![("call".to_owned(), call.to_owned())];
        for lot in overview["lots"].as_array().expect("lots") {
            for bidder in lot["bidders"].as_array().expect("bidders") {
                let organisation = bidder["organisation_id"].as_str().expect("id");
                // One declaration per organisation, however many lots it bid for.
                let field = format!("fields[conflict-{organisation}]");
                if !form.iter().any(|(name, _)| *name == field) {
                    form.push((field, "none".to_owned()));
                }
            }
        }
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(self.call(client, "declare_conflicts", &form).await.status(), reqwest::StatusCode::OK, "declare");
    }

    /// A browser signed in as `email` (demo password) to `tenant`.
    pub async fn signed_in(&self, tenant: &str, email: &str) -> reqwest::Client {
        let client = self.browser();
        let response = self
            .call(
                &client,
                "sign_in",
                &[("tenant", tenant), ("email", email), ("password", server::demo::DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(response.status(), reqwest::StatusCode::OK, "sign-in of {email}");
        client
    }

    /// A bearer token for `email` (demo password) of `tenant`.
    pub async fn token(&self, tenant: &str, email: &str) -> String {
        let response = self
            .client
            .post(self.url("/api/v1/auth/token"))
            .json(&serde_json::json!({"tenant": tenant, "email": email, "password": server::demo::DEMO_PASSWORD}))
            .send()
            .await
            .expect("token request");
        assert_eq!(response.status(), reqwest::StatusCode::OK, "token for {email}");
        let body: serde_json::Value = response.json().await.expect("json");
        body["access_token"].as_str().expect("access_token").to_owned()
    }

    /// The emails sent so far, as (recipient line, whole message), oldest first.
    pub fn outbox(&self) -> Vec<String> {
        let dir = self._temp.path().join("outbox");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok());
        files.iter().filter_map(|path| std::fs::read_to_string(path).ok()).map(|raw| quoted_printable(&raw)).collect()
    }

    /// Sends what the job queue has due now (as a server's worker would) and returns the mails to `address`
    /// in the outbox, oldest first.
    pub async fn mails_to(&self, address: &str) -> Vec<String> {
        self.run_jobs(chrono::Utc::now()).await;
        self.outbox().into_iter().filter(|mail| mail.contains(&format!("To: {address}"))).collect()
    }

    /// Like [`TestApp::mails_to`], only the mails with a one-time link.
    pub async fn links_to(&self, address: &str) -> Vec<String> {
        self.mails_to(address).await.into_iter().filter(|mail| mail.contains("?token=")).collect()
    }

    /// Runs the background jobs due at `now` (as if the clock said so); returns how many ran.
    pub async fn run_jobs(&self, now: chrono::DateTime<chrono::Utc>) -> usize {
        app::jobs::run_due(&self.context, "test-worker", now).await.expect("jobs run")
    }

    /// Moves every tenant's data version on, as a change of its data would: no view kept so far
    /// (`app::derived`) is served again.
    pub async fn forget_kept_views(&self) {
        use sea_orm::ConnectionTrait;
        let db = self.db().await;
        db.execute_unprepared("UPDATE tenant_versions SET version = version + 1").await.expect("versions");
    }

    pub async fn db(&self) -> sea_orm::DatabaseConnection {
        Database::connect(&self.database_url).await.expect("connect to the test database")
    }

    pub async fn get_text(&self, path: &str) -> (reqwest::StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("text body"))
    }
}

/// An empty database of its own for one test.
pub async fn fresh_database(temp: &tempfile::TempDir) -> String {
    match std::env::var("SPIELRAUM_TEST_DATABASE_URL") {
        Ok(admin_url) if admin_url.starts_with("postgres") => {
            let name = format!("test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&admin_url).await.expect("connect to the test PostgreSQL server");
            admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.expect("create test database");
            admin.close().await.expect("close admin connection");
            let (server, _) = admin_url.rsplit_once('/').expect("database URL has a path");
            format!("{server}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", temp.path().join("test.db").display()),
    }
}

/// Undoes quoted-printable encoding (soft line breaks, `=XX` bytes), so tests read mails as people do.
fn quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The token of the link that follows `after` (e.g. `/dresden/set-password?token=`) in a mail.
/// The session id the server set in this response's cookie, if it set one.
pub fn session_id(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("spielraum_session="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

pub fn link_token(mail: &str, after: &str) -> String {
    let start = mail.find(after).unwrap_or_else(|| panic!("a link {after}… in the mail")) + after.len();
    mail[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

/// An API client for one caller of Dresden (`None`: no token); paths are below `/api/v1/tenants/dresden`.
pub struct Api<'a> {
    pub app: &'a TestApp,
    pub token: Option<String>,
}

impl Api<'_> {
    /// Sends `request` with the caller's token; the status and the body.
    pub async fn send(&self, request: reqwest::RequestBuilder) -> (u16, String) {
        let request = match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        let response = request.send().await.expect("request");
        (response.status().as_u16(), response.text().await.expect("body"))
    }

    pub fn url(&self, path: &str) -> String {
        self.app.url(&format!("/api/v1/tenants/dresden{path}"))
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        self.send(self.app.client.get(self.url(path))).await
    }

    pub async fn post(&self, path: &str, body: serde_json::Value) -> (u16, String) {
        self.send(self.app.client.post(self.url(path)).json(&body)).await
    }

    pub async fn put(&self, path: &str, body: serde_json::Value) -> (u16, String) {
        self.send(self.app.client.put(self.url(path)).json(&body)).await
    }

    /// Uploads `bytes` as the multipart field `file`.
    pub async fn upload(&self, path: &str, bytes: Vec<u8>, name: &str) -> (u16, String) {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned());
        let form = reqwest::multipart::Form::new().part("file", part);
        self.send(self.app.client.post(self.url(path)).multipart(form)).await
    }
}

/// SQLite's plan for a statement (`EXPLAIN QUERY PLAN` with the statement's own values): one line per step,
/// such as `SEARCH reports USING COVERING INDEX ix_reports_list (tenant_id=? AND award_id=?)`.
pub async fn sqlite_plan(db: &sea_orm::DatabaseConnection, statement: &sea_orm::Statement) -> Vec<String> {
    let explain = sea_orm::Statement { sql: format!("EXPLAIN QUERY PLAN {}", statement.sql), ..statement.clone() };
    db.query_all(explain)
        .await
        .expect("plan")
        .iter()
        .map(|row| row.try_get::<String>("", "detail").expect("detail"))
        .collect()
}
