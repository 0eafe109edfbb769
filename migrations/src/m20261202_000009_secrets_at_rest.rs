//! Secrets at rest: session ids are stored as their SHA-256 from now on, and the job queue names the person
//! a mail is for, so that anonymising someone removes their mails too.
//!
//! Sessions stored under their raw ids cannot be converted (SQLite has no SHA-256), so they end: everybody
//! signs in once more. Unsent mails that carry a one-time link are dropped, because links are now made when
//! a mail is sent and never stored; whoever waited for one asks for a new one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Jobs {
    Table,
    UserId,
    Kind,
    Payload,
    DoneAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Jobs::Table).add_column(uuid_null(Jobs::UserId)).to_owned()).await?;
        manager
            .create_index(Index::create().name("ix_jobs_user").table(Jobs::Table).col(Jobs::UserId).to_owned())
            .await?;
        manager.exec_stmt(Query::delete().from_table(Sessions::Table).to_owned()).await?;
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(Jobs::Table)
                    .and_where(Expr::col(Jobs::Kind).eq("email"))
                    .and_where(Expr::col(Jobs::DoneAt).is_null())
                    .and_where(Expr::col(Jobs::Payload).like("%token=%"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("ix_jobs_user").table(Jobs::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Jobs::Table).drop_column(Jobs::UserId).to_owned()).await?;
        // Hashed ids cannot be turned back into the ids browsers hold.
        manager.exec_stmt(Query::delete().from_table(Sessions::Table).to_owned()).await
    }
}
