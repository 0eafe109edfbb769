//! Carrier organisations of one tenant: registration, profile, verification and members.

use super::TenantScope;
use crate::{AppError, InvalidReason};
use chrono::{DateTime, Utc};
use model::entity::{organisation, role_grant, user};
use model::organisation::{Organisation, OrganisationProfile, ProfileError, ProfileInput};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub use crate::views::MemberView;

impl From<ProfileError> for AppError {
    fn from(err: ProfileError) -> Self {
        let reason = match err {
            ProfileError::Missing(_) => InvalidReason::Required,
            ProfileError::TooLong(_) => InvalidReason::TooLong,
            ProfileError::Malformed(_) => InvalidReason::Malformed,
        };
        AppError::invalid(err.field(), reason)
    }
}

pub fn view(row: organisation::Model) -> Organisation {
    Organisation {
        id: row.id,
        profile: ProfileInput {
            name: row.name,
            legal_form: row.legal_form,
            register_number: row.register_number,
            street: row.street,
            postcode: row.postcode,
            city: row.city,
            recognised: row.recognised,
            contact_name: row.contact_name,
            contact_email: row.contact_email,
            contact_phone: row.contact_phone,
        },
        verified_at: row.verified_at,
        created_at: row.created_at,
    }
}

fn apply(active: &mut organisation::ActiveModel, profile: &OrganisationProfile) {
    active.name = Set(profile.name.clone());
    active.legal_form = Set(profile.legal_form.clone());
    active.register_number = Set(profile.register_number.clone());
    active.street = Set(profile.street.clone());
    active.postcode = Set(profile.postcode.clone());
    active.city = Set(profile.city.clone());
    active.recognised = Set(profile.recognised);
    active.contact_name = Set(profile.contact_name.clone());
    active.contact_email = Set(profile.contact_email.to_string());
    active.contact_phone = Set(profile.contact_phone.clone());
}

pub async fn create(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    profile: &OrganisationProfile,
    now: DateTime<Utc>,
) -> Result<organisation::Model, AppError> {
    let mut active = organisation::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        created_at: Set(now),
        verified_at: Set(None),
        ..Default::default()
    };
    apply(&mut active, profile);
    Ok(active.insert(db).await?)
}

/// One organisation of this tenant; not found for other tenants' organisations.
pub async fn find(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<organisation::Model, AppError> {
    organisation::Entity::find_by_id(id)
        .filter(organisation::Column::TenantId.eq(scope.id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn list(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<Organisation>, AppError> {
    let rows = organisation::Entity::find()
        .filter(organisation::Column::TenantId.eq(scope.id()))
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(view).collect())
}

/// Replaces the profile; returns the rows before and after (for the audit log). A change of what the
/// administration checked — name, legal form, register number, recognition — takes the verification back.
pub async fn update(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: Uuid,
    profile: &OrganisationProfile,
) -> Result<(organisation::Model, organisation::Model), AppError> {
    let before = find(db, scope, id).await?;
    let mut active: organisation::ActiveModel = before.clone().into();
    apply(&mut active, profile);
    let identity_changed = before.name != profile.name
        || before.legal_form != profile.legal_form
        || before.register_number != profile.register_number
        || before.recognised != profile.recognised;
    if identity_changed {
        active.verified_at = Set(None);
    }
    Ok((before, active.update(db).await?))
}

/// Marks the organisation as checked by an administrator (or takes the mark back).
pub async fn set_verified(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    id: Uuid,
    verified: bool,
    now: DateTime<Utc>,
) -> Result<organisation::Model, AppError> {
    let row = find(db, scope, id).await?;
    let mut active: organisation::ActiveModel = row.into();
    active.verified_at = Set(verified.then_some(now));
    Ok(active.update(db).await?)
}

/// The active accounts holding the carrier role of `organisation`.
pub async fn member_rows(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    organisation: Uuid,
) -> Result<Vec<user::Model>, AppError> {
    let user_ids: Vec<Uuid> = role_grant::Entity::find()
        .filter(role_grant::Column::TenantId.eq(scope.id()))
        .filter(role_grant::Column::OrganisationId.eq(organisation))
        .all(db)
        .await?
        .into_iter()
        .map(|grant| grant.user_id)
        .collect();
    Ok(user::Entity::find()
        .filter(user::Column::TenantId.eq(scope.id()))
        .filter(user::Column::Id.is_in(user_ids))
        .filter(
            user::Column::Status
                .is_in([crate::auth::accounts::STATUS_ACTIVE, crate::auth::accounts::STATUS_UNCONFIRMED]),
        )
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?)
}

pub async fn members(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    organisation: Uuid,
) -> Result<Vec<MemberView>, AppError> {
    Ok(member_rows(db, scope, organisation)
        .await?
        .into_iter()
        .map(|row| MemberView {
            pending: row.password_hash.is_none() || row.status == crate::auth::accounts::STATUS_UNCONFIRMED,
            name: row.display_name,
            email: row.email,
        })
        .collect())
}
