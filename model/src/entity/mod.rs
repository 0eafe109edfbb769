//! SeaORM entities: the database's shape, for the server only.
//!
//! Entities never leave the server; conversions to the `*View` types of this crate live beside each entity.
//! Every table that holds tenant data carries `tenant_id`.

pub mod agenda_item;
pub mod api_token;
pub mod attendance;
pub mod audit_entry;
pub mod award;
pub mod bid;
pub mod bid_attachment;
pub mod bid_version;
pub mod budget_closing;
pub mod call;
pub mod call_lot;
pub mod call_question;
pub mod commission;
pub mod commission_update;
pub mod committee_report;
pub mod conflict_declaration;
pub mod decision;
pub mod district;
pub mod district_contact;
pub mod exchange_post;
pub mod file;
pub mod instance_secret;
pub mod job;
pub mod ledger_entry;
pub mod ledger_sum;
pub mod meeting;
pub mod notification;
pub mod one_time_token;
pub mod organisation;
pub mod post_coordinator;
pub mod programme;
pub mod recommendation;
pub mod recusal;
pub mod report;
pub mod report_comment;
pub mod report_version;
pub mod role_grant;
pub mod score;
pub mod session;
pub mod sign_in_attempt;
pub mod tenant;
pub mod tenant_version;
pub mod user;
