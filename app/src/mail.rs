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

/// A message ready to send.
#[derive(Debug, Clone)]
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
