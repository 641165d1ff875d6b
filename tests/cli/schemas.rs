//! The JSON Schemas: the shipped copies are what `etika schema` generates, every bundled rule
//! file names its schema on a `#:schema` first line and is valid against it, and reports and
//! answers files are valid against theirs.

use std::path::{Path, PathBuf};

use crate::util::*;

const KINDS: [&str; 12] = [
    "pack",
    "overlay",
    "amendments",
    "principles",
    "questions",
    "actions",
    "obligations",
    "tensions",
    "case",
    "answers",
    "report",
    "diff",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped(kind: &str) -> serde_json::Value {
    let path = root().join(format!("schemas/{kind}.schema.json"));
    let text = std::fs::read_to_string(&path).expect("the shipped schema is there");
    serde_json::from_str(&text).expect("the shipped schema is JSON")
}

fn validator(kind: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&shipped(kind)).expect("the schema is a valid JSON Schema")
}

/// The problems a validator finds in `value`, one line each.
fn problems(v: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    v.iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn toml_as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("read a rule file");
    let value: toml::Value = toml::from_str(&text).expect("a rule file parses");
    serde_json::to_value(value).expect("TOML converts to JSON")
}

/// The schema kind of a rule file, from its place in the pack.
fn kind_of(rel: &str) -> &'static str {
    match rel {
        "pack.toml" => "pack",
        "principles.toml" => "principles",
        "questions.toml" => "questions",
        "actions.toml" => "actions",
        "services.toml" => "services",
        "tensions.toml" => "tensions",
        r if r.starts_with("obligations/") => "obligations",
        r if r.starts_with("cases/") => "case",
        other => panic!("not a pack file: {other}"),
    }
}

