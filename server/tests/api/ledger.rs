//! Controlling's money (issue 14): the demo's ledger from the 2018 resolution on, the budget and the ledger
//! over the API for every kind of caller (bodies checked), entries, corrections, the earmark and the closing
//! of a year with its carry-over, `server ledger check`, and the database refusing to change a ledger row.

use crate::support::TestApp;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

async fn send(token: Option<&str>, request: reqwest::RequestBuilder) -> (u16, String) {
    let request = match token {
        Some(token) => request.bearer_auth(token),
        None => request,
    };
    let response = request.header("accept-language", "de").send().await.expect("request");
    (response.status().as_u16(), response.text().await.expect("body"))
}

async fn get(app: &TestApp, token: Option<&str>, path: &str) -> (u16, String) {
    send(token, app.client.get(app.url(&format!("/api/v1/tenants/dresden{path}")))).await
}

async fn post(app: &TestApp, token: Option<&str>, path: &str, body: Value) -> (u16, String) {
    send(token, app.client.post(app.url(&format!("/api/v1/tenants/dresden{path}"))).json(&body)).await
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("json ({e}): {text}"))
}

fn line<'a>(budget: &'a Value, module: &str) -> &'a Value {
    budget["modules"].as_array().expect("modules").iter().find(|l| l["module"] == module).expect("the module's line")
}

#[tokio::test]
async fn the_demo_ledger_carries_the_2018_money_into_2019_and_adds_up() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    assert_eq!(app::controlling::ops::check_all(&db).await.expect("check"), Vec::<String>::new());
    let token = app.token("dresden", "steuerung4@dresden.demo").await;

    let (status, body) = get(&app, Some(&token), "/budget?year=2018").await;
    assert_eq!(status, 200, "{body}");
    let budget = json(&body);
    assert_eq!(budget["closed"], true);
    let practice = line(&budget, "practice");
    assert_eq!(practice["appropriated"], "300000.00");
    assert_eq!(practice["disbursed"], "0.00");
    assert_eq!(practice["carried_out"], "300000.00");
    assert_eq!(practice["available"], "0.00");

    let (_, body) = get(&app, Some(&token), "/budget?year=2019").await;
    let budget = json(&body);
    let practice = line(&budget, "practice");
    assert_eq!(practice["carried_in"], "300000.00");
    assert_eq!(practice["appropriated"], "0.00");
    // The three posts' first year: committed by the awards, paid quarterly from February.
    let committed: f64 = practice["committed"].as_str().expect("committed").parse().expect("number");
    let disbursed: f64 = practice["disbursed"].as_str().expect("disbursed").parse().expect("number");
    assert!(committed > 75_000.0 && (disbursed - committed).abs() < 1.0, "{practice}");
    let steering = line(&budget, "steering");
    assert_eq!(steering["appropriated"], steering["disbursed"], "{steering}");
    assert_eq!(steering["available"], "0.00");
    // The rest of 2019 went on into 2020, to the cent.
    let (_, body) = get(&app, Some(&token), "/budget?year=2020").await;
    let next = json(&body);
    assert_eq!(line(&next, "practice")["carried_in"], practice["carried_out"]);

    // Last year waits for its closing; this year is open.
    let (_, body) = get(&app, Some(&token), "/budget?year=2025").await;
    assert_eq!(json(&body)["closed"], false);

    // The ledger, newest first, with the reversed double payment of 2021.
    let (status, body) = get(&app, Some(&token), "/ledger?year=2021&kind=disbursement").await;
    assert_eq!(status, 200, "{body}");
    let page = json(&body);
    let entries = page["entries"].as_array().expect("entries");
    let correction = entries.iter().find(|e| !e["reverses"].is_null()).expect("the correction");
    assert!(correction["amount"].as_str().expect("amount").starts_with('-'), "{correction}");
    let reversed = entries.iter().find(|e| e["id"] == correction["reverses"]).expect("the reversed payment");
    assert_eq!(reversed["reversed_by"], correction["id"]);
    assert!(reversed["award_label"].as_str().expect("label").contains("Stadtraum"), "{reversed}");
    let dates: Vec<&str> = entries.iter().map(|e| e["booked_on"].as_str().expect("date")).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    assert!(page["total_count"].as_u64().expect("count") >= 12);

    // Nothing of the demo's money lies in the future.
    let (_, body) = get(&app, Some(&token), "/ledger?year=2026").await;
    let today = chrono::Utc::now().date_naive();
    for entry in json(&body)["entries"].as_array().expect("entries") {
        let booked: chrono::NaiveDate = entry["booked_on"].as_str().expect("date").parse().expect("date");
        assert!(booked <= today, "{entry}");
    }
}

