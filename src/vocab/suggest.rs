//! "Did you mean" suggestions for misspelt ids.

/// Words longer than this get no suggestion: ids are short, and the edit distance of a long
/// word costs its length times each candidate's.
const LONGEST: usize = 64;

/// Cells of edit-distance tables one suggestion may fill; past them the best so far is given.
/// A suggestion is a courtesy and must not cost more than the check it decorates.
const BUDGET: usize = 500_000;

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
    search(word, candidates).0
}

/// The most names `close_names` gives.
const MOST: usize = 5;

/// Every candidate close enough to `word` to be a likely typo, closest first (at most five),
/// joined by newlines, which no id contains: the messages join them in the user's language.
pub fn close_names<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let found = all_close(word, candidates);
    (!found.is_empty()).then(|| found.join("\n"))
}

/// Every close candidate, closest first (at most `MOST`).
fn all_close<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let (found, _) = scan(word, candidates);
    found.into_iter().take(MOST).collect()
}

/// Names from `close_names` (one, or several joined by newlines) as `a`, `b` or `c`, each
/// between `quote`s, in the user's language.
pub fn or_list(lang: super::Lang, names: &str, quote: char) -> String {
    let all: Vec<String> = names
        .split('\n')
        .map(|n| format!("{quote}{n}{quote}"))
        .collect();
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), lang.pick("atau", "or"))
        }
        _ => all.concat(),
    }
}

/// The closest candidate, and how many table cells finding it cost.
fn search<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> (Option<&'a str>, usize) {
    let (found, spent) = scan(word, candidates);
    (found.first().copied(), spent)
}

/// Every candidate close enough to `word` to be a likely typo, closest first (ties in the
/// candidates' order), each once; and how many table cells the search cost, at most `BUDGET`.
fn scan<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> (Vec<&'a str>, usize) {
    let len = word.chars().count();
    if len > LONGEST {
        return (Vec::new(), 0);
    }
    let limit = (len / 3).max(2);
    let mut spent = 0usize;
    let mut found: Vec<(usize, usize, &'a str)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, c) in candidates.into_iter().enumerate() {
        // A word contained in a longer id is a likely shorthand for it.
        let inside = word.len() >= 4 && c.contains(word);
        // The distance is at least the difference in length: skip the rest cheaply, so a
        // long list of candidates costs little.
        let clen = c.chars().count();
        if clen.abs_diff(len) > limit && !inside {
            continue;
        }
        if clen > LONGEST * 2 {
            continue;
        }
        let cells = (len + 1) * (clen + 1);
        if spent + cells > BUDGET {
            break;
        }
        spent += cells;
        let d = distance(word, c);
        if (d <= limit || inside) && seen.insert(c) {
            found.push((d, i, c));
        }
    }
    found.sort();
    (found.into_iter().map(|(_, _, c)| c).collect(), spent)
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

    #[test]
    fn close_names_lists_every_likely_typo_closest_first() {
        let ids = ["report_child", "report_adult", "repot_child", "weather"];
        assert_eq!(
            close_names("report_chlid", ids).as_deref(),
            Some("report_child\nrepot_child")
        );
        assert_eq!(close_names("weathr", ids).as_deref(), Some("weather"));
        assert_eq!(close_names("nothing_like_it", ids), None);
    }

    #[test]
    fn a_long_word_or_a_long_list_costs_a_bounded_amount() {
        let long = "harm_risk".repeat(100_000);
        assert_eq!(search(&long, ["harm_risk"]), (None, 0));
        // A hundred thousand candidates of the same length: the search stops at its budget
        // and still gives a candidate found before it.
        let many: Vec<String> = (0..100_000).map(|i| format!("option_{i:06}")).collect();
        let (found, spent) = search("option_000001x", many.iter().map(String::as_str));
        assert_eq!(found, Some("option_000001"));
        assert!(spent <= BUDGET, "{spent}");
        assert!(
            spent > BUDGET / 2,
            "the budget is used, not the whole list: {spent}"
        );
    }
}
