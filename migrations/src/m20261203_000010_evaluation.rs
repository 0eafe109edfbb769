//! The steering group's evaluation of a closed call (SPEC §3B, issue 12): the call's rubric, each member's
//! declarations of conflicts of interest, and each member's score sheet per bid.
//!
//! The rubric is one JSON value on the call (NULL: the module's default rubric), because it is read and
//! written whole and frozen when the call closes; score sheets refer to its criteria by position. A sheet is
//! a draft until `finalised_at` is set; points and justifications are JSON arrays in the rubric's order
//! (a draft's points may be `null`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
    Rubric,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Bids {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ConflictDeclarations {
    Table,
    Id,
    TenantId,
    CallId,
    UserId,
    OrganisationId,
    Conflict,
    Note,
    DeclaredAt,
}

#[derive(DeriveIden)]
enum Scores {
    Table,
    Id,
    TenantId,
    CallId,
    LotId,
    BidId,
    UserId,
    Points,
    Justifications,
    SavedAt,
    FinalisedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Calls::Table).add_column(text_null(Calls::Rubric)).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(ConflictDeclarations::Table)
                    .col(uuid(ConflictDeclarations::Id).primary_key())
                    .col(uuid(ConflictDeclarations::TenantId))
                    .col(uuid(ConflictDeclarations::CallId))
                    .col(uuid(ConflictDeclarations::UserId))
                    .col(uuid(ConflictDeclarations::OrganisationId))
                    // model::evaluation::Conflict: 'none', 'employment', 'board', 'other'.
                    .col(string_len(ConflictDeclarations::Conflict, 16))
                    .col(text(ConflictDeclarations::Note))
                    .col(timestamp_with_time_zone(ConflictDeclarations::DeclaredAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConflictDeclarations::Table, ConflictDeclarations::CallId)
                            .to(Calls::Table, Calls::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConflictDeclarations::Table, ConflictDeclarations::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConflictDeclarations::Table, ConflictDeclarations::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        // One declaration per member and bidding organisation of a call (changed in place, audited).
        manager
            .create_index(
                Index::create()
                    .name("ux_conflict_declarations_member")
                    .table(ConflictDeclarations::Table)
                    .col(ConflictDeclarations::CallId)
                    .col(ConflictDeclarations::UserId)
                    .col(ConflictDeclarations::OrganisationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Scores::Table)
                    .col(uuid(Scores::Id).primary_key())
                    .col(uuid(Scores::TenantId))
                    .col(uuid(Scores::CallId))
                    .col(uuid(Scores::LotId))
                    .col(uuid(Scores::BidId))
                    .col(uuid(Scores::UserId))
                    .col(text(Scores::Points))
                    .col(text(Scores::Justifications))
                    .col(timestamp_with_time_zone(Scores::SavedAt))
                    .col(timestamp_with_time_zone_null(Scores::FinalisedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Scores::Table, Scores::BidId)
                            .to(Bids::Table, Bids::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Scores::Table, Scores::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        // One sheet per member and bid.
        manager
            .create_index(
                Index::create()
                    .name("ux_scores_bid_member")
                    .table(Scores::Table)
                    .col(Scores::BidId)
                    .col(Scores::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_scores_call").table(Scores::Table).col(Scores::CallId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Scores::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ConflictDeclarations::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Calls::Table).drop_column(Calls::Rubric).to_owned()).await
    }
}
