//! Bad answers files: every problem exits 1 with `file:line:col`, what is wrong and what to do;
//! never a panic. An answer to a question that would not be asked is only a warning.

use crate::util::*;

/// Run assess on an answers file with `text`; return (exit code, stderr, file path).
fn run(text: &str) -> (Option<i32>, String, String) {
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", text);
    let out = etika()
        .args(["--lang", "en", "assess", "--format", "json", "--answers"])
        .arg(&file)
        .output()
        .expect("run etika");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code(), err, file.display().to_string())
}

fn assert_fails_at(text: &str, line_col: &str, wanted: &[&str]) -> String {
    let (code, err, file) = run(text);
    assert_eq!(code, Some(1), "{err}");
    let at = format!("{file}:{line_col}");
    assert!(err.contains(&at), "no `{at}` in:\n{err}");
    for w in wanted {
        assert!(err.contains(w), "no `{w}` in:\n{err}");
    }
    assert!(
        err.contains("fix the problem above and run again")
            || err.contains("more problems: fix them and run again"),
        "says what to do:\n{err}"
    );
    // The problem is shown once: the last line names the place, not the message again.
    let first = err
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("error: "))
        .unwrap_or_default();
    assert_eq!(err.matches(first).count(), 1, "said twice:\n{err}");
    err
}

#[test]
fn unknown_question_suggests_the_closest() {
    assert_fails_at(
        "[answers]\nharm_riks = true\n",
        "2:",
        &["unknown question `harm_riks`", "did you mean `harm_risk`?"],
    );
}

#[test]

fn unknown_question_points_at_the_key() {
    // `2:1` and the end of the line, so that `2:13` does not count.
    assert_fails_at(
        "[answers]\nharm_riks = true\n",
        "2:1\n",
        &["unknown question `harm_riks`"],
    );
}

#[test]
fn unknown_question_far_from_any_id_points_to_the_list() {
    assert_fails_at(
        "[answers]\nzzzzqqqq = true\n",
        "2:",
        &["unknown question `zzzzqqqq`", "etika list questions"],
    );
}

#[test]
fn unknown_option_of_a_one_of_question() {
    assert_fails_at(
        "[answers]\nclient_age = \"adultt\"\n",
        "2:14",
        &[
            "question `client_age` has no option `adultt`",
            "did you mean \"adult\"?",
        ],
    );
}

#[test]
fn unknown_option_inside_an_any_of_list() {
    assert_fails_at(
        "[answers]\nsituation = [\"records\", \"recordz\"]\n",
        "2:13",
        &[
            "question `situation` has no option `recordz`",
            "did you mean \"records\"?",
        ],
    );
}

#[test]
fn text_where_yes_or_no_is_wanted() {
    assert_fails_at(
        "[answers]\nharm_risk = \"yes\"\n",
        "2:13",
        &[
            "question `harm_risk` wants true or false, found `\"yes\"`",
            "write `harm_risk = true`",
        ],
    );
}

#[test]
fn one_option_where_a_list_is_wanted() {
    assert_fails_at(
        "[answers]\nsituation = \"records\"\n",
        "2:13",
        &["wants a list of option ids", "write `situation = ["],
    );
}

#[test]
fn a_number_where_an_option_is_wanted() {
    assert_fails_at(
        "[answers]\nclient_age = 3\n",
        "2:14",
        &["question `client_age` wants one option id, found `3`"],
    );
}

#[test]
fn broken_toml() {
    assert_fails_at(
        "[answers]\nharm_risk = \n",
        "2:13",
        &["error:", "fix the TOML syntax"],
    );
}

#[test]
fn unclosed_string() {
    assert_fails_at("[answers]\nclient_age = \"adult\n", "2:", &["error:"]);
}

#[test]
fn answers_outside_an_answers_table() {
    assert_fails_at(
        "harm_risk = true\n",
        "1:1",
        &["unknown field `harm_risk`", "`[answers]` table"],
    );
}

#[test]
fn misspelt_answers_table() {
    assert_fails_at(
        "# my answers\n[answer]\nharm_risk = true\n",
        "2:2",
        &["unknown field `answer`", "`[answers]` table"],
    );
}

#[test]
fn missing_answers_table() {
    // A problem with the file as a whole: named, with what to write.
    let (code, err, file) = run("[pack]\nid = \"kode_etik_peksos_id\"\nedition = \"2026.1\"\n");
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&file), "{err}");
    assert!(err.contains("no `[answers]` table"), "{err}");
    assert!(err.contains("write the answers under `[answers]`"), "{err}");
}

#[test]
fn empty_file() {
    let (code, err, file) = run("");
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&file), "{err}");
    assert!(err.contains("no `[answers]` table"), "{err}");
}

