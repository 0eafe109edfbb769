//! The countdown's text, shared by the `Countdown` component and the static pages' enhancement
//! ([`crate::render_mode`]), which writes it without Leptos.

use crate::i18n::{Key, msg, text as catalogue_text};
use chrono::{DateTime, Utc};
use model::Locale;

/// What a countdown counts down to, which decides its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Counting {
    /// The deadline of an open call ("Verbleibende Zeit").
    #[default]
    Closing,
    /// The opening of an upcoming call ("Beginnt in").
    Opening,
}

impl Counting {
    /// Its name in the markup (`data-counting`), from which a static page's enhancement reads it back.
    pub fn attribute(self) -> &'static str {
        match self {
            Counting::Closing => "closing",
            Counting::Opening => "opening",
        }
    }

    #[cfg(any(feature = "hydrate", test))]
    pub fn from_attribute(value: &str) -> Self {
        if value == "opening" { Counting::Opening } else { Counting::Closing }
    }

    fn label(self) -> Key {
        match self {
            Counting::Closing => Key::TimeLeft,
            Counting::Opening => Key::StartsIn,
        }
    }
}

/// The countdown's text at `now`, e.g. "Verbleibende Zeit: 21 Tage 3 Std. 4 Min. 5 Sek.".
pub fn text(locale: Locale, counting: Counting, until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = until - now;
    if left.num_seconds() <= 0 {
        return catalogue_text(locale, Key::DeadlinePassed).to_owned();
    }
    let (days, hours, minutes, seconds) =
        (left.num_days(), left.num_hours() % 24, left.num_minutes() % 60, left.num_seconds() % 60);
    let (hours, minutes, seconds) = (hours.to_string(), minutes.to_string(), seconds.to_string());
    let label = catalogue_text(locale, counting.label());
    msg::countdown(locale, msg::Countdown { label, days, hours: &hours, minutes: &minutes, seconds: &seconds })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_text_counts_whole_units_and_ends_at_the_deadline() {
        let until = Utc.with_ymd_and_hms(2026, 12, 24, 12, 0, 0).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 8, 56, 55).unwrap();
        assert_eq!(text(Locale::De, Counting::Closing, until, now), "Verbleibende Zeit: 21 Tage 3 Std. 3 Min. 5 Sek.");
        assert!(text(Locale::En, Counting::Opening, until, now).starts_with("Opens in: 21 days"));
        assert_eq!(text(Locale::De, Counting::Closing, until, until), catalogue_text(Locale::De, Key::DeadlinePassed));
    }

    #[test]
    fn the_markup_names_what_it_counts_to() {
        for counting in [Counting::Closing, Counting::Opening] {
            assert_eq!(Counting::from_attribute(counting.attribute()), counting);
        }
    }
}
