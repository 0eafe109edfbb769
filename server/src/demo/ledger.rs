//! Dresden's money from the resolution to today (seed §8; issue 14, item 7), booked through the ledger's own
//! rules (`app::controlling::ops::book`, `close_in`), each row at the moment it was made:
//!
//! - 1 November 2018: the council appropriates 300,000 € for the practice module (A0446/18). The posts only
//!   start in February 2019, so nothing is paid in 2018 and the whole sum is carried, earmarked, into 2019
//!   when 2018 is closed on 20 January 2019.
//! - The awards of 31 January 2019 commit their funding per year; the steering contract is appropriated
//!   year by year as the double budgets pass (2019/2020, 2021/2022), the practice module from 2020 on.
//! - Each post and the steering contract are paid quarterly in advance; the practice money that is not
//!   spent is carried on every January. In 2021 a payment booked twice is reversed. Last year is not closed
//!   yet: that is the administration's to do.
//!
//! Nothing lies in the future of `now`: later payments and closings simply have not happened yet.

use super::reports::{berlin, user_id};
use app::AppError;
use app::controlling::ops;
use app::store::TenantScope;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use model::Money;
use model::award::AwardKind;
use model::call::Module;
use model::ledger::Posting;
use sea_orm::ConnectionTrait;

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| AppError::internal("demo date"))
}

/// The double budget a year belongs to, as the council names it.
fn budget_reference(year: i32) -> String {
    let first = year - (year - 2019).rem_euclid(2);
    format!("Haushaltssatzung {first}/{}", first + 1)
}

/// Practice money the council appropriates per year from 2020 on (the posts run on the 2018 money first).
const PRACTICE_PER_YEAR: i64 = 85_000;

pub async fn history(db: &impl ConnectionTrait, scope: &TenantScope, now: DateTime<Utc>) -> Result<(), AppError> {
    app::store::ledger::describe_programme(db, scope, "Präventionsbudget Sozialraumkoordination", "A0446/18").await?;
    let admin_id = user_id(db, scope, "admin@dresden.demo").await?;
    let admin = Some(admin_id);
    let today = now.with_timezone(&model::datetime::DEFAULT_TIME_ZONE).date_naive();
    let appropriate =
        |module: Module, year: i32, euros: i64, booked_on: NaiveDate, reference: String| Posting::Appropriation {
            programme: None,
            module,
            year,
            amount: Money::from_cents(euros * 100),
            booked_on,
            reference,
            note: String::new(),
        };
    let resolution = day(2018, 11, 1)?;
    let posting = appropriate(Module::Practice, 2018, 300_000, resolution, "A0446/18".to_owned());
    ops::book(db, scope, posting, admin, berlin(resolution, 12)?).await?;

    let awards = app::store::awards::posts(db, scope).await?;
    let decided = berlin(day(2019, 2, 1)?, 9)?;
    for award in &awards {
        commit(db, scope, award, admin_id, decided).await?;
    }

    for year in 2019..=today.year() {
        // The year's budget, passed with the double budget.
        let passed = day(year, 1, 10)?;
        if berlin(passed, 10)? > now {
            break;
        }
        let steering: i64 = awards
            .iter()
            .filter(|a| a.kind == AwardKind::Steering)
            .flat_map(|a| a.funding.iter().filter(|y| y.year == year).map(|y| y.amount.cents().unwrap_or(0) / 100))
            .sum();
        if steering > 0 {
            let posting = appropriate(Module::Steering, year, steering, passed, budget_reference(year));
            ops::book(db, scope, posting, admin, berlin(passed, 10)?).await?;
        }
        if year >= 2020 {
            let posting = appropriate(Module::Practice, year, PRACTICE_PER_YEAR, passed, budget_reference(year));
            ops::book(db, scope, posting, admin, berlin(passed, 11)?).await?;
        }
        // The year before is closed once its last payments are through — but last year's closing waits for
        // the administration (it is on the admin's home page).
        let closing = berlin(day(year, 1, 20)?, 10)?;
        if closing <= now && year < today.year() {
            ops::close_in(db, scope, year - 1, admin_id, closing).await?;
        }
        // Quarterly payments in advance; the posts' first in February 2019.
        for (quarter, month, date) in [(1, 1, 15), (2, 4, 1), (3, 7, 1), (4, 10, 1)] {
            let paid_on = if year == 2019 && quarter == 1 { day(2019, 2, 15)? } else { day(year, month, date)? };
            let at = berlin(paid_on, 10)?;
            if at > now {
                break;
            }
            for award in &awards {
                let running = award.starts_on <= paid_on && award.ends_on.is_none_or(|end| paid_on <= end);
                // A post keeps its last funded amount; the steering contract only its funded years.
                let yearly = match award.kind {
                    AwardKind::Steering => award.funding.iter().find(|y| y.year == year),
                    AwardKind::Post => award.funding.iter().rev().find(|y| y.year <= year),
                };
                let (true, Some(yearly)) = (running, yearly) else { continue };
                let cents = yearly.amount.cents().map_err(AppError::internal)?;
                let posting = Posting::Disbursement {
                    programme: None,
                    module: award.kind.module(),
                    year,
                    award_id: award.id,
                    amount: Money::from_cents(cents / 4),
                    booked_on: paid_on,
                    reference: format!("ZA-{year}-Q{quarter}-{}", &award.id.simple().to_string()[..6]),
                    note: String::new(),
                };
                let (id, _) = ops::book(db, scope, posting.clone(), admin, at).await?;
                // In the third quarter of 2021 the first post's payment went out twice; the second is reversed.
                if year == 2021
                    && quarter == 3
                    && Some(award.id) == awards.iter().find(|a| a.kind == AwardKind::Post).map(|a| a.id)
                {
                    let (double, _) = ops::book(db, scope, posting, admin, at).await?;
                    let fixed = day(2021, 7, 8)?;
                    let correction = Posting::Correction {
                        reverses: double,
                        booked_on: fixed,
                        note: format!("Doppelbuchung zu {id}, Rückforderung beim Träger veranlasst"),
                    };
                    ops::book(db, scope, correction, admin, berlin(fixed, 9)?).await?;
                }
            }
        }
    }
    report_2019(db, scope, now).await
}

