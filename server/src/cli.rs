//! The command line: `server serve` (the default), `server migrate`, `server healthcheck`, `server tenant
//! create` and `server ledger check`.
//!
//! Failures end with one line on stderr and a non-zero exit code: 2 for bad configuration, 1 for everything
//! else. No backtraces for things a person can fix.

use crate::config::{ConfigError, Settings};
use crate::startup::Application;
use crate::{db, telemetry};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(name = "server", version, about = "Spielraum: programme management for youth-welfare prevention")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web server (the default). Migrates the database first.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Ask the server at SPIELRAUM_ADDR whether it is up (`GET /healthz`); exit 0 if so. For container
    /// health checks, which have no curl.
    Healthcheck,
    /// Manage tenants (platform operators only).
    #[command(subcommand)]
    Tenant(TenantCommand),
    /// The programmes' money.
    #[command(subcommand)]
    Ledger(LedgerCommand),
    /// Fill an empty database with the benchmark's large data set (600 tenants; one city with ten years of
    /// history) and write the pages `scripts/bench` measures to FILE, one `name<TAB>account<TAB>path` per
    /// line (account empty for a visitor). Takes some minutes.
    BenchData {
        #[arg(long, value_name = "FILE")]
        pages: std::path::PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum LedgerCommand {
    /// Check every tenant's ledger: lines not overdrawn, closed years carried exactly into the next,
    /// corrections that reverse one row, nothing written into a closed year. Exit 0 when everything adds up,
    /// else 1 with one line per discrepancy.
    Check,
}

#[derive(Debug, Subcommand)]
enum TenantCommand {
    /// Create a tenant and its first administrator; prints a one-time link to set the password.
    Create {
        /// URL name: lowercase letters, digits and hyphens, e.g. `leipzig`.
        #[arg(long)]
        slug: String,
        /// Display name, e.g. "Stadt Leipzig".
        #[arg(long)]
        name: String,
        #[arg(long)]
        admin_email: String,
        #[arg(long)]
        admin_name: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(ConfigError { variable, message }) => {
            eprintln!("error: configuration: {variable}: {message}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(&settings).await,
            Command::Migrate => migrate(&settings).await,
            Command::Healthcheck => healthcheck(&settings).await,
            Command::Ledger(LedgerCommand::Check) => check_ledger(&settings).await,
            Command::BenchData { pages } => bench_data(&settings, &pages).await,
            Command::Tenant(TenantCommand::Create { slug, name, admin_email, admin_name }) => {
                create_tenant(&settings, &slug, &name, &admin_email, &admin_name).await
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: &Settings) -> Result<(), String> {
    let app = Application::build(settings).await.map_err(|e| e.to_string())?;
    tracing::info!(url = %format!("http://{}/", app.addr()), "Spielraum is listening");
    if settings.demo {
        print_demo_logins(&format!("http://{}", app.addr()));
    }
    app.run_until_stopped().await.map_err(|e| format!("server stopped: {e}"))
}

async fn bench_data(settings: &Settings, pages: &std::path::Path) -> Result<(), String> {
    let db = db::connect(settings).await.map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let key_pages = crate::demo::large::generate(&db, crate::demo::large::Scale::FULL, chrono::Utc::now())
        .await
        .map_err(|e| e.to_string())?;
    let lines: String =
        key_pages.iter().map(|p| format!("{}\t{}\t{}\n", p.name, p.account.as_deref().unwrap_or(""), p.path)).collect();
    std::fs::write(pages, lines).map_err(|e| format!("cannot write {}: {e}", pages.display()))?;
    println!("Large data set written in {:.0} s; pages in {}", started.elapsed().as_secs_f64(), pages.display());
    Ok(())
}

fn print_demo_logins(base: &str) {
    let mut text = format!("\nDemo logins (password: {}):\n", crate::demo::DEMO_PASSWORD);
    let mut current = String::new();
    for (tenant, email, name) in crate::demo::demo_logins() {
        if tenant != current {
            text.push_str(&format!("  {base}/{tenant}/sign-in\n"));
            current = tenant;
        }
        text.push_str(&format!("    {email:<28} {name}\n"));
    }
    println!("{text}");
}

async fn healthcheck(settings: &Settings) -> Result<(), String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut addr = settings.addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    let check = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await?;
        stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await?;
        Ok::<_, std::io::Error>(response)
    };
    let response = tokio::time::timeout(std::time::Duration::from_secs(5), check)
        .await
        .map_err(|_| format!("no answer from {addr} within 5 seconds"))?
        .map_err(|e| format!("cannot reach {addr}: {e}"))?;
    if response.starts_with(b"HTTP/1.1 200") { Ok(()) } else { Err(format!("{addr} is not healthy")) }
}

async fn create_tenant(
    settings: &Settings,
    slug: &str,
    name: &str,
    admin_email: &str,
    admin_name: &str,
) -> Result<(), String> {
    use app::audit::{self, Change};
    use app::{AppError, InvalidReason};
    use sea_orm::TransactionTrait;

    let slug = model::TenantSlug::parse(slug.trim()).map_err(|e| format!("--slug: {e}"))?;
    let email = model::Email::parse(admin_email).map_err(|e| format!("--admin-email: {e}"))?;
    let admin_name =
        app::store::users::check_name(admin_name).map_err(|_| "--admin-name: a name is needed".to_owned())?;
    let db = db::connect(settings).await.map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    let now = chrono::Utc::now();
    let describe = |err: AppError| match err {
        AppError::Invalid { field, reason: InvalidReason::Taken } if field == "slug" => {
            format!("--slug: a tenant named {slug} exists already")
        }
        AppError::Invalid { field, .. } if field == "name" => "--name: 1 to 200 characters".to_owned(),
        other => other.to_string(),
    };
    let txn = db.begin().await.map_err(|e| e.to_string())?;
    let tenant = app::store::tenants::create(&txn, &slug, name, now).await.map_err(describe)?;
    let admin = app::store::users::create_invited(&txn, &tenant, &email, &admin_name, &[model::Role::Admin], now)
        .await
        .map_err(describe)?;
    // Printed for the operator, never stored: the database keeps only the link's hash.
    let purpose = app::auth::one_time::Purpose::Invitation;
    let token =
        app::auth::one_time::issue(&txn, tenant.id(), admin.id, purpose, now).await.map_err(|e| e.to_string())?;
    let change = Change {
        tenant_id: Some(tenant.id()),
        action: "tenant.created",
        object_type: "tenant",
        object_id: Some(tenant.id().to_string()),
        before: None,
        after: Some(serde_json::json!({"slug": slug.as_str(), "name": name.trim(), "admin": admin.id})),
    };
    audit::write(&txn, None, None, None, change).await.map_err(|e| e.to_string())?;
    txn.commit().await.map_err(|e| e.to_string())?;
    let days = app::auth::one_time::Purpose::Invitation.lifetime().num_days();
    println!("Created tenant {slug} ({}).", name.trim());
    println!("The administrator {email} sets a password here (valid {days} days, single use):");
    println!("{}/{slug}/set-password?token={token}", settings.public_url);
    Ok(())
}

async fn check_ledger(settings: &Settings) -> Result<(), String> {
    let db = db::connect(settings).await.map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    let found = app::controlling::ops::check_all(&db).await.map_err(|e| e.to_string())?;
    if found.is_empty() {
        println!("The ledger adds up.");
        return Ok(());
    }
    for line in &found {
        println!("{line}");
    }
    Err(format!("{} discrepancies in the ledger", found.len()))
}

async fn migrate(settings: &Settings) -> Result<(), String> {
    let conn = db::connect(settings).await.map_err(|e| e.to_string())?;
    db::migrate(&conn).await.map_err(|e| e.to_string())?;
    tracing::info!("migrations applied");
    Ok(())
}
