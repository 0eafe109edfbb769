//! Connecting to the database and migrating it.
//!
//! SQLite gets the settings a web server needs: WAL journal (readers do not block the writer), foreign keys
//! on, a busy timeout instead of immediate "database is locked" errors, a pool sized to the cores, and its
//! directory created on first start. PostgreSQL connections are pinged before use only after they sat idle.
//! Both pools hold at most `SPIELRAUM_DATABASE_POOL_SIZE` connections ([`crate::config::default_pool_size`]).

use crate::config::{DatabaseKind, Settings};
use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{DatabaseConnection, DbErr};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("cannot create the database directory {path}: {source}")]
    Directory { path: String, source: std::io::Error },
    #[error("cannot connect to the database: {0}")]
    Connect(DbErr),
    #[error("database migration failed: {0}")]
    Migrate(DbErr),
}

/// A pool of connections to the settings' database.
pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, DbSetupError> {
    connect_counting(settings, Arc::default()).await
}

/// [`connect`], counting in `taken` every time a connection is taken from the pool (see
/// [`StatementCount::connections`]).
pub async fn connect_counting(settings: &Settings, taken: Arc<AtomicU64>) -> Result<DatabaseConnection, DbSetupError> {
    let (url, size) = (settings.database_url.as_str(), settings.database_pool_size.max(1));
    match settings.database_kind() {
        DatabaseKind::Sqlite => connect_sqlite(url, size, taken).await,
        DatabaseKind::Postgres => connect_postgres(url, size, taken).await,
    }
}

fn connect_error(error: sea_orm::sqlx::Error) -> DbSetupError {
    DbSetupError::Connect(DbErr::Conn(sea_orm::RuntimeErr::SqlxError(error)))
}

async fn connect_sqlite(url: &str, size: u32, taken: Arc<AtomicU64>) -> Result<DatabaseConnection, DbSetupError> {
    use sea_orm::sqlx::ConnectOptions as _;
    use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
    create_sqlite_directory(url)?;
    let options = url
        .parse::<SqliteConnectOptions>()
        .map_err(connect_error)?
        .disable_statement_logging()
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        .create_if_missing(true)
        // Rows travel from the connection's thread to the request's task through a channel; at sqlx's 50
        // rows the thread waits for the task every 50 rows of a city-wide list (a sixth of the report
        // list's profile was those waits). SeaORM reads every row anyway, so a larger channel holds no
        // more than the result it collects.
        .row_buffer_size(4096);
    // Each SQLite connection is a thread of its own with its own page cache; more of them than twice the
    // cores only adds thread switches and memory (sqlx's default is 10).
    let pool = SqlitePoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(10))
        // An SQLite connection lives in this process and cannot go stale; pinging it before each use
        // (sqlx's default, meant for network databases) cost a round trip to its thread per statement.
        .test_before_acquire(false)
        .before_acquire(move |_, _| {
            taken.fetch_add(1, Ordering::Relaxed);
            Box::pin(async { Ok(true) })
        })
        .connect_with(options)
        .await
        .map_err(connect_error)?;
    Ok(sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// A pool of PostgreSQL connections that tests a connection only when it has been idle a while. sqlx's
/// default pings every connection before each use, and a statement outside a transaction takes its own
/// connection: on a page of five statements that was five more round trips to the database, and the bid
/// editor at 64 connections spent them (issue 16). A connection in steady use proves itself by its
/// statements; one idle long enough that the server or a proxy may have dropped it is pinged first, and
/// the pool replaces it when the ping fails. (sqlx also tests every connection given back, which no option
/// turns off: a page's reads share one connection, `app::store::reading`.)
async fn connect_postgres(url: &str, size: u32, taken: Arc<AtomicU64>) -> Result<DatabaseConnection, DbSetupError> {
    use sea_orm::sqlx::postgres::{PgConnectOptions, PgPoolOptions};
    use sea_orm::sqlx::{ConnectOptions as _, Connection as _};
    const TRUSTED_WHILE_IDLE: Duration = Duration::from_secs(10);

    let options = url.parse::<PgConnectOptions>().map_err(connect_error)?.disable_statement_logging();
    let pool = PgPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(10))
        .test_before_acquire(false)
        .before_acquire(move |connection, meta| {
            taken.fetch_add(1, Ordering::Relaxed);
            Box::pin(async move {
                if meta.idle_for >= TRUSTED_WHILE_IDLE {
                    connection.ping().await?;
                }
                Ok(true)
            })
        })
        .connect_with(options)
        .await
        .map_err(connect_error)?;
    Ok(sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(pool))
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbSetupError> {
    Migrator::up(db, None).await.map_err(DbSetupError::Migrate)
}

/// `sqlite://data/spielraum.db?mode=rwc` → creates `data/`.
fn create_sqlite_directory(url: &str) -> Result<(), DbSetupError> {
    let path = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    match Path::new(path).parent() {
        Some(parent) if !parent.as_os_str().is_empty() => std::fs::create_dir_all(parent)
            .map_err(|source| DbSetupError::Directory { path: parent.display().to_string(), source }),
        _ => Ok(()),
    }
}

/// How many SQL statements a server has sent, counted by SeaORM's metric callback on its connection (the pool
/// and every transaction taken from it). The statement-count test (`tests/api/statements.rs`) reads it around
/// each request to hold every key page to a fixed number of statements, whatever the data (issue 16); asked
/// to [`record`](StatementCount::record), it also keeps the statements, so the test can ask the database's
/// planner about each one.
#[derive(Debug, Clone, Default)]
pub struct StatementCount {
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
    connections: Arc<AtomicU64>,
    recording: std::sync::Arc<std::sync::atomic::AtomicBool>,
    recorded: std::sync::Arc<std::sync::Mutex<Vec<sea_orm::Statement>>>,
}

impl StatementCount {
    /// Counts from now on every statement sent through `db` and its later clones.
    /// `connections` is what [`connect_counting`] counts in.
    pub fn attach(db: &mut DatabaseConnection, connections: Arc<AtomicU64>) -> StatementCount {
        let count = StatementCount { connections, ..StatementCount::default() };
        let counter = count.clone();
        db.set_metric_callback(move |info| {
            counter.count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if counter.recording.load(std::sync::atomic::Ordering::Relaxed) {
                counter.recorded.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(info.statement.clone());
            }
            // `RUST_LOG=spielraum::sql=debug` shows every statement with its time, for finding slow ones.
            tracing::debug!(
                target: "spielraum::sql",
                micros = u64::try_from(info.elapsed.as_micros()).unwrap_or(u64::MAX),
                sql = %info.statement.sql,
                "statement"
            );
        });
        count
    }

    /// Keeps every statement sent from now on, until [`take`](StatementCount::take). Off unless a test asks.
    pub fn record(&self) {
        self.recording.store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// The statements kept since [`record`](StatementCount::record); keeps none from now on.
    pub fn take(&self) -> Vec<sea_orm::Statement> {
        self.recording.store(false, std::sync::atomic::Ordering::Relaxed);
        std::mem::take(&mut *self.recorded.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    pub fn get(&self) -> u64 {
        self.count.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many times a connection has been taken from the pool (an idle one; new connections are not
    /// counted). Each one given back costs a round trip to the database, so a request's reads should share
    /// one (`app::store::reading`).
    pub fn connections(&self) -> u64 {
        self.connections.load(Ordering::Relaxed)
    }
}
