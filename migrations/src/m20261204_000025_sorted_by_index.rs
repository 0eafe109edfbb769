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

/// Each new index: its name, its table and its columns.
fn indexes() -> Vec<(&'static str, DynIden, Vec<DynIden>)> {
    vec![
        (
            "ix_users_tenant_name",
            Users::Table.into_iden(),
            vec![Users::TenantId.into_iden(), Users::DisplayName.into_iden(), Users::Id.into_iden()],
        ),
        (
            "ix_role_grants_tenant_user",
            RoleGrants::Table.into_iden(),
            vec![RoleGrants::TenantId.into_iden(), RoleGrants::UserId.into_iden()],
        ),
        (
            "ix_awards_tenant_kind_start",
            Awards::Table.into_iden(),
            vec![Awards::TenantId.into_iden(), Awards::Kind.into_iden(), Awards::StartsOn.into_iden()],
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in indexes() {
            let mut index = Index::create();
            index.name(name).table(table);
            for column in columns {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in indexes().into_iter().rev() {
            manager.drop_index(Index::drop().name(name).table(table).to_owned()).await?;
        }
        Ok(())
    }
}
