//! Rendering diagnostics as rustc does: the message, the location, the line with a caret, the
//! help. Everything taken from a file is shown with its control characters made visible, so
//! no file can send escape sequences to the terminal.

use std::fmt::Write as _;

use super::{Diagnostic, Diagnostics, Severity};
use crate::vocab::Lang;

/// Colours for the parts of a diagnostic, as rustc uses them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    fn wrap(&self, style: anstyle::Style, s: &str) -> String {
        if self.on {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    }
}

/// rustc's colours: errors bold red, warnings bold yellow, the gutter bold bright blue, the
/// message bold.
fn bold(c: anstyle::AnsiColor) -> anstyle::Style {
    c.on_default().bold()
}

/// A line of text with every control character and every mark that reorders text
/// (bidirectional overrides and isolates) shown as an escape (`\n`, `\u{1b}`, `\u{202e}`), so
/// it stays one line, cannot drive the terminal and reads as it is written.
pub fn clean_inline(s: &str) -> String {
    let bad = |c: char| c.is_control() || crate::vocab::unsafe_char(c);
    if !s.chars().any(bad) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if bad(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Quoted text longer than this many characters is cut in messages.
const QUOTE: usize = 120;
/// A message longer than this many characters is cut at the end.
const MESSAGE: usize = 2000;

/// A message with each backticked part longer than `QUOTE` characters cut to its start and
/// end around `…`, and the whole cut at `MESSAGE` characters: a message quotes what a file
/// says, and a file may say a megabyte in one id.
pub fn clip_quoted(s: &str) -> String {
    let long = s.split('`').skip(1).step_by(2).any(|q| q.len() > QUOTE);
    if !long && s.len() <= MESSAGE {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len().min(MESSAGE + 8));
    for (i, part) in s.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        let count = part.chars().count();
        if i % 2 == 1 && count > QUOTE {
            out.extend(part.chars().take(QUOTE / 2));
            out.push('…');
            out.extend(part.chars().skip(count - QUOTE / 6));
        } else {
            out.push_str(part);
        }
    }
    if out.chars().count() > MESSAGE {
        out = out.chars().take(MESSAGE).collect();
        out.push('…');
    }
    out
}

impl Diagnostic {
    /// Render one diagnostic.
    pub fn render(&self, lang: Lang, paint: Paint) -> String {
        let mut out = String::new();
        let (word, code) = match (self.severity(), lang) {
            (Severity::Error, Lang::En) => ("error", bold(anstyle::AnsiColor::Red)),
            (Severity::Error, Lang::Id) => ("galat", bold(anstyle::AnsiColor::Red)),
            (Severity::Warning, Lang::En) => ("warning", bold(anstyle::AnsiColor::Yellow)),
            (Severity::Warning, Lang::Id) => ("peringatan", bold(anstyle::AnsiColor::Yellow)),
        };
        let _ = writeln!(
            out,
            "{}: {}",
            paint.wrap(code, word),
            paint.wrap(
                anstyle::Style::new().bold(),
                &clean_inline(&self.kind.message(lang))
            )
        );
        let gutter = self
            .place
            .as_ref()
            .map(|p| p.line.to_string().len())
            .unwrap_or(1);
        let pad = " ".repeat(gutter);
        let blue = |s: &str| paint.wrap(bold(anstyle::AnsiColor::BrightBlue), s);
        let layer = match &self.layer {
            Some(l) => format!(" ({} `{}`)", lang.pick("lapisan", "layer"), clean_inline(l)),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "{pad}{} {}{layer}",
            blue("-->"),
            clean_inline(&self.location())
        );
        if let Some(p) = &self.place {
            let _ = writeln!(out, "{pad} {}", blue("|"));
            let _ = writeln!(
                out,
                "{} {} {}",
                blue(&p.line.to_string()),
                blue("|"),
                p.snippet
            );
            let _ = writeln!(
                out,
                "{pad} {} {}{}",
                blue("|"),
                " ".repeat(p.caret.0),
                paint.wrap(code, &"^".repeat(p.caret.1))
            );
        }
        if let Some(help) = self.kind.help(lang) {
            let _ = writeln!(
                out,
                "{pad} {} {}",
                blue("="),
                clean_inline(&format!("{}: {help}", lang.pick("bantuan", "help")))
            );
        }
        out
    }
}

/// Lines of "and N more like this" shown; past them, one line sums up the rest, so a pack of
/// ten thousand broken files still gives a short report.
const MORE_LINES: usize = 20;

/// Render every kept diagnostic (errors only, or all), then a line for each kind of problem
/// that was found more often than shown.
pub fn render_all(d: &Diagnostics, only_errors: bool, lang: Lang, color: bool) -> String {
    let paint = Paint { on: color };
    let mut parts: Vec<String> = d
        .iter()
        .filter(|x| !only_errors || x.is_error())
        .map(|x| x.render(lang, paint))
        .collect();
    let word = |error: bool| match (error, lang) {
        (true, Lang::En) => "error",
        (true, Lang::Id) => "galat",
        (false, Lang::En) => "warning",
        (false, Lang::Id) => "peringatan",
    };
    let mut rest = (0usize, std::collections::BTreeSet::new(), false);
    for (i, (file, code, error, n)) in d
        .unshown()
        .filter(|(_, _, error, _)| !only_errors || *error)
        .enumerate()
    {
        if i >= MORE_LINES {
            rest.0 += n;
            rest.1.insert(file);
            rest.2 |= error;
            continue;
        }
        let kind = word(error);
        let file = clip_quoted(&format!("`{}`", clean_inline(file)));
        parts.push(match lang {
            Lang::En => format!("{kind}: and {n} more like this ({code}) in {file}\n"),
            Lang::Id => format!("{kind}: dan {n} lagi yang serupa ({code}) di {file}\n"),
        });
    }
    let (n, files, error) = rest;
    if n > 0 {
        let kind = word(error);
        let m = files.len();
        parts.push(match lang {
            Lang::En => format!(
                "{kind}: and {n} more problems in {m} file{}\n",
                if m == 1 { "" } else { "s" }
            ),
            Lang::Id => format!("{kind}: dan {n} masalah lain di {m} berkas\n"),
        });
    }
    parts.join("\n")
}
