//! The carrier's bids: the overview (own bids, open calls to bid for) and the bid editor, which saves as
//! the carrier types, takes attachments, submits and withdraws.
//!
//! The editor is a plain form that works without JavaScript (its buttons post to `save_draft` and
//! `submit_bid`, the upload form to the server's upload route), and is served static. In the browser it saves
//! a moment after each keystroke pause and before uploads, and keeps a copy in the browser's storage until
//! the server has it, so text typed into an expired session is restored at the next visit
//! (`crate::autosave`).

use crate::AppError;
use crate::bids::{BidPageData, BidsOverview, RemoveAttachment, StartBid, SubmitBid, WithdrawBid, bid, my_bids};
use crate::autosave::{Markup, StatusLine};
use crate::components::{Countdown, CurrentTenant, ErrorNotice, NotFound, Protected, error_text};
use crate::i18n::{I18n, Key};
use crate::pages::calls::phase_key;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::Permission;
use model::bid::{BidStatus, BidView, FieldProblem, Problem, amount_field, answer_field};
use model::call::{Phase, Question, QuestionKind};
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
use uuid::Uuid;

pub fn status_key(status: BidStatus) -> Key {
    match status {
        BidStatus::Draft => Key::BidStatusDraft,
        BidStatus::Submitted => Key::BidStatusSubmitted,
        BidStatus::Withdrawn => Key::BidStatusWithdrawn,
    }
}

pub fn problem_key(problem: Problem) -> Key {
    match problem {
        Problem::Required => Key::ErrRequired,
        Problem::TooLong => Key::ErrTooLong,
        Problem::Malformed => Key::ErrMalformed,
        Problem::OutOfRange => Key::ErrOutOfRange,
        Problem::NotAnOption => Key::ErrNotAnOption,
    }
}

