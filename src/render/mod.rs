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
pub use feedback::{
    class_table, feedback_markdown, feedback_table, grade_csv, grade_markdown, grade_table,
};
pub use html::to_html;
pub use markdown::to_markdown;
pub use table::to_table;
pub use text::{Style, wrap};

use crate::view::{Report, StepView};
use crate::vocab::Lang;
use crate::words::words;

/// The marks of a case note and what each means.
pub(crate) fn legend(lang: Lang) -> [&'static str; 3] {
    let w = words(lang);
    [w.legend_decisive, w.legend_find_out, w.legend_binding]
}

/// The fields a supervisor and worker fill in at the end of a case note: a label, and how
/// many lines to leave for it.
pub(crate) fn sign_off(lang: Lang) -> (&'static str, [(&'static str, usize); 5]) {
    (
        lang.pick("Untuk diisi dalam supervisi", "To fill in at supervision"),
        [
            (lang.pick("Pekerja sosial", "Social worker"), 1),
            (lang.pick("Supervisor", "Supervisor"), 1),
            (lang.pick("Keputusan yang diambil", "Decision taken"), 3),
            (lang.pick("Tanggal", "Date"), 1),
            (lang.pick("Tanda tangan", "Signature"), 1),
        ],
    )
}

/// A step of the course as a case note lists it: what goes in brackets after its title
/// (its phase and weight; only the weight for a step to find out, whose title already says
/// so), and its text (without a second "Find out:").
pub(crate) fn step_parts(s: &StepView, lang: Lang) -> (String, &str) {
    let weight = s.weight.name(lang);
    if s.question.is_some() {
        let prefix = words(lang).find_out_prefix;
        let text = s
            .text
            .strip_prefix(prefix)
            .and_then(|t| t.strip_prefix(": "))
            .unwrap_or(&s.text);
        return (weight.to_string(), text);
    }
    (format!("{}, {weight}", s.phase_name), &s.text)
}

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

/// A report file etika cannot write, by its extension: a PDF. Its message and help, each in
/// both languages (Indonesian, English), for refusing `--out` before anything is asked; a
/// text report in a file named `.pdf` would not open as one.
/// Called by `assess`'s check of `--out`, before the first question.
pub fn refused_out(path: &std::path::Path) -> Option<((String, String), (String, String))> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext != "pdf" {
        return None;
    }
    let shown = crate::diag::clean_inline(&path.display().to_string());
    let html = path.with_extension("html");
    let html = crate::diag::clean_inline(&html.display().to_string());
    Some((
        (
            format!("etika tidak menulis PDF: `{shown}` tidak akan menjadi PDF"),
            format!("etika does not write PDF: `{shown}` would not be a PDF"),
        ),
        (
            format!(
                "tulis catatan kasus sebagai halaman dengan `--format html --out {html}`, buka di peramban, lalu cetak ke PDF (Ctrl+P, \"Simpan sebagai PDF\")"
            ),
            format!(
                "write the case note as a page with `--format html --out {html}`, open it in a browser and print it to PDF (Ctrl+P, \"Save as PDF\")"
            ),
        ),
    ))
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

#[cfg(test)]
mod tests {
    use super::refused_out;
    use std::path::Path;

    #[test]
    fn a_pdf_is_refused_naming_html_and_the_browsers_print() {
        let ((id, en), (help_id, help_en)) = refused_out(Path::new("note.PDF")).unwrap();
        assert!(
            en.contains("note.PDF") && id.contains("note.PDF"),
            "{en} / {id}"
        );
        assert!(
            help_en.contains("--format html --out note.html"),
            "{help_en}"
        );
        assert!(help_en.contains("print it to PDF"), "{help_en}");
        assert!(
            help_id.contains("--format html") && help_id.contains("cetak"),
            "{help_id}"
        );
        assert!(refused_out(Path::new("note.md")).is_none());
        assert!(refused_out(Path::new("note")).is_none());
    }
}
