//! Who acts, where, and with which permission (server only): the one entrance of every server function and
//! REST handler.
//!
//! The server's guard checks each route against its access table, but that is not enough: while a page
//! renders on the server, Leptos calls the page's server functions directly, past the `/fn/…` route and its
//! guard. So every operation decides its caller's permission itself, first:
//!
//! - [`Actor::require`] (a permission), [`Actor::signed_in`] (any signed-in user of the tenant), or, for REST
//!   and plain axum handlers, [`Actor::authorize`] with the same [`Access`];
//! - [`Visitor::current`] for the public operations (the tenant directory, sign-in, the public calls).
//!
//! These are the only ways to reach the database from a server function: the request's [`ServerContext`]
//! is read by private functions of this module, so an operation written without its permission does not
//! compile. Rules about one object (a bid of another organisation, a sealed call) then go through the
//! area's `authorize` in `store`, which returns a proof the store's functions require.

use crate::auth::{Caller, RequestContext};
use crate::store::TenantScope;
use crate::{AppError, ServerContext};
use model::policy::{self, Access, Decision, Permission, Who};

/// A signed-in caller of their own tenant who may do what the operation needs. It cannot be made except by
/// the constructors below, which decide the permission.
pub struct Actor {
    pub request: RequestContext,
    pub server: ServerContext,
    /// The caller's tenant; the guard has already checked it against the tenant in the URL.
    pub tenant: TenantScope,
    caller: Caller,
}

impl Actor {
    /// The caller of the current server function, holding `permission`; else 401 or 403, before any data
    /// is read.
    pub async fn require(permission: Permission) -> Result<Self, AppError> {
        Self::authorize(request_context()?, server_context()?, Access::Requires(permission)).await
    }

    /// The caller of the current server function, whoever they are, as long as they are signed in (their
    /// own account, sessions, tokens, notifications; object rules decide the rest).
    pub async fn signed_in() -> Result<Self, AppError> {
        Self::authorize(request_context()?, server_context()?, Access::SignedIn).await
    }

    /// The caller of a REST or plain axum handler, deciding `access` (which must not be public: public
    /// handlers use [`Visitor`]).
    pub async fn authorize(request: RequestContext, server: ServerContext, access: Access) -> Result<Self, AppError> {
        let caller = request.caller.clone();
        match (policy::decide(access, caller.as_ref().map(|c| c.roles.as_slice())), caller) {
            (Decision::Allow, Some(caller)) => {
                let tenant = TenantScope::of_caller(&caller);
                Ok(Actor { request, server, tenant, caller })
            }
            (Decision::Forbidden, _) => Err(AppError::Forbidden),
            (Decision::Allow | Decision::Unauthenticated, _) => Err(AppError::Unauthenticated),
        }
    }

    pub fn caller(&self) -> &Caller {
        &self.caller
    }

    /// The caller as object rules see them.
    pub fn who(&self) -> Who<'_> {
        Who { user_id: self.caller.user_id, roles: &self.caller.roles }
    }

    /// True when the caller also holds `permission` (for parts of a page that only some readers get).
    pub fn holds(&self, permission: Permission) -> bool {
        self.who().holds(permission)
    }

    /// `Ok` when the caller holds `permission`, else 403: for operations that more than one permission reaches.
    pub fn check(&self, permission: Permission) -> Result<(), AppError> {
        if self.holds(permission) { Ok(()) } else { Err(AppError::Forbidden) }
    }

    /// The organisation the caller bids for (the carrier role's), or 403.
    pub fn organisation(&self) -> Result<uuid::Uuid, AppError> {
        self.caller
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

/// The caller of a public operation: anyone, signed in or not. It carries the request (the caller, if any,
/// for operations that greet them) and the server's context; what it reads must be public.
pub struct Visitor {
    pub request: RequestContext,
    pub server: ServerContext,
}

impl Visitor {
    pub fn current() -> Result<Self, AppError> {
        Ok(Visitor { request: request_context()?, server: server_context()? })
    }

    /// The tenant named in the URL (not found if there is none such). A signed-in caller's own tenant comes
    /// with the caller, without a query.
    pub async fn tenant(&self, slug: &str) -> Result<TenantScope, AppError> {
        TenantScope::resolve_for(&self.server.db, self.request.caller.as_ref(), slug).await
    }
}

/// The guard's findings about the current request (see `server::authz`).
fn request_context() -> Result<RequestContext, AppError> {
    use leptos::prelude::use_context;
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestContext>().cloned())
        .ok_or_else(|| AppError::internal("RequestContext missing: route is not behind the guard"))
}

/// The server provides its context for every page and server function, so a missing one is a wiring bug,
/// reported as an internal error rather than a panic.
fn server_context() -> Result<ServerContext, AppError> {
    leptos::prelude::use_context::<ServerContext>()
        .ok_or_else(|| AppError::internal("ServerContext was not provided to this request"))
}
