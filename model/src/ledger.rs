//! The programme's money (SPEC §3C; seed §8): budget lines, the append-only ledger, the closing of a budget
//! year with its earmarked carry-over, and the check that the books add up.
//!
//! A *line* is one programme's module in one budget year. Every ledger row belongs to one line and has a
//! kind: an appropriation (the council's budget, with its decision), a commitment (made by an award, one row
//! per funded year), a disbursement (a payment to a carrier for a post or the steering contract), or the two
//! halves of a carry-over that only the closing of a year writes. A correction is a new row with the kind
//! and line of the row it reverses and the negated amount; nothing is ever edited or deleted. For every line
//!
//! ```text
//! available = appropriated + carried in − disbursed − carried out
//! ```
//!
//! and carried out is zero until the year is closed, so for an open year this is the council's
//! "appropriated + carried in − disbursed". Closing a year carries each line's rest into the same programme
//! and module of the next year (seed §8: "zweckgebunden"), leaving nothing available in the closed year.
//! Commitments show what the awards have promised; they do not reduce what is available, because the
//! committee decides awards for years whose budget has not passed yet.
//!
//! The rules are plain functions over the facts of one line, so the forms, the API, the CSV import and the
//! demo share them, and [`audit`] checks a whole ledger for `server ledger check`.

use crate::Money;
use crate::call::Module;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use uuid::Uuid;

/// The budget years the ledger accepts.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2200;
/// The longest reference (decision or payment) and note.
pub const MAX_REFERENCE_CHARS: usize = 128;
pub const MAX_NOTE_CHARS: usize = 2000;
/// The programme code new tenants get.
pub const DEFAULT_PROGRAMME: &str = "praevention";

/// What a ledger row records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Money the council puts into the budget line (with its decision).
    Appropriation,
    /// Money an award promises for the year.
    Commitment,
    /// A payment to a carrier.
    Disbursement,
    /// The rest of the year before, carried in (earmarked) by its closing.
    CarryIn,
    /// The rest of this year, carried into the next by the closing.
    CarryOut,
}

impl EntryKind {
    pub const ALL: [EntryKind; 5] =
        [Self::Appropriation, Self::Commitment, Self::Disbursement, Self::CarryIn, Self::CarryOut];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Appropriation => "appropriation",
            Self::Commitment => "commitment",
            Self::Disbursement => "disbursement",
            Self::CarryIn => "carry_in",
            Self::CarryOut => "carry_out",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// One programme's module in one budget year.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Line {
    pub programme: String,
    pub module: Module,
    pub year: i32,
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {} / {}", self.programme, self.module.as_str(), self.year)
    }
}

/// The sums of one line, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    pub appropriated: Money,
    pub carried_in: Money,
    pub committed: Money,
    pub disbursed: Money,
    pub carried_out: Money,
}

impl Totals {
    pub fn add(&mut self, kind: EntryKind, amount: Money) {
        let sum = match kind {
            EntryKind::Appropriation => &mut self.appropriated,
            EntryKind::Commitment => &mut self.committed,
            EntryKind::Disbursement => &mut self.disbursed,
            EntryKind::CarryIn => &mut self.carried_in,
            EntryKind::CarryOut => &mut self.carried_out,
        };
        *sum = *sum + amount;
    }

    /// Appropriated + carried in − disbursed − carried out.
    pub fn available(&self) -> Money {
        self.appropriated + self.carried_in - self.disbursed - self.carried_out
    }

    /// Committed but not yet paid out (never below zero).
    pub fn open_commitments(&self) -> Money {
        let open = self.committed - self.disbursed;
        if open.is_negative() { Money::ZERO } else { open }
    }

    pub fn plus(mut self, other: &Totals) -> Totals {
        self.appropriated = self.appropriated + other.appropriated;
        self.carried_in = self.carried_in + other.carried_in;
        self.committed = self.committed + other.committed;
        self.disbursed = self.disbursed + other.disbursed;
        self.carried_out = self.carried_out + other.carried_out;
        self
    }
}

