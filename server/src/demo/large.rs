//! The benchmark's large data set (issue 16): what one machine must carry when every youth welfare office
//! in Germany uses Spielraum. 599 small tenants with an open call each, and one large city, "Großstadt", with
//! 20 districts and ten years of history: three kinds of coordination posts per district, awarded every
//! two years in a call of their own (17 bids per lot, each with an attachment, scored by all seven
//! members), quarterly reports of every post, monthly payments and receipts in the ledger, four meetings a
//! year with resolutions and commissions, and a yearly committee text.
//!
//! Everything goes through the store functions and rules the pages use, at the time it happened, never
//! later than `now` — only in bulk. `scripts/bench` calls it through `server bench-data` on a fresh
//! database; it is not loaded anywhere else.

use super::history::{self, Decision, Stage};
use super::reports::{berlin, content};
use super::{DemoRole, DemoTenant};
use app::AppError;
use app::controlling::ops;
use app::store::{Clock, TenantScope, bids, calls, reports, steering};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use model::call::{Module, QuestionKind, Schedule};
use model::entity::{bid, organisation, role_grant};
use model::ledger::Posting;
use model::policy::Who;
use model::report::{ReportState, periods};
use model::steering::meeting::{Attendance, Quorum};
use model::steering::minutes::{MinutesState, Vote};
use model::steering::view::{AgendaInput, CommissionInput, MeetingInput, ResolutionInput, Topic};
use model::{DistrictKind, Money, Role, Seat};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The large tenant's URL name.
pub const LARGE: &str = "grossstadt";
/// The three kinds of posts, each awarded in a call of its own.
const KINDS: [&str; 3] = ["Sozialraumkoordination", "Mobile Jugendarbeit", "Familienbildung im Stadtraum"];

/// How much to generate. [`Scale::FULL`] is the benchmark's; the test of the generator uses a small one.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub small_tenants: usize,
    pub districts: usize,
    /// Organisations of the large city; the first is the project carrier and never bids for posts.
    pub organisations: usize,
    pub members_per_organisation: usize,
    /// Decided calls per kind of post, one every two years.
    pub rounds: i32,
    /// Less than `organisations`, and the organisations less one not a multiple of 11.
    pub bids_per_lot: usize,
}

impl Scale {
    /// 600 tenants; 20 districts, 5,100 bids with 35,700 score sheets, some 2,600 reports, 55,000 ledger
    /// entries and 1,068 people in the large city.
    pub const FULL: Scale = Scale {
        small_tenants: 599,
        districts: 20,
        organisations: 200,
        members_per_organisation: 5,
        rounds: 5,
        bids_per_lot: 17,
    };

    fn coordinators(&self) -> usize {
        self.districts * KINDS.len()
    }
}
/// A post's funding: eleven months of its first year, its second year, January of its third.
const FUNDING: [i64; 3] = [27_500, 30_000, 2_500];
/// Paid each month per post: the salary share, then receipts for materials.
const MONTHLY_SALARY: i64 = 2_000;
const RECEIPTS_PER_MONTH: u32 = 7;
const RECEIPT: i64 = 50;

/// A page the benchmark measures: what, as whom (`None`: a visitor), and where.
#[derive(Debug, Clone)]
pub struct KeyPage {
    pub name: &'static str,
    pub account: Option<String>,
    pub path: String,
}

fn email(local: &str) -> String {
    format!("{local}@{LARGE}.example")
}

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| AppError::internal("bench date"))
}

fn large_tenant(scale: Scale) -> DemoTenant {
    let mut accounts = vec![(email("admin"), "Verwaltung Jugendamt".to_owned(), vec![DemoRole::Plain(Role::Admin)])];
    let seats = [
        Seat::Administration,
        Seat::Administration,
        Seat::Administration,
        Seat::Committee,
        Seat::Committee,
        Seat::Committee,
    ];
    for (n, seat) in (1..).zip(seats) {
        let role = DemoRole::Plain(Role::Steering { seat });
        accounts.push((email(&format!("steuerung{n}")), format!("Steuerungsgruppe Mitglied {n}"), vec![role]));
    }
    // The project carrier is the first organisation, which never bids for posts.
    accounts.push((
        email("steuerung7"),
        "Steuerungsgruppe Mitglied 7".into(),
        vec![DemoRole::ProjectCarrierSeatFor(0)],
    ));
    for n in 1..=scale.coordinators() {
        let role = DemoRole::Plain(Role::Coordinator);
        accounts.push((email(&format!("koordination{n}")), format!("Koordination {n}"), vec![role]));
    }
    for o in 0..scale.organisations {
        for m in 1..=scale.members_per_organisation {
            let role = DemoRole::CarrierOf(o);
            accounts.push((email(&format!("traeger{o:03}-{m}")), format!("Träger {o:03}, Kontakt {m}"), vec![role]));
        }
    }
    DemoTenant {
        slug: LARGE.into(),
        name: "Großstadt (Benchmark)".into(),
        districts: (1..=scale.districts).map(|n| (format!("Bezirk {n:02}"), DistrictKind::CityDistrict)).collect(),
        organisations: (0..scale.organisations).map(|o| format!("Träger {o:03} e. V.")).collect(),
        city: "Großstadt".into(),
        accounts,
    }
}

