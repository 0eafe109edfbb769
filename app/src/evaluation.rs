//! The steering group's evaluation workspace (SPEC §3B, issue 12): declaring conflicts of interest,
//! scoring bids independently, and the ranking per lot.
//!
//! The operations live in [`ops`] and take an [`crate::actor::Actor`], so the server functions here and the
//! REST API (`server::api::evaluation`) run the same code with the same checks. Each loads the call's
//! evaluation once (`store::evaluation::load`) and asks `model::policy` what the caller may do with it.

use crate::AppError;
use model::evaluation::{BidScoresView, EvaluationTask, EvaluationView, MyScore, RankingView, ScoreDraft};
use uuid::Uuid;

#[cfg(feature = "ssr")]
pub mod ops {
    use super::*;
    use crate::EvaluationRefusal;
    use crate::actor::Actor;
    use crate::store::evaluation::{self as store, CallEvaluation, Lot, LotBid};
    use chrono::{DateTime, Utc};
    use model::evaluation::DeclarationInput;
    use model::evaluation::{
        BidProgress, Bidder, LotEvaluation, LotRanking, MatrixRow, MemberScore, RankingHidden, RankingLine, SheetStatus,
    };
    use model::policy::{self, ScoringFacts};
    use model::ranking::{rank_lot, round};
    use model::rubric::Rubric;
    use sea_orm::{ConnectionTrait, TransactionTrait};

    fn refused(reason: EvaluationRefusal) -> AppError {
        AppError::Evaluation { reason }
    }

    fn status_of(evaluation: &CallEvaluation, bid: Uuid, user: Uuid) -> SheetStatus {
        match evaluation.sheet(bid, user) {
            None => SheetStatus::NotStarted,
            Some(sheet) if sheet.finalised_at.is_some() => SheetStatus::Final,
            Some(_) => SheetStatus::Draft,
        }
    }

    /// The call's summary as lists show it.
    async fn summary(
        db: &impl ConnectionTrait,
        actor: &Actor,
        evaluation: &CallEvaluation,
    ) -> Result<model::call::CallSummary, AppError> {
        Ok(crate::store::calls::detail(db, &actor.tenant, evaluation.call.id, false, evaluation.at).await?.summary)
    }

