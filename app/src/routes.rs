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
    Register => pages::RegisterPage,
    ConfirmEmail => pages::ConfirmEmailPage,
    Organisation => pages::OrganisationPage,
    Bids => pages::BidsPage,
    Bid => pages::BidPage,
    BidVersion => pages::BidVersionPage,
    Notifications => pages::NotificationsPage,
    SignIn => pages::SignInPage,
    Account => pages::AccountPage,
    ForgotPassword => pages::ForgotPasswordPage,
    SetPassword => pages::SetPasswordPage,
    AdminHome => pages::AdminHome,
    Users => pages::UsersPage,
    User => pages::UserPage,
    DistrictsAdmin => pages::DistrictsAdminPage,
    Steering => pages::SteeringPage,
    Settings => pages::SettingsPage,
    Audit => pages::AuditPage,
    AdminCalls => pages::AdminCallsPage,
    AdminCall => pages::AdminCallPage,
    AdminOrganisations => pages::AdminOrganisationsPage,
}
