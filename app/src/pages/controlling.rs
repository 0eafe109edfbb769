//! Controlling (issue 14): the dashboard of a budget year — money per module and year, the burn-down, each
//! post's money, the districts' coverage — and the ledger with the administration's forms (a budget, a
//! payment, a correction per row, the closing of a year). The steering group reads both; only the
//! administration sees the forms. Every chart is drawn on the server with its numbers in a table beside it.

use crate::components::chart::{Series, StackedBars};
use crate::components::{CurrentTenant, ErrorNotice, Field, Protected, SelectField, error_text};
use crate::controlling::{
    AddLedgerEntry, CloseBudgetYear, ImportLedger, SaveCommitteeText, committee_report, committee_text, controlling_dashboard,
    ledger_entries,
};
use crate::pages::documents::DocumentView;
use crate::i18n::{I18n, Key};
use crate::pages::report_overview::{YearChoice, year_query};
use crate::components::CurrentUser;
use crate::AppError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use model::Money;
use model::award::PostView;
use model::call::Module;
use model::controlling::{Coverage, DashboardView};
use model::ledger::{BudgetView, EntryKind, EntryView, LedgerPage};

fn module_key(module: Module) -> Key {
    match module {
        Module::Steering => Key::SteeringContract,
        Module::Practice => Key::ModulePractice,
    }
}

fn kind_key(kind: EntryKind) -> Key {
    match kind {
        EntryKind::Appropriation => Key::LedgerAppropriation,
        EntryKind::Commitment => Key::LedgerCommitment,
        EntryKind::Disbursement => Key::LedgerDisbursement,
        EntryKind::CarryIn => Key::LedgerCarryIn,
        EntryKind::CarryOut => Key::LedgerCarryOut,
    }
}

fn coverage_key(coverage: Coverage) -> Key {
    match coverage {
        Coverage::Active => Key::CoverageActive,
        Coverage::Vacant => Key::CoverageVacant,
        Coverage::Uncovered => Key::CoverageUncovered,
    }
}

fn coverage_class(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Active => "chart-1",
        Coverage::Vacant => "chart-2",
        Coverage::Uncovered => "chart-4",
    }
}

/// Whole euros for a bar (never below zero).
fn euros(money: Money) -> u64 {
    use rust_decimal::prelude::ToPrimitive;
    money.amount().trunc().to_u64().unwrap_or(0)
}

/// Links between the dashboard and the ledger.
#[component]
fn ControllingLinks() -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/controlling", tenant.slug);
    view! {
        <nav class="subnav" aria-label=move || i18n.t(Key::ControllingTitle)>
            <A href=base.clone()>{move || i18n.t(Key::ControllingDashboard)}</A>
            <A href=format!("{base}/ledger")>{move || i18n.t(Key::LedgerTitle)}</A>
            <A href=format!("{base}/committee-report")>{move || i18n.t(Key::CommitteeTitle)}</A>
        </nav>
    }
}

/// What a controlling page shows when its data cannot be had: the refusal, a year that is not one, or the
/// general error notice.
fn failed(err: AppError) -> AnyView {
    let i18n = I18n::expect();
    match err {
        AppError::Forbidden => view! { <p class="notice notice--error">{move || i18n.t(Key::ForbiddenText)}</p> }.into_any(),
        AppError::Invalid { .. } => view! { <p class="notice notice--error">{move || i18n.t(Key::ErrorText)}</p> }.into_any(),
        _ => view! { <ErrorNotice /> }.into_any(),
    }
}

