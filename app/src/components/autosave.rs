//! Autosave for long forms of hydrated pages (a quarterly report, a score sheet): the form is saved a moment
//! after typing pauses, a copy stays in this browser's storage until the server has it (so text survives an
//! expired session), and a copy overtaken by a later save on the server is dropped rather than put back over
//! it.
//!
//! These functions drive it from a hydrated page that reacts to the save (the report, the score sheet): they
//! take the form's server functions as type parameters (the form's fields must be what the save function
//! reads, `FromFormData`). `crate::autosave` has the browser's copy and the status line's words they share
//! with the plain-DOM autosave of the pages served static (the bid editor). Browser-only work is behind the
//! `hydrate` feature.

pub use crate::autosave::{SaveState, forget};
#[cfg(feature = "hydrate")]
use crate::autosave::{keep_copy, put_back_copy};

/// A server function a form can be sent to.
pub trait FormFn:
    leptos::server_fn::ServerFn<Output: Send + Sync + 'static, Error: Send + Sync + 'static>
    + leptos::form::FromFormData
    + Clone
    + Send
    + Sync
    + 'static
{
}

impl<T> FormFn for T where
    T: leptos::server_fn::ServerFn<Output: Send + Sync + 'static, Error: Send + Sync + 'static>
        + leptos::form::FromFormData
        + Clone
        + Send
        + Sync
        + 'static
{
}

use chrono::{DateTime, Utc};
use leptos::prelude::*;

type FormRef = NodeRef<leptos::html::Form>;

/// Counts edits and which of them the server has, so a save that was sent before the last keystroke
/// does not count as saving it; and remembers the draft's last save time on the server.
#[derive(Clone, Copy)]
pub struct Tracker {
    edits: StoredValue<u64>,
    sent: StoredValue<u64>,
    saved: StoredValue<u64>,
    base: StoredValue<DateTime<Utc>>,
}

impl Tracker {
    pub fn new(base: DateTime<Utc>) -> Self {
        Tracker {
            edits: StoredValue::new(0),
            sent: StoredValue::new(0),
            saved: StoredValue::new(0),
            base: StoredValue::new(base),
        }
    }

    /// Notes an edit; returns its number.
    pub fn edited(&self) -> u64 {
        self.edits.update_value(|n| *n += 1);
        self.edits.get_value()
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    /// False as well once the form is gone (its page left or re-rendered): a timer that fires afterwards
    /// must not touch what was disposed with it.
    fn is_latest(&self, edit: u64) -> bool {
        self.edits.try_get_value() == Some(edit)
    }

    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn sending(&self) {
        self.sent.set_value(self.edits.get_value());
    }

    /// The server saved what was sent last, at `at`.
    pub fn saved(&self, at: DateTime<Utc>) {
        self.saved.set_value(self.sent.get_value());
        self.base.set_value(at);
    }

    /// True when the server has every edit.
    pub fn all_saved(&self) -> bool {
        self.saved.get_value() == self.edits.get_value()
    }
}

/// Saves the form now.
pub fn flush<S: FormFn>(form: FormRef, save: ServerAction<S>, tracker: Tracker) {
    #[cfg(feature = "hydrate")]
    {
        let Some(form) = form.get_untracked() else { return };
        if let Ok(data) = web_sys::FormData::new_with_form(&form)
            && let Ok(args) = S::from_form_data(&data)
        {
            tracker.sending();
            save.dispatch(args);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, save, tracker);
}

/// Saves the form once typing pauses for a moment after `edit`.
pub fn schedule<S: FormFn>(form: FormRef, save: ServerAction<S>, tracker: Tracker, edit: u64) {
    #[cfg(feature = "hydrate")]
    set_timeout(
        move || {
            if tracker.is_latest(edit) {
                flush(form, save, tracker);
            }
        },
        std::time::Duration::from_millis(1200),
    );
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, save, tracker, edit);
}

/// Sends the draft form with the button that was pressed: "save" or "submit" (which saves too).
pub fn submit<S: FormFn, F: FormFn>(
    ev: leptos::ev::SubmitEvent,
    form: FormRef,
    save: ServerAction<S>,
    submit: ServerAction<F>,
    tracker: Tracker,
) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast as _;
        ev.prevent_default();
        let Some(form) = form.get_untracked() else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let intent = ev
            .submitter()
            .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
            .map(|b| b.value())
            .unwrap_or_default();
        if intent == "submit" {
            if let Ok(args) = F::from_form_data(&data) {
                submit.dispatch(args);
            }
        } else if let Ok(args) = S::from_form_data(&data) {
            tracker.sending();
            save.dispatch(args);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, form, save, submit, tracker);
}

/// Keeps what is in the form in this browser until the server has it.
pub fn remember(key: &str, form: FormRef, tracker: Tracker) {
    #[cfg(feature = "hydrate")]
    if let Some(form) = form.get_untracked() {
        keep_copy(key, &form, tracker.base.get_value());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, form, tracker);
}

/// Puts a copy kept in this browser back into the form, if it was typed on top of the draft the server
/// still has; true when it did. A copy overtaken by a later save is dropped.
pub fn restore(key: &str, form: FormRef, tracker: Tracker) -> bool {
    #[cfg(feature = "hydrate")]
    {
        form.get().is_some_and(|form| put_back_copy(key, &form, tracker.base.get_value()))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (key, form, tracker);
        false
    }
}

/// Sends a form the ordinary way (no submit event, so no second round through our handler).
pub fn send_form(form: FormRef) {
    #[cfg(feature = "hydrate")]
    if let Some(form) = form.get_untracked() {
        let _ = form.submit();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = form;
}

/// The status line of a form that saves as you type, announced politely to screen readers.
#[component]
pub fn SaveStatus(state: RwSignal<SaveState>) -> impl IntoView {
    let i18n = crate::i18n::I18n::expect();
    view! {
        <div role="status" aria-live="polite" class="save-state" id="save-state">
            {move || state.with(|state| state.text(i18n.locale()))}
        </div>
    }
}
