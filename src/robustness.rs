//! Robustness: no input makes loading, validating or reading answers panic.
//! `PROPTEST_CASES=N cargo test --release --lib robustness` runs more inputs.

use proptest::prelude::*;

use crate::diag::{DiagKind, Diagnostics, SourceFile, render_all};
use crate::pack::{Depth, Loaded, Pack, load_files};
use crate::vocab::Lang;

/// The number of inputs: `PROPTEST_CASES` when set, else a default small enough for CI.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn embedded_files() -> Vec<SourceFile> {
    crate::embedded::files()
}

fn embedded_pack() -> Pack {
    crate::embedded::pack(false, None).expect("the embedded pack is valid")
}

fn load(files: Vec<SourceFile>) -> Loaded {
    load_files("fuzz", files, Depth::Full, Diagnostics::new())
}

/// Problems about a file as a whole, which have no line to name.
fn whole_file(kind: &DiagKind) -> bool {
    matches!(
        kind,
        DiagKind::NoPackToml
            | DiagKind::NotAFile(_)
            | DiagKind::Unreadable { .. }
            | DiagKind::TooLarge { .. }
            | DiagKind::OutsidePack { .. }
            | DiagKind::NoAnswersTable
    )
}

/// What every rejection must show: each error names its file and, unless it is about the
/// file as a whole, its line; and all of them, rendered, stay small.
fn well_told(d: &Diagnostics, input: usize) -> Result<(), TestCaseError> {
    for e in d.iter().filter(|e| e.is_error()) {
        prop_assert!(!e.file.is_empty(), "{e:?}");
        prop_assert!(e.place.is_some() || whole_file(&e.kind), "no line: {e:?}");
    }
    for lang in [Lang::En, Lang::Id] {
        let shown = render_all(d, false, lang, true);
        prop_assert!(
            shown.len() < 256 * 1024 + input,
            "{} bytes of diagnostics",
            shown.len()
        );
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, u8),
    Duplicate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (
            any::<usize>(),
            prop::sample::select(vec![
                "\"",
                "'",
                "[",
                "]",
                "{",
                "}",
                "=",
                "\n",
                "#",
                "\\",
                "and",
                "or (",
                "not",
                "==",
                "[[question]]",
                "[[obligation]]",
                "id = \"x\"",
                "é",
                "\u{0}",
                "'''",
                "\"\"\"",
            ])
            .prop_map(String::from)
        )
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::Replace(a, b)),
        (any::<usize>(), 1usize..400).prop_map(|(a, n)| Edit::Duplicate(a, n)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match e {
            Edit::Delete(a, n) => {
                let a = a % len;
                let b = (a + n).min(bytes.len());
                if a < b {
                    bytes.drain(a..b);
                }
            }
            Edit::Insert(a, s) => {
                let a = (a % len).min(bytes.len());
                bytes.splice(a..a, s.bytes());
            }
            Edit::Replace(a, b) => {
                if !bytes.is_empty() {
                    let a = a % bytes.len();
                    bytes[a] = *b;
                }
            }
            Edit::Duplicate(a, n) => {
                let a = a % len;
                let b = (a + n).min(bytes.len());
                if a < b {
                    let copy = bytes[a..b].to_vec();
                    bytes.splice(b..b, copy);
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    /// Mutate one file of the bundled pack; loading gives diagnostics, never a panic, and
    /// every diagnostic renders.
    #[test]
    fn mutated_pack_never_panics(file in any::<prop::sample::Index>(), edits in prop::collection::vec(edit(), 1..6)) {
        let mut files = embedded_files();
        let i = file.index(files.len());
        files[i].text = apply(&files[i].text, &edits);
        let size = files[i].text.len();
        let loaded = load(files);
        well_told(&loaded.diagnostics, size)?;
        if let Some(pack) = &loaded.pack {
            // A pack that still loads must still decide.
            let _ = crate::engine::decide(pack, &Default::default());
        }
    }

    #[test]
    fn arbitrary_pack_file_never_panics(rel in prop::sample::select(vec!["pack.toml", "principles.toml", "questions.toml", "actions.toml", "tensions.toml", "obligations/x.toml", "cases/x.toml"]), text in "\\PC{0,400}") {
        let mut files = embedded_files();
        files.retain(|f| f.rel != rel);
        files.push(SourceFile::new(rel, rel, text));
        let loaded = load(files);
        well_told(&loaded.diagnostics, 400)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn answers_files_never_panic(text in "\\PC{0,300}") {
        let pack = embedded_pack();
        if let Err(diags) = crate::answers::parse(&pack, &SourceFile::new("a.toml", "a.toml", text)) {
            well_told(&diags, 300)?;
        }
    }

    #[test]
    fn mutated_answers_files_never_panic(edits in prop::collection::vec(edit(), 1..5)) {
        let pack = embedded_pack();
        let valid = "[pack]\nid = \"kode_etik_peksos_id\"\nedition = \"2026.1\"\n\n[answers]\nclient_age = \"adult\"\nsituation = [\"harm_to_others\", \"records\"]\nharm_risk = true\nat_risk = [\"other_adult\"]\nclient_role = \"causing_harm\"\nharm_imminent = true\n";
        let text = apply(valid, &edits);
        match crate::answers::parse(&pack, &SourceFile::new("a.toml", "a.toml", text)) {
            Ok(f) => {
                let d = crate::engine::decide(&pack, &f.answers);
                let r = crate::view::report(&pack, &d, Lang::En, None, None);
                let _ = crate::render::to_json(&r);
            }
            Err(diags) => {
                prop_assert!(diags.has_errors());
                well_told(&diags, 4096)?;
            }
        }
    }
}
