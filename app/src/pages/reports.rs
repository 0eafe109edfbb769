//! The posts' reports (issue 13): the list of what is due, waiting and done, and one report — the form of the
//! work order for its coordinators, the review for the steering group and the administration, and the
//! submitted versions with the review's comments for every reader.
//!
//! The forms are plain forms posting to the server functions of `app::reports`, so they work without
//! JavaScript.

use crate::components::{CurrentTenant, ErrorNotice, NotFound, Protected, autosave, error_text};
use crate::i18n::{I18n, Key, msg};
use crate::reports::{RemoveReportFile, ReviewReport, SaveReport, StartReport, SubmitReport, report, report_tasks, reports};
use crate::AppError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use model::datetime::{DEFAULT_TIME_ZONE, format_date, format_day};
use model::report::{Content, PeriodKind, Quality, ReportState, ReportSummary, ReportView, Section};

pub fn state_key(state: Option<ReportState>) -> Key {
    match state {
        None => Key::ReportStateNotStarted,
        Some(ReportState::Draft) => Key::ReportStateDraft,
        Some(ReportState::Submitted) => Key::ReportStateSubmitted,
        Some(ReportState::Returned) => Key::ReportStateReturned,
        Some(ReportState::Accepted) => Key::ReportStateAccepted,
    }
}

fn section_key(section: Section) -> Key {
    match section {
        Section::Cooperation => Key::ReportSectionCooperation,
        Section::Access => Key::ReportSectionAccess,
        Section::Prevention => Key::ReportSectionPrevention,
        Section::Network => Key::ReportSectionNetwork,
        Section::YouthOffice => Key::ReportSectionYouthOffice,
    }
}

fn quality_key(quality: Quality) -> Key {
    match quality {
        Quality::Good => Key::ReportQualityGood,
        Quality::Developing => Key::ReportQualityDeveloping,
        Quality::Difficult => Key::ReportQualityDifficult,
    }
}

