//! Pages of a long list over the API: `?page=` (from 1) and `?per_page=` (1 to 500, 100 if not given). The
//! body is the page's items, as it was the whole list's before lists were paged; the count of all is in
//! `X-Total-Count` and the neighbouring pages are in `Link` (RFC 8288, as GitHub's API does it), so an answer
//! stays small however much a tenant has (issue 16: a city's 2,640 reports were 920 KB in one answer).

use app::{AppError, InvalidReason};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};

pub const DEFAULT_PER_PAGE: u64 = 100;
pub const MAX_PER_PAGE: u64 = 500;

/// The total count's header.
pub const TOTAL_COUNT: HeaderName = HeaderName::from_static("x-total-count");

/// Which page of a list was asked for; both numbers checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
}

impl Paging {
    /// From the query's `page` and `per_page`: a page below 1 or a size outside 1 to 500 is refused (422).
    pub fn new(page: Option<u64>, per_page: Option<u64>) -> Result<Self, AppError> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        if page == 0 {
            return Err(AppError::invalid("page", InvalidReason::Malformed));
        }
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(AppError::invalid("per_page", InvalidReason::Malformed));
        }
        Ok(Paging { page, per_page })
    }

    /// The headers for this page of `total` items of the list at `path`, whose other query parameters are
    /// `query` (names and values that need no escaping: ids, words, numbers).
    pub fn headers(self, path: &str, query: &[(&str, String)], total: u64) -> HeaderMap {
        let last = total.div_ceil(self.per_page).max(1);
        let link = |page: u64, rel: &str| {
            let mut pairs: Vec<String> = query.iter().map(|(name, value)| format!("{name}={value}")).collect();
            pairs.push(format!("page={page}"));
            pairs.push(format!("per_page={}", self.per_page));
            format!("<{path}?{}>; rel=\"{rel}\"", pairs.join("&"))
        };
        let mut links = Vec::new();
        if self.page < last {
            links.push(link(self.page + 1, "next"));
        }
        if self.page > 1 {
            links.push(link(self.page.min(last + 1) - 1, "prev"));
        }
        links.push(link(1, "first"));
        links.push(link(last, "last"));
        let mut headers = HeaderMap::new();
        headers.insert(TOTAL_COUNT, HeaderValue::from(total));
        if let Ok(value) = HeaderValue::from_str(&links.join(", ")) {
            headers.insert(header::LINK, value);
        }
        headers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_from_one_and_holds_one_to_five_hundred() {
        assert_eq!(Paging::new(None, None).expect("defaults"), Paging { page: 1, per_page: 100 });
        assert_eq!(Paging::new(Some(3), Some(500)).expect("in range"), Paging { page: 3, per_page: 500 });
        assert!(Paging::new(Some(0), None).is_err());
        assert!(Paging::new(None, Some(0)).is_err());
        assert!(Paging::new(None, Some(501)).is_err());
    }

    #[test]
    fn the_links_name_the_neighbours_and_keep_the_filter() {
        let paging = Paging { page: 2, per_page: 100 };
        let headers = paging.headers("/api/v1/tenants/x/reports", &[("state", "draft".into())], 250);
        assert_eq!(headers[TOTAL_COUNT], "250");
        assert_eq!(
            headers[header::LINK],
            "</api/v1/tenants/x/reports?state=draft&page=3&per_page=100>; rel=\"next\", \
             </api/v1/tenants/x/reports?state=draft&page=1&per_page=100>; rel=\"prev\", \
             </api/v1/tenants/x/reports?state=draft&page=1&per_page=100>; rel=\"first\", \
             </api/v1/tenants/x/reports?state=draft&page=3&per_page=100>; rel=\"last\""
        );
        let only = Paging { page: 1, per_page: 100 }.headers("/r", &[], 0);
        assert_eq!(
            only[header::LINK],
            "</r?page=1&per_page=100>; rel=\"first\", </r?page=1&per_page=100>; rel=\"last\""
        );
        let beyond = Paging { page: 9, per_page: 100 }.headers("/r", &[], 150);
        assert!(beyond[header::LINK].to_str().expect("ascii").contains("page=2&per_page=100>; rel=\"prev\""));
    }
}
