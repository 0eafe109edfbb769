//! The reports page a page at a time (issue 16): it computes every period a city's posts owe and reads only
//! the reports it shows, the running work and the coordinators of the posts.
//!
//! - Whether a post may have reports started under an earlier schedule. What a post owes comes from its
//!   schedule; a started report keeps its own period when the schedule changes afterwards. The list must know
//!   which posts hold such reports without reading every report of ten years: `awards.reports_off_schedule`
//!   says so, kept by every change of schedule from now on. Filled here from the audit log, which is
//!   append-only and records every change of schedule: a post whose schedule was ever changed may hold such
//!   reports (the list then reads all of that post's reports, as it did before); the next change of its
//!   schedule sets the flag exactly.
//! - The running work (drafts, returned, submitted) by state from an index that holds what the list shows:
//!   with `ix_reports_tenant_state` alone SQLite preferred scanning the tenant's part of the covering
//!   `ix_reports_list`, all 2,580 of a city's reports for the three that are running.
//! - The coordinators of a tenant's posts by tenant, one range of an index instead of a lookup per post.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Awards {
    Table,
    ReportsOffSchedule,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    TenantId,
    State,
    AwardId,
    PeriodKind,
    PeriodStart,
    PeriodEnd,
    DueAt,
    FirstSubmittedAt,
    Late,
    Id,
}

#[derive(DeriveIden)]
enum PostCoordinators {
    Table,
    TenantId,
    AwardId,
    UserId,
}

/// Replaced by [`RUNNING`], which starts with the same columns.
const BY_STATE: &str = "ix_reports_tenant_state";
const RUNNING: &str = "ix_reports_state_list";
const COORDINATORS: &str = "ix_post_coordinators_tenant";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Awards::Table)
                    .add_column(ColumnDef::new(Awards::ReportsOffSchedule).boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        // Audit entries name the post by its id as text; SQLite keeps ids as 16-byte blobs.
        let same_post = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => "replace(lower(a.object_id), '-', '') = lower(hex(awards.id))",
            DatabaseBackend::Postgres => "a.object_id = awards.id::text",
            DatabaseBackend::MySql => return Err(DbErr::Migration("MySQL is not supported".into())),
        };
        let fill = format!(
            "UPDATE awards SET reports_off_schedule = TRUE WHERE kind = 'post' AND EXISTS \
             (SELECT 1 FROM audit_log a WHERE a.action = 'post.schedule_changed' AND a.object_type = 'post' AND {same_post})"
        );
        manager.get_connection().execute_unprepared(&fill).await?;
        manager
            .create_index(
                Index::create()
                    .name(RUNNING)
                    .table(Reports::Table)
                    .col(Reports::TenantId)
                    .col(Reports::State)
                    .col(Reports::AwardId)
                    .col(Reports::PeriodKind)
                    .col(Reports::PeriodStart)
                    .col(Reports::PeriodEnd)
                    .col(Reports::DueAt)
                    .col(Reports::FirstSubmittedAt)
                    .col(Reports::Late)
                    .col(Reports::Id)
                    .to_owned(),
            )
            .await?;
        manager.drop_index(Index::drop().name(BY_STATE).table(Reports::Table).to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name(COORDINATORS)
                    .table(PostCoordinators::Table)
                    .col(PostCoordinators::TenantId)
                    .col(PostCoordinators::AwardId)
                    .col(PostCoordinators::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(COORDINATORS).table(PostCoordinators::Table).to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name(BY_STATE)
                    .table(Reports::Table)
                    .col(Reports::TenantId)
                    .col(Reports::State)
                    .to_owned(),
            )
            .await?;
        manager.drop_index(Index::drop().name(RUNNING).table(Reports::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Awards::Table).drop_column(Awards::ReportsOffSchedule).to_owned())
            .await
    }
}
