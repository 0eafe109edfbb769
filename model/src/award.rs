//! From the steering group's recommendation to the committee's decision and what an award funds (SPEC §3B,
//! §7; seed §2 and §5; issue 12).
//!
//! The rules that make an award valid live here, so the forms, the API and the demo loader share them: the
//! steering contract runs at least three years and is worth at least 100,000 € in total (seed §2), funding
//! years lie within the funded period, and a recommendation waits for a quorum of final score sheets on every
//! bid of the lot — a majority of the seven seats by default, but never more than the members who may score
//! (recusals can leave fewer).

use crate::Money;
use crate::bid::{Fte, YearAmount};
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The default quorum: a majority of the seven seats (seed §3).
pub const DEFAULT_QUORUM: i32 = 4;
/// The steering contract's minimum length in years and total in euros (seed §2).
pub const STEERING_MIN_YEARS: u32 = 3;
pub const STEERING_MIN_EUROS: i64 = 100_000;

/// Why an award or a recommendation is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum AwardError {
    #[error("an award needs funding for at least one budget year")]
    NoFunding,
    #[error("the end lies before the start")]
    EndBeforeStart,
    #[error("the steering contract runs at least {STEERING_MIN_YEARS} years")]
    SteeringTooShort,
    #[error("the steering contract is worth at least {STEERING_MIN_EUROS} euros in total")]
    SteeringTooLittle,
    #[error("a funded budget year lies outside the funded period")]
    YearOutsidePeriod,
    #[error("an amount is negative or too large")]
    BadAmount,
}

/// Funding per budget year.
pub type Funding = BTreeMap<i32, Money>;

/// The sum of all years, or `BadAmount` on overflow or a negative amount.
pub fn total(funding: &Funding) -> Result<Money, AwardError> {
    funding.values().try_fold(Money::ZERO, |sum, amount| {
        if amount.is_negative() { None } else { sum.checked_add(*amount) }.ok_or(AwardError::BadAmount)
    })
}

fn check_years(starts_on: NaiveDate, ends_on: Option<NaiveDate>, funding: &Funding) -> Result<Money, AwardError> {
    if funding.is_empty() {
        return Err(AwardError::NoFunding);
    }
    if let Some(ends_on) = ends_on
        && ends_on < starts_on
    {
        return Err(AwardError::EndBeforeStart);
    }
    let last = ends_on.map_or(i32::MAX, |d| d.year());
    if funding.keys().any(|&year| year < starts_on.year() || year > last) {
        return Err(AwardError::YearOutsidePeriod);
    }
    total(funding)
}

/// A coordination post: funded years from its start on (and until its end, if it has one). Returns the total.
pub fn check_post(starts_on: NaiveDate, ends_on: Option<NaiveDate>, funding: &Funding) -> Result<Money, AwardError> {
    check_years(starts_on, ends_on, funding)
}

/// The steering contract: at least three years (its last day no earlier than the day before the third
/// anniversary of its start) and at least 100,000 € in total. Returns the total.
pub fn check_steering(starts_on: NaiveDate, ends_on: NaiveDate, funding: &Funding) -> Result<Money, AwardError> {
    let total = check_years(starts_on, Some(ends_on), funding)?;
    let earliest_end = starts_on
        .checked_add_months(Months::new(12 * STEERING_MIN_YEARS))
        .and_then(|d| d.pred_opt())
        .ok_or(AwardError::SteeringTooShort)?;
    if ends_on < earliest_end {
        return Err(AwardError::SteeringTooShort);
    }
    if total.amount() < Decimal::from(STEERING_MIN_EUROS) {
        return Err(AwardError::SteeringTooLittle);
    }
    Ok(total)
}

/// Whether a bid has enough final sheets for a recommendation: the quorum, or every member who may score
/// it when recusals leave fewer.
pub fn quorum_reached(quorum: usize, eligible: usize, finalised: usize) -> bool {
    eligible > 0 && finalised >= quorum.min(eligible)
}

/// The funding as a list by year, for views.
pub fn funding_years(funding: &Funding) -> Vec<YearAmount> {
    funding.iter().map(|(&year, &amount)| YearAmount { year, amount }).collect()
}

/// The steering group's recommendation for a lot, as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecommendationInput {
    /// The proposed bid; `null` to propose no award for the lot.
    pub bid_id: Option<Uuid>,
    /// Amount per budget year (keys are years).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, String>))]
    pub amounts: Funding,
    pub fte: Fte,
    pub reasoning: String,
}

/// A lot's recorded recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecommendationView {
    pub lot_id: Uuid,
    pub bid_id: Option<Uuid>,
    pub organisation_name: Option<String>,
    pub amounts: Vec<YearAmount>,
    pub fte: Fte,
    pub reasoning: String,
    pub recorded_by: String,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
}