#[tokio::test]
async fn only_the_steering_group_and_the_administration_see_the_money() {
    let app = TestApp::spawn().await;
    for email in ["admin@dresden.demo", "steuerung4@dresden.demo"] {
        let token = app.token("dresden", email).await;
        let (status, body) = get(&app, Some(&token), "/budget?year=2018").await;
        assert_eq!(status, 200, "{email}: {body}");
        assert!(body.contains("300000.00"));
        let (status, body) = get(&app, Some(&token), "/ledger").await;
        assert_eq!(status, 200, "{email}: {body}");
    }
    for email in ["traeger1@dresden.demo", "koordination1@dresden.demo", "bezirk1@dresden.demo"] {
        let token = app.token("dresden", email).await;
        for path in ["/budget?year=2018", "/ledger", "/ledger?year=2019"] {
            let (status, body) = get(&app, Some(&token), path).await;
            assert_eq!(status, 403, "{email} {path}: {body}");
            assert!(!body.contains("300000") && !body.contains("ZA-") && !body.contains("A0446"), "{email}: {body}");
        }
        let (status, body) = post(&app, Some(&token), "/ledger", json!({"kind": "correction"})).await;
        assert!(status == 403 || status == 400, "{email}: {status} {body}");
    }
    // A member of the steering group reads but does not book.
    let member = app.token("dresden", "steuerung4@dresden.demo").await;
    let appropriation = json!({"kind": "appropriation", "module": "practice", "year": 2026, "amount": "1000.00",
        "booked_on": "2026-11-30", "reference": "V0001/26"});
    let (status, body) = post(&app, Some(&member), "/ledger", appropriation.clone()).await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = post(&app, Some(&member), "/budget/2025/closing", json!({})).await;
    assert_eq!(status, 403, "{body}");
    // Nobody, and another tenant's administrator.
    let (status, body) = get(&app, None, "/budget?year=2018").await;
    assert_eq!(status, 401);
    assert!(!body.contains("300000"));
    let other = app.token("musterstadt", "admin@musterstadt.demo").await;
    for path in ["/budget?year=2018", "/ledger"] {
        let (status, body) = get(&app, Some(&other), path).await;
        assert_eq!(status, 401, "{body}");
        assert!(!body.contains("300000") && !body.contains("ZA-"), "{body}");
    }
    let (status, _) = post(&app, Some(&other), "/ledger", appropriation).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn entries_corrections_the_earmark_and_the_closing_follow_the_rules() {
    let app = TestApp::spawn().await;
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (_, body) = get(&app, Some(&admin), "/posts").await;
    let posts = json(&body);
    let post_id = posts.as_array().expect("posts").iter().find(|p| p["kind"] == "post").expect("a post")["id"].clone();
    let (_, body) = get(&app, Some(&admin), "/budget?year=2026").await;
    let before = json(&body);
    let available = line(&before, "practice")["available"].as_str().expect("available").to_owned();

    // Bad input: answered in German, nothing booked.
    for (bad, status, words) in [
        (
            json!({"kind": "appropriation", "module": "practice", "year": 2026, "amount": "0", "booked_on": "2026-11-30", "reference": "V1"}),
            422,
            "größer als null",
        ),
        (
            json!({"kind": "appropriation", "module": "practice", "year": 2026, "amount": "10.00", "booked_on": "2026-11-30", "reference": " "}),
            422,
            "Aktenzeichen",
        ),
        (
            json!({"kind": "appropriation", "module": "practice", "year": 2026, "amount": "1.234", "booked_on": "2026-11-30", "reference": "V1"}),
            400,
            "",
        ),
        (
            json!({"kind": "disbursement", "module": "steering", "year": 2026, "award_id": post_id, "amount": "10.00", "booked_on": "2026-11-30", "reference": "ZA-X"}),
            422,
            "Zweckgebundene",
        ),
        (
            json!({"kind": "disbursement", "module": "practice", "year": 2026, "award_id": post_id, "amount": "9999999.00", "booked_on": "2026-11-30", "reference": "ZA-X"}),
            422,
            "übersteigt",
        ),
        (json!({"kind": "commitment", "module": "practice", "year": 2026, "amount": "10.00"}), 400, ""),
        (
            json!({"kind": "appropriation", "module": "practice", "year": 2019, "amount": "10.00", "booked_on": "2019-11-30", "reference": "V1"}),
            409,
            "abgeschlossen",
        ),
    ] {
        let (got, body) = post(&app, Some(&admin), "/ledger", bad.clone()).await;
        assert_eq!(got, status, "{bad}: {body}");
        assert!(body.contains(words), "{bad}: {body}");
    }
    let (_, body) = get(&app, Some(&admin), "/budget?year=2026").await;
    assert_eq!(line(&json(&body), "practice")["available"], available.as_str(), "nothing was booked");

    // A budget, a payment from it, and a correction of the payment.
    let budget = json!({"kind": "appropriation", "module": "practice", "year": 2026, "amount": "1.000,50",
        "booked_on": "2026-11-30", "reference": "V0001/26"});
    let (status, body) = post(&app, Some(&admin), "/ledger", budget).await;
    assert_eq!(status, 400, "amounts are decimal strings with a point: {body}");
    let budget = json!({"kind": "appropriation", "module": "practice", "year": 2026, "amount": "1000.50",
        "booked_on": "2026-11-30", "reference": "V0001/26", "note": "Nachtragshaushalt"});
    let (status, body) = post(&app, Some(&admin), "/ledger", budget).await;
    assert_eq!(status, 201, "{body}");
    let appropriation = json(&body);
    assert_eq!(appropriation["amount"], "1000.50");
    let payment = json!({"kind": "disbursement", "module": "practice", "year": 2026, "award_id": post_id,
        "amount": "250.25", "booked_on": "2026-12-01", "reference": "ZA-2026-X"});
    let (status, body) = post(&app, Some(&admin), "/ledger", payment).await;
    assert_eq!(status, 201, "{body}");
    let paid = json(&body);
    let correction = json!({"kind": "correction", "reverses": paid["id"], "booked_on": "2026-12-02", "note": ""});
    let (status, body) = post(&app, Some(&admin), "/ledger", correction).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("begründen"), "{body}");
    let correction =
        json!({"kind": "correction", "reverses": paid["id"], "booked_on": "2026-12-02", "note": "Falscher Träger"});
    let (status, body) = post(&app, Some(&admin), "/ledger", correction.clone()).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(json(&body)["amount"], "-250.25");
    let (status, body) = post(&app, Some(&admin), "/ledger", correction).await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("bereits storniert"), "{body}");
    let (_, body) = get(&app, Some(&admin), "/budget?year=2026").await;
    let after = json(&body);
    let expected: rust_decimal::Decimal =
        available.parse::<rust_decimal::Decimal>().expect("decimal") + rust_decimal::Decimal::new(100050, 2);
    assert_eq!(line(&after, "practice")["available"], format!("{expected:.2}"));

    // Closing: not this year (not over), last year yes — its rest goes into this year, earmarked.
    let (status, body) = post(&app, Some(&admin), "/budget/2026/closing", json!({})).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("noch nicht zu Ende"), "{body}");
    let (status, body) = post(&app, Some(&admin), "/budget/x/closing", json!({})).await;
    assert_eq!(status, 400, "{body}");
    let (_, body) = get(&app, Some(&admin), "/budget?year=2025").await;
    let rest = line(&json(&body), "practice")["available"].clone();
    let (status, body) = post(&app, Some(&admin), "/budget/2025/closing", json!({})).await;
    assert_eq!(status, 201, "{body}");
    let closing = json(&body);
    assert_eq!(closing["carried"][0]["carried_in"], rest);
    // Again: the same closing, nothing carried twice.
    let (status, body) = post(&app, Some(&admin), "/budget/2025/closing", json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["carried"], closing["carried"]);
    let (status, body) = post(&app, Some(&admin), "/budget/2020/closing", json!({})).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = post(&app, Some(&admin), "/budget/2017/closing", json!({})).await;
    assert_eq!(status, 409, "a year before closed ones: {body}");
    let (_, body) = get(&app, Some(&admin), "/budget?year=2025").await;
    let closed = json(&body);
    assert_eq!(closed["closed"], true);
    assert_eq!(line(&closed, "practice")["available"], "0.00");
    let (_, body) = get(&app, Some(&admin), "/budget?year=2026").await;
    assert_eq!(line(&json(&body), "practice")["carried_in"], rest);
    let late = json!({"kind": "disbursement", "module": "practice", "year": 2025, "award_id": post_id,
        "amount": "1.00", "booked_on": "2026-12-01", "reference": "ZA-late"});
    let (status, body) = post(&app, Some(&admin), "/ledger", late).await;
    assert_eq!(status, 409, "{body}");

    assert_eq!(app::controlling::ops::check_all(&app.db().await).await.expect("check"), Vec::<String>::new());
    // Each entry and the closing are in the audit log.
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let db = app.db().await;
    let audited = |action: &'static str| {
        model::entity::audit_entry::Entity::find()
            .filter(model::entity::audit_entry::Column::Action.eq(action))
            .count(&db)
    };
    assert_eq!(audited("ledger.entry_added").await.expect("count"), 3);
    assert_eq!(audited("ledger.year_closed").await.expect("count"), 1);
}

