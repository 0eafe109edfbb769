use super::{ErrorNotice, LanguageSwitch, NotFound, SkipLink};
use crate::AppError;
use crate::i18n::{I18n, Key};
use crate::session::{Me, SessionEpoch, SignOut, whoami};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params_map;
use model::TenantView;

/// The tenant a page belongs to, provided by [`TenantShell`] to every page below it.
#[derive(Debug, Clone)]
pub struct CurrentTenant(pub TenantView);

/// Who is signed in to this tenant (if anyone), provided by [`TenantShell`]; reloads after sign-in/out.
#[derive(Debug, Clone, Copy)]
pub struct CurrentUser(pub Resource<Result<Option<Me>, AppError>>);

/// Looks up the tenant named in the URL, for the app shell when the browser navigates into a tenant by itself
/// (on a first load the guard has found it already: see [`PageTenant`]).
#[leptos::server(prefix = "/fn", endpoint = "tenant")]
pub async fn get_tenant(slug: String) -> Result<TenantView, AppError> {
    let scope = crate::actor::Visitor::current()?.tenant(&slug).await?;
    Ok(scope.view().clone())
}

/// The tenant of a page's URL as the server found it before rendering (`server::authz` puts it into the
/// request; [`TenantShell`] reads it). Handed to the browser with the page, so hydration starts from it too.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PageTenant {
    Known(TenantView),
    Unknown,
    /// Not looked up before rendering: the browser navigated here itself and loads the tenant.
    NotLookedUp,
}

/// The frame of every tenant page: header with the tenant's name, navigation, language switch and footer.
/// An unknown tenant gets the not-found page (and a 404).
///
/// The pages below are rendered outside any `Suspense` when the server already knows the tenant (every
/// server render, and hydration after it): while it renders on the server, Leptos runs the children of a
/// `Suspense` two or three times, and every run would create the page's resources and call its server
/// functions anew. Only when the browser navigates into a tenant by itself does it wait for the tenant here.
#[component]
pub fn TenantShell() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("tenant").unwrap_or_default();
    let epoch = expect_context::<SessionEpoch>();
    let me = Resource::new(move || (slug(), epoch.0.get()), |(slug, _)| whoami(slug));
    provide_context(CurrentUser(me));

    match SharedValue::new(found_by_server).into_inner() {
        PageTenant::Known(tenant) => view! { <Frame tenant /> }.into_any(),
        PageTenant::Unknown => view! { <NotFound /> }.into_any(),
        PageTenant::NotLookedUp => {
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
            .into_any()
        }
    }
}

/// On the server, the tenant the guard found for this request; in the browser (outside hydration), nothing.
fn found_by_server() -> PageTenant {
    #[cfg(feature = "ssr")]
    if let Some(found) =
        use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<PageTenant>().cloned())
    {
        return found;
    }
    PageTenant::NotLookedUp
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
                        <li><A href=format!("{base}/calls")>{move || i18n.t(Key::NavCalls)}</A></li>
                        <li><A href=format!("{base}/districts")>{move || i18n.t(Key::NavDistricts)}</A></li>
                        <RoleNavigation base=base.clone() />
                    </ul>
                </nav>
                <AccountMenu base=base.clone() />
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

/// The navigation entries only some roles have. Hiding them is a courtesy; the guard on the server decides.
#[component]
fn RoleNavigation(base: String) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentUser(me) = expect_context::<CurrentUser>();
    view! {
        <Transition fallback=|| ()>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    let me = me.await.ok().flatten();
                    let exchange = me.as_ref().is_some_and(|me| me.exchange);
                    let roles = me.map(|me| me.roles).unwrap_or_default();
                    let allows = |permission| model::policy::allows(&roles, permission);
                    view! {
                        {allows(model::Permission::DraftBids).then(|| view! {
                            <li><A href=format!("{base}/bids")>{move || i18n.t(Key::NavBids)}</A></li>
                            <li><A href=format!("{base}/organisation")>{move || i18n.t(Key::NavOrganisation)}</A></li>
                        })}
                        {allows(model::Permission::ReadLedger).then(|| view! {
                            <li><A href=format!("{base}/posts")>{move || i18n.t(Key::NavPosts)}</A></li>
                            <li><A href=format!("{base}/controlling")>{move || i18n.t(Key::NavControlling)}</A></li>
                        })}
                        {(allows(model::Permission::FileReports) || allows(model::Permission::ReadReports) || allows(model::Permission::DraftBids)).then(|| view! {
                            <li><A href=format!("{base}/reports")>{move || i18n.t(Key::NavReports)}</A></li>
                        })}
                        {allows(model::Permission::ReadSteering).then(|| view! {
                            <li><A href=format!("{base}/steering")>{move || i18n.t(Key::NavSteering)}</A></li>
                        })}
                        {(allows(model::Permission::FileReports) || allows(model::Permission::DraftBids)).then(|| view! {
                            <li><A href=format!("{base}/steering/commissions")>{move || i18n.t(Key::NavCommissions)}</A></li>
                        })}
                        {exchange.then(|| view! {
                            <li><A href=format!("{base}/exchange")>{move || i18n.t(Key::NavExchange)}</A></li>
                        })}
                        {allows(model::Permission::ManageUsers).then(|| view! {
                            <li><A href=format!("{base}/admin")>{move || i18n.t(Key::NavAdmin)}</A></li>
                        })}
                    }
                })
            }}
        </Transition>
    }
}

/// "Sign in" for visitors; the account link and "Sign out" for signed-in users.
#[component]
fn AccountMenu(base: String) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentUser(me) = expect_context::<CurrentUser>();
    let epoch = expect_context::<SessionEpoch>();
    let sign_out = ServerAction::<SignOut>::new();
    Effect::new(move |_| {
        if matches!(sign_out.value().get(), Some(Ok(()))) {
            epoch.bump();
        }
    });
    view! {
        <Transition fallback=|| ()>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) => view! {
                            <div class="account-menu">
                                <A href=format!("{base}/notifications") attr:class="account-menu__link">
                                    {move || i18n.t(Key::NavNotifications)}
                                </A>
                                <A href=format!("{base}/account") attr:class="account-menu__link">
                                    <span class="visually-hidden">{move || i18n.t(Key::SignedInAs)}" "</span>
                                    {me.name}
                                </A>
                                <ActionForm action=sign_out attr:class="account-menu__form">
                                    <button type="submit" class="button button--quiet">
                                        {move || i18n.t(Key::NavSignOut)}
                                    </button>
                                </ActionForm>
                            </div>
                        }
                        .into_any(),
                        _ => view! {
                            <div class="account-menu">
                                <A href=format!("{base}/sign-in") attr:class="account-menu__link">
                                    {move || i18n.t(Key::NavSignIn)}
                                </A>
                            </div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Transition>
    }
}
