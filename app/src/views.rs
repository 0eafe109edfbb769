//! Data as pages receive it from server functions: plain, serialisable, no database types.

use chrono::{DateTime, Utc};
use model::Role;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A user as the administration's list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    /// `active`, `deactivated` or `anonymised`.
    pub status: String,
    pub roles: Vec<Role>,
    /// Invited but no password set yet.
    pub invited: bool,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

/// A carrier organisation, for choosing a carrier's organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub id: Uuid,
    pub name: String,
}

/// A district to choose, e.g. for a district contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictChoice {
    pub id: Uuid,
    pub name: String,
    pub chosen: bool,
}

/// A member of a carrier organisation, as its members see each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub name: String,
    pub email: String,
    /// Invited or registered, but not yet able to sign in (no password, or email not confirmed).
    pub pending: bool,
}
