//! The start page at `/`: which municipalities use this installation.

use crate::AppError;
use crate::components::{ErrorNotice, LanguageSwitch, SkipLink};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use model::TenantView;

#[leptos::server(prefix = "/fn", endpoint = "tenants")]
pub async fn list_tenants() -> Result<Vec<TenantView>, AppError> {
    let context = crate::actor::Visitor::current()?.server;
    crate::store::tenants::list(&context.db).await
}

#[component]
pub fn TenantDirectory() -> impl IntoView {
    let i18n = I18n::expect();
    let tenants = Resource::new(|| (), |_| list_tenants());
    view! {
        <Title text=crate::components::page_title(move || format!("{} – {}", i18n.t(Key::TenantDirectoryTitle), i18n.t(Key::AppName))) />
        <SkipLink />
        <header class="site-header">
            <div class="site-header__inner">
                <p class="site-header__brand">
                    <span class="site-header__app">{move || i18n.t(Key::AppName)}</span>
                </p>
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" class="page page--narrow" tabindex="-1">
            <h1>{move || i18n.t(Key::TenantDirectoryTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::AppTagline)}</p>
            <p>{move || i18n.t(Key::TenantDirectoryIntro)}</p>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match tenants.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p>{move || i18n.t(Key::TenantDirectoryEmpty)}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <ul class="card-list">
                                {list.into_iter().map(|tenant| view! {
                                    <li class="card">
                                        <a href=format!("/{}", tenant.slug)>{tenant.name}</a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </main>
        <footer class="site-footer">
            <p>{move || i18n.t(Key::FooterNote)}</p>
        </footer>
    }
}
