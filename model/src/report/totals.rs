//! The reports' figures added up for controlling and the committee report (issue 13, item 6): per district
//! and year, per quarter, and per year with the change against the year before.
//!
//! Only submitted reports count, each with its latest submitted version. Most figures are flows — meetings
//! held, measures started, people reached, hours worked, money spent — and add up over periods. The number
//! of network partners is a level: a post's partners of one quarter are mostly those of the next, so a longer
//! span takes each post's latest value and adds those up over the posts.

use super::Figures;
use super::compliance::quarter_of;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The figures of one submitted report, as the totals need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureInput {
    pub post_id: Uuid,
    pub district: String,
    pub period_start: NaiveDate,
    pub figures: Figures,
}

/// Figures added up over a span, and how many reports they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureTotals {
    pub reports: u32,
    pub figures: Figures,
}

/// One district's totals of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictTotals {
    pub district: String,
    pub totals: FigureTotals,
}

/// All posts' totals of one calendar quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuarterTotals {
    pub year: i32,
    pub quarter: u32,
    pub totals: FigureTotals,
}

/// Change against the year before, in percent (rounded to whole percent); `null` where the year before had
/// nothing to compare with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Trend {
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub network_partners: Option<Decimal>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub meetings: Option<Decimal>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub measures_started: Option<Decimal>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub people_reached: Option<Decimal>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub hours_worked: Option<Decimal>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub money_spent: Option<Decimal>,
}

/// All posts' totals of one year, with the trend against the year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearTotals {
    pub year: i32,
    pub totals: FigureTotals,
    pub trend: Trend,
}

/// The figures page and API: every year's totals; for the chosen year (the latest by default) the totals per
/// district and per quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FiguresView {
    pub year: Option<i32>,
    pub years: Vec<YearTotals>,
    pub districts: Vec<DistrictTotals>,
    pub quarters: Vec<QuarterTotals>,
}

/// `now` against `before` in whole percent; `None` when `before` is zero.
pub fn percent_change(now: Decimal, before: Decimal) -> Option<Decimal> {
    if before.is_zero() {
        return None;
    }
    let change = (now - before) * Decimal::ONE_HUNDRED / before;
    Some(change.round())
}

/// Adds up `inputs` (in any order): flows summed, network partners as the sum of each post's latest value.
pub fn add_up<'a>(inputs: impl IntoIterator<Item = &'a FigureInput>) -> FigureTotals {
    let mut sorted: Vec<&FigureInput> = inputs.into_iter().collect();
    sorted.sort_by_key(|input| input.period_start);
    let mut totals = FigureTotals::default();
    let mut latest_partners: Vec<(Uuid, u32)> = Vec::new();
    for input in sorted {
        let (sum, add) = (&mut totals.figures, &input.figures);
        totals.reports = totals.reports.saturating_add(1);
        sum.meetings = sum.meetings.saturating_add(add.meetings);
        sum.measures_started = sum.measures_started.saturating_add(add.measures_started);
        sum.people_reached = sum.people_reached.saturating_add(add.people_reached);
        sum.hours_worked = sum.hours_worked.saturating_add(add.hours_worked);
        // Each amount is checked to be at most `MAX_MONEY_SPENT_CENTS`, so the sum stays far inside Decimal's range.
        sum.money_spent = sum.money_spent.checked_add(add.money_spent).unwrap_or(sum.money_spent);
        match latest_partners.iter_mut().find(|(post, _)| *post == input.post_id) {
            Some(found) => found.1 = add.network_partners,
            None => latest_partners.push((input.post_id, add.network_partners)),
        }
    }
    totals.figures.network_partners = latest_partners.iter().fold(0u32, |sum, (_, n)| sum.saturating_add(*n));
    totals
}

fn trend(now: &Figures, before: &Figures) -> Trend {
    let count = |n: u32| Decimal::from(n);
    Trend {
        network_partners: percent_change(count(now.network_partners), count(before.network_partners)),
        meetings: percent_change(count(now.meetings), count(before.meetings)),
        measures_started: percent_change(count(now.measures_started), count(before.measures_started)),
        people_reached: percent_change(count(now.people_reached), count(before.people_reached)),
        hours_worked: percent_change(now.hours_worked, before.hours_worked),
        money_spent: percent_change(now.money_spent.amount(), before.money_spent.amount()),
    }
}

