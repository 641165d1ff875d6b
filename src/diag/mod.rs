//! Located problems in rule files and answers files, and the one place that renders them.
//!
//! A diagnostic is a typed kind (its words live in `kind.rs`, in both languages), a file and
//! a place. The place keeps only a window of the offending line, cut around the span, so a
//! diagnostic costs the same on a 40-column line as on a 4-megabyte one. `Diagnostics` keeps
//! at most so many per file and in all, and counts the rest by kind.

mod kind;
mod render;
mod source;

use std::collections::BTreeMap;
use std::ops::Range;

pub use kind::{DiagKind, Field, NotAFile};
pub use render::{clean_inline, clip_quoted, render_all};
pub use source::SourceFile;

use crate::vocab::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file: line and column (1-based, columns in characters) and the part of the
/// line around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    /// The shown part of the line, control characters made visible.
    snippet: String,
    /// Where the caret starts in `snippet` and how long it is, in characters.
    caret: (usize, usize),
}

/// Characters of a line shown around the span; longer lines are cut with `…`.
const WINDOW: usize = 100;

impl Place {
    fn new(file: &SourceFile, span: Range<usize>) -> Place {
        let start = file.clamp(span.start);
        let end = file.clamp(span.end).max(start);
        let (line, column) = file.line_col(start);
        let range = file.line_range(line);
        let text = &file.text[range.clone()];
        let col0 = column - 1;
        let end_in_line = end.min(range.end).max(start);
        let width = file.text[start..end_in_line].chars().count().max(1);
        let total = text.chars().count();
        // A window of the line that holds the span's start.
        let (from, to) = if total <= WINDOW {
            (0, total)
        } else {
            let from = col0
                .saturating_sub(WINDOW / 3)
                .min(total.saturating_sub(WINDOW));
            (from, (from + WINDOW).min(total))
        };
        let mut snippet = String::new();
        if from > 0 {
            snippet.push('…');
        }
        snippet.extend(text.chars().skip(from).take(to - from).map(visible));
        if to < total {
            snippet.push('…');
        }
        let caret_at = col0 - from + usize::from(from > 0);
        let caret_len = width.min(to.saturating_sub(col0)).max(1);
        Place {
            line,
            column,
            snippet,
            caret: (caret_at, caret_len),
        }
    }
}

/// One character of a snippet: control characters and marks that reorder text become one
/// visible mark, so the caret still lines up and the line reads as it is written.
fn visible(c: char) -> char {
    match c {
        '\t' => ' ',
        c if c.is_control() || crate::vocab::unsafe_char(c) => '�',
        c => c,
    }
}

/// One problem, in one file, at one place (or the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// The layer the file belongs to, in a layered pack.
    pub layer: Option<String>,
    pub place: Option<Place>,
    pub kind: DiagKind,
}

impl Diagnostic {
    pub fn new(file: &SourceFile, span: Option<Range<usize>>, kind: DiagKind) -> Diagnostic {
        Diagnostic {
            file: file.name.clone(),
            layer: file.layer.clone(),
            place: span.map(|s| Place::new(file, s)),
            kind,
        }
    }

    /// A problem with a file that could not be read, so there is no text to point into.
    pub fn whole(file: &str, kind: DiagKind) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            layer: None,
            place: None,
            kind,
        }
    }

    pub fn severity(&self) -> Severity {
        if self.kind.is_warning() {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// `file:line:col`, or the file alone.
    pub fn location(&self) -> String {
        match &self.place {
            Some(p) => format!("{}:{}:{}", self.file, p.line, p.column),
            None => self.file.clone(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }

    /// As JSON, for editors and CI.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "severity": self.severity(),
            "code": self.kind.code(),
            "file": self.file,
            "layer": self.layer,
            "line": self.place.as_ref().map(|p| p.line),
            "column": self.place.as_ref().map(|p| p.column),
            "message": self.kind.message(lang),
            "help": self.kind.help(lang),
        })
    }
}

