//! "My account": who I am and which roles I hold, my password, and where I am signed in.

use crate::AppError;
use crate::account::{
    ChangePassword, CreateToken, EndSession, RevokeToken, SessionView, TokenView, my_sessions, my_tokens,
};
use crate::components::{CurrentTenant, CurrentUser, ErrorNotice, Field, NewPasswordFields, general_error};
use crate::i18n::{I18n, Key, role_label};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentUser(me) = expect_context::<CurrentUser>();
    // Made here, outside the suspended branch, so server and browser create resources in the same order.
    let end = ServerAction::<EndSession>::new();
    let sessions = Resource::new(move || end.version().get(), |_| my_sessions());
    let create_token = ServerAction::<CreateToken>::new();
    let revoke_token = ServerAction::<RevokeToken>::new();
    let tokens = Resource::new(move || (create_token.version().get(), revoke_token.version().get()), |_| my_tokens());
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let export = StoredValue::new(format!("/{}/account/data.json", tenant.slug));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AccountTitle))) />
        <h1>{move || i18n.t(Key::AccountTitle)}</h1>
        <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(me)) => view! {
                        <section class="card" aria-labelledby="who-heading">
                            <h2 id="who-heading">{me.name.clone()}</h2>
                            <dl class="facts">
                                <dt>{move || i18n.t(Key::EmailLabel)}</dt>
                                <dd>{me.email.to_string()}</dd>
                                {(!me.districts.is_empty()).then(|| {
                                    let districts = me.districts.join(", ");
                                    view! {
                                        <dt>{move || i18n.t(Key::ContactDistrictsTitle)}</dt>
                                        <dd id="my-districts">{districts}</dd>
                                    }
                                })}
                                <dt>{move || i18n.t(Key::AccountRoles)}</dt>
                                <dd>
                                    {if me.roles.is_empty() {
                                        view! { <span>{move || i18n.t(Key::NoRoles)}</span> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="plain-list" id="my-roles">
                                                {me.roles.iter().map(|role| {
                                                    let role = *role;
                                                    view! { <li>{move || role_label(i18n, role)}</li> }
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </dd>
                            </dl>
                        </section>
                        <ChangePasswordForm />
                        <Sessions end sessions />
                        <Tokens create=create_token revoke=revoke_token tokens />
                        <section class="card" aria-labelledby="data-heading">
                            <h2 id="data-heading">{move || i18n.t(Key::MyDataTitle)}</h2>
                            <p>{move || i18n.t(Key::MyDataIntro)}</p>
                            <p><a href=export.get_value() download="spielraum-meine-daten.json" rel="external">
                                {move || i18n.t(Key::MyDataDownload)}
                            </a></p>
                        </section>
                    }
                    .into_any(),
                    Ok(None) => view! { <p>{move || i18n.t(Key::SignInRequired)}</p> }.into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let i18n = I18n::expect();
    let action = ServerAction::<ChangePassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let done = move || matches!(action.value().get(), Some(Ok(())));
    let form_error = move || general_error(i18n.locale(), error.get());
    view! {
        <section class="card" aria-labelledby="password-heading">
            <h2 id="password-heading">{move || i18n.t(Key::ChangePasswordTitle)}</h2>
            <p>{move || i18n.t(Key::ChangePasswordIntro)}</p>
            <div role="status">
                {move || done().then(|| view! { <p class="notice">{move || i18n.t(Key::PasswordChanged)}</p> })}
            </div>
            <div role="alert">
                {move || form_error().map(|text| view! { <p class="notice notice--error">{text}</p> })}
            </div>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <Field
                    name="current_password"
                    label=Key::CurrentPassword
                    kind="password"
                    autocomplete="current-password"
                    required=true
                    error
                />
                <NewPasswordFields error />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {move || i18n.t(Key::SavePassword)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Sessions(end: ServerAction<EndSession>, sessions: Resource<Result<Vec<SessionView>, AppError>>) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <section class="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{move || i18n.t(Key::SessionsTitle)}</h2>
            <p>{move || i18n.t(Key::SessionsIntro)}</p>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(list) => view! {
                            <table class="table" id="session-list">
                                <caption class="visually-hidden">{move || i18n.t(Key::SessionsTitle)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(Key::SessionDevice)}</th>
                                        <th scope="col">{move || i18n.t(Key::SessionAddress)}</th>
                                        <th scope="col">{move || i18n.t(Key::SessionSince)}</th>
                                        <th scope="col">{move || i18n.t(Key::SessionLastSeen)}</th>
                                        <td></td>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|session| view! { <SessionRow session end /> }).collect_view()}
                                </tbody>
                            </table>
                        }
                        .into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SessionRow(session: SessionView, end: ServerAction<EndSession>) -> impl IntoView {
    let i18n = I18n::expect();
    let device = session.user_agent.clone();
    let since = session.signed_in_at;
    let seen = session.last_seen_at;
    view! {
        <tr>
            <th scope="row">
                {move || device.clone().unwrap_or_else(|| i18n.t(Key::UnknownDevice).to_owned())}
            </th>
            <td>{session.client_addr.clone().unwrap_or_default()}</td>
            <td>{move || format_date_time(since, i18n.locale(), DEFAULT_TIME_ZONE)}</td>
            <td>{move || format_date_time(seen, i18n.locale(), DEFAULT_TIME_ZONE)}</td>
            <td>
                {if session.current {
                    view! { <strong>{move || i18n.t(Key::ThisSession)}</strong> }.into_any()
                } else {
                    view! {
                        <ActionForm action=end>
                            <input type="hidden" name="handle" value=session.handle.clone() />
                            <button type="submit" class="button button--small">{move || i18n.t(Key::EndSession)}</button>
                        </ActionForm>
                    }
                    .into_any()
                }}
            </td>
        </tr>
    }
}

#[component]
fn Tokens(
    create: ServerAction<CreateToken>,
    revoke: ServerAction<RevokeToken>,
    tokens: Resource<Result<Vec<TokenView>, AppError>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let error = Signal::derive(move || create.value().get().and_then(Result::err));
    let created = move || create.value().get().and_then(Result::ok);
    let date = move |at: chrono::DateTime<chrono::Utc>| format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE);
    view! {
        <section class="card" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading">{move || i18n.t(Key::TokensTitle)}</h2>
            <p>{move || i18n.t(Key::TokensIntro)}</p>
            <div role="status">
                {move || created().map(|token| view! {
                    <div class="notice">
                        <p>{move || i18n.t(Key::TokenCreated)}</p>
                        <p><code id="new-token">{token}</code></p>
                    </div>
                })}
            </div>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Ok(list) if list.is_empty() => view! { <p>{move || i18n.t(Key::NoTokens)}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="table" id="token-list">
                                <caption class="visually-hidden">{move || i18n.t(Key::TokensTitle)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t(Key::TokenName)}</th>
                                        <th scope="col">{move || i18n.t(Key::TokenCreatedAt)}</th>
                                        <th scope="col">{move || i18n.t(Key::TokenLastUsed)}</th>
                                        <th scope="col">{move || i18n.t(Key::TokenExpires)}</th>
                                        <td></td>
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.into_iter().map(|token| {
                                        let (created, used, expires) = (token.created_at, token.last_used_at, token.expires_at);
                                        view! {
                                            <tr>
                                                <th scope="row">{token.name.clone()}</th>
                                                <td>{move || date(created)}</td>
                                                <td>{move || used.map(date).unwrap_or_else(|| i18n.t(Key::Never).to_owned())}</td>
                                                <td>{move || expires.map(date).unwrap_or_default()}</td>
                                                <td>
                                                    {if token.revoked {
                                                        view! { <span>{move || i18n.t(Key::TokenRevoked)}</span> }.into_any()
                                                    } else {
                                                        view! {
                                                            <ActionForm action=revoke>
                                                                <input type="hidden" name="token" value=token.id.to_string() />
                                                                <button type="submit" class="button button--small">
                                                                    {move || i18n.t(Key::RevokeToken)}
                                                                </button>
                                                            </ActionForm>
                                                        }.into_any()
                                                    }}
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
            <ActionForm action=create attr:class="form" attr:novalidate=true>
                <Field name="name" label=Key::TokenName autocomplete="off" required=true error />
                <Field name="days" label=Key::TokenDays kind="number" autocomplete="off" error />
                <button type="submit" class="button">{move || i18n.t(Key::CreateToken)}</button>
            </ActionForm>
        </section>
    }
}
