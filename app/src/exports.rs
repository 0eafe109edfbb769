//! Files for the committee meeting (issue 12): a call's ranking and score matrix as CSV and as an XLSX
//! workbook. They are made from the same [`RankingView`] the ranking page shows — so a lot hidden from the
//! caller (recused, own sheets open) is hidden in the files too — and labelled from the text catalogue in
//! the caller's language. Decimal figures are written as the ranking rounds them: in CSV as text with the
//! locale's decimal separator (what a spreadsheet opened in German expects), in XLSX as numbers.

use crate::AppError;
use crate::i18n::{Key, text};
use model::Locale;
use model::evaluation::{LotRanking, RankingHidden, RankingView};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

fn decimal(value: Decimal, locale: Locale) -> String {
    model::ranking::format_score(value, locale)
}

fn flags(line: &model::ranking::RankedBid, locale: Locale) -> String {
    let mut flags = Vec::new();
    if line.flags.missing_scores {
        flags.push(text(locale, Key::FlagMissing));
    }
    if line.flags.disagreement {
        flags.push(text(locale, Key::FlagDisagreement));
    }
    if line.flags.tie {
        flags.push(text(locale, Key::FlagTie));
    }
    flags.join(", ")
}

/// Why a lot's ranking is not shown to the caller, as the page, the files and the decision proposal say it.
pub(crate) fn hidden_text(reason: RankingHidden, locale: Locale) -> &'static str {
    text(
        locale,
        match reason {
            RankingHidden::Undeclared => Key::ErrDeclarationsMissing,
            RankingHidden::Recused => Key::RecusedNotice,
            RankingHidden::OwnScoresOpen => Key::RankingAfterOwnScores,
        },
    )
}

fn criteria(view: &RankingView) -> Vec<String> {
    view.rubric.criteria().iter().map(|c| c.title().to_owned()).collect()
}

fn ranking_header(view: &RankingView, locale: Locale) -> Vec<String> {
    let mut header: Vec<String> = [Key::LotLabel, Key::RankLabel, Key::CarrierLabel, Key::WeightedScoreLabel]
        .iter()
        .map(|k| text(locale, *k).to_owned())
        .collect();
    header.push(text(locale, Key::ScoresCountLabel).to_owned());
    header.push(text(locale, Key::EligibleLabel).to_owned());
    for title in criteria(view) {
        header.push(format!("{title} – {}", text(locale, Key::MeanLabel)));
        header.push(format!("{title} – {}", text(locale, Key::RangeLabel)));
        header.push(format!("{title} – σ"));
    }
    header.push(text(locale, Key::FlagsLabel).to_owned());
    header
}

fn matrix_header(view: &RankingView, locale: Locale) -> Vec<String> {
    let mut header: Vec<String> =
        [Key::LotLabel, Key::CarrierLabel, Key::MemberLabel].iter().map(|k| text(locale, *k).to_owned()).collect();
    header.extend(criteria(view));
    header.push(text(locale, Key::WeightedScoreLabel).to_owned());
    header
}

fn name_of(lot: &LotRanking, bid: uuid::Uuid) -> String {
    lot.lines.iter().find(|l| l.line.bid_id == bid).map(|l| l.organisation_name.clone()).unwrap_or_default()
}

/// The ranking and, after an empty line, the score matrix, as one CSV file (UTF-8 with a byte order mark,
/// `;`-separated in German, so that spreadsheet programs open it as they are set up there).
pub fn ranking_csv(view: &RankingView, locale: Locale) -> Result<Vec<u8>, AppError> {
    let delimiter = match locale {
        Locale::De => b';',
        Locale::En => b',',
    };
    let mut out = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(vec![0xEF, 0xBB, 0xBF]);
    let fail = |e: csv::Error| AppError::internal(format!("csv: {e}"));
    out.write_record(ranking_header(view, locale)).map_err(fail)?;
    for lot in &view.lots {
        if let Some(reason) = lot.hidden {
            out.write_record([lot.title.as_str(), "", hidden_text(reason, locale)]).map_err(fail)?;
            continue;
        }
        for l in &lot.lines {
            let line = &l.line;
            let mut record = vec![
                lot.title.clone(),
                line.rank.map(|r| r.to_string()).unwrap_or_default(),
                l.organisation_name.clone(),
                line.weighted.map(|w| decimal(w, locale)).unwrap_or_default(),
                line.scores.to_string(),
                line.eligible.to_string(),
            ];
            for spread in &line.criteria {
                match spread {
                    Some(s) => {
                        record.push(decimal(s.mean, locale));
                        record.push(format!("{}–{}", s.min, s.max));
                        record.push(decimal(s.std_dev, locale));
                    }
                    None => record.extend([String::new(), String::new(), String::new()]),
                }
            }
            record.push(flags(line, locale));
            out.write_record(record).map_err(fail)?;
        }
    }
    out.write_record([""]).map_err(fail)?;
    out.write_record(matrix_header(view, locale)).map_err(fail)?;
    for lot in view.lots.iter().filter(|l| l.hidden.is_none()) {
        for row in &lot.matrix {
            let mut record = vec![lot.title.clone(), name_of(lot, row.bid_id), row.member_name.clone()];
            record.extend(row.points.iter().map(u8::to_string));
            record.push(decimal(row.weighted, locale));
            out.write_record(record).map_err(fail)?;
        }
    }
    out.into_inner().map_err(|e| AppError::internal(format!("csv: {e}")))
}

