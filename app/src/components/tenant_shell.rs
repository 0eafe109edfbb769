use super::{ErrorNotice, LanguageSwitch, NotFound, SkipLink};
use crate::AppError;
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params_map;
use model::TenantView;

/// The tenant a page belongs to, provided by [`TenantShell`] to every page below it.
#[derive(Debug, Clone)]
pub struct CurrentTenant(pub TenantView);

/// Looks up the tenant named in the URL, for the app shell.
#[leptos::server(prefix = "/fn", endpoint = "tenant")]
pub async fn get_tenant(slug: String) -> Result<TenantView, AppError> {
    let context = crate::ServerContext::current()?;
    let scope = crate::store::TenantScope::resolve(&context.db, &slug).await?;
    Ok(scope.view().clone())
}

/// The frame of every tenant page: header with the tenant's name, navigation, language switch and footer.
/// An unknown tenant gets the not-found page (and a 404).
#[component]
pub fn TenantShell() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("tenant").unwrap_or_default();
    let tenant = Resource::new(slug, get_tenant);

    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match tenant.await {
                    Ok(tenant) => view! { <Frame tenant /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Frame(tenant: TenantView) -> impl IntoView {
    let i18n = I18n::expect();
    let base = format!("/{}", tenant.slug);
    let name = tenant.name.clone();
    provide_context(CurrentTenant(tenant));
    view! {
        <SkipLink />
        <header class="site-header">
            <div class="site-header__inner">
                <p class="site-header__brand">
                    <a href=base.clone()>
                        <span class="site-header__app">{move || i18n.t(Key::AppName)}</span>
                        <span class="site-header__tenant">{name}</span>
                    </a>
                </p>
                <nav aria-label=move || i18n.t(Key::MainNavigation) class="site-nav">
                    <ul>
                        <li><A href=base.clone() exact=true>{move || i18n.t(Key::NavOverview)}</A></li>
                        <li><A href=format!("{base}/districts")>{move || i18n.t(Key::NavDistricts)}</A></li>
                    </ul>
                </nav>
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" class="page" tabindex="-1">
            <Outlet />
        </main>
        <footer class="site-footer">
            <p>{move || i18n.t(Key::FooterNote)}</p>
        </footer>
    }
}
