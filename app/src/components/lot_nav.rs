//! The choice of lots on pages that show one lot of a call at a time (the ranking, the bid list): a city's call
//! has twenty lots, too many for one page. Each lot links to `?lot=`; the one shown is marked current.

use crate::i18n::{I18n, Key};
use leptos::prelude::*;
use model::evaluation::LotChoice;
use uuid::Uuid;

/// Nothing when there is no other lot to choose.
#[component]
pub fn LotNav(choices: Vec<LotChoice>, shown: Option<Uuid>) -> impl IntoView {
    let i18n = I18n::expect();
    (choices.len() > 1).then(|| {
        view! {
            <nav class="subnav" aria-label=move || i18n.t(Key::RankingLots)>
                {choices
                    .into_iter()
                    .map(|choice| {
                        view! {
                            <a href=format!("?lot={}", choice.lot_id) aria-current=(shown == Some(choice.lot_id)).then_some("page")>
                                {choice.title}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
        }
    })
}