fn small_tenant(n: usize) -> DemoTenant {
    let slug = format!("stadt-{n:03}");
    let accounts = vec![
        (format!("admin@{slug}.example"), "Verwaltung".to_owned(), vec![DemoRole::Plain(Role::Admin)]),
        (format!("traeger@{slug}.example"), "Träger-Kontakt".to_owned(), vec![DemoRole::CarrierOf(0)]),
    ];
    DemoTenant {
        name: format!("Stadt {n:03}"),
        districts: (1..=5).map(|d| (format!("Stadtteil {d}"), DistrictKind::CityDistrict)).collect(),
        organisations: vec![format!("Jugendhilfe Stadt {n:03} e. V.")],
        city: format!("Stadt {n:03}"),
        slug,
        accounts,
    }
}

/// Fills an empty database with the large data set and returns the pages the benchmark measures.
pub async fn generate(db: &DatabaseConnection, scale: Scale, now: DateTime<Utc>) -> Result<Vec<KeyPage>, AppError> {
    use sea_orm::PaginatorTrait;
    if model::entity::tenant::Entity::find().count(db).await? > 0 {
        return Err(AppError::internal("the large data set goes into an empty database only"));
    }
    let hash = app::auth::password::hash(super::DEMO_PASSWORD).await.map_err(AppError::internal)?;
    let txn = db.begin().await?;
    let loaded = |e: sea_orm::DbErr| AppError::from(e);
    super::insert_tenant(&txn, large_tenant(scale), &hash, now).await.map_err(loaded)?;
    let scope = TenantScope::resolve(&txn, LARGE).await?;
    for n in 1..=scale.small_tenants {
        let tenant = small_tenant(n);
        let slug = tenant.slug.clone();
        super::insert_tenant(&txn, tenant, &hash, now).await.map_err(loaded)?;
        let scope = TenantScope::resolve(&txn, &slug).await?;
        let schedule = open_schedule(now)?;
        let call = calls::create(
            &txn,
            &scope,
            Module::Practice,
            "Koordinationsstellen",
            "Je Stadtteil eine Stelle.",
            schedule,
            now,
        )
        .await?;
        calls::publish(&txn, &scope, call.id, schedule.opens_at).await?;
    }
    txn.commit().await?;
    tracing::info!(tenants = scale.small_tenants + 1, "tenants and their people");

    let people = People::load(db, &scope, scale).await?;
    let first = first_year(now, scale.rounds);
    let mut last_closed = None;
    for round in 0..scale.rounds {
        let txn = db.begin().await?;
        for kind in KINDS {
            let call = decided_call(&txn, &scope, &people, scale, kind, first + 2 * round, round, now).await?;
            last_closed = Some(call);
        }
        txn.commit().await?;
        tracing::info!(round, "calls written, scored and decided");
    }
    let txn = db.begin().await?;
    let (open_call, draft) = open_call(&txn, &scope, &people, scale, now).await?;
    txn.commit().await?;

    let txn = db.begin().await?;
    report_history(&txn, &scope, &people, now).await?;
    txn.commit().await?;
    tracing::info!("reports written");
    let txn = db.begin().await?;
    ledger_history(&txn, &scope, &people, first, now).await?;
    txn.commit().await?;
    tracing::info!("ledger booked");
    let txn = db.begin().await?;
    meetings(&txn, &scope, &people, first, now).await?;
    txn.commit().await?;
    tracing::info!("meetings held");

    let closed = last_closed.ok_or_else(|| AppError::internal("no decided call"))?;
    let page = |name, account: Option<&str>, path: String| KeyPage { name, account: account.map(email), path };
    Ok(vec![
        page("public call page", None, format!("/{LARGE}/calls/{open_call}")),
        page("carrier home", Some("traeger001-1"), format!("/{LARGE}")),
        page("bid editor", Some("traeger001-1"), format!("/{LARGE}/bids/{draft}")),
        page("steering bid list", Some("admin"), format!("/{LARGE}/calls/{closed}/bids")),
        page("ranking", Some("admin"), format!("/{LARGE}/calls/{closed}/ranking")),
        page("controlling dashboard", Some("steuerung4"), format!("/{LARGE}/controlling")),
        page("coordinator home", Some("koordination1"), format!("/{LARGE}")),
        page("report review queue", Some("steuerung4"), format!("/{LARGE}/reports")),
        page("committee report", Some("steuerung4"), format!("/{LARGE}/controlling/committee-report")),
        page("admin users", Some("admin"), format!("/{LARGE}/admin/users")),
        page("API: calls", None, format!("/api/v1/tenants/{LARGE}/calls")),
        page("API: call's bids", Some("admin"), format!("/api/v1/tenants/{LARGE}/calls/{closed}/bids")),
        page("API: ranking", Some("admin"), format!("/api/v1/tenants/{LARGE}/calls/{closed}/ranking")),
        page("API: own bids", Some("traeger001-1"), format!("/api/v1/tenants/{LARGE}/bids")),
        page("API: reports", Some("steuerung4"), format!("/api/v1/tenants/{LARGE}/reports")),
        page("API: ledger", Some("steuerung4"), format!("/api/v1/tenants/{LARGE}/ledger")),
        page("API: resolutions", Some("steuerung4"), format!("/api/v1/tenants/{LARGE}/resolutions")),
        page("committee report PDF", Some("steuerung4"), format!("/{LARGE}/committee-reports/{}.pdf", now.year() - 1)),
    ])
}

