//! Speed of the work behind every command: loading and validating the embedded pack, and
//! deciding. DESIGN asks that the pack load in well under 10 ms and that a non-interactive
//! `assess` cost little more than starting a process. Run with `cargo bench`.

use etika::answers::{Answers, Value};
use etika::pack::{embedded_files, load_files};

fn main() {
    divan::main();
}

#[divan::bench]
fn load_and_validate_embedded_pack() -> usize {
    let loaded = load_files("embedded", divan::black_box(embedded_files()));
    assert!(!loaded.has_errors());
    loaded.pack.obligations.len()
}

fn threat_answers() -> Answers {
    [
        ("client_age", Value::One("adult".into())),
        (
            "situation",
            Value::Many(vec!["harm_to_others".into(), "child_at_risk".into()]),
        ),
        ("harm_risk", Value::Yes(true)),
        ("harm_target", Value::One("identifiable_person".into())),
        ("harm_imminent", Value::Yes(true)),
        ("client_wants_secrecy", Value::Yes(true)),
        ("limits_explained", Value::Yes(false)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[divan::bench]
fn decide(bencher: divan::Bencher) {
    let pack = load_files("embedded", embedded_files()).pack;
    let answers = threat_answers();
    bencher.bench(|| etika::engine::decide(&pack, divan::black_box(&answers)));
}

#[divan::bench]
fn decide_and_render_json(bencher: divan::Bencher) {
    let pack = load_files("embedded", embedded_files()).pack;
    let answers = threat_answers();
    bencher.bench(|| {
        let d = etika::engine::decide(&pack, &answers);
        etika::report::to_json(&pack, &d, etika::text::Lang::En).to_string()
    });
}
