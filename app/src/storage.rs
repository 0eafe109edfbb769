//! Where uploaded files live (server only): one interface over a local directory (the default) or
//! S3-compatible object storage (production), both through the `object_store` crate.
//!
//! The database keeps each file's name, type, size, SHA-256 and storage key; the bytes live here, so app
//! servers stay stateless when the storage is a bucket. Keys are made by the code (`tenant/bid/uuid`), never
//! from a file name a user sent.

use bytes::Bytes;
use object_store::{ObjectStore, PutPayload, path::Path as StorePath};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("storage could not be set up: {0}")]
    Setup(String),
    #[error("storage failed: {0}")]
    Io(#[from] object_store::Error),
}

/// The storage of uploaded files; cheap to clone.
#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    description: String,
    /// The largest file accepted, in bytes.
    pub max_upload_bytes: u64,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Storage")
            .field("at", &self.description)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .finish()
    }
}

impl Storage {
    /// Files in a local directory (created if missing).
    pub fn local(dir: &std::path::Path, max_upload_bytes: u64) -> Result<Self, StorageError> {
        std::fs::create_dir_all(dir).map_err(|e| StorageError::Setup(format!("{}: {e}", dir.display())))?;
        let store = object_store::local::LocalFileSystem::new_with_prefix(dir)
            .map_err(|e| StorageError::Setup(format!("{}: {e}", dir.display())))?
            .with_automatic_cleanup(true);
        Ok(Storage { store: Arc::new(store), description: dir.display().to_string(), max_upload_bytes })
    }

    /// An S3-compatible bucket; endpoint, region and credentials come from the standard `AWS_*` variables
    /// (`AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, …).
    pub fn s3(bucket: &str, max_upload_bytes: u64) -> Result<Self, StorageError> {
        let store = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|e| StorageError::Setup(format!("bucket {bucket}: {e}")))?;
        Ok(Storage { store: Arc::new(store), description: format!("s3://{bucket}"), max_upload_bytes })
    }

    pub async fn put(&self, key: &str, bytes: Bytes) -> Result<(), StorageError> {
        self.store.put(&StorePath::from(key), PutPayload::from_bytes(bytes)).await?;
        Ok(())
    }

    pub async fn get(&self, key: &str) -> Result<Bytes, StorageError> {
        Ok(self.store.get(&StorePath::from(key)).await?.bytes().await?)
    }

    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        self.store.delete(&StorePath::from(key)).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_local_directory_keeps_what_is_put() {
        let dir = std::env::temp_dir().join(format!("spielraum-storage-{}", uuid::Uuid::new_v4()));
        let storage = Storage::local(&dir, 10).expect("storage");
        storage.put("t/b/f", Bytes::from_static(b"%PDF-1.7")).await.expect("put");
        assert_eq!(storage.get("t/b/f").await.expect("get"), Bytes::from_static(b"%PDF-1.7"));
        storage.delete("t/b/f").await.expect("delete");
        assert!(storage.get("t/b/f").await.is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}
