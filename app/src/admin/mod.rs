//! The administration's workspace: users and roles, districts, the steering group's seats, tenant settings
//! and the audit log. Every server function here works on the caller's own tenant; the guard has checked
//! the permission before it runs (see `server::authz`).

pub mod audit_log;
pub mod districts;
pub mod settings;
pub mod steering;
pub mod users;

/// The administration acts like anyone else; the guard has checked its permission.
#[cfg(feature = "ssr")]
pub(crate) type AdminContext = crate::actor::Actor;
