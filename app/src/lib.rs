//! Spielraum's user interface.
//!
//! Pages are rendered on the server (feature `ssr`) and hydrated in the browser (feature `hydrate`, through the
//! `frontend` crate). Each feature area has its pages and its server functions side by side. Every server
//! function starts in [`actor`], which decides the caller's permission before it hands out the database.
//!
//! This crate must not read configuration, open connections or know about HTTP routing beyond Leptos' own: the
//! `server` crate gives it a [`ServerContext`] for every request.

// The static pages' bundle (`frontend` built with `enhance`, see [`render_mode`]) needs only the texts, the
// countdown, the autosave and the errors' words; leaving the rest of the app out of that build keeps it short.
pub mod autosave;
pub mod countdown;
pub mod error;
pub mod i18n;
pub mod render_mode;

pub use error::{AppError, EvaluationRefusal, InvalidReason};

/// Items of the whole app, left out of the static pages' build.
macro_rules! whole_app {
    ($($item:item)*) => {$(
        #[cfg(not(feature = "enhance"))]
        $item
    )*};
}

/// A server function's body run as the actor its access asks for (the guard decided the same already), with
/// its error answered by `error::respond`.
#[cfg(all(feature = "ssr", not(feature = "enhance")))]
macro_rules! with_actor {
    ($access:expr, |$actor:ident| $body:expr) => {
        crate::error::respond(
            async move {
                let $actor = $access.await?;
                $body.await
            }
            .await,
        )
    };
}

whole_app! {
    pub mod account;
    pub mod admin;
    pub mod awards;
    pub mod bids;
    pub mod calls;
    pub mod controlling;
    pub mod documents;
    pub mod evaluation;
    pub mod exchange;
    #[cfg(feature = "ssr")]
    pub mod exports;
    pub mod notifications;
    pub mod organisations;
    pub mod reports;
    pub mod shell;
    pub mod steering;

    mod components;
    mod pages;
    mod routes;
    #[cfg(feature = "ssr")]
    pub use routes::PageModules;
    pub mod session;
    pub mod views;

    #[cfg(feature = "ssr")]
    pub mod actor;
    #[cfg(feature = "ssr")]
    pub mod archive;
    #[cfg(feature = "ssr")]
    pub mod attachments;
    #[cfg(feature = "ssr")]
    pub mod audit;
    #[cfg(feature = "ssr")]
    pub mod auth;
    #[cfg(feature = "ssr")]
    pub mod derived;
    #[cfg(feature = "ssr")]
    pub mod jobs;
    #[cfg(feature = "ssr")]
    pub mod mail;
    #[cfg(feature = "ssr")]
    pub mod notify;
    #[cfg(feature = "ssr")]
    pub mod storage;
    #[cfg(feature = "ssr")]
    pub mod store;

    pub use components::PageTenant;
    pub use shell::{App, shell};

    /// What the server hands every render and server function: the database and nothing a page could misuse.
    #[cfg(feature = "ssr")]
    #[derive(Clone, Debug)]
    pub struct ServerContext {
        pub db: sea_orm::DatabaseConnection,
        pub mailer: mail::Mailer,
        /// Where people reach this installation, for links in emails (e.g. `https://spielraum.example.org`).
        pub public_url: String,
        /// Where uploaded files live.
        pub storage: storage::Storage,
        /// The city-wide views kept while their tenant's data stays the same.
        pub derived: derived::Derived,
    }
}
