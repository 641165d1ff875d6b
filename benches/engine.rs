//! Speed of the work behind every command: reading the embedded pack, loading and validating
//! it from its files, deciding, and rendering. Whole-process figures are in `benches/process.sh`.
//! Run with `cargo bench`.

use etika::api::{Answers, Depth, Diagnostics, Lang, Value, load_files};

fn main() {
    divan::main();
}

/// What `assess` does before asking anything: the checked pack, read from the binary.
#[divan::bench]
fn read_embedded_pack() -> usize {
    let pack =
        etika::api::embedded_pack(false, Some(Lang::En)).expect("the embedded pack is valid");
    pack.obligations.len()
}

/// What `validate` does: every file parsed and checked, reachability included.
#[divan::bench]
fn load_and_validate_embedded_files() -> usize {
    let loaded = load_files(
        "embedded",
        divan::black_box(etika::api::embedded_files()),
        Depth::Full,
        Diagnostics::new(),
    );
    assert!(loaded.pack.is_some());
    loaded.diagnostics.warnings()
}

fn threat_answers() -> Answers {
    [
        ("decision", Value::Many(vec!["disclose".into()])),
        (
            "situation",
            Value::Many(vec!["harm_to_others".into(), "child_at_risk".into()]),
        ),
        ("worker_service", Value::One("ngo".into())),
        ("client_age", Value::One("adult".into())),
        ("harm_risk", Value::Yes(true)),
        ("at_risk", Value::Many(vec!["other_adult".into()])),
        ("rule_in_play", Value::One("none".into())),
        ("harm_from", Value::Many(vec!["client".into()])),
        ("danger_now", Value::Yes(false)),
        ("client_has_access_to_victim", Value::Yes(true)),
        ("intended_harm", Value::Unsure),
        ("harm_imminent", Value::Yes(true)),
        ("client_wants_secrecy", Value::Yes(true)),
        ("limits_explained", Value::Yes(false)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[divan::bench]
fn decide_with_an_unsure_answer(bencher: divan::Bencher) {
    let pack = etika::api::embedded_pack(false, None).unwrap();
    let answers = threat_answers();
    bencher.bench(|| etika::api::decide(&pack, divan::black_box(&answers)));
}

#[divan::bench]
fn decide_and_render_json(bencher: divan::Bencher) {
    let pack = etika::api::embedded_pack(false, None).unwrap();
    let answers = threat_answers();
    bencher.bench(|| {
        let d = etika::api::decide(&pack, &answers);
        let r = etika::api::report(&pack, &d, Lang::En, None, None);
        etika::api::to_json(&r)
    });
}
