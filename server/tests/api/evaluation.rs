//! The steering group's evaluation through the API (issue 12): declarations before a lot's bids, recusal,
//! independent scoring with others' sheets hidden until one's own is final, reopening, rubrics frozen at
//! closing, and the ranking's figures against a hand-computed table. Refusals are checked in the bodies.

use crate::bids::json;
use crate::support::TestApp;
use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;

/// A closed practice call like the demo's of 2018 (three bids in its first lot), but fresh: nobody has
/// declared or scored yet, whatever the demo's history holds.
async fn practice_2018(app: &TestApp, admin: &str) -> (String, Value) {
    let call = fresh_call(app, model::call::Module::Practice).await;
    let url = app.url(&format!("/api/v1/tenants/dresden/calls/{call}/evaluation"));
    let overview = json(app.client.get(url).bearer_auth(admin).send().await.expect("evaluation")).await;
    (call, overview)
}

/// A fresh closed call of `module` with the demo's bidders.
pub async fn fresh_call(app: &TestApp, module: model::call::Module) -> String {
    let db = app.db().await;
    let title = format!("Testaufruf {}", uuid::Uuid::new_v4().simple());
    server::demo::fresh_closed_call(&db, module, &title, chrono::Utc::now())
        .await
        .expect("a fresh closed call")
        .id
        .to_string()
}

struct Api<'a> {
    app: &'a TestApp,
}

impl Api<'_> {
    /// Declares, as `token`'s member, no conflict with any bidder of `lot` (a lot of the evaluation overview).
    async fn declare_no_conflict(&self, token: &str, call: &str, lot: &Value) {
        let declarations: Vec<Value> = lot["bidders"]
            .as_array()
            .expect("bidders")
            .iter()
            .map(|b| json!({"organisation_id": b["organisation_id"], "conflict": "none"}))
            .collect();
        let declared = self.put(token, &format!("/calls/{call}/declarations"), &json!(declarations)).await;
        assert_eq!(declared.status(), StatusCode::OK);
    }

    fn url(&self, path: &str) -> String {
        self.app.url(&format!("/api/v1/tenants/dresden{path}"))
    }

    async fn get(&self, token: &str, path: &str) -> reqwest::Response {
        self.app.client.get(self.url(path)).bearer_auth(token).send().await.expect("get")
    }

    async fn put(&self, token: &str, path: &str, body: &Value) -> reqwest::Response {
        self.app.client.put(self.url(path)).bearer_auth(token).json(body).send().await.expect("put")
    }

    async fn post(&self, token: &str, path: &str, body: &Value) -> reqwest::Response {
        self.app.client.post(self.url(path)).bearer_auth(token).json(body).send().await.expect("post")
    }
}

fn dec(value: &Value) -> Decimal {
    Decimal::from_str(value.as_str().expect("a decimal as text")).expect("decimal")
}