#[tokio::test]
async fn the_database_refuses_to_change_or_remove_a_ledger_row() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let backend = db.get_database_backend();
    for sql in ["UPDATE ledger_entries SET amount_cents = amount_cents + 1", "DELETE FROM ledger_entries"] {
        let result = db.execute(Statement::from_string(backend, sql.to_owned())).await;
        let error = result.expect_err("the ledger is append-only").to_string();
        assert!(error.contains("append-only"), "{error}");
    }
    assert_eq!(app::controlling::ops::check_all(&db).await.expect("check"), Vec::<String>::new());
}

#[tokio::test]
async fn ledger_check_names_what_does_not_add_up() {
    let app = TestApp::spawn().await;
    let server = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
        command.env_remove("SPIELRAUM_DEMO").env("DATABASE_URL", &app.database_url);
        command
    };
    let output = server().args(["ledger", "check"]).output().expect("run ledger check");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("adds up"));
    // Money carried into a year whose year before was never closed, slipped in past the application.
    let db = app.db().await;
    let scope = app::store::TenantScope::resolve(&db, "dresden").await.expect("dresden");
    let entry = app::store::ledger::NewEntry {
        line: model::ledger::Line {
            programme: "praevention".into(),
            module: model::call::Module::Practice,
            year: 2027,
        },
        kind: model::ledger::EntryKind::CarryIn,
        amount: model::Money::from_cents(4_200),
        reverses: None,
        award_id: None,
        booked_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        reference: String::new(),
        note: String::new(),
        created_by: None,
    };
    app::store::ledger::insert(&db, &scope, entry, chrono::Utc::now()).await.expect("insert");
    let output = server().args(["ledger", "check"]).output().expect("run ledger check");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("dresden: praevention / practice / 2027"), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("discrepanc"));
    // The sums the database keeps followed that booking too; one changed behind its back is named.
    assert!(!stdout.contains("kept sum"), "{stdout}");
    use sea_orm::ConnectionTrait;
    db.execute_unprepared(
        "UPDATE ledger_sums SET amount_cents = amount_cents + 1 WHERE kind = 'appropriation' AND year = 2019",
    )
    .await
    .expect("tamper");
    let output = server().args(["ledger", "check"]).output().expect("run ledger check");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("dresden: praevention / steering / 2019 / appropriation: kept sum"), "{stdout}");
}

