//! The demo's evaluation history (issue 12, item 10): how the steering group scored the calls of 2018 in
//! January 2019, what it recommended, and what the youth welfare committee decided on 31 January 2019 —
//! the coordination posts from February 2019 and the steering contract for Jugendwerk Elbaue — and, in the
//! call closed ten days ago, an evaluation half done: two members finished, one with drafts, one recused
//! from a lot for a board seat.
//!
//! Everything goes through the store functions the operations use, at the time it happened (the loaded
//! evaluation carries that time into every row), so the history reads like one made through the pages. The
//! figures are not random: each bid has a strength and each member a small, fixed deviation from it, so
//! the ranking comes out as the story says and is the same on every load.

use app::AppError;
use app::store::TenantScope;
use app::store::awards::{self as awards, NewAward};
use app::store::evaluation::{self as store, CallEvaluation, Member};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use model::award::{AwardKind, DecisionInput, Funding};
use model::bid::Fte;
use model::call::Module;
use model::entity::call;
use model::evaluation::{Conflict, DeclarationInput, ScoreDraft};
use model::policy;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// A member's declared conflict: the organisation (by the start of its name), the kind, and the note.
type DeclaredConflict = (&'static str, Conflict, &'static str);

/// How far a member has got with a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    /// Sheets saved as drafts.
    Drafts,
    /// Sheets finalised.
    Final,
}

/// How strong a bid is, as a share of the scale (the group's view, before each member's deviation).
fn strength(organisation: &str, lot: &str, module: Module) -> f64 {
    match (module, organisation, lot) {
        (Module::Steering, name, _) if name.starts_with("Jugendwerk Elbaue") => 0.84,
        (Module::Steering, _, _) => 0.62,
        (_, name, "Stadtraum 1") if name.starts_with("Familienzentrum Heidepark") => 0.82,
        (_, name, "Stadtraum 1") if name.starts_with("Jugendwerk Elbaue") => 0.66,
        (_, _, "Stadtraum 1") => 0.56,
        (_, name, "Stadtraum 2") if name.starts_with("Netzwerk") => 0.78,
        (_, _, "Stadtraum 2") => 0.6,
        (_, name, "Stadtraum 4") if name.starts_with("Kinderring") => 0.74,
        (_, _, "Stadtraum 4") => 0.7,
        _ => 0.72,
    }
}

const JUSTIFICATIONS: [&str; 4] = [
    "Nachvollziehbar dargestellt und mit Beispielen aus dem Stadtraum belegt.",
    "Überzeugend; die Vernetzung mit den Akteuren vor Ort ist bereits erkennbar.",
    "Im Ansatz schlüssig, an einzelnen Stellen aber noch allgemein gehalten.",
    "Plausibel und dem Beschluss entsprechend; Kosten und Personal passen zusammen.",
];

/// A member's sheet for a bid: the bid's strength on each criterion's scale, moved by at most one point
/// by the member's fixed deviation.
fn sheet(evaluation: &CallEvaluation, member: usize, organisation: &str, lot: &str) -> ScoreDraft {
    let module = Module::parse(&evaluation.call.module).unwrap_or(Module::Practice);
    let share = strength(organisation, lot, module);
    let mut draft = ScoreDraft::default();
    for (index, criterion) in evaluation.rubric.criteria().iter().enumerate() {
        let scale = criterion.scale();
        let base = f64::from(scale.min()) + share * f64::from(scale.span());
        let deviation = ((member * 7 + index * 3 + organisation.len()) % 3) as f64 - 1.0;
        let points = (base + deviation).round().clamp(f64::from(scale.min()), f64::from(scale.max()));
        draft.points.push(Some(points as u8));
        draft.justifications.push(JUSTIFICATIONS[(member + index) % JUSTIFICATIONS.len()].to_owned());
    }
    draft
}

/// The steering group's members by their number in the demo (steuerung1 … steuerung7).
pub(super) async fn members(db: &impl ConnectionTrait, scope: &TenantScope) -> Result<Vec<(usize, Member)>, AppError> {
    let mut members: Vec<(usize, Member)> = store::steering_members(db, scope)
        .await?
        .into_iter()
        .filter_map(|m| m.name.rsplit(' ').next().and_then(|n| n.parse().ok()).map(|n| (n, m)))
        .collect();
    members.sort_by_key(|(n, _)| *n);
    Ok(members)
}

