//! Tenants: the municipalities that use Spielraum. A tenant is addressed by its slug in every URL
//! (`/dresden/…`), so the slug's rules are the URL's rules.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a text is not a tenant slug.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TenantSlugError {
    #[error("a tenant slug must be 2 to 40 characters long")]
    Length,
    #[error(
        "a tenant slug may only hold lowercase letters a–z, digits and single hyphens, and must start with a letter"
    )]
    Characters,
    #[error("this name is reserved for the service's own addresses")]
    Reserved,
}

/// First path segments the server uses itself; a tenant with one of these names could not be reached.
const RESERVED: [&str; 5] = ["api", "fn", "pkg", "healthz", "readyz"];

/// The URL name of a tenant: 2–40 characters of `a-z`, `0-9` and single inner hyphens, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = "dresden"))]
#[serde(try_from = "String", into = "String")]
pub struct TenantSlug(String);

impl TenantSlug {
    pub fn parse(input: &str) -> Result<Self, TenantSlugError> {
        if !(2..=40).contains(&input.len()) {
            return Err(TenantSlugError::Length);
        }
        let bytes = input.as_bytes();
        let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-';
        if !bytes[0].is_ascii_lowercase() || !bytes.iter().all(allowed) || input.ends_with('-') || input.contains("--")
        {
            return Err(TenantSlugError::Characters);
        }
        if RESERVED.contains(&input) {
            return Err(TenantSlugError::Reserved);
        }
        Ok(Self(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TenantSlug {
    type Error = TenantSlugError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TenantSlug> for String {
    fn from(slug: TenantSlug) -> Self {
        slug.0
    }
}

impl fmt::Display for TenantSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a page needs to know about a tenant to render its shell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TenantView {
    pub slug: TenantSlug,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_city_names() {
        for ok in ["dresden", "musterstadt", "bad-schandau", "k2"] {
            assert_eq!(TenantSlug::parse(ok).map(|s| s.to_string()), Ok(ok.to_owned()));
        }
    }

    #[test]
    fn rejects_what_would_break_a_url_or_look_alike() {
        assert_eq!(TenantSlug::parse("d"), Err(TenantSlugError::Length));
        assert_eq!(TenantSlug::parse(&"a".repeat(41)), Err(TenantSlugError::Length));
        for bad in ["Dresden", "2dresden", "dres den", "dresden-", "dres--den", "dräsden", "../etc", "-abc"] {
            assert!(TenantSlug::parse(bad).is_err(), "{bad} must be rejected");
        }
    }

    #[test]
    fn the_servers_own_paths_are_not_tenants() {
        assert_eq!(TenantSlug::parse("api"), Err(TenantSlugError::Reserved));
        assert_eq!(TenantSlug::parse("pkg"), Err(TenantSlugError::Reserved));
    }

    #[test]
    fn deserialising_validates_too() {
        assert!(serde_json::from_str::<TenantSlug>("\"dresden\"").is_ok());
        assert!(serde_json::from_str::<TenantSlug>("\"DRESDEN\"").is_err());
    }
}
