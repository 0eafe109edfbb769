use crate::AppError;
use model::entity::tenant;
use model::{TenantSlug, TenantView};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// Proof that a request is about one existing tenant. Tenant-owned queries take this instead of an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantScope {
    id: Uuid,
    view: TenantView,
}

impl TenantScope {
    /// Looks up the tenant of a URL. A malformed slug and an unknown one are the same to the caller: not found.
    pub async fn resolve(db: &impl ConnectionTrait, slug: &str) -> Result<Self, AppError> {
        let slug = TenantSlug::parse(slug).map_err(|_| AppError::NotFound)?;
        let row = tenant::Entity::find()
            .filter(tenant::Column::Slug.eq(slug.as_str()))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let view = row.view().map_err(AppError::internal)?;
        Ok(TenantScope { id: row.id, view })
    }

    pub fn id(&self) -> Uuid {
        self.id
    }

    pub fn view(&self) -> &TenantView {
        &self.view
    }
}

/// All tenants, by name, for the public directory.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<TenantView>, AppError> {
    let rows = tenant::Entity::find().order_by_asc(tenant::Column::Name).all(db).await?;
    rows.iter().map(|row| row.view().map_err(AppError::internal)).collect()
}

/// Creates a tenant (the platform operator's job, from the command line).
pub async fn create(
    db: &impl ConnectionTrait,
    slug: &TenantSlug,
    name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<TenantScope, AppError> {
    use sea_orm::ActiveValue::Set;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(AppError::invalid("name", crate::InvalidReason::Malformed));
    }
    let exists = tenant::Entity::find().filter(tenant::Column::Slug.eq(slug.as_str())).one(db).await?.is_some();
    if exists {
        return Err(AppError::invalid("slug", crate::InvalidReason::Taken));
    }
    let id = Uuid::new_v4();
    tenant::Entity::insert(tenant::ActiveModel {
        id: Set(id),
        slug: Set(slug.to_string()),
        name: Set(name.to_owned()),
        time_zone: Set("Europe/Berlin".to_owned()),
        default_locale: Set("de".to_owned()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(TenantScope { id, view: TenantView { slug: slug.clone(), name: name.to_owned() } })
}

impl TenantScope {
    /// The scope of a signed-in caller's own tenant (the id comes from the session or token, never from
    /// the request body).
    pub async fn of_caller(db: &impl ConnectionTrait, caller: &crate::auth::Caller) -> Result<Self, AppError> {
        Self::of_row(db, caller.tenant_id).await
    }

    /// The scope of the tenant a stored row belongs to, for background jobs (which act for no caller).
    pub(crate) async fn of_row(db: &impl ConnectionTrait, tenant_id: Uuid) -> Result<Self, AppError> {
        let row = tenant::Entity::find_by_id(tenant_id).one(db).await?.ok_or(AppError::NotFound)?;
        let view = row.view().map_err(AppError::internal)?;
        Ok(TenantScope { id: row.id, view })
    }
}
