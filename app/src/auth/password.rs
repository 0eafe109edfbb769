//! Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane) and the password rules.
//!
//! Hashing is slow and memory-hard on purpose, so it runs on threads of its own, one per core, never on the
//! async workers that serve every other request. Excess sign-ins wait in their queue: a burst of 100 costs
//! 19 MiB per core, not 1.9 GiB, and the pages of everybody else keep answering meanwhile.

use argon2::password_hash::{self, Output, ParamsString, PasswordHash, Salt, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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

/// Runs one hashing job on the hashing threads; waits while they are busy. `None` if the job panicked.
///
/// The threads are few (one per core) and live as long as the process, so at most one 19 MiB working
/// memory per core exists at a time. Short-lived blocking threads would each keep their allocator's memory,
/// and a burst of sign-ins left the server at hundreds of MiB.
async fn bounded<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    type Job = Box<dyn FnOnce() + Send>;
    static QUEUE: LazyLock<Option<std::sync::mpsc::Sender<Job>>> = LazyLock::new(|| {
        let (sender, receiver) = std::sync::mpsc::channel::<Job>();
        let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
        let threads = std::thread::available_parallelism().map(usize::from).unwrap_or(2);
        for n in 0..threads {
            let receiver = receiver.clone();
            let spawned = std::thread::Builder::new().name(format!("password-hash-{n}")).spawn(move || {
                loop {
                    // The lock is held only while waiting for the next job, not while running it.
                    let next = receiver.lock().map(|queue| queue.recv());
                    match next {
                        Ok(Ok(job)) => job(),
                        _ => return,
                    }
                }
            });
            if spawned.is_err() {
                return None;
            }
        }
        Some(sender)
    });
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = reply.send(job());
    });
    let unsent = match QUEUE.as_ref() {
        Some(queue) => match queue.send(job) {
            Ok(()) => return answer.await.ok(),
            Err(std::sync::mpsc::SendError(job)) => job,
        },
        None => job,
    };
    // No hashing threads (the system refused to start them): run it on one of tokio's blocking threads.
    tokio::task::spawn_blocking(unsent).await.ok()?;
    answer.await.ok()
}

/// Fills `out` with the argon2 hash of `password` and `salt` under `argon`'s parameters, in 19 MiB of
/// working memory allocated for this hash and freed after it. The allocator gives a block that large back
/// to the system within milliseconds (mimalloc 2, see `server/Cargo.toml`); kept per thread for the next
/// hash, as before, it was 19 MiB per core resident for the life of the process — over a third of the
/// server's memory budget (issue 16) — for a page fault per 4 KiB on each sign-in, a few milliseconds of
/// a hash that takes tens.
fn compute(argon: &Argon2<'_>, password: &[u8], salt: &[u8], out: &mut [u8]) -> Result<(), argon2::Error> {
    let mut memory = vec![Block::default(); argon.params().block_count()];
    argon.hash_password_into_with_memory(password, salt, out, &mut memory)
}

/// Hashes `password` with `argon` and `salt`, giving the PHC form of the result.
fn phc_of(argon: &Argon2<'_>, password: &[u8], salt: Salt<'_>, output_len: usize) -> password_hash::Result<Output> {
    let mut salt_bytes = [0u8; Salt::MAX_LENGTH];
    let salt = salt.decode_b64(&mut salt_bytes)?;
    Output::init_with(output_len, |out| compute(argon, password, salt, out).map_err(Into::into))
}

fn hash_now(password: &str) -> password_hash::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let argon = hasher();
    let output = phc_of(&argon, password.as_bytes(), salt.as_salt(), Params::DEFAULT_OUTPUT_LEN)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(argon.params())?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Checks `password` against a stored PHC string with the parameters written in it.
fn verify_now(phc: &str, password: &str) -> bool {
    let matches = || -> password_hash::Result<bool> {
        let parsed = PasswordHash::new(phc)?;
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return Ok(false) };
        let version = parsed.version.map(Version::try_from).transpose()?.unwrap_or_default();
        let argon = Argon2::new(Algorithm::try_from(parsed.algorithm)?, version, Params::try_from(&parsed)?);
        // `Output` compares in constant time.
        Ok(phc_of(&argon, password.as_bytes(), salt, expected.len())? == expected)
    };
    matches().unwrap_or(false)
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a fresh salt.
pub async fn hash(password: &str) -> password_hash::Result<String> {
    let password = password.to_owned();
    bounded(move || hash_now(&password)).await.unwrap_or(Err(password_hash::Error::Crypto))
}

/// True when `password` matches `phc`. A malformed stored hash never matches, and neither does a password
/// longer than any we accept (it is not hashed at all, so an attacker cannot make us hash megabytes).
pub async fn verify(phc: &str, password: &str) -> bool {
    if too_long(password) {
        return false;
    }
    let (phc, password) = (phc.to_owned(), password.to_owned());
    bounded(move || verify_now(&phc, &password)).await.unwrap_or(false)
}

/// The most bytes a password of [`MAX_LENGTH`] characters can take in UTF-8.
const MAX_BYTES: usize = MAX_LENGTH * 4;

/// Longer than any password we accept: refused before hashing, so nobody can make us hash megabytes.
fn too_long(password: &str) -> bool {
    password.len() > MAX_BYTES || password.chars().count() > MAX_LENGTH
}

/// Spends the same time as a real check, for sign-ins of unknown accounts, so timing does not reveal
/// whether an account exists.
pub async fn verify_against_dummy(password: &str) {
    static DUMMY: LazyLock<String> =
        LazyLock::new(|| hash_now("not a real password, only for timing").unwrap_or_default());
    if too_long(password) {
        return;
    }
    let password = password.to_owned();
    // Made on a hashing thread the first time, like every other hash.
    let _ = bounded(move || verify_now(&DUMMY, &password)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_salts_differ() {
        let first = hash("correct horse battery").await.expect("hash");
        let second = hash("correct horse battery").await.expect("hash");
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{first}");
        assert_ne!(first, second);
        assert!(verify(&first, "correct horse battery").await);
        assert!(!verify(&first, "correct horse battery ").await);
        assert!(!verify("not a hash", "anything").await);
    }

    #[test]
    fn hashes_of_the_argon2_crate_and_ours_check_each_other() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let salt = SaltString::generate(&mut OsRng);
        let theirs = hasher().hash_password(b"gleiches Passwort", &salt).expect("hash").to_string();
        assert!(verify_now(&theirs, "gleiches Passwort") && !verify_now(&theirs, "anderes Passwort"));
        let ours = hash_now("gleiches Passwort").expect("hash");
        let parsed = PasswordHash::new(&ours).expect("phc");
        assert!(hasher().verify_password(b"gleiches Passwort", &parsed).is_ok());
    }

    #[tokio::test]
    async fn a_password_longer_than_any_accepted_never_matches() {
        let long = "ä".repeat(MAX_LENGTH + 1);
        let phc = hash_now(&long).expect("hash");
        assert!(verify_now(&phc, &long), "argon2 itself would accept it");
        assert!(!verify(&phc, &long).await, "but it is refused before hashing");
    }

    #[test]
    fn rules_are_about_length() {
        assert_eq!(check_rules("short"), Err(PasswordRuleError::TooShort));
        assert_eq!(check_rules("ausreichend lang"), Ok(()));
        assert_eq!(check_rules(&"x".repeat(300)), Err(PasswordRuleError::TooLong));
    }
}