/// The year of the first posts: ten years before the running one, so that the last decided posts run now.
/// The year of the first of `rounds` calls, one every two years, so that the last round's posts run now
/// whatever the number of rounds (five: ten years of history).
fn first_year(now: DateTime<Utc>, rounds: i32) -> i32 {
    let today = now.with_timezone(&model::datetime::DEFAULT_TIME_ZONE).date_naive();
    let year = if today.month() >= 2 { today.year() } else { today.year() - 1 };
    year + 1 - 2 * rounds.max(1)
}

/// A call open since two months, closing in eleven days.
fn open_schedule(now: DateTime<Utc>) -> Result<Schedule, AppError> {
    let closes = now + Duration::days(11);
    Schedule::new(now - Duration::days(60), closes, (closes + Duration::days(40)).date_naive())
        .map_err(AppError::internal)
}

/// The large tenant's people: steering members (by number), coordinators, organisations in name order
/// with their members, and the administration.
struct People {
    members: Vec<(usize, app::store::evaluation::Member)>,
    coordinators: Vec<Uuid>,
    organisations: Vec<(Uuid, String, Vec<Uuid>)>,
    admin: Uuid,
}

impl People {
    async fn load(db: &impl ConnectionTrait, scope: &TenantScope, scale: Scale) -> Result<Self, AppError> {
        let members = history::members(db, scope).await?;
        let mut coordinators = Vec::new();
        for n in 1..=scale.coordinators() {
            coordinators.push(super::reports::user_id(db, scope, &email(&format!("koordination{n}"))).await?);
        }
        let grants = role_grant::Entity::find()
            .filter(role_grant::Column::TenantId.eq(scope.id()))
            .filter(role_grant::Column::Role.eq(model::RoleKind::Carrier.as_str()))
            .all(db)
            .await?;
        let mut by_organisation: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
        for grant in grants {
            if let Some(organisation) = grant.organisation_id {
                by_organisation.entry(organisation).or_default().push(grant.user_id);
            }
        }
        let organisations = organisation::Entity::find()
            .filter(organisation::Column::TenantId.eq(scope.id()))
            .order_by_asc(organisation::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|o| {
                let mut users = by_organisation.remove(&o.id).unwrap_or_default();
                users.sort();
                (o.id, o.name, users)
            })
            .collect();
        let admin = super::reports::user_id(db, scope, &email("admin")).await?;
        Ok(Self { members, coordinators, organisations, admin })
    }

