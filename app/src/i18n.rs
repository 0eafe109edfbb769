//! The message catalogue: every visible string of the UI, in German and English.
//!
//! The texts live in Fluent files, one per language and area (`app/locales/de/portal.ftl`, …), where editors
//! and translators change them without reading Rust; `build.rs` compiles them into [`Key`] and one table per
//! language. Components never hold text of their own; they ask for a [`Key`]. A message missing in a
//! language, defined twice or used nowhere fails the build, naming the key and the file. The current language lives in an [`I18n`] context,
//! set on the server from the `lang` cookie or `Accept-Language`, and on the client from `<html lang>`.

use leptos::prelude::*;
use model::Locale;

/// The cookie that remembers the chosen language; the server reads it, the language switch writes it.
pub const LANGUAGE_COOKIE: &str = "spielraum_lang";

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The plural category of a whole number by the CLDR cardinal rules of German and English ("one" for 1,
/// "other" for everything else), which the catalogue's selectors (`[one]`, `*[other]`) choose by.
pub fn plural_category(n: i64) -> &'static str {
    if n == 1 { "one" } else { "other" }
}

/// The text of `key` in `locale`.
#[cfg(not(feature = "hydrate"))]
pub fn text(locale: Locale, key: Key) -> &'static str {
    match locale {
        Locale::De => text_de(key),
        Locale::En => text_en(key),
    }
}

/// The text of `key` in `locale`, once that language is loaded ([`load`]); empty before.
#[cfg(feature = "hydrate")]
pub fn text(locale: Locale, key: Key) -> &'static str {
    loaded::text(locale, key)
}

#[cfg(feature = "hydrate")]
pub use loaded::{load, load_page_language};

/// The texts in the browser. The wasm carries none: the server names `texts-<language>.json` beside the
/// bundle in a preload link (`#spielraum-texts`), the page's language is fetched before hydration, and the
/// other language when the user switches to it. So a visitor downloads one language, and a changed word
/// does not change the wasm.
#[cfg(feature = "hydrate")]
mod loaded {
    use super::{Key, Locale};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    thread_local! {
        static TEXTS: RefCell<[Option<&'static [String]>; 2]> = const { RefCell::new([None, None]) };
    }

    fn slot(locale: Locale) -> usize {
        match locale {
            Locale::De => 0,
            Locale::En => 1,
        }
    }

    pub fn text(locale: Locale, key: Key) -> &'static str {
        TEXTS
            .with(|texts| texts.borrow()[slot(locale)].and_then(|texts| texts.get(key as usize)).map(String::as_str))
            .unwrap_or("")
    }

    /// Where the texts of `locale` are: the preload link's address with the language swapped.
    fn address(locale: Locale) -> Option<String> {
        let link = leptos::prelude::document().get_element_by_id("spielraum-texts")?.get_attribute("href")?;
        let (base, _) = link.rsplit_once("texts-")?;
        Some(format!("{base}texts-{}.json", locale.tag()))
    }

    /// Fetches the texts of `locale` unless they are here already.
    pub async fn load(locale: Locale) -> Result<(), String> {
        if TEXTS.with(|texts| texts.borrow()[slot(locale)].is_some()) {
            return Ok(());
        }
        let address = address(locale).ok_or("no #spielraum-texts link")?;
        let window = leptos::prelude::window();
        let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&address))
            .await
            .map_err(|e| format!("{address}: {e:?}"))?
            .dyn_into::<web_sys::Response>()
            .map_err(|_| format!("{address}: not a response"))?;
        if !response.ok() {
            return Err(format!("{address}: {}", response.status()));
        }
        let body = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
            .await
            .map_err(|e| format!("{address}: {e:?}"))?
            .as_string()
            .unwrap_or_default();
        let texts: Vec<String> = serde_json::from_str(&body).map_err(|e| format!("{address}: {e}"))?;
        if texts.len() != Key::ALL.len() {
            return Err(format!("{address}: {} texts for {} keys", texts.len(), Key::ALL.len()));
        }
        let texts: &'static [String] = Box::leak(texts.into_boxed_slice());
        TEXTS.with(|slots| slots.borrow_mut()[slot(locale)] = Some(texts));
        Ok(())
    }

    /// Loads the language the server rendered the page in (`<html lang>`), before hydration.
    pub async fn load_page_language() -> Result<(), String> {
        load(super::page_locale()).await
    }
}