impl FiguresView {
    /// The totals of `inputs`, with districts and quarters of `year` (or of the latest year with figures).
    pub fn build(inputs: &[FigureInput], year: Option<i32>) -> Self {
        let mut year_numbers: Vec<i32> = inputs.iter().map(|i| i.period_start.year()).collect();
        year_numbers.sort_unstable();
        year_numbers.dedup();
        let mut years: Vec<YearTotals> = Vec::with_capacity(year_numbers.len());
        for &number in &year_numbers {
            let totals = add_up(inputs.iter().filter(|i| i.period_start.year() == number));
            let trend = years
                .last()
                .filter(|before| before.year == number - 1)
                .map(|before| trend(&totals.figures, &before.totals.figures))
                .unwrap_or_default();
            years.push(YearTotals { year: number, totals, trend });
        }
        let chosen = year.or_else(|| year_numbers.last().copied());
        let of_year: Vec<&FigureInput> = inputs.iter().filter(|i| Some(i.period_start.year()) == chosen).collect();
        let mut names: Vec<&str> = of_year.iter().map(|i| i.district.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let districts = names
            .into_iter()
            .map(|name| DistrictTotals {
                district: name.to_owned(),
                totals: add_up(of_year.iter().copied().filter(|i| i.district == name)),
            })
            .collect();
        let quarters = (1..=4)
            .filter_map(|quarter| {
                let inputs: Vec<&FigureInput> =
                    of_year.iter().copied().filter(|i| quarter_of(i.period_start) == quarter).collect();
                let year = chosen?;
                (!inputs.is_empty()).then(|| QuarterTotals { year, quarter, totals: add_up(inputs) })
            })
            .collect();
        FiguresView { year: chosen, years, districts, quarters }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Money;
    use proptest::prelude::*;

    fn input(post: u128, district: &str, year: i32, month: u32, people: u32, partners: u32, money: i64) -> FigureInput {
        FigureInput {
            post_id: Uuid::from_u128(post),
            district: district.into(),
            period_start: NaiveDate::from_ymd_opt(year, month, 1).expect("day"),
            figures: Figures {
                network_partners: partners,
                meetings: 2,
                measures_started: 1,
                people_reached: people,
                hours_worked: Decimal::new(2025, 1),
                money_spent: Money::from_cents(money),
            },
        }
    }

    #[test]
    fn flows_add_up_and_partners_take_each_posts_latest_value() {
        let inputs = [
            input(1, "Pieschen", 2025, 1, 100, 10, 10_000),
            input(1, "Pieschen", 2025, 4, 50, 12, 5_050),
            input(2, "Prohlis", 2025, 1, 40, 7, 0),
        ];
        let totals = add_up(&inputs);
        assert_eq!(totals.reports, 3);
        assert_eq!(totals.figures.people_reached, 190);
        assert_eq!(totals.figures.meetings, 6);
        assert_eq!(totals.figures.hours_worked, Decimal::new(6075, 1));
        assert_eq!(totals.figures.money_spent, Money::from_cents(15_050));
        assert_eq!(totals.figures.network_partners, 12 + 7);
    }

    #[test]
    fn years_carry_the_trend_and_the_chosen_year_splits_by_district_and_quarter() {
        let inputs = [
            input(1, "Pieschen", 2024, 1, 100, 10, 10_000),
            input(1, "Pieschen", 2025, 1, 150, 10, 10_000),
            input(1, "Pieschen", 2025, 7, 0, 5, 0),
            input(2, "Prohlis", 2025, 7, 50, 3, 0),
        ];
        let view = FiguresView::build(&inputs, None);
        assert_eq!(view.year, Some(2025));
        assert_eq!(view.years.len(), 2);
        assert_eq!(view.years[0].trend, Trend::default());
        assert_eq!(view.years[1].trend.people_reached, Some(Decimal::from(100)));
        assert_eq!(view.years[1].trend.money_spent, Some(Decimal::ZERO));
        assert_eq!(view.districts.iter().map(|d| d.district.as_str()).collect::<Vec<_>>(), ["Pieschen", "Prohlis"]);
        assert_eq!(view.districts[0].totals.figures.people_reached, 150);
        assert_eq!(view.districts[0].totals.figures.network_partners, 5);
        assert_eq!(view.quarters.iter().map(|q| q.quarter).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(view.quarters[1].totals.figures.network_partners, 8);
        let earlier = FiguresView::build(&inputs, Some(2024));
        assert_eq!(earlier.districts.len(), 1);
        assert_eq!(FiguresView::build(&[], None).year, None);
    }

    #[test]
    fn a_change_against_nothing_has_no_percentage() {
        assert_eq!(percent_change(Decimal::from(5), Decimal::ZERO), None);
        assert_eq!(percent_change(Decimal::from(1), Decimal::from(3)), Some(Decimal::from(-67)));
    }

    proptest! {
        /// However the reports are split into years, the years' flows add up to the whole.
        #[test]
        fn years_add_up_to_the_whole(people in proptest::collection::vec((0u32..10_000, 2019i32..2027, 1u32..13), 0..40)) {
            let inputs: Vec<FigureInput> = people
                .iter()
                .enumerate()
                .map(|(n, &(p, y, m))| input(n as u128 % 3, "D", y, m, p, 1, i64::from(p) * 3))
                .collect();
            let view = FiguresView::build(&inputs, None);
            let whole = add_up(&inputs);
            let by_year: u32 = view.years.iter().map(|y| y.totals.figures.people_reached).sum();
            let money = view.years.iter().fold(Money::ZERO, |sum, y| sum.checked_add(y.totals.figures.money_spent).expect("sum"));
            prop_assert_eq!(by_year, whole.figures.people_reached);
            prop_assert_eq!(money, whole.figures.money_spent);
            prop_assert_eq!(view.years.iter().map(|y| y.totals.reports).sum::<u32>(), inputs.len() as u32);
        }
    }
}