#[component]
pub fn ControllingPage() -> impl IntoView {
    let i18n = I18n::expect();
    let year = year_query();
    let dashboard = Resource::new(move || year.get(), controlling_dashboard);
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ControllingTitle))) />
        <Protected>
            <h1>{move || i18n.t(Key::ControllingTitle)}</h1>
            <ControllingLinks />
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match dashboard.await {
                        Ok(view) => view! { <Dashboard view /> }.into_any(),
                        Err(err) => failed(err),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn Dashboard(view: DashboardView) -> impl IntoView {
    let i18n = I18n::expect();
    let year = view.year;
    let lead = format!("{} ({})", view.programme, view.programme_reference);
    view! {
        <p class="lead">{lead}</p>
        <YearChoice years=view.years.clone() chosen=Some(year) all=false />
        <h2 id="budget-heading">{move || format!("{} {year}", i18n.t(Key::BudgetHeading))}</h2>
        {view.budget.closed.then(|| view! { <p class="notice">{move || i18n.t(Key::BudgetClosedNote)}</p> })}
        <BudgetTable budget=view.budget.clone() />
        <h2 id="history-heading">{move || i18n.t(Key::HistoryHeading)}</h2>
        <History view=view.clone() />
        <h2 id="burn-heading">{move || format!("{} {year}", i18n.t(Key::BurnDownHeading))}</h2>
        <BurnDown view=view.clone() />
        <h2 id="posts-money-heading">{move || format!("{} {year}", i18n.t(Key::PostsMoneyHeading))}</h2>
        <PostsMoney view=view.clone() />
        <h2 id="coverage-heading">{move || format!("{} {year}", i18n.t(Key::CoverageHeading))}</h2>
        <CoverageGrid view />
    }
}

/// The budget of a year per programme and module, with the total.
#[component]
pub(crate) fn BudgetTable(budget: BudgetView) -> impl IntoView {
    let i18n = I18n::expect();
    let money = move |m: Money| view! { <td class="number">{move || m.format(i18n.locale())}</td> };
    let headings = [
        Key::BudgetAppropriated,
        Key::BudgetCarriedIn,
        Key::BudgetCommitted,
        Key::BudgetDisbursed,
        Key::BudgetCarriedOut,
        Key::BudgetAvailable,
    ];
    let total = budget.total.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="budget-caption">
            <table class="table" id="budget-table">
                <caption id="budget-caption">{move || format!("{} {}", i18n.t(Key::BudgetHeading), budget.year)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::BudgetModule)}</th>
                        {headings.map(|k| view! { <th scope="col" class="number">{move || i18n.t(k)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {budget.modules.into_iter().map(|line| {
                        let module = line.module;
                        view! {
                            <tr>
                                <th scope="row">{move || i18n.t(module_key(module))}</th>
                                {money(line.appropriated)}{money(line.carried_in)}{money(line.committed)}
                                {money(line.disbursed)}{money(line.carried_out)}{money(line.available)}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{move || i18n.t(Key::BudgetTotal)}</th>
                        {money(total.appropriated)}{money(total.carried_in)}{money(total.committed)}
                        {money(total.disbursed)}{money(total.carried_out)}{money(total.available)}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// Bars over the years: what was paid, carried on, and is still available, stacked to what each year had.
#[component]
fn History(view: DashboardView) -> impl IntoView {
    let i18n = I18n::expect();
    let categories: Vec<String> = view.history.iter().map(|y| y.year.to_string()).collect();
    let series = vec![
        Series { label: Key::BudgetDisbursed, class: "chart-1", values: view.history.iter().map(|y| euros(y.disbursed)).collect() },
        Series { label: Key::BudgetCarriedOut, class: "chart-3", values: view.history.iter().map(|y| euros(y.carried_out)).collect() },
        Series { label: Key::BudgetAvailable, class: "chart-5", values: view.history.iter().map(|y| euros(y.available)).collect() },
    ];
    let money = move |m: Money| view! { <td class="number">{move || m.format(i18n.locale())}</td> };
    view! {
        <StackedBars categories series table="history-table" />
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-caption">
            <table class="table" id="history-table">
                <caption id="history-caption">{move || i18n.t(Key::HistoryHeading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::BudgetYear)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BudgetAppropriated)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BudgetCarriedIn)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BudgetCommitted)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BudgetDisbursed)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BudgetCarriedOut)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BudgetAvailable)}</th>
                        <th scope="col">{move || i18n.t(Key::BudgetState)}</th>
                    </tr>
                </thead>
                <tbody>
                    {view.history.into_iter().map(|y| {
                        let state = if y.closed { Key::BudgetYearClosed } else { Key::BudgetYearOpen };
                        view! {
                            <tr>
                                <th scope="row">{y.year}</th>
                                {money(y.appropriated)}{money(y.carried_in)}{money(y.committed)}
                                {money(y.disbursed)}{money(y.carried_out)}{money(y.available)}
                                <td>{move || i18n.t(state)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The year month by month: what was left at each month's end, and what was paid.
#[component]
fn BurnDown(view: DashboardView) -> impl IntoView {
    let i18n = I18n::expect();
    if view.burn_down.is_empty() {
        return view! { <p>{move || i18n.t(Key::BurnDownNone)}</p> }.into_any();
    }
    let categories: Vec<String> = view.burn_down.iter().map(|m| format!("{:02}", m.month)).collect();
    let series = vec![Series {
        label: Key::BudgetAvailable,
        class: "chart-3",
        values: view.burn_down.iter().map(|m| euros(m.available)).collect(),
    }];
    let year = view.year;
    view! {
        <StackedBars categories series table="burn-table" />
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="burn-caption">
            <table class="table" id="burn-table">
                <caption id="burn-caption">{move || format!("{} {year}", i18n.t(Key::BurnDownHeading))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::BurnDownMonth)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BurnDownPaid)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BurnDownLeft)}</th>
                    </tr>
                </thead>
                <tbody>
                    {view.burn_down.into_iter().map(|m| view! {
                        <tr>
                            <th scope="row">{format!("{:02}/{year}", m.month)}</th>
                            <td class="number">{move || m.disbursed.format(i18n.locale())}</td>
                            <td class="number">{move || m.available.format(i18n.locale())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Each post's funding against the money its reports say it spent and what was paid.
#[component]
fn PostsMoney(view: DashboardView) -> impl IntoView {
    let i18n = I18n::expect();
    if view.posts.is_empty() {
        return view! { <p>{move || i18n.t(Key::PostsMoneyNone)}</p> }.into_any();
    }
    let money = move |m: Money| view! { <td class="number">{move || m.format(i18n.locale())}</td> };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="posts-money-caption">
            <table class="table" id="posts-money">
                <caption id="posts-money-caption">{move || i18n.t(Key::PostsMoneyHeading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::ReportDistrict)}</th>
                        <th scope="col">{move || i18n.t(Key::PostsMoneyCarrier)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::PostsMoneyFunded)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::PostsMoneySpent)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::BudgetDisbursed)}</th>
                    </tr>
                </thead>
                <tbody>
                    {view.posts.into_iter().map(|p| {
                        let module = p.module;
                        let district = p.district.clone();
                        view! {
                            <tr>
                                <th scope="row">{move || district.clone().unwrap_or_else(|| i18n.t(module_key(module)).to_owned())}</th>
                                <td>{p.organisation}</td>
                                {money(p.funded)}{money(p.spent)}{money(p.disbursed)}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The districts as tiles — covered, vacant or without a post, in words (the colour only repeats it) — and
/// the same with their working time and reports in a table.
#[component]
fn CoverageGrid(view: DashboardView) -> impl IntoView {
    let i18n = I18n::expect();
    let decimal = move |d: rust_decimal::Decimal| i18n.locale().decimal(d);
    let tiles = view.districts.clone();
    view! {
        <ul class="coverage-grid" id="coverage-grid">
            {tiles.into_iter().map(|d| {
                let coverage = d.coverage;
                let (filled, planned) = (d.fte_filled, d.fte_planned);
                view! {
                    <li class=format!("coverage-tile status {}", coverage_class(coverage))>
                        <strong>{d.name}</strong>
                        <span>{move || i18n.t(coverage_key(coverage))}</span>
                        <span>{move || format!("{} {} / {}", i18n.t(Key::CoverageFte), decimal(filled), decimal(planned))}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="coverage-caption">
            <table class="table" id="coverage-table">
                <caption id="coverage-caption">{move || i18n.t(Key::CoverageHeading)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::ReportDistrict)}</th>
                        <th scope="col">{move || i18n.t(Key::CoverageState)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::CoverageFte)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::ComplianceOnTime)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::ComplianceLate)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::ComplianceMissing)}</th>
                    </tr>
                </thead>
                <tbody>
                    {view.districts.into_iter().map(|d| {
                        let coverage = d.coverage;
                        let (filled, planned) = (d.fte_filled, d.fte_planned);
                        view! {
                            <tr>
                                <th scope="row">{d.name}</th>
                                <td>{move || i18n.t(coverage_key(coverage))}</td>
                                <td class="number">{move || format!("{} / {}", decimal(filled), decimal(planned))}</td>
                                <td class="number">{d.on_time}</td>
                                <td class="number">{d.late}</td>
                                <td class="number">{d.missing}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn LedgerPage() -> impl IntoView {
    let i18n = I18n::expect();
    let query = use_query_map();
    let param = move |name: &'static str| query.read().get(name).filter(|v| !v.is_empty());
    let add = ServerAction::<AddLedgerEntry>::new();
    let correct = ServerAction::<AddLedgerEntry>::new();
    let close = ServerAction::<CloseBudgetYear>::new();
    // Made here, not in the forms: a resource made inside the suspended branch would hydrate out of order.
    let posts = Resource::new(|| (), |_| crate::awards::posts());
    let entries = Resource::new(
        move || {
            let versions = (add.version().get(), correct.version().get(), close.version().get());
            (param("year"), param("kind"), param("page"), versions)
        },
        |(year, kind, page, ..)| ledger_entries(year.and_then(|y| y.parse().ok()), kind, page.and_then(|p| p.parse().ok())),
    );
    let CurrentUser(me) = expect_context::<CurrentUser>();
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::LedgerTitle))) />
        <Protected>
            <h1>{move || i18n.t(Key::LedgerTitle)}</h1>
            <ControllingLinks />
            <p class="lead">{move || i18n.t(Key::LedgerIntro)}</p>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    // The forms are the administration's; the server refuses them to anyone else anyway.
                    let writes = me.await.ok().flatten().is_some_and(|me| model::policy::allows(&me.roles, model::Permission::WriteLedger));
                    match entries.await {
                        Ok((page, years)) => view! {
                            <LedgerFilter years=years.clone() />
                            <LedgerTable page writes correct />
                            {writes.then(|| view! { <LedgerForms years add close posts /> })}
                        }.into_any(),
                        Err(err) => failed(err),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn LedgerFilter(years: Vec<i32>) -> impl IntoView {
    let i18n = I18n::expect();
    let query = use_query_map();
    let chosen = move |name: &'static str| query.read().get(name).unwrap_or_default();
    view! {
        <Form method="GET" action="" attr:class="filter-form">
            <div class="field">
                <label for="ledger-year">{move || i18n.t(Key::BudgetYear)}</label>
                <select id="ledger-year" name="year">
                    <option value="">{move || i18n.t(Key::OverviewAllYears)}</option>
                    {years.into_iter().rev().map(|y| view! { <option value=y.to_string() selected=move || chosen("year") == y.to_string()>{y.to_string()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="ledger-kind">{move || i18n.t(Key::LedgerKind)}</label>
                <select id="ledger-kind" name="kind">
                    <option value="">{move || i18n.t(Key::LedgerAnyKind)}</option>
                    {EntryKind::ALL.map(|k| view! { <option value=k.as_str() selected=move || chosen("kind") == k.as_str()>{move || i18n.t(kind_key(k))}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{move || i18n.t(Key::FilterButton)}</button>
        </Form>
    }
}

#[component]
fn LedgerTable(page: LedgerPage, writes: bool, correct: ServerAction<AddLedgerEntry>) -> impl IntoView {
    let i18n = I18n::expect();
    let query = use_query_map();
    if page.entries.is_empty() {
        return view! { <p>{move || i18n.t(Key::LedgerNone)}</p> }.into_any();
    }
    let pages = page.total_count.div_ceil(page.per_page).max(1);
    let current = page.page;
    let link = move |to: u64| {
        let q = query.read();
        let mut parts = vec![format!("page={to}")];
        for name in ["year", "kind"] {
            if let Some(v) = q.get(name).filter(|v| !v.is_empty()) {
                parts.push(format!("{name}={v}"));
            }
        }
        format!("?{}", parts.join("&"))
    };
    let error = move || correct.value().get().and_then(Result::err);
    let done = move || matches!(correct.value().get(), Some(Ok(_)));
    view! {
        <div role="alert">
            {move || error().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
            {move || done().then(|| view! { <p class="notice">{move || i18n.t(Key::LedgerSaved)}</p> })}
        </div>
        <p>{move || crate::i18n::msg::ledger_count(i18n.locale(), crate::i18n::msg::LedgerCount { count: page.total_count as i64 })}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ledger-caption">
            <table class="table" id="ledger-table">
                <caption id="ledger-caption">{move || i18n.t(Key::LedgerTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::LedgerBookedOn)}</th>
                        <th scope="col">{move || i18n.t(Key::BudgetYear)}</th>
                        <th scope="col">{move || i18n.t(Key::BudgetModule)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerKind)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::LedgerAmount)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerReference)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerFor)}</th>
                        {writes.then(|| view! { <th scope="col">{move || i18n.t(Key::LedgerCorrect)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {page.entries.into_iter().map(|entry| view! { <LedgerRow entry writes correct /> }).collect_view()}
                </tbody>
            </table>
        </div>
        {(pages > 1).then(|| view! {
            <nav class="subnav" aria-label=move || i18n.t(Key::LedgerPages)>
                {(current > 1).then(|| view! { <A href=link(current - 1)>{move || i18n.t(Key::LedgerPrevious)}</A> })}
                <span>{format!("{current} / {pages}")}</span>
                {(current < pages).then(|| view! { <A href=link(current + 1)>{move || i18n.t(Key::LedgerNext)}</A> })}
            </nav>
        })}
    }
    .into_any()
}

#[component]
fn LedgerRow(entry: EntryView, writes: bool, correct: ServerAction<AddLedgerEntry>) -> impl IntoView {
    let i18n = I18n::expect();
    let kind = entry.kind;
    let module = entry.module;
    let correctable = entry.reverses.is_none()
        && entry.reversed_by.is_none()
        && !matches!(kind, EntryKind::CarryIn | EntryKind::CarryOut);
    let booked_on = entry.booked_on;
    let note = entry.note.clone();
    let description = [entry.award_label.clone().unwrap_or_default(), note].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" – ");
    let id = entry.id;
    let today = chrono::Utc::now().date_naive().to_string();
    view! {
        <tr id=format!("entry-{id}")>
            <td>{move || model::datetime::format_day(booked_on, i18n.locale())}</td>
            <td>{entry.year}</td>
            <td>{move || i18n.t(module_key(module))}</td>
            <td>
                {move || i18n.t(kind_key(kind))}
                {entry.reverses.is_some().then(|| view! { <br /><small>{move || i18n.t(Key::LedgerCorrection)}</small> })}
                {entry.reversed_by.is_some().then(|| view! { <br /><small>{move || i18n.t(Key::LedgerReversed)}</small> })}
            </td>
            <td class="number">{move || entry.amount.format(i18n.locale())}</td>
            <td>{entry.reference}</td>
            <td>{description}</td>
            {writes.then(|| {
                view! {
                    <td>
                        {correctable.then(|| view! {
                            <details>
                                <summary>{move || i18n.t(Key::LedgerCorrect)}</summary>
                                <ActionForm action=correct attr:class="form form--inline">
                                    <input type="hidden" name="kind" value="correction" />
                                    <input type="hidden" name="reverses" value=id.to_string() />
                                    <input type="hidden" name="booked_on" value=today.clone() />
                                    <label for=format!("note-{id}")>{move || i18n.t(Key::LedgerReason)}</label>
                                    <input id=format!("note-{id}") name="note" required=true />
                                    <button type="submit" class="button">{move || i18n.t(Key::LedgerCorrect)}</button>
                                </ActionForm>
                            </details>
                        })}
                    </td>
                }
            })}
        </tr>
    }
}

/// The administration's forms: a budget or a payment, and the closing of a year.
#[component]
fn LedgerForms(
    years: Vec<i32>,
    add: ServerAction<AddLedgerEntry>,
    close: ServerAction<CloseBudgetYear>,
    posts: Resource<Result<Vec<PostView>, AppError>>,
) -> impl IntoView {
    let i18n = I18n::expect();
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let saved = move || matches!(add.value().get(), Some(Ok(_)));
    let kinds = Signal::derive(move || {
        [EntryKind::Appropriation, EntryKind::Disbursement]
            .map(|k| (k.as_str().to_owned(), i18n.t(kind_key(k)).to_owned()))
            .to_vec()
    });
    let modules = Signal::derive(move || {
        [Module::Practice, Module::Steering].map(|m| (m.as_str().to_owned(), i18n.t(module_key(m)).to_owned())).to_vec()
    });
    let awards = Signal::derive(move || {
        let mut options = vec![(String::new(), i18n.t(Key::LedgerNoAward).to_owned())];
        if let Some(Ok(list)) = posts.get() {
            options.extend(list.into_iter().map(|p| {
                let label = match p.district_name {
                    Some(d) => format!("{d} – {}", p.organisation_name),
                    None => format!("{} – {}", i18n.t(Key::SteeringContract), p.organisation_name),
                };
                (p.id.to_string(), label)
            }));
        }
        options
    });
    let this_year = chrono::Utc::now().date_naive();
    let close_error = move || close.value().get().and_then(Result::err);
    let closed = move || close.value().get().and_then(Result::ok);
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let import_link = format!("/{}/controlling/import", tenant.slug);
    let closable: Vec<i32> = years.into_iter().filter(|y| *y < chrono::Datelike::year(&this_year)).rev().collect();
    view! {
        <section aria-labelledby="ledger-new">
            <h2 id="ledger-new">{move || i18n.t(Key::LedgerNewEntry)}</h2>
            <div role="alert">
                {move || error.get().filter(|e| !matches!(e, AppError::Invalid { .. })).map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
                {move || saved().then(|| view! { <p class="notice">{move || i18n.t(Key::LedgerSaved)}</p> })}
            </div>
            <ActionForm action=add attr:class="form" attr:id="ledger-form">
                <SelectField name="kind" label=Key::LedgerKind options=kinds error />
                <SelectField name="module" label=Key::BudgetModule options=modules error />
                <Field name="year" label=Key::BudgetYear kind="number" required=true value=chrono::Datelike::year(&this_year).to_string() error />
                <Field name="amount" label=Key::LedgerAmount required=true error />
                <Field name="booked_on" label=Key::LedgerBookedOn kind="date" required=true value=this_year.to_string() error />
                <Field name="reference" label=Key::LedgerReference required=true error />
                <SelectField name="award_id" label=Key::LedgerFor options=awards error />
                <p class="field-hint">{move || i18n.t(Key::LedgerForHint)}</p>
                <Field name="note" label=Key::LedgerNote error />
                <button type="submit" class="button">{move || i18n.t(Key::LedgerBook)}</button>
            </ActionForm>
        </section>
        <p><A href=import_link>{move || i18n.t(Key::ImportLink)}</A></p>
        <section aria-labelledby="ledger-closing">
            <h2 id="ledger-closing">{move || i18n.t(Key::ClosingHeading)}</h2>
            <p>{move || i18n.t(Key::ClosingIntro)}</p>
            <div role="alert">
                {move || close_error().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
                {move || closed().map(|c| view! { <p class="notice">{move || crate::i18n::msg::closing_done(i18n.locale(), crate::i18n::msg::ClosingDone { year: &c.year.to_string() })}</p> })}
            </div>
            <ActionForm action=close attr:class="form form--inline" attr:id="closing-form">
                <label for="closing-year">{move || i18n.t(Key::BudgetYear)}</label>
                <select id="closing-year" name="year">
                    {closable.into_iter().map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> }).collect_view()}
                </select>
                <button type="submit" class="button">{move || i18n.t(Key::ClosingButton)}</button>
            </ActionForm>
        </section>
    }
}

/// The year the committee report is about: the query's, else last year (the report follows the year).
fn report_year() -> Memo<i32> {
    let year = year_query();
    Memo::new(move |_| year.get().unwrap_or_else(|| chrono::Datelike::year(&chrono::Utc::now().date_naive()) - 1))
}

/// `/{tenant}/controlling/committee-report`: the year's report as a document, with its downloads. It has no
/// form, so it is served static (`render_mode`); the steering group writes its text on [`CommitteeTextPage`].
#[component]
pub fn CommitteeReportPage() -> impl IntoView {
    let i18n = I18n::expect();
    let year = report_year();
    let report = Resource::new(move || year.get(), committee_report);
    let CurrentUser(me) = expect_context::<CurrentUser>();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let text_page = StoredValue::new(format!("/{}/controlling/committee-report/text", tenant.slug));
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::CommitteeTitle))) />
        <Protected>
            <div class="no-print">
                <h1>{move || i18n.t(Key::CommitteeTitle)}</h1>
                <ControllingLinks />
                <p class="lead">{move || i18n.t(Key::CommitteeIntro)}</p>
            </div>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let writes = me.await.ok().flatten().is_some_and(|me| model::policy::allows(&me.roles, model::Permission::WriteCommitteeReport));
                    match report.await {
                        Ok((document, years)) => {
                            let year = year.get_untracked();
                            view! {
                                <div class="no-print">
                                    <YearChoice years chosen=Some(year) all=false />
                                    <CommitteeDownloads year />
                                    {writes.then(|| view! {
                                        <p>
                                            <A href=format!("{}?year={year}", text_page.get_value()) attr:class="button">
                                                {move || i18n.t(Key::CommitteeEditText)}
                                            </A>
                                        </p>
                                    })}
                                </div>
                                <DocumentView document />
                            }
                            .into_any()
                        }
                        Err(err) => failed(err),
                    }
                })}
            </Transition>
        </Protected>
    }
}

/// `/{tenant}/controlling/committee-report/text?year=`: the steering group's account and notable measures
/// for a year's report (its writers only), a page of its own so that the report stays a document.
#[component]
pub fn CommitteeTextPage() -> impl IntoView {
    use crate::i18n::msg;
    let i18n = I18n::expect();
    let year = report_year();
    let save = ServerAction::<SaveCommitteeText>::new();
    let text = Resource::new(move || year.get(), committee_text);
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let report = StoredValue::new(format!("/{}/controlling/committee-report", tenant.slug));
    let title = move || msg::committee_text_title(i18n.locale(), msg::CommitteeTextTitle { year: &year.get().to_string() });
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", title())) />
        <Protected permission=model::Permission::WriteCommitteeReport>
            <p class="breadcrumb">
                <A href=move || format!("{}?year={}", report.get_value(), year.get())>{move || i18n.t(Key::CommitteeTitle)}</A>
            </p>
            <h1>{title}</h1>
            <Transition fallback=move || view! { <p>{move || i18n.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match text.await {
                        Ok(text) => view! { <CommitteeTextForm year=year.get_untracked() text save /> }.into_any(),
                        Err(err) => failed(err),
                    }
                })}
            </Transition>
        </Protected>
    }
}

#[component]
fn CommitteeDownloads(year: i32) -> impl IntoView {
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/committee-reports/{year}", tenant.slug);
    view! {
        <ul class="downloads">
            <li><a href=format!("{base}.pdf") download>{move || i18n.t(Key::CommitteeLinkPdf)}</a></li>
            <li><a href=format!("{base}.xlsx") download>{move || i18n.t(Key::CommitteeLinkXlsx)}</a></li>
            <li><a href=format!("{base}.csv") download>{move || i18n.t(Key::CommitteeLinkCsv)}</a></li>
            <li><A href=format!("/{}/steering/resolutions?year={year}", tenant.slug)>{move || crate::i18n::msg::committee_link_register(i18n.locale(), crate::i18n::msg::CommitteeLinkRegister { year: &year.to_string() })}</A></li>
        </ul>
    }
}

/// The steering group's narrative and measures (its members only).
#[component]
fn CommitteeTextForm(year: i32, text: model::controlling::CommitteeText, save: ServerAction<SaveCommitteeText>) -> impl IntoView {
    let i18n = I18n::expect();
    let error = move || save.value().get().and_then(Result::err);
    let saved = move || matches!(save.value().get(), Some(Ok(_)));
    view! {
        <section aria-label=move || i18n.t(Key::CommitteeTextHeading)>
            <div role="alert">
                {move || error().map(|e| view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> })}
                {move || saved().then(|| view! { <p class="notice">{move || i18n.t(Key::CommitteeSaved)}</p> })}
            </div>
            <ActionForm action=save attr:class="form form--wide" attr:id="committee-form">
                <input type="hidden" name="year" value=year.to_string() />
                <div class="field">
                    <label for="field-narrative">{move || i18n.t(Key::CommitteeNarrativeField)}</label>
                    <textarea id="field-narrative" name="narrative" rows="10">{text.narrative}</textarea>
                </div>
                <div class="field">
                    <label for="field-measures">{move || i18n.t(Key::CommitteeMeasuresField)}</label>
                    <textarea id="field-measures" name="measures" rows="6">{text.measures}</textarea>
                </div>
                <button type="submit" class="button">{move || i18n.t(Key::CommitteeSave)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn LedgerImportPage() -> impl IntoView {
    let i18n = I18n::expect();
    let import = ServerAction::<ImportLedger>::new();
    let csv = RwSignal::new(String::new());
    let result = move || import.value().get();
    view! {
        <Title text=crate::components::page_title(move || format!("{} – Spielraum", i18n.t(Key::ImportTitle))) />
        <Protected permission=model::Permission::WriteLedger>
            <h1>{move || i18n.t(Key::ImportTitle)}</h1>
            <ControllingLinks />
            <p class="lead">{move || i18n.t(Key::ImportIntro)}</p>
            <ActionForm action=import attr:class="form form--wide" attr:id="import-form">
                <div class="field">
                    <label for="field-csv">{move || i18n.t(Key::ImportFile)}</label>
                    <textarea id="field-csv" name="csv" rows="12" required=true spellcheck="false" bind:value=csv
                        aria-invalid=move || matches!(result(), Some(Err(AppError::Invalid { .. }))).then_some("true")
                        aria-describedby=move || matches!(result(), Some(Err(AppError::Invalid { .. }))).then_some("field-csv-error")></textarea>
                    {move || matches!(result(), Some(Err(AppError::Invalid { .. }))).then(|| view! {
                        <p class="field__error" id="field-csv-error">{move || i18n.t(Key::ErrImportColumns)}</p>
                    })}
                </div>
                <button type="submit" class="button">{move || i18n.t(Key::ImportPreview)}</button>
            </ActionForm>
            <div role="status">
                {move || match result() {
                    Some(Ok(view)) => view! { <ImportResult view csv import /> }.into_any(),
                    Some(Err(AppError::Invalid { .. })) | None => ().into_any(),
                    Some(Err(e)) => view! { <p class="notice notice--error">{error_text(i18n.locale(), &e)}</p> }.into_any(),
                }}
            </div>
        </Protected>
    }
}

#[component]
fn ImportResult(view: model::ledger::ImportView, csv: RwSignal<String>, import: ServerAction<ImportLedger>) -> impl IntoView {
    let i18n = I18n::expect();
    let rows = view.rows.len().to_string();
    let summary = {
        let rows = rows.clone();
        move || {
            if view.committed {
                crate::i18n::msg::import_committed(i18n.locale(), crate::i18n::msg::ImportCommitted { rows: &rows })
            } else if view.errors == 0 {
                crate::i18n::msg::import_all_fine(i18n.locale(), crate::i18n::msg::ImportAllFine { rows: &rows })
            } else {
                crate::i18n::msg::import_with_errors(i18n.locale(), crate::i18n::msg::ImportWithErrors { errors: view.errors as i64 })
            }
        }
    };
    let ready = !view.committed && view.errors == 0;
    let class = if view.errors > 0 { "notice notice--error" } else { "notice" };
    view! {
        <p class=class id="import-summary">{summary}</p>
        {ready.then(|| view! {
            <ActionForm action=import attr:class="form form--inline" attr:id="import-commit">
                <input type="hidden" name="csv" value=move || csv.get() />
                <input type="hidden" name="commit" value="true" />
                <button type="submit" class="button">{move || i18n.t(Key::ImportCommit)}</button>
            </ActionForm>
        })}
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="import-caption">
            <table class="table" id="import-rows">
                <caption id="import-caption">{move || i18n.t(Key::ImportTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::ImportLine)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerKind)}</th>
                        <th scope="col">{move || i18n.t(Key::BudgetModule)}</th>
                        <th scope="col">{move || i18n.t(Key::BudgetYear)}</th>
                        <th scope="col" class="number">{move || i18n.t(Key::LedgerAmount)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerBookedOn)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerReference)}</th>
                        <th scope="col">{move || i18n.t(Key::LedgerFor)}</th>
                        <th scope="col">{move || i18n.t(Key::ImportProblem)}</th>
                    </tr>
                </thead>
                <tbody>
                    {view.rows.into_iter().map(|row| {
                        let (kind, module, amount, day) = (row.kind, row.module, row.amount, row.booked_on);
                        let problem = row.error.clone();
                        view! {
                            <tr class=row.error.is_some().then_some("row--error")>
                                <th scope="row">{row.line}</th>
                                <td>{move || kind.map(|k| i18n.t(kind_key(k))).unwrap_or("–")}</td>
                                <td>{move || module.map(|m| i18n.t(module_key(m))).unwrap_or("–")}</td>
                                <td>{row.year.map(|y| y.to_string()).unwrap_or_default()}</td>
                                <td class="number">{move || amount.map(|a| a.format(i18n.locale())).unwrap_or_default()}</td>
                                <td>{move || day.map(|d| model::datetime::format_day(d, i18n.locale())).unwrap_or_default()}</td>
                                <td>{row.reference}</td>
                                <td>{row.award.unwrap_or_default()}</td>
                                <td>{move || problem.clone().unwrap_or_else(|| i18n.t(Key::ImportOk).to_owned())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The home page's card: last year to close (administration), last year's report to write (steering group).
#[component]
pub fn ControllingTasks() -> impl IntoView {
    use crate::i18n::msg;
    let i18n = I18n::expect();
    let CurrentTenant(tenant) = expect_context::<CurrentTenant>();
    let base = format!("/{}/controlling", tenant.slug);
    let tasks = Resource::new(|| (), |_| crate::controlling::controlling_tasks());
    view! {
        <Transition fallback=|| ()>
            {move || {
                let base = base.clone();
                Suspend::new(async move {
                    let tasks = tasks.await.unwrap_or_default();
                    (!tasks.is_empty()).then(|| view! {
                        <section class="card" aria-labelledby="controlling-tasks-heading" id="controlling-tasks">
                            <h2 id="controlling-tasks-heading">{move || i18n.t(Key::ControllingTitle)}</h2>
                            <ul>
                                {tasks.year_to_close.map(|year| view! {
                                    <li><A href=format!("{base}/ledger")>{move || msg::task_year_to_close(i18n.locale(), msg::TaskYearToClose { year: &year.to_string() })}</A></li>
                                })}
                                {tasks.report_text_missing.map(|year| view! {
                                    <li><A href=format!("{base}/committee-report/text?year={year}")>{move || msg::task_committee_text(i18n.locale(), msg::TaskCommitteeText { year: &year.to_string() })}</A></li>
                                })}
                            </ul>
                        </section>
                    })
                })
            }}
        </Transition>
    }
}
