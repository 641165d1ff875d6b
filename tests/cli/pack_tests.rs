//! `etika test`: the pack's cases as tests of the pack. The fixture pack's three cases pass;
//! a copy with one expectation broken fails with the case, its file, and one diff line per
//! problem (`-` expected but missing, `+` present but forbidden); `--coverage` lists what no
//! case exercises; a case that answers an unknown question is a located validation error.

use std::process::Output;

use crate::util::*;

const THREAT: &str = "cases/threat_to_third_party.toml";
const CHILD: &str = "cases/child_abuse_mother_asks_secrecy.toml";

fn run_test(pack: &PackCopy, extra: &[&str]) -> Output {
    etika_with(pack.path())
        .arg("test")
        .args(extra)
        .output()
        .expect("run etika test")
}

fn has(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "no `{w}` in:\n{text}");
    }
}

/// The diff lines of a failed case: its indented `-` and `+` lines.
fn diff_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("- ") || l.starts_with("+ "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_fixture_packs_cases_pass() {
    let out = etika().arg("test").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    has(
        &text,
        &[
            "ok    child_abuse_mother_asks_secrecy",
            "ok    photo_for_annual_report",
            "ok    threat_to_third_party",
            "3 passed, 0 failed",
        ],
    );
    assert!(!text.contains("FAIL"), "{text}");
    // Not asked for: no coverage.
    assert!(!text.contains("not exercised"), "{text}");
}

/// Each kind of broken expectation, alone in a copy of the pack: the case fails with exactly
/// its own diff lines, and the other cases still pass.
#[test]
fn each_broken_expectation_fails_with_its_own_diff_line() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        // Expects an obligation that does not apply.
        (
            THREAT,
            r#"fire = ["protect_life_over_secrecy","#,
            r#"fire = ["report_child_at_risk", "protect_life_over_secrecy","#,
            &["- obligation `report_child_at_risk` must apply, but does not"],
        ),
        // Forbids one that applies.
        (
            THREAT,
            r#"not_fire = ["report_child_at_risk"]"#,
            r#"not_fire = ["report_child_at_risk", "keep_confidentiality"]"#,
            &["+ obligation `keep_confidentiality` must not apply, but does"],
        ),
        // A tension that does not arise.
        (
            THREAT,
            r#"tensions = ["confidentiality_vs_life"]"#,
            r#"tensions = ["confidentiality_vs_life", "self_determination_vs_protection"]"#,
            &["- tension `self_determination_vs_protection` must arise, but does not"],
        ),
        // An action that is not in the course of action.
        (
            THREAT,
            r#"actions = ["warn_or_notify_threatened_person","#,
            r#"actions = ["report_child_protection", "warn_or_notify_threatened_person","#,
            &["- action `report_child_protection` must be in the course of action, but is not"],
        ),
        // The wrong consultation level.
        (
            THREAT,
            r#"consult = "authorities""#,
            r#"consult = "supervisor""#,
            &["- consultation must be `supervisor`, but is `authorities`"],
        ),
        // A reason that is not in the obligation's trace.
        (
            THREAT,
            r#"protect_life_over_secrecy = ["harm_risk", "harm_target", "harm_imminent"]"#,
            r#"protect_life_over_secrecy = ["harm_risk", "client_age"]"#,
            &[
                "- obligation `protect_life_over_secrecy` must apply because of `client_age`, but its reasons are: harm_risk, harm_target, harm_imminent",
            ],
        ),
        // Reasons for an obligation that does not apply.
        (
            CHILD,
            r#"report_child_at_risk = ["situation"]"#,
            r#"report_child_at_risk = ["situation"]
help_person_in_mortal_danger = ["harm_imminent"]"#,
            &[
                "- obligation `help_person_in_mortal_danger` must apply (with reasons), but does not",
            ],
        ),
        // The model answers changed, so the outcome no longer matches: the secret is gone.
        (
            CHILD,
            "client_wants_secrecy = true",
            "client_wants_secrecy = false",
            &[
                "- obligation `keep_confidentiality` must apply, but does not",
                "- tension `confidentiality_vs_life` must arise, but does not",
            ],
        ),
    ];
    for (file, old, new, lines) in cases {
        let pack = PackCopy::new();
        pack.edit(file, old, new);
        let out = run_test(&pack, &[]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{new}:\n{text}{}", stderr(&out));
        let id = file.trim_start_matches("cases/").trim_end_matches(".toml");
        has(
            &text,
            &[
                &format!("FAIL  {id}  ({})", pack.file(file)),
                "2 passed, 1 failed",
            ],
        );
        assert_eq!(diff_lines(&text), *lines, "{new}:\n{text}");
        // The other cases still pass.
        assert_eq!(text.matches("ok    ").count(), 2, "{text}");
    }
}

