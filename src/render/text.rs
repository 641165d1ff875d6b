//! How to draw for a person: language, width, colour; and the pieces every text layout uses.

use comfy_table::{
    Cell, ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle, presets,
};

use crate::vocab::Lang;

/// How to draw for a person.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    pub width: u16,
    pub color: bool,
    /// Tables and marks in ASCII, for a terminal that cannot show more.
    pub ascii: bool,
}

/// Below this width, tables fold into one column so nothing is cut.
pub const NARROW: u16 = 72;

impl Style {
    fn paint(&self, style: anstyle::Style, s: &str) -> String {
        if self.color {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    }

    pub fn bold(&self, s: &str) -> String {
        self.paint(anstyle::Style::new().bold(), s)
    }

    pub fn heading(&self, s: &str) -> String {
        let cyan = anstyle::AnsiColor::Cyan.on_default().bold();
        self.paint(cyan, s)
    }

    /// The text as this style draws it: folded to ASCII when asked.
    pub fn finish(&self, text: String) -> String {
        if self.ascii { ascii(&text) } else { text }
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

    /// Table cells from texts, each made safe for the table to wrap (see `breakable`).
    pub fn cells<S: AsRef<str>>(&self, texts: impl IntoIterator<Item = S>) -> Vec<Cell> {
        texts
            .into_iter()
            .map(|t| Cell::new(breakable(t.as_ref(), self.width as usize)))
            .collect()
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
    crate::words::fill(text, width.max(20), "", indent)
}

/// `text` with every word wider than `width` columns cut into lines of at most `width`
/// columns. Such a word is cut by any table anyway; cutting it here first, in one pass, keeps
/// the table's own cutting (which grows with the square of a word's length) to short pieces,
/// so a table is drawn in time linear in its text, whatever the text.
pub fn breakable(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(8);
    let cols = |c: char| c.width().unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let push_word = |word: &mut String, out: &mut String| {
        if word.chars().map(cols).sum::<usize>() <= width {
            out.push_str(word);
        } else {
            let mut piece = 0;
            for c in word.chars() {
                if piece + cols(c) > width && piece > 0 {
                    out.push('\n');
                    piece = 0;
                }
                out.push(c);
                piece += cols(c);
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            push_word(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    push_word(&mut word, &mut out);
    out
}

/// `text` without the asides in brackets that only give examples or say how to answer (" (a
/// relative, a neighbour, …)", " (choose all that apply)"), for the short report; an aside
/// that qualifies ("(within days)", "(often the client)") stays. An aside is an example list
/// when it holds a comma. The text itself if nothing would be left.
pub fn without_asides(text: &str) -> String {
    const HOW_TO_ANSWER: [&str; 2] = ["choose all that apply", "pilih semua yang sesuai"];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let aside = &rest[open + 1..open + len];
        out.push_str(&rest[..open]);
        if !(aside.contains(',') || HOW_TO_ANSWER.contains(&aside) || aside.contains('(')) {
            out.push_str(&rest[open..=open + len]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    // The space left before a removed aside, or before the mark that followed it.
    let mut out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for mark in [",", "?", ".", ";", ":"] {
        out = out.replace(&format!(" {mark}"), mark);
    }
    if out.trim().is_empty() {
        text.to_string()
    } else {
        out.trim().to_string()
    }
}

/// Text with box drawing and marks replaced by ASCII, one character for one, so that tables
/// laid out for the Unicode characters keep their columns. Other characters are kept.
pub fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '─' | '━' | '═' | '╌' | '┄' | '╍' | '—' | '–' | '‐' => '-',
            '│' | '┃' | '║' | '┆' | '┊' => '|',
            '\u{2500}'..='\u{257f}' => '+',
            '⚑' => '!',
            '■' | '▪' => '#',
            '→' | '⇒' | '›' => '>',
            '←' | '‹' => '<',
            '↔' => '/',
            '✔' | '✓' => '+',
            '✘' | '✗' | '×' => 'x',
            '·' | '•' | '●' => '*',
            '…' => '.',
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_keeps_every_line_as_wide() {
        let t = "┌──┬─┐\n│⚑ │→│\n╞══╪═╡\n└──┴─┘ “a” — b… · ■ ↔ ●";
        let a = super::ascii(t);
        assert!(a.is_ascii(), "{a}");
        for (x, y) in t.lines().zip(a.lines()) {
            assert_eq!(x.chars().count(), y.chars().count());
        }
        assert_eq!(super::ascii("Bahasa é"), "Bahasa é");
    }

    #[test]
    fn breakable_cuts_only_words_wider_than_the_width() {
        use super::breakable;
        assert_eq!(breakable("a short text\nkept", 10), "a short text\nkept");
        assert_eq!(breakable("ab abcdefghijkl c", 8), "ab abcdefgh\nijkl c");
        // Wide characters count two columns each.
        assert_eq!(breakable("日本語日本語", 8), "日本語日\n本語");
        let long = "x".repeat(100_000);
        let cut = breakable(&long, 40);
        assert_eq!(cut.lines().count(), 2500);
        assert!(cut.lines().all(|l| l.len() == 40));
    }

    #[test]
    fn asides_in_brackets_are_left_out_and_nothing_else() {
        use super::without_asides;
        assert_eq!(
            without_asides("What is going on? (choose all that apply)"),
            "What is going on?"
        );
        assert_eq!(
            without_asides("A tie (a relative, a gift), Decide who (limited) receives help"),
            "A tie, Decide who (limited) receives help"
        );
        assert_eq!(
            without_asides("Could the harm happen soon (within days)?"),
            "Could the harm happen soon (within days)?"
        );
        assert_eq!(
            without_asides("Will they lose you (you leave, you are moved)?"),
            "Will they lose you?"
        );
        assert_eq!(without_asides("(a, b)"), "(a, b)");
        assert_eq!(without_asides("unbalanced (a, b"), "unbalanced (a, b");
    }
}
