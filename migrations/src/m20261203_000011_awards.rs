//! From the steering group's recommendation to the funded objects (SPEC §3B, §7; issue 12): a recommendation
//! per lot, the youth welfare committee's decision per bid, and what an award creates — a coordination post
//! (practice lots) or the steering contract (the steering lot). Funding per budget year is JSON
//! (`{"2019": "32500.00"}`), read and written whole with its object. The quorum of final score sheets a
//! recommendation needs is a tenant setting (default 4: a majority of the seven seats).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    EvaluationQuorum,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Bids {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Recommendations {
    Table,
    Id,
    TenantId,
    CallId,
    LotId,
    BidId,
    Amounts,
    Fte,
    Reasoning,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Decisions {
    Table,
    Id,
    TenantId,
    CallId,
    LotId,
    BidId,
    SessionDate,
    ResolutionNumber,
    Awarded,
    Amounts,
    Conditions,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Awards {
    Table,
    Id,
    TenantId,
    DecisionId,
    BidId,
    Kind,
    OrganisationId,
    DistrictId,
    Fte,
    StartsOn,
    EndsOn,
    Funding,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .add_column(integer(Tenants::EvaluationQuorum).default(4))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Recommendations::Table)
                    .col(uuid(Recommendations::Id).primary_key())
                    .col(uuid(Recommendations::TenantId))
                    .col(uuid(Recommendations::CallId))
                    .col(uuid(Recommendations::LotId).unique_key())
                    // The proposed bid; NULL when the group proposes no award for the lot.
                    .col(uuid_null(Recommendations::BidId))
                    .col(text(Recommendations::Amounts))
                    .col(string_len(Recommendations::Fte, 16))
                    .col(text(Recommendations::Reasoning))
                    .col(uuid(Recommendations::RecordedBy))
                    .col(timestamp_with_time_zone(Recommendations::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Recommendations::Table, Recommendations::CallId)
                            .to(Calls::Table, Calls::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Decisions::Table)
                    .col(uuid(Decisions::Id).primary_key())
                    .col(uuid(Decisions::TenantId))
                    .col(uuid(Decisions::CallId))
                    .col(uuid(Decisions::LotId))
                    .col(uuid(Decisions::BidId).unique_key())
                    .col(date(Decisions::SessionDate))
                    .col(string_len(Decisions::ResolutionNumber, 64))
                    .col(boolean(Decisions::Awarded))
                    .col(text(Decisions::Amounts))
                    .col(text(Decisions::Conditions))
                    .col(uuid(Decisions::RecordedBy))
                    .col(timestamp_with_time_zone(Decisions::RecordedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Decisions::Table, Decisions::BidId)
                            .to(Bids::Table, Bids::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Awards::Table)
                    .col(uuid(Awards::Id).primary_key())
                    .col(uuid(Awards::TenantId))
                    .col(uuid(Awards::DecisionId).unique_key())
                    .col(uuid(Awards::BidId))
                    // 'post' (a coordination post) or 'steering' (the steering contract).
                    .col(string_len(Awards::Kind, 16))
                    .col(uuid(Awards::OrganisationId))
                    // The post's district; NULL for the steering contract.
                    .col(uuid_null(Awards::DistrictId))
                    .col(string_len(Awards::Fte, 16))
                    .col(date(Awards::StartsOn))
                    .col(date_null(Awards::EndsOn))
                    .col(text(Awards::Funding))
                    .col(timestamp_with_time_zone(Awards::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Awards::Table, Awards::DecisionId)
                            .to(Decisions::Table, Decisions::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_awards_tenant").table(Awards::Table).col(Awards::TenantId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Awards::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Decisions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Recommendations::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Tenants::Table).drop_column(Tenants::EvaluationQuorum).to_owned())
            .await
    }
}
