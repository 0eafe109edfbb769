//! The steering group's business (issue 15) over the API: the project carrier's seat prepares a meeting,
//! invites with an iCalendar file, records attendance, recusals and resolutions (quorum and vote counting
//! by the model's rules) and keeps the minutes until a later meeting approves and freezes them; commissions
//! reach whom they are addressed to and nobody else (bodies checked), with progress, closing and reminders;
//! the register filters and exports; the demo's year of meetings.

use crate::support::{Api, TestApp};
use chrono::{Duration, TimeZone, Utc};
use model::entity::{audit_entry, meeting, user};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("json ({e}): {text}"))
}

fn id(value: &Value) -> String {
    value.as_str().unwrap_or_else(|| panic!("an id: {value}")).to_owned()
}

async fn user_id(app: &TestApp, email: &str) -> String {
    let db = app.db().await;
    let row = user::Entity::find().filter(user::Column::Email.eq(email)).one(&db).await.expect("query").expect(email);
    row.id.to_string()
}

async fn as_user<'a>(app: &'a TestApp, email: &str) -> Api<'a> {
    Api { app, token: Some(app.token("dresden", email).await) }
}

fn future(days: i64) -> String {
    (Utc::now() + Duration::days(days)).to_rfc3339()
}

#[tokio::test]
async fn the_project_carrier_prepares_a_meeting_and_keeps_its_minutes_until_they_are_approved() {
    let app = TestApp::spawn().await;
    let carrier_seat = Api { app: &app, token: Some(app.token("dresden", "steuerung7@dresden.demo").await) };
    let member = Api { app: &app, token: Some(app.token("dresden", "steuerung4@dresden.demo").await) };

    // Planning: a place or a link is needed; only the project carrier's seat plans.
    let planned =
        json!({"title": "Sondersitzung", "starts_at": future(10), "duration_minutes": 90, "place": "Rathaus"});
    let (status, body) = carrier_seat
        .post("/meetings", json!({"title": "Ohne Ort", "starts_at": future(10), "duration_minutes": 90}))
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("place"), "{body}");
    assert_eq!(member.post("/meetings", planned.clone()).await.0, 403);
    let (status, body) = carrier_seat.post("/meetings", planned).await;
    assert_eq!(status, 201, "{body}");
    let meeting = id(&json(&body)["summary"]["id"]);
    assert_eq!(json(&body)["summary"]["minutes_state"], "draft");
    assert_eq!(json(&body)["composition"]["as_resolved"], true, "the demo's group is 3/3/1");
    assert_eq!(json(&body)["may_invite"], true, "it lies ahead");
    let db = app.db().await;
    let held = meeting::Entity::find()
        .filter(meeting::Column::MinutesState.eq("circulated"))
        .one(&db)
        .await
        .expect("q")
        .expect("held");
    let (_, past) = carrier_seat.get(&format!("/meetings/{}", held.id)).await;
    assert_eq!(
        (json(&past)["may_prepare"].as_bool(), json(&past)["may_invite"].as_bool()),
        (Some(true), Some(false)),
        "a past meeting is not invited to"
    );
    assert_eq!(carrier_seat.post(&format!("/meetings/{}/invitation", held.id), json!({})).await.0, 422);

    // The agenda names what it is about; a subject must be the tenant's.
    let agenda = format!("/meetings/{meeting}/agenda");
    let stranger = uuid::Uuid::new_v4().to_string();
    let (status, body) =
        carrier_seat.post(&agenda, json!({"title": "Fremd", "subject": {"kind": "call", "reference": stranger}})).await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = carrier_seat
        .post(&agenda, json!({"title": "Haushalt 2027", "subject": {"kind": "budget_year", "reference": "2027"}}))
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = carrier_seat.post(&agenda, json!({"title": "Verschiedenes"})).await;
    assert_eq!(status, 201, "{body}");
    let view = json(&body);
    let items: Vec<String> = view["agenda"].as_array().expect("agenda").iter().map(|i| id(&i["id"])).collect();
    assert_eq!(items.len(), 2);
    assert_eq!(view["agenda"][0]["subject"]["kind"], "budget_year");

    // The invitation: one mail per member with the agenda and a calendar file.
    let (status, body) = carrier_seat.post(&format!("/meetings/{meeting}/invitation"), json!({})).await;
    assert_eq!(status, 200, "{body}");
    app.run_jobs(Utc::now()).await;
    for n in 1..=7 {
        let mails: Vec<String> = app
            .outbox()
            .into_iter()
            .filter(|m| m.contains(&format!("To: steuerung{n}@dresden.demo")) && m.contains("Sondersitzung"))
            .collect();
        assert_eq!(mails.len(), 1, "steuerung{n}");
        let mail = &mails[0];
        for expected in
            ["text/calendar", "METHOD:REQUEST", "BEGIN:VEVENT", "SEQUENCE:1", "Haushalt 2027", "LOCATION:Rathaus"]
        {
            assert!(mail.contains(expected), "{expected} in {mail}");
        }
    }
    assert!(app.outbox().iter().all(|m| !m.contains("To: koordination1") || !m.contains("Sondersitzung")));

    // Attendance: five present, so the quorum of four is there; two recused leave three, one leaves four.
    let members: Vec<String> = member_ids(&app, 1..=7).await;
    let attendance: Vec<Value> = members
        .iter()
        .enumerate()
        .map(|(i, m)| json!({"user_id": m, "attendance": if i < 5 { "present" } else { "excused" }}))
        .collect();
    assert_eq!(member.put(&format!("/meetings/{meeting}/attendance"), json!(attendance.clone())).await.0, 403);
    let (status, body) = carrier_seat.put(&format!("/meetings/{meeting}/attendance"), json!(attendance)).await;
    assert_eq!(status, 200, "{body}");
    let recusals = format!("/agenda-items/{}/recusals", items[0]);
    let (status, body) = carrier_seat.put(&recusals, json!([members[0], members[1]])).await;
    assert_eq!(status, 200, "{body}");
    let quorum = &json(&body)["agenda"][0]["quorum"];
    assert_eq!(
        (quorum["present"].as_u64(), quorum["eligible"].as_u64(), quorum["reached"].as_bool()),
        (Some(5), Some(3), Some(false))
    );
    let resolution = format!("/agenda-items/{}/resolution", items[0]);
    let vote = |yes: u32, no: u32, abstain: u32| json!({"text": "Der Ansatz 2027 wird fortgeschrieben.", "topic": "budget", "vote": {"yes": yes, "no": no, "abstain": abstain}});
    let (status, body) = carrier_seat.put(&resolution, vote(3, 0, 0)).await;
    assert_eq!(status, 422, "not quorate: {body}");
    assert!(body.contains("beschlussfähig"), "{body}");
    carrier_seat.put(&recusals, json!([members[0]])).await;
    let (status, body) = carrier_seat.put(&resolution, vote(4, 1, 0)).await;
    assert_eq!(status, 422, "five votes, four may vote: {body}");
    let (status, body) = carrier_seat.put(&resolution, vote(2, 2, 0)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["agenda"][0]["resolution"]["outcome"], "rejected", "a tie fails");
    let number = id(&json(&body)["agenda"][0]["resolution"]["number"]);
    let (_, body) = carrier_seat.put(&resolution, vote(3, 0, 1)).await;
    let recorded = &json(&body)["agenda"][0]["resolution"];
    assert_eq!(recorded["outcome"], "adopted");
    assert_eq!(recorded["number"], number.as_str(), "a correction keeps the number");
    let year = (Utc::now() + Duration::days(10)).format("%Y").to_string();
    assert!(number.starts_with(&format!("{year}/")), "{number}");
    let (status, body) = carrier_seat
        .put(
            &format!("/agenda-items/{}/resolution", items[1]),
            json!({"text": "Vertagt.", "topic": "procedure", "deferred": true}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["agenda"][1]["resolution"]["outcome"], "deferred");
    assert_eq!(json(&body)["agenda"][1]["resolution"]["vote"], Value::Null);

    // Minutes: written, circulated, corrected, approved by a later meeting only, then frozen.
    let minutes = format!("/meetings/{meeting}/minutes");
    assert_eq!(member.put(&minutes, json!({"text": "Von mir"})).await.0, 403);
    assert_eq!(carrier_seat.put(&minutes, json!({"text": "Beginn 16 Uhr."})).await.0, 200);
    let approval = format!("/meetings/{meeting}/minutes/approval");
    let (_, later) = carrier_seat
        .post("/meetings", json!({"title": "Folgesitzung", "starts_at": future(40), "duration_minutes": 90, "video_link": "https://video.example/s"}))
        .await;
    let later = id(&json(&later)["summary"]["id"]);
    let (status, body) = carrier_seat.post(&approval, json!({"at": later})).await;
    assert_eq!(status, 422, "not circulated: {body}");
    assert_eq!(carrier_seat.post(&format!("/meetings/{meeting}/minutes/circulation"), json!({})).await.0, 200);
    assert_eq!(
        carrier_seat.put(&minutes, json!({"text": "Beginn 16:05 Uhr."})).await.0,
        200,
        "corrections until approval"
    );
    let earlier = meeting::Entity::find()
        .filter(meeting::Column::MinutesState.eq("approved"))
        .one(&db)
        .await
        .expect("query")
        .expect("a demo meeting");
    let (status, body) = carrier_seat.post(&approval, json!({"at": earlier.id})).await;
    assert_eq!(status, 422, "an earlier meeting does not approve: {body}");
    let (status, body) = carrier_seat.post(&approval, json!({"at": later})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["summary"]["minutes_state"], "approved");
    assert_eq!(json(&body)["minutes_text"], "Beginn 16:05 Uhr.");
    for (status, what) in [
        (carrier_seat.put(&minutes, json!({"text": "Später"})).await.0, "the text"),
        (carrier_seat.put(&resolution, vote(4, 0, 0)).await.0, "a resolution"),
        (carrier_seat.put(&recusals, json!([])).await.0, "recusals"),
        (carrier_seat.post(&agenda, json!({"title": "Nachtrag"})).await.0, "the agenda"),
        (carrier_seat.post(&format!("/meetings/{meeting}/minutes/circulation"), json!({})).await.0, "circulation"),
    ] {
        assert_eq!(status, 409, "approved minutes freeze {what}");
    }

    // Every change is audited, the correction with the text before and after.
    let audited: Vec<audit_entry::Model> = audit_entry::Entity::find()
        .filter(audit_entry::Column::ObjectId.eq(meeting.clone()))
        .all(&db)
        .await
        .expect("audit");
    let actions: Vec<&str> = audited.iter().map(|e| e.action.as_str()).collect();
    for action in [
        "steering.meeting_planned",
        "steering.invited",
        "steering.attendance_recorded",
        "steering.minutes_written",
        "steering.minutes_circulated",
        "steering.minutes_approved",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    let correction = audited
        .iter()
        .find(|e| {
            e.action == "steering.minutes_written" && e.after_json.as_deref().is_some_and(|a| a.contains("16:05"))
        })
        .expect("the correction");
    assert!(correction.before_json.as_deref().is_some_and(|b| b.contains("Beginn 16 Uhr.")), "{correction:?}");

    // A member the group names writes the minutes of that meeting, and no other member does.
    let writer = members[3].clone();
    let (status, body) = member.get(&format!("/meetings/{later}")).await;
    assert_eq!((status, json(&body)["may_write"].as_bool()), (200, Some(false)));
    let page_writer = app.signed_in("dresden", "steuerung7@dresden.demo").await;
    let named = app.call(&page_writer, "name_minutes_writer", &[("meeting", &later), ("writer", &writer)]).await;
    assert!(named.status().is_success(), "{}", named.text().await.unwrap_or_default());
    assert_eq!(
        member.put(&format!("/meetings/{later}/minutes"), json!({"text": "Protokoll von Mitglied 4"})).await.0,
        200
    );
    let other = Api { app: &app, token: Some(app.token("dresden", "steuerung5@dresden.demo").await) };
    assert_eq!(other.put(&format!("/meetings/{later}/minutes"), json!({"text": "Nein"})).await.0, 403);
}

/// The ids of `steuerung<n>` for each n.
async fn member_ids(app: &TestApp, range: std::ops::RangeInclusive<u32>) -> Vec<String> {
    let mut ids = Vec::new();
    for n in range {
        ids.push(user_id(app, &format!("steuerung{n}@dresden.demo")).await);
    }
    ids
}

#[tokio::test]
async fn commissions_reach_whom_they_are_addressed_to_and_nobody_else() {
    let app = TestApp::spawn().await;
    let carrier_seat = Api { app: &app, token: Some(app.token("dresden", "steuerung7@dresden.demo").await) };
    let koordination2 = user_id(&app, "koordination2@dresden.demo").await;
    let db = app.db().await;
    let elbaue = model::entity::organisation::Entity::find()
        .filter(model::entity::organisation::Column::Name.eq("Jugendwerk Elbaue e. V."))
        .one(&db)
        .await
        .expect("query")
        .expect("the project carrier");
    let due = (Utc::now() + Duration::days(20)).format("%Y-%m-%d").to_string();
    let give = |title: &str, assignee: Value| json!({"title": title, "details": "Bitte bis zur Frist.", "assignee": assignee, "due_on": due});
    let yesterday = (Utc::now() - Duration::days(2)).format("%Y-%m-%d").to_string();
    let (status, body) = carrier_seat
        .post("/commissions", json!({"title": "Zu spät", "assignee": {"kind": "youth_office"}, "due_on": yesterday}))
        .await;
    assert_eq!(status, 422, "due before today: {body}");
    let coordinator = json!({"kind": "coordinator", "user_id": user_id(&app, "steuerung1@dresden.demo").await});
    assert_eq!(carrier_seat.post("/commissions", give("Kein Koordinator", coordinator)).await.0, 422);
    let mut given = Vec::new();
    for (title, assignee) in [
        ("Geheimauftrag an Koordination 2", json!({"kind": "coordinator", "user_id": koordination2})),
        ("Auftrag an das Jugendamt", json!({"kind": "youth_office"})),
        ("Auftrag an den Projektträger", json!({"kind": "project_carrier", "organisation_id": elbaue.id})),
    ] {
        let (status, body) = carrier_seat.post("/commissions", give(title, assignee)).await;
        assert_eq!(status, 201, "{body}");
        given.push(id(&json(&body)["summary"]["id"]));
    }
    let member = as_user(&app, "steuerung4@dresden.demo").await;
    assert_eq!(member.post("/commissions", give("Vom Mitglied", json!({"kind": "youth_office"}))).await.0, 403);

    let titles = ["Geheimauftrag an Koordination 2", "Auftrag an das Jugendamt", "Auftrag an den Projektträger"];
    let demo_k1 = "Bestandsaufnahme der Elternarbeit im Stadtraum 1";
    // (who, which of the three they see)
    let cases: [(&str, [bool; 3]); 7] = [
        ("admin@dresden.demo", [true, true, true]),
        ("steuerung4@dresden.demo", [true, true, true]),
        ("koordination1@dresden.demo", [false, false, false]),
        ("koordination2@dresden.demo", [true, false, false]),
        ("traeger1@dresden.demo", [false, false, true]),
        ("traeger2@dresden.demo", [false, false, false]),
        ("bezirk1@dresden.demo", [false, false, false]),
    ];
    for (email, sees) in cases {
        let api = as_user(&app, email).await;
        let (status, body) = api.get("/commissions").await;
        assert_eq!(status, 200, "{email}: {body}");
        for (title, expected) in titles.iter().zip(sees) {
            assert_eq!(body.contains(title), expected, "{email} and {title}: {body}");
        }
        assert_eq!(
            body.contains(demo_k1),
            email.starts_with("admin") || email.starts_with("steuerung") || email.starts_with("koordination1"),
            "{email}: {body}"
        );
        for (commission, (title, expected)) in given.iter().zip(titles.iter().zip(sees)) {
            let (status, body) = api.get(&format!("/commissions/{commission}")).await;
            assert_eq!(status, if expected { 200 } else { 404 }, "{email} reads {title}: {body}");
            assert_eq!(body.contains(title), expected, "{email}: {body}");
        }
    }
    let visitor = Api { app: &app, token: None };
    let stranger = Api { app: &app, token: Some(app.token("musterstadt", "admin@musterstadt.demo").await) };
    for (who, api) in [("a visitor", &visitor), ("another city", &stranger)] {
        let (status, body) = api.get("/commissions").await;
        assert_eq!(status, 401, "{who}");
        let (status, one) = api.get(&format!("/commissions/{}", given[0])).await;
        assert_eq!(status, 401, "{who}");
        for title in titles.iter().chain([&demo_k1]) {
            assert!(!body.contains(title) && !one.contains(title), "{who}: {body} {one}");
        }
    }

    // The meetings and the register are the group's and the administration's alone.
    for email in ["traeger1@dresden.demo", "koordination1@dresden.demo", "bezirk1@dresden.demo"] {
        let api = as_user(&app, email).await;
        for path in ["/meetings", "/resolutions"] {
            let (status, body) = api.get(path).await;
            assert_eq!(status, 403, "{email} {path}");
            assert!(!body.contains("Sitzung") && !body.contains("2026/"), "{email}: {body}");
        }
    }
    for api in [&visitor, &stranger] {
        let (status, body) = api.get("/meetings").await;
        assert_eq!(status, 401);
        assert!(!body.contains("Sitzung"), "{body}");
    }
    let (status, body) = as_user(&app, "admin@dresden.demo").await.get("/meetings").await;
    assert_eq!(status, 200);
    assert!(body.contains("3. Sitzung 2026 der Steuerungsgruppe"), "{body}");

    // The assignee reports progress and closes; a closed commission takes nothing more.
    let coordinator2 = as_user(&app, "koordination2@dresden.demo").await;
    let progress = format!("/commissions/{}/progress", given[0]);
    assert_eq!(
        as_user(&app, "koordination1@dresden.demo").await.post(&progress, json!({"note": "Fremd"})).await.0,
        404
    );
    assert_eq!(member.post(&progress, json!({"note": "Mitglied"})).await.0, 403, "members read, assignees report");
    assert_eq!(coordinator2.post(&progress, json!({"note": ""})).await.0, 422);
    let (status, body) = coordinator2.post(&progress, json!({"note": "Begonnen."})).await;
    assert_eq!((status, json(&body)["summary"]["state"].as_str()), (200, Some("open")), "{body}");
    let (status, body) = coordinator2.post(&progress, json!({"note": "Fertig.", "close": true})).await;
    assert_eq!((status, json(&body)["summary"]["state"].as_str()), (200, Some("done")), "{body}");
    assert_eq!(json(&body)["notes"].as_array().map(Vec::len), Some(2));
    assert_eq!(coordinator2.post(&progress, json!({"note": "Noch was"})).await.0, 409);
    // The youth office's commission is the administration's to answer.
    let (status, body) = as_user(&app, "admin@dresden.demo")
        .await
        .post(&format!("/commissions/{}/progress", given[1]), json!({"note": "Angemeldet."}))
        .await;
    assert_eq!(status, 200, "{body}");
    // The project carrier's members answer theirs.
    let (status, _) = as_user(&app, "traeger1@dresden.demo")
        .await
        .post(&format!("/commissions/{}/progress", given[2]), json!({"note": "In Arbeit."}))
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn open_commissions_are_reminded_a_week_before_on_the_day_and_the_day_after() {
    let app = TestApp::spawn().await;
    let carrier_seat = Api { app: &app, token: Some(app.token("dresden", "steuerung7@dresden.demo").await) };
    let koordination3 = user_id(&app, "koordination3@dresden.demo").await;
    let title = "Elternbefragung auswerten";
    let (status, body) = carrier_seat
        .post("/commissions", json!({"title": title, "assignee": {"kind": "coordinator", "user_id": koordination3}, "due_on": "2030-03-15"}))
        .await;
    assert_eq!(status, 201, "{body}");
    let count = |address: &str| {
        app.outbox().iter().filter(|m| m.contains(&format!("To: {address}")) && m.contains(title)).count()
    };
    let counts =
        || [count("koordination3@dresden.demo"), count("steuerung7@dresden.demo"), count("koordination1@dresden.demo")];
    let morning = |day: u32| Utc.with_ymd_and_hms(2030, 3, day, 7, 0, 0).single().expect("time");
    app.run_jobs(morning(7)).await;
    assert_eq!(counts(), [0, 0, 0], "eight days before: nothing");
    app.run_jobs(morning(8)).await;
    app.run_jobs(morning(8) + Duration::hours(2)).await;
    assert_eq!(counts(), [1, 0, 0], "a week before, once");
    app.run_jobs(morning(15)).await;
    assert_eq!(counts(), [2, 0, 0], "on the day");
    app.run_jobs(morning(16)).await;
    assert_eq!(counts(), [3, 1, 0], "the day after, also to the project carrier's seat");
    let overdue =
        app.outbox().into_iter().rev().find(|m| m.contains("To: steuerung7") && m.contains(title)).expect("mail");
    assert!(overdue.contains("Commission overdue") && overdue.contains("15.03.2030"), "{overdue}");
    app.run_jobs(morning(17)).await;
    assert_eq!(counts(), [3, 1, 0], "then no more");

    // Closed commissions are not reminded.
    let db = app.db().await;
    let assignee = user::Entity::find()
        .filter(user::Column::Email.eq("koordination3@dresden.demo"))
        .one(&db)
        .await
        .expect("q")
        .expect("u");
    let notices = app::notify::of_user(&db, assignee.id).await.expect("notices");
    use app::notifications::Kind;
    let kinds: Vec<Kind> = notices.iter().filter(|n| n.params.call_title == title).map(|n| n.kind).collect();
    assert_eq!(kinds, [Kind::CommissionOverdue, Kind::CommissionDueToday, Kind::CommissionDueSoon]);
    // A closed commission is not reminded.
    let closed = "Schon erledigt";
    let (_, body) = carrier_seat
        .post("/commissions", json!({"title": closed, "assignee": {"kind": "coordinator", "user_id": koordination3}, "due_on": "2030-04-15"}))
        .await;
    let coordinator = Api { app: &app, token: Some(app.token("dresden", "koordination3@dresden.demo").await) };
    let progress = format!("/commissions/{}/progress", id(&json(&body)["summary"]["id"]));
    assert_eq!(coordinator.post(&progress, json!({"note": "Erledigt.", "close": true})).await.0, 200);
    for day in [8, 15, 16] {
        app.run_jobs(Utc.with_ymd_and_hms(2030, 4, day, 7, 0, 0).single().expect("time")).await;
    }
    assert!(app.outbox().iter().all(|m| !m.contains(closed)), "no reminder of a closed commission");
}

#[tokio::test]
async fn the_register_filters_and_exports_what_the_group_resolved() {
    let app = TestApp::spawn().await;
    let admin = Api { app: &app, token: Some(app.token("dresden", "admin@dresden.demo").await) };
    let rows = |body: &str| json(body).as_array().expect("rows").clone();
    let (status, all) = admin.get("/resolutions").await;
    assert_eq!(status, 200, "{all}");
    let all = rows(&all);
    assert_eq!(all.len(), 8, "the demo's resolutions");
    let (_, year) = admin.get("/resolutions?year=2025").await;
    let year = rows(&year);
    assert_eq!(year.len(), 1);
    assert_eq!(year[0]["resolution"]["number"], "2025/01");
    let (_, budget) = admin.get("/resolutions?topic=budget").await;
    assert!(rows(&budget).iter().all(|r| r["resolution"]["topic"] == "budget") && rows(&budget).len() == 2);
    let (_, deferred) = admin.get("/resolutions?outcome=deferred").await;
    assert!(rows(&deferred).iter().all(|r| r["resolution"]["vote"].is_null()) && rows(&deferred).len() == 2);
    let (_, found) = admin.get("/resolutions?q=steuerungsmodul%20elbaue").await;
    let found = rows(&found);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0]["resolution"]["vote"],
        json!({"yes": 5, "no": 0, "abstain": 1}),
        "the carrier's seat was recused"
    );
    assert_eq!(admin.get("/resolutions?topic=wetter").await.0, 422);
    assert_eq!(admin.get("/resolutions?year=zwanzig").await.0, 400);

    let (status, csv) = admin.get("/resolutions?format=csv&year=2026").await;
    assert_eq!(status, 200);
    assert!(csv.contains("Nr.") && csv.contains("2026/01") && !csv.contains("2025/01"), "{csv}");
    let token = admin.token.clone().expect("token");
    for (query, magic) in [("format=pdf", &b"%PDF"[..]), ("format=xlsx", &b"PK"[..])] {
        let response =
            app.client.get(admin.url(&format!("/resolutions?{query}"))).bearer_auth(&token).send().await.expect("get");
        assert!(response.bytes().await.expect("bytes").starts_with(magic), "{query}");
    }
    assert_eq!(admin.get("/resolutions?format=doc").await.0, 404);
    // The yearly committee report accounts for the year's resolutions.
    let (status, report) = admin.send(app.client.get(app.url("/api/v1/tenants/dresden/committee-reports/2026"))).await;
    assert_eq!(status, 200);
    let report = json(&report);
    let numbers: Vec<&str> = report["resolutions"]
        .as_array()
        .expect("resolutions")
        .iter()
        .filter_map(|r| r["resolution"]["number"].as_str())
        .collect();
    assert_eq!(numbers, ["2026/01", "2026/02", "2026/03", "2026/04", "2026/05", "2026/06", "2026/07"], "oldest first");
    let (_, csv) = admin.send(app.client.get(app.url("/api/v1/tenants/dresden/committee-reports/2026.csv"))).await;
    assert!(csv.contains("Beschlüsse der Steuerungsgruppe 2026") && csv.contains("2026/07"), "{csv}");
    // The page's download, with the page's filter.
    let browser = app.signed_in("dresden", "steuerung4@dresden.demo").await;
    let page = browser
        .get(app.url("/dresden/resolution-register/beschluesse.csv?year=2025&topic=&q="))
        .send()
        .await
        .expect("get");
    assert_eq!(page.status(), 200);
    let text = page.text().await.expect("text");
    assert!(text.contains("2025/01") && !text.contains("2026/"), "{text}");
}

