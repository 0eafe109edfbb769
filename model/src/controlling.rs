//! The controlling dashboard (SPEC §3C.3; issue 14, item 3): money per module and year, the year's burn-down,
//! each post's funding against the money its reports say it spent and what was paid, and the districts'
//! coverage with their report compliance. Pure builders over facts the operations load, so the numbers
//! are tested here and the page only draws them.

use crate::Money;
use crate::call::Module;
use crate::ledger::{BudgetView, EntryKind, Line, Totals};
use crate::report::compliance::Compliance;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The planned working time of a coordination post (seed §5: 0.5 full-time equivalents per district).
pub const PLANNED_FTE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// The money of one year, all lines together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearMoney {
    pub year: i32,
    pub closed: bool,
    pub appropriated: Money,
    pub carried_in: Money,
    pub committed: Money,
    pub disbursed: Money,
    pub carried_out: Money,
    pub available: Money,
}

/// What was left at the end of a month of the year, and what was paid in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthMoney {
    pub month: u32,
    pub disbursed: Money,
    pub available: Money,
}

/// One post's (or the steering contract's) money in the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostMoney {
    pub award_id: Uuid,
    pub module: Module,
    /// The district, or `None` for the steering contract.
    pub district: Option<String>,
    pub organisation: String,
    /// What the award funds in the year.
    pub funded: Money,
    /// What the post's submitted reports of the year say was spent.
    pub spent: Money,
    pub disbursed: Money,
}

/// Whether a district has a coordination post in the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// A post runs and has its coordinator.
    Active,
    /// A post runs, but nobody is assigned to it.
    Vacant,
    /// No post.
    Uncovered,
}

/// One district on the coverage grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictCoverage {
    pub district_id: Uuid,
    pub name: String,
    pub coverage: Coverage,
    /// Working time of the staffed posts.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub fte_filled: Decimal,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub fte_planned: Decimal,
    /// The year's reports by standing.
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
}

/// The dashboard of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DashboardView {
    pub year: i32,
    /// Every year with money or the current one, oldest first.
    pub years: Vec<i32>,
    pub programme: String,
    pub programme_reference: String,
    pub budget: BudgetView,
    pub history: Vec<YearMoney>,
    pub burn_down: Vec<MonthMoney>,
    pub posts: Vec<PostMoney>,
    pub districts: Vec<DistrictCoverage>,
}

/// The longest narrative and list of measures the steering group writes for one year.
pub const MAX_COMMITTEE_TEXT_CHARS: usize = 20_000;

/// What the steering group writes for the yearly committee report (seed §9).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitteeText {
    /// The group's account of the year, paragraphs separated by blank lines.
    #[serde(default)]
    pub narrative: String,
    /// Notable measures, one per line.
    #[serde(default)]
    pub measures: String,
}

impl CommitteeText {
    /// The measures as a list (blank lines and bullets left out).
    pub fn measure_list(&self) -> Vec<String> {
        self.measures
            .lines()
            .map(|line| line.trim().trim_start_matches(['-', '•', '*']).trim().to_owned())
            .filter(|line| !line.is_empty())
            .collect()
    }

    /// The narrative's paragraphs.
    pub fn paragraphs(&self) -> Vec<String> {
        // Browsers send a textarea's line breaks as CR LF.
        self.narrative
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// The yearly report to the committee as data: the year's dashboard, the reports' figures and the steering
/// group's text. Its PDF, CSV and XLSX forms are typeset from the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitteeReportView {
    pub year: i32,
    pub text: CommitteeText,
    pub dashboard: DashboardView,
    /// The figures of the year's reports: per district and quarter, and the year's totals (`years` holds
    /// only this year; the figures page has every year's).
    pub figures: crate::report::totals::FiguresView,
    /// The steering group's resolutions of the year (its meetings), for the report's account of them.
    #[serde(default)]
    pub resolutions: Vec<crate::steering::view::ResolutionRow>,
}

/// What controlling has for the caller to do, for the home page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControllingTasks {
    /// Last year has entries and waits for its closing (the administration).
    pub year_to_close: Option<i32>,
    /// Last year's committee report has no text of the steering group yet (its members).
    pub report_text_missing: Option<i32>,
}

