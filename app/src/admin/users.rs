//! Users and their roles (server functions).

use crate::AppError;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::views::{OrganisationView, UserSummary};

/// One page of the list of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDirectory {
    pub users: Vec<UserSummary>,
    /// How many people match in all; the list holds one page of them.
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

/// One person's page: the person and the choices its forms offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDetail {
    pub user: UserSummary,
    /// What a steering seat from a carrier may name, and a carrier role's organisation is shown from.
    pub organisations: Vec<OrganisationView>,
    /// The tenant's active districts (and retired ones the person still has), marked where the person is a
    /// district contact.
    pub districts: Vec<crate::views::DistrictChoice>,
}

/// One page (from 1, 50 people each) of the people whose name or email contains `search`.
#[leptos::server(prefix = "/fn", endpoint = "admin_users")]
pub async fn admin_users(search: String, page: Option<u64>) -> Result<UserDirectory, AppError> {
    let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
    let db = &crate::store::reading(&admin.server.db).await?;
    let page = page.unwrap_or(1).max(1);
    let (users, total) = crate::store::users::page(db, &admin.tenant, &search, page).await?;
    Ok(UserDirectory { users, total, page, pages: total.div_ceil(crate::store::users::PAGE_SIZE).max(1) })
}

/// The organisations the invitation form offers for a steering seat from a carrier, by name. The form has a
/// page of its own, so that the list of people does not carry a city's hundreds of organisations.
#[leptos::server(prefix = "/fn", endpoint = "invitation_organisations")]
pub async fn invitation_organisations() -> Result<Vec<OrganisationView>, AppError> {
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            crate::store::users::organisations(&admin.server.db, &admin.tenant).await
        }
        .await,
    )
}

/// One user of the caller's tenant (not found for users of other tenants).
#[leptos::server(prefix = "/fn", endpoint = "admin_user")]
pub async fn admin_user(user: Uuid) -> Result<UserDetail, AppError> {
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            let db = &admin.server.db;
            let person = crate::store::users::summary(db, &admin.tenant, user).await?;
            let chosen: Vec<Uuid> =
                crate::store::districts::of_contact(db, &admin.tenant, user).await?.into_iter().map(|d| d.id).collect();
            let districts = crate::store::districts::list_all(db, &admin.tenant)
                .await?
                .into_iter()
                .filter(|d| d.retired_at.is_none() || chosen.contains(&d.id))
                .map(|d| crate::views::DistrictChoice { chosen: chosen.contains(&d.id), id: d.id, name: d.name })
                .collect();
            Ok::<_, AppError>(UserDetail {
                user: person,
                organisations: crate::store::users::organisations(db, &admin.tenant).await?,
                districts,
            })
        }
        .await,
    )
}