#[tokio::test]
async fn members_declare_score_independently_and_see_the_ranking_only_when_allowed() {
    let app = TestApp::spawn().await;
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (call, overview) = practice_2018(&app, &admin).await;
    let lot = &overview["lots"][0];
    let bidders: Vec<String> = lot["bidders"]
        .as_array()
        .expect("bidders")
        .iter()
        .map(|b| b["organisation_id"].as_str().expect("present").into())
        .collect();
    let bids: Vec<String> =
        lot["bids"].as_array().expect("bids").iter().map(|b| b["bid_id"].as_str().expect("present").into()).collect();
    assert_eq!(bids.len(), 3, "three bids in the first lot");
    let criteria = overview["rubric"].as_array().expect("rubric").len();
    let weights: Vec<u32> = overview["rubric"]
        .as_array()
        .expect("present")
        .iter()
        .map(|c| u32::try_from(c["weight"].as_u64().expect("weight")).expect("small"))
        .collect();
    let [m1, m2, m3, m7] = [
        app.token("dresden", "steuerung1@dresden.demo").await,
        app.token("dresden", "steuerung2@dresden.demo").await,
        app.token("dresden", "steuerung3@dresden.demo").await,
        app.token("dresden", "steuerung7@dresden.demo").await,
    ];
    let declare = |conflicts: &[(&str, &str)]| {
        let mut list: Vec<Value> = bidders.iter().map(|b| json!({"organisation_id": b, "conflict": "none"})).collect();
        for (org, conflict) in conflicts {
            for entry in &mut list {
                if entry["organisation_id"] == *org {
                    entry["conflict"] = json!(conflict);
                    entry["note"] = json!("Vorstandsmitglied seit 2016");
                }
            }
        }
        Value::Array(list)
    };
    let sheet = |points: &[u8], why: &str| json!({"points": points, "justifications": vec![why; points.len()]});
    let all = |p: u8| vec![p; criteria];

    // Before declaring, a member sees neither the lot's bids nor a sheet.
    let first = json(api.get(&m1, &format!("/calls/{call}/evaluation")).await).await;
    assert_eq!(first["lots"][0]["declared"], false);
    assert_eq!(first["lots"][0]["bids"], json!([]), "no bids before declaring");
    let early = api.get(&m1, &format!("/bids/{}/scores/mine", bids[0])).await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert_eq!(json(early).await["code"], "declarations_missing");
    let sealed = api.get(&m1, &format!("/bids/{}/versions/1", bids[0])).await;
    assert_eq!(sealed.status(), StatusCode::CONFLICT, "the bid's content waits for the declarations too");

    // A note is required for a conflict of another kind, and only bidders of the call can be declared for.
    let no_note = json!([{"organisation_id": bidders[0], "conflict": "other"}]);
    assert_eq!(
        api.put(&m2, &format!("/calls/{call}/declarations"), &no_note).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let stranger = json!([{"organisation_id": uuid::Uuid::new_v4(), "conflict": "none"}]);
    assert_eq!(
        api.put(&m2, &format!("/calls/{call}/declarations"), &stranger).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // m1 and m3 declare no conflicts; m2 sits on the board of the first bidder and is recused from the lot.
    for member in [&m1, &m3] {
        assert_eq!(
            api.put(member, &format!("/calls/{call}/declarations"), &declare(&[])).await.status(),
            StatusCode::OK
        );
    }
    let recused =
        json(api.put(&m2, &format!("/calls/{call}/declarations"), &declare(&[(&bidders[0], "board")])).await).await;
    assert_eq!(recused["lots"][0]["recused"], true);
    let refused = api.put(&m2, &format!("/bids/{}/scores/mine", bids[1]), &sheet(&all(5), "x")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "recused from every bid of the lot");
    assert_eq!(json(refused).await["code"], "recused");

    // The project-carrier seat is recused from its organisation's lot without declaring that conflict.
    let seat = json(api.get(&m7, &format!("/calls/{call}/evaluation")).await).await;
    let tied = seat["lots"][0]["bidders"].as_array().expect("present").iter().any(|b| b["tied"] == true);
    assert!(tied, "Jugendwerk Elbaue bids in the first lot: {seat}");
    assert_eq!(seat["lots"][0]["recused"], true);

    // m3 scores all three bids and finalises them; m1 scores the first bid in draft.
    let secret = "Begründung von Mitglied 3, vertraulich";
    let m3_points: [Vec<u8>; 3] = [all(3), all(5), {
        let mut mixed = all(0);
        mixed[0] = 5;
        mixed
    }];
    for (bid, points) in bids.iter().zip(&m3_points) {
        assert_eq!(
            api.put(&m3, &format!("/bids/{bid}/scores/mine"), &sheet(points, secret)).await.status(),
            StatusCode::OK
        );
        let done = api.post(&m3, &format!("/bids/{bid}/scores/mine/finalisation"), &json!(null)).await;
        assert_eq!(done.status(), StatusCode::OK);
    }
    let partial = json!({"points": [4], "justifications": ["Eigene Notiz"]});
    assert_eq!(api.put(&m1, &format!("/bids/{}/scores/mine", bids[0]), &partial).await.status(), StatusCode::OK);
    let off_scale = json!({"points": [9], "justifications": []});
    let off = api.put(&m1, &format!("/bids/{}/scores/mine", bids[0]), &off_scale).await;
    assert_eq!(off.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(off).await["sheet_problems"][0]["problem"], "out_of_scale");

    // Until m1's own sheet is final, the others' stay hidden: not in the answer, not in the ranking.
    let hidden = api.get(&m1, &format!("/bids/{}/scores", bids[0])).await;
    assert_eq!(hidden.status(), StatusCode::FORBIDDEN);
    let body = hidden.text().await.expect("body");
    assert!(body.contains("own_scores_open") && !body.contains(secret) && !body.contains("Mitglied 3"), "{body}");
    let ranking = json(api.get(&m1, &format!("/calls/{call}/ranking")).await).await;
    assert_eq!(ranking["lots"][0]["hidden"], "own_scores_open");
    assert_eq!(ranking["lots"][0]["lines"], json!([]));
    assert!(!ranking.to_string().contains(secret));
    for member in [&m2, &m7] {
        let hidden = api.get(member, &format!("/bids/{}/scores", bids[0])).await;
        // m2 is told of the recusal; the seat, which has not declared for the other bidders, to declare first.
        assert!([StatusCode::FORBIDDEN, StatusCode::CONFLICT].contains(&hidden.status()), "recused: never the scores");
        assert!(!hidden.text().await.expect("body").contains(secret));
        let ranking = json(api.get(member, &format!("/calls/{call}/ranking")).await).await;
        assert_eq!(ranking["lots"][0]["hidden"], "recused");
        assert_eq!(ranking["lots"][0]["matrix"], json!([]));
    }

    // Finalising an incomplete sheet names every gap and keeps what was typed.
    let incomplete = api.post(&m1, &format!("/bids/{}/scores/mine/finalisation", bids[0]), &json!(null)).await;
    assert_eq!(incomplete.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problems = json(incomplete).await["sheet_problems"].as_array().expect("problems").len();
    assert_eq!(problems, 2 * (criteria - 1), "points and justification missing on every criterion but the first");
    let kept = json(api.get(&m1, &format!("/bids/{}/scores/mine", bids[0])).await).await;
    assert_eq!(kept["sheet"]["points"][0], 4);
    assert_eq!(kept["status"], "draft");

    // Once final, m1 sees m3's sheet for that bid, with its justifications.
    assert_eq!(
        api.put(&m1, &format!("/bids/{}/scores/mine", bids[0]), &sheet(&all(4), "Gut")).await.status(),
        StatusCode::OK
    );
    let final_sheet =
        json(api.post(&m1, &format!("/bids/{}/scores/mine/finalisation", bids[0]), &json!(null)).await).await;
    assert_eq!(final_sheet["status"], "final");
    assert_eq!(dec(&final_sheet["weighted"]), Decimal::from(80));
    let again = api.put(&m1, &format!("/bids/{}/scores/mine", bids[0]), &sheet(&all(1), "anders")).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "a final sheet does not change");
    let seen = json(api.get(&m1, &format!("/bids/{}/scores", bids[0])).await).await;
    assert_eq!(seen["scores"].as_array().expect("scores").len(), 2);
    assert!(seen.to_string().contains(secret));

    // The ranking as the administration sees it, against the hand-computed table:
    //   bid 0: m1 all 4 → 80, m3 all 3 → 60: 70.00;  bid 1: m3 all 5 → 100;
    //   bid 2: m3 five points on the first criterion only → w₀ / Σw · 100, rounded half away from zero.
    let ranking = json(api.get(&admin, &format!("/calls/{call}/ranking")).await).await;
    let lines = ranking["lots"][0]["lines"].as_array().expect("lines");
    let by_bid = |bid: &str| lines.iter().find(|l| l["bid_id"] == bid).expect("line").clone();
    let total: u32 = weights.iter().sum();
    let third = (Decimal::from(weights[0]) * Decimal::ONE_HUNDRED / Decimal::from(total))
        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    assert_eq!(dec(&by_bid(&bids[1])["weighted"]), Decimal::from(100));
    assert_eq!(by_bid(&bids[1])["rank"], 1);
    assert_eq!(dec(&by_bid(&bids[0])["weighted"]), Decimal::from(70));
    assert_eq!(by_bid(&bids[0])["rank"], 2);
    assert_eq!(by_bid(&bids[0])["scores"], 2);
    // Seven members, m2 and the project-carrier seat recused: five may score, so scores are missing.
    assert_eq!(by_bid(&bids[0])["eligible"], 5);
    assert_eq!(by_bid(&bids[0])["flags"]["missing_scores"], true);
    assert_eq!(dec(&by_bid(&bids[0])["criteria"][0]["mean"]), Decimal::from_str("3.5").expect("present"));
    assert_eq!(dec(&by_bid(&bids[0])["criteria"][0]["std_dev"]), Decimal::from_str("0.5").expect("present"));
    assert_eq!(dec(&by_bid(&bids[2])["weighted"]), third);
    assert_eq!(ranking["lots"][0]["matrix"].as_array().expect("matrix").len(), 4, "four final sheets");
    // m3 has finalised every bid of the lot: the ranking shows.
    let m3_ranking = json(api.get(&m3, &format!("/calls/{call}/ranking")).await).await;
    assert_eq!(m3_ranking["lots"][0]["hidden"], Value::Null);

    // The administration reopens m3's sheet with a reason (audited); m3 may change it, and the ranking hides
    // again for m3 until it is final once more.
    let m3_id =
        seen["scores"].as_array().expect("present").iter().find(|s| s["justifications"][0] == secret).expect("present")
            ["member_id"]
            .as_str()
            .expect("present")
            .to_owned();
    let reopen = |reason: &str| json!({"reason": reason});
    let path = format!("/bids/{}/scores/{m3_id}/reopening", bids[1]);
    assert_eq!(api.post(&admin, &path, &reopen(" ")).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(api.post(&admin, &path, &reopen("Punkte vertauscht")).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(api.post(&admin, &path, &reopen("noch einmal")).await.status(), StatusCode::CONFLICT);
    assert_eq!(
        api.put(&m3, &format!("/bids/{}/scores/mine", bids[1]), &sheet(&all(4), secret)).await.status(),
        StatusCode::OK
    );
    let m3_ranking = json(api.get(&m3, &format!("/calls/{call}/ranking")).await).await;
    assert_eq!(m3_ranking["lots"][0]["hidden"], "own_scores_open");
    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let audit =
        json(app.call(&browser, "audit_lines", &[("person", ""), ("object", ""), ("from", ""), ("to", "")]).await)
            .await;
    let audit = audit.to_string();
    assert!(audit.contains("score.reopened") && audit.contains("Punkte vertauscht"), "reopening is audited");
    assert!(audit.contains("evaluation.declared") && audit.contains("score.finalised"));
}

#[tokio::test]
async fn a_rubric_is_the_administrations_until_the_call_closes() {
    let app = TestApp::spawn().await;
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (closed, _) = practice_2018(&app, &admin).await;
    let open = crate::bids::open_call(&app).await["summary"]["id"].as_str().expect("id").to_owned();

    let default = json(api.get(&admin, &format!("/calls/{open}/rubric")).await).await;
    assert!(default.as_array().expect("criteria").len() >= 3, "the module's default rubric");
    let rubric = json!([
        {"title": "Konzept", "description": "Ist das Konzept schlüssig?", "weight": 3, "scale": {"min": 0, "max": 10}},
        {"title": "Erfahrung", "description": "", "weight": 1, "scale": {"min": 1, "max": 3},
         "anchors": ["keine", "einige", "viel"]},
    ]);
    let stored = api.put(&admin, &format!("/calls/{open}/rubric"), &rubric).await;
    assert_eq!(stored.status(), StatusCode::OK);
    let read = json(api.get(&admin, &format!("/calls/{open}/rubric")).await).await;
    assert_eq!(read[1]["anchors"][2], "viel");
    assert_eq!(read[0]["weight"], 3);

    let bad = json!([{"title": "Konzept", "description": "", "weight": 0, "scale": {"min": 0, "max": 5}}]);
    assert_eq!(api.put(&admin, &format!("/calls/{open}/rubric"), &bad).await.status(), StatusCode::BAD_REQUEST);
    let twice = json!([
        {"title": "A", "description": "", "weight": 1, "scale": {"min": 0, "max": 5}},
        {"title": "a", "description": "", "weight": 1, "scale": {"min": 0, "max": 5}},
    ]);
    assert_eq!(api.put(&admin, &format!("/calls/{open}/rubric"), &twice).await.status(), StatusCode::BAD_REQUEST);
    let frozen = api.put(&admin, &format!("/calls/{closed}/rubric"), &rubric).await;
    assert_eq!(frozen.status(), StatusCode::UNPROCESSABLE_ENTITY, "frozen once the call has closed");
    assert_ne!(json(api.get(&admin, &format!("/calls/{closed}/rubric")).await).await, rubric);

    // The evaluation of an open call does not start: bids are sealed.
    let member = app.token("dresden", "steuerung1@dresden.demo").await;
    let sealed = api.get(&member, &format!("/calls/{open}/evaluation")).await;
    assert_eq!(sealed.status(), StatusCode::CONFLICT);
    assert_eq!(json(sealed).await["code"], "call_not_closed");
}

#[tokio::test]
async fn the_committee_decides_awards_fund_posts_and_carriers_learn_only_their_own_outcome() {
    let app = TestApp::spawn().await;
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (call, overview) = practice_2018(&app, &admin).await;
    let lot = &overview["lots"][0];
    let bids: Vec<(String, String)> = lot["bids"]
        .as_array()
        .expect("bids")
        .iter()
        .map(|b| {
            (b["bid_id"].as_str().expect("id").to_owned(), b["organisation_name"].as_str().expect("name").to_owned())
        })
        .collect();
    let lot_id = lot["lot_id"].as_str().expect("lot").to_owned();
    let criteria = overview["rubric"].as_array().expect("rubric").len();
    let recommendation = json!({"bid_id": bids[0].0, "amounts": {"2019": "27500.00"}, "fte": "0.5",
        "reasoning": "Begründung der Steuerungsgruppe zum Los"});
    let path = format!("/calls/{call}/lots/{lot_id}/recommendation");

    // Four members (a majority of seven) finalise every bid of the lot; before that, no recommendation.
    let members = ["steuerung1", "steuerung2", "steuerung3", "steuerung4"];
    for (n, member) in members.iter().enumerate() {
        let token = app.token("dresden", &format!("{member}@dresden.demo")).await;
        api.declare_no_conflict(&token, &call, lot).await;
        if n == 3 {
            let early = api.put(&token, &path, &recommendation).await;
            assert_eq!(early.status(), StatusCode::CONFLICT, "three of four sheets: no quorum yet");
            assert_eq!(json(early).await["code"], "quorum_not_reached");
        }
        for (index, (bid, _)) in bids.iter().enumerate() {
            let points = vec![u8::try_from(5 - index).expect("points"); criteria];
            let sheet = json!({"points": points, "justifications": vec!["begründet"; criteria]});
            assert_eq!(api.put(&token, &format!("/bids/{bid}/scores/mine"), &sheet).await.status(), StatusCode::OK);
            let done = api.post(&token, &format!("/bids/{bid}/scores/mine/finalisation"), &json!(null)).await;
            assert_eq!(done.status(), StatusCode::OK);
        }
        if n == 3 {
            let foreign_bid = json!({"bid_id": uuid::Uuid::new_v4(), "amounts": {}, "fte": "0.5", "reasoning": "x"});
            assert_eq!(api.put(&token, &path, &foreign_bid).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let recorded = api.put(&token, &path, &recommendation).await;
            assert_eq!(recorded.status(), StatusCode::OK);
            assert_eq!(json(recorded).await["organisation_name"], bids[0].1.as_str());
        }
    }
    let ranking = json(api.get(&admin, &format!("/calls/{call}/ranking")).await).await;
    assert_eq!(ranking["lots"][0]["recommendation"]["reasoning"], "Begründung der Steuerungsgruppe zum Los");

    // The committee awards the first bid and not the others; a decision is recorded once.
    let award = json!({"session_date": "2019-01-31", "resolution_number": "V2741/19", "awarded": true,
        "amounts": {"2019": "25300.00", "2020": "27500.00", "2021": "27500.00"}, "conditions": "Bericht quartalsweise",
        "starts_on": "2019-02-01"});
    let first = api.post(&admin, &format!("/bids/{}/decision", bids[0].0), &award).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    assert_eq!(api.post(&admin, &format!("/bids/{}/decision", bids[0].0), &award).await.status(), StatusCode::CONFLICT);
    let refusal = json!({"session_date": "2019-01-31", "resolution_number": "V2741/19", "awarded": false});
    for (bid, _) in &bids[1..] {
        assert_eq!(api.post(&admin, &format!("/bids/{bid}/decision"), &refusal).await.status(), StatusCode::CREATED);
    }
    let member = app.token("dresden", "steuerung1@dresden.demo").await;
    assert_eq!(
        api.post(&member, &format!("/bids/{}/decision", bids[1].0), &refusal).await.status(),
        StatusCode::FORBIDDEN
    );

    // The award made a coordination post of 0.5 FTE in the lot's district.
    let posts = json(api.get(&admin, "/posts").await).await;
    let post = posts
        .as_array()
        .expect("posts")
        .iter()
        .find(|p| p["organisation_name"] == bids[0].1.as_str() && p["total"] == "80300.00")
        .expect("post");
    assert_eq!(post["kind"], "post");
    assert_eq!(post["district_name"], "Stadtraum 1");
    assert_eq!(post["fte"], "0.5");
    assert_eq!(post["starts_on"], "2019-02-01");
    assert_eq!(post["total"], "80300.00");
    assert_eq!(post["resolution_number"], "V2741/19");

    // A carrier that was not awarded is told, and sees its own scores per criterion and the group's
    // reasoning — nothing of the other bidders.
    app.run_jobs(chrono::Utc::now()).await;
    let losing = &bids[2];
    let carrier_email = match losing.1.as_str() {
        "Jugendwerk Elbaue e. V." => "traeger1@dresden.demo",
        "Netzwerk Stadtteilarbeit gGmbH" => "traeger2@dresden.demo",
        "Familienzentrum Heidepark e. V." => "traeger3@dresden.demo",
        _ => "traeger4@dresden.demo",
    };
    assert!(app.outbox().iter().any(|m| m.contains(&format!("To: {carrier_email}")) && m.contains("Entscheidung")));
    let carrier = app.token("dresden", carrier_email).await;
    let outcome = api.get(&carrier, &format!("/bids/{}/decision", losing.0)).await;
    assert_eq!(outcome.status(), StatusCode::OK);
    let body = outcome.text().await.expect("body");
    let outcome: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(outcome["decision"]["awarded"], false);
    assert_eq!(dec(&outcome["criteria"][0]["mean"]), Decimal::from(3), "four members gave 3 points");
    assert_eq!(outcome["reasoning"], "Begründung der Steuerungsgruppe zum Los");
    for (_, other) in &bids[..2] {
        assert!(!body.contains(other.as_str()), "the outcome names no other bidder: {body}");
    }
    let other_bid = api.get(&carrier, &format!("/bids/{}/decision", bids[0].0)).await;
    assert_eq!(other_bid.status(), StatusCode::NOT_FOUND, "another organisation's outcome does not exist for it");
    // The bid page gets the same outcome with the bid, which it reads once for both.
    let browser = app.signed_in("dresden", carrier_email).await;
    let page = json(app.call(&browser, "bid", &[("bid", losing.0.as_str())]).await).await;
    assert_eq!(page["view"]["id"], losing.0.as_str());
    assert_eq!(page["outcome"]["decision"]["awarded"], false);
    assert_eq!(page["outcome"]["reasoning"], "Begründung der Steuerungsgruppe zum Los");
}

#[tokio::test]
async fn the_steering_contract_runs_three_years_and_is_worth_at_least_100000_euros() {
    let app = TestApp::spawn().await;
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let call = fresh_call(&app, model::call::Module::Steering).await;
    let overview = json(api.get(&admin, &format!("/calls/{call}/evaluation")).await).await;
    let before = json(api.get(&admin, "/posts").await).await;
    let bid = overview["lots"][0]["bids"][0]["bid_id"].as_str().expect("bid").to_owned();
    let decision = |ends_on: &str, per_year: &str| {
        json!({"session_date": "2019-01-31", "resolution_number": "V2740/19", "awarded": true,
            "amounts": {"2019": per_year, "2020": per_year, "2021": per_year}, "starts_on": "2019-02-01",
            "ends_on": ends_on})
    };
    let short = api.post(&admin, &format!("/bids/{bid}/decision"), &decision("2021-12-31", "40000.00")).await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().await.expect("body").contains("mindestens drei Jahre"), "German without Accept-Language");
    let little = app
        .client
        .post(api.url(&format!("/bids/{bid}/decision")))
        .bearer_auth(&admin)
        .header("accept-language", "en-GB,en;q=0.9")
        .json(&decision("2022-01-31", "33000.00"))
        .send()
        .await
        .expect("decide");
    assert_eq!(little.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(little).await;
    assert_eq!(body["code"], "award_invalid");
    assert!(body["message"].as_str().is_some_and(|m| m.contains("at least €100,000")), "in English: {body}");
    let open_ended = json!({"session_date": "2019-01-31", "resolution_number": "V2740/19", "awarded": true,
        "amounts": {"2019": "40000.00"}, "starts_on": "2019-02-01"});
    let missing = api.post(&admin, &format!("/bids/{bid}/decision"), &open_ended).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY, "the contract needs its end");
    // Nothing was recorded by the refused attempts.
    assert_eq!(json(api.get(&admin, "/posts").await).await, before);
    let good = api.post(&admin, &format!("/bids/{bid}/decision"), &decision("2022-01-31", "34000.00")).await;
    assert_eq!(good.status(), StatusCode::CREATED);
    let posts = json(api.get(&admin, "/posts").await).await;
    let posts = posts.as_array().expect("posts");
    assert_eq!(posts.len(), before.as_array().map_or(0, Vec::len) + 1, "one contract more");
    let contract = posts.iter().find(|p| p["total"] == "102000.00").expect("the new contract");
    assert_eq!(contract["kind"], "steering");
    assert_eq!(contract["ends_on"], "2022-01-31");
    assert_eq!(contract["district_name"], Value::Null);
}

#[tokio::test]
async fn the_quorum_is_a_tenant_setting_of_one_to_seven() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let set = |quorum: &'static str| {
        let browser = browser.clone();
        let app = &app;
        async move {
            let form = [("name", "Landeshauptstadt Dresden"), ("default_locale", "de"), ("evaluation_quorum", quorum)];
            app.call(&browser, "update_tenant_settings", &form).await.status()
        }
    };
    assert_eq!(set("8").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(set("zwei").await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(set("1").await, StatusCode::OK);
    let settings = json(app.call(&browser, "tenant_settings", &[]).await).await;
    assert_eq!(settings["evaluation_quorum"], 1);

    // With a quorum of one, a single member's final sheets on every bid of a lot allow a recommendation.
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (call, overview) = practice_2018(&app, &admin).await;
    let lot = &overview["lots"][1];
    let criteria = overview["rubric"].as_array().expect("rubric").len();
    let member = app.token("dresden", "steuerung6@dresden.demo").await;
    let declarations: Vec<Value> = overview["lots"]
        .as_array()
        .expect("lots")
        .iter()
        .flat_map(|l| l["bidders"].as_array().expect("bidders").clone())
        .map(|b| json!({"organisation_id": b["organisation_id"], "conflict": "none"}))
        .collect();
    assert_eq!(
        api.put(&member, &format!("/calls/{call}/declarations"), &json!(declarations)).await.status(),
        StatusCode::OK
    );
    for bid in lot["bids"].as_array().expect("bids") {
        let bid = bid["bid_id"].as_str().expect("id");
        let sheet = json!({"points": vec![2; criteria], "justifications": vec!["ok"; criteria]});
        assert_eq!(api.put(&member, &format!("/bids/{bid}/scores/mine"), &sheet).await.status(), StatusCode::OK);
        let done = api.post(&member, &format!("/bids/{bid}/scores/mine/finalisation"), &json!(null)).await;
        assert_eq!(done.status(), StatusCode::OK);
    }
    let none = json!({"bid_id": null, "fte": "0.5", "reasoning": "Keine Interessenbekundung überzeugt."});
    let lot_id = lot["lot_id"].as_str().expect("lot");
    let recorded = api.put(&member, &format!("/calls/{call}/lots/{lot_id}/recommendation"), &none).await;
    assert_eq!(recorded.status(), StatusCode::OK);
    assert_eq!(json(recorded).await["organisation_name"], Value::Null);
}

/// The ranking only shows things, so it is served static; a recommendation and a decision are recorded on
/// pages of their own, linked from the ranking for who may record them. Their forms also work without the
/// app: posted plainly, the server records and sends the browser back to the form's page.
#[tokio::test]
async fn recommendations_and_decisions_are_recorded_on_pages_of_their_own() {
    let app = TestApp::spawn().await;
    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let settings = [("name", "Landeshauptstadt Dresden"), ("default_locale", "de"), ("evaluation_quorum", "1")];
    assert_eq!(app.call(&browser, "update_tenant_settings", &settings).await.status(), StatusCode::OK);
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (call, overview) = practice_2018(&app, &admin).await;
    let lot = &overview["lots"][1];
    let lot_id = lot["lot_id"].as_str().expect("lot");
    let criteria = overview["rubric"].as_array().expect("rubric").len();
    let token = app.token("dresden", "steuerung6@dresden.demo").await;
    api.declare_no_conflict(&token, &call, lot).await;
    for bid in lot["bids"].as_array().expect("bids") {
        let bid = bid["bid_id"].as_str().expect("id");
        let sheet = json!({"points": vec![2; criteria], "justifications": vec!["ok"; criteria]});
        assert_eq!(api.put(&token, &format!("/bids/{bid}/scores/mine"), &sheet).await.status(), StatusCode::OK);
        let done = api.post(&token, &format!("/bids/{bid}/scores/mine/finalisation"), &json!(null)).await;
        assert_eq!(done.status(), StatusCode::OK);
    }
    let member = app.signed_in("dresden", "steuerung6@dresden.demo").await;
    let get = |client: &reqwest::Client, path: String| {
        let request = client.get(app.url(&path));
        async move {
            let response = request.send().await.expect("get");
            (response.status(), response.text().await.expect("html"))
        }
    };

    let ranking = format!("/dresden/calls/{call}/ranking?lot={lot_id}");
    let recommendation = format!("/dresden/calls/{call}/ranking/recommendation?lot={lot_id}");
    let (_, page) = get(&member, ranking.clone()).await;
    assert!(page.contains(&format!("href=\"{recommendation}\"")), "the scoring member's link: {page}");
    assert!(!page.contains("/fn/recommend") && page.contains("/enhance.js"), "the ranking has no form: {page}");
    let (status, form) = get(&member, recommendation.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("id=\"recommendation-form\"") && form.contains("/spielraum.js"), "{form}");
    let first = lot["bids"][0]["organisation_name"].as_str().expect("name");
    assert!(form.contains(first), "the lot's bidders to choose from");

    // Posted as a plain form: recorded, and back to the page it came from.
    let form = [
        ("call", call.as_str()),
        ("lot", lot_id),
        ("bid", "none"),
        ("fields[amount-2019]", ""),
        ("fte", "0.5"),
        ("reasoning", "Keine Interessenbekundung überzeugt."),
    ];
    let posted = app.post_form(&member, "recommend", &recommendation, &form).await;
    assert!(posted.status().is_redirection(), "{}", posted.status());
    assert_eq!(posted.headers()["location"], app.url(&recommendation).as_str());
    let (_, page) = get(&member, ranking.clone()).await;
    assert!(page.contains("Keine Interessenbekundung überzeugt."), "the ranking shows the recommendation");

    // The administration decides on each bid from a page of its own; the member gets no such link.
    assert!(!page.contains("ranking/decision"), "a member records no decision");
    let bid = lot["bids"][0]["bid_id"].as_str().expect("bid");
    let decision = format!("/dresden/calls/{call}/ranking/decision?lot={lot_id}&bid={bid}");
    let (_, page) = get(&browser, ranking.clone()).await;
    let linked = [decision.clone(), decision.replace('&', "&amp;")]
        .iter()
        .any(|href| page.contains(&format!("href=\"{href}\"")));
    assert!(linked, "the administration's link: {page}");
    assert!(!page.contains("/fn/decide") && page.contains("/enhance.js"), "the ranking has no form: {page}");
    let (status, form) = get(&browser, decision.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("id=\"decision-form\"") && form.contains(first), "{form}");
    let (status, refused) = get(&member, decision).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!refused.contains("decision-form") && !refused.contains(first), "{refused}");
}

#[tokio::test]
async fn the_ranking_exports_are_a_valid_csv_and_workbook_with_the_rankings_figures() {
    let app = TestApp::spawn().await;
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (call, overview) = practice_2018(&app, &admin).await;
    let lot = &overview["lots"][0];
    let criteria = overview["rubric"].as_array().expect("rubric").len();
    let member = app.token("dresden", "steuerung1@dresden.demo").await;
    api.declare_no_conflict(&member, &call, lot).await;
    let bid = lot["bids"][0]["bid_id"].as_str().expect("bid");
    let name = lot["bids"][0]["organisation_name"].as_str().expect("name");
    // Three points everywhere on 0–5 scales: 60.00.
    let sheet = json!({"points": vec![3; criteria], "justifications": vec!["ok"; criteria]});
    assert_eq!(api.put(&member, &format!("/bids/{bid}/scores/mine"), &sheet).await.status(), StatusCode::OK);
    assert_eq!(
        api.post(&member, &format!("/bids/{bid}/scores/mine/finalisation"), &json!(null)).await.status(),
        StatusCode::OK
    );

    let csv = app
        .client
        .get(api.url(&format!("/calls/{call}/ranking.csv")))
        .bearer_auth(&admin)
        .header("accept-language", "de-DE")
        .send()
        .await
        .expect("csv");
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"].to_str().expect("type").starts_with("text/csv"));
    let csv = csv.text().await.expect("text");
    let line = csv.lines().find(|l| l.contains(name)).expect("the scored bid's line");
    assert!(line.contains(";1;") && line.contains(";60,00;") && line.contains(";1;"), "{line}");
    assert!(csv.contains("Steuerungsgruppe Mitglied 1"), "the score matrix names the member");

    let xlsx = api.get(&admin, &format!("/calls/{call}/ranking.xlsx")).await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.expect("bytes").to_vec();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an xlsx is a zip archive");
    let mut read = |path: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(path).expect(path), &mut text).expect("utf-8");
        text
    };
    let workbook = read("xl/workbook.xml");
    assert!(workbook.contains("Rangfolge") && workbook.contains("Punktematrix"), "{workbook}");
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains(name));
    let ranking = read("xl/worksheets/sheet1.xml");
    assert!(ranking.contains("<v>60</v>"), "the weighted score as a number: {ranking}");
    let matrix = read("xl/worksheets/sheet2.xml");
    assert!(matrix.contains("<v>3</v>"), "points as numbers");

    // The decision proposal as PDF: a real PDF with its pages numbered and the ranking's figures.
    let pdf = api.get(&admin, &format!("/calls/{call}/decision-proposal.pdf")).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let text = pdf_text(&pdf.bytes().await.expect("bytes"));
    assert!(text.contains("Beschlussvorlage"), "{text}");
    assert!(text.contains("Seite 1 von"), "page numbers: {text}");
    assert!(text.contains(name) && text.contains("60,00"), "the scored bid and its weighted score: {text}");
    assert!(text.contains("Noch keine Empfehlung"), "no recommendation yet: {text}");

    // A member who has not finalised the lot gets the lot hidden in the files too.
    let other = app.token("dresden", "steuerung2@dresden.demo").await;
    let hidden = api.get(&other, &format!("/calls/{call}/ranking.csv")).await.text().await.expect("text");
    assert!(!hidden.contains("Steuerungsgruppe Mitglied 1") && !hidden.contains("60,00"), "{hidden}");
    let hidden = api.get(&other, &format!("/calls/{call}/decision-proposal.pdf")).await;
    assert_eq!(hidden.status(), StatusCode::OK);
    let hidden = pdf_text(&hidden.bytes().await.expect("bytes"));
    assert!(!hidden.contains("60,00") && !hidden.contains(name), "{hidden}");
    let carrier = app.token("dresden", "traeger1@dresden.demo").await;
    let refused = api.get(&carrier, &format!("/calls/{call}/decision-proposal.pdf")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.expect("body").contains(name));
}

