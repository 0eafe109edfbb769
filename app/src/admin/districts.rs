//! Districts: create, rename, reorder, retire (server functions).

use crate::AppError;
use model::DistrictKind;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminDistrict {
    pub id: Uuid,
    pub name: String,
    pub kind: DistrictKind,
    pub retired: bool,
}

#[leptos::server(prefix = "/fn", endpoint = "admin_districts")]
pub async fn admin_districts() -> Result<Vec<AdminDistrict>, AppError> {
    let admin = crate::actor::Actor::require(model::Permission::ManageDistricts).await?;
    let rows = crate::store::districts::list_all(&admin.server.db, &admin.tenant).await?;
    Ok(rows
        .into_iter()
        .map(|row| AdminDistrict {
            id: row.id,
            kind: DistrictKind::parse(&row.kind).unwrap_or(DistrictKind::CityDistrict),
            name: row.name,
            retired: row.retired_at.is_some(),
        })
        .collect())
}

#[leptos::server(prefix = "/fn", endpoint = "create_district")]
pub async fn create_district(name: String, kind: String) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageDistricts).await?;
            let name = crate::store::districts::check_name(&name)?;
            let kind = DistrictKind::parse(&kind).ok_or(AppError::invalid("kind", crate::InvalidReason::Required))?;
            let txn = admin.server.db.begin().await?;
            let row = crate::store::districts::create(&txn, &admin.tenant, &name, kind, chrono::Utc::now()).await?;
            let after = serde_json::json!({"name": row.name, "kind": row.kind});
            admin.audit(&txn, "district.created", "district", row.id, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "rename_district")]
pub async fn rename_district(district: Uuid, name: String) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageDistricts).await?;
            let name = crate::store::districts::check_name(&name)?;
            let txn = admin.server.db.begin().await?;
            let (before, after) = crate::store::districts::rename(&txn, &admin.tenant, district, &name).await?;
            let (before, after) = (serde_json::json!({"name": before.name}), serde_json::json!({"name": after.name}));
            admin.audit(&txn, "district.renamed", "district", district, Some(before), Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "move_district")]
pub async fn move_district(district: Uuid, direction: String) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageDistricts).await?;
            let up = match direction.as_str() {
                "up" => true,
                "down" => false,
                _ => return Err(AppError::invalid("direction", crate::InvalidReason::Malformed)),
            };
            let txn = admin.server.db.begin().await?;
            crate::store::districts::move_by_one(&txn, &admin.tenant, district, up).await?;
            let after = serde_json::json!({"direction": direction});
            admin.audit(&txn, "district.moved", "district", district, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "retire_district")]
pub async fn retire_district(district: Uuid, retired: bool) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageDistricts).await?;
            let txn = admin.server.db.begin().await?;
            let now = chrono::Utc::now();
            crate::store::districts::set_retired(&txn, &admin.tenant, district, retired, now).await?;
            let action = if retired { "district.retired" } else { "district.reinstated" };
            admin.audit(&txn, action, "district", district, None, None).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
