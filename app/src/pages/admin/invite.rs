//! Inviting a person. The form has a page of its own: a steering seat from a carrier names an organisation,
//! and a city has hundreds of them, which the list of people would otherwise carry on every request
//! (issue 16). After an invitation the form stays for the next one, and the notice links to the list.

use crate::admin::users::{InviteUser, invitation_organisations};
use crate::components::{CurrentTenant, ErrorNotice, Field, Protected, SelectField, general_error};
use crate::i18n::{I18n, Key};
use crate::views::OrganisationView;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use model::{Permission, RoleKind};

/// Resources and actions are made outside `Protected` (see `UsersPage`).
#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let invite = ServerAction::<InviteUser>::new();
    let organisations = Resource::new(|| (), |_| invitation_organisations());
    let back = StoredValue::new(format!("/{}/admin/users", tenant.slug));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::InviteTitle))) />
        <Protected permission=Permission::ManageUsers>
            <p><A href=back.get_value()>{move || i18n.t(Key::BackToUsers)}</A></p>
            <h1>{move || i18n.t(Key::InviteTitle)}</h1>
            <p>{move || i18n.t(Key::InviteIntro)}</p>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || {
                    let back = back.get_value();
                    Suspend::new(async move {
                        match organisations.await {
                            Ok(organisations) => view! { <InviteForm action=invite organisations back /> }.into_any(),
                            Err(_) => view! { <ErrorNotice /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </Protected>
    }
}

#[component]
fn InviteForm(action: ServerAction<InviteUser>, organisations: Vec<OrganisationView>, back: String) -> impl IntoView {
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
    let seat_options = super::seat_options(i18n);
    let organisation_options = super::organisation_options(i18n, organisations);
    view! {
        <div role="status">
            {move || {
                let back = back.clone();
                sent().then(|| view! {
                    <p class="notice">
                        {move || i18n.t(Key::InvitationSent)}" "
                        <A href=back>{move || i18n.t(Key::BackToUsers)}</A>
                    </p>
                })
            }}
        </div>
        <div role="alert">
            {move || form_error().map(|text| view! { <p class="notice notice--error">{text}</p> })}
        </div>
        <ActionForm action attr:class="form card" attr:novalidate=true>
            <Field name="name" label=Key::AccountName autocomplete="off" required=true error />
            <Field name="email" label=Key::EmailLabel kind="email" autocomplete="off" required=true error />
            <SelectField name="role" label=Key::RoleLabel options=role_options error />
            <SelectField name="seat" label=Key::SeatLabel options=seat_options error />
            <SelectField name="organisation" label=Key::SeatOrganisationLabel options=organisation_options error />
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || i18n.t(Key::InviteButton)}
            </button>
        </ActionForm>
    }
}
