//! Indexes for lookups that still scanned a whole table on the large data set (issue 16). Found by asking
//! SQLite's planner about every statement the key pages send; measured in Python's sqlite3 on the benchmark's
//! database (3,315 lots, 1,230 questions, 615 calls, 5,201 bids): a call's lots in order 0.088 → 0.004 ms and
//! counted 0.085 → 0.002 ms (several times on every call page, the bid list and the ranking); a call's
//! questions 0.040 → 0.003 ms; a tenant's calls by deadline 0.052 → 0.028 ms; an organisation's bids, newest
//! first (the carrier's home and `GET /bids`), 0.84 → 0.04 ms, which had read every bid with its draft.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CallLots {
    Table,
    CallId,
    Position,
}

#[derive(DeriveIden)]
enum CallQuestions {
    Table,
    CallId,
    Position,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    TenantId,
    ClosesAt,
}

#[derive(DeriveIden)]
enum Bids {
    Table,
    OrganisationId,
    CreatedAt,
}

/// Each new index: its name, its table and its columns.
fn indexes() -> Vec<(&'static str, DynIden, Vec<DynIden>)> {
    vec![
        (
            "ix_call_lots_call",
            CallLots::Table.into_iden(),
            vec![CallLots::CallId.into_iden(), CallLots::Position.into_iden()],
        ),
        (
            "ix_call_questions_call",
            CallQuestions::Table.into_iden(),
            vec![CallQuestions::CallId.into_iden(), CallQuestions::Position.into_iden()],
        ),
        (
            "ix_calls_tenant_closes",
            Calls::Table.into_iden(),
            vec![Calls::TenantId.into_iden(), Calls::ClosesAt.into_iden()],
        ),
        (
            "ix_bids_organisation",
            Bids::Table.into_iden(),
            vec![Bids::OrganisationId.into_iden(), Bids::CreatedAt.into_iden()],
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in indexes() {
            let mut index = Index::create();
            index.name(name).table(table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in indexes() {
            manager.drop_index(Index::drop().name(name).table(table).to_owned()).await?;
        }
        Ok(())
    }
}
