//! Two views over many reports (issue 13, items 5 and 6): whether the posts report on time — per post and
//! quarter, with a chart — and the reports' figures added up per year, district and quarter for controlling
//! and the committee. Both show only the posts the caller may read (`app::reports::ops`), and each chart
//! has its numbers in a table next to it.

use crate::components::chart::{Series, StackedBars};
use crate::components::{CurrentTenant, ErrorNotice, Protected};
use crate::i18n::{I18n, Key};
use crate::reports::{report_compliance, report_figures};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use model::Locale;
use model::report::compliance::{Compliance, ComplianceCounts, ComplianceView, quarter_of};
use model::report::totals::{FigureTotals, FiguresView, Trend};
use rust_decimal::Decimal;
use chrono::Datelike;
use uuid::Uuid;

fn status_key(status: Compliance) -> Key {
    match status {
        Compliance::OnTime => Key::ComplianceOnTime,
        Compliance::Late => Key::ComplianceLate,
        Compliance::Missing => Key::ComplianceMissing,
        Compliance::Returned => Key::ComplianceReturned,
        Compliance::Pending => Key::CompliancePending,
    }
}

fn status_class(status: Compliance) -> &'static str {
    match status {
        Compliance::OnTime => "chart-1",
        Compliance::Late => "chart-2",
        Compliance::Returned => "chart-3",
        Compliance::Missing => "chart-4",
        Compliance::Pending => "chart-5",
    }
}

fn quarter_label(year: i32, quarter: u32) -> String {
    format!("Q{quarter} {year}")
}

/// The `year` of the query, if it is one.
pub(crate) fn year_query() -> Memo<Option<i32>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("year").and_then(|y| y.parse().ok()))
}

/// A form that chooses the year (and, with `all`, all years), kept in the address.
#[component]
pub(crate) fn YearChoice(years: Vec<i32>, chosen: Option<i32>, all: bool) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <Form method="GET" action="" attr:class="filter-form">
            <div class="field">
                <label for="field-year">{move || i18n.t(Key::OverviewYear)}</label>
                <select id="field-year" name="year">
                    {all.then(|| view! { <option value="" selected=chosen.is_none()>{move || i18n.t(Key::OverviewAllYears)}</option> })}
                    {years.into_iter().rev().map(|y| view! { <option value=y.to_string() selected=chosen == Some(y)>{y.to_string()}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{move || i18n.t(Key::FilterButton)}</button>
        </Form>
    }
}

/// Links between the list of reports and the two overviews.
#[component]
pub(crate) fn OverviewLinks() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/reports", tenant.slug);
    view! {
        <nav class="subnav" aria-label=move || i18n.t(Key::ReportsTitle)>
            <A href=base.clone()>{move || i18n.t(Key::ReportsAllTitle)}</A>
            <A href=format!("{base}/compliance")>{move || i18n.t(Key::ComplianceTitle)}</A>
            <A href=format!("{base}/figures")>{move || i18n.t(Key::FiguresTitle)}</A>
        </nav>
    }
}

/// What both overviews share: the title, the links between them and the lead, for signed-in callers.
#[component]
fn OverviewFrame(title: Key, intro: Key, children: ChildrenFn) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(title))) />
        <Protected>
            <h1>{move || i18n.t(title)}</h1>
            <OverviewLinks />
            <p class="lead">{move || i18n.t(intro)}</p>
            {children()}
        </Protected>
    }
}

