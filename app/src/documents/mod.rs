//! Documents for the committee (issue 12: the decision proposal; the yearly report and the resolutions
//! register will follow): one neutral description of a document — headings, paragraphs, facts and tables —
//! that a page renders as printable HTML ([`crate::pages::documents`]) and [`pdf`] typesets as an A4 PDF. Both
//! are made from the same [`Document`], so the paper in the committee's folder and the page on screen never
//! disagree, and every new document is a builder that returns one (no layout code of its own).

use crate::AppError;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg(feature = "ssr")]
pub mod committee_report;
#[cfg(feature = "ssr")]
pub mod decision_proposal;
pub mod html;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
pub mod resolutions;

/// A document: who issues it, what kind it is, its title, the facts in its head, and its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The language tag of the text (`de`, `en`), for the page's and the PDF's metadata.
    pub language: String,
    /// Who issues it, e.g. "Landeshauptstadt Dresden – Jugendhilfeausschuss".
    pub issuer: String,
    /// The kind, e.g. "Beschlussvorlage".
    pub kind: String,
    pub title: String,
    /// Label and value pairs under the title (the call, the deadline, the date of the document).
    pub facts: Vec<(String, String)>,
    pub blocks: Vec<Block>,
    /// The footer line of every page, before the page numbers.
    pub footer: String,
    /// "Seite" / "Page" and "von" / "of", for "Seite 2 von 5".
    pub page_word: String,
    pub of_word: String,
}

/// One block of a document's body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A section heading (level 2 on the page; the title is level 1).
    Heading(String),
    /// A heading within a section (level 3).
    Subheading(String),
    Paragraph(String),
    /// Label and value pairs.
    Facts(Vec<(String, String)>),
    Table(Table),
}

/// A table whose rows may break across pages; the header row repeats on every page it spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Read out before the table (the HTML caption); empty for none.
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// A closing row in bold (a total), if any.
    pub total: Option<Vec<String>>,
}

/// A table column: its heading, its share of the width, and whether it holds figures (set right-aligned).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub title: String,
    pub width: u16,
    pub numeric: bool,
}

impl Column {
    pub fn text(title: impl Into<String>, width: u16) -> Self {
        Column { title: title.into(), width, numeric: false }
    }

    pub fn figure(title: impl Into<String>, width: u16) -> Self {
        Column { title: title.into(), width, numeric: true }
    }
}

#[cfg(feature = "ssr")]
pub mod ops {
    use super::*;
    use crate::actor::Actor;
    use chrono::{DateTime, Utc};
    use model::Locale;

    /// A closed call's decision proposal, for whoever may see its ranking; lots hidden from the caller
    /// (recused, own sheets open) are named but not shown, exactly as on the ranking page.
    pub async fn decision_proposal(
        actor: &Actor,
        call: Uuid,
        locale: Locale,
        now: DateTime<Utc>,
    ) -> Result<Document, AppError> {
        let view = crate::evaluation::ops::ranking(actor, call, now).await?;
        let context = decision_proposal::Context {
            tenant_name: &actor.tenant.view().name,
            locale,
            zone: model::datetime::DEFAULT_TIME_ZONE,
            at: now,
        };
        Ok(decision_proposal::build(&view, &context))
    }

    /// The same, typeset as PDF.
    pub async fn decision_proposal_pdf(
        actor: &Actor,
        call: Uuid,
        locale: Locale,
        now: DateTime<Utc>,
    ) -> Result<Vec<u8>, AppError> {
        let document = decision_proposal(actor, call, locale, now).await?;
        pdf::render(&document, now).map_err(AppError::internal)
    }
}

/// The decision proposal of a closed call, for the printable page.
#[leptos::server(prefix = "/fn", endpoint = "decision_proposal")]
pub async fn decision_proposal(call: Uuid) -> Result<Document, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ReadBids).await?;
            let locale = leptos::prelude::use_context::<http::request::Parts>()
                .and_then(|parts| parts.extensions.get::<model::Locale>().copied())
                .unwrap_or_default();
            ops::decision_proposal(&actor, call, locale, chrono::Utc::now()).await
        }
        .await,
    )
}
