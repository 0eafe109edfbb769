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
    NavSignIn,
    NavSignOut,
    NavAccount,
    SignedInAs,
    SignInTitle,
    SignInIntro,
    EmailLabel,
    PasswordLabel,
    SignInButton,
    SignInFailed,
    SignInRequired,
    ThrottledPrefix,
    ThrottledSuffix,
    AccountTitle,
    AccountName,
    AccountRoles,
    NoRoles,
    RoleAdmin,
    RoleSteering,
    RoleCarrier,
    RoleCoordinator,
    RoleDistrictContact,
    SeatAdministration,
    SeatCommittee,
    SeatProjectCarrier,
    ChangePasswordTitle,
    ChangePasswordIntro,
    CurrentPassword,
    NewPassword,
    ConfirmPassword,
    SavePassword,
    PasswordChanged,
    SessionsTitle,
    SessionsIntro,
    SessionDevice,
    SessionAddress,
    SessionSince,
    SessionLastSeen,
    ThisSession,
    EndSession,
    UnknownDevice,
    ErrRequired,
    ErrTooShort,
    ErrTooLong,
    ErrMalformed,
    ErrMismatch,
    ErrWrongPassword,
    ForbiddenTitle,
    ForbiddenText,
    Saving,
    ErrTaken,
    ErrLinkUnusable,
    ForgotPasswordLink,
    ForgotPasswordTitle,
    ForgotPasswordIntro,
    SendResetLink,
    ResetLinkSent,
    SetPasswordTitle,
    SetPasswordIntro,
    SetPasswordButton,
    PasswordSetNotice,
    NavAdmin,
    AdminTitle,
    AdminIntro,
    AdminUsers,
    AdminDistricts,
    AdminSteering,
    AdminSettings,
    AdminAudit,
    SearchLabel,
    SearchButton,
    StatusLabel,
    LastSignIn,
    Never,
    StatusActive,
    StatusDeactivated,
    StatusAnonymised,
    StatusInvited,
    Edit,
    NoUsersFound,
    InviteTitle,
    InviteIntro,
    RoleLabel,
    SeatLabel,
    OrganisationLabel,
    ChooseNone,
    InviteButton,
    InvitationSent,
    RolesTitle,
    RolesIntro,
    SaveRoles,
    Saved,
    AccessTitle,
    DeactivateButton,
    ReactivateButton,
    ResendInvitation,
    AnonymiseTitle,
    AnonymiseText,
    AnonymiseConfirm,
    AnonymiseButton,
    BackToUsers,
    DistrictsAdminIntro,
    NewDistrictTitle,
    AddButton,
    RenameButton,
    MoveUp,
    MoveDown,
    RetireButton,
    ReinstateButton,
    StatusRetired,
    SteeringIntro,
    CompositionOk,
    CompositionWarning,
    SeatsFilled,
    SeatsPlanned,
    SettingsIntro,
    TenantNameLabel,
    DefaultLanguageLabel,
    SaveButton,
    TimeZoneLabel,
    AuditIntro,
    PersonFilter,
    ObjectFilter,
    FromFilter,
    ToFilter,
    FilterButton,
    TimeColumn,
    ActionColumn,
    ObjectColumn,
    ChangeColumn,
    AddressColumn,
    SystemActor,
    NoEntries,
    TokensTitle,
    TokensIntro,
    TokenName,
    TokenDays,
    CreateToken,
    TokenCreated,
    TokenCreatedAt,
    TokenLastUsed,
    TokenExpires,
    RevokeToken,
    TokenRevoked,
    NoTokens,
    MyDataTitle,
    MyDataIntro,
    MyDataDownload,
    ContactDistrictsTitle,
    ContactDistrictsIntro,
    SaveDistricts,
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
        Key::NavSignIn => ("Anmelden", "Sign in"),
        Key::NavSignOut => ("Abmelden", "Sign out"),
        Key::NavAccount => ("Mein Konto", "My account"),
        Key::SignedInAs => ("Angemeldet als", "Signed in as"),
        Key::SignInTitle => ("Anmelden", "Sign in"),
        Key::SignInIntro => (
            "Melden Sie sich mit der E-Mail-Adresse und dem Passwort Ihres Kontos an.",
            "Sign in with the email address and password of your account.",
        ),
        Key::EmailLabel => ("E-Mail-Adresse", "Email address"),
        Key::PasswordLabel => ("Passwort", "Password"),
        Key::SignInButton => ("Anmelden", "Sign in"),
        Key::SignInFailed => ("E-Mail-Adresse oder Passwort ist falsch.", "Email address or password is wrong."),
        Key::SignInRequired => {
            ("Bitte melden Sie sich an, um diese Seite zu sehen.", "Please sign in to see this page.")
        }
        Key::ThrottledPrefix => (
            "Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in",
            "Too many failed attempts. Please try again in",
        ),
        Key::ThrottledSuffix => ("Minuten erneut.", "minutes."),
        Key::AccountTitle => ("Mein Konto", "My account"),
        Key::AccountName => ("Name", "Name"),
        Key::AccountRoles => ("Rollen", "Roles"),
        Key::NoRoles => ("Diesem Konto ist noch keine Rolle zugewiesen.", "This account has no role yet."),
        Key::RoleAdmin => ("Verwaltung (Jugendamt)", "Administration (youth office)"),
        Key::RoleSteering => ("Steuerungsgruppe", "Steering group"),
        Key::RoleCarrier => ("Träger", "Carrier"),
        Key::RoleCoordinator => ("Sozialraumkoordination", "Community coordination"),
        Key::RoleDistrictContact => ("Bezirkliche Ansprechperson", "District contact"),
        Key::SeatAdministration => ("Sitz der Verwaltung", "administration seat"),
        Key::SeatCommittee => ("Sitz des Jugendhilfeausschusses", "committee seat"),
        Key::SeatProjectCarrier => ("Sitz des Projektträgers", "project carrier seat"),
        Key::ChangePasswordTitle => ("Passwort ändern", "Change password"),
        Key::ChangePasswordIntro => (
            "Mindestens 10 Zeichen. Nach der Änderung werden Ihre anderen Sitzungen beendet.",
            "At least 10 characters. Changing it ends your other sessions.",
        ),
        Key::CurrentPassword => ("Aktuelles Passwort", "Current password"),
        Key::NewPassword => ("Neues Passwort", "New password"),
        Key::ConfirmPassword => ("Neues Passwort wiederholen", "Repeat new password"),
        Key::SavePassword => ("Passwort ändern", "Change password"),
        Key::PasswordChanged => (
            "Ihr Passwort wurde geändert. Andere Sitzungen wurden beendet.",
            "Your password has been changed. Other sessions have been ended.",
        ),
        Key::SessionsTitle => ("Angemeldete Geräte", "Signed-in devices"),
        Key::SessionsIntro => (
            "Hier sehen Sie, wo Ihr Konto angemeldet ist. Beenden Sie Sitzungen, die Sie nicht kennen.",
            "These are the places where your account is signed in. End any session you do not recognise.",
        ),
        Key::SessionDevice => ("Gerät", "Device"),
        Key::SessionAddress => ("Adresse", "Address"),
        Key::SessionSince => ("Angemeldet seit", "Signed in since"),
        Key::SessionLastSeen => ("Zuletzt aktiv", "Last active"),
        Key::ThisSession => ("Diese Sitzung", "This session"),
        Key::EndSession => ("Beenden", "End"),
        Key::UnknownDevice => ("Unbekanntes Gerät", "Unknown device"),
        Key::ErrRequired => ("Bitte füllen Sie dieses Feld aus.", "Please fill in this field."),
        Key::ErrTooShort => ("Das ist zu kurz.", "This is too short."),
        Key::ErrTooLong => ("Das ist zu lang.", "This is too long."),
        Key::ErrMalformed => ("Das hat nicht die erwartete Form.", "This is not in the expected form."),
        Key::ErrMismatch => ("Die beiden Eingaben stimmen nicht überein.", "The two entries do not match."),
        Key::ErrWrongPassword => ("Das aktuelle Passwort stimmt nicht.", "The current password is not correct."),
        Key::ForbiddenTitle => ("Kein Zugriff", "No access"),
        Key::ForbiddenText => (
            "Ihre Rollen erlauben diese Seite nicht. Wenden Sie sich an die Verwaltung, wenn Sie Zugriff brauchen.",
            "Your roles do not allow this page. Ask the administration if you need access.",
        ),
        Key::Saving => ("Wird gespeichert …", "Saving …"),
        Key::ErrTaken => ("Das ist bereits vergeben.", "This is already in use."),
        Key::ErrLinkUnusable => (
            "Dieser Link ist abgelaufen oder wurde schon benutzt. Bitte fordern Sie einen neuen an.",
            "This link has expired or was used already. Please ask for a new one.",
        ),
        Key::ForgotPasswordLink => ("Passwort vergessen?", "Forgot your password?"),
        Key::ForgotPasswordTitle => ("Passwort vergessen", "Forgot your password"),
        Key::ForgotPasswordIntro => (
            "Geben Sie die E-Mail-Adresse Ihres Kontos an. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort festlegen (60 Minuten gültig).",
            "Enter the email address of your account. We will send you a link to set a new password (valid for 60 minutes).",
        ),
        Key::SendResetLink => ("Link senden", "Send link"),
        Key::ResetLinkSent => (
            "Wenn es ein Konto mit dieser Adresse gibt, ist der Link unterwegs. Schauen Sie in Ihr Postfach.",
            "If there is an account with this address, the link is on its way. Please check your inbox.",
        ),
        Key::SetPasswordTitle => ("Passwort festlegen", "Set your password"),
        Key::SetPasswordIntro => (
            "Wählen Sie ein Passwort mit mindestens 10 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.",
            "Choose a password of at least 10 characters. A sentence of several words is easy to remember and hard to guess.",
        ),
        Key::SetPasswordButton => ("Passwort festlegen", "Set password"),
        Key::PasswordSetNotice => (
            "Ihr Passwort ist festgelegt. Sie können sich jetzt anmelden.",
            "Your password is set. You can sign in now.",
        ),
        Key::NavAdmin => ("Verwaltung", "Administration"),
        Key::AdminTitle => ("Verwaltung", "Administration"),
        Key::AdminIntro => (
            "Konten und Rollen, Stadträume, die Steuerungsgruppe, Einstellungen und das Protokoll aller Änderungen.",
            "Accounts and roles, districts, the steering group, settings and the log of all changes.",
        ),
        Key::AdminUsers => ("Personen und Rollen", "People and roles"),
        Key::AdminDistricts => ("Stadträume verwalten", "Manage districts"),
        Key::AdminSteering => ("Steuerungsgruppe", "Steering group"),
        Key::AdminSettings => ("Einstellungen", "Settings"),
        Key::AdminAudit => ("Protokoll", "Audit log"),
        Key::SearchLabel => ("Suche nach Name oder E-Mail", "Search by name or email"),
        Key::SearchButton => ("Suchen", "Search"),
        Key::StatusLabel => ("Status", "Status"),
        Key::LastSignIn => ("Letzte Anmeldung", "Last sign-in"),
        Key::Never => ("nie", "never"),
        Key::StatusActive => ("aktiv", "active"),
        Key::StatusDeactivated => ("deaktiviert", "deactivated"),
        Key::StatusAnonymised => ("anonymisiert", "anonymised"),
        Key::StatusInvited => ("eingeladen", "invited"),
        Key::Edit => ("Bearbeiten", "Edit"),
        Key::NoUsersFound => ("Keine Personen gefunden.", "No people found."),
        Key::InviteTitle => ("Person einladen", "Invite a person"),
        Key::InviteIntro => (
            "Die Person erhält eine E-Mail mit einem Link, um ihr Passwort festzulegen (7 Tage gültig).",
            "The person receives an email with a link to set their password (valid for 7 days).",
        ),
        Key::RoleLabel => ("Rolle", "Role"),
        Key::SeatLabel => ("Sitz in der Steuerungsgruppe", "Seat in the steering group"),
        Key::OrganisationLabel => ("Trägerorganisation", "Carrier organisation"),
        Key::ChooseNone => ("— keine —", "— none —"),
        Key::InviteButton => ("Einladung senden", "Send invitation"),
        Key::InvitationSent => ("Die Einladung ist verschickt.", "The invitation has been sent."),
        Key::RolesTitle => ("Rollen", "Roles"),
        Key::RolesIntro => (
            "Nach einer Änderung meldet sich die Person mit den neuen Rollen neu an.",
            "After a change, the person signs in again with the new roles.",
        ),
        Key::SaveRoles => ("Rollen speichern", "Save roles"),
        Key::Saved => ("Gespeichert.", "Saved."),
        Key::AccessTitle => ("Zugang", "Access"),
        Key::DeactivateButton => ("Deaktivieren", "Deactivate"),
        Key::ReactivateButton => ("Wieder aktivieren", "Reactivate"),
        Key::ResendInvitation => ("Einladung erneut senden", "Send the invitation again"),
        Key::AnonymiseTitle => ("Anonymisieren (DSGVO)", "Anonymise (GDPR)"),
        Key::AnonymiseText => (
            "Entfernt Name, E-Mail-Adresse, Rollen und alle Zugänge endgültig. Das Protokoll bleibt erhalten und zeigt danach ein namenloses Konto.",
            "Removes name, email address, roles and all access for good. The audit log stays and then shows a nameless account.",
        ),
        Key::AnonymiseConfirm => ("Ja, diese Person endgültig anonymisieren", "Yes, anonymise this person for good"),
        Key::AnonymiseButton => ("Anonymisieren", "Anonymise"),
        Key::BackToUsers => ("Zurück zur Liste", "Back to the list"),
        Key::DistrictsAdminIntro => (
            "Reihenfolge, Namen und Art der Stadträume. Stillgelegte Räume bleiben für die Geschichte erhalten, erscheinen aber nicht mehr in Listen und neuen Aufrufen.",
            "Order, names and type of the districts. Retired districts stay for the record but no longer appear in lists and new calls.",
        ),
        Key::NewDistrictTitle => ("Neuer Stadtraum", "New district"),
        Key::AddButton => ("Hinzufügen", "Add"),
        Key::RenameButton => ("Umbenennen", "Rename"),
        Key::MoveUp => ("Nach oben", "Move up"),
        Key::MoveDown => ("Nach unten", "Move down"),
        Key::RetireButton => ("Stilllegen", "Retire"),
        Key::ReinstateButton => ("Wieder aufnehmen", "Reinstate"),
        Key::StatusRetired => ("stillgelegt", "retired"),
        Key::SteeringIntro => (
            "Laut Beschluss hat die Steuerungsgruppe sieben Sitze: drei benennt die Verwaltung, drei wählt der Jugendhilfeausschuss, einen stellt der Projektträger.",
            "By resolution the steering group has seven seats: three appointed by the administration, three elected by the youth welfare committee, one held by the project carrier.",
        ),
        Key::CompositionOk => (
            "Die Steuerungsgruppe ist wie beschlossen besetzt (3/3/1).",
            "The steering group is composed as resolved (3/3/1).",
        ),
        Key::CompositionWarning => (
            "Achtung: Die Steuerungsgruppe ist nicht wie beschlossen besetzt (vorgesehen: 3 Verwaltung, 3 Jugendhilfeausschuss, 1 Projektträger). Ändern Sie die Sitze unter „Personen und Rollen“.",
            "Warning: the steering group is not composed as resolved (3 administration, 3 committee, 1 project carrier). Change seats under “People and roles”.",
        ),
        Key::SeatsFilled => ("besetzt", "filled"),
        Key::SeatsPlanned => ("vorgesehen", "planned"),
        Key::SettingsIntro => {
            ("Name und Standardsprache Ihrer Kommune.", "Your municipality's name and default language.")
        }
        Key::TenantNameLabel => ("Name der Kommune", "Name of the municipality"),
        Key::DefaultLanguageLabel => ("Standardsprache", "Default language"),
        Key::SaveButton => ("Speichern", "Save"),
        Key::TimeZoneLabel => ("Zeitzone", "Time zone"),
        Key::AuditIntro => (
            "Jede Änderung mit Person, Zeit und Adresse. Die neuesten 200 Einträge passend zum Filter.",
            "Every change with person, time and address. The newest 200 entries matching the filter.",
        ),
        Key::PersonFilter => ("Person (Name oder E-Mail)", "Person (name or email)"),
        Key::ObjectFilter => ("Objekt (Art oder Kennung)", "Object (type or id)"),
        Key::FromFilter => ("Von (Datum)", "From (date)"),
        Key::ToFilter => ("Bis (Datum)", "To (date)"),
        Key::FilterButton => ("Filtern", "Filter"),
        Key::TimeColumn => ("Zeit", "Time"),
        Key::ActionColumn => ("Aktion", "Action"),
        Key::ObjectColumn => ("Objekt", "Object"),
        Key::ChangeColumn => ("Änderung", "Change"),
        Key::AddressColumn => ("Adresse", "Address"),
        Key::SystemActor => ("System", "System"),
        Key::NoEntries => ("Keine Einträge.", "No entries."),
        Key::TokensTitle => ("API-Zugänge", "API tokens"),
        Key::TokensIntro => (
            "Persönliche Schlüssel für Skripte und Fachverfahren, die die Programmierschnittstelle (/api/v1) nutzen. Ein Schlüssel handelt mit Ihren Rechten; widerrufen Sie ihn, sobald er nicht mehr gebraucht wird.",
            "Personal keys for scripts and systems using the programming interface (/api/v1). A key acts with your rights; revoke it as soon as it is no longer needed.",
        ),
        Key::TokenName => ("Wofür ist der Schlüssel?", "What is the key for?"),
        Key::TokenDays => ("Gültig für Tage (1–365)", "Valid for days (1–365)"),
        Key::CreateToken => ("Schlüssel erzeugen", "Create key"),
        Key::TokenCreated => (
            "Ihr neuer Schlüssel – er wird nur jetzt angezeigt. Kopieren Sie ihn an einen sicheren Ort:",
            "Your new key – it is shown only now. Copy it to a safe place:",
        ),
        Key::TokenCreatedAt => ("Erzeugt", "Created"),
        Key::TokenLastUsed => ("Zuletzt benutzt", "Last used"),
        Key::TokenExpires => ("Gültig bis", "Valid until"),
        Key::RevokeToken => ("Widerrufen", "Revoke"),
        Key::TokenRevoked => ("widerrufen", "revoked"),
        Key::NoTokens => ("Sie haben keine API-Zugänge.", "You have no API tokens."),
        Key::MyDataTitle => ("Meine Daten", "My data"),
        Key::MyDataIntro => (
            "Laden Sie alle personenbezogenen Daten, die Spielraum über Sie speichert, als JSON-Datei herunter (DSGVO Art. 15 und 20).",
            "Download all personal data Spielraum keeps about you as a JSON file (GDPR Art. 15 and 20).",
        ),
        Key::MyDataDownload => ("Meine Daten herunterladen (JSON)", "Download my data (JSON)"),
        Key::ContactDistrictsTitle => ("Zuständige Stadträume", "Districts responsible for"),
        Key::ContactDistrictsIntro => (
            "Für welche Stadträume ist diese bezirkliche Ansprechperson zuständig (Arbeitsauftrag §5e)?",
            "Which districts is this district contact responsible for (work order §5e)?",
        ),
        Key::SaveDistricts => ("Stadträume speichern", "Save districts"),
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
    fn every_key_has_distinct_non_empty_texts_where_languages_differ() {
        // Spot check: a copy-paste of the German text into the English slot would go unnoticed otherwise.
        for key in [Key::SkipToContent, Key::NotFoundTitle, Key::DistrictsTitle, Key::Loading] {
            assert!(!text(Locale::De, key).is_empty());
            assert_ne!(text(Locale::De, key), text(Locale::En, key), "{key:?}");
        }
    }
}
