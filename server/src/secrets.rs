//! The installation's master secret and the keys derived from it.
//!
//! Operators may set `SPIELRAUM_SECRET_KEY` (at least 32 random bytes, base64). Without it, the first start
//! generates one and stores it in the database, where every further start — and every other app server on the
//! same database — finds it. It never goes into git, a log line, or a `Debug` print. Each use gets its own key
//! derived with HMAC-SHA256 from the master and a purpose label, so no two uses share a key.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE, URL_SAFE_NO_PAD};
use chrono::Utc;
use hmac::{Hmac, Mac};
use model::entity::instance_secret;
use rand::RngCore as _;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use sha2::Sha256;
use std::fmt;

const MASTER: &str = "master";
pub const MIN_KEY_BYTES: usize = 32;

/// Secret bytes that refuse to be printed.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(Vec<u8>);

impl SecretKey {
    /// Parses a base64 key (standard or URL-safe alphabet) of at least 32 bytes.
    pub fn from_base64(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let bytes = [STANDARD.decode(text), URL_SAFE.decode(text), URL_SAFE_NO_PAD.decode(text)]
            .into_iter()
            .find_map(Result::ok)
            .ok_or_else(|| "is not base64 (generate one with: openssl rand -base64 32)".to_owned())?;
        if bytes.len() < MIN_KEY_BYTES {
            return Err(format!("must be at least {MIN_KEY_BYTES} random bytes, but has {}", bytes.len()));
        }
        Ok(SecretKey(bytes))
    }

    fn generate() -> Self {
        let mut bytes = vec![0u8; MIN_KEY_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        SecretKey(bytes)
    }

    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey([redacted])")
    }
}

/// The keys of this installation.
#[derive(Clone, Debug)]
pub struct Secrets {
    master: SecretKey,
}

impl Secrets {
    /// Uses the configured key, or the stored one, or generates and stores a new one. Two servers starting at
    /// once agree: the first insert wins and both read it back.
    pub async fn load(db: &impl ConnectionTrait, configured: Option<SecretKey>) -> Result<Self, DbErr> {
        if let Some(master) = configured {
            return Ok(Secrets { master });
        }
        let candidate = SecretKey::generate();
        instance_secret::Entity::insert(instance_secret::ActiveModel {
            name: Set(MASTER.to_owned()),
            value: Set(STANDARD.encode(candidate.expose())),
            created_at: Set(Utc::now()),
        })
        .on_conflict(OnConflict::column(instance_secret::Column::Name).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
        let stored = instance_secret::Entity::find_by_id(MASTER.to_owned())
            .one(db)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("instance secret vanished after insert".into()))?;
        let master = SecretKey::from_base64(&stored.value)
            .map_err(|reason| DbErr::Custom(format!("stored instance secret is unusable: it {reason}")))?;
        Ok(Secrets { master })
    }

    /// A 32-byte key for one purpose (e.g. `"jwt"`), stable across restarts and servers.
    pub fn derive(&self, purpose: &str) -> SecretKey {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.master.expose())
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(b"spielraum/");
        mac.update(purpose.as_bytes());
        SecretKey(mac.finalize().into_bytes().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_must_be_long_enough_base64() {
        assert!(SecretKey::from_base64(&STANDARD.encode([7u8; 32])).is_ok());
        assert!(SecretKey::from_base64(&URL_SAFE_NO_PAD.encode([7u8; 48])).is_ok());
        assert!(SecretKey::from_base64(&STANDARD.encode([7u8; 16])).expect_err("short").contains("at least 32"));
        assert!(SecretKey::from_base64("not base64!").expect_err("garbage").contains("base64"));
    }

    #[test]
    fn secrets_never_print() {
        let key = SecretKey::from_base64(&STANDARD.encode([42u8; 32])).expect("key");
        assert_eq!(format!("{key:?}"), "SecretKey([redacted])");
    }

    #[test]
    fn derived_keys_differ_by_purpose_and_are_stable() {
        let secrets = Secrets { master: SecretKey(vec![1; 32]) };
        assert_eq!(secrets.derive("jwt"), secrets.derive("jwt"));
        assert_ne!(secrets.derive("jwt"), secrets.derive("csrf"));
        assert_eq!(secrets.derive("jwt").expose().len(), 32);
    }
}
