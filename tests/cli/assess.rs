//! `etika assess --answers`: the decision for known cases — which duties bind, which
//! obligations fire and why, how tensions are settled, who to consult, and the ordered steps.

use serde_json::Value;

use crate::util::*;

const PHASES: [&str; 7] = [
    "safety", "assess", "inform", "consult", "act", "document", "monitor",
];
const WEIGHTS: [&str; 3] = ["decisive", "supporting", "routine"];

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|o| o["id"].as_str().expect("an id").to_string())
        .collect()
}

fn obligation<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("obligation `{id}` did not fire: {}", report["obligations"]))
}

fn why_questions(o: &Value) -> Vec<String> {
    o["why"]
        .as_array()
        .expect("why")
        .iter()
        .map(|w| w["question"].as_str().expect("question").to_string())
        .collect()
}

/// The course of action puts decisive steps first, then supporting, then routine, each
/// weight in phase order (safety → assess → inform → consult → act → document → monitor),
/// with no action twice and steps numbered from 1.
fn assert_course_ordered(report: &Value) {
    let course = report["course_of_action"].as_array().expect("course");
    let mut last = (0, 0);
    let mut seen = Vec::new();
    for (i, step) in course.iter().enumerate() {
        assert_eq!(step["step"], i + 1, "steps are numbered in order: {step}");
        let phase = step["phase"].as_str().expect("phase");
        let weight = step["weight"].as_str().expect("weight");
        let rank = (
            WEIGHTS
                .iter()
                .position(|w| *w == weight)
                .unwrap_or_else(|| panic!("unknown weight `{weight}`")),
            PHASES
                .iter()
                .position(|p| *p == phase)
                .unwrap_or_else(|| panic!("unknown phase `{phase}`")),
        );
        assert!(
            rank >= last,
            "step {} ({weight}, {phase}) comes after a later one",
            i + 1
        );
        last = rank;
        let action = step["action"].as_str().expect("action").to_string();
        assert!(!seen.contains(&action), "`{action}` is repeated");
        seen.push(action);
    }
}

#[test]
fn threat_to_life_binds_both_life_duties() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    assert_eq!(
        strings(&r["binding"]),
        ["protect_life_over_secrecy", "help_person_in_mortal_danger"]
    );
    for id in ["protect_life_over_secrecy", "help_person_in_mortal_danger"] {
        assert_eq!(obligation(&r, id)["binding"], true, "{id} is binding");
    }
}

#[test]
fn threat_to_life_fires_the_confidentiality_duties_as_not_binding() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    assert_eq!(
        ids(&r["obligations"]),
        [
            "protect_life_over_secrecy",
            "help_person_in_mortal_danger",
            "keep_confidentiality",
            "explain_limits_of_confidentiality"
        ],
        "binding duties come first, then the others"
    );
    assert_eq!(obligation(&r, "keep_confidentiality")["binding"], false);
    assert_eq!(
        obligation(&r, "explain_limits_of_confidentiality")["binding"],
        false
    );
}

#[test]
fn threat_to_life_traces_name_the_answers_that_fired_each_duty() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    assert_eq!(
        why_questions(obligation(&r, "protect_life_over_secrecy")),
        ["harm_risk", "harm_target", "harm_imminent"]
    );
    let why = &obligation(&r, "protect_life_over_secrecy")["why"];
    assert_eq!(why[1]["answer"], "identifiable_person");
    assert_eq!(why[0]["answer"], "yes");
    assert_eq!(
        why_questions(obligation(&r, "explain_limits_of_confidentiality")),
        ["client_wants_secrecy", "limits_explained"]
    );
    assert_eq!(
        obligation(&r, "explain_limits_of_confidentiality")["why"][1]["answer"],
        "no"
    );
}

#[test]
fn threat_to_life_settles_confidentiality_against_life_for_life() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    let tensions = r["tensions"].as_array().expect("tensions");
    assert_eq!(tensions.len(), 1, "{tensions:?}");
    let t = &tensions[0];
    assert_eq!(t["id"], "confidentiality_vs_life");
    assert_eq!(
        strings(&t["principles"]),
        ["privacy_confidentiality", "protection_of_life"]
    );
    assert_eq!(t["prevails"], "protection_of_life");
}