impl ControllingTasks {
    pub fn is_empty(&self) -> bool {
        self.year_to_close.is_none() && self.report_text_missing.is_none()
    }
}

/// Every year's money, all lines together, oldest first; `closed` says which years are closed.
pub fn history(lines: &BTreeMap<Line, Totals>, closed: impl Fn(i32) -> bool) -> Vec<YearMoney> {
    let mut years: BTreeMap<i32, Totals> = BTreeMap::new();
    for (line, totals) in lines {
        let sum = years.entry(line.year).or_default();
        *sum = sum.plus(totals);
    }
    years
        .into_iter()
        .map(|(year, t)| YearMoney {
            year,
            closed: closed(year),
            appropriated: t.appropriated,
            carried_in: t.carried_in,
            committed: t.committed,
            disbursed: t.disbursed,
            carried_out: t.carried_out,
            available: t.available(),
        })
        .collect()
}

/// The year month by month: what was paid in each month and what was left at its end, from the year's
/// dated rows (commitments move no money and are left out). Months after `today` are not shown.
pub fn burn_down(rows: &[(EntryKind, NaiveDate, Money)], year: i32, today: NaiveDate) -> Vec<MonthMoney> {
    let last = if today.year() == year {
        today.month()
    } else if today.year() < year {
        0
    } else {
        12
    };
    (1..=last)
        .map(|month| {
            let mut left = Money::ZERO;
            let mut paid = Money::ZERO;
            for &(kind, booked_on, amount) in rows {
                let before_end = (booked_on.year(), booked_on.month()) <= (year, month);
                match kind {
                    EntryKind::Appropriation | EntryKind::CarryIn if before_end => left = left + amount,
                    EntryKind::Disbursement | EntryKind::CarryOut if before_end => {
                        left = left - amount;
                        if kind == EntryKind::Disbursement && booked_on.year() == year && booked_on.month() == month {
                            paid = paid + amount;
                        }
                    }
                    _ => {}
                }
            }
            MonthMoney { month, disbursed: paid, available: left }
        })
        .collect()
}

/// What [`coverage`] needs to know of a post in the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostFacts {
    pub district_id: Uuid,
    pub fte: Decimal,
    /// Runs during some of the year.
    pub running: bool,
    /// Has a coordinator.
    pub staffed: bool,
}

