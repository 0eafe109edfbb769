//! Every page is a lazy route: in the browser, its code is a chunk of its own that loads when the page is
//! first shown, so the first load carries only the shell (router, frame, language switch) and the page at
//! hand, and a new workspace adds chunks instead of growing everyone's first load (issue 10).
//!
//! `#[lazy_route]` marks the page's view as a split point; `scripts/build-site` cuts the wasm there (with
//! `tools/wasm-split`) and the server learns from the bundle's manifest which chunks a page needs, so it
//! preloads them. On a first load the router fetches the chunks of the matched routes before it hydrates,
//! so the page hydrates against the same markup the server sent.
//!
//! A new page is a component in `pages/` plus one line in [`lazy_pages!`] below and its `<Route>` in
//! `shell::App`. A page makes its resources in its own body, which runs inside its chunk.

use crate::pages;
use leptos::prelude::*;

/// Declares, for each `Route => page component`, a lazy route type whose view renders the component.
macro_rules! lazy_pages {
    ($($route:ident => $page:path,)*) => {$(
        pub struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_route: Self) -> AnyView {
                #[cfg(feature = "ssr")]
                preload(stringify!($route));
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    TenantDirectory => pages::TenantDirectory,
    TenantHome => pages::TenantHome,
    Districts => pages::DistrictsPage,
    Calls => pages::CallsPage,
    Call => pages::CallPage,
    CallBids => pages::CallBidsPage,
    Evaluation => pages::EvaluationPage,
    Ranking => pages::RankingPage,
    Recommendation => pages::RecommendationPage,
    Decision => pages::DecisionPage,
    DecisionProposal => pages::DecisionProposalPage,
    Score => pages::ScorePage,
    Posts => pages::PostsPage,
    Register => pages::RegisterPage,
    ConfirmEmail => pages::ConfirmEmailPage,
    Organisation => pages::OrganisationPage,
    Bids => pages::BidsPage,
    Bid => pages::BidPage,
    BidVersion => pages::BidVersionPage,
    Notifications => pages::NotificationsPage,
    Reports => pages::ReportsPage,
    Report => pages::ReportPage,
    Compliance => pages::CompliancePage,
    Figures => pages::FiguresPage,
    Exchange => pages::ExchangePage,
    Controlling => pages::ControllingPage,
    Ledger => pages::LedgerPage,
    CommitteeReport => pages::CommitteeReportPage,
    CommitteeText => pages::CommitteeTextPage,
    LedgerImport => pages::LedgerImportPage,
    Meetings => pages::SteeringMeetingsPage,
    Meeting => pages::SteeringMeetingPage,
    Resolutions => pages::SteeringResolutionsPage,
    Commissions => pages::CommissionsPage,
    CommissionDetail => pages::CommissionPage,
    Thread => pages::ThreadPage,
    SignIn => pages::SignInPage,
    Account => pages::AccountPage,
    ForgotPassword => pages::ForgotPasswordPage,
    SetPassword => pages::SetPasswordPage,
    AdminHome => pages::AdminHome,
    Users => pages::UsersPage,
    Invite => pages::InvitePage,
    User => pages::UserPage,
    DistrictsAdmin => pages::DistrictsAdminPage,
    Steering => pages::SteeringPage,
    Settings => pages::SettingsPage,
    Audit => pages::AuditPage,
    AdminCalls => pages::AdminCallsPage,
    AdminCall => pages::AdminCallPage,
    AdminOrganisations => pages::AdminOrganisationsPage,
}

/// The modules of the built bundle that each page needs, from the split manifest `scripts/build-site` writes
/// (given by the server, which knows where the site is), as the `Link` header that preloads them: made once
/// at start-up, since a page may need hundreds of modules. Empty when no split site was built, as in tests.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct PageModules {
    /// Split name (e.g. `__tenant_home_view_123`) → the header naming its files.
    by_split: std::sync::Arc<Vec<(String, http::HeaderValue)>>,
}

#[cfg(feature = "ssr")]
impl PageModules {
    /// The manifest's file name in the bundle's directory. Not `__wasm_split_manifest.json`, which Leptos'
    /// `HydrationScripts` would find and then repeat every module as a `<link>` in the page (see
    /// `tools/wasm-split`).
    pub const MANIFEST: &str = "modules.json";

    /// `base`: where the bundle is served, e.g. `/pkg/0123abcd`; `by_split`: the manifest, split name → the
    /// files it needs, without `.wasm`.
    pub fn new(base: &str, by_split: std::collections::HashMap<String, Vec<String>>) -> Self {
        let by_split = by_split
            .into_iter()
            .filter(|(_, files)| !files.is_empty())
            .filter_map(|(name, files)| {
                let links: Vec<String> = files
                    .iter()
                    .map(|file| format!("<{base}/{file}.wasm>; rel=preload; as=fetch; crossorigin"))
                    .collect();
                Some((name, http::HeaderValue::from_str(&links.join(", ")).ok()?))
            })
            .collect();
        PageModules { by_split: std::sync::Arc::new(by_split) }
    }

    /// The `Link` header that preloads the modules of the page of `route` (a type of [`lazy_pages!`]).
    fn preload_header(&self, route: &str) -> Option<&http::HeaderValue> {
        // `#[lazy_route]` names a route's split after its type: `TenantHome` → `__tenant_home_view_<hash>`.
        let mut prefix = String::from("__");
        for (index, c) in route.chars().enumerate() {
            if c.is_uppercase() && index > 0 {
                prefix.push('_');
            }
            prefix.extend(c.to_lowercase());
        }
        prefix.push_str("_view_");
        self.by_split.iter().find(|(name, _)| name.starts_with(&prefix)).map(|(_, value)| value)
    }
}

/// Tells the browser, in the response's `Link` header, to fetch the page's modules together with the main
/// module. Leptos adds such links to the page itself, but only now and then: it looks the manifest up outside
/// the request's reactive owner (see ARCHITECTURE.md, "Builds"). A header needs no markup, so hydration is
/// untouched.
#[cfg(feature = "ssr")]
fn preload(route: &str) {
    let (Some(modules), Some(response)) = (use_context::<PageModules>(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    // A static page loads none of the app's modules (see `render_mode`).
    if crate::render_mode::is_static() {
        return;
    }
    if let Some(value) = modules.preload_header(route) {
        response.insert_header(http::header::LINK, value.clone());
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_page_preloads_the_modules_of_its_own_split() {
        let manifest = [
            ("__call_view_7", vec!["chunk_1", "split___call_view_7"]),
            ("__call_bids_view_7", vec!["chunk_2", "split___call_bids_view_7"]),
            ("__tenant_home_view_7", vec!["split___tenant_home_view_7"]),
        ]
        .into_iter()
        .map(|(name, files)| (name.to_owned(), files.into_iter().map(str::to_owned).collect()))
        .collect();
        let modules = PageModules::new("/pkg/ab12", manifest);
        assert_eq!(
            modules.preload_header("Call").map(|value| value.to_str().expect("ascii")),
            Some(
                "</pkg/ab12/chunk_1.wasm>; rel=preload; as=fetch; crossorigin, \
                 </pkg/ab12/split___call_view_7.wasm>; rel=preload; as=fetch; crossorigin"
            )
        );
        assert!(
            modules
                .preload_header("TenantHome")
                .is_some_and(|h| h.to_str().expect("ascii").contains("split___tenant_home_view_7"))
        );
        assert_eq!(modules.preload_header("Audit"), None);
        assert_eq!(PageModules::default().preload_header("Call"), None);
    }
}