/// Why the ledger refuses an entry or a closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum LedgerError {
    #[error("the amount must be more than zero")]
    NotPositive,
    #[error("the budget year is outside 2000–2200")]
    YearOutOfRange,
    #[error("the budget year is closed")]
    YearClosed,
    #[error("the payment is more than the line has available")]
    ExceedsAvailable,
    #[error("earmarked money is spent only within its programme and module")]
    Earmark,
    #[error("the entry has been reversed already")]
    AlreadyReversed,
    #[error("carry-overs and corrections cannot be reversed")]
    NotReversible,
    #[error("a reference (decision or payment) is needed")]
    NoReference,
    #[error("a correction needs its reason")]
    NoReason,
    #[error("a reference or note is too long")]
    TooLong,
    #[error("the year has not ended yet")]
    YearNotOver,
    #[error("an earlier budget year is still open")]
    EarlierYearOpen,
    #[error("the budget year is closed already")]
    AlreadyClosed,
}

/// What the rules need to know of the line an entry goes to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineFacts {
    pub totals: Totals,
    pub closed: bool,
}

fn check_text(reference: &str, note: &str) -> Result<(), LedgerError> {
    if reference.chars().count() > MAX_REFERENCE_CHARS || note.chars().count() > MAX_NOTE_CHARS {
        Err(LedgerError::TooLong)
    } else {
        Ok(())
    }
}

fn check_open(year: i32, line: &LineFacts) -> Result<(), LedgerError> {
    if !YEARS.contains(&year) {
        Err(LedgerError::YearOutOfRange)
    } else if line.closed {
        Err(LedgerError::YearClosed)
    } else {
        Ok(())
    }
}

/// The council appropriates money for a line: a positive amount into an open year, with its decision.
pub fn check_appropriation(
    year: i32,
    amount: Money,
    reference: &str,
    note: &str,
    line: &LineFacts,
) -> Result<(), LedgerError> {
    check_open(year, line)?;
    check_text(reference, note)?;
    if amount <= Money::ZERO {
        return Err(LedgerError::NotPositive);
    }
    if reference.trim().is_empty() {
        return Err(LedgerError::NoReference);
    }
    Ok(())
}

/// What a payment is charged to and what it pays for: the line's module and programme must be the award's
/// (the post's practice module or the steering contract's module, in the programme that committed it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Earmark<'a> {
    pub line_programme: &'a str,
    pub line_module: Module,
    pub award_programme: &'a str,
    pub award_module: Module,
}

/// A payment to a carrier: positive, into an open year, no more than the line has available, and only from
/// the programme and module the award belongs to.
pub fn check_disbursement(
    year: i32,
    amount: Money,
    reference: &str,
    note: &str,
    earmark: Earmark<'_>,
    line: &LineFacts,
) -> Result<(), LedgerError> {
    check_open(year, line)?;
    check_text(reference, note)?;
    if amount <= Money::ZERO {
        return Err(LedgerError::NotPositive);
    }
    if reference.trim().is_empty() {
        return Err(LedgerError::NoReference);
    }
    if earmark.line_module != earmark.award_module || earmark.line_programme != earmark.award_programme {
        return Err(LedgerError::Earmark);
    }
    if amount > line.totals.available() {
        return Err(LedgerError::ExceedsAvailable);
    }
    Ok(())
}

/// The row a correction would reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reversed {
    pub kind: EntryKind,
    pub amount: Money,
    /// It is itself a correction.
    pub is_correction: bool,
    /// A correction of it exists.
    pub reversed: bool,
}

/// A correction reverses one row of an open year with a reason; it may not leave the line with less than
/// nothing available (an appropriation that was paid out stays). Returns the correction's amount.
pub fn check_correction(year: i32, target: &Reversed, note: &str, line: &LineFacts) -> Result<Money, LedgerError> {
    check_open(year, line)?;
    check_text("", note)?;
    if note.trim().is_empty() {
        return Err(LedgerError::NoReason);
    }
    if target.is_correction || matches!(target.kind, EntryKind::CarryIn | EntryKind::CarryOut) {
        return Err(LedgerError::NotReversible);
    }
    if target.reversed {
        return Err(LedgerError::AlreadyReversed);
    }
    let amount = -target.amount;
    let mut after = line.totals;
    after.add(target.kind, amount);
    if after.available().is_negative() {
        return Err(LedgerError::ExceedsAvailable);
    }
    Ok(amount)
}

