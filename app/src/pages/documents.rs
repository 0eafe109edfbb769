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

fn num_class(numeric: bool) -> &'static str {
    if numeric { "num" } else { "" }
}

#[component]
fn DocumentTable(table: Table) -> impl IntoView {
    let numeric: Vec<bool> = table.columns.iter().map(|c| c.numeric).collect();
    let header = table
        .columns
        .iter()
        .zip(&numeric)
        .map(|(c, n)| view! { <th scope="col" class=num_class(*n)>{c.title.clone()}</th> })
        .collect_view();
    let class_of = move |i: usize| num_class(numeric.get(i).copied().unwrap_or(false));
    let caption = (!table.caption.is_empty()).then(|| view! { <caption>{table.caption.clone()}</caption> });
    let cells = move |row: Vec<String>| {
        row.into_iter()
            .enumerate()
            .map(|(i, cell)| {
                // Multi-line cells (amounts per year) keep their lines.
                let lines = cell.split('\n').map(str::to_owned).collect::<Vec<_>>();
                let last = lines.len().saturating_sub(1);
                let content = lines
                    .into_iter()
                    .enumerate()
                    .map(|(n, line)| view! { {line}{(n < last).then(|| view! { <br /> })} })
                    .collect_view();
                if i == 0 {
                    view! { <th scope="row" class=class_of(i)>{content}</th> }.into_any()
                } else {
                    view! { <td class=class_of(i)>{content}</td> }.into_any()
                }
            })
            .collect_view()
    };
    let total = table.total.clone().map(|row| view! { <tfoot><tr class="total">{cells(row)}</tr></tfoot> });
    // A wide table scrolls on a narrow screen: the region takes the keyboard focus for that (WCAG 2.1.1).
    let label = table.caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="table document-table">
                {caption}
                <thead>
                    <tr>{header}</tr>
                </thead>
                <tbody>{table.rows.into_iter().map(|row| view! { <tr>{cells(row)}</tr> }).collect_view()}</tbody>
                {total}
            </table>
        </div>
    }
}
