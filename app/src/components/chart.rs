//! Bar charts drawn as SVG on the server (compliance, figures, controlling). A chart is a picture of a data
//! table that the page shows next to it: the SVG is hidden from assistive technology, and the table — with
//! the same numbers in text — is what a screen reader reads (WCAG 1.1.1, 1.4.1). The colours of the series
//! keep a contrast of at least 3:1 against the background (1.4.11) and each has its name in the legend.

use crate::i18n::{I18n, Key};
use leptos::prelude::*;

/// One series of a chart: its name and a value per category.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: Key,
    /// A class of `style/main.css` (`chart-1` … `chart-5`) that gives the series its colour.
    pub class: &'static str,
    pub values: Vec<u64>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 8.0;

/// A round upper end for the value axis: 1, 2 or 5 times a power of ten.
fn axis_top(max: u64) -> u64 {
    let mut step = 1u64;
    loop {
        for factor in [1, 2, 5] {
            let top = step.saturating_mul(factor);
            if top >= max {
                return top.max(1);
            }
        }
        step = step.saturating_mul(10);
    }
}

/// Stacked bars, one per category, with the series stacked from the bottom in their order. `table` is the
/// id of the table that holds the numbers.
#[component]
pub fn StackedBars(categories: Vec<String>, series: Vec<Series>, table: &'static str) -> impl IntoView {
    let i18n = I18n::expect();
    let totals: Vec<u64> = (0..categories.len())
        .map(|i| series.iter().map(|s| s.values.get(i).copied().unwrap_or(0)).sum())
        .collect();
    let top = axis_top(totals.iter().copied().max().unwrap_or(0));
    let plot_height = HEIGHT - BOTTOM - TOP;
    let scale = move |value: u64| value as f64 / top as f64 * plot_height;
    let slot = (WIDTH - LEFT) / categories.len().max(1) as f64;
    let bar = (slot * 0.7).min(48.0);
    // Category labels thin out when there are many bars.
    let every = categories.len().div_ceil(16).max(1);
    let bars = categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
            let mut base = HEIGHT - BOTTOM;
            let parts = series
                .iter()
                .filter_map(|s| {
                    let value = s.values.get(i).copied().unwrap_or(0);
                    (value > 0).then(|| {
                        let height = scale(value);
                        base -= height;
                        view! { <rect class=s.class x=format!("{x:.1}") y=format!("{base:.1}") width=format!("{bar:.1}") height=format!("{height:.1}") /> }
                    })
                })
                .collect_view();
            let label = (i % every == 0).then(|| {
                let middle = x + bar / 2.0;
                view! { <text x=format!("{middle:.1}") y=format!("{:.1}", HEIGHT - 6.0) text-anchor="middle">{category.clone()}</text> }
            });
            view! { <g>{parts}{label}</g> }
        })
        .collect_view();
    let ticks = [0, top / 2, top]
        .into_iter()
        .map(|value| {
            let y = HEIGHT - BOTTOM - scale(value);
            view! {
                <line class="chart-grid" x1=format!("{LEFT:.1}") x2=format!("{WIDTH:.1}") y1=format!("{y:.1}") y2=format!("{y:.1}") />
                <text x=format!("{:.1}", LEFT - 6.0) y=format!("{:.1}", y + 4.0) text-anchor="end">{value.to_string()}</text>
            }
        })
        .collect_view();
    let legend = series
        .iter()
        .map(|s| {
            let label = s.label;
            view! { <li><span class=format!("chart-swatch {}", s.class)></span>{move || i18n.t(label)}</li> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true" focusable="false" data-table=table>
                {ticks}
                {bars}
            </svg>
            <figcaption>
                <ul class="chart-legend">{legend}</ul>
                <a href=format!("#{table}")>{move || i18n.t(Key::ChartTableLink)}</a>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::axis_top;

    #[test]
    fn the_axis_ends_on_a_round_number_at_or_above_the_largest_bar() {
        assert_eq!(axis_top(0), 1);
        assert_eq!(axis_top(3), 5);
        assert_eq!(axis_top(17), 20);
        assert_eq!(axis_top(20), 20);
        assert_eq!(axis_top(51), 100);
        assert_eq!(axis_top(u64::MAX), u64::MAX);
    }
}