/// Whether `year` is closed: closed itself, or any later year is (closings move forward, so a year before
/// a closed one takes no entries either).
pub fn is_closed<V>(year: i32, closings: &BTreeMap<i32, V>) -> bool {
    closings.range(year..).next().is_some()
}

/// Whether `year` may be closed on `today`: after it ended, once, and only when every earlier year with
/// entries is closed (so rests move forward one year at a time).
pub fn check_closing(
    year: i32,
    today: NaiveDate,
    closed: &BTreeMap<i32, DateTime<Utc>>,
    years_with_entries: &BTreeSet<i32>,
) -> Result<(), LedgerError> {
    if !YEARS.contains(&year) || !YEARS.contains(&(year + 1)) {
        return Err(LedgerError::YearOutOfRange);
    }
    if is_closed(year, closed) {
        return Err(LedgerError::AlreadyClosed);
    }
    if today.year() <= year {
        return Err(LedgerError::YearNotOver);
    }
    if years_with_entries.range(..year).any(|earlier| !is_closed(*earlier, closed)) {
        return Err(LedgerError::EarlierYearOpen);
    }
    Ok(())
}

/// What closing a year carries: each line's positive rest, into the same programme and module of the next
/// year. Lines with nothing left carry nothing.
pub fn carry_over(lines: &BTreeMap<Line, Totals>, year: i32) -> Vec<(Line, Money)> {
    lines
        .iter()
        .filter(|(line, totals)| line.year == year && totals.available() > Money::ZERO)
        .map(|(line, totals)| (line.clone(), totals.available()))
        .collect()
}

/// One stored row, as [`audit`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: Uuid,
    pub line: Line,
    pub kind: EntryKind,
    pub amount: Money,
    pub reverses: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// Something in a ledger that does not add up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discrepancy {
    /// More was paid out of a line than it had.
    Overdrawn { line: Line, available: Money },
    /// A closed year still has money available (its rest was not carried).
    ClosedWithRest { line: Line, available: Money },
    /// What a year carried out is not what the next year carried in.
    CarryMismatch { line: Line, carried_out: Money, carried_in_next: Money },
    /// Money was carried into a year whose year before is not closed.
    CarryWithoutClosing { line: Line },
    /// A correction that does not exactly reverse one row of its line.
    BadCorrection { id: Uuid },
    /// A row of a closed year written after the closing.
    AfterClosing { id: Uuid, year: i32 },
}

impl fmt::Display for Discrepancy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Overdrawn { line, available } => write!(f, "{line}: overdrawn, available {available}"),
            Self::ClosedWithRest { line, available } => {
                write!(f, "{line}: the year is closed but {available} is still available")
            }
            Self::CarryMismatch { line, carried_out, carried_in_next } => {
                write!(f, "{line}: carried out {carried_out}, but the next year carried in {carried_in_next}")
            }
            Self::CarryWithoutClosing { line } => write!(f, "{line}: carried in, but the year before is not closed"),
            Self::BadCorrection { id } => write!(f, "entry {id}: a correction that does not reverse its entry"),
            Self::AfterClosing { id, year } => write!(f, "entry {id}: written into {year} after it was closed"),
        }
    }
}

/// The sums per line of a set of rows.
pub fn totals_by_line<'a>(rows: impl IntoIterator<Item = &'a Row>) -> BTreeMap<Line, Totals> {
    let mut lines: BTreeMap<Line, Totals> = BTreeMap::new();
    for row in rows {
        lines.entry(row.line.clone()).or_default().add(row.kind, row.amount);
    }
    lines
}

