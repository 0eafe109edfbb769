//! One module per page, each with the server functions it calls.

mod account;
mod admin;
mod bid_reading;
pub(crate) mod bids;
pub(crate) mod calls;
mod controlling;
mod directory;
pub(crate) mod districts;
pub(crate) mod documents;
mod evaluation;
mod exchange;
mod steering;
mod home;
mod notifications;
mod organisations;
mod password_links;
pub(crate) mod report_overview;
mod reports;
mod sign_in;

pub use account::AccountPage;
pub use admin::{
    AdminCallPage, AdminCallsPage, AdminHome, AuditPage, DistrictsAdminPage, InvitePage, SettingsPage, SteeringPage,
    UserPage, UsersPage,
};
pub use bid_reading::{BidVersionPage, CallBidsPage};
pub use bids::{BidPage, BidsPage};
pub use calls::{CallPage, CallsPage};
pub(crate) use controlling::ControllingTasks;
pub use controlling::{CommitteeReportPage, CommitteeTextPage, ControllingPage, LedgerImportPage, LedgerPage};
pub use directory::TenantDirectory;
pub use districts::DistrictsPage;
pub use documents::DecisionProposalPage;
pub(crate) use evaluation::EvaluationTasks;
pub use evaluation::{DecisionPage, EvaluationPage, PostsPage, RankingPage, RecommendationPage, ScorePage};
pub use exchange::{ExchangePage, ThreadPage};
pub(crate) use steering::SteeringTasks;
pub use steering::{CommissionPage, CommissionsPage, SteeringMeetingPage, SteeringMeetingsPage, SteeringResolutionsPage};
pub use home::TenantHome;
pub use notifications::NotificationsPage;
pub use organisations::{AdminOrganisationsPage, ConfirmEmailPage, OrganisationPage, RegisterPage};
pub use password_links::{ForgotPasswordPage, SetPasswordPage};
pub(crate) use reports::ReportTasks;
pub use report_overview::{CompliancePage, FiguresPage};
pub use reports::{ReportPage, ReportsPage};
pub use sign_in::SignInPage;
