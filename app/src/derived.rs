//! Views derived from much of a tenant's data, kept between requests while that data stays the same
//! (server only; issue 16).
//!
//! The city-wide pages (the controlling dashboard, the committee report, the reports, the ledger and its
//! years, a closed call's bids and ranking, a coordinator's tasks) compute their view from thousands of
//! rows that change a few times a day, and people reload them far more often. The database moves a tenant's version on every change of its data
//! (migration 23's triggers), so a view computed at version `v` is still right while the tenant is at `v`:
//! one small read by key tells. Each app server keeps its own views and asks the database, so several
//! servers behind a load balancer stay correct.
//!
//! What makes keeping a view safe:
//! - *Per caller*: a view is kept for the one user (and the arguments) it was computed for, so it holds
//!   exactly what that user may see; a change of their roles moves the version too.
//! - *Version read first*: the version is read before the view's data, so a view never claims an older
//!   version than its data; a view read across a concurrent change is recomputed on the next request.
//! - *The clock*: views kept here depend on the time only through local calendar days (due dates fall on
//!   midnight in the tenant's zone), or on an instant that once past stays past: a call's evaluation
//!   exists only after its closing, and a call's bid list is kept only once the call has closed
//!   ([`Actor::derived_if`]). Every zone's midnight falls on a quarter of an hour in UTC, so a view is kept
//!   for the quarter hour it was computed in at most, and it is never served for an earlier instant than
//!   the one it was computed at. A view that changes at arbitrary instants (an open call's phase) is not
//!   kept.
//! - *Bounded*: at most the configured bytes of views (`SPIELRAUM_VIEW_CACHE_MB`, each weighed as twice its
//!   JSON: the view and the JSON the API sends of it, kept with it); the least used go first.

use crate::AppError;
use crate::actor::Actor;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use model::entity::tenant_version;
use sea_orm::EntityTrait;
use serde::Serialize;
use std::any::Any;
use std::future::Future;
use std::sync::Arc;
use uuid::Uuid;

/// How long a view may be kept at most: a quarter of an hour, in seconds (see the module documentation).
const SLOT_SECONDS: i64 = 15 * 60;

/// The kept views of this app server; cheap to clone (one shared cache).
#[derive(Clone)]
pub struct Derived {
    views: Arc<quick_cache::sync::Cache<Key, Kept, ByJsonSize>>,
    keeps: bool,
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Derived").field("views", &self.views.len()).finish()
    }
}

impl Derived {
    /// A cache holding at most `bytes` of views; with 0 nothing is kept.
    pub fn with_capacity(bytes: u64) -> Self {
        Self { views: Arc::new(quick_cache::sync::Cache::with_weighter(256, bytes, ByJsonSize)), keeps: bytes > 0 }
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    tenant: Uuid,
    user: Uuid,
    view: &'static str,
    arguments: String,
}

#[derive(Clone)]
struct Kept {
    version: i64,
    slot: i64,
    computed_at: DateTime<Utc>,
    /// The view as the API sends it, written once when it was computed (a call's ranking is half a
    /// megabyte of JSON; writing it took most of each request's time).
    json: Bytes,
    value: Arc<dyn Any + Send + Sync>,
}

#[derive(Clone)]
struct ByJsonSize;

impl quick_cache::Weighter<Key, Kept> for ByJsonSize {
    /// The view and its JSON, the view taken to be about as large as its JSON.
    fn weight(&self, _key: &Key, kept: &Kept) -> u64 {
        2 * kept.json.len() as u64
    }
}

/// What [`Actor::kept_or_computed`] found: a view kept from an earlier request, or one computed now (with its
/// JSON if it was written to be kept).
enum Found<T> {
    Kept(Kept),
    Computed(T, Option<Bytes>),
}

impl Actor {
    /// The view `view` of this caller for `arguments` at `now`: kept from an earlier request if the tenant's
    /// data has not changed since and the quarter hour is the same, else computed by `compute` and kept.
    /// `compute` must decide everything from the actor, the arguments and `now` alone (see the module
    /// documentation), and its errors are never kept.
    pub async fn derived<T, F>(
        &self,
        view: &'static str,
        arguments: impl std::fmt::Debug,
        now: DateTime<Utc>,
        compute: impl FnOnce() -> F,
    ) -> Result<T, AppError>
    where
        T: Clone + Serialize + Send + Sync + 'static,
        F: Future<Output = Result<T, AppError>>,
    {
        self.derived_if(view, arguments, now, compute, |_| true).await
    }

