//! How the steering group's finalised scores become a ranking per lot (SPEC §3B.3, issue 12), exactly and
//! reproducibly, so that the group can defend the order when a rejected carrier asks why.
//!
//! The rules, in the order they apply:
//!
//! 1. A member's score sheet gives each criterion points on its scale. Its **weighted score** is the weighted
//!    mean of the criteria's points as shares of their scale, times 100: a sheet with the best level everywhere
//!    scores 100, one with the lowest everywhere 0, whatever the scales (Σ wᵢ·(pᵢ − minᵢ)/(maxᵢ − minᵢ) · 100 / Σ wᵢ).
//! 2. A bid's weighted score is the mean of its sheets' weighted scores, computed exactly in `Decimal` and then
//!    **rounded once to two places, halves away from zero** (kaufmännisches Runden: 3.125 → 3.13). The ranking
//!    uses the rounded figure, so what the table shows is what decides the order.
//! 3. Per criterion a bid shows the mean (rounded the same way), the lowest and the highest points, and the
//!    population standard deviation (rounded the same way), over the members who scored it.
//! 4. Flags: **missing scores** when fewer members have finalised than may score the bid (members recused from
//!    the lot do not count); **strong disagreement** when, on any criterion, the highest and lowest points lie at
//!    least half the scale apart; **tie** when another bid of the lot has the same rounded weighted score.
//! 5. Bids with at least one score are ranked by weighted score, highest first, with shared ranks for ties
//!    (1, 1, 3); among tied bids the order is by id, only to be stable. Bids nobody has scored come last,
//!    without a rank.

use crate::rubric::{Rubric, RubricError};
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One member's finalised points for one bid, one per criterion of the rubric, in its order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreSheet {
    points: Vec<u8>,
}

impl ScoreSheet {
    /// Checks the points against the rubric: one per criterion, each on its criterion's scale.
    pub fn new(rubric: &Rubric, points: Vec<u8>) -> Result<Self, RubricError> {
        let criteria = rubric.criteria();
        if points.len() != criteria.len() {
            return Err(RubricError::SheetLength { given: points.len(), expected: criteria.len() });
        }
        for (criterion, &p) in criteria.iter().zip(&points) {
            criterion.scale().check(p)?;
        }
        Ok(ScoreSheet { points })
    }

    pub fn points(&self) -> &[u8] {
        &self.points
    }

    /// Rule 1: the sheet's weighted score, 0–100, not rounded.
    pub fn weighted(&self, rubric: &Rubric) -> Decimal {
        let weighted: Decimal = rubric
            .criteria()
            .iter()
            .zip(&self.points)
            .map(|(criterion, &p)| {
                let scale = criterion.scale();
                Decimal::from(criterion.weight().get()) * Decimal::from(p - scale.min()) / Decimal::from(scale.span())
            })
            .sum();
        weighted * Decimal::ONE_HUNDRED / Decimal::from(rubric.total_weight())
    }
}

/// What the ranking needs to know about one bid of a lot.
#[derive(Debug, Clone)]
pub struct BidScores {
    pub bid_id: Uuid,
    /// How many members may score this bid: the group without those recused from its lot.
    pub eligible: usize,
    /// The finalised sheets (drafts never count).
    pub sheets: Vec<ScoreSheet>,
}

/// Rule 3: one criterion's figures for one bid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CriterionSpread {
    pub mean: Decimal,
    pub min: u8,
    pub max: u8,
    pub std_dev: Decimal,
}

/// Rule 4.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Flags {
    pub missing_scores: bool,
    pub disagreement: bool,
    pub tie: bool,
}

/// One line of a lot's ranking table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankedBid {
    pub bid_id: Uuid,
    /// Shared by tied bids; `None` for a bid nobody has scored yet.
    pub rank: Option<u32>,
    /// Rounded to two places (rule 2); `None` without scores.
    pub weighted: Option<Decimal>,
    pub scores: usize,
    pub eligible: usize,
    /// One entry per criterion of the rubric, `None` without scores.
    pub criteria: Vec<Option<CriterionSpread>>,
    pub flags: Flags,
}

/// A figure of the ranking as people read it: two places, the locale's decimal separator (`60,00`).
pub fn format_score(value: Decimal, locale: crate::Locale) -> String {
    let text = format!("{:.2}", round(value));
    match locale {
        crate::Locale::De => text.replace('.', ","),
        crate::Locale::En => text,
    }
}

