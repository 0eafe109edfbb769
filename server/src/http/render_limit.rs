//! How many reads (GET and HEAD) the server works on at once. On two cores a page's work is CPU and the
//! database, so 64 pages rendered side by side finish no sooner than 8 but hold eight times the memory: the
//! benchmark's city took half a gigabyte at 64 connections. Requests beyond the limit wait their turn
//! (the 30 s request timeout still applies). Writes are not held back: their bodies arrive at the client's
//! pace, and a slow sender must not keep a reader waiting; a GET has no body, so nothing outside the
//! server's own work keeps a permit. A page's response is complete when its handler returns (the app
//! renders `SsrMode::Async`), so the permit is released before the bytes go out.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The permits of the reads in progress.
#[derive(Clone, Debug)]
pub struct RenderLimit(Arc<Semaphore>);

impl RenderLimit {
    /// Four reads per core: enough to keep the cores busy while some wait on the database.
    pub fn per_core() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        RenderLimit::new(cores * 4)
    }

    pub fn new(permits: usize) -> Self {
        RenderLimit(Arc::new(Semaphore::new(permits.max(1))))
    }
}

pub async fn limit_renders(State(limit): State<RenderLimit>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    // The semaphore is never closed, so acquiring fails never; were it to, the request goes through.
    let _permit = limit.0.acquire().await.ok();
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::body::Body;
    use axum::routing::get;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    use tower::ServiceExt;

    /// A router whose handler counts how many run at once and remembers the most.
    fn counting(limit: RenderLimit) -> (Router, Arc<AtomicUsize>) {
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let handler = {
            let (running, most) = (running.clone(), most.clone());
            move || {
                let (running, most) = (running.clone(), most.clone());
                async move {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    running.fetch_sub(1, Ordering::SeqCst);
                }
            }
        };
        let router = Router::new()
            .route("/", get(handler.clone()).post(handler))
            .route_layer(axum::middleware::from_fn_with_state(limit, limit_renders));
        (router, most)
    }

    /// Six requests of `method` at once.
    async fn at_once(router: &Router, method: Method) {
        let mut requests = tokio::task::JoinSet::new();
        for _ in 0..6 {
            let request = Request::builder().method(method.clone()).uri("/").body(Body::empty()).expect("request");
            requests.spawn(router.clone().oneshot(request));
        }
        while let Some(response) = requests.join_next().await {
            assert!(response.expect("joined").expect("response").status().is_success());
        }
    }

    #[tokio::test]
    async fn reads_beyond_the_limit_wait_their_turn() {
        let (router, most) = counting(RenderLimit::new(2));
        at_once(&router, Method::GET).await;
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn writes_are_not_held_back() {
        let (router, most) = counting(RenderLimit::new(2));
        at_once(&router, Method::POST).await;
        assert_eq!(most.load(Ordering::SeqCst), 6);
    }
}