#[tokio::test]
async fn the_dashboard_shows_money_posts_and_coverage_of_a_year() {
    let app = TestApp::spawn().await;
    let member = app.signed_in("dresden", "steuerung4@dresden.demo").await;
    let response = app.call(&member, "controlling_dashboard", &[("year", "2019")]).await;
    assert_eq!(response.status(), 200);
    let view: Value = response.json().await.expect("json");
    assert_eq!(view["year"], 2019);
    assert_eq!(view["programme_reference"], "A0446/18");
    assert_eq!(view["budget"]["year"], 2019);
    // Every year from the resolution on, the first of them 2018 with its 300,000 EUR carried out.
    let history = view["history"].as_array().expect("history");
    assert_eq!(history[0]["year"], 2018);
    assert_eq!(history[0]["carried_out"], "300000.00");
    // 2019 month by month: the carry-over in January, the first payments in February.
    let months = view["burn_down"].as_array().expect("months");
    assert_eq!(months.len(), 12);
    assert_eq!(months[0]["disbursed"], "0.00");
    assert_ne!(months[1]["disbursed"], "0.00");
    // The three posts and the steering contract, each paid what it was funded.
    let posts = view["posts"].as_array().expect("posts");
    assert_eq!(posts.len(), 4, "{posts:?}");
    for post in posts {
        assert_eq!(post["funded"], post["disbursed"], "{post}");
    }
    // Twenty districts: Stadtraum 1 to 3 with posts, Stadtraum 4 and 5 without.
    let districts = view["districts"].as_array().expect("districts");
    assert_eq!(districts.len(), 20);
    let coverage = |name: &str| districts.iter().find(|d| d["name"] == name).expect(name)["coverage"].clone();
    assert_ne!(coverage("Stadtraum 1"), "uncovered");
    assert_eq!(coverage("Stadtraum 4"), "uncovered");
    assert_eq!(coverage("Stadtraum 5"), "uncovered");

    // The page draws it, with the tables behind the charts; the administration sees the forms, members not.
    let (status, page) = {
        let response = member.get(app.url("/dresden/controlling?year=2019")).send().await.expect("page");
        (response.status(), response.text().await.expect("body"))
    };
    assert_eq!(status, 200);
    for id in ["budget-table", "history-table", "burn-table", "posts-money", "coverage-grid", "coverage-table"] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(page.contains("aria-hidden=\"true\""), "charts are hidden from screen readers");
    let ledger = member.get(app.url("/dresden/controlling/ledger?year=2021")).send().await.expect("page");
    let ledger = ledger.text().await.expect("body");
    assert!(ledger.contains("id=\"ledger-table\"") && !ledger.contains("id=\"ledger-form\""));
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let ledger = admin.get(app.url("/dresden/controlling/ledger")).send().await.expect("page");
    let ledger = ledger.text().await.expect("body");
    assert!(ledger.contains("id=\"ledger-form\"") && ledger.contains("id=\"closing-form\""));
}

#[tokio::test]
async fn the_ledger_form_books_amounts_as_people_type_them() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let form = [
        ("kind", "appropriation"),
        ("module", "practice"),
        ("year", "2026"),
        ("amount", "1.234,56"),
        ("booked_on", "30.11.2026"),
        ("reference", "V0002/26"),
    ];
    let response = app.call(&admin, "add_ledger_entry", &form).await;
    assert_eq!(response.status(), 200);
    let entry: Value = response.json().await.expect("json");
    assert_eq!(entry["amount"], "1234.56");
    assert_eq!(entry["booked_on"], "2026-11-30");
    let mut bad = form;
    bad[3] = ("amount", "zwölf");
    let response = app.call(&admin, "add_ledger_entry", &bad).await;
    assert_eq!(response.status(), 422);
    let error: Value = response.json().await.expect("json");
    assert_eq!((error["code"].as_str(), error["field"].as_str()), (Some("invalid"), Some("amount")));
    bad[3] = ("amount", "12");
    bad[4] = ("booked_on", "");
    let error: Value = app.call(&admin, "add_ledger_entry", &bad).await.json().await.expect("json");
    assert_eq!((error["field"].as_str(), error["reason"].as_str()), (Some("booked_on"), Some("required")));
}