/// The most diagnostics kept for one file, and in all; the rest are counted.
pub const PER_FILE: usize = 50;
pub const TOTAL: usize = 200;

/// The diagnostics of one run: every problem found, up to the limits, and a count of the rest
/// by file and kind.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    per_file: BTreeMap<String, usize>,
    /// (file, kind code, is error) → how many more were found but not kept.
    more: BTreeMap<(String, &'static str, bool), usize>,
}

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// True when another diagnostic for this file would only be counted, so a caller can skip
    /// the work of building it (a "did you mean" over a long list, say).
    pub fn full(&self, file: &str) -> bool {
        self.list.len() >= TOTAL || self.per_file.get(file).is_some_and(|&n| n >= PER_FILE)
    }

    /// How many more diagnostics for this file would be kept.
    pub fn room(&self, file: &str) -> usize {
        let in_file = self.per_file.get(file).copied().unwrap_or(0);
        TOTAL
            .saturating_sub(self.list.len())
            .min(PER_FILE.saturating_sub(in_file))
    }

    pub fn push(&mut self, d: Diagnostic) {
        if self.full(&d.file) {
            *self
                .more
                .entry((d.file.clone(), d.kind.code(), d.is_error()))
                .or_default() += 1;
            return;
        }
        *self.per_file.entry(d.file.clone()).or_default() += 1;
        self.list.push(d);
    }

    /// Count one more problem of a kind without building it.
    pub fn count(&mut self, file: &str, code: &'static str, error: bool) {
        *self
            .more
            .entry((file.to_string(), code, error))
            .or_default() += 1;
    }

    pub fn add(&mut self, file: &SourceFile, span: Option<Range<usize>>, kind: DiagKind) {
        if self.full(&file.name) {
            let error = !kind.is_warning();
            self.count(&file.name, kind.code(), error);
            return;
        }
        self.push(Diagnostic::new(file, span, kind));
    }

    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.list {
            self.push(d);
        }
        for (k, n) in other.more {
            *self.more.entry(k).or_default() += n;
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.ordered().into_iter()
    }

    /// The problems file by file, the files in the order they were first met, and within a
    /// file in the order of its lines (a problem with the whole file first); problems at one
    /// place keep the order they were found in.
    fn ordered(&self) -> Vec<&Diagnostic> {
        let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for d in &self.list {
            let n = first.len();
            first.entry(d.file.as_str()).or_insert(n);
        }
        let mut all: Vec<&Diagnostic> = self.list.iter().collect();
        all.sort_by_key(|d| {
            let at = d.place.as_ref().map(|p| (p.line, p.column));
            (first[d.file.as_str()], at)
        });
        all
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty() && self.more.is_empty()
    }

    pub fn errors(&self) -> usize {
        self.list.iter().filter(|d| d.is_error()).count()
            + self
                .more
                .iter()
                .filter(|((_, _, e), _)| *e)
                .map(|(_, n)| n)
                .sum::<usize>()
    }

    pub fn warnings(&self) -> usize {
        self.list.iter().filter(|d| !d.is_error()).count()
            + self
                .more
                .iter()
                .filter(|((_, _, e), _)| !*e)
                .map(|(_, n)| n)
                .sum::<usize>()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// The counts of problems found but not shown: (file, kind code, is error, how many).
    pub fn unshown(&self) -> impl Iterator<Item = (&str, &'static str, bool, usize)> {
        self.more
            .iter()
            .map(|((f, c, e), n)| (f.as_str(), *c, *e, *n))
    }

    /// Keep only the errors.
    pub fn only_errors(&self) -> Diagnostics {
        Diagnostics {
            list: self.list.iter().filter(|d| d.is_error()).cloned().collect(),
            per_file: self.per_file.clone(),
            more: self
                .more
                .iter()
                .filter(|((_, _, e), _)| *e)
                .map(|(k, n)| (k.clone(), *n))
                .collect(),
        }
    }

    /// The first error, for a one-line summary.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.iter().find(|d| d.is_error())
    }
}

#[cfg(test)]
mod tests;
