//! The demo's exchange space (issue 13, items 7 and 9): the coordinators and the project carrier's seat share
//! minutes of their network meeting, a method, an invitation to a conference day and a question, with
//! replies. Nothing is dated after `now`; a post whose day has not come is left out, with its replies.

use app::AppError;
use app::store::TenantScope;
use app::store::exchange as store;
use chrono::{DateTime, NaiveDate, Utc};
use model::exchange::{ReplyInput, ThreadInput, Topic};
use sea_orm::ConnectionTrait;

struct Thread {
    author: &'static str,
    at: (i32, u32, u32),
    title: &'static str,
    topic: Topic,
    district: Option<&'static str>,
    tags: &'static [&'static str],
    body: &'static str,
    replies: &'static [(&'static str, (i32, u32, u32), &'static str)],
}

const THREADS: [Thread; 4] = [
    Thread {
        author: "koordination1",
        at: (2025, 6, 3),
        title: "Methode: Stadtteilspaziergang mit Jugendlichen",
        topic: Topic::Method,
        district: Some("Stadtraum 1"),
        tags: &["Beteiligung", "Jugendliche"],
        body: "Wir sind mit zwölf Jugendlichen durch den Stadtteil gegangen und haben fotografiert, wo es Treffpunkte \
               gibt und wo sie fehlen. Dauer: zwei Stunden, danach eine Stunde Auswertung mit Pizza.\nDie Fotos haben \
               wir im Ortsbeirat gezeigt; zwei Bänke und ein überdachter Platz sind jetzt in Planung.",
        replies: &[(
            "koordination3",
            (2025, 6, 10),
            "Danke! Wir probieren das im Herbst mit der Oberschule aus. Habt ihr die Eltern vorher informiert?",
        )],
    },
    Thread {
        author: "steuerung7",
        at: (2026, 10, 1),
        title: "Einladung: Fachtag Prävention im Sozialraum am 20. November 2026",
        topic: Topic::Invitation,
        district: None,
        tags: &["Fachtag", "Prävention"],
        body: "Das Steuerungsmodul lädt alle Koordinationen und die Ansprechpersonen des Jugendamts zum Fachtag ein: \
               Donnerstag, 20. November 2026, 9 bis 15 Uhr, im Kulturrathaus. Themen: Zugänge für Familien, \
               Kooperation mit Schulen, Ergebnisse der Quartalsberichte.",
        replies: &[("koordination2", (2026, 10, 5), "Wir kommen zu zweit und bringen die Fotos vom Elterncafé mit.")],
    },
    Thread {
        author: "koordination2",
        at: (2026, 10, 14),
        title: "Protokoll: Netzwerktreffen der Koordinationen, Oktober 2026",
        topic: Topic::MeetingNotes,
        district: None,
        tags: &["Netzwerktreffen", "Protokoll"],
        body: "Anwesend: Koordinationen der Stadträume 1 bis 3, Steuerungsmodul.\n1. Austausch zu den Berichten des \
               dritten Quartals. 2. Gemeinsame Vorlage für die Netzwerkpartner-Liste. 3. Nächstes Treffen im Januar.",
        replies: &[
            ("koordination1", (2026, 10, 15), "Zu Punkt 2: Ich schicke bis Ende Oktober einen Entwurf der Vorlage."),
            (
                "steuerung7",
                (2026, 10, 16),
                "Danke für das Protokoll. Die Vorlage nehmen wir in die nächste Sitzung der Steuerungsgruppe mit.",
            ),
        ],
    },
    Thread {
        author: "koordination3",
        at: (2026, 11, 20),
        title: "Frage: Wie erreicht ihr Eltern in Großwohnsiedlungen?",
        topic: Topic::Question,
        district: Some("Stadtraum 3"),
        tags: &["Eltern", "Zugang"],
        body: "Unsere Aushänge in den Hauseingängen bringen kaum jemanden. Was hat bei euch funktioniert?",
        replies: &[
            (
                "koordination1",
                (2026, 11, 21),
                "Elterncafé in der Kita, direkt beim Abholen – die Erzieherinnen laden persönlich ein.",
            ),
            (
                "koordination2",
                (2026, 11, 24),
                "Bei uns: mehrsprachige Flyer über die Wohnungsgenossenschaft, mit einem festen Sprechstundentag.",
            ),
        ],
    },
];

/// Noon of a day in Berlin; a demo person by their address's name.
fn noon(day: (i32, u32, u32)) -> Result<DateTime<Utc>, AppError> {
    let day = NaiveDate::from_ymd_opt(day.0, day.1, day.2).ok_or_else(|| AppError::internal("demo day"))?;
    super::reports::berlin(day, 12)
}

async fn user_id(db: &impl ConnectionTrait, scope: &TenantScope, name: &str) -> Result<uuid::Uuid, AppError> {
    super::reports::user_id(db, scope, &format!("{name}@dresden.demo")).await
}

/// Writes the threads and replies dated up to `now`.
pub async fn threads(db: &impl ConnectionTrait, scope: &TenantScope, now: DateTime<Utc>) -> Result<(), AppError> {
    let districts = app::store::names::districts(db, scope).await?;
    for planned in &THREADS {
        let at = noon(planned.at)?;
        if at > now {
            continue;
        }
        let district_id =
            planned.district.and_then(|name| districts.iter().find(|(_, n)| n.as_str() == name).map(|(id, _)| *id));
        let input = ThreadInput {
            title: planned.title.into(),
            body: planned.body.into(),
            topic: planned.topic,
            district_id,
            tags: planned.tags.iter().map(|t| (*t).to_owned()).collect(),
        }
        .checked()
        .map_err(AppError::internal)?;
        let thread = store::open(db, scope, &input, user_id(db, scope, planned.author).await?, at).await?;
        for (author, day, body) in planned.replies {
            let at = noon(*day)?;
            if at > now {
                break;
            }
            let input = ReplyInput { body: (*body).into() };
            store::reply(db, scope, &thread, &input, user_id(db, scope, author).await?, at).await?;
        }
    }
    Ok(())
}
