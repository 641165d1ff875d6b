//! Errors that must say where: a file that is a folder, too large, missing, unreadable, not
//! UTF-8, without `[answers]`, nested past TOML's limit; answers from standard input. Every
//! rejection names its file, and its line when it has one.

use std::io::Write as _;
use std::process::Stdio;

use crate::check::*;
use crate::util::*;

fn assess_path(path: &std::path::Path, lang: &str) -> std::process::Output {
    etika()
        .args(["assess", "--lang", lang, "--answers"])
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn answers_from_standard_input() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_etika"))
        .arg("--rules")
        .arg(fixture_pack())
        .args([
            "assess",
            "--lang",
            "en",
            "--format",
            "json",
            "--answers",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(THREAT_TO_LIFE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["answers"]["harm_target"], "identifiable_person");

    // A problem in it is located in `<stdin>`.
    let out = etika()
        .args(["assess", "--lang", "en", "--answers", "-"])
        .write_stdin("[answers]\nharm_risk = \"maybe\"\n")
        .output()
        .unwrap();
    let err = rejected(&out);
    assert_eq!(located(&err, "<stdin>"), (2, 13));
}

#[test]
fn an_answers_path_that_is_a_folder_says_so() {
    let dir = temp_dir();
    let out = assess_path(dir.path(), "en");
    let err = rejected(&out);
    assert!(err.contains("is a folder, not an answers file"), "{err}");
    assert!(err.contains(&dir.path().display().to_string()), "{err}");
    assert!(!err.contains("check the path"), "{err}");
}

#[test]
fn an_answers_file_larger_than_a_mebibyte_is_refused_unread() {
    let dir = temp_dir();
    let big = write(
        dir.path(),
        "big.toml",
        &format!("[answers]\n{}", "# padding\n".repeat(120_000)),
    );
    let out = assess_path(&big, "id");
    let err = rejected(&out);
    assert!(err.contains("lebih besar dari 1 MiB"), "{err}");
    assert!(err.contains("big.toml"), "{err}");
}

#[test]
fn a_missing_answers_file_is_named_with_the_path_to_check() {
    let dir = temp_dir();
    let out = assess_path(&dir.path().join("nope.toml"), "en");
    let err = rejected(&out);
    assert!(err.contains("nope.toml"), "{err}");
    assert!(err.contains("help: check the path"), "{err}");
}

#[test]
fn an_answers_file_without_answers_is_named() {
    let out = assess("[pack]\nid = \"x\"\nedition = \"1\"\n", &["--lang", "en"]);
    let err = rejected(&out);
    assert!(err.contains("no `[answers]` table"), "{err}");
    assert!(err.contains("answers.toml"), "{err}");
    assert!(!err.contains("check the path"), "{err}");
}

#[test]
fn keys_nested_past_tomls_limit_are_located_at_their_line() {
    let deep = vec!["a"; 200].join(".");
    let pack = PackCopy::new();
    let rel = "obligations/deep.toml";
    crate::make::append(
        &pack,
        rel,
        &format!("# a comment\n\n[[obligation]]\n{deep} = 1\n"),
    );
    let out = pack.validate(&[]);
    let err = rejected(&out);
    assert!(
        err.contains("error: tables, arrays or dotted keys nested too deeply"),
        "{}",
        head(&err)
    );
    assert_eq!(located(&err, &pack.file(rel)), (4, 1));

    let out = assess(
        &format!("[answers]\nharm_risk = true\n\n  {deep} = 1\n"),
        &["--lang", "en"],
    );
    let err = rejected(&out);
    assert_eq!(located(&err, &file_of(&err)), (4, 3));

    // Nested brackets: toml gives the place itself.
    let out = assess(
        &format!("[answers]\nx = {}{}\n", "[".repeat(300), "]".repeat(300)),
        &["--lang", "en"],
    );
    let err = rejected(&out);
    assert!(err.contains("nested too deeply"), "{err}");
    assert_eq!(located(&err, &file_of(&err)).0, 2);
}

/// The file of the first location in `err`.
fn file_of(err: &str) -> String {
    err.lines()
        .find_map(|l| l.trim().strip_prefix("--> "))
        .and_then(|l| l.split(':').next())
        .unwrap()
        .to_string()
}

#[test]
fn a_condition_with_escapes_and_line_continuations_is_located_where_written() {
    let pack = PackCopy::new();
    let when = "\"\"\"harm_risk \\\n    and \\u0068arm_imminent and\\t harm_riks\"\"\"";
    let entry = crate::make::obligation("escaped", "PLACEHOLDER", r#"["consult_supervisor"]"#)
        .replace("\"PLACEHOLDER\"", when);
    crate::make::append(&pack, "obligations/escaped.toml", &entry);
    let out = pack.validate(&[]);
    let err = rejected(&out);
    assert!(err.contains("unknown question `harm_riks`"), "{err}");
    let text = std::fs::read_to_string(pack.path().join("obligations/escaped.toml")).unwrap();
    let line = text.lines().position(|l| l.contains("harm_riks")).unwrap() + 1;
    let column = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("harm_riks")
        .unwrap()
        + 1;
    assert_eq!(
        located(&err, &pack.file("obligations/escaped.toml")),
        (line, column)
    );
}

/// An array left open over thousands of lines: refused at the bracket that goes past 32
/// levels, before toml builds what it read (which cost a hundred times the file's size).
#[test]
fn an_array_left_open_for_thousands_of_lines_is_refused_where_it_goes_too_deep() {
    let open = "x = [[[[[[[[[[\n".repeat(5000);
    let pack = PackCopy::new();
    // In a file the cases refer into.
    let rel = "obligations/law.toml";
    let before = std::fs::read_to_string(pack.path().join(rel)).unwrap();
    let lines = before.lines().count();
    crate::make::append(&pack, rel, &format!("[[obligation]]\n{open}"));
    let out = pack.validate(&[]);
    let err = rejected(&out);
    assert!(err.contains("nested too deeply"), "{}", head(&err));
    // Ten a line, after the header: the 33rd bracket is the third of the fourth line.
    assert_eq!(located(&err, &pack.file(rel)), (lines + 5, 7));
    // Nothing else is said: the file's obligations are not called unknown where the cases
    // name them.
    assert!(err.contains(": 1 error,"), "{}", head(&err));

    let out = assess(
        &format!("[answers]\nharm_risk = true\n{open}"),
        &["--lang", "en"],
    );
    let err = rejected(&out);
    assert_eq!(located(&err, &file_of(&err)), (6, 7));
}
