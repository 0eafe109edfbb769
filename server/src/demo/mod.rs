//! Demo data for a first look and for tests: Dresden with the districts of the council resolution (§6) and
//! one account per role, and a small second tenant, Musterstadt, to show that tenants are kept apart.
//! Every demo account has the password [`DEMO_PASSWORD`].
//!
//! Loaded only into an empty database (no tenants yet), in one transaction, so a failed load leaves nothing.

mod exchange;
mod history;
pub mod large;
mod ledger;
mod reports;
mod steering;

use chrono::Utc;
use model::DistrictKind;
use model::entity::{district, district_contact, organisation, role_grant, tenant, user};
use model::{Role, Seat};
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, TransactionTrait};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "spielraum-demo";

struct DemoTenant {
    slug: String,
    name: String,
    districts: Vec<(String, DistrictKind)>,
    organisations: Vec<String>,
    /// Where the organisations are registered.
    city: String,
    /// (email, display name, roles); `Carrier` roles name their organisation by index into `organisations`.
    accounts: Vec<(String, String, Vec<DemoRole>)>,
}

enum DemoRole {
    Plain(Role),
    CarrierOf(usize),
    /// The project-carrier seat of the steering group, held for an organisation (by index).
    ProjectCarrierSeatFor(usize),
}

/// The demo logins, as `scripts/run` prints them.
pub fn demo_logins() -> Vec<(String, String, String)> {
    demo_tenants()
        .into_iter()
        .flat_map(|tenant| {
            let slug = tenant.slug;
            tenant.accounts.into_iter().map(move |(email, name, _)| (slug.clone(), email, name))
        })
        .collect()
}

fn demo_tenants() -> Vec<DemoTenant> {
    // Dresden: 17 city districts ("Stadtraum 1" … until the admin renames them) and three groups of villages.
    let mut dresden: Vec<(String, DistrictKind)> =
        (1..=17).map(|n| (format!("Stadtraum {n}"), DistrictKind::CityDistrict)).collect();
    dresden.extend(
        [
            "Schönfeld-Weißig",
            "Weixdorf, Langebrück, Schönborn",
            "Cossebaude, Mobschatz, Gompitz, Oberwartha, Altfranken",
        ]
        .map(|name| (name.to_owned(), DistrictKind::Villages)),
    );
    let musterstadt = vec![
        ("Nord".to_owned(), DistrictKind::CityDistrict),
        ("Süd".to_owned(), DistrictKind::CityDistrict),
        ("Ortschaft Musterdorf".to_owned(), DistrictKind::Villages),
    ];
    let mut accounts = vec![(
        "admin@dresden.demo".to_owned(),
        "Andrea Admin (Jugendamt)".to_owned(),
        vec![DemoRole::Plain(Role::Admin)],
    )];
    // Seats 3/3/1 (seed §3). The project carrier is Jugendwerk Elbaue e. V., which won the steering call of
    // 2018; its seat is therefore recused from Jugendwerk Elbaue's own bids.
    let seats = [
        DemoRole::Plain(Role::Steering { seat: Seat::Administration }),
        DemoRole::Plain(Role::Steering { seat: Seat::Administration }),
        DemoRole::Plain(Role::Steering { seat: Seat::Administration }),
        DemoRole::Plain(Role::Steering { seat: Seat::Committee }),
        DemoRole::Plain(Role::Steering { seat: Seat::Committee }),
        DemoRole::Plain(Role::Steering { seat: Seat::Committee }),
        DemoRole::ProjectCarrierSeatFor(0),
    ];
    for (n, seat) in (1..).zip(seats) {
        accounts.push((format!("steuerung{n}@dresden.demo"), format!("Steuerungsgruppe Mitglied {n}"), vec![seat]));
    }
    for n in 1..=4 {
        accounts.push((
            format!("traeger{n}@dresden.demo"),
            format!("Träger-Kontakt {n}"),
            vec![DemoRole::CarrierOf(n - 1)],
        ));
    }
    for n in 1..=4 {
        accounts.push((
            format!("koordination{n}@dresden.demo"),
            format!("Sozialraumkoordination {n}"),
            vec![DemoRole::Plain(Role::Coordinator)],
        ));
    }
    accounts.push((
        "bezirk1@dresden.demo".to_owned(),
        "Bezirkliche Ansprechperson 1".to_owned(),
        vec![DemoRole::Plain(Role::DistrictContact)],
    ));
    vec![
        DemoTenant {
            slug: "dresden".into(),
            name: "Landeshauptstadt Dresden".into(),
            districts: dresden,
            organisations: [
                "Jugendwerk Elbaue e. V.",
                "Netzwerk Stadtteilarbeit gGmbH",
                "Familienzentrum Heidepark e. V.",
                "Kinderring Loschwitz e. V.",
            ]
            .map(String::from)
            .to_vec(),
            city: "Dresden".into(),
            accounts,
        },
        DemoTenant {
            slug: "musterstadt".into(),
            name: "Musterstadt".into(),
            districts: musterstadt,
            organisations: vec![],
            city: "Musterstadt".into(),
            accounts: vec![(
                "admin@musterstadt.demo".to_owned(),
                "Max Mustermann (Jugendamt)".to_owned(),
                vec![DemoRole::Plain(Role::Admin)],
            )],
        },
    ]
}

