//! Carrier organisations: self-registration through the portal with email confirmation, the organisation's
//! own page (profile, members, inviting colleagues), and the administration's verification.

// Server functions take one argument per form field, so the profile forms make long argument lists.
#![allow(clippy::too_many_arguments)]

use crate::AppError;
use model::organisation::Organisation;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The organisation page: the profile and who works on its bids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationPage {
    pub organisation: Organisation,
    pub members: Vec<crate::views::MemberView>,
}

#[cfg(feature = "ssr")]
#[allow(clippy::too_many_arguments)]
fn profile_input(
    organisation_name: String,
    legal_form: String,
    register_number: String,
    street: String,
    postcode: String,
    city: String,
    recognised: Option<String>,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
) -> model::organisation::ProfileInput {
    model::organisation::ProfileInput {
        name: organisation_name,
        legal_form,
        register_number,
        street,
        postcode,
        city,
        recognised: recognised.is_some_and(|v| v == "yes" || v == "on" || v == "true"),
        contact_name,
        contact_email,
        contact_phone,
    }
}

/// Registers a carrier organisation with its first member. The account stays unconfirmed until the link
/// sent to the email address is used; the organisation waits for an administrator's verification.
#[leptos::server(prefix = "/fn", endpoint = "register_organisation")]
pub async fn register_organisation(
    tenant: String,
    name: String,
    email: String,
    new_password: String,
    confirm_password: String,
    organisation_name: String,
    legal_form: String,
    register_number: String,
    street: String,
    postcode: String,
    city: String,
    recognised: Option<String>,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
) -> Result<(), AppError> {
    use crate::jobs::Letter;
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let crate::actor::Visitor { request: context, server } = crate::actor::Visitor::current()?;
            let scope = crate::store::TenantScope::resolve(&server.db, &tenant).await?;
            let name = crate::store::users::check_name(&name)?;
            let email = crate::store::users::check_email(&email)?;
            crate::account::check_new_password(&new_password, &confirm_password)?;
            let profile = profile_input(
                organisation_name,
                legal_form,
                register_number,
                street,
                postcode,
                city,
                recognised,
                contact_name,
                contact_email,
                contact_phone,
            )
            .check()?;
            // Hashed before the transaction, whatever the address turns out to be: no lock is held while
            // waiting for a hashing slot, and the answer takes as long for known addresses as for new ones.
            let hash = crate::auth::password::hash(&new_password).await.map_err(AppError::internal)?;
            let now = chrono::Utc::now();
            let txn = server.db.begin().await?;
            if registrations_from(&txn, &context.client_addr, now).await? >= REGISTRATIONS_PER_HOUR {
                return Err(AppError::Throttled { retry_after_minutes: 60 });
            }
            // The answer is the same whether the address is known or not; the email says what happened.
            let (user, letter) = match crate::store::users::find_by_email(&txn, &scope, &email).await? {
                Some(existing) if existing.status == crate::auth::accounts::STATUS_UNCONFIRMED => {
                    (existing.id, Letter::EmailConfirmation)
                }
                Some(existing) => (existing.id, Letter::AlreadyRegistered),
                None => {
                    let organisation = crate::store::organisations::create(&txn, &scope, &profile, now).await?;
                    let role = model::Role::Carrier { organisation_id: organisation.id };
                    let user = crate::store::users::create_registered(&txn, &scope, &email, &name, &hash, &[role], now)
                        .await?;
                    let change = crate::audit::Change {
                        tenant_id: Some(scope.id()),
                        action: "organisation.registered",
                        object_type: "organisation",
                        object_id: Some(organisation.id.to_string()),
                        before: None,
                        after: Some(
                            serde_json::json!({"name": organisation.name, "user": user.id, "email": user.email}),
                        ),
                    };
                    crate::audit::record(&txn, &context, change).await?;
                    (user.id, Letter::EmailConfirmation)
                }
            };
            // Sent by the job queue, so a mail server hiccup delays the link instead of losing it.
            crate::jobs::mail_account(&txn, user, letter, now).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// How many organisations may be registered from one address per hour (a bound against abuse).
#[cfg(feature = "ssr")]
const REGISTRATIONS_PER_HOUR: u64 = 10;

/// Registrations from `client_addr` in the last hour, counted in the audit log.
#[cfg(feature = "ssr")]
async fn registrations_from(
    db: &impl sea_orm::ConnectionTrait,
    client_addr: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<u64, AppError> {
    use model::entity::audit_entry;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    Ok(audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("organisation.registered"))
        .filter(audit_entry::Column::ClientAddr.eq(client_addr))
        .filter(audit_entry::Column::At.gt(now - chrono::Duration::hours(1)))
        .count(db)
        .await?)
}

/// Confirms an email address with the link's token; the account can then sign in.
#[leptos::server(prefix = "/fn", endpoint = "confirm_email")]
pub async fn confirm_email(tenant: String, token: String) -> Result<(), AppError> {
    use crate::InvalidReason;
    use crate::auth::accounts::{STATUS_ACTIVE, STATUS_UNCONFIRMED};
    use crate::auth::one_time::{self, Purpose};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, TransactionTrait};
    crate::error::respond(
        async move {
            let crate::actor::Visitor { request: context, server } = crate::actor::Visitor::current()?;
            let db = server.db;
            let scope = crate::store::TenantScope::resolve(&db, &tenant).await?;
            let now = chrono::Utc::now();
            let unusable = || AppError::invalid("token", InvalidReason::LinkUnusable);
            let txn = db.begin().await?;
            let user_id = one_time::redeem(&txn, scope.id(), &token, &[Purpose::EmailConfirmation], now)
                .await?
                .map_err(|_| unusable())?;
            let row = crate::store::users::find(&txn, &scope, user_id).await?;
            if row.status != STATUS_UNCONFIRMED {
                return Err(unusable());
            }
            let mut active: model::entity::user::ActiveModel = row.into();
            active.status = Set(STATUS_ACTIVE.to_owned());
            active.updated_at = Set(now);
            active.update(&txn).await?;
            let change = crate::audit::Change {
                tenant_id: Some(scope.id()),
                action: "user.email_confirmed",
                object_type: "user",
                object_id: Some(user_id.to_string()),
                before: None,
                after: None,
            };
            crate::audit::record(&txn, &context, change).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "my_organisation")]
pub async fn my_organisation() -> Result<OrganisationPage, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            let id = actor.organisation()?;
            let db = &actor.server.db;
            let organisation = crate::store::organisations::find(db, &actor.tenant, id).await?;
            let members = crate::store::organisations::members(db, &actor.tenant, id).await?;
            Ok::<_, AppError>(OrganisationPage {
                organisation: crate::store::organisations::view(organisation),
                members,
            })
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "update_organisation")]
pub async fn update_organisation(
    organisation_name: String,
    legal_form: String,
    register_number: String,
    street: String,
    postcode: String,
    city: String,
    recognised: Option<String>,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            let input = profile_input(
                organisation_name,
                legal_form,
                register_number,
                street,
                postcode,
                city,
                recognised,
                contact_name,
                contact_email,
                contact_phone,
            );
            ops::update(&actor, &input).await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
pub mod ops {
    use super::*;
    use sea_orm::TransactionTrait;

    /// Replaces the caller's organisation's profile, with the audit line.
    pub async fn update(
        actor: &crate::actor::Actor,
        input: &model::organisation::ProfileInput,
    ) -> Result<Organisation, AppError> {
        let id = actor.organisation()?;
        let profile = input.check()?;
        let txn = actor.server.db.begin().await?;
        let (before, after) = crate::store::organisations::update(&txn, &actor.tenant, id, &profile).await?;
        let (before, after) = (crate::store::organisations::view(before), crate::store::organisations::view(after));
        let image = |view: &Organisation| serde_json::to_value(view).ok();
        actor.audit(&txn, "organisation.updated", "organisation", id, image(&before), image(&after)).await?;
        txn.commit().await?;
        Ok(after)
    }
}

/// Invites a colleague into the caller's organisation: an account with the same carrier role.
#[leptos::server(prefix = "/fn", endpoint = "invite_colleague")]
pub async fn invite_colleague(name: String, email: String) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            let organisation_id = actor.organisation()?;
            let name = crate::store::users::check_name(&name)?;
            let email = crate::store::users::check_email(&email)?;
            let role = model::Role::Carrier { organisation_id };
            let now = chrono::Utc::now();
            let txn = actor.server.db.begin().await?;
            let user = crate::store::users::create_invited(&txn, &actor.tenant, &email, &name, &[role], now).await?;
            let after = serde_json::json!({"email": user.email, "name": user.display_name, "roles": [role]});
            actor.audit(&txn, "user.invited", "user", user.id, None, Some(after)).await?;
            crate::jobs::mail_account(&txn, user.id, crate::jobs::Letter::Invitation, now).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// The tenant's organisations, for the administration.
#[leptos::server(prefix = "/fn", endpoint = "admin_organisations")]
pub async fn admin_organisations() -> Result<Vec<Organisation>, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            crate::store::organisations::list(&actor.server.db, &actor.tenant).await
        }
        .await,
    )
}

/// Records that an administrator checked an organisation (register, recognition), or takes it back.
#[leptos::server(prefix = "/fn", endpoint = "verify_organisation")]
pub async fn verify_organisation(organisation: Uuid, verified: bool) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
            let txn = actor.server.db.begin().await?;
            let row = crate::store::organisations::set_verified(
                &txn,
                &actor.tenant,
                organisation,
                verified,
                chrono::Utc::now(),
            )
            .await?;
            let action = if verified { "organisation.verified" } else { "organisation.unverified" };
            let after = serde_json::json!({"verified_at": row.verified_at});
            actor.audit(&txn, action, "organisation", organisation, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
