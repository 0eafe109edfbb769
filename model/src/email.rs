//! Email addresses as accounts use them: trimmed, lower-cased (so `Anna@Traeger.de` and `anna@traeger.de` are
//! one account), and plausibly deliverable. Full RFC 5322 is not the goal; catching typos is.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("an email address is needed")]
    Empty,
    #[error("an email address has at most 254 characters")]
    TooLong,
    #[error("this is not an email address (name@example.org)")]
    Malformed,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = "email"))]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let text = input.trim().to_lowercase();
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = text.rsplit_once('@').ok_or(EmailError::Malformed)?;
        let plausible_domain = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let plausible_local = !local.is_empty()
            && local.len() <= 64
            && !local.chars().any(|c| c.is_whitespace() || c == '@' || c.is_control());
        if !(plausible_domain && plausible_local) {
            return Err(EmailError::Malformed);
        }
        Ok(Email(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> Self {
        email.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_space() {
        assert_eq!(
            Email::parse("  Anna.Berg@Traeger-Eins.DE ").map(String::from),
            Ok("anna.berg@traeger-eins.de".into())
        );
        assert!(Email::parse("steuerung1@dresden.demo").is_ok());
    }

    #[test]
    fn rejects_typos() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@traeger.de",
            "anna@traeger",
            "anna@@traeger.de",
            "an na@traeger.de",
            "anna@traeger..de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Email::parse(&format!("{}@x.de", "a".repeat(260))), Err(EmailError::TooLong));
    }
}
