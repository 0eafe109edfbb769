//! Outgoing email (server only): invitations and password resets.
//!
//! Production sends through SMTP (`SPIELRAUM_SMTP_URL`); demo and tests write each message as an `.eml` file
//! into an outbox directory, which tests read. Messages are German first, then English, because the
//! recipient may not have chosen a language yet.

use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address {0}")]
    Address(String),
    #[error("could not build the message: {0}")]
    Build(String),
    #[error("could not send the message: {0}")]
    Send(String),
}

#[derive(Clone)]
enum Transport {
    Smtp(Arc<AsyncSmtpTransport<Tokio1Executor>>),
    Outbox(Arc<AsyncFileTransport<Tokio1Executor>>, PathBuf),
}

/// Sends email one way or the other; cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.transport {
            Transport::Smtp(_) => "smtp".to_owned(),
            Transport::Outbox(_, dir) => format!("outbox {}", dir.display()),
        };
        f.debug_struct("Mailer").field("transport", &kind).field("from", &self.from.to_string()).finish()
    }
}

/// A message ready to send (also stored in the job queue until it is sent).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

impl Mailer {
    /// SMTP from a URL such as `smtps://user:password@mail.example.org:465`.
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailError> {
        let transport =
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| MailError::Build(e.to_string()))?.build();
        Ok(Mailer { transport: Transport::Smtp(Arc::new(transport)), from: mailbox(from)? })
    }

    /// Writes messages as `.eml` files into `dir` (created if missing).
    pub fn outbox(dir: PathBuf, from: &str) -> Result<Self, MailError> {
        std::fs::create_dir_all(&dir).map_err(|e| MailError::Build(format!("outbox {}: {e}", dir.display())))?;
        let transport = AsyncFileTransport::<Tokio1Executor>::new(&dir);
        Ok(Mailer { transport: Transport::Outbox(Arc::new(transport), dir), from: mailbox(from)? })
    }

    pub async fn send(&self, mail: Mail) -> Result<(), MailError> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(mailbox(&mail.to)?)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| MailError::Send(e.to_string())),
            Transport::Outbox(outbox, _) => {
                outbox.send(message).await.map(|_| ()).map_err(|e| MailError::Send(e.to_string()))
            }
        }
    }
}

fn mailbox(address: &str) -> Result<Mailbox, MailError> {
    address.parse().map_err(|_| MailError::Address(address.to_owned()))
}

/// The invitation to a new account.
pub fn invitation(to: &str, name: &str, tenant_name: &str, link: &str, days: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Einladung zu Spielraum – {tenant_name} / Invitation to Spielraum"),
        body: format!(
            "Guten Tag {name},\n\n\
             für Sie wurde ein Konto bei Spielraum ({tenant_name}) angelegt. Legen Sie über diesen Link Ihr \
             Passwort fest (gültig {days} Tage, nur einmal verwendbar):\n\n{link}\n\n\
             Wenn Sie diese Einladung nicht erwartet haben, können Sie die Nachricht ignorieren.\n\n\
             ---\n\nHello {name},\n\n\
             an account has been created for you at Spielraum ({tenant_name}). Set your password with this link \
             (valid for {days} days, single use):\n\n{link}\n\n\
             If you did not expect this invitation, you can ignore this message.\n"
        ),
    }
}

/// The link to reset a forgotten password.
pub fn password_reset(to: &str, name: &str, tenant_name: &str, link: &str, minutes: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Passwort zurücksetzen – {tenant_name} / Reset your password"),
        body: format!(
            "Guten Tag {name},\n\n\
             jemand (hoffentlich Sie) möchte das Passwort Ihres Spielraum-Kontos ({tenant_name}) zurücksetzen. \
             Dieser Link ist {minutes} Minuten gültig und nur einmal verwendbar:\n\n{link}\n\n\
             Wenn Sie das nicht waren, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.\n\n\
             ---\n\nHello {name},\n\n\
             someone (hopefully you) asked to reset the password of your Spielraum account ({tenant_name}). This \
             link is valid for {minutes} minutes and works once:\n\n{link}\n\n\
             If this was not you, ignore this message; your password stays as it is.\n"
        ),
    }
}

fn berlin(at: chrono::DateTime<chrono::Utc>) -> (String, String) {
    use model::Locale;
    use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
    (format_date_time(at, Locale::De, DEFAULT_TIME_ZONE), format_date_time(at, Locale::En, DEFAULT_TIME_ZONE))
}

/// The link that confirms a self-registered carrier's email address.
pub fn email_confirmation(to: &str, name: &str, tenant_name: &str, link: &str, days: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("E-Mail-Adresse bestätigen – {tenant_name} / Confirm your email address"),
        body: format!(
            "Guten Tag {name},\n\n\
             Sie haben Ihre Organisation bei Spielraum ({tenant_name}) registriert. Bitte bestätigen Sie Ihre \
             E-Mail-Adresse über diesen Link (gültig {days} Tage, nur einmal verwendbar):\n\n{link}\n\n\
             Wenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht.\n\n\
             ---\n\nHello {name},\n\n\
             you registered your organisation at Spielraum ({tenant_name}). Please confirm your email address \
             with this link (valid for {days} days, single use):\n\n{link}\n\n\
             If you did not register, ignore this message.\n"
        ),
    }
}

