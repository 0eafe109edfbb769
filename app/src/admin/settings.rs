//! Tenant settings: the name shown everywhere and the default language.

use crate::AppError;
use model::Locale;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub name: String,
    pub default_locale: Locale,
    pub time_zone: String,
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
    })
}

#[leptos::server(prefix = "/fn", endpoint = "update_tenant_settings")]
pub async fn update_tenant_settings(name: String, default_locale: String) -> Result<(), AppError> {
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
            let txn = admin.server.db.begin().await?;
            let row = model::entity::tenant::Entity::find_by_id(admin.tenant.id())
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let before = serde_json::json!({"name": row.name, "default_locale": row.default_locale});
            let mut model: model::entity::tenant::ActiveModel = row.into();
            model.name = Set(name.clone());
            model.default_locale = Set(locale.tag().to_owned());
            model.update(&txn).await?;
            let after = serde_json::json!({"name": name, "default_locale": locale.tag()});
            admin
                .audit(&txn, "tenant.settings_changed", "tenant", admin.tenant.id(), Some(before), Some(after))
                .await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
