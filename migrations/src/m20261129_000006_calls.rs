//! Calls for expressions of interest, their lots and their questions. A call's phase is not stored: it
//! follows from `published_at`, `opens_at` and `closes_at` and the clock (model::call::Schedule).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Districts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
    TenantId,
    Module,
    Title,
    Description,
    OpensAt,
    ClosesAt,
    DecisionDate,
    PublishedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CallLots {
    Table,
    Id,
    TenantId,
    CallId,
    DistrictId,
    Title,
    Position,
}

#[derive(DeriveIden)]
enum CallQuestions {
    Table,
    Id,
    TenantId,
    CallId,
    Position,
    Kind,
    Label,
    Help,
    Required,
    MaxChars,
    Options,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Calls::Table)
                    .col(uuid(Calls::Id).primary_key())
                    .col(uuid(Calls::TenantId))
                    // 'steering' or 'practice' (model::call::Module).
                    .col(string_len(Calls::Module, 16))
                    .col(string_len(Calls::Title, 200))
                    .col(text(Calls::Description))
                    .col(timestamp_with_time_zone(Calls::OpensAt))
                    .col(timestamp_with_time_zone(Calls::ClosesAt))
                    .col(date(Calls::DecisionDate))
                    // NULL while the call is a draft.
                    .col(timestamp_with_time_zone_null(Calls::PublishedAt))
                    .col(timestamp_with_time_zone(Calls::CreatedAt))
                    .col(timestamp_with_time_zone(Calls::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Calls::Table, Calls::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CallLots::Table)
                    .col(uuid(CallLots::Id).primary_key())
                    .col(uuid(CallLots::TenantId))
                    .col(uuid(CallLots::CallId))
                    // The district of a practice lot; NULL for the steering lot.
                    .col(uuid_null(CallLots::DistrictId))
                    .col(string_len(CallLots::Title, 200))
                    .col(integer(CallLots::Position))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CallLots::Table, CallLots::CallId)
                            .to(Calls::Table, Calls::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CallLots::Table, CallLots::DistrictId)
                            .to(Districts::Table, Districts::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CallQuestions::Table)
                    .col(uuid(CallQuestions::Id).primary_key())
                    .col(uuid(CallQuestions::TenantId))
                    .col(uuid(CallQuestions::CallId))
                    .col(integer(CallQuestions::Position))
                    // model::call::QuestionKind as text.
                    .col(string_len(CallQuestions::Kind, 32))
                    .col(text(CallQuestions::Label))
                    .col(text(CallQuestions::Help))
                    .col(boolean(CallQuestions::Required))
                    // Long text only.
                    .col(integer_null(CallQuestions::MaxChars))
                    // Single choice only: a JSON array of strings.
                    .col(text_null(CallQuestions::Options))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CallQuestions::Table, CallQuestions::CallId)
                            .to(Calls::Table, Calls::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CallQuestions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(CallLots::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Calls::Table).to_owned()).await
    }
}
