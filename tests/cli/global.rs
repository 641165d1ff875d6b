//! Global options and the environment: `--width`, colour (`--color`, `NO_COLOR`), the pack
//! (`--rules`, `ETIKA_RULES`), the language from the locale, completions, and usage errors.

use crate::util::*;

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

#[test]
fn width_below_20_is_a_usage_error() {
    let out = etika().args(["--width", "5", "validate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("--width"), "{err}");
    assert!(err.contains("20..=1000"), "{err}");
}

#[test]
fn width_that_is_not_a_number_is_a_usage_error() {
    let out = etika()
        .args(["--width", "wide", "validate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unknown_subcommand_and_unknown_flag_are_usage_errors() {
    let out = etika().arg("asses").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("assess"),
        "suggests it: {}",
        stderr(&out)
    );
    let out = etika().args(["assess", "--answer", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn answers_and_resume_together_are_a_usage_error() {
    let out = etika()
        .args(["assess", "--answers", "a.toml", "--resume", "b.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn color_never_and_no_color_have_no_escape_codes() {
    let out = assess(THREAT_TO_LIFE, &["--color", "never"]);
    assert!(out.status.success());
    assert!(!has_escape(&out.stdout));
    let dir = temp_dir();
    let file = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let out = etika()
        .env("NO_COLOR", "1")
        .args(["assess", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!has_escape(&out.stdout));
    assert!(!has_escape(&out.stderr));
}

#[test]
fn color_always_has_escape_codes_even_in_a_pipe() {
    let out = assess(THREAT_TO_LIFE, &["--color", "always", "--width", "100"]);
    assert!(out.status.success());
    assert!(has_escape(&out.stdout), "{}", stdout(&out));
    // Colour is decoration: the same words are there once the codes are gone.
    let plain = stdout(&assess(
        THREAT_TO_LIFE,
        &["--color", "never", "--width", "100"],
    ));
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| !w.contains(['│', '┆']))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(words(&strip_sgr(&stdout(&out))), words(&plain));
}

#[test]

fn color_always_keeps_the_table_borders_aligned() {
    let out = assess(THREAT_TO_LIFE, &["--color", "always", "--width", "100"]);
    let coloured = strip_sgr(&stdout(&out));
    let plain = stdout(&assess(
        THREAT_TO_LIFE,
        &["--color", "never", "--width", "100"],
    ));
    for (c, p) in coloured.lines().zip(plain.lines()) {
        assert_eq!(columns(c), columns(p), "\n{c}\n{p}");
    }
    assert_eq!(coloured, plain);
}

#[test]
fn json_and_markdown_never_carry_escape_codes() {
    // Machine output and a case note to keep are plain text, whatever --color says.
    for format in ["json", "markdown"] {
        let out = assess(THREAT_TO_LIFE, &["--color", "always", "--format", format]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(!has_escape(&out.stdout), "{format}: {}", stdout(&out));
    }
}

/// Remove `ESC [ … m` colour sequences.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn etika_rules_works_like_rules() {
    let out = etika_bare()
        .env("ETIKA_RULES", fixture_pack())
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("`{}` is valid", fixture_pack().display())),
        "{text}"
    );
    // Without it, the embedded pack (valid or not: the rules change, the fixture does not).
    let out = etika_bare().arg("validate").output().unwrap();
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(said.contains("the embedded pack"), "{said}");
    assert!(
        !said.contains(&fixture_pack().display().to_string()),
        "{said}"
    );
}

#[test]
fn etika_rules_is_used_by_assess() {
    let pack = PackCopy::new();
    pack.edit(
        "pack.toml",
        r#"edition = "2026.1""#,
        r#"edition = "test.9""#,
    );
    let dir = temp_dir();
    let file = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let out = etika_bare()
        .env("ETIKA_RULES", pack.path())
        .args(["assess", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pack"]["edition"], "test.9");
}

#[test]
fn rules_flag_wins_over_etika_rules() {
    let out = etika()
        .env("ETIKA_RULES", "/nonexistent/etika-pack")
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn rules_that_do_not_exist_are_a_clear_error() {
    for args in [
        vec!["validate"],
        vec!["list", "principles"],
        vec!["show", "harm_risk"],
    ] {
        let out = etika_bare()
            .args(["--rules", "/nonexistent/etika-pack"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("cannot read the rule pack in `/nonexistent/etika-pack`"),
            "{err}"
        );
        assert!(err.contains("--rules or ETIKA_RULES"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn rules_pointing_at_a_file_is_a_clear_error() {
    let file = fixture_pack().join("pack.toml");
    let out = etika_with(&file).arg("validate").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not a folder"), "{}", stderr(&out));
}

#[test]
fn a_folder_without_pack_toml_is_an_error() {
    let dir = temp_dir();
    let out = etika_with(dir.path()).arg("validate").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no pack.toml"), "{}", stderr(&out));
}

#[test]
fn language_follows_the_locale() {
    let dir = temp_dir();
    let file = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let lang_of = |vars: &[(&str, &str)]| -> String {
        let mut cmd = etika();
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd
            .args(["assess", "--format", "json", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["lang"].as_str().unwrap().to_string()
    };
    assert_eq!(lang_of(&[]), "en");
    assert_eq!(lang_of(&[("LANG", "id_ID.UTF-8")]), "id");
    assert_eq!(lang_of(&[("LANG", "en_US.UTF-8")]), "en");
    // LC_ALL overrides LANG.
    assert_eq!(
        lang_of(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "id_ID.UTF-8")]),
        "id"
    );
    let out = etika()
        .env("LANG", "id_ID.UTF-8")
        .args(["--lang", "en", "assess", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "en", "--lang wins over the locale");
}

#[test]
fn completions_for_bash_name_the_commands() {
    let out = etika_bare().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let script = stdout(&out);
    assert!(script.contains("etika"), "{script}");
    assert!(script.contains("complete"), "{script}");
    for sub in ["assess", "validate", "list", "show"] {
        assert!(script.contains(sub), "no `{sub}`");
    }
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    let out = etika_bare().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_lists_the_exit_codes() {
    let out = etika_bare().arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("130 cancelled"), "{text}");
}

#[test]
fn closed_pipe_is_not_an_error() {
    // `etika list obligations | head -1`: stdout closes early; no error, no panic.
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_etika"))
        .arg("--rules")
        .arg(fixture_pack())
        .args(["list", "obligations", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.code() == Some(0), "{:?} {err}", out.status);
}

#[test]
fn help_is_in_indonesian_with_lang_id_or_an_indonesian_locale() {
    let out = etika_bare()
        .args(["--lang", "id", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("Pemakaian: etika [OPSI] <PERINTAH>"),
        "{text}"
    );
    assert!(text.contains("130 dibatalkan"), "{text}");
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "Exit codes",
    ] {
        assert!(!text.contains(english), "{english:?} in:\n{text}");
    }
    // The locale alone is enough, and `--lang` after the subcommand counts too.
    let out = etika_bare()
        .env("LANG", "id_ID.UTF-8")
        .args(["assess", "--help"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("--answers <BERKAS>"), "{text}");
    assert!(text.contains("Baca jawaban dari BERKAS"), "{text}");
    let out = etika_bare()
        .env("LANG", "id_ID.UTF-8")
        .args(["assess", "--lang", "en", "--help"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("Read the answers from FILE"));
}

#[test]
fn usage_errors_follow_the_language_and_keep_exit_2() {
    let out = etika_bare()
        .args(["--lang", "id", "asses"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("galat: perintah `asses` tidak dikenal"),
        "{err}"
    );
    assert!(err.contains("mungkin maksud Anda `assess`?"), "{err}");
    assert!(err.contains("coba `--help`"), "{err}");
    let out = etika_bare()
        .args(["--lang=id", "assess", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("nilai `xml` tidak sah untuk `--format"),
        "{err}"
    );
    assert!(err.contains("table, markdown, json"), "{err}");
    let out = etika_bare()
        .args(["--lang", "id", "assess", "--answers", "a", "--resume", "b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("tidak dapat dipakai bersama"),
        "{}",
        stderr(&out)
    );
}