fn pack_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for sub in ["", "obligations", "cases"] {
        let folder = dir.join(sub);
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "toml") {
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                let rel = if sub.is_empty() {
                    name
                } else {
                    format!("{sub}/{name}")
                };
                out.push((rel, p));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn shipped_schemas_are_what_etika_generates() {
    for kind in KINDS {
        let out = etika_bare().args(["schema", kind]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let generated: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            generated == shipped(kind),
            "schemas/{kind}.schema.json is out of date: run `cargo run -- schema --dir schemas`"
        );
    }
}

#[test]
fn schema_dir_writes_every_kind() {
    let dir = temp_dir();
    let out = etika_bare()
        .args(["schema", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for kind in KINDS {
        assert!(dir.path().join(format!("{kind}.schema.json")).is_file());
    }
}

/// The kind is optional, as the help shows it: without one, `etika schema` lists the kinds
/// (each one it takes, and what it is the schema of) and where schemas are written as files.
#[test]
fn schema_without_a_kind_lists_the_kinds() {
    for (lang, words) in [
        ("en", ["The JSON Schemas", "writes them to DIR/schemas/"]),
        (
            "id",
            ["JSON Schema yang dicetak", "menulisnya ke FOLDER/schemas/"],
        ),
    ] {
        let out = etika_bare()
            .args(["--lang", lang, "schema"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
        let text = stdout(&out);
        for w in words {
            assert!(text.contains(w), "no `{w}` in:\n{text}");
        }
        for kind in KINDS.iter().chain(&["services"]) {
            assert!(
                text.lines()
                    .any(|l| l.trim_start().starts_with(&format!("{kind} "))),
                "`{kind}` is not listed:\n{text}"
            );
        }
        assert!(text.contains("obligations/*.toml"), "{text}");
    }
    // The help says the kind may be left out.
    let help = stdout(&etika_bare().args(["schema", "--help"]).output().unwrap());
    assert!(help.contains("[KIND]"), "{help}");
}

#[test]
fn every_bundled_rule_file_names_its_schema_and_is_valid() {
    let rules = root().join("rules");
    let files = pack_files(&rules);
    assert!(files.len() > 20, "the bundled pack has its files");
    for (rel, path) in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or("");
        let named = first
            .strip_prefix("#:schema ")
            .unwrap_or_else(|| panic!("rules/{rel} does not start with a `#:schema` line"));
        let target = path.parent().unwrap().join(named);
        let expected = root().join(format!("schemas/{}.schema.json", kind_of(&rel)));
        assert_eq!(
            target.canonicalize().unwrap(),
            expected.canonicalize().unwrap(),
            "rules/{rel} names the wrong schema"
        );
        let found = problems(&validator(kind_of(&rel)), &toml_as_json(&path));
        assert!(found.is_empty(), "rules/{rel}: {found:#?}");
    }
}

#[test]
fn the_fixture_pack_is_valid_against_the_schemas() {
    for (rel, path) in pack_files(&fixture_pack()) {
        let found = problems(&validator(kind_of(&rel)), &toml_as_json(&path));
        assert!(found.is_empty(), "fixture {rel}: {found:#?}");
    }
}

#[test]
fn a_misspelt_field_and_a_wrong_type_are_schema_errors() {
    let v = validator("obligations");
    let typo: serde_json::Value = serde_json::to_value(
        toml::from_str::<toml::Value>(
            r#"[[obligation]]
id = "x"
title = "T"
text = "T"
source = "S"
principles = ["p"]
bindng = true
"#,
        )
        .unwrap(),
    )
    .unwrap();
    let found = problems(&v, &typo);
    assert!(found.iter().any(|p| p.contains("bindng")), "{found:?}");
    let questions = validator("questions");
    let bad_kind: serde_json::Value = serde_json::json!({
        "question": [{"id": "q", "kind": "maybe", "prompt": "P", "help": "H"}]
    });
    assert!(!problems(&questions, &bad_kind).is_empty());
    let bad_text: serde_json::Value = serde_json::json!({
        "question": [{"id": "q", "kind": "yes_no", "prompt": {"id": "P"}, "help": "H"}]
    });
    assert!(!problems(&questions, &bad_text).is_empty());
}

#[test]
fn reports_are_valid_against_the_report_schema() {
    let v = validator("report");
    for answers in [THREAT_TO_LIFE, CHILD_AT_RISK, ORDINARY] {
        for lang in ["id", "en"] {
            let report = assess_json(answers, lang);
            let found = problems(&v, &report);
            assert!(found.is_empty(), "{found:#?}");
        }
    }
    // With an unsure answer (find-out steps, pending items) and a what-if; the fixture's
    // "could the harm happen soon?" allows "not sure".
    let unsure = THREAT_TO_LIFE.replace("harm_imminent = true", "harm_imminent = \"unsure\"");
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", &unsure);
    let out = etika()
        .args([
            "assess",
            "--format",
            "json",
            "--what-if",
            "limits_explained=yes",
        ])
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!report["find_out"].as_array().unwrap().is_empty());
    assert!(report["what_if"].is_object());
    let found = problems(&v, &report);
    assert!(found.is_empty(), "{found:#?}");
    // And the schema is not so loose that anything passes.
    let mut broken = report.clone();
    broken["consult"]["level"] = serde_json::json!("the_pope");
    assert!(!problems(&v, &broken).is_empty());
}

#[test]
fn answers_files_are_valid_against_the_answers_schema() {
    let v = validator("answers");
    let student = format!(
        "case = \"threat_to_third_party\"\ncourse = \"consult_then_warn\"\n\n[pack]\nid = \"x\"\nedition = \"1\"\n\n{THREAT_TO_LIFE}harm_imminent_unknown = \"unsure\"\n"
    );
    for text in [THREAT_TO_LIFE, CHILD_AT_RISK, ORDINARY, student.as_str()] {
        let value: toml::Value = toml::from_str(text).unwrap();
        let found = problems(&v, &serde_json::to_value(value).unwrap());
        assert!(found.is_empty(), "{found:#?}");
    }
    let wrong: toml::Value = toml::from_str("[answer]\nharm_risk = true\n").unwrap();
    assert!(!problems(&v, &serde_json::to_value(wrong).unwrap()).is_empty());
}
