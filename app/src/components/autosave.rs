//! Autosave for long forms (a bid's draft, a score sheet): the form is saved a moment after typing pauses,
//! a copy stays in this browser's storage until the server has it (so text survives an expired session),
//! and a copy overtaken by a later save on the server is dropped rather than put back over it.
//!
//! The functions take the form's server functions as type parameters; the form's fields must be what the
//! save function reads (`FromFormData`). Browser-only work is behind the `hydrate` feature.

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

#[cfg(feature = "hydrate")]
fn storage_key(key: &str) -> String {
    format!("spielraum-{key}")
}

#[cfg(feature = "hydrate")]
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the browser keeps: the form's fields and the server's save time they were typed on top of.
#[cfg(feature = "hydrate")]
#[derive(serde::Serialize, serde::Deserialize)]
struct Copy {
    base: DateTime<Utc>,
    fields: Vec<(String, String)>,
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
    {
        let (Some(form), Some(storage)) = (form.get_untracked(), local_storage()) else { return };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
        let mut fields = Vec::new();
        for entry in js_sys::try_iter(&data).ok().flatten().into_iter().flatten().flatten() {
            let pair = js_sys::Array::from(&entry);
            if let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                fields.push((name, value));
            }
        }
        let copy = Copy { base: tracker.base.get_value(), fields };
        if let Ok(json) = serde_json::to_string(&copy) {
            let _ = storage.set_item(&storage_key(key), &json);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, form, tracker);
}

/// Forgets the browser's copy once the server has saved the draft.
pub fn forget(key: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&storage_key(key));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = key;
}

/// Puts a copy kept in this browser back into the form, if it was typed on top of the draft the server
/// still has; true when it did. A copy overtaken by a later save is dropped.
pub fn restore(key: &str, form: FormRef, tracker: Tracker) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast as _;
        let (Some(form), Some(storage)) = (form.get(), local_storage()) else { return false };
        let Some(json) = storage.get_item(&storage_key(key)).ok().flatten() else { return false };
        let Ok(copy) = serde_json::from_str::<Copy>(&json) else { return false };
        if copy.base != tracker.base.get_value() {
            let _ = storage.remove_item(&storage_key(key));
            return false;
        }
        for (name, value) in copy.fields {
            let selector = format!("[name=\"{}\"]", name.replace('"', ""));
            let Ok(nodes) = form.query_selector_all(&selector) else { continue };
            for index in 0..nodes.length() {
                let Some(node) = nodes.item(index) else { continue };
                if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    area.set_value(&value);
                } else if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                    match input.type_().as_str() {
                        "radio" => input.set_checked(input.value() == value),
                        "hidden" | "file" => {}
                        _ => input.set_value(&value),
                    }
                }
            }
        }
        true
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

/// What a form's status line says about saving.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Idle,
    Unsaved,
    Saving,
    Saved(chrono::DateTime<chrono::Utc>),
    Failed(crate::AppError),
}

/// The status line of a form that saves as you type, announced politely to screen readers.
#[component]
pub fn SaveStatus(state: RwSignal<SaveState>) -> impl IntoView {
    use crate::i18n::{I18n, Key};
    use model::datetime::{DEFAULT_TIME_ZONE, format_date_time};
    let i18n = I18n::expect();
    view! {
        <div role="status" aria-live="polite" class="save-state" id="save-state">
            {move || match state.get() {
                SaveState::Idle => String::new(),
                SaveState::Unsaved => i18n.t(Key::DraftUnsaved).to_owned(),
                SaveState::Saving => i18n.t(Key::DraftSaving).to_owned(),
                SaveState::Saved(at) => {
                    format!("{} {}", i18n.t(Key::DraftSavedAt), format_date_time(at, i18n.locale(), DEFAULT_TIME_ZONE))
                }
                SaveState::Failed(crate::AppError::Unauthenticated) => i18n.t(Key::DraftSessionEnded).to_owned(),
                SaveState::Failed(err) => crate::components::error_text(i18n.locale(), &err),
            }}
        </div>
    }
}
