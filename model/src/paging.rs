//! A page of a list that the API answers in pages (`page` from 1, `per_page` items each): the reports and a
//! call's bids are computed whole (and kept) and handed out a page at a time. The page's bounds are checked
//! where the request is read (`server::api::paging`); a page past the last is empty.

/// The `page`-th `per_page` items of `all`.
pub fn page_of<T>(all: Vec<T>, page: u64, per_page: u64) -> Vec<T> {
    let skip = usize::try_from(page.saturating_sub(1).saturating_mul(per_page)).unwrap_or(usize::MAX);
    let take = usize::try_from(per_page).unwrap_or(usize::MAX);
    all.into_iter().skip(skip).take(take).collect()
}

#[cfg(test)]
mod tests {
    use super::page_of;

    #[test]
    fn pages_cover_the_list_once_and_past_the_last_is_empty() {
        let all: Vec<u32> = (1..=7).collect();
        assert_eq!(page_of(all.clone(), 1, 3), [1, 2, 3]);
        assert_eq!(page_of(all.clone(), 3, 3), [7]);
        assert!(page_of(all.clone(), 4, 3).is_empty());
        assert!(page_of(all, u64::MAX, u64::MAX).is_empty());
    }
}
