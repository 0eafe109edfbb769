use crate::support::fresh_database;
use std::process::Command;

fn server() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    for variable in ["DATABASE_URL", "SPIELRAUM_ADDR", "SPIELRAUM_DEMO", "SPIELRAUM_LOG_FORMAT"] {
        command.env_remove(variable);
    }
    command
}

#[tokio::test]
async fn migrate_applies_the_schema_and_exits() {
    let temp = tempfile::tempdir().expect("temp");
    let url = fresh_database(&temp).await;
    let output = server().arg("migrate").env("DATABASE_URL", &url).output().expect("run server migrate");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // Running it again is a no-op, not an error.
    let again = server().arg("migrate").env("DATABASE_URL", &url).output().expect("run again");
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
}

#[test]
fn a_bad_setting_stops_start_up_with_one_line_naming_it() {
    let output = server().arg("serve").env("SPIELRAUM_ADDR", "not-an-address").output().expect("run server");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("SPIELRAUM_ADDR"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unreachable_database_is_a_clear_error() {
    let output =
        server().arg("migrate").env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none").output().expect("run server");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot connect to the database"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[tokio::test]
async fn healthcheck_reports_a_running_server_and_a_missing_one() {
    let app = crate::support::TestApp::spawn().await;
    let addr = app.base.trim_start_matches("http://").to_owned();
    let up = tokio::task::spawn_blocking(move || server().arg("healthcheck").env("SPIELRAUM_ADDR", addr).output())
        .await
        .expect("join")
        .expect("run healthcheck");
    assert!(up.status.success(), "{}", String::from_utf8_lossy(&up.stderr));

    let down = server().arg("healthcheck").env("SPIELRAUM_ADDR", "127.0.0.1:1").output().expect("run healthcheck");
    assert_eq!(down.status.code(), Some(1));
}
