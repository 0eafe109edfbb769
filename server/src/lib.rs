//! The Spielraum server: one axum process that renders pages (Leptos SSR), serves the hydration bundle and
//! static files, answers server functions and the REST API, and runs the command line.
//!
//! A guided tour: [`config`] reads the environment once; [`startup`] connects the database, runs migrations,
//! loads demo data and builds the router; [`http`] holds the layers every response passes (request id and
//! logs, security headers, language); [`uploads`] receives and serves bid attachments; [`worker`] runs the
//! job queue; [`api`] is the REST API with its OpenAPI document; [`cli`] is `main`.
//!
//! Pages and their data access live in the `app` crate; this crate must not grow page logic.

pub mod api;
pub mod authz;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod export;
pub mod health;
pub mod http;
pub mod secrets;
pub mod sessions;
pub mod startup;
pub mod telemetry;
pub mod tokens;
pub mod uploads;
pub mod worker;
