//! The decision proposal (Beschlussvorlage) for the youth welfare committee (seed §7, SPEC §3B.7): per lot
//! the steering group's recommendation, the money it commits per budget year, and the reasons — the
//! rubric, the ranking with its spread and flags, and the group's own words. Made from the same
//! [`RankingView`] as the ranking page and its spreadsheets, so a lot hidden from the caller stays hidden
//! here too; texts come from the catalogue in the caller's language.

use super::{Block, Column, Document, Table};
use crate::exports::hidden_text;
use crate::i18n::{Key, text};
use model::Locale;
use model::Money;
use model::award::RecommendationView;
use model::datetime::{format_date_time, format_day};
use model::evaluation::{LotRanking, RankingView};
use model::ranking::format_score;
use std::collections::BTreeMap;

/// What the proposal needs besides the ranking.
pub struct Context<'a> {
    pub tenant_name: &'a str,
    pub locale: Locale,
    pub zone: model::datetime::Tz,
    pub at: chrono::DateTime<chrono::Utc>,
}

fn amounts_text(recommendation: &RecommendationView, locale: Locale) -> String {
    recommendation
        .amounts
        .iter()
        .map(|y| format!("{}: {}", y.year, y.amount.format(locale)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn sum(recommendation: &RecommendationView) -> Money {
    recommendation.amounts.iter().fold(Money::ZERO, |total, y| total.checked_add(y.amount).unwrap_or(total))
}

/// Lots that had bids: the only ones the committee decides on.
fn lots_with_bids(view: &RankingView) -> impl Iterator<Item = &LotRanking> {
    view.lots.iter().filter(|lot| lot.hidden.is_some() || !lot.lines.is_empty())
}

fn motion(view: &RankingView, locale: Locale, blocks: &mut Vec<Block>) {
    let t = |key| text(locale, key);
    blocks.push(Block::Heading(t(Key::ProposalMotionTitle).to_owned()));
    let recommended: Vec<(&LotRanking, &RecommendationView)> =
        lots_with_bids(view).filter_map(|lot| lot.recommendation.as_ref().map(|r| (lot, r))).collect();
    if recommended.is_empty() {
        blocks.push(Block::Paragraph(t(Key::ProposalNothingRecommended).to_owned()));
    } else {
        blocks.push(Block::Paragraph(t(Key::ProposalMotionText).to_owned()));
        let mut total = Money::ZERO;
        let rows = recommended
            .iter()
            .map(|(lot, recommendation)| {
                let amount = sum(recommendation);
                total = total.checked_add(amount).unwrap_or(total);
                match &recommendation.organisation_name {
                    Some(name) => vec![
                        lot.title.clone(),
                        name.clone(),
                        recommendation.fte.format(locale),
                        amounts_text(recommendation, locale),
                        amount.format(locale),
                    ],
                    None => vec![
                        lot.title.clone(),
                        t(Key::NoAwardProposed).to_owned(),
                        String::new(),
                        String::new(),
                        Money::ZERO.format(locale),
                    ],
                }
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: String::new(),
            columns: vec![
                Column::text(t(Key::LotLabel), 3),
                Column::text(t(Key::CarrierLabel), 6),
                Column::figure(t(Key::FteShort), 1),
                Column::figure(t(Key::ProposalAmountsLabel), 4),
                Column::figure(t(Key::Total), 3),
            ],
            rows,
            total: Some(vec![
                t(Key::Total).to_owned(),
                String::new(),
                String::new(),
                String::new(),
                total.format(locale),
            ]),
        }));
    }
    let open: Vec<Vec<String>> = lots_with_bids(view)
        .filter(|lot| lot.recommendation.is_none())
        .map(|lot| {
            let state = match lot.hidden {
                Some(reason) => hidden_text(reason, locale).to_owned(),
                None => t(Key::ProposalNoRecommendationYet).to_owned(),
            };
            vec![lot.title.clone(), lot.lines.len().to_string(), state]
        })
        .collect();
    if !open.is_empty() {
        blocks.push(Block::Paragraph(t(Key::ProposalOpenLots).to_owned()));
        blocks.push(Block::Table(Table {
            caption: String::new(),
            columns: vec![
                Column::text(t(Key::LotLabel), 4),
                Column::figure(t(Key::ProposalBidsReceived), 4),
                Column::text(t(Key::ProposalState), 7),
            ],
            rows: open,
            total: None,
        }));
    }
}

fn finances(view: &RankingView, locale: Locale, blocks: &mut Vec<Block>) {
    let t = |key| text(locale, key);
    let mut years: BTreeMap<i32, Money> = BTreeMap::new();
    for recommendation in lots_with_bids(view).filter_map(|lot| lot.recommendation.as_ref()) {
        for year in &recommendation.amounts {
            let entry = years.entry(year.year).or_insert(Money::ZERO);
            *entry = entry.checked_add(year.amount).unwrap_or(*entry);
        }
    }
    if years.is_empty() {
        return;
    }
    let total = years.values().fold(Money::ZERO, |sum, amount| sum.checked_add(*amount).unwrap_or(sum));
    blocks.push(Block::Heading(t(Key::ProposalFinanceTitle).to_owned()));
    blocks.push(Block::Table(Table {
        caption: String::new(),
        columns: vec![Column::text(t(Key::ProposalBudgetYear), 2), Column::figure(t(Key::ProposalAmountsLabel), 3)],
        rows: years.iter().map(|(year, amount)| vec![year.to_string(), amount.format(locale)]).collect(),
        total: Some(vec![t(Key::Total).to_owned(), total.format(locale)]),
    }));
}

fn reasons(view: &RankingView, locale: Locale, blocks: &mut Vec<Block>) {
    let t = |key| text(locale, key);
    blocks.push(Block::Heading(t(Key::ProposalReasonsTitle).to_owned()));
    blocks.push(Block::Paragraph(t(Key::ProposalRubricIntro).to_owned()));
    blocks.push(Block::Table(Table {
        caption: String::new(),
        columns: vec![
            Column::text(t(Key::CriterionLabel), 8),
            Column::figure(t(Key::WeightLabel), 2),
            Column::figure(t(Key::ScaleLabel), 2),
        ],
        rows: view
            .rubric
            .criteria()
            .iter()
            .map(|c| {
                let scale = c.scale();
                vec![c.title().to_owned(), c.weight().get().to_string(), format!("{}–{}", scale.min(), scale.max())]
            })
            .collect(),
        total: None,
    }));
    blocks.push(Block::Paragraph(t(Key::RankingRule).to_owned()));
    for lot in lots_with_bids(view) {
        blocks.push(Block::Subheading(lot.title.clone()));
        if let Some(reason) = lot.hidden {
            blocks.push(Block::Paragraph(hidden_text(reason, locale).to_owned()));
            continue;
        }
        let rows = lot
            .lines
            .iter()
            .map(|line| {
                let ranked = &line.line;
                let flags: Vec<&str> = [
                    (ranked.flags.missing_scores, Key::FlagMissing),
                    (ranked.flags.disagreement, Key::FlagDisagreement),
                    (ranked.flags.tie, Key::FlagTie),
                ]
                .into_iter()
                .filter(|(on, _)| *on)
                .map(|(_, key)| t(key))
                .collect();
                let sheets: Vec<rust_decimal::Decimal> =
                    lot.matrix.iter().filter(|row| row.bid_id == ranked.bid_id).map(|row| row.weighted).collect();
                let range = match (sheets.iter().min(), sheets.iter().max()) {
                    (Some(low), Some(high)) => {
                        format!("{}–{}", format_score(*low, locale), format_score(*high, locale))
                    }
                    _ => "–".to_owned(),
                };
                vec![
                    ranked.rank.map(|r| r.to_string()).unwrap_or_default(),
                    line.organisation_name.clone(),
                    ranked.weighted.map(|w| format_score(w, locale)).unwrap_or_else(|| "–".to_owned()),
                    format!("{} / {}", ranked.scores, ranked.eligible),
                    range,
                    flags.join(", "),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            caption: String::new(),
            columns: vec![
                Column::figure(t(Key::RankLabel), 2),
                Column::text(t(Key::CarrierLabel), 9),
                Column::figure(t(Key::WeightedScoreLabel), 4),
                Column::figure(t(Key::ScoresCountLabel), 4),
                Column::figure(t(Key::RangeLabel), 4),
                Column::text(t(Key::FlagsLabel), 4),
            ],
            rows,
            total: None,
        }));
        match &lot.recommendation {
            Some(recommendation) => {
                let proposed =
                    recommendation.organisation_name.clone().unwrap_or_else(|| t(Key::NoAwardProposed).to_owned());
                blocks.push(Block::Facts(vec![
                    (t(Key::ProposalGroupRecommends).to_owned(), proposed),
                    (t(Key::ReasoningLabel).to_owned(), recommendation.reasoning.clone()),
                ]));
            }
            None => blocks.push(Block::Paragraph(t(Key::ProposalNoRecommendationYet).to_owned())),
        }
        for decision in &lot.decisions {
            let outcome = if decision.awarded { Key::Awarded } else { Key::NotAwarded };
            blocks.push(Block::Facts(vec![(
                format!("{}: {}", t(Key::DecisionLabel), decision.organisation_name),
                format!(
                    "{} ({} {}, {} {})",
                    t(outcome),
                    t(Key::SessionDate),
                    format_day(decision.session_date, locale),
                    t(Key::ResolutionNumber),
                    decision.resolution_number
                ),
            )]));
        }
    }
}

fn procedure(view: &RankingView, locale: Locale, blocks: &mut Vec<Block>) {
    let t = |key| text(locale, key);
    let visible = lots_with_bids(view).filter(|lot| lot.hidden.is_none());
    let bids: usize = visible.map(|lot| lot.lines.len()).sum();
    blocks.push(Block::Heading(t(Key::ProposalProcedureTitle).to_owned()));
    blocks.push(Block::Facts(vec![
        (t(Key::ProposalBidsReceived).to_owned(), bids.to_string()),
        (t(Key::ProposalLotsWithBids).to_owned(), lots_with_bids(view).count().to_string()),
    ]));
}

/// The decision proposal for a closed call.
pub fn build(view: &RankingView, context: &Context<'_>) -> Document {
    let locale = context.locale;
    let t = |key| text(locale, key);
    let call = &view.call;
    let module = match call.module {
        model::call::Module::Steering => Key::HomeSteeringModule,
        model::call::Module::Practice => Key::ModulePractice,
    };
    let mut blocks = Vec::new();
    motion(view, locale, &mut blocks);
    finances(view, locale, &mut blocks);
    reasons(view, locale, &mut blocks);
    procedure(view, locale, &mut blocks);
    Document {
        language: locale.tag().to_owned(),
        issuer: format!("{} – {}", context.tenant_name, t(Key::ProposalIssuer)),
        kind: t(Key::ProposalKind).to_owned(),
        title: format!("{}: {}", t(Key::ProposalSubject), call.title),
        facts: vec![
            (t(Key::ProposalCall).to_owned(), call.title.clone()),
            (t(Key::ModuleLabel).to_owned(), t(module).to_owned()),
            (t(Key::ClosesAt).to_owned(), format_date_time(call.closes_at, locale, context.zone)),
            (t(Key::DecisionDate).to_owned(), format_day(call.decision_date, locale)),
            (t(Key::ProposalAsOf).to_owned(), format_date_time(context.at, locale, context.zone)),
        ],
        blocks,
        footer: format!("{} – {}", t(Key::ProposalKind), call.title),
        page_word: t(Key::PageWord).to_owned(),
        of_word: t(Key::OfWord).to_owned(),
    }
}
