//! The exchange space (issue 13, item 7; seed §4b, §5d) and files attached to reports and exchange posts.
//!
//! An exchange thread is a row whose `thread_id` is null; its replies point to it. A thread carries a title,
//! a topic, an optional district and free tags (a JSON array); `last_activity_at` moves with each reply, so
//! the list is ordered without reading the replies. Files of reports and of exchange posts share one table,
//! `files`, named by their owner (`owner_kind`, `owner_id`); the bytes live in the storage (`app::storage`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ExchangePosts {
    Table,
    Id,
    TenantId,
    ThreadId,
    AuthorId,
    Title,
    Body,
    Topic,
    DistrictId,
    Tags,
    CreatedAt,
    LastActivityAt,
}

#[derive(DeriveIden)]
enum Files {
    Table,
    Id,
    TenantId,
    OwnerKind,
    OwnerId,
    FileName,
    MediaType,
    SizeBytes,
    Sha256,
    StorageKey,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ExchangePosts::Table)
                    .col(uuid(ExchangePosts::Id).primary_key())
                    .col(uuid(ExchangePosts::TenantId))
                    .col(uuid_null(ExchangePosts::ThreadId))
                    .col(uuid(ExchangePosts::AuthorId))
                    .col(string_len(ExchangePosts::Title, 200).default(""))
                    .col(text(ExchangePosts::Body))
                    // A `model::exchange::Topic`; empty for replies.
                    .col(string_len(ExchangePosts::Topic, 32).default(""))
                    .col(uuid_null(ExchangePosts::DistrictId))
                    .col(text(ExchangePosts::Tags).default("[]"))
                    .col(timestamp_with_time_zone(ExchangePosts::CreatedAt))
                    .col(timestamp_with_time_zone(ExchangePosts::LastActivityAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ExchangePosts::Table, ExchangePosts::ThreadId)
                            .to(ExchangePosts::Table, ExchangePosts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ExchangePosts::Table, ExchangePosts::AuthorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_exchange_posts_threads")
                    .table(ExchangePosts::Table)
                    .col(ExchangePosts::TenantId)
                    .col(ExchangePosts::ThreadId)
                    .col(ExchangePosts::LastActivityAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Files::Table)
                    .col(uuid(Files::Id).primary_key())
                    .col(uuid(Files::TenantId))
                    // 'report' or 'exchange_post'.
                    .col(string_len(Files::OwnerKind, 32))
                    .col(uuid(Files::OwnerId))
                    .col(string_len(Files::FileName, 255))
                    .col(string_len(Files::MediaType, 128))
                    .col(big_integer(Files::SizeBytes))
                    .col(string_len(Files::Sha256, 64))
                    .col(string_len(Files::StorageKey, 255))
                    .col(uuid(Files::UploadedBy))
                    .col(timestamp_with_time_zone(Files::UploadedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_files_owner")
                    .table(Files::Table)
                    .col(Files::TenantId)
                    .col(Files::OwnerKind)
                    .col(Files::OwnerId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Files::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ExchangePosts::Table).to_owned()).await
    }
}