    /// The facts of one bid for the caller, and the rule's answer.
    fn ask<T>(
        actor: &Actor,
        evaluation: &CallEvaluation,
        lot: &Lot,
        bid: &LotBid,
        rule: impl FnOnce(&ScoringFacts<'_>) -> T,
    ) -> T {
        let user = actor.caller().user_id;
        let finalised_own = status_of(evaluation, bid.id, user) == SheetStatus::Final;
        evaluation.lot_facts(lot, user, |lot_facts| {
            rule(&ScoringFacts { bid: evaluation.bid_facts(bid), lot: *lot_facts, finalised_own })
        })
    }

    fn view(actor: &Actor, evaluation: &CallEvaluation, call: model::call::CallSummary) -> EvaluationView {
        let who = actor.who();
        let user = actor.caller().user_id;
        let scorer = who.holds(model::Permission::ScoreBids);
        let lots = evaluation
            .lots
            .iter()
            .map(|lot| {
                let declared = evaluation.lot_facts(lot, user, |facts| policy::may_see_bids_of_lot(who, facts));
                let recused = scorer && evaluation.lot_facts(lot, user, |facts| policy::is_recused(who, facts));
                let mut bidders: Vec<Bidder> = Vec::new();
                for bid in &lot.bids {
                    if bidders.iter().any(|b| b.organisation_id == bid.organisation_id) {
                        continue;
                    }
                    let declaration = evaluation.declaration(user, bid.organisation_id);
                    bidders.push(Bidder {
                        organisation_id: bid.organisation_id,
                        organisation_name: bid.organisation_name.clone(),
                        declared: declaration.and_then(|d| model::evaluation::Conflict::parse(&d.conflict)),
                        note: declaration.map(|d| d.note.clone()).unwrap_or_default(),
                        tied: who.tied_to(bid.organisation_id),
                    });
                }
                let eligible = evaluation.eligible(lot);
                let bids = if declared {
                    lot.bids
                        .iter()
                        .map(|bid| BidProgress {
                            bid_id: bid.id,
                            version: bid.version,
                            organisation_name: bid.organisation_name.clone(),
                            mine: status_of(evaluation, bid.id, user),
                            finalised: eligible
                                .iter()
                                .filter(|m| status_of(evaluation, bid.id, m.id) == SheetStatus::Final)
                                .count(),
                            eligible: eligible.len(),
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                LotEvaluation { lot_id: lot.id, title: lot.title.clone(), bidders, declared, recused, bids }
            })
            .collect();
        EvaluationView { call, rubric: evaluation.rubric.clone(), scorer, lots }
    }

    /// A closed call's evaluation from the caller's seat: what to declare, what to score, how far the group is.
    pub async fn overview(actor: &Actor, call: Uuid, now: DateTime<Utc>) -> Result<EvaluationView, AppError> {
        let db = &actor.server.db;
        let evaluation = store::load(db, &actor.tenant, actor.who(), call, now).await?;
        let summary = summary(db, actor, &evaluation).await?;
        Ok(view(actor, &evaluation, summary))
    }

    /// Records the caller's declarations about bidding organisations of the call; audited.
    pub async fn declare(
        actor: &Actor,
        call: Uuid,
        inputs: Vec<DeclarationInput>,
        now: DateTime<Utc>,
    ) -> Result<EvaluationView, AppError> {
        if !actor.holds(model::Permission::ScoreBids) {
            return Err(AppError::Forbidden);
        }
        let txn = actor.server.db.begin().await?;
        let evaluation = store::load(&txn, &actor.tenant, actor.who(), call, now).await?;
        for input in &inputs {
            let field = format!("note-{}", input.organisation_id);
            if !evaluation.lots.iter().any(|lot| lot.bidders.contains(&input.organisation_id)) {
                return Err(AppError::invalid(
                    &format!("conflict-{}", input.organisation_id),
                    crate::InvalidReason::Malformed,
                ));
            }
            match input.check() {
                Ok(()) => {}
                Err(model::evaluation::EvaluationProblem::NoteMissing) => {
                    return Err(AppError::invalid(&field, crate::InvalidReason::Required));
                }
                Err(_) => return Err(AppError::invalid(&field, crate::InvalidReason::TooLong)),
            }
        }
        let user = actor.caller().user_id;
        let before = store::declare(&txn, &evaluation, user, &inputs).await?;
        let before: Vec<serde_json::Value> = before
            .iter()
            .map(|d| serde_json::json!({"organisation": d.organisation_id, "conflict": d.conflict, "note": d.note}))
            .collect();
        let after: Vec<serde_json::Value> = inputs
            .iter()
            .map(|d| serde_json::json!({"organisation": d.organisation_id, "conflict": d.conflict.as_str(), "note": d.note.trim()}))
            .collect();
        actor
            .audit(
                &txn,
                "evaluation.declared",
                "call",
                call,
                Some(serde_json::json!(before)),
                Some(serde_json::json!(after)),
            )
            .await?;
        let evaluation = store::load(&txn, &actor.tenant, actor.who(), call, now).await?;
        let summary = summary(&txn, actor, &evaluation).await?;
        txn.commit().await?;
        Ok(view(actor, &evaluation, summary))
    }

    /// Loads the evaluation of a bid's call, after checking that the caller may read the bid at all (so a
    /// sealed bid stays "not found").
    async fn for_bid(
        db: &impl ConnectionTrait,
        actor: &Actor,
        bid: Uuid,
        now: DateTime<Utc>,
    ) -> Result<CallEvaluation, AppError> {
        let authorized = crate::store::bids::authorize_read(db, &actor.tenant, actor.who(), bid, now).await?;
        let evaluation = store::load(db, &actor.tenant, actor.who(), authorized.call().id, now).await?;
        evaluation.find_bid(bid).ok_or(AppError::NotFound)?;
        Ok(evaluation)
    }

    /// Refuses a member who may not score the bid, saying why.
    fn require_scoring(actor: &Actor, evaluation: &CallEvaluation, bid: Uuid) -> Result<(), AppError> {
        let (lot, lot_bid) = evaluation.find_bid(bid).ok_or(AppError::NotFound)?;
        if ask(actor, evaluation, lot, lot_bid, |facts| policy::may_score(actor.who(), facts)) {
            return Ok(());
        }
        let user = actor.caller().user_id;
        if !actor.holds(model::Permission::ScoreBids) {
            Err(AppError::Forbidden)
        } else if !evaluation.lot_facts(lot, user, |facts| policy::has_declared(actor.who(), facts)) {
            Err(refused(EvaluationRefusal::DeclarationsMissing))
        } else {
            Err(refused(EvaluationRefusal::Recused))
        }
    }

    fn my_score_of(actor: &Actor, evaluation: &CallEvaluation, bid: Uuid) -> Result<MyScore, AppError> {
        let (lot, lot_bid) = evaluation.find_bid(bid).ok_or(AppError::NotFound)?;
        let row = evaluation.sheet(bid, actor.caller().user_id);
        let sheet = match row {
            Some(row) => store::draft_of(row)?.checked(&evaluation.rubric).unwrap_or_default(),
            None => ScoreDraft::default().checked(&evaluation.rubric).unwrap_or_default(),
        };
        let finalised_at = row.and_then(|r| r.finalised_at);
        let weighted = match finalised_at {
            Some(_) => sheet.finalise(&evaluation.rubric).ok().map(|s| round(s.weighted(&evaluation.rubric))),
            None => None,
        };
        Ok(MyScore {
            bid_id: bid,
            version: lot_bid.version,
            organisation_name: lot_bid.organisation_name.clone(),
            lot_title: lot.title.clone(),
            call_id: evaluation.call.id,
            rubric: evaluation.rubric.clone(),
            status: status_of(evaluation, bid, actor.caller().user_id),
            sheet,
            saved_at: row.map(|r| r.saved_at),
            finalised_at,
            weighted,
        })
    }

    /// The caller's own sheet for a bid (empty until first saved).
    pub async fn my_score(actor: &Actor, bid: Uuid, now: DateTime<Utc>) -> Result<MyScore, AppError> {
        let evaluation = for_bid(&actor.server.db, actor, bid, now).await?;
        require_scoring(actor, &evaluation, bid)?;
        my_score_of(actor, &evaluation, bid)
    }

    /// Saves the caller's sheet as a draft, exactly as typed (points on their scales); returns when.
    pub async fn save_my_score(
        actor: &Actor,
        bid: Uuid,
        draft: ScoreDraft,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, AppError> {
        let txn = actor.server.db.begin().await?;
        let evaluation = for_bid(&txn, actor, bid, now).await?;
        require_scoring(actor, &evaluation, bid)?;
        let draft = draft.checked(&evaluation.rubric).map_err(|problems| AppError::ScoreSheet { problems })?;
        let (lot, _) = evaluation.find_bid(bid).ok_or(AppError::NotFound)?;
        store::save_sheet(&txn, &evaluation, lot, bid, actor.caller().user_id, &draft).await?;
        txn.commit().await?;
        Ok(now)
    }

    /// Finalises the caller's sheet: complete, with a justification per criterion. With `draft`, saves it
    /// first (in the same transaction), so nothing typed since the last autosave is lost; a sheet that is not
    /// complete keeps what was typed and the answer names every criterion that needs attention.
    pub async fn finalise(
        actor: &Actor,
        bid: Uuid,
        draft: Option<ScoreDraft>,
        now: DateTime<Utc>,
    ) -> Result<MyScore, AppError> {
        let txn = actor.server.db.begin().await?;
        let mut evaluation = for_bid(&txn, actor, bid, now).await?;
        require_scoring(actor, &evaluation, bid)?;
        let user = actor.caller().user_id;
        if let Some(draft) = draft {
            let draft = draft.checked(&evaluation.rubric).map_err(|problems| AppError::ScoreSheet { problems })?;
            let (lot, _) = evaluation.find_bid(bid).ok_or(AppError::NotFound)?;
            store::save_sheet(&txn, &evaluation, lot, bid, user, &draft).await?;
            evaluation = for_bid(&txn, actor, bid, now).await?;
        }
        let Some(row) = evaluation.sheet(bid, user) else {
            let problems = ScoreDraft::default().finalise(&evaluation.rubric).err().unwrap_or_default();
            return Err(AppError::ScoreSheet { problems });
        };
        if row.finalised_at.is_some() {
            return Err(refused(EvaluationRefusal::Finalised));
        }
        let sheet = match store::draft_of(row)?.finalise(&evaluation.rubric) {
            Ok(sheet) => sheet,
            Err(problems) => {
                // The draft saved with the failed attempt is kept.
                txn.commit().await?;
                return Err(AppError::ScoreSheet { problems });
            }
        };
        store::finalise_sheet(&txn, &evaluation, bid, user).await?;
        let after =
            serde_json::json!({"points": sheet.points(), "weighted": round(sheet.weighted(&evaluation.rubric))});
        actor.audit(&txn, "score.finalised", "bid", bid, None, Some(after)).await?;
        let evaluation = for_bid(&txn, actor, bid, now).await?;
        let mine = my_score_of(actor, &evaluation, bid)?;
        txn.commit().await?;
        Ok(mine)
    }

    /// The finalised sheets of a bid: for a scoring member once their own is final (never when recused),
    /// for the administration once the call has closed.
    pub async fn others(actor: &Actor, bid: Uuid, now: DateTime<Utc>) -> Result<BidScoresView, AppError> {
        let evaluation = for_bid(&actor.server.db, actor, bid, now).await?;
        let (lot, lot_bid) = evaluation.find_bid(bid).ok_or(AppError::NotFound)?;
        if !ask(actor, &evaluation, lot, lot_bid, |facts| policy::may_see_others_scores(actor.who(), facts)) {
            let user = actor.caller().user_id;
            let recused = evaluation.lot_facts(lot, user, |facts| policy::is_recused(actor.who(), facts));
            return Err(if !actor.holds(model::Permission::ScoreBids) {
                AppError::Forbidden
            } else if recused {
                refused(EvaluationRefusal::Recused)
            } else {
                refused(EvaluationRefusal::OwnScoresOpen)
            });
        }
        let scores = evaluation
            .final_sheets(lot, bid)?
            .into_iter()
            .map(|(member, row, sheet)| {
                Ok(MemberScore {
                    member_id: member.id,
                    member_name: member.name.clone(),
                    points: sheet.points().to_vec(),
                    justifications: store::draft_of(row)?.justifications,
                    weighted: round(sheet.weighted(&evaluation.rubric)),
                    finalised_at: row.finalised_at.unwrap_or(row.saved_at),
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        Ok(BidScoresView { bid_id: bid, rubric: evaluation.rubric.clone(), scores })
    }

    /// Reopens a member's finalised sheet (the administration, with a reason); audited.
    pub async fn reopen(
        actor: &Actor,
        bid: Uuid,
        member: Uuid,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        if !actor.holds(model::Permission::ManageCalls) {
            return Err(AppError::Forbidden);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::invalid("reason", crate::InvalidReason::Required));
        }
        if reason.chars().count() > model::evaluation::NOTE_MAX {
            return Err(AppError::invalid("reason", crate::InvalidReason::TooLong));
        }
        let txn = actor.server.db.begin().await?;
        let evaluation = for_bid(&txn, actor, bid, now).await?;
        if !evaluation.members.iter().any(|m| m.id == member) {
            return Err(AppError::NotFound);
        }
        store::reopen_sheet(&txn, &evaluation, bid, member).await?;
        let after = serde_json::json!({"member": member, "reason": reason});
        actor.audit(&txn, "score.reopened", "bid", bid, None, Some(after)).await?;
        txn.commit().await?;
        Ok(())
    }

    fn lot_ranking(
        actor: &Actor,
        evaluation: &CallEvaluation,
        lot: &Lot,
        recommendations: &[model::award::RecommendationView],
        decisions: &[model::award::DecisionView],
    ) -> Result<LotRanking, AppError> {
        let who = actor.who();
        let user = actor.caller().user_id;
        let hidden = if who.holds(model::Permission::ScoreBids) {
            if evaluation.lot_facts(lot, user, |facts| policy::is_recused(who, facts)) {
                Some(RankingHidden::Recused)
            } else if !evaluation.lot_facts(lot, user, |facts| policy::has_declared(who, facts)) {
                Some(RankingHidden::Undeclared)
            } else if lot.bids.iter().any(|bid| status_of(evaluation, bid.id, user) != SheetStatus::Final) {
                Some(RankingHidden::OwnScoresOpen)
            } else {
                None
            }
        } else {
            None
        };
        let (mut lines, mut matrix) = (Vec::new(), Vec::new());
        if hidden.is_none() {
            for line in rank_lot(&evaluation.rubric, &evaluation.lot_scores(lot)?) {
                let name = lot.bids.iter().find(|b| b.id == line.bid_id).map(|b| b.organisation_name.clone());
                lines.push(RankingLine { organisation_name: name.unwrap_or_default(), line });
            }
            let eligible = evaluation.eligible(lot);
            for bid in &lot.bids {
                for (member, _, sheet) in evaluation.final_sheets_of(&eligible, bid.id)? {
                    matrix.push(MatrixRow {
                        bid_id: bid.id,
                        member_name: member.name.clone(),
                        points: sheet.points().to_vec(),
                        weighted: round(sheet.weighted(&evaluation.rubric)),
                    });
                }
            }
        }
        let (recommendation, decisions) = if hidden.is_none() {
            (
                recommendations.iter().find(|r| r.lot_id == lot.id).cloned(),
                decisions.iter().filter(|d| d.lot_id == lot.id).cloned().collect(),
            )
        } else {
            (None, Vec::new())
        };
        Ok(LotRanking { lot_id: lot.id, title: lot.title.clone(), hidden, lines, matrix, recommendation, decisions })
    }

    /// The ranking per lot with its score matrix; a lot stays hidden from a member who is recused from it or
    /// has not finalised their own sheets for all its bids (it would show the others' scores).
    /// Kept while the tenant's data stays the same (`crate::derived`): the evaluation exists only once the
    /// call has closed, and a closed call stays closed.
    pub async fn ranking(actor: &Actor, call: Uuid, now: DateTime<Utc>) -> Result<RankingView, AppError> {
        actor.derived("ranking", call, now, || ranking_of(actor, call, store::Sheets::Call, now)).await
    }

    /// The ranking of one lot (`lot`, or else the first with bids), as its page shows it: a city's call has
    /// twenty lots of up to twenty bids, each with a matrix of every member's sheets, too much for one page.
    pub async fn ranking_page(
        actor: &Actor,
        call: Uuid,
        lot: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<RankingView, AppError> {
        actor.derived("ranking page", (call, lot), now, || ranking_of(actor, call, store::Sheets::Lot(lot), now)).await
    }

    /// [`ranking`], or with `lot` [`ranking_page`], as the API sends it: the JSON is written once while the
    /// view is kept (a city's whole ranking is half a megabyte of it).
    pub async fn ranking_json(
        actor: &Actor,
        call: Uuid,
        lot: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<bytes::Bytes, AppError> {
        match lot {
            Some(lot) => {
                let sheets = store::Sheets::Lot(Some(lot));
                actor.derived_json("ranking page", (call, Some(lot)), now, || ranking_of(actor, call, sheets, now)).await
            }
            None => actor.derived_json("ranking", call, now, || ranking_of(actor, call, store::Sheets::Call, now)).await,
        }
    }

    /// The ranking of the lots whose sheets `sheets` reads: every lot, or one.
    async fn ranking_of(
        actor: &Actor,
        call: Uuid,
        sheets: store::Sheets,
        now: DateTime<Utc>,
    ) -> Result<RankingView, AppError> {
        let db = &actor.server.db;
        let evaluation = store::load_sheets(db, &actor.tenant, actor.who(), call, sheets, now).await?;
        let recommendations = crate::store::awards::recommendations(db, &evaluation).await?;
        let decisions = crate::store::awards::decisions(db, &evaluation).await?;
        let choices: Vec<model::evaluation::LotChoice> = evaluation
            .lots
            .iter()
            .filter(|lot| !lot.bids.is_empty())
            .map(|lot| model::evaluation::LotChoice { lot_id: lot.id, title: lot.title.clone() })
            .collect();
        // Only the lot whose sheets were read, when one was asked for.
        let chosen: Vec<_> = match sheets {
            store::Sheets::Call => evaluation.lots.iter().collect(),
            store::Sheets::Lot(_) => evaluation.lots.iter().filter(|l| evaluation.sheets_of == Some(l.id)).collect(),
        };
        let lots = chosen
            .into_iter()
            .map(|lot| lot_ranking(actor, &evaluation, lot, &recommendations, &decisions))
            .collect::<Result<_, _>>()?;
        Ok(RankingView {
            call: summary(db, actor, &evaluation).await?,
            rubric: evaluation.rubric.clone(),
            lots,
            choices,
            scorer: actor.holds(model::Permission::ScoreBids),
            decides: actor.holds(model::Permission::ManageCalls),
        })
    }

    /// The closed calls on which the caller still has work, for the home page: a steering member's
    /// declarations and sheets and the group's progress; the administration's bids awaiting the decision.
    pub async fn tasks(actor: &Actor, now: DateTime<Utc>) -> Result<Vec<EvaluationTask>, AppError> {
        let db = &actor.server.db;
        let user = actor.caller().user_id;
        let who = actor.who();
        let mut tasks = Vec::new();
        for call in store::closed_calls(db, &actor.tenant, now).await? {
            let evaluation = store::load(db, &actor.tenant, who, call.id, now).await?;
            let (mut undeclared_lots, mut open_sheets, mut group_finalised, mut group_due) = (0, 0, 0, 0);
            for lot in &evaluation.lots {
                if lot.bids.is_empty() {
                    continue;
                }
                if !evaluation.lot_facts(lot, user, |facts| policy::has_declared(who, facts)) {
                    undeclared_lots += 1;
                }
                let eligible = evaluation.eligible(lot);
                for bid in &lot.bids {
                    group_due += eligible.len();
                    group_finalised +=
                        eligible.iter().filter(|m| status_of(&evaluation, bid.id, m.id) == SheetStatus::Final).count();
                    if ask(actor, &evaluation, lot, bid, |facts| policy::may_score(who, facts))
                        && status_of(&evaluation, bid.id, user) != SheetStatus::Final
                    {
                        open_sheets += 1;
                    }
                }
            }
            let scorer = who.holds(model::Permission::ScoreBids);
            let undecided_bids = if who.holds(model::Permission::ManageCalls) {
                let decided = crate::store::awards::decisions(db, &evaluation).await?;
                evaluation
                    .lots
                    .iter()
                    .flat_map(|l| &l.bids)
                    .filter(|b| !decided.iter().any(|d| d.bid_id == b.id))
                    .count()
            } else {
                0
            };
            let scoring_work = scorer && (undeclared_lots + open_sheets > 0 || group_finalised < group_due);
            if scoring_work || undecided_bids > 0 {
                let summary = summary(db, actor, &evaluation).await?;
                let (undeclared_lots, open_sheets) = if scorer { (undeclared_lots, open_sheets) } else { (0, 0) };
                tasks.push(EvaluationTask {
                    call: summary,
                    undeclared_lots,
                    open_sheets,
                    group_finalised,
                    group_due,
                    undecided_bids,
                });
            }
        }
        Ok(tasks)
    }

    /// A call's rubric (the administration, also before closing).
    pub async fn rubric(actor: &Actor, call: Uuid) -> Result<Rubric, AppError> {
        let row = crate::store::calls::find(&actor.server.db, &actor.tenant, call, true).await?;
        store::rubric_of(&row)
    }

    /// Replaces a call's rubric until it closes; audited.
    pub async fn set_rubric(actor: &Actor, call: Uuid, rubric: Rubric, now: DateTime<Utc>) -> Result<Rubric, AppError> {
        let txn = actor.server.db.begin().await?;
        let before = store::rubric_of(&crate::store::calls::find(&txn, &actor.tenant, call, true).await?)?;
        store::set_rubric(&txn, &actor.tenant, call, &rubric, now).await?;
        let json = |r: &Rubric| serde_json::to_value(r).unwrap_or_default();
        actor.audit(&txn, "call.rubric_changed", "call", call, Some(json(&before)), Some(json(&rubric))).await?;
        txn.commit().await?;
        Ok(rubric)
    }
}

#[leptos::server(prefix = "/fn", endpoint = "evaluation")]
pub async fn evaluation(call: Uuid) -> Result<EvaluationView, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ReadBids), |actor| ops::overview(
        &actor,
        call,
        chrono::Utc::now()
    ))
}

/// Records declarations from the form's fields `conflict-<organisation>` and `note-<organisation>`.
#[leptos::server(prefix = "/fn", endpoint = "declare_conflicts")]
pub async fn declare_conflicts(
    call: Uuid,
    fields: std::collections::BTreeMap<String, String>,
) -> Result<EvaluationView, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ScoreBids), |actor| async {
        let mut inputs = Vec::new();
        for (name, value) in &fields {
            let Some(organisation) = name.strip_prefix("conflict-") else { continue };
            let organisation_id =
                Uuid::parse_str(organisation).map_err(|_| AppError::invalid(name, crate::InvalidReason::Malformed))?;
            let conflict = model::evaluation::Conflict::parse(value)
                .ok_or_else(|| AppError::invalid(name, crate::InvalidReason::Required))?;
            let note = fields.get(&format!("note-{organisation}")).cloned().unwrap_or_default();
            inputs.push(model::evaluation::DeclarationInput { organisation_id, conflict, note });
        }
        ops::declare(&actor, call, inputs, chrono::Utc::now()).await
    })
}

/// The score page's data: the member's own sheet and, once it is final, the group's sheets for the bid.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ScoreSheetPage {
    pub mine: MyScore,
    pub others: Option<BidScoresView>,
}

#[leptos::server(prefix = "/fn", endpoint = "my_score_sheet")]
pub async fn my_score_sheet(bid: Uuid) -> Result<ScoreSheetPage, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ScoreBids), |actor| async {
        let now = chrono::Utc::now();
        let mine = ops::my_score(&actor, bid, now).await?;
        let others = match mine.status {
            model::evaluation::SheetStatus::Final => Some(ops::others(&actor, bid, now).await?),
            _ => None,
        };
        Ok(ScoreSheetPage { mine, others })
    })
}

