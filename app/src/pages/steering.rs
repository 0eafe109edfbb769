//! The steering group's pages (issue 15): the meetings with the form that plans one; one meeting with its
//! agenda, attendance and quorum per item, the minutes and a resolution per item, and its commissions; the
//! resolutions register with its filter and downloads; the commissions and one commission with its progress.
//! Plain forms posting to the server functions of `app::steering`, so everything works without JavaScript.
//! Which forms a meeting shows comes from the server (`may_prepare`, `may_write`); the server decides again.

use crate::AppError;
use crate::components::{CurrentTenant, CurrentUser, ErrorNotice, NotFound, Protected, error_text};
use crate::i18n::{I18n, Key, msg};
use crate::steering::{
    AddAgendaItem, ApproveMinutes, CirculateMinutes, GiveCommission, InviteMeeting, NameMinutesWriter, PlanMeeting,
    RecordAttendance, RecordRecusals, RecordResolution, ReportCommissionProgress, SaveMinutes, commission,
    commission_assignees, commissions, outcome_key, resolutions, steering_meeting, steering_meetings, topic_key,
};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::{use_params_map, use_query_map};
use model::Permission;
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time, format_day};
use model::steering::commission::{Assignee, CommissionState};
use model::steering::meeting::Attendance;
use model::steering::minutes::{MinutesState, Outcome};
use model::steering::view::{
    AgendaItemView, CommissionSummary, CommissionView, MeetingSummary, MeetingView, ResolutionRow, SubjectKind, Topic,
};
use uuid::Uuid;

fn minutes_key(state: MinutesState) -> Key {
    match state {
        MinutesState::Draft => Key::SteeringMinutesDraft,
        MinutesState::Circulated => Key::SteeringMinutesCirculated,
        MinutesState::Approved => Key::SteeringMinutesApproved,
    }
}

fn subject_key(kind: SubjectKind) -> Key {
    match kind {
        SubjectKind::Call => Key::SteeringSubjectCall,
        SubjectKind::Ranking => Key::SteeringSubjectRanking,
        SubjectKind::Report => Key::SteeringSubjectReport,
        SubjectKind::BudgetYear => Key::SteeringSubjectBudgetYear,
    }
}

fn attendance_key(attendance: Attendance) -> Key {
    match attendance {
        Attendance::Present => Key::SteeringPresent,
        Attendance::Excused => Key::SteeringExcused,
        Attendance::Absent => Key::SteeringAbsent,
    }
}

/// A text as paragraphs, one per non-empty line.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()
}

/// The error of the last submission of one form, announced.
#[component]
fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <div role="alert">
            {move || error.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
        </div>
    }
}

fn error_of<A>(action: ServerAction<A>) -> Signal<Option<AppError>>
where
    A: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
    A::Output: Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The links between the group's pages.
#[component]
fn SteeringNav() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/steering", tenant.slug);
    view! {
        <nav class="subnav" aria-label=move || i18n.t(Key::SteeringGroup)>
            <A href=base.clone() exact=true>{move || i18n.t(Key::SteeringMeetings)}</A>
            <A href=format!("{base}/resolutions")>{move || i18n.t(Key::SteeringRegisterTitle)}</A>
            <A href=format!("{base}/commissions")>{move || i18n.t(Key::SteeringCommissions)}</A>
        </nav>
    }
}

/// Whether the signed-in user holds `permission` (for forms only some members get; the server decides).
fn holds(permission: Permission) -> Signal<bool> {
    let CurrentUser(me) = expect_context::<CurrentUser>();
    Signal::derive(move || me.get().and_then(Result::ok).flatten().is_some_and(|me| model::policy::allows(&me.roles, permission)))
}

#[component]
pub fn SteeringMeetingsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let plan = ServerAction::<PlanMeeting>::new();
    let meetings = Resource::new(move || plan.version().get(), |_| steering_meetings());
    let runs = holds(Permission::RunSteering);
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::SteeringGroup))) />
        <Protected permission=Permission::ReadSteering>
            <h1>{move || i18n.t(Key::SteeringGroup)}</h1>
            <p class="lead">{move || i18n.t(Key::SteeringGroupIntro)}</p>
            <SteeringNav />
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match meetings.await {
                        Ok(list) => view! { <MeetingList list /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
            {move || runs.get().then(|| view! { <PlanForm plan /> })}
        </Protected>
    }
}