    /// The organisation (other than the project carrier) bidding as the `k`th in a lot.
    fn bidder(&self, lot: usize, kind: usize, round: i32, k: usize) -> &(Uuid, String, Vec<Uuid>) {
        let others = self.organisations.len() - 1;
        let start = lot * 17 + kind * 7 + usize::try_from(round).unwrap_or(0) * 3;
        &self.organisations[1 + (start + k * 11) % others]
    }
}

/// A bid written, given an attachment and (when `submit`) submitted by a member of the organisation at `at`.
#[allow(clippy::too_many_arguments)]
async fn write_bid(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    call: &model::entity::call::Model,
    lot: &model::entity::call_lot::Model,
    (organisation, name, users): &(Uuid, String, Vec<Uuid>),
    questions: &[model::call::Question],
    submit: bool,
    at: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let user = *users.first().ok_or_else(|| AppError::internal("organisation without members"))?;
    let roles = [Role::Carrier { organisation_id: *organisation }];
    let who = Who { user_id: user, roles: &roles };
    let id = bids::open_or_create(db, scope, who, call.id, lot.id, *organisation, at).await?;
    let mut draft = model::bid::Draft { fte: "0,5".into(), ..Default::default() };
    for question in questions {
        let text = match question.kind {
            QuestionKind::LongText { .. } => format!(
                "{name} ist seit Jahren in {} tätig: offene Kinder- und Jugendarbeit, Stadtteilrunden und \
                 Elternangebote. Wir kennen die Akteure vor Ort und bringen sie zusammen.",
                lot.title
            ),
            QuestionKind::ShortText => "Frau Beispiel, Bereichsleitung".to_owned(),
            _ => continue,
        };
        draft.answers.insert(question.id, text);
    }
    let years = model::bid::budget_years(call.decision_date);
    for (year, euros) in years.iter().zip(FUNDING) {
        draft.amounts.insert(*year, format!("{euros},00"));
    }
    let authorized = bids::authorize_change(db, scope, who, id, Clock::At(at)).await?;
    let authorized = bids::save_draft(db, authorized, &draft, user).await?;
    let file = app::attachments::CheckedFile {
        file_name: "Konzept.pdf".into(),
        kind: app::attachments::FileKind::Pdf,
        sha256: app::auth::sha256_hex(id.to_string()),
    };
    let attachment =
        bids::add_attachment(db, &authorized, None, &file, 180_000, &format!("bench/{id}/konzept.pdf"), user).await?;
    if submit {
        let subject = model::bid::Subject { call_id: call.id, lot_id: lot.id, organisation_id: *organisation };
        let content = model::bid::complete(subject, &draft, questions, &years, &[attachment])
            .map_err(|problems| AppError::internal(format!("bench bid incomplete: {problems:?}")))?;
        bids::submit(db, authorized, &content, user).await?;
    }
    Ok(id)
}

async fn lots(db: &impl ConnectionTrait, call: Uuid) -> Result<Vec<model::entity::call_lot::Model>, AppError> {
    use model::entity::call_lot;
    Ok(call_lot::Entity::find()
        .filter(call_lot::Column::CallId.eq(call))
        .order_by_asc(call_lot::Column::Position)
        .all(db)
        .await?)
}