/// Checks one tenant's whole ledger: no line overdrawn, closed years empty and their rests carried exactly
/// into the next year, corrections that reverse exactly one row of their own line, and no rows written into
/// a year after its closing (but the closing's own). `closings` maps each closed year to when it was closed.
pub fn audit(rows: &[Row], closings: &BTreeMap<i32, DateTime<Utc>>) -> Vec<Discrepancy> {
    let mut found = Vec::new();
    let lines = totals_by_line(rows);
    for (line, totals) in &lines {
        let available = totals.available();
        if available.is_negative() {
            found.push(Discrepancy::Overdrawn { line: line.clone(), available });
        }
        if is_closed(line.year, closings) && available != Money::ZERO {
            found.push(Discrepancy::ClosedWithRest { line: line.clone(), available });
        }
        if totals.carried_in != Money::ZERO && !closings.contains_key(&(line.year - 1)) {
            found.push(Discrepancy::CarryWithoutClosing { line: line.clone() });
        }
    }
    let mut carried: BTreeMap<Line, (Money, Money)> = BTreeMap::new();
    for (line, totals) in &lines {
        carried.entry(line.clone()).or_default().0 = totals.carried_out;
        let from = Line { year: line.year - 1, ..line.clone() };
        carried.entry(from).or_default().1 = totals.carried_in;
    }
    for (line, (out, next)) in carried {
        if out != next {
            found.push(Discrepancy::CarryMismatch { line, carried_out: out, carried_in_next: next });
        }
    }
    let by_id: HashMap<Uuid, &Row> = rows.iter().map(|row| (row.id, row)).collect();
    let mut reversed = HashSet::new();
    for row in rows {
        if let Some(target) = row.reverses {
            let fits = by_id.get(&target).is_some_and(|original| {
                original.reverses.is_none()
                    && original.line == row.line
                    && original.kind == row.kind
                    && original.amount == -row.amount
                    && !matches!(row.kind, EntryKind::CarryIn | EntryKind::CarryOut)
            });
            if !fits || !reversed.insert(target) {
                found.push(Discrepancy::BadCorrection { id: row.id });
            }
        }
        if let Some(closed_at) = closings.range(row.line.year..).map(|(_, at)| at).min() {
            // Commitments move no money: the committee may decide awards for a year already closed.
            let closing_row = row.kind == EntryKind::CarryOut && row.created_at == *closed_at;
            if row.created_at > *closed_at && !closing_row && row.kind != EntryKind::Commitment {
                found.push(Discrepancy::AfterClosing { id: row.id, year: row.line.year });
            }
        }
    }
    found
}

/// One line of the budget overview, for the API and the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetLine {
    pub programme: String,
    pub module: Module,
    pub appropriated: Money,
    pub carried_in: Money,
    pub committed: Money,
    pub disbursed: Money,
    pub carried_out: Money,
    /// Appropriated + carried in − disbursed − carried out.
    pub available: Money,
}

impl BudgetLine {
    pub fn new(programme: &str, module: Module, totals: &Totals) -> Self {
        BudgetLine {
            programme: programme.to_owned(),
            module,
            appropriated: totals.appropriated,
            carried_in: totals.carried_in,
            committed: totals.committed,
            disbursed: totals.disbursed,
            carried_out: totals.carried_out,
            available: totals.available(),
        }
    }
}

/// The budget of one year: a line per programme and module, and whether the year is closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetView {
    pub year: i32,
    pub closed: bool,
    pub modules: Vec<BudgetLine>,
    /// All lines together.
    pub total: BudgetLine,
}

/// One ledger row as people and the API see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = LedgerEntryView))]
pub struct EntryView {
    pub id: Uuid,
    pub programme: String,
    pub module: Module,
    pub year: i32,
    pub kind: EntryKind,
    /// Signed: a correction carries the negated amount of the row it reverses.
    pub amount: Money,
    /// The row this one reverses (a correction).
    pub reverses: Option<Uuid>,
    /// The correction that reversed this row, if any.
    pub reversed_by: Option<Uuid>,
    /// The post or steering contract a commitment or payment is for.
    pub award_id: Option<Uuid>,
    /// Its district and carrier, for people.
    pub award_label: Option<String>,
    pub booked_on: NaiveDate,
    pub reference: String,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// A new ledger row as the administration gives it. Commitments come from awards and carry-overs from the
/// closing of a year; neither is entered by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = LedgerPosting))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Posting {
    /// Budget for a line, with the decision that passed it.
    Appropriation {
        /// The programme's code; the tenant's first programme when left out.
        #[serde(default)]
        programme: Option<String>,
        module: Module,
        year: i32,
        amount: Money,
        booked_on: NaiveDate,
        /// The decision, e.g. "A0446/18".
        reference: String,
        #[serde(default)]
        note: String,
    },
    /// A payment to a carrier for a post or the steering contract.
    Disbursement {
        #[serde(default)]
        programme: Option<String>,
        module: Module,
        year: i32,
        award_id: Uuid,
        amount: Money,
        booked_on: NaiveDate,
        /// The payment's reference in the finance system.
        reference: String,
        #[serde(default)]
        note: String,
    },
    /// Reverses one row of an open year; `note` says why.
    Correction { reverses: Uuid, booked_on: NaiveDate, note: String },
}

