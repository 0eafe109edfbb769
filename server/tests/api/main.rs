//! Integration tests: each test starts the real server on a free port against a fresh database (SQLite by
//! default, PostgreSQL when `SPIELRAUM_TEST_DATABASE_URL` names a server) and talks HTTP to it.

mod admin;
mod auth;
mod bench_data;
mod bids;
mod bids_api;
mod calls;
mod cli;
mod derived;
mod evaluation;
mod exchange;
mod fixtures;
mod health;
mod ledger;
mod onboarding;
mod organisations;
mod pages;
mod reports;
mod rest;
mod routes;
mod secrets;
mod statements;
mod static_files;
mod steering;
mod support;
