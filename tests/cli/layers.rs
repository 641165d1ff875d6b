//! Layered packs: the example overlay in `examples/agency_gifts` on the embedded pack (and on
//! a folder), through validate, test and assess; and each way an overlay can go wrong.

use std::path::{Path, PathBuf};

use crate::util::*;

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency_gifts")
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

/// A copy of the example overlay, to break one thing in it.
fn overlay_copy() -> tempfile::TempDir {
    let dir = temp_dir();
    copy(&example(), dir.path());
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn edit(dir: &Path, rel: &str, old: &str, new: &str) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(old), "`{old}` is not in {rel}");
    std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
}

const FRIEND_REQUEST: &str = r#"[answers]
client_age = "child"
decision = ["relationship"]
situation = ["ordinary"]
harm_risk = false
client_wants_secrecy = false
relationship_kind = ["online_contact"]
relationship_avoidable = "yes"
contact_account = "personal"
"#;

const MONEY_GIFT: &str = r#"[answers]
client_age = "adult"
decision = ["relationship"]
situation = ["ordinary"]
harm_risk = false
client_wants_secrecy = false
relationship_kind = ["gift_offered"]
gift_kind = ["money"]
relationship_avoidable = "yes"
"#;

fn assess_on(rules: &[&Path], answers: &str, args: &[&str]) -> std::process::Output {
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", answers);
    let mut cmd = etika_bare();
    for r in rules {
        cmd.arg("--rules").arg(r);
    }
    cmd.arg("assess")
        .arg("--answers")
        .arg(&file)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_example_overlay_validates_on_the_embedded_pack() {
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("is valid"), "{text}");
    // One obligation added, one replaced: one more than the embedded pack's.
    let base = etika_bare().arg("validate").output().unwrap();
    let count = |s: &str| {
        s.split(", ")
            .find(|p| p.ends_with("obligations"))
            .and_then(|p| p.split_whitespace().next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("no count of obligations in {s}"))
    };
    assert_eq!(count(&text), count(&stdout(&base)) + 1);
    // Whatever it warns about is the base's, never the overlay's.
    assert!(
        !stderr(&out).contains("layer `sop_lembaga_contoh`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_example_overlay_cases_pass_with_the_base_cases() {
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("test")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(
        text.contains("ok    friend_request_on_personal_account"),
        "{text}"
    );
    assert!(text.contains("ok    envelope_at_the_agency"), "{text}");
    assert!(text.contains("ok    lebaran_envelope"), "{text}");
}

#[test]
fn a_report_on_a_layered_pack_names_every_layer_and_applies_the_overlay() {
    let out = assess_on(&[&example()], FRIEND_REQUEST, &["--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let layers = r["pack"]["layers"].as_array().unwrap();
    let ids: Vec<&str> = layers.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["kode_etik_peksos_id", "sop_lembaga_contoh"]);
    assert_eq!(layers[1]["edition"], "2026.1-sop1");
    assert_eq!(r["pack"]["id"], "sop_lembaga_contoh");
    assert!(strings(&r["binding"]).contains(&"use_agency_channels_online".to_string()));
    // The replaced obligation is the overlay's: it asks for the supervisor.
    let online = r["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "professional_boundaries_online")
        .expect("the replaced obligation applies");
    assert_eq!(online["consult"], "supervisor");
    let steps: Vec<&str> = r["course_of_action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["action"].as_str().unwrap())
        .collect();
    assert!(
        steps.contains(&"move_contact_to_agency_channel"),
        "{steps:?}"
    );
    // Markdown names both layers and their editions.
    let md = assess_on(&[&example()], FRIEND_REQUEST, &["--format", "markdown"]);
    let md = stdout(&md);
    assert!(md.contains("edition 2026.1-sop1"), "{md}");
    assert!(md.contains(" + "), "{md}");
}

#[test]
fn an_amendment_makes_a_base_duty_binding_and_adds_its_steps() {
    let plain = assess_on(&[], MONEY_GIFT, &["--format", "json"]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(!strings(&plain["binding"]).contains(&"refuse_money_and_valuable_gifts".to_string()));
    let out = assess_on(&[&example()], MONEY_GIFT, &["--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(strings(&r["binding"]).contains(&"refuse_money_and_valuable_gifts".to_string()));
    let steps = r["course_of_action"].to_string();
    assert!(steps.contains("record_in_gift_register"), "{steps}");
}

#[test]
fn an_overlay_on_a_folder_and_etika_rules_for_the_base() {
    let out = etika_bare()
        .arg("--rules")
        .arg(bundled())
        .arg("--rules")
        .arg(example())
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // ETIKA_RULES still names one pack.
    let out = etika_bare()
        .env("ETIKA_RULES", fixture_pack())
        .arg("validate")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&fixture_pack().display().to_string()));
}

#[test]
fn an_entry_with_a_base_id_and_no_replaces_is_an_error_in_its_layer() {
    let dir = overlay_copy();
    edit(
        dir.path(),
        "obligations/agency_sop.toml",
        "replaces = \"professional_boundaries_online\"\n",
        "",
    );
    let out = etika_bare()
        .arg("--rules")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "obligation `professional_boundaries_online` is already in `kode_etik_peksos_id`"
        ),
        "{err}"
    );
    assert!(err.contains("(layer `sop_lembaga_contoh`)"), "{err}");
    assert!(
        err.contains("replaces = \"professional_boundaries_online\""),
        "{err}"
    );
    // In Indonesian too.
    let out = etika_bare()
        .args(["--lang", "id", "--rules"])
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert!(stderr(&out).contains("lapisan `sop_lembaga_contoh`"));
}

#[test]
fn replaces_must_name_a_base_entry_by_its_own_id() {
    let dir = overlay_copy();
    edit(
        dir.path(),
        "obligations/agency_sop.toml",
        "replaces = \"professional_boundaries_online\"",
        "replaces = \"professional_boundaries_onlin\"",
    );
    let out = etika_bare()
        .arg("--rules")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("must keep its id"),
        "{}",
        stderr(&out)
    );
    let dir = overlay_copy();
    edit(
        dir.path(),
        "actions.toml",
        "id = \"record_in_gift_register\"",
        "id = \"record_in_gift_register\"\nreplaces = \"record_in_gift_register\"",
    );
    let out = etika_bare()
        .arg("--rules")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("`replaces` names action `record_in_gift_register`, which `kode_etik_peksos_id` does not have"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_amendment_cannot_weaken_a_duty() {
    let dir = overlay_copy();
    edit(
        dir.path(),
        "amendments.toml",
        "binding = true",
        "binding = false",
    );
    edit(
        dir.path(),
        "amendments.toml",
        "obligation = \"accept_small_gift_openly\"",
        "obligation = \"accept_small_gift_openly\"\nconsult = \"none\"",
    );
    let out = etika_bare()
        .arg("--rules")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("can make `refuse_money_and_valuable_gifts` binding, not take that away"),
        "{err}"
    );
    assert!(err.contains("not lower it to `none`"), "{err}");
}

#[test]
fn layers_in_the_wrong_order_or_without_a_base_are_errors() {
    // The base given after its overlay.
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("--rules")
        .arg(bundled())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("this pack does not extend `sop_lembaga_contoh`"),
        "{}",
        stderr(&out)
    );
    // An overlay of a pack that is not loaded.
    let dir = overlay_copy();
    edit(
        dir.path(),
        "pack.toml",
        "extends = \"kode_etik_peksos_id\"",
        "extends = \"kode_etik_lain\"",
    );
    let out = etika_bare()
        .arg("--rules")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("this pack extends `kode_etik_lain`, which is not loaded"),
        "{}",
        stderr(&out)
    );
    // The same overlay twice.
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("--rules")
        .arg(example())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("the overlay `sop_lembaga_contoh` is already loaded"),
        "{err}"
    );
    assert!(!err.contains("replace silently"), "{err}");
    // An overlay on a pack that is not below it.
    let other = overlay_copy();
    edit(
        other.path(),
        "pack.toml",
        "id = \"sop_lembaga_contoh\"\nextends = \"kode_etik_peksos_id\"",
        "id = \"sop_lain\"\nextends = \"sop_tidak_ada\"",
    );
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("--rules")
        .arg(other.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "this overlay extends `sop_tidak_ada`, but the pack below it is `sop_lembaga_contoh`"
        ),
        "{err}"
    );
}

