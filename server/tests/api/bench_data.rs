//! The benchmark's data set generator (issue 16) at a small scale: it fills an empty database through the
//! domain code, every key page it names answers its account, and the counts come out as the scale says. The
//! benchmark's statement counter is served only when asked for.

use crate::support::TestApp;
use chrono::Utc;
use model::entity::{bid, bid_attachment, ledger_entry, report, score, tenant, user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::demo::large::{LARGE, Scale, generate};

const SMALL: Scale =
    Scale { small_tenants: 2, districts: 2, organisations: 6, members_per_organisation: 1, rounds: 1, bids_per_lot: 3 };

#[tokio::test]
async fn the_large_data_set_fills_an_empty_database_and_its_key_pages_answer() {
    let app = TestApp::spawn_with(|settings| {
        settings.demo = false;
        settings.bench = true;
    })
    .await;
    let db = app.db().await;
    let pages = generate(&db, SMALL, Utc::now()).await.expect("generated");
    assert_eq!(tenant::Entity::find().count(&db).await.expect("count"), 3);
    let again = generate(&db, SMALL, Utc::now()).await;
    assert!(again.is_err(), "the generator refuses a database with tenants");

    let large = tenant::Entity::find().filter(tenant::Column::Slug.eq(LARGE)).one(&db).await.expect("q").expect("city");
    // One round of three calls, two lots each, three bids per lot; and the open call's bids.
    let bids = bid::Entity::find().filter(bid::Column::TenantId.eq(large.id)).count(&db).await.expect("count");
    assert!(bids >= 3 * 2 * 3, "{bids} bids");
    let attachments = bid_attachment::Entity::find().count(&db).await.expect("count");
    assert_eq!(attachments, bids, "every bid has its attachment");
    let scores = score::Entity::find().filter(score::Column::TenantId.eq(large.id)).count(&db).await.expect("count");
    assert_eq!(scores, 7 * 3 * 2 * 3, "every member scored every decided bid");
    let reports = report::Entity::find().filter(report::Column::TenantId.eq(large.id)).count(&db).await.expect("count");
    // The round is last year's, so its posts run now: at least the eleven months of their first year are past.
    assert!(reports >= 6 * 3, "{reports} reports: six posts report at least three quarters of their first year");
    let entries = ledger_entry::Entity::find().count(&db).await.expect("count");
    assert!(entries >= 6 * 11 * 8, "{entries} ledger entries: eight a month for each post");
    let people = user::Entity::find().filter(user::Column::TenantId.eq(large.id)).count(&db).await.expect("count");
    assert_eq!(people, 1 + 7 + 6 + 6, "the administration, the group, a coordinator per post, a carrier each");

    let check = app.client.get(app.url("/_bench/statements")).send().await.expect("counter");
    let before: u64 = check.text().await.expect("text").parse().expect("a number");
    let mut browsers = std::collections::HashMap::new();
    for page in &pages {
        let browser = match &page.account {
            None => app.browser(),
            Some(email) if page.path.starts_with("/api/") => {
                let token = app.token(LARGE, email).await;
                let client = reqwest::Client::new();
                let response = client.get(app.url(&page.path)).bearer_auth(token).send().await.expect("get");
                assert!(response.status().is_success(), "{} ({}): {}", page.name, page.path, response.status());
                continue;
            }
            Some(email) => match browsers.get(email) {
                Some(browser) => reqwest::Client::clone(browser),
                None => {
                    let browser = app.signed_in(LARGE, email).await;
                    browsers.insert(email.clone(), browser.clone());
                    browser
                }
            },
        };
        let response = browser.get(app.url(&page.path)).send().await.expect("get");
        assert!(response.status().is_success(), "{} ({}): {}", page.name, page.path, response.status());
    }
    let after: u64 = app
        .client
        .get(app.url("/_bench/statements"))
        .send()
        .await
        .expect("counter")
        .text()
        .await
        .expect("text")
        .parse()
        .expect("a number");
    assert!(after > before, "the counter counts the pages' statements");
}

/// The SQL statements of one request to each key page (after a first that renews the session), read from
/// the benchmark's counter; nothing else runs meanwhile (the test server's job worker sleeps).
async fn statements_per_page(scale: Scale) -> Vec<(String, u64)> {
    let app = TestApp::spawn_with(|settings| {
        settings.demo = false;
        settings.bench = true;
    })
    .await;
    let db = app.db().await;
    let pages = generate(&db, scale, Utc::now()).await.expect("generated");
    let counter = || async {
        let text = app.client.get(app.url("/_bench/statements")).send().await.expect("counter").text().await;
        text.expect("text").parse::<u64>().expect("a number")
    };
    let mut counts = Vec::new();
    for page in pages.iter().filter(|p| !p.path.ends_with(".pdf")) {
        let (client, token) = match &page.account {
            None => (app.browser(), None),
            Some(email) if page.path.starts_with("/api/") => {
                (reqwest::Client::new(), Some(app.token(LARGE, email).await))
            }
            Some(email) => (app.signed_in(LARGE, email).await, None),
        };
        let get = || {
            let request = client.get(app.url(&page.path));
            match &token {
                Some(token) => request.bearer_auth(token),
                None => request,
            }
        };
        get().send().await.expect("get").bytes().await.expect("body");
        let before = counter().await;
        let response = get().send().await.expect("get");
        assert!(response.status().is_success(), "{}: {}", page.name, response.status());
        response.bytes().await.expect("body");
        counts.push((page.name.to_owned(), counter().await - before));
    }
    counts
}

/// No key page grows with the data (issue 16, item 4): a larger city with a longer history (more districts,
/// organisations, bids per lot, calls and years; so more posts, reports, sheets, ledger entries, people)
/// costs every key page and API operation not one SQL statement more.
#[tokio::test]
async fn key_pages_send_as_many_statements_for_a_larger_city() {
    let smaller = Scale { rounds: 4, ..SMALL };
    let larger =
        Scale { districts: 3, organisations: 8, members_per_organisation: 2, bids_per_lot: 4, rounds: 5, ..smaller };
    let before = statements_per_page(smaller).await;
    let after = statements_per_page(larger).await;
    assert_eq!(before, after, "statements per page, smaller city (left) and larger city (right)");
}

#[tokio::test]
async fn the_statement_counter_is_not_served_unless_benchmarking() {
    let app = TestApp::spawn().await;
    let response = app.client.get(app.url("/_bench/statements")).send().await.expect("get");
    assert_eq!(response.status(), reqwest::StatusCode::NOT_FOUND);
}
