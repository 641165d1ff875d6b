//! The rule pack: its model, loading from a folder or from the copy embedded in the binary,
//! and validation with located diagnostics.

mod load;
pub mod model;
mod reach;
pub use reach::satisfiable;
mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub(crate) use load::explain_toml_error;
pub use load::{SourceFile, embedded_files, read_dir};
pub use model::*;

use crate::diagnostic::Diagnostic;

/// A loaded pack. It is whole only when `Loaded::errors` is empty.
#[derive(Debug, Clone, Default)]
pub struct Pack {
    /// Where the pack came from, as shown to the user (`embedded` or a folder).
    pub origin: String,
    pub files: Vec<SourceFile>,
    pub meta: Option<Meta>,
    pub principles: Vec<Principle>,
    pub questions: Vec<Question>,
    pub actions: Vec<Action>,
    pub obligations: Vec<Obligation>,
    pub tensions: Vec<Tension>,
    pub cases: Vec<Case>,
    index: Index,
    /// Kinds with an entry that failed to parse: references to them may be false alarms.
    pub(crate) incomplete: Vec<&'static str>,
}

#[derive(Debug, Clone, Default)]
struct Index {
    principles: HashMap<String, usize>,
    questions: HashMap<String, usize>,
    actions: HashMap<String, usize>,
    obligations: HashMap<String, usize>,
    tensions: HashMap<String, usize>,
    cases: HashMap<String, usize>,
}

/// The result of loading: the pack and every problem found in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub pack: Pack,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// Render every diagnostic, each with its snippet.
    pub fn render(&self, only_errors: bool) -> String {
        self.diagnostics
            .iter()
            .filter(|d| !only_errors || d.is_error())
            .map(|d| d.render(self.pack.file_text(&d.file)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Where to load a pack from.
#[derive(Debug, Clone)]
pub enum PackSource {
    Embedded,
    Dir(PathBuf),
}

impl PackSource {
    pub fn load(&self) -> std::io::Result<Loaded> {
        match self {
            PackSource::Embedded => Ok(load_files("embedded", embedded_files())),
            PackSource::Dir(dir) => Ok(load_files(&dir.display().to_string(), read_dir(dir)?)),
        }
    }
}

/// Parse and validate a pack from its files.
pub fn load_files(origin: &str, files: Vec<SourceFile>) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut pack = load::parse(files, &mut diagnostics);
    pack.origin = origin.to_string();
    pack.build_index();
    validate::validate(&mut pack, &mut diagnostics);
    Loaded { pack, diagnostics }
}

/// Load the pack in a folder.
pub fn load_dir(dir: &Path) -> std::io::Result<Loaded> {
    PackSource::Dir(dir.to_path_buf()).load()
}

impl Pack {
    fn build_index(&mut self) {
        fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            let mut map = HashMap::new();
            for (i, item) in items.iter().enumerate() {
                map.entry(id(item).to_string()).or_insert(i);
            }
            map
        }
        self.index = Index {
            principles: index(&self.principles, |p| p.id.get_ref()),
            questions: index(&self.questions, |q| q.id.get_ref()),
            actions: index(&self.actions, |a| a.id.get_ref()),
            obligations: index(&self.obligations, |o| o.id.get_ref()),
            tensions: index(&self.tensions, |t| t.id.get_ref()),
            cases: index(&self.cases, |c| c.id.get_ref()),
        };
    }

    pub fn meta(&self) -> &Meta {
        self.meta
            .as_ref()
            .expect("a pack without errors has pack.toml")
    }

    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.index.principles.get(id).map(|&i| &self.principles[i])
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index.questions.get(id).map(|&i| &self.questions[i])
    }

    pub fn question_position(&self, id: &str) -> Option<usize> {
        self.index.questions.get(id).copied()
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.index.actions.get(id).map(|&i| &self.actions[i])
    }

    pub fn obligation(&self, id: &str) -> Option<&Obligation> {
        self.index
            .obligations
            .get(id)
            .map(|&i| &self.obligations[i])
    }

    pub fn tension(&self, id: &str) -> Option<&Tension> {
        self.index.tensions.get(id).map(|&i| &self.tensions[i])
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.index.cases.get(id).map(|&i| &self.cases[i])
    }

    /// Position of a principle in the ranking (0 is highest), if it is ranked.
    pub fn rank(&self, principle: &str) -> Option<usize> {
        self.meta
            .as_ref()?
            .ranking
            .order
            .iter()
            .position(|p| p.get_ref() == principle)
    }

    /// The text of a file by its shown name, or "" when unknown.
    pub fn file_text(&self, name: &str) -> &str {
        self.files
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.text.as_str())
            .unwrap_or("")
    }

    /// Every id in the pack, with its kind, for `show` and suggestions.
    pub fn all_ids(&self) -> Vec<(&'static str, &str)> {
        let mut out: Vec<(&'static str, &str)> = Vec::new();
        out.extend(
            self.principles
                .iter()
                .map(|p| ("principle", p.id.get_ref().as_str())),
        );
        out.extend(
            self.questions
                .iter()
                .map(|p| ("question", p.id.get_ref().as_str())),
        );
        out.extend(
            self.obligations
                .iter()
                .map(|p| ("obligation", p.id.get_ref().as_str())),
        );
        out.extend(
            self.tensions
                .iter()
                .map(|p| ("tension", p.id.get_ref().as_str())),
        );
        out.extend(
            self.actions
                .iter()
                .map(|p| ("action", p.id.get_ref().as_str())),
        );
        out.extend(self.cases.iter().map(|p| ("case", p.id.get_ref().as_str())));
        out
    }
}

