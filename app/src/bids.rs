//! Bids: the carrier's workspace (drafting with autosave, attachments, submitting, withdrawing, receipts)
//! and, once a call has closed, reading for the steering group and the administration.
//!
//! The operations live in [`ops`] and take an [`crate::actor::Actor`], so the server functions here and the
//! REST API run the same code with the same checks. Whether a bid may be read or changed is decided by
//! `store::bids::authorize` with `model::policy`, on the server's clock.

use crate::AppError;
use model::bid::{BidSummary, BidView, LotCount, SubmittedBid, VersionView};
use model::call::{CallSummary, OpenCall};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// The carrier's overview: its bids, and the open calls it may bid for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidsOverview {
    pub organisation_name: String,
    pub verified: bool,
    pub bids: Vec<BidSummary>,
    pub open_calls: Vec<OpenCall>,
    /// The server's clock when it answered, for the open calls' countdowns.
    pub server_now: chrono::DateTime<chrono::Utc>,
}

/// The bid page: the bid as its organisation works on it, and the committee's decision once there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidPageData {
    pub view: BidView,
    pub outcome: Option<model::award::OutcomeView>,
}

/// A page of a closed call's bids for readers, or only the counts while it is sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallBidsView {
    pub call: CallSummary,
    /// Per lot: how many bids (administrators; also after closing).
    pub counts: Vec<LotCount>,
    /// A page of the submitted bids, once the call has closed.
    pub bids: Option<Vec<SubmittedBid>>,
    /// How many submitted bids the caller may read in all (none while sealed).
    pub total: u64,
}

/// A submitted bid as the call's list of bids shows it: who, which version, how much and how many FTE —
/// not the answers, which the version's own page shows, nor the call and the status every line would
/// repeat (a city's call lists 340 bids; the page's data went from 275 to about 100 KB).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidLine {
    pub bid_id: Uuid,
    pub lot_id: Uuid,
    pub lot_title: String,
    pub organisation_name: String,
    /// The number of the latest submitted version.
    pub version: i32,
    pub total: model::Money,
    pub fte: model::bid::Fte,
}

/// The steering group's page of a closed call's bids: one lot at a time, as [`BidLine`]s — a city's call has
/// twenty lots of up to twenty bids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallBidList {
    pub call: CallSummary,
    /// Per lot: how many bids (administrators; also after closing).
    pub counts: Vec<LotCount>,
    /// The lots with submitted bids that the caller may see, in the call's order.
    pub choices: Vec<model::evaluation::LotChoice>,
    /// How many lots with submitted bids a scoring member sees only after declaring for them.
    pub undeclared_lots: u32,
    /// The lot shown.
    pub lot: Option<Uuid>,
    /// The shown lot's submitted bids, once the call has closed.
    pub bids: Option<Vec<BidLine>>,
}

#[cfg(feature = "ssr")]
impl BidLine {
    fn of(bid: SubmittedBid) -> Self {
        BidLine {
            bid_id: bid.summary.id,
            lot_id: bid.summary.lot_id,
            lot_title: bid.summary.lot_title,
            organisation_name: bid.summary.organisation_name,
            version: bid.version.number,
            total: bid.content.total(),
            fte: bid.content.fte,
        }
    }
}

#[cfg(feature = "ssr")]
pub mod ops {
    use super::*;
    use crate::actor::Actor;
    use crate::store::Clock;
    use crate::store::bids::{self, Authorized, Change};
    use chrono::{DateTime, Utc};
    use model::bid::Draft;
    use sea_orm::TransactionTrait;

    /// Reads the draft from form fields named `answer-<question>`, `amount-<year>` and `fte`; other names are
    /// ignored (and `save` drops answers to questions the call does not have).
    pub fn draft_from_fields(fields: &BTreeMap<String, String>) -> Draft {
        let mut draft = Draft::default();
        for (name, value) in fields {
            if let Some(id) = name.strip_prefix("answer-").and_then(|id| Uuid::parse_str(id).ok()) {
                draft.answers.insert(id, value.clone());
            } else if let Some(year) = name.strip_prefix("amount-").and_then(|y| y.parse::<i32>().ok()) {
                draft.amounts.insert(year, value.clone());
            } else if name == "fte" {
                draft.fte = value.clone();
            }
        }
        draft
    }