#[test]
fn several_problems_are_all_reported_and_counted() {
    let (code, err, file) =
        run("[answers]\nsituation = [\"recordz\"]\nharm_riks = true\nclient_age = 3\n");
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(
        err.matches("error: ").count(),
        4,
        "3 problems and the summary:\n{err}"
    );
    for at in ["2:13", "3:", "4:14"] {
        assert!(err.contains(&format!("{file}:{at}")), "no {at}:\n{err}");
    }
    assert!(
        err.contains("; and 2 more problems: fix them and run again"),
        "{err}"
    );
}

#[test]
fn answer_to_a_question_not_asked_is_a_warning_and_is_ignored() {
    let (code, err, file) = run("[answers]\nharm_risk = false\nharm_target = \"child\"\n");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("warning:"), "{err}");
    assert!(err.contains("`harm_target` would not be asked"), "{err}");
    assert!(
        err.contains(&format!("{file}:3:1")),
        "the key is pointed at: {err}"
    );
    assert!(err.contains("harm_risk"), "says when it is asked:\n{err}");
    assert!(!err.contains("error:"), "{err}");
}

#[test]
fn a_missing_answers_file_is_named() {
    let dir = temp_dir();
    let missing = dir.path().join("nope.toml");
    let out = etika()
        .arg("assess")
        .arg("--answers")
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("cannot read the answers file"), "{err}");
    assert!(err.contains("nope.toml"), "{err}");
}

