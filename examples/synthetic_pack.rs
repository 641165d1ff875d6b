//! Write a synthetic rule pack with N obligations, for measuring how etika grows with a pack's
//! size: `cargo run --release --example synthetic_pack -- 10000 /tmp/pack10k`. The pack is
//! valid and shaped like a real one, only larger: a hundred yes/no questions (every fifth
//! may be answered "not sure"), eight principles, forty actions, N obligations (each applies
//! when three questions are answered yes, so about one in eight applies, and calls for three
//! actions), N/100 tensions, and no cases.

use std::fmt::Write as _;
use std::path::Path;

const QUESTIONS: usize = 100;

fn text(s: &str) -> String {
    format!("{{ id = \"{s} (id)\", en = \"{s}\" }}")
}

pub fn write_pack(dir: &Path, n: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("obligations"))?;
    let principles: Vec<String> = (0..8).map(|i| format!("p{i}")).collect();
    std::fs::write(
        dir.join("pack.toml"),
        format!(
            "id = \"synthetic\"\nname = {}\nedition = \"1\"\neffective = \"2026-01-02\"\nlanguages = [\"id\", \"en\"]\ndisclaimer = {}\n\n[frame]\nsteps = [\"a0\"]\n\n[ranking]\norder = [{}]\nsource = {}\n",
            text("Synthetic pack"),
            text("Advice only"),
            principles
                .iter()
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(", "),
            text("A screen"),
        ),
    )?;
    let mut s = String::new();
    for p in &principles {
        let _ = write!(
            s,
            "[[principle]]\nid = \"{p}\"\nname = {}\ndescription = {}\nsource = \"synthetic\"\n\n",
            text(p),
            text(p)
        );
    }
    std::fs::write(dir.join("principles.toml"), s)?;
    let mut s = String::new();
    for q in 0..QUESTIONS {
        let _ = write!(
            s,
            "[[question]]\nid = \"q{q}\"\nkind = \"yes_no\"\nprompt = {}\nhelp = {}\n{}\n",
            text(&format!("Question {q}?")),
            text("Why it is asked"),
            if q % 5 == 4 { "unsure = true\n" } else { "" }
        );
    }
    std::fs::write(dir.join("questions.toml"), s)?;
    let phases = [
        "safety", "assess", "inform", "consult", "act", "document", "monitor",
    ];
    let mut s = String::new();
    for a in 0..40 {
        let _ = write!(
            s,
            "[[action]]\nid = \"a{a}\"\nphase = \"{}\"\ntext = {}\n{}\n",
            phases[a % phases.len()],
            text(&format!(
                "Step {a}: do the thing this step says, in words a worker can act on"
            )),
            if a % 10 == 9 {
                format!("when = \"not q{}\"\n", a % QUESTIONS)
            } else {
                String::new()
            }
        );
    }
    std::fs::write(dir.join("actions.toml"), s)?;
    let per_file = 1000;
    for f in 0..n.div_ceil(per_file) {
        let mut s = String::new();
        for o in f * per_file..((f + 1) * per_file).min(n) {
            let _ = write!(
                s,
                "[[obligation]]\nid = \"o{o}\"\ntitle = {}\ntext = {}\nsource = \"Synthetic law, topic {o}\"\nprinciples = [\"p{}\"]\nwhen = \"q{} and q{} and q{}\"\nbinding = {}\nactions = [\"a{}\", \"a{}\", \"a{}\"]\nconsult = \"{}\"\n\n",
                text(&format!("Obligation {o}")),
                text("What the duty asks, in our own words, at about the length of a real one."),
                o % 8,
                o % QUESTIONS,
                (o / 3 + 1) % QUESTIONS,
                (o / 7 + 2) % QUESTIONS,
                o % 7 == 0,
                o % 40,
                (o + 13) % 40,
                (o + 27) % 40,
                ["none", "supervisor", "case_conference"][o % 3]
            );
        }
        std::fs::write(dir.join(format!("obligations/part{f:03}.toml")), s)?;
    }
    let mut s = String::new();
    for t in 0..(n / 100).max(1) {
        let _ = write!(
            s,
            "[[tension]]\nid = \"t{t}\"\ntitle = {}\nprinciples = [\"p{}\", \"p{}\"]\nwhen = \"q{} and q{}\"\nexplanation = {}\nactions = [\"a{}\"]\n\n",
            text(&format!("Tension {t}")),
            t % 8,
            (t + 1) % 8,
            t % QUESTIONS,
            (t + 3) % QUESTIONS,
            text("Why these pull apart"),
            t % 40
        );
    }
    std::fs::write(dir.join("tensions.toml"), s)?;
    Ok(())
}

/// Answers that make many obligations apply, with one unsure.
pub fn answers() -> String {
    let mut s = String::from("[answers]\n");
    for q in 0..QUESTIONS {
        // Half yes; of every fifth question, one in four not known yet.
        let v = if q % 20 == 4 {
            "\"unsure\"".to_string()
        } else {
            (q % 2 == 0).to_string()
        };
        let _ = writeln!(s, "q{q} = {v}");
    }
    s
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (args.get(1).and_then(|n| n.parse().ok()), args.get(2)) else {
        eprintln!("usage: synthetic_pack N DIR");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    write_pack(dir, n).expect("write the pack");
    std::fs::write(dir.join("answers.toml"), answers()).expect("write the answers");
    println!("wrote {n} obligations to {}", dir.display());
}