/// Reads a sheet from form fields `points-<n>` and `justification-<n>` (n: the criterion's index).
pub fn sheet_from_fields(fields: &std::collections::BTreeMap<String, String>) -> Result<ScoreDraft, AppError> {
    let mut draft = ScoreDraft::default();
    for (name, value) in fields {
        let (index, points) = if let Some(index) = name.strip_prefix("points-") {
            (index, true)
        } else if let Some(index) = name.strip_prefix("justification-") {
            (index, false)
        } else {
            continue;
        };
        let index: usize = index
            .parse()
            .ok()
            .filter(|i| *i < model::rubric::Rubric::MAX_CRITERIA)
            .ok_or_else(|| AppError::invalid(name, crate::InvalidReason::Malformed))?;
        if points {
            if draft.points.len() <= index {
                draft.points.resize(index + 1, None);
            }
            draft.points[index] = match value.trim() {
                "" => None,
                text => Some(text.parse().map_err(|_| AppError::invalid(name, crate::InvalidReason::Malformed))?),
            };
        } else {
            if draft.justifications.len() <= index {
                draft.justifications.resize(index + 1, String::new());
            }
            draft.justifications[index] = value.clone();
        }
    }
    Ok(draft)
}

#[leptos::server(prefix = "/fn", endpoint = "save_score")]
pub async fn save_score(
    bid: Uuid,
    fields: std::collections::BTreeMap<String, String>,
) -> Result<chrono::DateTime<chrono::Utc>, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ScoreBids), |actor| async {
        ops::save_my_score(&actor, bid, sheet_from_fields(&fields)?, chrono::Utc::now()).await
    })
}

