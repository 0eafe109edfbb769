use super::CurrentUser;
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use model::Permission;

/// Shows `children` only to signed-in users holding `permission` (any signed-in user without one); others
/// get the 403 notice (and, on the server, status 403). The server's guard has already refused the data
/// behind such a page; this keeps the page itself honest, on first load and after client-side navigation.
#[component]
pub fn Protected(#[prop(optional)] permission: Option<Permission>, children: ChildrenFn) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentUser(me) = expect_context::<CurrentUser>();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) if permission.is_none_or(|p| model::policy::allows(&me.roles, p)) => {
                        children.with_value(|children| children()).into_any()
                    }
                    Ok(Some(_)) => view! { <Forbidden /> }.into_any(),
                    _ => view! { <p class="notice">{move || i18n.t(Key::SignInRequired)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Forbidden() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    let i18n = I18n::expect();
    view! {
        <h1>{move || i18n.t(Key::ForbiddenTitle)}</h1>
        <p>{move || i18n.t(Key::ForbiddenText)}</p>
    }
}