fn period_text(summary: &ReportSummary, locale: model::Locale) -> String {
    format!("{} – {}", format_day(summary.period_start, locale), format_day(summary.period_end, locale))
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let start = ServerAction::<StartReport>::new();
    let query = leptos_router::hooks::use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(1);
    let list = Resource::new(page, |page| reports(Some(page)));
    let start_error = Signal::derive(move || start.value().get().and_then(Result::err));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ReportsTitle))) />
        <Protected>
            <h1>{move || i18n.t(Key::ReportsTitle)}</h1>
            <super::report_overview::OverviewLinks />
            <p class="lead">{move || i18n.t(Key::ReportsIntro)}</p>
            <div role="alert">
                {move || start_error.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
            </div>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(listing) => {
                            let model::report::ReportListing { to_do, waiting, all, total, page, pages } = listing;
                            view! {
                                {(!to_do.is_empty()).then(|| view! {
                                    <section aria-labelledby="reports-to-do">
                                        <h2 id="reports-to-do">{move || i18n.t(Key::ReportsToDoTitle)}</h2>
                                        <ReportTable reports=to_do start id="reports-to-do-table" />
                                    </section>
                                })}
                                {(!waiting.is_empty()).then(|| view! {
                                    <section aria-labelledby="reports-waiting">
                                        <h2 id="reports-waiting">{move || i18n.t(Key::ReportsWaitingTitle)}</h2>
                                        <ReportTable reports=waiting start id="reports-waiting-table" />
                                    </section>
                                })}
                                <section aria-labelledby="reports-all">
                                    <h2 id="reports-all">{move || i18n.t(Key::ReportsAllTitle)}</h2>
                                    {if all.is_empty() {
                                        view! { <p>{move || i18n.t(Key::ReportsNone)}</p> }.into_any()
                                    } else {
                                        view! {
                                            <p id="reports-count">{move || msg::reports_count(i18n.locale(), msg::ReportsCount { count: total as i64 })}</p>
                                            <ReportTable reports=all start id="reports-all-table" />
                                            <crate::components::Pager page pages link=|n| format!("?page={n}") />
                                        }.into_any()
                                    }}
                                </section>
                            }
                            .into_any()
                        }
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn ReportTable(reports: Vec<ReportSummary>, start: ServerAction<StartReport>, id: &'static str) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}", tenant.slug);
    view! {
        <table class="table" id=id>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Key::ReportDistrict)}</th>
                    <th scope="col">{move || i18n.t(Key::ReportPeriod)}</th>
                    <th scope="col">{move || i18n.t(Key::ReportDue)}</th>
                    <th scope="col">{move || i18n.t(Key::ReportState)}</th>
                    <th scope="col"><span class="visually-hidden">{move || i18n.t(Key::ReportOpen)}</span></th>
                </tr>
            </thead>
            <tbody>
                {reports.into_iter().map(|r| {
                    let period = r.clone();
                    let due = r.due_at;
                    let state = r.state;
                    let action = match r.id {
                        Some(id) => view! { <A href=format!("{base}/reports/{id}")>{move || i18n.t(Key::ReportOpen)}</A> }.into_any(),
                        None if r.may_start => view! {
                            <ActionForm action=start attr:class="inline-form">
                                <input type="hidden" name="post" value=r.post_id.to_string() />
                                <input type="hidden" name="kind" value=r.kind.as_str() />
                                <input type="hidden" name="period_start" value=r.period_start.to_string() />
                                <label class="checkbox">
                                    <input type="checkbox" name="from_previous" value="on" />
                                    {move || i18n.t(Key::ReportFromPrevious)}
                                </label>
                                <button type="submit" class="button button--quiet">{move || i18n.t(Key::ReportStart)}</button>
                            </ActionForm>
                        }.into_any(),
                        None => ().into_any(),
                    };
                    view! {
                        <tr>
                            <th scope="row">{r.district.clone()}</th>
                            <td>{move || period_text(&period, i18n.locale())}{(r.kind == PeriodKind::Final).then(|| view! { " (" {move || i18n.t(Key::ReportFinal)} ")" })}</td>
                            <td>{move || format_date(due - chrono::Duration::seconds(1), i18n.locale(), DEFAULT_TIME_ZONE)}</td>
                            <td>{move || i18n.t(state_key(state))}{r.late.then(|| view! { " · " <strong>{move || i18n.t(Key::ReportLate)}</strong> })}</td>
                            <td>{action}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let save = ServerAction::<SaveReport>::new();
    let submit = ServerAction::<SubmitReport>::new();
    let review = ServerAction::<ReviewReport>::new();
    let remove = ServerAction::<RemoveReportFile>::new();
    let shown = Resource::new(
        // Not on saves: the autosaved form keeps its state (and the caret) while the coordinator types.
        move || (params.read().get("id"), submit.version().get(), review.version().get(), remove.version().get()),
        |(id, ..)| async move {
            match id.and_then(|id| uuid::Uuid::parse_str(&id).ok()) {
                Some(id) => report(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    // A failed save is told by the form's status line.
    let failed = Signal::derive(move || {
        submit
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| review.value().get().and_then(Result::err))
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ReportTitle))) />
        <Protected>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match shown.await {
                        Ok(view) => view! { <ReportDetail view save submit review remove failed /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}

#[component]
fn ReportDetail(
    view: ReportView,
    save: ServerAction<SaveReport>,
    submit: ServerAction<SubmitReport>,
    review: ServerAction<ReviewReport>,
    remove: ServerAction<RemoveReportFile>,
    failed: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let summary = view.summary.clone();
    let id = summary.id.map(|id| id.to_string()).unwrap_or_default();
    let heading = summary.clone();
    let state = summary.state;
    let content = view.content.clone();
    view! {
        <h1>{move || format!("{} {} – {}", i18n.t(Key::ReportTitle), heading.district, period_text(&heading, i18n.locale()))}</h1>
        <p class="lead">
            {summary.organisation.clone()}" · "{move || i18n.t(state_key(state))}
            {summary.late.then(|| view! { " · " <strong>{move || i18n.t(Key::ReportLate)}</strong> })}
        </p>
        <div role="alert">
            {move || failed.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
        </div>
        <Comments view=view.clone() />
        {if view.may_edit {
            // Files that went out with a submission stay; only those added since can be removed.
            let submitted = view.versions.last().map(|v| v.submitted_at);
            let files = view.files.clone();
            view! { <EditForm id=id.clone() content saved_at=view.saved_at.unwrap_or_default() files submitted save submit remove /> }.into_any()
        } else {
            let files = view.files.clone();
            view! {
                <ContentView content />
                <section id="report-files" aria-labelledby="report-files-title">
                    <h2 id="report-files-title">{move || i18n.t(Key::AttachmentsTitle)}</h2>
                    <FileList id=id.clone() files remove=None submitted=None />
                </section>
            }.into_any()
        }}
        {view.may_review.then(|| view! { <ReviewForm id=id.clone() review /> })}
        <Versions view />
    }
}

#[component]
fn Comments(view: ReportView) -> impl IntoView {
    let i18n = I18n::expect();
    (!view.comments.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="report-comments">
                <h2 id="report-comments">{move || i18n.t(Key::ReportComments)}</h2>
                <ul id="report-comment-list">
                    {view.comments.into_iter().map(|c| {
                        let about = c.section;
                        view! {
                            <li>
                                <strong>{move || about.map_or(i18n.t(Key::ReportCommentGeneral), |s| i18n.t(section_key(s)))}</strong>
                                ": "{c.body}" – "{c.author}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn ContentView(content: Content) -> impl IntoView {
    let i18n = I18n::expect();
    let figures = content.figures;
    view! {
        <section aria-labelledby="report-content">
            <h2 id="report-content" class="visually-hidden">{move || i18n.t(Key::ReportTitle)}</h2>
            {Section::ALL.into_iter().map(|section| {
                let text = content.section(section).to_owned();
                view! {
                    <h3>{move || i18n.t(section_key(section))}</h3>
                    <div class="prose">{text.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <p>{l.to_owned()}</p> }).collect_view()}</div>
                }
            }).collect_view()}
            <h3>{move || i18n.t(Key::ReportPartners)}</h3>
            <ul>
                {content.partners.into_iter().map(|p| {
                    let quality = p.quality;
                    view! { <li>{p.name}" (" {p.field} ") – "{move || i18n.t(quality_key(quality))}{p.new.then(|| view! { " · " {move || i18n.t(Key::ReportPartnerNew)} })}</li> }
                }).collect_view()}
            </ul>
            <h3>{move || i18n.t(Key::ReportFigures)}</h3>
            <dl class="facts">
                <dt>{move || i18n.t(Key::ReportFigureNetworkPartners)}</dt><dd>{figures.network_partners}</dd>
                <dt>{move || i18n.t(Key::ReportFigureMeetings)}</dt><dd>{figures.meetings}</dd>
                <dt>{move || i18n.t(Key::ReportFigureMeasures)}</dt><dd>{figures.measures_started}</dd>
                <dt>{move || i18n.t(Key::ReportFigurePeople)}</dt><dd>{figures.people_reached}</dd>
                <dt>{move || i18n.t(Key::ReportFigureHours)}</dt><dd>{figures.hours_worked.to_string()}</dd>
                <dt>{move || i18n.t(Key::ReportFigureMoney)}</dt><dd>{move || figures.money_spent.format(i18n.locale())}</dd>
            </dl>
        </section>
    }
}

/// The work order's form. Hydrated, it saves a moment after typing pauses and keeps a copy in this browser
/// until the server has it (as the bid editor does, `components::autosave`); "submit" first saves what is
/// not saved yet. Without JavaScript both are plain form posts.
#[component]
fn EditForm(
    id: String,
    content: Content,
    saved_at: chrono::DateTime<chrono::Utc>,
    files: Vec<model::file::FileRef>,
    submitted: Option<chrono::DateTime<chrono::Utc>>,
    save: ServerAction<SaveReport>,
    submit: ServerAction<SubmitReport>,
    remove: ServerAction<RemoveReportFile>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let figures = content.figures;
    let mut rows = content.partners.clone();
    rows.extend(std::iter::repeat_n(model::report::Partner { name: String::new(), field: String::new(), new: false, quality: Quality::Good }, 2));
    let report_id = uuid::Uuid::parse_str(&id).unwrap_or_default();
    let submit_id = id.clone();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let state = RwSignal::new(autosave::SaveState::Idle);
    let tracker = autosave::Tracker::new(saved_at);
    let copy_key = StoredValue::new(format!("report-{id}"));
    let submit_waits = RwSignal::new(false);
    let upload_ref = NodeRef::<leptos::html::Form>::new();
    let upload_waits = RwSignal::new(false);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(at)) => {
            tracker.saved(at);
            if tracker.all_saved() {
                state.set(autosave::SaveState::Saved(at));
                copy_key.with_value(|key| autosave::forget(key));
                if submit_waits.get_untracked() {
                    submit_waits.set(false);
                    submit.dispatch(SubmitReport { id: report_id });
                }
                if upload_waits.get_untracked() {
                    upload_waits.set(false);
                    autosave::send_form(upload_ref);
                }
            } else {
                state.set(autosave::SaveState::Unsaved);
                if submit_waits.get_untracked() || upload_waits.get_untracked() {
                    autosave::flush(form_ref, save, tracker);
                }
            }
        }
        Some(Err(err)) => {
            submit_waits.set(false);
            upload_waits.set(false);
            state.set(autosave::SaveState::Failed(err));
        }
        None => {}
    });
    Effect::new(move |_| {
        if save.pending().get() {
            state.set(autosave::SaveState::Saving);
        }
    });
    // Text kept in this browser from a session that ended before the server had it.
    Effect::new(move |_| {
        if copy_key.with_value(|key| autosave::restore(key, form_ref, tracker)) {
            state.set(autosave::SaveState::Unsaved);
            tracker.edited();
            autosave::flush(form_ref, save, tracker);
        }
    });
    let on_input = move |_| {
        state.set(autosave::SaveState::Unsaved);
        let edit = tracker.edited();
        copy_key.with_value(|key| autosave::remember(key, form_ref, tracker));
        autosave::schedule(form_ref, save, tracker, edit);
    };
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        autosave::flush(form_ref, save, tracker);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if tracker.all_saved() {
            submit.dispatch(SubmitReport { id: report_id });
        } else {
            submit_waits.set(true);
            autosave::flush(form_ref, save, tracker);
        }
    };
    // The upload leaves the page: what is typed is saved first.
    let on_upload = move |ev: leptos::ev::SubmitEvent| {
        if !tracker.all_saved() {
            ev.prevent_default();
            upload_waits.set(true);
            autosave::flush(form_ref, save, tracker);
        }
    };
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let upload_action = format!("/{}/reports/{id}/files", tenant.slug);
    let query = leptos_router::hooks::use_query_map();
    let upload_outcome = move || query.read().get("upload");
    let list_id = id.clone();
    view! {
        <form node_ref=form_ref action="/fn/save_report" method="post" id="report-form" class="form"
            on:input=on_input on:submit=on_save>
            <input type="hidden" name="id" value=id />
            {Section::ALL.into_iter().map(|section| {
                let name = section.as_str();
                let field_id = format!("report-{name}");
                view! {
                    <div class="field">
                        <label for=field_id.clone()>{move || i18n.t(section_key(section))}</label>
                        <textarea id=field_id name=name rows="5">{content.section(section).to_owned()}</textarea>
                    </div>
                }
            }).collect_view()}
            <fieldset>
                <legend>{move || i18n.t(Key::ReportPartners)}</legend>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t(Key::ReportPartnerName)}</th>
                            <th scope="col">{move || i18n.t(Key::ReportPartnerField)}</th>
                            <th scope="col">{move || i18n.t(Key::ReportPartnerNew)}</th>
                            <th scope="col">{move || i18n.t(Key::ReportPartnerQuality)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().enumerate().map(|(n, p)| {
                            let label = move |key| format!("{} {}", i18n.t(key), n + 1);
                            let quality = p.quality;
                            view! {
                                <tr>
                                    <td><input name=format!("partners[{n}][name]") value=p.name aria-label=move || label(Key::ReportPartnerName) /></td>
                                    <td><input name=format!("partners[{n}][field]") value=p.field aria-label=move || label(Key::ReportPartnerField) /></td>
                                    <td><input type="checkbox" name=format!("partners[{n}][new]") checked=p.new aria-label=move || label(Key::ReportPartnerNew) /></td>
                                    <td>
                                        <select name=format!("partners[{n}][quality]") aria-label=move || label(Key::ReportPartnerQuality)>
                                            {[(Quality::Good, "good"), (Quality::Developing, "developing"), (Quality::Difficult, "difficult")].into_iter().map(|(q, value)| view! {
                                                <option value=value selected=q == quality>{move || i18n.t(quality_key(q))}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(Key::ReportFigures)}</legend>
                <Figure name="network_partners" label=Key::ReportFigureNetworkPartners value=figures.network_partners.to_string() />
                <Figure name="meetings" label=Key::ReportFigureMeetings value=figures.meetings.to_string() />
                <Figure name="measures_started" label=Key::ReportFigureMeasures value=figures.measures_started.to_string() />
                <Figure name="people_reached" label=Key::ReportFigurePeople value=figures.people_reached.to_string() />
                <Figure name="hours_worked" label=Key::ReportFigureHours value=figures.hours_worked.to_string() />
                <Figure name="money_spent" label=Key::ReportFigureMoney value=format!("{:.2}", figures.money_spent.amount()) />
            </fieldset>
            <autosave::SaveStatus state />
            <button type="submit" class="button">{move || i18n.t(Key::ReportSave)}</button>
        </form>
        <section id="report-files" aria-labelledby="report-files-title">
            <h2 id="report-files-title">{move || i18n.t(Key::AttachmentsTitle)}</h2>
            {move || upload_outcome().map(|outcome| {
                let (class, key) = super::bids::upload_message(&outcome);
                view! { <p class=class role="status">{move || i18n.t(key)}</p> }
            })}
            <FileList id=list_id files remove=Some(remove) submitted />
            <form node_ref=upload_ref class="inline-form" method="post" enctype="multipart/form-data" action=upload_action
                on:submit=on_upload>
                <label for="report-file">{move || i18n.t(Key::ExchangeAttach)}</label>
                <input id="report-file" type="file" name="file" accept=".pdf,.odt,.docx" required=true />
                <button type="submit" class="button button--quiet">{move || i18n.t(Key::Upload)}</button>
            </form>
        </section>
        <form action="/fn/submit_report" method="post" class="inline-form" on:submit=on_submit>
            <input type="hidden" name="id" value=submit_id />
            <button type="submit" class="button button--primary">{move || i18n.t(Key::ReportSubmit)}</button>
        </form>
    }
}

/// A report's files with their download links; with `remove`, a button for each file not yet submitted.
#[component]
fn FileList(
    id: String,
    files: Vec<model::file::FileRef>,
    remove: Option<ServerAction<RemoveReportFile>>,
    /// The latest submission: files up to it went out with it and stay.
    submitted: Option<chrono::DateTime<chrono::Utc>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/reports/{id}/files", tenant.slug);
    if files.is_empty() {
        return view! { <p>{move || i18n.t(Key::ReportFilesNone)}</p> }.into_any();
    }
    view! {
        <ul class="plain-list" id="report-file-list">
            {files.into_iter().map(|f| {
                let (report, name) = (id.clone(), f.file_name.clone());
                let removable = submitted.is_none_or(|at| f.uploaded_at > at);
                let remove_form = remove.filter(|_| removable).map(move |action| view! {
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="id" value=report />
                        <input type="hidden" name="file" value=f.id.to_string() />
                        <button type="submit" class="button button--small button--quiet"
                            aria-label=move || format!("{} {}", i18n.t(Key::Remove), name)>{move || i18n.t(Key::Remove)}</button>
                    </ActionForm>
                });
                view! {
                    <li>
                        <a href=format!("{base}/{}", f.id) download=f.file_name.clone()>{f.file_name.clone()}</a>
                        " ("{format!("{} KB", f.size_bytes.div_ceil(1024))}") "
                        {remove_form}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Figure(name: &'static str, label: Key, value: String) -> impl IntoView {
    let i18n = I18n::expect();
    let id = format!("report-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(label)}</label>
            <input id=id name=name value=value inputmode="decimal" />
        </div>
    }
}

#[component]
fn ReviewForm(id: String, review: ServerAction<ReviewReport>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <section class="card" aria-labelledby="report-review">
            <h2 id="report-review">{move || i18n.t(Key::ReportReviewTitle)}</h2>
            <p>{move || i18n.t(Key::ReportReviewHint)}</p>
            <ActionForm action=review attr:id="review-form" attr:class="form">
                <input type="hidden" name="id" value=id />
                {Section::ALL.into_iter().map(|section| {
                    let name = format!("comment_{}", section.as_str());
                    let field_id = format!("review-{}", section.as_str());
                    view! {
                        <div class="field">
                            <label for=field_id.clone()>{move || i18n.t(section_key(section))}</label>
                            <textarea id=field_id name=name rows="2"></textarea>
                        </div>
                    }
                }).collect_view()}
                <div class="field">
                    <label for="review-general">{move || i18n.t(Key::ReportCommentGeneral)}</label>
                    <textarea id="review-general" name="comment_general" rows="2"></textarea>
                </div>
                <button type="submit" name="verdict" value="accept" class="button button--primary">{move || i18n.t(Key::ReportAccept)}</button>
                " "
                <button type="submit" name="verdict" value="return" class="button">{move || i18n.t(Key::ReportReturn)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Versions(view: ReportView) -> impl IntoView {
    let i18n = I18n::expect();
    (!view.versions.is_empty()).then(|| {
        view! {
            <section aria-labelledby="report-versions">
                <h2 id="report-versions">{move || i18n.t(Key::ReportVersions)}</h2>
                <ul id="report-version-list">
                    {view.versions.into_iter().map(|v| {
                        let at = v.submitted_at;
                        let changed = v.changes.sections.clone();
                        let first = v.number == 1;
                        view! {
                            <li>
                                {move || i18n.t(Key::ReportVersion)}" "{v.number}" · "
                                {move || format_date(at, i18n.locale(), DEFAULT_TIME_ZONE)}
                                {(!first).then(|| {
                                    let changed = changed.clone();
                                    view! {
                                        " · "{move || i18n.t(Key::ReportChanged)}" "
                                        {move || if changed.is_empty() {
                                            i18n.t(Key::ReportUnchanged).to_owned()
                                        } else {
                                            changed.iter().map(|s| i18n.t(section_key(*s))).collect::<Vec<_>>().join("; ")
                                        }}
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The caller's work with reports, for the home page: overdue, returned and drafts for a coordinator, reports
/// waiting for review for the steering group and the administration; nothing for anyone else.
#[component]
pub fn ReportTasks() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let href = format!("/{}/reports", tenant.slug);
    let tasks = Resource::new(|| (), |_| report_tasks());
    view! {
        <Transition fallback=|| ()>
            {move || {
                let href = href.clone();
                Suspend::new(async move {
                    let tasks = tasks.await.unwrap_or_default();
                    let count = |n: u32| i64::from(n);
                    (!tasks.is_empty()).then(|| view! {
                        <section class="card" aria-labelledby="report-tasks-heading" id="report-tasks">
                            <h2 id="report-tasks-heading">{move || i18n.t(Key::ReportsTitle)}</h2>
                            <ul>
                                {(tasks.overdue > 0).then(|| view! { <li>{move || msg::task_reports_overdue(i18n.locale(), msg::TaskReportsOverdue { count: count(tasks.overdue) })}</li> })}
                                {(tasks.returned > 0).then(|| view! { <li>{move || msg::task_reports_returned(i18n.locale(), msg::TaskReportsReturned { count: count(tasks.returned) })}</li> })}
                                {(tasks.drafts > 0).then(|| view! { <li>{move || msg::task_reports_drafts(i18n.locale(), msg::TaskReportsDrafts { count: count(tasks.drafts) })}</li> })}
                                {(tasks.waiting > 0).then(|| view! { <li>{move || msg::task_reports_waiting(i18n.locale(), msg::TaskReportsWaiting { count: count(tasks.waiting) })}</li> })}
                            </ul>
                            <p><A href=href>{move || i18n.t(Key::ReportTasksLink)}</A></p>
                        </section>
                    })
                })
            }}
        </Transition>
    }
}
