//! In-app notifications: what the notifications page lists, and its server functions. The messages are
//! written by the job queue (`crate::notify`).

use crate::AppError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The kinds of in-app message; each has its sentence in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    CallPublished,
    DeadlineSoon,
    CallClosed,
    BidReceipt,
    /// The committee decided on the organisation's bid.
    Decision,
    /// A post's report is due in a week and not submitted (to its coordinators).
    ReportDueSoon,
    /// A post's report is due today and not submitted (to its coordinators).
    ReportDueToday,
    /// A post's report is overdue (to its coordinators and the post's carrier).
    ReportOverdue,
    /// A commission of the steering group is due in a week (to its assignees).
    CommissionDueSoon,
    /// A commission is due today.
    CommissionDueToday,
    /// A commission is overdue (to its assignees and the project-carrier seat).
    CommissionOverdue,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CallPublished => "call_published",
            Kind::DeadlineSoon => "deadline_soon",
            Kind::CallClosed => "call_closed",
            Kind::BidReceipt => "bid_receipt",
            Kind::Decision => "decision",
            Kind::ReportDueSoon => "report_due_soon",
            Kind::ReportDueToday => "report_due_today",
            Kind::ReportOverdue => "report_overdue",
            Kind::CommissionDueSoon => "commission_due_soon",
            Kind::CommissionDueToday => "commission_due_today",
            Kind::CommissionOverdue => "commission_overdue",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Kind::CallPublished,
            Kind::DeadlineSoon,
            Kind::CallClosed,
            Kind::BidReceipt,
            Kind::Decision,
            Kind::ReportDueSoon,
            Kind::ReportDueToday,
            Kind::ReportOverdue,
            Kind::CommissionDueSoon,
            Kind::CommissionDueToday,
            Kind::CommissionOverdue,
        ]
        .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// What a message names: the call (and lot), and the deadline or the receipt's time and hash; for a report,
/// its district and period (in `call_title`, the message's title) and its deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    pub call_title: String,
    #[serde(default)]
    pub lot_title: Option<String>,
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub content_hash: Option<String>,
}

/// A message as the notifications page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub id: Uuid,
    pub kind: Kind,
    pub params: Params,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// The caller's newest messages.
#[leptos::server(prefix = "/fn", endpoint = "my_notifications")]
pub async fn my_notifications() -> Result<Vec<Notice>, AppError> {
    let actor = crate::actor::Actor::signed_in().await?;
    Ok(crate::notify::of_user(&actor.server.db, actor.caller().user_id).await?)
}

/// Marks all of the caller's messages read.
#[leptos::server(prefix = "/fn", endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let actor = crate::actor::Actor::signed_in().await?;
    Ok(crate::notify::mark_read(&actor.server.db, actor.caller().user_id, Utc::now()).await?)
}