#[test]
fn replaces_and_amendments_belong_to_overlays_only() {
    let pack = PackCopy::new();
    pack.edit(
        "actions.toml",
        "[[action]]\n",
        "[[action]]\nreplaces = \"x\"\n",
    );
    write(
        pack.path(),
        "amendments.toml",
        "[[amend]]\nobligation = \"x\"\nbinding = true\n",
    );
    let out = pack.validate(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("`replaces` is only for an overlay"), "{err}");
    assert!(
        err.contains("only an overlay that extends another pack can amend"),
        "{err}"
    );
    assert!(err.contains("add `extends = "), "{err}");
}

/// A second overlay of its own on the embedded pack: an action, and an amendment that adds it
/// to the gift duty the example overlay amends too.
fn sibling() -> tempfile::TempDir {
    let dir = temp_dir();
    write(
        dir.path(),
        "pack.toml",
        "id = \"sop_kedua\"\nextends = \"kode_etik_peksos_id\"\n\
         name = { id = \"SOP kedua\", en = \"A second SOP\" }\nedition = \"2026.1-b\"\n",
    );
    write(
        dir.path(),
        "actions.toml",
        "[[action]]\nid = \"tell_the_head_of_unit\"\nphase = \"consult\"\nweight = \"supporting\"\n\
         short = { id = \"Beri tahu kepala unit\", en = \"Tell the head of unit\" }\n\
         text = { id = \"Beri tahu kepala unit hari ini.\", en = \"Tell the head of unit today.\" }\n",
    );
    write(
        dir.path(),
        "amendments.toml",
        "[[amend]]\nobligation = \"refuse_money_and_valuable_gifts\"\nactions = [\"tell_the_head_of_unit\"]\n",
    );
    dir
}