/// Invites a person: creates the account with one role and emails the link to set a password. Carrier roles
/// are not the administration's to give (see `model::policy::may_grant`); the refusal is audited.
#[leptos::server(prefix = "/fn", endpoint = "invite_user")]
pub async fn invite_user(
    name: String,
    email: String,
    role: String,
    seat: Option<String>,
    organisation: Option<String>,
) -> Result<(), AppError> {
    use crate::store::users;
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            let name = users::check_name(&name)?;
            let email = users::check_email(&email)?;
            let role = parse_role(&role, seat.as_deref(), organisation.as_deref())?;
            if let Err(refusal) = model::policy::may_grant(admin.who(), uuid::Uuid::nil(), &[], &[role]) {
                return Err(refuse_grant(&admin, None, &email.to_string(), &[role], refusal).await);
            }
            let now = chrono::Utc::now();
            let txn = admin.server.db.begin().await?;
            let user = users::create_invited(&txn, &admin.tenant, &email, &name, &[role], now).await?;
            let after = serde_json::json!({"email": user.email, "name": user.display_name, "roles": [role]});
            admin.audit(&txn, "user.invited", "user", user.id, None, Some(after)).await?;
            crate::jobs::mail_account(&txn, user.id, crate::jobs::Letter::Invitation, now).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Records a refused grant of roles in the audit log (in a transaction of its own: the change itself is not
/// made) and returns the error the form shows.
#[cfg(feature = "ssr")]
async fn refuse_grant(
    admin: &crate::actor::Actor,
    user: Option<Uuid>,
    email: &str,
    roles: &[model::Role],
    refusal: model::policy::GrantRefusal,
) -> AppError {
    let (field, reason) = crate::InvalidReason::of_grant_refusal(refusal);
    let after = serde_json::json!({"email": email, "roles": roles, "refused": refusal});
    let object = user.map(|id| id.to_string()).unwrap_or_default();
    if let Err(err) = admin.audit(&admin.server.db, "user.roles_refused", "user", object, None, Some(after)).await {
        tracing::error!(error = %err, "the refused grant of roles could not be audited");
    }
    AppError::invalid(field, reason)
}

/// Reads one role from a form: its kind plus the seat (steering; the project-carrier seat with its
/// organisation) or the organisation (carrier).
#[cfg(feature = "ssr")]
fn parse_role(kind: &str, seat: Option<&str>, organisation: Option<&str>) -> Result<model::Role, AppError> {
    use crate::InvalidReason;
    use model::{Role, RoleKind, Seat, SeatType};
    let kind = RoleKind::parse(kind).ok_or(AppError::invalid("role", InvalidReason::Required))?;
    let organisation = organisation.filter(|o| !o.is_empty());
    let organisation_id = organisation
        .map(|id| Uuid::parse_str(id).map_err(|_| AppError::invalid("organisation", InvalidReason::Malformed)))
        .transpose()?;
    Ok(match kind {
        RoleKind::Admin => Role::Admin,
        RoleKind::Coordinator => Role::Coordinator,
        RoleKind::DistrictContact => Role::DistrictContact,
        RoleKind::Steering => {
            let seat = seat.and_then(SeatType::parse).ok_or(AppError::invalid("seat", InvalidReason::Required))?;
            let organisation_id = organisation_id.filter(|_| seat == SeatType::ProjectCarrier);
            Role::Steering {
                seat: Seat::new(seat, organisation_id)
                    .ok_or(AppError::invalid("organisation", InvalidReason::Required))?,
            }
        }
        RoleKind::Carrier => Role::Carrier {
            organisation_id: organisation_id.ok_or(AppError::invalid("organisation", InvalidReason::Required))?,
        },
    })
}

/// Replaces a user's roles. The user's sessions end, so the new roles apply from their next sign-in.
/// `organisation` belongs to the project-carrier seat; a carrier role the user already holds is kept with
/// `carrier_role` (the administration may take it away, never give it).
#[leptos::server(prefix = "/fn", endpoint = "set_user_roles")]
pub async fn set_user_roles(
    user: Uuid,
    admin_role: Option<String>,
    coordinator: Option<String>,
    district_contact: Option<String>,
    seat: Option<String>,
    organisation: Option<String>,
    carrier_role: Option<String>,
) -> Result<(), AppError> {
    use crate::store::users;
    use model::Role;
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            let txn = admin.server.db.begin().await?;
            let target = users::find(&txn, &admin.tenant, user).await?;
            let before = crate::auth::accounts::roles_of(&txn, target.id).await?;
            let mut roles = Vec::new();
            if admin_role.is_some() {
                roles.push(Role::Admin);
            }
            if coordinator.is_some() {
                roles.push(Role::Coordinator);
            }
            if district_contact.is_some() {
                roles.push(Role::DistrictContact);
            }
            if let Some(seat) = seat.filter(|s| !s.is_empty()) {
                roles.push(parse_role("steering", Some(&seat), organisation.as_deref())?);
            }
            if carrier_role.is_some() {
                roles.extend(before.iter().filter(|role| matches!(role, Role::Carrier { .. })));
            }
            roles.sort();
            if let Err(refusal) = model::policy::may_grant(admin.who(), target.id, &before, &roles) {
                drop(txn);
                return Err(refuse_grant(&admin, Some(target.id), &target.email, &roles, refusal).await);
            }
            let now = chrono::Utc::now();
            users::replace_roles(&txn, &admin.tenant, target.id, &roles, now).await?;
            if before != roles && target.id != admin.caller().user_id {
                users::revoke_access(&txn, &admin.tenant, target.id, None, now).await?;
            }
            let (before, after) = (serde_json::json!(before), serde_json::json!(roles));
            admin.audit(&txn, "user.roles_changed", "user", target.id, Some(before), Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Deactivates (ending all sessions and tokens at once) or reactivates a user.
#[leptos::server(prefix = "/fn", endpoint = "set_user_active")]
pub async fn set_user_active(user: Uuid, active: bool) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            if user == admin.request.caller()?.user_id {
                return Err(AppError::Forbidden);
            }
            let txn = admin.server.db.begin().await?;
            let before = crate::store::users::find(&txn, &admin.tenant, user).await?.status;
            let row = crate::store::users::set_status(&txn, &admin.tenant, user, active, chrono::Utc::now()).await?;
            let action = if active { "user.reactivated" } else { "user.deactivated" };
            let (before, after) = (serde_json::json!({"status": before}), serde_json::json!({"status": row.status}));
            admin.audit(&txn, action, "user", user, Some(before), Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Removes everything personal of a departed user; the audit trail keeps pointing at the (nameless) account.
#[leptos::server(prefix = "/fn", endpoint = "anonymise_user")]
pub async fn anonymise_user(user: Uuid, confirm: Option<String>) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            if confirm.is_none() {
                return Err(AppError::invalid("confirm", crate::InvalidReason::Required));
            }
            if user == admin.request.caller()?.user_id {
                return Err(AppError::Forbidden);
            }
            let txn = admin.server.db.begin().await?;
            crate::store::users::anonymise(&txn, &admin.tenant, user, chrono::Utc::now()).await?;
            // The before-image would keep the personal data alive in the log; only the fact is recorded.
            admin.audit(&txn, "user.anonymised", "user", user, None, None).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Sends a fresh invitation link to a user who has not set a password yet.
#[leptos::server(prefix = "/fn", endpoint = "resend_invitation")]
pub async fn resend_invitation(user: Uuid) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            let txn = admin.server.db.begin().await?;
            let row = crate::store::users::find(&txn, &admin.tenant, user).await?;
            if row.password_hash.is_some() || row.status != crate::auth::accounts::STATUS_ACTIVE {
                return Err(AppError::invalid("user", crate::InvalidReason::Malformed));
            }
            // The new link, made when the mail is sent, retires the earlier one.
            crate::jobs::mail_account(&txn, row.id, crate::jobs::Letter::Invitation, chrono::Utc::now()).await?;
            admin.audit(&txn, "user.invitation_resent", "user", row.id, None, None).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Sets the districts a district contact is responsible for (checkboxes `districts[i]`; none = no district).
#[leptos::server(prefix = "/fn", endpoint = "set_contact_districts")]
pub async fn set_contact_districts(user: Uuid, districts: Option<Vec<Uuid>>) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            let districts = districts.unwrap_or_default();
            let txn = admin.server.db.begin().await?;
            let target = crate::store::users::find(&txn, &admin.tenant, user).await?;
            let before: Vec<Uuid> = crate::store::districts::of_contact(&txn, &admin.tenant, target.id)
                .await?
                .iter()
                .map(|d| d.id)
                .collect();
            let now = chrono::Utc::now();
            crate::store::districts::set_contact_districts(&txn, &admin.tenant, target.id, &districts, now).await?;
            let (before, after) = (serde_json::json!(before), serde_json::json!(districts));
            admin.audit(&txn, "user.contact_districts_changed", "user", target.id, Some(before), Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
