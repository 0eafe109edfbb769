//! The public call pages of a tenant: the list and one call with lots, questions and deadline.

use crate::AppError;
use crate::calls::{public_call, public_calls};
use crate::components::{Countdown, Counting, CurrentTenant, CurrentUser, ErrorNotice, NotFound};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use model::call::{CallSummary, Module, Phase, Question, QuestionKind};
use model::datetime::{DEFAULT_TIME_ZONE, format_date, format_date_time};

pub fn phase_key(phase: Phase) -> Key {
    match phase {
        Phase::Draft => Key::PhaseDraft,
        Phase::Upcoming => Key::PhaseUpcoming,
        Phase::Open => Key::PhaseOpen,
        Phase::Closed => Key::PhaseClosed,
    }
}

pub fn module_key(module: Module) -> Key {
    match module {
        Module::Steering => Key::HomeSteeringModule,
        Module::Practice => Key::ModulePractice,
    }
}

pub fn kind_key(kind: &QuestionKind) -> Key {
    match kind {
        QuestionKind::LongText { .. } => Key::KindLongText,
        QuestionKind::ShortText => Key::KindShortText,
        QuestionKind::Number => Key::KindNumber,
        QuestionKind::Money => Key::KindMoney,
        QuestionKind::YesNo => Key::KindYesNo,
        QuestionKind::SingleChoice { .. } => Key::KindChoice,
        QuestionKind::File => Key::KindFile,
    }
}

/// Title, module, phase and dates of a call, as a definition list.
#[component]
pub fn CallFacts(summary: CallSummary) -> impl IntoView {
    let i18n = I18n::expect();
    let (opens, closes, decision) = (summary.opens_at, summary.closes_at, summary.decision_date);
    view! {
        <dl class="facts">
            <dt>{move || i18n.t(Key::ModuleLabel)}</dt>
            <dd>{move || i18n.t(module_key(summary.module))}</dd>
            <dt>{move || i18n.t(Key::StatusLabel)}</dt>
            <dd class="call-phase">{move || i18n.t(phase_key(summary.phase))}</dd>
            <dt>{move || i18n.t(Key::OpensAt)}</dt>
            <dd>{move || format_date_time(opens, i18n.locale(), DEFAULT_TIME_ZONE)}</dd>
            <dt>{move || i18n.t(Key::ClosesAt)}</dt>
            <dd>{move || format_date_time(closes, i18n.locale(), DEFAULT_TIME_ZONE)}</dd>
            <dt>{move || i18n.t(Key::DecisionDate)}</dt>
            <dd>{move || {
                let midday = decision.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
                format_date(midday, i18n.locale(), DEFAULT_TIME_ZONE)
            }}</dd>
        </dl>
    }
}

