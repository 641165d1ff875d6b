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