#[tokio::test]
async fn the_demo_holds_a_year_of_meetings_and_nothing_after_today() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let now = Utc::now();
    let meetings = meeting::Entity::find().all(&db).await.expect("meetings");
    let held: Vec<&meeting::Model> = meetings.iter().filter(|m| m.starts_at <= now).collect();
    assert_eq!(held.len(), 5, "November 2025 to November 2026");
    assert_eq!(held.iter().filter(|m| m.minutes_state == "approved").count(), 4);
    assert_eq!(held.iter().filter(|m| m.minutes_state == "circulated").count(), 1, "the last awaits approval");
    let planned: Vec<&meeting::Model> = meetings.iter().filter(|m| m.starts_at > now).collect();
    assert_eq!(planned.len(), 1, "the next meeting is planned");
    for m in &meetings {
        assert!(
            m.created_at <= now
                && m.invited_at.is_none_or(|t| t <= now)
                && m.minutes_updated_at.is_none_or(|t| t <= now)
        );
    }
    for c in model::entity::commission::Entity::find().all(&db).await.expect("commissions") {
        assert!(c.created_at <= now && c.closed_at.is_none_or(|t| t <= now), "{c:?}");
    }
    for n in model::entity::commission_update::Entity::find().all(&db).await.expect("notes") {
        assert!(n.created_at <= now, "{n:?}");
    }
    for item in model::entity::agenda_item::Entity::find().all(&db).await.expect("items") {
        assert!(item.decided_at.is_none_or(|t| t <= now), "{item:?}");
    }
}