#[component]
pub fn CallsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let calls = Resource::new(move || slug.clone(), public_calls);
    let base = StoredValue::new(format!("/{}/calls", tenant.slug));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::CallsTitle))) />
        <h1>{move || i18n.t(Key::CallsTitle)}</h1>
        <p class="lead">{move || i18n.t(Key::CallsIntro)}</p>
        <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match calls.await {
                    Ok(list) if list.is_empty() => view! { <p>{move || i18n.t(Key::NoCalls)}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="card-list" id="call-list">
                            {list.into_iter().map(|call| {
                                let href = format!("{}/{}", base.get_value(), call.id);
                                let title = call.title.clone();
                                view! {
                                    <li class="card">
                                        <h2><A href=href>{title}</A></h2>
                                        <CallFacts summary=call />
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CallPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let params = use_params_map();
    let slug = tenant.slug.to_string();
    let call = Resource::new(
        move || (slug.clone(), params.read().get("id")),
        |(slug, id)| async move {
            match id.and_then(|id| uuid::Uuid::parse_str(&id).ok()) {
                Some(id) => public_call(slug, id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let base = StoredValue::new(format!("/{}", tenant.slug));
    let CurrentUser(me) = expect_context::<CurrentUser>();
    view! {
        <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match call.await {
                    Ok(detail) => {
                        let title = detail.summary.title.clone();
                        let phase = detail.summary.phase;
                        let call_id = detail.summary.id;
                        // Who may read the bids of a closed call gets the way there.
                        let roles = me.await.ok().flatten().map(|me| me.roles).unwrap_or_default();
                        let readers = model::policy::allows(&roles, model::Permission::ReadBids);
                        let (opens, closes, server_now) = (detail.summary.opens_at, detail.summary.closes_at, detail.server_now);
                        view! {
                            <Title text=format!("{title} – Spielraum") />
                            <h1>{title.clone()}</h1>
                            <CallFacts summary=detail.summary.clone() />
                            {match phase {
                                Phase::Open => view! { <Countdown until=closes server_now /> }.into_any(),
                                Phase::Upcoming => view! { <Countdown until=opens server_now counting=Counting::Opening /> }.into_any(),
                                _ => ().into_any(),
                            }}
                            <div class="prose">{detail.description.lines().filter(|l| !l.trim().is_empty()).map(|line| view! { <p>{line.to_owned()}</p> }).collect_view()}</div>
                            <section aria-labelledby="lots-heading">
                                <h2 id="lots-heading">{move || i18n.t(Key::LotsTitle)}</h2>
                                <p>{move || i18n.t(Key::LotsIntro)}</p>
                                <ol class="lot-list" id="lot-list">
                                    {detail.lots.into_iter().map(|lot| view! { <li>{lot.title}</li> }).collect_view()}
                                </ol>
                            </section>
                            <section aria-labelledby="questions-heading">
                                <h2 id="questions-heading">{move || i18n.t(Key::QuestionsTitle)}</h2>
                                <ol class="question-list" id="question-list">
                                    {detail.questions.into_iter().map(|question| view! { <QuestionItem question /> }).collect_view()}
                                </ol>
                            </section>
                            {if phase == Phase::Closed {
                                view! {
                                    <section class="card" aria-labelledby="closed-heading">
                                        <h2 id="closed-heading">{move || i18n.t(Key::CallClosedTitle)}</h2>
                                        <p>{move || i18n.t(Key::CallClosedText)}</p>
                                        {readers.then(|| view! {
                                            <ul>
                                                <li><A href=format!("{}/calls/{call_id}/bids", base.get_value())>{move || i18n.t(Key::CallBidsTitle)}</A></li>
                                                <li><A href=format!("{}/calls/{call_id}/evaluation", base.get_value())>{move || i18n.t(Key::EvaluationTitle)}</A></li>
                                                <li><A href=format!("{}/calls/{call_id}/ranking", base.get_value())>{move || i18n.t(Key::RankingTitle)}</A></li>
                                            </ul>
                                        })}
                                    </section>
                                }
                                .into_any()
                            } else if readers {
                                // The steering group and the administration do not apply: no "how to apply".
                                ().into_any()
                            } else {
                                view! {
                                    <section class="card" aria-labelledby="apply-heading">
                                        <h2 id="apply-heading">{move || i18n.t(Key::HowToApplyTitle)}</h2>
                                        <p>{move || i18n.t(Key::HowToApplyText)}</p>
                                        <ul>
                                            <li><A href=format!("{}/register", base.get_value())>{move || i18n.t(Key::RegisterLink)}</A></li>
                                            <li><A href=format!("{}/bids", base.get_value())>{move || i18n.t(Key::ApplyLink)}</A></li>
                                        </ul>
                                    </section>
                                }
                                .into_any()
                            }}
                        }
                        .into_any()
                    }
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One question as bidders will see it; `children` (e.g. an administrator's "remove") go inside the item.
#[component]
pub fn QuestionItem(question: Question, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let i18n = I18n::expect();
    let kind = kind_key(&question.kind);
    let required = question.required;
    let limit = match &question.kind {
        QuestionKind::LongText { max_chars } => Some(*max_chars),
        _ => None,
    };
    let options = match &question.kind {
        QuestionKind::SingleChoice { options } => options.clone(),
        _ => Vec::new(),
    };
    view! {
        <li>
            <p class="question-label">{question.label.clone()}</p>
            <p class="question-meta">
                {move || i18n.t(kind)}
                " · "
                {move || i18n.t(if required { Key::RequiredMark } else { Key::OptionalMark })}
                {limit.map(|n| view! { " · " {move || i18n.t(Key::AtMostChars)} " " {n} })}
            </p>
            {(!question.help.is_empty()).then(|| view! { <p class="question-help">{question.help.clone()}</p> })}
            {(!options.is_empty()).then(|| view! {
                <ul>{options.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
            })}
            {children.map(|children| children())}
        </li>
    }
}
