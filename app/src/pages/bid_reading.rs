//! Reading submitted bids: one version with its receipt (the organisation any time; the steering group and
//! the administration once the call has closed), and a closed call's bids by lot with the archive downloads.
//! Before closing, administrators see only how many bids each lot has.

use crate::AppError;
use crate::bids::{BidLine, CallBidList, bid_version, call_bids};
use crate::components::{CurrentTenant, ErrorNotice, NotFound, Protected, error_text};
use crate::i18n::{I18n, Key, msg};
use crate::pages::bids::format_size;
use crate::pages::calls::CallFacts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::Permission;
use model::bid::{Answer, SubmittedBid};
use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
use uuid::Uuid;

#[component]
pub fn BidVersionPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let version = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("id").and_then(|id| Uuid::parse_str(&id).ok()),
                params.get("number").and_then(|n| n.parse::<i32>().ok()),
            )
        },
        |(id, number)| async move {
            match (id, number) {
                (Some(id), Some(number)) => bid_version(id, number).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match version.await {
                    Ok(bid) => view! { <VersionView bid /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                    Err(_) => view! { <ErrorNotice /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VersionView(bid: SubmittedBid) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let title = format!("{} – {}", bid.summary.lot_title, bid.summary.organisation_name);
    let submitted_at = bid.version.submitted_at;
    let bid_id = bid.summary.id;
    let attachments = bid.content.attachments.clone();
    let slug = tenant.slug.to_string();
    view! {
        <Title text=format!("{title} – Spielraum") />
        <h1>{title.clone()}</h1>
        <p class="lead">{bid.summary.call_title.clone()}</p>
        <section class="card" aria-labelledby="receipt-heading" id="receipt">
            <h2 id="receipt-heading">{move || i18n.t(Key::ReceiptTitle)}</h2>
            <dl class="facts">
                <dt>{move || i18n.t(Key::VersionLabel)}</dt>
                <dd>{bid.version.number}</dd>
                <dt>{move || i18n.t(Key::ReceivedAt)}</dt>
                <dd>{move || format_date_time(submitted_at, i18n.locale(), DEFAULT_TIME_ZONE)}</dd>
                <dt>{move || i18n.t(Key::ContentHash)}</dt>
                <dd><code class="hash" id="content-hash">{bid.version.content_hash.clone()}</code></dd>
            </dl>
        </section>
        <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{move || i18n.t(Key::AnswersTitle)}</h2>
            <dl class="answers">
                {bid.content.answers.iter().map(|answered| {
                    let text = match &answered.answer {
                        None => "—".to_owned(),
                        Some(Answer::Text(t) | Answer::Choice(t)) => t.clone(),
                        Some(Answer::Number(n)) => n.to_string(),
                        Some(Answer::Money(m)) => m.format(i18n.locale()),
                        Some(Answer::YesNo(yes)) => i18n.t(if *yes { Key::Yes } else { Key::No }).to_owned(),
                        Some(Answer::Files(ids)) => attachments
                            .iter()
                            .filter(|a| ids.contains(&a.id))
                            .map(|a| a.file_name.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                    };
                    view! {
                        <dt>{answered.label.clone()}</dt>
                        <dd class="answer-text">{text}</dd>
                    }
                }).collect_view()}
            </dl>
            <h3>{move || i18n.t(Key::FundingTitle)}</h3>
            <table class="table">
                <caption class="visually-hidden">{move || i18n.t(Key::FundingTitle)}</caption>
                <tbody>
                    {bid.content.amounts.iter().map(|year| {
                        let amount = year.amount;
                        view! { <tr><th scope="row">{year.year}</th><td>{move || amount.format(i18n.locale())}</td></tr> }
                    }).collect_view()}
                    {
                        let total = bid.content.total();
                        view! { <tr><th scope="row">{move || i18n.t(Key::Total)}</th><td>{move || total.format(i18n.locale())}</td></tr> }
                    }
                    <tr><th scope="row">{move || i18n.t(Key::FteLabel)}</th><td>{bid.content.fte.value().to_string()}</td></tr>
                </tbody>
            </table>
            {(!bid.content.attachments.is_empty()).then(|| view! {
                <h3>{move || i18n.t(Key::AttachmentsTitle)}</h3>
                <ul class="attachment-list">
                    {bid.content.attachments.iter().map(|a| {
                        let href = format!("/{slug}/bids/{bid_id}/attachments/{}", a.id);
                        view! {
                            <li>
                                <a href=href download>{a.file_name.clone()}</a>
                                " ("{format_size(a.size_bytes)}") "
                                <code class="hash">{a.sha256[..16].to_owned()}"…"</code>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// `/{tenant}/calls/{id}/bids`: a closed call's bids one lot at a time (`?lot=`, else the first the caller may
/// see), with the counts per lot for administrators and the sealed notice before closing.
#[component]
pub fn CallBidsPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let query = use_query_map();
    // A lot that is not an id is not found.
    let lot = move || match query.read().get("lot") {
        Some(text) => Uuid::parse_str(&text).map(Some).map_err(|_| ()),
        None => Ok(None),
    };
    let bids = Resource::new(
        move || (params.read().get("id").and_then(|id| Uuid::parse_str(&id).ok()), lot()),
        |(id, lot)| async move {
            match (id, lot) {
                (Some(id), Ok(lot)) => call_bids(id, lot).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::CallBidsTitle))) />
        <Protected permission=Permission::ReadBids>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match bids.await {
                        Ok(view) => view! { <CallBids view /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(err @ AppError::Evaluation { .. }) => {
                            view! { <p class="notice">{error_text(i18n.locale(), &err)}</p> }.into_any()
                        }
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn CallBids(view: CallBidList) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    let call_id = view.call.id;
    let closes_at = view.call.closes_at;
    let counts = view.counts.clone();
    let undeclared = view.undeclared_lots;
    let shown = view.lot;
    let title = view.choices.iter().find(|c| Some(c.lot_id) == shown).map(|c| c.title.clone());
    view! {
        <h1>{move || i18n.t(Key::CallBidsTitle)}</h1>
        <p class="lead">{view.call.title.clone()}</p>
        <CallFacts summary=view.call.clone() />
        {(!counts.is_empty()).then(|| view! {
            <table class="table" id="lot-counts">
                <caption>{move || i18n.t(Key::BidCountsTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::LotLabel)}</th>
                        <th scope="col">{move || i18n.t(Key::BidStatusSubmitted)}</th>
                        <th scope="col">{move || i18n.t(Key::BidsInProgress)}</th>
                    </tr>
                </thead>
                <tbody>
                    {counts.into_iter().map(|c| view! {
                        <tr><th scope="row">{c.lot_title}</th><td>{c.submitted}</td><td>{c.drafts}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        {(undeclared > 0).then(|| view! {
            <p class="notice" id="undeclared-lots">
                {move || msg::bids_undeclared_lots(i18n.locale(), msg::BidsUndeclaredLots { count: i64::from(undeclared) })}" "
                <A href=format!("/{slug}/calls/{call_id}/evaluation")>{move || i18n.t(Key::EvaluationTitle)}</A>
            </p>
        })}
        <crate::components::LotNav choices=view.choices.clone() shown />
        {match (view.bids, shown) {
            (None, _) => view! {
                <p class="notice" id="sealed">
                    {move || i18n.t(Key::BidsSealedUntil)}" "
                    {move || format_date_time(closes_at, i18n.locale(), DEFAULT_TIME_ZONE)}
                </p>
            }
            .into_any(),
            (Some(bids), Some(lot_id)) if !bids.is_empty() => {
                let archive = format!("/{slug}/calls/{call_id}/lots/{lot_id}/bids.zip");
                let lot_title = title.unwrap_or_else(|| bids[0].lot_title.clone());
                view! {
                    <div id="submitted-bids">
                        <section class="card">
                            <h2>{lot_title}</h2>
                            <p><a href=archive download>{move || i18n.t(Key::DownloadArchive)}</a></p>
                            <ul>
                                {bids.into_iter().map(|b: BidLine| {
                                    let href = format!("/{slug}/bids/{}/versions/{}", b.bid_id, b.version);
                                    let total = b.total;
                                    view! {
                                        <li>
                                            <A href=href>{b.organisation_name.clone()}</A>
                                            " · "{move || total.format(i18n.locale())}
                                            " · "{b.fte.format(i18n.locale())}" "{move || i18n.t(Key::FteShort)}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    </div>
                }
                .into_any()
            }
            (Some(_), _) if undeclared > 0 => ().into_any(),
            (Some(_), _) => view! { <p>{move || i18n.t(Key::NoSubmittedBids)}</p> }.into_any(),
        }}
    }
}
