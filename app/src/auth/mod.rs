//! Who is calling (server only).
//!
//! The server's guard builds a [`RequestContext`] for every guarded request — from the session cookie for
//! pages and server functions, from a bearer token for the API — after checking the route's access in
//! `server::authz`. Server functions reach it only through `crate::actor`, which decides their permission;
//! nothing here trusts a user id sent by the client.

pub mod accounts;
pub mod one_time;
pub mod password;
pub mod throttle;

use crate::AppError;
use model::{Email, Locale, Role, TenantView};
use uuid::Uuid;

/// Keys of the browser session's data. The session store copies the user and tenant into columns.
pub mod session_keys {
    pub const USER_ID: &str = "user_id";
    pub const TENANT_ID: &str = "tenant_id";
    /// Unix seconds of the sign-in, for the absolute session timeout.
    pub const SIGNED_IN_AT: &str = "signed_in_at";
    pub const USER_AGENT: &str = "user_agent";
    pub const CLIENT_ADDR: &str = "client_addr";
    /// Unix seconds of the last renewal of the idle expiry (see `server::authz`).
    pub const RENEWED_AT: &str = "renewed_at";

    /// What the database keeps of a session id: its SHA-256, so that a leaked table opens no session.
    pub fn stored_id(session_id: &str) -> String {
        super::sha256_hex(session_id)
    }
}

/// Hex SHA-256: what is stored of session handles, link tokens and API tokens, and the checksum of
/// uploaded files and submitted bids.
pub fn sha256_hex(bytes: impl AsRef<[u8]>) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes.as_ref()).iter().map(|b| format!("{b:02x}")).collect()
}

/// 32 random bytes, URL-safe base64: the secret part of links and API tokens.
pub fn random_token() -> String {
    use base64::Engine as _;
    use rand::RngCore as _;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Personal API tokens start with this, so the guard knows them from JWTs (and secret scanners find them).
pub const PERSONAL_TOKEN_PREFIX: &str = "spr_";

/// A new personal API token: the text to show once, and the hash to store.
pub fn new_personal_token() -> (String, String) {
    let token = format!("{PERSONAL_TOKEN_PREFIX}{}", random_token());
    let hash = sha256_hex(&token);
    (token, hash)
}

/// A signed-in, active user of one tenant, with the roles they hold now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    /// The caller's tenant as it was when the caller was loaded for this request (with the account, in the
    /// same query), so that acting in one's own tenant needs no further lookup.
    pub tenant: TenantView,
    pub email: Email,
    pub display_name: String,
    pub locale: Option<Locale>,
    pub roles: Vec<Role>,
    /// The account's credential generation when it was loaded; access tokens of another one are void.
    pub credential_generation: i32,
    /// The tenant's data version read with the caller (`crate::derived`), kept by the guard only for a
    /// request that changes nothing (GET): such a request's kept views are checked against it instead of
    /// reading it again. `None`: the views read it when they are asked for.
    pub data_version: Option<i64>,
    /// Whether the caller takes part in the exchange (`model::exchange::may_take_part`), read with the caller
    /// for the navigation (`session::whoami`), which every page asks; `None` where the caller was loaded
    /// without it.
    pub exchange: Option<bool>,
}

/// What the guard learned about a request. Put into the request extensions by `server::authz`, and only
/// there.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub caller: Option<Caller>,
    pub client_addr: String,
    pub request_id: String,
    /// The stored id ([`session_keys::stored_id`]) of the browser session the request came with, to tell
    /// "this session" from the caller's others. The id itself stays in the cookie and the session layer.
    pub session_id: Option<String>,
}

impl RequestContext {
    /// The signed-in caller, or 401.
    pub fn caller(&self) -> Result<&Caller, AppError> {
        self.caller.as_ref().ok_or(AppError::Unauthenticated)
    }
}