/// The text of every page of a PDF, pages joined.
fn pdf_text(bytes: &[u8]) -> String {
    let document = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    assert!(!pages.is_empty(), "at least one page");
    document.extract_text(&pages).expect("text")
}

/// The demo's practice call of 2018 was decided: its decision proposal recommends the posts the committee
/// funded and adds up their money per budget year; the printable page says the same.
#[tokio::test]
async fn the_decision_proposal_of_the_demo_lists_the_recommended_posts_and_their_money() {
    let app = TestApp::spawn().await;
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let calls = json(app.client.get(app.url("/api/v1/tenants/dresden/calls")).send().await.expect("calls")).await;
    let call = calls
        .as_array()
        .expect("calls")
        .iter()
        .find(|c| c["title"] == "Sozialraumkoordinationsstellen 2019")
        .expect("the practice call of 2018")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let pdf = api.get(&admin, &format!("/calls/{call}/decision-proposal.pdf")).await;
    assert_eq!(pdf.status(), StatusCode::OK);
    let text = pdf_text(&pdf.bytes().await.expect("bytes"));
    // Heidepark (Stadtraum 1 and 3: 28,100 and 26,800 a year) and Netzwerk (Stadtraum 2: 27,000), 2019–2021.
    assert!(text.contains("Heidepark") && text.contains("Netzwerk"), "{text}");
    assert!(text.contains("81.900,00"), "the money per budget year: {text}");
    assert!(text.contains("245.700,00"), "the total over three years: {text}");
    assert!(text.contains("V2741/19"), "the committee's resolution: {text}");

    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let page = json(app.call(&browser, "decision_proposal", &[("call", &call)]).await).await;
    let page = page.to_string();
    assert!(page.contains("81.900,00") && page.contains("245.700,00"), "{page}");
    let (status, html) = app.get_text(&format!("/dresden/calls/{call}/decision-proposal")).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "a visitor is sent to sign in");
    assert!(!html.contains("Heidepark"));
}

