//! The languages of the user interface. German comes first (most users, and the binding one for public bodies);
//! English second.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    De,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::De, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and the language cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    /// Reads a tag leniently (`de`, `de-DE`, `EN`); anything unknown is `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Locale::De),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the first supported language of an `Accept-Language` header, ignoring quality weights of zero.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut candidates: Vec<(f32, Locale)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let locale = Locale::from_tag(pieces.next()?)?;
                let quality =
                    pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
                (quality > 0.0).then_some((quality, locale))
            })
            .collect();
        // A stable sort keeps the header's order among equal weights.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
        candidates.first().map(|(_, locale)| *locale)
    }

    /// Decimal and thousands separators of this locale.
    pub fn separators(self) -> (char, char) {
        match self {
            Locale::De => (',', '.'),
            Locale::En => ('.', ','),
        }
    }

    /// A decimal as people of this locale write it, without trailing zeros: `0,5` or `0.5` (working time,
    /// report figures).
    pub fn decimal(self, value: rust_decimal::Decimal) -> String {
        let text = value.normalize().to_string();
        match self {
            Locale::De => text.replace('.', ","),
            Locale::En => text,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_without_trailing_zeros_in_the_locale() {
        let half = rust_decimal::Decimal::new(50, 2);
        assert_eq!(Locale::De.decimal(half), "0,5");
        assert_eq!(Locale::En.decimal(half), "0.5");
        assert_eq!(Locale::De.decimal(rust_decimal::Decimal::new(1200, 2)), "12");
    }

    #[test]
    fn reads_region_tags_and_case() {
        assert_eq!(Locale::from_tag("de-DE"), Some(Locale::De));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
    }

    #[test]
    fn negotiates_by_weight_then_order() {
        assert_eq!(Locale::negotiate("fr-FR, en;q=0.8, de;q=0.9"), Some(Locale::De));
        assert_eq!(Locale::negotiate("en-US,en;q=0.9"), Some(Locale::En));
        assert_eq!(Locale::negotiate("fr, it"), None);
        assert_eq!(Locale::negotiate("de;q=0, en;q=0.1"), Some(Locale::En));
    }
}