/// The coverage grid: each district with its posts of the year and the standing of their reports.
/// `compliance` gives each of the year's periods as (district name, standing).
pub fn coverage(
    districts: &[(Uuid, String)],
    posts: &[PostFacts],
    compliance: &[(String, Compliance)],
) -> Vec<DistrictCoverage> {
    districts
        .iter()
        .map(|(id, name)| {
            let here: Vec<&PostFacts> = posts.iter().filter(|p| p.district_id == *id && p.running).collect();
            let coverage = if here.iter().any(|p| p.staffed) {
                Coverage::Active
            } else if here.is_empty() {
                Coverage::Uncovered
            } else {
                Coverage::Vacant
            };
            let count = |status: Compliance| {
                compliance.iter().filter(|(district, s)| district == name && *s == status).count() as u32
            };
            DistrictCoverage {
                district_id: *id,
                name: name.clone(),
                coverage,
                fte_filled: here.iter().filter(|p| p.staffed).map(|p| p.fte).sum(),
                fte_planned: PLANNED_FTE,
                on_time: count(Compliance::OnTime),
                late: count(Compliance::Late),
                missing: count(Compliance::Missing),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn euros(n: i64) -> Money {
        Money::from_cents(n * 100)
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2019, m, d).unwrap_or_default()
    }

    #[test]
    fn the_burn_down_shows_what_is_left_at_each_months_end() {
        let rows = [
            (EntryKind::CarryIn, day(1, 1), euros(300_000)),
            (EntryKind::Commitment, day(2, 1), euros(80_000)),
            (EntryKind::Disbursement, day(2, 15), euros(20_000)),
            (EntryKind::Disbursement, day(4, 1), euros(20_000)),
            (EntryKind::Disbursement, day(4, 1), euros(-5_000)),
            (EntryKind::CarryOut, day(12, 31), euros(265_000)),
        ];
        let months = burn_down(&rows, 2019, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default());
        assert_eq!(months.len(), 12);
        assert_eq!((months[0].available, months[0].disbursed), (euros(300_000), Money::ZERO));
        assert_eq!((months[1].available, months[1].disbursed), (euros(280_000), euros(20_000)));
        assert_eq!((months[3].available, months[3].disbursed), (euros(265_000), euros(15_000)));
        assert_eq!(months[11].available, Money::ZERO);
        // The current year stops at this month; a future one shows nothing.
        assert_eq!(burn_down(&rows, 2019, day(5, 20)).len(), 5);
        assert!(burn_down(&rows, 2019, NaiveDate::from_ymd_opt(2018, 5, 1).unwrap_or_default()).is_empty());
    }

    #[test]
    fn coverage_tells_staffed_vacant_and_uncovered_districts_apart() {
        let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let districts = [(a, "Pieschen".to_owned()), (b, "Cotta".to_owned()), (c, "Prohlis".to_owned())];
        let half = Decimal::new(5, 1);
        let posts = [
            PostFacts { district_id: a, fte: half, running: true, staffed: true },
            PostFacts { district_id: b, fte: half, running: true, staffed: false },
            PostFacts { district_id: c, fte: half, running: false, staffed: true },
        ];
        let compliance = [
            ("Pieschen".to_owned(), Compliance::OnTime),
            ("Pieschen".to_owned(), Compliance::Late),
            ("Cotta".to_owned(), Compliance::Missing),
        ];
        let grid = coverage(&districts, &posts, &compliance);
        assert_eq!(
            grid.iter().map(|d| d.coverage).collect::<Vec<_>>(),
            [Coverage::Active, Coverage::Vacant, Coverage::Uncovered]
        );
        assert_eq!((grid[0].fte_filled, grid[0].on_time, grid[0].late), (half, 1, 1));
        assert_eq!((grid[1].fte_filled, grid[1].missing), (Decimal::ZERO, 1));
        assert_eq!(grid[2].fte_planned, PLANNED_FTE);
    }

    #[test]
    fn the_committee_text_reads_paragraphs_and_measures() {
        let text = CommitteeText {
            narrative: "Erstes Jahr.\nMit Zeilenumbruch.\r\n\r\n\nZweiter Absatz.".into(),
            measures: "- Stadtteilrunde Pieschen\n\n• Elterncafé\n  Ferienprogramm ".into(),
        };
        assert_eq!(text.paragraphs(), ["Erstes Jahr. Mit Zeilenumbruch.", "Zweiter Absatz."]);
        assert_eq!(text.measure_list(), ["Stadtteilrunde Pieschen", "Elterncafé", "Ferienprogramm"]);
    }

    #[test]
    fn the_history_adds_the_lines_of_each_year() {
        let mut lines = BTreeMap::new();
        let mut practice = Totals::default();
        practice.add(EntryKind::Appropriation, euros(300_000));
        practice.add(EntryKind::CarryOut, euros(300_000));
        lines.insert(Line { programme: "p".into(), module: Module::Practice, year: 2018 }, practice);
        let mut next = Totals::default();
        next.add(EntryKind::CarryIn, euros(300_000));
        next.add(EntryKind::Disbursement, euros(80_000));
        lines.insert(Line { programme: "p".into(), module: Module::Practice, year: 2019 }, next);
        let mut steering = Totals::default();
        steering.add(EntryKind::Appropriation, euros(36_000));
        lines.insert(Line { programme: "p".into(), module: Module::Steering, year: 2019 }, steering);
        let years = history(&lines, |y| y == 2018);
        assert_eq!(years.len(), 2);
        assert!(years[0].closed && !years[1].closed);
        assert_eq!(years[0].available, Money::ZERO);
        assert_eq!(years[1].available, euros(256_000));
        assert_eq!(years[1].appropriated, euros(36_000));
    }
}
