//! Which districts a district contact (youth-office person, SPEC §2 / seed §5e) is responsible for.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DistrictContacts {
    Table,
    TenantId,
    UserId,
    DistrictId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Districts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DistrictContacts::Table)
                    .col(uuid(DistrictContacts::TenantId))
                    .col(uuid(DistrictContacts::UserId))
                    .col(uuid(DistrictContacts::DistrictId))
                    .col(timestamp_with_time_zone(DistrictContacts::CreatedAt))
                    .primary_key(Index::create().col(DistrictContacts::UserId).col(DistrictContacts::DistrictId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DistrictContacts::Table, DistrictContacts::TenantId)
                            .to(Tenants::Table, Tenants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DistrictContacts::Table, DistrictContacts::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DistrictContacts::Table, DistrictContacts::DistrictId)
                            .to(Districts::Table, Districts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(DistrictContacts::Table).to_owned()).await
    }
}
