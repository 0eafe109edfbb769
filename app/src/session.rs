//! Signing in and out, and who is signed in — the server functions behind the sign-in page and the app
//! shell's navigation.

use crate::AppError;
use model::{Email, Role};
use serde::{Deserialize, Serialize};

/// Counts sign-ins and sign-outs in this browser tab, so that what depends on who is signed in (the
/// navigation, the account page) loads again after either.
#[derive(Debug, Clone, Copy)]
pub struct SessionEpoch(pub leptos::prelude::RwSignal<u64>);

impl SessionEpoch {
    pub fn bump(self) {
        use leptos::prelude::Update;
        self.0.update(|epoch| *epoch += 1);
    }
}

/// The signed-in user as pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub name: String,
    pub email: Email,
    pub roles: Vec<Role>,
    /// For district contacts: the districts they are responsible for.
    pub districts: Vec<String>,
    /// Takes part in the exchange space (a role, or a member of the steering module's carrier).
    pub exchange: bool,
}

/// Who is signed in to `tenant` in this browser, if anyone.
#[leptos::server(prefix = "/fn", endpoint = "whoami")]
pub async fn whoami(tenant: String) -> Result<Option<Me>, AppError> {
    let visitor = crate::actor::Visitor::current()?;
    let Some(caller) = visitor.request.caller.filter(|caller| caller.tenant.slug.as_str() == tenant) else {
        return Ok(None);
    };
    let db = &visitor.server.db;
    let scope = crate::store::TenantScope::of_caller(&caller);
    let districts = if caller.roles.contains(&Role::DistrictContact) {
        crate::store::districts::of_contact(db, &scope, caller.user_id).await?.into_iter().map(|d| d.name).collect()
    } else {
        Vec::new()
    };
    let who = model::policy::Who { user_id: caller.user_id, roles: &caller.roles };
    let exchange = match caller.exchange {
        Some(exchange) => exchange,
        None => crate::exchange::ops::takes_part(db, &scope, who, chrono::Utc::now()).await?,
    };
    Ok(Some(Me { name: caller.display_name, email: caller.email, roles: caller.roles, districts, exchange }))
}

#[leptos::server(prefix = "/fn", endpoint = "sign_in")]
pub async fn sign_in(tenant: String, email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::audit::{self, Change};
    use crate::auth::accounts::{self, SignInError};
    use crate::auth::{RequestContext, session_keys};
    use chrono::Utc;
    crate::error::respond(
        async move {
            let crate::actor::Visitor { request: context, server } = crate::actor::Visitor::current()?;
            let db = server.db;
            let scope = crate::store::TenantScope::resolve(&db, &tenant).await?;
            if email.trim().is_empty() {
                return Err(AppError::invalid("email", crate::InvalidReason::Required));
            }
            if password.is_empty() {
                return Err(AppError::invalid("password", crate::InvalidReason::Required));
            }
            let now = Utc::now();
            let caller = accounts::verify_credentials(&db, &scope, &email, &password, &context.client_addr, now)
                .await
                .map_err(|err| match err {
                    SignInError::InvalidCredentials => AppError::SignInFailed,
                    SignInError::Unconfirmed => AppError::invalid("email", crate::InvalidReason::Unconfirmed),
                    SignInError::Throttled { until } => {
                        AppError::Throttled { retry_after_minutes: (until - now).num_minutes().max(1) }
                    }
                    SignInError::Database(err) => AppError::internal(err),
                })?;

            let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
            // A new id on sign-in: a session id planted before sign-in (session fixation) is worthless afterwards.
            session.cycle_id().await.map_err(AppError::internal)?;
            let user_agent = leptos::prelude::use_context::<http::request::Parts>()
                .and_then(|parts| parts.headers.get(http::header::USER_AGENT)?.to_str().ok().map(str::to_owned));
            let insert = async {
                session.insert(session_keys::USER_ID, caller.user_id).await?;
                session.insert(session_keys::TENANT_ID, caller.tenant_id).await?;
                session.insert(session_keys::SIGNED_IN_AT, now.timestamp()).await?;
                session.insert(session_keys::CLIENT_ADDR, &context.client_addr).await?;
                if let Some(user_agent) = user_agent {
                    session.insert(session_keys::USER_AGENT, user_agent).await?;
                }
                Ok::<_, tower_sessions::session::Error>(())
            };
            insert.await.map_err(AppError::internal)?;
            if let Some(locale) = caller.locale {
                remember_language(locale);
            }
            let context = RequestContext { caller: Some(caller.clone()), ..context };
            audit::record(
                &db,
                &context,
                Change {
                    tenant_id: Some(caller.tenant_id),
                    action: "auth.signed_in",
                    object_type: "user",
                    object_id: Some(caller.user_id.to_string()),
                    before: None,
                    after: None,
                },
            )
            .await?;
            leptos_axum::redirect(&safe_next(next.as_deref(), &tenant));
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::audit::{self, Change};
    let actor = crate::actor::Actor::signed_in().await?;
    let (context, caller, db) = (&actor.request, actor.caller().clone(), actor.server.db.clone());
    let session: tower_sessions::Session = leptos_axum::extract().await.map_err(AppError::internal)?;
    session.flush().await.map_err(AppError::internal)?;
    audit::record(
        &db,
        context,
        Change {
            tenant_id: Some(caller.tenant_id),
            action: "auth.signed_out",
            object_type: "user",
            object_id: Some(caller.user_id.to_string()),
            before: None,
            after: None,
        },
    )
    .await?;
    leptos_axum::redirect(&format!("/{}", caller.tenant.slug));
    Ok(())
}

/// Sets the language cookie on the response (server only).
#[cfg(feature = "ssr")]
pub fn remember_language(locale: model::Locale) {
    use crate::i18n::LANGUAGE_COOKIE;
    let cookie = format!("{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.tag());
    if let (Some(response), Ok(value)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&cookie))
    {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Where to go after signing in: `next` if it is a page of the same tenant, else the tenant's start page.
/// Anything else (another site, `//host`, another tenant) is ignored, so the sign-in page cannot be used to
/// send people elsewhere.
pub fn safe_next(next: Option<&str>, tenant: &str) -> String {
    let home = format!("/{tenant}");
    match next {
        Some(path)
            if (path == home || path.starts_with(&format!("{home}/")) || path.starts_with(&format!("{home}?")))
                && !path.contains("//")
                && !path.contains('\\') =>
        {
            path.to_owned()
        }
        _ => home,
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_within_the_tenant() {
        assert_eq!(safe_next(Some("/dresden/account"), "dresden"), "/dresden/account");
        assert_eq!(safe_next(Some("/dresden"), "dresden"), "/dresden");
        assert_eq!(safe_next(None, "dresden"), "/dresden");
        for evil in ["https://evil.example", "//evil.example", "/musterstadt/account", "/dresdenx", "/dresden//evil"] {
            assert_eq!(safe_next(Some(evil), "dresden"), "/dresden", "{evil}");
        }
    }
}
