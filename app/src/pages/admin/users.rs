use super::{role_label, seat_key, status_key};
use crate::AppError;
use crate::admin::users::{InviteUser, admin_users};
use crate::components::{CurrentTenant, ErrorNotice, Field, Protected, SelectField, general_error};
use crate::i18n::{I18n, Key};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
use model::{Permission, RoleKind, SeatType};

/// Resources and actions are made here, outside `Protected`, so that the server and the browser create them
/// in the same order (a resource made inside a suspended branch breaks hydration).
#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u64>().ok());
    let invite = ServerAction::<InviteUser>::new();
    let directory =
        Resource::new(move || (search(), page(), invite.version().get()), |(q, page, _)| admin_users(q, page));
    let base = StoredValue::new(format!("/{}/admin/users", tenant.slug));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminUsers))) />
        <Protected permission=Permission::ManageUsers>
            <UsersContent search=Signal::derive(search) invite directory base=base.get_value() />
        </Protected>
    }
}

#[component]
fn UsersContent(
    search: Signal<String>,
    invite: ServerAction<InviteUser>,
    directory: Resource<Result<crate::admin::users::UserDirectory, AppError>>,
    base: String,
) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <h1>{move || i18n.t(Key::AdminUsers)}</h1>
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
                            <InviteForm action=invite organisations=directory.organisations />
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

#[component]
fn InviteForm(action: ServerAction<InviteUser>, organisations: Vec<crate::views::OrganisationView>) -> impl IntoView {
    let i18n = I18n::expect();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let sent = move || matches!(action.value().get(), Some(Ok(())));
    let form_error = move || general_error(i18n.locale(), error.get());
    let role_options = Signal::derive(move || {
        [
            (RoleKind::Admin, Key::RoleAdmin),
            (RoleKind::Steering, Key::RoleSteering),
            (RoleKind::Coordinator, Key::RoleCoordinator),
            (RoleKind::DistrictContact, Key::RoleDistrictContact),
        ]
        .into_iter()
        .map(|(kind, key)| (kind.as_str().to_owned(), i18n.t(key).to_owned()))
        .collect::<Vec<_>>()
    });
    let seat_options = Signal::derive(move || {
        std::iter::once((String::new(), i18n.t(Key::ChooseNone).to_owned()))
            .chain(SeatType::ALL.into_iter().map(|seat| (seat.as_str().to_owned(), i18n.t(seat_key(seat)).to_owned())))
            .collect::<Vec<_>>()
    });
    let organisation_options = Signal::derive(move || {
        std::iter::once((String::new(), i18n.t(Key::ChooseNone).to_owned()))
            .chain(organisations.iter().map(|o| (o.id.to_string(), o.name.clone())))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{move || i18n.t(Key::InviteTitle)}</h2>
            <p>{move || i18n.t(Key::InviteIntro)}</p>
            <div role="status">
                {move || sent().then(|| view! { <p class="notice">{move || i18n.t(Key::InvitationSent)}</p> })}
            </div>
            <div role="alert">
                {move || form_error().map(|text| view! { <p class="notice notice--error">{text}</p> })}
            </div>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <Field name="name" label=Key::AccountName autocomplete="off" required=true error />
                <Field name="email" label=Key::EmailLabel kind="email" autocomplete="off" required=true error />
                <SelectField name="role" label=Key::RoleLabel options=role_options error />
                <SelectField name="seat" label=Key::SeatLabel options=seat_options error />
                <SelectField name="organisation" label=Key::SeatOrganisationLabel options=organisation_options error />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {move || i18n.t(Key::InviteButton)}
                </button>
            </ActionForm>
        </section>
    }
}
