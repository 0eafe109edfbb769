//! Carrier organisations: registering through the portal, confirming the email address, the organisation's
//! own page (profile, colleagues), and the administration's list with verification.

use crate::AppError;
use crate::components::{CurrentTenant, ErrorNotice, Field, NewPasswordFields, Protected, error_text, general_error};
use crate::i18n::{I18n, Key};
use crate::organisations::{
    ConfirmEmail, InviteColleague, RegisterOrganisation, UpdateOrganisation, VerifyOrganisation, admin_organisations,
    my_organisation,
};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use model::Permission;
use model::datetime::{DEFAULT_TIME_ZONE, format_date};
use model::organisation::ProfileInput;

/// The organisation's profile fields, filled with `profile` (empty for a new registration).
#[component]
fn ProfileFields(profile: ProfileInput, #[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = I18n::expect();
    let recognised = profile.recognised;
    view! {
        <Field name="organisation_name" label=Key::OrganisationName required=true error value=profile.name />
        <Field name="legal_form" label=Key::LegalForm required=true error value=profile.legal_form />
        <Field name="register_number" label=Key::RegisterNumber error value=profile.register_number />
        <Field name="street" label=Key::Street required=true error value=profile.street autocomplete="street-address" />
        <Field name="postcode" label=Key::Postcode required=true error value=profile.postcode autocomplete="postal-code" />
        <Field name="city" label=Key::City required=true error value=profile.city autocomplete="address-level2" />
        <div class="field field--checkbox">
            <input type="checkbox" id="field-recognised" name="recognised" value="yes" checked=recognised />
            <label for="field-recognised">{move || i18n.t(Key::RecognisedCarrier)}</label>
        </div>
        <Field name="contact_name" label=Key::ContactName required=true error value=profile.contact_name />
        <Field name="contact_email" label=Key::ContactEmail kind="email" required=true error value=profile.contact_email />
        <Field name="contact_phone" label=Key::ContactPhone kind="tel" error value=profile.contact_phone />
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = StoredValue::new(tenant.slug.to_string());
    let action = ServerAction::<RegisterOrganisation>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let done = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::RegisterTitle))) />
        <div class="narrow">
            <h1>{move || i18n.t(Key::RegisterTitle)}</h1>
            <p>{move || i18n.t(Key::RegisterIntro)}</p>
            <div role="status">
                {move || done().then(|| view! { <p class="notice notice--success" id="registered">{move || i18n.t(Key::RegisteredCheckEmail)}</p> })}
            </div>
            <div role="alert">
                {move || general_error(i18n.locale(), error.get()).map(|text| view! { <p class="notice notice--error">{text}</p> })}
            </div>
            <Show when=move || !done()>
                <ActionForm action attr:class="form" attr:novalidate=true>
                    <input type="hidden" name="tenant" value=slug.get_value() />
                    <fieldset>
                        <legend>{move || i18n.t(Key::YourAccount)}</legend>
                        <Field name="name" label=Key::YourName required=true error autocomplete="name" />
                        <Field name="email" label=Key::EmailLabel kind="email" required=true error autocomplete="email" />
                        <NewPasswordFields error />
                    </fieldset>
                    <fieldset>
                        <legend>{move || i18n.t(Key::OrganisationTitle)}</legend>
                        <ProfileFields profile=ProfileInput::default() error />
                    </fieldset>
                    <button type="submit" class="button" disabled=move || action.pending().get()>
                        {move || i18n.t(Key::RegisterButton)}
                    </button>
                </ActionForm>
            </Show>
        </div>
    }
}

