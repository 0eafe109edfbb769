use crate::admin::settings::{UpdateTenantSettings, tenant_settings};
use crate::components::{ErrorNotice, Protected, SelectField, field_error, general_error};
use crate::i18n::{I18n, Key};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use model::{Locale, Permission};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let update = ServerAction::<UpdateTenantSettings>::new();
    let settings = Resource::new(move || update.version().get(), |_| tenant_settings());
    let error = Signal::derive(move || update.value().get().and_then(Result::err));
    let saved = move || matches!(update.value().get(), Some(Ok(())));
    let name_error = move || error.with(|e| field_error(e, "name"));
    let quorum_error = move || error.with(|e| field_error(e, "evaluation_quorum"));
    let deadline_error = move || error.with(|e| field_error(e, "report_deadline_days"));
    let language_options = Signal::derive(move || {
        Locale::ALL.into_iter().map(|l| (l.tag().to_owned(), crate::i18n::endonym(l).to_owned())).collect::<Vec<_>>()
    });
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminSettings))) />
        <Protected permission=Permission::ManageSettings>
            <h1>{move || i18n.t(Key::AdminSettings)}</h1>
            <p>{move || i18n.t(Key::SettingsIntro)}</p>
            <div role="status">
                {move || saved().then(|| view! { <p class="notice">{move || i18n.t(Key::Saved)}</p> })}
            </div>
            <div role="alert">
                {move || general_error(i18n.locale(), error.get())
                    .map(|text| view! { <p class="notice notice--error">{text}</p> })}
            </div>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match settings.await {
                        Ok(current) => view! {
                            <ActionForm action=update attr:class="form" attr:novalidate=true>
                                <div class="field">
                                    <label for="field-name">{move || i18n.t(Key::TenantNameLabel)}</label>
                                    <input
                                        id="field-name"
                                        name="name"
                                        value=current.name.clone()
                                        required=true
                                        aria-invalid=move || name_error().map(|_| "true")
                                        aria-describedby=move || name_error().map(|_| "field-name-error")
                                    />
                                    {move || name_error().map(|key| view! {
                                        <p class="field__error" id="field-name-error">{move || i18n.t(key)}</p>
                                    })}
                                </div>
                                <SelectField
                                    name="default_locale"
                                    label=Key::DefaultLanguageLabel
                                    options=language_options
                                    selected=current.default_locale.tag().to_owned()
                                    error
                                />
                                <div class="field">
                                    <label for="field-quorum">{move || i18n.t(Key::QuorumLabel)}</label>
                                    <input id="field-quorum" name="evaluation_quorum" type="number" min="1" max="7"
                                        value=current.evaluation_quorum.to_string()
                                        aria-invalid=move || quorum_error().map(|_| "true")
                                        aria-describedby=move || quorum_error().map(|_| "field-quorum-error") />
                                    {move || quorum_error().map(|key| view! {
                                        <p class="field__error" id="field-quorum-error">{move || i18n.t(key)}</p>
                                    })}
                                </div>
                                <div class="field">
                                    <label for="field-deadline">{move || i18n.t(Key::ReportDeadlineLabel)}</label>
                                    <input id="field-deadline" name="report_deadline_days" type="number" min="0" max="90"
                                        value=current.report_deadline_days.to_string()
                                        aria-invalid=move || deadline_error().map(|_| "true")
                                        aria-describedby=move || deadline_error().map(|_| "field-deadline-error") />
                                    {move || deadline_error().map(|key| view! {
                                        <p class="field__error" id="field-deadline-error">{move || i18n.t(key)}</p>
                                    })}
                                </div>
                                <p>{move || i18n.t(Key::TimeZoneLabel)}": "{current.time_zone.clone()}</p>
                                <button type="submit" class="button">{move || i18n.t(Key::SaveButton)}</button>
                            </ActionForm>
                        }
                        .into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}
