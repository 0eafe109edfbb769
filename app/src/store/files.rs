//! Files attached to reports and exchange posts (server only): the rows in `files`, named by their owner.
//! Whoever calls these has decided that the caller may read or attach to the owner; this module keeps the
//! tenant's scope and nothing else. The bytes go through `crate::storage`.

use super::TenantScope;
use crate::AppError;
use crate::attachments::Staged;
use chrono::{DateTime, Utc};
use model::entity::file;
use model::file::{FileRef, Owner};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub fn file_ref(row: &file::Model) -> FileRef {
    FileRef {
        id: row.id,
        file_name: row.file_name.clone(),
        media_type: row.media_type.clone(),
        size_bytes: u64::try_from(row.size_bytes).unwrap_or(0),
        sha256: row.sha256.clone(),
        uploaded_at: row.uploaded_at,
    }
}

/// The files of some owners of one kind, oldest first.
pub async fn of_owners(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    owner: Owner,
    ids: &[Uuid],
) -> Result<Vec<file::Model>, AppError> {
    let mut found = Vec::new();
    for slice in ids.chunks(500) {
        found.extend(
            file::Entity::find()
                .filter(file::Column::TenantId.eq(scope.id()))
                .filter(file::Column::OwnerKind.eq(owner.as_str()))
                .filter(file::Column::OwnerId.is_in(slice.iter().copied()))
                .order_by_asc(file::Column::UploadedAt)
                .all(db)
                .await?,
        );
    }
    Ok(found)
}

/// How many files an owner has.
pub async fn count(db: &impl ConnectionTrait, scope: &TenantScope, owner: Owner, id: Uuid) -> Result<u64, AppError> {
    Ok(file::Entity::find()
        .filter(file::Column::TenantId.eq(scope.id()))
        .filter(file::Column::OwnerKind.eq(owner.as_str()))
        .filter(file::Column::OwnerId.eq(id))
        .count(db)
        .await?)
}

/// One file of an owner; not found when it belongs to another.
pub async fn one(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    owner: Owner,
    owner_id: Uuid,
    id: Uuid,
) -> Result<file::Model, AppError> {
    file::Entity::find_by_id(id)
        .filter(file::Column::TenantId.eq(scope.id()))
        .filter(file::Column::OwnerKind.eq(owner.as_str()))
        .filter(file::Column::OwnerId.eq(owner_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Records a file whose bytes are already in the storage under `key`.
pub async fn add(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    owner: Owner,
    owner_id: Uuid,
    staged: &Staged,
    user: Uuid,
    now: DateTime<Utc>,
) -> Result<file::Model, AppError> {
    let (checked, size, key) = (&staged.checked, staged.size, staged.key.as_str());
    let row = file::Model {
        id: Uuid::new_v4(),
        tenant_id: scope.id(),
        owner_kind: owner.as_str().to_owned(),
        owner_id,
        file_name: checked.file_name.clone(),
        media_type: checked.kind.media_type().to_owned(),
        size_bytes: i64::try_from(size).map_err(AppError::internal)?,
        sha256: checked.sha256.clone(),
        storage_key: key.to_owned(),
        uploaded_by: user,
        uploaded_at: now,
    };
    file::Entity::insert(file::ActiveModel {
        id: Set(row.id),
        tenant_id: Set(row.tenant_id),
        owner_kind: Set(row.owner_kind.clone()),
        owner_id: Set(row.owner_id),
        file_name: Set(row.file_name.clone()),
        media_type: Set(row.media_type.clone()),
        size_bytes: Set(row.size_bytes),
        sha256: Set(row.sha256.clone()),
        storage_key: Set(row.storage_key.clone()),
        uploaded_by: Set(row.uploaded_by),
        uploaded_at: Set(row.uploaded_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(row)
}

/// Removes a file's row (its bytes are left to the caller).
pub async fn remove(db: &impl ConnectionTrait, scope: &TenantScope, row: &file::Model) -> Result<(), AppError> {
    file::Entity::delete_many()
        .filter(file::Column::TenantId.eq(scope.id()))
        .filter(file::Column::Id.eq(row.id))
        .exec(db)
        .await?;
    Ok(())
}
