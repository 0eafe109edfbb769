//! The steering group's meetings, agenda, attendance, recusals, minutes, resolutions and commissions
//! (server only; issue 15). Every function takes the tenant's scope and decides nothing: who may read or
//! change what is asked of `model::policy` and `model::steering` by `app::steering::ops`.

use super::TenantScope;
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use model::entity::{agenda_item, attendance, commission, commission_update, meeting, recusal};
use model::steering::commission::{Assignee, CommissionState};
use model::steering::meeting::Attendance;
use model::steering::minutes::{MinutesState, Outcome, Vote};
use model::steering::view::{AgendaInput, CommissionInput, MeetingInput, ResolutionInput};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// The tenant's meetings, newest first.
pub async fn meetings(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<meeting::Model>, AppError> {
    Ok(meeting::Entity::find()
        .filter(meeting::Column::TenantId.eq(scope.id()))
        .order_by_desc(meeting::Column::StartsAt)
        .all(db)
        .await?)
}

/// One meeting of the tenant.
pub async fn meeting(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<meeting::Model, AppError> {
    meeting::Entity::find_by_id(id)
        .filter(meeting::Column::TenantId.eq(scope.id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn create_meeting(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    input: &MeetingInput,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<meeting::Model, AppError> {
    let row = meeting::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        title: Set(input.title.clone()),
        starts_at: Set(input.starts_at),
        ends_at: Set(input.ends_at()),
        place: Set(input.place.clone()),
        video_link: Set(input.video_link.clone()),
        created_by: Set(by),
        created_at: Set(now),
        invited_at: Set(None),
        invitation_sequence: Set(0),
        minutes_state: Set(MinutesState::Draft.as_str().to_owned()),
        minutes_text: Set(String::new()),
        minutes_writer_id: Set(None),
        minutes_updated_at: Set(None),
        approved_at_meeting_id: Set(None),
    };
    Ok(row.insert(db).await?)
}

/// Writes changed columns of a meeting (already loaded within the scope).
pub async fn update_meeting(db: &impl ConnectionTrait, row: meeting::ActiveModel) -> Result<meeting::Model, AppError> {
    Ok(row.update(db).await?)
}

/// The agenda items of some meetings, in order.
pub async fn agenda(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    meetings: &[Uuid],
) -> Result<Vec<agenda_item::Model>, AppError> {
    Ok(agenda_item::Entity::find()
        .filter(agenda_item::Column::TenantId.eq(scope.id()))
        .filter(agenda_item::Column::MeetingId.is_in(meetings.iter().copied()))
        .order_by_asc(agenda_item::Column::MeetingId)
        .order_by_asc(agenda_item::Column::Position)
        .all(db)
        .await?)
}

/// Every agenda item of the tenant that carries a resolution.
pub async fn resolved_items(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<agenda_item::Model>, AppError> {
    Ok(agenda_item::Entity::find()
        .filter(agenda_item::Column::TenantId.eq(scope.id()))
        .filter(agenda_item::Column::ResolutionNumber.is_not_null())
        .order_by_desc(agenda_item::Column::DecidedAt)
        .all(db)
        .await?)
}

/// One agenda item of the tenant.
pub async fn agenda_item(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<agenda_item::Model, AppError> {
    agenda_item::Entity::find_by_id(id)
        .filter(agenda_item::Column::TenantId.eq(scope.id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Some agenda items of the tenant, by id.
pub async fn agenda_items(db: &impl ConnectionTrait, scope: &TenantScope, ids: &[Uuid]) -> Result<Vec<agenda_item::Model>, AppError> {
    Ok(agenda_item::Entity::find()
        .filter(agenda_item::Column::TenantId.eq(scope.id()))
        .filter(agenda_item::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

/// Appends an item to the meeting's agenda.
pub async fn add_agenda_item(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    meeting: Uuid,
    input: &AgendaInput,
) -> Result<agenda_item::Model, AppError> {
    let last = agenda(db, scope, &[meeting]).await?.iter().map(|i| i.position).max().unwrap_or(0);
    let (kind, reference) = input.subject.as_ref().map_or((String::new(), String::new()), |s| (s.kind.as_str().to_owned(), s.reference.clone()));
    let row = agenda_item::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        meeting_id: Set(meeting),
        position: Set(last + 1),
        title: Set(input.title.clone()),
        subject_kind: Set(kind),
        subject_ref: Set(reference),
        resolution_number: Set(None),
        resolution_text: Set(None),
        topic: Set(None),
        votes_yes: Set(None),
        votes_no: Set(None),
        votes_abstain: Set(None),
        outcome: Set(None),
        decided_at: Set(None),
    };
    Ok(row.insert(db).await?)
}

/// The next resolution number of `year` within the tenant: `2025/07`.
pub async fn next_resolution_number(db: &impl ConnectionTrait, scope: &TenantScope, year: i32) -> Result<String, AppError> {
    let taken = agenda_item::Entity::find()
        .filter(agenda_item::Column::TenantId.eq(scope.id()))
        .filter(agenda_item::Column::ResolutionNumber.starts_with(format!("{year}/")))
        .all(db)
        .await?;
    let last = taken
        .iter()
        .filter_map(|row| row.resolution_number.as_deref()?.split_once('/')?.1.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    Ok(format!("{year}/{:02}", last + 1))
}

/// Records (or corrects) the resolution on an item.
pub async fn record_resolution(
    db: &impl ConnectionTrait,
    item: agenda_item::Model,
    number: String,
    input: &ResolutionInput,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<agenda_item::Model, AppError> {
    let vote: Option<Vote> = (!input.deferred).then_some(input.vote);
    let count = |pick: fn(&Vote) -> u32| vote.map(|v| i32::try_from(pick(&v)).unwrap_or(i32::MAX));
    let mut row: agenda_item::ActiveModel = item.into();
    row.resolution_number = Set(Some(number));
    row.resolution_text = Set(Some(input.text.clone()));
    row.topic = Set(Some(input.topic.as_str().to_owned()));
    row.votes_yes = Set(count(|v| v.yes));
    row.votes_no = Set(count(|v| v.no));
    row.votes_abstain = Set(count(|v| v.abstain));
    row.outcome = Set(Some(outcome.as_str().to_owned()));
    row.decided_at = Set(Some(now));
    Ok(row.update(db).await?)
}

/// Attendance recorded for a meeting.
pub async fn attendance(db: &impl ConnectionTrait, scope: &TenantScope, meeting: Uuid) -> Result<Vec<attendance::Model>, AppError> {
    Ok(attendance::Entity::find()
        .filter(attendance::Column::TenantId.eq(scope.id()))
        .filter(attendance::Column::MeetingId.eq(meeting))
        .all(db)
        .await?)
}

/// Replaces the attendance of a meeting.
pub async fn set_attendance(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    meeting: Uuid,
    rows: &[(Uuid, Attendance)],
) -> Result<(), AppError> {
    attendance::Entity::delete_many()
        .filter(attendance::Column::TenantId.eq(scope.id()))
        .filter(attendance::Column::MeetingId.eq(meeting))
        .exec(db)
        .await?;
    for (user, attendance) in rows {
        attendance::Entity::insert(attendance::ActiveModel {
            meeting_id: Set(meeting),
            user_id: Set(*user),
            tenant_id: Set(scope.id()),
            attendance: Set(attendance.as_str().to_owned()),
        })
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Recusals of some agenda items.
pub async fn recusals(db: &impl ConnectionTrait, scope: &TenantScope, items: &[Uuid]) -> Result<Vec<recusal::Model>, AppError> {
    Ok(recusal::Entity::find()
        .filter(recusal::Column::TenantId.eq(scope.id()))
        .filter(recusal::Column::AgendaItemId.is_in(items.iter().copied()))
        .all(db)
        .await?)
}

/// Replaces the recusals of an agenda item.
pub async fn set_recusals(db: &impl ConnectionTrait, scope: &TenantScope, item: Uuid, users: &[Uuid]) -> Result<(), AppError> {
    recusal::Entity::delete_many()
        .filter(recusal::Column::TenantId.eq(scope.id()))
        .filter(recusal::Column::AgendaItemId.eq(item))
        .exec(db)
        .await?;
    for user in users {
        recusal::Entity::insert(recusal::ActiveModel { agenda_item_id: Set(item), user_id: Set(*user), tenant_id: Set(scope.id()) })
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// The tenant's commissions, due first.
pub async fn commissions(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<commission::Model>, AppError> {
    Ok(commission::Entity::find()
        .filter(commission::Column::TenantId.eq(scope.id()))
        .order_by_asc(commission::Column::DueOn)
        .all(db)
        .await?)
}

/// Open commissions of every tenant due on one of `days` (for the daily reminders).
pub async fn open_commissions_due(db: &impl ConnectionTrait, days: &[NaiveDate]) -> Result<Vec<commission::Model>, AppError> {
    Ok(commission::Entity::find()
        .filter(commission::Column::State.eq(CommissionState::Open.as_str()))
        .filter(commission::Column::DueOn.is_in(days.iter().copied()))
        .all(db)
        .await?)
}

pub async fn commission(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<commission::Model, AppError> {
    commission::Entity::find_by_id(id)
        .filter(commission::Column::TenantId.eq(scope.id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The stored form of an assignee: kind, user, organisation.
pub fn assignee_columns(assignee: Assignee) -> (&'static str, Option<Uuid>, Option<Uuid>) {
    match assignee {
        Assignee::Coordinator { user_id } => ("coordinator", Some(user_id), None),
        Assignee::ProjectCarrier { organisation_id } => ("project_carrier", None, Some(organisation_id)),
        Assignee::YouthOffice => ("youth_office", None, None),
    }
}

/// The assignee of a stored commission.
pub fn assignee_of(row: &commission::Model) -> Result<Assignee, AppError> {
    match (row.assignee_kind.as_str(), row.assignee_user_id, row.assignee_organisation_id) {
        ("coordinator", Some(user_id), _) => Ok(Assignee::Coordinator { user_id }),
        ("project_carrier", _, Some(organisation_id)) => Ok(Assignee::ProjectCarrier { organisation_id }),
        ("youth_office", _, _) => Ok(Assignee::YouthOffice),
        _ => Err(AppError::internal(format!("assignee of commission {}", row.id))),
    }
}

pub async fn add_commission(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    input: &CommissionInput,
    given_on: NaiveDate,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<commission::Model, AppError> {
    let (kind, user, organisation) = assignee_columns(input.assignee);
    let row = commission::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        agenda_item_id: Set(input.agenda_item_id),
        title: Set(input.title.clone()),
        details: Set(input.details.clone()),
        assignee_kind: Set(kind.to_owned()),
        assignee_user_id: Set(user),
        assignee_organisation_id: Set(organisation),
        given_on: Set(given_on),
        due_on: Set(input.due_on),
        state: Set(CommissionState::Open.as_str().to_owned()),
        created_by: Set(by),
        created_at: Set(now),
        closed_at: Set(None),
        closed_by: Set(None),
    };
    Ok(row.insert(db).await?)
}

/// Notes on some commissions, oldest first.
pub async fn notes(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    commissions: &[Uuid],
) -> Result<Vec<commission_update::Model>, AppError> {
    Ok(commission_update::Entity::find()
        .filter(commission_update::Column::TenantId.eq(scope.id()))
        .filter(commission_update::Column::CommissionId.is_in(commissions.iter().copied()))
        .order_by_asc(commission_update::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Adds a note to a commission; a closing note marks it done.
pub async fn add_note(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    commission: &commission::Model,
    note: &str,
    closes: bool,
    by: Uuid,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    commission_update::Entity::insert(commission_update::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        commission_id: Set(commission.id),
        author_id: Set(by),
        body: Set(note.to_owned()),
        closes: Set(closes),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    if closes {
        commission::Entity::update_many()
            .col_expr(commission::Column::State, Expr::value(CommissionState::Done.as_str()))
            .col_expr(commission::Column::ClosedAt, Expr::value(now))
            .col_expr(commission::Column::ClosedBy, Expr::value(by))
            .filter(commission::Column::TenantId.eq(scope.id()))
            .filter(commission::Column::Id.eq(commission.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Email and name of the tenant's active people among `ids` (for invitations).
pub async fn contacts(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String, String)>, AppError> {
    use model::entity::user;
    let rows = user::Entity::find()
        .filter(user::Column::TenantId.eq(scope.id()))
        .filter(user::Column::Id.is_in(ids.iter().copied()))
        .filter(user::Column::Status.eq(crate::auth::accounts::STATUS_ACTIVE))
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| (u.id, u.email, u.display_name)).collect())
}

/// The tenant's active coordinators (id, name), by name.
pub async fn coordinators(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<(Uuid, String)>, AppError> {
    use model::entity::{role_grant, user};
    let grants = role_grant::Entity::find()
        .filter(role_grant::Column::TenantId.eq(scope.id()))
        .filter(role_grant::Column::Role.eq(model::RoleKind::Coordinator.as_str()))
        .all(db)
        .await?;
    let rows = user::Entity::find()
        .filter(user::Column::TenantId.eq(scope.id()))
        .filter(user::Column::Id.is_in(grants.into_iter().map(|g| g.user_id)))
        .filter(user::Column::Status.eq(crate::auth::accounts::STATUS_ACTIVE))
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|u| (u.id, u.display_name)).collect())
}