/// The ranking and the score matrix as a workbook with two sheets; figures are numbers.
pub fn ranking_xlsx(view: &RankingView, locale: Locale) -> Result<Vec<u8>, AppError> {
    use rust_xlsxwriter::{Format, Workbook, XlsxError};
    let fail = |e: XlsxError| AppError::internal(format!("xlsx: {e}"));
    let number = |d: Decimal| d.to_f64().unwrap_or_default();
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let two_places = Format::new().set_num_format("0.00");

    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(text(locale, Key::RankingTitle))).map_err(fail)?;
    for (col, title) in ranking_header(view, locale).iter().enumerate() {
        sheet.write_string_with_format(0, column(col), title, &bold).map_err(fail)?;
    }
    let mut row = 1;
    for lot in &view.lots {
        if let Some(reason) = lot.hidden {
            sheet.write_string(row, 0, &lot.title).map_err(fail)?;
            sheet.write_string(row, 2, hidden_text(reason, locale)).map_err(fail)?;
            row += 1;
            continue;
        }
        for l in &lot.lines {
            let line = &l.line;
            sheet.write_string(row, 0, &lot.title).map_err(fail)?;
            if let Some(rank) = line.rank {
                sheet.write_number(row, 1, f64::from(rank)).map_err(fail)?;
            }
            sheet.write_string(row, 2, &l.organisation_name).map_err(fail)?;
            if let Some(weighted) = line.weighted {
                sheet.write_number_with_format(row, 3, number(weighted), &two_places).map_err(fail)?;
            }
            sheet.write_number(row, 4, line.scores as f64).map_err(fail)?;
            sheet.write_number(row, 5, line.eligible as f64).map_err(fail)?;
            let mut col = 6;
            for spread in &line.criteria {
                if let Some(s) = spread {
                    sheet.write_number_with_format(row, col, number(s.mean), &two_places).map_err(fail)?;
                    sheet.write_string(row, col + 1, format!("{}–{}", s.min, s.max)).map_err(fail)?;
                    sheet.write_number_with_format(row, col + 2, number(s.std_dev), &two_places).map_err(fail)?;
                }
                col += 3;
            }
            sheet.write_string(row, col, flags(line, locale)).map_err(fail)?;
            row += 1;
        }
    }
    sheet.set_column_width(0, 28).map_err(fail)?;
    sheet.set_column_width(2, 34).map_err(fail)?;

    let matrix = workbook.add_worksheet();
    matrix.set_name(sheet_name(text(locale, Key::ScoreMatrixSheet))).map_err(fail)?;
    for (col, title) in matrix_header(view, locale).iter().enumerate() {
        matrix.write_string_with_format(0, column(col), title, &bold).map_err(fail)?;
    }
    let mut row = 1;
    for lot in view.lots.iter().filter(|l| l.hidden.is_none()) {
        for entry in &lot.matrix {
            matrix.write_string(row, 0, &lot.title).map_err(fail)?;
            matrix.write_string(row, 1, name_of(lot, entry.bid_id)).map_err(fail)?;
            matrix.write_string(row, 2, &entry.member_name).map_err(fail)?;
            let mut col = 3;
            for points in &entry.points {
                matrix.write_number(row, col, f64::from(*points)).map_err(fail)?;
                col += 1;
            }
            matrix.write_number_with_format(row, col, number(entry.weighted), &two_places).map_err(fail)?;
            row += 1;
        }
    }
    matrix.set_column_width(0, 28).map_err(fail)?;
    matrix.set_column_width(1, 34).map_err(fail)?;
    matrix.set_column_width(2, 30).map_err(fail)?;
    workbook.save_to_buffer().map_err(fail)
}

