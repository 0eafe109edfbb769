//! The exchange space (issue 13, item 7; seed §4b, §5d): threads with replies and files, tagged by district
//! and topic, searchable. Coordinators, the steering group, the administration and the steering module's
//! carrier take part (`model::exchange::may_take_part`); everyone else is refused before anything is read.
//!
//! As elsewhere, the operations live in [`ops`], take an [`crate::actor::Actor`] and serve the server
//! functions below, the REST API and the file routes.

#[cfg(feature = "ssr")]
pub mod ops {
    use crate::AppError;
    use crate::actor::Actor;
    use crate::store::{exchange as store, files, names};
    use chrono::{DateTime, Utc};
    use model::entity::exchange_post;
    use model::exchange::{
        PAGE_SIZE, PostProblem, PostView, ReplyInput, ThreadFilter, ThreadInput, ThreadPage, ThreadSummary, ThreadView,
        Topic, may_take_part,
    };
    use model::file::{FileRef, MAX_FILES, Owner};
    use sea_orm::{ConnectionTrait, TransactionTrait};
    use std::collections::HashMap;
    use uuid::Uuid;

    fn problem(problem: PostProblem) -> AppError {
        use crate::InvalidReason::{Required, TooLong};
        match problem {
            PostProblem::TitleEmpty => AppError::invalid("title", Required),
            PostProblem::TitleTooLong => AppError::invalid("title", TooLong),
            PostProblem::BodyEmpty => AppError::invalid("body", Required),
            PostProblem::BodyTooLong => AppError::invalid("body", TooLong),
            PostProblem::BadTags => AppError::invalid("tags", TooLong),
        }
    }

