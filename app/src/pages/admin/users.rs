use super::{role_label, status_key};
use crate::AppError;
use crate::admin::users::admin_users;
use crate::components::{CurrentTenant, ErrorNotice, Protected};
use crate::i18n::{I18n, Key};
use crate::views::UserSummary;
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
                        Ok(directory) => {
                            let (page, pages, total) = (directory.page, directory.pages, directory.total);
                            view! {
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
                                <tbody inner_html=move || rows(i18n, &base, &directory.users) />
                            </table>
                            <Pager search=search.get_untracked() page pages total />
                            }
                            .into_any()
                        }
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// The list's rows, written as one HTML string rather than as a view per cell: with fifty people a page, the
/// views were most of the page's time on the server (issue 16, perf on the large data set), as the
/// documents' tables were (`documents::html`). Every text is escaped; links are plain anchors, which the
/// router follows in the app as any other.
fn rows(i18n: I18n, base: &str, users: &[UserSummary]) -> String {
    use html_escape::{encode_double_quoted_attribute_to_string as attribute, encode_text_to_string as text};
    let mut html = String::with_capacity(users.len() * 320);
    for user in users {
        html.push_str(r#"<tr><th scope="row"><a href=""#);
        attribute(format!("{base}/{}", user.id), &mut html);
        html.push_str(r#"">"#);
        text(&user.name, &mut html);
        html.push_str("</a></th><td>");
        text(&user.email, &mut html);
        html.push_str("</td><td>");
        let roles: Vec<String> = user.roles.iter().map(|role| role_label(i18n, *role)).collect();
        text(roles.join(", "), &mut html);
        html.push_str("</td><td>");
        text(i18n.t(status_key(&user.status, user.invited)), &mut html);
        html.push_str("</td><td>");
        match user.last_sign_in_at {
            Some(at) => text(format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE), &mut html),
            None => text(i18n.t(Key::Never), &mut html),
        };
        html.push_str("</td></tr>");
    }
    html
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use model::{Locale, Role};
    use uuid::Uuid;

    #[test]
    fn rows_escape_every_text_and_link_each_person() {
        Owner::new().with(|| {
            let i18n = I18n::provide(Locale::De);
            let person = UserSummary {
                id: Uuid::nil(),
                email: "a&b@example.org".into(),
                name: r#"<Eva> "E""#.into(),
                status: "active".into(),
                roles: vec![Role::Admin, Role::Coordinator],
                invited: true,
                last_sign_in_at: None,
            };
            let html = rows(i18n, "/dresden/admin/users", &[person]);
            let expected = format!(
                r#"<tr><th scope="row"><a href="/dresden/admin/users/{}">&lt;Eva&gt; "E"</a></th><td>a&amp;b@example.org</td><td>{}, {}</td><td>{}</td><td>{}</td></tr>"#,
                Uuid::nil(),
                i18n.t(Key::RoleAdmin),
                i18n.t(Key::RoleCoordinator),
                i18n.t(Key::StatusInvited),
                i18n.t(Key::Never),
            );
            assert_eq!(html, expected);
            assert!(rows(i18n, "/x", &[]).is_empty());
        });
    }
}