/// Someone tried to register an address that already has an account.
pub fn already_registered(to: &str, name: &str, tenant_name: &str, reset_link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Ihr Konto bei Spielraum – {tenant_name} / Your Spielraum account"),
        body: format!(
            "Guten Tag {name},\n\n\
             mit Ihrer E-Mail-Adresse wurde gerade versucht, eine Organisation bei Spielraum ({tenant_name}) zu \
             registrieren. Sie haben dort bereits ein Konto. Falls Sie Ihr Passwort vergessen haben, setzen Sie es \
             hier zurück:\n\n{reset_link}\n\n\
             Wenn Sie das nicht waren, ignorieren Sie diese Nachricht.\n\n\
             ---\n\nHello {name},\n\n\
             someone just tried to register an organisation at Spielraum ({tenant_name}) with your email address. \
             You already have an account there. If you forgot your password, reset it here:\n\n{reset_link}\n\n\
             If this was not you, ignore this message.\n"
        ),
    }
}

/// A call for expressions of interest was published.
pub fn call_published(
    to: &str,
    tenant_name: &str,
    title: &str,
    closes_at: chrono::DateTime<chrono::Utc>,
    link: &str,
) -> Mail {
    let (de, en) = berlin(closes_at);
    Mail {
        to: to.to_owned(),
        subject: format!("Neuer Aufruf: {title} / New call"),
        body: format!(
            "{tenant_name} hat einen Aufruf zur Interessenbekundung veröffentlicht: {title}.\n\
             Interessenbekundungen sind bis {de} möglich.\n\n{link}\n\n---\n\n\
             {tenant_name} published a call for expressions of interest: {title}.\n\
             Bids are accepted until {en}.\n\n{link}\n"
        ),
    }
}

/// The deadline of a call is near and the organisation has a draft that is not submitted.
pub fn deadline_reminder(
    to: &str,
    title: &str,
    closes_at: chrono::DateTime<chrono::Utc>,
    days: i64,
    link: &str,
) -> Mail {
    let (de, en) = berlin(closes_at);
    let (tage, day_word) = if days == 1 { ("einem Tag", "one day") } else { ("7 Tagen", "7 days") };
    Mail {
        to: to.to_owned(),
        subject: format!("Frist endet in {tage}: {title} / Deadline in {day_word}"),
        body: format!(
            "Ihre Organisation hat für den Aufruf „{title}“ einen Entwurf, der noch nicht eingereicht ist. \
             Die Frist endet am {de}.\n\n{link}\n\n---\n\n\
             Your organisation has a draft for the call \"{title}\" that is not submitted yet. The deadline is \
             {en}.\n\n{link}\n"
        ),
    }
}

/// The call closed; bids are frozen.
pub fn call_closed(to: &str, title: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: format!("Aufruf geschlossen: {title} / Call closed"),
        body: format!(
            "Die Frist des Aufrufs „{title}“ ist abgelaufen. Eingereichte Interessenbekundungen können nicht \
             mehr geändert werden.\n\n{link}\n\n---\n\n\
             The deadline of the call \"{title}\" has passed. Submitted bids can no longer change.\n\n{link}\n"
        ),
    }
}

/// The committee's decision on a bid.
pub fn decision(to: &str, title: &str, lot: &str, awarded: bool, link: &str) -> Mail {
    let (de, en) = if awarded {
        (
            "Der Jugendhilfeausschuss hat Ihrer Interessenbekundung den Zuschlag erteilt.",
            "The youth welfare committee has awarded your bid.",
        )
    } else {
        (
            "Der Jugendhilfeausschuss hat Ihrer Interessenbekundung keinen Zuschlag erteilt. Ihre Bewertung je Kriterium \
             und die Begründung der Steuerungsgruppe finden Sie im Portal.",
            "The youth welfare committee has not awarded your bid. Your scores per criterion and the steering group's \
             reasoning are in the portal.",
        )
    };
    Mail {
        to: to.to_owned(),
        subject: format!("Entscheidung: {title} – {lot} / Decision"),
        body: format!("{de}\n\n„{title}“, {lot}\n\n{link}\n\n---\n\n{en}\n\n\"{title}\", {lot}\n\n{link}\n"),
    }
}

/// The receipt of a submitted bid version.
pub fn bid_receipt(
    to: &str,
    title: &str,
    lot: &str,
    number: i32,
    submitted_at: chrono::DateTime<chrono::Utc>,
    hash: &str,
    link: &str,
) -> Mail {
    let (de, en) = berlin(submitted_at);
    Mail {
        to: to.to_owned(),
        subject: format!("Eingangsbestätigung: {title} – {lot} / Receipt"),
        body: format!(
            "Ihre Interessenbekundung ist eingegangen.\n\n\
             Aufruf: {title}\nLos: {lot}\nFassung: {number}\nEingang: {de}\nPrüfsumme (SHA-256): {hash}\n\n{link}\n\n\
             ---\n\nYour bid has been received.\n\n\
             Call: {title}\nLot: {lot}\nVersion: {number}\nReceived: {en}\nChecksum (SHA-256): {hash}\n\n{link}\n"
        ),
    }
}
