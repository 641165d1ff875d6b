//! Generators of hostile input: packs (copies of the fixture pack with something planted in
//! them) and answers files, each sized by a number so one generator gives a small case for CI
//! and a large one for the longer run.

use std::fmt::Write as _;

use crate::util::PackCopy;

/// An obligation entry, as a rule author writes it.
pub fn obligation(id: &str, when: &str, actions: &str) -> String {
    format!(
        r#"
[[obligation]]
id = "{id}"
title = {{ id = "judul", en = "title" }}
text = {{ id = "teks", en = "text" }}
source = "sumber"
principles = ["protection_of_life"]
when = "{when}"
actions = {actions}
consult = "supervisor"
"#
    )
}

/// Append `text` to the file `rel` of a pack copy (creating it).
pub fn append(pack: &PackCopy, rel: &str, text: &str) {
    use std::io::Write as _;
    let path = pack.path().join(rel);
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .expect("open a pack file");
    f.write_all(text.as_bytes()).expect("append to a pack file");
}

/// An obligation whose `actions` line names `n` unknown actions.
pub fn ids_on_one_line(n: usize) -> PackCopy {
    let pack = PackCopy::new();
    let ids = (0..n)
        .map(|i| format!("\"nope{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    append(
        &pack,
        "obligations/ids.toml",
        &obligation("many_ids", "harm_risk", &format!("[{ids}]")),
    );
    pack
}

/// An answers file ticking `n` options the question does not have, all on one line.
pub fn bad_options_answers(n: usize) -> String {
    let ids = (0..n)
        .map(|i| format!("\"bad{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!("[answers]\nsituation = [{ids}]\n")
}

/// An answers file with `n` keys no question has.
pub fn unknown_keys_answers(n: usize) -> String {
    let mut text = String::from("[answers]\n");
    for i in 0..n {
        let _ = writeln!(text, "unknown_key_{i} = true");
    }
    text
}
