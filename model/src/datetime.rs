//! Times are stored in UTC and shown in the tenant's time zone (Europe/Berlin), formatted per language:
//! German `29.11.2026, 07:15`, English `29 Nov 2026, 07:15`.

use crate::Locale;
use chrono::{DateTime, Utc};
pub use chrono_tz::Tz;

/// The zone every tenant uses unless configured otherwise.
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Europe::Berlin;

/// Reads a tenant's configured zone; unknown names fall back to Europe/Berlin.
pub fn time_zone(name: &str) -> Tz {
    name.parse().unwrap_or(DEFAULT_TIME_ZONE)
}

pub fn format_date_time(at: DateTime<Utc>, locale: Locale, zone: Tz) -> String {
    let local = at.with_timezone(&zone);
    match locale {
        Locale::De => local.format("%d.%m.%Y, %H:%M").to_string(),
        Locale::En => local.format("%-d %b %Y, %H:%M").to_string(),
    }
}

pub fn format_date(at: DateTime<Utc>, locale: Locale, zone: Tz) -> String {
    let local = at.with_timezone(&zone);
    match locale {
        Locale::De => local.format("%d.%m.%Y").to_string(),
        Locale::En => local.format("%-d %b %Y").to_string(),
    }
}

/// A calendar day (a session, a post's start) as people write it: `31.01.2019`, `31 Jan 2019`.
pub fn format_day(day: chrono::NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::De => day.format("%d.%m.%Y").to_string(),
        Locale::En => day.format("%-d %b %Y").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn berlin_time_follows_summer_time() {
        let winter = Utc.with_ymd_and_hms(2026, 11, 29, 6, 15, 0).single().expect("date");
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 6, 15, 0).single().expect("date");
        assert_eq!(format_date_time(winter, Locale::De, DEFAULT_TIME_ZONE), "29.11.2026, 07:15");
        assert_eq!(format_date_time(summer, Locale::De, DEFAULT_TIME_ZONE), "01.07.2026, 08:15");
        assert_eq!(format_date_time(winter, Locale::En, DEFAULT_TIME_ZONE), "29 Nov 2026, 07:15");
        assert_eq!(format_date(winter, Locale::De, time_zone("Europe/Berlin")), "29.11.2026");
    }

    #[test]
    fn unknown_zones_fall_back_to_berlin() {
        assert_eq!(time_zone("Mars/Olympus"), DEFAULT_TIME_ZONE);
    }
}

/// Reads a local date and time as a form sends it (`2026-12-01T09:00`, seconds optional) in `zone`.
/// A time that does not exist there (the hour skipped when summer time starts) is `None`; an ambiguous one
/// (the hour repeated in autumn) takes the earlier instant.
pub fn parse_local_date_time(text: &str, zone: Tz) -> Option<DateTime<Utc>> {
    use chrono::{NaiveDateTime, TimeZone};
    let text = text.trim();
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    zone.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc))
}

/// Reads a day as a date input sends it (`2026-11-30`) or as German finance systems write it (`30.11.2026`).
pub fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

/// The value of a `datetime-local` input for `at` in `zone`.
pub fn local_input_value(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod input_tests {
    use super::*;

    #[test]
    fn days_are_read_in_iso_and_german_form() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30);
        assert_eq!(parse_day("2026-11-30"), day);
        assert_eq!(parse_day(" 30.11.2026 "), day);
        assert_eq!(parse_day("31.11.2026"), None);
        assert_eq!(parse_day("11/30/2026"), None);
    }

    #[test]
    fn form_times_are_berlin_times() {
        let at = parse_local_date_time("2026-12-01T09:00", DEFAULT_TIME_ZONE).expect("valid");
        assert_eq!(at.to_rfc3339(), "2026-12-01T08:00:00+00:00");
        assert_eq!(local_input_value(at, DEFAULT_TIME_ZONE), "2026-12-01T09:00");
        assert_eq!(parse_local_date_time("2026-03-29T02:30", DEFAULT_TIME_ZONE), None, "skipped hour");
        assert_eq!(parse_local_date_time("morgen", DEFAULT_TIME_ZONE), None);
    }
}
