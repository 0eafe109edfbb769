//! Settings, read once from the environment at start-up.
//!
//! Every variable has a sane default so that a fresh clone runs with none set. A bad value stops start-up
//! with one line naming the variable ([`ConfigError`]), never a panic.

use crate::secrets::SecretKey;
use std::net::SocketAddr;
use std::path::PathBuf;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/spielraum.db?mode=rwc";
pub const DEFAULT_ADDR: &str = "127.0.0.1:3000";
pub const DEFAULT_SITE_DIR: &str = "target/site";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseKind {
    Sqlite,
    Postgres,
}

/// Everything the server needs to know about its environment.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `DATABASE_URL`: an SQLite file by default, PostgreSQL when it is a `postgres://` URL.
    pub database_url: String,
    /// `SPIELRAUM_ADDR`: where to listen.
    pub addr: SocketAddr,
    /// `SPIELRAUM_DEMO`: load the demo tenants into an empty database.
    pub demo: bool,
    /// `SPIELRAUM_SITE_DIR`: the built site (hydration bundle, stylesheet, icons).
    pub site_dir: PathBuf,
    /// `SPIELRAUM_LOG_FORMAT`: `text` for people, `json` for log collectors.
    pub log_format: LogFormat,
    /// `SPIELRAUM_SECRET_KEY`: the master secret; generated and kept in the database when not set.
    pub secret_key: Option<SecretKey>,
    /// `SPIELRAUM_SECURE_COOKIES`: mark cookies `Secure` (set it whenever users reach the app over https).
    pub secure_cookies: bool,
    /// `SPIELRAUM_BEHIND_PROXY`: a reverse proxy or load balancer in front appends the client's address to
    /// `X-Forwarded-For`; take it from there (only the last entry, the one our proxy wrote).
    pub behind_proxy: bool,
    /// `SPIELRAUM_PUBLIC_URL`: where people reach the app, for links in emails; `http://{addr}` by default.
    pub public_url: String,
    /// How email leaves: SMTP (`SPIELRAUM_SMTP_URL`) or `.eml` files in a directory (`SPIELRAUM_MAIL_OUTBOX`,
    /// default `data/outbox`).
    pub mail: MailSettings,
    /// `SPIELRAUM_MAIL_FROM`: the sender of all email.
    pub mail_from: String,
    /// Where uploaded files go: `SPIELRAUM_S3_BUCKET` (with the standard `AWS_*` variables) or a local
    /// directory, `SPIELRAUM_STORAGE_DIR` (default `data/files`).
    pub storage: StorageSettings,
    /// `SPIELRAUM_MAX_UPLOAD_MB`: the largest attachment accepted, in megabytes (default 10).
    pub max_upload_bytes: u64,
    /// `SPIELRAUM_JOB_INTERVAL_SECONDS`: how often this server looks for due background jobs (default 15).
    pub job_interval_seconds: u64,
    /// `SPIELRAUM_VIEW_CACHE_MB`: how much memory the city-wide views kept while their tenant's data stays the
    /// same may take (`app::derived`), in megabytes; 0 keeps none (default 16).
    pub view_cache_bytes: u64,
    /// `SPIELRAUM_DATABASE_POOL_SIZE`: how many database connections this server keeps at most.
    pub database_pool_size: u32,
    /// `SPIELRAUM_BENCH`: serve `GET /_bench/statements`, the number of SQL statements sent since start-up,
    /// for `scripts/bench`. Never in production: it tells anyone how busy the database is.
    pub bench: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageSettings {
    Local { dir: PathBuf },
    S3 { bucket: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailSettings {
    Smtp { url: String },
    Outbox { dir: PathBuf },
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let var = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());

        let database_url = var("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        database_kind(&database_url)?;

        let addr_text = var("SPIELRAUM_ADDR").unwrap_or_else(|| DEFAULT_ADDR.to_owned());
        let addr = addr_text.trim().parse::<SocketAddr>().map_err(|_| ConfigError {
            variable: "SPIELRAUM_ADDR",
            message: format!("{addr_text:?} is not an address with a port, such as 127.0.0.1:3000"),
        })?;

        let flag = |name: &'static str| match var(name) {
            None => Ok(false),
            Some(text) => parse_bool(&text).ok_or_else(|| ConfigError {
                variable: name,
                message: format!("{text:?} is not one of 1, 0, true, false, yes, no, on, off"),
            }),
        };
        let demo = flag("SPIELRAUM_DEMO")?;
        let secure_cookies = flag("SPIELRAUM_SECURE_COOKIES")?;
        let behind_proxy = flag("SPIELRAUM_BEHIND_PROXY")?;
        let bench = flag("SPIELRAUM_BENCH")?;

        let site_dir = PathBuf::from(var("SPIELRAUM_SITE_DIR").unwrap_or_else(|| DEFAULT_SITE_DIR.to_owned()));

        let log_format = match var("SPIELRAUM_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    variable: "SPIELRAUM_LOG_FORMAT",
                    message: format!("{other:?} is neither \"text\" nor \"json\""),
                });
            }
        };

        let secret_key = var("SPIELRAUM_SECRET_KEY")
            .map(|text| {
                SecretKey::from_base64(&text)
                    .map_err(|reason| ConfigError { variable: "SPIELRAUM_SECRET_KEY", message: reason })
            })
            .transpose()?;

        let public_url = var("SPIELRAUM_PUBLIC_URL").unwrap_or_else(|| format!("http://{addr}"));
        let public_url = public_url.trim().trim_end_matches('/').to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError {
                variable: "SPIELRAUM_PUBLIC_URL",
                message: format!("{public_url:?} must start with http:// or https://"),
            });
        }
        let mail = match var("SPIELRAUM_SMTP_URL") {
            Some(url) if url.starts_with("smtp://") || url.starts_with("smtps://") => MailSettings::Smtp { url },
            Some(_) => {
                return Err(ConfigError {
                    variable: "SPIELRAUM_SMTP_URL",
                    message: "must start with smtp:// or smtps:// (smtps://user:password@host:465)".into(),
                });
            }
            None => MailSettings::Outbox {
                dir: PathBuf::from(var("SPIELRAUM_MAIL_OUTBOX").unwrap_or_else(|| "data/outbox".to_owned())),
            },
        };
        let mail_from =
            var("SPIELRAUM_MAIL_FROM").unwrap_or_else(|| "Spielraum <noreply@spielraum.invalid>".to_owned());

        let storage = match var("SPIELRAUM_S3_BUCKET").filter(|b| !b.trim().is_empty()) {
            Some(bucket) => StorageSettings::S3 { bucket: bucket.trim().to_owned() },
            None => StorageSettings::Local {
                dir: PathBuf::from(var("SPIELRAUM_STORAGE_DIR").unwrap_or_else(|| "data/files".to_owned())),
            },
        };
        let max_upload_mb = positive(var("SPIELRAUM_MAX_UPLOAD_MB"), 10, 1024, "SPIELRAUM_MAX_UPLOAD_MB")?;
        let job_interval_seconds =
            positive(var("SPIELRAUM_JOB_INTERVAL_SECONDS"), 15, 3600, "SPIELRAUM_JOB_INTERVAL_SECONDS")?;
        let view_cache_mb = whole(var("SPIELRAUM_VIEW_CACHE_MB"), 16, 0, 1024, "SPIELRAUM_VIEW_CACHE_MB")?;
        let database_pool_size = positive(
            var("SPIELRAUM_DATABASE_POOL_SIZE"),
            u64::from(default_pool_size()),
            1000,
            "SPIELRAUM_DATABASE_POOL_SIZE",
        )?;

        Ok(Settings {
            storage,
            max_upload_bytes: max_upload_mb * 1024 * 1024,
            job_interval_seconds,
            view_cache_bytes: view_cache_mb * 1024 * 1024,
            database_url,
            database_pool_size: u32::try_from(database_pool_size).unwrap_or(u32::MAX),
            addr,
            demo,
            site_dir,
            log_format,
            secret_key,
            secure_cookies,
            behind_proxy,
            public_url,
            mail,
            mail_from,
            bench,
        })
    }

    pub fn database_kind(&self) -> DatabaseKind {
        // Validated in from_lookup; settings built by hand in tests are trusted.
        database_kind(&self.database_url).unwrap_or(DatabaseKind::Sqlite)
    }
}

