//! The message catalogue: every visible string of the UI, in German and English.
//!
//! Components never hold text of their own; they ask for a [`Key`]. A key without both translations does not
//! compile, so no page can fall back to a missing string. The current language lives in an [`I18n`] context,
//! set on the server from the `lang` cookie or `Accept-Language`, and on the client from `<html lang>`.

use leptos::prelude::*;
use model::Locale;

/// The cookie that remembers the chosen language; the server reads it, the language switch writes it.
pub const LANGUAGE_COOKIE: &str = "spielraum_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    AppName,
    AppTagline,
    SkipToContent,
    MainNavigation,
    NavOverview,
    NavDistricts,
    ChooseLanguage,
    FooterNote,
    TenantDirectoryTitle,
    TenantDirectoryIntro,
    TenantDirectoryEmpty,
    HomeIntro,
    HomeSteeringModule,
    HomeSteeringModuleText,
    HomePracticeModule,
    HomePracticeModuleText,
    HomeDistrictsLink,
    DistrictsTitle,
    DistrictsIntro,
    DistrictsEmpty,
    DistrictNumber,
    DistrictName,
    DistrictKind,
    KindCityDistrict,
    KindVillages,
    Loading,
    NotFoundTitle,
    NotFoundText,
    BackToStart,
    ErrorTitle,
    ErrorText,
}

/// The text of `key` in `locale`.
pub fn text(locale: Locale, key: Key) -> &'static str {
    let (de, en) = match key {
        Key::AppName => ("Spielraum", "Spielraum"),
        Key::AppTagline => (
            "Präventionsprogramme der Jugendhilfe – vom Aufruf bis zum Jahresbericht",
            "Prevention programmes in youth welfare – from the call for applications to the yearly report",
        ),
        Key::SkipToContent => ("Zum Inhalt springen", "Skip to content"),
        Key::MainNavigation => ("Hauptnavigation", "Main navigation"),
        Key::NavOverview => ("Übersicht", "Overview"),
        Key::NavDistricts => ("Stadträume", "Districts"),
        Key::ChooseLanguage => ("Sprache", "Language"),
        Key::FooterNote => (
            "Spielraum – Programmverwaltung für Kommunen und freie Träger der Jugendhilfe",
            "Spielraum – programme management for municipalities and non-profit youth welfare carriers",
        ),
        Key::TenantDirectoryTitle => ("Teilnehmende Kommunen", "Participating municipalities"),
        Key::TenantDirectoryIntro => (
            "Wählen Sie Ihre Kommune, um zu deren Programm, Aufrufen und Stadträumen zu gelangen.",
            "Choose your municipality to go to its programme, calls and districts.",
        ),
        Key::TenantDirectoryEmpty => {
            ("Es sind noch keine Kommunen eingerichtet.", "No municipalities have been set up yet.")
        }
        Key::HomeIntro => (
            "Das Projekt Sozialraumkoordination verbindet die Akteurinnen und Akteure der Jugendhilfe in jedem Stadtraum und stärkt die Prävention.",
            "The community coordination project connects the actors of youth welfare in every district and strengthens prevention.",
        ),
        Key::HomeSteeringModule => ("Steuerungsmodul", "Steering module"),
        Key::HomeSteeringModuleText => (
            "Ein freier Träger steuert und begleitet das Projekt inhaltlich über mindestens drei Kalenderjahre, gemeinsam mit der siebenköpfigen Steuerungsgruppe.",
            "One carrier steers and supports the project for at least three calendar years, together with the seven-member steering group.",
        ),
        Key::HomePracticeModule => ("Praxismodul", "Practice module"),
        Key::HomePracticeModuleText => (
            "In jedem Stadtraum und jeder Ortschaftsgruppe arbeitet eine Sozialraumkoordinationsstelle mit 0,5 Vollzeitäquivalenten in freier Trägerschaft.",
            "Every district and group of villages has a coordination post of 0.5 full-time equivalents, run by a non-profit carrier.",
        ),
        Key::HomeDistrictsLink => ("Alle Stadträume und Ortschaften ansehen", "See all districts and villages"),
        Key::DistrictsTitle => ("Stadträume und Ortschaften", "Districts and villages"),
        Key::DistrictsIntro => (
            "Jeder dieser Räume erhält eine Sozialraumkoordinationsstelle mit 0,5 Vollzeitäquivalenten.",
            "Each of these areas receives a coordination post of 0.5 full-time equivalents.",
        ),
        Key::DistrictsEmpty => (
            "Für diese Kommune sind noch keine Stadträume angelegt.",
            "No districts have been set up for this municipality yet.",
        ),
        Key::DistrictNumber => ("Nr.", "No."),
        Key::DistrictName => ("Name", "Name"),
        Key::DistrictKind => ("Art", "Type"),
        Key::KindCityDistrict => ("Stadtraum", "City district"),
        Key::KindVillages => ("Ortschaft(en)", "Village(s)"),
        Key::Loading => ("Wird geladen …", "Loading …"),
        Key::NotFoundTitle => ("Seite nicht gefunden", "Page not found"),
        Key::NotFoundText => (
            "Diese Adresse gibt es nicht. Bitte prüfen Sie die Schreibweise.",
            "This address does not exist. Please check the spelling.",
        ),
        Key::BackToStart => ("Zur Startseite", "Go to the start page"),
        Key::ErrorTitle => ("Etwas ist schiefgelaufen", "Something went wrong"),
        Key::ErrorText => (
            "Die Seite konnte gerade nicht geladen werden. Bitte versuchen Sie es in einem Moment erneut.",
            "The page could not be loaded just now. Please try again in a moment.",
        ),
    };
    match locale {
        Locale::De => de,
        Locale::En => en,
    }
}

/// The name of a language in that language, as a language switch shows it.
pub fn endonym(locale: Locale) -> &'static str {
    match locale {
        Locale::De => "Deutsch",
        Locale::En => "English",
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

    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    /// The text of `key` in the current language; reactive when called inside a closure of a view.
    pub fn t(&self, key: Key) -> &'static str {
        text(self.locale.get(), key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_distinct_non_empty_texts_where_languages_differ() {
        // Spot check: a copy-paste of the German text into the English slot would go unnoticed otherwise.
        for key in [Key::SkipToContent, Key::NotFoundTitle, Key::DistrictsTitle, Key::Loading] {
            assert!(!text(Locale::De, key).is_empty());
            assert_ne!(text(Locale::De, key), text(Locale::En, key), "{key:?}");
        }
    }
}
