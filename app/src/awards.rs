//! From the evaluation to funded work (SPEC §3B.5–6, §7; issue 12): the steering group's recommendation per
//! lot, the youth welfare committee's decision per bid as the administration records it, the coordination
//! posts and the steering contract an award creates, and what a bidding organisation learns of the outcome.
//!
//! As in `app::evaluation`, the operations live in [`ops`], take an [`crate::actor::Actor`] and are shared by
//! the server functions here and the REST API.

use crate::AppError;
use model::award::{DecisionView, PostView, RecommendationView};
use uuid::Uuid;

#[cfg(feature = "ssr")]
pub mod ops {
    use super::*;
    use crate::EvaluationRefusal;
    use crate::actor::Actor;
    use crate::store::awards::{self as store, NewAward};
    use crate::store::evaluation::{self as evaluation, CallEvaluation};
    use chrono::{DateTime, Utc};
    use model::award::{AwardKind, check_post, check_steering, quorum_reached, total};
    use model::award::{DecisionInput, OutcomeView, RecommendationInput};
    use model::bid::Fte;
    use model::call::Module;
    use model::policy;
    use sea_orm::TransactionTrait;

    const TEXT_MAX: usize = 4_000;

    fn award_error(problem: model::award::AwardError) -> AppError {
        AppError::Award { problem }
    }

    fn finalised(evaluation: &CallEvaluation, lot: &evaluation::Lot, bid: Uuid) -> Result<usize, AppError> {
        Ok(evaluation.final_sheets(lot, bid)?.len())
    }

    /// Records the steering group's recommendation for a lot: by a member who has declared for the lot and is
    /// not recused from it, once every bid of the lot has the quorum of final sheets. Replaces an earlier one;
    /// audited.
    pub async fn recommend(
        actor: &Actor,
        call: Uuid,
        lot: Uuid,
        input: RecommendationInput,
        now: DateTime<Utc>,
    ) -> Result<RecommendationView, AppError> {
        if !actor.holds(model::Permission::ScoreBids) {
            return Err(AppError::Forbidden);
        }
        let txn = actor.server.db.begin().await?;
        let loaded = evaluation::load(&txn, &actor.tenant, actor.who(), call, now).await?;
        let lot = loaded.lot(lot).ok_or(AppError::NotFound)?;
        let user = actor.caller().user_id;
        if !loaded.lot_facts(lot, user, |facts| policy::has_declared(actor.who(), facts)) {
            return Err(AppError::Evaluation { reason: EvaluationRefusal::DeclarationsMissing });
        }
        if loaded.lot_facts(lot, user, |facts| policy::is_recused(actor.who(), facts)) {
            return Err(AppError::Evaluation { reason: EvaluationRefusal::Recused });
        }
        let quorum = store::quorum(&txn, &actor.tenant).await?;
        let eligible = loaded.eligible(lot).len();
        let mut reached = !lot.bids.is_empty();
        for bid in &lot.bids {
            reached &= quorum_reached(quorum, eligible, finalised(&loaded, lot, bid.id)?);
        }
        if !reached {
            return Err(AppError::Evaluation { reason: EvaluationRefusal::QuorumNotReached });
        }
        if input.bid_id.is_some_and(|bid| !lot.bids.iter().any(|b| b.id == bid)) {
            return Err(AppError::invalid("bid_id", crate::InvalidReason::Malformed));
        }
        let reasoning = input.reasoning.trim();
        if reasoning.is_empty() {
            return Err(AppError::invalid("reasoning", crate::InvalidReason::Required));
        }
        if reasoning.chars().count() > TEXT_MAX {
            return Err(AppError::invalid("reasoning", crate::InvalidReason::TooLong));
        }
        if input.bid_id.is_some() {
            if input.amounts.is_empty() {
                return Err(award_error(model::award::AwardError::NoFunding));
            }
            let years = model::bid::budget_years(loaded.call.decision_date);
            if input.amounts.keys().any(|year| !years.contains(year)) {
                return Err(award_error(model::award::AwardError::YearOutsidePeriod));
            }
            total(&input.amounts).map_err(award_error)?;
        }
        let amounts = if input.bid_id.is_some() { input.amounts.clone() } else { Default::default() };
        store::recommend(&txn, &loaded, lot, input.bid_id, &amounts, input.fte, reasoning, user).await?;
        let after = serde_json::json!({"lot": lot.id, "bid": input.bid_id, "amounts": amounts,
            "fte": input.fte.value(), "reasoning": reasoning});
        actor.audit(&txn, "evaluation.recommended", "call", call, None, Some(after)).await?;
        let view = store::recommendations(&txn, &loaded).await?.into_iter().find(|r| r.lot_id == lot.id);
        txn.commit().await?;
        view.ok_or_else(|| AppError::internal("recommendation vanished"))
    }