    /// The carrier's overview: its organisation's bids and the calls open for bids.
    pub async fn my_bids(actor: &Actor, now: DateTime<Utc>) -> Result<BidsOverview, AppError> {
        let db = &crate::store::reading(&actor.server.db).await?;
        let organisation = crate::store::organisations::find(db, &actor.tenant, actor.organisation()?).await?;
        Ok(BidsOverview {
            organisation_name: organisation.name,
            verified: organisation.verified_at.is_some(),
            bids: bids::of_organisation(db, &actor.tenant, actor.who(), organisation.id, now).await?,
            open_calls: crate::store::calls::open_with_lots(db, &actor.tenant, now).await?,
            server_now: now,
        })
    }

    /// The bids of the caller's organisation, newest first (the API's list).
    pub async fn own_bids(actor: &Actor, now: DateTime<Utc>) -> Result<Vec<BidSummary>, AppError> {
        let db = &crate::store::reading(&actor.server.db).await?;
        bids::of_organisation(db, &actor.tenant, actor.who(), actor.organisation()?, now).await
    }

    /// Opens the organisation's bid for a lot, making a draft if there is none.
    pub async fn start(actor: &Actor, call: Uuid, lot: Uuid, now: DateTime<Utc>) -> Result<Uuid, AppError> {
        let organisation = actor.organisation()?;
        let txn = actor.server.db.begin().await?;
        let id = bids::open_or_create(&txn, &actor.tenant, actor.who(), call, lot, organisation, now).await?;
        actor.audit(&txn, "bid.opened", "bid", id, None, Some(serde_json::json!({"call": call, "lot": lot}))).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// The bid as its organisation sees it (readers after closing see submitted versions, not the draft).
    pub async fn view(actor: &Actor, bid: Uuid, now: DateTime<Utc>) -> Result<BidView, AppError> {
        let db = &actor.server.db;
        let authorized = bids::authorize_read(db, &actor.tenant, actor.who(), bid, now).await?;
        bids::view(db, &authorized, now).await
    }

    /// The bid page's data: [`view`] and, once the committee has decided, the outcome — the bid authorised
    /// once for both.
    pub async fn page(actor: &Actor, bid: Uuid, now: DateTime<Utc>) -> Result<BidPageData, AppError> {
        let db = &crate::store::reading(&actor.server.db).await?;
        let authorized = bids::authorize_read(db, &actor.tenant, actor.who(), bid, now).await?;
        let view = bids::view(db, &authorized, now).await?;
        let outcome = match crate::awards::ops::outcome_of(actor, db, &authorized, now).await {
            Ok(outcome) => outcome,
            // The bid itself is the page's; an outcome that cannot be shown is left out.
            Err(AppError::NotFound | AppError::Evaluation { .. }) => None,
            Err(err) => return Err(err),
        };
        Ok(BidPageData { view, outcome })
    }

    /// Stores `draft` on an authorized bid, keeping only answers to the call's questions and amounts for its
    /// budget years.
    async fn store_draft(
        txn: &sea_orm::DatabaseTransaction,
        actor: &Actor,
        authorized: Authorized<Change>,
        mut draft: Draft,
    ) -> Result<Authorized<Change>, AppError> {
        let questions: Vec<Uuid> =
            crate::store::calls::questions_of(txn, authorized.call()).await?.iter().map(|q| q.id).collect();
        let years = model::bid::budget_years(authorized.call().decision_date);
        draft.answers.retain(|id, _| questions.contains(id));
        draft.amounts.retain(|year, _| years.contains(year));
        bids::save_draft(txn, authorized, &draft, actor.caller().user_id).await
    }

    /// Saves the draft as typed; returns when it was saved.
    pub async fn save(actor: &Actor, bid: Uuid, draft: Draft, clock: Clock) -> Result<DateTime<Utc>, AppError> {
        let txn = actor.server.db.begin().await?;
        let authorized = bids::authorize_change(&txn, &actor.tenant, actor.who(), bid, clock).await?;
        let saved = store_draft(&txn, actor, authorized, draft).await?;
        txn.commit().await?;
        Ok(saved.bid().draft_saved_at)
    }

    /// Submits the bid: complete, while the call is open; adds a version and plans the emailed receipt. With
    /// `draft`, the draft is saved first (in the same transaction), so nothing typed since the last autosave
    /// is missing from the submission.
    pub async fn submit(actor: &Actor, bid: Uuid, draft: Option<Draft>, clock: Clock) -> Result<VersionView, AppError> {
        let txn = actor.server.db.begin().await?;
        let mut authorized = bids::authorize_change(&txn, &actor.tenant, actor.who(), bid, clock).await?;
        let now = authorized.at();
        if let Some(draft) = draft {
            authorized = store_draft(&txn, actor, authorized, draft).await?;
        }
        let draft = authorized.draft()?;
        let questions = crate::store::calls::questions_of(&txn, authorized.call()).await?;
        let attachments = bids::attachments(&txn, &authorized).await?;
        let years = model::bid::budget_years(authorized.call().decision_date);
        let subject = model::bid::Subject {
            call_id: authorized.call().id,
            lot_id: authorized.bid().lot_id,
            organisation_id: authorized.bid().organisation_id,
        };
        let content = match model::bid::complete(subject, &draft, &questions, &years, &attachments) {
            Ok(content) => content,
            Err(problems) => {
                // The draft typed with the failed submission is kept.
                txn.commit().await?;
                return Err(AppError::Incomplete { problems });
            }
        };
        let version = bids::submit(&txn, authorized, &content, actor.caller().user_id).await?;
        let after = serde_json::json!({"version": version.number, "content_hash": version.content_hash});
        actor.audit(&txn, "bid.submitted", "bid", bid, None, Some(after)).await?;
        let receipt = crate::jobs::Job::BidReceipt { bid, number: version.number };
        crate::jobs::enqueue(&txn, &receipt, now, Some(format!("bid:{bid}:receipt:{}", version.number)), now).await?;
        txn.commit().await?;
        Ok(version)
    }

    pub async fn withdraw(actor: &Actor, bid: Uuid, clock: Clock) -> Result<(), AppError> {
        let txn = actor.server.db.begin().await?;
        let authorized = bids::authorize_change(&txn, &actor.tenant, actor.who(), bid, clock).await?;
        bids::withdraw(&txn, authorized).await?;
        actor.audit(&txn, "bid.withdrawn", "bid", bid, None, None).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Checks and stores an uploaded file, then records it on the draft.
    pub async fn upload(
        actor: &Actor,
        bid: Uuid,
        question: Option<Uuid>,
        file_name: &str,
        bytes: bytes::Bytes,
        clock: Clock,
    ) -> Result<model::bid::AttachmentRef, AppError> {
        use crate::InvalidReason;
        let db = &actor.server.db;
        // Checked before the file travels to storage, and again in the transaction that records it.
        let authorized = bids::authorize_change(db, &actor.tenant, actor.who(), bid, clock).await?;
        if let Some(question) = question {
            let questions = crate::store::calls::questions_of(db, authorized.call()).await?;
            if !questions.iter().any(|q| q.id == question && q.kind == model::call::QuestionKind::File) {
                return Err(AppError::invalid("question", InvalidReason::Malformed));
            }
        }
        let storage = &actor.server.storage;
        let checked = crate::attachments::check(file_name, &bytes, storage.max_upload_bytes)?;
        let key = format!("{}/bids/{}/{}", actor.tenant.id(), bid, Uuid::new_v4());
        let size = bytes.len() as u64;
        storage.put(&key, bytes).await.map_err(AppError::internal)?;
        let recorded = async {
            let txn = actor.server.db.begin().await?;
            // The call may have closed while the file travelled: check again inside the transaction.
            let authorized = bids::authorize_change(&txn, &actor.tenant, actor.who(), bid, clock).await?;
            let user = actor.caller().user_id;
            let attachment = bids::add_attachment(&txn, &authorized, question, &checked, size, &key, user).await?;
            let after = serde_json::json!({"attachment": attachment.id, "file_name": attachment.file_name,
                "sha256": attachment.sha256, "size": size});
            actor.audit(&txn, "bid.attachment_added", "bid", bid, None, Some(after)).await?;
            txn.commit().await?;
            Ok::<_, AppError>(attachment)
        }
        .await;
        if recorded.is_err()
            && let Err(err) = storage.delete(&key).await
        {
            tracing::warn!(error = %err, %key, "could not remove the file of a failed upload");
        }
        recorded
    }

    pub async fn remove_attachment(actor: &Actor, bid: Uuid, attachment: Uuid, clock: Clock) -> Result<(), AppError> {
        let txn = actor.server.db.begin().await?;
        let authorized = bids::authorize_change(&txn, &actor.tenant, actor.who(), bid, clock).await?;
        let row = bids::remove_attachment(&txn, &authorized, attachment).await?;
        let before = serde_json::json!({"attachment": attachment, "file_name": row.file_name});
        actor.audit(&txn, "bid.attachment_removed", "bid", bid, Some(before), None).await?;
        txn.commit().await?;
        Ok(())
    }

    /// An attachment's name, type and bytes, for whoever may read the bid. Readers after closing get only
    /// files named by the submitted version (decided by the policy, applied by the store).
    pub async fn attachment(
        actor: &Actor,
        bid: Uuid,
        attachment: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(model::entity::bid_attachment::Model, bytes::Bytes), AppError> {
        let db = &actor.server.db;
        let authorized = bids::authorize_read(db, &actor.tenant, actor.who(), bid, now).await?;
        let row = bids::attachment(db, &authorized, attachment).await?;
        let bytes = actor.server.storage.get(&row.storage_key).await.map_err(AppError::internal)?;
        Ok((row, bytes))
    }

    /// One submitted version: for the organisation any, for readers the one that stood at closing.
    pub async fn version(actor: &Actor, bid: Uuid, number: i32, now: DateTime<Utc>) -> Result<SubmittedBid, AppError> {
        let db = &actor.server.db;
        let authorized = bids::authorize_read(db, &actor.tenant, actor.who(), bid, now).await?;
        bids::version(db, &authorized, number, now).await
    }

    /// A call's bids for readers once it has closed (all of them, or one lot's), the `page`-th `per_page` of
    /// them, and the counts per lot for administrators. A lot that is not the call's is not found. Each page is
    /// kept once the call has closed, while the tenant's data stays the same (`crate::derived`).
    pub async fn call_bids(
        actor: &Actor,
        call: Uuid,
        lot: Option<Uuid>,
        (page, per_page): (u64, u64),
        now: DateTime<Utc>,
    ) -> Result<CallBidsView, AppError> {
        let closed = |view: &CallBidsView| view.call.phase == model::call::Phase::Closed;
        let arguments = (call, lot, page, per_page);
        actor
            .derived_if("call's bids", arguments, now, || call_bids_of(actor, call, lot, (page, per_page), now), closed)
            .await
    }

    async fn call_bids_of(
        actor: &Actor,
        call: Uuid,
        lot: Option<Uuid>,
        (page, per_page): (u64, u64),
        now: DateTime<Utc>,
    ) -> Result<CallBidsView, AppError> {
        let db = &actor.server.db;
        if let Some(lot) = lot {
            crate::store::calls::ensure_lot(db, &actor.tenant, call, lot).await?;
        }
        let summary = crate::store::calls::summary_of(db, &actor.tenant, call, false, now).await?;
        let counts = counts_for(actor, call).await?;
        let (bids, total) = if model::policy::may_read_bids_of(actor.who(), summary.phase) {
            let all = bids::of_closed_call(db, &actor.tenant, actor.who(), call, lot, now).await?;
            let total = all.len() as u64;
            (Some(model::paging::page_of(all, page, per_page)), total)
        } else {
            (None, 0)
        };
        Ok(CallBidsView { call: summary, counts, bids, total })
    }

    /// The steering group's page of a closed call's bids: the lot `lot`, or else the first the caller may
    /// see, with the choice of the others. Kept once the call has closed, while the tenant's data stays the
    /// same (`crate::derived`).
    pub async fn call_bid_list(
        actor: &Actor,
        call: Uuid,
        lot: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<CallBidList, AppError> {
        let closed = |list: &CallBidList| list.call.phase == model::call::Phase::Closed;
        actor.derived_if("bid list", (call, lot), now, || call_bid_list_of(actor, call, lot, now), closed).await
    }

    async fn call_bid_list_of(
        actor: &Actor,
        call: Uuid,
        lot: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<CallBidList, AppError> {
        let db = &actor.server.db;
        if let Some(lot) = lot {
            crate::store::calls::ensure_lot(db, &actor.tenant, call, lot).await?;
        }
        let summary = crate::store::calls::summary_of(db, &actor.tenant, call, false, now).await?;
        let counts = counts_for(actor, call).await?;
        let mut list = CallBidList { call: summary, counts, choices: Vec::new(), undeclared_lots: 0, lot: None, bids: None };
        if !model::policy::may_read_bids_of(actor.who(), list.call.phase) {
            return Ok(list);
        }
        let lots = crate::store::evaluation::lots_with_bids(db, &actor.tenant, actor.who(), call).await?;
        list.lot = lot.or_else(|| lots.iter().find(|(_, visible)| *visible).map(|(choice, _)| choice.lot_id));
        list.undeclared_lots = u32::try_from(lots.iter().filter(|(_, visible)| !visible).count()).unwrap_or(u32::MAX);
        list.choices = lots.into_iter().filter(|(_, visible)| *visible).map(|(choice, _)| choice).collect();
        list.bids = Some(match list.lot {
            Some(shown) => bids::of_closed_call(db, &actor.tenant, actor.who(), call, Some(shown), now)
                .await?
                .into_iter()
                .map(BidLine::of)
                .collect(),
            None => Vec::new(),
        });
        Ok(list)
    }

    /// How many bids each lot has, for administrators; nothing for anyone else.
    async fn counts_for(actor: &Actor, call: Uuid) -> Result<Vec<LotCount>, AppError> {
        if model::policy::may_count_bids(actor.who()) {
            bids::counts(&actor.server.db, &actor.tenant, actor.who(), call).await
        } else {
            Ok(Vec::new())
        }
    }
}

#[leptos::server(prefix = "/fn", endpoint = "my_bids")]
pub async fn my_bids() -> Result<BidsOverview, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            ops::my_bids(&actor, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Opens (or makes) the bid for a lot and goes to it.
#[leptos::server(prefix = "/fn", endpoint = "start_bid")]
pub async fn start_bid(call: Uuid, lot: Uuid) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            let id = ops::start(&actor, call, lot, chrono::Utc::now()).await?;
            leptos_axum::redirect(&format!("/{}/bids/{id}", actor.tenant.view().slug));
            Ok(())
        }
        .await,
    )
}

/// The bid page's data (see [`ops::page`]).
#[leptos::server(prefix = "/fn", endpoint = "bid")]
pub async fn bid(bid: Uuid) -> Result<BidPageData, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            ops::page(&actor, bid, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Saves the draft; `fields` are the form's fields (`answer-…`, `amount-…`, `fte`). Returns the save time.
#[leptos::server(prefix = "/fn", endpoint = "save_draft")]
pub async fn save_draft(
    bid: Uuid,
    fields: BTreeMap<String, String>,
) -> Result<chrono::DateTime<chrono::Utc>, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            ops::save(&actor, bid, ops::draft_from_fields(&fields), crate::store::Clock::System).await
        }
        .await,
    )
}

/// Submits the bid; with `fields` (the draft form's), saves them first. Sends the browser back to the editor
/// with the receipt.
#[leptos::server(prefix = "/fn", endpoint = "submit_bid")]
pub async fn submit_bid(bid: Uuid, fields: Option<BTreeMap<String, String>>) -> Result<VersionView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            let draft = fields.as_ref().map(ops::draft_from_fields);
            let version = ops::submit(&actor, bid, draft, crate::store::Clock::System).await?;
            // Back to the editor, which shows this version's receipt (`pages::bids::Editor`).
            let slug = actor.tenant.view().slug.clone();
            leptos_axum::redirect(&format!("/{slug}/bids/{bid}?submitted={}", version.number));
            Ok(version)
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "withdraw_bid")]
pub async fn withdraw_bid(bid: Uuid) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            ops::withdraw(&actor, bid, crate::store::Clock::System).await
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "remove_attachment")]
pub async fn remove_attachment(bid: Uuid, attachment: Uuid) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::DraftBids).await?;
            ops::remove_attachment(&actor, bid, attachment, crate::store::Clock::System).await
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "bid_version")]
pub async fn bid_version(bid: Uuid, number: i32) -> Result<SubmittedBid, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            ops::version(&actor, bid, number, chrono::Utc::now()).await
        }
        .await,
    )
}

#[leptos::server(prefix = "/fn", endpoint = "call_bids")]
pub async fn call_bids(call: Uuid, #[server(default)] lot: Option<Uuid>) -> Result<CallBidList, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::require(model::Permission::ReadBids).await?;
            ops::call_bid_list(&actor, call, lot, chrono::Utc::now()).await
        }
        .await,
    )
}