fn pdf_text(bytes: &[u8]) -> String {
    let document = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    assert!(!pages.is_empty(), "at least one page");
    document.extract_text(&pages).expect("text")
}

#[tokio::test]
async fn the_committee_report_of_2019_comes_as_data_page_pdf_xlsx_and_csv() {
    let app = TestApp::spawn().await;
    let member = app.token("dresden", "steuerung4@dresden.demo").await;
    let (status, body) = get(&app, Some(&member), "/committee-reports/2019").await;
    assert_eq!(status, 200, "{body}");
    let report = json(&body);
    assert_eq!(report["year"], 2019);
    assert!(report["text"]["measures"].as_str().expect("measures").contains("Stadtteilrunde Pieschen"));
    assert_eq!(line(&report["dashboard"]["budget"], "practice")["carried_in"], "300000.00");
    assert!(!report["figures"]["districts"].as_array().expect("districts").is_empty());
    // The year's figures, as the figures page has them for 2019, read from that year's reports alone.
    let (_, figures) = get(&app, Some(&member), "/report-figures?year=2019").await;
    let figures = json(&figures);
    assert_eq!(report["figures"]["districts"], figures["districts"]);
    assert_eq!(report["figures"]["quarters"], figures["quarters"]);
    let years = report["figures"]["years"].as_array().expect("years");
    assert_eq!(years.len(), 1, "only 2019: {years:?}");
    let of_2019 = figures["years"].as_array().expect("years").iter().find(|y| y["year"] == 2019).expect("2019");
    assert_eq!(years[0]["totals"], of_2019["totals"]);

    // The PDF: A4 pages numbered, the money, the group's words and its measures.
    let response = app
        .client
        .get(app.url("/api/v1/tenants/dresden/committee-reports/2019.pdf"))
        .bearer_auth(&member)
        .header("accept-language", "de")
        .send()
        .await
        .expect("pdf");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let text = pdf_text(&response.bytes().await.expect("bytes"));
    assert!(text.contains("Jahresbericht 2019"), "{text}");
    assert!(text.contains("Seite 1 von"), "page numbers: {text}");
    assert!(text.contains("300.000,00"), "the carry-over from 2018: {text}");
    assert!(text.contains("Stadtteilrunde Pieschen"), "the measures: {text}");
    assert!(text.contains("Stadtraum 1"), "coverage and figures per district: {text}");
    let disbursed = line(&report["dashboard"]["budget"], "practice")["disbursed"].as_str().expect("amount").to_owned();
    let (whole, cents) = disbursed.split_once('.').expect("two places");
    let grouped = whole
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| std::str::from_utf8(c).expect("digits"))
        .collect::<Vec<_>>()
        .join(".");
    assert!(text.contains(&format!("{grouped},{cents}")), "2019's payments {grouped},{cents}: {text}");

    // The workbook: one sheet per table, amounts as numbers.
    let response = app
        .client
        .get(app.url("/api/v1/tenants/dresden/committee-reports/2019.xlsx"))
        .bearer_auth(&member)
        .send()
        .await
        .expect("xlsx");
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.expect("bytes").to_vec();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an xlsx is a zip archive");
    let mut read = |path: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(path).expect(path), &mut text).expect("utf-8");
        text
    };
    let workbook = read("xl/workbook.xml");
    assert!(workbook.contains("Haushalt 2019") && workbook.contains("Abdeckung"), "{workbook}");
    let budget = read("xl/worksheets/sheet1.xml");
    assert!(budget.contains("<v>300000</v>"), "the carry-over as a number: {budget}");

    // The CSV: every table under its caption, German separators.
    let response = app
        .client
        .get(app.url("/api/v1/tenants/dresden/committee-reports/2019.csv"))
        .bearer_auth(&member)
        .header("accept-language", "de")
        .send()
        .await
        .expect("csv");
    assert_eq!(response.status(), 200);
    let csv = response.text().await.expect("text");
    assert!(csv.contains("Haushalt 2019") && csv.contains("300.000,00"), "{csv}");
    assert!(csv.lines().any(|l| l.starts_with("Praxismodul;")), "{csv}");

    // Unknown forms and bad years.
    for path in ["/committee-reports/2019.doc", "/committee-reports/zwanzig"] {
        let (status, body) = get(&app, Some(&member), path).await;
        assert_eq!(status, 404, "{path}: {body}");
    }
    let (status, _) = get(&app, Some(&member), "/committee-reports/1900").await;
    assert_eq!(status, 422);

    // Refused: no money, no words of the group.
    for email in ["traeger1@dresden.demo", "koordination1@dresden.demo", "bezirk1@dresden.demo"] {
        let token = app.token("dresden", email).await;
        for path in ["/committee-reports/2019", "/committee-reports/2019.pdf", "/committee-reports/2019.csv"] {
            let (status, body) = get(&app, Some(&token), path).await;
            assert_eq!(status, 403, "{email} {path}");
            assert!(!body.contains("Pieschen") && !body.contains("300"), "{email}: {body}");
        }
    }
    let other = app.token("musterstadt", "admin@musterstadt.demo").await;
    let (status, body) = get(&app, Some(&other), "/committee-reports/2019").await;
    assert_eq!(status, 401);
    assert!(!body.contains("Pieschen"));
    let (status, _) = get(&app, None, "/committee-reports/2019.pdf").await;
    assert_eq!(status, 401);

    // The page's downloads, for a signed-in member.
    let browser = app.signed_in("dresden", "steuerung4@dresden.demo").await;
    let response = browser.get(app.url("/dresden/committee-reports/2019.pdf")).send().await.expect("pdf");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let (status, html) = {
        let response =
            browser.get(app.url("/dresden/controlling/committee-report?year=2019")).send().await.expect("page");
        (response.status(), response.text().await.expect("html"))
    };
    assert_eq!(status, 200);
    assert!(
        html.contains("Stadtteilrunde Pieschen") && !html.contains("id=\"committee-form\""),
        "the report is a document"
    );
    assert!(html.contains("href=\"/dresden/controlling/committee-report/text?year=2019\""), "its writers' link");
    let text = browser.get(app.url("/dresden/controlling/committee-report/text?year=2019")).send().await.expect("page");
    assert_eq!(text.status(), 200);
    let text = text.text().await.expect("html");
    assert!(
        text.contains("id=\"committee-form\"") && text.contains("Stadtteilrunde Pieschen"),
        "the form with the text"
    );
    // A reader who does not write it gets the report without the link, and the text page refused.
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let html = admin.get(app.url("/dresden/controlling/committee-report?year=2019")).send().await.expect("page");
    let html = html.text().await.expect("html");
    assert!(html.contains("Stadtteilrunde Pieschen") && !html.contains("committee-report/text"), "{html}");
    let refused =
        admin.get(app.url("/dresden/controlling/committee-report/text?year=2019")).send().await.expect("page");
    assert_eq!(refused.status(), 403);
    assert!(!refused.text().await.expect("html").contains("Stadtteilrunde Pieschen"));
}

