//! The database schema of Spielraum, as ordered migrations.
//!
//! Migrations run at server start and by `server migrate`. Each one is written once and never edited after it
//! has landed; a change to the schema is a new migration. They use only what SQLite and PostgreSQL both support:
//! ids are UUIDs, times are UTC timestamps, money is integer cents (never a float column).

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_tenants_and_districts;
mod m20261129_000002_instance_secrets;
mod m20261129_000003_accounts;
mod m20261129_000004_audit_log_append_only;
mod m20261129_000005_district_contacts;
mod m20261129_000006_calls;
mod m20261129_000007_bids;
mod m20261202_000008_credential_generation;
mod m20261202_000009_secrets_at_rest;
mod m20261203_000010_evaluation;
mod m20261203_000011_awards;
mod m20261203_000012_reports;
mod m20261203_000013_exchange_and_files;
mod m20261203_000014_ledger;
mod m20261203_000015_steering;
mod m20261204_000016_query_indexes;
mod m20261204_000017_lookup_indexes;
mod m20261204_000018_ledger_sums;
mod m20261204_000019_report_list_index;
mod m20261204_000020_call_and_bid_indexes;
mod m20261204_000021_report_version_figures;
mod m20261204_000022_report_list_pages;
mod m20261204_000023_tenant_versions;
mod m20261204_000024_ledger_reversals;
mod m20261204_000025_sorted_by_index;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_tenants_and_districts::Migration),
            Box::new(m20261129_000002_instance_secrets::Migration),
            Box::new(m20261129_000003_accounts::Migration),
            Box::new(m20261129_000004_audit_log_append_only::Migration),
            Box::new(m20261129_000005_district_contacts::Migration),
            Box::new(m20261129_000006_calls::Migration),
            Box::new(m20261129_000007_bids::Migration),
            Box::new(m20261202_000008_credential_generation::Migration),
            Box::new(m20261202_000009_secrets_at_rest::Migration),
            Box::new(m20261203_000010_evaluation::Migration),
            Box::new(m20261203_000011_awards::Migration),
            Box::new(m20261203_000012_reports::Migration),
            Box::new(m20261203_000013_exchange_and_files::Migration),
            Box::new(m20261203_000014_ledger::Migration),
            Box::new(m20261203_000015_steering::Migration),
            Box::new(m20261204_000016_query_indexes::Migration),
            Box::new(m20261204_000017_lookup_indexes::Migration),
            Box::new(m20261204_000018_ledger_sums::Migration),
            Box::new(m20261204_000019_report_list_index::Migration),
            Box::new(m20261204_000020_call_and_bid_indexes::Migration),
            Box::new(m20261204_000021_report_version_figures::Migration),
            Box::new(m20261204_000022_report_list_pages::Migration),
            Box::new(m20261204_000023_tenant_versions::Migration),
            Box::new(m20261204_000024_ledger_reversals::Migration),
            Box::new(m20261204_000025_sorted_by_index::Migration),
        ]
    }
}
