//! Renderers: a report view laid out as a table for the terminal, a Markdown case note, or
//! JSON. They look nothing up; everything they show is in the view.

mod brief;
mod diff;
mod feedback;
mod html;
mod markdown;
mod table;
mod text;

pub use brief::to_brief;
pub use diff::{diff_markdown, diff_table};
pub use feedback::{feedback_markdown, feedback_table, grade_table};
pub use html::to_html;
pub use markdown::to_markdown;
pub use table::to_table;
pub use text::{Style, wrap};

use crate::view::Report;

/// Output formats of `assess` and `practice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
    /// A self-contained page that prints well (assess reports only)
    Html,
}

impl Format {
    /// The format a file name asks for by its extension: `.md`, `.json`, `.html`, `.txt`.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Table),
            _ => None,
        }
    }
}

/// Any view as pretty JSON, with a final newline. A character that must not reach a terminal
/// as it is (a C1 control, a mark that reorders text: serde_json writes them raw) is written
/// as a JSON escape (`\u202e`), so the JSON stays valid when printed and decodes to the same
/// text.
pub fn to_json<T: serde::Serialize>(view: &T) -> String {
    let s = serde_json::to_string_pretty(view).expect("views serialise");
    let mut out = if s.chars().any(crate::vocab::unsafe_char) {
        // Outside strings JSON is ASCII, so every such character is inside one; each is in
        // the Basic Multilingual Plane, so one `\uXXXX` is the whole of it.
        use std::fmt::Write as _;
        let mut out = String::with_capacity(s.len() + 16);
        for c in s.chars() {
            if crate::vocab::unsafe_char(c) {
                let _ = write!(out, "\\u{:04x}", c as u32);
            } else {
                out.push(c);
            }
        }
        out
    } else {
        s
    };
    out.push('\n');
    out
}

/// Render a report in the chosen format. The table is the minute-long read unless `full`
/// asks for everything; the other formats always hold everything.
pub fn render(format: Format, report: &Report, style: &Style, full: bool) -> String {
    match format {
        Format::Table if full => style.finish(to_table(report, style)),
        Format::Table => style.finish(to_brief(report, style)),
        Format::Markdown => to_markdown(report),
        Format::Json => to_json(report),
        Format::Html => to_html(report),
    }
}