#[tokio::test]
async fn the_steering_group_writes_the_reports_text_and_nobody_else() {
    let app = TestApp::spawn().await;
    let member = app.token("dresden", "steuerung2@dresden.demo").await;
    let text = json!({"narrative": "Ein gutes Jahr.\n\nMit zwei Absätzen.", "measures": "- Neues Elterncafé\n- Ferienfreizeit"});
    let put = |token: Option<String>, body: Value| {
        let request = app.client.put(app.url("/api/v1/tenants/dresden/committee-reports/2025/text")).json(&body);
        let request = match token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        async move {
            let response = request.send().await.expect("put");
            (response.status().as_u16(), response.text().await.expect("body"))
        }
    };
    let (status, body) = put(Some(member.clone()), text.clone()).await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = get(&app, Some(&member), "/committee-reports/2025").await;
    assert_eq!(json(&body)["text"]["measures"], "- Neues Elterncafé\n- Ferienfreizeit");
    let pdf = app
        .client
        .get(app.url("/api/v1/tenants/dresden/committee-reports/2025.pdf"))
        .bearer_auth(&member)
        .send()
        .await
        .expect("pdf");
    let text_of_pdf = pdf_text(&pdf.bytes().await.expect("bytes"));
    assert!(text_of_pdf.contains("Mit zwei Absätzen.") && text_of_pdf.contains("Ferienfreizeit"), "{text_of_pdf}");

    let too_long = json!({"narrative": "x".repeat(20_001)});
    let (status, body) = put(Some(member.clone()), too_long).await;
    assert_eq!(status, 422, "{body}");
    for email in ["admin@dresden.demo", "traeger1@dresden.demo", "koordination1@dresden.demo"] {
        let token = app.token("dresden", email).await;
        let (status, body) = put(Some(token), json!({"narrative": "Übernommen"})).await;
        assert_eq!(status, 403, "{email}: {body}");
    }
    let (status, _) = put(None, json!({"narrative": "Übernommen"})).await;
    assert_eq!(status, 401);
    let (_, body) = get(&app, Some(&member), "/committee-reports/2025").await;
    assert!(json(&body)["text"]["narrative"].as_str().expect("narrative").starts_with("Ein gutes Jahr."));
}

async fn import(app: &TestApp, token: &str, csv: &str, commit: bool) -> (u16, String) {
    let request = app
        .client
        .post(app.url(&format!("/api/v1/tenants/dresden/ledger/import?commit={commit}")))
        .header("content-type", "text/csv")
        .body(csv.to_owned());
    send(Some(token), request).await
}

