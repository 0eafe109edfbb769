//! Browser sessions in the database, so that any app server can serve any request.
//!
//! A `tower_sessions::SessionStore` over the `sessions` table. Besides the opaque data it keeps who the
//! session belongs to in columns of its own, so a user can list and end their sessions, and deactivating a
//! user or changing a password can end all of theirs at once. A row's id is the SHA-256 of the session id
//! (`session_keys::stored_id`): whoever reads the table cannot take over a session.

use app::auth::session_keys;
use chrono::{DateTime, Utc};
use model::entity::session;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashMap;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: DatabaseConnection,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        DbSessionStore { db }
    }

    /// Removes expired sessions; called now and then so the table does not grow without bound.
    pub async fn delete_expired(&self) -> Result<u64, sea_orm::DbErr> {
        let result =
            session::Entity::delete_many().filter(session::Column::ExpiresAt.lt(Utc::now())).exec(&self.db).await?;
        Ok(result.rows_affected)
    }
}

fn backend(err: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(err.to_string())
}

fn to_chrono(time: OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(time.unix_timestamp(), time.nanosecond()).unwrap_or_else(Utc::now)
}

fn row_of(record: &Record, now: DateTime<Utc>) -> Result<session::ActiveModel, session_store::Error> {
    let text = |key: &str| record.data.get(key).and_then(|value| value.as_str()).map(str::to_owned);
    let uuid = |key: &str| text(key).and_then(|value| Uuid::parse_str(&value).ok());
    Ok(session::ActiveModel {
        id: Set(session_keys::stored_id(&record.id.to_string())),
        tenant_id: Set(uuid(session_keys::TENANT_ID)),
        user_id: Set(uuid(session_keys::USER_ID)),
        data: Set(serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?),
        expires_at: Set(to_chrono(record.expiry_date)),
        created_at: Set(now),
        last_seen_at: Set(now),
        user_agent: Set(text(session_keys::USER_AGENT).map(|ua| ua.chars().take(300).collect())),
        client_addr: Set(text(session_keys::CLIENT_ADDR)),
    })
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // Ids are 128 random bits; a collision is astronomically unlikely, but never overwrite one.
        loop {
            let row = row_of(record, Utc::now())?;
            match session::Entity::insert(row).exec_without_returning(&self.db).await {
                Ok(_) => return Ok(()),
                Err(err) if matches!(err.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_))) => {
                    record.id = Id::default();
                }
                Err(err) => return Err(backend(err)),
            }
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let row = row_of(record, Utc::now())?;
        session::Entity::insert(row)
            .on_conflict(
                OnConflict::column(session::Column::Id)
                    .update_columns([
                        session::Column::TenantId,
                        session::Column::UserId,
                        session::Column::Data,
                        session::Column::ExpiresAt,
                        session::Column::LastSeenAt,
                        session::Column::UserAgent,
                        session::Column::ClientAddr,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = session::Entity::find_by_id(session_keys::stored_id(&id.to_string()))
            .filter(session::Column::ExpiresAt.gt(Utc::now()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data: HashMap<String, serde_json::Value> =
            serde_json::from_str(&row.data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = OffsetDateTime::from_unix_timestamp(row.expires_at.timestamp()).map_err(backend)?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        session::Entity::delete_by_id(session_keys::stored_id(&id.to_string()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