#[test]
fn several_problems_in_one_case_are_all_listed() {
    let pack = PackCopy::new();
    pack.edit(
        THREAT,
        r#"not_fire = ["report_child_at_risk"]"#,
        r#"not_fire = ["keep_confidentiality", "explain_limits_of_confidentiality"]"#,
    )
    .edit(
        THREAT,
        r#"consult = "authorities""#,
        r#"consult = "case_conference""#,
    );
    let out = run_test(&pack, &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(
        diff_lines(&text),
        [
            "+ obligation `keep_confidentiality` must not apply, but does",
            "+ obligation `explain_limits_of_confidentiality` must not apply, but does",
            "- consultation must be `case_conference`, but is `authorities`",
        ],
        "{text}"
    );
}

#[test]
fn two_failing_cases_are_both_reported() {
    let pack = PackCopy::new();
    pack.edit(THREAT, r#"consult = "authorities""#, r#"consult = "none""#)
        .edit(CHILD, r#"consult = "authorities""#, r#"consult = "none""#);
    let out = run_test(&pack, &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    has(
        &text,
        &[
            "FAIL  child_abuse_mother_asks_secrecy",
            "FAIL  threat_to_third_party",
            "ok    photo_for_annual_report",
            "1 passed, 2 failed",
        ],
    );
}

/// The not-exercised sections of `--coverage`: title line → the ids listed under it.
fn coverage_sections(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if line.contains("not exercised by any case") {
            out.push((line.to_string(), Vec::new()));
        } else if let Some(id) = line.strip_prefix("  ")
            && let Some(last) = out.last_mut()
        {
            last.1.push(id.to_string());
        }
    }
    out
}

#[test]
fn coverage_lists_what_no_case_exercises() {
    let out = etika().args(["test", "--coverage"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    has(&text, &["3 passed, 0 failed"]);
    let sections = coverage_sections(&text);
    assert_eq!(sections.len(), 4, "{text}");
    // Steps no case's course of action gives.
    assert!(
        sections[3]
            .0
            .starts_with("actions not exercised by any case:"),
        "{text}"
    );
    assert!(
        sections[3].1.contains(&"check_agency_sop".to_string()),
        "{text}"
    );
    assert!(
        !sections[3].1.contains(&"document_reasoning".to_string()),
        "{text}"
    );
    let (obligations, tensions, questions) = (&sections[0], &sections[1], &sections[2]);
    assert_eq!(
        obligations.0, "obligations not exercised by any case: 7 of 14",
        "{text}"
    );
    assert_eq!(
        obligations.1,
        [
            "client_interest_first",
            "serve_within_competence",
            "accurate_information",
            "no_discrimination",
            "withdraw_when_service_cannot_help",
            "respect_self_determination",
            "uphold_human_rights",
        ],
        "{text}"
    );
    assert_eq!(tensions.0, "tensions not exercised by any case: 1 of 3");
    assert_eq!(tensions.1, ["self_determination_vs_protection"]);
    assert_eq!(questions.0, "questions not exercised by any case: 20 of 32");
    // Answered by some case's model reading: not listed.
    for used in [
        "client_age",
        "harm_imminent",
        "child_harm",
        "record_kind",
        "is_student",
    ] {
        assert!(!questions.1.iter().any(|q| q == used), "{used}:\n{text}");
    }
    for unused in ["children_in_household", "gift_value", "withholding_info"] {
        assert!(questions.1.iter().any(|q| q == unused), "{unused}:\n{text}");
    }
}

#[test]
fn coverage_follows_the_cases_there_are() {
    let pack = PackCopy::new();
    pack.remove(CHILD);
    let out = run_test(&pack, &["--coverage"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    has(&text, &["2 passed, 0 failed"]);
    let sections = coverage_sections(&text);
    // The child case was the only one to exercise the two child duties and a tension.
    assert_eq!(
        sections[0].0,
        "obligations not exercised by any case: 9 of 14"
    );
    for id in [
        "report_child_at_risk",
        "report_sexual_violence_against_child",
    ] {
        assert!(sections[0].1.iter().any(|x| x == id), "{id}:\n{text}");
    }
    assert!(
        sections[1]
            .1
            .iter()
            .any(|x| x == "family_privacy_vs_child_safety"),
        "{text}"
    );
}

#[test]
fn a_pack_without_cases_has_nothing_to_test() {
    let pack = PackCopy::new();
    pack.remove("cases");
    let out = run_test(&pack, &["--coverage"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    has(
        &text,
        &[
            "the pack has no cases (cases/*.toml): nothing to test",
            "0 passed, 0 failed",
            "obligations not exercised by any case: 14 of 14",
        ],
    );
}

#[test]
fn a_case_answering_an_unknown_question_is_a_located_error() {
    let pack = PackCopy::new();
    pack.edit(THREAT, "harm_imminent = true", "harm_imminnt = true");
    let at = pack.at(THREAT, "harm_imminnt = true");
    for out in [run_test(&pack, &[]), pack.validate(&[])] {
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        has(
            &err,
            &[
                "error: unknown question `harm_imminnt`",
                &at,
                "did you mean `harm_imminent`?",
            ],
        );
        assert!(!stdout(&out).contains("passed"), "{}", stdout(&out));
    }
}

#[test]
fn a_case_answering_with_an_unknown_option_is_a_located_error() {
    let pack = PackCopy::new();
    pack.edit(CHILD, r#"child_harm = "sexual""#, r#"child_harm = "sexul""#);
    let out = pack.validate(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    has(
        &err,
        &[
            "question `child_harm` has no option `sexul`",
            &pack.at(CHILD, "child_harm = "),
            "did you mean \"sexual\"?",
        ],
    );
}

#[test]
fn a_case_must_have_exactly_one_model_course() {
    let pack = PackCopy::new();
    pack.edit(
        THREAT,
        "id = \"keep_secret\"\n",
        "id = \"keep_secret\"\nmodel = true\n",
    );
    let out = pack.validate(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    has(
        &err,
        &[
            "case `threat_to_third_party` must mark exactly one `[[course]]` with `model = true`, not 2",
            &pack.at(THREAT, "\"threat_to_third_party\""),
        ],
    );
}

/// A syntax error in questions.toml makes its questions unknown. Conditions that read them
/// stay quiet (the syntax error is the one to fix), but every case answering them gets an
/// `unknown question` error and `would not be asked` warnings too.
#[test]

fn syntax_error_in_questions_is_not_repeated_for_each_case() {
    let pack = PackCopy::new();
    pack.edit(
        "questions.toml",
        r#"id = "harm_risk""#,
        r#"id = "harm_risk"#,
    );
    let out = pack.validate(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    has(&err, &["invalid basic string"]);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "{err}"
    );
    assert!(!err.contains("cases/"), "{err}");
}

#[test]
fn the_embedded_pack_is_clean_under_strict_and_passes_its_own_cases() {
    let out = etika_bare()
        .args(["validate", "--strict"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("the embedded pack is valid"),
        "{}",
        stdout(&out)
    );
    let out = etika_bare().arg("test").output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(text.contains(" passed, 0 failed"), "{text}");
}

/// A failing expectation says why: the condition that decided it and the answers that made
/// it true or false, or for a step, what calls for it and why none of those applies.
#[test]
fn a_failed_expectation_says_which_answers_decided_it() {
    let pack = PackCopy::new();
    pack.edit(
        THREAT,
        r#"fire = ["protect_life_over_secrecy","#,
        r#"fire = ["report_child_at_risk", "protect_life_over_secrecy","#,
    );
    pack.edit(
        THREAT,
        r#"not_fire = ["report_child_at_risk"]"#,
        r#"not_fire = ["report_child_at_risk", "keep_confidentiality"]"#,
    );
    pack.edit(
        THREAT,
        r#"actions = ["warn_or_notify_threatened_person","#,
        r#"actions = ["report_child_protection", "warn_or_notify_threatened_person","#,
    );
    let out = run_test(&pack, &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let after = |failure: &str| -> Vec<&str> {
        let at = lines
            .iter()
            .position(|l| *l == failure)
            .unwrap_or_else(|| panic!("no `{failure}` in:\n{text}"));
        lines[at + 1..]
            .iter()
            .take_while(|l| !l.starts_with("- ") && !l.starts_with("+ ") && !l.is_empty())
            .copied()
            .collect()
    };
    assert_eq!(
        after("- obligation `report_child_at_risk` must apply, but does not"),
        [
            "its `when` is `'child_at_risk' in situation or harm_target == 'child'`",
            "false because situation does not include child_at_risk, harm_target = identifiable_person",
        ]
    );
    assert_eq!(
        after("+ obligation `keep_confidentiality` must not apply, but does"),
        [
            "its `when` is `client_wants_secrecy`",
            "true because client_wants_secrecy = yes",
        ]
    );
    let step =
        after("- action `report_child_protection` must be in the course of action, but is not");
    assert_eq!(
        step[0], "no obligation or tension that calls for it applies (3)",
        "{text}"
    );
    assert!(
        step.contains(
            &"`report_child_at_risk` is off because situation does not include child_at_risk, harm_target = identifiable_person"
        ),
        "{text}"
    );
    // The diff lines themselves are as before.
    assert_eq!(diff_lines(&text).len(), 3, "{text}");
}
