//! API bearer tokens: short-lived JWTs from `POST /api/v1/auth/token`, and personal API tokens that users
//! create and revoke.
//!
//! JWTs are HS256 (not RSA: its Rust crate has an unfixed timing advisory) with a key derived from the
//! instance secret, at most one hour long, and carry audience, tenant, user and key id. Every use looks the
//! user up again, so a deactivated user's tokens stop working at once. Personal tokens (`spr_…`) are random;
//! only their SHA-256 is stored, and revoking one takes effect on the next request.

use crate::startup::AppState;
use app::AppError;
use app::auth::accounts::LoadedCaller;
use app::auth::{Caller, accounts};
use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use model::entity::api_token;
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub const AUDIENCE: &str = "spielraum-api";
pub const ISSUER: &str = "spielraum";
pub const ACCESS_TOKEN_SECONDS: i64 = 3600;
pub use app::auth::{PERSONAL_TOKEN_PREFIX, new_personal_token, sha256_hex};

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: Uuid,
    tid: Uuid,
    aud: String,
    iss: String,
    iat: i64,
    exp: i64,
    jti: Uuid,
    /// The account's credential generation at issue; a later change of password or rights voids the token.
    #[serde(rename = "gen")]
    generation: i32,
}

fn signing_key(state: &AppState) -> Vec<u8> {
    state.secrets.derive("jwt/v1").expose().to_vec()
}

/// Names the key without revealing it, so tokens can say which key signed them when keys rotate.
pub fn key_id(key: &[u8]) -> String {
    let digest = Sha256::digest(key);
    format!("v1-{}", &hex(&digest)[..12])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Issues an access token for a signed-in caller.
pub fn issue_access_token(state: &AppState, caller: &Caller) -> Result<String, AppError> {
    let key = signing_key(state);
    let now = Utc::now().timestamp();
    let claims = Claims {
        sub: caller.user_id,
        tid: caller.tenant_id,
        aud: AUDIENCE.to_owned(),
        iss: ISSUER.to_owned(),
        iat: now,
        exp: now + ACCESS_TOKEN_SECONDS,
        jti: Uuid::new_v4(),
        generation: caller.credential_generation,
    };
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(key_id(&key));
    let key = EncodingKey::from_secret(&key).map_err(AppError::internal)?;
    jsonwebtoken::encode(&header, &claims, &key).map_err(AppError::internal)
}

/// The caller a bearer token stands for, or `None` if it is invalid, expired, revoked, or its user is no
/// longer active.
pub async fn caller_of(state: &AppState, token: &str) -> Result<Option<LoadedCaller>, AppError> {
    if token.starts_with(PERSONAL_TOKEN_PREFIX) {
        let now = Utc::now();
        let Some(row) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(sha256_hex(token)))
            .filter(api_token::Column::RevokedAt.is_null())
            .filter(
                Condition::any().add(api_token::Column::ExpiresAt.is_null()).add(api_token::Column::ExpiresAt.gt(now)),
            )
            .one(&state.db)
            .await?
        else {
            return Ok(None);
        };
        let caller = accounts::load_caller(&state.db, row.user_id, row.tenant_id).await?;
        if caller.is_some() {
            // Best effort: a failed "last used" stamp must not fail the request.
            let stamp = api_token::ActiveModel { id: Set(row.id), last_used_at: Set(Some(now)), ..Default::default() };
            if let Err(err) = api_token::Entity::update(stamp).exec(&state.db).await {
                tracing::warn!(error = %err, "could not record token use");
            }
        }
        return Ok(caller);
    }
    let key = signing_key(state);
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[AUDIENCE]);
    validation.set_issuer(&[ISSUER]);
    validation.set_required_spec_claims(&["exp", "aud", "iss", "sub"]);
    validation.leeway = 0;
    let decoding = DecodingKey::from_secret(&key).map_err(AppError::internal)?;
    let Ok(data) = jsonwebtoken::decode::<Claims>(token, &decoding, &validation) else {
        return Ok(None);
    };
    if data.header.kid.as_deref() != Some(key_id(&key).as_str()) {
        return Ok(None);
    }
    let caller = accounts::load_caller(&state.db, data.claims.sub, data.claims.tid).await?;
    Ok(caller.filter(|loaded| loaded.caller.credential_generation == data.claims.generation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_tokens_are_random_and_only_their_hash_is_kept() {
        let (first, hash) = new_personal_token();
        let (second, _) = new_personal_token();
        assert!(first.starts_with(PERSONAL_TOKEN_PREFIX) && first.len() > 40);
        assert_ne!(first, second);
        assert_eq!(hash, sha256_hex(&first));
        assert_eq!(hash.len(), 64);
    }
}
