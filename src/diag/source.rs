//! A file as the user knows it, with a line table built once, so locating any offset costs a
//! binary search, never a scan.

use std::ops::Range;
use std::sync::OnceLock;

/// One file of a pack, or an answers file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in messages: `rules/questions.toml`, or the path given by the user.
    pub name: String,
    /// The path within the pack, with `/`: `questions.toml`, `obligations/clients.toml`.
    pub rel: String,
    pub text: String,
    /// The layer of a layered pack this file belongs to (its pack id), shown with every
    /// problem in it; `None` for a pack read alone.
    pub layer: Option<String>,
    lines: OnceLock<Vec<usize>>,
}

impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.rel == other.rel && self.text == other.text
    }
}

impl SourceFile {
    pub fn new(name: impl Into<String>, rel: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            rel: rel.into(),
            text: text.into(),
            layer: None,
            lines: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            let mut v = vec![0];
            v.extend(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            v
        })
    }

    /// A byte offset moved back onto a character boundary within the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut i = offset.min(self.text.len());
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let starts = self.line_starts();
        let start = starts.get(line - 1).copied().unwrap_or(self.text.len());
        let mut end = starts
            .get(line)
            .map(|e| e - 1)
            .unwrap_or(self.text.len())
            .max(start);
        if self.text[start..end].ends_with('\r') {
            end -= 1;
        }
        start..end
    }
}
