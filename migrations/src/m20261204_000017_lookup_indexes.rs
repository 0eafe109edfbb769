//! Indexes for the lookups the large data set showed scanning a whole table (issue 16), measured in the
//! SQLite shell on the benchmark's database: a call's bids 6 → 0.4 ms, a bid's attachments 2 → 0.03 ms, a
//! call's decisions 3 → 0.3 ms, the steering group's grants 0.3 → 0.03 ms; the tenant's organisations by name
//! no longer sort. Two more serve the controlling dashboard's year: its reports by post and period start, and
//! its burn-down's sums per kind and day from the index alone (6 ms through the table for a city's year).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    TenantId,
    Name,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    TenantId,
    Role,
}

#[derive(DeriveIden)]
enum Bids {
    Table,
    CallId,
}

#[derive(DeriveIden)]
enum BidAttachments {
    Table,
    BidId,
}

#[derive(DeriveIden)]
enum Decisions {
    Table,
    CallId,
}

#[derive(DeriveIden)]
enum Recommendations {
    Table,
    CallId,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    AwardId,
    PeriodStart,
}

#[derive(DeriveIden)]
enum LedgerEntries {
    Table,
    TenantId,
    Year,
    Kind,
    BookedOn,
    AmountCents,
}

/// Each new index: its name, its table and its columns.
fn indexes() -> Vec<(&'static str, DynIden, Vec<DynIden>)> {
    vec![
        (
            "ix_organisations_tenant_name",
            Organisations::Table.into_iden(),
            vec![Organisations::TenantId.into_iden(), Organisations::Name.into_iden()],
        ),
        (
            "ix_role_grants_tenant_role",
            RoleGrants::Table.into_iden(),
            vec![RoleGrants::TenantId.into_iden(), RoleGrants::Role.into_iden()],
        ),
        ("ix_bids_call", Bids::Table.into_iden(), vec![Bids::CallId.into_iden()]),
        ("ix_bid_attachments_bid", BidAttachments::Table.into_iden(), vec![BidAttachments::BidId.into_iden()]),
        ("ix_decisions_call", Decisions::Table.into_iden(), vec![Decisions::CallId.into_iden()]),
        ("ix_recommendations_call", Recommendations::Table.into_iden(), vec![Recommendations::CallId.into_iden()]),
        (
            "ix_reports_award_start",
            Reports::Table.into_iden(),
            vec![Reports::AwardId.into_iden(), Reports::PeriodStart.into_iden()],
        ),
        (
            "ix_ledger_year_days",
            LedgerEntries::Table.into_iden(),
            vec![
                LedgerEntries::TenantId.into_iden(),
                LedgerEntries::Year.into_iden(),
                LedgerEntries::Kind.into_iden(),
                LedgerEntries::BookedOn.into_iden(),
                LedgerEntries::AmountCents.into_iden(),
            ],
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
