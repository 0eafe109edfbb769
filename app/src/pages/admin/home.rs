use crate::components::{CurrentTenant, Protected};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use model::Permission;

#[component]
pub fn AdminHome() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/admin", tenant.slug);
    let sections = [
        ("calls", Key::AdminCalls),
        ("organisations", Key::OrganisationsTitle),
        ("users", Key::AdminUsers),
        ("districts", Key::AdminDistricts),
        ("steering", Key::AdminSteering),
        ("settings", Key::AdminSettings),
        ("audit", Key::AdminAudit),
    ];
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminTitle))) />
        <Protected permission=Permission::ManageUsers>
            <h1>{move || i18n.t(Key::AdminTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::AdminIntro)}</p>
            <ul class="card-list" id="admin-sections">
                {sections
                    .iter()
                    .map(|(path, key)| {
                        let key = *key;
                        view! { <li class="card"><A href=format!("{base}/{path}")>{move || i18n.t(key)}</A></li> }
                    })
                    .collect_view()}
            </ul>
        </Protected>
    }
}
