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

/// Any view as pretty JSON, with a final newline.
pub fn to_json<T: serde::Serialize>(view: &T) -> String {
    let mut s = serde_json::to_string_pretty(view).expect("views serialise");
    s.push('\n');
    s
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