fn database_kind(url: &str) -> Result<DatabaseKind, ConfigError> {
    if url.starts_with("sqlite:") {
        Ok(DatabaseKind::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(DatabaseKind::Postgres)
    } else {
        Err(ConfigError {
            variable: "DATABASE_URL",
            message: "must start with sqlite: or postgres:// (for example sqlite://data/spielraum.db?mode=rwc)".into(),
        })
    }
}

/// Twice the cores this server may use, at least 4. A connection is only as fast as the database's cores
/// that serve it: on two cores, PostgreSQL with 20 busy connections spent a third more CPU on each page than
/// with 4 (switching between its processes), and the bid editor at 64 browser connections answered a quarter
/// fewer requests. Requests beyond the pool wait for a connection in this server, where waiting is cheap.
pub fn default_pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    u32::try_from(cores.saturating_mul(2)).unwrap_or(u32::MAX).max(4)
}

/// A whole number between 1 and `max`, or `default` when the variable is not set.
fn positive(text: Option<String>, default: u64, max: u64, variable: &'static str) -> Result<u64, ConfigError> {
    whole(text, default, 1, max, variable)
}

/// A whole number between `min` and `max`, or `default` when the variable is not set.
fn whole(text: Option<String>, default: u64, min: u64, max: u64, variable: &'static str) -> Result<u64, ConfigError> {
    let Some(text) = text else { return Ok(default) };
    match text.trim().parse::<u64>() {
        Ok(value) if (min..=max).contains(&value) => Ok(value),
        _ => Err(ConfigError { variable, message: format!("{text:?} is not a whole number from {min} to {max}") }),
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let env: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|name| env.get(name).cloned())
    }

    #[test]
    fn an_empty_environment_gives_a_local_sqlite_setup() {
        let s = settings(&[]).expect("defaults");
        assert_eq!(s.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(s.addr.to_string(), DEFAULT_ADDR);
        assert!(!s.demo);
        assert_eq!(s.database_kind(), DatabaseKind::Sqlite);
        assert_eq!(s.log_format, LogFormat::Text);
        assert!(s.secret_key.is_none(), "generated on first start, not made up here");
    }

    #[test]
    fn kept_views_take_16_megabytes_unless_told() {
        assert_eq!(settings(&[]).expect("defaults").view_cache_bytes, 16 << 20);
        let none = settings(&[("SPIELRAUM_VIEW_CACHE_MB", "0")]).expect("none");
        assert_eq!(none.view_cache_bytes, 0);
    }

    #[test]
    fn a_postgres_url_selects_postgres() {
        let s = settings(&[("DATABASE_URL", "postgres://app@127.0.0.1/spielraum")]).expect("postgres");
        assert_eq!(s.database_kind(), DatabaseKind::Postgres);
    }

    #[test]
    fn bad_values_name_their_variable() {
        let cases = [
            ("SPIELRAUM_ADDR", "localhost"),
            ("SPIELRAUM_DEMO", "maybe"),
            ("DATABASE_URL", "mysql://x"),
            ("SPIELRAUM_LOG_FORMAT", "xml"),
            ("SPIELRAUM_SECRET_KEY", "c2hvcnQ="),
            ("SPIELRAUM_PUBLIC_URL", "spielraum.example.org"),
            ("SPIELRAUM_SMTP_URL", "mail.example.org"),
            ("SPIELRAUM_MAX_UPLOAD_MB", "0"),
            ("SPIELRAUM_VIEW_CACHE_MB", "-1"),
            ("SPIELRAUM_VIEW_CACHE_MB", "2048"),
            ("SPIELRAUM_MAX_UPLOAD_MB", "zehn"),
            ("SPIELRAUM_JOB_INTERVAL_SECONDS", "-1"),
            ("SPIELRAUM_DATABASE_POOL_SIZE", "0"),
            ("SPIELRAUM_DATABASE_POOL_SIZE", "viele"),
        ];
        for (variable, value) in cases {
            let err = settings(&[(variable, value)]).expect_err(variable);
            assert_eq!(err.variable, variable);
            assert!(err.to_string().starts_with(variable), "{err}");
            assert!(!err.to_string().contains('\n'));
        }
    }

    #[test]
    fn the_database_pool_follows_the_cores_unless_told() {
        let default = settings(&[]).expect("defaults").database_pool_size;
        assert_eq!(default, default_pool_size());
        assert!(default >= 4);
        let told = settings(&[("SPIELRAUM_DATABASE_POOL_SIZE", " 12 ")]).expect("12");
        assert_eq!(told.database_pool_size, 12);
    }

    #[test]
    fn demo_accepts_the_usual_spellings() {
        assert!(settings(&[("SPIELRAUM_DEMO", "yes")]).expect("yes").demo);
        assert!(!settings(&[("SPIELRAUM_DEMO", "0")]).expect("0").demo);
    }
}