#[leptos::server(prefix = "/fn", endpoint = "finalise_score")]
pub async fn finalise_score(
    bid: Uuid,
    fields: Option<std::collections::BTreeMap<String, String>>,
) -> Result<MyScore, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ScoreBids), |actor| async {
        let draft = fields.as_ref().map(sheet_from_fields).transpose()?;
        ops::finalise(&actor, bid, draft, chrono::Utc::now()).await
    })
}

#[leptos::server(prefix = "/fn", endpoint = "bid_scores")]
pub async fn bid_scores(bid: Uuid) -> Result<BidScoresView, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ReadBids), |actor| ops::others(
        &actor,
        bid,
        chrono::Utc::now()
    ))
}

/// One lot's ranking (the first with bids unless `lot` names one), with the lots to choose from.
#[leptos::server(prefix = "/fn", endpoint = "ranking")]
pub async fn ranking(call: Uuid, #[server(default)] lot: Option<Uuid>) -> Result<RankingView, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ReadBids), |actor| ops::ranking_page(
        &actor,
        call,
        lot,
        chrono::Utc::now()
    ))
}

/// The caller's evaluation work for the home page: empty for anyone who does not score (visitors
/// included), so the public home page can ask for it on every render.
#[leptos::server(prefix = "/fn", endpoint = "evaluation_tasks")]
pub async fn evaluation_tasks() -> Result<Vec<EvaluationTask>, AppError> {
    crate::error::respond(
        async move {
            match crate::actor::Actor::require(model::Permission::ReadBids).await {
                Ok(actor) => ops::tasks(&actor, chrono::Utc::now()).await,
                Err(AppError::Unauthenticated | AppError::Forbidden) => Ok(Vec::new()),
                Err(err) => Err(err),
            }
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "reopen_score")]
pub async fn reopen_score(bid: Uuid, member: Uuid, reason: String) -> Result<(), AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ManageCalls), |actor| ops::reopen(
        &actor,
        bid,
        member,
        &reason,
        chrono::Utc::now()
    ))
}