#[tokio::test]
async fn a_csv_import_books_all_rows_or_none_and_says_what_is_wrong_with_each() {
    let app = TestApp::spawn().await;
    let admin = app.token("dresden", "admin@dresden.demo").await;
    let (_, body) = get(&app, Some(&admin), "/ledger").await;
    let before = json(&body)["total_count"].as_u64().expect("count");
    let (_, body) = get(&app, Some(&admin), "/budget?year=2026").await;
    let available = line(&json(&body), "practice")["available"].clone();

    // As the city's finance system writes it: BOM, semicolons, decimal commas, German days and words.
    let faulty = "\u{feff}Art;Modul;Haushaltsjahr;Betrag;Datum;Aktenzeichen;Stelle;Vermerk\n\
                  Veranschlagung;Praxismodul;2026;20.000,00;15.11.2026;Nachtrag V0003/26;;\n\
                  Auszahlung;Praxismodul;2026;1.500,50;01.12.2026;ZA-2026-771;Stadtraum 1;Sachkosten\n\
                  Auszahlung;Praxismodul;2026;zwölf;01.12.2026;ZA-2026-772;Stadtraum 2;\n\
                  Auszahlung;Praxismodul;2026;100,00;01.12.2026;ZA-2026-773;Stadtraum 9;\n\
                  Auszahlung;Steuerungsmodul;2026;100,00;01.12.2026;ZA-2026-774;Stadtraum 1;\n";
    for commit in [false, true] {
        let (status, body) = import(&app, &admin, faulty, commit).await;
        assert_eq!(status, 200, "{body}");
        let view = json(&body);
        assert_eq!(view["committed"], false);
        assert_eq!(view["errors"], 3, "{body}");
        let rows = view["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 5);
        assert!(rows[0]["error"].is_null() && rows[1]["error"].is_null(), "{body}");
        assert_eq!(rows[1]["amount"], "1500.50");
        assert!(rows[1]["award"].as_str().expect("matched").starts_with("Stadtraum 1"));
        assert_eq!(rows[2]["line"], 4);
        assert!(rows[2]["error"].as_str().expect("error").starts_with("Betrag (EUR):"), "{body}");
        assert!(rows[3]["error"].as_str().expect("error").contains("Stadtraum 9"), "{body}");
        assert!(
            rows[4]["error"].as_str().expect("error").contains("„Stadtraum 1“"),
            "no steering contract runs: {body}"
        );
    }
    let (_, body) = get(&app, Some(&admin), "/ledger").await;
    assert_eq!(json(&body)["total_count"].as_u64(), Some(before), "nothing was booked");
    let (_, body) = get(&app, Some(&admin), "/budget?year=2026").await;
    assert_eq!(line(&json(&body), "practice")["available"], available);

    // The rows put right: the preview is clean, and the commit books them all, audited.
    let fixed = "Art;Modul;Haushaltsjahr;Betrag;Datum;Aktenzeichen;Stelle;Vermerk\n\
                 Veranschlagung;Praxismodul;2026;20.000,00;15.11.2026;Nachtrag V0003/26;;\n\
                 Auszahlung;Praxismodul;2026;1.500,50;01.12.2026;ZA-2026-771;Stadtraum 1;Sachkosten\n\
                 Auszahlung;Praxismodul;2026;12,00;01.12.2026;ZA-2026-772;stadtraum 2;\n";
    let (status, body) = import(&app, &admin, fixed, false).await;
    assert_eq!((status, json(&body)["errors"].as_u64()), (200, Some(0)), "{body}");
    assert_eq!(json(&body)["committed"], false, "a preview books nothing");
    let (status, body) = import(&app, &admin, fixed, true).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["committed"], true);
    let (_, body) = get(&app, Some(&admin), "/ledger").await;
    assert_eq!(json(&body)["total_count"].as_u64(), Some(before + 3));
    let (_, body) = get(&app, Some(&admin), "/budget?year=2026").await;
    let after: rust_decimal::Decimal =
        line(&json(&body), "practice")["available"].as_str().expect("available").parse().expect("decimal");
    let was: rust_decimal::Decimal = available.as_str().expect("available").parse().expect("decimal");
    assert_eq!(after - was, rust_decimal::Decimal::new(1_848_750, 2), "20,000.00 - 1,500.50 - 12.00");
    assert_eq!(app::controlling::ops::check_all(&app.db().await).await.expect("check"), Vec::<String>::new());

    // A file that is not a ledger export at all, English columns with commas, and a caller who may not.
    let (status, body) = import(&app, &admin, "Name,Wert\nA,1\n", false).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Kopfzeile"), "{body}");
    let english = "kind,module,year,amount,date,reference\nappropriation,steering,2026,\"1,000.00\",2026-11-30,B-1\n";
    let (status, body) = import(&app, &admin, english, false).await;
    assert_eq!((status, json(&body)["errors"].as_u64()), (200, Some(0)), "{body}");
    assert_eq!(json(&body)["rows"][0]["amount"], "1000.00");
    let member = app.token("dresden", "steuerung4@dresden.demo").await;
    let (status, body) = import(&app, &member, fixed, true).await;
    assert_eq!(status, 403, "{body}");
}

