//! Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane) and the password rules.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::LazyLock;

/// Shortest password accepted (NIST SP 800-63B asks for at least 8; we ask a little more).
pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 256;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordRuleError {
    #[error("the password is too short")]
    TooShort,
    #[error("the password is too long")]
    TooLong,
}

/// Checks a new password against the rules (length only: composition rules make passwords worse).
pub fn check_rules(password: &str) -> Result<(), PasswordRuleError> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        Err(PasswordRuleError::TooShort)
    } else if length > MAX_LENGTH {
        Err(PasswordRuleError::TooLong)
    } else {
        Ok(())
    }
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a fresh salt.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// True when `password` matches `phc`. A malformed stored hash never matches.
pub fn verify(phc: &str, password: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|parsed| hasher().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Spends the same time as a real check, for sign-ins of unknown accounts, so timing does not reveal
/// whether an account exists.
pub fn verify_against_dummy(password: &str) {
    static DUMMY: LazyLock<Option<String>> = LazyLock::new(|| hash("not a real password, only for timing").ok());
    if let Some(dummy) = DUMMY.as_deref() {
        let _ = verify(dummy, password);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_salts_differ() {
        let first = hash("correct horse battery").expect("hash");
        let second = hash("correct horse battery").expect("hash");
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{first}");
        assert_ne!(first, second);
        assert!(verify(&first, "correct horse battery"));
        assert!(!verify(&first, "correct horse battery "));
        assert!(!verify("not a hash", "anything"));
    }

    #[test]
    fn rules_are_about_length() {
        assert_eq!(check_rules("short"), Err(PasswordRuleError::TooShort));
        assert_eq!(check_rules("ausreichend lang"), Ok(()));
        assert_eq!(check_rules(&"x".repeat(300)), Err(PasswordRuleError::TooLong));
    }
}
