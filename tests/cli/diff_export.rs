//! `etika diff` between editions (the bundled pack and its exported copy, the fixture pack
//! and a changed copy, with a saved case), and `etika export`.

use crate::util::*;

/// The fixture pack with a new edition's changes: a condition, a duty made binding, a
/// question's `ask_if`, the ranking, a new obligation and question, a case removed.
fn new_edition() -> PackCopy {
    let pack = PackCopy::new();
    pack.edit(
        "obligations/clients.toml",
        "when = \"client_wants_secrecy\"",
        "when = \"client_wants_secrecy and not harm_risk\"",
    )
    .edit(
        "obligations/clients.toml",
        "id = \"explain_limits_of_confidentiality\"\n",
        "id = \"explain_limits_of_confidentiality\"\nbinding = true\n",
    )
    .edit(
        "questions.toml",
        "ask_if = \"client_wants_secrecy\"",
        "ask_if = \"client_wants_secrecy or harm_risk\"",
    )
    .edit(
        "pack.toml",
        "  \"autonomy\",\n  \"least_harm\",",
        "  \"least_harm\",\n  \"autonomy\",",
    )
    .remove("cases/photo_for_annual_report.toml");
    write(
        pack.path(),
        "obligations/extra.toml",
        r#"[[obligation]]
id = "record_the_threat"
title = { id = "Catat ancaman itu", en = "Record the threat" }
text = { id = "Catat apa yang dikatakan, kapan, dan kepada siapa.", en = "Write down what was said, when and to whom." }
source = "Edisi baru"
principles = ["protection_of_life"]
when = "harm_risk"
actions = ["document_reasoning"]
"#,
    );
    let questions = std::fs::read_to_string(pack.path().join("questions.toml")).unwrap();
    std::fs::write(
        pack.path().join("questions.toml"),
        format!(
            "{questions}\n[[question]]\nid = \"threat_in_writing\"\nkind = \"yes_no\"\nprompt = {{ id = \"Tertulis?\", en = \"In writing?\" }}\nhelp = {{ id = \"Bukti.\", en = \"Evidence.\" }}\n"
        ),
    )
    .unwrap();
    pack
}

fn diff(args: &[&str]) -> std::process::Output {
    etika_bare()
        .args(["--lang", "en", "diff"])
        .args(args)
        .output()
        .unwrap()
}

fn item<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("`{id}` is not in the diff: {v:#}"))
}

fn field<'a>(item: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    item["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == name)
        .unwrap_or_else(|| panic!("no `{name}` change in {item:#}"))
}