/// Loads the demo tenants if the database has no tenant yet. Returns whether it loaded anything.
pub async fn load_if_empty(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let txn = db.begin().await?;
    if tenant::Entity::find().count(&txn).await? > 0 {
        return Ok(false);
    }
    let now = Utc::now();
    // One hash for all demo accounts: hashing is deliberately slow, and they share the password anyway.
    let password_hash = app::auth::password::hash(DEMO_PASSWORD).await.map_err(|e| DbErr::Custom(e.to_string()))?;
    for demo in demo_tenants() {
        insert_tenant(&txn, demo, &password_hash, now).await?;
    }
    demo_calls(&txn, now).await?;
    txn.commit().await?;
    Ok(true)
}

/// One tenant with its programme, districts, organisations and accounts (all with `password_hash`).
async fn insert_tenant(
    txn: &impl sea_orm::ConnectionTrait,
    demo: DemoTenant,
    password_hash: &str,
    now: chrono::DateTime<Utc>,
) -> Result<(), DbErr> {
    let failed = |err: app::AppError| DbErr::Custom(format!("demo tenant {}: {err}", demo.slug));
    // Created as the command line creates a tenant: with its first programme.
    let slug = model::TenantSlug::parse(&demo.slug).map_err(|e| DbErr::Custom(format!("demo slug: {e}")))?;
    let scope = app::store::tenants::create(txn, &slug, &demo.name, now).await.map_err(failed)?;
    let tenant_id = scope.id();
    let district_ids: Vec<Uuid> = demo.districts.iter().map(|_| Uuid::new_v4()).collect();
    let rows = demo.districts.into_iter().zip(1..).zip(&district_ids).map(|(((name, kind), position), id)| {
        district::ActiveModel {
            id: Set(*id),
            tenant_id: Set(tenant_id),
            name: Set(name),
            kind: Set(kind.as_str().to_owned()),
            position: Set(position),
            retired_at: Set(None),
            created_at: Set(now),
        }
    });
    district::Entity::insert_many(rows).exec(txn).await?;

    let organisation_ids: Vec<Uuid> = demo.organisations.iter().map(|_| Uuid::new_v4()).collect();
    for (id, name) in organisation_ids.iter().zip(&demo.organisations) {
        organisation::Entity::insert(organisation::ActiveModel {
            id: Set(*id),
            tenant_id: Set(tenant_id),
            name: Set(name.clone()),
            created_at: Set(now),
            legal_form: Set("e. V.".to_owned()),
            register_number: Set(format!("VR {}", 1000 + id.as_u128() % 9000)),
            street: Set("Musterstraße 1".to_owned()),
            postcode: Set("01067".to_owned()),
            city: Set(demo.city.clone()),
            recognised: Set(true),
            contact_name: Set("Geschäftsführung".to_owned()),
            contact_email: Set(format!("kontakt-{}@{}.demo", &id.simple().to_string()[..6], demo.slug)),
            contact_phone: Set(String::new()),
            verified_at: Set(Some(now)),
        })
        .exec_without_returning(txn)
        .await?;
    }
    for (email, display_name, roles) in demo.accounts {
        let user_id = Uuid::new_v4();
        user::Entity::insert(user::ActiveModel {
            id: Set(user_id),
            tenant_id: Set(tenant_id),
            email: Set(email),
            display_name: Set(display_name),
            password_hash: Set(Some(password_hash.to_owned())),
            locale: Set(None),
            status: Set(app::auth::accounts::STATUS_ACTIVE.to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            last_sign_in_at: Set(None),
            credential_generation: Set(0),
        })
        .exec_without_returning(txn)
        .await?;
        if roles.iter().any(|r| matches!(r, DemoRole::Plain(Role::DistrictContact))) {
            // The demo contact looks after the first three districts.
            for district_id in district_ids.iter().take(3) {
                district_contact::Entity::insert(district_contact::ActiveModel {
                    tenant_id: Set(tenant_id),
                    user_id: Set(user_id),
                    district_id: Set(*district_id),
                    created_at: Set(now),
                })
                .exec_without_returning(txn)
                .await?;
            }
        }
        let roles: Vec<Role> = roles
            .into_iter()
            .map(|role| match role {
                DemoRole::Plain(role) => role,
                DemoRole::CarrierOf(index) => Role::Carrier { organisation_id: organisation_ids[index] },
                DemoRole::ProjectCarrierSeatFor(index) => {
                    Role::Steering { seat: Seat::ProjectCarrier { organisation_id: organisation_ids[index] } }
                }
            })
            .collect();
        app::store::users::replace_roles(txn, &scope, user_id, &roles, now).await.map_err(failed)?;
    }
    Ok(())
}

/// Dresden's calls, oldest first: the steering and the practice call of 2018 (decided by the committee on
/// 31 January 2019; see [`history`]), a practice call for the two districts left without a post, closed
/// ten days ago and under evaluation, and an open practice call for 2027 (SPEC §5). The open call stays
/// last.
async fn demo_calls(db: &impl sea_orm::ConnectionTrait, now: chrono::DateTime<Utc>) -> Result<(), DbErr> {
    use app::store::{TenantScope, calls};
    use chrono::{Duration, NaiveDate, TimeZone};
    use model::call::{Module, Schedule};
    let failed = |err: app::AppError| DbErr::Custom(format!("demo call: {err}"));
    let scope = TenantScope::resolve(db, "dresden").await.map_err(failed)?;
    let berlin = |y, m, d, h| {
        model::datetime::DEFAULT_TIME_ZONE
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| DbErr::Custom("demo date".into()))
    };
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DbErr::Custom("demo date".into()));
    let decision_2019 = date(2019, 1, 31)?;
    let evaluation_closed = now - Duration::days(10);
    let open_closes = now + Duration::days(21);
    let planned: [(Module, &str, &str, Schedule); 4] = [
        (
            Module::Steering,
            "Steuerungsmodul Sozialraumkoordination 2019–2021",
            "Gesucht wird ein freier Träger oder eine andere geeignete Institution, die das Projekt \
             Sozialraumkoordination über mindestens drei Kalenderjahre steuert und inhaltlich begleitet \
             (Beschluss A0446/18, Punkte 2–4). Für das Steuerungsmodul stehen mindestens 100.000 Euro für die \
             ersten drei Jahre zur Verfügung.",
            Schedule::new(berlin(2018, 11, 12, 8)?, berlin(2018, 12, 14, 12)?, decision_2019)
                .map_err(|e| DbErr::Custom(e.to_string()))?,
        ),
        (
            Module::Practice,
            "Sozialraumkoordinationsstellen 2019",
            "Je Stadtraum und Ortschaftsgruppe wird eine Sozialraumkoordinationsstelle mit 0,5 VzÄ in freier \
             Trägerschaft vergeben (Beschluss A0446/18, Punkte 5–7). Der Jugendhilfeausschuss entscheidet \
             spätestens in seiner Sitzung am 31. Januar 2019.",
            Schedule::new(berlin(2018, 11, 12, 8)?, berlin(2018, 12, 21, 12)?, decision_2019)
                .map_err(|e| DbErr::Custom(e.to_string()))?,
        ),
        (
            Module::Practice,
            "Sozialraumkoordination Stadtraum 4 und 5 – Nachbesetzung",
            "In den Stadträumen 4 und 5 ist bisher keine Sozialraumkoordinationsstelle besetzt. Beide Stellen \
             (je 0,5 VzÄ) werden erneut ausgeschrieben; die Steuerungsgruppe bewertet die \
             Interessenbekundungen nach Fristende.",
            Schedule::new(
                evaluation_closed - Duration::days(35),
                evaluation_closed,
                (evaluation_closed + Duration::days(45)).date_naive(),
            )
            .map_err(|e| DbErr::Custom(e.to_string()))?,
        ),
        (
            Module::Practice,
            "Sozialraumkoordinationsstellen ab 2027",
            "Für die neue Förderperiode werden die Sozialraumkoordinationsstellen erneut ausgeschrieben. \
             Bewerben Sie sich je Stadtraum mit Ihrer Erfahrung in der Gemeinwesenarbeit vor Ort.",
            Schedule::new(now - Duration::days(3), open_closes, (open_closes + Duration::days(45)).date_naive())
                .map_err(|e| DbErr::Custom(e.to_string()))?,
        ),
    ];
    let mut rows = Vec::new();
    for (module, title, description, schedule) in planned {
        let row = calls::create(db, &scope, module, title, description, schedule, now).await.map_err(failed)?;
        calls::publish(db, &scope, row.id, schedule.opens_at.min(now)).await.map_err(failed)?;
        rows.push(row);
    }
    // The open call's reminders and closing notice, as if it had been published through the administration.
    if let Some(open) = rows.last() {
        app::jobs::schedule_call(db, open.id, open.closes_at, open.opens_at, now).await.map_err(failed)?;
    }
    let [steering, practice_2018, evaluated, open] = &rows[..] else {
        return Err(DbErr::Custom("demo calls missing".into()));
    };
    submit_bids(db, &scope, steering, &STEERING_BIDS, now).await.map_err(failed)?;
    submit_bids(db, &scope, practice_2018, &PRACTICE_BIDS, now).await.map_err(failed)?;
    submit_bids(db, &scope, evaluated, &REFILL_BIDS, now).await.map_err(failed)?;
    submit_bids(db, &scope, open, &OPEN_BIDS, now).await.map_err(failed)?;
    history::decided(db, &scope, steering, berlin(2019, 1, 8, 9)?, now).await.map_err(failed)?;
    history::decided(db, &scope, practice_2018, berlin(2019, 1, 9, 9)?, now).await.map_err(failed)?;
    history::under_evaluation(db, &scope, evaluated, evaluated.closes_at + Duration::days(2), now)
        .await
        .map_err(failed)?;
    reports::history(db, &scope, now).await.map_err(failed)?;
    ledger::history(db, &scope, now).await.map_err(failed)?;
    exchange::threads(db, &scope, now).await.map_err(failed)?;
    let call_ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    steering::history(db, &scope, &call_ids, now).await.map_err(failed)
}

