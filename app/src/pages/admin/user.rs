use super::{role_label, status_key};
use crate::AppError;
use crate::admin::users::{
    AnonymiseUser, ResendInvitation, SetContactDistricts, SetUserActive, SetUserRoles, admin_user,
};
use crate::components::{CurrentTenant, ErrorNotice, Protected, SelectField, field_error, general_error};
use crate::i18n::{I18n, Key};
use crate::views::{OrganisationView, UserSummary};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use model::{Permission, Role};
use uuid::Uuid;

#[derive(Clone, Copy)]
struct UserActions {
    districts: ServerAction<SetContactDistricts>,
    roles: ServerAction<SetUserRoles>,
    active: ServerAction<SetUserActive>,
    anonymise: ServerAction<AnonymiseUser>,
    resend: ServerAction<ResendInvitation>,
}

/// Resources and actions are made outside `Protected` (see `UsersPage`).
#[component]
pub fn UserPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| Uuid::parse_str(&id).ok());
    let roles = ServerAction::<SetUserRoles>::new();
    let active = ServerAction::<SetUserActive>::new();
    let anonymise = ServerAction::<AnonymiseUser>::new();
    let resend = ServerAction::<ResendInvitation>::new();
    let districts = ServerAction::<SetContactDistricts>::new();
    let versions =
        move || (roles.version().get(), active.version().get(), anonymise.version().get(), districts.version().get());
    let detail = Resource::new(
        move || (id(), versions()),
        |(id, _)| async move {
            match id {
                Some(id) => admin_user(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let actions = UserActions { districts, roles, active, anonymise, resend };
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminUsers))) />
        <Protected permission=Permission::ManageUsers>
            <UserContent detail actions />
        </Protected>
    }
}