/// Robustness: no input makes loading, validating or reading answers panic.
/// `PROPTEST_CASES=N cargo test fuzz` runs more inputs.
#[cfg(test)]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// The number of inputs: `PROPTEST_CASES` when set, else a default small enough for CI.
    fn cases(default: u32) -> u32 {
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    fn embedded_pack() -> Pack {
        let loaded = load_files("embedded", embedded_files());
        assert!(!loaded.has_errors(), "{}", loaded.render(true));
        loaded.pack
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
            let loaded = load_files("fuzz", files);
            let _ = loaded.render(false);
            if !loaded.has_errors() {
                // A pack that still loads must still decide.
                let _ = crate::engine::decide(&loaded.pack, &Default::default());
            }
        }

        #[test]
        fn arbitrary_pack_file_never_panics(rel in prop::sample::select(vec!["pack.toml", "principles.toml", "questions.toml", "actions.toml", "tensions.toml", "obligations/x.toml", "cases/x.toml"]), text in "\\PC{0,400}") {
            let mut files = embedded_files();
            files.retain(|f| f.rel != rel);
            files.push(SourceFile { name: rel.to_string(), rel: rel.to_string(), text });
            let loaded = load_files("fuzz", files);
            let _ = loaded.render(false);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

        #[test]
        fn answers_files_never_panic(text in "\\PC{0,300}") {
            let pack = embedded_pack();
            if let Err(diags) = crate::answers::parse(&pack, "a.toml", &text) {
                for d in diags {
                    let _ = d.render(&text);
                }
            }
        }

        #[test]
        fn mutated_answers_files_never_panic(edits in prop::collection::vec(edit(), 1..5)) {
            let pack = embedded_pack();
            let valid = "[pack]\nid = \"kode_etik_peksos_id\"\nedition = \"2026.1\"\n\n[answers]\nclient_age = \"adult\"\nsituation = [\"harm_to_others\", \"records\"]\nharm_risk = true\nharm_target = \"identifiable_person\"\nharm_imminent = true\n";
            let text = apply(valid, &edits);
            match crate::answers::parse(&pack, "a.toml", &text) {
                Ok(f) => {
                    let d = crate::engine::decide(&pack, &f.answers);
                    let _ = crate::report::to_json(&pack, &d, crate::text::Lang::En);
                }
                Err(diags) => {
                    prop_assert!(diags.iter().any(|d| d.is_error()));
                    for d in diags {
                        let _ = d.render(&text);
                    }
                }
            }
        }
    }
}
