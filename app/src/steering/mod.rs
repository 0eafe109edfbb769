//! The steering group's own business (issue 15; seed §3): meetings with agenda, attendance and
//! invitations, the minutes with a resolution per agenda item, the resolutions register, and commissions.
//!
//! Who may do what: every member and the administration read (`Permission::ReadSteering`); the
//! project-carrier seat runs the business (`Permission::RunSteering`: meetings, agenda, invitations,
//! commissions) and writes the minutes, as does a member the group names for one meeting
//! (`model::steering::may_write_minutes`). Commissions are seen by the readers and by whom they are addressed
//! to (`model::steering::commission::may_see`). As elsewhere, the operations live in [`ops`], take an
//! [`crate::actor::Actor`] and serve the server functions below and the REST API.

#[cfg(feature = "ssr")]
pub mod ops {
    use crate::actor::Actor;
    use crate::store::{TenantScope, files, names, steering as store};
    use crate::{AppError, InvalidReason};
    use chrono::{DateTime, NaiveDate, Utc};
    use model::datetime::DEFAULT_TIME_ZONE;
    use model::entity::{agenda_item, commission, meeting};
    use model::file::Owner;
    use model::policy::Permission;
    use model::steering::commission::{self as rules, Assignee, CommissionState, Reader};
    use model::steering::meeting::{Attendance, Quorum, composition_warning};
    use model::steering::minutes::{MinutesState, Outcome, Vote, decide};
    use model::steering::view::*;
    use model::steering::may_write_minutes;
    use model::{Role, SeatType};
    use sea_orm::{ActiveValue::Set, ConnectionTrait, TransactionTrait};
    use std::collections::HashMap;
    use uuid::Uuid;

    pub fn input(problem: InputProblem) -> AppError {
        let reason = match problem.kind {
            ProblemKind::Required => InvalidReason::Required,
            ProblemKind::TooLong => InvalidReason::TooLong,
            ProblemKind::Malformed => InvalidReason::Malformed,
        };
        AppError::invalid(problem.field, reason)
    }

