//! The HTML document and the route table.
//!
//! [`shell`] renders the document around the app on the server: the hydration scripts, the stylesheet and the
//! Content-Security-Policy whose per-response nonce lets exactly Leptos' own inline scripts run. [`App`] holds
//! the routes; every page of a tenant lives under `/{tenant}/`.

use crate::components::{NotFound, TenantShell};
use crate::i18n::I18n;
use crate::routes as page;
use leptos::prelude::*;
use leptos_meta::{Link, MetaTags, provide_meta_context};
use leptos_router::{
    Lazy, SsrMode,
    components::{ParentRoute, Route, Router, Routes},
    path,
};

/// The name of the wasm and JS bundle in `site/pkg`, shared by the build script and the server.
pub const OUTPUT_NAME: &str = "spielraum";
/// The name of the static pages' bundle beside it (the `frontend` crate built with `enhance`).
pub const ENHANCE_NAME: &str = "enhance";

pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    let served_static = is_static();
    // A static page hydrates nothing, so its resources' data would be bytes the browser never reads.
    if served_static && let Some(shared) = Owner::current_shared_context() {
        shared.set_is_hydrating(false);
    }
    view! {
        <!DOCTYPE html>
        // The language is fixed for a server response, so it is written here as a plain value rather than read
        // from a signal while the document streams; in the browser, `App` keeps it in step with the switch.
        <html lang=crate::i18n::page_locale().tag()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                // The bundle's directory carries its hash (`pkg/<hash>`), so the stylesheet's name is plain. Leptos'
                // `HashedStylesheet` would read the hash file from disk on every response to learn that (a
                // twentieth of a carrier's home page's time on the server, issue 16).
                <link rel="stylesheet" id="spielraum-css" href=format!("/{}/{OUTPUT_NAME}.css", options.site_pkg_dir) />
                // The texts of the page's language, which the browser loads before hydrating (`i18n::loaded`).
                <leptos_meta::Link
                    rel="preload"
                    id="spielraum-texts"
                    href=format!("/{}/texts-{}.json", options.site_pkg_dir, crate::i18n::page_locale().tag())
                    as_="fetch"
                    crossorigin="anonymous"
                />
                {if served_static {
                    view! { <EnhanceScripts options /> }.into_any()
                } else {
                    view! { <HydrationScripts options /> }.into_any()
                }}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Whether this response is a static page (see [`crate::render_mode`]); in the browser the app is hydrating.
fn is_static() -> bool {
    #[cfg(feature = "ssr")]
    {
        crate::render_mode::is_static()
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// For a static page, what Leptos' `HydrationScripts` does for a hydrated one, but for the static pages'
/// bundle, whose entry is `enhance`: preloads for its JS and wasm, and the nonce-bearing module script that
/// loads them.
#[component]
fn EnhanceScripts(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let base = format!("/{}/{ENHANCE_NAME}", options.site_pkg_dir);
    let script = format!(
        "import('{base}.js').then(m => m.default({{module_or_path: '{base}.wasm'}}).then(() => m.enhance()));"
    );
    view! {
        <link rel="modulepreload" href=format!("{base}.js") />
        <link rel="preload" href=format!("{base}.wasm") r#as="fetch" r#type="application/wasm" crossorigin="" />
        <script type="module" nonce=nonce>{script}</script>
    }
}

/// Sets the page's CSP header with the nonce Leptos puts on its inline scripts. `strict-dynamic` lets the
/// nonce-bearing hydration script load the bundle; nothing inline without the nonce runs.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use leptos::nonce::use_nonce;
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>()) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
    let i18n = I18n::provide(crate::i18n::page_locale());
    provide_context(crate::session::SessionEpoch(RwSignal::new(0)));
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let tag = i18n.locale().tag();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", tag);
        }
    });

    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Router>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/") view={Lazy::<page::TenantDirectory>::new()} ssr=SsrMode::Async />
                <ParentRoute path=path!("/:tenant") view=TenantShell ssr=SsrMode::Async>
                    // `/dresden/` redirects here on the server (see server::http::trailing_slash).
                    <Route path=path!("") view={Lazy::<page::TenantHome>::new()} />
                    <Route path=path!("districts") view={Lazy::<page::Districts>::new()} />
                    <Route path=path!("calls") view={Lazy::<page::Calls>::new()} />
                    <Route path=path!("calls/:id") view={Lazy::<page::Call>::new()} />
                    <Route path=path!("calls/:id/bids") view={Lazy::<page::CallBids>::new()} />
                    <Route path=path!("calls/:id/evaluation") view={Lazy::<page::Evaluation>::new()} />
                    <Route path=path!("calls/:id/ranking") view={Lazy::<page::Ranking>::new()} />
                    <Route path=path!("calls/:id/ranking/recommendation") view={Lazy::<page::Recommendation>::new()} />
                    <Route path=path!("calls/:id/ranking/decision") view={Lazy::<page::Decision>::new()} />
                    <Route path=path!("calls/:id/decision-proposal") view={Lazy::<page::DecisionProposal>::new()} />
                    <Route path=path!("register") view={Lazy::<page::Register>::new()} />
                    <Route path=path!("confirm-email") view={Lazy::<page::ConfirmEmail>::new()} />
                    <Route path=path!("organisation") view={Lazy::<page::Organisation>::new()} />
                    <Route path=path!("bids") view={Lazy::<page::Bids>::new()} />
                    <Route path=path!("bids/:id") view={Lazy::<page::Bid>::new()} />
                    <Route path=path!("bids/:id/versions/:number") view={Lazy::<page::BidVersion>::new()} />
                    <Route path=path!("bids/:id/score") view={Lazy::<page::Score>::new()} />
                    <Route path=path!("notifications") view={Lazy::<page::Notifications>::new()} />
                    <Route path=path!("posts") view={Lazy::<page::Posts>::new()} />
                    <Route path=path!("reports") view={Lazy::<page::Reports>::new()} />
                    <Route path=path!("reports/compliance") view={Lazy::<page::Compliance>::new()} />
                    <Route path=path!("reports/figures") view={Lazy::<page::Figures>::new()} />
                    <Route path=path!("reports/:id") view={Lazy::<page::Report>::new()} />
                    <Route path=path!("exchange") view={Lazy::<page::Exchange>::new()} />
                    <Route path=path!("controlling") view={Lazy::<page::Controlling>::new()} />
                    <Route path=path!("controlling/ledger") view={Lazy::<page::Ledger>::new()} />
                    <Route path=path!("controlling/committee-report") view={Lazy::<page::CommitteeReport>::new()} />
                    <Route path=path!("controlling/committee-report/text") view={Lazy::<page::CommitteeText>::new()} />
                    <Route path=path!("controlling/import") view={Lazy::<page::LedgerImport>::new()} />
                    <Route path=path!("steering") view={Lazy::<page::Meetings>::new()} />
                    <Route path=path!("steering/meetings/:id") view={Lazy::<page::Meeting>::new()} />
                    <Route path=path!("steering/resolutions") view={Lazy::<page::Resolutions>::new()} />
                    <Route path=path!("steering/commissions") view={Lazy::<page::Commissions>::new()} />
                    <Route path=path!("steering/commissions/:id") view={Lazy::<page::CommissionDetail>::new()} />
                    <Route path=path!("exchange/:id") view={Lazy::<page::Thread>::new()} />
                    <Route path=path!("sign-in") view={Lazy::<page::SignIn>::new()} />
                    <Route path=path!("account") view={Lazy::<page::Account>::new()} />
                    <Route path=path!("forgot-password") view={Lazy::<page::ForgotPassword>::new()} />
                    <Route path=path!("set-password") view={Lazy::<page::SetPassword>::new()} />
                    <Route path=path!("admin") view={Lazy::<page::AdminHome>::new()} />
                    <Route path=path!("admin/users") view={Lazy::<page::Users>::new()} />
                    <Route path=path!("admin/users/invite") view={Lazy::<page::Invite>::new()} />
                    <Route path=path!("admin/users/:id") view={Lazy::<page::User>::new()} />
                    <Route path=path!("admin/districts") view={Lazy::<page::DistrictsAdmin>::new()} />
                    <Route path=path!("admin/steering") view={Lazy::<page::Steering>::new()} />
                    <Route path=path!("admin/settings") view={Lazy::<page::Settings>::new()} />
                    <Route path=path!("admin/audit") view={Lazy::<page::Audit>::new()} />
                    <Route path=path!("admin/calls") view={Lazy::<page::AdminCalls>::new()} />
                    <Route path=path!("admin/calls/:id") view={Lazy::<page::AdminCall>::new()} />
                    <Route path=path!("admin/organisations") view={Lazy::<page::AdminOrganisations>::new()} />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
