use crate::support::TestApp;
use base64::Engine as _;
use model::entity::instance_secret;
use sea_orm::{Database, EntityTrait, PaginatorTrait};
use server::secrets::{SecretKey, Secrets};

#[tokio::test]
async fn the_first_start_generates_one_secret_that_later_starts_reuse() {
    let app = TestApp::spawn().await;
    let db = Database::connect(&app.database_url).await.expect("connect");
    assert_eq!(instance_secret::Entity::find().count(&db).await.expect("count"), 1);

    // Another server on the same database (or this one after a restart) gets the same keys.
    let first = Secrets::load(&db, None).await.expect("load");
    let second = Secrets::load(&db, None).await.expect("load again");
    assert_eq!(first.derive("jwt"), second.derive("jwt"));
    assert_eq!(instance_secret::Entity::find().count(&db).await.expect("count"), 1);
}

#[tokio::test]
async fn a_configured_secret_is_used_and_never_stored() {
    let key = base64::engine::general_purpose::STANDARD.encode([9u8; 32]);
    let configured = SecretKey::from_base64(&key).expect("key");
    let app = TestApp::spawn_with(|settings| settings.secret_key = Some(configured.clone())).await;
    let db = Database::connect(&app.database_url).await.expect("connect");
    assert_eq!(instance_secret::Entity::find().count(&db).await.expect("count"), 0);

    let generated = Secrets::load(&db, None).await.expect("generate");
    let from_config = Secrets::load(&db, Some(configured)).await.expect("configured");
    assert_ne!(generated.derive("jwt"), from_config.derive("jwt"));
}
