//! The administration's workspace: users and roles, districts, the steering group's seats, tenant settings
//! and the audit log. Every server function here works on the caller's own tenant; the guard has checked
//! the permission before it runs (see `server::authz`), and each acts through `crate::actor::Actor`.

pub mod audit_log;
pub mod districts;
pub mod settings;
pub mod steering;
pub mod users;