#[tokio::test]
async fn the_call_page_form_sets_the_rubric_row_by_row() {
    let app = TestApp::spawn().await;
    let api = Api { app: &app };
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let open = crate::bids::open_call(&app).await["summary"]["id"].as_str().expect("id").to_owned();
    let (closed, _) = practice_2018(&app, &admin).await;
    let row = |call: &str, weight: &str| {
        vec![
            ("call".to_owned(), call.to_owned()),
            ("form[criterion-0-title]".to_owned(), "Vernetzung im Stadtraum".to_owned()),
            ("form[criterion-0-description]".to_owned(), "Wen kennt der Träger?".to_owned()),
            ("form[criterion-0-weight]".to_owned(), weight.to_owned()),
            ("form[criterion-0-min]".to_owned(), "0".to_owned()),
            ("form[criterion-0-max]".to_owned(), "2".to_owned()),
            ("form[criterion-0-anchors]".to_owned(), "kaum\nteils\numfassend\n".to_owned()),
            // An empty row adds nothing.
            ("form[criterion-1-title]".to_owned(), String::new()),
            ("form[criterion-1-weight]".to_owned(), "10".to_owned()),
        ]
    };
    let send = |form: Vec<(String, String)>| {
        let browser = browser.clone();
        let app = &app;
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.call(&browser, "set_rubric", &form).await.status()
        }
    };
    assert_eq!(send(row(&open, "0")).await, StatusCode::UNPROCESSABLE_ENTITY, "a weight of 0");
    assert_eq!(send(row(&open, "25")).await, StatusCode::OK);
    let rubric = json(api.get(&admin, &format!("/calls/{open}/rubric")).await).await;
    assert_eq!(rubric.as_array().map(Vec::len), Some(1));
    assert_eq!(rubric[0]["anchors"], json!(["kaum", "teils", "umfassend"]));
    assert_eq!(rubric[0]["weight"], 25);
    assert_eq!(send(row(&closed, "25")).await, StatusCode::UNPROCESSABLE_ENTITY, "frozen after closing");
}