#[test]
fn threat_to_life_calls_for_the_authorities() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    assert_eq!(r["consult"]["level"], "authorities");
    assert!(
        strings(&r["consult"]["because"]).contains(&"protect_life_over_secrecy".to_string()),
        "{}",
        r["consult"]
    );
}

#[test]
fn threat_to_life_course_of_action_is_ordered_by_weight_and_phase_without_repeats() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    assert_course_ordered(&r);
    let course = r["course_of_action"].as_array().unwrap();
    let actions: Vec<&str> = course
        .iter()
        .map(|s| s["action"].as_str().unwrap())
        .collect();
    // Decisive steps first (safety, inform, act), then supporting, then routine.
    assert_eq!(
        actions,
        [
            "ensure_immediate_safety",
            "inform_client_before_disclosure",
            "warn_or_notify_threatened_person",
            "safety_plan_with_client",
            "explain_confidentiality_limits",
            "consult_supervisor",
            "document_reasoning",
            "follow_up_safety"
        ]
    );
    // consult_supervisor is called for by three obligations and the tension: one step, all named.
    let consult = course
        .iter()
        .find(|s| s["action"] == "consult_supervisor")
        .unwrap();
    let because = strings(&consult["because"]);
    for id in [
        "protect_life_over_secrecy",
        "help_person_in_mortal_danger",
        "keep_confidentiality",
        "confidentiality_vs_life",
    ] {
        assert!(
            because.contains(&id.to_string()),
            "{id} missing from {because:?}"
        );
    }
}