/// One call of `kind` for the posts from February of `year` on: written in October before, bid for by 17
/// organisations per district, scored by all seven members in the days after closing, recommended and
/// decided by the committee in January.
#[allow(clippy::too_many_arguments)]
async fn decided_call(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    people: &People,
    scale: Scale,
    kind: &str,
    year: i32,
    round: i32,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let kind_index = KINDS.iter().position(|k| *k == kind).unwrap_or(0);
    let opens = berlin(day(year - 1, 10, 1)?, 8)?;
    let closes = berlin(day(year - 1, 12, 15)?, 12)?;
    let schedule = Schedule::new(opens, closes, day(year, 1, 20)?).map_err(AppError::internal)?;
    let title = format!("{kind} {year}–{}", year + 2);
    let call =
        calls::create(db, scope, Module::Practice, &title, "Je Bezirk eine Stelle mit 0,5 VzÄ.", schedule, opens)
            .await?;
    let call = calls::publish(db, scope, call.id, opens).await?;
    let questions = calls::questions_of(db, &call).await?;
    for (index, lot) in lots(db, call.id).await?.iter().enumerate() {
        for k in 0..scale.bids_per_lot {
            let at = opens + Duration::days(20) + Duration::hours(i64::try_from(k).unwrap_or(0));
            let bidder = people.bidder(index, kind_index, round, k);
            write_bid(db, scope, &call, lot, bidder, &questions, true, at).await?;
        }
    }
    for (hours, member) in (2..).step_by(20).zip(&people.members) {
        let at = closes + Duration::hours(hours);
        history::evaluate(db, scope, call.id, member, &[], Stage::Final, at).await?;
    }
    let number = format!("V{:04}/{:02}", 1000 + round * 10 + i32::try_from(kind_index).unwrap_or(0), year % 100);
    let decision = Decision {
        admin_email: &email("admin"),
        recommended_at: berlin(day(year, 1, 8)?, 10)?,
        recorded_at: berlin(day(year, 1, 22)?, 10)?,
        session: day(year, 1, 20)?,
        number: &number,
        starts_on: day(year, 2, 1)?,
        ends_on: Some(day(year + 2, 1, 31)?),
    };
    debug_assert!(decision.recorded_at <= now);
    history::decide(db, scope, &call, &people.members, &decision).await?;
    Ok(call.id)
}

/// The open call for the next posts: five organisations per district have submitted, and the first
/// organisation's member is writing a draft in the first district. Returns the call and that draft.
async fn open_call(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    people: &People,
    scale: Scale,
    now: DateTime<Utc>,
) -> Result<(Uuid, Uuid), AppError> {
    let schedule = open_schedule(now)?;
    let year = schedule.decision_date.year();
    let title = format!("{} {year}–{}", KINDS[0], year + 2);
    let call = calls::create(
        db,
        scope,
        Module::Practice,
        &title,
        "Je Bezirk eine Stelle mit 0,5 VzÄ.",
        schedule,
        schedule.opens_at,
    )
    .await?;
    let call = calls::publish(db, scope, call.id, schedule.opens_at).await?;
    let questions = calls::questions_of(db, &call).await?;
    let lots = lots(db, call.id).await?;
    for (index, lot) in lots.iter().enumerate() {
        for k in 1..scale.bids_per_lot.min(6) {
            let bidder = people.bidder(index, 0, scale.rounds, k);
            write_bid(db, scope, &call, lot, bidder, &questions, true, now - Duration::days(5)).await?;
        }
    }
    let first = lots.first().ok_or_else(|| AppError::internal("open call without lots"))?;
    let own = people.organisations.get(1).ok_or_else(|| AppError::internal("organisations missing"))?;
    let existing = bid::Entity::find()
        .filter(bid::Column::LotId.eq(first.id))
        .filter(bid::Column::OrganisationId.eq(own.0))
        .one(db)
        .await?;
    let draft = match existing {
        Some(row) => row.id,
        None => write_bid(db, scope, &call, first, own, &questions, false, now - Duration::hours(3)).await?,
    };
    Ok((call.id, draft))
}

/// Each post's coordinator (the posts starting together share out the coordinators) reports every quarter
/// nine days after it ends; a reviewer accepts a week later. Quarters still running are not reported.
async fn report_history(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    people: &People,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let names = app::store::names::districts(db, scope).await?;
    let mut posts = reports::posts(db, scope).await?;
    posts.sort_by_key(|p| (p.starts_on, p.district_id.and_then(|d| names.get(&d).cloned()), p.id));
    let (deadline, zone) = reports::deadline(db, scope).await?;
    let today = now.with_timezone(&zone).date_naive();
    let reviewers: Vec<Uuid> = people.members.iter().take(6).map(|(_, m)| m.id).chain([people.admin]).collect();
    let mut slot = 0;
    let mut previous_start = None;
    for post in &posts {
        if previous_start != Some(post.starts_on) {
            slot = 0;
            previous_start = Some(post.starts_on);
        }
        let coordinator = people.coordinators[slot % people.coordinators.len()];
        slot += 1;
        reports::assign(db, scope, post.id, coordinator, berlin(post.starts_on, 8)?.min(now)).await?;
        let district = post.district_id.and_then(|d| names.get(&d).cloned()).unwrap_or_default();
        for (index, period) in
            periods(&post.schedule, post.starts_on, post.ends_on, deadline, zone, today).iter().enumerate()
        {
            let submitted_at = berlin(period.ends_on + Duration::days(9), 10)?;
            if period.ends_on >= today || submitted_at > now {
                continue;
            }
            let text = content(&district, period, index);
            let row =
                reports::save(db, scope, post.id, period, &text, ReportState::Draft, coordinator, submitted_at).await?;
            let row = reports::submit(db, scope, row, period, coordinator, submitted_at).await?;
            let reviewed_at = submitted_at + Duration::days(7);
            if reviewed_at <= now {
                let reviewer = reviewers[index % reviewers.len()];
                reports::review(db, scope, row, ReportState::Accepted, &[], reviewer, reviewed_at).await?;
            }
        }
    }
    Ok(())
}

