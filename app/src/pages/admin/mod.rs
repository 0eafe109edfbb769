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

use crate::i18n::{I18n, Key};
use crate::views::OrganisationView;
use leptos::prelude::Signal;

/// The seat choice of the invitation and roles forms: none, or one of the steering group's seat types.
pub(crate) fn seat_options(i18n: I18n) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        std::iter::once((String::new(), i18n.t(Key::ChooseNone).to_owned()))
            .chain(
                model::SeatType::ALL
                    .into_iter()
                    .map(|seat| (seat.as_str().to_owned(), i18n.t(seat_key(seat)).to_owned())),
            )
            .collect()
    })
}

/// The organisation a steering seat from a carrier names: none, or one of `organisations`.
pub(crate) fn organisation_options(i18n: I18n, organisations: Vec<OrganisationView>) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        std::iter::once((String::new(), i18n.t(Key::ChooseNone).to_owned()))
            .chain(organisations.iter().map(|o| (o.id.to_string(), o.name.clone())))
            .collect()
    })
}

pub(crate) fn status_key(status: &str, invited: bool) -> Key {
    match status {
        "active" if invited => Key::StatusInvited,
        "active" => Key::StatusActive,
        "deactivated" => Key::StatusDeactivated,
        _ => Key::StatusAnonymised,
    }
}
