//! Money in euros, exact to the cent.
//!
//! Amounts are `rust_decimal::Decimal` rounded to two places in code and integer cents in the database (SQLite
//! would store a `Decimal` column as a float). Nothing in Spielraum converts money to or from a float.

use crate::Locale;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("not an amount of money")]
    NotANumber,
    #[error("an amount of money has at most two decimal places")]
    TooPrecise,
    #[error("the amount is too large")]
    Overflow,
}

/// An amount of euros with exactly two decimal places. May be negative (reversals, balances).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "32500.00"))]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Money(Decimal);

impl Money {
    /// Zero with its two places, so it reads "0.00" like every other amount.
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));

    /// Whole amounts from the database, which stores cents.
    pub fn from_cents(cents: i64) -> Self {
        Money(Decimal::new(cents, 2))
    }

    /// The amount in cents, for storage. Fails only for amounts beyond ±92 quadrillion euros.
    pub fn cents(self) -> Result<i64, MoneyError> {
        let cents = self.0 * Decimal::ONE_HUNDRED;
        i64::try_from(cents).map_err(|_| MoneyError::Overflow)
    }

    /// Accepts a decimal with at most two places; more precision is an error, not a silent rounding.
    pub fn from_decimal(value: Decimal) -> Result<Self, MoneyError> {
        let normalized = value.normalize();
        if normalized.scale() > 2 {
            return Err(MoneyError::TooPrecise);
        }
        let mut exact = normalized;
        exact.rescale(2);
        Ok(Money(exact))
    }

    /// Reads an amount as people type it: `1234.5`, `1.234,50`, `300.000`, `1 234,50 €`, `€1,234.50`. A lone
    /// comma or a comma after the last dot is the German decimal separator.
    pub fn parse(input: &str) -> Result<Self, MoneyError> {
        let cleaned: String = input
            .trim()
            .trim_end_matches('€')
            .trim_start_matches('€')
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
            .collect();
        if cleaned.is_empty() {
            return Err(MoneyError::NotANumber);
        }
        let last_comma = cleaned.rfind(',');
        let last_dot = cleaned.rfind('.');
        let canonical = match (last_comma, last_dot) {
            // German: dots group thousands, the comma separates decimals.
            (Some(c), Some(d)) if c > d => cleaned.replace('.', "").replace(',', "."),
            (Some(_), Some(_)) => cleaned.replace(',', ""),
            (Some(c), None) if cleaned.len() - c - 1 == 3 && cleaned.matches(',').count() > 1 => {
                cleaned.replace(',', "")
            }
            (Some(_), None) => cleaned.replace(',', "."),
            // "300.000" is how German users write three hundred thousand; no amount of money has three
            // decimal places, so a dot before exactly three digits groups thousands.
            (None, Some(d))
                if cleaned.matches('.').count() > 1
                    || (cleaned.len() - d - 1 == 3 && !cleaned.trim_start_matches('-').starts_with('0')) =>
            {
                cleaned.replace('.', "")
            }
            _ => cleaned,
        };
        if !canonical.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-')) {
            return Err(MoneyError::NotANumber);
        }
        let value: Decimal = canonical.parse().map_err(|_| MoneyError::NotANumber)?;
        Self::from_decimal(value)
    }

    pub fn amount(self) -> Decimal {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Formats for people: `1.234,56 €` in German, `€1,234.56` in English.
    pub fn format(self, locale: Locale) -> String {
        let (decimal_sep, group_sep) = locale.separators();
        let rounded = self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let text = format!("{:.2}", rounded.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(group_sep);
            }
            grouped.push(digit);
        }
        let sign = if self.is_negative() { "-" } else { "" };
        match locale {
            Locale::De => format!("{sign}{grouped}{decimal_sep}{fraction}\u{a0}€"),
            Locale::En => format!("{sign}€{grouped}{decimal_sep}{fraction}"),
        }
    }
}

impl TryFrom<Decimal> for Money {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Money::from_decimal(value)
    }
}

impl From<Money> for Decimal {
    fn from(money: Money) -> Self {
        money.0
    }
}

impl Default for Money {
    fn default() -> Self {
        Money::ZERO
    }
}

// Sums of ledger rows: every amount comes from `i64` cents, so a sum of them stays far inside `Decimal`'s range
// (about 7.9 · 10^28) and keeps two places exactly.
impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        Money(self.0 - other.0)
    }
}

impl std::ops::Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2} EUR", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Money {
        Money::parse(text).expect(text)
    }

    #[test]
    fn cents_round_trip_exactly() {
        for cents in [0, 1, 150, -150, 30_000_000, i64::MAX / 100] {
            assert_eq!(Money::from_cents(cents).cents(), Ok(cents));
        }
        assert_eq!(Money::from_cents(150).amount().to_string(), "1.50");
    }

    #[test]
    fn parses_german_and_english_notation() {
        assert_eq!(m("1.234,56"), Money::from_cents(123_456));
        assert_eq!(m("1,234.56"), Money::from_cents(123_456));
        assert_eq!(m("300.000"), Money::from_cents(30_000_000));
        assert_eq!(m("100.000,00 €"), Money::from_cents(10_000_000));
        assert_eq!(m("0,5"), Money::from_cents(50));
        assert_eq!(m("-12,30"), Money::from_cents(-1230));
        assert_eq!(m("1,234,567"), Money::from_cents(123_456_700));
    }

    #[test]
    fn refuses_sub_cent_precision_and_garbage() {
        // A single comma is a German decimal separator, so "1,234" has three places, not a thousands group.
        assert_eq!(Money::parse("1,234"), Err(MoneyError::TooPrecise));
        assert_eq!(Money::parse("0.001"), Err(MoneyError::TooPrecise));
        assert_eq!(Money::parse("zwölf"), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse(""), Err(MoneyError::NotANumber));
        assert_eq!(Money::parse("1e5"), Err(MoneyError::NotANumber));
    }

    #[test]
    fn formats_per_locale() {
        assert_eq!(Money::from_cents(123_456).format(Locale::De), "1.234,56\u{a0}€");
        assert_eq!(Money::from_cents(123_456).format(Locale::En), "€1,234.56");
        assert_eq!(Money::from_cents(-5).format(Locale::De), "-0,05\u{a0}€");
        assert_eq!(Money::from_cents(30_000_000).format(Locale::De), "300.000,00\u{a0}€");
    }

    #[test]
    fn sums_reconcile_to_the_cent() {
        let parts = ["0.10", "0.20", "0.30"].map(m);
        let total = parts.iter().try_fold(Money::ZERO, |acc, p| acc.checked_add(*p));
        assert_eq!(total, Some(m("0.60")));
    }

    #[test]
    fn json_keeps_two_places_and_rejects_fractions_of_cents() {
        assert_eq!(serde_json::to_string(&Money::from_cents(150)).expect("json"), "\"1.50\"");
        assert!(serde_json::from_str::<Money>("\"1.505\"").is_err());
    }
}