#[test]
fn child_at_risk_of_sexual_violence_binds_both_reporting_duties() {
    let r = assess_json(CHILD_AT_RISK, "en");
    assert_eq!(
        strings(&r["binding"]),
        [
            "report_child_at_risk",
            "report_sexual_violence_against_child"
        ]
    );
    assert_eq!(
        why_questions(obligation(&r, "report_sexual_violence_against_child")),
        ["child_harm"]
    );
    assert_eq!(r["consult"]["level"], "authorities");
    assert_eq!(ids(&r["tensions"]), ["family_privacy_vs_child_safety"]);
    assert_course_ordered(&r);
    let actions: Vec<String> = r["course_of_action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["action"].as_str().unwrap().to_string())
        .collect();
    assert!(
        actions.contains(&"report_child_protection".to_string()),
        "{actions:?}"
    );
}

#[test]
fn child_at_risk_of_neglect_reports_but_not_under_the_sexual_violence_law() {
    let r = assess_json(
        "[answers]\nsituation = [\"child_at_risk\"]\nchild_harm = \"neglect\"\n",
        "en",
    );
    assert_eq!(strings(&r["binding"]), ["report_child_at_risk"]);
    assert!(!ids(&r["obligations"]).contains(&"report_sexual_violence_against_child".to_string()));
}

#[test]
fn ordinary_case_has_no_dilemma_and_gets_the_frames_steps() {
    let r = assess_json(ORDINARY, "en");
    assert_eq!(r["no_dilemma"], true);
    assert_eq!(strings(&r["binding"]), Vec::<String>::new());
    assert_eq!(r["obligations"], serde_json::json!([]));
    assert_eq!(r["tensions"], serde_json::json!([]));
    assert_eq!(r["consult"]["level"], "none");
    // Never an empty course: the frame's general steps, called for by nothing in particular.
    let course = r["course_of_action"].as_array().unwrap();
    assert_eq!(course.len(), 1, "{course:?}");
    assert_eq!(course[0]["action"], "document_reasoning");
    assert_eq!(course[0]["because"], serde_json::json!([]));
    assert_eq!(r["verdict"], "no_dilemma");
    assert_eq!(
        r["summary"][0],
        "Go ahead: no conflict between duties in these answers; take the steps below with the usual care."
    );
}

#[test]
fn records_without_consent_fire_the_permission_duty_but_nothing_binding() {
    let answers = ORDINARY.replace("record_consent = true", "record_consent = false");
    let r = assess_json(&answers, "en");
    assert_eq!(strings(&r["binding"]), Vec::<String>::new());
    assert_eq!(ids(&r["obligations"]), ["permission_before_recording"]);
    assert_eq!(r["consult"]["level"], "supervisor");
}

#[test]
fn threat_to_life_table_lists_binding_duties_first_and_the_disclaimer() {
    let out = assess(THREAT_TO_LIFE, &["--lang", "en", "--width", "100"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // The minute-long read: the binding duties, then the course, then the rest one line each.
    let binding = text.find("BINDING DUTIES").expect("a binding section");
    let obligations = text.find("OBLIGATIONS THAT APPLY").expect("obligations");
    let course = text.find("RECOMMENDED COURSE OF ACTION").expect("course");
    assert!(binding < course && course < obligations, "{text}");
    assert!(text.contains("⚑ Prevent serious harm even"), "{text}");
    // In full, each binding duty in full before the other obligations, then the course.
    let out = assess(
        THREAT_TO_LIFE,
        &["--lang", "en", "--width", "100", "--full"],
    );
    let text = stdout(&out);
    let binding = text.find("BINDING DUTIES").expect("a binding section");
    let obligations = text.find("OBLIGATIONS THAT APPLY").expect("obligations");
    let course = text.find("RECOMMENDED COURSE OF ACTION").expect("course");
    assert!(binding < obligations && obligations < course, "{text}");
    // The summary names it first; the binding section gives it in full, before the rest.
    let short = text.find("IN SHORT").expect("a summary");
    assert!(short < binding, "{text}");
    let duty = binding + text[binding..].find("Prevent serious harm even").unwrap();
    assert!(duty < obligations, "{text}");
    assert!(text.contains("it is not legal advice"), "{text}");
}

#[test]
fn report_goes_to_out_file_readable_by_owner_only() {
    let dir = temp_dir();
    let answers = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let out_file = dir.path().join("note.md");
    let out = etika()
        .args([
            "--lang",
            "en",
            "assess",
            "--format",
            "markdown",
            "--answers",
        ])
        .arg(&answers)
        .arg("--out")
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "the report goes to the file, not stdout");
    assert!(
        stderr(&out).contains("Report written to"),
        "{}",
        stderr(&out)
    );
    let note = std::fs::read_to_string(&out_file).unwrap();
    assert!(note.starts_with("# Case note for supervision"), "{note}");
    assert!(!note.contains('\x1b'), "no colour codes in a file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
}

#[test]
fn assess_without_a_terminal_or_answers_names_the_answers_option() {
    let out = etika()
        .arg("assess")
        .write_stdin("")
        .output()
        .expect("run etika");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("--answers"), "{err}");
    assert!(err.contains("terminal"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(stdout(&out), "");
}

/// Two `--what-if` for one question would leave one of them unsaid: refused, naming both; an
/// empty list is no answer to a question that needs a tick.
#[test]
fn what_if_twice_for_one_question_or_with_no_option_is_refused() {
    let out = assess(
        THREAT_TO_LIFE,
        &[
            "--lang",
            "en",
            "--what-if",
            "harm_imminent=no",
            "--what-if",
            "client_age=child",
            "--what-if",
            "harm_imminent=unsure",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "error: `--what-if harm_imminent=no` and `--what-if harm_imminent=unsure` both change `harm_imminent`"
        ),
        "{err}"
    );
    assert!(
        err.contains("help: give one `--what-if` a question"),
        "{err}"
    );
    assert_eq!(stdout(&out), "");
    let out = assess(
        THREAT_TO_LIFE,
        &["--lang", "en", "--what-if", "situation= ,"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not an answer to `situation`"),
        "{}",
        stderr(&out)
    );
}

/// An answer that the pack labels "Something else" is named as such where the report says what
/// it does not cover, not only as "None of these", in both languages.
#[test]
fn something_else_is_named_where_the_report_says_what_it_does_not_cover() {
    let dir = temp_dir();
    let file = write(
        dir.path(),
        "a.toml",
        "[answers]\ndecision = [\"disclose\"]\nsituation = [\"other\"]\n",
    );
    for (lang, words) in [
        ("en", "\"None of these\" or \"Something else\""),
        ("id", "\"Tidak satu pun dari ini\" atau \"Hal lain\""),
    ] {
        let out = etika_bare()
            .args(["--lang", lang, "--width", "200", "assess", "--answers"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(text.contains(words), "--lang {lang}:\n{text}");
    }
}