#[component]
fn MeetingList(list: Vec<MeetingSummary>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/steering/meetings", tenant.slug);
    if list.is_empty() {
        return view! { <p>{move || i18n.t(Key::SteeringNoMeetings)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="meetings-caption">
            <table class="table" id="meetings">
                <caption id="meetings-caption">{move || i18n.t(Key::SteeringMeetings)}</caption>
                <thead><tr>
                    <th scope="col">{move || i18n.t(Key::SteeringMeeting)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringWhen)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringWhere)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringAgenda)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringMinutes)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|m| {
                        let (at, state, items, resolutions) = (m.starts_at, m.minutes_state, m.agenda_items, m.resolutions);
                        let place = [m.place.clone(), m.video_link.is_empty().then(String::new).unwrap_or_else(|| "Video".to_owned())]
                            .into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" / ");
                        view! {
                            <tr>
                                <th scope="row"><A href=format!("{base}/{}", m.id)>{m.title.clone()}</A></th>
                                <td>{move || format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE)}</td>
                                <td>{place}</td>
                                <td>{move || msg::steering_items(i18n.locale(), msg::SteeringItems { items: i64::from(items), resolutions: &resolutions.to_string() })}</td>
                                <td>{move || i18n.t(minutes_key(state))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn PlanForm(plan: ServerAction<PlanMeeting>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading">{move || i18n.t(Key::SteeringPlan)}</h2>
            <FormError error=error_of(plan) />
            <ActionForm action=plan attr:class="form" attr:id="plan-form">
                <div class="field">
                    <label for="plan-title">{move || i18n.t(Key::SteeringMeetingTitle)}</label>
                    <input id="plan-title" name="title" required=true />
                </div>
                <div class="field">
                    <label for="plan-starts">{move || i18n.t(Key::SteeringWhen)}</label>
                    <input id="plan-starts" name="starts_at" type="datetime-local" required=true />
                </div>
                <div class="field">
                    <label for="plan-duration">{move || i18n.t(Key::SteeringDuration)}</label>
                    <input id="plan-duration" name="duration_minutes" type="number" min="1" max="1440" value="120" required=true />
                </div>
                <div class="field">
                    <label for="plan-place">{move || i18n.t(Key::SteeringWhere)}</label>
                    <input id="plan-place" name="place" />
                </div>
                <div class="field">
                    <label for="plan-video">{move || i18n.t(Key::SteeringVideoLink)}</label>
                    <input id="plan-video" name="video_link" type="url" placeholder="https://" />
                </div>
                <p class="field-hint">{move || i18n.t(Key::SteeringPlaceHint)}</p>
                <button type="submit" class="button">{move || i18n.t(Key::SteeringPlanButton)}</button>
            </ActionForm>
        </section>
    }
}

/// Everything one meeting's page changes; each reloads the meeting.
#[derive(Clone, Copy)]
struct MeetingActions {
    add_item: ServerAction<AddAgendaItem>,
    invite: ServerAction<InviteMeeting>,
    writer: ServerAction<NameMinutesWriter>,
    attendance: ServerAction<RecordAttendance>,
    recusals: ServerAction<RecordRecusals>,
    resolution: ServerAction<RecordResolution>,
    minutes: ServerAction<SaveMinutes>,
    circulate: ServerAction<CirculateMinutes>,
    approve: ServerAction<ApproveMinutes>,
    give: ServerAction<GiveCommission>,
}

impl MeetingActions {
    fn new() -> Self {
        MeetingActions {
            add_item: ServerAction::new(),
            invite: ServerAction::new(),
            writer: ServerAction::new(),
            attendance: ServerAction::new(),
            recusals: ServerAction::new(),
            resolution: ServerAction::new(),
            minutes: ServerAction::new(),
            circulate: ServerAction::new(),
            approve: ServerAction::new(),
            give: ServerAction::new(),
        }
    }

    fn versions(&self) -> [usize; 9] {
        [
            self.add_item.version().get(),
            self.invite.version().get(),
            self.writer.version().get(),
            self.attendance.version().get(),
            self.recusals.version().get(),
            self.resolution.version().get(),
            self.minutes.version().get(),
            self.circulate.version().get(),
            self.approve.version().get(),
        ]
    }
}

#[component]
pub fn SteeringMeetingPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let actions = MeetingActions::new();
    let shown = Resource::new(
        move || (params.read().get("id"), actions.versions()),
        |(id, _)| async move {
            match id.and_then(|id| Uuid::parse_str(&id).ok()) {
                Some(id) => steering_meeting(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let meetings = Resource::new(|| (), |_| steering_meetings());
    let runs = holds(Permission::RunSteering);
    let assignees = Resource::new(move || runs.get(), |runs| async move {
        if runs { commission_assignees().await } else { Err(AppError::Forbidden) }
    });
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::SteeringMeeting))) />
        <Protected permission=Permission::ReadSteering>
            <SteeringNav />
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let others = meetings.await.unwrap_or_default();
                    let assignees = assignees.await.unwrap_or_default();
                    match shown.await {
                        Ok(view) => view! { <Meeting view actions others assignees /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}

#[component]
fn Meeting(view: MeetingView, actions: MeetingActions, others: Vec<MeetingSummary>, assignees: Vec<(String, String)>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let query = use_query_map();
    let upload_outcome = move || query.read().get("upload");
    let summary = view.summary.clone();
    let id = summary.id;
    let (starts, ends, state) = (summary.starts_at, summary.ends_at, summary.minutes_state);
    let invited = summary.invited_at;
    let composition = view.composition.clone();
    let (may_prepare, may_write, may_invite) = (view.may_prepare, view.may_write, view.may_invite);
    let later: Vec<MeetingSummary> = others.into_iter().filter(|m| m.starts_at > starts).collect();
    let members = view.attendance.clone();
    let items = view.agenda.clone();
    let item_options: Vec<(String, String)> = view
        .agenda
        .iter()
        .filter_map(|i| i.resolution.as_ref().map(|r| (i.id.to_string(), format!("{} – {}", r.number, i.title))))
        .collect();
    view! {
        <h1>{summary.title.clone()}</h1>
        <dl class="facts">
            <dt>{move || i18n.t(Key::SteeringWhen)}</dt>
            <dd>{move || format!("{} – {}", format_date_time(starts, i18n.locale(), DEFAULT_TIME_ZONE), format_date_time(ends, i18n.locale(), DEFAULT_TIME_ZONE))}</dd>
            {(!summary.place.is_empty()).then(|| view! { <dt>{move || i18n.t(Key::SteeringWhere)}</dt><dd>{summary.place.clone()}</dd> })}
            {(!summary.video_link.is_empty()).then(|| view! {
                <dt>{move || i18n.t(Key::SteeringVideoLink)}</dt>
                <dd><a href=summary.video_link.clone() rel="noopener">{summary.video_link.clone()}</a></dd>
            })}
            <dt>{move || i18n.t(Key::SteeringInvitation)}</dt>
            <dd id="invitation-state">{move || match invited {
                Some(at) => msg::steering_invited_at(i18n.locale(), msg::SteeringInvitedAt { at: &format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE) }),
                None => i18n.t(Key::SteeringNotInvited).to_owned(),
            }}</dd>
            <dt>{move || i18n.t(Key::SteeringMinutes)}</dt>
            <dd id="minutes-state">{move || i18n.t(minutes_key(state))}
                {view.approved_at.clone().map(|by| view! {
                    " – "<A href=format!("/{slug}/steering/meetings/{}", by.id)>{by.title}</A>
                })}
            </dd>
        </dl>
        {(!composition.as_resolved).then(|| view! {
            <p class="notice notice--warning" id="composition-warning">
                {move || msg::steering_composition_warning(i18n.locale(), msg::SteeringCompositionWarning {
                    administration: &composition.administration.to_string(),
                    committee: &composition.committee.to_string(),
                    carrier: &composition.project_carrier.to_string(),
                })}
            </p>
        })}
        {may_invite.then(|| view! {
            <ActionForm action=actions.invite attr:class="inline-form" attr:id="invite-form">
                <input type="hidden" name="meeting" value=id.to_string() />
                <button type="submit" class="button">{move || i18n.t(if invited.is_some() { Key::SteeringInviteAgain } else { Key::SteeringInvite })}</button>
            </ActionForm>
            <FormError error=error_of(actions.invite) />
        })}

        <section aria-labelledby="attendance-heading">
            <h2 id="attendance-heading">{move || i18n.t(Key::SteeringAttendance)}</h2>
            {if may_write {
                view! { <AttendanceForm meeting=id members=members.clone() action=actions.attendance /> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" id="attendance">
                        {members.iter().map(|m| {
                            let a = m.attendance;
                            view! { <li>{m.name.clone()}": "{move || a.map_or("–", |a| i18n.t(attendance_key(a)))}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>

        <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{move || i18n.t(Key::SteeringAgenda)}</h2>
            {if items.is_empty() {
                view! { <p>{move || i18n.t(Key::SteeringNoItems)}</p> }.into_any()
            } else {
                view! {
                    <ol class="agenda" id="agenda">
                        {items.into_iter().map(|item| view! { <AgendaItem item members=members.clone() may_write actions /> }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {may_prepare.then(|| view! { <AgendaForm meeting=id action=actions.add_item /> })}
        </section>

        <section aria-labelledby="minutes-heading">
            <h2 id="minutes-heading">{move || i18n.t(Key::SteeringMinutes)}</h2>
            {view.minutes_writer.clone().map(|name| view! { <p class="muted">{move || i18n.t(Key::SteeringWriter)}": "{name.clone()}</p> })}
            {if may_write {
                view! {
                    <FormError error=error_of(actions.minutes) />
                    <ActionForm action=actions.minutes attr:class="form" attr:id="minutes-form">
                        <input type="hidden" name="meeting" value=id.to_string() />
                        <div class="field">
                            <label for="minutes-text">{move || i18n.t(Key::SteeringMinutesText)}</label>
                            <textarea id="minutes-text" name="text" rows="10">{view.minutes_text.clone()}</textarea>
                        </div>
                        <button type="submit" class="button">{move || i18n.t(Key::SteeringSaveMinutes)}</button>
                    </ActionForm>
                    <ActionForm action=actions.circulate attr:class="inline-form" attr:id="circulate-form">
                        <input type="hidden" name="meeting" value=id.to_string() />
                        <button type="submit" class="button button--quiet">{move || i18n.t(Key::SteeringCirculate)}</button>
                    </ActionForm>
                    <FormError error=error_of(actions.circulate) />
                    {(state == MinutesState::Circulated && !later.is_empty()).then(|| view! {
                        <ActionForm action=actions.approve attr:class="inline-form" attr:id="approve-form">
                            <input type="hidden" name="meeting" value=id.to_string() />
                            <label for="approve-at">{move || i18n.t(Key::SteeringApprovedAt)}</label>
                            <select id="approve-at" name="at">
                                {later.iter().map(|m| view! { <option value=m.id.to_string()>{m.title.clone()}</option> }).collect_view()}
                            </select>
                            <button type="submit" class="button button--quiet">{move || i18n.t(Key::SteeringApprove)}</button>
                        </ActionForm>
                        <FormError error=error_of(actions.approve) />
                    })}
                }.into_any()
            } else if view.minutes_text.is_empty() {
                view! { <p>{move || i18n.t(Key::SteeringNoMinutes)}</p> }.into_any()
            } else {
                view! { <div class="prose" id="minutes">{paragraphs(&view.minutes_text)}</div> }.into_any()
            }}
            {may_prepare.then(|| view! {
                <ActionForm action=actions.writer attr:class="inline-form" attr:id="writer-form">
                    <input type="hidden" name="meeting" value=id.to_string() />
                    <label for="writer">{move || i18n.t(Key::SteeringNameWriter)}</label>
                    <select id="writer" name="writer">
                        <option value="">{move || i18n.t(Key::SteeringWriterCarrier)}</option>
                        {view.attendance.iter().map(|m| view! {
                            <option value=m.user_id.to_string() selected=view.minutes_writer_id == Some(m.user_id)>{m.name.clone()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button button--quiet">{move || i18n.t(Key::SteeringSave)}</button>
                </ActionForm>
                <FormError error=error_of(actions.writer) />
            })}
        </section>

        <section aria-labelledby="meeting-files-heading" id="meeting-files">
            <h2 id="meeting-files-heading">{move || i18n.t(Key::SteeringPapers)}</h2>
            {move || upload_outcome().map(|outcome| {
                let (class, key) = super::bids::upload_message(&outcome);
                view! { <p class=class role="status">{move || i18n.t(key)}</p> }
            })}
            {if view.files.is_empty() {
                view! { <p>{move || i18n.t(Key::SteeringNoPapers)}</p> }.into_any()
            } else {
                let base = format!("/{}/steering/meetings/{id}/files", tenant.slug);
                view! {
                    <ul class="plain-list">
                        {view.files.iter().map(|f| view! {
                            <li><a href=format!("{base}/{}", f.id) download=f.file_name.clone()>{f.file_name.clone()}</a>
                            " ("{format!("{} KB", f.size_bytes.div_ceil(1024))}")"</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {may_prepare.then(|| view! {
                <form class="inline-form" method="post" enctype="multipart/form-data" action=format!("/{}/steering/meetings/{id}/files", tenant.slug)>
                    <label for="meeting-file">{move || i18n.t(Key::ExchangeAttach)}</label>
                    <input id="meeting-file" type="file" name="file" accept=".pdf,.odt,.docx" required=true />
                    <button type="submit" class="button button--quiet">{move || i18n.t(Key::ExchangeUpload)}</button>
                </form>
            })}
        </section>

        <section aria-labelledby="meeting-commissions-heading">
            <h2 id="meeting-commissions-heading">{move || i18n.t(Key::SteeringCommissions)}</h2>
            <CommissionTable list=view.commissions.clone() />
            {may_prepare.then(|| view! { <CommissionForm action=actions.give assignees items=item_options /> })}
        </section>
    }
}

#[component]
fn AttendanceForm(meeting: Uuid, members: Vec<model::steering::view::AttendanceRow>, action: ServerAction<RecordAttendance>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <FormError error=error_of(action) />
        <ActionForm action=action attr:class="form" attr:id="attendance-form">
            <input type="hidden" name="meeting" value=meeting.to_string() />
            {members.into_iter().map(|m| {
                let field = format!("attendance-{}", m.user_id);
                let current = m.attendance;
                view! {
                    <div class="field field--inline">
                        <label for=field.clone()>{m.name.clone()}</label>
                        <select id=field.clone() name=format!("fields[{field}]")>
                            <option value="" selected=current.is_none()>"–"</option>
                            {Attendance::ALL.into_iter().map(|a| view! {
                                <option value=a.as_str() selected=current == Some(a)>{move || i18n.t(attendance_key(a))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="button">{move || i18n.t(Key::SteeringSaveAttendance)}</button>
        </ActionForm>
    }
}

#[component]
fn AgendaItem(item: AgendaItemView, members: Vec<model::steering::view::AttendanceRow>, may_write: bool, actions: MeetingActions) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let q = item.quorum;
    let id = item.id;
    let recused_names: Vec<String> =
        members.iter().filter(|m| item.recused.contains(&m.user_id)).map(|m| m.name.clone()).collect();
    let resolution = item.resolution.clone();
    view! {
        <li class="card agenda-item" id=format!("item-{id}")>
            <h3>{item.title.clone()}</h3>
            {item.subject.clone().map(|s| {
                let kind = s.kind;
                view! { <p><A href=s.path(tenant.slug.as_str())>{move || i18n.t(subject_key(kind))}{format!(" {}", if kind == SubjectKind::BudgetYear { s.reference.clone() } else { String::new() })}</A></p> }
            })}
            <p class=if q.reached { "muted" } else { "notice notice--warning" }>
                {move || msg::steering_quorum(i18n.locale(), msg::SteeringQuorum {
                    eligible: i64::from(q.eligible),
                    present: &q.present.to_string(),
                    recused: &q.recused.to_string(),
                    required: &q.required.to_string(),
                })}
                " "{move || i18n.t(if q.reached { Key::SteeringQuorate } else { Key::SteeringNotQuorate })}
            </p>
            {(!recused_names.is_empty()).then(|| view! { <p class="muted">{move || i18n.t(Key::SteeringRecused)}": "{recused_names.join(", ")}</p> })}
            {resolution.clone().map(|r| {
                let (topic, outcome) = (r.topic, r.outcome);
                let vote = r.vote.map(|v| crate::steering::vote_text(Some(v)));
                view! {
                    <div class="resolution">
                        <p><strong>{format!("{} ", r.number)}</strong>{move || i18n.t(outcome_key(outcome))}
                            {vote.map(|v| format!(" ({v})"))}" · "{move || i18n.t(topic_key(topic))}</p>
                        <div class="prose">{paragraphs(&r.text)}</div>
                    </div>
                }
            })}
            {may_write.then(|| view! {
                <details>
                    <summary>{move || i18n.t(Key::SteeringRecusalsTitle)}</summary>
                    <ActionForm action=actions.recusals attr:class="form">
                        <input type="hidden" name="item" value=id.to_string() />
                        <fieldset>
                            <legend>{move || i18n.t(Key::SteeringRecused)}</legend>
                            {members.iter().map(|m| {
                                let field = format!("recused-{}-{id}", m.user_id);
                                view! {
                                    <div class="field field--inline">
                                        <input type="checkbox" id=field.clone() name=format!("fields[recused-{}]", m.user_id) checked=item.recused.contains(&m.user_id) />
                                        <label for=field>{m.name.clone()}</label>
                                    </div>
                                }
                            }).collect_view()}
                        </fieldset>
                        <button type="submit" class="button button--quiet">{move || i18n.t(Key::SteeringSave)}</button>
                    </ActionForm>
                </details>
                <details open=resolution.is_none()>
                    <summary>{move || i18n.t(Key::SteeringRecordResolution)}</summary>
                    <ResolutionForm item=id current=resolution.clone() action=actions.resolution />
                </details>
            })}
        </li>
    }
}

#[component]
fn ResolutionForm(item: Uuid, current: Option<model::steering::view::ResolutionView>, action: ServerAction<RecordResolution>) -> impl IntoView {
    let i18n = I18n::expect();
    let field = move |name: &str| format!("{name}-{item}");
    let vote = current.as_ref().and_then(|r| r.vote).unwrap_or_default();
    let topic = current.as_ref().map(|r| r.topic);
    let deferred = current.as_ref().is_some_and(|r| r.outcome == Outcome::Deferred);
    let number = move |name: &'static str, key: Key, value: u32| view! {
        <div class="field field--inline">
            <label for=field(name)>{move || i18n.t(key)}</label>
            <input id=field(name) name=name type="number" min="0" max="99" value=value.to_string() />
        </div>
    };
    view! {
        <FormError error=Signal::derive(move || action.value().get().and_then(Result::err).filter(|_| action.input().get().is_none_or(|i| i.item == item))) />
        <ActionForm action=action attr:class="form resolution-form">
            <input type="hidden" name="item" value=item.to_string() />
            <div class="field">
                <label for=field("text")>{move || i18n.t(Key::SteeringResolutionText)}</label>
                <textarea id=field("text") name="text" rows="4" required=true>{current.as_ref().map(|r| r.text.clone())}</textarea>
            </div>
            <div class="field">
                <label for=field("topic")>{move || i18n.t(Key::SteeringTopic)}</label>
                <select id=field("topic") name="topic">
                    {Topic::ALL.into_iter().map(|t| view! { <option value=t.as_str() selected=topic == Some(t)>{move || i18n.t(topic_key(t))}</option> }).collect_view()}
                </select>
            </div>
            <fieldset>
                <legend>{move || i18n.t(Key::SteeringVote)}</legend>
                {number("yes", Key::SteeringYes, vote.yes)}
                {number("no", Key::SteeringNo, vote.no)}
                {number("abstain", Key::SteeringAbstain, vote.abstain)}
            </fieldset>
            <div class="field field--inline">
                <input type="checkbox" id=field("deferred") name="deferred" checked=deferred />
                <label for=field("deferred")>{move || i18n.t(Key::SteeringDeferItem)}</label>
            </div>
            <button type="submit" class="button">{move || i18n.t(Key::SteeringRecordResolution)}</button>
        </ActionForm>
    }
}

#[component]
fn AgendaForm(meeting: Uuid, action: ServerAction<AddAgendaItem>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <h3 id="agenda-form-heading">{move || i18n.t(Key::SteeringAddItem)}</h3>
        <FormError error=error_of(action) />
        <ActionForm action=action attr:class="form" attr:id="agenda-form">
            <input type="hidden" name="meeting" value=meeting.to_string() />
            <div class="field">
                <label for="item-title">{move || i18n.t(Key::SteeringAgendaItem)}</label>
                <input id="item-title" name="title" required=true />
            </div>
            <div class="field">
                <label for="item-kind">{move || i18n.t(Key::SteeringSubject)}</label>
                <select id="item-kind" name="subject_kind">
                    <option value="">"–"</option>
                    {SubjectKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{move || i18n.t(subject_key(k))}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="item-ref">{move || i18n.t(Key::SteeringSubjectRef)}</label>
                <input id="item-ref" name="subject_ref" />
            </div>
            <p class="field-hint">{move || i18n.t(Key::SteeringSubjectHint)}</p>
            <button type="submit" class="button">{move || i18n.t(Key::SteeringAddItem)}</button>
        </ActionForm>
    }
}

fn assignee_text(i18n: I18n, c: &CommissionSummary) -> String {
    match c.assignee {
        Assignee::YouthOffice => i18n.t(Key::SteeringYouthOffice).to_owned(),
        _ => c.assignee_name.clone(),
    }
}

#[component]
fn CommissionTable(list: Vec<CommissionSummary>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/steering/commissions", tenant.slug);
    if list.is_empty() {
        return view! { <p>{move || i18n.t(Key::SteeringNoCommissions)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=move || i18n.t(Key::SteeringCommissions)>
            <table class="table commissions">
                <thead><tr>
                    <th scope="col">{move || i18n.t(Key::SteeringCommission)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringAssignee)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringDue)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringState)}</th>
                    <th scope="col">{move || i18n.t(Key::SteeringResolutionText)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|c| {
                        let (due, state, overdue) = (c.due_on, c.state, c.overdue);
                        let who = assignee_text(i18n, &c);
                        view! {
                            <tr>
                                <th scope="row"><A href=format!("{base}/{}", c.id)>{c.title.clone()}</A></th>
                                <td>{who}</td>
                                <td>{move || format_day(due, i18n.locale())}</td>
                                <td>
                                    {move || i18n.t(if state == CommissionState::Done { Key::SteeringDone } else { Key::SteeringOpen })}
                                    {overdue.then(|| view! { " " <strong class="badge badge--warning">{move || i18n.t(Key::SteeringOverdue)}</strong> })}
                                </td>
                                <td>{c.resolution.clone().unwrap_or_else(|| "–".to_owned())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn CommissionForm(action: ServerAction<GiveCommission>, assignees: Vec<(String, String)>, items: Vec<(String, String)>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <h3>{move || i18n.t(Key::SteeringGiveCommission)}</h3>
        <FormError error=error_of(action) />
        <ActionForm action=action attr:class="form" attr:id="commission-form">
            <div class="field">
                <label for="commission-title">{move || i18n.t(Key::SteeringCommission)}</label>
                <input id="commission-title" name="title" required=true />
            </div>
            <div class="field">
                <label for="commission-details">{move || i18n.t(Key::SteeringDetails)}</label>
                <textarea id="commission-details" name="details" rows="3"></textarea>
            </div>
            <div class="field">
                <label for="commission-assignee">{move || i18n.t(Key::SteeringAssignee)}</label>
                <select id="commission-assignee" name="assignee" required=true>
                    {assignees.into_iter().map(|(value, label)| {
                        let youth = value == "youth_office";
                        view! { <option value=value>{move || if youth { i18n.t(Key::SteeringYouthOffice).to_owned() } else { label.clone() }}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="commission-due">{move || i18n.t(Key::SteeringDue)}</label>
                <input id="commission-due" name="due_on" type="date" required=true />
            </div>
            <div class="field">
                <label for="commission-item">{move || i18n.t(Key::SteeringFromResolution)}</label>
                <select id="commission-item" name="agenda_item">
                    <option value="">"–"</option>
                    {items.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{move || i18n.t(Key::SteeringGiveCommission)}</button>
        </ActionForm>
    }
}

#[component]
pub fn SteeringResolutionsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let query = use_query_map();
    let param = move |name: &'static str| move || query.read().get(name).filter(|v| !v.is_empty());
    let rows = Resource::new(
        move || (param("q")(), param("topic")(), param("year")(), param("outcome")()),
        |(q, topic, year, outcome)| resolutions(q, topic, year.and_then(|y| y.parse().ok()), outcome),
    );
    let downloads = format!("/{}/resolution-register/beschluesse", tenant.slug);
    let query_string = move || {
        let pairs: Vec<String> = ["q", "topic", "year", "outcome"]
            .into_iter()
            .filter_map(|k| param(k)().map(|v| format!("{k}={}", v.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect::<String>())))
            .collect();
        if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
    };
    let select = move |name: &'static str, label: Key, options: Vec<(&'static str, Key)>| {
        view! {
            <div class="field">
                <label for=format!("filter-{name}")>{move || i18n.t(label)}</label>
                <select id=format!("filter-{name}") name=name>
                    <option value="">{move || i18n.t(Key::SteeringAny)}</option>
                    {options.into_iter().map(|(value, key)| view! {
                        <option value=value selected=move || param(name)().as_deref() == Some(value)>{move || i18n.t(key)}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::SteeringRegisterTitle))) />
        <Protected permission=Permission::ReadSteering>
            <h1>{move || i18n.t(Key::SteeringRegisterTitle)}</h1>
            <SteeringNav />
            <Form method="GET" action="" attr:class="filter-form" attr:role="search">
                <div class="field">
                    <label for="filter-q">{move || i18n.t(Key::ExchangeSearch)}</label>
                    <input id="filter-q" name="q" type="search" value=move || param("q")().unwrap_or_default() />
                </div>
                {select("topic", Key::SteeringTopic, Topic::ALL.into_iter().map(|t| (t.as_str(), topic_key(t))).collect())}
                <div class="field">
                    <label for="filter-year">{move || i18n.t(Key::SteeringYear)}</label>
                    <input id="filter-year" name="year" type="number" min="2000" max="2100" value=move || param("year")().unwrap_or_default() />
                </div>
                {select("outcome", Key::SteeringOutcome, Outcome::ALL.into_iter().map(|o| (o.as_str(), outcome_key(o))).collect())}
                <button type="submit" class="button">{move || i18n.t(Key::FilterButton)}</button>
            </Form>
            <p class="downloads">
                {move || i18n.t(Key::SteeringDownload)}": "
                {["csv", "xlsx", "pdf"].into_iter().map(|ext| {
                    let href = format!("{downloads}.{ext}{}", query_string());
                    view! { <a href=href download="">{ext.to_uppercase()}</a>" " }
                }).collect_view()}
            </p>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) => view! { <Register rows /> }.into_any(),
                        Err(AppError::Invalid { .. }) => view! { <p class="notice notice--error">{move || i18n.t(Key::ErrorText)}</p> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn Register(rows: Vec<ResolutionRow>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/steering/meetings", tenant.slug);
    let count = rows.len();
    view! {
        <p id="register-count">{format!("{count} ")}{move || i18n.t(Key::SteeringRegisterCount)}</p>
        {if rows.is_empty() {
            view! { <p>{move || i18n.t(Key::SteeringRegisterEmpty)}</p> }.into_any()
        } else {
            view! {
                <p class="muted">{move || i18n.t(Key::SteeringVoteLegend)}</p>
                <div class="table-scroll" role="region" tabindex="0" aria-labelledby="register-caption">
                    <table class="table" id="register">
                        <caption id="register-caption">{move || i18n.t(Key::SteeringRegisterTitle)}</caption>
                        <thead><tr>
                            <th scope="col">{move || i18n.t(Key::SteeringNumber)}</th>
                            <th scope="col">{move || i18n.t(Key::SteeringMeetingDate)}</th>
                            <th scope="col">{move || i18n.t(Key::SteeringAgendaItem)}</th>
                            <th scope="col">{move || i18n.t(Key::SteeringResolutionText)}</th>
                            <th scope="col">{move || i18n.t(Key::SteeringTopic)}</th>
                            <th scope="col">{move || i18n.t(Key::SteeringVote)}</th>
                            <th scope="col">{move || i18n.t(Key::SteeringOutcome)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let (at, topic, outcome) = (row.meeting.starts_at, row.resolution.topic, row.resolution.outcome);
                                let vote = crate::steering::vote_text(row.resolution.vote);
                                view! {
                                    <tr>
                                        <th scope="row">{row.resolution.number.clone()}</th>
                                        <td><A href=format!("{base}/{}#item-{}", row.meeting.id, row.agenda_item_id)>{move || format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE)}</A></td>
                                        <td>{row.item_title.clone()}</td>
                                        <td>{row.resolution.text.clone()}</td>
                                        <td>{move || i18n.t(topic_key(topic))}</td>
                                        <td>{vote}</td>
                                        <td>{move || i18n.t(outcome_key(outcome))}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

#[component]
pub fn CommissionsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let query = use_query_map();
    let open_only = move || query.read().get("open").is_some_and(|v| v == "1");
    let list = Resource::new(open_only, |open| commissions(Some(open)));
    let reads = holds(Permission::ReadSteering);
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::SteeringCommissions))) />
        <Protected>
            <h1>{move || i18n.t(Key::SteeringCommissions)}</h1>
            {move || reads.get().then(|| view! { <SteeringNav /> })}
            <p class="lead">{move || i18n.t(Key::SteeringCommissionsIntro)}</p>
            <nav class="subnav" aria-label=move || i18n.t(Key::SteeringState)>
                // Both links lead to this page, so the router would mark both as current: the query decides.
                <a href="?open=1" aria-current=move || open_only().then_some("page")>{move || i18n.t(Key::SteeringOnlyOpen)}</a>
                <a href="?" aria-current=move || (!open_only()).then_some("page")>{move || i18n.t(Key::SteeringAllCommissions)}</a>
            </nav>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <CommissionTable list /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
pub fn CommissionPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let progress = ServerAction::<ReportCommissionProgress>::new();
    let shown = Resource::new(
        move || (params.read().get("id"), progress.version().get()),
        |(id, _)| async move {
            match id.and_then(|id| Uuid::parse_str(&id).ok()) {
                Some(id) => commission(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::SteeringCommission))) />
        <Protected>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match shown.await {
                        Ok(view) => view! { <Commission view progress /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}

#[component]
fn Commission(view: CommissionView, progress: ServerAction<ReportCommissionProgress>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let c = view.summary.clone();
    let (due, given, state, overdue) = (c.due_on, c.given_on, c.state, c.overdue);
    let who = assignee_text(i18n, &c);
    let id = c.id;
    view! {
        <p class="breadcrumb"><A href=format!("/{}/steering/commissions", tenant.slug)>{move || i18n.t(Key::SteeringCommissions)}</A></p>
        <h1>{c.title.clone()}</h1>
        <dl class="facts">
            <dt>{move || i18n.t(Key::SteeringAssignee)}</dt><dd>{who}</dd>
            <dt>{move || i18n.t(Key::SteeringGiven)}</dt><dd>{move || format_day(given, i18n.locale())}</dd>
            <dt>{move || i18n.t(Key::SteeringDue)}</dt>
            <dd>{move || format_day(due, i18n.locale())}{overdue.then(|| view! { " " <strong class="badge badge--warning">{move || i18n.t(Key::SteeringOverdue)}</strong> })}</dd>
            <dt>{move || i18n.t(Key::SteeringState)}</dt>
            <dd id="commission-state">{move || i18n.t(if state == CommissionState::Done { Key::SteeringDone } else { Key::SteeringOpen })}</dd>
            {c.resolution.clone().map(|number| view! {
                <dt>{move || i18n.t(Key::SteeringFromResolution)}</dt><dd>{number}</dd>
            })}
        </dl>
        {(!view.details.is_empty()).then(|| view! { <div class="prose">{paragraphs(&view.details)}</div> })}
        <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">{move || i18n.t(Key::SteeringProgress)}</h2>
            {if view.notes.is_empty() {
                view! { <p>{move || i18n.t(Key::SteeringNoProgress)}</p> }.into_any()
            } else {
                view! {
                    <ol class="plain-list" id="progress">
                        {view.notes.into_iter().map(|n| {
                            let at = n.at;
                            view! {
                                <li class="card">
                                    <p class="muted">{n.author.clone()}" · "{move || format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE)}
                                        {n.closes.then(|| view! { " · " {move || i18n.t(Key::SteeringDone)} })}</p>
                                    <div class="prose">{paragraphs(&n.note)}</div>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {view.may_report.then(|| view! {
                <FormError error=error_of(progress) />
                <ActionForm action=progress attr:class="form" attr:id="progress-form">
                    <input type="hidden" name="id" value=id.to_string() />
                    <div class="field">
                        <label for="progress-note">{move || i18n.t(Key::SteeringProgressNote)}</label>
                        <textarea id="progress-note" name="note" rows="4" required=true></textarea>
                    </div>
                    <div class="field field--inline">
                        <input type="checkbox" id="progress-close" name="close" />
                        <label for="progress-close">{move || i18n.t(Key::SteeringCloseCommission)}</label>
                    </div>
                    <button type="submit" class="button">{move || i18n.t(Key::SteeringReportProgress)}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// The home page's card: commissions addressed to the caller, the next meeting, minutes to write.
#[component]
pub fn SteeringTasks() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/steering", tenant.slug);
    let tasks = Resource::new(|| (), |_| crate::steering::steering_tasks());
    view! {
        <Transition fallback=|| ()>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    let tasks = tasks.await.unwrap_or_default();
                    let empty = tasks.commissions.is_empty() && tasks.next_meeting.is_none() && tasks.minutes_to_write.is_empty();
                    (!empty).then(|| view! {
                        <section class="card" aria-labelledby="steering-tasks-heading" id="steering-tasks">
                            <h2 id="steering-tasks-heading">{move || i18n.t(Key::SteeringGroup)}</h2>
                            <ul>
                                {tasks.next_meeting.map(|m| {
                                    let at = m.starts_at;
                                    view! { <li><A href=format!("{base}/meetings/{}", m.id)>{move || msg::task_next_meeting(i18n.locale(), msg::TaskNextMeeting { at: &format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE) })}</A></li> }
                                })}
                                {tasks.minutes_to_write.into_iter().map(|m| view! {
                                    <li><A href=format!("{base}/meetings/{}", m.id)>{move || msg::task_minutes(i18n.locale(), msg::TaskMinutes { meeting: &m.title })}</A></li>
                                }).collect_view()}
                                {tasks.commissions.into_iter().map(|c| {
                                    let (due, overdue) = (c.due_on, c.overdue);
                                    view! {
                                        <li><A href=format!("{base}/commissions/{}", c.id)>{move || msg::task_commission(i18n.locale(), msg::TaskCommission { title: &c.title, due: &format_day(due, i18n.locale()) })}</A>
                                            {overdue.then(|| view! { " " <strong class="badge badge--warning">{move || i18n.t(Key::SteeringOverdue)}</strong> })}</li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    })
                })
            }}
        </Transition>
    }
}
