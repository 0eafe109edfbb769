//! Runs the durable job queue (`app::jobs`) on every app server: each looks for due jobs on a timer. The
//! queue's claim makes sure two servers never run the same job, so any number of servers may run this.

use app::ServerContext;
use std::time::Duration;

/// A name for this process in the `jobs.locked_by` column (host, process id and a random part).
pub fn worker_name() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "server".to_owned());
    let random = uuid::Uuid::new_v4().simple().to_string();
    format!("{host}-{}-{}", std::process::id(), &random[..8])
}

pub fn spawn(context: ServerContext, every_seconds: u64) {
    let name = worker_name();
    tokio::spawn(async move {
        let period = Duration::from_secs(every_seconds);
        // The first round after one period, not at once: start-up (and tests) come first.
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match app::jobs::run_due(&context, &name, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "ran background jobs"),
                Err(err) => tracing::warn!(error = %err, "could not run background jobs"),
            }
        }
    });
}