/// A call's rubric for the administration's call page, and whether it is frozen (the call has closed).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RubricForm {
    pub rubric: model::rubric::Rubric,
    pub frozen: bool,
}

#[leptos::server(prefix = "/fn", endpoint = "call_rubric")]
pub async fn call_rubric(call: Uuid) -> Result<RubricForm, AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ManageCalls), |actor| async {
        let rubric = ops::rubric(&actor, call).await?;
        let row = crate::store::calls::find(&actor.server.db, &actor.tenant, call, true).await?;
        let frozen = crate::store::calls::phase_of(&row, chrono::Utc::now()) == model::call::Phase::Closed;
        Ok(RubricForm { rubric, frozen })
    })
}

/// Replaces the rubric from the call page's form: rows `criterion-<n>-title`, `-description`, `-weight`,
/// `-min`, `-max` and `-anchors` (one anchor text per line, lowest level first); rows without a title are
/// left out, so an empty row adds nothing and clearing a title removes its criterion.
#[leptos::server(prefix = "/fn", endpoint = "set_rubric")]
pub async fn set_rubric(call: Uuid, form: std::collections::BTreeMap<String, String>) -> Result<(), AppError> {
    with_actor!(crate::actor::Actor::require(model::Permission::ManageCalls), |actor| async {
        use model::rubric::{Criterion, Rubric, Scale, Weight};
        let field = |n: usize, part: &str| form.get(&format!("criterion-{n}-{part}")).map(|v| v.trim().to_owned());
        let mut criteria = Vec::new();
        for n in 0..=Rubric::MAX_CRITERIA {
            let Some(title) = field(n, "title").filter(|t| !t.is_empty()) else { continue };
            let bad = |part: &str| AppError::invalid(&format!("criterion-{n}-{part}"), crate::InvalidReason::Malformed);
            let number = |part: &str| field(n, part).unwrap_or_default().parse::<u16>().map_err(|_| bad(part));
            let weight = Weight::new(number("weight")?).map_err(|_| bad("weight"))?;
            let (min, max) = (number("min")?, number("max")?);
            let scale = u8::try_from(min)
                .ok()
                .zip(u8::try_from(max).ok())
                .and_then(|(min, max)| Scale::new(min, max).ok())
                .ok_or_else(|| bad("max"))?;
            let anchors: Vec<String> = field(n, "anchors")
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            let description = field(n, "description").unwrap_or_default();
            criteria.push(Criterion::new(&title, &description, weight, scale, anchors).map_err(|_| bad("anchors"))?);
        }
        let rubric = Rubric::new(criteria).map_err(|_| AppError::invalid("rubric", crate::InvalidReason::Malformed))?;
        ops::set_rubric(&actor, call, rubric, chrono::Utc::now()).await.map(|_| ())
    })
}
