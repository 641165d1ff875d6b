//! How to draw for a person: language, width, colour; and the pieces every text layout uses.

use comfy_table::{ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle, presets};

use crate::vocab::Lang;

/// How to draw for a person.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    pub width: u16,
    pub color: bool,
}

/// Below this width, tables fold into one column so nothing is cut.
pub const NARROW: u16 = 72;

impl Style {
    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn heading(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1;36m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn narrow(&self) -> bool {
        self.width < NARROW
    }

    /// A table that fits the width; `header` is left out in narrow layouts.
    pub fn table(&self, header: &[&str]) -> Table {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty()
            .set_width(self.width);
        if !self.narrow() && !header.is_empty() {
            t.set_header(header.to_vec());
        }
        t
    }

    /// A table without a frame, for lists in a report: a rule under the header and a thin
    /// line between columns, so every column is as wide as it can be.
    pub fn list_table(&self, header: &[&str]) -> Table {
        const LIST: TableStyle = TableStyle::new()
            .header_lines(ContentLineStyle::none().junction('│'))
            .header_separator(LineStyle::none().fill('─').junction('┼'))
            .content_lines(ContentLineStyle::none().junction('│'));
        let mut t = Table::new();
        t.load_style(LIST)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty()
            .set_width(self.width);
        if !header.is_empty() {
            t.set_header(header.to_vec());
        }
        t
    }

    /// A paragraph wrapped to the width, with a final newline.
    pub fn para(&self, out: &mut String, text: &str) {
        out.push_str(&wrap(text, self.width as usize, ""));
        out.push('\n');
    }

    /// A section heading: a blank line, then `■ TITLE`.
    pub fn section(&self, out: &mut String, title: &str) {
        out.push('\n');
        let text = wrap(
            &format!("■ {}", title.to_uppercase()),
            self.width as usize,
            "",
        );
        out.push_str(&self.heading(&text));
        out.push('\n');
    }
}

/// Wrap at word boundaries to `width` columns, continuing lines with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let opts = textwrap::Options::new(width.max(20)).subsequent_indent(indent);
    textwrap::fill(text, opts)
}