/// A page of the ledger, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerPage {
    pub entries: Vec<EntryView>,
    pub total_count: u64,
    pub page: u64,
    pub per_page: u64,
}

/// The most rows one CSV import takes.
pub const MAX_IMPORT_ROWS: usize = 5_000;

/// One row of a CSV import, as read and checked (nothing booked yet, or booked with the others).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRow {
    /// The line in the file (the header is line 1).
    pub line: usize,
    pub kind: Option<EntryKind>,
    pub module: Option<Module>,
    pub year: Option<i32>,
    pub amount: Option<Money>,
    pub booked_on: Option<NaiveDate>,
    pub reference: String,
    /// The post or steering contract a payment was matched to.
    pub award: Option<String>,
    /// Why the row cannot be booked, in the request's language.
    pub error: Option<String>,
}

/// A CSV import: every row with its problem, if any. Rows are booked only all together, and only when no
/// row has a problem (`committed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = LedgerImport))]
pub struct ImportView {
    pub rows: Vec<ImportRow>,
    pub errors: usize,
    pub committed: bool,
}

/// The result of closing a year: what was carried into the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClosingView {
    pub year: i32,
    pub closed_at: DateTime<Utc>,
    pub carried: Vec<BudgetLine>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn euros(n: i64) -> Money {
        Money::from_cents(n * 100)
    }

    fn line(module: Module, year: i32) -> Line {
        Line { programme: DEFAULT_PROGRAMME.into(), module, year }
    }

    /// A ledger in memory that applies entries through the rules, as the store does with the database.
    #[derive(Default)]
    struct Book {
        rows: Vec<Row>,
        closings: BTreeMap<i32, DateTime<Utc>>,
        clock: i64,
    }

    impl Book {
        fn tick(&mut self) -> DateTime<Utc> {
            self.clock += 1;
            DateTime::from_timestamp(1_500_000_000 + self.clock, 0).unwrap_or_default()
        }

        fn facts(&self, line: &Line) -> LineFacts {
            let totals = totals_by_line(self.rows.iter().filter(|r| &r.line == line));
            LineFacts {
                totals: totals.get(line).copied().unwrap_or_default(),
                closed: is_closed(line.year, &self.closings),
            }
        }

        fn push(&mut self, line: Line, kind: EntryKind, amount: Money, reverses: Option<Uuid>) -> Uuid {
            let id = Uuid::new_v4();
            let created_at = self.tick();
            self.rows.push(Row { id, line, kind, amount, reverses, created_at });
            id
        }

        fn appropriate(&mut self, line: Line, amount: Money) -> Result<Uuid, LedgerError> {
            check_appropriation(line.year, amount, "A0446/18", "", &self.facts(&line))?;
            Ok(self.push(line, EntryKind::Appropriation, amount, None))
        }

        fn disburse(&mut self, line: Line, amount: Money, award_module: Module) -> Result<Uuid, LedgerError> {
            let earmark = Earmark {
                line_programme: &line.programme,
                line_module: line.module,
                award_programme: DEFAULT_PROGRAMME,
                award_module,
            };
            check_disbursement(line.year, amount, "ZA-1", "", earmark, &self.facts(&line))?;
            Ok(self.push(line, EntryKind::Disbursement, amount, None))
        }

        fn correct(&mut self, id: Uuid) -> Result<Uuid, LedgerError> {
            let original = self.rows.iter().find(|r| r.id == id).cloned().ok_or(LedgerError::NotReversible)?;
            let target = Reversed {
                kind: original.kind,
                amount: original.amount,
                is_correction: original.reverses.is_some(),
                reversed: self.rows.iter().any(|r| r.reverses == Some(id)),
            };
            let amount = check_correction(original.line.year, &target, "Tippfehler", &self.facts(&original.line))?;
            Ok(self.push(original.line, original.kind, amount, Some(id)))
        }

        fn close(&mut self, year: i32) -> Result<(), LedgerError> {
            let years: BTreeSet<i32> = self.rows.iter().map(|r| r.line.year).collect();
            let today = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
            check_closing(year, today, &self.closings, &years)?;
            let at = self.tick();
            for (from, rest) in carry_over(&totals_by_line(&self.rows), year) {
                let to = Line { year: year + 1, ..from.clone() };
                self.rows.push(Row {
                    id: Uuid::new_v4(),
                    line: from,
                    kind: EntryKind::CarryOut,
                    amount: rest,
                    reverses: None,
                    created_at: at,
                });
                self.rows.push(Row {
                    id: Uuid::new_v4(),
                    line: to,
                    kind: EntryKind::CarryIn,
                    amount: rest,
                    reverses: None,
                    created_at: at,
                });
            }
            self.closings.insert(year, at);
            Ok(())
        }
    }

    #[test]
    fn the_2018_practice_money_is_carried_into_2019_and_on() {
        let mut book = Book::default();
        book.appropriate(line(Module::Practice, 2018), euros(300_000)).ok();
        book.disburse(line(Module::Practice, 2018), euros(4_500), Module::Practice).ok();
        book.close(2018).ok();
        let lines = totals_by_line(&book.rows);
        assert_eq!(lines[&line(Module::Practice, 2018)].available(), Money::ZERO);
        assert_eq!(lines[&line(Module::Practice, 2018)].carried_out, euros(295_500));
        assert_eq!(lines[&line(Module::Practice, 2019)].carried_in, euros(295_500));
        // 2019: another budget on top, part paid, the rest carried again.
        book.appropriate(line(Module::Practice, 2019), euros(650_000)).ok();
        book.disburse(line(Module::Practice, 2019), euros(900_000), Module::Practice).ok();
        book.close(2019).ok();
        let lines = totals_by_line(&book.rows);
        assert_eq!(lines[&line(Module::Practice, 2020)].carried_in, euros(45_500));
        assert_eq!(audit(&book.rows, &book.closings), vec![]);
    }

    #[test]
    fn closed_years_take_nothing_and_close_in_order() {
        let mut book = Book::default();
        book.appropriate(line(Module::Practice, 2018), euros(10)).ok();
        book.appropriate(line(Module::Practice, 2019), euros(10)).ok();
        assert_eq!(book.close(2019), Err(LedgerError::EarlierYearOpen));
        assert_eq!(book.close(2018), Ok(()));
        assert_eq!(book.close(2018), Err(LedgerError::AlreadyClosed));
        assert_eq!(book.appropriate(line(Module::Practice, 2018), euros(1)), Err(LedgerError::YearClosed));
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
        assert_eq!(check_closing(2026, today, &BTreeMap::new(), &BTreeSet::new()), Err(LedgerError::YearNotOver));
    }

    #[test]
    fn payments_stay_within_their_earmark_and_what_is_available() {
        let mut book = Book::default();
        book.appropriate(line(Module::Steering, 2019), euros(40_000)).ok();
        assert_eq!(
            book.disburse(line(Module::Steering, 2019), euros(100), Module::Practice),
            Err(LedgerError::Earmark)
        );
        assert_eq!(
            book.disburse(line(Module::Steering, 2019), euros(40_001), Module::Steering),
            Err(LedgerError::ExceedsAvailable)
        );
        assert!(book.disburse(line(Module::Steering, 2019), euros(40_000), Module::Steering).is_ok());
        let other = Earmark {
            line_programme: "other",
            line_module: Module::Steering,
            award_programme: DEFAULT_PROGRAMME,
            award_module: Module::Steering,
        };
        let facts = LineFacts { totals: Totals { appropriated: euros(10), ..Totals::default() }, closed: false };
        assert_eq!(check_disbursement(2019, euros(1), "ZA", "", other, &facts), Err(LedgerError::Earmark));
    }

    #[test]
    fn a_correction_reverses_one_row_once() {
        let mut book = Book::default();
        let budget = book.appropriate(line(Module::Practice, 2020), euros(1_000)).unwrap_or_default();
        let paid = book.disburse(line(Module::Practice, 2020), euros(600), Module::Practice).unwrap_or_default();
        // Taking the budget back would overdraw the line.
        assert_eq!(book.correct(budget), Err(LedgerError::ExceedsAvailable));
        let fix = book.correct(paid).unwrap_or_default();
        assert_eq!(book.correct(paid), Err(LedgerError::AlreadyReversed));
        assert_eq!(book.correct(fix), Err(LedgerError::NotReversible));
        assert_eq!(totals_by_line(&book.rows)[&line(Module::Practice, 2020)].available(), euros(1_000));
        assert!(book.correct(budget).is_ok());
        assert_eq!(audit(&book.rows, &book.closings), vec![]);
    }

    #[test]
    fn the_audit_finds_what_does_not_add_up() {
        let mut book = Book::default();
        book.appropriate(line(Module::Practice, 2018), euros(100)).ok();
        book.close(2018).ok();
        // A row slipped into the closed year, a carry-in without its carry-out, and a half correction.
        let late = book.push(line(Module::Practice, 2018), EntryKind::Disbursement, euros(5), None);
        book.push(line(Module::Practice, 2019), EntryKind::CarryIn, euros(1), None);
        let odd = book.push(line(Module::Practice, 2019), EntryKind::Appropriation, euros(-3), Some(late));
        let found = audit(&book.rows, &book.closings);
        assert!(found.contains(&Discrepancy::AfterClosing { id: late, year: 2018 }), "{found:?}");
        assert!(found.contains(&Discrepancy::BadCorrection { id: odd }), "{found:?}");
        assert!(found.iter().any(|d| matches!(d, Discrepancy::Overdrawn { .. })), "{found:?}");
        assert!(found.iter().any(|d| matches!(d, Discrepancy::CarryMismatch { .. })), "{found:?}");
        assert!(found.iter().all(|d| !d.to_string().is_empty()));
    }

    #[derive(Debug, Clone)]
    enum Op {
        Appropriate(Module, i32, i64),
        Disburse(Module, i32, i64, Module),
        Correct(usize),
        Close(i32),
    }

    fn op() -> impl Strategy<Value = Op> {
        let module = prop_oneof![Just(Module::Steering), Just(Module::Practice)];
        let year = 2018..2023i32;
        prop_oneof![
            (module.clone(), year.clone(), 1..5_000_000i64).prop_map(|(m, y, c)| Op::Appropriate(m, y, c)),
            (module.clone(), year.clone(), 1..5_000_000i64, module).prop_map(|(m, y, c, a)| Op::Disburse(m, y, c, a)),
            (0..40usize).prop_map(Op::Correct),
            year.prop_map(Op::Close),
        ]
    }

    proptest! {
        /// Whatever is entered, corrected, refused or closed: every line's identity holds to the cent, the
        /// audit finds nothing, no money appears or vanishes (what the council gave is what was paid plus
        /// what is still available in the open years), and refused entries leave the ledger as it was.
        #[test]
        fn the_ledger_adds_up(ops in prop::collection::vec(op(), 1..60)) {
            let mut book = Book::default();
            for op in ops {
                let before = book.rows.len();
                let result = match op {
                    Op::Appropriate(m, y, c) => book.appropriate(line(m, y), Money::from_cents(c)).map(|_| ()),
                    Op::Disburse(m, y, c, a) => book.disburse(line(m, y), Money::from_cents(c), a).map(|_| ()),
                    Op::Correct(i) => match book.rows.get(i).map(|r| r.id) {
                        Some(id) => book.correct(id).map(|_| ()),
                        None => Ok(()),
                    },
                    Op::Close(y) => book.close(y),
                };
                if result.is_err() {
                    prop_assert_eq!(book.rows.len(), before);
                }
            }
            prop_assert_eq!(audit(&book.rows, &book.closings), vec![]);
            let lines = totals_by_line(&book.rows);
            let mut appropriated = Money::ZERO;
            let mut disbursed = Money::ZERO;
            let mut available = Money::ZERO;
            for (line, totals) in &lines {
                prop_assert_eq!(
                    totals.available(),
                    totals.appropriated + totals.carried_in - totals.disbursed - totals.carried_out
                );
                prop_assert!(!totals.available().is_negative(), "{line}");
                appropriated = appropriated + totals.appropriated;
                disbursed = disbursed + totals.disbursed;
                available = available + totals.available();
            }
            prop_assert_eq!(appropriated, disbursed + available);
        }
    }
}