/// Books an award's commitments, as the administration's recording of the decision does.
pub(super) async fn commit(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    award: &model::award::PostView,
    user: uuid::Uuid,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let funding = award.funding.iter().map(|y| (y.year, y.amount)).collect();
    let commitment = ops::Commitment {
        award: award.id,
        module: award.kind.module(),
        funding: &funding,
        decided_on: award.session_date,
        reference: &award.resolution_number,
    };
    ops::commit(db, scope, &commitment, user, at).await
}

/// The steering group's text for its first yearly report to the committee, written in February 2020.
async fn report_2019(db: &impl ConnectionTrait, scope: &TenantScope, now: DateTime<Utc>) -> Result<(), AppError> {
    let written = berlin(day(2020, 2, 20)?, 16)?;
    if written > now {
        return Ok(());
    }
    let author = user_id(db, scope, "steuerung1@dresden.demo").await?;
    let text = model::controlling::CommitteeText {
        narrative: "Im ersten Jahr des Programms haben die Sozialraumkoordinationen in den Stadträumen 1 bis 3 im \
                    Februar 2019 ihre Arbeit aufgenommen. Sie haben die Akteure der Jugendhilfe und der \
                    angrenzenden Bereiche in ihren Stadträumen aufgesucht, Stadtteilrunden belebt und erste \
                    Präventionsprojekte angestoßen.\n\n\
                    Das Steuerungsmodul hat die Koordinationen fachlich begleitet, einen gemeinsamen \
                    Qualitätsrahmen erarbeitet und den Austausch zwischen den Stellen organisiert. Für die \
                    Stadträume 4 und 5 fand sich 2018 kein geeigneter Träger; die Steuerungsgruppe empfiehlt, \
                    die Stellen erneut auszuschreiben.\n\n\
                    Die 2018 bereitgestellten Mittel des Praxismoduls wurden vollständig und zweckgebunden in \
                    das Jahr 2019 übertragen; der nicht verausgabte Rest steht 2020 weiter zweckgebunden zur \
                    Verfügung."
            .to_owned(),
        measures: "Stadtteilrunde Pieschen mit 14 Einrichtungen wiederbelebt\n\
                   Elterncafé im Familienzentrum Heidepark\n\
                   Ferienprogramm mit den Schulsozialarbeitern in Stadtraum 2\n\
                   Gemeinsamer Qualitätsrahmen der Koordinationsstellen"
            .to_owned(),
    };
    app::store::committee::save(db, scope, 2019, &text, author, written).await
}