#[component]
pub fn CompliancePage() -> impl IntoView {
    let i18n = I18n::expect();
    let year = year_query();
    let overview = Resource::new(move || year.get(), report_compliance);
    view! {
        <OverviewFrame title=Key::ComplianceTitle intro=Key::ComplianceIntro>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(view) => view! { <ComplianceBody view /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </OverviewFrame>
    }
}

#[component]
fn ComplianceBody(view: ComplianceView) -> impl IntoView {
    let i18n = I18n::expect();
    let categories: Vec<String> = view.quarters.iter().map(|q| quarter_label(q.year, q.quarter)).collect();
    let series: Vec<Series> = Compliance::ALL
        .into_iter()
        .map(|status| Series {
            label: status_key(status),
            class: status_class(status),
            values: view.quarters.iter().map(|q| u64::from(q.counts.get(status))).collect(),
        })
        .collect();
    let totals = view.totals;
    let empty = view.entries.is_empty();
    view! {
        <YearChoice years=view.years.clone() chosen=view.year all=true />
        {if empty {
            view! { <p>{move || i18n.t(Key::ReportsNone)}</p> }.into_any()
        } else {
            view! {
                <Counts counts=totals />
                <h2 id="compliance-chart">{move || i18n.t(Key::ComplianceByQuarter)}</h2>
                <StackedBars categories series table="compliance-quarters" />
                <QuarterTable view=view.clone() />
                <h2 id="compliance-posts">{move || i18n.t(Key::ComplianceByPost)}</h2>
                <PostGrid view />
            }
            .into_any()
        }}
    }
}

#[component]
fn Counts(counts: ComplianceCounts) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <dl class="facts" id="compliance-totals">
            {Compliance::ALL.into_iter().map(|status| view! {
                <dt>{move || i18n.t(status_key(status))}</dt>
                <dd>{counts.get(status)}</dd>
            }).collect_view()}
        </dl>
    }
}

