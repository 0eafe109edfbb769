//! The objects the route sweep acts on, made afresh in each caller's server through the app's own
//! operations, so that every allowed call in the sweep has something real to act on and no call spoils
//! another's object (each destructive call gets an object of its own).

use crate::bids::{json, open_call};
use crate::support::{TestApp, link_token};
use chrono::{Duration, Utc};
use model::datetime::{DEFAULT_TIME_ZONE, local_input_value};
use model::entity::{bid, call_lot, organisation};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use std::collections::HashMap;

/// Values by placeholder name, filled into the sweep table's paths and arguments as `{name}`.
pub struct Fixtures(HashMap<&'static str, String>);

/// The sweep's caller's own account, or (for a visitor) the one the visitor signs in with.
pub struct Me<'a> {
    pub tenant: &'a str,
    pub email: &'a str,
    pub signed_in: Option<&'a reqwest::Client>,
}

const CARRIER: &str = "traeger1@dresden.demo";
pub const NEW_PASSWORD: &str = "ein-neues-Passwort-2026";

impl Fixtures {
    pub async fn prepare(app: &TestApp, me: Me<'_>) -> Fixtures {
        let mut values = HashMap::new();
        let db = app.db().await;
        let admin = app.signed_in("dresden", "admin@dresden.demo").await;
        let carrier = app.token("dresden", CARRIER).await;
        let api = |path: &str| app.url(&format!("/api/v1/tenants/dresden{path}"));

        // The open practice call, the closed steering call, and the carrier's bids in both.
        let open = open_call(app).await;
        let open_id = text(&open["summary"]["id"]);
        let lot = |i: usize| text(&open["lots"][i]["id"]);
        // Fresh closed calls with the demo's bidders, so the sweep's evaluation starts from nothing whatever
        // the demo's history holds.
        let steering =
            server::demo::fresh_closed_call(&db, model::call::Module::Steering, "Steuerung (Sweep)", Utc::now())
                .await
                .expect("a closed steering call");
        let practice =
            server::demo::fresh_closed_call(&db, model::call::Module::Practice, "Praxis (Sweep)", Utc::now())
                .await
                .expect("a closed practice call");
        let steering_lot = call_lot::Entity::find()
            .filter(call_lot::Column::CallId.eq(steering.id))
            .one(&db)
            .await
            .expect("query")
            .expect("its lot");
        let own = organisation::Entity::find()
            .filter(organisation::Column::Name.eq("Jugendwerk Elbaue e. V."))
            .one(&db)
            .await
            .expect("query")
            .expect("traeger1's organisation");
        let bid_in = |call_id: uuid::Uuid| {
            bid::Entity::find()
                .filter(bid::Column::CallId.eq(call_id))
                .filter(bid::Column::OrganisationId.eq(own.id))
                .order_by_asc(bid::Column::CreatedAt)
                .one(&db)
        };
        let closed_bid = bid_in(steering.id).await.expect("query").expect("a bid in the steering call");
        let submitted = bid_in(uuid::Uuid::parse_str(&open_id).expect("uuid")).await.expect("query").expect("bid");
        values.insert("open_call", open_id.clone());
        values.insert("lot_api_start", lot(9));
        values.insert("lot_fn_start", lot(10));
        values.insert("closed_call", steering.id.to_string());
        values.insert("closed_lot", steering_lot.id.to_string());
        values.insert("closed_bid", closed_bid.id.to_string());
        values.insert("submitted_bid", submitted.id.to_string());

        // Fresh bids of the carrier, one per destructive operation.
        let year = text(&open["summary"]["decision_date"])[..4].to_owned();
        let mut answers = serde_json::Map::new();
        for question in open["questions"].as_array().expect("questions") {
            answers.insert(text(&question["id"]), json!("Seit 2005 im Stadtteil aktiv."));
        }
        let complete = json!({"answers": answers, "amounts": {year: "30000"}, "fte": "0.5"});
        values.insert("complete", complete.to_string());
        let start = async |lot_id: String, filled: bool| {
            let started = app
                .client
                .post(api(&format!("/calls/{open_id}/lots/{lot_id}/bids")))
                .bearer_auth(&carrier)
                .send()
                .await
                .expect("start");
            assert_eq!(started.status(), StatusCode::CREATED, "start a bid");
            let id = text(&json(started).await["id"]);
            if filled {
                let saved = app
                    .client
                    .put(api(&format!("/bids/{id}/draft")))
                    .bearer_auth(&carrier)
                    .json(&complete)
                    .send()
                    .await
                    .expect("save");
                assert_eq!(saved.status(), StatusCode::OK, "save a complete draft");
            }
            id
        };
        values.insert("b_api", start(lot(4), false).await);
        let b_form = start(lot(5), true).await;
        let b_withdraw = start(lot(6), true).await;
        values.insert("b_submit", start(lot(7), true).await);
        let submitted =
            app.client.post(api(&format!("/bids/{b_withdraw}/submission"))).bearer_auth(&carrier).send().await;
        assert_eq!(submitted.expect("submit").status(), StatusCode::CREATED, "submit a bid");
        values.insert("b_withdraw", b_withdraw);
        for name in ["att_read", "att_delete", "att_remove"] {
            let part = reqwest::multipart::Part::bytes(app::attachments::samples::pdf(name)).file_name("konzept.pdf");
            let uploaded = app
                .client
                .post(api(&format!("/bids/{b_form}/attachments")))
                .bearer_auth(&carrier)
                .multipart(reqwest::multipart::Form::new().part("file", part))
                .send()
                .await
                .expect("upload");
            assert_eq!(uploaded.status(), StatusCode::CREATED, "upload");
            values.insert(name, text(&json(uploaded).await["id"]));
        }
        values.insert("b_form", b_form);
        let profile = app.client.get(api("/organisation")).bearer_auth(&carrier).send().await.expect("profile");
        values.insert("profile", json(profile).await["profile"].to_string());

        // Draft calls of the administration: one to edit, one to publish, one published to close.
        let when = |days: i64| local_input_value(Utc::now() + Duration::days(days), DEFAULT_TIME_ZONE);
        values.insert("opens", when(-1));
        values.insert("closes", when(10));
        values.insert("decides", (Utc::now() + Duration::days(30)).format("%Y-%m-%d").to_string());
        let draft = async |title: &str, questions: usize| {
            let form = [
                ("module", "practice".to_owned()),
                ("title", title.to_owned()),
                ("description", String::new()),
                ("opens_at", when(-1)),
                ("closes_at", when(10)),
                ("decision_date", (Utc::now() + Duration::days(30)).format("%Y-%m-%d").to_string()),
            ];
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let created = app.call(&admin, "create_call", &form).await;
            assert_eq!(created.status(), StatusCode::OK, "create a call");
            let id = created.headers()["location"].to_str().expect("ascii").rsplit('/').next().expect("id").to_owned();
            for n in 0..questions {
                let label = format!("Frage {n}");
                let question = [
                    ("call", id.as_str()),
                    ("kind", "short_text"),
                    ("label", label.as_str()),
                    ("help", ""),
                    ("required", "on"),
                    ("max_chars", ""),
                    ("options", ""),
                ];
                assert_eq!(app.call(&admin, "add_question", &question).await.status(), StatusCode::OK, "question");
            }
            let detail = json(app.call(&admin, "admin_call", &[("call", &id)]).await).await;
            (id, detail)
        };
        let (d_call, detail) = draft("Aufruf zum Bearbeiten", 2).await;
        values.insert("d_call", d_call);
        values.insert("d_q1", text(&detail["questions"][0]["id"]));
        values.insert("d_q2", text(&detail["questions"][1]["id"]));
        values.insert("d_lot1", text(&detail["lots"][0]["id"]));
        values.insert("d_lot2", text(&detail["lots"][1]["id"]));
        values.insert("e_call", draft("Aufruf zum Veröffentlichen", 1).await.0);
        let (p_call, _) = draft("Aufruf zum Schließen", 1).await;
        assert_eq!(app.call(&admin, "publish_call", &[("call", &p_call)]).await.status(), StatusCode::OK, "publish");
        values.insert("p_call", p_call);

        // The evaluation, as steuerung4 (a committee seat) leaves it: declared for every bidder of both closed
        // calls; in the steering call the carrier's bid scored and final, the other bid's sheet a draft; in the
        // practice call of 2018 one sheet final (to reopen) and two bids not started.
        let member = app.token("dresden", "steuerung4@dresden.demo").await;
        let mut bids_of = HashMap::new();
        let mut rubric_len = HashMap::new();
        for call_id in [steering.id, practice.id] {
            let url = api(&format!("/calls/{call_id}/evaluation"));
            let overview = json(app.client.get(&url).bearer_auth(&member).send().await.expect("evaluation")).await;
            let mut declarations = Vec::new();
            for lot in overview["lots"].as_array().expect("lots") {
                for bidder in lot["bidders"].as_array().expect("bidders") {
                    declarations.push(json!({"organisation_id": bidder["organisation_id"], "conflict": "none"}));
                }
            }
            let url = api(&format!("/calls/{call_id}/declarations"));
            let declared = app.client.put(&url).bearer_auth(&member).json(&declarations).send().await.expect("declare");
            assert_eq!(declared.status(), StatusCode::OK, "declare");
            let overview = json(declared).await;
            let bids: Vec<String> = overview["lots"]
                .as_array()
                .expect("lots")
                .iter()
                .flat_map(|lot| lot["bids"].as_array().expect("bids").iter().map(|b| text(&b["bid_id"])))
                .collect();
            rubric_len.insert(call_id, overview["rubric"].as_array().expect("rubric").len());
            bids_of.insert(call_id, bids);
        }
        let sheet = |n: usize| json!({"points": vec![3; n], "justifications": vec!["Schlüssig begründet."; n]});
        let score = async |bid: &str, n: usize, finalise: bool| {
            let saved =
                app.client.put(api(&format!("/bids/{bid}/scores/mine"))).bearer_auth(&member).json(&sheet(n)).send();
            assert_eq!(saved.await.expect("save").status(), StatusCode::OK, "save a sheet");
            if finalise {
                let url = api(&format!("/bids/{bid}/scores/mine/finalisation"));
                let done = app.client.post(url).bearer_auth(&member).send().await.expect("finalise");
                assert_eq!(done.status(), StatusCode::OK, "finalise a sheet");
            }
        };
        let steering_bids = &bids_of[&steering.id];
        let other_bid = steering_bids.iter().find(|b| **b != closed_bid.id.to_string()).expect("a second bid").clone();
        score(&closed_bid.id.to_string(), rubric_len[&steering.id], true).await;
        score(&other_bid, rubric_len[&steering.id], false).await;
        values.insert("closed_bid2", other_bid);
        values.insert("score_sheet", sheet(rubric_len[&steering.id]).to_string());
        let practice_bids = &bids_of[&practice.id];
        assert!(practice_bids.len() >= 3, "three bids in the practice call of 2018");
        score(&practice_bids[2], rubric_len[&practice.id], true).await;
        values.insert("p_bid1", practice_bids[0].clone());
        values.insert("p_bid2", practice_bids[1].clone());
        values.insert("p_bid3", practice_bids[2].clone());
        let fields: Vec<String> = (0..rubric_len[&practice.id])
            .map(|i| format!("fields%5Bpoints-{i}%5D=4&fields%5Bjustification-{i}%5D=Gut+belegt"))
            .collect();
        values.insert("finalise_fields", fields.join("&"));
        // A lot with the quorum: steuerung1, 2, 3 and 5 finalise both bids of the practice call's second lot,
        // so a recommendation can be recorded there; the administration records the committee's decision on
        // traeger1's practice bid (an award: a post), so its organisation can read the outcome.
        let url = api(&format!("/calls/{}/evaluation", practice.id));
        let overview = json(app.client.get(&url).bearer_auth(&member).send().await.expect("evaluation")).await;
        let second = &overview["lots"][1];
        let second_bids: Vec<String> =
            second["bids"].as_array().expect("bids").iter().map(|b| text(&b["bid_id"])).collect();
        assert_eq!(second_bids.len(), 2, "two bids in the practice call's second lot");
        let everyone: Vec<Value> = overview["lots"]
            .as_array()
            .expect("lots")
            .iter()
            .flat_map(|lot| lot["bidders"].as_array().expect("bidders").clone())
            .map(|b| json!({"organisation_id": b["organisation_id"], "conflict": "none"}))
            .collect();
        for n in [1, 2, 3, 5] {
            let other = app.token("dresden", &format!("steuerung{n}@dresden.demo")).await;
            let url = api(&format!("/calls/{}/declarations", practice.id));
            let declared = app.client.put(&url).bearer_auth(&other).json(&everyone).send().await.expect("declare");
            assert_eq!(declared.status(), StatusCode::OK, "declare");
            for bid in &second_bids {
                let url = api(&format!("/bids/{bid}/scores/mine"));
                let saved = app.client.put(url).bearer_auth(&other).json(&sheet(rubric_len[&practice.id])).send();
                assert_eq!(saved.await.expect("save").status(), StatusCode::OK, "save a sheet");
                let url = api(&format!("/bids/{bid}/scores/mine/finalisation"));
                let done = app.client.post(url).bearer_auth(&other).send().await.expect("finalise");
                assert_eq!(done.status(), StatusCode::OK, "finalise a sheet");
            }
        }
        values.insert("q_call", practice.id.to_string());
        values.insert("q_lot", text(&second["lot_id"]));
        values.insert("q_bid1", second_bids[0].clone());
        values.insert("q_bid2", second_bids[1].clone());
        values.insert(
            "recommendation",
            json!({"bid_id": second_bids[0], "amounts": {"2019": "27000.00", "2020": "27500.00"}, "fte": "0.5",
                "reasoning": "Langjährige Erfahrung im Stadtraum."})
            .to_string(),
        );
        values.insert(
            "decision",
            json!({"session_date": "2019-01-31", "resolution_number": "V2741/19", "awarded": true,
                "amounts": {"2019": "27000.00"}, "starts_on": "2019-02-01"})
            .to_string(),
        );
        let own_practice = bid_in(practice.id).await.expect("query").expect("traeger1's practice bid");
        let staff = app.token("dresden", "admin@dresden.demo").await;
        let refusal = json!({"session_date": "2019-01-31", "resolution_number": "V2741/19", "awarded": true,
            "amounts": {"2019": "25000.00"}, "starts_on": "2019-02-01"});
        let url = api(&format!("/bids/{}/decision", own_practice.id));
        let decided = app.client.post(url).bearer_auth(&staff).json(&refusal).send().await.expect("decide");
        assert_eq!(decided.status(), StatusCode::CREATED, "decide");
        values.insert("own_pbid", own_practice.id.to_string());

        let member_id = model::entity::user::Entity::find()
            .filter(model::entity::user::Column::Email.eq("steuerung4@dresden.demo"))
            .one(&db)
            .await
            .expect("query")
            .expect("steuerung4");
        values.insert("steering_member", member_id.id.to_string());
        values.insert("closed_org", own.id.to_string());
        values.insert(
            "rubric",
            serde_json::to_string(&model::rubric::default_rubric(model::call::Module::Practice)).expect("json"),
        );

        // People: one invited (to look at, re-invite, give districts and roles, deactivate), one to
        // anonymise; a district; an organisation to verify.
        for (name, email, role, key) in [
            ("Ina Eingeladen", "ina@sweep.example", "district_contact", "invited"),
            ("Viktor Weg", "viktor@sweep.example", "coordinator", "victim"),
        ] {
            let form = [("name", name), ("email", email), ("role", role)];
            assert_eq!(app.call(&admin, "invite_user", &form).await.status(), StatusCode::OK, "invite");
            let directory = json(app.call(&admin, "admin_users", &[("search", email)]).await).await;
            values.insert(key, text(&directory["users"][0]["id"]));
        }
        let districts = json(app.call(&admin, "admin_districts", &[]).await).await;
        values.insert("district", text(&districts[0]["id"]));
        values.insert("organisation", own.id.to_string());

        // A password-reset link and a registration's confirmation link, as their emails carry them.
        let visitor = app.browser();
        let reset = [("tenant", "dresden"), ("email", "koordination2@dresden.demo")];
        assert_eq!(app.call(&visitor, "request_password_reset", &reset).await.status(), StatusCode::OK);
        let registration = crate::organisations::registration("erika@sweep.example", "01127");
        let registered = app.call(&visitor, "register_organisation", &registration).await;
        assert_eq!(registered.status(), StatusCode::OK, "register");
        app.run_jobs(Utc::now()).await;
        let mail = |to: &str, path: &str| {
            let mail = app.outbox().into_iter().find(|m| m.contains(&format!("To: {to}")) && m.contains(path));
            link_token(&mail.expect("the mail with the link"), &format!("{path}?token="))
        };
        values.insert("reset_token", mail("koordination2@dresden.demo", "/dresden/set-password"));
        values.insert("confirm_token", mail("erika@sweep.example", "/dresden/confirm-email"));

        // Reports of the demo's posts: koordination1 writes Stadtraum 1's (an accepted one of 2019 to read, the
        // draft of the running quarter) and is assigned to Stadtraum 3 too, whose third quarter of 2026 the
        // demo left unreported (started here, complete, unsubmitted); Stadtraum 2's third quarter of 2026 waits
        // for review.
        {
            let staff = app.token("dresden", "admin@dresden.demo").await;
            let coordinator = app.token("dresden", "koordination1@dresden.demo").await;
            let get = |path: String, token: String| async move {
                let response = app.client.get(api(&path)).bearer_auth(&token).send().await.expect("get");
                response.json::<Value>().await.expect("json")
            };
            let posts = get("/posts".to_owned(), staff.clone()).await;
            let post_of = |district: &str| {
                let found = posts.as_array().expect("posts").iter().find(|p| p["district_name"] == district);
                text(&found.unwrap_or_else(|| panic!("the post of {district}"))["id"])
            };
            let (first, second, third) = (post_of("Stadtraum 1"), post_of("Stadtraum 2"), post_of("Stadtraum 3"));
            let one = |list: Value, what: &str| {
                let found = list.as_array().and_then(|l| l.first()).cloned();
                text(&found.unwrap_or_else(|| panic!("{what}"))["id"])
            };
            let read = get(format!("/reports?post={first}&quarter=2019-Q1"), coordinator.clone()).await;
            values.insert("report", one(read, "Stadtraum 1's first report"));
            let draft = get(format!("/reports?post={first}&state=draft"), coordinator.clone()).await;
            values.insert("report_draft", one(draft, "the running quarter's draft"));
            // Three files on it: one to read, one for the API's delete, one for the page's.
            let draft_id = values["report_draft"].clone();
            for key in ["report_file", "report_file_delete", "report_file_fn"] {
                let part = reqwest::multipart::Part::bytes(app::attachments::samples::pdf(key)).file_name("anlage.pdf");
                let form = reqwest::multipart::Form::new().part("file", part);
                let url = api(&format!("/reports/{draft_id}/files"));
                let stored =
                    app.client.post(url).bearer_auth(&coordinator).multipart(form).send().await.expect("attach");
                assert_eq!(stored.status(), StatusCode::CREATED, "attach {key}");
                values.insert(key, text(&stored.json::<Value>().await.expect("json")["id"]));
            }
            let waiting = get(format!("/reports?post={second}&state=submitted"), staff.clone()).await;
            values.insert("report_to_review", one(waiting, "Stadtraum 2's report waiting for review"));
            let me_id = app.client.get(app.url("/api/v1/me")).bearer_auth(&coordinator).send().await.expect("me");
            let me_id = text(&me_id.json::<Value>().await.expect("json")["user_id"]);
            let assigned = app
                .client
                .post(api(&format!("/posts/{third}/coordinators")))
                .bearer_auth(&staff)
                .json(&json!({"user_id": me_id}))
                .send()
                .await
                .expect("assign");
            assert_eq!(assigned.status(), StatusCode::NO_CONTENT, "assign the coordinator");
            let started = app
                .client
                .post(api("/reports"))
                .bearer_auth(&coordinator)
                .json(&json!({"post_id": third, "period_start": "2026-07-01"}))
                .send()
                .await
                .expect("start");
            let complete = text(&started.json::<Value>().await.expect("json")["summary"]["id"]);
            let content =
                json!({"cooperation": "a", "access": "b", "prevention": "c", "network": "d", "youth_office": "e"});
            let url = api(&format!("/reports/{complete}/draft"));
            let saved = app.client.put(url).bearer_auth(&coordinator).json(&content).send().await.expect("draft");
            assert_eq!(saved.status(), StatusCode::OK, "a complete draft");
            values.insert("report_complete", complete);
            // For the server functions: a complete draft of Stadtraum 2's fourth quarter of 2026 (koordination1
            // assigned there too) and Stadtraum 3's, submitted for review.
            let assigned = app
                .client
                .post(api(&format!("/posts/{second}/coordinators")))
                .bearer_auth(&staff)
                .json(&json!({"user_id": me_id}))
                .send()
                .await
                .expect("assign");
            assert_eq!(assigned.status(), StatusCode::NO_CONTENT, "assign the coordinator");
            let mut fourth = Vec::new();
            for post in [&second, &third] {
                let started = app
                    .client
                    .post(api("/reports"))
                    .bearer_auth(&coordinator)
                    .json(&json!({"post_id": post, "period_start": "2026-10-01"}))
                    .send()
                    .await
                    .expect("start");
                let id = text(&started.json::<Value>().await.expect("json")["summary"]["id"]);
                let url = api(&format!("/reports/{id}/draft"));
                app.client.put(url).bearer_auth(&coordinator).json(&content).send().await.expect("draft");
                fourth.push(id);
            }
            let url = api(&format!("/reports/{}/submission", fourth[1]));
            let done = app.client.post(url).bearer_auth(&coordinator).send().await.expect("submit");
            assert_eq!(done.status(), StatusCode::CREATED, "submit Stadtraum 3's fourth quarter");
            values.insert("report_complete_fn", fourth[0].clone());
            values.insert("report_to_review_fn", fourth[1].clone());
            values.insert("post", third);
            values.insert("coordinator", me_id);
        }

        // The exchange: a thread of the administration with a file on it (only its author may attach more).
        {
            let staff = app.token("dresden", "admin@dresden.demo").await;
            let opened = app
                .client
                .post(api("/exchange"))
                .bearer_auth(&staff)
                .json(&json!({"title": "Sweep", "body": "Text", "topic": "method"}))
                .send()
                .await
                .expect("open a thread");
            assert_eq!(opened.status(), StatusCode::CREATED, "open a thread");
            let thread = text(&opened.json::<Value>().await.expect("json")["summary"]["id"]);
            let part =
                reqwest::multipart::Part::bytes(app::attachments::samples::pdf("Austausch")).file_name("notiz.pdf");
            let form = reqwest::multipart::Form::new().part("file", part);
            let url = api(&format!("/exchange/{thread}/files"));
            let stored = app.client.post(url).bearer_auth(&staff).multipart(form).send().await.expect("attach");
            assert_eq!(stored.status(), StatusCode::CREATED, "attach a file");
            values.insert("thread_file", text(&stored.json::<Value>().await.expect("json")["id"]));
            values.insert("thread", thread);
        }

        // The steering group's demo year: a meeting with approved minutes, the last one held (its minutes
        // circulated, still open to corrections) with one of its items, and koordination1's commission.
        {
            use model::entity::{agenda_item, commission, meeting};
            let meetings =
                meeting::Entity::find().order_by_asc(meeting::Column::StartsAt).all(&db).await.expect("meetings");
            let approved = meetings.iter().find(|m| m.minutes_state == "approved").expect("an approved meeting");
            let open = meetings.iter().rev().find(|m| m.minutes_state == "circulated").expect("circulated minutes");
            let item = agenda_item::Entity::find()
                .filter(agenda_item::Column::MeetingId.eq(open.id))
                .one(&db)
                .await
                .expect("query")
                .expect("an agenda item");
            let given = commission::Entity::find()
                .filter(commission::Column::Title.eq("Bestandsaufnahme der Elternarbeit im Stadtraum 1"))
                .one(&db)
                .await
                .expect("query")
                .expect("koordination1's commission");
            values.insert("meeting", approved.id.to_string());
            values.insert("meeting_open", open.id.to_string());
            values.insert("agenda_item", item.id.to_string());
            values.insert("commission", given.id.to_string());
            // A paper of the last meeting, attached by the project carrier's seat.
            let seat = app.token("dresden", "steuerung7@dresden.demo").await;
            let part = reqwest::multipart::Part::bytes(app::attachments::samples::pdf("Tagesordnung"))
                .file_name("tagesordnung.pdf");
            let form = reqwest::multipart::Form::new().part("file", part);
            let stored = app
                .client
                .post(api(&format!("/meetings/{}/files", open.id)))
                .bearer_auth(&seat)
                .multipart(form)
                .send()
                .await
                .expect("attach");
            assert_eq!(stored.status(), StatusCode::CREATED, "attach a meeting's paper");
            values.insert("meeting_file", text(&stored.json::<Value>().await.expect("json")["id"]));
        }

        // The caller's own: account, a second session to end, a personal token to revoke.
        values.insert("me_tenant", me.tenant.to_owned());
        values.insert("me_email", me.email.to_owned());
        values.insert("new_password", NEW_PASSWORD.to_owned());
        let (session, token) = match me.signed_in {
            Some(browser) => {
                let _laptop = app.signed_in(me.tenant, me.email).await;
                let sessions = json(app.call(browser, "my_sessions", &[]).await).await;
                let other = sessions.as_array().expect("sessions").iter().find(|s| s["current"] == false).cloned();
                let made = app.call(browser, "create_token", &[("name", "Sweep"), ("days", "30")]).await;
                assert_eq!(made.status(), StatusCode::OK, "create a token");
                let tokens = json(app.call(browser, "my_tokens", &[]).await).await;
                let token = tokens.as_array().expect("tokens").iter().find(|t| t["name"] == "Sweep").cloned();
                (text(&other.expect("the other session")["handle"]), text(&token.expect("the token")["id"]))
            }
            None => ("no-session".to_owned(), uuid::Uuid::nil().to_string()),
        };
        values.insert("other_session", session);
        values.insert("my_token", token);
        Fixtures(values)
    }

    /// `template` with every `{name}` replaced by its value; an unknown name is a mistake in the table.
    /// Other braces (of a JSON body) stay as they are.
    pub fn fill(&self, template: &str) -> String {
        let mut out = String::new();
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let name_len = rest[1..].find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'));
            match name_len {
                Some(len) if len > 0 && rest[1 + len..].starts_with('}') => {
                    let name = &rest[1..1 + len];
                    let value = self.0.get(name).unwrap_or_else(|| panic!("no fixture {{{name}}} for {template}"));
                    out.push_str(value);
                    rest = &rest[len + 2..];
                }
                _ => {
                    out.push('{');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_else(|| panic!("expected a string, got {value}")).to_owned()
}
