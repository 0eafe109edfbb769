//! Building blocks shared by pages: the tenant's app shell, the language switch, and the error pages.

pub mod autosave;
pub mod chart;
mod countdown;
mod feedback;
mod language_switch;
mod lot_nav;
mod not_found;
mod page_title;
mod pager;
mod protected;
mod skip_link;
mod tenant_shell;

pub use crate::countdown::Counting;
pub use countdown::Countdown;
pub use feedback::{Field, NewPasswordFields, SelectField, error_text, field_error, general_error};
#[cfg(feature = "ssr")]
pub use feedback::reason_key;
pub use language_switch::LanguageSwitch;
pub use lot_nav::LotNav;
pub use not_found::{ErrorNotice, NotFound};
pub use page_title::page_title;
pub use pager::Pager;
pub use protected::Protected;
pub use skip_link::SkipLink;
pub use tenant_shell::{CurrentTenant, CurrentUser, PageTenant, TenantShell};
