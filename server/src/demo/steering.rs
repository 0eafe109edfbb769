//! The demo's steering group (issue 15, item 7): a year of its meetings in Dresden, from November 2025 to
//! the last one before today, each with attendance, an agenda that names what it is about, minutes that the
//! next meeting approved, resolutions counted by the model's rules (the project carrier's seat recused from
//! the extension of its own contract), and commissions to coordinators, the project carrier and the youth
//! office, open and done. A meeting whose day has not come is left out, and the next one is planned six
//! weeks ahead. Written through `app::store::steering` and decided by `model::steering`, as the pages do.

use app::AppError;
use app::store::TenantScope;
use app::store::steering as store;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use model::steering::commission::Assignee;
use model::steering::meeting::{Attendance, Quorum};
use model::steering::minutes::{MinutesState, Outcome, Vote, decide};
use model::steering::view::{AgendaInput, CommissionInput, MeetingInput, ResolutionInput, Subject, SubjectKind, Topic};
use sea_orm::{ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

/// Who an item's commission goes to, in demo names.
#[derive(Clone, Copy)]
enum To {
    Coordinator(&'static str),
    ProjectCarrier,
    YouthOffice,
}

struct Commission {
    to: To,
    title: &'static str,
    details: &'static str,
    due: (i32, u32, u32),
    /// The progress notes (author, day, text); the last one closes it when `done`.
    notes: &'static [(&'static str, (i32, u32, u32), &'static str)],
    done: bool,
}

/// What an item is about, resolved when the demo runs.
#[derive(Clone, Copy)]
enum About {
    Nothing,
    BudgetYear(i32),
    /// The demo's call by its position (0 steering 2018, 1 practice 2018, 2 refill, 3 open).
    Call(usize),
    Ranking(usize),
}

struct Item {
    title: &'static str,
    about: About,
    /// Text, topic, vote (`None`: deferred), the recused members.
    resolution: Option<(&'static str, Topic, Option<Vote>, &'static [&'static str])>,
    commissions: &'static [Commission],
}

struct Meeting {
    title: &'static str,
    day: (i32, u32, u32),
    place: &'static str,
    video_link: &'static str,
    excused: &'static [&'static str],
    minutes: &'static str,
    items: &'static [Item],
}

const fn vote(yes: u32, no: u32, abstain: u32) -> Option<Vote> {
    Some(Vote { yes, no, abstain })
}

const MEETINGS: [Meeting; 5] = [
    Meeting {
        title: "4. Sitzung 2025 der Steuerungsgruppe",
        day: (2025, 11, 27),
        place: "Rathaus Dresden, Raum 12",
        video_link: "",
        excused: &[],
        minutes: "Die Sitzung beginnt um 16:00 Uhr. Alle sieben Mitglieder sind anwesend; die Steuerungsgruppe ist \
                  beschlussfähig.\nDas Jugendamt stellt die Mittelplanung 2026 vor. Die Steuerungsgruppe empfiehlt, \
                  den nicht verbrauchten Rest 2025 zweckgebunden für die Praxisstellen zu übertragen.\nEnde der \
                  Sitzung: 17:45 Uhr.",
        items: &[Item {
            title: "Haushalt 2026: Verteilung der Mittel",
            about: About::BudgetYear(2026),
            resolution: Some((
                "Die Steuerungsgruppe empfiehlt dem Jugendhilfeausschuss, 85.000 € für das Praxismodul 2026 \
                 bereitzustellen und den Rest 2025 zweckgebunden zu übertragen.",
                Topic::Budget,
                vote(7, 0, 0),
                &[],
            )),
            commissions: &[Commission {
                to: To::YouthOffice,
                title: "Mittel 2026 im Haushaltsplan anmelden",
                details: "Anmeldung beim Amt für Finanzen mit dem Beschluss als Anlage.",
                due: (2025, 12, 15),
                notes: &[("admin", (2025, 12, 10), "Angemeldet; die Mittel stehen im Haushaltsentwurf 2026.")],
                done: true,
            }],
        }],
    },
    Meeting {
        title: "1. Sitzung 2026 der Steuerungsgruppe",
        day: (2026, 2, 26),
        place: "Rathaus Dresden, Raum 12",
        video_link: "https://video.dresden.demo/steuerungsgruppe",
        excused: &["steuerung5"],
        minutes: "Beginn 16:00 Uhr, sechs Mitglieder anwesend, Frau Mitglied 5 entschuldigt.\nDas Protokoll der \
                  Sitzung vom 27. November 2025 wird genehmigt.\nDie Koordinationen berichten aus dem vierten \
                  Quartal 2025: die Netzwerkpartner werden je Stadtraum unterschiedlich gezählt.",
        items: &[
            Item {
                title: "Jahresbericht 2025 an den Jugendhilfeausschuss",
                about: About::BudgetYear(2025),
                resolution: Some((
                    "Der Jahresbericht 2025 wird mit den besprochenen Ergänzungen an den Jugendhilfeausschuss \
                     weitergeleitet.",
                    Topic::Reports,
                    vote(5, 0, 1),
                    &[],
                )),
                commissions: &[],
            },
            Item {
                title: "Quartalsberichte Q4/2025: Auswertung",
                about: About::Nothing,
                resolution: Some((
                    "Die Netzwerkpartner werden ab dem zweiten Quartal 2026 nach einer gemeinsamen Vorlage gezählt.",
                    Topic::Reports,
                    vote(6, 0, 0),
                    &[],
                )),
                commissions: &[Commission {
                    to: To::Coordinator("koordination2"),
                    title: "Vorlage für die Netzwerkpartner-Liste erarbeiten",
                    details: "Eine Liste für alle Stadträume: Name, Art, Kontakt, seit wann.",
                    due: (2026, 4, 30),
                    notes: &[
                        ("koordination2", (2026, 3, 20), "Entwurf mit den Koordinationen 1 und 3 abgestimmt."),
                        ("koordination2", (2026, 4, 22), "Vorlage fertig und im Austausch veröffentlicht."),
                    ],
                    done: true,
                }],
            },
        ],
    },
    Meeting {
        title: "2. Sitzung 2026 der Steuerungsgruppe",
        day: (2026, 5, 28),
        place: "Kulturrathaus, Seminarraum",
        video_link: "",
        excused: &[],
        minutes: "Beginn 16:00 Uhr, alle Mitglieder anwesend.\nDas Protokoll der Sitzung vom 26. Februar 2026 wird \
                  genehmigt.\nZu TOP 1 erklärt das Mitglied des Projektträgers seine Befangenheit und nimmt an \
                  Beratung und Abstimmung nicht teil.",
        items: &[Item {
            title: "Weiterführung des Steuerungsmoduls (Jugendwerk Elbaue e. V.)",
            about: About::Call(0),
            resolution: Some((
                "Die Steuerungsgruppe empfiehlt, das Steuerungsmodul beim Jugendwerk Elbaue e. V. bis Ende 2027 \
                 weiterzuführen, und beauftragt den Projektträger mit einem Konzept für den Fachtag.",
                Topic::Strategy,
                vote(5, 0, 1),
                &["steuerung7"],
            )),
            commissions: &[Commission {
                to: To::ProjectCarrier,
                title: "Konzept für den Fachtag Prävention im Sozialraum",
                details: "Programm, Ort, Einladungsliste und Kosten für einen Fachtag im Herbst 2026.",
                due: (2026, 8, 31),
                notes: &[("steuerung7", (2026, 8, 27), "Konzept vorgelegt; der Fachtag ist am 20. November 2026.")],
                done: true,
            }],
        }],
    },
    Meeting {
        title: "3. Sitzung 2026 der Steuerungsgruppe",
        day: (2026, 9, 24),
        place: "Rathaus Dresden, Raum 12",
        video_link: "https://video.dresden.demo/steuerungsgruppe",
        excused: &["steuerung2"],
        minutes: "Beginn 16:00 Uhr, sechs Mitglieder anwesend, Herr Mitglied 2 entschuldigt.\nDas Protokoll der \
                  Sitzung vom 28. Mai 2026 wird genehmigt.\nDie Nachbesetzung der zwei freien Stadträume wird \
                  vertagt, bis die Bewertung der Interessenbekundungen vorliegt.",
        items: &[
            Item {
                title: "Aufruf Praxismodul ab 2027",
                about: About::Call(3),
                resolution: Some((
                    "Die Steuerungsgruppe stimmt dem Aufruf für die Sozialraumkoordinationsstellen ab 2027 zu.",
                    Topic::Funding,
                    vote(6, 0, 0),
                    &[],
                )),
                commissions: &[Commission {
                    to: To::Coordinator("koordination1"),
                    title: "Bestandsaufnahme der Elternarbeit im Stadtraum 1",
                    details: "Welche Angebote erreichen Eltern, welche nicht? Bitte mit Zahlen aus den Berichten.",
                    due: (2027, 1, 15),
                    notes: &[("koordination1", (2026, 11, 2), "Gespräche mit drei Kitas geführt, Auswertung läuft.")],
                    done: false,
                }],
            },
            Item {
                title: "Nachbesetzung freier Stadträume",
                about: About::Call(2),
                resolution: Some((
                    "Vertagt, bis die Bewertung der Interessenbekundungen vorliegt.",
                    Topic::Funding,
                    None,
                    &[],
                )),
                commissions: &[Commission {
                    to: To::ProjectCarrier,
                    title: "Auswertung des Fachtags",
                    details: "Kurze Auswertung mit den Rückmeldungen der Teilnehmenden für die Sitzung im Dezember.",
                    due: (2026, 11, 30),
                    notes: &[],
                    done: false,
                }],
            },
        ],
    },
    Meeting {
        title: "4. Sitzung 2026 der Steuerungsgruppe",
        day: (2026, 11, 26),
        place: "",
        video_link: "https://video.dresden.demo/steuerungsgruppe",
        excused: &[],
        minutes: "Videokonferenz, Beginn 16:00 Uhr, alle Mitglieder anwesend.\nDas Protokoll der Sitzung vom \
                  24. September 2026 wird genehmigt.\nDie Bewertung der Interessenbekundungen läuft noch; die \
                  Empfehlung folgt in der nächsten Sitzung.",
        items: &[
            Item {
                title: "Bewertung der Interessenbekundungen: Stand",
                about: About::Ranking(2),
                resolution: Some(("Vertagt auf die nächste Sitzung.", Topic::Funding, None, &[])),
                commissions: &[],
            },
            Item {
                title: "Haushalt 2027",
                about: About::BudgetYear(2027),
                resolution: Some((
                    "Die Steuerungsgruppe empfiehlt, den Ansatz für das Praxismodul 2027 unverändert fortzuschreiben.",
                    Topic::Budget,
                    vote(6, 1, 0),
                    &[],
                )),
                commissions: &[],
            },
        ],
    },
];

fn day((y, m, d): (i32, u32, u32)) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| AppError::internal("demo day"))
}

async fn user(db: &impl ConnectionTrait, scope: &TenantScope, name: &str) -> Result<Uuid, AppError> {
    super::reports::user_id(db, scope, &format!("{name}@dresden.demo")).await
}

/// Writes the meetings held up to `now`, and plans the next one. `calls` are the demo's calls in order.
pub async fn history(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    calls: &[Uuid],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let members = app::store::evaluation::steering_members(db, scope).await?;
    let quorum = u32::try_from(app::store::awards::quorum(db, scope).await?).unwrap_or(4);
    let carrier_seat = user(db, scope, "steuerung7").await?;
    let project_carrier = members
        .iter()
        .find(|m| m.id == carrier_seat)
        .and_then(|m| m.roles.iter().find_map(|r| r.organisation_id()))
        .ok_or_else(|| AppError::internal("demo project carrier"))?;
    let mut held: Vec<(Uuid, DateTime<Utc>)> = Vec::new();
    let mut numbers = std::collections::HashMap::<i32, u32>::new();
    for planned in &MEETINGS {
        let starts_at = super::reports::berlin(day(planned.day)?, 16)?;
        if starts_at + Duration::hours(2) > now {
            break;
        }
        // Planned and invited four weeks ahead.
        let input = MeetingInput {
            title: planned.title.into(),
            starts_at,
            duration_minutes: 120,
            place: planned.place.into(),
            video_link: planned.video_link.into(),
        }
        .checked()
        .map_err(|p| AppError::internal(format!("demo meeting: {p:?}")))?;
        let meeting = store::create_meeting(db, scope, &input, carrier_seat, starts_at - Duration::days(28)).await?;
        let mut excused = Vec::new();
        for name in planned.excused {
            excused.push(user(db, scope, name).await?);
        }
        let attendance: Vec<(Uuid, Attendance)> = members
            .iter()
            .map(|m| (m.id, if excused.contains(&m.id) { Attendance::Excused } else { Attendance::Present }))
            .collect();
        store::set_attendance(db, scope, meeting.id, &attendance).await?;
        let present = u32::try_from(attendance.iter().filter(|(_, a)| *a == Attendance::Present).count()).unwrap_or(0);
        let decided_at = starts_at + Duration::minutes(90);
        let given_on = day(planned.day)?;
        for item in planned.items {
            let subject = match item.about {
                About::Nothing => None,
                About::BudgetYear(year) => Some(Subject { kind: SubjectKind::BudgetYear, reference: year.to_string() }),
                About::Call(index) => {
                    calls.get(index).map(|id| Subject { kind: SubjectKind::Call, reference: id.to_string() })
                }
                About::Ranking(index) => {
                    calls.get(index).map(|id| Subject { kind: SubjectKind::Ranking, reference: id.to_string() })
                }
            };
            let row = store::add_agenda_item(db, scope, meeting.id, &AgendaInput { title: item.title.into(), subject })
                .await?;
            let Some((text, topic, vote, recused)) = item.resolution else { continue };
            let mut recused_ids = Vec::new();
            for name in recused {
                recused_ids.push(user(db, scope, name).await?);
            }
            store::set_recusals(db, scope, row.id, &recused_ids).await?;
            let q = Quorum::of(quorum, present, u32::try_from(recused_ids.len()).unwrap_or(0));
            let outcome = match vote {
                Some(vote) => decide(vote, q).map_err(|e| AppError::internal(format!("demo vote: {e}")))?,
                None => Outcome::Deferred,
            };
            let year = planned.day.0;
            let next = numbers.entry(year).or_insert(0);
            *next += 1;
            let input =
                ResolutionInput { text: text.into(), topic, vote: vote.unwrap_or_default(), deferred: vote.is_none() };
            let row =
                store::record_resolution(db, row, format!("{year}/{:02}", *next), &input, outcome, decided_at).await?;
            for commission in item.commissions {
                let assignee = match commission.to {
                    To::Coordinator(name) => Assignee::Coordinator { user_id: user(db, scope, name).await? },
                    To::ProjectCarrier => Assignee::ProjectCarrier { organisation_id: project_carrier },
                    To::YouthOffice => Assignee::YouthOffice,
                };
                let input = CommissionInput {
                    title: commission.title.into(),
                    details: commission.details.into(),
                    assignee,
                    due_on: day(commission.due)?,
                    agenda_item_id: Some(row.id),
                };
                let row = store::add_commission(db, scope, &input, given_on, carrier_seat, decided_at).await?;
                let last = commission.notes.len().saturating_sub(1);
                for (index, (author, on, note)) in commission.notes.iter().enumerate() {
                    let at = super::reports::berlin(day(*on)?, 10)?;
                    if at > now {
                        break;
                    }
                    let closes = commission.done && index == last;
                    store::add_note(db, scope, &row, note, closes, user(db, scope, author).await?, at).await?;
                }
            }
        }
        // Written by the project carrier's seat the week after, and sent round.
        let written = starts_at + Duration::days(7);
        let mut change: model::entity::meeting::ActiveModel = meeting.clone().into();
        change.minutes_text = Set(planned.minutes.into());
        change.minutes_updated_at = Set(Some(written.min(now)));
        change.invited_at = Set(Some(starts_at - Duration::days(21)));
        change.invitation_sequence = Set(1);
        change.minutes_state = Set(MinutesState::Circulated.as_str().to_owned());
        store::update_meeting(db, change).await?;
        // The meeting approves the minutes of the one before.
        if let Some((previous, _)) = held.last() {
            let before = store::meeting(db, scope, *previous).await?;
            let mut change: model::entity::meeting::ActiveModel = before.into();
            change.minutes_state = Set(MinutesState::Approved.as_str().to_owned());
            change.approved_at_meeting_id = Set(Some(meeting.id));
            store::update_meeting(db, change).await?;
        }
        held.push((meeting.id, starts_at));
    }
    // The next meeting, planned at the last one for about six weeks ahead, on a Thursday at four.
    let last = held.last().map_or(now, |(_, at)| *at);
    let mut next_day = (now + Duration::days(42)).with_timezone(&model::datetime::DEFAULT_TIME_ZONE).date_naive();
    while chrono::Datelike::weekday(&next_day) != chrono::Weekday::Thu {
        next_day += Duration::days(1);
    }
    let input = MeetingInput {
        title: format!("Sitzung der Steuerungsgruppe am {}", model::datetime::format_day(next_day, model::Locale::De)),
        starts_at: super::reports::berlin(next_day, 16)?,
        duration_minutes: 120,
        place: "Rathaus Dresden, Raum 12".into(),
        video_link: String::new(),
    };
    let next = store::create_meeting(db, scope, &input, carrier_seat, last.min(now)).await?;
    if !held.is_empty() {
        let title = "Genehmigung des Protokolls der letzten Sitzung";
        store::add_agenda_item(db, scope, next.id, &AgendaInput { title: title.into(), subject: None }).await?;
    }
    Ok(())
}
