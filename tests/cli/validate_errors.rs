//! `etika validate` on broken packs, table-driven: each row breaks one thing in a copy of the
//! fixture pack, and the whole of standard error is pinned by a snapshot, so a change in any
//! message, place, snippet or help line shows up in review. The temporary folder is written
//! as `PACK` in the snapshots.

use crate::util::*;

/// (name, language, [(file, text to replace, replacement)]).
type Row = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const ROWS: &[Row] = &[
    (
        "toml_syntax",
        "en",
        &[(
            "tensions.toml",
            "id = \"confidentiality_vs_life\"",
            "id = \"confidentiality_vs_life",
        )],
    ),
    (
        "unknown_field",
        "en",
        &[("obligations/society.toml", "title = {", "titel = {")],
    ),
    (
        "unknown_rules_out",
        "en",
        &[(
            "obligations/law.toml",
            "consult = \"authorities\"",
            "rules_out = { steps = [\"safety_plan_with_clent\"], tensions = [\"no_such_tension\"] }\nconsult = \"authorities\"",
        )],
    ),
    (
        "wrong_type",
        "en",
        &[(
            "obligations/law.toml",
            "binding = true",
            "binding = \"yes\"",
        )],
    ),
    (
        "duplicate_id",
        "en",
        &[(
            "obligations/law.toml",
            "id = \"help_person_in_mortal_danger\"",
            "id = \"protect_life_over_secrecy\"",
        )],
    ),
    (
        "bad_id",
        "en",
        &[("principles.toml", "id = \"autonomy\"", "id = \"Autonomy\"")],
    ),
    (
        "unknown_reference_with_suggestion",
        "en",
        &[(
            "obligations/law.toml",
            "principles = [\"protection_of_life\"]",
            "principles = [\"protection_of_lfe\"]",
        )],
    ),
    (
        "condition_syntax",
        "en",
        &[(
            "tensions.toml",
            "when = \"harm_risk and client_wants_secrecy\"",
            "when = \"harm_risk && client_wants_secrecy\"",
        )],
    ),
    (
        "condition_unknown_option",
        "en",
        &[(
            "tensions.toml",
            "harm_target == 'child'\"",
            "harm_target == 'childd'\"",
        )],
    ),
    (
        "condition_wrong_kind",
        "en",
        &[(
            "tensions.toml",
            "when = \"harm_risk and client_wants_secrecy\"",
            "when = \"harm_target and client_wants_secrecy\"",
        )],
    ),
    (
        "condition_with_an_escape_is_located_in_the_file",
        "en",
        &[(
            "tensions.toml",
            "when = \"harm_risk and client_wants_secrecy\"",
            "when = \"harm_risk and \\u0063lient_wants_secrcy\"",
        )],
    ),
    (
        "ask_if_reads_a_later_question",
        "en",
        &[(
            "questions.toml",
            "ask_if = \"harm_risk\"",
            "ask_if = \"harm_risk and client_wants_secrecy\"",
        )],
    ),
    (
        "refer_to_an_unknown_need",
        "en",
        &[(
            "actions.toml",
            "refer = [\"child_protection\"]",
            "refer = [\"child_protectoin\"]",
        )],
    ),
    (
        "reserved_option_id",
        "en",
        &[("questions.toml", "{ id = \"child\",", "{ id = \"unsure\",")],
    ),
    (
        "case_answer_with_an_unknown_option",
        "en",
        &[(
            "cases/threat_to_third_party.toml",
            "client_age = \"adult\"",
            "client_age = \"adulte\"",
        )],
    ),
    (
        "settled_by_a_duty_that_does_not_bind",
        "en",
        &[(
            "tensions.toml",
            "principles = [\"privacy_confidentiality\", \"protection_of_life\"]",
            "principles = [\"privacy_confidentiality\", \"protection_of_life\"]\nsettled_by = [\"keep_confidentiality\"]",
        )],
    ),
    (
        "unknown_field_in_indonesian",
        "id",
        &[("obligations/society.toml", "title = {", "titel = {")],
    ),
    (
        "condition_syntax_in_indonesian",
        "id",
        &[(
            "tensions.toml",
            "when = \"harm_risk and client_wants_secrecy\"",
            "when = \"harm_risk && client_wants_secrecy\"",
        )],
    ),
];

#[test]
fn every_broken_pack_gives_these_exact_diagnostics() {
    for (name, lang, edits) in ROWS {
        let pack = PackCopy::new();
        for (file, old, new) in *edits {
            pack.edit(file, old, new);
        }
        let out = etika_with(pack.path())
            .args(["--lang", lang, "validate"])
            .output()
            .expect("run etika validate");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}:\n{err}");
        assert!(!err.contains("panicked"), "{name}:\n{err}");
        let shown = err.replace(&pack.path().display().to_string(), "PACK");
        insta::assert_snapshot!(format!("validate_error_{name}"), shown);
    }
}