/// A planned bid: lot (by position), organisation (by index in name order: 0 Familienzentrum Heidepark,
/// 1 Jugendwerk Elbaue, 2 Kinderring Loschwitz, 3 Netzwerk Stadtteilarbeit), submitted or a draft, and the
/// amount requested per budget year in euros.
type PlannedBid = (usize, usize, bool, i64);

/// The steering call of 2018: Jugendwerk Elbaue and Netzwerk Stadtteilarbeit.
const STEERING_BIDS: [PlannedBid; 2] = [(0, 1, true, 36_000), (0, 3, true, 34_500)];
/// The practice call of 2018: three bids in Stadtraum 1, two in Stadtraum 2, one in Stadtraum 3.
const PRACTICE_BIDS: [PlannedBid; 6] = [
    (0, 1, true, 27_500),
    (0, 3, true, 26_900),
    (0, 0, true, 28_100),
    (1, 3, true, 27_000),
    (1, 2, true, 27_300),
    (2, 0, true, 26_800),
];
/// The call under evaluation: two bids in Stadtraum 4, one in Stadtraum 5.
const REFILL_BIDS: [PlannedBid; 3] = [(3, 2, true, 29_400), (3, 3, true, 28_800), (4, 0, true, 29_000)];
/// The open call: traeger1 has submitted for Stadtraum 1; traeger2 (Stadtraum 1) and traeger3 (Stadtraum 3)
/// have drafts. traeger4 has no bid in the open call, so it can start from scratch.
const OPEN_BIDS: [PlannedBid; 3] = [(0, 1, true, 31_500), (0, 3, false, 30_000), (2, 0, false, 0)];

