//! Secrets the installation generates for itself on first start (when the operator does not configure
//! them), kept in the database so that every app server behind a load balancer uses the same ones.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InstanceSecrets {
    Table,
    Name,
    Value,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InstanceSecrets::Table)
                    .col(string_len(InstanceSecrets::Name, 64).primary_key())
                    // Base64 of the random bytes.
                    .col(string_len(InstanceSecrets::Value, 256))
                    .col(timestamp_with_time_zone(InstanceSecrets::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(InstanceSecrets::Table).to_owned()).await
    }
}