fn column(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

/// A worksheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

/// The tables of a document (the yearly committee report) as one CSV file: each table under its caption,
/// an empty line between them, the total row last. Cells as the document shows them (amounts with the
/// locale's separators), `;`-separated in German.
pub fn document_csv(document: &crate::documents::Document, locale: Locale) -> Result<Vec<u8>, AppError> {
    let delimiter = match locale {
        Locale::De => b';',
        Locale::En => b',',
    };
    let mut out = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(vec![0xEF, 0xBB, 0xBF]);
    let fail = |e: csv::Error| AppError::internal(format!("csv: {e}"));
    for (index, table) in document_tables(document).enumerate() {
        if index > 0 {
            out.write_record([""]).map_err(fail)?;
        }
        out.write_record([table.caption.as_str()]).map_err(fail)?;
        out.write_record(table.columns.iter().map(|c| c.title.as_str())).map_err(fail)?;
        for row in table.rows.iter().chain(&table.total) {
            out.write_record(row).map_err(fail)?;
        }
    }
    out.into_inner().map_err(|e| AppError::internal(format!("csv: {e}")))
}

fn document_tables(document: &crate::documents::Document) -> impl Iterator<Item = &crate::documents::Table> {
    document.blocks.iter().filter_map(|block| match block {
        crate::documents::Block::Table(table) => Some(table),
        _ => None,
    })
}

/// A figure cell back as a number: an amount (`1.234,56 €`, `€1,234.56`) or a count.
fn cell_number(cell: &str) -> Option<(f64, bool)> {
    let money = model::Money::parse(cell).ok()?;
    let amount = money.amount();
    let whole = !cell.contains(['.', ',']) || amount.fract().is_zero() && !cell.contains('€');
    Some((amount.to_f64()?, !whole))
}

/// The tables of a document as a workbook, one sheet per table named by its caption; the figure columns
/// hold numbers (amounts with two places), so the committee's clerks can add them up again.
pub fn document_xlsx(document: &crate::documents::Document) -> Result<Vec<u8>, AppError> {
    use rust_xlsxwriter::{Format, Workbook, XlsxError};
    let fail = |e: XlsxError| AppError::internal(format!("xlsx: {e}"));
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let bold_money = Format::new().set_bold().set_num_format("#,##0.00");
    let mut names = Vec::new();
    for table in document_tables(document) {
        let sheet = workbook.add_worksheet();
        let mut name = sheet_name(&table.caption);
        let mut n = 2;
        while names.contains(&name) {
            name = sheet_name(&format!("{} {n}", table.caption.chars().take(27).collect::<String>()));
            n += 1;
        }
        sheet.set_name(&name).map_err(fail)?;
        names.push(name);
        for (col, column_spec) in table.columns.iter().enumerate() {
            sheet.write_string_with_format(0, column(col), &column_spec.title, &bold).map_err(fail)?;
            sheet.set_column_width(column(col), f64::from(column_spec.width.clamp(8, 40))).map_err(fail)?;
        }
        let total = table.total.iter().map(|row| (row, true));
        for (index, (row, is_total)) in table.rows.iter().map(|row| (row, false)).chain(total).enumerate() {
            let at = u32::try_from(index + 1).unwrap_or(u32::MAX);
            for (col, cell) in row.iter().enumerate() {
                let numeric = table.columns.get(col).is_some_and(|c| c.numeric);
                match cell_number(cell).filter(|_| numeric) {
                    Some((value, true)) => {
                        let format = if is_total { &bold_money } else { &money };
                        sheet.write_number_with_format(at, column(col), value, format).map_err(fail)?
                    }
                    Some((value, false)) if is_total => {
                        sheet.write_number_with_format(at, column(col), value, &bold).map_err(fail)?
                    }
                    Some((value, false)) => sheet.write_number(at, column(col), value).map_err(fail)?,
                    None if is_total => sheet.write_string_with_format(at, column(col), cell, &bold).map_err(fail)?,
                    None => sheet.write_string(at, column(col), cell).map_err(fail)?,
                };
            }
        }
    }
    workbook.save_to_buffer().map_err(fail)
}
