//! Districts: the areas a coordination post serves (seed §6). Dresden has 17 city districts ("Stadträume") and
//! three groups of villages ("Ortschaften"), each with one 0.5 FTE post.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DistrictKind {
    /// A district of the city proper (Stadtraum).
    CityDistrict,
    /// One village or a group of villages (Ortschaft/Ortschaften).
    Villages,
}

impl DistrictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DistrictKind::CityDistrict => "city_district",
            DistrictKind::Villages => "villages",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "city_district" => Some(DistrictKind::CityDistrict),
            "villages" => Some(DistrictKind::Villages),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DistrictNameError {
    #[error("a district needs a name")]
    Empty,
    #[error("a district name has at most 120 characters")]
    TooLong,
}

/// A district's display name: trimmed, not empty, at most 120 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct DistrictName(String);

impl DistrictName {
    pub fn parse(input: &str) -> Result<Self, DistrictNameError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            Err(DistrictNameError::Empty)
        } else if trimmed.chars().count() > 120 {
            Err(DistrictNameError::TooLong)
        } else {
            Ok(Self(trimmed.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for DistrictName {
    type Error = DistrictNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DistrictName> for String {
    fn from(name: DistrictName) -> Self {
        name.0
    }
}

/// A district as pages and the API show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictView {
    pub id: Uuid,
    pub name: DistrictName,
    pub kind: DistrictKind,
    /// Order in lists, as the administration arranges them.
    pub position: i32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(DistrictName::parse("  Pieschen ").map(|n| n.as_str().to_owned()), Ok("Pieschen".into()));
        assert_eq!(DistrictName::parse("   "), Err(DistrictNameError::Empty));
        assert_eq!(DistrictName::parse(&"x".repeat(121)), Err(DistrictNameError::TooLong));
    }

    #[test]
    fn kinds_round_trip_through_text() {
        for kind in [DistrictKind::CityDistrict, DistrictKind::Villages] {
            assert_eq!(DistrictKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(DistrictKind::parse("county"), None);
    }
}
