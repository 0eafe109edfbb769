use super::{role_label, status_key};
use crate::AppError;
use crate::admin::users::admin_users;
use crate::components::{CurrentTenant, ErrorNotice, Protected};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use model::Permission;
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};

/// Resources and actions are made here, outside `Protected`, so that the server and the browser create them
/// in the same order (a resource made inside a suspended branch breaks hydration).
#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u64>().ok());
    let directory = Resource::new(move || (search(), page()), |(q, page)| admin_users(q, page));
    let base = StoredValue::new(format!("/{}/admin/users", tenant.slug));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminUsers))) />
        <Protected permission=Permission::ManageUsers>
            <UsersContent search=Signal::derive(search) directory base=base.get_value() />
        </Protected>
    }
}

#[component]
fn UsersContent(
    search: Signal<String>,
    directory: Resource<Result<crate::admin::users::UserDirectory, AppError>>,
    base: String,
) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <h1>{move || i18n.t(Key::AdminUsers)}</h1>
        <p><A href=format!("{base}/invite") attr:class="button">{move || i18n.t(Key::InviteTitle)}</A></p>
        <Form method="GET" action="" attr:class="search-form" attr:role="search">
            <div class="field">
                <label for="field-q">{move || i18n.t(Key::SearchLabel)}</label>
                <input id="field-q" name="q" type="search" value=search />
            </div>
            <button type="submit" class="button">{move || i18n.t(Key::SearchButton)}</button>
        </Form>
        <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    match directory.await {
                        Ok(directory) if directory.users.is_empty() => {
                            view! { <p>{move || i18n.t(Key::NoUsersFound)}</p> }.into_any()
                        }
                        Ok(directory) => view! {
                            <table class="table" id="user-list">
                                <caption class="visually-hidden">{move || i18n.t(Key::AdminUsers)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(Key::AccountName)}</th>
                                        <th scope="col">{move || i18n.t(Key::EmailLabel)}</th>
                                        <th scope="col">{move || i18n.t(Key::AccountRoles)}</th>
                                        <th scope="col">{move || i18n.t(Key::StatusLabel)}</th>
                                        <th scope="col">{move || i18n.t(Key::LastSignIn)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {directory.users.into_iter().map(|user| {
                                        let roles = user.roles.clone();
                                        let status = status_key(&user.status, user.invited);
                                        let last = user.last_sign_in_at;
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    <A href=format!("{base}/{}", user.id)>{user.name.clone()}</A>
                                                </th>
                                                <td>{user.email.clone()}</td>
                                                <td>{move || roles.iter().map(|r| role_label(i18n, *r)).collect::<Vec<_>>().join(", ")}</td>
                                                <td>{move || i18n.t(status)}</td>
                                                <td>{move || match last {
                                                    Some(at) => format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE),
                                                    None => i18n.t(Key::Never).to_owned(),
                                                }}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <Pager search=search.get_untracked() page=directory.page pages=directory.pages total=directory.total />
                        }
                        .into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// Links to the neighbouring pages of the list, keeping the search.
#[component]
fn Pager(search: String, page: u64, pages: u64, total: u64) -> impl IntoView {
    let i18n = I18n::expect();
    let link = move |number: u64| {
        let q: String = search
            .bytes()
            .map(|b| if b.is_ascii_alphanumeric() || b"-_.~@".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
            .collect();
        format!("?q={q}&page={number}")
    };
    view! {
        <p id="user-count">{move || format!("{}: {total}", i18n.t(Key::UsersFound))}</p>
        <crate::components::Pager page pages link />
    }
}