#[tokio::test]
async fn the_project_carrier_attaches_papers_that_the_group_reads() {
    let app = TestApp::spawn().await;
    let carrier_seat = as_user(&app, "steuerung7@dresden.demo").await;

    let (_, body) = carrier_seat
        .post(
            "/meetings",
            json!({"title": "Mit Unterlagen", "starts_at": future(5), "duration_minutes": 60, "place": "Rathaus"}),
        )
        .await;
    let meeting = id(&json(&body)["summary"]["id"]);
    let files = format!("/meetings/{meeting}/files");
    let pdf = app::attachments::samples::pdf("Haushaltsvorlage 2027");
    let member = as_user(&app, "steuerung4@dresden.demo").await;
    assert_eq!(member.upload(&files, pdf.clone(), "vorlage.pdf").await.0, 403, "members read, the seat attaches");
    assert_eq!(carrier_seat.upload(&files, b"kein PDF".to_vec(), "vorlage.pdf").await.0, 422);
    let (status, body) = carrier_seat.upload(&files, pdf.clone(), "vorlage.pdf").await;
    assert_eq!(status, 201, "{body}");
    let file = id(&json(&body)["id"]);
    let (_, view) = member.get(&format!("/meetings/{meeting}")).await;
    assert_eq!(json(&view)["files"][0]["file_name"], "vorlage.pdf");
    let response = app
        .client
        .get(member.url(&format!("/meetings/{meeting}/files/{file}")))
        .bearer_auth(member.token.clone().expect("t"))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.expect("bytes").to_vec(), pdf);
    let coordinator = as_user(&app, "koordination1@dresden.demo").await;
    let (status, body) = coordinator.get(&format!("/meetings/{meeting}/files/{file}")).await;
    assert_eq!(status, 403);
    assert!(!body.contains("%PDF") && !body.contains("vorlage"), "{body}");
}

