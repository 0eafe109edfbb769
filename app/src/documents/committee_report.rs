//! The yearly report to the youth welfare committee (seed §9, SPEC §3C.4; issue 14, item 4): the programme
//! in brief, the steering group's account, the money with its carry-over, the money per post, the coverage
//! of the districts, the key figures of the quarterly reports per district, and notable measures. Made from
//! one [`CommitteeReportView`] — the data the API also answers with — so the page, the PDF and the
//! spreadsheets agree.

use super::{Block, Column, Document, Table};
use crate::i18n::{Key, text};
use model::Locale;
use model::Money;
use model::call::Module;
use model::controlling::{CommitteeReportView, Coverage};
use model::datetime::format_date_time;
use rust_decimal::Decimal;

/// What the report needs besides its data.
pub struct Context<'a> {
    pub tenant_name: &'a str,
    pub locale: Locale,
    pub zone: model::datetime::Tz,
    pub at: chrono::DateTime<chrono::Utc>,
}

fn module_text(module: Module, locale: Locale) -> &'static str {
    text(
        locale,
        match module {
            Module::Steering => Key::SteeringContract,
            Module::Practice => Key::ModulePractice,
        },
    )
}

fn money_columns(locale: Locale, first: Key) -> Vec<Column> {
    let t = |key| text(locale, key);
    vec![
        Column::text(t(first), 18),
        Column::figure(t(Key::BudgetAppropriated), 14),
        Column::figure(t(Key::BudgetCarriedIn), 14),
        Column::figure(t(Key::BudgetCommitted), 14),
        Column::figure(t(Key::BudgetDisbursed), 14),
        Column::figure(t(Key::BudgetCarriedOut), 14),
        Column::figure(t(Key::BudgetAvailable), 14),
    ]
}

fn money_row(first: String, amounts: [Money; 6], locale: Locale) -> Vec<String> {
    std::iter::once(first).chain(amounts.iter().map(|m| m.format(locale))).collect()
}

