//! The administration's pages. Each is wrapped in `Protected` with the permission its server functions need.

mod audit;
mod calls;
mod districts;
mod home;
mod settings;
mod steering;
mod user;
mod users;

pub use audit::AuditPage;
pub use calls::{AdminCallPage, AdminCallsPage};
pub use districts::DistrictsAdminPage;
pub use home::AdminHome;
pub use settings::SettingsPage;
pub use steering::SteeringPage;
pub use user::UserPage;
pub use users::UsersPage;

use crate::i18n::{I18n, Key};
use model::{Role, SeatType};

pub(crate) fn role_label(i18n: I18n, role: Role) -> String {
    match role {
        Role::Admin => i18n.t(Key::RoleAdmin).to_owned(),
        Role::Carrier { .. } => i18n.t(Key::RoleCarrier).to_owned(),
        Role::Coordinator => i18n.t(Key::RoleCoordinator).to_owned(),
        Role::DistrictContact => i18n.t(Key::RoleDistrictContact).to_owned(),
        Role::Steering { seat } => format!("{} ({})", i18n.t(Key::RoleSteering), i18n.t(seat_key(seat))),
    }
}

pub(crate) fn seat_key(seat: SeatType) -> Key {
    match seat {
        SeatType::Administration => Key::SeatAdministration,
        SeatType::Committee => Key::SeatCommittee,
        SeatType::ProjectCarrier => Key::SeatProjectCarrier,
    }
}

pub(crate) fn status_key(status: &str, invited: bool) -> Key {
    match status {
        "active" if invited => Key::StatusInvited,
        "active" => Key::StatusActive,
        "deactivated" => Key::StatusDeactivated,
        _ => Key::StatusAnonymised,
    }
}
