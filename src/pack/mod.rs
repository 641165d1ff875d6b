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
