//! A version number per tenant that the database moves on every change of the tenant's data (issue 16).
//! The city-wide pages (the controlling dashboard, the committee report, the reports list) derive their
//! views from thousands of rows that change a few times a day; the app keeps such a view while the version it
//! was computed at is still the tenant's (`app::derived`). A trigger cannot be forgotten by any code path that
//! writes, and since every app server compares against the database, several of them stay correct.
//!
//! Every table holding a tenant's data counts, except those written on every sign-in or request that no kept
//! view reads (sessions, sign-in attempts, one-time links, API tokens' last use, notifications), the
//! append-only audit log (written only beside a change that already counts) and the ledger's sums (written
//! only by the ledger's own trigger). On SQLite each changed row moves the version (an update in place);
//! on PostgreSQL each transaction moves it once per tenant. Of the accounts, every column counts but the time of the last
//! sign-in, so that people signing in do not void a city's kept views (a new column of `users` belongs in
//! `USER_COLUMNS`). On PostgreSQL the version moves at commit (a deferred constraint
//! trigger), after the transaction's other locks, so that two writers of one tenant cannot deadlock on it.

use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TenantVersions {
    Table,
    TenantId,
    Version,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

/// The tables whose changes move their tenant's version (each has a `tenant_id` column).
const VERSIONED: &[&str] = &[
    "agenda_items",
    "attendances",
    "awards",
    "bids",
    "bid_attachments",
    "bid_versions",
    "budget_closings",
    "calls",
    "call_lots",
    "call_questions",
    "commissions",
    "commission_updates",
    "committee_reports",
    "conflict_declarations",
    "decisions",
    "districts",
    "district_contacts",
    "exchange_posts",
    "files",
    "ledger_entries",
    "meetings",
    "organisations",
    "post_coordinators",
    "programmes",
    "recommendations",
    "recusals",
    "reports",
    "report_comments",
    "report_versions",
    "role_grants",
    "scores",
];

/// The columns of `users` whose change moves the version: all but `last_sign_in_at`.
const USER_COLUMNS: &str =
    "tenant_id, email, display_name, password_hash, locale, status, created_at, updated_at, credential_generation";

const BUMP: &str = "UPDATE tenant_versions SET version = version + 1 WHERE tenant_id = ";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TenantVersions::Table)
                    .col(uuid(TenantVersions::TenantId).primary_key())
                    .col(big_integer(TenantVersions::Version))
                    .foreign_key(
                        ForeignKey::create()
                            .from(TenantVersions::Table, TenantVersions::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared("INSERT INTO tenant_versions (tenant_id, version) SELECT id, 1 FROM tenants").await?;
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE TRIGGER tenant_version_tenants_insert AFTER INSERT ON tenants BEGIN \
                     INSERT INTO tenant_versions (tenant_id, version) VALUES (NEW.id, 1); END",
                )
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER tenant_version_tenants_update AFTER UPDATE ON tenants BEGIN {BUMP} NEW.id; END"
                ))
                .await?;
                let events = |table: &str| {
                    let update = if table == "users" { format!("UPDATE OF {USER_COLUMNS}") } else { "UPDATE".into() };
                    [
                        ("insert", "INSERT".to_owned(), "NEW"),
                        ("update", update, "NEW"),
                        ("delete", "DELETE".into(), "OLD"),
                    ]
                };
                for table in VERSIONED.iter().chain(&["users"]) {
                    for (name, event, row) in events(table) {
                        db.execute_unprepared(&format!(
                            "CREATE TRIGGER tenant_version_{table}_{name} AFTER {event} ON {table} BEGIN \
                             {BUMP} {row}.tenant_id; END"
                        ))
                        .await?;
                    }
                }
            }
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION tenant_version_create() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                     INSERT INTO tenant_versions (tenant_id, version) VALUES (NEW.id, 1); RETURN NULL; END $$",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER tenant_version_tenants_insert AFTER INSERT ON tenants \
                     FOR EACH ROW EXECUTE FUNCTION tenant_version_create()",
                )
                .await?;
                // Once per tenant and transaction: a transaction that writes 50,000 rows (an import, the
                // benchmark's data) would otherwise update one row 50,000 times, and PostgreSQL follows the
                // row's growing chain of versions on each update. A transaction-local setting remembers it.
                db.execute_unprepared(&format!(
                    "CREATE FUNCTION tenant_version_move(tenant uuid) RETURNS void LANGUAGE plpgsql AS $$ \
                     DECLARE moved text := 'spielraum.version_moved_' || replace(tenant::text, '-', ''); BEGIN \
                     IF tenant IS NULL OR current_setting(moved, true) = '1' THEN RETURN; END IF; \
                     {BUMP} tenant; PERFORM set_config(moved, '1', true); END $$"
                ))
                .await?;
                db.execute_unprepared(
                    "CREATE FUNCTION tenant_version_of_tenant() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                     PERFORM tenant_version_move(NEW.id); RETURN NULL; END $$",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE CONSTRAINT TRIGGER tenant_version_tenants_update AFTER UPDATE ON tenants \
                     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_version_of_tenant()",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE FUNCTION tenant_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
                     IF TG_OP <> 'INSERT' THEN PERFORM tenant_version_move(OLD.tenant_id); END IF; \
                     IF TG_OP <> 'DELETE' THEN PERFORM tenant_version_move(NEW.tenant_id); END IF; \
                     RETURN NULL; END $$",
                )
                .await?;
                for table in VERSIONED.iter().chain(&["users"]) {
                    let update = if *table == "users" { format!("UPDATE OF {USER_COLUMNS}") } else { "UPDATE".into() };
                    db.execute_unprepared(&format!(
                        "CREATE CONSTRAINT TRIGGER tenant_version_{table} AFTER INSERT OR {update} OR DELETE \
                         ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tenant_version_bump()"
                    ))
                    .await?;
                }
            }
            DatabaseBackend::MySql => return Err(DbErr::Migration("MySQL is not supported".into())),
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for function in ["tenant_version_create()", "tenant_version_of_tenant()", "tenant_version_bump()"] {
                    db.execute_unprepared(&format!("DROP FUNCTION {function} CASCADE")).await?;
                }
                db.execute_unprepared("DROP FUNCTION tenant_version_move(uuid)").await?;
            }
            _ => {
                db.execute_unprepared("DROP TRIGGER tenant_version_tenants_insert").await?;
                db.execute_unprepared("DROP TRIGGER tenant_version_tenants_update").await?;
                for table in VERSIONED.iter().chain(&["users"]) {
                    for event in ["insert", "update", "delete"] {
                        db.execute_unprepared(&format!("DROP TRIGGER tenant_version_{table}_{event}")).await?;
                    }
                }
            }
        }
        manager.drop_table(Table::drop().table(TenantVersions::Table).to_owned()).await
    }
}
