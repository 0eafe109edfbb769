//! Outgoing email (server only): invitations and password resets.
//!
//! Production sends through SMTP (`SPIELRAUM_SMTP_URL`); demo and tests write each message as an `.eml` file
//! into an outbox directory, which tests read. Messages are German first, then English, because the
//! recipient may not have chosen a language yet; their texts are in the catalogue (`locales/*/mail.ftl`).

use crate::i18n::{Key, msg, text};
use lettre::message::{Attachment, Mailbox, Message, MultiPart, SinglePart, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use model::Locale;
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
    /// An iCalendar invitation (`text/calendar; method=REQUEST`) sent beside the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
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
        let builder = Message::builder().from(self.from.clone()).to(mailbox(&mail.to)?).subject(mail.subject);
        let message = match mail.calendar {
            None => builder.header(ContentType::TEXT_PLAIN).body(mail.body),
            Some(calendar) => {
                let calendar_type = ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")
                    .map_err(|e| MailError::Build(e.to_string()))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(mail.body))
                        .singlepart(Attachment::new("einladung.ics".to_owned()).body(calendar, calendar_type)),
                )
            }
        }
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

/// A subject in both languages: `Deutsch / English`.
fn subject(text: impl Fn(Locale) -> String) -> String {
    format!("{} / {}", text(Locale::De), text(Locale::En))
}

/// A body in both languages, German first, divided by a line.
fn body(text: impl Fn(Locale) -> String) -> String {
    format!("{}\n\n---\n\n{}\n", text(Locale::De), text(Locale::En))
}

/// A body that starts with the greeting of `name`.
fn greeted(name: &str, text: impl Fn(Locale) -> String) -> String {
    body(|locale| format!("{}\n\n{}", msg::mail_greeting(locale, msg::MailGreeting { name }), text(locale)))
}

/// A moment as the recipient reads it, in the tenant's zone.
fn when(at: chrono::DateTime<chrono::Utc>, locale: Locale) -> String {
    model::datetime::format_date_time(at, locale, model::datetime::DEFAULT_TIME_ZONE)
}

/// The invitation to a new account.
pub fn invitation(to: &str, name: &str, tenant_name: &str, link: &str, days: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: subject(|l| msg::mail_invitation_subject(l, msg::MailInvitationSubject { tenant: tenant_name })),
        body: greeted(name, |l| {
            msg::mail_invitation_body(l, msg::MailInvitationBody { tenant: tenant_name, days, link })
        }),
        calendar: None,
    }
}

/// The link to reset a forgotten password.
pub fn password_reset(to: &str, name: &str, tenant_name: &str, link: &str, minutes: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: subject(|l| {
            msg::mail_password_reset_subject(l, msg::MailPasswordResetSubject { tenant: tenant_name })
        }),
        body: greeted(name, |l| {
            msg::mail_password_reset_body(l, msg::MailPasswordResetBody { tenant: tenant_name, minutes, link })
        }),
        calendar: None,
    }
}

/// The link that confirms a self-registered carrier's email address.
pub fn email_confirmation(to: &str, name: &str, tenant_name: &str, link: &str, days: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: subject(|l| {
            msg::mail_email_confirmation_subject(l, msg::MailEmailConfirmationSubject { tenant: tenant_name })
        }),
        body: greeted(name, |l| {
            msg::mail_email_confirmation_body(l, msg::MailEmailConfirmationBody { tenant: tenant_name, days, link })
        }),
        calendar: None,
    }
}

/// Someone tried to register an address that already has an account.
pub fn already_registered(to: &str, name: &str, tenant_name: &str, reset_link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: subject(|l| {
            msg::mail_already_registered_subject(l, msg::MailAlreadyRegisteredSubject { tenant: tenant_name })
        }),
        body: greeted(name, |l| {
            msg::mail_already_registered_body(
                l,
                msg::MailAlreadyRegisteredBody { tenant: tenant_name, link: reset_link },
            )
        }),
        calendar: None,
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
    Mail {
        to: to.to_owned(),
        subject: subject(|l| msg::mail_call_published_subject(l, msg::MailCallPublishedSubject { title })),
        body: body(|l| {
            msg::mail_call_published_body(
                l,
                msg::MailCallPublishedBody { tenant: tenant_name, title, closes: &when(closes_at, l), link },
            )
        }),
        calendar: None,
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
    Mail {
        to: to.to_owned(),
        subject: subject(|l| msg::mail_deadline_reminder_subject(l, msg::MailDeadlineReminderSubject { days, title })),
        body: body(|l| {
            msg::mail_deadline_reminder_body(
                l,
                msg::MailDeadlineReminderBody { title, closes: &when(closes_at, l), link },
            )
        }),
        calendar: None,
    }
}

/// Which reminder of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportReminder {
    InAWeek,
    Today,
    Overdue,
}

