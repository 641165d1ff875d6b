//! Loaders fed large inputs: thousands of broken entries, unused actions, a question with
//! tens of thousands of options and conditions naming options it does not have, answers
//! files of thousands of unknown keys. Each is read in one pass with index lookups; here each
//! is seen to load or be rejected with located, bounded diagnostics. `ETIKA_HOSTILE_SCALE`
//! makes them larger.

use crate::check::*;
use crate::make::{self, scale};

#[test]
fn ten_thousand_broken_entries() {
    let n = scale(10_000);
    let pack = make::broken_entries(n);
    let out = pack.validate(&[]);
    let err = rejected(&out);
    // Each entry's problem is at its own line: the entry is cut off after `en = `.
    let (line, _) = located(&err, &pack.file("obligations/broken.toml"));
    assert_eq!(line, 4, "{}", head(&err));
    assert!(err.contains(&format!(": {n} errors")), "{}", head(&err));
}

#[test]
fn twenty_thousand_unused_actions() {
    let n = scale(20_000);
    let pack = make::unused_actions(n);
    let out = pack.validate(&["--strict"]);
    let err = rejected(&out);
    assert!(
        err.contains("warning: action `unused0` is used by no obligation or tension"),
        "{}",
        head(&err)
    );
    located(&err, &pack.file("actions.toml"));
    // The two unused actions of the fixture, and these.
    assert!(
        err.contains(&format!("0 errors, {} warnings", n + 2)),
        "{}",
        head(&err)
    );
}

#[test]
fn a_question_with_twenty_thousand_options() {
    let n = scale(20_000);
    let pack = make::many_options(n);
    let out = pack.validate(&[]);
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    // And the answers to it are read against a set, not a list.
    let dir = crate::util::temp_dir();
    let ticks = (0..n)
        .step_by(7)
        .map(|i| format!("\"o{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let answers = crate::util::write(
        dir.path(),
        "a.toml",
        &format!("[answers]\nbig = [{ticks}, \"nope\"]\n"),
    );
    let out = crate::util::etika_with(pack.path())
        .args(["assess", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let err = rejected(&out);
    assert!(err.contains("`big` has no option `nope`"), "{}", head(&err));
    // Its options and "None of these", which every choice question offers.
    assert!(err.contains(&format!("… ({})", n + 1)), "{}", head(&err));
    located(&err, &answers.display().to_string());
}

#[test]
fn six_thousand_conditions_naming_an_option_a_big_question_lacks() {
    let pack = make::conditions_on_many_options(scale(20_000), 40);
    let out = pack.validate(&[]);
    let err = rejected(&out);
    located(&err, &pack.file("obligations/many.toml"));
    assert!(err.contains(": 6000 errors"), "{}", head(&err));
    assert!(out.stderr.len() < 64 * 1024, "{} bytes", out.stderr.len());
}
