//! Makes the audit log append-only in the database itself: an UPDATE or DELETE on `audit_log` fails,
//! whatever the application code does.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                for (name, event) in [("audit_log_no_update", "UPDATE"), ("audit_log_no_delete", "DELETE")] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name} BEFORE {event} ON audit_log \
                         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
                    ))
                    .await?;
                }
            }
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log \
                     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
                )
                .await?;
            }
            DatabaseBackend::MySql => return Err(DbErr::Migration("MySQL is not supported".into())),
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared("DROP TRIGGER audit_log_append_only ON audit_log").await?;
                db.execute_unprepared("DROP FUNCTION audit_log_append_only()").await?;
            }
            _ => {
                db.execute_unprepared("DROP TRIGGER audit_log_no_update").await?;
                db.execute_unprepared("DROP TRIGGER audit_log_no_delete").await?;
            }
        }
        Ok(())
    }
}
