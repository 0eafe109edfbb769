//! Where a change reads the time from.
//!
//! A deadline is judged by the time a change holds its lock, not the time it asked for it: a submission
//! that waited on another's lock past closing must not commit with the earlier time. So a change takes a
//! `Clock` and reads it once the lock is held. The app always passes the system clock; loading the demo's
//! history and the tests at the deadline pass a fixed moment.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, read when asked.
    System,
    /// A fixed moment.
    At(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::At(moment) => moment,
        }
    }
}
