//! What a new edition changes, laid out: a table for the terminal, Markdown for a handout.

use std::fmt::Write as _;

use super::Style;
use super::markdown::esc;
use super::text::wrap;
use crate::view::{ChangeKind, DiffView};
use crate::vocab::Lang;

fn heading(v: &DiffView) -> (String, String) {
    let side = |s: &crate::view::DiffSide| {
        let layers: Vec<String> = s
            .layers
            .iter()
            .map(|l| format!("{} {}", l.id, l.edition))
            .collect();
        format!("{} ({})", layers.join(" + "), s.origin)
    };
    (side(&v.old), side(&v.new))
}

fn change_word(lang: Lang, c: ChangeKind) -> &'static str {
    match c {
        ChangeKind::Added => lang.pick("ditambah", "added"),
        ChangeKind::Removed => lang.pick("dihapus", "removed"),
        ChangeKind::Changed => lang.pick("diubah", "changed"),
    }
}

/// A long value cut for a table cell; the JSON keeps it whole.
fn cut(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    if out.is_empty() { "—".into() } else { out }
}

pub fn diff_table(v: &DiffView, style: &Style) -> String {
    let lang = v.lang;
    let width = style.width as usize;
    let (old, new) = heading(v);
    let mut out = String::new();
    out.push_str(&style.bold(&wrap(&format!("etika diff · {old} → {new}"), width, "  ")));
    out.push('\n');
    if v.is_empty() {
        style.para(
            &mut out,
            lang.pick("Tidak ada perbedaan.", "No differences."),
        );
        return out;
    }
    let n = |c: ChangeKind| v.items.iter().filter(|i| i.change == c).count();
    style.para(
        &mut out,
        &match lang {
            Lang::En => format!(
                "{} added, {} removed, {} changed",
                n(ChangeKind::Added),
                n(ChangeKind::Removed),
                n(ChangeKind::Changed)
            ),
            Lang::Id => format!(
                "{} ditambah, {} dihapus, {} diubah",
                n(ChangeKind::Added),
                n(ChangeKind::Removed),
                n(ChangeKind::Changed)
            ),
        },
    );
    let limit = width.max(60);
    if !v.items.is_empty() {
        style.section(&mut out, lang.pick("Isi paket", "Items"));
        let mut t = style.table(&[
            lang.pick("jenis", "kind"),
            "id",
            lang.pick("perubahan", "change"),
        ]);
        for i in &v.items {
            let mark = if i.binding { "⚑ " } else { "" };
            let mut what = format!("{} · {mark}{}", change_word(lang, i.change), i.title);
            for f in &i.fields {
                let _ = write!(
                    what,
                    "\n{}: {} → {}",
                    f.field,
                    cut(&f.old, limit),
                    cut(&f.new, limit)
                );
            }
            if style.narrow() {
                t.add_row(style.cells([format!("{} `{}`\n{what}", i.kind.word(lang), i.id)]));
            } else {
                t.add_row(style.cells([i.kind.word(lang), &i.id, &what]));
            }
        }
        out.push_str(&format!("{t}\n"));
    }
    if !v.pack.is_empty() {
        style.section(&mut out, lang.pick("Paket", "Pack"));
        for f in &v.pack {
            out.push_str(&wrap(
                &format!("{}: {} → {}", f.field, f.old, f.new),
                width,
                "    ",
            ));
            out.push('\n');
        }
    }
    if let Some(c) = &v.case {
        style.section(
            &mut out,
            &format!("{} {}", lang.pick("Kasus", "Case"), c.file),
        );
        if c.lines.is_empty() {
            style.para(
                &mut out,
                lang.pick(
                    "Saran untuk kasus ini tidak berubah.",
                    "The advice for this case does not change.",
                ),
            );
        }
        for line in &c.lines {
            out.push_str(&wrap(line, width, "    "));
            out.push('\n');
        }
    }
    out
}

pub fn diff_markdown(v: &DiffView) -> String {
    let lang = v.lang;
    let (old, new) = heading(v);
    let mut out = String::new();
    let _ = writeln!(out, "# etika diff\n\n{} → {}\n", esc(&old), esc(&new));
    if v.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Tidak ada perbedaan.", "No differences.")
        );
        return out;
    }
    for change in [ChangeKind::Added, ChangeKind::Removed, ChangeKind::Changed] {
        let items: Vec<_> = v.items.iter().filter(|i| i.change == change).collect();
        if items.is_empty() {
            continue;
        }
        let title = change_word(lang, change);
        let _ = writeln!(out, "## {}{}\n", title[..1].to_uppercase(), &title[1..]);
        for i in items {
            let mark = if i.binding { "⚑ " } else { "" };
            let _ = writeln!(
                out,
                "- {} `{}`: {mark}{}",
                i.kind.word(lang),
                i.id,
                esc(&i.title)
            );
            for f in &i.fields {
                let _ = writeln!(
                    out,
                    "  - {}: {} → {}",
                    esc(&f.field),
                    esc(&f.old),
                    esc(&f.new)
                );
            }
        }
        out.push('\n');
    }
    if !v.pack.is_empty() {
        let _ = writeln!(out, "## {}\n", lang.pick("Paket", "Pack"));
        for f in &v.pack {
            let _ = writeln!(
                out,
                "- {}: {} → {}",
                esc(&f.field),
                esc(&f.old),
                esc(&f.new)
            );
        }
        out.push('\n');
    }
    if let Some(c) = &v.case {
        let _ = writeln!(
            out,
            "## {} `{}`\n",
            lang.pick("Kasus", "Case"),
            esc(&c.file)
        );
        if c.lines.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "Saran untuk kasus ini tidak berubah.",
                    "The advice for this case does not change."
                )
            );
        }
        for line in &c.lines {
            let _ = writeln!(out, "- {}", esc(line));
        }
        out.push('\n');
    }
    out
}