/// Rule 2's rounding, used for every figure the ranking shows.
pub fn round(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn mean(values: impl ExactSizeIterator<Item = Decimal>) -> Option<Decimal> {
    let count = values.len();
    (count > 0).then(|| values.sum::<Decimal>() / Decimal::from(count))
}

fn spread(points: &[u8]) -> Option<CriterionSpread> {
    let exact_mean = mean(points.iter().map(|&p| Decimal::from(p)))?;
    let variance = mean(points.iter().map(|&p| (Decimal::from(p) - exact_mean) * (Decimal::from(p) - exact_mean)))?;
    Some(CriterionSpread {
        mean: round(exact_mean),
        min: points.iter().copied().min()?,
        max: points.iter().copied().max()?,
        std_dev: round(variance.sqrt().unwrap_or_default()),
    })
}

/// Ranks the bids of one lot against the call's rubric (rules 2–5).
pub fn rank_lot(rubric: &Rubric, bids: &[BidScores]) -> Vec<RankedBid> {
    let mut lines: Vec<RankedBid> = bids
        .iter()
        .map(|bid| {
            let criteria: Vec<Option<CriterionSpread>> = (0..rubric.criteria().len())
                .map(|index| spread(&bid.sheets.iter().map(|sheet| sheet.points[index]).collect::<Vec<_>>()))
                .collect();
            let disagreement = rubric.criteria().iter().zip(&criteria).any(|(criterion, spread)| {
                spread.as_ref().is_some_and(|s| 2 * u16::from(s.max - s.min) >= u16::from(criterion.scale().span()))
            });
            RankedBid {
                bid_id: bid.bid_id,
                rank: None,
                weighted: mean(bid.sheets.iter().map(|sheet| sheet.weighted(rubric))).map(round),
                scores: bid.sheets.len(),
                eligible: bid.eligible,
                criteria,
                flags: Flags { missing_scores: bid.sheets.len() < bid.eligible, disagreement, tie: false },
            }
        })
        .collect();
    // Highest first; unscored last; ties by id only for a stable order.
    lines.sort_by(|a, b| b.weighted.cmp(&a.weighted).then_with(|| a.bid_id.cmp(&b.bid_id)));
    let scored: Vec<Option<Decimal>> = lines.iter().map(|line| line.weighted).collect();
    for (index, line) in lines.iter_mut().enumerate() {
        let Some(weighted) = line.weighted else { continue };
        let first_equal = scored.iter().position(|other| *other == Some(weighted)).unwrap_or(index);
        line.rank = u32::try_from(first_equal + 1).ok();
        line.flags.tie = scored.iter().filter(|other| **other == Some(weighted)).count() > 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::{Criterion, Scale, Weight};
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).expect("decimal")
    }

    /// A (weight 2, 0–5) and B (weight 1, 0–10), as in the tables below.
    fn rubric() -> Rubric {
        let criterion = |title: &str, weight, max| {
            Criterion::new(title, "", Weight::new(weight).expect("w"), Scale::new(0, max).expect("s"), vec![])
                .expect("criterion")
        };
        Rubric::new(vec![criterion("A", 2, 5), criterion("B", 1, 10)]).expect("rubric")
    }

    fn sheet(points: &[u8]) -> ScoreSheet {
        ScoreSheet::new(&rubric(), points.to_vec()).expect("sheet")
    }

    fn bid(n: u128, eligible: usize, sheets: &[&[u8]]) -> BidScores {
        BidScores { bid_id: Uuid::from_u128(n), eligible, sheets: sheets.iter().map(|p| sheet(p)).collect() }
    }

    #[test]
    fn sheets_are_checked_against_the_rubric() {
        assert_eq!(ScoreSheet::new(&rubric(), vec![1]), Err(RubricError::SheetLength { given: 1, expected: 2 }));
        assert_eq!(ScoreSheet::new(&rubric(), vec![6, 0]), Err(RubricError::OutOfScale { points: 6, min: 0, max: 5 }));
    }

    #[test]
    fn a_sheets_weighted_score_is_the_weighted_share_of_the_best_levels() {
        // (2·5/5 + 1·10/10) / 3 · 100 = 100; (2·3/5 + 1·4/10) / 3 · 100 = 53.333…
        assert_eq!(sheet(&[5, 10]).weighted(&rubric()), dec("100"));
        assert_eq!(sheet(&[0, 0]).weighted(&rubric()), Decimal::ZERO);
        assert_eq!(round(sheet(&[3, 4]).weighted(&rubric())), dec("53.33"));
    }

    /// Hand-computed:
    ///
    /// | bid | sheets        | weighted per sheet | bid    | A mean / min / max / σ | flags          |
    /// |-----|---------------|--------------------|--------|------------------------|----------------|
    /// | 1   | (3,4) (4,6)   | 53.33…, 73.33…     | 63.33  | 3.5 / 3 / 4 / 0.5      | –              |
    /// | 2   | (5,0)         | 66.66…             | 66.67  | 5 / 5 / 5 / 0          | missing (1/2)  |
    /// | 3   | –             | –                  | –      | –                      | missing (0/1)  |
    /// | 4   | (0,10) (5,10) | 33.33…, 100        | 66.67  | 2.5 / 0 / 5 / 2.5      | disagree, tie  |
    ///
    /// Bid 2 is eligible for two members only (one recused from the lot), bid 3 for one.
    #[test]
    fn a_lot_is_ranked_as_computed_by_hand() {
        let lines = rank_lot(
            &rubric(),
            &[bid(1, 2, &[&[3, 4], &[4, 6]]), bid(2, 2, &[&[5, 0]]), bid(3, 1, &[]), bid(4, 2, &[&[0, 10], &[5, 10]])],
        );
        let order: Vec<(u128, Option<u32>, Option<Decimal>)> =
            lines.iter().map(|l| (l.bid_id.as_u128(), l.rank, l.weighted)).collect();
        assert_eq!(
            order,
            [
                (2, Some(1), Some(dec("66.67"))),
                (4, Some(1), Some(dec("66.67"))),
                (1, Some(3), Some(dec("63.33"))),
                (3, None, None)
            ]
        );
        let by_id = |n: u128| lines.iter().find(|l| l.bid_id.as_u128() == n).expect("line");
        assert_eq!(
            by_id(1).criteria[0],
            Some(CriterionSpread { mean: dec("3.5"), min: 3, max: 4, std_dev: dec("0.5") })
        );
        assert_eq!(by_id(1).flags, Flags::default());
        assert_eq!(by_id(2).flags, Flags { missing_scores: true, disagreement: false, tie: true });
        assert_eq!((by_id(3).scores, by_id(3).criteria[0].clone()), (0, None));
        assert!(by_id(3).flags.missing_scores && !by_id(3).flags.tie);
        assert_eq!(by_id(4).flags, Flags { missing_scores: false, disagreement: true, tie: true });
        assert_eq!(by_id(4).criteria[0].as_ref().map(|s| s.std_dev), Some(dec("2.5")));
    }

    #[test]
    fn halves_are_rounded_away_from_zero_once_at_the_end() {
        // One criterion 0–8: a point is 12.5; four sheets with one point between them average 3.125.
        let rubric = Rubric::new(vec![
            Criterion::new("A", "", Weight::new(1).expect("w"), Scale::new(0, 8).expect("s"), vec![]).expect("c"),
        ])
        .expect("rubric");
        let sheets = [1, 0, 0, 0].iter().map(|&p| ScoreSheet::new(&rubric, vec![p]).expect("sheet")).collect();
        let lines = rank_lot(&rubric, &[BidScores { bid_id: Uuid::nil(), eligible: 4, sheets }]);
        assert_eq!(lines[0].weighted, Some(dec("3.13")), "banker's rounding would say 3.12");
        assert_eq!(round(dec("-0.005")), dec("-0.01"));
    }

    #[test]
    fn disagreement_starts_at_half_the_scale() {
        // B runs 0–10: 3 and 8 are five apart (half), 3 and 7 four.
        let half = rank_lot(&rubric(), &[bid(1, 2, &[&[2, 3], &[2, 8]])]);
        assert!(half[0].flags.disagreement);
        let less = rank_lot(&rubric(), &[bid(1, 2, &[&[2, 3], &[2, 7]])]);
        assert!(!less[0].flags.disagreement);
    }

    fn sheets_strategy() -> impl Strategy<Value = Vec<(u8, u8)>> {
        prop::collection::vec((0u8..=5, 0u8..=10), 0..8)
    }

    proptest! {
        #[test]
        fn weighted_scores_lie_between_0_and_100(sheets in sheets_strategy()) {
            let sheets: Vec<ScoreSheet> = sheets.iter().map(|&(a, b)| sheet(&[a, b])).collect();
            let lines = rank_lot(&rubric(), &[BidScores { bid_id: Uuid::nil(), eligible: 7, sheets }]);
            if let Some(weighted) = lines[0].weighted {
                prop_assert!(weighted >= Decimal::ZERO && weighted <= Decimal::ONE_HUNDRED);
            }
        }

        #[test]
        fn the_order_of_the_sheets_does_not_matter(mut sheets in sheets_strategy()) {
            let make = |list: &[(u8, u8)]| list.iter().map(|&(a, b)| sheet(&[a, b])).collect::<Vec<_>>();
            let before = rank_lot(&rubric(), &[BidScores { bid_id: Uuid::nil(), eligible: 7, sheets: make(&sheets) }]);
            sheets.reverse();
            let after = rank_lot(&rubric(), &[BidScores { bid_id: Uuid::nil(), eligible: 7, sheets: make(&sheets) }]);
            prop_assert_eq!(before, after);
        }

        #[test]
        fn ranks_follow_the_scores(lots in prop::collection::vec(sheets_strategy(), 1..6)) {
            let bids: Vec<BidScores> = lots
                .iter()
                .enumerate()
                .map(|(n, list)| BidScores {
                    bid_id: Uuid::from_u128(n as u128),
                    eligible: 7,
                    sheets: list.iter().map(|&(a, b)| sheet(&[a, b])).collect(),
                })
                .collect();
            let lines = rank_lot(&rubric(), &bids);
            for pair in lines.windows(2) {
                // Scored bids come first (an `Option` orders `None` lowest), highest score first.
                prop_assert!(pair[0].weighted >= pair[1].weighted);
                if let (Some(a), Some(b)) = (pair[0].rank, pair[1].rank) {
                    prop_assert!(a <= b);
                    prop_assert_eq!(a == b, pair[0].weighted == pair[1].weighted);
                }
            }
        }
    }
}
