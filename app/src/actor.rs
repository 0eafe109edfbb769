//! Who acts, where (server only): the caller of a request together with the server's context and the
//! caller's own tenant. Server functions make one with [`Actor::current`], REST handlers with [`Actor::new`];
//! state changes write their audit line through [`Actor::audit`] in the same transaction.

use crate::AppError;
use crate::auth::{Caller, RequestContext};
use crate::store::TenantScope;
use uuid::Uuid;

pub struct Actor {
    pub request: RequestContext,
    pub server: crate::ServerContext,
    /// The caller's tenant; the guard has already checked it against the tenant in the URL.
    pub tenant: TenantScope,
}

impl Actor {
    /// The actor of the current server function (signed in, or 401).
    pub async fn current() -> Result<Self, AppError> {
        Self::new(RequestContext::current()?, crate::ServerContext::current()?).await
    }

    pub async fn new(request: RequestContext, server: crate::ServerContext) -> Result<Self, AppError> {
        let tenant = TenantScope::of_caller(&server.db, request.caller()?).await?;
        Ok(Actor { request, server, tenant })
    }

    pub fn caller(&self) -> &Caller {
        self.request.caller.as_ref().expect("Actor::new requires a caller")
    }

    /// The organisation the caller bids for (the carrier role's), or 403.
    pub fn organisation(&self) -> Result<Uuid, AppError> {
        self.caller()
            .roles
            .iter()
            .find_map(|role| match role {
                model::Role::Carrier { organisation_id } => Some(*organisation_id),
                _ => None,
            })
            .ok_or(AppError::Forbidden)
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
    ) -> Result<(), AppError> {
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