#[tokio::test]
async fn a_meeting_warns_when_the_group_is_not_composed_three_three_one() {
    let app = TestApp::spawn().await;
    let member = as_user(&app, "steuerung4@dresden.demo").await;
    let db = app.db().await;
    let demo = meeting::Entity::find().one(&db).await.expect("query").expect("a demo meeting");
    let (_, body) = member.get(&format!("/meetings/{}", demo.id)).await;
    assert_eq!(json(&body)["composition"]["as_resolved"], true);
    // A committee seat falls vacant.
    let vacated = uuid::Uuid::parse_str(&user_id(&app, "steuerung6@dresden.demo").await).expect("uuid");
    model::entity::role_grant::Entity::delete_many()
        .filter(model::entity::role_grant::Column::UserId.eq(vacated))
        .exec(&db)
        .await
        .expect("vacate the seat");
    let (_, body) = member.get(&format!("/meetings/{}", demo.id)).await;
    let composition = &json(&body)["composition"];
    assert_eq!(
        (composition["as_resolved"].as_bool(), composition["committee"].as_u64()),
        (Some(false), Some(2)),
        "{composition}"
    );
    assert_eq!(json(&body)["attendance"].as_array().map(Vec::len), Some(6), "six members left");
    let browser = app.signed_in("dresden", "steuerung4@dresden.demo").await;
    let page = browser.get(app.url(&format!("/dresden/steering/meetings/{}", demo.id))).send().await.expect("page");
    let html = page.text().await.expect("html");
    assert!(html.contains("composition-warning") && html.contains("zurzeit 3 / 2 / 1"), "the page warns");
}
