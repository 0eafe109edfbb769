//! The audit log: every state change writes one append-only line (tenant, actor, action, object,
//! before/after, time, client address, request id). Written in the same transaction as the change it
//! describes, so there is never a change without its line or a line without its change.

use crate::auth::RequestContext;
use chrono::Utc;
use model::entity::audit_entry;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde_json::Value;
use uuid::Uuid;

/// One change, as the code that made it describes it.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    pub tenant_id: Option<Uuid>,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Writes `change` with the actor, address and request id of `context`.
pub async fn record(db: &impl ConnectionTrait, context: &RequestContext, change: Change<'_>) -> Result<(), DbErr> {
    let actor = context.caller.as_ref().map(|caller| caller.user_id);
    write(db, actor, Some(context.client_addr.clone()), Some(context.request_id.clone()), change).await
}

/// Writes `change` for an actor outside a web request (the command line, background jobs).
pub async fn write(
    db: &impl ConnectionTrait,
    actor_user_id: Option<Uuid>,
    client_addr: Option<String>,
    request_id: Option<String>,
    change: Change<'_>,
) -> Result<(), DbErr> {
    audit_entry::Entity::insert(audit_entry::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(change.tenant_id),
        actor_user_id: Set(actor_user_id),
        action: Set(change.action.to_owned()),
        object_type: Set(change.object_type.to_owned()),
        object_id: Set(change.object_id),
        before_json: Set(change.before.map(|v| v.to_string())),
        after_json: Set(change.after.map(|v| v.to_string())),
        at: Set(Utc::now()),
        client_addr: Set(client_addr.filter(|a| !a.is_empty())),
        request_id: Set(request_id.filter(|r| !r.is_empty())),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
