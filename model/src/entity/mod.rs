//! SeaORM entities: the database's shape, for the server only.
//!
//! Entities never leave the server; conversions to the `*View` types of this crate live beside each entity.
//! Every table that holds tenant data carries `tenant_id`.

pub mod district;
pub mod instance_secret;
pub mod tenant;
