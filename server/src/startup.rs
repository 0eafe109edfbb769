//! Building the application: database, migrations, demo data, router, listener.
//!
//! [`Application::build`] is what `server serve` and every integration test call, so tests run the real
//! server on a real port.

use crate::config::{MailSettings, Settings, StorageSettings};
use crate::db::{self, DbSetupError};
use crate::secrets::Secrets;
use crate::sessions::DbSessionStore;
use crate::{api, authz, demo, health, http};
use app::mail::Mailer;
use app::storage::Storage;
use app::{ServerContext, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use sea_orm::DatabaseConnection;
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tracing::Level;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DbSetupError),
    #[error("loading the demo data failed: {0}")]
    Demo(sea_orm::DbErr),
    #[error("loading the instance secret failed: {0}")]
    Secrets(sea_orm::DbErr),
    #[error("email: {0}")]
    Mail(#[from] app::mail::MailError),
    #[error("file storage: {0}")]
    Storage(#[from] app::storage::StorageError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
}

/// Shared by all handlers; cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    /// What the app crate needs (mailer, storage, public URL) for handlers outside Leptos.
    pub server: ServerContext,
    pub leptos_options: LeptosOptions,
    pub secrets: Secrets,
    pub behind_proxy: bool,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for DatabaseConnection {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

pub struct Application {
    context: ServerContext,
    statements: db::StatementCount,
    listener: TcpListener,
    router: Router,
    addr: SocketAddr,
}

impl Application {
    pub async fn build(settings: &Settings) -> Result<Self, StartupError> {
        let taken = std::sync::Arc::<std::sync::atomic::AtomicU64>::default();
        let mut db = db::connect_counting(settings, taken.clone()).await?;
        db::migrate(&db).await?;
        let secrets = Secrets::load(&db, settings.secret_key.clone()).await.map_err(StartupError::Secrets)?;
        if settings.demo && demo::load_if_empty(&db).await.map_err(StartupError::Demo)? {
            tracing::info!("loaded the demo tenants into the empty database");
        }
        let statements = db::StatementCount::attach(&mut db, taken);
        let listener = TcpListener::bind(settings.addr)
            .await
            .map_err(|source| StartupError::Bind { addr: settings.addr, source })?;
        let addr = listener.local_addr().map_err(|source| StartupError::Bind { addr: settings.addr, source })?;
        spawn_housekeeping(db.clone());
        let mailer = match &settings.mail {
            MailSettings::Smtp { url } => Mailer::smtp(url, &settings.mail_from)?,
            MailSettings::Outbox { dir } => Mailer::outbox(dir.clone(), &settings.mail_from)?,
        };
        let storage = match &settings.storage {
            StorageSettings::Local { dir } => Storage::local(dir, settings.max_upload_bytes)?,
            StorageSettings::S3 { bucket } => Storage::s3(bucket, settings.max_upload_bytes)?,
        };
        let context = ServerContext {
            db,
            mailer,
            public_url: settings.public_url.clone(),
            storage,
            derived: app::derived::Derived::with_capacity(settings.view_cache_bytes),
        };
        crate::worker::spawn(context.clone(), settings.job_interval_seconds);
        let mut router = router(settings, context.clone(), secrets, addr);
        if settings.bench {
            // Outside the router's layers (no session, no tenant): a counter read, no SQL of its own.
            let count = statements.clone();
            router =
                router.route("/_bench/statements", axum::routing::get(move || async move { count.get().to_string() }));
        }
        Ok(Application { context, statements, listener, router, addr })
    }

    /// The address actually bound (port 0 in settings picks a free port).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// What the app crate gets (database, mailer, storage), e.g. for tests that run background jobs.
    pub fn context(&self) -> ServerContext {
        self.context.clone()
    }

    /// The SQL statements this server has sent since start-up (after migrations and the demo).
    pub fn statements(&self) -> db::StatementCount {
        self.statements.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service).with_graceful_shutdown(shutdown_signal()).await
    }
}

/// Which modules of the split bundle each page needs, from the manifest the site build left in the bundle's
/// directory; none when the site was built without splitting or not at all.
fn page_modules(settings: &Settings, options: &LeptosOptions) -> app::PageModules {
    let manifest = settings.site_dir.join(options.site_pkg_dir.as_ref()).join(app::PageModules::MANIFEST);
    let Ok(text) = std::fs::read_to_string(&manifest) else { return app::PageModules::default() };
    match serde_json::from_str(&text) {
        Ok(by_split) => app::PageModules::new(&format!("/{}", options.site_pkg_dir), by_split),
        Err(err) => {
            tracing::warn!(path = %manifest.display(), error = %err, "the bundle's split manifest does not parse");
            app::PageModules::default()
        }
    }
}

fn leptos_options(settings: &Settings, addr: SocketAddr) -> LeptosOptions {
    // The site build leaves beside the executable the name of the bundle's directory (`pkg/<hash>`), in which
    // the files have plain names; `hash_files` makes Leptos read that file and drop wasm-bindgen's `_bg`.
    let hash_file = http::site_root_hash_file().filter(|path| path.exists());
    LeptosOptions::builder()
        .output_name(app::shell::OUTPUT_NAME)
        .site_root(settings.site_dir.to_string_lossy().into_owned())
        .site_pkg_dir(http::bundle_dir(hash_file.as_deref()))
        .site_addr(addr)
        .hash_files(hash_file.is_some())
        .build()
}

pub fn router(settings: &Settings, context: ServerContext, secrets: Secrets, addr: SocketAddr) -> Router {
    let state = AppState {
        db: context.db.clone(),
        server: context.clone(),
        leptos_options: leptos_options(settings, addr),
        secrets,
        behind_proxy: settings.behind_proxy,
    };
    // Over https, browsers are told to never try plain http again.
    let hsts = settings.secure_cookies.then(|| {
        tower_http::set_header::SetResponseHeaderLayer::if_not_present(
            axum::http::header::STRICT_TRANSPORT_SECURITY,
            axum::http::HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        )
    });
    let modules = page_modules(settings, &state.leptos_options);
    let provide = move || {
        provide_context(context.clone());
        provide_context(modules.clone());
    };
    let routes = route_list();

    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(if settings.secure_cookies { "__Host-spielraum_session" } else { "spielraum_session" })
        .with_secure(settings.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(authz::IDLE_SESSION_MINUTES)));

    // Everything routed above `route_layer` passes the guard (crate::authz); what is added after it is
    // public by nature: probes, static files, and the JSON 404 of the API.
    Router::new()
        .nest("/api/v1", api::router(settings.max_upload_bytes))
        .route("/{tenant}/account/data.json", get(crate::export::my_data))
        .route(
            "/{tenant}/bids/{id}/attachments",
            axum::routing::post(crate::uploads::upload_form)
                .layer(axum::extract::DefaultBodyLimit::max(http::upload_limit(settings.max_upload_bytes) as usize)),
        )
        .route("/{tenant}/bids/{id}/attachments/{attachment}", get(crate::uploads::download))
        .route(
            "/{tenant}/reports/{id}/files",
            axum::routing::post(crate::uploads::report_upload_form)
                .layer(axum::extract::DefaultBodyLimit::max(http::upload_limit(settings.max_upload_bytes) as usize)),
        )
        .route("/{tenant}/reports/{id}/files/{file}", get(crate::uploads::report_download))
        .route(
            "/{tenant}/exchange/{id}/files",
            axum::routing::post(crate::uploads::exchange_upload_form)
                .layer(axum::extract::DefaultBodyLimit::max(http::upload_limit(settings.max_upload_bytes) as usize)),
        )
        .route("/{tenant}/exchange/{id}/files/{file}", get(crate::uploads::exchange_download))
        .route(
            "/{tenant}/steering/meetings/{id}/files",
            axum::routing::post(crate::uploads::meeting_upload_form)
                .layer(axum::extract::DefaultBodyLimit::max(http::upload_limit(settings.max_upload_bytes) as usize)),
        )
        .route("/{tenant}/steering/meetings/{id}/files/{file}", get(crate::uploads::meeting_download))
        .route("/{tenant}/calls/{id}/lots/{lot}/bids.zip", get(crate::uploads::lot_archive))
        .route("/{tenant}/calls/{id}/ranking.csv", get(crate::uploads::ranking_csv))
        .route("/{tenant}/calls/{id}/ranking.xlsx", get(crate::uploads::ranking_xlsx))
        .route("/{tenant}/calls/{id}/decision-proposal.pdf", get(crate::uploads::decision_proposal_pdf))
        .route("/{tenant}/committee-reports/{year}", get(crate::uploads::committee_report))
        .route("/{tenant}/resolution-register/{file}", get(crate::uploads::resolution_register))
        .leptos_routes_with_context(&state, routes, provide.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), authz::guard))
        .route_layer(axum::middleware::from_fn_with_state(http::RenderLimit::per_core(), http::limit_renders))
        .route("/healthz", get(health::live))
        .route("/readyz", get(health::ready))
        .route("/api", axum::routing::any(api::not_found))
        .route("/api/", axum::routing::any(api::not_found))
        .route("/api/{*rest}", axum::routing::any(api::not_found))
        .nest_service("/pkg", http::pkg_service(&settings.site_dir))
        .merge(http::public_files(&settings.site_dir))
        .fallback(file_and_error_handler_with_context::<AppState, _>(provide, shell))
        .with_state(state)
        .layer(axum::middleware::from_fn(authz::same_origin_only))
        .layer(sessions)
        .layer(axum::middleware::from_fn(http::negotiate_locale))
        .layer(axum::middleware::from_fn(http::server_fn_status))
        .layer(axum::middleware::from_fn(http::trim_trailing_slash))
        .layer(axum::middleware::from_fn_with_state(
            http::BodyLimits::new(settings.max_upload_bytes),
            http::limit_body_size,
        ))
        .layer(axum::middleware::from_fn(http::security_headers))
        .layer(tower::util::option_layer(hsts))
        .layer(http::compression::layer())
        // No request may hold a connection forever; a stuck one ends with 408 and a log line.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            std::time::Duration::from_secs(30),
        ))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(axum::middleware::map_response(http::without_request_id))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(http::request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// The app's routes, walked once per process. Walking them sets a process-wide flag in Leptos that makes
/// every resource first polled meanwhile wait forever (leptos-rs/leptos#4773); a second router built while
/// another serves (the integration tests build dozens in one process) would hang that one's requests.
pub fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// Deletes expired sessions and mail jobs past their retention every hour, the first time five minutes after
/// start: not at once, where it would add its statements to a starting server's first requests (and to the
/// statement counts of the tests). Running on several servers at once is harmless: the deletes are
/// idempotent.
fn spawn_housekeeping(db: DatabaseConnection) {
    tokio::spawn(async move {
        let store = DbSessionStore::new(db.clone());
        let hour = std::time::Duration::from_secs(3600);
        let first = tokio::time::Instant::now() + std::time::Duration::from_secs(300);
        let mut every_hour = tokio::time::interval_at(first, hour);
        loop {
            every_hour.tick().await;
            match store.delete_expired().await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "deleted expired sessions"),
                Err(err) => tracing::warn!(error = %err, "could not delete expired sessions"),
            }
            match app::jobs::purge_finished_mail(&db, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "purged finished mail jobs"),
                Err(err) => tracing::warn!(error = %err, "could not purge finished mail jobs"),
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
