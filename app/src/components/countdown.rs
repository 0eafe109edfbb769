use crate::i18n::{I18n, Key, msg};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Time left until `until`, ticking every second once hydrated. The server's clock is the reference: the
/// offset between `server_now` and the browser's clock at load is kept, so a wrong clock on an old laptop
/// does not shorten anyone's deadline. `role="timer"` keeps screen readers from announcing every tick.
#[component]
pub fn Countdown(
    until: DateTime<Utc>,
    server_now: DateTime<Utc>,
    #[prop(default = Key::TimeLeft)] label: Key,
) -> impl IntoView {
    let i18n = I18n::expect();
    let now = RwSignal::new(server_now);
    #[cfg(feature = "hydrate")]
    {
        let offset = server_now - Utc::now();
        if let Ok(handle) =
            set_interval_with_handle(move || now.set(Utc::now() + offset), std::time::Duration::from_secs(1))
        {
            on_cleanup(move || handle.clear());
        }
    }
    let text = move || {
        let left = until - now.get();
        if left.num_seconds() <= 0 {
            return i18n.t(Key::DeadlinePassed).to_owned();
        }
        let (days, hours, minutes, seconds) =
            (left.num_days(), left.num_hours() % 24, left.num_minutes() % 60, left.num_seconds() % 60);
        let (hours, minutes, seconds) = (hours.to_string(), minutes.to_string(), seconds.to_string());
        let args = msg::Countdown { label: i18n.t(label), days, hours: &hours, minutes: &minutes, seconds: &seconds };
        msg::countdown(i18n.locale(), args)
    };
    view! { <p class="countdown" role="timer">{text}</p> }
}
