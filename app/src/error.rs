//! The one error type at the boundary of the app: what a server function or an API call may answer.
//!
//! It crosses the wire, so it carries only what a user may see. Internal causes are logged on the server with
//! the request id when the error is made, and the client gets a generic message.

use serde::{Deserialize, Serialize};
use server_fn_compat::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid input: {message}")]
    Invalid { message: String },
    #[error("internal error")]
    Internal,
}

impl AppError {
    /// Logs the cause (server side) and returns the generic error the client sees.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        #[cfg(feature = "ssr")]
        tracing::error!(%cause, "internal error");
        #[cfg(not(feature = "ssr"))]
        let _ = cause;
        AppError::Internal
    }

    /// A stable, machine-readable code for JSON error bodies.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Invalid { .. } => "invalid",
            AppError::Internal => "internal",
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::internal(err)
    }
}

impl FromServerFnError for AppError {
    type Encoder = server_fn_compat::JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => AppError::Invalid { message },
            other => AppError::internal(other),
        }
    }
}

/// Server-function plumbing re-exported under one name, so the rest of the crate does not care where it lives.
mod server_fn_compat {
    pub use leptos::server_fn::codec::JsonEncoding;
    pub use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
}
