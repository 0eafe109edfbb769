//! The demo's reports (issue 13, item 9): the coordinators of Stadtraum 1–3 have reported every quarter since
//! their posts began in February 2019, and the steering group has accepted the reports. Some quarters tell
//! more: Stadtraum 2's report for the second quarter of 2024 came back with a comment on its prevention
//! measures and was accepted when revised, Stadtraum 3 reported late for the first quarter of 2025 and has
//! not reported the third quarter of 2026 at all, Stadtraum 2's third quarter of 2026 waits for review, and
//! Stadtraum 1's coordinator is writing the report of the quarter that runs now.
//!
//! Everything goes through `app::store::reports` at the time it happened, never later than `now`.

use app::AppError;
use app::store::TenantScope;
use app::store::reports as store;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use model::Money;
use model::entity::user;
use model::report::{Content, Figures, Partner, Period, Quality, ReportState, Section, periods};
use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

const MEASURES: [&str; 6] = [
    "Sprechstunde im Stadtteilhaus an zwei Nachmittagen je Woche",
    "Elterncafé in der Kita, gemeinsam mit der Familienberatung",
    "Stadtteilspaziergang mit Jugendlichen zu fehlenden Treffpunkten",
    "mehrsprachige Wegweiser zu Beratungsangeboten im Quartier",
    "Ferienangebot mit dem Sportverein und der Grundschule",
    "Nachbarschaftsfest mit Informationsständen der Träger",
];

const PARTNERS: [(&str, &str); 6] = [
    ("Kita Sonnenschein", "Kita"),
    ("Grundschule am Park", "Schule"),
    ("SV Blau-Weiß", "Sportverein"),
    ("Familienberatungsstelle", "Beratung"),
    ("Kirchgemeinde St. Martin", "Kirchgemeinde"),
    ("Wohnungsgenossenschaft Süd", "Wohnungswirtschaft"),
];

/// A full hour of `day` in Berlin.
pub(super) fn berlin(day: NaiveDate, hour: u32) -> Result<DateTime<Utc>, AppError> {
    let local = day.and_hms_opt(hour, 0, 0).ok_or_else(|| AppError::internal("demo time"))?;
    model::datetime::DEFAULT_TIME_ZONE
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::internal("demo time"))
}

/// The report of one quarter: its text varies with the district and the quarter, its figures grow slowly.
pub(super) fn content(district: &str, period: &Period, index: usize) -> Content {
    let quarter = period.starts_on.month0() / 3 + 1;
    let year = period.starts_on.year();
    let measure = MEASURES[index % MEASURES.len()];
    let next = MEASURES[(index + 2) % MEASURES.len()];
    let mut content = Content::default();
    *content.section_mut(Section::Cooperation) = format!(
        "Die Stadtteilrunde {district} hat im {quarter}. Quartal {year} dreimal getagt; neu dabei waren Schule \
         und Wohnungswirtschaft. Die Absprachen zu gemeinsamen Angeboten laufen verlässlich."
    );
    *content.section_mut(Section::Access) = format!("Umgesetzt: {measure}. Die Angebote werden gut angenommen.");
    *content.section_mut(Section::Prevention) = format!("Angestoßen: {next}, geplant für das kommende Quartal.");
    *content.section_mut(Section::Network) =
        "Monatlicher Austausch der Koordinationen mit dem Steuerungsmodul; Methoden der Beteiligung geteilt.".into();
    *content.section_mut(Section::YouthOffice) =
        "Fallunabhängige Runde mit der Bezirkssozialarbeit alle sechs Wochen; gemeinsame Sozialraumbegehung.".into();
    content.partners = (0..3)
        .map(|k| {
            let (name, field) = PARTNERS[(index + k) % PARTNERS.len()];
            Partner {
                name: name.into(),
                field: field.into(),
                new: k == 0,
                quality: if k == 2 { Quality::Developing } else { Quality::Good },
            }
        })
        .collect();
    let step = u32::try_from(index).unwrap_or(0);
    content.figures = Figures {
        network_partners: 8 + step % 9,
        meetings: 6 + step % 5,
        measures_started: 1 + step % 3,
        people_reached: 90 + (step * 13) % 120,
        hours_worked: Decimal::new(1955 + i64::from(step % 8) * 25, 1),
        money_spent: Money::from_cents(180_000 + i64::from(step % 6) * 3_750),
    };
    content
}

