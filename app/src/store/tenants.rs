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
        evaluation_quorum: Set(model::award::DEFAULT_QUORUM),
        report_deadline_days: Set(model::report::DEFAULT_DEADLINE_DAYS as i32),
    })
    .exec_without_returning(db)
    .await?;
    super::ledger::create_programme(db, id, "Präventionsprogramm", "", now).await?;
    Ok(TenantScope { id, view: TenantView { slug: slug.clone(), name: name.to_owned() } })
}

impl TenantScope {
    /// The scope of a signed-in caller's own tenant (the id comes from the session or token, never from
    /// the request body). The guard loaded the tenant with the caller, so this reads nothing.
    pub fn of_caller(caller: &crate::auth::Caller) -> Self {
        TenantScope { id: caller.tenant_id, view: caller.tenant.clone() }
    }

    /// The tenant of a URL for a public operation: the caller's own without a lookup when the URL names it,
    /// else [`TenantScope::resolve`]. Signed-in pages thus cost no more queries than a visitor's.
    pub async fn resolve_for(
        db: &impl ConnectionTrait,
        caller: Option<&crate::auth::Caller>,
        slug: &str,
    ) -> Result<Self, AppError> {
        match caller {
            Some(caller) if caller.tenant.slug.as_str() == slug => Ok(Self::of_caller(caller)),
            _ => Self::resolve(db, slug).await,
        }
    }

    /// The scope of the tenant a stored row belongs to, for background jobs (which act for no caller).
    pub(crate) async fn of_row(db: &impl ConnectionTrait, tenant_id: Uuid) -> Result<Self, AppError> {
        let row = tenant::Entity::find_by_id(tenant_id).one(db).await?.ok_or(AppError::NotFound)?;
        let view = row.view().map_err(AppError::internal)?;
        Ok(TenantScope { id: row.id, view })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Caller;
    use model::Email;

    fn caller_of(slug: &str) -> Caller {
        Caller {
            user_id: Uuid::new_v4(),
            tenant_id: Uuid::new_v4(),
            tenant: TenantView { slug: TenantSlug::parse(slug).expect("slug"), name: "Dresden".to_owned() },
            email: Email::parse("a@example.org").expect("email"),
            display_name: "A".to_owned(),
            locale: None,
            roles: Vec::new(),
            credential_generation: 0,
            data_version: None,
            exchange: None,
        }
    }

    /// A database without tables: any query fails, so a scope that comes back was made without one.
    async fn empty_database() -> sea_orm::DatabaseConnection {
        sea_orm::Database::connect("sqlite::memory:").await.expect("in-memory SQLite")
    }

    #[tokio::test]
    async fn a_callers_own_tenant_is_found_without_a_query() {
        let db = empty_database().await;
        let caller = caller_of("dresden");
        let scope = TenantScope::resolve_for(&db, Some(&caller), "dresden").await.expect("no query needed");
        assert_eq!(scope.id(), caller.tenant_id);
        assert_eq!(scope.view(), &caller.tenant);
    }

    #[tokio::test]
    async fn another_tenant_and_a_visitor_are_looked_up() {
        let db = empty_database().await;
        let caller = caller_of("dresden");
        assert!(TenantScope::resolve_for(&db, Some(&caller), "leipzig").await.is_err());
        assert!(TenantScope::resolve_for(&db, None, "dresden").await.is_err());
    }
}
