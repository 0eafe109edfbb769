//! Accounts and everything that proves who someone is: users of a tenant, their roles, carrier
//! organisations (which carrier roles point at), browser sessions, API tokens, one-time links (invitations,
//! password resets), sign-in attempts for throttling, and the append-only audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tenants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    TenantId,
    Email,
    DisplayName,
    PasswordHash,
    Locale,
    Status,
    CreatedAt,
    UpdatedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    TenantId,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RoleGrants {
    Table,
    Id,
    TenantId,
    UserId,
    Role,
    OrganisationId,
    Seat,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    TenantId,
    UserId,
    Data,
    ExpiresAt,
    CreatedAt,
    LastSeenAt,
    UserAgent,
    ClientAddr,
}

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    Id,
    TenantId,
    UserId,
    Name,
    TokenHash,
    CreatedAt,
    LastUsedAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum OneTimeTokens {
    Table,
    Id,
    TenantId,
    UserId,
    Purpose,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SignInAttempts {
    Table,
    Id,
    TenantId,
    Email,
    ClientAddr,
    Succeeded,
    At,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    TenantId,
    ActorUserId,
    Action,
    ObjectType,
    ObjectId,
    BeforeJson,
    AfterJson,
    At,
    ClientAddr,
    RequestId,
}

fn tenant_fk<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Tenants::Table, Tenants::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn user_fk<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, column).to(Users::Table, Users::Id).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(uuid(Users::Id).primary_key())
                    .col(uuid(Users::TenantId))
                    // Lower-cased (model::Email); unique per tenant, not globally.
                    .col(string_len(Users::Email, 254))
                    .col(string_len(Users::DisplayName, 200))
                    // argon2id PHC string; NULL until an invitation is accepted.
                    .col(string_len_null(Users::PasswordHash, 255))
                    .col(string_len_null(Users::Locale, 8))
                    // 'active', 'deactivated' or 'anonymised'.
                    .col(string_len(Users::Status, 16))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Users::LastSignInAt))
                    .foreign_key(&mut tenant_fk(Users::Table, Users::TenantId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_users_tenant_email")
                    .table(Users::Table)
                    .col(Users::TenantId)
                    .col(Users::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(uuid(Organisations::Id).primary_key())
                    .col(uuid(Organisations::TenantId))
                    .col(string_len(Organisations::Name, 200))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .foreign_key(&mut tenant_fk(Organisations::Table, Organisations::TenantId))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RoleGrants::Table)
                    .col(uuid(RoleGrants::Id).primary_key())
                    .col(uuid(RoleGrants::TenantId))
                    .col(uuid(RoleGrants::UserId))
                    // model::RoleKind as text.
                    .col(string_len(RoleGrants::Role, 32))
                    // Set for carrier roles only.
                    .col(uuid_null(RoleGrants::OrganisationId))
                    // Set for steering roles only (model::SeatType).
                    .col(string_len_null(RoleGrants::Seat, 32))
                    .col(timestamp_with_time_zone(RoleGrants::CreatedAt))
                    .foreign_key(&mut tenant_fk(RoleGrants::Table, RoleGrants::TenantId))
                    .foreign_key(&mut user_fk(RoleGrants::Table, RoleGrants::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RoleGrants::Table, RoleGrants::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_role_grants_user_role")
                    .table(RoleGrants::Table)
                    .col(RoleGrants::UserId)
                    .col(RoleGrants::Role)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    // tower-sessions' id, as text.
                    .col(string_len(Sessions::Id, 64).primary_key())
                    // Copied out of the session data on save, so a user's sessions can be listed and ended.
                    .col(uuid_null(Sessions::TenantId))
                    .col(uuid_null(Sessions::UserId))
                    .col(text(Sessions::Data))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(string_len_null(Sessions::UserAgent, 300))
                    .col(string_len_null(Sessions::ClientAddr, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_sessions_user").table(Sessions::Table).col(Sessions::UserId).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_sessions_expires").table(Sessions::Table).col(Sessions::ExpiresAt).to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApiTokens::Table)
                    .col(uuid(ApiTokens::Id).primary_key())
                    .col(uuid(ApiTokens::TenantId))
                    .col(uuid(ApiTokens::UserId))
                    .col(string_len(ApiTokens::Name, 100))
                    // SHA-256 of the token; the token itself is shown once and never stored.
                    .col(string_len_uniq(ApiTokens::TokenHash, 64))
                    .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::LastUsedAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::RevokedAt))
                    .foreign_key(&mut tenant_fk(ApiTokens::Table, ApiTokens::TenantId))
                    .foreign_key(&mut user_fk(ApiTokens::Table, ApiTokens::UserId))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OneTimeTokens::Table)
                    .col(uuid(OneTimeTokens::Id).primary_key())
                    .col(uuid(OneTimeTokens::TenantId))
                    .col(uuid(OneTimeTokens::UserId))
                    // 'invitation' or 'password_reset'.
                    .col(string_len(OneTimeTokens::Purpose, 32))
                    .col(string_len_uniq(OneTimeTokens::TokenHash, 64))
                    .col(timestamp_with_time_zone(OneTimeTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(OneTimeTokens::UsedAt))
                    .col(timestamp_with_time_zone(OneTimeTokens::CreatedAt))
                    .foreign_key(&mut tenant_fk(OneTimeTokens::Table, OneTimeTokens::TenantId))
                    .foreign_key(&mut user_fk(OneTimeTokens::Table, OneTimeTokens::UserId))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SignInAttempts::Table)
                    .col(uuid(SignInAttempts::Id).primary_key())
                    .col(uuid(SignInAttempts::TenantId))
                    // As typed (lower-cased), whether or not such an account exists.
                    .col(string_len(SignInAttempts::Email, 254))
                    .col(string_len(SignInAttempts::ClientAddr, 64))
                    .col(boolean(SignInAttempts::Succeeded))
                    .col(timestamp_with_time_zone(SignInAttempts::At))
                    .foreign_key(&mut tenant_fk(SignInAttempts::Table, SignInAttempts::TenantId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_attempts_account")
                    .table(SignInAttempts::Table)
                    .col(SignInAttempts::TenantId)
                    .col(SignInAttempts::Email)
                    .col(SignInAttempts::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_attempts_client")
                    .table(SignInAttempts::Table)
                    .col(SignInAttempts::ClientAddr)
                    .col(SignInAttempts::At)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(uuid(AuditLog::Id).primary_key())
                    // NULL for actions of the platform operator (e.g. creating a tenant).
                    .col(uuid_null(AuditLog::TenantId))
                    // No foreign key: the trail outlives anonymised users and must never cascade away.
                    .col(uuid_null(AuditLog::ActorUserId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len(AuditLog::ObjectType, 64))
                    .col(string_len_null(AuditLog::ObjectId, 64))
                    .col(text_null(AuditLog::BeforeJson))
                    .col(text_null(AuditLog::AfterJson))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(string_len_null(AuditLog::ClientAddr, 64))
                    .col(string_len_null(AuditLog::RequestId, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_log_tenant_at")
                    .table(AuditLog::Table)
                    .col(AuditLog::TenantId)
                    .col(AuditLog::At)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            SignInAttempts::Table.into_iden(),
            OneTimeTokens::Table.into_iden(),
            ApiTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
            RoleGrants::Table.into_iden(),
            Organisations::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
