//! Carrier organisations (Träger, SPEC §3A.2): the profile a carrier fills in when it registers.
//!
//! [`ProfileInput`] is what the form sends; [`ProfileInput::check`] turns it into an [`OrganisationProfile`] or
//! names the first field that is wrong, so the page can put the message next to it.

use crate::Email;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The profile as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileInput {
    pub name: String,
    /// e.g. "e. V.", "gGmbH".
    pub legal_form: String,
    /// Register court and number, e.g. "VR 1234, Amtsgericht Dresden".
    pub register_number: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// Recognised carrier of free youth welfare (§ 75 SGB VIII).
    pub recognised: bool,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
}

/// A checked profile: every field trimmed, required ones present, the postcode five digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationProfile {
    pub name: String,
    pub legal_form: String,
    pub register_number: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub recognised: bool,
    pub contact_name: String,
    pub contact_email: Email,
    pub contact_phone: String,
}

/// What is wrong with a profile, and in which field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("{0} is required")]
    Missing(&'static str),
    #[error("{0} is too long")]
    TooLong(&'static str),
    #[error("{0} is not valid")]
    Malformed(&'static str),
}

impl ProfileError {
    pub fn field(self) -> &'static str {
        match self {
            ProfileError::Missing(field) | ProfileError::TooLong(field) | ProfileError::Malformed(field) => field,
        }
    }
}

fn text(value: &str, field: &'static str, max: usize, required: bool) -> Result<String, ProfileError> {
    let value = value.trim();
    if required && value.is_empty() {
        Err(ProfileError::Missing(field))
    } else if value.chars().count() > max {
        Err(ProfileError::TooLong(field))
    } else {
        Ok(value.to_owned())
    }
}

impl ProfileInput {
    pub fn check(&self) -> Result<OrganisationProfile, ProfileError> {
        let postcode = text(&self.postcode, "postcode", 10, true)?;
        if postcode.len() != 5 || !postcode.chars().all(|c| c.is_ascii_digit()) {
            return Err(ProfileError::Malformed("postcode"));
        }
        let contact_email = text(&self.contact_email, "contact_email", 254, true)?;
        Ok(OrganisationProfile {
            name: text(&self.name, "organisation_name", 200, true)?,
            legal_form: text(&self.legal_form, "legal_form", 100, true)?,
            register_number: text(&self.register_number, "register_number", 100, false)?,
            street: text(&self.street, "street", 200, true)?,
            postcode,
            city: text(&self.city, "city", 100, true)?,
            recognised: self.recognised,
            contact_name: text(&self.contact_name, "contact_name", 200, true)?,
            contact_email: Email::parse(&contact_email).map_err(|_| ProfileError::Malformed("contact_email"))?,
            contact_phone: text(&self.contact_phone, "contact_phone", 50, false)?,
        })
    }
}

/// An organisation as its members, administrators and the API see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    pub id: Uuid,
    pub profile: ProfileInput,
    /// When an administrator of the tenant checked the organisation.
    pub verified_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            name: " Jugendhilfe Nord e. V. ".into(),
            legal_form: "e. V.".into(),
            register_number: "VR 1234".into(),
            street: "Hauptstraße 1".into(),
            postcode: "01067".into(),
            city: "Dresden".into(),
            recognised: true,
            contact_name: "Erika Muster".into(),
            contact_email: "erika@example.org".into(),
            contact_phone: String::new(),
        }
    }

    #[test]
    fn a_complete_profile_is_trimmed() {
        let profile = input().check().expect("valid");
        assert_eq!(profile.name, "Jugendhilfe Nord e. V.");
        assert_eq!(profile.contact_email.as_str(), "erika@example.org");
    }

    #[test]
    fn each_problem_names_its_field() {
        let missing = ProfileInput { city: " ".into(), ..input() };
        assert_eq!(missing.check(), Err(ProfileError::Missing("city")));
        let postcode = ProfileInput { postcode: "1067".into(), ..input() };
        assert_eq!(postcode.check(), Err(ProfileError::Malformed("postcode")));
        let email = ProfileInput { contact_email: "erika".into(), ..input() };
        assert_eq!(email.check().map_err(ProfileError::field), Err("contact_email"));
        let long = ProfileInput { name: "x".repeat(201), ..input() };
        assert_eq!(long.check(), Err(ProfileError::TooLong("organisation_name")));
        let no_register = ProfileInput { register_number: String::new(), ..input() };
        assert!(no_register.check().is_ok());
    }
}
