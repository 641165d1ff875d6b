//! One word of 200,000 letters with no space in it: every table that shows it is
//! drawn in time linear in its length (a table's own cutting of a long word grows with its
//! square: 600,000 letters once took 9.5 s), and every letter is still there.

use crate::check::*;
use crate::util::*;

const LETTERS: usize = 200_000;

#[test]
fn a_word_of_two_hundred_thousand_letters_is_listed_whole_and_cut_to_the_width() {
    let word = "Q".repeat(LETTERS);
    let pack = PackCopy::new();
    pack.edit(
        "questions.toml",
        "en = \"How old is the client?\"",
        &format!("en = \"{word}\""),
    );
    pack.edit(
        "obligations/clients.toml",
        "en = \"The client's interest comes first\"",
        &format!("en = \"{word}\""),
    );
    for (kind, width) in [("questions", "100"), ("obligations", "72")] {
        let out = etika_with(pack.path())
            .args(["--lang", "en", "list", kind, "--width", width])
            .output()
            .unwrap();
        sane(&out);
        assert_eq!(out.status.code(), Some(0), "list {kind}");
        let text = stdout(&out);
        assert_eq!(
            text.matches('Q').count(),
            LETTERS,
            "list {kind}: a letter lost"
        );
        let widest = text.lines().map(columns).max().unwrap_or(0);
        assert!(
            widest <= width.parse().unwrap(),
            "list {kind}: a line of {widest} columns"
        );
    }
}
