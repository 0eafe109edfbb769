//! Each submitted report version keeps its figures beside its text (issue 16). The controlling dashboard, the
//! figures page and the committee report add up the figures of every report's latest version; they read them
//! from the text, which for a city's ten years is 2,580 versions and 2.7 MB of JSON — a third of the committee
//! report's profile was SQLite reading those pages. `figures` holds just `model::report::Figures` as JSON
//! (about 130 bytes), filled here from each version's text, and an index on (tenant, report, number, figures) answers
//! "the latest figures of these reports" without visiting the table.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReportVersions {
    Table,
    TenantId,
    ReportId,
    Number,
    Figures,
}

const INDEX: &str = "ix_report_versions_figures";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ReportVersions::Table)
                    .add_column(ColumnDef::new(ReportVersions::Figures).text().not_null().default("{}"))
                    .to_owned(),
            )
            .await?;
        // A version's text is `model::report::Content`, whose `figures` may be missing (all zero): `{}`.
        let fill = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                "UPDATE report_versions SET figures = COALESCE(json_extract(content, '$.figures'), '{}')"
            }
            DatabaseBackend::Postgres => {
                "UPDATE report_versions SET figures = COALESCE((content::jsonb -> 'figures')::text, '{}')"
            }
            DatabaseBackend::MySql => return Err(DbErr::Migration("MySQL is not supported".into())),
        };
        manager.get_connection().execute_unprepared(fill).await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(ReportVersions::Table)
                    .col(ReportVersions::TenantId)
                    .col(ReportVersions::ReportId)
                    .col(ReportVersions::Number)
                    .col(ReportVersions::Figures)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(INDEX).table(ReportVersions::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(ReportVersions::Table).drop_column(ReportVersions::Figures).to_owned())
            .await
    }
}