/// One member's work on a call at `at`: declarations for every bidder (no conflict unless `conflicts` says
/// otherwise), then a sheet for every bid of the lots they are not recused from.
pub(super) async fn evaluate(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call: Uuid,
    (number, member): &(usize, Member),
    conflicts: &[DeclaredConflict],
    stage: Stage,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let loaded = store::load(db, scope, member.who(), call, at).await?;
    let mut declarations = Vec::new();
    for lot in &loaded.lots {
        for bid in &lot.bids {
            if declarations.iter().any(|d: &DeclarationInput| d.organisation_id == bid.organisation_id) {
                continue;
            }
            let (conflict, note) = conflicts
                .iter()
                .find(|(name, ..)| bid.organisation_name.starts_with(name))
                .map_or((Conflict::None, ""), |(_, conflict, note)| (*conflict, *note));
            declarations.push(DeclarationInput {
                organisation_id: bid.organisation_id,
                conflict,
                note: note.to_owned(),
            });
        }
    }
    store::declare(db, &loaded, member.id, &declarations).await?;
    let loaded = store::load(db, scope, member.who(), call, at).await?;
    for lot in &loaded.lots {
        if lot.bids.is_empty() || loaded.lot_facts(lot, member.id, |facts| policy::is_recused(member.who(), facts)) {
            continue;
        }
        for bid in &lot.bids {
            let draft = sheet(&loaded, *number, &bid.organisation_name, &lot.title)
                .checked(&loaded.rubric)
                .map_err(|problems| AppError::internal(format!("demo sheet: {problems:?}")))?;
            store::save_sheet(db, &loaded, lot, bid.id, member.id, &draft).await?;
            if stage == Stage::Final {
                draft.finalise(&loaded.rubric).map_err(|p| AppError::internal(format!("demo sheet: {p:?}")))?;
                store::finalise_sheet(db, &loaded, bid.id, member.id).await?;
            }
        }
    }
    Ok(())
}

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| AppError::internal("demo date"))
}

/// The requested funding of a bid's latest submitted version.
pub(super) async fn requested(db: &impl ConnectionTrait, bid: Uuid) -> Result<Funding, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let version = model::entity::bid_version::Entity::find()
        .filter(model::entity::bid_version::Column::BidId.eq(bid))
        .order_by_desc(model::entity::bid_version::Column::Number)
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal("demo bid without a version"))?;
    let content: model::bid::Content = serde_json::from_str(&version.content).map_err(AppError::internal)?;
    Ok(content.amounts.into_iter().map(|y| (y.year, y.amount)).collect())
}

/// A call of 2018 as it was decided: every member scores in the week from `start` (the project-carrier
/// seat is recused from Jugendwerk Elbaue's bids by itself), steuerung1 records the group's recommendation
/// on 17 January 2019, and the administration records the committee's decision of 31 January 2019 on
/// 1 February: the strongest bid of each lot is funded from 1 February 2019.
pub async fn decided(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call: &call::Model,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let members = members(db, scope).await?;
    for (hours, member) in (0..).step_by(26).zip(&members) {
        evaluate(db, scope, call.id, member, &[], Stage::Final, (start + Duration::hours(hours)).min(now)).await?;
    }
    let module = Module::parse(&call.module).ok_or_else(|| AppError::internal("demo call module"))?;
    let (number, ends_on) = match module {
        Module::Steering => ("V2740/19", Some(day(2022, 1, 31)?)),
        Module::Practice => ("V2741/19", None),
    };
    let decision = Decision {
        admin_email: "admin@dresden.demo",
        recommended_at: (start + Duration::days(9)).min(now),
        recorded_at: (start + Duration::days(24)).min(now),
        session: day(2019, 1, 31)?,
        number,
        starts_on: day(2019, 2, 1)?,
        ends_on,
    };
    decide(db, scope, call, &members, &decision).await
}

/// How the committee decided a call, and when the group recommended and the administration recorded it.
pub(super) struct Decision<'a> {
    pub admin_email: &'a str,
    pub recommended_at: DateTime<Utc>,
    pub recorded_at: DateTime<Utc>,
    pub session: NaiveDate,
    pub number: &'a str,
    pub starts_on: NaiveDate,
    /// When the funded posts or contract end; a steering contract must say.
    pub ends_on: Option<NaiveDate>,
}