/// The money: each year's practice budget on 10 January, each award's commitments when it is decided, the
/// year before closed (and carried over) on 25 January, and for every running post a salary share on the
/// first of each month and a receipt every three days after. Last year stays open, as in Dresden.
async fn ledger_history(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    people: &People,
    first: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    app::store::ledger::describe_programme(db, scope, "Präventionsbudget Großstadt", "Rahmenbeschluss").await?;
    let admin = people.admin;
    let today = now.with_timezone(&model::datetime::DEFAULT_TIME_ZONE).date_naive();
    let awards = app::store::awards::posts(db, scope).await?;
    let mut committed = std::collections::HashSet::new();
    for year in first..=today.year() {
        let budget: i64 = awards
            .iter()
            .flat_map(|a| a.funding.iter().filter(|y| y.year == year).map(|y| y.amount.cents().unwrap_or(0)))
            .sum();
        let passed = day(year, 1, 10)?;
        if berlin(passed, 10)? > now {
            break;
        }
        if budget > 0 {
            let posting = Posting::Appropriation {
                programme: None,
                module: Module::Practice,
                year,
                amount: Money::from_cents(budget),
                booked_on: passed,
                reference: format!("Haushaltssatzung {year}"),
                note: String::new(),
            };
            ops::book(db, scope, posting, Some(admin), berlin(passed, 10)?).await?;
        }
        for award in awards.iter().filter(|a| a.starts_on.year() == year && committed.insert(a.id)) {
            super::ledger::commit(db, scope, award, admin, berlin(day(year, 1, 22)?, 11)?).await?;
        }
        let closing = berlin(day(year, 1, 25)?, 10)?;
        if year > first && closing <= now && year < today.year() {
            ops::close_in(db, scope, year - 1, admin, closing).await?;
        }
        for month in 1..=12 {
            for award in &awards {
                let paid_on = day(year, month, 1)?;
                if paid_on < award.starts_on || award.ends_on.is_some_and(|end| paid_on > end) {
                    continue;
                }
                let short = &award.id.simple().to_string()[..6];
                let payments = std::iter::once((paid_on, MONTHLY_SALARY, format!("ZA-{year}-{month:02}-{short}")))
                    .chain((1..=RECEIPTS_PER_MONTH).map(|r| {
                        (
                            paid_on + Duration::days(i64::from(r) * 3),
                            RECEIPT,
                            format!("BE-{year}-{month:02}-{short}-{r}"),
                        )
                    }));
                for (booked_on, euros, reference) in payments {
                    if booked_on > today {
                        break;
                    }
                    let posting = Posting::Disbursement {
                        programme: None,
                        module: Module::Practice,
                        year,
                        award_id: award.id,
                        amount: Money::from_cents(euros * 100),
                        booked_on,
                        reference,
                        note: String::new(),
                    };
                    ops::book(db, scope, posting, Some(admin), berlin(booked_on, 10)?).await?;
                }
            }
        }
    }
    Ok(())
}

