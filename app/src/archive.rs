//! The archive of one lot's bids (server only): after a call has closed, readers download every submitted bid
//! of a lot as one zip file — per bid a folder with the answers as text, the version as JSON (with its hash)
//! and the attachments.

use crate::AppError;
use crate::actor::Actor;
use crate::i18n::{self, Key, msg};
use chrono::{DateTime, Utc};
use model::Locale;
use model::bid::{Answer, SubmittedBid};
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
use std::io::Write as _;
use uuid::Uuid;

/// The bid as plain text (German, the committee's language), its labels from the catalogue.
pub fn bid_text(bid: &SubmittedBid) -> String {
    let locale = Locale::De;
    let head = msg::ArchiveHead {
        call: &bid.summary.call_title,
        lot: &bid.summary.lot_title,
        carrier: &bid.summary.organisation_name,
        version: &bid.version.number.to_string(),
        received: &format_date_time(bid.version.submitted_at, locale, DEFAULT_TIME_ZONE),
        hash: &bid.version.content_hash,
    };
    let mut text = format!("{}\n\n", msg::archive_head(locale, head));
    for answered in &bid.content.answers {
        let answer = match &answered.answer {
            None => "—".to_owned(),
            Some(Answer::Text(t) | Answer::Choice(t)) => t.clone(),
            Some(Answer::Number(n)) => n.to_string(),
            Some(Answer::Money(m)) => m.format(locale),
            Some(Answer::YesNo(yes)) => i18n::text(locale, if *yes { Key::Yes } else { Key::No }).to_owned(),
            Some(Answer::Files(ids)) => bid
                .content
                .attachments
                .iter()
                .filter(|a| ids.contains(&a.id))
                .map(|a| a.file_name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        };
        text.push_str(&format!("{}\n{}\n\n", answered.label, answer));
    }
    text.push_str(&format!("{}\n", i18n::text(locale, Key::ArchiveAmounts)));
    for year in &bid.content.amounts {
        text.push_str(&format!("  {}: {}\n", year.year, year.amount.format(locale)));
    }
    let total = bid.content.total().format(locale);
    text.push_str(&format!("  {}\n", msg::archive_total(locale, msg::ArchiveTotal { total: &total })));
    let fte = bid.content.fte.format(locale);
    text.push_str(&format!("{}\n", msg::archive_fte(locale, msg::ArchiveFte { fte: &fte })));
    if !bid.content.attachments.is_empty() {
        text.push_str(&format!("\n{}\n", i18n::text(locale, Key::ArchiveAttachments)));
        for a in &bid.content.attachments {
            let bytes = a.size_bytes.to_string();
            let line = msg::ArchiveAttachment { name: &a.file_name, bytes: &bytes, hash: &a.sha256 };
            text.push_str(&format!("  {}\n", msg::archive_attachment(locale, line)));
        }
    }
    text
}

/// A name that is safe as a folder in a zip file on every system.
fn folder_name(index: usize, name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_alphanumeric() || " .-_".contains(c) { c } else { '_' }).take(80).collect();
    format!("{:02} {}", index + 1, cleaned.trim())
}

/// Builds the zip of a lot's submitted bids, with their attachments read from the storage.
pub async fn lot_archive(actor: &Actor, call: Uuid, lot: Uuid, now: DateTime<Utc>) -> Result<Vec<u8>, AppError> {
    let db = &actor.server.db;
    let mut bids = Vec::new();
    for authorized in crate::store::bids::readable_of_call(db, &actor.tenant, actor.who(), call, Some(lot), now).await?
    {
        if let Some(latest) = crate::store::bids::latest(db, &authorized, now).await? {
            bids.push((authorized, latest));
        }
    }
    bids.sort_by(|(_, a), (_, b)| a.summary.organisation_name.cmp(&b.summary.organisation_name));
    if bids.is_empty() {
        // An existing lot without bids still gets an (empty) archive; another call's lot does not exist here.
        let detail = crate::store::calls::detail(db, &actor.tenant, call, false, now).await?;
        if !detail.lots.iter().any(|l| l.id == lot) {
            return Err(AppError::NotFound);
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (index, (authorized, bid)) in bids.iter().enumerate() {
        let folder = folder_name(index, &bid.summary.organisation_name);
        files.push((format!("{folder}/interessenbekundung.txt"), bid_text(bid).into_bytes()));
        let json = serde_json::to_vec_pretty(bid).map_err(AppError::internal)?;
        files.push((format!("{folder}/interessenbekundung.json"), json));
        for (number, attachment) in (1..).zip(&bid.content.attachments) {
            let row = crate::store::bids::attachment(db, authorized, attachment.id).await?;
            let bytes = actor.server.storage.get(&row.storage_key).await.map_err(AppError::internal)?;
            // Numbered, so two uploads with the same name stay two entries.
            let name = format!("{folder}/anlagen/{number:02} {}", attachment.file_name);
            files.push((name, bytes.to_vec()));
        }
    }
    tokio::task::spawn_blocking(move || zip_files(files)).await.map_err(AppError::internal)?
}

fn zip_files(files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, AppError> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        writer.start_file(name, options).map_err(AppError::internal)?;
        writer.write_all(&bytes).map_err(AppError::internal)?;
    }
    Ok(writer.finish().map_err(AppError::internal)?.into_inner())
}
