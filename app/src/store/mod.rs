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

use crate::AppError;
use sea_orm::{DatabaseConnection, DatabaseTransaction, TransactionTrait};

/// One connection for a request's reads. A statement outside a transaction takes a connection from the pool
/// and gives it back, and sqlx tests every connection it gets back with a round trip to the database
/// (`PgConnection::ping`, on SQLite a round trip to the connection's thread): a page of six reads made twelve
/// round trips. In a transaction the reads share one connection; its `BEGIN` is one round trip, and the
/// `ROLLBACK` that dropping it queues travels with the one test when the connection goes back (issue 16: the
/// bid editor on PostgreSQL at 64 connections). Nothing is written through it: whatever was is undone when it
/// is dropped.
pub async fn reading(db: &DatabaseConnection) -> Result<DatabaseTransaction, AppError> {
    Ok(db.begin().await?)
}
