//! Files attached to reports and exchange posts, as their readers see them: name, type, size and when.
//! (Bids keep their own attachments, tied to the call's file questions: `crate::bid::AttachmentRef`.)

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    Report,
    ExchangePost,
    /// A meeting of the steering group (its papers).
    Meeting,
}

impl Owner {
    pub fn as_str(self) -> &'static str {
        match self {
            Owner::Report => "report",
            Owner::ExchangePost => "exchange_post",
            Owner::Meeting => "meeting",
        }
    }
}

/// An attached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FileRef {
    pub id: Uuid,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: u64,
    /// Hex SHA-256 of the file.
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
}

/// Files per report or post.
pub const MAX_FILES: usize = 20;
