//! The JSON report's shape is a contract (README, "The JSON report"): these keys with these types must stay;
//! keys may be added, none removed or renamed.

use serde_json::Value;

use crate::util::*;

fn keys_present(v: &Value, keys: &[&str], what: &str) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object: {v}"));
    for k in keys {
        assert!(obj.contains_key(*k), "{what} has no `{k}`: {v}");
    }
}

fn is_string(v: &Value, what: &str) {
    assert!(
        v.as_str().is_some_and(|s| !s.is_empty()),
        "{what} is not a non-empty string: {v}"
    );
}

fn is_string_array(v: &Value, what: &str) {
    let a = v
        .as_array()
        .unwrap_or_else(|| panic!("{what} is not an array: {v}"));
    for x in a {
        is_string(x, what);
    }
}

/// Check every contract key of a report and its type.
fn check_shape(r: &Value) {
    keys_present(
        r,
        &[
            "pack",
            "lang",
            "answers",
            "binding",
            "obligations",
            "tensions",
            "consult",
            "course_of_action",
            "disclaimer",
        ],
        "the report",
    );
    keys_present(&r["pack"], &["id", "edition"], "pack");
    is_string(&r["pack"]["id"], "pack.id");
    is_string(&r["pack"]["edition"], "pack.edition");
    is_string(&r["lang"], "lang");
    assert!(r["answers"].is_object(), "answers: {}", r["answers"]);
    is_string_array(&r["binding"], "binding");
    for o in r["obligations"]
        .as_array()
        .expect("obligations is an array")
    {
        keys_present(
            o,
            &["id", "title", "source", "principles", "binding", "why"],
            "an obligation",
        );
        is_string(&o["id"], "obligation id");
        is_string(&o["title"], "obligation title");
        is_string(&o["source"], "obligation source");
        is_string_array(&o["principles"], "obligation principles");
        assert!(o["binding"].is_boolean(), "binding: {o}");
        let why = o["why"].as_array().expect("why is an array");
        assert!(!why.is_empty(), "every fired obligation has a reason: {o}");
        for w in why {
            keys_present(w, &["question", "answer"], "a why entry");
            is_string(&w["question"], "why.question");
            is_string(&w["answer"], "why.answer");
        }
    }
    for t in r["tensions"].as_array().expect("tensions is an array") {
        keys_present(
            t,
            &["id", "principles", "prevails", "explanation"],
            "a tension",
        );
        is_string(&t["id"], "tension id");
        is_string_array(&t["principles"], "tension principles");
        assert_eq!(t["principles"].as_array().unwrap().len(), 2, "{t}");
        is_string(&t["prevails"], "tension prevails");
        is_string(&t["explanation"], "tension explanation");
    }
    keys_present(&r["consult"], &["level", "because"], "consult");
    is_string(&r["consult"]["level"], "consult.level");
    assert!(r["consult"]["because"].is_array(), "{}", r["consult"]);
    for s in r["course_of_action"]
        .as_array()
        .expect("course is an array")
    {
        keys_present(s, &["step", "phase", "action", "text", "because"], "a step");
        assert!(s["step"].is_u64(), "step: {s}");
        is_string(&s["phase"], "phase");
        is_string(&s["action"], "action");
        is_string(&s["text"], "text");
        is_string_array(&s["because"], "because");
        // Only the frame's general steps, when there is no dilemma, are called for by nothing.
        if r["no_dilemma"] != true {
            assert!(!s["because"].as_array().unwrap().is_empty(), "{s}");
        }
    }
    is_string(&r["disclaimer"], "disclaimer");
}

#[test]
fn threat_to_life_report_has_the_design_shape() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    check_shape(&r);
    assert_eq!(r["lang"], "en");
    assert_eq!(r["pack"]["id"], "kode_etik_peksos_id");
    assert_eq!(r["pack"]["edition"], "2026.1");
}

#[test]
fn child_and_ordinary_reports_have_the_design_shape() {
    check_shape(&assess_json(CHILD_AT_RISK, "en"));
    check_shape(&assess_json(ORDINARY, "en"));
}

#[test]
fn answers_keep_their_types_yes_no_option_and_list() {
    let r = assess_json(THREAT_TO_LIFE, "en");
    let a = &r["answers"];
    assert_eq!(a["harm_risk"], true);
    assert_eq!(a["limits_explained"], false);
    assert_eq!(a["client_age"], "adult");
    assert_eq!(a["harm_target"], "identifiable_person");
    assert_eq!(a["situation"], serde_json::json!(["harm_to_others"]));
    assert_eq!(a.as_object().unwrap().len(), 7, "{a}");
}

#[test]
fn answers_that_would_not_be_asked_are_left_out_of_the_report() {
    // harm_target is asked only when harm_risk; with harm_risk = false it does not count.
    let r = assess_json(
        "[answers]\nharm_risk = false\nharm_target = \"child\"\n",
        "en",
    );
    assert_eq!(r["answers"], serde_json::json!({"harm_risk": false}));
    assert_eq!(strings(&r["binding"]), Vec::<String>::new());
}

#[test]
fn indonesian_report_is_in_indonesian() {
    let r = assess_json(THREAT_TO_LIFE, "id");
    check_shape(&r);
    assert_eq!(r["lang"], "id");
    let disclaimer = r["disclaimer"].as_str().unwrap();
    assert!(disclaimer.contains("supervisor"), "{disclaimer}");
    assert!(disclaimer.contains("bukan"), "{disclaimer}");
    assert!(disclaimer.contains("hukum"), "{disclaimer}");
    assert_eq!(
        r["obligations"][0]["title"],
        "Mencegah bahaya serius walau klien meminta rahasia"
    );
    // Ids and answer codes stay the same in every language: scripts depend on them.
    assert_eq!(
        strings(&r["binding"]),
        ["protect_life_over_secrecy", "help_person_in_mortal_danger"]
    );
    assert_eq!(r["obligations"][0]["why"][0]["answer"], "yes");
}

#[test]
fn english_and_indonesian_reports_reach_the_same_decision() {
    let en = assess_json(THREAT_TO_LIFE, "en");
    let id = assess_json(THREAT_TO_LIFE, "id");
    for key in ["binding", "answers"] {
        assert_eq!(en[key], id[key], "{key}");
    }
    assert_eq!(en["consult"]["level"], id["consult"]["level"]);
    let actions = |r: &Value| -> Vec<Value> {
        r["course_of_action"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["action"].clone())
            .collect()
    };
    assert_eq!(actions(&en), actions(&id));
    assert_ne!(en["disclaimer"], id["disclaimer"]);
}