#[component]
fn UserContent(
    detail: Resource<Result<crate::admin::users::UserDetail, AppError>>,
    actions: UserActions,
) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let UserActions { districts, roles, active, anonymise, resend } = actions;
    let back = format!("/{}/admin/users", tenant.slug);
    view! {
        <p><A href=back>{move || i18n.t(Key::BackToUsers)}</A></p>
        <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => {
                        let user = detail.user;
                        let is_contact = user.roles.contains(&Role::DistrictContact);
                        view! {
                            <UserFacts user=user.clone() />
                            <RolesForm user=user.clone() organisations=detail.organisations action=roles />
                            {is_contact.then(|| view! {
                                <ContactDistricts user=user.id choices=detail.districts.clone() action=districts />
                            })}
                            <AccessForms user=user action=active resend anonymise />
                        }
                        .into_any()
                    }
                    Err(AppError::NotFound) => view! { <crate::components::NotFound /> }.into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn UserFacts(user: UserSummary) -> impl IntoView {
    let i18n = I18n::expect();
    let status = status_key(&user.status, user.invited);
    let roles = user.roles.clone();
    view! {
        <h1>{user.name.clone()}</h1>
        <dl class="facts">
            <dt>{move || i18n.t(Key::EmailLabel)}</dt>
            <dd>{user.email.clone()}</dd>
            <dt>{move || i18n.t(Key::StatusLabel)}</dt>
            <dd id="user-status">{move || i18n.t(status)}</dd>
            <dt>{move || i18n.t(Key::AccountRoles)}</dt>
            <dd id="user-roles">{move || roles.iter().map(|r| role_label(i18n, *r)).collect::<Vec<_>>().join(", ")}</dd>
        </dl>
    }
}

#[component]
fn RolesForm(
    user: UserSummary,
    organisations: Vec<OrganisationView>,
    action: ServerAction<SetUserRoles>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    let (is_admin, is_coordinator, is_contact) = (
        user.roles.contains(&Role::Admin),
        user.roles.contains(&Role::Coordinator),
        user.roles.contains(&Role::DistrictContact),
    );
    let seat = user.roles.iter().find_map(|r| match r {
        Role::Steering { seat } => Some(*seat),
        _ => None,
    });
    let seat_organisation = seat.and_then(|s| s.organisation_id()).map(|id| id.to_string());
    let seat = seat.map(|s| s.kind().as_str().to_owned());
    // A carrier role can be kept or taken away here, never given (see `model::policy::may_grant`).
    let carrier_of = user.roles.iter().find_map(|r| match r {
        Role::Carrier { organisation_id } => {
            organisations.iter().find(|o| o.id == *organisation_id).map(|o| o.name.clone())
        }
        _ => None,
    });
    let seat_options = super::seat_options(i18n);
    let organisation_options = super::organisation_options(i18n, organisations);
    let admin_error = move || error.with(|e| field_error(e, "admin_role"));
    let role_error = move || error.with(|e| field_error(e, "role"));
    let form_error = move || general_error(i18n.locale(), error.get());
    let checkbox = move |name: &'static str, key: Key, checked: bool| {
        view! {
            <div class="checkbox">
                <input type="checkbox" id=format!("field-{name}") name=name checked=checked />
                <label for=format!("field-{name}")>{move || i18n.t(key)}</label>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="roles-heading">
            <h2 id="roles-heading">{move || i18n.t(Key::RolesTitle)}</h2>
            <p>{move || i18n.t(Key::RolesIntro)}</p>
            <div role="status">
                {move || saved().then(|| view! { <p class="notice">{move || i18n.t(Key::Saved)}</p> })}
            </div>
            <div role="alert">
                {move || form_error().map(|text| view! { <p class="notice notice--error">{text}</p> })}
                {move || admin_error().map(|key| view! { <p class="notice notice--error">{move || i18n.t(key)}</p> })}
                {move || role_error().map(|key| view! { <p class="notice notice--error">{move || i18n.t(key)}</p> })}
            </div>
            <ActionForm action attr:class="form">
                <input type="hidden" name="user" value=user.id.to_string() />
                <fieldset>
                    <legend>{move || i18n.t(Key::AccountRoles)}</legend>
                    {checkbox("admin_role", Key::RoleAdmin, is_admin)}
                    {checkbox("coordinator", Key::RoleCoordinator, is_coordinator)}
                    {checkbox("district_contact", Key::RoleDistrictContact, is_contact)}
                    {carrier_of.map(|name| view! {
                        <div class="checkbox">
                            <input type="checkbox" id="field-carrier_role" name="carrier_role" checked=true />
                            <label for="field-carrier_role">{move || i18n.t(Key::KeepCarrierRole)}" "{name.clone()}</label>
                        </div>
                    })}
                </fieldset>
                <SelectField name="seat" label=Key::SeatLabel options=seat_options selected=seat.unwrap_or_default() error />
                <SelectField
                    name="organisation"
                    label=Key::SeatOrganisationLabel
                    options=organisation_options
                    selected=seat_organisation.unwrap_or_default()
                    error
                />
                <button type="submit" class="button">{move || i18n.t(Key::SaveRoles)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn AccessForms(
    user: UserSummary,
    action: ServerAction<SetUserActive>,
    resend: ServerAction<ResendInvitation>,
    anonymise: ServerAction<AnonymiseUser>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let id = user.id;
    let is_active = user.status == "active";
    let anonymised = user.status == "anonymised";
    let anonymise_error = Signal::derive(move || anonymise.value().get().and_then(Result::err));
    let confirm_error = move || anonymise_error.with(|e| field_error(e, "confirm"));
    let resent = move || matches!(resend.value().get(), Some(Ok(())));
    view! {
        <section class="card" aria-labelledby="access-heading">
            <h2 id="access-heading">{move || i18n.t(Key::AccessTitle)}</h2>
            <div role="status">
                {move || resent().then(|| view! { <p class="notice">{move || i18n.t(Key::InvitationSent)}</p> })}
            </div>
            {(!anonymised).then(|| view! {
                <ActionForm action attr:class="inline-form">
                    <input type="hidden" name="user" value=id.to_string() />
                    <input type="hidden" name="active" value=(!is_active).to_string() />
                    <button type="submit" class="button">
                        {move || i18n.t(if is_active { Key::DeactivateButton } else { Key::ReactivateButton })}
                    </button>
                </ActionForm>
            })}
            {user.invited.then(|| view! {
                <ActionForm action=resend attr:class="inline-form">
                    <input type="hidden" name="user" value=id.to_string() />
                    <button type="submit" class="button">{move || i18n.t(Key::ResendInvitation)}</button>
                </ActionForm>
            })}
        </section>
        {(!anonymised).then(|| view! {
            <section class="card" aria-labelledby="anonymise-heading">
                <h2 id="anonymise-heading">{move || i18n.t(Key::AnonymiseTitle)}</h2>
                <p>{move || i18n.t(Key::AnonymiseText)}</p>
                <ActionForm action=anonymise attr:class="form">
                    <input type="hidden" name="user" value=id.to_string() />
                    <div class="checkbox">
                        <input
                            type="checkbox"
                            id="field-confirm"
                            name="confirm"
                            aria-invalid=move || confirm_error().map(|_| "true")
                            aria-describedby=move || confirm_error().map(|_| "field-confirm-error")
                        />
                        <label for="field-confirm">{move || i18n.t(Key::AnonymiseConfirm)}</label>
                    </div>
                    {move || confirm_error().map(|key| view! {
                        <p class="field__error" id="field-confirm-error">{move || i18n.t(key)}</p>
                    })}
                    <button type="submit" class="button button--danger">{move || i18n.t(Key::AnonymiseButton)}</button>
                </ActionForm>
            </section>
        })}
    }
}

#[component]
fn ContactDistricts(
    user: Uuid,
    choices: Vec<crate::views::DistrictChoice>,
    action: ServerAction<SetContactDistricts>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section class="card" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{move || i18n.t(Key::ContactDistrictsTitle)}</h2>
            <div role="status">
                {move || saved().then(|| view! { <p class="notice">{move || i18n.t(Key::Saved)}</p> })}
            </div>
            <ActionForm action attr:class="form">
                <input type="hidden" name="user" value=user.to_string() />
                <fieldset>
                    <legend>{move || i18n.t(Key::ContactDistrictsIntro)}</legend>
                    <div class="checkbox-grid" id="contact-districts">
                        {choices.into_iter().enumerate().map(|(index, choice)| {
                            let id = format!("contact-district-{index}");
                            view! {
                                <div class="checkbox">
                                    <input
                                        type="checkbox"
                                        id=id.clone()
                                        name=format!("districts[{index}]")
                                        value=choice.id.to_string()
                                        checked=choice.chosen
                                    />
                                    <label for=id>{choice.name}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="button">{move || i18n.t(Key::SaveDistricts)}</button>
            </ActionForm>
        </section>
    }
}