#[test]
fn two_overlays_side_by_side_on_the_embedded_pack_are_both_applied() {
    let second = sibling();
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("--rules")
        .arg(second.path())
        .args(["validate", "--strict"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = assess_on(
        &[&example(), second.path()],
        MONEY_GIFT,
        &["--lang", "en", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let layers: Vec<&str> = json["pack"]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        layers,
        ["kode_etik_peksos_id", "sop_lembaga_contoh", "sop_kedua"]
    );
    let steps: Vec<&str> = json["course_of_action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["action"].as_str().unwrap())
        .collect();
    // Each overlay's amendment of the same duty holds.
    assert!(steps.contains(&"record_in_gift_register"), "{steps:?}");
    assert!(steps.contains(&"tell_the_head_of_unit"), "{steps:?}");
}

#[test]
fn two_overlays_side_by_side_cannot_both_replace_one_entry() {
    let second = sibling();
    let text = std::fs::read_to_string(example().join("obligations/agency_sop.toml")).unwrap();
    let start = text
        .find("[[obligation]]\nid = \"professional_boundaries_online\"")
        .expect("the example replaces professional_boundaries_online");
    let entry = &text[start..];
    let end = entry[1..]
        .find("[[obligation]]")
        .map_or(entry.len(), |i| i + 1);
    write(second.path(), "obligations/online.toml", &entry[..end]);
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("--rules")
        .arg(second.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "obligation `professional_boundaries_online` is already replaced by `sop_lembaga_contoh`, another overlay on the same base"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "write `extends = \"sop_lembaga_contoh\"` so that this overlay comes after it"
        ),
        "{err}"
    );
    // Laid on the first instead (a chain), it may replace it again.
    edit(
        second.path(),
        "pack.toml",
        "extends = \"kode_etik_peksos_id\"",
        "extends = \"sop_lembaga_contoh\"",
    );
    let out = etika_bare()
        .arg("--rules")
        .arg(example())
        .arg("--rules")
        .arg(second.path())
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
