//! The administration's workspace: people and roles, districts, seats, settings, audit log — and that an
//! administrator of one tenant can touch nothing of another.

use crate::support::{TestApp, link_token};
use reqwest::StatusCode;
use serde_json::Value;

async fn json(response: reqwest::Response) -> Value {
    response.json().await.expect("json body")
}

async fn user_id(app: &TestApp, admin: &reqwest::Client, email: &str) -> String {
    let directory = json(app.call(admin, "admin_users", &[("search", email)]).await).await;
    directory["users"][0]["id"].as_str().expect("user id").to_owned()
}

/// Invites Nora Neu with `role` and `seat`, naming the tenant's first organisation.
async fn invite_nora(app: &TestApp, admin: &reqwest::Client, role: &str, seat: &str) -> reqwest::Response {
    let organisations = json(app.call(admin, "invitation_organisations", &[]).await).await;
    let organisation = organisations[0]["id"].as_str().expect("organisation").to_owned();
    let invite = [
        ("name", "Nora Neu"),
        ("email", "nora@traeger.example"),
        ("role", role),
        ("seat", seat),
        ("organisation", organisation.as_str()),
    ];
    app.call(admin, "invite_user", &invite).await
}

#[tokio::test]
async fn administrators_cannot_grant_carrier_roles_and_the_attempt_is_audited() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let response = invite_nora(&app, &admin, "carrier", "").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(response).await;
    assert_eq!(body["reason"], "carrier_role_by_carrier_only");
    let listed = json(app.call(&admin, "admin_users", &[("search", "nora")]).await).await;
    assert_eq!(listed["users"].as_array().map(Vec::len), Some(0), "no account was made");
    // Nor can a carrier account be made an administrator.
    let carrier = user_id(&app, &admin, "traeger2@dresden.demo").await;
    let keep_and_admin = [("user", carrier.as_str()), ("admin_role", "on"), ("carrier_role", "on")];
    let response = app.call(&admin, "set_user_roles", &keep_and_admin).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(response).await["reason"], "carrier_not_with_admin");
    let audit =
        json(app.call(&admin, "audit_lines", &[("person", ""), ("object", ""), ("from", ""), ("to", "")]).await).await;
    let refused = audit.as_array().expect("lines").iter().filter(|l| l["action"] == "user.roles_refused").count();
    assert_eq!(refused, 2, "both refusals are audited");
}

#[tokio::test]
async fn an_invited_person_sets_a_password_and_signs_in_with_the_role() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    assert_eq!(invite_nora(&app, &admin, "steering", "project_carrier").await.status(), StatusCode::OK);
    let listed = json(app.call(&admin, "admin_users", &[("search", "nora")]).await).await;
    assert_eq!(listed["users"][0]["invited"], true);
    assert_eq!(listed["users"][0]["roles"][0]["role"], "steering");

    let mail = app.links_to("nora@traeger.example").await.pop().expect("invitation email");
    assert!(mail.contains("nora@traeger.example"));
    let token = link_token(&mail, "token=");
    let browser = app.browser();
    let set = [
        ("tenant", "dresden"),
        ("token", token.as_str()),
        ("new_password", "Noras neues Passwort"),
        ("confirm_password", "Noras neues Passwort"),
    ];
    assert_eq!(app.call(&browser, "set_password", &set).await.status(), StatusCode::OK);
    let sign_in = [("tenant", "dresden"), ("email", "nora@traeger.example"), ("password", "Noras neues Passwort")];
    assert_eq!(app.call(&browser, "sign_in", &sign_in).await.status(), StatusCode::OK);
    let me = json(app.call(&browser, "whoami", &[("tenant", "dresden")]).await).await;
    let organisations = json(app.call(&admin, "invitation_organisations", &[]).await).await;
    assert_eq!(me["roles"][0]["organisation_id"], organisations[0]["id"]);
}

#[tokio::test]
async fn invitations_are_checked_field_by_field() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let cases = [
        ([("name", ""), ("email", "a@b.example"), ("role", "admin")], "name", "required"),
        ([("name", "A"), ("email", "kein-at"), ("role", "admin")], "email", "malformed"),
        ([("name", "A"), ("email", "traeger1@dresden.demo"), ("role", "admin")], "email", "taken"),
        ([("name", "A"), ("email", "s@b.example"), ("role", "steering")], "seat", "required"),
        ([("name", "A"), ("email", "c@b.example"), ("role", "carrier")], "organisation", "required"),
    ];
    for (form, field, reason) in cases {
        let response = app.call(&admin, "invite_user", &form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        let body = json(response).await;
        assert_eq!((body["field"].as_str(), body["reason"].as_str()), (Some(field), Some(reason)), "{form:?}");
    }
    assert!(app.outbox().is_empty(), "nothing was sent for refused invitations");
}