    /// Records the committee's decision on a bid (the administration); an award creates the coordination post
    /// or the steering contract, checked against the resolution's minimums. The organisation is told through
    /// the job queue. Audited; recorded once.
    pub async fn decide(
        actor: &Actor,
        bid: Uuid,
        input: DecisionInput,
        now: DateTime<Utc>,
    ) -> Result<DecisionView, AppError> {
        if !actor.holds(model::Permission::ManageCalls) {
            return Err(AppError::Forbidden);
        }
        let number = input.resolution_number.trim().to_owned();
        if number.is_empty() {
            return Err(AppError::invalid("resolution_number", crate::InvalidReason::Required));
        }
        if number.chars().count() > 64 {
            return Err(AppError::invalid("resolution_number", crate::InvalidReason::TooLong));
        }
        if input.conditions.chars().count() > TEXT_MAX {
            return Err(AppError::invalid("conditions", crate::InvalidReason::TooLong));
        }
        let txn = actor.server.db.begin().await?;
        let authorized = crate::store::bids::authorize_read(&txn, &actor.tenant, actor.who(), bid, now).await?;
        let loaded = evaluation::load(&txn, &actor.tenant, actor.who(), authorized.call().id, now).await?;
        let (lot, lot_bid) = loaded.find_bid(bid).ok_or(AppError::NotFound)?;
        let mut input = input;
        let award = if input.awarded {
            let starts_on =
                input.starts_on.ok_or_else(|| AppError::invalid("starts_on", crate::InvalidReason::Required))?;
            let module = Module::parse(&loaded.call.module).ok_or_else(|| AppError::internal("call module"))?;
            let (kind, fte) = match module {
                Module::Steering => {
                    let ends_on =
                        input.ends_on.ok_or_else(|| AppError::invalid("ends_on", crate::InvalidReason::Required))?;
                    check_steering(starts_on, ends_on, &input.amounts).map_err(award_error)?;
                    (AwardKind::Steering, input.fte.unwrap_or(Fte::parse("1").map_err(AppError::internal)?))
                }
                Module::Practice => {
                    check_post(starts_on, input.ends_on, &input.amounts).map_err(award_error)?;
                    (AwardKind::Post, input.fte.unwrap_or(Fte::parse("0.5").map_err(AppError::internal)?))
                }
            };
            Some(NewAward { kind, district_id: lot.district_id, fte, starts_on, ends_on: input.ends_on })
        } else {
            input.amounts.clear();
            None
        };
        let organisation = lot_bid.organisation_id;
        let module = award.as_ref().map(|a| a.kind.module());
        let user = actor.caller().user_id;
        let award_id = store::decide(&txn, &loaded, lot, bid, organisation, &input, award, user).await?;
        if let (Some(award_id), Some(module)) = (award_id, module) {
            let commitment = crate::controlling::ops::Commitment {
                award: award_id,
                module,
                funding: &input.amounts,
                decided_on: input.session_date,
                reference: &number,
            };
            crate::controlling::ops::commit(&txn, &actor.tenant, &commitment, user, now).await?;
        }
        let after = serde_json::json!({"session_date": input.session_date, "resolution_number": number,
            "awarded": input.awarded, "amounts": input.amounts, "conditions": input.conditions.trim()});
        actor.audit(&txn, "bid.decided", "bid", bid, None, Some(after)).await?;
        let job = crate::jobs::Job::DecisionRecorded { bid };
        crate::jobs::enqueue(&txn, &job, now, Some(format!("bid:{bid}:decision")), now).await?;
        let view = store::decisions(&txn, &loaded).await?.into_iter().find(|d| d.bid_id == bid);
        txn.commit().await?;
        view.ok_or_else(|| AppError::internal("decision vanished"))
    }

    /// The tenant's coordination posts and steering contract.
    pub async fn posts(actor: &Actor) -> Result<Vec<PostView>, AppError> {
        store::posts(&actor.server.db, &actor.tenant).await
    }

    /// The decision on the caller's organisation's bid, with its own scores per criterion and the group's
    /// reasoning for the lot. Not found until the committee has decided; never anything about other bids.
    pub async fn outcome(actor: &Actor, bid: Uuid, now: DateTime<Utc>) -> Result<OutcomeView, AppError> {
        let db = &actor.server.db;
        let authorized = crate::store::bids::authorize_read(db, &actor.tenant, actor.who(), bid, now).await?;
        outcome_of(actor, db, &authorized, now).await?.ok_or(AppError::NotFound)
    }

