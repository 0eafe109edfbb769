//! Tenants (the municipalities) and their districts, the first tenant-owned table.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
    Slug,
    Name,
    TimeZone,
    DefaultLocale,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Districts {
    Table,
    Id,
    TenantId,
    Name,
    Kind,
    Position,
    RetiredAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Tenants::Table)
                    .col(uuid(Tenants::Id).primary_key())
                    // The URL name; validated by model::TenantSlug before it gets here.
                    .col(string_len_uniq(Tenants::Slug, 40))
                    .col(string_len(Tenants::Name, 200))
                    .col(string_len(Tenants::TimeZone, 64).default("Europe/Berlin"))
                    .col(string_len(Tenants::DefaultLocale, 8).default("de"))
                    .col(timestamp_with_time_zone(Tenants::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Districts::Table)
                    .col(uuid(Districts::Id).primary_key())
                    .col(uuid(Districts::TenantId))
                    .col(string_len(Districts::Name, 120))
                    // 'city_district' or 'villages' (model::DistrictKind).
                    .col(string_len(Districts::Kind, 32))
                    .col(integer(Districts::Position))
                    // Districts are retired, never deleted: posts and reports keep pointing at them.
                    .col(timestamp_with_time_zone_null(Districts::RetiredAt))
                    .col(timestamp_with_time_zone(Districts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_districts_tenant")
                            .from(Districts::Table, Districts::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_districts_tenant_name")
                    .table(Districts::Table)
                    .col(Districts::TenantId)
                    .col(Districts::Name)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Districts::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Tenants::Table).to_owned()).await
    }
}
