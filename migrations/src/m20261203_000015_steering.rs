//! The steering group's own business (issue 15; seed §3): meetings with their agenda and attendance, the
//! minutes with one resolution per agenda item, and the commissions the group hands out.
//!
//! The minutes belong to their meeting (one set each), so they are columns of `meetings`; a resolution belongs
//! to its agenda item in the same way. A resolution's number (`2025/07`) is unique within the tenant. An agenda
//! item names what it is about by kind and reference (`call` + id, `budget_year` + year), so it can point at
//! objects of any workspace without a foreign key to each. Recusals are per agenda item. A commission is
//! addressed to a coordinator (a user), the project carrier (an organisation) or the youth office.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
    TenantId,
    Title,
    StartsAt,
    EndsAt,
    Place,
    VideoLink,
    CreatedBy,
    CreatedAt,
    InvitedAt,
    InvitationSequence,
    MinutesState,
    MinutesText,
    MinutesWriterId,
    MinutesUpdatedAt,
    ApprovedAtMeetingId,
}

#[derive(DeriveIden)]
enum AgendaItems {
    Table,
    Id,
    TenantId,
    MeetingId,
    Position,
    Title,
    SubjectKind,
    SubjectRef,
    ResolutionNumber,
    ResolutionText,
    Topic,
    VotesYes,
    VotesNo,
    VotesAbstain,
    Outcome,
    DecidedAt,
}

#[derive(DeriveIden)]
enum Attendances {
    Table,
    MeetingId,
    UserId,
    TenantId,
    Attendance,
}

#[derive(DeriveIden)]
enum Recusals {
    Table,
    AgendaItemId,
    UserId,
    TenantId,
}

#[derive(DeriveIden)]
enum Commissions {
    Table,
    Id,
    TenantId,
    AgendaItemId,
    Title,
    Details,
    AssigneeKind,
    AssigneeUserId,
    AssigneeOrganisationId,
    GivenOn,
    DueOn,
    State,
    CreatedBy,
    CreatedAt,
    ClosedAt,
    ClosedBy,
}

