//! Reading the audit log, filtered by person, object and time.

use crate::AppError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: DateTime<Utc>,
    /// The actor's name and email, or empty for the system and the platform operator.
    pub actor: String,
    pub action: String,
    pub object: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub client_addr: Option<String>,
}

/// The newest 200 lines matching the filters. `person` matches the actor's name or email; `object` the object
/// type or id; `from`/`to` are dates (YYYY-MM-DD, Europe/Berlin, inclusive).
#[leptos::server(prefix = "/fn", endpoint = "audit_lines")]
pub async fn audit_lines(person: String, object: String, from: String, to: String) -> Result<Vec<AuditLine>, AppError> {
    use crate::InvalidReason;
    use chrono::{NaiveDate, TimeZone};
    use model::entity::{audit_entry, user};
    use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    use std::collections::HashMap;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ReadAuditLog).await?;
            let db = &admin.server.db;
            let zone = model::datetime::DEFAULT_TIME_ZONE;
            let day = |text: &str, field: &str, end: bool| -> Result<Option<DateTime<Utc>>, AppError> {
                if text.trim().is_empty() {
                    return Ok(None);
                }
                let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                    .map_err(|_| AppError::invalid(field, InvalidReason::Malformed))?;
                let date = if end { date.succ_opt().unwrap_or(date) } else { date };
                let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
                Ok(zone.from_local_datetime(&midnight).earliest().map(|t| t.with_timezone(&Utc)))
            };
            let (from, to) = (day(&from, "from", false)?, day(&to, "to", true)?);

            let people: HashMap<uuid::Uuid, user::Model> = user::Entity::find()
                .filter(user::Column::TenantId.eq(admin.tenant.id()))
                .all(db)
                .await?
                .into_iter()
                .map(|u| (u.id, u))
                .collect();
            let mut query = audit_entry::Entity::find().filter(audit_entry::Column::TenantId.eq(admin.tenant.id()));
            let person = person.trim().to_lowercase();
            if !person.is_empty() {
                let ids: Vec<uuid::Uuid> = people
                    .values()
                    .filter(|u| u.email.contains(&person) || u.display_name.to_lowercase().contains(&person))
                    .map(|u| u.id)
                    .collect();
                query = query.filter(audit_entry::Column::ActorUserId.is_in(ids));
            }
            let object = object.trim();
            if !object.is_empty() {
                query = query.filter(
                    Condition::any()
                        .add(audit_entry::Column::ObjectType.eq(object))
                        .add(audit_entry::Column::ObjectId.eq(object)),
                );
            }
            if let Some(from) = from {
                query = query.filter(audit_entry::Column::At.gte(from));
            }
            if let Some(to) = to {
                query = query.filter(audit_entry::Column::At.lt(to));
            }
            let rows = query.order_by_desc(audit_entry::Column::At).limit(200).all(db).await?;
            Ok::<_, AppError>(
                rows.into_iter()
                    .map(|row| AuditLine {
                        at: row.at,
                        actor: row
                            .actor_user_id
                            .and_then(|id| people.get(&id))
                            .map(|u| format!("{} <{}>", u.display_name, u.email))
                            .unwrap_or_default(),
                        action: row.action,
                        object: match row.object_id {
                            Some(id) => format!("{} {id}", row.object_type),
                            None => row.object_type,
                        },
                        before: row.before_json,
                        after: row.after_json,
                        client_addr: row.client_addr,
                    })
                    .collect(),
            )
        }
        .await,
    )
}