    /// [`Actor::derived`] for a view that may be kept only once `keep` says so of it: a view that changes at
    /// an instant until then (an open call's phase) and stays as it is afterwards.
    pub async fn derived_if<T, F>(
        &self,
        view: &'static str,
        arguments: impl std::fmt::Debug,
        now: DateTime<Utc>,
        compute: impl FnOnce() -> F,
        keep: impl FnOnce(&T) -> bool,
    ) -> Result<T, AppError>
    where
        T: Clone + Serialize + Send + Sync + 'static,
        F: Future<Output = Result<T, AppError>>,
    {
        match self.kept_or_computed(view, arguments, now, compute, keep).await? {
            Found::Kept(kept) => {
                let value = kept.value.downcast_ref::<T>().ok_or_else(|| AppError::internal("a kept view changed type"))?;
                Ok(value.clone())
            }
            Found::Computed(value, _) => Ok(value),
        }
    }

    /// [`Actor::derived`] as the API sends it: the view's JSON, written once when the view was computed and
    /// served as it was kept, shared with the pages that show the same view.
    pub async fn derived_json<T, F>(
        &self,
        view: &'static str,
        arguments: impl std::fmt::Debug,
        now: DateTime<Utc>,
        compute: impl FnOnce() -> F,
    ) -> Result<Bytes, AppError>
    where
        T: Clone + Serialize + Send + Sync + 'static,
        F: Future<Output = Result<T, AppError>>,
    {
        match self.kept_or_computed(view, arguments, now, compute, |_: &T| true).await? {
            Found::Kept(kept) => Ok(kept.json),
            Found::Computed(_, Some(json)) => Ok(json),
            Found::Computed(value, None) => Ok(Bytes::from(serde_json::to_vec(&value).map_err(AppError::internal)?)),
        }
    }

    /// The caller's kept view for `arguments` while it still holds (same version, same quarter hour, not
    /// computed after `now`), else `compute`'s, kept with its JSON when `keep` allows.
    async fn kept_or_computed<T, F>(
        &self,
        view: &'static str,
        arguments: impl std::fmt::Debug,
        now: DateTime<Utc>,
        compute: impl FnOnce() -> F,
        keep: impl FnOnce(&T) -> bool,
    ) -> Result<Found<T>, AppError>
    where
        T: Clone + Serialize + Send + Sync + 'static,
        F: Future<Output = Result<T, AppError>>,
    {
        if !self.server.derived.keeps {
            return Ok(Found::Computed(compute().await?, None));
        }
        let Some(version) = self.data_version().await? else {
            return Ok(Found::Computed(compute().await?, None));
        };
        let key = Key {
            tenant: self.tenant.id(),
            user: self.caller().user_id,
            view,
            arguments: format!("{arguments:?}"),
        };
        let slot = now.timestamp().div_euclid(SLOT_SECONDS);
        let views = &self.server.derived.views;
        if let Some(kept) = views.get(&key)
            && kept.version == version
            && kept.slot == slot
            && kept.computed_at <= now
            && kept.value.is::<T>()
        {
            // A view served kept, with the version read along with the caller, is ready without the request
            // ever waiting. Leptos then resolves the page's resource on its synchronous path, which measured
            // markedly slower under load than when the resource is ready after a wait (release build, large data
            // set, 64 connections: the ranking 1,423–1,778 requests/s without this, 2,219–2,337 with it; the
            // dashboard 1,311–1,365 and 1,843–2,194). Yielding once to the scheduler keeps it on the other path.
            tokio::task::yield_now().await;
            return Ok(Found::Kept(kept));
        }
        let value = compute().await?;
        if keep(&value)
            && let Ok(json) = serde_json::to_vec(&value)
        {
            let json = Bytes::from(json);
            let kept = Kept { version, slot, computed_at: now, json: json.clone(), value: Arc::new(value.clone()) };
            views.insert(key, kept);
            return Ok(Found::Computed(value, Some(json)));
        }
        Ok(Found::Computed(value, None))
    }

    /// The tenant's data version now: read with the caller for a request that changes nothing (the guard
    /// keeps it only for GET, which the CSRF guard already relies on to change nothing), else read here, so
    /// that a request that changed data and then shows a view sees its own change; `None` if the tenant has
    /// none (nothing is kept then).
    async fn data_version(&self) -> Result<Option<i64>, AppError> {
        if let Some(version) = self.caller().data_version {
            return Ok(Some(version));
        }
        let row = tenant_version::Entity::find_by_id(self.tenant.id()).one(&self.server.db).await?;
        Ok(row.map(|row| row.version))
    }
}
