//! The exchange space's threads and replies (server only; issue 13, item 7). Every function takes the
//! tenant's scope; whether the caller takes part is asked of `model::exchange::may_take_part` by
//! `app::exchange::ops` before any of these run.

use super::TenantScope;
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use model::entity::{award, exchange_post};
use model::exchange::{PAGE_SIZE, ReplyInput, ThreadFilter, ThreadInput};
use sea_orm::sea_query::{Expr, Func, SelectStatement};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IdenStatic, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait,
};
use uuid::Uuid;

/// The organisation holding the steering contract that runs on `today`, if any (its members take part).
pub async fn steering_carrier(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    today: NaiveDate,
) -> Result<Option<Uuid>, AppError> {
    let query = steering_carrier_of(scope.id().into(), today);
    let row = db.query_one(db.get_database_backend().build(&query)).await?;
    Ok(row.map(|row| row.try_get::<Uuid>("", award::Column::OrganisationId.as_str())).transpose()?)
}

/// The query behind [`steering_carrier`] for the tenant `tenant` stands for (a value, or a column of an outer
/// query: the caller's, `auth::accounts` reads it with every caller for the navigation): the newest steering
/// award begun by `today` that has not ended before.
pub(crate) fn steering_carrier_of(tenant: sea_orm::sea_query::SimpleExpr, today: NaiveDate) -> SelectStatement {
    use sea_orm::sea_query::{Order, Query};
    let column = |column: award::Column| Expr::col((award::Entity, column));
    Query::select()
        .column((award::Entity, award::Column::OrganisationId))
        .from(award::Entity)
        .and_where(column(award::Column::TenantId).eq(tenant))
        .and_where(column(award::Column::Kind).eq("steering"))
        .and_where(column(award::Column::StartsOn).lte(today))
        .cond_where(
            Condition::any().add(column(award::Column::EndsOn).is_null()).add(column(award::Column::EndsOn).gte(today)),
        )
        .order_by((award::Entity, award::Column::StartsOn), Order::Desc)
        .limit(1)
        .to_owned()
}

