//! The plain line mode (`--plain`, `ETIKA_PLAIN=1`, `TERM=dumb`) in a pseudo-terminal: not one
//! escape code written, in both languages, at 40 and 100 columns, from the first question to
//! the report; and `--save` and `--resume` as in the drawn questionnaire.

use crate::pty::{ENTER, Pty};

/// Type a line when the question numbered `n` is asked.
fn line(pty: &mut Pty, n: usize, text: &str) {
    pty.expect(&format!("[{n}/≈"));
    pty.expect(">");
    pty.send(&format!("{text}{ENTER}"));
}

fn assert_no_escape(pty: &Pty, what: &str) {
    assert!(
        !pty.raw().contains(&0x1b),
        "{what}: an escape code was written:\n{:?}",
        String::from_utf8_lossy(pty.raw())
    );
}

#[test]
fn plain_lines_carry_no_escape_code_and_reach_the_report_in_both_languages_at_40_and_100() {
    for cols in [40u16, 100] {
        for (lang, review, heading, how) in [
            (
                "en",
                "Review your answers:",
                "RECOMMENDED COURSE OF ACTION",
                "--plain",
            ),
            (
                "id",
                "Periksa jawaban Anda:",
                "LANGKAH YANG DISARANKAN",
                "TERM=dumb",
            ),
        ] {
            let env: &[(&str, Option<&str>)] = if how == "TERM=dumb" {
                &[("TERM", Some("dumb"))]
            } else {
                &[]
            };
            let mut args = vec!["--lang", lang];
            if how == "--plain" {
                args.push("--plain");
            }
            args.push("assess");
            let mut pty = Pty::spawn_sized(Some((cols, 30)), env, &args);
            // A wrong line is asked again; `back` goes back and Enter keeps the answer.
            line(&mut pty, 1, "9");
            pty.expect(">");
            pty.send(&format!("2{ENTER}"));
            line(&mut pty, 2, "1");
            line(&mut pty, 3, "back");
            line(&mut pty, 2, "");
            line(&mut pty, 3, "y");
            line(&mut pty, 4, "2");
            line(&mut pty, 5, "?");
            line(&mut pty, 6, "y");
            line(&mut pty, 7, if lang == "en" { "n" } else { "tidak" });
            line(&mut pty, 8, if lang == "en" { "no" } else { "t" });
            pty.expect(review);
            pty.expect("8. ");
            pty.expect(">");
            pty.send(ENTER);
            pty.expect(heading);
            pty.settle();
            assert_no_escape(&pty, &format!("{lang} at {cols} ({how})"));
            let (code, screen) = pty.finish();
            assert_eq!(code, 0, "{lang} at {cols} ({how}):\n{screen}");
            let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
            let find = if lang == "en" {
                "? Find out:"
            } else {
                "? Cari tahu:"
            };
            assert!(flat.contains(find), "{lang} at {cols}:\n{screen}");
        }
    }
    // Both languages were run in both ways of asking for it; ETIKA_PLAIN=1 too.
    let mut pty = Pty::spawn_sized(
        Some((40, 30)),
        &[("ETIKA_PLAIN", Some("1"))],
        &["--lang", "en", "assess"],
    );
    line(&mut pty, 1, "stop");
    let (code, _) = pty.finish();
    assert_eq!(code, 130);
}

#[test]
fn every_byte_of_a_plain_run_is_free_of_escape_codes() {
    for (cols, lang) in [(40u16, "en"), (100, "id"), (40, "id"), (100, "en")] {
        let mut pty = Pty::spawn_at(cols, 30, &["--plain", "--lang", lang, "assess"]);
        for (n, text) in [(1, "2"), (2, "1"), (3, "y"), (4, "2"), (5, "?")] {
            line(&mut pty, n, text);
        }
        line(&mut pty, 6, "y");
        line(&mut pty, 7, "n");
        line(&mut pty, 8, "n");
        pty.expect(">");
        // Change an answer from the review, by its number.
        pty.send(&format!("5{ENTER}"));
        line(&mut pty, 5, "y");
        pty.expect(">");
        pty.send(&format!("done{ENTER}"));
        pty.expect(if lang == "en" {
            "RECOMMENDED COURSE OF ACTION"
        } else {
            "LANGKAH YANG DISARANKAN"
        });
        pty.settle();
        assert_no_escape(&pty, &format!("{lang} at {cols}"));
        let (code, screen) = pty.finish();
        assert_eq!(code, 0, "{screen}");
    }
}

#[test]
fn saves_and_resumes_as_the_drawn_questionnaire_does() {
    for lang in ["en", "id"] {
        let dir = crate::util::temp_dir();
        let save = dir.path().join("s.toml");
        let save_arg = save.display().to_string();
        let mut pty = Pty::spawn_at(
            40,
            30,
            &["--plain", "--lang", lang, "assess", "--save", &save_arg],
        );
        line(&mut pty, 1, "2");
        line(&mut pty, 2, "1");
        line(&mut pty, 3, "stop");
        pty.expect("--resume");
        let (code, screen) = pty.finish();
        assert_eq!(code, 130, "{screen}");
        let saved = std::fs::read_to_string(&save).expect("saved");
        assert!(saved.contains("client_age = \"adult\""), "{saved}");
        assert!(
            saved.contains("situation = [\"harm_to_others\"]"),
            "{saved}"
        );
        let mut pty = Pty::spawn_at(
            40,
            30,
            &["--plain", "--lang", lang, "assess", "--resume", &save_arg],
        );
        for (n, text) in [(3, "y"), (4, "2"), (5, "y"), (6, "y"), (7, "n"), (8, "n")] {
            line(&mut pty, n, text);
        }
        pty.expect(">");
        pty.send(ENTER);
        pty.settle();
        assert_no_escape(&pty, "resumed");
        let (code, screen) = pty.finish();
        assert_eq!(code, 0, "{screen}");
        let saved = std::fs::read_to_string(&save).expect("saved");
        assert!(saved.contains("harm_imminent = true"), "{saved}");
    }
}

/// `practice` asks in plain lines too: the case's questions, the review and the course, then
/// the feedback, with not one escape code, in both languages.
#[test]
fn practice_asks_in_plain_lines_too() {
    for (lang, heading) in [
        ("en", "THE COURSE YOU CHOSE"),
        ("id", "LANGKAH YANG ANDA PILIH"),
    ] {
        let mut pty = Pty::spawn_at(
            60,
            30,
            &[
                "--plain",
                "--lang",
                lang,
                "practice",
                "threat_to_third_party",
            ],
        );
        for (n, text) in [(1, "2"), (2, "1"), (3, "y"), (4, "2"), (5, "?")] {
            line(&mut pty, n, text);
        }
        line(&mut pty, 6, "y");
        line(&mut pty, 7, "n");
        line(&mut pty, 8, "n");
        pty.expect(">");
        pty.send(ENTER);
        pty.expect(">");
        pty.send(&format!("1{ENTER}"));
        pty.expect(heading);
        pty.settle();
        assert_no_escape(&pty, &format!("practice --lang {lang}"));
        let (code, screen) = pty.finish();
        assert_eq!(code, 0, "{screen}");
    }
}
