//! The manual page (`etika man`, shipped as `man/etika.1`) and shell completions that offer
//! the loaded pack's case ids, item ids and the kinds `list` takes.

use std::path::Path;

use crate::util::*;

#[test]
fn the_shipped_man_page_is_what_etika_man_prints() {
    let out = etika_bare().arg("man").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let generated = stdout(&out);
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("man/etika.1")).unwrap();
    assert!(
        generated == shipped,
        "man/etika.1 is out of date: run `cargo run -- man > man/etika.1`"
    );
    // Every command and the sections a manual page has.
    for part in [
        ".TH etika 1",
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        "etika assess",
        "etika diff",
        "etika export",
        "etika schema",
        "CLICOLOR_FORCE",
    ] {
        assert!(generated.contains(part), "the page lacks `{part}`");
    }
}

#[test]
fn the_man_page_renders_without_warnings() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("man/etika.1");
    let man = std::process::Command::new("man")
        .arg("--warnings")
        .arg("-l")
        .arg(&page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output();
    match man {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.trim().is_empty(), "man warns: {err}");
            for part in ["NAME", "COMMANDS", "etika assess", "EXIT STATUS", "--rules"] {
                assert!(
                    text.contains(part),
                    "the rendered page lacks `{part}`:\n{text}"
                );
            }
        }
        // No man here: check the roff is well formed instead, request by request.
        _ => {
            let text = std::fs::read_to_string(&page).unwrap();
            let known = [
                ".TH", ".SH", ".SS", ".TP", ".IP", ".RS", ".RE", ".PP", ".br", ".ie", ".el",
            ];
            for line in text.lines().filter(|l| l.starts_with('.')) {
                assert!(
                    known.iter().any(|k| line.starts_with(k)),
                    "unexpected request: {line}"
                );
            }
            assert_eq!(
                text.matches(".RS").count(),
                text.matches(".RE").count(),
                "unbalanced .RS/.RE"
            );
        }
    }
}

#[test]
fn completions_offer_the_packs_cases_ids_and_kinds() {
    for shell in ["bash", "zsh"] {
        let out = etika().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let script = stdout(&out);
        // A case of the fixture pack for `practice`, an obligation for `show`, the kinds for
        // `list`.
        assert!(script.contains("threat_to_third_party"), "{shell}");
        assert!(script.contains("protect_life_over_secrecy"), "{shell}");
        assert!(script.contains("obligations"), "{shell}");
    }
    // Taken from the loaded pack: an overlay's ids are there when it is loaded.
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency_gifts");
    let plain = stdout(&etika_bare().args(["completions", "bash"]).output().unwrap());
    assert!(!plain.contains("use_agency_channels_online"));
    let layered = etika_bare()
        .arg("--rules")
        .arg(&example)
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let layered = stdout(&layered);
    assert!(layered.contains("use_agency_channels_online"));
    assert!(layered.contains("friend_request_on_personal_account"));
}

#[test]
fn completions_still_come_when_the_pack_is_broken() {
    let pack = PackCopy::new();
    pack.edit(
        "questions.toml",
        "kind = \"yes_no\"",
        "kind = \"yes_or_no\"",
    );
    let out = etika_with(pack.path())
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains("practice"));
}
