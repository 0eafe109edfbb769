use crate::countdown::{Counting, text};
use crate::i18n::I18n;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// Time left until `until`, ticking every second once hydrated (or enhanced, on a static page: see
/// `render_mode`, which reads the `data-` attributes). The server's clock is the reference: the offset between
/// `server_now` and the browser's clock at load is kept, so a wrong clock on an old laptop does not shorten
/// anyone's deadline. `role="timer"` keeps screen readers from announcing every tick.
#[component]
pub fn Countdown(until: DateTime<Utc>, server_now: DateTime<Utc>, #[prop(optional)] counting: Counting) -> impl IntoView {
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
    view! {
        <p
            class="countdown"
            role="timer"
            data-until=until.to_rfc3339()
            data-server-now=server_now.to_rfc3339()
            data-counting=counting.attribute()
        >
            {move || text(i18n.locale(), counting, until, now.get())}
        </p>
    }
}
