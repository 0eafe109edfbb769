//! Carrier organisations: registration with email confirmation, the profile, verification by the
//! administration, and colleagues invited into the organisation.

use crate::bids::json;
use crate::support::{TestApp, link_token};
use reqwest::StatusCode;

pub fn registration<'a>(email: &'a str, postcode: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("tenant", "dresden"),
        ("name", "Erika Muster"),
        ("email", email),
        ("new_password", "ein langes Passwort"),
        ("confirm_password", "ein langes Passwort"),
        ("organisation_name", "Stadtteilladen Pieschen e. V."),
        ("legal_form", "e. V."),
        ("register_number", "VR 4711, Amtsgericht Dresden"),
        ("street", "Bürgerstraße 5"),
        ("postcode", postcode),
        ("city", "Dresden"),
        ("recognised", "yes"),
        ("contact_name", "Erika Muster"),
        ("contact_email", "kontakt@pieschen.example"),
        ("contact_phone", ""),
    ]
}

#[tokio::test]
async fn a_carrier_registers_confirms_is_verified_and_invites_a_colleague() {
    let app = TestApp::spawn().await;
    let visitor = app.browser();

    // Specific messages for bad input; nothing is created.
    let bad = app.call(&visitor, "register_organisation", &registration("erika@pieschen.example", "1234")).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(bad).await;
    assert_eq!((body["field"].as_str(), body["reason"].as_str()), (Some("postcode"), Some("malformed")));
    // A known address gets the same answer (no way to probe for accounts); its owner is told by email.
    let known = app.call(&visitor, "register_organisation", &registration("traeger1@dresden.demo", "01127")).await;
    assert_eq!(known.status(), StatusCode::OK);

    let done = app.call(&visitor, "register_organisation", &registration("erika@pieschen.example", "01127")).await;
    assert_eq!(done.status(), StatusCode::OK);
    // Emails leave through the job queue.
    app.run_jobs(chrono::Utc::now()).await;
    let told = app
        .outbox()
        .into_iter()
        .find(|m| m.contains("To: traeger1@dresden.demo") && m.contains("bereits ein Konto"))
        .expect("mail to the owner");
    assert!(told.contains("/dresden/forgot-password"));
    let mail = app
        .outbox()
        .into_iter()
        .find(|m| m.contains("To: erika@pieschen.example") && m.contains("confirm-email"))
        .expect("confirmation mail");
    let token = link_token(&mail, "/dresden/confirm-email?token=");

    // Before confirming, the right password is answered with "confirm first"; a wrong one as always.
    let early = app
        .call(
            &visitor,
            "sign_in",
            &[("tenant", "dresden"), ("email", "erika@pieschen.example"), ("password", "ein langes Passwort")],
        )
        .await;
    assert_eq!(json(early).await["reason"], "unconfirmed");
    let wrong = app
        .call(
            &visitor,
            "sign_in",
            &[("tenant", "dresden"), ("email", "erika@pieschen.example"), ("password", "falsch falsch")],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);

    // A link works once, and only in its tenant.
    let foreign = app.call(&visitor, "confirm_email", &[("tenant", "musterstadt"), ("token", &token)]).await;
    assert_eq!(json(foreign).await["reason"], "link_unusable");
    assert_eq!(
        app.call(&visitor, "confirm_email", &[("tenant", "dresden"), ("token", &token)]).await.status(),
        StatusCode::OK
    );
    let again = app.call(&visitor, "confirm_email", &[("tenant", "dresden"), ("token", &token)]).await;
    assert_eq!(json(again).await["reason"], "link_unusable");

    let carrier = app.browser();
    let signed = app
        .call(
            &carrier,
            "sign_in",
            &[("tenant", "dresden"), ("email", "erika@pieschen.example"), ("password", "ein langes Passwort")],
        )
        .await;
    assert_eq!(signed.status(), StatusCode::OK);
    let page = json(app.call(&carrier, "my_organisation", &[]).await).await;
    assert_eq!(page["organisation"]["profile"]["name"], "Stadtteilladen Pieschen e. V.");
    assert_eq!(page["organisation"]["profile"]["recognised"], true);
    assert!(page["organisation"]["verified_at"].is_null());
    let organisation = page["organisation"]["id"].as_str().expect("id").to_owned();

    // The administration sees and verifies it; a carrier may not.
    assert_eq!(
        app.call(&carrier, "verify_organisation", &[("organisation", &organisation), ("verified", "true")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.signed_in("dresden", "admin@dresden.demo").await;
    let list = json(app.call(&admin, "admin_organisations", &[]).await).await;
    assert!(list.as_array().expect("list").iter().any(|o| o["id"] == organisation.as_str()));
    assert_eq!(
        app.call(&admin, "verify_organisation", &[("organisation", &organisation), ("verified", "true")])
            .await
            .status(),
        StatusCode::OK
    );
    let page = json(app.call(&carrier, "my_organisation", &[]).await).await;
    assert!(page["organisation"]["verified_at"].is_string());
    // Musterstadt's admin cannot verify Dresden's carriers.
    let foreign = app.signed_in("musterstadt", "admin@musterstadt.demo").await;
    assert_eq!(
        app.call(&foreign, "verify_organisation", &[("organisation", &organisation), ("verified", "false")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // The profile can be corrected, with the same checks.
    let mut update: Vec<(&str, &str)> = registration("x@example.org", "01127").into_iter().skip(5).collect();
    update.retain(|(k, _)| *k != "recognised");
    assert_eq!(app.call(&carrier, "update_organisation", &update).await.status(), StatusCode::OK);
    let page = json(app.call(&carrier, "my_organisation", &[]).await).await;
    assert_eq!(page["organisation"]["profile"]["recognised"], false);
    assert!(page["organisation"]["verified_at"].is_null(), "a changed recognition needs a new verification");

    // A colleague joins and works on the same bids.
    let invited =
        app.call(&carrier, "invite_colleague", &[("name", "Jonas Kollege"), ("email", "jonas@pieschen.example")]).await;
    assert_eq!(invited.status(), StatusCode::OK);
    let mail = app
        .mails_to("jonas@pieschen.example")
        .await
        .into_iter()
        .find(|m| m.contains("To: jonas@pieschen.example") && m.contains("set-password"))
        .expect("invitation");
    let token = link_token(&mail, "/dresden/set-password?token=");
    let set = app
        .call(
            &visitor,
            "set_password",
            &[
                ("tenant", "dresden"),
                ("token", &token),
                ("new_password", "noch ein Passwort"),
                ("confirm_password", "noch ein Passwort"),
            ],
        )
        .await;
    assert_eq!(set.status(), StatusCode::OK);
    let call = crate::bids::open_call(&app).await;
    let bid = crate::bids::start(&app, &carrier, &call, 11).await;
    let colleague = app.browser();
    let signed = app
        .call(
            &colleague,
            "sign_in",
            &[("tenant", "dresden"), ("email", "jonas@pieschen.example"), ("password", "noch ein Passwort")],
        )
        .await;
    assert_eq!(signed.status(), StatusCode::OK);
    let overview = json(app.call(&colleague, "my_bids", &[]).await).await;
    assert!(overview["bids"].as_array().expect("bids").iter().any(|b| b["id"] == bid.as_str()));
    let members = json(app.call(&colleague, "my_organisation", &[]).await).await;
    assert_eq!(members["members"].as_array().map(Vec::len), Some(2));
}
