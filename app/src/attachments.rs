//! What an uploaded file must be (server only): a PDF, ODT or DOCX document by its content, not by its name,
//! within the size limit, under a name that is safe to show and to offer for download.

/// The document types a bid may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Odt,
    Docx,
}

impl FileKind {
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Odt => "odt",
            FileKind::Docx => "docx",
        }
    }
}

/// Why an upload was refused; each has a message in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than the limit")]
    TooLarge,
    #[error("the file name is not acceptable")]
    BadName,
    #[error("the file is not a PDF, ODT or DOCX document")]
    WrongType,
}

impl UploadError {
    pub fn code(self) -> &'static str {
        match self {
            UploadError::Empty => "empty",
            UploadError::TooLarge => "too_large",
            UploadError::BadName => "bad_name",
            UploadError::WrongType => "wrong_type",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [UploadError::Empty, UploadError::TooLarge, UploadError::BadName, UploadError::WrongType]
            .into_iter()
            .find(|e| e.code() == code)
    }
}

impl From<UploadError> for crate::AppError {
    fn from(err: UploadError) -> Self {
        use crate::InvalidReason;
        let reason = match err {
            UploadError::Empty => InvalidReason::EmptyFile,
            UploadError::TooLarge => InvalidReason::FileTooLarge,
            UploadError::BadName => InvalidReason::BadFileName,
            UploadError::WrongType => InvalidReason::WrongFileType,
        };
        crate::AppError::invalid("file", reason)
    }
}

/// A checked file whose bytes are in the storage, waiting for the row that names it.
#[derive(Debug, Clone)]
pub struct Staged {
    pub checked: CheckedFile,
    pub key: String,
    pub size: u64,
}

/// Checks an upload and puts its bytes into the storage under a key made of `prefix` and a fresh id. The
/// caller records it in a transaction and calls [`discard`] when that fails, so no file stays unnamed.
pub async fn stage(
    storage: &crate::storage::Storage,
    prefix: &str,
    file_name: &str,
    bytes: bytes::Bytes,
) -> Result<Staged, crate::AppError> {
    let checked = check(file_name, &bytes, storage.max_upload_bytes)?;
    let key = format!("{prefix}/{}", uuid::Uuid::new_v4());
    let size = bytes.len() as u64;
    storage.put(&key, bytes).await.map_err(crate::AppError::internal)?;
    Ok(Staged { checked, key, size })
}

/// Removes a staged file whose recording failed.
pub async fn discard(storage: &crate::storage::Storage, key: &str) {
    if let Err(err) = storage.delete(key).await {
        tracing::warn!(error = %err, %key, "could not remove the file of a failed upload");
    }
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedFile {
    pub file_name: String,
    pub kind: FileKind,
    pub sha256: String,
}

/// The kind of document `bytes` hold, judged by their content: the PDF header, or the zip container's
/// entries that make an OpenDocument text or a Word document.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"%PDF-") {
        return Some(FileKind::Pdf);
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    if let Ok(mut mimetype) = archive.by_name("mimetype") {
        use std::io::Read as _;
        let mut text = String::new();
        (&mut mimetype).take(100).read_to_string(&mut text).ok()?;
        return (text.trim() == FileKind::Odt.media_type()).then_some(FileKind::Odt);
    }
    let has = |name: &str| archive.index_for_name(name).is_some();
    (has("[Content_Types].xml") && has("word/document.xml")).then_some(FileKind::Docx)
}

/// A file name as people see it, without any path, control characters or a leading dot.
fn clean_name(name: &str) -> Result<String, UploadError> {
    let name = name.trim();
    let bad = name.is_empty()
        || name.chars().count() > 200
        || name.starts_with('.')
        || name.contains(['/', '\\', ':', '"', '<', '>', '|', '?', '*'])
        || name.chars().any(char::is_control);
    if bad { Err(UploadError::BadName) } else { Ok(name.to_owned()) }
}

/// Checks an upload: size, name and content. The name's extension must match the content.
pub fn check(name: &str, bytes: &[u8], max_bytes: u64) -> Result<CheckedFile, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if bytes.len() as u64 > max_bytes {
        return Err(UploadError::TooLarge);
    }
    let file_name = clean_name(name)?;
    let kind = sniff(bytes).ok_or(UploadError::WrongType)?;
    let extension = file_name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase());
    if extension.as_deref() != Some(kind.extension()) {
        return Err(UploadError::WrongType);
    }
    Ok(CheckedFile { file_name, kind, sha256: crate::auth::sha256_hex(bytes) })
}

/// Small valid documents of each kind, for tests and demo data.
pub mod samples {
    use std::io::Write as _;

    pub fn pdf(text: &str) -> Vec<u8> {
        format!("%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .into_bytes()
    }

    fn zipped(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, content) in entries {
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            writer.start_file(*name, options).expect("zip entry");
            writer.write_all(content.as_bytes()).expect("zip write");
        }
        writer.finish().expect("zip").into_inner()
    }

    pub fn odt() -> Vec<u8> {
        zipped(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<office:document-content/>"),
        ])
    }

    pub fn docx() -> Vec<u8> {
        zipped(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_known_by_their_content() {
        assert_eq!(sniff(&samples::pdf("x")), Some(FileKind::Pdf));
        assert_eq!(sniff(&samples::odt()), Some(FileKind::Odt));
        assert_eq!(sniff(&samples::docx()), Some(FileKind::Docx));
        assert_eq!(sniff(b"MZ\x90\x00 not a document"), None);
        assert_eq!(sniff(b"PK\x03\x04 broken zip"), None);
    }

    #[test]
    fn uploads_are_refused_with_a_reason() {
        let pdf = samples::pdf("konzept");
        assert_eq!(check("Konzept.PDF", &pdf, 1000).map(|f| f.kind), Ok(FileKind::Pdf));
        assert_eq!(check("konzept.pdf", &[], 1000), Err(UploadError::Empty));
        assert_eq!(check("konzept.pdf", &pdf, 10), Err(UploadError::TooLarge));
        assert_eq!(check("../../etc/passwd.pdf", &pdf, 1000), Err(UploadError::BadName));
        assert_eq!(check(".hidden.pdf", &pdf, 1000), Err(UploadError::BadName));
        assert_eq!(check("a\u{0}.pdf", &pdf, 1000), Err(UploadError::BadName));
        assert_eq!(check("virus.pdf", b"MZ\x90\x00", 1000), Err(UploadError::WrongType));
        assert_eq!(check("konzept.docx", &pdf, 1000), Err(UploadError::WrongType), "name and content disagree");
        let checked = check("konzept.pdf", &pdf, 1000).expect("valid");
        assert_eq!(checked.sha256.len(), 64);
    }
}
