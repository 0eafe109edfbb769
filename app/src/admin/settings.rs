//! Tenant settings: the name shown everywhere, the default language, the evaluation's quorum (how many
//! final score sheets per bid the steering group needs before it records a recommendation), and how many
//! days after a period the posts' reports are due.

use crate::AppError;
use model::Locale;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub name: String,
    pub default_locale: Locale,
    pub time_zone: String,
    pub evaluation_quorum: i32,
    pub report_deadline_days: i32,
}

#[leptos::server(prefix = "/fn", endpoint = "tenant_settings")]
pub async fn tenant_settings() -> Result<SettingsView, AppError> {
    use sea_orm::EntityTrait;
    let admin = crate::actor::Actor::require(model::Permission::ManageSettings).await?;
    let row = model::entity::tenant::Entity::find_by_id(admin.tenant.id())
        .one(&admin.server.db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(SettingsView {
        name: row.name,
        default_locale: Locale::from_tag(&row.default_locale).unwrap_or_default(),
        time_zone: row.time_zone,
        evaluation_quorum: row.evaluation_quorum,
        report_deadline_days: row.report_deadline_days,
    })
}

#[leptos::server(prefix = "/fn", endpoint = "update_tenant_settings")]
pub async fn update_tenant_settings(
    name: String,
    default_locale: String,
    evaluation_quorum: Option<String>,
    report_deadline_days: Option<String>,
) -> Result<(), AppError> {
    use crate::InvalidReason;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, TransactionTrait};
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageSettings).await?;
            let name = name.trim().to_owned();
            if name.is_empty() {
                return Err(AppError::invalid("name", InvalidReason::Required));
            }
            if name.chars().count() > 200 {
                return Err(AppError::invalid("name", InvalidReason::TooLong));
            }
            let locale = Locale::from_tag(&default_locale)
                .ok_or(AppError::invalid("default_locale", InvalidReason::Required))?;
            // One to seven: the steering group has seven seats (seed §3).
            let quorum = match evaluation_quorum.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(
                    text.parse::<i32>()
                        .ok()
                        .filter(|q| (1..=7).contains(q))
                        .ok_or(AppError::invalid("evaluation_quorum", InvalidReason::Malformed))?,
                ),
            };
            let deadline = match report_deadline_days.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(
                    text.parse::<u32>()
                        .ok()
                        .and_then(|days| model::report::DeadlineDays::new(days).ok())
                        .and_then(|days| i32::try_from(days.get()).ok())
                        .ok_or(AppError::invalid("report_deadline_days", InvalidReason::Malformed))?,
                ),
            };
            let txn = admin.server.db.begin().await?;
            let row = model::entity::tenant::Entity::find_by_id(admin.tenant.id())
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let before = serde_json::json!({"name": row.name, "default_locale": row.default_locale,
                "evaluation_quorum": row.evaluation_quorum, "report_deadline_days": row.report_deadline_days});
            let quorum = quorum.unwrap_or(row.evaluation_quorum);
            let deadline = deadline.unwrap_or(row.report_deadline_days);
            let mut model: model::entity::tenant::ActiveModel = row.into();
            model.name = Set(name.clone());
            model.default_locale = Set(locale.tag().to_owned());
            model.evaluation_quorum = Set(quorum);
            model.report_deadline_days = Set(deadline);
            model.update(&txn).await?;
            let after = serde_json::json!({"name": name, "default_locale": locale.tag(), "evaluation_quorum": quorum,
                "report_deadline_days": deadline});
            admin
                .audit(&txn, "tenant.settings_changed", "tenant", admin.tenant.id(), Some(before), Some(after))
                .await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
