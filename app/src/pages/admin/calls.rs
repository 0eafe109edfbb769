//! The administration's calls: the list with a form for a new draft, and one call's page (details,
//! publishing and closing, lots and questions).

use crate::AppError;
use crate::calls::{
    AddQuestion, CloseCall, CreateCall, MoveQuestion, PublishCall, RemoveLot, RemoveQuestion, RenameLot, UpdateCall,
    admin_call, admin_calls,
};
use crate::components::{
    CurrentTenant, ErrorNotice, Field, NotFound, Protected, SelectField, field_error, general_error,
};
use crate::i18n::{I18n, Key};
use crate::pages::calls::{CallFacts, QuestionItem, phase_key};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use model::Permission;
use model::call::{CallDetail, Phase};
use model::datetime::{DEFAULT_TIME_ZONE, local_input_value};

#[component]
pub fn AdminCallsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let create = ServerAction::<CreateCall>::new();
    let calls = Resource::new(move || create.version().get(), |_| admin_calls());
    let base = StoredValue::new(format!("/{}/admin/calls", tenant.slug));
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let module_options = Signal::derive(move || {
        vec![
            ("practice".to_owned(), i18n.t(Key::ModulePractice).to_owned()),
            ("steering".to_owned(), i18n.t(Key::HomeSteeringModule).to_owned()),
        ]
    });
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminCalls))) />
        <Protected permission=Permission::ManageCalls>
            <h1>{move || i18n.t(Key::AdminCalls)}</h1>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match calls.await {
                        Ok(list) if list.is_empty() => view! { <p>{move || i18n.t(Key::NoCalls)}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="table" id="admin-call-list">
                                <caption class="visually-hidden">{move || i18n.t(Key::AdminCalls)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(Key::TitleLabel)}</th>
                                        <th scope="col">{move || i18n.t(Key::StatusLabel)}</th>
                                        <th scope="col">{move || i18n.t(Key::LotsTitle)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|call| {
                                        let href = format!("{}/{}", base.get_value(), call.id);
                                        view! {
                                            <tr>
                                                <th scope="row"><A href=href>{call.title.clone()}</A></th>
                                                <td>{move || i18n.t(phase_key(call.phase))}</td>
                                                <td>{call.lot_count}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                        .into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
            <section class="card" aria-labelledby="new-call-heading">
                <h2 id="new-call-heading">{move || i18n.t(Key::NewCallTitle)}</h2>
                <p>{move || i18n.t(Key::NewCallIntro)}</p>
                <div role="alert">
                    {move || general_error(i18n.locale(), error.get()).map(|text| view! { <p class="notice notice--error">{text}</p> })}
                </div>
                <ActionForm action=create attr:class="form" attr:novalidate=true>
                    <SelectField name="module" label=Key::ModuleLabel options=module_options error />
                    <Field name="title" label=Key::TitleLabel required=true error />
                    <TextArea name="description" label=Key::DescriptionLabel value=String::new() />
                    <Field name="opens_at" label=Key::OpensAtLabel kind="datetime-local" required=true error />
                    <Field name="closes_at" label=Key::ClosesAtLabel kind="datetime-local" required=true error />
                    <Field name="decision_date" label=Key::DecisionDateLabel kind="date" required=true error />
                    <button type="submit" class="button">{move || i18n.t(Key::CreateCall)}</button>
                </ActionForm>
            </section>
        </Protected>
    }
}

#[component]
fn TextArea(name: &'static str, label: Key, value: String) -> impl IntoView {
    let i18n = I18n::expect();
    let id = format!("field-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{move || i18n.t(label)}</label>
            <textarea id=id name=name rows="6">{value}</textarea>
        </div>
    }
}

#[derive(Clone, Copy)]
struct CallActions {
    update: ServerAction<UpdateCall>,
    publish: ServerAction<PublishCall>,
    close: ServerAction<CloseCall>,
    add_question: ServerAction<AddQuestion>,
    remove_question: ServerAction<RemoveQuestion>,
    remove_lot: ServerAction<RemoveLot>,
    rename_lot: ServerAction<RenameLot>,
    move_question: ServerAction<MoveQuestion>,
}

#[component]
pub fn AdminCallPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let actions = CallActions {
        update: ServerAction::new(),
        publish: ServerAction::new(),
        close: ServerAction::new(),
        add_question: ServerAction::new(),
        remove_question: ServerAction::new(),
        remove_lot: ServerAction::new(),
        rename_lot: ServerAction::new(),
        move_question: ServerAction::new(),
    };
    let versions = move || {
        (
            actions.update.version().get(),
            actions.publish.version().get(),
            actions.close.version().get(),
            actions.add_question.version().get(),
            actions.remove_question.version().get(),
            actions.remove_lot.version().get(),
            actions.rename_lot.version().get(),
            actions.move_question.version().get(),
        )
    };
    let save_rubric = ServerAction::<crate::evaluation::SetRubric>::new();
    let rubric = Resource::new(
        move || (params.read().get("id"), save_rubric.version().get(), actions.close.version().get()),
        |(id, ..)| async move {
            match id.and_then(|id| uuid::Uuid::parse_str(&id).ok()) {
                Some(id) => crate::evaluation::call_rubric(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let call = Resource::new(
        move || (params.read().get("id"), versions()),
        |(id, _)| async move {
            match id.and_then(|id| uuid::Uuid::parse_str(&id).ok()) {
                Some(id) => admin_call(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminCalls))) />
        <Protected permission=Permission::ManageCalls>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match call.await {
                        Ok(detail) => view! { <CallEditor detail actions /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    rubric.await.ok().map(|form| {
                        let call = params.read_untracked().get("id").and_then(|id| uuid::Uuid::parse_str(&id).ok());
                        view! { <RubricEditor form call=call.unwrap_or_default() save=save_rubric /> }
                    })
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn CallEditor(detail: CallDetail, actions: CallActions) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let id = detail.summary.id;
    let phase = detail.summary.phase;
    let draft = phase == Phase::Draft;
    let update_error = Signal::derive(move || actions.update.value().get().and_then(Result::err));
    let question_error = Signal::derive(move || actions.add_question.value().get().and_then(Result::err));
    let publish_error = Signal::derive(move || actions.publish.value().get().and_then(Result::err));
    let public = format!("/{}/calls/{id}", tenant.slug);
    let kind_options = Signal::derive(move || {
        [
            ("long_text", Key::KindLongText),
            ("short_text", Key::KindShortText),
            ("number", Key::KindNumber),
            ("money", Key::KindMoney),
            ("yes_no", Key::KindYesNo),
            ("single_choice", Key::KindChoice),
            ("file", Key::KindFile),
        ]
        .into_iter()
        .map(|(value, key)| (value.to_owned(), i18n.t(key).to_owned()))
        .collect::<Vec<_>>()
    });
    let field_message = move |error: Signal<Option<AppError>>, field: &'static str| {
        move || {
            error.with(|e| field_error(e, field)).map(|key| view! { <p class="field__error">{move || i18n.t(key)}</p> })
        }
    };
    view! {
        <p><A href=format!("/{}/admin/calls", tenant.slug)>{move || i18n.t(Key::AdminCalls)}</A></p>
        <h1>{detail.summary.title.clone()}</h1>
        <CallFacts summary=detail.summary.clone() />
        {(phase != Phase::Draft).then(|| view! {
            <p>
                <A href=public.clone()>{move || i18n.t(Key::OpenCall)}</A>" · "
                <A href=format!("{}/bids", public.clone())>{move || i18n.t(Key::CallBidsTitle)}</A>
            </p>
        })}
        <div role="alert">
            {move || general_error(i18n.locale(), publish_error.get()).map(|text| view! { <p class="notice notice--error">{text}</p> })}
            {move || general_error(i18n.locale(), update_error.get()).map(|text| view! { <p class="notice notice--error">{text}</p> })}
        </div>
        <div class="row-actions">
            {draft.then(|| view! {
                <ActionForm action=actions.publish attr:class="inline-form">
                    <input type="hidden" name="call" value=id.to_string() />
                    <button type="submit" class="button">{move || i18n.t(Key::PublishCall)}</button>
                </ActionForm>
            })}
            {(phase == Phase::Open).then(|| view! {
                <ActionForm action=actions.close attr:class="inline-form">
                    <input type="hidden" name="call" value=id.to_string() />
                    <button type="submit" class="button button--danger">{move || i18n.t(Key::CloseCallNow)}</button>
                </ActionForm>
            })}
        </div>
        {(!draft).then(|| view! { <p class="notice">{move || i18n.t(Key::FrozenNotice)}</p> })}

        {(phase != Phase::Closed).then(|| view! {
            <section class="card" aria-labelledby="details-heading">
                <h2 id="details-heading">{move || i18n.t(Key::CallDetailsTitle)}</h2>
                <ActionForm action=actions.update attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="call" value=id.to_string() />
                    <div class="field">
                        <label for="field-title">{move || i18n.t(Key::TitleLabel)}</label>
                        <input id="field-title" name="title" value=detail.summary.title.clone() required=true />
                        {field_message(update_error, "title")}
                    </div>
                    <TextArea name="description" label=Key::DescriptionLabel value=detail.description.clone() />
                    <div class="field">
                        <label for="field-opens_at">{move || i18n.t(Key::OpensAtLabel)}</label>
                        <input id="field-opens_at" name="opens_at" type="datetime-local"
                            value=local_input_value(detail.summary.opens_at, DEFAULT_TIME_ZONE) />
                        {field_message(update_error, "opens_at")}
                    </div>
                    <div class="field">
                        <label for="field-closes_at">{move || i18n.t(Key::ClosesAtLabel)}</label>
                        <input id="field-closes_at" name="closes_at" type="datetime-local"
                            value=local_input_value(detail.summary.closes_at, DEFAULT_TIME_ZONE) />
                        {field_message(update_error, "closes_at")}
                    </div>
                    <div class="field">
                        <label for="field-decision_date">{move || i18n.t(Key::DecisionDateLabel)}</label>
                        <input id="field-decision_date" name="decision_date" type="date"
                            value=detail.summary.decision_date.format("%Y-%m-%d").to_string() />
                        {field_message(update_error, "decision_date")}
                    </div>
                    <button type="submit" class="button">{move || i18n.t(Key::SaveButton)}</button>
                </ActionForm>
            </section>
        })}

        <section aria-labelledby="lots-heading">
            <h2 id="lots-heading">{move || i18n.t(Key::LotsTitle)}</h2>
            <ol class="lot-list" id="admin-lot-list">
                {detail.lots.into_iter().map(|lot| {
                    let (lot_id, lot_title) = (lot.id, StoredValue::new(lot.title));
                    view! {
                    <li>
                        {if draft {
                            let input_id = format!("lot-{lot_id}");
                            view! {
                                <ActionForm action=actions.rename_lot attr:class="inline-form">
                                    <input type="hidden" name="call" value=id.to_string() />
                                    <input type="hidden" name="lot" value=lot_id.to_string() />
                                    <label class="visually-hidden" for=input_id.clone()>{move || i18n.t(Key::TitleLabel)}</label>
                                    <input id=input_id name="title" value=lot_title.get_value() class="inline-input" />
                                    <button type="submit" class="button button--small">{move || i18n.t(Key::RenameButton)}</button>
                                </ActionForm>
                            }
                            .into_any()
                        } else {
                            view! { <span>{lot_title.get_value()}</span> }.into_any()
                        }}
                        {draft.then(|| view! {
                            <ActionForm action=actions.remove_lot attr:class="inline-form">
                                <input type="hidden" name="call" value=id.to_string() />
                                <input type="hidden" name="lot" value=lot_id.to_string() />
                                <button type="submit" class="button button--small">
                                    {move || i18n.t(Key::RemoveButton)}
                                    <span class="visually-hidden">": "{lot_title.get_value()}</span>
                                </button>
                            </ActionForm>
                        })}
                    </li>
                }}).collect_view()}
            </ol>
        </section>

        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">{move || i18n.t(Key::QuestionsTitle)}</h2>
            <ol class="question-list" id="admin-question-list">
                {detail.questions.into_iter().map(|question| {
                    let question_id = question.id;
                    view! {
                        <QuestionItem question>
                            {draft.then(|| view! {
                                <ActionForm action=actions.move_question attr:class="inline-form">
                                    <input type="hidden" name="call" value=id.to_string() />
                                    <input type="hidden" name="question" value=question_id.to_string() />
                                    <button type="submit" name="direction" value="up" class="button button--small">
                                        {move || i18n.t(Key::MoveUp)}
                                    </button>
                                    <button type="submit" name="direction" value="down" class="button button--small">
                                        {move || i18n.t(Key::MoveDown)}
                                    </button>
                                </ActionForm>
                                <ActionForm action=actions.remove_question attr:class="inline-form">
                                    <input type="hidden" name="call" value=id.to_string() />
                                    <input type="hidden" name="question" value=question_id.to_string() />
                                    <button type="submit" class="button button--small">{move || i18n.t(Key::RemoveButton)}</button>
                                </ActionForm>
                            })}
                        </QuestionItem>
                    }
                }).collect_view()}
            </ol>
            {draft.then(|| view! {
                <div class="card">
                    <h3>{move || i18n.t(Key::AddQuestion)}</h3>
                    <div role="alert">
                        {move || general_error(i18n.locale(), question_error.get()).map(|text| view! { <p class="notice notice--error">{text}</p> })}
                    </div>
                    <ActionForm action=actions.add_question attr:class="form" attr:novalidate=true>
                        <input type="hidden" name="call" value=id.to_string() />
                        <SelectField name="kind" label=Key::QuestionKindLabel options=kind_options error=question_error />
                        <Field name="label" label=Key::QuestionLabel required=true error=question_error />
                        <Field name="help" label=Key::HelpLabel error=question_error />
                        <div class="checkbox">
                            <input type="checkbox" id="field-required" name="required" checked=true />
                            <label for="field-required">{move || i18n.t(Key::RequiredLabel)}</label>
                        </div>
                        <Field name="max_chars" label=Key::MaxCharsLabel kind="number" error=question_error />
                        <div class="field">
                            <label for="field-options">{move || i18n.t(Key::OptionsLabel)}</label>
                            <textarea id="field-options" name="options" rows="3"></textarea>
                            {field_message(question_error, "options")}
                        </div>
                        <button type="submit" class="button">{move || i18n.t(Key::AddQuestion)}</button>
                    </ActionForm>
                </div>
            })}
        </section>
    }
}

/// The call's rubric: criteria with description, weight, scale and anchor texts; editable until closing.
#[component]
fn RubricEditor(
    form: crate::evaluation::RubricForm,
    call: uuid::Uuid,
    save: ServerAction<crate::evaluation::SetRubric>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let frozen = form.frozen;
    let total = form.rubric.total_weight().max(1);
    let mut rows: Vec<(String, String, String, String, String, String)> = form
        .rubric
        .criteria()
        .iter()
        .map(|c| {
            (
                c.title().to_owned(),
                c.description().to_owned(),
                c.weight().get().to_string(),
                c.scale().min().to_string(),
                c.scale().max().to_string(),
                c.anchors().join("\n"),
            )
        })
        .collect();
    if !frozen && rows.len() < model::rubric::Rubric::MAX_CRITERIA {
        rows.push((String::new(), String::new(), "10".into(), "0".into(), "5".into(), String::new()));
    }
    view! {
        <section class="card" aria-labelledby="rubric-heading" id="rubric">
            <h2 id="rubric-heading">{move || i18n.t(Key::RubricTitle)}</h2>
            <p class="hint">{move || i18n.t(if frozen { Key::RubricFrozen } else { Key::RubricHelp })}</p>
            <div role="alert">
                {move || save.value().get().and_then(Result::err).map(|e| view! {
                    <p class="notice notice--error">{crate::components::error_text(i18n.locale(), &e)}</p>
                })}
            </div>
            <ActionForm action=save attr:class="form">
                <input type="hidden" name="call" value=call.to_string() />
                <fieldset disabled=frozen>
                    <legend class="visually-hidden">{move || i18n.t(Key::RubricTitle)}</legend>
                    {rows.into_iter().enumerate().map(|(n, (title, description, weight, min, max, anchors))| {
                        let id = move |part: &str| format!("criterion-{n}-{part}");
                        let name = move |part: &str| format!("form[criterion-{n}-{part}]");
                        let share = weight.parse::<u32>().map(|w| w * 100 / total).unwrap_or(0);
                        view! {
                            <fieldset class="criterion">
                                <legend>{move || i18n.t(Key::CriterionLabel)}" "{n + 1}{(share > 0).then(|| format!(" ({share} %)"))}</legend>
                                <label for=id("title")>{move || i18n.t(Key::CriterionTitleLabel)}</label>
                                <input id=id("title") name=name("title") value=title maxlength="200" />
                                <label for=id("description")>{move || i18n.t(Key::CriterionDescriptionLabel)}</label>
                                <textarea id=id("description") name=name("description") rows="2" maxlength="2000">{description}</textarea>
                                <label for=id("weight")>{move || i18n.t(Key::WeightLabel)}</label>
                                <input id=id("weight") name=name("weight") type="number" min="1" max="1000" value=weight />
                                <label for=id("min")>{move || i18n.t(Key::ScaleMinLabel)}</label>
                                <input id=id("min") name=name("min") type="number" min="0" max="10" value=min />
                                <label for=id("max")>{move || i18n.t(Key::ScaleMaxLabel)}</label>
                                <input id=id("max") name=name("max") type="number" min="1" max="10" value=max />
                                <label for=id("anchors")>{move || i18n.t(Key::AnchorsLabel)}</label>
                                <textarea id=id("anchors") name=name("anchors") rows="4">{anchors}</textarea>
                            </fieldset>
                        }
                    }).collect_view()}
                </fieldset>
                {(!frozen).then(|| view! { <button type="submit" class="button">{move || i18n.t(Key::SaveRubric)}</button> })}
            </ActionForm>
        </section>
    }
}
