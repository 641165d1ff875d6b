//! Located problems in rule files and answers files, and their rustc-style rendering.
//!
//! The library reports problems as data; this is the one place that turns them into text.

use std::fmt::Write as _;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, in one file, at one place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user knows it (`rules/questions.toml`, `answers.toml`).
    pub file: String,
    /// Byte range in the file; `None` when the problem is with the file as a whole.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(
        file: &str,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, file, text, span, message)
    }

    pub fn warning(
        file: &str,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, file, text, span, message)
    }

    fn new(
        severity: Severity,
        file: &str,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        let span = span.map(|s| clamp(s, text));
        let (line, column) = match &span {
            Some(s) => {
                let (l, c) = line_col(text, s.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        Diagnostic {
            severity,
            file: file.to_string(),
            span,
            line,
            column,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col`, or the file alone.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            _ => self.file.clone(),
        }
    }

    /// Render as rustc does: the message, the location, the line with a caret, the help.
    /// `text` is the file's contents (pass "" when it is not at hand).
    pub fn render(&self, text: &str) -> String {
        let mut out = String::new();
        let word = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{word}: {}", self.message);
        let gutter = self.line.map(|l| l.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad}--> {}", self.location());
        if let (Some(span), Some(line_no)) = (&self.span, self.line)
            && let Some(line) = text.lines().nth(line_no - 1)
        {
            let line_start = line_start(text, span.start);
            let col_chars = text[line_start..span.start].chars().count();
            let end = span.end.min(line_start + line.len()).max(span.start);
            let width = text[span.start..end].chars().count().max(1);
            let shown = line.replace('\t', " ");
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line_no} | {shown}");
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(col_chars),
                "^".repeat(width)
            );
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{pad} = help: {help}");
        }
        out
    }
}

fn clamp(span: Range<usize>, text: &str) -> Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(span.start);
    let end = fix(span.end).max(start);
    start..end
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[line_start(text, offset)..offset].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_and_draws_a_caret() {
        let text = "a = 1\nwhen = \"harm_riks\"\n";
        let start = text.find("harm_riks").unwrap();
        let d = Diagnostic::error(
            "rules/x.toml",
            text,
            Some(start..start + 9),
            "unknown question `harm_riks`",
        )
        .with_help("did you mean `harm_risk`?");
        assert_eq!(d.location(), "rules/x.toml:2:9");
        let shown = d.render(text);
        assert!(
            shown.contains("error: unknown question `harm_riks`"),
            "{shown}"
        );
        assert!(shown.contains("--> rules/x.toml:2:9"), "{shown}");
        assert!(shown.contains("2 | when = \"harm_riks\""), "{shown}");
        assert!(shown.contains("  |         ^^^^^^^^^"), "{shown}");
        assert!(
            shown.contains("= help: did you mean `harm_risk`?"),
            "{shown}"
        );
    }

    #[test]
    fn spans_past_the_end_are_clamped() {
        let d = Diagnostic::error("f", "ab", Some(10..20), "x");
        assert_eq!(d.location(), "f:1:3");
        let _ = d.render("ab");
    }
}
