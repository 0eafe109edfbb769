use crate::admin::audit_log::audit_lines;
use crate::components::{ErrorNotice, Protected, error_text};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use model::Permission;
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = I18n::expect();
    let query = use_query_map();
    let param = move |name: &'static str| move || query.read().get(name).unwrap_or_default();
    let filters = move || (param("person")(), param("object")(), param("from")(), param("to")());
    let lines = Resource::new(filters, |(person, object, from, to)| audit_lines(person, object, from, to));
    let filter_field = move |name: &'static str, key: Key, kind: &'static str| {
        view! {
            <div class="field">
                <label for=format!("field-{name}")>{move || i18n.t(key)}</label>
                <input id=format!("field-{name}") name=name type=kind value=param(name) />
            </div>
        }
    };
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminAudit))) />
        <Protected permission=Permission::ReadAuditLog>
            <h1>{move || i18n.t(Key::AdminAudit)}</h1>
            <p>{move || i18n.t(Key::AuditIntro)}</p>
            <Form method="GET" action="" attr:class="filter-form">
                {filter_field("person", Key::PersonFilter, "text")}
                {filter_field("object", Key::ObjectFilter, "text")}
                {filter_field("from", Key::FromFilter, "date")}
                {filter_field("to", Key::ToFilter, "date")}
                <button type="submit" class="button">{move || i18n.t(Key::FilterButton)}</button>
            </Form>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match lines.await {
                        Ok(lines) if lines.is_empty() => view! { <p>{move || i18n.t(Key::NoEntries)}</p> }.into_any(),
                        Ok(lines) => view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="audit-caption">
                                <table class="table" id="audit-lines">
                                    <caption id="audit-caption" class="visually-hidden">{move || i18n.t(Key::AdminAudit)}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{move || i18n.t(Key::TimeColumn)}</th>
                                            <th scope="col">{move || i18n.t(Key::PersonFilter)}</th>
                                            <th scope="col">{move || i18n.t(Key::ActionColumn)}</th>
                                            <th scope="col">{move || i18n.t(Key::ObjectColumn)}</th>
                                            <th scope="col">{move || i18n.t(Key::ChangeColumn)}</th>
                                            <th scope="col">{move || i18n.t(Key::AddressColumn)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {lines.into_iter().map(|line| {
                                            let at = line.at;
                                            let actor = line.actor.clone();
                                            let change = [line.before.clone(), line.after.clone()]
                                                .into_iter()
                                                .flatten()
                                                .collect::<Vec<_>>()
                                                .join(" → ");
                                            view! {
                                                <tr>
                                                    <td>{move || format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE)}</td>
                                                    <td>{move || if actor.is_empty() { i18n.t(Key::SystemActor).to_owned() } else { actor.clone() }}</td>
                                                    <td><code>{line.action.clone()}</code></td>
                                                    <td><code>{line.object.clone()}</code></td>
                                                    <td class="audit-change">{change}</td>
                                                    <td>{line.client_addr.clone().unwrap_or_default()}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                        .into_any(),
                        Err(crate::AppError::Invalid { .. }) => {
                            let text = error_text(i18n.locale(), &crate::AppError::invalid("from", crate::InvalidReason::Malformed));
                            view! { <p class="notice notice--error" role="alert">{text}</p> }.into_any()
                        }
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}