    /// Whether `who` takes part in the exchange of the tenant in `scope` (see `model::exchange::may_take_part`).
    pub async fn takes_part(
        db: &impl ConnectionTrait,
        scope: &crate::store::TenantScope,
        who: model::policy::Who<'_>,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        if who.holds(model::Permission::UseExchange) {
            return Ok(true);
        }
        if !who.roles.iter().any(|role| matches!(role, model::Role::Carrier { .. })) {
            return Ok(false);
        }
        let today = now.with_timezone(&model::datetime::DEFAULT_TIME_ZONE).date_naive();
        Ok(may_take_part(who, store::steering_carrier(db, scope, today).await?))
    }

    /// Refuses anyone who does not take part; the one check every operation starts with.
    async fn admit(db: &impl ConnectionTrait, actor: &Actor, now: DateTime<Utc>) -> Result<(), AppError> {
        if takes_part(db, &actor.tenant, actor.who(), now).await? { Ok(()) } else { Err(AppError::Forbidden) }
    }

    /// A topic to narrow the list to, as a form or query gives it (empty: any).
    pub fn topic_filter(text: Option<&str>) -> Result<Option<Topic>, AppError> {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(text) => Topic::parse(text).map(Some).ok_or(AppError::invalid("topic", crate::InvalidReason::Malformed)),
            None => Ok(None),
        }
    }

    /// Names read once per request.
    struct Names {
        districts: HashMap<Uuid, String>,
        users: HashMap<Uuid, String>,
    }

    impl Names {
        async fn read(db: &impl ConnectionTrait, actor: &Actor) -> Result<Self, AppError> {
            Ok(Names { districts: names::districts(db, &actor.tenant).await?, users: names::users(db, &actor.tenant).await? })
        }

        fn user(&self, id: Uuid) -> String {
            self.users.get(&id).cloned().unwrap_or_default()
        }

        fn summary(&self, row: &exchange_post::Model, replies: u32) -> Result<ThreadSummary, AppError> {
            let topic = Topic::parse(&row.topic).ok_or_else(|| AppError::internal(format!("topic of {}", row.id)))?;
            Ok(ThreadSummary {
                id: row.id,
                title: row.title.clone(),
                topic,
                district_id: row.district_id,
                district: row.district_id.and_then(|d| self.districts.get(&d).cloned()),
                tags: store::tags_of(row)?,
                author: self.user(row.author_id),
                created_at: row.created_at,
                replies,
                last_activity_at: row.last_activity_at,
            })
        }
    }

    /// One page of the threads that match, most recently active first.
    pub async fn list(actor: &Actor, filter: ThreadFilter, now: DateTime<Utc>) -> Result<ThreadPage, AppError> {
        let db = &actor.server.db;
        admit(db, actor, now).await?;
        let (rows, total) = store::threads(db, &actor.tenant, &filter).await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let counts = store::reply_counts(db, &actor.tenant, &ids).await?;
        let names = Names::read(db, actor).await?;
        let threads =
            rows.iter().map(|row| names.summary(row, counts.get(&row.id).copied().unwrap_or(0))).collect::<Result<_, _>>()?;
        Ok(ThreadPage { threads, total, page: filter.page.max(1), pages: total.div_ceil(PAGE_SIZE).max(1) })
    }

    async fn view(db: &impl ConnectionTrait, actor: &Actor, thread: &exchange_post::Model) -> Result<ThreadView, AppError> {
        let replies = store::replies(db, &actor.tenant, thread.id).await?;
        let ids: Vec<Uuid> = std::iter::once(thread.id).chain(replies.iter().map(|r| r.id)).collect();
        let all_files = files::of_owners(db, &actor.tenant, Owner::ExchangePost, &ids).await?;
        let names = Names::read(db, actor).await?;
        let me = actor.caller().user_id;
        let post = |row: &exchange_post::Model| PostView {
            id: row.id,
            author: names.user(row.author_id),
            body: row.body.clone(),
            created_at: row.created_at,
            files: all_files.iter().filter(|f| f.owner_id == row.id).map(files::file_ref).collect(),
            own: row.author_id == me,
        };
        Ok(ThreadView {
            summary: names.summary(thread, u32::try_from(replies.len()).unwrap_or(u32::MAX))?,
            opening: post(thread),
            replies: replies.iter().map(post).collect(),
        })
    }

    /// One thread with its replies and files.
    pub async fn get(actor: &Actor, id: Uuid, now: DateTime<Utc>) -> Result<ThreadView, AppError> {
        let db = &actor.server.db;
        admit(db, actor, now).await?;
        let thread = store::thread(db, &actor.tenant, id).await?;
        view(db, actor, &thread).await
    }

    /// Opens a thread. The district, if given, must be one of the tenant's. Audited.
    pub async fn open(actor: &Actor, input: ThreadInput, now: DateTime<Utc>) -> Result<ThreadView, AppError> {
        let input = input.checked().map_err(problem)?;
        let txn = actor.server.db.begin().await?;
        admit(&txn, actor, now).await?;
        if let Some(district) = input.district_id
            && !names::districts(&txn, &actor.tenant).await?.contains_key(&district)
        {
            return Err(AppError::invalid("district_id", crate::InvalidReason::Malformed));
        }
        let row = store::open(&txn, &actor.tenant, &input, actor.caller().user_id, now).await?;
        let after = serde_json::json!({"title": row.title, "topic": row.topic});
        actor.audit(&txn, "exchange.thread_opened", "exchange_post", row.id, None, Some(after)).await?;
        let shown = view(&txn, actor, &row).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Replies to a thread. Audited.
    pub async fn reply(actor: &Actor, thread: Uuid, input: ReplyInput, now: DateTime<Utc>) -> Result<ThreadView, AppError> {
        let input = input.checked().map_err(problem)?;
        let txn = actor.server.db.begin().await?;
        admit(&txn, actor, now).await?;
        let thread = store::thread(&txn, &actor.tenant, thread).await?;
        let row = store::reply(&txn, &actor.tenant, &thread, &input, actor.caller().user_id, now).await?;
        actor.audit(&txn, "exchange.replied", "exchange_post", row.id, None, Some(serde_json::json!({"thread": thread.id}))).await?;
        let thread = store::thread(&txn, &actor.tenant, thread.id).await?;
        let shown = view(&txn, actor, &thread).await?;
        txn.commit().await?;
        Ok(shown)
    }

    /// Attaches a file (PDF, ODT or DOCX) to one of the caller's own posts; returns it and the post's thread.
    /// Audited.
    pub async fn attach(
        actor: &Actor,
        post: Uuid,
        file_name: &str,
        bytes: bytes::Bytes,
        now: DateTime<Utc>,
    ) -> Result<(FileRef, Uuid), AppError> {
        let db = &actor.server.db;
        admit(db, actor, now).await?;
        let own = |row: &exchange_post::Model| row.author_id == actor.caller().user_id;
        // Checked before the file travels to storage, and again in the transaction that records it.
        let row = store::post(db, &actor.tenant, post).await?;
        if !own(&row) {
            return Err(AppError::Forbidden);
        }
        let thread = row.thread_id.unwrap_or(row.id);
        let storage = &actor.server.storage;
        let prefix = format!("{}/exchange/{post}", actor.tenant.id());
        let staged = crate::attachments::stage(storage, &prefix, file_name, bytes).await?;
        let recorded = async {
            let txn = actor.server.db.begin().await?;
            if !own(&store::post(&txn, &actor.tenant, post).await?) {
                return Err(AppError::Forbidden);
            }
            if files::count(&txn, &actor.tenant, Owner::ExchangePost, post).await? >= MAX_FILES as u64 {
                return Err(AppError::invalid("file", crate::InvalidReason::TooLong));
            }
            let user = actor.caller().user_id;
            let row = files::add(&txn, &actor.tenant, Owner::ExchangePost, post, &staged, user, now).await?;
            let after = serde_json::json!({"file": row.id, "file_name": row.file_name, "sha256": row.sha256});
            actor.audit(&txn, "exchange.file_added", "exchange_post", post, None, Some(after)).await?;
            txn.commit().await?;
            Ok((files::file_ref(&row), thread))
        }
        .await;
        if recorded.is_err() {
            crate::attachments::discard(storage, &staged.key).await;
        }
        recorded
    }

    /// A file of a post, with its bytes.
    pub async fn file(
        actor: &Actor,
        post: Uuid,
        file: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(model::entity::file::Model, bytes::Bytes), AppError> {
        let db = &actor.server.db;
        admit(db, actor, now).await?;
        store::post(db, &actor.tenant, post).await?;
        let row = files::one(db, &actor.tenant, Owner::ExchangePost, post, file).await?;
        let bytes = actor.server.storage.get(&row.storage_key).await.map_err(AppError::internal)?;
        Ok((row, bytes))
    }
}

use crate::AppError;
use model::exchange::{ThreadPage, ThreadView};
use uuid::Uuid;

/// Tags as the form sends them: separated by commas.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect()
}