#[component]
fn QuarterTable(view: ComplianceView) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compliance-quarters-caption">
            <table class="table" id="compliance-quarters">
                <caption id="compliance-quarters-caption">{move || i18n.t(Key::ComplianceByQuarter)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::OverviewQuarter)}</th>
                        {Compliance::ALL.into_iter().map(|s| view! { <th scope="col" class="number">{move || i18n.t(status_key(s))}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {view.quarters.into_iter().map(|q| view! {
                        <tr>
                            <th scope="row">{quarter_label(q.year, q.quarter)}</th>
                            {Compliance::ALL.into_iter().map(|s| view! { <td class="number">{q.counts.get(s)}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Posts as rows, quarters as columns; each cell names the standing of the post's reports of that quarter
/// in words (the colour only repeats it) and links to those the caller may open.
#[component]
fn PostGrid(view: ComplianceView) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/reports", tenant.slug);
    let mut quarters: Vec<(i32, u32)> = view.quarters.iter().map(|q| (q.year, q.quarter)).collect();
    quarters.dedup();
    let mut posts: Vec<(Uuid, String, String)> = Vec::new();
    for entry in &view.entries {
        if !posts.iter().any(|(id, _, _)| *id == entry.post_id) {
            posts.push((entry.post_id, entry.district.clone(), entry.organisation.clone()));
        }
    }
    let entries = view.entries;
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compliance-posts">
            <table class="table compliance-grid" id="compliance-grid">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::ReportDistrict)}</th>
                        {quarters.iter().map(|&(y, q)| view! { <th scope="col">{quarter_label(y, q)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {posts.into_iter().map(|(post, district, organisation)| {
                        let cells = quarters.iter().map(|&(y, q)| {
                            let here: Vec<_> = entries
                                .iter()
                                .filter(|e| e.post_id == post && e.period_start.year() == y && quarter_of(e.period_start) == q)
                                .cloned()
                                .collect();
                            view! {
                                <td>
                                    {here.into_iter().map(|e| {
                                        let status = e.status;
                                        let label = move || i18n.t(status_key(status));
                                        let class = format!("status {}", status_class(status));
                                        match e.report_id {
                                            Some(id) => view! { <A href=format!("{base}/{id}") attr:class=class>{label}</A> }.into_any(),
                                            None => view! { <span class=class>{label}</span> }.into_any(),
                                        }
                                    }).collect_view()}
                                </td>
                            }
                        }).collect_view();
                        view! {
                            <tr>
                                <th scope="row">{district}<br /><small>{organisation}</small></th>
                                {cells}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn FiguresPage() -> impl IntoView {
    let i18n = I18n::expect();
    let year = year_query();
    let figures = Resource::new(move || year.get(), report_figures);
    view! {
        <OverviewFrame title=Key::FiguresTitle intro=Key::FiguresIntro>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match figures.await {
                        Ok(view) if view.years.is_empty() => view! { <p>{move || i18n.t(Key::FiguresNone)}</p> }.into_any(),
                        Ok(view) => view! { <FiguresBody view /> }.into_any(),
                        Err(_) => view! { <ErrorNotice /> }.into_any(),
                    }
                })}
            </Transition>
        </OverviewFrame>
    }
}

fn trend_text(change: Option<Decimal>, locale: Locale) -> String {
    change.map(|c| format!(" ({}{} %)", if c.is_sign_positive() && !c.is_zero() { "+" } else { "" }, locale.decimal(c))).unwrap_or_default()
}

const FIGURE_KEYS: [Key; 7] = [
    Key::FiguresReports,
    Key::ReportFigureNetworkPartners,
    Key::ReportFigureMeetings,
    Key::ReportFigureMeasures,
    Key::ReportFigurePeople,
    Key::ReportFigureHours,
    Key::ReportFigureMoney,
];

/// The cells of one row of totals, each with its trend when there is one.
fn figure_cells(totals: FigureTotals, trend: Option<Trend>) -> impl IntoView {
    let i18n = I18n::expect();
    let f = totals.figures;
    let t = trend.unwrap_or_default();
    let count = move |n: u32, change: Option<Decimal>| {
        view! { <td class="number">{n}{move || trend_text(change, i18n.locale())}</td> }
    };
    view! {
        <td class="number">{totals.reports}</td>
        {count(f.network_partners, t.network_partners)}
        {count(f.meetings, t.meetings)}
        {count(f.measures_started, t.measures_started)}
        {count(f.people_reached, t.people_reached)}
        <td class="number">{move || format!("{}{}", i18n.locale().decimal(f.hours_worked), trend_text(t.hours_worked, i18n.locale()))}</td>
        <td class="number">{move || format!("{}{}", f.money_spent.format(i18n.locale()), trend_text(t.money_spent, i18n.locale()))}</td>
    }
}

fn figure_head(first: Key) -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <thead>
            <tr>
                <th scope="col">{move || i18n.t(first)}</th>
                {FIGURE_KEYS.into_iter().map(|k| view! { <th scope="col" class="number">{move || i18n.t(k)}</th> }).collect_view()}
            </tr>
        </thead>
    }
}

#[component]
fn FiguresBody(view: FiguresView) -> impl IntoView {
    let i18n = I18n::expect();
    let chosen = view.year.unwrap_or_default();
    let categories: Vec<String> = view.years.iter().map(|y| y.year.to_string()).collect();
    let series = vec![Series {
        label: Key::ReportFigurePeople,
        class: "chart-1",
        values: view.years.iter().map(|y| u64::from(y.totals.figures.people_reached)).collect(),
    }];
    view! {
        <YearChoice years=view.years.iter().map(|y| y.year).collect() chosen=view.year all=false />
        <h2>{move || i18n.t(Key::FiguresByYear)}</h2>
        <p>{move || i18n.t(Key::FiguresLevelNote)}</p>
        <StackedBars categories series table="figures-years" />
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="figures-years-caption">
            <table class="table" id="figures-years">
                <caption id="figures-years-caption">{move || i18n.t(Key::FiguresByYear)}</caption>
                {figure_head(Key::OverviewYear)}
                <tbody>
                    {view.years.into_iter().map(|y| view! {
                        <tr><th scope="row">{y.year}</th>{figure_cells(y.totals, Some(y.trend))}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>{move || format!("{} {chosen}", i18n.t(Key::FiguresByDistrict))}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="figures-districts-caption">
            <table class="table" id="figures-districts">
                <caption id="figures-districts-caption" class="visually-hidden">{move || format!("{} {chosen}", i18n.t(Key::FiguresByDistrict))}</caption>
                {figure_head(Key::ReportDistrict)}
                <tbody>
                    {view.districts.into_iter().map(|d| view! {
                        <tr><th scope="row">{d.district}</th>{figure_cells(d.totals, None)}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>{move || format!("{} {chosen}", i18n.t(Key::FiguresByQuarter))}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="figures-quarters-caption">
            <table class="table" id="figures-quarters">
                <caption id="figures-quarters-caption" class="visually-hidden">{move || format!("{} {chosen}", i18n.t(Key::FiguresByQuarter))}</caption>
                {figure_head(Key::OverviewQuarter)}
                <tbody>
                    {view.quarters.into_iter().map(|q| view! {
                        <tr><th scope="row">{quarter_label(q.year, q.quarter)}</th>{figure_cells(q.totals, None)}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