#[component]
pub fn BidsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let start = ServerAction::<StartBid>::new();
    let overview = Resource::new(|| (), |_| my_bids());
    let start_error = Signal::derive(move || start.value().get().and_then(Result::err));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::BidsTitle))) />
        <Protected permission=Permission::DraftBids>
            <h1>{move || i18n.t(Key::BidsTitle)}</h1>
            <div role="alert">
                {move || start_error.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
            </div>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(overview) => view! { <Overview overview start /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}

#[component]
fn Overview(overview: BidsOverview, start: ServerAction<StartBid>) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}", tenant.slug);
    let bids_base = base.clone();
    let server_now = overview.server_now;
    view! {
        <p class="lead">{overview.organisation_name.clone()}</p>
        {(!overview.verified).then(|| view! { <p class="notice">{move || i18n.t(Key::OrganisationNotVerified)}</p> })}
        <section aria-labelledby="my-bids-heading">
            <h2 id="my-bids-heading">{move || i18n.t(Key::MyBidsTitle)}</h2>
            {if overview.bids.is_empty() {
                view! { <p>{move || i18n.t(Key::NoBidsYet)}</p> }.into_any()
            } else {
                view! {
                    <table class="table" id="my-bids">
                        <caption class="visually-hidden">{move || i18n.t(Key::MyBidsTitle)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t(Key::LotLabel)}</th>
                                <th scope="col">{move || i18n.t(Key::CallLabel)}</th>
                                <th scope="col">{move || i18n.t(Key::StatusLabel)}</th>
                                <th scope="col">{move || i18n.t(Key::ClosesAt)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {overview.bids.into_iter().map(|bid| {
                                let href = format!("{bids_base}/bids/{}", bid.id);
                                let closes = bid.closes_at;
                                view! {
                                    <tr>
                                        <th scope="row"><A href=href>{bid.lot_title.clone()}</A></th>
                                        <td>{bid.call_title.clone()}</td>
                                        <td>{move || i18n.t(status_key(bid.status))}" · "{move || i18n.t(phase_key(bid.phase))}</td>
                                        <td>{move || format_date_time(closes, i18n.locale(), DEFAULT_TIME_ZONE)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
        <section aria-labelledby="open-calls-heading">
            <h2 id="open-calls-heading">{move || i18n.t(Key::OpenCallsTitle)}</h2>
            {overview.open_calls.is_empty().then(|| view! { <p>{move || i18n.t(Key::NoOpenCalls)}</p> })}
            {overview.open_calls.into_iter().map(|call| {
                let call_id = call.summary.id;
                let href = format!("{base}/calls/{call_id}");
                view! {
                    <div class="card">
                        <h3><A href=href>{call.summary.title.clone()}</A></h3>
                        <Countdown until=call.summary.closes_at server_now=server_now />
                        <ul class="lot-actions">
                            {call.lots.into_iter().map(|lot| view! {
                                <li>
                                    <ActionForm action=start attr:class="inline-form">
                                        <input type="hidden" name="call" value=call_id.to_string() />
                                        <input type="hidden" name="lot" value=lot.id.to_string() />
                                        <span>{lot.title.clone()}</span>" "
                                        <button type="submit" class="button button--quiet">{move || i18n.t(Key::StartBid)}</button>
                                    </ActionForm>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
pub fn BidPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    // Submitting is a plain form post (see `Editor`); this action only reads the refusal the server put in
    // the address when it sent the browser back.
    let submit = ServerAction::<SubmitBid>::new();
    let withdraw = ServerAction::<WithdrawBid>::new();
    let remove = ServerAction::<RemoveAttachment>::new();
    let id = move || params.read().get("id").and_then(|id| Uuid::parse_str(&id).ok());
    let view_resource = Resource::new(
        move || (id(), withdraw.version().get(), remove.version().get()),
        |(id, ..)| async move {
            match id {
                Some(id) => bid(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Protected permission=Permission::DraftBids>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match view_resource.await {
                        Ok(BidPageData { view, outcome }) => view! {
                            {outcome.map(|outcome| view! { <BidOutcome outcome /> })}
                            <Editor view submit withdraw remove />
                        }
                        .into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

/// The bid's form, its attachments and versions. Every form here works as a plain form post, so the page is
/// served static to carriers (`render_mode`): saving as you type, and saving before an upload leaves the
/// page, are `crate::autosave`'s, which the static page's enhancement and the app both attach. A submission
/// sends the fields along (`submit_bid` saves them first) and comes back with `?submitted=` and the number of
/// the version, for which the page shows the receipt; a refusal comes back in the address (Leptos'
/// `__err`), which `submit` reads.
#[component]
fn Editor(
    view: BidView,
    submit: ServerAction<SubmitBid>,
    withdraw: ServerAction<WithdrawBid>,
    remove: ServerAction<RemoveAttachment>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let query = use_query_map();
    let open = view.phase == Phase::Open;
    let bid_id = view.id;
    let form_ref = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(form) = form_ref.get() {
            crate::autosave::attach(form);
        }
    });

    // Problems of the last submission, by field.
    let problems = Signal::derive(move || match submit.value().get() {
        Some(Err(AppError::Incomplete { problems })) => problems,
        _ => Vec::new(),
    });
    let submit_error = Signal::derive(move || {
        submit.value().get().and_then(Result::err).filter(|e| !matches!(e, AppError::Incomplete { .. }))
    });
    // The receipt of the version just submitted, while it is the bid's latest.
    let receipt = {
        let latest = view.versions.iter().max_by_key(|v| v.number).cloned();
        let submitted = view.status == BidStatus::Submitted;
        move || {
            let number = query.read().get("submitted")?.parse::<i32>().ok()?;
            latest.clone().filter(|v| submitted && v.number == number && submit.value().with(Option::is_none))
        }
    };
    let slug = tenant.slug.to_string();
    let base = StoredValue::new(slug.clone());
    let summary_questions = view.questions.clone();
    let upload_outcome = move || query.read().get("upload");
    let title = format!("{} – {}", view.lot_title, view.call_title);
    let draft = view.draft.clone();
    let questions = view.questions.clone();
    let file_questions: Vec<Question> = questions.iter().filter(|q| q.kind == QuestionKind::File).cloned().collect();
    let file_questions_for_errors = file_questions.clone();
    let attachments = view.attachments.clone();
    let versions = view.versions.clone();
    let status = view.status;
    let years = view.budget_years.clone();
    view! {
        <Title text=format!("{title} – Spielraum") />
        <p class="breadcrumb"><A href=format!("/{slug}/bids")>{move || i18n.t(Key::BidsTitle)}</A></p>
        <h1>{view.lot_title.clone()}</h1>
        <p class="lead">{view.call_title.clone()}" · "{view.organisation_name.clone()}</p>
        <dl class="facts">
            <dt>{move || i18n.t(Key::StatusLabel)}</dt>
            <dd id="bid-status">{move || i18n.t(status_key(status))}</dd>
            <dt>{move || i18n.t(Key::ClosesAt)}</dt>
            <dd>{move || format_date_time(view.closes_at, i18n.locale(), DEFAULT_TIME_ZONE)}</dd>
        </dl>
        {if open {
            view! { <Countdown until=view.closes_at server_now=view.server_now /> }.into_any()
        } else {
            view! { <p class="notice" id="bid-frozen">{move || i18n.t(Key::BidFrozen)}</p> }.into_any()
        }}

        <StatusLine id="save-state" />
        <div role="alert">
            {move || receipt().map(|version| {
                let href = format!("/{}/bids/{bid_id}/versions/{}", base.get_value(), version.number);
                view! {
                    <div class="notice notice--success" id="receipt">
                        <h2>{move || i18n.t(Key::ReceiptTitle)}</h2>
                        <p>{move || i18n.t(Key::ReceiptText)}</p>
                        <dl class="facts">
                            <dt>{move || i18n.t(Key::VersionLabel)}</dt>
                            <dd>{version.number}</dd>
                            <dt>{move || i18n.t(Key::ReceivedAt)}</dt>
                            <dd>{move || format_date_time(version.submitted_at, i18n.locale(), DEFAULT_TIME_ZONE)}</dd>
                            <dt>{move || i18n.t(Key::ContentHash)}</dt>
                            <dd><code class="hash">{version.content_hash.clone()}</code></dd>
                        </dl>
                        <p><A href=href>{move || i18n.t(Key::ShowReceipt)}</A></p>
                    </div>
                }
            })}
            {move || (!problems.get().is_empty()).then(|| view! {
                <div class="notice notice--error" id="problems">
                    <p>{move || i18n.t(Key::BidIncomplete)}</p>
                    <ul>
                        {problems.get().into_iter().map(|p| {
                            let (anchor, name) = field_name(&summary_questions, &p.field);
                            view! {
                                <li><a href=anchor>{move || name(i18n)}": "{move || i18n.t(problem_key(p.problem))}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {move || submit_error.get().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
            {move || withdraw.value().get().and_then(Result::err).map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
        </div>

        <form node_ref=form_ref action="/fn/save_draft" method="post" class="form bid-form" id="bid-form" novalidate
            data-autosave=open.then(|| format!("draft-{bid_id}")) data-saved-at=Markup::saved_at(view.draft_saved_at)
            data-status="save-state">
            <input type="hidden" name="bid" value=bid_id.to_string() />
            <fieldset disabled=!open>
                <legend class="visually-hidden">{move || i18n.t(Key::AnswersTitle)}</legend>
                {questions.into_iter().filter(|q| q.kind != QuestionKind::File).map(|question| {
                    let value = draft.answers.get(&question.id).cloned().unwrap_or_default();
                    view! { <AnswerField question value problems /> }
                }).collect_view()}
                <h2>{move || i18n.t(Key::FundingTitle)}</h2>
                <p>{move || i18n.t(Key::FundingIntro)}</p>
                {years.into_iter().map(|year| {
                    let name = amount_field(year);
                    let value = draft.amounts.get(&year).cloned().unwrap_or_default();
                    view! {
                        <TextInput name label=format!("{} {year} (EUR)", i18n.t(Key::AmountForYear)) value problems inputmode="decimal" />
                    }
                }).collect_view()}
                <TextInput name="fte".to_owned() label=i18n.t(Key::FteLabel).to_owned() value=draft.fte.clone() problems inputmode="decimal" />
            </fieldset>
            {open.then(|| view! {
                <div class="button-row">
                    <button type="submit" name="intent" value="save" class="button button--quiet">{move || i18n.t(Key::SaveDraft)}</button>
                    <button type="submit" name="intent" value="submit" formaction="/fn/submit_bid" class="button" id="submit-bid">
                        {move || i18n.t(if status == BidStatus::Submitted { Key::ResubmitBid } else { Key::SubmitBid })}
                    </button>
                </div>
            })}
        </form>

        <section id="attachments" aria-labelledby="attachments-heading">
            <h2 id="attachments-heading">{move || i18n.t(Key::AttachmentsTitle)}</h2>
            {move || {
                let missing: Vec<(String, Key)> = problems.with(|list| {
                    file_questions_for_errors
                        .iter()
                        .filter_map(|q| {
                            let problem = list.iter().find(|p| p.field == answer_field(q.id))?;
                            Some((q.label.clone(), problem_key(problem.problem)))
                        })
                        .collect()
                });
                missing
                    .into_iter()
                    .map(|(label, key)| view! { <p class="field__error">{label}": "{move || i18n.t(key)}</p> })
                    .collect_view()
            }}
            {move || upload_outcome().map(|outcome| {
                let (class, key) = upload_message(&outcome);
                view! { <p class=class role="alert">{move || i18n.t(key)}</p> }
            })}
            {if attachments.is_empty() {
                view! { <p>{move || i18n.t(Key::NoAttachments)}</p> }.into_any()
            } else {
                view! {
                    <ul class="attachment-list">
                        {attachments.into_iter().map(|a| {
                            let href = format!("/{}/bids/{bid_id}/attachments/{}", base.get_value(), a.id);
                            let question = a.question_id.and_then(|q| view.questions.iter().find(|x| x.id == q)).map(|q| q.label.clone());
                            view! {
                                <li>
                                    <a href=href download>{a.file_name.clone()}</a>
                                    " ("{format_size(a.size_bytes)}")"
                                    {question.map(|label| view! { <span class="attachment-question">" – "{label}</span> })}
                                    {open.then(|| view! {
                                        <ActionForm action=remove attr:class="inline-form">
                                            <input type="hidden" name="bid" value=bid_id.to_string() />
                                            <input type="hidden" name="attachment" value=a.id.to_string() />
                                            <button type="submit" class="button button--quiet">
                                                {move || i18n.t(Key::Remove)}
                                                <span class="visually-hidden">" "{a.file_name.clone()}</span>
                                            </button>
                                        </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {open.then(|| view! {
                <form class="form" method="post" enctype="multipart/form-data" data-saves-first="bid-form"
                    action=format!("/{}/bids/{bid_id}/attachments", base.get_value())>
                    {(!file_questions.is_empty()).then(|| view! {
                        <div class="field">
                            <label for="field-question">{move || i18n.t(Key::AttachmentFor)}</label>
                            <select id="field-question" name="question">
                                <option value="">{move || i18n.t(Key::GeneralAttachment)}</option>
                                {file_questions.iter().map(|q| view! { <option value=q.id.to_string()>{q.label.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                    })}
                    <div class="field">
                        <label for="field-file">{move || i18n.t(Key::FileLabel)}</label>
                        <input id="field-file" type="file" name="file" required
                            accept=".pdf,.odt,.docx,application/pdf,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                            aria-describedby="file-hint" />
                        <p class="field-hint" id="file-hint">{move || i18n.t(Key::FileHint)}</p>
                    </div>
                    <button type="submit" class="button button--quiet">{move || i18n.t(Key::Upload)}</button>
                </form>
            })}
        </section>

        <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">{move || i18n.t(Key::VersionsTitle)}</h2>
            {if versions.is_empty() {
                view! { <p>{move || i18n.t(Key::NoVersions)}</p> }.into_any()
            } else {
                view! {
                    <ol class="version-list" id="versions">
                        {versions.into_iter().map(|v| {
                            let href = format!("/{}/bids/{bid_id}/versions/{}", base.get_value(), v.number);
                            view! {
                                <li>
                                    <A href=href>{move || i18n.t(Key::VersionLabel)}" "{v.number}</A>
                                    " · "{move || format_date_time(v.submitted_at, i18n.locale(), DEFAULT_TIME_ZONE)}
                                    " · "<code class="hash">{v.content_hash[..16].to_owned()}"…"</code>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
            {(open && status == BidStatus::Submitted).then(|| view! {
                <ActionForm action=withdraw attr:class="inline-form">
                    <input type="hidden" name="bid" value=bid_id.to_string() />
                    <button type="submit" class="button button--quiet" id="withdraw-bid">{move || i18n.t(Key::WithdrawBid)}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// Where a problem's field is on the page, and what it is called: the question, the budget year, the FTE.
/// File questions are answered by the upload form.
fn field_name(questions: &[Question], field: &str) -> (String, Box<dyn Fn(I18n) -> String + Send + Sync>) {
    if let Some(question) = questions.iter().find(|q| answer_field(q.id) == field) {
        let label = question.label.clone();
        let anchor =
            if question.kind == QuestionKind::File { "#field-file".to_owned() } else { format!("#field-{field}") };
        return (anchor, Box::new(move |_| label.clone()));
    }
    let anchor = format!("#field-{field}");
    match field.strip_prefix("amount-") {
        Some(year) => {
            let year = year.to_owned();
            (anchor, Box::new(move |i18n: I18n| format!("{} {year}", i18n.t(Key::AmountForYear))))
        }
        None => (anchor, Box::new(|i18n: I18n| i18n.t(Key::FteLabel).to_owned())),
    }
}

pub(crate) fn upload_message(outcome: &str) -> (&'static str, Key) {
    let error = "notice notice--error";
    match outcome {
        "ok" => ("notice notice--success", Key::UploadDone),
        "empty_file" => (error, Key::ErrEmptyFile),
        "file_too_large" => (error, Key::ErrFileTooLarge),
        "bad_file_name" => (error, Key::ErrBadFileName),
        "wrong_file_type" => (error, Key::ErrWrongFileType),
        "required" => (error, Key::ErrRequired),
        "closed" => (error, Key::CallNotOpen),
        "locked" => (error, Key::ErrReportLocked),
        _ => (error, Key::ErrorText),
    }
}

pub fn format_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The message for `field` among the problems of the last submission.
fn problem_of(problems: Signal<Vec<FieldProblem>>, field: &str) -> Option<Key> {
    problems.with(|list| list.iter().find(|p| p.field == field).map(|p| problem_key(p.problem)))
}

#[component]
fn TextInput(
    name: String,
    label: String,
    value: String,
    problems: Signal<Vec<FieldProblem>>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let field = name.clone();
    let message = Signal::derive(move || problem_of(problems, &field));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" name=format!("fields[{name}]") value=value inputmode=inputmode
                aria-invalid=move || message.get().is_some().then_some("true")
                aria-describedby=move || message.get().is_some().then(|| error_id.clone()) />
            {move || message.get().map(|key| view! { <p class="field__error" id=format!("field-{name}-error")>{move || i18n.t(key)}</p> })}
        </div>
    }
}

/// One question's input, by its kind.
#[component]
fn AnswerField(question: Question, value: String, problems: Signal<Vec<FieldProblem>>) -> impl IntoView {
    let i18n = I18n::expect();
    let field = answer_field(question.id);
    let id = format!("field-{field}");
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let name = format!("fields[{field}]");
    let key = field.clone();
    let message = Signal::derive(move || problem_of(problems, &key));
    let described = {
        let (error_id, help_id) = (error_id.clone(), help_id.clone());
        move || {
            let mut ids = vec![help_id.clone()];
            if message.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let required = question.required;
    let grouped = matches!(question.kind, QuestionKind::YesNo | QuestionKind::SingleChoice { .. });
    let label = question.label.clone();
    let help = match &question.kind {
        QuestionKind::LongText { max_chars } => {
            format!("{} ({} {max_chars})", question.help, i18n.t(Key::AtMostChars)).trim().to_owned()
        }
        _ => question.help.clone(),
    };
    let input = match &question.kind {
        QuestionKind::LongText { .. } => view! {
            <textarea id=id.clone() name=name.clone() rows="10" aria-describedby=described.clone()
                aria-invalid=move || message.get().is_some().then_some("true")>{value.clone()}</textarea>
        }
        .into_any(),
        QuestionKind::YesNo | QuestionKind::SingleChoice { .. } => {
            let options: Vec<(String, String)> = match &question.kind {
                QuestionKind::SingleChoice { options } => options.iter().map(|o| (o.clone(), o.clone())).collect(),
                _ => {
                    vec![("yes".to_owned(), i18n.t(Key::Yes).to_owned()), ("no".to_owned(), i18n.t(Key::No).to_owned())]
                }
            };
            view! {
                <div class="choices" id=id.clone() aria-describedby=described.clone()>
                    {options.into_iter().enumerate().map(|(i, (option, text))| {
                        let option_id = format!("{id}-{i}");
                        let checked = value == option;
                        view! {
                            <label for=option_id.clone() class="choice">
                                <input type="radio" id=option_id.clone() name=name.clone() value=option checked=checked />
                                " "{text}
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        QuestionKind::Number | QuestionKind::Money | QuestionKind::ShortText | QuestionKind::File => {
            let inputmode = matches!(question.kind, QuestionKind::Number | QuestionKind::Money).then_some("decimal");
            view! {
                <input id=id.clone() type="text" name=name.clone() value=value.clone() inputmode=inputmode
                    aria-describedby=described.clone() aria-invalid=move || message.get().is_some().then_some("true") />
            }
            .into_any()
        }
    };
    let mark = move || i18n.t(if required { Key::RequiredMark } else { Key::OptionalMark });
    let error = move || {
        message.get().map(|key| view! { <p class="field__error" id=error_id.clone()>{move || i18n.t(key)}</p> })
    };
    if grouped {
        // A group of choices is named by its legend, not by a label.
        view! {
            <fieldset class="field field--group">
                <legend class="question-label">{label}" "<span class="question-meta">"("{mark}")"</span></legend>
                <p class="field-hint" id=help_id>{help}</p>
                {input}
                {error}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class="field">
                <label for=id.clone() class="question-label">{label}" "<span class="question-meta">"("{mark}")"</span></label>
                <p class="field-hint" id=help_id>{help}</p>
                {input}
                {error}
            </div>
        }
        .into_any()
    }
}

/// The committee's decision on the organisation's bid, its own scores per criterion and the group's reasoning.
#[component]
fn BidOutcome(outcome: model::award::OutcomeView) -> impl IntoView {
    let i18n = I18n::expect();
    let decision = outcome.decision;
    let key = if decision.awarded { Key::Awarded } else { Key::NotAwarded };
    let date = decision.session_date;
    view! {
        <section class="card notice" aria-labelledby="outcome-heading" id="bid-outcome">
            <h2 id="outcome-heading">{move || i18n.t(Key::DecisionsTitle)}": "{move || i18n.t(key)}</h2>
            <p>
                {move || i18n.t(Key::SessionDate)}" "{move || model::datetime::format_day(date, i18n.locale())}
                " · "{move || i18n.t(Key::ResolutionNumber)}" "{decision.resolution_number.clone()}
            </p>
            {(!decision.amounts.is_empty()).then(|| view! {
                <ul>
                    {decision.amounts.iter().map(|a| {
                        let amount = a.amount;
                        view! { <li>{a.year}": "{move || amount.format(i18n.locale())}</li> }
                    }).collect_view()}
                </ul>
            })}
            {(!decision.conditions.is_empty()).then(|| view! {
                <p><strong>{move || i18n.t(Key::ConditionsLabel)}": "</strong>{decision.conditions.clone()}</p>
            })}
            <table class="table">
                <caption>{move || i18n.t(Key::YourScoresCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::CriterionLabel)}</th>
                        <th scope="col">{move || i18n.t(Key::MeanPointsLabel)}</th>
                    </tr>
                </thead>
                <tbody>
                    {outcome.criteria.into_iter().map(|c| view! {
                        <tr>
                            <th scope="row">{c.title}</th>
                            <td>{c.mean.map(|m| format!("{} / {}", model::ranking::format_score(m, i18n.locale()), c.max)).unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {outcome.weighted.map(|w| view! { <p>{move || i18n.t(Key::WeightedScoreLabel)}": "{move || model::ranking::format_score(w, i18n.locale())}</p> })}
            {outcome.reasoning.map(|r| view! {
                <h3>{move || i18n.t(Key::GroupReasoning)}</h3>
                <p class="answer-text">{r}</p>
            })}
        </section>
    }
}