/// A post's report is due soon, today, or overdue and not submitted. `due` is the last moment it is on time.
pub fn report_reminder(
    to: &str,
    report: &str,
    due: chrono::DateTime<chrono::Utc>,
    which: ReportReminder,
    link: &str,
) -> Mail {
    let subject_of = |l: Locale| match which {
        ReportReminder::InAWeek => msg::mail_report_due_soon_subject(l, msg::MailReportDueSoonSubject { report }),
        ReportReminder::Today => msg::mail_report_due_today_subject(l, msg::MailReportDueTodaySubject { report }),
        ReportReminder::Overdue => msg::mail_report_overdue_subject(l, msg::MailReportOverdueSubject { report }),
    };
    Mail {
        to: to.to_owned(),
        subject: subject(subject_of),
        body: body(|l| {
            let due = &when(due, l);
            match which {
                ReportReminder::Overdue => {
                    msg::mail_report_overdue_body(l, msg::MailReportOverdueBody { report, due, link })
                }
                _ => msg::mail_report_reminder_body(l, msg::MailReportReminderBody { report, due, link }),
            }
        }),
        calendar: None,
    }
}

/// The call closed; bids are frozen.
pub fn call_closed(to: &str, title: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: subject(|l| msg::mail_call_closed_subject(l, msg::MailCallClosedSubject { title })),
        body: body(|l| msg::mail_call_closed_body(l, msg::MailCallClosedBody { title, link })),
        calendar: None,
    }
}

/// The committee's decision on a bid.
pub fn decision(to: &str, title: &str, lot: &str, awarded: bool, link: &str) -> Mail {
    let outcome = if awarded { Key::MailDecisionAwarded } else { Key::MailDecisionNotAwarded };
    Mail {
        to: to.to_owned(),
        subject: subject(|l| msg::mail_decision_subject(l, msg::MailDecisionSubject { title, lot })),
        body: body(|l| {
            msg::mail_decision_body(l, msg::MailDecisionBody { outcome: text(l, outcome), title, lot, link })
        }),
        calendar: None,
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
    let number = number.to_string();
    Mail {
        to: to.to_owned(),
        subject: subject(|l| msg::mail_receipt_subject(l, msg::MailReceiptSubject { title, lot })),
        body: body(|l| {
            msg::mail_receipt_body(
                l,
                msg::MailReceiptBody { title, lot, number: &number, received: &when(submitted_at, l), hash, link },
            )
        }),
        calendar: None,
    }
}

/// The invitation to a meeting of the steering group, with its agenda and the calendar file.
#[allow(clippy::too_many_arguments)]
pub fn meeting_invitation(
    to: &str,
    title: &str,
    starts_at: chrono::DateTime<chrono::Utc>,
    place: &str,
    video_link: &str,
    agenda: &[String],
    link: &str,
    calendar: String,
) -> Mail {
    let place = [place, video_link].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" / ");
    let agenda = agenda.join("\n");
    Mail {
        to: to.to_owned(),
        subject: subject(|l| msg::mail_meeting_subject(l, msg::MailMeetingSubject { title, when: &when(starts_at, l) })),
        body: body(|l| {
            msg::mail_meeting_body(
                l,
                msg::MailMeetingBody { title, when: &when(starts_at, l), place: &place, agenda: &agenda, link },
            )
        }),
        calendar: Some(calendar),
    }
}

/// A commission is due in a week, today, or was due yesterday and is still open.
pub fn commission_reminder(
    to: &str,
    title: &str,
    due: chrono::NaiveDate,
    which: model::steering::commission::CommissionReminder,
    link: &str,
) -> Mail {
    use model::steering::commission::CommissionReminder::*;
    let subject_of = |l: Locale| match which {
        InAWeek => msg::mail_commission_due_soon_subject(l, msg::MailCommissionDueSoonSubject { title }),
        Today => msg::mail_commission_due_today_subject(l, msg::MailCommissionDueTodaySubject { title }),
        Overdue => msg::mail_commission_overdue_subject(l, msg::MailCommissionOverdueSubject { title }),
    };
    Mail {
        to: to.to_owned(),
        subject: subject(subject_of),
        body: body(|l| {
            msg::mail_commission_body(l, msg::MailCommissionBody { title, due: &model::datetime::format_day(due, l), link })
        }),
        calendar: None,
    }
}