/// A closed call like the demo's practice (or steering) call of 2018 — the same schedule, lots, bidders and
/// amounts — but with nobody's declarations or scores yet: for tests that walk an evaluation from its start
/// without depending on the demo's history.
pub async fn fresh_closed_call(
    db: &DatabaseConnection,
    module: model::call::Module,
    title: &str,
    now: chrono::DateTime<Utc>,
) -> Result<model::entity::call::Model, app::AppError> {
    use chrono::TimeZone;
    let scope = app::store::TenantScope::resolve(db, "dresden").await?;
    let zone = model::datetime::DEFAULT_TIME_ZONE;
    let at = |y, m, d, h| zone.with_ymd_and_hms(y, m, d, h, 0, 0).single().map(|t| t.with_timezone(&Utc));
    let decision = chrono::NaiveDate::from_ymd_opt(2019, 1, 31);
    let (Some(opens), Some(closes), Some(decision)) = (at(2018, 11, 12, 8), at(2018, 12, 21, 12), decision) else {
        return Err(app::AppError::internal("demo date"));
    };
    let schedule = model::call::Schedule::new(opens, closes, decision).map_err(app::AppError::internal)?;
    let txn = db.begin().await?;
    let call = app::store::calls::create(&txn, &scope, module, title, "", schedule, now).await?;
    app::store::calls::publish(&txn, &scope, call.id, opens).await?;
    let plan: &[PlannedBid] = match module {
        model::call::Module::Steering => &STEERING_BIDS,
        model::call::Module::Practice => &PRACTICE_BIDS,
    };
    submit_bids(&txn, &scope, &call, plan, now).await?;
    txn.commit().await?;
    Ok(call)
}