/// A demo account by email.
pub(super) async fn user_id(db: &impl ConnectionTrait, scope: &TenantScope, email: &str) -> Result<Uuid, AppError> {
    user::Entity::find()
        .filter(user::Column::TenantId.eq(scope.id()))
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .map(|u| u.id)
        .ok_or_else(|| AppError::internal(format!("demo user {email}")))
}

fn starts(period: &Period, year: i32, month: u32) -> bool {
    period.starts_on.year() == year && period.starts_on.month() == month
}

/// Assigns koordination1–3 to the posts of Stadtraum 1–3 and writes their reports up to `now`.
pub async fn history(db: &impl ConnectionTrait, scope: &TenantScope, now: DateTime<Utc>) -> Result<(), AppError> {
    let names = app::store::names::districts(db, scope).await?;
    let mut posts: Vec<(String, store::Post)> = store::posts(db, scope)
        .await?
        .into_iter()
        .map(|post| (post.district_id.and_then(|d| names.get(&d).cloned()).unwrap_or_default(), post))
        .collect();
    posts.sort_by(|a, b| a.0.cmp(&b.0));
    let (deadline, zone) = store::deadline(db, scope).await?;
    let today = now.with_timezone(&zone).date_naive();
    let reviewers =
        [user_id(db, scope, "steuerung1@dresden.demo").await?, user_id(db, scope, "admin@dresden.demo").await?];
    for (number, (district, post)) in (1..).zip(&posts) {
        let coordinator = user_id(db, scope, &format!("koordination{number}@dresden.demo")).await?;
        store::assign(db, scope, post.id, coordinator, berlin(post.starts_on, 8)?.min(now)).await?;
        for (index, period) in
            periods(&post.schedule, post.starts_on, post.ends_on, deadline, zone, today).iter().enumerate()
        {
            let text = content(district, period, index);
            let submitted_at = berlin(period.ends_on + Duration::days(9), 10)?;
            let running = period.ends_on >= today;
            match number {
                // Writing the report of the running quarter.
                1 if running => {
                    let mut draft = text.clone();
                    *draft.section_mut(Section::Prevention) = String::new();
                    *draft.section_mut(Section::YouthOffice) = String::new();
                    let at = (now - Duration::days(2)).max(berlin(period.starts_on, 9)?);
                    store::save(db, scope, post.id, period, &draft, ReportState::Draft, coordinator, at).await?;
                    continue;
                }
                // Never reported.
                3 if starts(period, 2026, 7) => continue,
                _ if running || submitted_at > now => continue,
                _ => {}
            }
            let submitted_at =
                if number == 3 && starts(period, 2025, 1) { period.due_at + Duration::days(6) } else { submitted_at };
            let row =
                store::save(db, scope, post.id, period, &text, ReportState::Draft, coordinator, submitted_at).await?;
            let row = store::submit(db, scope, row, period, coordinator, submitted_at).await?;
            let reviewer = reviewers[index % reviewers.len()];
            let reviewed_at = submitted_at + Duration::days(7);
            if number == 2 && starts(period, 2026, 7) || reviewed_at > now {
                continue;
            }
            if number == 2 && starts(period, 2024, 4) {
                let comment = (
                    Some(Section::Prevention),
                    "Bitte beschreiben Sie, welche Präventionsprojekte tatsächlich begonnen haben und mit wem."
                        .to_owned(),
                );
                store::review(db, scope, row, ReportState::Returned, &[comment], reviewer, reviewed_at).await?;
                let mut revised = text.clone();
                *revised.section_mut(Section::Prevention) = "Begonnen: Ferienangebot mit dem SV Blau-Weiß und der \
                     Grundschule am Park (24 Kinder); in Vorbereitung: Elterncafé in der Kita Sonnenschein."
                    .into();
                let again = reviewed_at + Duration::days(4);
                let row = store::save(db, scope, post.id, period, &revised, ReportState::Returned, coordinator, again)
                    .await?;
                let row = store::submit(db, scope, row, period, coordinator, again).await?;
                let accepted_at = again + Duration::days(3);
                if accepted_at > now {
                    continue;
                }
                store::review(db, scope, row, ReportState::Accepted, &[], reviewer, accepted_at).await?;
            } else {
                store::review(db, scope, row, ReportState::Accepted, &[], reviewer, reviewed_at).await?;
            }
        }
    }
    Ok(())
}
