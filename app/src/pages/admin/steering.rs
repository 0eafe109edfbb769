use super::seat_key;
use crate::admin::steering::steering_group;
use crate::components::{ErrorNotice, Protected};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use model::{Permission, SeatType};

#[component]
pub fn SteeringPage() -> impl IntoView {
    let i18n = I18n::expect();
    let group = Resource::new(|| (), |_| steering_group());
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::AdminSteering))) />
        <Protected permission=Permission::ManageUsers>
            <h1>{move || i18n.t(Key::AdminSteering)}</h1>
            <p>{move || i18n.t(Key::SteeringIntro)}</p>
            <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match group.await {
                        Ok(group) => {
                            let ok = group.composition.is_as_resolved();
                            let composition = group.composition.clone();
                            view! {
                                {if ok {
                                    view! { <p class="notice" id="composition">{move || i18n.t(Key::CompositionOk)}</p> }.into_any()
                                } else {
                                    view! {
                                        <p class="notice notice--warning" id="composition" role="alert">
                                            {move || i18n.t(Key::CompositionWarning)}
                                        </p>
                                    }.into_any()
                                }}
                                <table class="table" id="seat-summary">
                                    <caption>{move || i18n.t(Key::SeatLabel)}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{move || i18n.t(Key::SeatLabel)}</th>
                                            <th scope="col">{move || i18n.t(Key::SeatsFilled)}</th>
                                            <th scope="col">{move || i18n.t(Key::SeatsPlanned)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {SeatType::ALL.into_iter().map(|seat| {
                                            let filled = composition.of(seat);
                                            view! {
                                                <tr>
                                                    <th scope="row">{move || i18n.t(seat_key(seat))}</th>
                                                    <td>{filled}</td>
                                                    <td>{seat.target_count()}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <ul class="plain-list" id="steering-members">
                                    {group.members.into_iter().map(|member| view! {
                                        <li>{member.name}" – "{move || i18n.t(seat_key(member.seat))}</li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Suspense>
        </Protected>
    }
}
