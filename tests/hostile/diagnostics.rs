//! Diagnostics that would blow up: thousands of problems on one line, ids a megabyte long,
//! thousands of broken files. Each is shown in a window of its line, capped per file and in
//! all, the rest counted; stderr stays small and every shown problem is located.

use crate::check::*;
use crate::make;
use crate::util::*;

#[test]
fn ten_thousand_unknown_ids_on_one_line() {
    let pack = make::ids_on_one_line(10_000);
    let out = pack.validate(&[]);
    let err = rejected(&out);
    let file = pack.file("obligations/ids.toml");
    assert_eq!(located(&err, &file).0, 9);
    assert!(
        err.contains("and 9950 more like this (unknown_reference)"),
        "{}",
        head(&err)
    );
    assert!(out.stderr.len() < 64 * 1024, "{} bytes", out.stderr.len());
}

#[test]
fn thirty_thousand_bad_options_in_an_answers_file() {
    let out = assess(&make::bad_options_answers(30_000), &[]);
    let err = rejected(&out);
    assert!(
        err.contains("and 29950 more like this (no_such_option)"),
        "{}",
        head(&err)
    );
    assert!(out.stderr.len() < 64 * 1024, "{} bytes", out.stderr.len());
}

#[test]
fn thirty_thousand_unknown_keys_in_an_answers_file() {
    let out = assess(&make::unknown_keys_answers(30_000), &[]);
    let err = rejected(&out);
    assert!(
        err.contains("and 29950 more like this (unknown_question)"),
        "{}",
        head(&err)
    );
    assert!(out.stderr.len() < 64 * 1024, "{} bytes", out.stderr.len());
}

#[test]
fn an_id_a_megabyte_long_is_quoted_short() {
    let huge = "z".repeat(900_000);
    let pack = PackCopy::new();
    make::append(
        &pack,
        "obligations/long.toml",
        &make::obligation("long", "harm_risk", &format!("[\"{huge}\"]")),
    );
    let out = pack.validate(&[]);
    let err = rejected(&out);
    assert_eq!(located(&err, &pack.file("obligations/long.toml")).0, 9);
    assert!(out.stderr.len() < 4096, "{} bytes", out.stderr.len());
    // The same in an answers file, as a key and as a value.
    for text in [
        format!("[answers]\n{huge} = true\n"),
        format!("[answers]\nclient_age = \"{huge}\"\n"),
    ] {
        let out = assess(&text, &[]);
        rejected(&out);
        assert!(out.stderr.len() < 4096, "{} bytes", out.stderr.len());
    }
}

#[test]
fn thousands_of_broken_files_are_summed_up() {
    let pack = PackCopy::new();
    for i in 0..3000 {
        make::append(
            &pack,
            &format!("obligations/b{i:04}.toml"),
            "[[obligation]]\nid = \n",
        );
    }
    let out = pack.validate(&[]);
    let err = rejected(&out);
    located(&err, &pack.file("obligations/b0000.toml"));
    assert!(err.contains("more problems in"), "{}", head(&err));
    assert!(out.stderr.len() < 128 * 1024, "{} bytes", out.stderr.len());
}