    /// [`outcome`] of a bid already authorised (the bid page reads the bid once for both), read through `db`
    /// (the page's [`crate::store::reading`]): `None` until the committee has decided. A call that has not
    /// closed has no decision, so nothing more is read then.
    pub async fn outcome_of(
        actor: &Actor,
        db: &impl sea_orm::ConnectionTrait,
        authorized: &crate::store::bids::Authorized<crate::store::bids::Read>,
        now: DateTime<Utc>,
    ) -> Result<Option<OutcomeView>, AppError> {
        let bid = authorized.bid().id;
        if authorized.phase() != model::call::Phase::Closed || store::decision_of(db, &actor.tenant, bid).await?.is_none() {
            return Ok(None);
        }
        let loaded = evaluation::load_for_bidder(db, &actor.tenant, authorized, now).await?;
        let (lot, _) = loaded.find_bid(bid).ok_or(AppError::NotFound)?;
        let decision = store::decisions(db, &loaded).await?.into_iter().find(|d| d.bid_id == bid);
        let decision = decision.ok_or(AppError::NotFound)?;
        let line =
            model::ranking::rank_lot(&loaded.rubric, &loaded.lot_scores(lot)?).into_iter().find(|l| l.bid_id == bid);
        let criteria = loaded
            .rubric
            .criteria()
            .iter()
            .enumerate()
            .map(|(index, criterion)| model::award::CriterionOutcome {
                title: criterion.title().to_owned(),
                mean: line.as_ref().and_then(|l| l.criteria.get(index).cloned().flatten()).map(|c| c.mean),
                max: criterion.scale().max(),
            })
            .collect();
        let reasoning =
            store::recommendations(db, &loaded).await?.into_iter().find(|r| r.lot_id == lot.id).map(|r| r.reasoning);
        Ok(Some(OutcomeView { decision, criteria, weighted: line.and_then(|l| l.weighted), reasoning }))
    }
}

#[leptos::server(prefix = "/fn", endpoint = "recommend")]
pub async fn recommend(
    call: Uuid,
    lot: Uuid,
    bid: Option<String>,
    fields: std::collections::BTreeMap<String, String>,
    fte: String,
    reasoning: String,
) -> Result<RecommendationView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ScoreBids).await?;
            let bid_id = match bid.as_deref().map(str::trim) {
                None | Some("") | Some("none") => None,
                Some(id) => {
                    Some(Uuid::parse_str(id).map_err(|_| AppError::invalid("bid", crate::InvalidReason::Malformed))?)
                }
            };
            let fte =
                model::bid::Fte::parse(&fte).map_err(|_| AppError::invalid("fte", crate::InvalidReason::Malformed))?;
            let amounts = amounts_from_fields(&fields)?;
            let input = model::award::RecommendationInput { bid_id, amounts, fte, reasoning };
            ops::recommend(&actor, call, lot, input, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Amounts from form fields `amount-<year>`; empty fields are left out.
pub fn amounts_from_fields(
    fields: &std::collections::BTreeMap<String, String>,
) -> Result<model::award::Funding, AppError> {
    let mut amounts = model::award::Funding::new();
    for (name, value) in fields {
        let Some(year) = name.strip_prefix("amount-") else { continue };
        if value.trim().is_empty() {
            continue;
        }
        let year: i32 = year.parse().map_err(|_| AppError::invalid(name, crate::InvalidReason::Malformed))?;
        let amount =
            model::Money::parse(value).map_err(|_| AppError::invalid(name, crate::InvalidReason::Malformed))?;
        amounts.insert(year, amount);
    }
    Ok(amounts)
}

/// Records the committee's decision from the decision form: `form[session_date]`, `form[resolution_number]`,
/// `form[awarded]` (`yes`/`no`), `form[amount-<year>]`, `form[conditions]`, `form[starts_on]`,
/// `form[ends_on]` and `form[fte]`.
#[leptos::server(prefix = "/fn", endpoint = "decide")]
pub async fn decide(bid: Uuid, form: std::collections::BTreeMap<String, String>) -> Result<DecisionView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let field = |name: &str| form.get(name).map(|v| v.trim().to_owned()).unwrap_or_default();
            let date = |name: &str| -> Result<Option<chrono::NaiveDate>, AppError> {
                match field(name).as_str() {
                    "" => Ok(None),
                    text => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                        .map(Some)
                        .map_err(|_| AppError::invalid(name, crate::InvalidReason::Malformed)),
                }
            };
            let session_date =
                date("session_date")?.ok_or(AppError::invalid("session_date", crate::InvalidReason::Required))?;
            let fte = match field("fte").as_str() {
                "" => None,
                text => Some(
                    model::bid::Fte::parse(text)
                        .map_err(|_| AppError::invalid("fte", crate::InvalidReason::Malformed))?,
                ),
            };
            let input = model::award::DecisionInput {
                session_date,
                resolution_number: field("resolution_number"),
                awarded: field("awarded") == "yes",
                amounts: amounts_from_fields(&form)?,
                conditions: field("conditions"),
                starts_on: date("starts_on")?,
                ends_on: date("ends_on")?,
                fte,
            };
            ops::decide(&actor, bid, input, chrono::Utc::now()).await
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "posts")]
pub async fn posts() -> Result<Vec<PostView>, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ReadLedger).await?;
            ops::posts(&actor).await
        }
        .await,
    )
}

