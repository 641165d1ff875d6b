//! "Did you mean" suggestions for misspelt ids.

/// Edit distance between two strings, by characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    let limit = (len / 3).max(2);
    candidates
        .into_iter()
        // Only words of about the same length can be within the limit; skip the rest cheaply,
        // so a long list of candidates costs little.
        .filter(|c| c.len().abs_diff(word.len()) <= limit * 4 || c.contains(word))
        .map(|c| (distance(word, c), c))
        .filter(|(d, c)| *d <= limit || (c.contains(word) && word.len() >= 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("harm_risk", "harm_risk"), 0);
        assert_eq!(distance("harm_riks", "harm_risk"), 2);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn closest_finds_typos_and_ignores_strangers() {
        let ids = ["harm_risk", "harm_target", "child_involved"];
        assert_eq!(closest("harm_rsk", ids), Some("harm_risk"));
        assert_eq!(closest("child", ids), Some("child_involved"));
        assert_eq!(closest("weather", ids), None);
    }
}