#[derive(DeriveIden)]
enum CommissionUpdates {
    Table,
    Id,
    TenantId,
    CommissionId,
    AuthorId,
    Body,
    Closes,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Meetings::Table)
                    .col(uuid(Meetings::Id).primary_key())
                    .col(uuid(Meetings::TenantId))
                    .col(string_len(Meetings::Title, 200))
                    .col(timestamp_with_time_zone(Meetings::StartsAt))
                    .col(timestamp_with_time_zone(Meetings::EndsAt))
                    .col(string_len(Meetings::Place, 200).default(""))
                    .col(string_len(Meetings::VideoLink, 500).default(""))
                    .col(uuid(Meetings::CreatedBy))
                    .col(timestamp_with_time_zone(Meetings::CreatedAt))
                    .col(timestamp_with_time_zone_null(Meetings::InvitedAt))
                    // Raised with every invitation, so calendars replace the earlier one (iCalendar SEQUENCE).
                    .col(integer(Meetings::InvitationSequence).default(0))
                    // A `model::steering::minutes::MinutesState`.
                    .col(string_len(Meetings::MinutesState, 16).default("draft"))
                    .col(text(Meetings::MinutesText).default(""))
                    .col(uuid_null(Meetings::MinutesWriterId))
                    .col(timestamp_with_time_zone_null(Meetings::MinutesUpdatedAt))
                    .col(uuid_null(Meetings::ApprovedAtMeetingId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_meetings_tenant_starts")
                    .table(Meetings::Table)
                    .col(Meetings::TenantId)
                    .col(Meetings::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgendaItems::Table)
                    .col(uuid(AgendaItems::Id).primary_key())
                    .col(uuid(AgendaItems::TenantId))
                    .col(uuid(AgendaItems::MeetingId))
                    .col(integer(AgendaItems::Position))
                    .col(string_len(AgendaItems::Title, 200))
                    // '' (nothing), 'call', 'ranking', 'report' or 'budget_year'.
                    .col(string_len(AgendaItems::SubjectKind, 16).default(""))
                    .col(string_len(AgendaItems::SubjectRef, 64).default(""))
                    .col(string_len_null(AgendaItems::ResolutionNumber, 16))
                    .col(text_null(AgendaItems::ResolutionText))
                    .col(string_len_null(AgendaItems::Topic, 32))
                    .col(integer_null(AgendaItems::VotesYes))
                    .col(integer_null(AgendaItems::VotesNo))
                    .col(integer_null(AgendaItems::VotesAbstain))
                    .col(string_len_null(AgendaItems::Outcome, 16))
                    .col(timestamp_with_time_zone_null(AgendaItems::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AgendaItems::Table, AgendaItems::MeetingId)
                            .to(Meetings::Table, Meetings::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_agenda_items_meeting")
                    .table(AgendaItems::Table)
                    .col(AgendaItems::MeetingId)
                    .col(AgendaItems::Position)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_agenda_items_resolution_number")
                    .table(AgendaItems::Table)
                    .col(AgendaItems::TenantId)
                    .col(AgendaItems::ResolutionNumber)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Attendances::Table)
                    .col(uuid(Attendances::MeetingId))
                    .col(uuid(Attendances::UserId))
                    .col(uuid(Attendances::TenantId))
                    // A `model::steering::meeting::Attendance`.
                    .col(string_len(Attendances::Attendance, 16))
                    .primary_key(Index::create().col(Attendances::MeetingId).col(Attendances::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attendances::Table, Attendances::MeetingId)
                            .to(Meetings::Table, Meetings::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Recusals::Table)
                    .col(uuid(Recusals::AgendaItemId))
                    .col(uuid(Recusals::UserId))
                    .col(uuid(Recusals::TenantId))
                    .primary_key(Index::create().col(Recusals::AgendaItemId).col(Recusals::UserId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Recusals::Table, Recusals::AgendaItemId)
                            .to(AgendaItems::Table, AgendaItems::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Commissions::Table)
                    .col(uuid(Commissions::Id).primary_key())
                    .col(uuid(Commissions::TenantId))
                    .col(uuid_null(Commissions::AgendaItemId))
                    .col(string_len(Commissions::Title, 200))
                    .col(text(Commissions::Details).default(""))
                    // 'coordinator', 'project_carrier' or 'youth_office'.
                    .col(string_len(Commissions::AssigneeKind, 32))
                    .col(uuid_null(Commissions::AssigneeUserId))
                    .col(uuid_null(Commissions::AssigneeOrganisationId))
                    .col(date(Commissions::GivenOn))
                    .col(date(Commissions::DueOn))
                    // A `model::steering::commission::CommissionState`.
                    .col(string_len(Commissions::State, 16).default("open"))
                    .col(uuid(Commissions::CreatedBy))
                    .col(timestamp_with_time_zone(Commissions::CreatedAt))
                    .col(timestamp_with_time_zone_null(Commissions::ClosedAt))
                    .col(uuid_null(Commissions::ClosedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Commissions::Table, Commissions::AgendaItemId)
                            .to(AgendaItems::Table, AgendaItems::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_commissions_tenant_state_due")
                    .table(Commissions::Table)
                    .col(Commissions::TenantId)
                    .col(Commissions::State)
                    .col(Commissions::DueOn)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommissionUpdates::Table)
                    .col(uuid(CommissionUpdates::Id).primary_key())
                    .col(uuid(CommissionUpdates::TenantId))
                    .col(uuid(CommissionUpdates::CommissionId))
                    .col(uuid(CommissionUpdates::AuthorId))
                    .col(text(CommissionUpdates::Body))
                    // Whether this note closed the commission.
                    .col(boolean(CommissionUpdates::Closes).default(false))
                    .col(timestamp_with_time_zone(CommissionUpdates::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommissionUpdates::Table, CommissionUpdates::CommissionId)
                            .to(Commissions::Table, Commissions::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_commission_updates_commission")
                    .table(CommissionUpdates::Table)
                    .col(CommissionUpdates::CommissionId)
                    .col(CommissionUpdates::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CommissionUpdates::Table.into_iden(),
            Commissions::Table.into_iden(),
            Recusals::Table.into_iden(),
            Attendances::Table.into_iden(),
            AgendaItems::Table.into_iden(),
            Meetings::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
