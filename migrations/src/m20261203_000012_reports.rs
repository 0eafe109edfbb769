//! Reports of the coordination posts (SPEC §3D; seed §5, §6; issue 13). Which periods are due is computed
//! from a post's schedule (`model::report`), so only started reports are rows: the working text (JSON
//! `model::report::Content`) and its state, every submitted version (never changed afterwards), and the
//! reviewers' comments per section. A post's coordinators are people assigned to it; the tenant sets how
//! many days after a period its report is due (default 15).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    ReportDeadlineDays,
}

#[derive(DeriveIden)]
enum Awards {
    Table,
    Id,
    ReportCadence,
    FinalReport,
    ExtraReportDays,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PostCoordinators {
    Table,
    TenantId,
    AwardId,
    UserId,
    AssignedAt,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    TenantId,
    AwardId,
    PeriodKind,
    PeriodStart,
    PeriodEnd,
    DueAt,
    State,
    Content,
    SavedAt,
    SavedBy,
    FirstSubmittedAt,
    Late,
    ReviewedBy,
    ReviewedAt,
}

#[derive(DeriveIden)]
enum ReportVersions {
    Table,
    Id,
    TenantId,
    ReportId,
    Number,
    Content,
    SubmittedBy,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum ReportComments {
    Table,
    Id,
    TenantId,
    ReportId,
    VersionNumber,
    Section,
    Body,
    AuthorId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Tenants::Table)
                    .add_column(integer(Tenants::ReportDeadlineDays).default(15))
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per ALTER TABLE.
        for column in [
            ColumnDef::new(Awards::ReportCadence).string_len(16).not_null().default("quarterly").to_owned(),
            ColumnDef::new(Awards::FinalReport).boolean().not_null().default(false).to_owned(),
            ColumnDef::new(Awards::ExtraReportDays).text().not_null().default("[]").to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Awards::Table).add_column(column).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(PostCoordinators::Table)
                    .col(uuid(PostCoordinators::TenantId))
                    .col(uuid(PostCoordinators::AwardId))
                    .col(uuid(PostCoordinators::UserId))
                    .col(timestamp_with_time_zone(PostCoordinators::AssignedAt))
                    .primary_key(Index::create().col(PostCoordinators::AwardId).col(PostCoordinators::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PostCoordinators::Table, PostCoordinators::AwardId)
                            .to(Awards::Table, Awards::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PostCoordinators::Table, PostCoordinators::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_post_coordinators_user")
                    .table(PostCoordinators::Table)
                    .col(PostCoordinators::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Reports::Table)
                    .col(uuid(Reports::Id).primary_key())
                    .col(uuid(Reports::TenantId))
                    .col(uuid(Reports::AwardId))
                    // 'regular', 'extra' or 'final' (model::report::PeriodKind).
                    .col(string_len(Reports::PeriodKind, 16))
                    .col(date(Reports::PeriodStart))
                    .col(date(Reports::PeriodEnd))
                    // The due instant when the report was started; the schedule's current one is computed.
                    .col(timestamp_with_time_zone(Reports::DueAt))
                    // 'draft', 'submitted', 'returned' or 'accepted' (model::report::ReportState).
                    .col(string_len(Reports::State, 16))
                    .col(text(Reports::Content))
                    .col(timestamp_with_time_zone(Reports::SavedAt))
                    .col(uuid(Reports::SavedBy))
                    .col(timestamp_with_time_zone_null(Reports::FirstSubmittedAt))
                    .col(boolean(Reports::Late).default(false))
                    .col(uuid_null(Reports::ReviewedBy))
                    .col(timestamp_with_time_zone_null(Reports::ReviewedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Reports::Table, Reports::AwardId)
                            .to(Awards::Table, Awards::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_reports_period")
                    .table(Reports::Table)
                    .col(Reports::AwardId)
                    .col(Reports::PeriodKind)
                    .col(Reports::PeriodStart)
                    .col(Reports::PeriodEnd)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_reports_tenant_state")
                    .table(Reports::Table)
                    .col(Reports::TenantId)
                    .col(Reports::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReportVersions::Table)
                    .col(uuid(ReportVersions::Id).primary_key())
                    .col(uuid(ReportVersions::TenantId))
                    .col(uuid(ReportVersions::ReportId))
                    .col(integer(ReportVersions::Number))
                    .col(text(ReportVersions::Content))
                    .col(uuid(ReportVersions::SubmittedBy))
                    .col(timestamp_with_time_zone(ReportVersions::SubmittedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportVersions::Table, ReportVersions::ReportId)
                            .to(Reports::Table, Reports::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_report_versions_number")
                    .table(ReportVersions::Table)
                    .col(ReportVersions::ReportId)
                    .col(ReportVersions::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReportComments::Table)
                    .col(uuid(ReportComments::Id).primary_key())
                    .col(uuid(ReportComments::TenantId))
                    .col(uuid(ReportComments::ReportId))
                    // The submitted version the comment is about.
                    .col(integer(ReportComments::VersionNumber))
                    // A section of the work order (model::report::Section), or NULL for the report as a whole.
                    .col(string_len_null(ReportComments::Section, 16))
                    .col(text(ReportComments::Body))
                    .col(uuid(ReportComments::AuthorId))
                    .col(timestamp_with_time_zone(ReportComments::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReportComments::Table, ReportComments::ReportId)
                            .to(Reports::Table, Reports::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_report_comments_report")
                    .table(ReportComments::Table)
                    .col(ReportComments::ReportId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ReportComments::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ReportVersions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Reports::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PostCoordinators::Table).to_owned()).await?;
        for column in [Awards::ExtraReportDays, Awards::FinalReport, Awards::ReportCadence] {
            manager.alter_table(Table::alter().table(Awards::Table).drop_column(column).to_owned()).await?;
        }
        manager
            .alter_table(Table::alter().table(Tenants::Table).drop_column(Tenants::ReportDeadlineDays).to_owned())
            .await
    }
}