/// Four meetings a year (March, June, September, November), each with three resolutions and a commission
/// to a coordinator, minutes circulated a week later and approved by the next meeting; and the group's
/// yearly text for the committee, written each February.
async fn meetings(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    people: &People,
    first: i32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let today = now.with_timezone(&model::datetime::DEFAULT_TIME_ZONE).date_naive();
    let seat = people.members.last().map(|(_, m)| m.id).ok_or_else(|| AppError::internal("seats missing"))?;
    let quorum = u32::try_from(app::store::awards::quorum(db, scope).await?).unwrap_or(4);
    let mut previous: Option<Uuid> = None;
    let mut commissioned = 0;
    for year in first..=today.year() {
        let mut number = 0;
        for month in [3, 6, 9, 11] {
            let starts_at = berlin(day(year, month, 15)?, 16)?;
            if starts_at + Duration::hours(2) > now {
                break;
            }
            let input = MeetingInput {
                title: format!("Sitzung der Steuerungsgruppe {month:02}/{year}"),
                starts_at,
                duration_minutes: 120,
                place: "Rathaus, Raum 1".into(),
                video_link: String::new(),
            }
            .checked()
            .map_err(|p| AppError::internal(format!("bench meeting: {p:?}")))?;
            let meeting = steering::create_meeting(db, scope, &input, seat, starts_at - Duration::days(28)).await?;
            let present: Vec<(Uuid, Attendance)> =
                people.members.iter().map(|(_, m)| (m.id, Attendance::Present)).collect();
            steering::set_attendance(db, scope, meeting.id, &present).await?;
            let decided_at = starts_at + Duration::minutes(90);
            let items = [
                ("Berichte der Koordinationen", Topic::Reports),
                ("Haushalt und Mittelabfluss", Topic::Budget),
                ("Schwerpunkte des Programms", Topic::Strategy),
            ];
            for (title, topic) in items {
                let item = steering::add_agenda_item(
                    db,
                    scope,
                    meeting.id,
                    &AgendaInput { title: title.into(), subject: None },
                )
                .await?;
                let vote = Vote { yes: 6, no: 0, abstain: 1 };
                let outcome = model::steering::minutes::decide(vote, Quorum::of(quorum, 7, 0))
                    .map_err(|e| AppError::internal(format!("bench vote: {e}")))?;
                number += 1;
                let input = ResolutionInput {
                    text: format!(
                        "Die Steuerungsgruppe nimmt „{title}“ zur Kenntnis und beschließt das weitere Vorgehen."
                    ),
                    topic,
                    vote,
                    deferred: false,
                };
                let item =
                    steering::record_resolution(db, item, format!("{year}/{number:02}"), &input, outcome, decided_at)
                        .await?;
                if topic == Topic::Reports {
                    let coordinator = people.coordinators[commissioned % people.coordinators.len()];
                    commissioned += 1;
                    let due_on = starts_at.date_naive() + Duration::days(42);
                    let input = CommissionInput {
                        title: "Beteiligung der Jugendlichen im Bezirk auswerten".into(),
                        details: String::new(),
                        assignee: model::steering::commission::Assignee::Coordinator { user_id: coordinator },
                        due_on,
                        agenda_item_id: Some(item.id),
                    };
                    let row =
                        steering::add_commission(db, scope, &input, starts_at.date_naive(), seat, decided_at).await?;
                    let done = berlin(due_on - Duration::days(3), 10)?;
                    if done <= now {
                        steering::add_note(
                            db,
                            scope,
                            &row,
                            "Ausgewertet und in der Stadtteilrunde vorgestellt.",
                            true,
                            coordinator,
                            done,
                        )
                        .await?;
                    }
                }
            }
            let mut change: model::entity::meeting::ActiveModel = meeting.clone().into();
            change.minutes_text = Set("Die Sitzung war beschlussfähig. Die Beschlüsse sind im Register.".into());
            change.minutes_updated_at = Set(Some((starts_at + Duration::days(7)).min(now)));
            change.invited_at = Set(Some(starts_at - Duration::days(21)));
            change.invitation_sequence = Set(1);
            change.minutes_state = Set(MinutesState::Circulated.as_str().to_owned());
            steering::update_meeting(db, change).await?;
            if let Some(before) = previous {
                let mut change: model::entity::meeting::ActiveModel =
                    steering::meeting(db, scope, before).await?.into();
                change.minutes_state = Set(MinutesState::Approved.as_str().to_owned());
                change.approved_at_meeting_id = Set(Some(meeting.id));
                steering::update_meeting(db, change).await?;
            }
            previous = Some(meeting.id);
        }
        let written = berlin(day(year + 1, 2, 20)?, 16)?;
        if written <= now {
            let text = model::controlling::CommitteeText {
                narrative: format!("Im Jahr {year} haben die Koordinationen in allen zwanzig Bezirken gearbeitet."),
                measures: "Stadtteilrunden in allen Bezirken\nFerienangebote mit Schulen und Vereinen".into(),
            };
            let author = people.members.first().map(|(_, m)| m.id).ok_or_else(|| AppError::internal("chair"))?;
            app::store::committee::save(db, scope, year, &text, author, written).await?;
        }
    }
    Ok(())
}