/// A city's call has twenty lots, each with a matrix of every member's sheets: the page shows one lot and
/// links the others, while the API answers every lot at once (its contract), or one lot with `?lot=`.
#[tokio::test]
async fn the_ranking_page_shows_one_lot_at_a_time() {
    let app = TestApp::spawn().await;
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let api = Api { app: &app };
    let call = fresh_call(&app, model::call::Module::Practice).await;
    let all = json(api.get(&admin, &format!("/calls/{call}/ranking")).await).await;
    let choices = all["choices"].as_array().expect("choices").clone();
    assert!(choices.len() >= 2, "the fresh call has several lots with bids: {choices:?}");
    assert!(all["lots"].as_array().expect("lots").len() >= choices.len(), "every lot, also those without bids");
    let lot = |i: usize| {
        (choices[i]["lot_id"].as_str().expect("id").to_owned(), choices[i]["title"].as_str().expect("title").to_owned())
    };
    let ((first, first_title), (second, second_title)) = (lot(0), lot(1));

    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let page = |query: String| {
        let browser = browser.clone();
        let url = app.url(&format!("/dresden/calls/{call}/ranking{query}"));
        async move {
            let response = browser.get(url).send().await.expect("get");
            (response.status(), response.text().await.expect("text"))
        }
    };
    let (status, html) = page(String::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("id=\"ranking-{first}\"")), "the first lot is shown");
    assert!(!html.contains(&format!("id=\"ranking-{second}\"")), "the second lot is not");
    assert!(html.contains(&format!("href=\"?lot={second}\"")), "the second lot is linked");
    assert!(html.contains(&format!("href=\"?lot={first}\" aria-current=\"page\"")), "the first lot is current");

    let (status, html) = page(format!("?lot={second}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("id=\"ranking-{second}\"")) && html.contains(&second_title));
    assert!(!html.contains(&format!("id=\"ranking-{first}\"")), "{first_title} is only linked");

    // A lot that is no lot of this call, and one that is no id, are not found.
    for query in [format!("?lot={}", uuid::Uuid::new_v4()), "?lot=erstes".to_owned()] {
        let (status, html) = page(query).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!html.contains(&first_title) && !html.contains("ranking-table"));
    }

    // The API answers one lot when asked, and still names every lot with bids.
    let one = json(api.get(&admin, &format!("/calls/{call}/ranking?lot={second}")).await).await;
    let lots = one["lots"].as_array().expect("lots");
    assert_eq!(lots.len(), 1, "{one}");
    assert_eq!(lots[0]["lot_id"], second.as_str());
    assert_eq!(
        lots[0]["lines"],
        all["lots"].as_array().expect("lots").iter().find(|l| l["lot_id"] == second.as_str()).expect("lot")["lines"]
    );
    assert_eq!(one["choices"], all["choices"]);
    let unknown = api.get(&admin, &format!("/calls/{call}/ranking?lot={}", uuid::Uuid::new_v4())).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let malformed = api.get(&admin, &format!("/calls/{call}/ranking?lot=erstes")).await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert!(!malformed.text().await.expect("body").contains(&first_title), "a refusal names no lot");
}

