//! Calls for expressions of interest: the public pages' server functions and the administration's.

use crate::AppError;
use model::call::{CallDetail, CallSummary};
use uuid::Uuid;

/// The published calls of a tenant (no sign-in needed).
#[leptos::server(prefix = "/fn", endpoint = "public_calls")]
pub async fn public_calls(tenant: String) -> Result<Vec<CallSummary>, AppError> {
    let visitor = crate::actor::Visitor::current()?;
    let scope = visitor.tenant(&tenant).await?;
    crate::store::calls::list(&visitor.server.db, &scope, false, chrono::Utc::now()).await
}

/// One published call with its lots and questions (no sign-in needed).
#[leptos::server(prefix = "/fn", endpoint = "public_call")]
pub async fn public_call(tenant: String, call: Uuid) -> Result<CallDetail, AppError> {
    crate::error::respond(
        async move {
            let visitor = crate::actor::Visitor::current()?;
            let scope = visitor.tenant(&tenant).await?;
            crate::store::calls::detail(&visitor.server.db, &scope, call, false, chrono::Utc::now()).await
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "admin_calls")]
pub async fn admin_calls() -> Result<Vec<CallSummary>, AppError> {
    let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
    crate::store::calls::list(&admin.server.db, &admin.tenant, true, chrono::Utc::now()).await
}

#[leptos::server(prefix = "/fn", endpoint = "admin_call")]
pub async fn admin_call(call: Uuid) -> Result<CallDetail, AppError> {
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            crate::store::calls::detail(&admin.server.db, &admin.tenant, call, true, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Reads the schedule fields of a call form (Europe/Berlin).
#[cfg(feature = "ssr")]
fn schedule(opens_at: &str, closes_at: &str, decision_date: &str) -> Result<model::call::Schedule, AppError> {
    use crate::InvalidReason;
    use model::datetime::{DEFAULT_TIME_ZONE, parse_local_date_time};
    let opens = parse_local_date_time(opens_at, DEFAULT_TIME_ZONE)
        .ok_or(AppError::invalid("opens_at", InvalidReason::Malformed))?;
    let closes = parse_local_date_time(closes_at, DEFAULT_TIME_ZONE)
        .ok_or(AppError::invalid("closes_at", InvalidReason::Malformed))?;
    let decision = chrono::NaiveDate::parse_from_str(decision_date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("decision_date", InvalidReason::Malformed))?;
    Ok(model::call::Schedule::new(opens, closes, decision)?)
}

/// Creates a draft call and goes to its page.
#[leptos::server(prefix = "/fn", endpoint = "create_call")]
pub async fn create_call(
    module: String,
    title: String,
    description: String,
    opens_at: String,
    closes_at: String,
    decision_date: String,
) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let module = model::call::Module::parse(&module)
                .ok_or(AppError::invalid("module", crate::InvalidReason::Required))?;
            model::call::check_title(&title)?;
            let schedule = schedule(&opens_at, &closes_at, &decision_date)?;
            let now = chrono::Utc::now();
            let txn = admin.server.db.begin().await?;
            let row =
                crate::store::calls::create(&txn, &admin.tenant, module, &title, &description, schedule, now).await?;
            let after = serde_json::json!({"module": row.module, "title": row.title, "opens_at": row.opens_at,
                "closes_at": row.closes_at, "decision_date": row.decision_date});
            admin.audit(&txn, "call.created", "call", row.id, None, Some(after)).await?;
            txn.commit().await?;
            leptos_axum::redirect(&format!("/{}/admin/calls/{}", admin.tenant.view().slug, row.id));
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "update_call")]
pub async fn update_call(
    call: Uuid,
    title: String,
    description: String,
    opens_at: String,
    closes_at: String,
    decision_date: String,
) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let schedule = schedule(&opens_at, &closes_at, &decision_date)?;
            let now = chrono::Utc::now();
            let txn = admin.server.db.begin().await?;
            let (before, after) =
                crate::store::calls::update(&txn, &admin.tenant, call, &title, &description, schedule, now).await?;
            let image = |row: &model::entity::call::Model| {
                serde_json::json!({"title": row.title, "description": row.description, "opens_at": row.opens_at,
                    "closes_at": row.closes_at, "decision_date": row.decision_date})
            };
            // New times, new plan (a call that has opened keeps its "published" notice).
            let moved =
                after.closes_at != before.closes_at || (after.opens_at != before.opens_at && before.opens_at > now);
            if after.published_at.is_some() && moved {
                crate::jobs::schedule_call(&txn, after.id, after.closes_at, after.opens_at, now).await?;
            }
            admin.audit(&txn, "call.updated", "call", call, Some(image(&before)), Some(image(&after))).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Publishes a draft call; from then on its questions and lots are fixed.
#[leptos::server(prefix = "/fn", endpoint = "publish_call")]
pub async fn publish_call(call: Uuid) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let txn = admin.server.db.begin().await?;
            let now = chrono::Utc::now();
            let row = crate::store::calls::publish(&txn, &admin.tenant, call, now).await?;
            crate::jobs::schedule_call(&txn, row.id, row.closes_at, row.opens_at, now).await?;
            let after = serde_json::json!({"published_at": row.published_at});
            admin.audit(&txn, "call.published", "call", call, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Closes an open call now, ahead of its deadline.
#[leptos::server(prefix = "/fn", endpoint = "close_call")]
pub async fn close_call(call: Uuid) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let txn = admin.server.db.begin().await?;
            let now = chrono::Utc::now();
            let row = crate::store::calls::close_now(&txn, &admin.tenant, call, now).await?;
            crate::jobs::schedule_call(&txn, row.id, row.closes_at, row.opens_at, now).await?;
            let after = serde_json::json!({"closes_at": row.closes_at});
            admin.audit(&txn, "call.closed", "call", call, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

/// Adds a question to a draft call. `options` holds one choice per line (single choice only).
#[leptos::server(prefix = "/fn", endpoint = "add_question")]
pub async fn add_question(
    call: Uuid,
    kind: String,
    label: String,
    help: String,
    required: Option<String>,
    max_chars: String,
    options: String,
) -> Result<(), AppError> {
    use crate::InvalidReason;
    use model::call::QuestionKind;
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let kind = match kind.as_str() {
                "long_text" => QuestionKind::LongText {
                    max_chars: match max_chars.trim() {
                        "" => 4000,
                        text => text.parse().map_err(|_| AppError::invalid("max_chars", InvalidReason::Malformed))?,
                    },
                },
                "short_text" => QuestionKind::ShortText,
                "number" => QuestionKind::Number,
                "money" => QuestionKind::Money,
                "yes_no" => QuestionKind::YesNo,
                "single_choice" => QuestionKind::SingleChoice { options: options.lines().map(str::to_owned).collect() },
                "file" => QuestionKind::File,
                _ => return Err(AppError::invalid("kind", InvalidReason::Required)),
            };
            let txn = admin.server.db.begin().await?;
            let id =
                crate::store::calls::add_question(&txn, &admin.tenant, call, &kind, &label, &help, required.is_some())
                    .await?;
            let after = serde_json::json!({"question": id, "label": label.trim(), "kind": kind});
            admin.audit(&txn, "call.question_added", "call", call, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "remove_question")]
pub async fn remove_question(call: Uuid, question: Uuid) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let txn = admin.server.db.begin().await?;
            crate::store::calls::remove_question(&txn, &admin.tenant, call, question).await?;
            let before = serde_json::json!({"question": question});
            admin.audit(&txn, "call.question_removed", "call", call, Some(before), None).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "remove_lot")]
pub async fn remove_lot(call: Uuid, lot: Uuid) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let txn = admin.server.db.begin().await?;
            crate::store::calls::remove_lot(&txn, &admin.tenant, call, lot).await?;
            admin.audit(&txn, "call.lot_removed", "call", call, Some(serde_json::json!({"lot": lot})), None).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "rename_lot")]
pub async fn rename_lot(call: Uuid, lot: Uuid, title: String) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let txn = admin.server.db.begin().await?;
            let (before, after) = crate::store::calls::rename_lot(&txn, &admin.tenant, call, lot, &title).await?;
            let (before, after) =
                (serde_json::json!({"lot": lot, "title": before}), serde_json::json!({"lot": lot, "title": after}));
            admin.audit(&txn, "call.lot_renamed", "call", call, Some(before), Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "move_question")]
pub async fn move_question(call: Uuid, question: Uuid, direction: String) -> Result<(), AppError> {
    use sea_orm::TransactionTrait;
    crate::error::respond(
        async move {
            let admin = crate::actor::Actor::require(model::Permission::ManageCalls).await?;
            let up = match direction.as_str() {
                "up" => true,
                "down" => false,
                _ => return Err(AppError::invalid("direction", crate::InvalidReason::Malformed)),
            };
            let txn = admin.server.db.begin().await?;
            crate::store::calls::move_question(&txn, &admin.tenant, call, question, up).await?;
            let after = serde_json::json!({"question": question, "direction": direction});
            admin.audit(&txn, "call.question_moved", "call", call, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<(), AppError>(())
        }
        .await,
    )
}