/// The threads of the exchange, narrowed by the search form (see [`ops::list`]).
#[leptos::server(prefix = "/fn", endpoint = "exchange_threads")]
pub async fn exchange_threads(
    query: Option<String>,
    topic: Option<String>,
    district: Option<Uuid>,
    tag: Option<String>,
    page: Option<u64>,
) -> Result<ThreadPage, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            let topic = ops::topic_filter(topic.as_deref())?;
            let filter = model::exchange::ThreadFilter {
                query: query.filter(|q| !q.trim().is_empty()),
                topic,
                district_id: district,
                tag: tag.filter(|t| !t.trim().is_empty()),
                page: page.unwrap_or(1),
            };
            ops::list(&actor, filter, chrono::Utc::now()).await
        }
        .await,
    )
}

/// One thread (see [`ops::get`]).
#[leptos::server(prefix = "/fn", endpoint = "exchange_thread")]
pub async fn exchange_thread(id: Uuid) -> Result<ThreadView, AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            ops::get(&actor, id, chrono::Utc::now()).await
        }
        .await,
    )
}

/// Opens a thread from the form and goes to it.
#[leptos::server(prefix = "/fn", endpoint = "open_thread")]
pub async fn open_thread(
    title: String,
    body: String,
    topic: String,
    district: Option<String>,
    tags: Option<String>,
) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            let topic = model::exchange::Topic::parse(&topic).ok_or(AppError::invalid("topic", crate::InvalidReason::Required))?;
            let district_id = match district.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
                Some(text) => {
                    Some(Uuid::parse_str(text).map_err(|_| AppError::invalid("district_id", crate::InvalidReason::Malformed))?)
                }
                None => None,
            };
            let input = model::exchange::ThreadInput {
                title,
                body,
                topic,
                district_id,
                tags: split_tags(tags.as_deref().unwrap_or_default()),
            };
            let view = ops::open(&actor, input, chrono::Utc::now()).await?;
            leptos_axum::redirect(&format!("/{}/exchange/{}", actor.tenant.view().slug, view.summary.id));
            Ok(())
        }
        .await,
    )
}

/// Replies to a thread from the form.
#[leptos::server(prefix = "/fn", endpoint = "reply_thread")]
pub async fn reply_thread(thread: Uuid, body: String) -> Result<(), AppError> {
    crate::error::respond(
        async move {
            let actor = crate::actor::Actor::signed_in().await?;
            ops::reply(&actor, thread, model::exchange::ReplyInput { body }, chrono::Utc::now()).await?;
            Ok(())
        }
        .await,
    )
}
