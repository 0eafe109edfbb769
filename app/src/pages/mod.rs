//! One module per page, each with the server functions it calls.

mod directory;
mod districts;
mod home;

pub use directory::TenantDirectory;
pub use districts::DistrictsPage;
pub use home::TenantHome;
