//! One colour and width policy: `--color`, NO_COLOR, CLICOLOR, CLICOLOR_FORCE and TERM=dumb
//! decide every colour etika prints (reports, diagnostics, clap's help), on a pipe and on a
//! terminal; COLUMNS sets the width of reports; `--ascii` or a locale that is not UTF-8 draws
//! tables and marks in ASCII.

use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;

use crate::util::*;

const ESC: char = '\u{1b}';

/// The report for the threat-to-life case, with extra variables and arguments, on a pipe.
fn report(env: &[(&str, &str)], args: &[&str]) -> String {
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    let mut cmd = etika();
    for (k, v) in env {
        cmd.env(k, v);
    }
    // `--full` belongs to `assess`; the rest are global options.
    let (full, global): (Vec<&str>, Vec<&str>) = args.iter().partition(|a| **a == "--full");
    let out = cmd
        .args(["--lang", "en", "--no-pager"])
        .args(global)
        .arg("assess")
        .args(full)
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// Everything etika prints in a pseudo-terminal, escapes and all.
fn on_terminal(env: &[(&str, &str)], args: &[&str]) -> String {
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_etika"));
    for var in VOLATILE_ENV {
        cmd.env_remove(var);
    }
    cmd.env("TERM", "xterm-256color").env("ETIKA_PAGER", "");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.arg("--rules")
        .arg(fixture_pack())
        .args(["--lang", "en"])
        .args(args)
        .arg("assess")
        .arg("--answers")
        .arg(&file);
    let mut session = Session::spawn(cmd).expect("spawn etika in a pty");
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    let start = Instant::now();
    loop {
        match session.try_read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if start.elapsed() > Duration::from_secs(10) {
                    panic!("etika did not finish on the terminal");
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(_) => break,
        }
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    assert!(text.contains("etika"), "{text}");
    text
}

#[test]
fn a_pipe_gets_no_colour_unless_forced() {
    assert!(!report(&[], &[]).contains(ESC));
    assert!(report(&[], &["--color", "always"]).contains(ESC));
    assert!(report(&[("CLICOLOR_FORCE", "1")], &[]).contains(ESC));
    // NO_COLOR wins over CLICOLOR_FORCE; an explicit --color wins over both.
    assert!(!report(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]).contains(ESC));
    assert!(report(&[("NO_COLOR", "1")], &["--color", "always"]).contains(ESC));
    assert!(!report(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]).contains(ESC));
}

#[test]
fn a_terminal_gets_colour_unless_told_not_to() {
    assert!(on_terminal(&[], &[]).contains(ESC));
    assert!(!on_terminal(&[("NO_COLOR", "1")], &[]).contains(ESC));
    assert!(!on_terminal(&[("CLICOLOR", "0")], &[]).contains(ESC));
    assert!(!on_terminal(&[("TERM", "dumb")], &[]).contains(ESC));
    assert!(!on_terminal(&[], &["--color", "never"]).contains(ESC));
    assert!(on_terminal(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")], &[]).contains(ESC));
}

#[test]
fn diagnostics_follow_standard_error_and_look_like_rustc() {
    let pack = PackCopy::new();
    pack.edit(
        "questions.toml",
        "kind = \"yes_no\"",
        "kind = \"yes_or_no\"",
    );
    let plain = pack.validate(&[]);
    assert!(!stderr(&plain).contains(ESC));
    let forced = etika_with(pack.path())
        .env("CLICOLOR_FORCE", "1")
        .arg("validate")
        .output()
        .unwrap();
    let err = stderr(&forced);
    // A bold red `error`, a bold blue gutter.
    assert!(err.contains("\u{1b}[1m\u{1b}[31merror"), "{err:?}");
    assert!(err.contains("\u{1b}[1m\u{1b}[94m-->"), "{err:?}");
    let never = etika_with(pack.path())
        .env("CLICOLOR_FORCE", "1")
        .args(["--color", "never", "validate"])
        .output()
        .unwrap();
    assert!(!stderr(&never).contains(ESC));
}

#[test]
fn clap_help_and_usage_errors_follow_the_same_policy() {
    let help = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = etika_bare();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        format!("{}{}", stdout(&out), stderr(&out))
    };
    assert!(!help(&[], &["--help"]).contains(ESC));
    assert!(help(&[("CLICOLOR_FORCE", "1")], &["--help"]).contains(ESC));
    assert!(help(&[], &["--color", "always", "--help"]).contains(ESC));
    assert!(help(&[], &["--color=always", "assess", "--help"]).contains(ESC));
    assert!(!help(&[("CLICOLOR_FORCE", "1")], &["--color", "never", "--help"]).contains(ESC));
    assert!(!help(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &["--help"]).contains(ESC));
    // A usage error too.
    assert!(help(&[("CLICOLOR_FORCE", "1")], &["--nonsense"]).contains(ESC));
    assert!(!help(&[], &["--nonsense"]).contains(ESC));
}

#[test]
fn columns_sets_the_width_of_reports_and_width_beats_it() {
    let narrow = report(&[("COLUMNS", "60")], &[]);
    assert!(narrow.lines().all(|l| columns(l) <= 60), "{narrow}");
    assert!(narrow.lines().any(|l| columns(l) > 50));
    let wide = report(&[("COLUMNS", "60")], &["--width", "120"]);
    assert!(wide.lines().any(|l| columns(l) > 60), "{wide}");
    // Nonsense in COLUMNS is ignored.
    let default = report(&[("COLUMNS", "many")], &[]);
    assert_eq!(default, report(&[], &[]));
}

#[test]
fn ascii_tables_and_marks_under_a_plain_locale_or_ascii() {
    // The full report, whose tables show the drawing characters.
    let unicode = report(&[("LANG", "en_US.UTF-8")], &["--full"]);
    assert!(unicode.contains('│') && unicode.contains('⚑'), "{unicode}");
    for ascii in [
        report(&[("LC_ALL", "C")], &["--full"]),
        report(&[("LANG", "en_US.ISO-8859-1")], &["--full"]),
        report(&[("LANG", "en_US.UTF-8")], &["--ascii", "--full"]),
    ] {
        assert!(ascii.is_ascii(), "{ascii}");
        assert!(ascii.contains("+--") && ascii.contains('|'), "{ascii}");
        // Every line keeps its width: the table still lines up.
        for (u, a) in unicode.lines().zip(ascii.lines()) {
            assert_eq!(columns(u), a.chars().count(), "{u}\n{a}");
        }
    }
    // JSON and Markdown are never folded.
    assert!(!report(&[("LC_ALL", "C")], &["--ascii"]).is_empty());
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    let md = etika()
        .args([
            "--ascii",
            "--lang",
            "en",
            "assess",
            "--format",
            "markdown",
            "--answers",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert!(stdout(&md).contains('⚑'));
    // A listing too.
    let list = etika()
        .env("LC_ALL", "C")
        .args(["list", "obligations"])
        .output()
        .unwrap();
    assert!(stdout(&list).is_ascii() || !stdout(&list).contains('│'));
}