/// Bids of the demo carriers in `call`, written as the carriers would have: drafts saved, then submitted
/// through the same rules, two days before closing (or yesterday, in a call still open).
async fn submit_bids(
    db: &impl sea_orm::ConnectionTrait,
    scope: &app::store::TenantScope,
    call: &model::entity::call::Model,
    plan: &[PlannedBid],
    now: chrono::DateTime<Utc>,
) -> Result<(), app::AppError> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::TenantId.eq(scope.id()))
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?;
    let member = |organisation: Uuid| async move {
        role_grant::Entity::find()
            .filter(role_grant::Column::OrganisationId.eq(organisation))
            .filter(role_grant::Column::Role.eq(model::RoleKind::Carrier.as_str()))
            .one(db)
            .await
            .map(|grant| grant.map(|g| g.user_id))
    };
    let lots = model::entity::call_lot::Entity::find()
        .filter(model::entity::call_lot::Column::CallId.eq(call.id))
        .order_by_asc(model::entity::call_lot::Column::Position)
        .all(db)
        .await?;
    let questions = app::store::calls::questions_of(db, call).await?;
    let years = model::bid::budget_years(call.decision_date);
    for &(lot_index, organisation_index, submitted, amount) in plan {
        let organisation = organisations
            .get(organisation_index)
            .ok_or_else(|| app::AppError::internal("demo organisation missing"))?;
        let user = member(organisation.id).await?;
        let lot = lots.get(lot_index).ok_or_else(|| app::AppError::internal("demo lot missing"))?;
        let mut draft =
            model::bid::Draft { fte: if amount > 0 { "0,5".into() } else { String::new() }, ..Default::default() };
        for question in &questions {
            let text = match question.kind {
                model::call::QuestionKind::LongText { .. } => format!(
                    "{} arbeitet seit vielen Jahren in {} – mit offener Kinder- und Jugendarbeit, \
                     Stadtteilrunden und Elternangeboten. Wir kennen die Akteure vor Ort und bringen sie \
                     zusammen.",
                    organisation.name, lot.title
                ),
                model::call::QuestionKind::ShortText => "Frau Beispiel, Bereichsleitung".to_owned(),
                _ => continue,
            };
            draft.answers.insert(question.id, text);
        }
        if amount > 0 {
            for year in &years {
                draft.amounts.insert(*year, format!("{amount},00"));
            }
        }
        // Two days before closing, or (in the open call) yesterday: never later than the moment of loading.
        let saved_at = if submitted {
            (call.closes_at - chrono::Duration::days(2)).min(now - chrono::Duration::days(1))
        } else {
            now
        };
        let bid = model::entity::bid::ActiveModel {
            id: Set(Uuid::new_v4()),
            tenant_id: Set(scope.id()),
            call_id: Set(call.id),
            lot_id: Set(lot.id),
            organisation_id: Set(organisation.id),
            status: Set(model::bid::BidStatus::Draft.as_str().to_owned()),
            draft: Set(serde_json::to_string(&draft).map_err(app::AppError::internal)?),
            draft_saved_at: Set(saved_at),
            draft_saved_by: Set(user),
            created_at: Set(saved_at),
        };
        let bid = sea_orm::ActiveModelTrait::insert(bid, db).await?;
        if submitted {
            let subject = model::bid::Subject { call_id: call.id, lot_id: lot.id, organisation_id: organisation.id };
            let content = model::bid::complete(subject, &draft, &questions, &years, &[])
                .map_err(|problems| app::AppError::internal(format!("demo bid incomplete: {problems:?}")))?;
            let user = user.ok_or_else(|| app::AppError::internal("demo organisation without a member"))?;
            // Submitted as the carrier would have, through the same rules, at the time it happened.
            let roles = [Role::Carrier { organisation_id: organisation.id }];
            let who = model::policy::Who { user_id: user, roles: &roles };
            let authorized =
                app::store::bids::authorize_change(db, scope, who, bid.id, app::store::Clock::At(saved_at)).await?;
            app::store::bids::submit(db, authorized, &content, user).await?;
        }
    }
    Ok(())
}
