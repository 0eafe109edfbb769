//! Documents on screen: the decision proposal of a closed call as a printable page, beside its PDF. The
//! page renders the same [`Document`] the PDF is typeset from (`app::documents`), so both say the same;
//! the stylesheet's print rules leave only the document on paper.

use crate::AppError;
use crate::components::{CurrentTenant, NotFound, Protected, error_text};
use crate::documents::{Block, Document, Table, decision_proposal};
use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use model::Permission;
use uuid::Uuid;

#[component]
pub fn DecisionProposalPage() -> impl IntoView {
    let i18n = I18n::expect();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| Uuid::parse_str(&id).ok());
    let proposal = Resource::new(id, |id| async move {
        match id {
            Some(id) => decision_proposal(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ProposalKind))) />
        <Protected permission=Permission::ReadBids>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match (proposal.await, id()) {
                        (Ok(document), Some(call)) => view! { <Proposal document call /> }.into_any(),
                        (Err(AppError::NotFound), _) | (_, None) => view! { <NotFound /> }.into_any(),
                        (Err(err), _) => view! { <p class="notice">{error_text(i18n.locale(), &err)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn Proposal(document: Document, call: Uuid) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let slug = tenant.slug.to_string();
    view! {
        <nav class="no-print" aria-label=move || i18n.t(Key::ProposalKind)>
            <p class="breadcrumb"><A href=format!("/{slug}/calls/{call}/ranking")>{move || i18n.t(Key::RankingTitle)}</A></p>
            <ul class="downloads">
                <li><a href=format!("/{slug}/calls/{call}/decision-proposal.pdf") download>{move || i18n.t(Key::ProposalLinkPdf)}</a></li>
            </ul>
        </nav>
        <DocumentView document />
    }
}

/// A document as HTML: the head with its facts, then the blocks in order.
#[component]
pub fn DocumentView(document: Document) -> impl IntoView {
    view! {
        <article class="document" lang=document.language.clone()>
            <header class="document__head">
                <p class="document__issuer">{document.issuer}</p>
                <p class="document__kind">{document.kind}</p>
                <h1>{document.title}</h1>
                <Facts facts=document.facts />
            </header>
            {document.blocks.into_iter().map(|block| match block {
                Block::Heading(text) => view! { <h2>{text}</h2> }.into_any(),
                Block::Subheading(text) => view! { <h3>{text}</h3> }.into_any(),
                Block::Paragraph(text) => view! { <p class="prose">{text}</p> }.into_any(),
                Block::Facts(facts) => view! { <Facts facts /> }.into_any(),
                Block::Table(table) => view! { <DocumentTable table /> }.into_any(),
            }).collect_view()}
        </article>
    }
}

#[component]
fn Facts(facts: Vec<(String, String)>) -> impl IntoView {
    view! {
        <dl class="facts">
            {facts.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
    }
}

/// A table of the document, written as HTML in one string (see `documents::html`, which escapes it).
#[component]
fn DocumentTable(table: Table) -> impl IntoView {
    // A wide table scrolls on a narrow screen: the region takes the keyboard focus for that (WCAG 2.1.1).
    let label = table.caption.clone();
    view! { <div class="table-scroll" tabindex="0" role="region" aria-label=label inner_html=crate::documents::html::table(&table) /> }
}
