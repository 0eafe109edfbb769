//! A tenant's start page: what the programme is and where to go next.

use crate::components::CurrentTenant;
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn TenantHome() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let title = tenant.name.clone();
    view! {
        <Title text=format!("{} – Spielraum", tenant.name) />
        <h1>{title}</h1>
        <p class="lead">{move || i18n.t(Key::HomeIntro)}</p>
        <crate::pages::EvaluationTasks />
        <crate::pages::ReportTasks />
        <crate::pages::ControllingTasks />
        <crate::pages::SteeringTasks />
        <div class="columns">
            <section class="card" aria-labelledby="steering-heading">
                <h2 id="steering-heading">{move || i18n.t(Key::HomeSteeringModule)}</h2>
                <p>{move || i18n.t(Key::HomeSteeringModuleText)}</p>
            </section>
            <section class="card" aria-labelledby="practice-heading">
                <h2 id="practice-heading">{move || i18n.t(Key::HomePracticeModule)}</h2>
                <p>{move || i18n.t(Key::HomePracticeModuleText)}</p>
                <p>
                    <A href=format!("/{}/districts", tenant.slug)>{move || i18n.t(Key::HomeDistrictsLink)}</A>
                </p>
            </section>
        </div>
    }
}