/// `LOWER(column) LIKE %word%`, the same on SQLite and PostgreSQL.
fn contains(column: exchange_post::Column, word: &str) -> sea_orm::sea_query::SimpleExpr {
    let escaped = word.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Expr::expr(Func::lower(Expr::col(column))).like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

/// One page of the threads that match `filter`, most recently active first, and how many match in all.
pub async fn threads(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    filter: &ThreadFilter,
) -> Result<(Vec<exchange_post::Model>, u64), AppError> {
    let mut query = exchange_post::Entity::find()
        .filter(exchange_post::Column::TenantId.eq(scope.id()))
        .filter(exchange_post::Column::ThreadId.is_null());
    if let Some(topic) = filter.topic {
        query = query.filter(exchange_post::Column::Topic.eq(topic.as_str()));
    }
    if let Some(district) = filter.district_id {
        query = query.filter(exchange_post::Column::DistrictId.eq(district));
    }
    if let Some(tag) = &filter.tag {
        // Tags are stored as a JSON array of strings: match the quoted tag.
        let quoted = serde_json::to_string(tag).map_err(AppError::internal)?;
        query = query.filter(contains(exchange_post::Column::Tags, &quoted));
    }
    for word in filter.query.as_deref().unwrap_or_default().split_whitespace().take(8) {
        // A word may be in the thread itself or in one of its replies.
        let in_replies = exchange_post::Entity::find()
            .select_only()
            .column(exchange_post::Column::ThreadId)
            .filter(exchange_post::Column::TenantId.eq(scope.id()))
            .filter(exchange_post::Column::ThreadId.is_not_null())
            .filter(contains(exchange_post::Column::Body, word))
            .into_query();
        query = query.filter(
            Condition::any()
                .add(contains(exchange_post::Column::Title, word))
                .add(contains(exchange_post::Column::Body, word))
                .add(exchange_post::Column::Id.in_subquery(in_replies)),
        );
    }
    let total = query.clone().count(db).await?;
    let page = filter.page.max(1);
    let rows = query
        .order_by_desc(exchange_post::Column::LastActivityAt)
        .order_by_asc(exchange_post::Column::Id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// How many replies each of `threads` has.
pub async fn reply_counts(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    threads: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, u32>, AppError> {
    let rows: Vec<(Option<Uuid>, i64)> = exchange_post::Entity::find()
        .select_only()
        .column(exchange_post::Column::ThreadId)
        .column_as(exchange_post::Column::Id.count(), "replies")
        .filter(exchange_post::Column::TenantId.eq(scope.id()))
        .filter(exchange_post::Column::ThreadId.is_in(threads.iter().copied()))
        .group_by(exchange_post::Column::ThreadId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(thread, count)| Some((thread?, u32::try_from(count).unwrap_or(u32::MAX))))
        .collect())
}

/// A thread (not a reply) by id.
pub async fn thread(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<exchange_post::Model, AppError> {
    exchange_post::Entity::find_by_id(id)
        .filter(exchange_post::Column::TenantId.eq(scope.id()))
        .filter(exchange_post::Column::ThreadId.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A post — a thread or a reply — by id.
pub async fn post(db: &impl ConnectionTrait, scope: &TenantScope, id: Uuid) -> Result<exchange_post::Model, AppError> {
    exchange_post::Entity::find_by_id(id)
        .filter(exchange_post::Column::TenantId.eq(scope.id()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// A thread's replies, oldest first.
pub async fn replies(db: &impl ConnectionTrait, scope: &TenantScope, thread: Uuid) -> Result<Vec<exchange_post::Model>, AppError> {
    Ok(exchange_post::Entity::find()
        .filter(exchange_post::Column::TenantId.eq(scope.id()))
        .filter(exchange_post::Column::ThreadId.eq(thread))
        .order_by_asc(exchange_post::Column::CreatedAt)
        .all(db)
        .await?)
}

pub fn tags_of(row: &exchange_post::Model) -> Result<Vec<String>, AppError> {
    serde_json::from_str(&row.tags).map_err(|e| AppError::internal(format!("tags of {}: {e}", row.id)))
}

/// Opens a thread (checked input).
pub async fn open(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    input: &ThreadInput,
    author: Uuid,
    now: DateTime<Utc>,
) -> Result<exchange_post::Model, AppError> {
    let row = exchange_post::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        thread_id: Set(None),
        author_id: Set(author),
        title: Set(input.title.clone()),
        body: Set(input.body.clone()),
        topic: Set(input.topic.as_str().to_owned()),
        district_id: Set(input.district_id),
        tags: Set(serde_json::to_string(&input.tags).map_err(AppError::internal)?),
        created_at: Set(now),
        last_activity_at: Set(now),
    };
    Ok(exchange_post::Entity::insert(row).exec_with_returning(db).await?)
}

/// Adds a reply (checked input) to a thread and moves the thread's last activity.
pub async fn reply(
    db: &impl ConnectionTrait,
    scope: &TenantScope,
    thread: &exchange_post::Model,
    input: &ReplyInput,
    author: Uuid,
    now: DateTime<Utc>,
) -> Result<exchange_post::Model, AppError> {
    let row = exchange_post::ActiveModel {
        id: Set(Uuid::new_v4()),
        tenant_id: Set(scope.id()),
        thread_id: Set(Some(thread.id)),
        author_id: Set(author),
        title: Set(String::new()),
        body: Set(input.body.clone()),
        topic: Set(String::new()),
        district_id: Set(None),
        tags: Set("[]".to_owned()),
        created_at: Set(now),
        last_activity_at: Set(now),
    };
    let reply = exchange_post::Entity::insert(row).exec_with_returning(db).await?;
    exchange_post::Entity::update_many()
        .col_expr(exchange_post::Column::LastActivityAt, Expr::value(now))
        .filter(exchange_post::Column::TenantId.eq(scope.id()))
        .filter(exchange_post::Column::Id.eq(thread.id))
        .exec(db)
        .await?;
    Ok(reply)
}
