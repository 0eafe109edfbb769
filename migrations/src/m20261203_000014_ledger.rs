//! Controlling (issue 14; SPEC §3C, seed §8, §9): the programmes a tenant funds, the append-only ledger of
//! its money, the closings of budget years, and the steering group's text for the yearly committee report.
//!
//! A programme is named by a short code within its tenant (`praevention`), so existing tenants get theirs
//! here with plain SQL, the same on SQLite and PostgreSQL. Ledger amounts are signed integer cents: a
//! correction is a new row with the negated amount of the row it reverses (`reverses`, unique, so no row is
//! reversed twice). Like the audit log, the ledger refuses UPDATE and DELETE in the database itself.

use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Programmes {
    Table,
    TenantId,
    Code,
    Name,
    Reference,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LedgerEntries {
    Table,
    Id,
    TenantId,
    Programme,
    Module,
    Year,
    Kind,
    AmountCents,
    Reverses,
    AwardId,
    BookedOn,
    Reference,
    Note,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BudgetClosings {
    Table,
    TenantId,
    Year,
    ClosedBy,
    ClosedAt,
}

#[derive(DeriveIden)]
enum CommitteeReports {
    Table,
    TenantId,
    Year,
    Narrative,
    Measures,
    UpdatedBy,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Programmes::Table)
                    .col(uuid(Programmes::TenantId))
                    .col(string_len(Programmes::Code, 32))
                    .col(string_len(Programmes::Name, 200))
                    // The council's decision that set the programme up, e.g. "A0446/18".
                    .col(string_len(Programmes::Reference, 64).default(""))
                    .col(timestamp_with_time_zone(Programmes::CreatedAt))
                    .primary_key(Index::create().col(Programmes::TenantId).col(Programmes::Code))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO programmes (tenant_id, code, name, reference, created_at) \
             SELECT id, 'praevention', 'Präventionsprogramm', '', created_at FROM tenants",
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerEntries::Table)
                    .col(uuid(LedgerEntries::Id).primary_key())
                    .col(uuid(LedgerEntries::TenantId))
                    .col(string_len(LedgerEntries::Programme, 32))
                    // `steering` or `practice` (`model::call::Module`).
                    .col(string_len(LedgerEntries::Module, 16))
                    // The budget year the money belongs to.
                    .col(integer(LedgerEntries::Year))
                    // `appropriation`, `commitment`, `disbursement`, `carry_in` or `carry_out`; a correction
                    // has the kind of the row it reverses.
                    .col(string_len(LedgerEntries::Kind, 16))
                    .col(big_integer(LedgerEntries::AmountCents))
                    .col(uuid_null(LedgerEntries::Reverses).unique_key())
                    // The post or steering contract a commitment or payment is for.
                    .col(uuid_null(LedgerEntries::AwardId))
                    .col(date(LedgerEntries::BookedOn))
                    // The decision (appropriations, commitments) or the payment's reference.
                    .col(string_len(LedgerEntries::Reference, 128).default(""))
                    .col(text(LedgerEntries::Note).default(""))
                    // NULL for rows the system writes (the closing of a year).
                    .col(uuid_null(LedgerEntries::CreatedBy))
                    .col(timestamp_with_time_zone(LedgerEntries::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_ledger_tenant_year")
                    .table(LedgerEntries::Table)
                    .col(LedgerEntries::TenantId)
                    .col(LedgerEntries::Year)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_ledger_award")
                    .table(LedgerEntries::Table)
                    .col(LedgerEntries::AwardId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BudgetClosings::Table)
                    .col(uuid(BudgetClosings::TenantId))
                    .col(integer(BudgetClosings::Year))
                    .col(uuid(BudgetClosings::ClosedBy))
                    .col(timestamp_with_time_zone(BudgetClosings::ClosedAt))
                    .primary_key(Index::create().col(BudgetClosings::TenantId).col(BudgetClosings::Year))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommitteeReports::Table)
                    .col(uuid(CommitteeReports::TenantId))
                    .col(integer(CommitteeReports::Year))
                    .col(text(CommitteeReports::Narrative).default(""))
                    .col(text(CommitteeReports::Measures).default(""))
                    .col(uuid(CommitteeReports::UpdatedBy))
                    .col(timestamp_with_time_zone(CommitteeReports::UpdatedAt))
                    .primary_key(Index::create().col(CommitteeReports::TenantId).col(CommitteeReports::Year))
                    .to_owned(),
            )
            .await?;
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                for (name, event) in [("ledger_no_update", "UPDATE"), ("ledger_no_delete", "DELETE")] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name} BEFORE {event} ON ledger_entries \
                         BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END"
                    ))
                    .await?;
                }
            }
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN RAISE EXCEPTION 'the ledger is append-only'; END $$",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger_entries \
                     FOR EACH ROW EXECUTE FUNCTION ledger_append_only()",
                )
                .await?;
            }
            DatabaseBackend::MySql => return Err(DbErr::Migration("MySQL is not supported".into())),
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager.get_connection().execute_unprepared("DROP FUNCTION ledger_append_only() CASCADE").await?;
        }
        manager.drop_table(Table::drop().table(CommitteeReports::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(BudgetClosings::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LedgerEntries::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Programmes::Table).to_owned()).await
    }
}
