//! The signed-in user's notifications: calls published, deadlines near, calls closed, receipts, decisions, and
//! reports due or overdue.

use crate::components::{ErrorNotice, Protected};
use crate::i18n::{I18n, Key};
use crate::notifications::{Kind, MarkNotificationsRead, my_notifications};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};

fn kind_key(kind: Kind) -> Key {
    match kind {
        Kind::CallPublished => Key::NoticeCallPublished,
        Kind::DeadlineSoon => Key::NoticeDeadlineSoon,
        Kind::CallClosed => Key::NoticeCallClosed,
        Kind::BidReceipt => Key::NoticeBidReceipt,
        Kind::Decision => Key::NoticeDecision,
        Kind::ReportDueSoon => Key::NoticeReportDueSoon,
        Kind::ReportDueToday => Key::NoticeReportDueToday,
        Kind::ReportOverdue => Key::NoticeReportOverdue,
        Kind::CommissionDueSoon => Key::NoticeCommissionDueSoon,
        Kind::CommissionDueToday => Key::NoticeCommissionDueToday,
        Kind::CommissionOverdue => Key::NoticeCommissionOverdue,
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let list = Resource::new(move || mark.version().get(), |_| my_notifications());
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::NotificationsTitle))) />
        <Protected>
            <h1>{move || i18n.t(Key::NotificationsTitle)}</h1>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => view! { <p>{move || i18n.t(Key::NoNotifications)}</p> }.into_any(),
                        Ok(list) => {
                            let unread = list.iter().any(|n| !n.read);
                            view! {
                                {unread.then(|| view! {
                                    <ActionForm action=mark attr:class="inline-form">
                                        <button type="submit" class="button button--quiet">{move || i18n.t(Key::MarkAllRead)}</button>
                                    </ActionForm>
                                })}
                                <ul class="notification-list" id="notifications">
                                    {list.into_iter().map(|n| {
                                        let at = n.created_at;
                                        let detail = n.params.at;
                                        view! {
                                            <li class:unread=!n.read>
                                                <p>
                                                    <strong>{move || i18n.t(kind_key(n.kind))}</strong>": "
                                                    <A href=n.link.clone()>{n.params.call_title.clone()}{n.params.lot_title.clone().map(|l| format!(" – {l}"))}</A>
                                                </p>
                                                {detail.map(|d| view! {
                                                    <p class="muted">{move || i18n.t(if n.kind == Kind::BidReceipt { Key::ReceivedAt } else { Key::ClosesAt })}": "
                                                    {move || format_date_time(d, i18n.locale(), DEFAULT_TIME_ZONE)}</p>
                                                })}
                                                {n.params.content_hash.clone().map(|h| view! { <p class="muted">{move || i18n.t(Key::ContentHash)}": "<code class="hash">{h.clone()}</code></p> })}
                                                <p class="muted">{move || format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE)}</p>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
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
