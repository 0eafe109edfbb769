//! The administration's pages. Each is wrapped in `Protected` with the permission its server functions need.

mod audit;
mod calls;
mod districts;
mod home;
mod invite;
mod settings;
mod steering;
mod user;
mod users;

pub use audit::AuditPage;
pub use calls::{AdminCallPage, AdminCallsPage};
pub use districts::DistrictsAdminPage;
pub use home::AdminHome;
pub use invite::InvitePage;
pub use settings::SettingsPage;
pub use steering::SteeringPage;
pub use user::UserPage;
pub use users::UsersPage;

pub(crate) use crate::i18n::{role_label, seat_key};

use crate::i18n::Key;

pub(crate) fn status_key(status: &str, invited: bool) -> Key {
    match status {
        "active" if invited => Key::StatusInvited,
        "active" => Key::StatusActive,
        "deactivated" => Key::StatusDeactivated,
        _ => Key::StatusAnonymised,
    }
}