/// The first member (the chair) recommends the strongest bid of each lot, and the administration records
/// the committee's decision: the recommended bids funded as asked, the others not.
pub(super) async fn decide(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call: &call::Model,
    members: &[(usize, Member)],
    decision: &Decision<'_>,
) -> Result<(), AppError> {
    let module = Module::parse(&call.module).ok_or_else(|| AppError::internal("demo call module"))?;
    let (_, chair) = members.first().ok_or_else(|| AppError::internal("demo steering group missing"))?;
    let recommended_at = decision.recommended_at;
    let loaded = store::load(db, scope, chair.who(), call.id, recommended_at).await?;
    let fte = match module {
        Module::Steering => Fte::parse("1"),
        Module::Practice => Fte::parse("0.5"),
    }
    .map_err(AppError::internal)?;
    let mut winners = Vec::new();
    for lot in loaded.lots.iter().filter(|lot| !lot.bids.is_empty()) {
        let ranking = model::ranking::rank_lot(&loaded.rubric, &loaded.lot_scores(lot)?);
        let winner = ranking.first().map(|line| line.bid_id).ok_or_else(|| AppError::internal("demo ranking"))?;
        let name = lot.bids.iter().find(|b| b.id == winner).map(|b| b.organisation_name.clone()).unwrap_or_default();
        let amounts = requested(db, winner).await?;
        let reasoning = format!(
            "{name} hat die höchste gewichtete Punktzahl erreicht. Das Konzept ist im Stadtraum verankert, die \
             Kosten sind angemessen und die Zusammenarbeit mit den Akteuren vor Ort ist bereits erprobt."
        );
        awards::recommend(db, &loaded, lot, Some(winner), &amounts, fte, &reasoning, chair.id).await?;
        winners.push((lot.id, winner, amounts));
    }
    let email = model::Email::parse(decision.admin_email).map_err(AppError::internal)?;
    let admin = app::store::users::find_by_email(db, scope, &email)
        .await?
        .ok_or_else(|| AppError::internal("demo admin missing"))?;
    let roles = [model::Role::Admin];
    let who = model::policy::Who { user_id: admin.id, roles: &roles };
    let loaded = store::load(db, scope, who, call.id, decision.recorded_at).await?;
    let (number, starts_on, ends_on) = (decision.number, decision.starts_on, decision.ends_on);
    for lot in &loaded.lots {
        for bid in &lot.bids {
            let won = winners.iter().find(|(lot_id, winner, _)| *lot_id == lot.id && *winner == bid.id);
            let input = DecisionInput {
                session_date: decision.session,
                resolution_number: number.to_owned(),
                awarded: won.is_some(),
                amounts: won.map(|(.., amounts)| amounts.clone()).unwrap_or_default(),
                conditions: String::new(),
                starts_on: won.map(|_| starts_on),
                ends_on: won.and(ends_on),
                fte: won.map(|_| fte),
            };
            let award = match (won, module) {
                (None, _) => None,
                (Some(_), Module::Steering) => {
                    let ends_on = ends_on.ok_or_else(|| AppError::internal("demo contract end"))?;
                    model::award::check_steering(starts_on, ends_on, &input.amounts).map_err(AppError::internal)?;
                    Some(NewAward {
                        kind: AwardKind::Steering,
                        district_id: None,
                        fte,
                        starts_on,
                        ends_on: Some(ends_on),
                    })
                }
                (Some(_), Module::Practice) => {
                    model::award::check_post(starts_on, ends_on, &input.amounts).map_err(AppError::internal)?;
                    Some(NewAward { kind: AwardKind::Post, district_id: lot.district_id, fte, starts_on, ends_on })
                }
            };
            awards::decide(db, &loaded, lot, bid.id, bid.organisation_id, &input, award, admin.id).await?;
        }
    }
    Ok(())
}

/// The call closed ten days ago, from `start` on: steuerung1 and steuerung2 have finalised their sheets,
/// steuerung4 has drafts, and steuerung5 sits on the board of Kinderring Loschwitz and so is recused from
/// Stadtraum 4 (and has finalised Stadtraum 5). The others have not started.
pub async fn under_evaluation(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call: &call::Model,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let members = members(db, scope).await?;
    let board = [("Kinderring Loschwitz", Conflict::Board, "Mitglied im Vorstand des Vereins")];
    let plan: [(usize, &[DeclaredConflict], Stage); 4] =
        [(1, &[], Stage::Final), (2, &[], Stage::Final), (4, &[], Stage::Drafts), (5, &board, Stage::Final)];
    for (hours, (number, conflicts, stage)) in (0..).step_by(20).zip(plan) {
        let member = members.iter().find(|(n, _)| *n == number).ok_or_else(|| AppError::internal("demo member"))?;
        let at = (start + Duration::hours(hours)).min(now - Duration::hours(1));
        evaluate(db, scope, call.id, member, conflicts, stage, at).await?;
    }
    Ok(())
}