#[test]
fn binary_garbage_is_an_error_not_a_panic() {
    let dir = temp_dir();
    let file = dir.path().join("answers.toml");
    std::fs::write(&file, [0xff, 0xfe, 0x00, b'[', 0x80]).unwrap();
    let out = etika()
        .arg("assess")
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("answers.toml"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn answers_written_in_another_order_and_repeated_options_are_accepted() {
    let text = "[answers]\nharm_imminent = true\nharm_target = \"identifiable_person\"\nharm_risk = true\nsituation = [\"harm_to_others\", \"harm_to_others\"]\n";
    let r = assess_json(text, "en");
    assert_eq!(
        r["answers"]["situation"],
        serde_json::json!(["harm_to_others"])
    );
    assert!(strings(&r["binding"]).contains(&"protect_life_over_secrecy".to_string()));
    // The repeat counts once, and is said, at the repeated option.
    let (code, err, file) = run(text);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("warning: `situation` lists `harm_to_others` more than once; it counts once"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {file}:5:32")), "{err}");
    assert!(
        err.contains("help: write `harm_to_others` once in `situation`"),
        "{err}"
    );
}

/// A list with no option ticked is no answer: the interview never lets one through.
#[test]
fn an_empty_list_where_an_option_must_be_ticked_is_an_error_at_its_place() {
    for lang in ["en", "id"] {
        let dir = temp_dir();
        let file = write(
            dir.path(),
            "answers.toml",
            "[answers]\nclient_age = \"adult\"\nsituation = []\n",
        );
        let out = etika()
            .args(["--lang", lang, "assess", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        let wanted = if lang == "en" {
            [
                "error: question `situation` needs at least one option ticked, and the list is empty",
                "help: tick at least one option (`etika show situation` lists them), or leave `situation` out of the file",
            ]
        } else {
            [
                "galat: pertanyaan `situation` meminta sedikitnya satu pilihan, tetapi daftarnya kosong",
                "bantuan: centang sedikitnya satu pilihan",
            ]
        };
        for w in wanted {
            assert!(err.contains(w), "no `{w}` in:\n{err}");
        }
        assert!(
            err.contains(&format!("--> {}:3:13", file.display())),
            "{err}"
        );
    }
}

#[test]
fn unsure_for_a_question_that_does_not_allow_it_names_those_that_do() {
    let err = assert_fails_at(
        "[answers]\nclient_age = \"adult\"\nsituation = [\"harm_to_others\"]\nharm_risk = \"unsure\"\n",
        "4:13",
        &[
            "question `harm_risk` cannot be answered \"unsure\"",
            "\"unsure\" is for these questions only: harm_imminent\n",
        ],
    );
    assert!(
        !err.contains("client_age,"),
        "only the questions that allow it:\n{err}"
    );
    // Where it is allowed, "unsure" is an answer like any other.
    let (code, err, _) =
        run(&THREAT_TO_LIFE.replace("harm_imminent = true", "harm_imminent = \"unsure\""));
    assert_eq!(code, Some(0), "{err}");
}

/// A file stands for a whole interview: a question its answers would ask that it leaves out,
/// and that may be "not sure yet", counts as not sure, with a warning naming it, and becomes a
/// step to find it out; nothing is guessed for it.
#[test]
fn a_question_left_out_of_the_file_counts_as_not_sure_yet() {
    let without = THREAT_TO_LIFE.replace("harm_imminent = true\n", "");
    assert_ne!(without, THREAT_TO_LIFE);
    let out = assess(&without, &["--lang", "en", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("leaves out 1 question(s)") && err.contains("`harm_imminent`"),
        "{err}"
    );
    assert!(err.contains("not sure yet"), "{err}");
    let r: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(r["answers"]["harm_imminent"], "unsure", "{}", r["answers"]);
    let found: Vec<&str> = r["find_out"]
        .as_array()
        .expect("find_out")
        .iter()
        .filter_map(|f| f["question"].as_str())
        .collect();
    assert_eq!(found, ["harm_imminent"]);
    // Given in full, the same file says nothing on stderr.
    let out = assess(THREAT_TO_LIFE, &["--lang", "en", "--format", "json"]);
    assert_eq!(stderr(&out), "");
}

/// An answers file written for the earlier edition of the default pack: each retired answer
/// is an error at its place that names the question now asking it, and nothing is dropped
/// silently.
#[test]
fn an_answer_of_the_earlier_edition_names_the_question_that_replaced_it() {
    let dir = temp_dir();
    let file = write(
        dir.path(),
        "old.toml",
        "[answers]\nsituation = [\"records\"]\nclient_age = \"adult\"\nworker_position = \"ngo_worker\"\nharm_risk = true\nclient_role = \"causing_harm\"\n",
    );
    let out = etika_bare()
        .args(["--lang", "en", "assess", "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let shown = file.display().to_string();
    for (line, message) in [
        (
            2,
            "`records` is no longer an option of `situation`; answer `decision`, `disclose_what` instead",
        ),
        (
            4,
            "`worker_position` is no longer asked; answer `worker_service` instead",
        ),
        (
            6,
            "`client_role` is no longer asked; answer `harm_from` instead",
        ),
    ] {
        assert!(err.contains(message), "{err}");
        assert!(
            err.contains(&format!("{shown}:{line}:")),
            "line {line}: {err}"
        );
    }
    assert!(err.contains("docs/pack-notes.md"), "{err}");
    assert_eq!(stdout(&out), "");
}

/// Standard input (`--answers -`) goes by one name in every message that quotes it,
/// `<stdin>`, as in a diagnostic's place; a command to type keeps `-`. `diff` reads it once
/// for both editions.
#[test]
fn standard_input_is_named_stdin_in_every_message() {
    let run = |args: &[&str], input: &str| {
        let out = etika()
            .args(["--lang", "en"])
            .args(args)
            .write_stdin(input)
            .output()
            .unwrap();
        (out.status.code(), stderr(&out), stdout(&out))
    };
    // A diagnostic, and the line that sums it up.
    let (code, err, _) = run(
        &["assess", "--answers", "-"],
        "[answers]\nclient_age = \"adultx\"\n",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("--> <stdin>:2:14"), "{err}");
    assert!(
        err.contains("error: <stdin>:2:14: fix the problem above"),
        "{err}"
    );
    // The warning about a question left out.
    let without = THREAT_TO_LIFE.replace("harm_imminent = true\n", "");
    let (code, err, _) = run(&["assess", "--answers", "-"], &without);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("warning: `<stdin>` leaves out 1 question(s)"),
        "{err}"
    );
    // A student's file that names no case: the error, and its row when graded with others.
    let (code, err, _) = run(&["practice", "--answers", "-"], THREAT_TO_LIFE);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("`<stdin>` does not say which case it answers"),
        "{err}"
    );
    let (code, err, _) = run(
        &["practice", "photo_for_annual_report", "--answers", "-"],
        &format!("case = \"threat_to_third_party\"\n{THREAT_TO_LIFE}"),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("`<stdin>` answers the case"), "{err}");
    assert!(
        err.contains("`etika practice threat_to_third_party --answers -`"),
        "the command keeps `-`: {err}"
    );
    let dir = temp_dir();
    let other = write(dir.path(), "other.toml", THREAT_TO_LIFE);
    let other = other.display().to_string();
    let (code, _, out) = run(&["practice", "--answers", "-", &other], THREAT_TO_LIFE);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("<stdin>"), "{out}");
    assert!(!out.contains("│ - "), "{out}");
    for all in [&err, &out] {
        assert!(!all.contains("`-`"), "{all}");
    }
    // `diff --answers -` reads it once, for both editions.
    let pack = fixture_pack().display().to_string();
    let (code, err, _) = run(&["diff", &pack, &pack, "--answers", "-"], THREAT_TO_LIFE);
    assert_eq!(code, Some(0), "{err}");
}