    fn today(now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&DEFAULT_TIME_ZONE).date_naive()
    }

    fn state_of(row: &meeting::Model) -> Result<MinutesState, AppError> {
        MinutesState::parse(&row.minutes_state).ok_or_else(|| AppError::internal(format!("minutes state of {}", row.id)))
    }

    fn seat_of(roles: &[Role]) -> Option<SeatType> {
        roles.iter().find_map(|role| match role {
            Role::Steering { seat } => Some(seat.kind()),
            _ => None,
        })
    }

    /// Who reads commissions how.
    pub fn reader(actor: &Actor) -> Reader {
        let roles = &actor.caller().roles;
        Reader {
            reads_all: actor.holds(Permission::ReadSteering),
            is_youth_office: roles
                .iter()
                .any(|r| matches!(r, Role::Admin | Role::Steering { seat: model::Seat::Administration })),
            user_id: Some(actor.caller().user_id),
            organisations: roles.iter().filter_map(|r| r.organisation_id()).collect(),
        }
    }

    /// Everything about a tenant's meetings read once per request.
    struct Facts {
        members: Vec<crate::store::evaluation::Member>,
        quorum: u32,
        users: HashMap<Uuid, String>,
        organisations: HashMap<Uuid, String>,
    }

    impl Facts {
        async fn read(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Facts, AppError> {
            Ok(Facts {
                members: crate::store::evaluation::steering_members(db, scope).await?,
                quorum: u32::try_from(crate::store::awards::quorum(db, scope).await?).unwrap_or(4),
                users: names::users(db, scope).await?,
                organisations: names::organisations(db, scope).await?,
            })
        }

        fn user(&self, id: Uuid) -> String {
            self.users.get(&id).cloned().unwrap_or_default()
        }

        fn assignee_name(&self, assignee: Assignee) -> String {
            match assignee {
                Assignee::Coordinator { user_id } => self.user(user_id),
                Assignee::ProjectCarrier { organisation_id } => {
                    self.organisations.get(&organisation_id).cloned().unwrap_or_default()
                }
                Assignee::YouthOffice => String::new(),
            }
        }
    }

    fn summary(row: &meeting::Model, items: &[agenda_item::Model]) -> Result<MeetingSummary, AppError> {
        let own = items.iter().filter(|i| i.meeting_id == row.id);
        Ok(MeetingSummary {
            id: row.id,
            title: row.title.clone(),
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            place: row.place.clone(),
            video_link: row.video_link.clone(),
            invited_at: row.invited_at,
            minutes_state: state_of(row)?,
            agenda_items: u32::try_from(own.clone().count()).unwrap_or(u32::MAX),
            resolutions: u32::try_from(own.filter(|i| i.resolution_number.is_some()).count()).unwrap_or(u32::MAX),
        })
    }

    fn resolution_of(item: &agenda_item::Model) -> Result<Option<ResolutionView>, AppError> {
        let (Some(number), Some(text), Some(topic), Some(outcome), Some(decided_at)) = (
            item.resolution_number.clone(),
            item.resolution_text.clone(),
            item.topic.as_deref(),
            item.outcome.as_deref(),
            item.decided_at,
        ) else {
            return Ok(None);
        };
        let bad = || AppError::internal(format!("resolution of {}", item.id));
        let count = |n: Option<i32>| u32::try_from(n.unwrap_or(0)).unwrap_or(0);
        let vote = item.votes_yes.map(|_| Vote { yes: count(item.votes_yes), no: count(item.votes_no), abstain: count(item.votes_abstain) });
        Ok(Some(ResolutionView {
            number,
            text,
            topic: Topic::parse(topic).ok_or_else(bad)?,
            vote,
            outcome: Outcome::parse(outcome).ok_or_else(bad)?,
            decided_at,
        }))
    }

    fn subject_of(item: &agenda_item::Model) -> Option<Subject> {
        SubjectKind::parse(&item.subject_kind).map(|kind| Subject { kind, reference: item.subject_ref.clone() })
    }

    fn commission_summary(facts: &Facts, row: &commission::Model, items: &HashMap<Uuid, agenda_item::Model>, today: NaiveDate) -> Result<CommissionSummary, AppError> {
        let assignee = store::assignee_of(row)?;
        let state = CommissionState::parse(&row.state).ok_or_else(|| AppError::internal(format!("state of {}", row.id)))?;
        let item = row.agenda_item_id.and_then(|id| items.get(&id));
        Ok(CommissionSummary {
            id: row.id,
            title: row.title.clone(),
            assignee,
            assignee_name: facts.assignee_name(assignee),
            given_on: row.given_on,
            due_on: row.due_on,
            state,
            overdue: rules::is_overdue(state, row.due_on, today),
            resolution: item.and_then(|i| i.resolution_number.clone()),
            meeting_id: item.map(|i| i.meeting_id),
        })
    }

    /// The tenant's meetings, newest first.
    pub async fn meetings(actor: &Actor) -> Result<Vec<MeetingSummary>, AppError> {
        actor.check(Permission::ReadSteering)?;
        let db = &actor.server.db;
        let rows = store::meetings(db, &actor.tenant).await?;
        let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
        let items = store::agenda(db, &actor.tenant, &ids).await?;
        rows.iter().map(|row| summary(row, &items)).collect()
    }

    async fn view(db: &impl ConnectionTrait, actor: &Actor, row: &meeting::Model, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let scope = &actor.tenant;
        let facts = Facts::read(db, scope).await?;
        let items = store::agenda(db, scope, &[row.id]).await?;
        let item_ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
        let recusals = store::recusals(db, scope, &item_ids).await?;
        let attendance: HashMap<Uuid, Attendance> = store::attendance(db, scope, row.id)
            .await?
            .into_iter()
            .filter_map(|a| Attendance::parse(&a.attendance).map(|p| (a.user_id, p)))
            .collect();
        let present: Vec<Uuid> =
            attendance.iter().filter(|(_, a)| **a == Attendance::Present).map(|(u, _)| *u).collect();
        let agenda = items
            .iter()
            .map(|item| {
                let recused: Vec<Uuid> = recusals.iter().filter(|r| r.agenda_item_id == item.id).map(|r| r.user_id).collect();
                let recused_present = recused.iter().filter(|u| present.contains(u)).count();
                Ok(AgendaItemView {
                    id: item.id,
                    position: u32::try_from(item.position).unwrap_or(0),
                    title: item.title.clone(),
                    subject: subject_of(item),
                    quorum: Quorum::of(
                        facts.quorum,
                        u32::try_from(present.len()).unwrap_or(u32::MAX),
                        u32::try_from(recused_present).unwrap_or(u32::MAX),
                    ),
                    recused,
                    resolution: resolution_of(item)?,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let seats: Vec<SeatType> = facts.members.iter().filter_map(|m| seat_of(&m.roles)).collect();
        let warning = composition_warning(seats.iter().copied());
        let counted = model::role::SeatComposition::count(seats);
        let attendance_rows = facts
            .members
            .iter()
            .filter_map(|m| {
                Some(AttendanceRow { user_id: m.id, name: m.name.clone(), seat: seat_of(&m.roles)?, attendance: attendance.get(&m.id).copied() })
            })
            .collect();
        let approved_at = match row.approved_at_meeting_id {
            Some(id) => {
                let by = store::meeting(db, scope, id).await?;
                Some(MeetingRef { id: by.id, title: by.title, starts_at: by.starts_at })
            }
            None => None,
        };
        let by_item: HashMap<Uuid, agenda_item::Model> = items.iter().map(|i| (i.id, i.clone())).collect();
        let reader = reader(actor);
        let commissions = store::commissions(db, scope)
            .await?
            .iter()
            .filter(|c| c.agenda_item_id.is_some_and(|i| by_item.contains_key(&i)))
            .map(|c| commission_summary(&facts, c, &by_item, today(now)))
            .filter(|c| c.as_ref().map_or(true, |c| rules::may_see(&reader, c.assignee)))
            .collect::<Result<Vec<_>, _>>()?;
        let state = state_of(row)?;
        Ok(MeetingView {
            summary: summary(row, &items)?,
            agenda,
            attendance: attendance_rows,
            composition: Composition {
                administration: u32::try_from(counted.administration).unwrap_or(0),
                committee: u32::try_from(counted.committee).unwrap_or(0),
                project_carrier: u32::try_from(counted.project_carrier).unwrap_or(0),
                as_resolved: warning.is_none(),
            },
            minutes_text: row.minutes_text.clone(),
            minutes_writer_id: row.minutes_writer_id,
            minutes_writer: row.minutes_writer_id.map(|u| facts.user(u)),
            minutes_updated_at: row.minutes_updated_at,
            approved_at,
            commissions,
            files: files::of_owners(db, scope, Owner::Meeting, &[row.id]).await?.iter().map(files::file_ref).collect(),
            may_prepare: actor.holds(Permission::RunSteering) && state != MinutesState::Approved,
            may_invite: actor.holds(Permission::RunSteering) && state != MinutesState::Approved && row.starts_at > now,
            may_write: may_write_minutes(actor.who(), row.minutes_writer_id) && state != MinutesState::Approved,
        })
    }

    /// One meeting with agenda, attendance, quorum per item, minutes and resolutions.
    pub async fn meeting(actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        actor.check(Permission::ReadSteering)?;
        let db = &actor.server.db;
        let row = store::meeting(db, &actor.tenant, id).await?;
        view(db, actor, &row, now).await
    }

    /// Plans a meeting. Audited.
    pub async fn create_meeting(actor: &Actor, input: MeetingInput, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        actor.check(Permission::RunSteering)?;
        let input = input.checked().map_err(self::input)?;
        let txn = actor.server.db.begin().await?;
        let row = store::create_meeting(&txn, &actor.tenant, &input, actor.caller().user_id, now).await?;
        let after = serde_json::json!({"title": row.title, "starts_at": row.starts_at, "place": row.place, "video_link": row.video_link});
        actor.audit(&txn, "steering.meeting_planned", "meeting", row.id, None, Some(after)).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Loads a meeting for a change of its minutes: the caller must write them, and they must not be approved.
    async fn for_minutes(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> Result<meeting::Model, AppError> {
        actor.check(Permission::ReadSteering)?;
        let row = store::meeting(db, &actor.tenant, id).await?;
        if !may_write_minutes(actor.who(), row.minutes_writer_id) {
            return Err(AppError::Forbidden);
        }
        state_of(&row)?.check_edit()?;
        Ok(row)
    }

    /// Loads a meeting for its preparation (agenda, invitation, writer): the project-carrier seat, until the
    /// minutes are approved.
    async fn for_preparation(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> Result<meeting::Model, AppError> {
        actor.check(Permission::RunSteering)?;
        let row = store::meeting(db, &actor.tenant, id).await?;
        state_of(&row)?.check_edit()?;
        Ok(row)
    }

    /// Checks that the object an agenda item names is the tenant's.
    async fn check_subject(db: &impl ConnectionTrait, scope: &TenantScope, subject: &Subject) -> Result<(), AppError> {
        use model::entity::{call, report};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let missing = || AppError::invalid("subject", InvalidReason::Malformed);
        let id = || Uuid::parse_str(&subject.reference).map_err(|_| missing());
        let found = match subject.kind {
            SubjectKind::BudgetYear => true,
            SubjectKind::Call | SubjectKind::Ranking => {
                call::Entity::find_by_id(id()?).filter(call::Column::TenantId.eq(scope.id())).one(db).await?.is_some()
            }
            SubjectKind::Report => {
                report::Entity::find_by_id(id()?).filter(report::Column::TenantId.eq(scope.id())).one(db).await?.is_some()
            }
        };
        if found { Ok(()) } else { Err(missing()) }
    }

    /// Adds an item to the agenda. Audited.
    pub async fn add_agenda_item(actor: &Actor, meeting: Uuid, input: AgendaInput, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let input = input.checked().map_err(self::input)?;
        let txn = actor.server.db.begin().await?;
        let row = for_preparation(&txn, actor, meeting).await?;
        if let Some(subject) = &input.subject {
            check_subject(&txn, &actor.tenant, subject).await?;
        }
        let item = store::add_agenda_item(&txn, &actor.tenant, row.id, &input).await?;
        let after = serde_json::json!({"meeting": row.id, "title": item.title, "subject": input.subject});
        actor.audit(&txn, "steering.agenda_item_added", "agenda_item", item.id, None, Some(after)).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Attaches a paper (PDF, ODT or DOCX) to a meeting: the project-carrier seat, until the minutes are
    /// approved. Checked before the file travels to storage and again in the transaction that records it.
    /// Audited.
    pub async fn attach(
        actor: &Actor,
        meeting: Uuid,
        file_name: &str,
        bytes: bytes::Bytes,
        now: DateTime<Utc>,
    ) -> Result<model::file::FileRef, AppError> {
        for_preparation(&actor.server.db, actor, meeting).await?;
        let storage = &actor.server.storage;
        let prefix = format!("{}/meetings/{meeting}", actor.tenant.id());
        let staged = crate::attachments::stage(storage, &prefix, file_name, bytes).await?;
        let recorded = async {
            let txn = actor.server.db.begin().await?;
            for_preparation(&txn, actor, meeting).await?;
            if files::count(&txn, &actor.tenant, Owner::Meeting, meeting).await? >= model::file::MAX_FILES as u64 {
                return Err(AppError::invalid("file", InvalidReason::TooLong));
            }
            let row = files::add(&txn, &actor.tenant, Owner::Meeting, meeting, &staged, actor.caller().user_id, now).await?;
            let after = serde_json::json!({"file": row.id, "file_name": row.file_name, "sha256": row.sha256});
            actor.audit(&txn, "steering.file_added", "meeting", meeting, None, Some(after)).await?;
            txn.commit().await?;
            Ok(files::file_ref(&row))
        }
        .await;
        if recorded.is_err() {
            crate::attachments::discard(storage, &staged.key).await;
        }
        recorded
    }

    /// A meeting's paper, with its bytes, for the group and the administration.
    pub async fn file(
        actor: &Actor,
        meeting: Uuid,
        file: Uuid,
    ) -> Result<(model::entity::file::Model, bytes::Bytes), AppError> {
        actor.check(Permission::ReadSteering)?;
        let db = &actor.server.db;
        store::meeting(db, &actor.tenant, meeting).await?;
        let row = files::one(db, &actor.tenant, Owner::Meeting, meeting, file).await?;
        let bytes = actor.server.storage.get(&row.storage_key).await.map_err(AppError::internal)?;
        Ok((row, bytes))
    }

    /// Names the member who writes this meeting's minutes (or nobody: the project-carrier seat). Audited.
    pub async fn name_writer(actor: &Actor, meeting: Uuid, writer: Option<Uuid>, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let txn = actor.server.db.begin().await?;
        let row = for_preparation(&txn, actor, meeting).await?;
        if let Some(writer) = writer {
            let members = crate::store::evaluation::steering_members(&txn, &actor.tenant).await?;
            if !members.iter().any(|m| m.id == writer) {
                return Err(AppError::invalid("writer", InvalidReason::Malformed));
            }
        }
        let before = serde_json::json!({"writer": row.minutes_writer_id});
        let mut change: meeting::ActiveModel = row.into();
        change.minutes_writer_id = Set(writer);
        let row = store::update_meeting(&txn, change).await?;
        actor.audit(&txn, "steering.minutes_writer_named", "meeting", row.id, Some(before), Some(serde_json::json!({"writer": writer}))).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Invites all members: one email each with the agenda and an iCalendar invitation. A second invitation
    /// (after a change) replaces the first in calendars. Audited.
    pub async fn invite(actor: &Actor, meeting: Uuid, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let txn = actor.server.db.begin().await?;
        let row = for_preparation(&txn, actor, meeting).await?;
        if row.starts_at <= now {
            return Err(AppError::invalid("starts_at", InvalidReason::Frozen));
        }
        let sequence = row.invitation_sequence + 1;
        let items = store::agenda(&txn, &actor.tenant, &[row.id]).await?;
        let members = crate::store::evaluation::steering_members(&txn, &actor.tenant).await?;
        let people = store::contacts(&txn, &actor.tenant, &members.iter().map(|m| m.id).collect::<Vec<_>>()).await?;
        let slug = actor.tenant.view().slug.to_string();
        let link = format!("{}/{slug}/steering/meetings/{}", actor.server.public_url, row.id);
        let agenda: Vec<String> = items.iter().map(|i| format!("{}. {}", i.position, i.title)).collect();
        let organiser = people.iter().find(|p| p.0 == actor.caller().user_id).cloned();
        let calendar = super::calendar::invitation(&super::calendar::Invitation {
            uid: &format!("{}@spielraum", row.id),
            sequence: u32::try_from(sequence).unwrap_or(0),
            title: &row.title,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            place: &row.place,
            video_link: &row.video_link,
            agenda: &agenda,
            link: &link,
            organiser: organiser.as_ref().map(|(_, email, name)| (email.as_str(), name.as_str())),
            attendees: &people.iter().map(|(_, email, name)| (email.as_str(), name.as_str())).collect::<Vec<_>>(),
            now,
        });
        for (user, email, _) in &people {
            let mail = crate::mail::meeting_invitation(email, &row.title, row.starts_at, &row.place, &row.video_link, &agenda, &link, calendar.clone());
            let key = format!("meeting-invitation:{}:{sequence}:{user}", row.id);
            crate::jobs::enqueue(&txn, &crate::jobs::Job::Email { user: Some(*user), mail }, now, Some(key), now).await?;
        }
        let mut change: meeting::ActiveModel = row.into();
        change.invited_at = Set(Some(now));
        change.invitation_sequence = Set(sequence);
        let row = store::update_meeting(&txn, change).await?;
        let after = serde_json::json!({"sequence": sequence, "recipients": people.len()});
        actor.audit(&txn, "steering.invited", "meeting", row.id, None, Some(after)).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Records who attended. Only members of the group; anyone not named keeps no entry. Audited.
    pub async fn set_attendance(actor: &Actor, meeting: Uuid, rows: Vec<(Uuid, Attendance)>, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let txn = actor.server.db.begin().await?;
        let row = for_minutes(&txn, actor, meeting).await?;
        let members = crate::store::evaluation::steering_members(&txn, &actor.tenant).await?;
        if rows.iter().any(|(user, _)| !members.iter().any(|m| m.id == *user)) {
            return Err(AppError::invalid("attendance", InvalidReason::Malformed));
        }
        let before: Vec<_> = store::attendance(&txn, &actor.tenant, row.id).await?.into_iter().map(|a| (a.user_id, a.attendance)).collect();
        store::set_attendance(&txn, &actor.tenant, row.id, &rows).await?;
        let after: Vec<_> = rows.iter().map(|(u, a)| (u, a.as_str())).collect();
        actor.audit(&txn, "steering.attendance_recorded", "meeting", row.id, Some(serde_json::json!(before)), Some(serde_json::json!(after))).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Records which members are recused from an item. Audited.
    pub async fn set_recusals(actor: &Actor, item: Uuid, users: Vec<Uuid>, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let txn = actor.server.db.begin().await?;
        let item = store::agenda_item(&txn, &actor.tenant, item).await?;
        let row = for_minutes(&txn, actor, item.meeting_id).await?;
        let members = crate::store::evaluation::steering_members(&txn, &actor.tenant).await?;
        if users.iter().any(|u| !members.iter().any(|m| m.id == *u)) {
            return Err(AppError::invalid("recused", InvalidReason::Malformed));
        }
        let before: Vec<Uuid> = store::recusals(&txn, &actor.tenant, &[item.id]).await?.into_iter().map(|r| r.user_id).collect();
        store::set_recusals(&txn, &actor.tenant, item.id, &users).await?;
        actor.audit(&txn, "steering.recusals_recorded", "agenda_item", item.id, Some(serde_json::json!(before)), Some(serde_json::json!(users))).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Writes the minutes' text. Corrections after circulation are allowed until approval. Audited with the
    /// text before and after.
    pub async fn save_minutes(actor: &Actor, meeting: Uuid, text: String, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let text = text.trim().to_owned();
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(AppError::invalid("minutes", InvalidReason::TooLong));
        }
        let txn = actor.server.db.begin().await?;
        let row = for_minutes(&txn, actor, meeting).await?;
        let before = serde_json::json!({"text": row.minutes_text, "state": row.minutes_state});
        let mut change: meeting::ActiveModel = row.into();
        change.minutes_text = Set(text.clone());
        change.minutes_updated_at = Set(Some(now));
        let row = store::update_meeting(&txn, change).await?;
        actor.audit(&txn, "steering.minutes_written", "meeting", row.id, Some(before), Some(serde_json::json!({"text": text}))).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Records the resolution on an item: the vote is counted against the item's quorum (recused members
    /// excluded), or the item is deferred. A correction keeps the resolution's number. Audited.
    pub async fn record_resolution(actor: &Actor, item: Uuid, input: ResolutionInput, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let input = input.checked().map_err(self::input)?;
        let txn = actor.server.db.begin().await?;
        let item = store::agenda_item(&txn, &actor.tenant, item).await?;
        let row = for_minutes(&txn, actor, item.meeting_id).await?;
        let shown = view(&txn, actor, &row, now).await?;
        let quorum = shown.agenda.iter().find(|i| i.id == item.id).map(|i| i.quorum).ok_or(AppError::NotFound)?;
        let outcome = if input.deferred { Outcome::Deferred } else { decide(input.vote, quorum)? };
        let year = row.starts_at.with_timezone(&DEFAULT_TIME_ZONE).format("%Y").to_string().parse::<i32>().unwrap_or(0);
        let number = match item.resolution_number.clone() {
            Some(number) => number,
            None => store::next_resolution_number(&txn, &actor.tenant, year).await?,
        };
        let before = resolution_of(&item)?;
        let item = store::record_resolution(&txn, item, number, &input, outcome, now).await?;
        let after = resolution_of(&item)?;
        actor.audit(&txn, "steering.resolution_recorded", "agenda_item", item.id, before.map(|b| serde_json::json!(b)), after.map(|a| serde_json::json!(a))).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Sends the minutes round (again, after corrections). Audited.
    pub async fn circulate(actor: &Actor, meeting: Uuid, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        let txn = actor.server.db.begin().await?;
        let row = for_minutes(&txn, actor, meeting).await?;
        let state = state_of(&row)?.circulate()?;
        let before = serde_json::json!({"state": row.minutes_state});
        let mut change: meeting::ActiveModel = row.into();
        change.minutes_state = Set(state.as_str().to_owned());
        let row = store::update_meeting(&txn, change).await?;
        actor.audit(&txn, "steering.minutes_circulated", "meeting", row.id, Some(before), Some(serde_json::json!({"state": state}))).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Approves the minutes at a later meeting (`at`), which freezes them. The project-carrier seat, or the
    /// writer of the approving meeting's minutes. Audited.
    pub async fn approve(actor: &Actor, meeting: Uuid, at: Uuid, now: DateTime<Utc>) -> Result<MeetingView, AppError> {
        actor.check(Permission::ReadSteering)?;
        let txn = actor.server.db.begin().await?;
        let row = store::meeting(&txn, &actor.tenant, meeting).await?;
        let approving = store::meeting(&txn, &actor.tenant, at).await.map_err(|_| AppError::invalid("at", InvalidReason::Malformed))?;
        if !may_write_minutes(actor.who(), approving.minutes_writer_id) {
            return Err(AppError::Forbidden);
        }
        let day = |t: DateTime<Utc>| t.with_timezone(&DEFAULT_TIME_ZONE).date_naive();
        let state = state_of(&row)?.approve(day(row.starts_at), day(approving.starts_at))?;
        let mut change: meeting::ActiveModel = row.into();
        change.minutes_state = Set(state.as_str().to_owned());
        change.approved_at_meeting_id = Set(Some(approving.id));
        let row = store::update_meeting(&txn, change).await?;
        actor.audit(&txn, "steering.minutes_approved", "meeting", row.id, None, Some(serde_json::json!({"at": approving.id}))).await?;
        let shown = view(&txn, actor, &row, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// The resolutions register, newest first, narrowed by `filter`.
    pub async fn register(actor: &Actor, filter: &ResolutionFilter) -> Result<Vec<ResolutionRow>, AppError> {
        actor.check(Permission::ReadSteering)?;
        let db = &actor.server.db;
        let items = store::resolved_items(db, &actor.tenant).await?;
        let meetings: HashMap<Uuid, meeting::Model> = store::meetings(db, &actor.tenant).await?.into_iter().map(|m| (m.id, m)).collect();
        let commissions = store::commissions(db, &actor.tenant).await?;
        let mut rows = Vec::new();
        for item in &items {
            let (Some(resolution), Some(meeting)) = (resolution_of(item)?, meetings.get(&item.meeting_id)) else { continue };
            let open = commissions.iter().filter(|c| c.agenda_item_id == Some(item.id) && c.state == CommissionState::Open.as_str()).count();
            let row = ResolutionRow {
                agenda_item_id: item.id,
                meeting: MeetingRef { id: meeting.id, title: meeting.title.clone(), starts_at: meeting.starts_at },
                item_title: item.title.clone(),
                resolution,
                minutes_state: state_of(meeting)?,
                open_commissions: u32::try_from(open).unwrap_or(u32::MAX),
            };
            if filter.matches(&row) {
                rows.push(row);
            }
        }
        rows.sort_by(|a, b| b.meeting.starts_at.cmp(&a.meeting.starts_at).then_with(|| b.resolution.number.cmp(&a.resolution.number)));
        Ok(rows)
    }

    /// The forms of the register as a file.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum RegisterFile {
        Pdf,
        Xlsx,
        Csv,
    }

    impl RegisterFile {
        pub fn parse(text: &str) -> Option<RegisterFile> {
            match text {
                "pdf" => Some(RegisterFile::Pdf),
                "xlsx" => Some(RegisterFile::Xlsx),
                "csv" => Some(RegisterFile::Csv),
                _ => None,
            }
        }
    }

    /// The register, narrowed by `filter`, as a file: its bytes, media type and file name.
    pub async fn register_file(
        actor: &Actor,
        filter: &ResolutionFilter,
        file: RegisterFile,
        locale: model::Locale,
        now: DateTime<Utc>,
    ) -> Result<(Vec<u8>, &'static str, String), AppError> {
        let rows = register(actor, filter).await?;
        let context = crate::documents::resolutions::Context {
            tenant_name: &actor.tenant.view().name,
            locale,
            zone: DEFAULT_TIME_ZONE,
            at: now,
        };
        let document = crate::documents::resolutions::build(&rows, filter, &context);
        let name = "beschluesse";
        Ok(match file {
            RegisterFile::Pdf => {
                let bytes = crate::documents::pdf::render(&document, now).map_err(AppError::internal)?;
                (bytes, "application/pdf", format!("{name}.pdf"))
            }
            RegisterFile::Xlsx => (
                crate::exports::document_xlsx(&document)?,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                format!("{name}.xlsx"),
            ),
            RegisterFile::Csv => (crate::exports::document_csv(&document, locale)?, "text/csv; charset=utf-8", format!("{name}.csv")),
        })
    }

    /// The commissions the caller may see (all for the group and the administration, else those addressed to
    /// the caller), due first; `open_only` leaves out the done ones.
    pub async fn commissions(actor: &Actor, open_only: bool, now: DateTime<Utc>) -> Result<Vec<CommissionSummary>, AppError> {
        let db = &actor.server.db;
        let reader = reader(actor);
        let rows = store::commissions(db, &actor.tenant).await?;
        let visible: Vec<&commission::Model> = rows
            .iter()
            .filter(|row| store::assignee_of(row).is_ok_and(|a| rules::may_see(&reader, a)))
            .filter(|row| !open_only || row.state == CommissionState::Open.as_str())
            .collect();
        if visible.is_empty() {
            return Ok(Vec::new());
        }
        let facts = Facts::read(db, &actor.tenant).await?;
        let item_ids: Vec<Uuid> = visible.iter().filter_map(|c| c.agenda_item_id).collect();
        let items = items_by_id(db, &actor.tenant, &item_ids).await?;
        visible.into_iter().map(|row| commission_summary(&facts, row, &items, today(now))).collect()
    }

    async fn items_by_id(db: &impl ConnectionTrait, scope: &TenantScope, ids: &[Uuid]) -> Result<HashMap<Uuid, agenda_item::Model>, AppError> {
        Ok(store::agenda_items(db, scope, ids).await?.into_iter().map(|item| (item.id, item)).collect())
    }

    /// One commission with its notes, for whoever may see it ("not found" for anyone else).
    pub async fn commission(actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<CommissionView, AppError> {
        commission_view(&actor.server.db, actor, id, now).await
    }

    async fn commission_view(db: &impl ConnectionTrait, actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<CommissionView, AppError> {
        let row = store::commission(db, &actor.tenant, id).await?;
        let reader = reader(actor);
        let assignee = store::assignee_of(&row)?;
        if !rules::may_see(&reader, assignee) {
            return Err(AppError::NotFound);
        }
        let facts = Facts::read(db, &actor.tenant).await?;
        let items = items_by_id(db, &actor.tenant, &row.agenda_item_id.into_iter().collect::<Vec<_>>()).await?;
        let summary = commission_summary(&facts, &row, &items, today(now))?;
        let notes = store::notes(db, &actor.tenant, &[row.id])
            .await?
            .into_iter()
            .map(|n| ProgressNote { author: facts.user(n.author_id), note: n.body, closes: n.closes, at: n.created_at })
            .collect();
        let may_report = summary.state == CommissionState::Open
            && (actor.holds(Permission::RunSteering) || rules::is_addressed_to(&reader, assignee));
        Ok(CommissionView { summary, details: row.details, notes, may_report })
    }

    /// Gives a commission. The assignee must be one of the tenant's coordinators or organisations; the
    /// resolution, if named, one of the tenant's. Audited.
    pub async fn give(actor: &Actor, input: CommissionInput, now: DateTime<Utc>) -> Result<CommissionView, AppError> {
        actor.check(Permission::RunSteering)?;
        let input = input.checked().map_err(self::input)?;
        let given_on = today(now);
        rules::check_due(given_on, input.due_on)?;
        let txn = actor.server.db.begin().await?;
        match input.assignee {
            Assignee::Coordinator { user_id } => {
                let summary = crate::store::users::summary(&txn, &actor.tenant, user_id).await.map_err(|_| AppError::invalid("assignee", InvalidReason::Malformed))?;
                if !summary.roles.contains(&Role::Coordinator) {
                    return Err(AppError::invalid("assignee", InvalidReason::Malformed));
                }
            }
            Assignee::ProjectCarrier { organisation_id } => {
                if !names::organisations(&txn, &actor.tenant).await?.contains_key(&organisation_id) {
                    return Err(AppError::invalid("assignee", InvalidReason::Malformed));
                }
            }
            Assignee::YouthOffice => {}
        }
        if let Some(item) = input.agenda_item_id {
            store::agenda_item(&txn, &actor.tenant, item).await.map_err(|_| AppError::invalid("agenda_item_id", InvalidReason::Malformed))?;
        }
        let row = store::add_commission(&txn, &actor.tenant, &input, given_on, actor.caller().user_id, now).await?;
        let after = serde_json::json!({"title": row.title, "assignee": input.assignee, "due_on": row.due_on, "agenda_item": row.agenda_item_id});
        actor.audit(&txn, "steering.commission_given", "commission", row.id, None, Some(after)).await?;
        let shown = commission_view(&txn, actor, row.id, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Reports progress on a commission, and closes it if asked: its assignee or the project-carrier seat.
    /// Audited.
    pub async fn report_progress(actor: &Actor, id: Uuid, input: ProgressInput, now: DateTime<Utc>) -> Result<CommissionView, AppError> {
        let input = input.checked().map_err(self::input)?;
        let txn = actor.server.db.begin().await?;
        let shown = commission_view(&txn, actor, id, now).await?;
        shown.summary.state.check_open().map_err(AppError::from)?;
        if !shown.may_report {
            return Err(AppError::Forbidden);
        }
        let row = store::commission(&txn, &actor.tenant, id).await?;
        store::add_note(&txn, &actor.tenant, &row, &input.note, input.close, actor.caller().user_id, now).await?;
        let action = if input.close { "steering.commission_closed" } else { "steering.commission_progress" };
        actor.audit(&txn, action, "commission", row.id, None, Some(serde_json::json!({"note": input.note}))).await?;
        let shown = commission_view(&txn, actor, id, now).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Who a commission may go to: the youth office, the tenant's organisations and its coordinators.
    pub async fn assignees(actor: &Actor) -> Result<Vec<(String, String)>, AppError> {
        actor.check(Permission::RunSteering)?;
        let db = &actor.server.db;
        let mut options = vec![(super::assignee_value(Assignee::YouthOffice), String::new())];
        let mut organisations: Vec<(Uuid, String)> = names::organisations(db, &actor.tenant).await?.into_iter().collect();
        organisations.sort_by(|a, b| a.1.cmp(&b.1));
        options.extend(organisations.into_iter().map(|(id, name)| (super::assignee_value(Assignee::ProjectCarrier { organisation_id: id }), name)));
        for user in store::coordinators(db, &actor.tenant).await? {
            options.push((super::assignee_value(Assignee::Coordinator { user_id: user.0 }), user.1));
        }
        Ok(options)
    }

    /// What the home page shows: open commissions addressed to the caller, and for members the next meeting
    /// and minutes waiting for them.
    pub async fn tasks(actor: &Actor, now: DateTime<Utc>) -> Result<super::SteeringHome, AppError> {
        let reader = reader(actor);
        let mine: Vec<CommissionSummary> = commissions(actor, true, now)
            .await?
            .into_iter()
            .filter(|c| rules::is_addressed_to(&reader, c.assignee) || (actor.holds(Permission::RunSteering) && c.overdue))
            .collect();
        let (next_meeting, minutes_to_write) = if actor.holds(Permission::ReadSteering) {
            let db = &actor.server.db;
            let rows = store::meetings(db, &actor.tenant).await?;
            let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
            let items = store::agenda(db, &actor.tenant, &ids).await?;
            let next = rows.iter().filter(|m| m.starts_at > now).min_by_key(|m| m.starts_at);
            let writing = rows
                .iter()
                .filter(|m| m.starts_at <= now && m.minutes_state == MinutesState::Draft.as_str())
                .filter(|m| may_write_minutes(actor.who(), m.minutes_writer_id))
                .map(|m| summary(m, &items))
                .collect::<Result<Vec<_>, _>>()?;
            (next.map(|m| summary(m, &items)).transpose()?, writing)
        } else {
            (None, Vec::new())
        };
        Ok(super::SteeringHome { commissions: mine, next_meeting, minutes_to_write })
    }
}

#[cfg(feature = "ssr")]
pub mod calendar;

use crate::AppError;
use model::steering::view::{CommissionSummary, CommissionView, MeetingSummary, MeetingView, ResolutionRow};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::Key;

pub fn topic_key(topic: model::steering::view::Topic) -> Key {
    match topic {
        model::steering::view::Topic::Funding => Key::SteeringTopicFunding,
        model::steering::view::Topic::Budget => Key::SteeringTopicBudget,
        model::steering::view::Topic::Reports => Key::SteeringTopicReports,
        model::steering::view::Topic::Strategy => Key::SteeringTopicStrategy,
        model::steering::view::Topic::Procedure => Key::SteeringTopicProcedure,
    }
}

pub fn outcome_key(outcome: model::steering::minutes::Outcome) -> Key {
    match outcome {
        model::steering::minutes::Outcome::Adopted => Key::SteeringOutcomeAdopted,
        model::steering::minutes::Outcome::Rejected => Key::SteeringOutcomeRejected,
        model::steering::minutes::Outcome::Deferred => Key::SteeringOutcomeDeferred,
    }
}

/// The vote as "6 : 0 : 1" (yes, no, abstentions), or a dash for a deferred item.
pub fn vote_text(vote: Option<model::steering::minutes::Vote>) -> String {
    vote.map_or_else(|| "–".to_owned(), |v| format!("{} : {} : {}", v.yes, v.no, v.abstain))
}


/// The steering group's business on the caller's home page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SteeringHome {
    /// Open commissions addressed to the caller (for the project-carrier seat also every overdue one).
    pub commissions: Vec<CommissionSummary>,
    pub next_meeting: Option<MeetingSummary>,
    /// Past meetings whose minutes the caller writes and that are still drafts.
    pub minutes_to_write: Vec<MeetingSummary>,
}

#[cfg(feature = "ssr")]
fn reader_access() -> impl std::future::Future<Output = Result<crate::actor::Actor, AppError>> {
    crate::actor::Actor::require(model::Permission::ReadSteering)
}

#[cfg(feature = "ssr")]
fn runner_access() -> impl std::future::Future<Output = Result<crate::actor::Actor, AppError>> {
    crate::actor::Actor::require(model::Permission::RunSteering)
}

fn malformed(field: &str) -> AppError {
    AppError::invalid(field, crate::InvalidReason::Malformed)
}

/// A uuid from a form field.
pub fn parse_id(field: &str, text: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(text.trim()).map_err(|_| malformed(field))
}

/// A count of votes from a form field (empty: 0).
#[cfg(feature = "ssr")]
fn count(field: &str, text: Option<&str>) -> Result<u32, AppError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(0),
        Some(t) => t.parse().map_err(|_| malformed(field)),
    }
}

/// An assignee as the form's select names it: `coordinator:<user>`, `project_carrier:<organisation>` or
/// `youth_office`.
pub fn parse_assignee(text: &str) -> Result<model::steering::commission::Assignee, AppError> {
    use model::steering::commission::Assignee;
    match text.trim().split_once(':') {
        Some(("coordinator", id)) => Ok(Assignee::Coordinator { user_id: parse_id("assignee", id)? }),
        Some(("project_carrier", id)) => Ok(Assignee::ProjectCarrier { organisation_id: parse_id("assignee", id)? }),
        None if text.trim() == "youth_office" => Ok(Assignee::YouthOffice),
        _ => Err(AppError::invalid("assignee", crate::InvalidReason::Required)),
    }
}

/// The form value of an assignee (see [`parse_assignee`]).
pub fn assignee_value(assignee: model::steering::commission::Assignee) -> String {
    use model::steering::commission::Assignee;
    match assignee {
        Assignee::Coordinator { user_id } => format!("coordinator:{user_id}"),
        Assignee::ProjectCarrier { organisation_id } => format!("project_carrier:{organisation_id}"),
        Assignee::YouthOffice => "youth_office".to_owned(),
    }
}

#[leptos::server(prefix = "/fn", endpoint = "steering_meetings")]
pub async fn steering_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    with_actor!(reader_access(), |actor| ops::meetings(&actor))
}

#[leptos::server(prefix = "/fn", endpoint = "steering_meeting")]
pub async fn steering_meeting(id: Uuid) -> Result<MeetingView, AppError> {
    with_actor!(reader_access(), |actor| ops::meeting(&actor, id, chrono::Utc::now()))
}

/// Plans a meeting from the form (start as Berlin time) and goes to it.
#[leptos::server(prefix = "/fn", endpoint = "plan_meeting")]
pub async fn plan_meeting(
    title: String,
    starts_at: String,
    duration_minutes: String,
    place: Option<String>,
    video_link: Option<String>,
) -> Result<(), AppError> {
    with_actor!(runner_access(), |actor| async move {
        let starts_at = model::datetime::parse_local_date_time(&starts_at, model::datetime::DEFAULT_TIME_ZONE)
            .ok_or_else(|| AppError::invalid("starts_at", crate::InvalidReason::Required))?;
        let duration_minutes = duration_minutes.trim().parse().map_err(|_| malformed("duration_minutes"))?;
        let input = model::steering::view::MeetingInput {
            title,
            starts_at,
            duration_minutes,
            place: place.unwrap_or_default(),
            video_link: video_link.unwrap_or_default(),
        };
        let view = ops::create_meeting(&actor, input, chrono::Utc::now()).await?;
        leptos_axum::redirect(&format!("/{}/steering/meetings/{}", actor.tenant.view().slug, view.summary.id));
        Ok(())
    })
}

#[leptos::server(prefix = "/fn", endpoint = "add_agenda_item")]
pub async fn add_agenda_item(
    meeting: Uuid,
    title: String,
    subject_kind: Option<String>,
    subject_ref: Option<String>,
) -> Result<(), AppError> {
    with_actor!(runner_access(), |actor| async move {
        let subject = match subject_kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            None => None,
            Some(kind) => Some(model::steering::view::Subject {
                kind: model::steering::view::SubjectKind::parse(kind).ok_or_else(|| malformed("subject"))?,
                reference: subject_ref.unwrap_or_default(),
            }),
        };
        let input = model::steering::view::AgendaInput { title, subject };
        ops::add_agenda_item(&actor, meeting, input, chrono::Utc::now()).await.map(|_| ())
    })
}

#[leptos::server(prefix = "/fn", endpoint = "invite_meeting")]
pub async fn invite_meeting(meeting: Uuid) -> Result<(), AppError> {
    with_actor!(runner_access(), |actor| async move { ops::invite(&actor, meeting, chrono::Utc::now()).await.map(|_| ()) })
}

#[leptos::server(prefix = "/fn", endpoint = "name_minutes_writer")]
pub async fn name_minutes_writer(meeting: Uuid, writer: Option<String>) -> Result<(), AppError> {
    with_actor!(runner_access(), |actor| async move {
        let writer = match writer.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
            Some(text) => Some(parse_id("writer", text)?),
            None => None,
        };
        ops::name_writer(&actor, meeting, writer, chrono::Utc::now()).await.map(|_| ())
    })
}

/// Records attendance from the form's fields `attendance-<member>` (present, excused, absent, or empty).
#[leptos::server(prefix = "/fn", endpoint = "record_attendance")]
pub async fn record_attendance(meeting: Uuid, fields: std::collections::BTreeMap<String, String>) -> Result<(), AppError> {
    with_actor!(reader_access(), |actor| async move {
        let mut rows = Vec::new();
        for (name, value) in &fields {
            let Some(user) = name.strip_prefix("attendance-") else { continue };
            if value.is_empty() {
                continue;
            }
            let attendance = model::steering::meeting::Attendance::parse(value).ok_or_else(|| malformed(name))?;
            rows.push((parse_id(name, user)?, attendance));
        }
        ops::set_attendance(&actor, meeting, rows, chrono::Utc::now()).await.map(|_| ())
    })
}

/// Records recusals from the form's checkboxes `recused-<member>`.
#[leptos::server(prefix = "/fn", endpoint = "record_recusals")]
pub async fn record_recusals(item: Uuid, fields: Option<std::collections::BTreeMap<String, String>>) -> Result<(), AppError> {
    with_actor!(reader_access(), |actor| async move {
        let users = fields
            .unwrap_or_default()
            .keys()
            .filter_map(|name| name.strip_prefix("recused-"))
            .map(|id| parse_id("recused", id))
            .collect::<Result<Vec<_>, _>>()?;
        ops::set_recusals(&actor, item, users, chrono::Utc::now()).await.map(|_| ())
    })
}

#[leptos::server(prefix = "/fn", endpoint = "save_minutes")]
pub async fn save_minutes(meeting: Uuid, text: String) -> Result<(), AppError> {
    with_actor!(reader_access(), |actor| async move { ops::save_minutes(&actor, meeting, text, chrono::Utc::now()).await.map(|_| ()) })
}

#[leptos::server(prefix = "/fn", endpoint = "record_resolution")]
pub async fn record_resolution(
    item: Uuid,
    text: String,
    topic: String,
    yes: Option<String>,
    no: Option<String>,
    abstain: Option<String>,
    deferred: Option<String>,
) -> Result<(), AppError> {
    with_actor!(reader_access(), |actor| async move {
        let topic = model::steering::view::Topic::parse(&topic).ok_or_else(|| AppError::invalid("topic", crate::InvalidReason::Required))?;
        let vote = model::steering::minutes::Vote {
            yes: count("yes", yes.as_deref())?,
            no: count("no", no.as_deref())?,
            abstain: count("abstain", abstain.as_deref())?,
        };
        let input = model::steering::view::ResolutionInput { text, topic, vote, deferred: deferred.is_some() };
        ops::record_resolution(&actor, item, input, chrono::Utc::now()).await.map(|_| ())
    })
}

#[leptos::server(prefix = "/fn", endpoint = "circulate_minutes")]
pub async fn circulate_minutes(meeting: Uuid) -> Result<(), AppError> {
    with_actor!(reader_access(), |actor| async move { ops::circulate(&actor, meeting, chrono::Utc::now()).await.map(|_| ()) })
}

#[leptos::server(prefix = "/fn", endpoint = "approve_minutes")]
pub async fn approve_minutes(meeting: Uuid, at: String) -> Result<(), AppError> {
    with_actor!(reader_access(), |actor| async move {
        let at = parse_id("at", &at).map_err(|_| AppError::invalid("at", crate::InvalidReason::Required))?;
        ops::approve(&actor, meeting, at, chrono::Utc::now()).await.map(|_| ())
    })
}

/// The register, narrowed by the search form.
#[leptos::server(prefix = "/fn", endpoint = "resolutions")]
pub async fn resolutions(
    query: Option<String>,
    topic: Option<String>,
    year: Option<i32>,
    outcome: Option<String>,
) -> Result<Vec<ResolutionRow>, AppError> {
    with_actor!(reader_access(), |actor| async move {
        let filter = resolution_filter(query, topic.as_deref(), year, outcome.as_deref())?;
        ops::register(&actor, &filter).await
    })
}

/// The register's filter from a form or a query string; unknown topics or outcomes are refused.
pub fn resolution_filter(
    query: Option<String>,
    topic: Option<&str>,
    year: Option<i32>,
    outcome: Option<&str>,
) -> Result<model::steering::view::ResolutionFilter, AppError> {
    let given = |t: Option<&str>| t.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    Ok(model::steering::view::ResolutionFilter {
        query: given(query.as_deref()),
        topic: given(topic).map(|t| model::steering::view::Topic::parse(&t).ok_or_else(|| malformed("topic"))).transpose()?,
        year,
        outcome: given(outcome).map(|o| model::steering::minutes::Outcome::parse(&o).ok_or_else(|| malformed("outcome"))).transpose()?,
    })
}

#[leptos::server(prefix = "/fn", endpoint = "commissions")]
pub async fn commissions(open_only: Option<bool>) -> Result<Vec<CommissionSummary>, AppError> {
    with_actor!(crate::actor::Actor::signed_in(), |actor| ops::commissions(&actor, open_only.unwrap_or(false), chrono::Utc::now()))
}

#[leptos::server(prefix = "/fn", endpoint = "commission")]
pub async fn commission(id: Uuid) -> Result<CommissionView, AppError> {
    with_actor!(crate::actor::Actor::signed_in(), |actor| ops::commission(&actor, id, chrono::Utc::now()))
}

/// Who a commission may go to, for the form: the tenant's coordinators and organisations, and the youth
/// office (value, label).
#[leptos::server(prefix = "/fn", endpoint = "commission_assignees")]
pub async fn commission_assignees() -> Result<Vec<(String, String)>, AppError> {
    with_actor!(runner_access(), |actor| ops::assignees(&actor))
}

#[leptos::server(prefix = "/fn", endpoint = "give_commission")]
pub async fn give_commission(
    title: String,
    details: Option<String>,
    assignee: String,
    due_on: String,
    agenda_item: Option<String>,
) -> Result<(), AppError> {
    with_actor!(runner_access(), |actor| async move {
        let agenda_item_id = match agenda_item.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            Some(text) => Some(parse_id("agenda_item_id", text)?),
            None => None,
        };
        let input = model::steering::view::CommissionInput {
            title,
            details: details.unwrap_or_default(),
            assignee: parse_assignee(&assignee)?,
            due_on: model::datetime::parse_day(&due_on).ok_or_else(|| AppError::invalid("due_on", crate::InvalidReason::Required))?,
            agenda_item_id,
        };
        let view = ops::give(&actor, input, chrono::Utc::now()).await?;
        leptos_axum::redirect(&format!("/{}/steering/commissions/{}", actor.tenant.view().slug, view.summary.id));
        Ok(())
    })
}

#[leptos::server(prefix = "/fn", endpoint = "report_commission_progress")]
pub async fn report_commission_progress(id: Uuid, note: String, close: Option<String>) -> Result<(), AppError> {
    with_actor!(crate::actor::Actor::signed_in(), |actor| async move {
        let input = model::steering::view::ProgressInput { note, close: close.is_some() };
        ops::report_progress(&actor, id, input, chrono::Utc::now()).await.map(|_| ())
    })
}

/// The home page's card; empty for visitors (the home page is public).
#[leptos::server(prefix = "/fn", endpoint = "steering_tasks")]
pub async fn steering_tasks() -> Result<SteeringHome, AppError> {
    crate::error::respond(
        async move {
            match crate::actor::Actor::signed_in().await {
                Ok(actor) => ops::tasks(&actor, chrono::Utc::now()).await,
                Err(AppError::Unauthenticated) => Ok(SteeringHome::default()),
                Err(err) => Err(err),
            }
        }
        .await,
    )
}
