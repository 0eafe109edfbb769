//! The ledger's sums, kept by the database as rows are booked (issue 16). The controlling dashboard and the
//! committee report add up a line's money per kind and an award's payments per year; on the benchmark's
//! city (57,686 entries) each sum read the whole ledger through its index, 25–30 ms a request on SQLite.
//! `ledger_sums` holds one row per line, kind and award (the nil UUID for money of no award), which a
//! trigger on every new entry adds to. The ledger is append-only (migration 14), so an insert is the only
//! change the sums must follow, and a trigger cannot be forgotten by any code path that books. Existing
//! ledgers are summed up here once.

use sea_orm_migration::sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LedgerSums {
    Table,
    TenantId,
    Programme,
    Module,
    Year,
    Kind,
    AwardId,
    AmountCents,
}

const COLUMNS: &str = "tenant_id, programme, module, year, kind, award_id, amount_cents";
const KEY: &str = "tenant_id, programme, module, year, kind, award_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LedgerSums::Table)
                    .col(uuid(LedgerSums::TenantId))
                    .col(string_len(LedgerSums::Programme, 32))
                    .col(string_len(LedgerSums::Module, 16))
                    .col(integer(LedgerSums::Year))
                    .col(string_len(LedgerSums::Kind, 16))
                    // The award the money is for; the nil UUID for money of no award (a key cannot hold NULL).
                    .col(uuid(LedgerSums::AwardId))
                    .col(big_integer(LedgerSums::AmountCents))
                    .primary_key(
                        Index::create()
                            .col(LedgerSums::TenantId)
                            .col(LedgerSums::Programme)
                            .col(LedgerSums::Module)
                            .col(LedgerSums::Year)
                            .col(LedgerSums::Kind)
                            .col(LedgerSums::AwardId),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let no_award = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => "X'00000000000000000000000000000000'",
            DatabaseBackend::Postgres => "'00000000-0000-0000-0000-000000000000'::uuid",
            DatabaseBackend::MySql => return Err(DbErr::Migration("MySQL is not supported".into())),
        };
        db.execute_unprepared(&format!(
            "INSERT INTO ledger_sums ({COLUMNS}) \
             SELECT tenant_id, programme, module, year, kind, COALESCE(award_id, {no_award}), SUM(amount_cents) \
             FROM ledger_entries GROUP BY tenant_id, programme, module, year, kind, COALESCE(award_id, {no_award})"
        ))
        .await?;
        let add = format!(
            "INSERT INTO ledger_sums ({COLUMNS}) VALUES (NEW.tenant_id, NEW.programme, NEW.module, NEW.year, \
             NEW.kind, COALESCE(NEW.award_id, {no_award}), NEW.amount_cents) \
             ON CONFLICT ({KEY}) DO UPDATE SET amount_cents = ledger_sums.amount_cents + excluded.amount_cents;"
        );
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER ledger_sums_add AFTER INSERT ON ledger_entries BEGIN {add} END"
                ))
                .await?;
            }
            _ => {
                db.execute_unprepared(&format!(
                    "CREATE FUNCTION ledger_sums_add() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN {add} RETURN NEW; END $$"
                ))
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER ledger_sums_add AFTER INSERT ON ledger_entries \
                     FOR EACH ROW EXECUTE FUNCTION ledger_sums_add()",
                )
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => db.execute_unprepared("DROP FUNCTION ledger_sums_add() CASCADE").await?,
            _ => db.execute_unprepared("DROP TRIGGER ledger_sums_add").await?,
        };
        manager.drop_table(Table::drop().table(LedgerSums::Table).to_owned()).await
    }
}
