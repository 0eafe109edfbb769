//! The steering group's resolutions register as a document (issue 15, item 4): one table of every
//! resolution that matches the register's filter — number, meeting, item, text, topic, vote and outcome —
//! for the PDF and the spreadsheets, made from the same rows as the register page and the API.

use super::{Block, Column, Document, Table};
use crate::i18n::{Key, text};
use crate::steering::{outcome_key, topic_key, vote_text};
use model::Locale;
use model::datetime::{format_date, format_date_time};
use model::steering::view::{ResolutionFilter, ResolutionRow};

/// What the register needs besides its rows.
pub struct Context<'a> {
    pub tenant_name: &'a str,
    pub locale: Locale,
    pub zone: model::datetime::Tz,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// The register of `rows`, narrowed by `filter` (named in the head).
pub fn build(rows: &[ResolutionRow], filter: &ResolutionFilter, context: &Context<'_>) -> Document {
    let locale = context.locale;
    let t = |key| text(locale, key);
    let mut facts = vec![(t(Key::SteeringRegisterCount).to_owned(), rows.len().to_string())];
    if let Some(year) = filter.year {
        facts.push((t(Key::SteeringYear).to_owned(), year.to_string()));
    }
    if let Some(topic) = filter.topic {
        facts.push((t(Key::SteeringTopic).to_owned(), t(topic_key(topic)).to_owned()));
    }
    if let Some(outcome) = filter.outcome {
        facts.push((t(Key::SteeringOutcome).to_owned(), t(outcome_key(outcome)).to_owned()));
    }
    if let Some(query) = &filter.query {
        facts.push((t(Key::ExchangeSearch).to_owned(), query.clone()));
    }
    facts.push((t(Key::ProposalAsOf).to_owned(), format_date_time(context.at, locale, context.zone)));
    let table = Table {
        caption: t(Key::SteeringRegisterTitle).to_owned(),
        columns: vec![
            Column::text(t(Key::SteeringNumber), 9),
            Column::text(t(Key::SteeringMeetingDate), 11),
            Column::text(t(Key::SteeringAgendaItem), 20),
            Column::text(t(Key::SteeringResolutionText), 32),
            Column::text(t(Key::SteeringTopic), 10),
            Column::text(t(Key::SteeringVote), 8),
            Column::text(t(Key::SteeringOutcome), 10),
        ],
        rows: rows
            .iter()
            .map(|row| {
                vec![
                    row.resolution.number.clone(),
                    format_date(row.meeting.starts_at, locale, context.zone),
                    row.item_title.clone(),
                    row.resolution.text.clone(),
                    t(topic_key(row.resolution.topic)).to_owned(),
                    vote_text(row.resolution.vote),
                    t(outcome_key(row.resolution.outcome)).to_owned(),
                ]
            })
            .collect(),
        total: None,
    };
    let blocks = if rows.is_empty() {
        vec![Block::Paragraph(t(Key::SteeringRegisterEmpty).to_owned())]
    } else {
        vec![Block::Paragraph(t(Key::SteeringVoteLegend).to_owned()), Block::Table(table)]
    };
    Document {
        language: locale.tag().to_owned(),
        issuer: format!("{} – {}", context.tenant_name, t(Key::SteeringGroup)),
        kind: t(Key::SteeringRegisterTitle).to_owned(),
        title: t(Key::SteeringRegisterTitle).to_owned(),
        facts,
        blocks,
        footer: format!("{} – {}", t(Key::SteeringRegisterTitle), context.tenant_name),
        page_word: t(Key::PageWord).to_owned(),
        of_word: t(Key::OfWord).to_owned(),
    }
}