#[tokio::test]
async fn changing_roles_signs_the_person_out_and_admins_keep_their_own_admin_role() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let coordinator = app.signed_in("dresden", "koordination4@dresden.demo").await;
    let id = user_id(&app, &admin, "koordination4").await;
    let roles =
        [("user", id.as_str()), ("coordinator", "on"), ("district_contact", "on"), ("seat", ""), ("organisation", "")];
    assert_eq!(app.call(&admin, "set_user_roles", &roles).await.status(), StatusCode::OK);
    let after = json(app.call(&admin, "admin_users", &[("search", "koordination4")]).await).await;
    assert_eq!(after["users"][0]["roles"].as_array().map(Vec::len), Some(2));
    let page = coordinator.get(app.url("/dresden/account")).send().await.expect("get");
    assert_eq!(page.status(), StatusCode::SEE_OTHER, "the session ended with the role change");

    let own = user_id(&app, &admin, "admin@dresden.demo").await;
    let drop_admin = [("user", own.as_str()), ("coordinator", "on"), ("seat", ""), ("organisation", "")];
    assert_eq!(app.call(&admin, "set_user_roles", &drop_admin).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn deactivated_people_cannot_sign_in_until_reactivated() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = user_id(&app, &admin, "bezirk1").await;
    let off = app.call(&admin, "set_user_active", &[("user", id.as_str()), ("active", "false")]).await;
    assert_eq!(off.status(), StatusCode::OK);
    let form = [("tenant", "dresden"), ("email", "bezirk1@dresden.demo"), ("password", "spielraum-demo")];
    assert_eq!(app.call(&app.browser(), "sign_in", &form).await.status(), StatusCode::UNAUTHORIZED);
    let on = app.call(&admin, "set_user_active", &[("user", id.as_str()), ("active", "true")]).await;
    assert_eq!(on.status(), StatusCode::OK);
    assert_eq!(app.call(&app.browser(), "sign_in", &form).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn anonymising_removes_the_person_but_keeps_the_audit_trail() {
    use model::entity::audit_entry;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::spawn().await;
    app.signed_in("dresden", "traeger4@dresden.demo").await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = user_id(&app, &admin, "traeger4").await;
    let uuid = uuid::Uuid::parse_str(&id).expect("uuid");
    // A message, a sent mail and a mail not yet sent to the person.
    let db = app.db().await;
    let tenant = model::entity::user::Entity::find_by_id(uuid).one(&db).await.expect("q").expect("user").tenant_id;
    let params = app::notify::Params { call_title: "Aufruf".into(), ..Default::default() };
    app::notify::record(&db, tenant, &[uuid], app::notify::Kind::CallClosed, &params, "/dresden", chrono::Utc::now())
        .await
        .expect("message");
    let ask = [("tenant", "dresden"), ("email", "traeger4@dresden.demo")];
    app.call(&app.browser(), "request_password_reset", &ask).await;
    assert_eq!(app.links_to("traeger4@dresden.demo").await.len(), 1);
    let mail = app::mail::Mail {
        to: "traeger4@dresden.demo".into(),
        subject: "Hallo".into(),
        body: "Text".into(),
        calendar: None,
    };
    let later = chrono::Utc::now() + chrono::Duration::days(1);
    app::jobs::enqueue(&db, &app::jobs::Job::Email { user: Some(uuid), mail }, later, None, chrono::Utc::now())
        .await
        .expect("planned mail");
    let unconfirmed = app.call(&admin, "anonymise_user", &[("user", id.as_str())]).await;
    assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let confirmed = app.call(&admin, "anonymise_user", &[("user", id.as_str()), ("confirm", "on")]).await;
    assert_eq!(confirmed.status(), StatusCode::OK);

    let search = json(app.call(&admin, "admin_users", &[("search", "traeger4")]).await).await;
    assert_eq!(search["users"].as_array().map(Vec::len), Some(0), "name and email are gone");
    let jobs = model::entity::job::Entity::find().all(&db).await.expect("jobs");
    assert!(jobs.iter().all(|j| j.user_id != Some(uuid) && !j.payload.contains("traeger4")), "no mail of theirs");
    let messages = model::entity::notification::Entity::find()
        .filter(model::entity::notification::Column::UserId.eq(uuid))
        .all(&db)
        .await
        .expect("messages");
    assert!(messages.is_empty(), "no message of theirs");
    let trail =
        audit_entry::Entity::find().filter(audit_entry::Column::ActorUserId.eq(uuid)).all(&db).await.expect("q");
    assert!(trail.iter().any(|e| e.action == "auth.signed_in"), "the trail still points at the account");
    let form = [("tenant", "dresden"), ("email", "traeger4@dresden.demo"), ("password", "spielraum-demo")];
    assert_eq!(app.call(&app.browser(), "sign_in", &form).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_admin_of_another_tenant_reaches_nothing_of_this_one() {
    let app = TestApp::spawn().await;
    let dresden = app.signed_in("dresden", "admin@dresden.demo").await;
    let victim = user_id(&app, &dresden, "steuerung1").await;
    let district =
        json(app.call(&dresden, "admin_districts", &[]).await).await[0]["id"].as_str().expect("id").to_owned();

    let other = app.signed_in("musterstadt", "admin@musterstadt.demo").await;
    let listed = json(app.call(&other, "admin_users", &[("search", "")]).await).await;
    let emails: Vec<&str> =
        listed["users"].as_array().expect("users").iter().filter_map(|u| u["email"].as_str()).collect();
    assert_eq!(emails, ["admin@musterstadt.demo"]);
    // The invitation form offers this tenant's organisations only.
    let theirs = json(app.call(&other, "invitation_organisations", &[]).await).await;
    let ours = json(app.call(&dresden, "invitation_organisations", &[]).await).await;
    let ids = |list: &Value| -> Vec<String> {
        list.as_array().expect("organisations").iter().filter_map(|o| o["id"].as_str().map(str::to_owned)).collect()
    };
    assert!(!ids(&ours).is_empty() && ids(&ours).iter().all(|id| !ids(&theirs).contains(id)), "{theirs}");
    let attempts: [(&str, Vec<(&str, &str)>); 6] = [
        ("admin_user", vec![("user", &victim)]),
        ("set_user_roles", vec![("user", &victim), ("admin_role", "on"), ("seat", ""), ("organisation", "")]),
        ("set_user_active", vec![("user", &victim), ("active", "false")]),
        ("anonymise_user", vec![("user", &victim), ("confirm", "on")]),
        ("rename_district", vec![("district", &district), ("name", "Gekapert")]),
        ("retire_district", vec![("district", &district), ("retired", "true")]),
    ];
    for (function, form) in attempts {
        assert_eq!(app.call(&other, function, &form).await.status(), StatusCode::NOT_FOUND, "{function}");
    }
    let (_, districts) = app.get_json("/api/v1/tenants/dresden/districts").await;
    assert_eq!(districts[0]["name"], "Stadtraum 1", "nothing changed in Dresden");
}

#[tokio::test]
async fn districts_are_created_renamed_reordered_and_retired() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let first = json(app.call(&admin, "admin_districts", &[]).await).await[0]["id"].as_str().expect("id").to_owned();
    let rename = app.call(&admin, "rename_district", &[("district", first.as_str()), ("name", "Altstadt")]).await;
    assert_eq!(rename.status(), StatusCode::OK);
    let clash = app.call(&admin, "rename_district", &[("district", first.as_str()), ("name", "Stadtraum 2")]).await;
    assert_eq!(clash.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.call(&admin, "move_district", &[("district", first.as_str()), ("direction", "down")]).await.status(),
        StatusCode::OK
    );
    let created = app.call(&admin, "create_district", &[("name", "Ortschaft Neu"), ("kind", "villages")]).await;
    assert_eq!(created.status(), StatusCode::OK);
    let empty = app.call(&admin, "create_district", &[("name", "  "), ("kind", "villages")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let retire = app.call(&admin, "retire_district", &[("district", first.as_str()), ("retired", "true")]).await;
    assert_eq!(retire.status(), StatusCode::OK);

    let (_, public) = app.get_json("/api/v1/tenants/dresden/districts").await;
    let names: Vec<&str> = public.as_array().expect("list").iter().filter_map(|d| d["name"].as_str()).collect();
    assert_eq!(names.len(), 20, "one retired, one added");
    assert_eq!(names[0], "Stadtraum 2");
    assert!(!names.contains(&"Altstadt"));
    assert_eq!(names.last(), Some(&"Ortschaft Neu"));
}

#[tokio::test]
async fn the_seat_overview_notices_a_group_that_is_not_three_three_one() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let group = json(app.call(&admin, "steering_group", &[]).await).await;
    assert_eq!(group["composition"], serde_json::json!({"administration": 3, "committee": 3, "project_carrier": 1}));
    assert_eq!(group["members"].as_array().map(Vec::len), Some(7));
    let id = user_id(&app, &admin, "steuerung7").await;
    let to_committee = [("user", id.as_str()), ("seat", "committee"), ("organisation", "")];
    assert_eq!(app.call(&admin, "set_user_roles", &to_committee).await.status(), StatusCode::OK);
    let group = json(app.call(&admin, "steering_group", &[]).await).await;
    assert_eq!(group["composition"]["committee"], 4);
    assert_eq!(group["composition"]["project_carrier"], 0);
}

#[tokio::test]
async fn settings_change_the_tenants_name_and_are_validated() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("musterstadt", "admin@musterstadt.demo").await;
    let update = [("name", "Stadt Musterstadt"), ("default_locale", "en")];
    assert_eq!(app.call(&admin, "update_tenant_settings", &update).await.status(), StatusCode::OK);
    let (_, tenant) = app.get_json("/api/v1/tenants/musterstadt").await;
    assert_eq!(tenant["name"], "Stadt Musterstadt");
    let blank = app.call(&admin, "update_tenant_settings", &[("name", " "), ("default_locale", "de")]).await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let settings = json(app.call(&admin, "tenant_settings", &[]).await).await;
    assert_eq!(settings["default_locale"], "en");
}

#[tokio::test]
async fn the_audit_log_is_filtered_by_person_object_and_time() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    app.signed_in("dresden", "steuerung3@dresden.demo").await;
    app.call(&admin, "create_district", &[("name", "Neuer Raum"), ("kind", "city_district")]).await;
    let all = |person: &'static str, object: &'static str, from: &'static str| {
        let admin = admin.clone();
        let app = &app;
        async move {
            json(
                app.call(&admin, "audit_lines", &[("person", person), ("object", object), ("from", from), ("to", "")])
                    .await,
            )
            .await
        }
    };
    let by_person = all("steuerung3", "", "").await;
    assert!(
        by_person
            .as_array()
            .expect("lines")
            .iter()
            .all(|l| l["actor"].as_str().unwrap_or_default().contains("steuerung3"))
    );
    assert!(!by_person.as_array().expect("lines").is_empty());
    let by_object = all("", "district", "").await;
    assert_eq!(by_object[0]["action"], "district.created");
    assert!(by_object[0]["after"].as_str().unwrap_or_default().contains("Neuer Raum"));
    let future = all("", "", "2999-01-01").await;
    assert_eq!(future.as_array().map(Vec::len), Some(0));
    let bad_date =
        app.call(&admin, "audit_lines", &[("person", ""), ("object", ""), ("from", "gestern"), ("to", "")]).await;
    assert_eq!(bad_date.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn district_contacts_are_given_their_districts() {
    let app = TestApp::spawn().await;
    let contact = app.signed_in("dresden", "bezirk1@dresden.demo").await;
    let me = json(app.call(&contact, "whoami", &[("tenant", "dresden")]).await).await;
    assert_eq!(me["districts"], serde_json::json!(["Stadtraum 1", "Stadtraum 2", "Stadtraum 3"]), "demo data");

    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let id = user_id(&app, &admin, "bezirk1").await;
    let page = json(app.call(&admin, "admin_user", &[("user", id.as_str())]).await).await;
    let choices = page["districts"].as_array().expect("choices").clone();
    assert_eq!(choices.iter().filter(|c| c["chosen"] == true).count(), 3);
    let pick = |i: usize| choices[i]["id"].as_str().expect("id").to_owned();
    let (a, b) = (pick(16), pick(19));
    let form = [("user", id.as_str()), ("districts[0]", a.as_str()), ("districts[3]", b.as_str())];
    assert_eq!(app.call(&admin, "set_contact_districts", &form).await.status(), StatusCode::OK);
    let me = json(app.call(&contact, "whoami", &[("tenant", "dresden")]).await).await;
    assert_eq!(me["districts"].as_array().map(Vec::len), Some(2));
    assert_eq!(me["districts"][0], "Stadtraum 17");

    // None ticked: no districts.
    assert_eq!(app.call(&admin, "set_contact_districts", &[("user", id.as_str())]).await.status(), StatusCode::OK);
    let me = json(app.call(&contact, "whoami", &[("tenant", "dresden")]).await).await;
    assert_eq!(me["districts"].as_array().map(Vec::len), Some(0));

    // Another tenant's districts and another tenant's admin get nowhere.
    let other = app.signed_in("musterstadt", "admin@musterstadt.demo").await;
    let foreign = json(app.call(&other, "admin_districts", &[]).await).await[0]["id"].as_str().expect("id").to_owned();
    let mixed = [("user", id.as_str()), ("districts[0]", foreign.as_str())];
    assert_eq!(app.call(&admin, "set_contact_districts", &mixed).await.status(), StatusCode::NOT_FOUND);
    let intrusion = [("user", id.as_str()), ("districts[0]", foreign.as_str())];
    assert_eq!(app.call(&other, "set_contact_districts", &intrusion).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn addresses_with_underscores_are_found_and_their_page_opens() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    for (name, email) in [("Max Muster", "max_muster@example.org"), ("Maxi Muster", "maxmuster@example.org")] {
        let form = [("name", name), ("email", email), ("role", "coordinator")];
        assert_eq!(app.call(&admin, "invite_user", &form).await.status(), StatusCode::OK);
    }
    // `_` is a character of the address, not a wildcard.
    let found = json(app.call(&admin, "admin_users", &[("search", "max_")]).await).await;
    let emails: Vec<&str> =
        found["users"].as_array().expect("users").iter().filter_map(|u| u["email"].as_str()).collect();
    assert_eq!(emails, ["max_muster@example.org"]);
    let id = user_id(&app, &admin, "max_muster@example.org").await;
    let page = json(app.call(&admin, "admin_user", &[("user", &id)]).await).await;
    assert_eq!(page["user"]["email"], "max_muster@example.org");
}

/// The list of people pages by fifty (issue 16, item 4): a city with hundreds of carriers' people still gets
/// a page of the same size, the search narrows before paging, and the page counts say how many match.
#[tokio::test]
async fn the_list_of_people_pages_by_fifty() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    let scope = app::store::TenantScope::resolve(&db, "dresden").await.expect("dresden");
    for n in 0..60 {
        let email = model::Email::parse(&format!("helfer{n:02}@dresden.demo")).expect("email");
        app::store::users::create_invited(
            &db,
            &scope,
            &email,
            &format!("Helfer {n:02}"),
            &[model::Role::Coordinator],
            chrono::Utc::now(),
        )
        .await
        .expect("person");
    }
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let page = |search: &'static str, page: &'static str| {
        let admin = admin.clone();
        let app = &app;
        async move { json(app.call(&admin, "admin_users", &[("search", search), ("page", page)]).await).await }
    };
    let first = page("", "1").await;
    let everyone = first["total"].as_u64().expect("total");
    assert_eq!(everyone, 60 + 17, "the demo's 17 and 60 more");
    assert_eq!((first["users"].as_array().map(Vec::len), first["pages"].as_u64()), (Some(50), Some(2)));
    let second = page("", "2").await;
    assert_eq!(second["users"].as_array().map(Vec::len), Some(27));
    let names = |page: &Value| {
        page["users"]
            .as_array()
            .expect("users")
            .iter()
            .map(|u| u["name"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(names(&first).iter().all(|n| !names(&second).contains(n)), "no one on both pages");
    let found = page("helfer", "1").await;
    assert_eq!((found["total"].as_u64(), found["users"].as_array().map(Vec::len)), (Some(60), Some(50)));
    let html = admin
        .get(app.url("/dresden/admin/users?q=helfer&page=2"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("Gefunden: 60") && html.contains("Helfer 59") && !html.contains("Helfer 00"),
        "the second page of the search"
    );
    assert!(html.contains("page=1") && html.contains("Vorherige Seite"), "a link back");
}