/// The committee's decision on one bid, as the administration records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionInput {
    pub session_date: NaiveDate,
    /// The committee's resolution number, e.g. `V2741/19`.
    pub resolution_number: String,
    pub awarded: bool,
    /// Awarded amount per budget year (keys are years); empty when not awarded.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, String>))]
    pub amounts: Funding,
    #[serde(default)]
    pub conditions: String,
    /// When the funded post or contract starts (required with an award).
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    /// When it ends (required for the steering contract).
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// A post's FTE; 0.5 when not given.
    #[serde(default)]
    pub fte: Option<Fte>,
}

/// What an award funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AwardKind {
    /// A coordination post in a district (practice module).
    Post,
    /// The steering contract (steering module).
    Steering,
}

impl AwardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AwardKind::Post => "post",
            AwardKind::Steering => "steering",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [AwardKind::Post, AwardKind::Steering].into_iter().find(|k| k.as_str() == text)
    }

    /// The module whose money pays for it.
    pub fn module(self) -> crate::call::Module {
        match self {
            AwardKind::Post => crate::call::Module::Practice,
            AwardKind::Steering => crate::call::Module::Steering,
        }
    }
}

/// A recorded decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionView {
    pub bid_id: Uuid,
    pub lot_id: Uuid,
    pub organisation_name: String,
    pub session_date: NaiveDate,
    pub resolution_number: String,
    pub awarded: bool,
    pub amounts: Vec<YearAmount>,
    pub conditions: String,
}

/// A funded object: a coordination post or the steering contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostView {
    pub id: Uuid,
    pub kind: AwardKind,
    pub district_id: Option<Uuid>,
    pub district_name: Option<String>,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub fte: Fte,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub funding: Vec<YearAmount>,
    pub total: Money,
    pub session_date: NaiveDate,
    pub resolution_number: String,
    /// When a coordination post reports (`null` for the steering contract).
    pub schedule: Option<crate::report::Schedule>,
}

/// What a bidding organisation learns of the decision on its bid: the decision, its own scores per criterion
/// (means of the group's final sheets) and the group's reasoning for the lot — never other bidders' data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeView {
    pub decision: DecisionView,
    /// Per criterion of the rubric: its title and the bid's mean points (rounded as in the ranking).
    pub criteria: Vec<CriterionOutcome>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub weighted: Option<Decimal>,
    pub reasoning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionOutcome {
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub mean: Option<Decimal>,
    pub max: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn funding(years: &[(i32, i64)]) -> Funding {
        years.iter().map(|&(y, euros)| (y, Money::from_cents(euros * 100))).collect()
    }

    #[test]
    fn the_steering_contract_runs_three_years_and_is_worth_100000_euros() {
        let three = funding(&[(2019, 34_000), (2020, 33_000), (2021, 33_000)]);
        assert_eq!(check_steering(date(2019, 2, 1), date(2022, 1, 31), &three), Ok(Money::from_cents(10_000_000)));
        assert_eq!(check_steering(date(2019, 2, 1), date(2022, 1, 30), &three), Err(AwardError::SteeringTooShort));
        let little = funding(&[(2019, 33_333), (2020, 33_333), (2021, 33_333)]);
        assert_eq!(check_steering(date(2019, 2, 1), date(2022, 1, 31), &little), Err(AwardError::SteeringTooLittle));
        let late = funding(&[(2019, 50_000), (2023, 50_000)]);
        assert_eq!(check_steering(date(2019, 2, 1), date(2022, 1, 31), &late), Err(AwardError::YearOutsidePeriod));
        assert_eq!(check_steering(date(2019, 2, 1), date(2018, 1, 31), &three), Err(AwardError::EndBeforeStart));
        assert_eq!(check_steering(date(2019, 2, 1), date(2022, 1, 31), &Funding::new()), Err(AwardError::NoFunding));
    }

    #[test]
    fn posts_are_funded_from_their_start() {
        let years = funding(&[(2019, 27_500), (2020, 28_000)]);
        assert_eq!(check_post(date(2019, 2, 1), None, &years), Ok(Money::from_cents(5_550_000)));
        assert_eq!(check_post(date(2020, 1, 1), None, &years), Err(AwardError::YearOutsidePeriod));
        assert_eq!(check_post(date(2019, 2, 1), Some(date(2019, 12, 31)), &years), Err(AwardError::YearOutsidePeriod));
        let negative = funding(&[(2019, -1)]);
        assert_eq!(check_post(date(2019, 2, 1), None, &negative), Err(AwardError::BadAmount));
    }

    #[test]
    fn the_quorum_is_capped_by_the_members_who_may_score() {
        assert!(quorum_reached(4, 7, 4));
        assert!(!quorum_reached(4, 7, 3));
        assert!(quorum_reached(4, 3, 3), "three left after recusals: all three");
        assert!(!quorum_reached(4, 0, 0));
    }
}
