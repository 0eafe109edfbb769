//! Carrier organisations' profiles, bids with their submitted versions and attachments, the durable job
//! queue, and in-app notifications.
//!
//! A bid row holds the working draft (saved as the carrier types); every submission adds an immutable
//! `bid_versions` row with the content hash shown on the receipt. Attachment files live in the storage
//! directory or bucket; the table keeps their name, type, size, checksum and storage key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CallLots {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    LegalForm,
    RegisterNumber,
    Street,
    Postcode,
    City,
    Recognised,
    ContactName,
    ContactEmail,
    ContactPhone,
    VerifiedAt,
}

#[derive(DeriveIden)]
enum Bids {
    Table,
    Id,
    TenantId,
    CallId,
    LotId,
    OrganisationId,
    Status,
    Draft,
    DraftSavedAt,
    DraftSavedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BidVersions {
    Table,
    Id,
    TenantId,
    BidId,
    Number,
    Content,
    ContentHash,
    SubmittedAt,
    SubmittedBy,
}

#[derive(DeriveIden)]
enum BidAttachments {
    Table,
    Id,
    TenantId,
    BidId,
    QuestionId,
    FileName,
    MediaType,
    SizeBytes,
    Sha256,
    StorageKey,
    UploadedAt,
    UploadedBy,
    RemovedAt,
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    DedupeKey,
    RunAt,
    Attempts,
    LockedBy,
    LockedUntil,
    DoneAt,
    LastError,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    TenantId,
    UserId,
    Kind,
    Params,
    Link,
    CreatedAt,
    ReadAt,
}

fn references(
    from: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
    to: impl IntoIden + 'static,
    to_column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(from, column).to(to, to_column).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let profile_columns = [
            string_len(Organisations::LegalForm, 100).default("").to_owned(),
            string_len(Organisations::RegisterNumber, 100).default("").to_owned(),
            string_len(Organisations::Street, 200).default("").to_owned(),
            string_len(Organisations::Postcode, 10).default("").to_owned(),
            string_len(Organisations::City, 100).default("").to_owned(),
            boolean(Organisations::Recognised).default(false).to_owned(),
            string_len(Organisations::ContactName, 200).default("").to_owned(),
            string_len(Organisations::ContactEmail, 254).default("").to_owned(),
            string_len(Organisations::ContactPhone, 50).default("").to_owned(),
            timestamp_with_time_zone_null(Organisations::VerifiedAt),
        ];
        for mut column in profile_columns {
            manager.alter_table(Table::alter().table(Organisations::Table).add_column(&mut column).to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Bids::Table)
                    .col(uuid(Bids::Id).primary_key())
                    .col(uuid(Bids::TenantId))
                    .col(uuid(Bids::CallId))
                    .col(uuid(Bids::LotId))
                    .col(uuid(Bids::OrganisationId))
                    // 'draft', 'submitted' or 'withdrawn' (model::bid::BidStatus).
                    .col(string_len(Bids::Status, 16))
                    // model::bid::Draft as JSON: what was typed, valid or not.
                    .col(text(Bids::Draft))
                    .col(timestamp_with_time_zone(Bids::DraftSavedAt))
                    .col(uuid_null(Bids::DraftSavedBy))
                    .col(timestamp_with_time_zone(Bids::CreatedAt))
                    .foreign_key(&mut references(Bids::Table, Bids::TenantId, Tenants::Table, Tenants::Id))
                    .foreign_key(&mut references(Bids::Table, Bids::CallId, Calls::Table, Calls::Id))
                    .foreign_key(&mut references(Bids::Table, Bids::LotId, CallLots::Table, CallLots::Id))
                    .foreign_key(&mut references(
                        Bids::Table,
                        Bids::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // One bid per lot and organisation.
        manager
            .create_index(
                Index::create()
                    .name("ux_bids_lot_organisation")
                    .table(Bids::Table)
                    .col(Bids::LotId)
                    .col(Bids::OrganisationId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(BidVersions::Table)
                    .col(uuid(BidVersions::Id).primary_key())
                    .col(uuid(BidVersions::TenantId))
                    .col(uuid(BidVersions::BidId))
                    .col(integer(BidVersions::Number))
                    // model::bid::Content as canonical JSON; ContentHash is its SHA-256.
                    .col(text(BidVersions::Content))
                    .col(string_len(BidVersions::ContentHash, 64))
                    .col(timestamp_with_time_zone(BidVersions::SubmittedAt))
                    .col(uuid_null(BidVersions::SubmittedBy))
                    .foreign_key(&mut references(BidVersions::Table, BidVersions::BidId, Bids::Table, Bids::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_bid_versions_number")
                    .table(BidVersions::Table)
                    .col(BidVersions::BidId)
                    .col(BidVersions::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(BidAttachments::Table)
                    .col(uuid(BidAttachments::Id).primary_key())
                    .col(uuid(BidAttachments::TenantId))
                    .col(uuid(BidAttachments::BidId))
                    // The file question it answers; NULL for a general attachment.
                    .col(uuid_null(BidAttachments::QuestionId))
                    .col(string_len(BidAttachments::FileName, 200))
                    .col(string_len(BidAttachments::MediaType, 100))
                    .col(big_integer(BidAttachments::SizeBytes))
                    .col(string_len(BidAttachments::Sha256, 64))
                    .col(string_len(BidAttachments::StorageKey, 300))
                    .col(timestamp_with_time_zone(BidAttachments::UploadedAt))
                    .col(uuid_null(BidAttachments::UploadedBy))
                    // Removed from the draft; the file stays for the versions that name it.
                    .col(timestamp_with_time_zone_null(BidAttachments::RemovedAt))
                    .foreign_key(&mut references(BidAttachments::Table, BidAttachments::BidId, Bids::Table, Bids::Id))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Jobs::Table)
                    .col(uuid(Jobs::Id).primary_key())
                    .col(string_len(Jobs::Kind, 64))
                    .col(text(Jobs::Payload))
                    // A job with the same key is enqueued once (e.g. one reminder per call and deadline).
                    .col(string_len_null(Jobs::DedupeKey, 200).unique_key())
                    .col(timestamp_with_time_zone(Jobs::RunAt))
                    .col(integer(Jobs::Attempts).default(0))
                    .col(string_len_null(Jobs::LockedBy, 100))
                    .col(timestamp_with_time_zone_null(Jobs::LockedUntil))
                    .col(timestamp_with_time_zone_null(Jobs::DoneAt))
                    .col(text_null(Jobs::LastError))
                    .col(timestamp_with_time_zone(Jobs::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_jobs_due").table(Jobs::Table).col(Jobs::DoneAt).col(Jobs::RunAt).to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(uuid(Notifications::Id).primary_key())
                    .col(uuid(Notifications::TenantId))
                    .col(uuid(Notifications::UserId))
                    .col(string_len(Notifications::Kind, 64))
                    // What the message needs (titles, times) as JSON; the text comes from the catalogue.
                    .col(text(Notifications::Params))
                    .col(string_len(Notifications::Link, 300))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .foreign_key(&mut references(Notifications::Table, Notifications::UserId, Users::Table, Users::Id))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_user")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Notifications::Table.into_iden(), Jobs::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for table in [BidAttachments::Table.into_iden(), BidVersions::Table.into_iden(), Bids::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