/// The report for the view's year.
pub fn build(view: &CommitteeReportView, context: &Context<'_>) -> Document {
    let locale = context.locale;
    let t = |key| text(locale, key);
    let dashboard = &view.dashboard;
    let year = view.year;
    let mut blocks = Vec::new();

    // The programme in brief.
    let covered = dashboard.districts.iter().filter(|d| d.coverage == Coverage::Active).count();
    let fte: Decimal = dashboard.districts.iter().map(|d| d.fte_filled).sum();
    let planned: Decimal = dashboard.districts.iter().map(|d| d.fte_planned).sum();
    let (on_time, late, missing) = dashboard
        .districts
        .iter()
        .fold((0, 0, 0), |(a, b, c), d| (a + d.on_time, b + d.late, c + d.missing));
    let steering: Vec<&str> = dashboard
        .posts
        .iter()
        .filter(|p| p.module == Module::Steering)
        .map(|p| p.organisation.as_str())
        .collect();
    let total = &dashboard.budget.total;
    blocks.push(Block::Heading(t(Key::CommitteeSummary).to_owned()));
    blocks.push(Block::Facts(vec![
        (t(Key::CommitteeProgramme).to_owned(), dashboard.programme.clone()),
        (t(Key::CommitteeSteeringCarrier).to_owned(), if steering.is_empty() { "–".to_owned() } else { steering.join(", ") }),
        (
            t(Key::CommitteeDistrictsCovered).to_owned(),
            format!("{covered} / {}", dashboard.districts.len()),
        ),
        (t(Key::CoverageFte).to_owned(), format!("{} / {}", locale.decimal(fte), locale.decimal(planned))),
        (
            t(Key::CommitteeReportsStanding).to_owned(),
            format!(
                "{on_time} {} · {late} {} · {missing} {}",
                t(Key::ComplianceOnTime),
                t(Key::ComplianceLate),
                t(Key::ComplianceMissing)
            ),
        ),
        (t(Key::CommitteeMoneyAtHand).to_owned(), (total.appropriated + total.carried_in).format(locale)),
        (t(Key::BudgetDisbursed).to_owned(), total.disbursed.format(locale)),
        (t(Key::BudgetAvailable).to_owned(), total.available.format(locale)),
    ]));

    blocks.push(Block::Heading(t(Key::CommitteeNarrative).to_owned()));
    let paragraphs = view.text.paragraphs();
    if paragraphs.is_empty() {
        blocks.push(Block::Paragraph(t(Key::CommitteeNoNarrative).to_owned()));
    }
    blocks.extend(paragraphs.into_iter().map(Block::Paragraph));

    // The money of the year per module, and of every year up to it, carry-overs included.
    blocks.push(Block::Heading(t(Key::CommitteeMoney).to_owned()));
    let budget = &dashboard.budget;
    blocks.push(Block::Table(Table {
        caption: format!("{} {year}", t(Key::BudgetHeading)),
        columns: money_columns(locale, Key::BudgetModule),
        rows: budget
            .modules
            .iter()
            .map(|l| {
                let amounts = [l.appropriated, l.carried_in, l.committed, l.disbursed, l.carried_out, l.available];
                money_row(module_text(l.module, locale).to_owned(), amounts, locale)
            })
            .collect(),
        total: Some(money_row(
            t(Key::BudgetTotal).to_owned(),
            [total.appropriated, total.carried_in, total.committed, total.disbursed, total.carried_out, total.available],
            locale,
        )),
    }));
    blocks.push(Block::Table(Table {
        caption: t(Key::HistoryHeading).to_owned(),
        columns: money_columns(locale, Key::BudgetYear),
        rows: dashboard
            .history
            .iter()
            .filter(|y| y.year <= year)
            .map(|y| {
                let amounts = [y.appropriated, y.carried_in, y.committed, y.disbursed, y.carried_out, y.available];
                money_row(y.year.to_string(), amounts, locale)
            })
            .collect(),
        total: None,
    }));

    blocks.push(Block::Heading(format!("{} {year}", t(Key::PostsMoneyHeading))));
    let (mut funded, mut spent, mut paid) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let rows = dashboard
        .posts
        .iter()
        .map(|p| {
            funded = funded + p.funded;
            spent = spent + p.spent;
            paid = paid + p.disbursed;
            vec![
                p.district.clone().unwrap_or_else(|| module_text(p.module, locale).to_owned()),
                p.organisation.clone(),
                p.funded.format(locale),
                p.spent.format(locale),
                p.disbursed.format(locale),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: t(Key::PostsMoneyHeading).to_owned(),
        columns: vec![
            Column::text(t(Key::ReportDistrict), 22),
            Column::text(t(Key::PostsMoneyCarrier), 30),
            Column::figure(t(Key::PostsMoneyFunded), 16),
            Column::figure(t(Key::PostsMoneySpent), 16),
            Column::figure(t(Key::BudgetDisbursed), 16),
        ],
        rows,
        total: Some(vec![
            t(Key::BudgetTotal).to_owned(),
            String::new(),
            funded.format(locale),
            spent.format(locale),
            paid.format(locale),
        ]),
    }));

    blocks.push(Block::Heading(format!("{} {year}", t(Key::CoverageHeading))));
    blocks.push(Block::Table(Table {
        caption: t(Key::CoverageHeading).to_owned(),
        columns: vec![
            Column::text(t(Key::ReportDistrict), 30),
            Column::text(t(Key::CoverageState), 20),
            Column::figure(t(Key::CoverageFte), 20),
            Column::figure(t(Key::ComplianceOnTime), 10),
            Column::figure(t(Key::ComplianceLate), 10),
            Column::figure(t(Key::ComplianceMissing), 10),
        ],
        rows: dashboard
            .districts
            .iter()
            .map(|d| {
                let state = match d.coverage {
                    Coverage::Active => Key::CoverageActive,
                    Coverage::Vacant => Key::CoverageVacant,
                    Coverage::Uncovered => Key::CoverageUncovered,
                };
                vec![
                    d.name.clone(),
                    t(state).to_owned(),
                    format!("{} / {}", locale.decimal(d.fte_filled), locale.decimal(d.fte_planned)),
                    d.on_time.to_string(),
                    d.late.to_string(),
                    d.missing.to_string(),
                ]
            })
            .collect(),
        total: None,
    }));

    blocks.push(Block::Heading(format!("{} {year}", t(Key::CommitteeFigures))));
    let figures = &view.figures;
    if figures.districts.is_empty() {
        blocks.push(Block::Paragraph(t(Key::FiguresNone).to_owned()));
    } else {
        let row = |first: String, totals: &model::report::totals::FigureTotals| {
            let f = &totals.figures;
            vec![
                first,
                totals.reports.to_string(),
                f.network_partners.to_string(),
                f.meetings.to_string(),
                f.measures_started.to_string(),
                f.people_reached.to_string(),
                locale.decimal(f.hours_worked),
                f.money_spent.format(locale),
            ]
        };
        let year_totals = figures.years.iter().find(|y| y.year == year);
        blocks.push(Block::Table(Table {
            caption: t(Key::CommitteeFigures).to_owned(),
            columns: vec![
                Column::text(t(Key::ReportDistrict), 22),
                Column::figure(t(Key::CommitteeReportsCount), 9),
                Column::figure(t(Key::ReportPartners), 11),
                Column::figure(t(Key::ReportFigureMeetings), 11),
                Column::figure(t(Key::ReportFigureMeasures), 11),
                Column::figure(t(Key::ReportFigurePeople), 11),
                Column::figure(t(Key::CommitteeHours), 11),
                Column::figure(t(Key::PostsMoneySpent), 14),
            ],
            rows: figures.districts.iter().map(|d| row(d.district.clone(), &d.totals)).collect(),
            total: year_totals.map(|y| row(t(Key::BudgetTotal).to_owned(), &y.totals)),
        }));
    }

    // The steering group's resolutions of the year, as its register has them (seed §3: it reports to the
    // committee on what it decided).
    blocks.push(Block::Heading(format!("{} {year}", t(Key::CommitteeResolutions))));
    if view.resolutions.is_empty() {
        blocks.push(Block::Paragraph(t(Key::CommitteeNoResolutions).to_owned()));
    } else {
        blocks.push(Block::Table(Table {
            caption: format!("{} {year}", t(Key::CommitteeResolutions)),
            columns: vec![
                Column::text(t(Key::SteeringNumber), 10),
                Column::text(t(Key::SteeringMeetingDate), 14),
                Column::text(t(Key::SteeringAgendaItem), 32),
                Column::text(t(Key::SteeringVote), 12),
                Column::text(t(Key::SteeringOutcome), 14),
                Column::text(t(Key::SteeringTopic), 18),
            ],
            rows: view
                .resolutions
                .iter()
                .map(|r| {
                    vec![
                        r.resolution.number.clone(),
                        model::datetime::format_date(r.meeting.starts_at, locale, context.zone),
                        r.item_title.clone(),
                        crate::steering::vote_text(r.resolution.vote),
                        t(crate::steering::outcome_key(r.resolution.outcome)).to_owned(),
                        t(crate::steering::topic_key(r.resolution.topic)).to_owned(),
                    ]
                })
                .collect(),
            total: None,
        }));
    }

    blocks.push(Block::Heading(t(Key::CommitteeMeasures).to_owned()));
    let measures = view.text.measure_list();
    if measures.is_empty() {
        blocks.push(Block::Paragraph(t(Key::CommitteeNoMeasures).to_owned()));
    } else {
        blocks.push(Block::Table(Table {
            caption: t(Key::CommitteeMeasures).to_owned(),
            columns: vec![Column::figure("#", 6), Column::text(t(Key::CommitteeMeasure), 94)],
            rows: measures.into_iter().enumerate().map(|(i, m)| vec![(i + 1).to_string(), m]).collect(),
            total: None,
        }));
    }

    let reference = if dashboard.programme_reference.is_empty() {
        "–".to_owned()
    } else {
        dashboard.programme_reference.clone()
    };
    Document {
        language: locale.tag().to_owned(),
        issuer: format!("{} – {}", context.tenant_name, t(Key::CommitteeIssuer)),
        kind: t(Key::CommitteeKind).to_owned(),
        title: format!("{} {year}: {}", t(Key::CommitteeKind), dashboard.programme),
        facts: vec![
            (t(Key::CommitteeProgramme).to_owned(), dashboard.programme.clone()),
            (t(Key::CommitteeReference).to_owned(), reference),
            (t(Key::BudgetYear).to_owned(), year.to_string()),
            (
                t(Key::BudgetState).to_owned(),
                t(if budget.closed { Key::BudgetYearClosed } else { Key::BudgetYearOpen }).to_owned(),
            ),
            (t(Key::ProposalAsOf).to_owned(), format_date_time(context.at, locale, context.zone)),
        ],
        blocks,
        footer: format!("{} {year} – {}", t(Key::CommitteeKind), context.tenant_name),
        page_word: t(Key::PageWord).to_owned(),
        of_word: t(Key::OfWord).to_owned(),
    }
}
