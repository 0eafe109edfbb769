//! Links to the neighbouring pages of a paged list ("1 / 7"), shown only when there is more than one page.
//! Each list says how its links keep their filters (`link` makes the query string of a page number).

use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Pager(page: u64, pages: u64, link: impl Fn(u64) -> String + 'static) -> impl IntoView {
    let i18n = I18n::expect();
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| link(page - 1));
        let next = (page < pages).then(|| link(page + 1));
        view! {
            <nav class="subnav" aria-label=move || i18n.t(Key::PagesLabel)>
                {previous.map(|href| view! { <A href=href>{move || i18n.t(Key::PagePrevious)}</A> })}
                <span>{format!("{page} / {pages}")}</span>
                {next.map(|href| view! { <A href=href>{move || i18n.t(Key::PageNext)}</A> })}
            </nav>
        }
    })
}
