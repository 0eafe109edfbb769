//! Lists read in the order of an index (issue 16), found by the planner test's rule that a page of a list
//! must not sort all of the list (`tests/api/statements.rs`):
//! - The administration's user list: a page of 50 people, by name, from a city of 1,000 accounts. SQLite
//!   found the tenant's users by their email index and sorted all of them for each page, and it read the
//!   listed people's role grants from the index of the tenant's grants by role (every grant of the city)
//!   rather than by person. Now a page reads its 50 rows in order, and the grants of those 50 people.
//! - The steering module's current award (on a carrier's home, bids and bid editor): the newest award of
//!   its kind begun by today, which SQLite found by sorting all the city's awards, 0.6 ms a request.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    TenantId,
    DisplayName,
    Id,
}

#[derive(DeriveIden)]
enum Awards {
    Table,
    TenantId,
    Kind,
    StartsOn,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    TenantId,
    UserId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_users_tenant_name")
                    .table(Users::Table)
                    .col(Users::TenantId)
                    .col(Users::DisplayName)
                    .col(Users::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_role_grants_tenant_user")
                    .table(RoleGrants::Table)
                    .col(RoleGrants::TenantId)
                    .col(RoleGrants::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_awards_tenant_kind_start")
                    .table(Awards::Table)
                    .col(Awards::TenantId)
                    .col(Awards::Kind)
                    .col(Awards::StartsOn)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("ix_awards_tenant_kind_start").table(Awards::Table).to_owned()).await?;
        manager
            .drop_index(Index::drop().name("ix_role_grants_tenant_user").table(RoleGrants::Table).to_owned())
            .await?;
        manager.drop_index(Index::drop().name("ix_users_tenant_name").table(Users::Table).to_owned()).await
    }
}