#[tokio::test]
async fn the_home_page_reminds_of_last_years_closing_and_report() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let last = chrono::Datelike::year(&chrono::Utc::now().date_naive()) - 1;
    let tasks: Value = app.call(&admin, "controlling_tasks", &[]).await.json().await.expect("json");
    assert_eq!(tasks, json!({"year_to_close": last, "report_text_missing": null}));
    let member = app.signed_in("dresden", "steuerung4@dresden.demo").await;
    let tasks: Value = app.call(&member, "controlling_tasks", &[]).await.json().await.expect("json");
    assert_eq!(tasks, json!({"year_to_close": null, "report_text_missing": last}));
    let html = member.get(app.url("/dresden")).send().await.expect("home").text().await.expect("html");
    assert!(html.contains("id=\"controlling-tasks\"") && html.contains(&format!("committee-report/text?year={last}")));
    for (tenant, email) in [("dresden", "traeger1@dresden.demo"), ("dresden", "koordination1@dresden.demo")] {
        let browser = app.signed_in(tenant, email).await;
        let tasks: Value = app.call(&browser, "controlling_tasks", &[]).await.json().await.expect("json");
        assert_eq!(tasks, json!({"year_to_close": null, "report_text_missing": null}), "{email}");
    }
    let visitor: Value = app.call(&app.browser(), "controlling_tasks", &[]).await.json().await.expect("json");
    assert_eq!(visitor, json!({"year_to_close": null, "report_text_missing": null}));

    // Closing last year and writing its report take the tasks away.
    let token = app.token("dresden", "admin@dresden.demo").await;
    let (status, _) = post(&app, Some(&token), &format!("/budget/{last}/closing"), json!({})).await;
    assert_eq!(status, 201);
    let tasks: Value = app.call(&admin, "controlling_tasks", &[]).await.json().await.expect("json");
    assert!(tasks["year_to_close"].is_null());
    let form = [
        ("year", last.to_string()),
        ("narrative", "Ein Jahr der Konsolidierung.".to_owned()),
        ("measures", String::new()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(app.call(&member, "save_committee_text", &form).await.status(), 200);
    let tasks: Value = app.call(&member, "controlling_tasks", &[]).await.json().await.expect("json");
    assert!(tasks["report_text_missing"].is_null());
}

/// The years with entries (the year choices, the home page's closing task) are read from the sums the
/// database keeps per year (issue 16), and they are the years of the entries, also of one just booked.
#[tokio::test]
async fn the_years_with_entries_are_those_of_the_ledger() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let form = [
        ("kind", "appropriation"),
        ("module", "practice"),
        ("year", "2027"),
        ("amount", "50.000,00"),
        ("booked_on", "01.12.2026"),
        ("reference", "V0003/26"),
    ];
    let response = app.call(&admin, "add_ledger_entry", &form).await;
    assert_eq!(response.status(), 200, "{}", response.text().await.expect("body"));
    let db = app.db().await;
    let scope = app::store::TenantScope::resolve(&db, "dresden").await.expect("dresden");
    use model::entity::ledger_entry::{Column, Entity};
    let booked: Vec<i32> = Entity::find()
        .select_only()
        .column(Column::Year)
        .distinct()
        .filter(Column::TenantId.eq(scope.id()))
        .order_by_asc(Column::Year)
        .into_tuple()
        .all(&db)
        .await
        .expect("years");
    assert!(booked.contains(&2018) && booked.contains(&2027), "{booked:?}");
    assert_eq!(app::store::ledger::years(&db, &scope).await.expect("years"), booked);
}

/// A ledger page finds which of its rows were reversed from an index of the tenant's corrections (migration
/// 24), not by reading the tenant's whole ledger (SQLite had preferred the tenant's index: 12 ms a page on
/// the benchmark's city). Asked of SQLite's planner for the statement the page sends.
#[tokio::test]
async fn a_ledger_page_finds_its_reversals_by_index() {
    use sea_orm::DbBackend;
    let app = TestApp::spawn().await;
    let db = app.db().await;
    if db.get_database_backend() != DbBackend::Sqlite {
        return;
    }
    let admin = app.token("dresden", "admin@dresden.demo").await;
    app.statements.record();
    let (status, body) = get(&app, Some(&admin), "/ledger").await;
    assert_eq!(status, 200, "{body}");
    let reversals: Vec<_> = app.statements.take().into_iter().filter(|s| s.sql.contains("\"reverses\" IN")).collect();
    assert_eq!(reversals.len(), 1, "one statement asks for the page's reversals");
    let plan = crate::support::sqlite_plan(&db, &reversals[0]).await;
    assert!(plan.iter().any(|step| step.contains("INDEX ix_ledger_tenant_reverses")), "{plan:?}");
}
