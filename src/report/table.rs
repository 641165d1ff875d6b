//! The report for a person at a terminal: short paragraphs and comfy-table tables that fit
//! the width. Below 72 columns the tables fold into one column so nothing is cut.

use comfy_table::{Cell, ContentArrangement, Table, presets};

use super::{Style, how_settled, prevails_name, principle_name, titles, why_lines};
use crate::engine::Decision;
use crate::i18n::{consult_level, phase, words};
use crate::pack::Pack;

const NARROW: u16 = 72;

fn new_table(style: &Style) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty()
        .set_width(style.width);
    t
}

fn para(out: &mut String, text: &str, style: &Style) {
    out.push_str(&textwrap::fill(text, style.width.max(20) as usize));
    out.push('\n');
}

fn section(out: &mut String, title: &str, style: &Style) {
    out.push('\n');
    let text = textwrap::fill(&format!("■ {}", title.to_uppercase()), style.width as usize);
    out.push_str(&style.heading(&text));
    out.push('\n');
}

pub fn to_table(pack: &Pack, d: &Decision, style: &Style) -> String {
    let lang = style.lang;
    let w = words(lang);
    let meta = pack.meta();
    let narrow = style.width < NARROW;
    let mut out = String::new();

    let title = textwrap::fill(&format!("etika · {}", w.report_title), style.width as usize);
    out.push_str(&style.bold(&title));
    out.push('\n');
    para(
        &mut out,
        &format!("{} ({} {})", meta.name.get(lang), w.edition, meta.edition),
        style,
    );

    // Binding duties first: they are not balanced away.
    section(&mut out, w.binding, style);
    let binding: Vec<_> = d.binding().collect();
    if binding.is_empty() {
        para(&mut out, w.binding_none, style);
    } else {
        para(&mut out, w.binding_note, style);
        let mut t = new_table(style);
        for f in &binding {
            let o = pack.obligation(&f.id).expect("fired obligations exist");
            t.add_row(vec![Cell::new(format!(
                "{}\n{}\n{}: {}",
                // No colour inside cells: the table measures escape codes as text.
                o.title.get(lang),
                o.text.get(lang),
                w.source,
                o.source.get(lang)
            ))]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    section(&mut out, w.obligations, style);
    if d.obligations.is_empty() {
        para(&mut out, w.obligations_none, style);
    } else {
        let mut t = new_table(style);
        if !narrow {
            t.set_header(vec!["#", w.obligation, w.source, w.why]);
        }
        for (i, f) in d.obligations.iter().enumerate() {
            let o = pack.obligation(&f.id).expect("fired obligations exist");
            let mut title = o.title.get(lang).to_string();
            if f.binding {
                title = format!("{title} ⚑");
            }
            let why = why_lines(pack, d, &f.why, lang).join("\n");
            if narrow {
                t.add_row(vec![Cell::new(format!(
                    "{}. {}\n{}: {}\n{}:\n{}",
                    i + 1,
                    title,
                    w.source,
                    o.source.get(lang),
                    w.why,
                    why
                ))]);
            } else {
                t.add_row(vec![
                    Cell::new(i + 1),
                    Cell::new(title),
                    Cell::new(o.source.get(lang)),
                    Cell::new(why),
                ]);
            }
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    section(&mut out, w.tensions, style);
    if d.tensions.is_empty() {
        para(&mut out, w.tensions_none, style);
    } else {
        let mut t = new_table(style);
        if !narrow {
            t.set_header(vec![w.tension, w.prevails, ""]);
        }
        for a in &d.tensions {
            let tension = pack.tension(&a.id).expect("active tensions exist");
            let prevails = prevails_name(pack, a, lang);
            let how = how_settled(pack, a, lang);
            let pair = format!(
                "{}\n({} ↔ {})",
                tension.title.get(lang),
                principle_name(pack, &a.principles[0], lang),
                principle_name(pack, &a.principles[1], lang)
            );
            if narrow {
                t.add_row(vec![Cell::new(format!(
                    "{pair}\n{}: {prevails}\n{how}\n{}",
                    w.prevails,
                    tension.explanation.get(lang)
                ))]);
            } else {
                t.add_row(vec![
                    Cell::new(pair),
                    Cell::new(prevails),
                    Cell::new(format!("{how}\n{}", tension.explanation.get(lang))),
                ]);
            }
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if let Some(note) = &meta.ranking.note {
            para(&mut out, note.get(lang), style);
        }
    }

    section(&mut out, w.consult, style);
    para(&mut out, consult_level(lang, d.consult.level), style);
    if !d.consult.because.is_empty() {
        para(
            &mut out,
            &format!("({} {})", w.because, titles(pack, &d.consult.because, lang)),
            style,
        );
    }

    section(&mut out, w.course, style);
    if d.course.is_empty() {
        para(&mut out, w.course_none, style);
    } else {
        let mut t = new_table(style);
        if !narrow {
            t.set_header(vec!["#", w.phase, w.step]);
        }
        for (i, s) in d.course.iter().enumerate() {
            let a = pack.action(&s.action).expect("course actions exist");
            if narrow {
                t.add_row(vec![Cell::new(format!(
                    "{}. [{}] {}",
                    i + 1,
                    phase(lang, s.phase),
                    a.text.get(lang)
                ))]);
            } else {
                t.add_row(vec![
                    Cell::new(i + 1),
                    Cell::new(phase(lang, s.phase)),
                    Cell::new(a.text.get(lang)),
                ]);
            }
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }

    out.push('\n');
    para(
        &mut out,
        &format!("{}: {}", w.disclaimer, meta.disclaimer.get(lang)),
        style,
    );
    out
}