/// The language the server chose for this request (cookie, then `Accept-Language`), or on the client the one
/// the server rendered into `<html lang>`, so that hydration starts from the same text.
pub fn page_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Locale>().copied())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_default()
    }
}

/// The name of a language in that language, as a language switch shows it.
pub fn endonym(locale: Locale) -> &'static str {
    match locale {
        Locale::De => "Deutsch",
        Locale::En => "English",
    }
}

/// The name of a steering-group seat type.
pub fn seat_key(seat: model::SeatType) -> Key {
    match seat {
        model::SeatType::Administration => Key::SeatAdministration,
        model::SeatType::Committee => Key::SeatCommittee,
        model::SeatType::ProjectCarrier => Key::SeatProjectCarrier,
    }
}

/// A role as people read it, with the seat of a steering-group member (reactive inside a view closure).
pub fn role_label(i18n: I18n, role: model::Role) -> String {
    use model::Role;
    match role {
        Role::Admin => i18n.t(Key::RoleAdmin).to_owned(),
        Role::Carrier { .. } => i18n.t(Key::RoleCarrier).to_owned(),
        Role::Coordinator => i18n.t(Key::RoleCoordinator).to_owned(),
        Role::DistrictContact => i18n.t(Key::RoleDistrictContact).to_owned(),
        Role::Steering { seat } => format!("{} ({})", i18n.t(Key::RoleSteering), i18n.t(seat_key(seat.kind()))),
    }
}

/// The current language of the page, shared by all components.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
}

impl I18n {
    pub fn provide(initial: Locale) -> Self {
        let i18n = I18n { locale: RwSignal::new(initial) };
        provide_context(i18n);
        i18n
    }

    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// The current language. During server rendering a late read (after the page's reactive owner is gone,
    /// e.g. a title closure evaluated while the response is finished) gets the default instead of a panic.
    pub fn locale(&self) -> Locale {
        self.locale.try_get().unwrap_or_default()
    }

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    /// The text of `key` in the current language; reactive when called inside a closure of a view.
    pub fn t(&self, key: Key) -> &'static str {
        text(self.locale(), key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_with_a_number_chooses_its_plural_form() {
        assert_eq!(
            msg::throttled(Locale::De, msg::Throttled { minutes: 1 }),
            "Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in einer Minute erneut."
        );
        assert_eq!(
            msg::throttled(Locale::De, msg::Throttled { minutes: 15 }),
            "Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in 15 Minuten erneut."
        );
        assert_eq!(
            msg::throttled(Locale::En, msg::Throttled { minutes: 1 }),
            "Too many failed attempts. Please try again in one minute."
        );
        assert_eq!(
            msg::throttled(Locale::En, msg::Throttled { minutes: 2 }),
            "Too many failed attempts. Please try again in 2 minutes."
        );
    }

    #[test]
    fn the_countdown_says_one_day_and_many_days() {
        let at = |days| msg::Countdown { label: "Verbleibende Zeit:", days, hours: "3", minutes: "4", seconds: "5" };
        assert_eq!(msg::countdown(Locale::De, at(1)), "Verbleibende Zeit: 1 Tag 3 Std. 4 Min. 5 Sek.");
        assert_eq!(msg::countdown(Locale::De, at(21)), "Verbleibende Zeit: 21 Tage 3 Std. 4 Min. 5 Sek.");
        assert_eq!(msg::countdown(Locale::En, at(1)), "Verbleibende Zeit: 1 day 3 h 4 min 5 s");
    }

    #[test]
    fn every_key_has_a_text_in_every_language() {
        for key in Key::ALL {
            for locale in Locale::ALL {
                assert!(!text(locale, key).trim().is_empty(), "{} in {locale}", key.id());
            }
        }
    }

    #[test]
    fn every_key_has_distinct_non_empty_texts_where_languages_differ() {
        // Spot check: a copy-paste of the German text into the English slot would go unnoticed otherwise.
        for key in [Key::SkipToContent, Key::NotFoundTitle, Key::DistrictsTitle, Key::Loading] {
            assert!(!text(Locale::De, key).is_empty());
            assert_ne!(text(Locale::De, key), text(Locale::En, key), "{key:?}");
        }
    }
}
