//! Liveness and readiness for load balancers and container orchestrators.

use axum::extract::State;
use axum::http::StatusCode;
use sea_orm::DatabaseConnection;

/// `GET /healthz`: the process is up and answering.
pub async fn live() -> &'static str {
    "ok"
}

/// `GET /readyz`: the database answers too, so this instance can take traffic.
pub async fn ready(State(db): State<DatabaseConnection>) -> (StatusCode, &'static str) {
    match db.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(err) => {
            tracing::warn!(error = %err, "readiness check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
