//! The one shared domain crate of Spielraum.
//!
//! Everything here compiles to native code and to wasm, so the browser and the server agree on what a valid
//! value is. Types parse their input once (`TenantSlug::parse`, `Money::from_cents`, …) and can then not hold
//! an invalid value. Database entities live in [`entity`] behind the `ssr` feature; they never cross the wire —
//! the `*View` types here do.
//!
//! This crate must not know about HTTP, Leptos or the database connection.

pub mod award;
pub mod bid;
pub mod call;
pub mod controlling;
pub mod datetime;
pub mod district;
pub mod email;
pub mod evaluation;
pub mod exchange;
pub mod file;
pub mod ledger;
pub mod locale;
pub mod money;
pub mod organisation;
pub mod paging;
pub mod policy;
pub mod ranking;
pub mod report;
pub mod role;
pub mod rubric;
pub mod steering;
pub mod tenant;

#[cfg(feature = "ssr")]
pub mod entity;

pub use district::{DistrictKind, DistrictName, DistrictView};
pub use email::{Email, EmailError};
pub use locale::Locale;
pub use money::{Money, MoneyError};
pub use policy::{Access, Decision, Permission};
pub use role::{Role, RoleKind, Seat, SeatComposition, SeatType};
pub use tenant::{TenantSlug, TenantSlugError, TenantView};
