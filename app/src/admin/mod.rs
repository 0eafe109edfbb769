//! The administration's workspace: users and roles, districts, the steering group's seats, tenant settings
//! and the audit log. Every server function here works on the caller's own tenant; the guard has checked
//! the permission before it runs (see `server::authz`).

pub mod audit_log;
pub mod districts;
pub mod settings;
pub mod steering;
pub mod users;

#[cfg(feature = "ssr")]
pub(crate) struct AdminContext {
    pub request: crate::auth::RequestContext,
    pub server: crate::ServerContext,
    pub tenant: crate::store::TenantScope,
}

#[cfg(feature = "ssr")]
impl AdminContext {
    pub async fn current() -> Result<Self, crate::AppError> {
        let request = crate::auth::RequestContext::current()?;
        let server = crate::ServerContext::current()?;
        let tenant = crate::store::TenantScope::of_caller(&server.db, request.caller()?).await?;
        Ok(AdminContext { request, server, tenant })
    }

    /// Writes an audit line for a change of this tenant.
    pub async fn audit(
        &self,
        db: &impl sea_orm::ConnectionTrait,
        action: &str,
        object_type: &str,
        object_id: impl ToString,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<(), crate::AppError> {
        let change = crate::audit::Change {
            tenant_id: Some(self.tenant.id()),
            action,
            object_type,
            object_id: Some(object_id.to_string()),
            before,
            after,
        };
        Ok(crate::audit::record(db, &self.request, change).await?)
    }
}