#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<ConfirmEmail>::new();
    let sign_in = format!("/{}/sign-in", tenant.slug);
    let slug = StoredValue::new(tenant.slug.to_string());
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ConfirmEmailTitle))) />
        <div class="narrow">
            <h1>{move || i18n.t(Key::ConfirmEmailTitle)}</h1>
            <div role="alert">
                {move || match action.value().get() {
                    Some(Ok(())) => view! {
                        <div class="notice notice--success" id="confirmed">
                            <p>{move || i18n.t(Key::EmailConfirmed)}</p>
                            <p><A href=sign_in.clone()>{move || i18n.t(Key::NavSignIn)}</A></p>
                        </div>
                    }
                    .into_any(),
                    Some(Err(e)) => view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            // A button rather than confirming on load: mail scanners that open links must not use them up.
            <Show when=move || !matches!(action.value().get(), Some(Ok(())))>
                <p>{move || i18n.t(Key::ConfirmEmailIntro)}</p>
                <ActionForm action attr:class="form">
                    <input type="hidden" name="tenant" value=slug.get_value() />
                    <input type="hidden" name="token" value=token />
                    <button type="submit" class="button">{move || i18n.t(Key::ConfirmEmailButton)}</button>
                </ActionForm>
            </Show>
        </div>
    }
}

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let i18n = I18n::expect();
    let update = ServerAction::<UpdateOrganisation>::new();
    let invite = ServerAction::<InviteColleague>::new();
    let page = Resource::new(move || (update.version().get(), invite.version().get()), |_| my_organisation());
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let invite_error = Signal::derive(move || invite.value().get().and_then(Result::err));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::OrganisationTitle))) />
        <Protected permission=Permission::DraftBids>
            <h1>{move || i18n.t(Key::OrganisationTitle)}</h1>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => {
                            let verified = page.organisation.verified_at;
                            view! {
                                <p class="notice" id="verification">
                                    {move || match verified {
                                        Some(at) => format!("{} {}", i18n.t(Key::VerifiedOn), format_date(at, i18n.locale(), DEFAULT_TIME_ZONE)),
                                        None => i18n.t(Key::OrganisationNotVerified).to_owned(),
                                    }}
                                </p>
                                <section class="card" aria-labelledby="profile-heading">
                                    <h2 id="profile-heading">{move || i18n.t(Key::ProfileTitle)}</h2>
                                    <div role="status">
                                        {move || matches!(update.value().get(), Some(Ok(()))).then(|| view! { <p class="notice notice--success">{move || i18n.t(Key::Saved)}</p> })}
                                    </div>
                                    <ActionForm action=update attr:class="form" attr:novalidate=true>
                                        <ProfileFields profile=page.organisation.profile.clone() error=update_error />
                                        <button type="submit" class="button">{move || i18n.t(Key::Save)}</button>
                                    </ActionForm>
                                </section>
                                <section class="card" aria-labelledby="members-heading">
                                    <h2 id="members-heading">{move || i18n.t(Key::MembersTitle)}</h2>
                                    <ul id="members">
                                        {page.members.into_iter().map(|m| view! {
                                            <li>
                                                {m.name}" <"{m.email}">"
                                                {m.pending.then(|| view! { " ("{move || i18n.t(Key::Pending)}")" })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                    <h3>{move || i18n.t(Key::InviteColleague)}</h3>
                                    <p>{move || i18n.t(Key::InviteColleagueIntro)}</p>
                                    <div role="alert">
                                        {move || general_error(i18n.locale(), invite_error.get()).map(|text| view! { <p class="notice notice--error">{text}</p> })}
                                    </div>
                                    <div role="status">
                                        {move || matches!(invite.value().get(), Some(Ok(()))).then(|| view! { <p class="notice notice--success">{move || i18n.t(Key::InvitationSent)}</p> })}
                                    </div>
                                    <ActionForm action=invite attr:class="form" attr:novalidate=true>
                                        <Field name="name" label=Key::AccountName required=true error=invite_error />
                                        <Field name="email" label=Key::EmailLabel kind="email" required=true error=invite_error />
                                        <button type="submit" class="button">{move || i18n.t(Key::SendInvitation)}</button>
                                    </ActionForm>
                                </section>
                            }
                            .into_any()
                        }
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
pub fn AdminOrganisationsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let verify = ServerAction::<VerifyOrganisation>::new();
    let list = Resource::new(move || verify.version().get(), |_| admin_organisations());
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::OrganisationsTitle))) />
        <Protected permission=Permission::ManageUsers>
            <h1>{move || i18n.t(Key::OrganisationsTitle)}</h1>
            <p>{move || i18n.t(Key::OrganisationsIntro)}</p>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => view! { <p>{move || i18n.t(Key::NoOrganisations)}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="table" id="organisations">
                                <caption class="visually-hidden">{move || i18n.t(Key::OrganisationsTitle)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(Key::OrganisationName)}</th>
                                        <th scope="col">{move || i18n.t(Key::LegalForm)}</th>
                                        <th scope="col">{move || i18n.t(Key::RegisterNumber)}</th>
                                        <th scope="col">{move || i18n.t(Key::RecognisedShort)}</th>
                                        <th scope="col">{move || i18n.t(Key::ContactName)}</th>
                                        <th scope="col">{move || i18n.t(Key::StatusLabel)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|o| {
                                        let verified = o.verified_at.is_some();
                                        let p = o.profile;
                                        view! {
                                            <tr>
                                                <th scope="row">{p.name.clone()}<br /><span class="muted">{format!("{}, {} {}", p.street, p.postcode, p.city)}</span></th>
                                                <td>{p.legal_form}</td>
                                                <td>{p.register_number}</td>
                                                <td>{move || i18n.t(if p.recognised { Key::Yes } else { Key::No })}</td>
                                                <td>{p.contact_name}<br /><span class="muted">{p.contact_email}</span></td>
                                                <td>
                                                    {move || i18n.t(if verified { Key::Verified } else { Key::NotVerified })}
                                                    <ActionForm action=verify attr:class="inline-form">
                                                        <input type="hidden" name="organisation" value=o.id.to_string() />
                                                        <input type="hidden" name="verified" value=(!verified).to_string() />
                                                        <button type="submit" class="button button--quiet">
                                                            {move || i18n.t(if verified { Key::Unverify } else { Key::Verify })}
                                                            <span class="visually-hidden">" "{p.name.clone()}</span>
                                                        </button>
                                                    </ActionForm>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }
                        .into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}