/// The steering group's bid list shows one lot of a city's call at a time and links the others; a member
/// sees a lot's bids only after declaring for it. The API answers every lot's bids (its contract), or one
/// lot's with `?lot=`.
#[tokio::test]
async fn the_bid_list_shows_one_lot_at_a_time() {
    let app = TestApp::spawn().await;
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let api = Api { app: &app };
    let call = fresh_call(&app, model::call::Module::Practice).await;
    let all = json(api.get(&admin, &format!("/calls/{call}/bids")).await).await;
    let bids = all["bids"].as_array().expect("bids").clone();
    // The lots with bids, in the call's order (the counts are).
    let lots: Vec<String> = all["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .filter(|c| c["submitted"].as_u64().is_some_and(|n| n > 0))
        .map(|c| c["lot_id"].as_str().expect("lot").to_owned())
        .collect();
    assert!(lots.len() >= 2, "the fresh call has several lots with bids: {lots:?}");
    let bids_of = |lot: &str| -> Vec<String> {
        bids.iter()
            .filter(|b| b["summary"]["lot_id"] == lot)
            .map(|b| b["summary"]["id"].as_str().expect("id").to_owned())
            .collect()
    };
    let (first, second) = (lots[0].clone(), lots[1].clone());
    let shows = |html: &str, lot: &str| bids_of(lot).iter().all(|bid| html.contains(&format!("/bids/{bid}/versions/")));
    let hides = |html: &str, lot: &str| !bids_of(lot).iter().any(|bid| html.contains(bid.as_str()));

    let page = |client: reqwest::Client, query: String| {
        let url = app.url(&format!("/dresden/calls/{call}/bids{query}"));
        async move {
            let response = client.get(url).send().await.expect("get");
            (response.status(), response.text().await.expect("text"))
        }
    };
    let browser = app.signed_in("dresden", "admin@dresden.demo").await;
    let (status, html) = page(browser.clone(), String::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shows(&html, &first) && hides(&html, &second), "the first lot's bids, not the second's");
    assert!(html.contains(&format!("href=\"?lot={second}\"")), "the second lot is linked");
    assert!(html.contains(&format!("href=\"?lot={first}\" aria-current=\"page\"")), "the first lot is current");
    let (status, html) = page(browser.clone(), format!("?lot={second}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shows(&html, &second) && hides(&html, &first), "the second lot's bids, not the first's");
    // A lot that is no lot of this call, and one that is no id, are not found.
    for query in [format!("?lot={}", uuid::Uuid::new_v4()), "?lot=erstes".to_owned()] {
        let (status, html) = page(browser.clone(), query).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(hides(&html, &first) && hides(&html, &second));
    }

    // A member who has not declared sees no bids, and is told where to declare.
    let member = app.signed_in("dresden", "steuerung1@dresden.demo").await;
    let (status, html) = page(member.clone(), String::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"undeclared-lots\"") && html.contains(&format!("/dresden/calls/{call}/evaluation")));
    assert!(hides(&html, &first) && hides(&html, &second), "no bids before declaring");
    let (status, html) = page(member.clone(), format!("?lot={second}")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("Interessenkonflikt") && hides(&html, &second), "asked for a lot, told to declare");
    let token = app.token("dresden", "steuerung1@dresden.demo").await;
    let undeclared = json(api.get(&token, &format!("/calls/{call}/bids")).await).await;
    assert_eq!(undeclared["bids"].as_array().map(Vec::len), Some(0), "{undeclared}");
    let refused = api.get(&token, &format!("/calls/{call}/bids?lot={first}")).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert!(hides(&refused.text().await.expect("body"), &first));
    app.declare_no_conflicts(&member, &call).await;
    let (_, html) = page(member.clone(), String::new()).await;
    assert!(!html.contains("id=\"undeclared-lots\""));
    assert!(shows(&html, &first) && hides(&html, &second), "after declaring, the first lot's bids");

    // The API answers one lot's bids when asked, with every lot's counts.
    let one = json(api.get(&admin, &format!("/calls/{call}/bids?lot={second}")).await).await;
    let ids: Vec<&str> =
        one["bids"].as_array().expect("bids").iter().filter_map(|b| b["summary"]["id"].as_str()).collect();
    assert_eq!(ids, bids_of(&second));
    assert_eq!(one["counts"], all["counts"]);
    let unknown = api.get(&admin, &format!("/calls/{call}/bids?lot={}", uuid::Uuid::new_v4())).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let malformed = api.get(&admin, &format!("/calls/{call}/bids?lot=erstes")).await;
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert!(hides(&malformed.text().await.expect("body"), &first));
}
