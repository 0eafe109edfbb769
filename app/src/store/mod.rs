//! Database access for pages and the REST API (server only).
//!
//! Every query of tenant data takes a [`TenantScope`], which only [`TenantScope::resolve`] can make, from the
//! tenant named in the URL. So a query cannot forget its tenant: rows of another tenant are simply not found.
//! Functions here return views (`model::*View`), never entities.

pub mod awards;
pub mod bids;
pub mod calls;
pub mod committee;
mod clock;
pub mod districts;
pub mod evaluation;
pub mod exchange;
pub mod files;
pub mod ledger;
pub mod names;
pub mod ordering;
pub mod organisations;
pub mod reports;
pub mod steering;
pub mod tenants;
pub mod users;

pub use clock::Clock;
pub use tenants::TenantScope;
