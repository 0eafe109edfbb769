//! Lists the administration arranges by hand (districts, a call's questions): moving one entry a place up
//! or down, after which the caller renumbers positions 1…n.

/// Moves the entry matching `is_it` one place up or down; `None` if no entry matches. Moving the first entry
/// up or the last one down leaves the list as it is.
pub fn move_one<T>(items: &mut [T], is_it: impl Fn(&T) -> bool, up: bool) -> Option<()> {
    let index = items.iter().position(is_it)?;
    let other = if up { index.checked_sub(1) } else { Some(index + 1).filter(|i| *i < items.len()) };
    if let Some(other) = other {
        items.swap(index, other);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::move_one;

    #[test]
    fn moves_within_the_bounds() {
        let mut list = [1, 2, 3];
        assert_eq!(move_one(&mut list, |x| *x == 3, true), Some(()));
        assert_eq!(list, [1, 3, 2]);
        move_one(&mut list, |x| *x == 1, true);
        assert_eq!(list, [1, 3, 2], "the first stays first");
        move_one(&mut list, |x| *x == 2, false);
        assert_eq!(list, [1, 3, 2], "the last stays last");
        assert_eq!(move_one(&mut list, |x| *x == 9, false), None);
    }
}
