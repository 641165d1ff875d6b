//! Practice feedback for a student, and the grade table for an instructor.

use std::fmt::Write as _;

use super::markdown::esc;

use super::Style;
use super::text::wrap;
use crate::view::{FeedbackView, GradeRowView};
use crate::vocab::Lang;

/// Headings and phrases shared by the table and Markdown feedback.
struct Phrase(&'static str, &'static str);

impl Phrase {
    fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.0, self.1)
    }
}

const TITLE: Phrase = Phrase("Umpan balik latihan", "Practice feedback");
const ALL_MATCH: Phrase = Phrase(
    "Semua jawaban Anda sama dengan bacaan model.",
    "All your answers match the model reading.",
);
const DIFFERED: Phrase = Phrase(
    "Jawaban yang berbeda dari model",
    "Where your reading differed",
);
const MISSED: Phrase = Phrase("Kewajiban yang terlewat", "Obligations you missed");
const ADDED: Phrase = Phrase(
    "Kewajiban yang tidak ada pada model",
    "Obligations the model does not have",
);
const T_MISSED: Phrase = Phrase("Ketegangan yang terlewat", "Tensions you missed");
const T_ADDED: Phrase = Phrase("Ketegangan tambahan", "Tensions the model does not have");
const COURSE: Phrase = Phrase("Langkah yang Anda pilih", "The course you chose");
const DEBRIEF: Phrase = Phrase("Pembahasan", "Debrief");
const NO_COURSE: Phrase = Phrase(
    "(Anda tidak memilih langkah.)",
    "(You chose no course of action.)",
);

fn course_mark(chosen: bool, model: bool, lang: Lang) -> &'static str {
    match (chosen, model) {
        (true, true) => lang.pick(
            "✔ Pilihan Anda, dan pilihan model",
            "✔ Your choice, and the model's",
        ),
        (true, false) => lang.pick("✘ Pilihan Anda", "✘ Your choice"),
        _ => lang.pick("Pilihan model", "The model's choice"),
    }
}

pub fn feedback_table(f: &FeedbackView, style: &Style) -> String {
    let lang = style.lang;
    let w = style.width as usize;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.bold(&wrap(
            &format!("etika · {}: {}", TITLE.get(lang), f.title),
            w,
            ""
        ))
    );
    let _ = writeln!(out, "\n{}", style.heading(&f.score_line));
    style.para(&mut out, &f.score_rule);

    style.section(&mut out, DIFFERED.get(lang));
    if f.differences.is_empty() {
        style.para(&mut out, ALL_MATCH.get(lang));
    } else {
        let mut t = style.table(&[
            lang.pick("Pertanyaan", "Question"),
            lang.pick("Anda", "You"),
            "Model",
            lang.pick("Akibatnya", "What it changed"),
        ]);
        for d in &f.differences {
            let changed = d.change.lines.join("\n");
            if style.narrow() {
                t.add_row(style.cells([format!(
                    "{}\n{}: {}\nModel: {}\n{changed}",
                    d.prompt,
                    lang.pick("Anda", "You"),
                    d.student_text,
                    d.model_text
                )]));
            } else {
                t.add_row(style.cells([
                    d.prompt.as_str(),
                    &d.student_text,
                    &d.model_text,
                    &changed,
                ]));
            }
        }
        let _ = writeln!(out, "{t}");
    }

    for (title, items) in [
        (MISSED.get(lang), &f.missed_items),
        (ADDED.get(lang), &f.added_items),
        (T_MISSED.get(lang), &f.tensions_missed_items),
        (T_ADDED.get(lang), &f.tensions_added_items),
    ] {
        if items.is_empty() {
            continue;
        }
        style.section(&mut out, title);
        for i in items {
            let line = match &i.source {
                Some(s) => format!("- {} ({s})", i.title),
                None => format!("- {}", i.title),
            };
            let _ = writeln!(out, "{}", wrap(&line, w, "  "));
        }
    }

    if f.course_model.is_some() {
        style.section(&mut out, COURSE.get(lang));
        for c in f.courses.iter().filter(|c| c.chosen || c.model) {
            let mark = course_mark(c.chosen, c.model, lang);
            let _ = writeln!(out, "{}", wrap(&format!("{mark}: {}", c.text), w, ""));
            let _ = writeln!(out, "  {}", wrap(&c.feedback, w.saturating_sub(2), "  "));
        }
        if f.course_chosen.is_none() {
            let _ = writeln!(out, "{}", NO_COURSE.get(lang));
        }
    }

    style.section(&mut out, DEBRIEF.get(lang));
    for para in f.debrief.split("\n\n") {
        let _ = writeln!(out, "{}\n", wrap(para.trim(), w, ""));
    }
    out
}

pub fn feedback_markdown(f: &FeedbackView, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", TITLE.get(lang), esc(&f.title));
    let _ = writeln!(out, "**{}**\n", esc(&f.score_line));
    let _ = writeln!(out, "*{}*\n", esc(&f.score_rule));
    let _ = writeln!(out, "## {}\n", DIFFERED.get(lang));
    if f.differences.is_empty() {
        let _ = writeln!(out, "{}\n", ALL_MATCH.get(lang));
    }
    for d in &f.differences {
        let _ = writeln!(
            out,
            "- **{}** {}: {}; model: {}. {}",
            esc(&d.prompt),
            lang.pick("Anda", "You"),
            esc(&d.student_text),
            esc(&d.model_text),
            esc(&d.change.lines.join("; "))
        );
    }
    out.push('\n');
    for (title, items) in [
        (MISSED.get(lang), &f.missed_items),
        (ADDED.get(lang), &f.added_items),
        (T_MISSED.get(lang), &f.tensions_missed_items),
        (T_ADDED.get(lang), &f.tensions_added_items),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {title}\n");
        for i in items {
            match &i.source {
                Some(s) => {
                    let _ = writeln!(out, "- {} ({})", esc(&i.title), esc(s));
                }
                None => {
                    let _ = writeln!(out, "- {}", esc(&i.title));
                }
            }
        }
        out.push('\n');
    }
    if f.course_model.is_some() {
        let _ = writeln!(out, "## {}\n", COURSE.get(lang));
        for c in f.courses.iter().filter(|c| c.chosen || c.model) {
            let _ = writeln!(
                out,
                "- **{}**: {} {}",
                course_mark(c.chosen, c.model, lang),
                esc(&c.text),
                esc(&c.feedback)
            );
        }
        if f.course_chosen.is_none() {
            let _ = writeln!(out, "- {}", NO_COURSE.get(lang));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", DEBRIEF.get(lang));
    for para in f.debrief.split("\n\n") {
        let _ = writeln!(out, "{}\n", esc(para.trim()));
    }
    out
}

pub fn grade_table(rows: &[GradeRowView], style: &Style) -> String {
    let lang = style.lang;
    let mut t = style.table(&[
        lang.pick("Berkas", "File"),
        lang.pick("Nilai", "Score"),
        lang.pick("Yang terlewat", "Main misses"),
    ]);
    for r in rows {
        let (score, misses) = match (&r.score, &r.error) {
            (Some((s, m)), _) => (
                format!("{s} / {m}"),
                if r.misses.is_empty() {
                    "—".to_string()
                } else {
                    r.misses.join("\n")
                },
            ),
            (None, e) => (
                lang.pick("galat", "error").to_string(),
                e.clone().unwrap_or_default(),
            ),
        };
        t.add_row(style.cells([r.file.as_str(), &score, &misses]));
    }
    format!(
        "{t}\n{}\n",
        wrap(&crate::view::score_rule(lang), style.width as usize, "")
    )
}