#[test]
fn the_bundled_pack_and_its_export_do_not_differ() {
    let dir = temp_dir();
    let target = dir.path().join("pack");
    let out = etika_bare().arg("export").arg(&target).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let target = target.to_str().unwrap();
    let out = diff(&[target]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("No differences."), "{}", stdout(&out));
    let json = diff(&["embedded", target, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 0);
    assert_eq!(v["old"]["origin"], "embedded");
    // A changed copy of the bundled pack: its new edition shows, and so does the change.
    let pack = std::path::Path::new(target);
    let meta = std::fs::read_to_string(pack.join("pack.toml")).unwrap();
    let edition = meta
        .lines()
        .find(|l| l.starts_with("edition = "))
        .unwrap()
        .to_string();
    std::fs::write(
        pack.join("pack.toml"),
        meta.replacen(&edition, "edition = \"9999.1\"", 1),
    )
    .unwrap();
    let law = std::fs::read_to_string(pack.join("obligations/law.toml")).unwrap();
    let first_when = law
        .lines()
        .find(|l| l.starts_with("when = "))
        .unwrap()
        .to_string();
    std::fs::write(
        pack.join("obligations/law.toml"),
        law.replacen(&first_when, "when = \"harm_risk\"", 1),
    )
    .unwrap();
    let out = diff(&[target]);
    let text = stdout(&out);
    assert!(text.contains("9999.1"), "{text}");
    assert!(text.contains("1 changed"), "{text}");
    assert!(text.contains("when: "), "{text}");
}

#[test]
fn a_new_edition_lists_what_it_adds_removes_and_changes() {
    let new = new_edition();
    let old = fixture_pack();
    let args = [old.to_str().unwrap(), new.path().to_str().unwrap()];
    let out = diff(&[args[0], args[1], "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keep = item(&v, "keep_confidentiality");
    assert_eq!(keep["change"], "changed");
    assert_eq!(
        field(keep, "when")["new"],
        "client_wants_secrecy and not harm_risk"
    );
    let explain = item(&v, "explain_limits_of_confidentiality");
    assert_eq!(field(explain, "binding")["old"], "false");
    assert_eq!(field(explain, "binding")["new"], "true");
    assert_eq!(explain["binding"], true);
    assert_eq!(
        field(item(&v, "limits_explained"), "ask_if")["new"],
        "client_wants_secrecy or harm_risk"
    );
    assert_eq!(item(&v, "record_the_threat")["change"], "added");
    assert_eq!(item(&v, "threat_in_writing")["change"], "added");
    assert_eq!(item(&v, "photo_for_annual_report")["change"], "removed");
    let ranking = v["pack"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "ranking")
        .expect("the ranking changed");
    assert!(
        ranking["new"]
            .as_str()
            .unwrap()
            .contains("least_harm, autonomy")
    );
    // Nothing unchanged is listed.
    assert!(
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["id"] != "protect_life_over_secrecy")
    );
    // The table and Markdown say the same.
    let table = stdout(&diff(&args));
    assert!(table.contains("2 added, 1 removed"), "{table}");
    assert!(table.contains("binding: false → true"), "{table}");
    let md = stdout(&diff(&[args[0], args[1], "--format", "markdown"]));
    assert!(
        md.contains("## Added") && md.contains("## Removed") && md.contains("## Changed"),
        "{md}"
    );
    assert!(md.contains("`record_the_threat`"), "{md}");
    // The JSON is valid against its schema.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/diff.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_saved_case_shows_how_its_advice_changes() {
    let new = new_edition();
    let dir = temp_dir();
    let answers = write(dir.path(), "case.toml", THREAT_TO_LIFE);
    let old = fixture_pack();
    let out = diff(&[
        old.to_str().unwrap(),
        new.path().to_str().unwrap(),
        "--answers",
        answers.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let case = &v["case"];
    assert_eq!(
        strings(&case["obligations_removed"]),
        ["keep_confidentiality"]
    );
    assert!(strings(&case["obligations_added"]).contains(&"record_the_threat".to_string()));
    assert_eq!(
        strings(&case["binding_added"]),
        ["explain_limits_of_confidentiality"]
    );
    let table = stdout(&diff(&[
        old.to_str().unwrap(),
        new.path().to_str().unwrap(),
        "--answers",
        answers.to_str().unwrap(),
    ]));
    assert!(table.contains("+ binding: "), "{table}");
    assert!(table.contains("- obligation: "), "{table}");
    // The same pack on both sides: the advice does not change.
    let same = stdout(&diff(&[
        old.to_str().unwrap(),
        old.to_str().unwrap(),
        "--answers",
        answers.to_str().unwrap(),
    ]));
    assert!(same.contains("No differences."), "{same}");
}

#[test]
fn a_broken_edition_is_an_error_that_names_it() {
    let pack = PackCopy::new();
    pack.edit(
        "questions.toml",
        "kind = \"yes_no\"",
        "kind = \"yes_or_no\"",
    );
    let out = diff(&[pack.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("unknown variant"), "{err}");
    assert!(
        err.contains(&format!("the pack `{}` has 1 error", pack.path().display())),
        "{err}"
    );
}

#[test]
fn export_writes_a_pack_with_its_schemas_and_refuses_a_full_folder() {
    let dir = temp_dir();
    let target = dir.path().join("copy");
    let out = etika_bare().arg("export").arg(&target).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Each file's schema line points at a schema written beside it.
    for rel in ["pack.toml", "questions.toml", "obligations/law.toml"] {
        let text = std::fs::read_to_string(target.join(rel)).unwrap();
        let named = text
            .lines()
            .next()
            .unwrap()
            .strip_prefix("#:schema ")
            .unwrap();
        let schema = target.join(rel).parent().unwrap().join(named);
        assert!(schema.is_file(), "{rel} names {named}");
    }
    let out = etika_bare()
        .arg("--rules")
        .arg(&target)
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Not over files that are there.
    let again = etika_bare().arg("export").arg(&target).output().unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already holds files"),
        "{}",
        stderr(&again)
    );
    assert!(stderr(&again).contains("--force"));
    let forced = etika_bare()
        .args(["export", "--force"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(forced.status.success());
    // The skeleton of an overlay: valid on the embedded pack as it is.
    let overlay = dir.path().join("overlay");
    let out = etika_bare()
        .args(["export", "--overlay"])
        .arg(&overlay)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::read_to_string(overlay.join("pack.toml")).unwrap();
    assert!(meta.contains("extends = \"kode_etik_peksos_id\""), "{meta}");
    let out = etika_bare()
        .arg("--rules")
        .arg(&overlay)
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}
