//! Practice feedback for a student, and the grade table for an instructor.

use std::fmt::Write as _;

use super::markdown::esc;

use super::Style;
use super::text::wrap;
use crate::view::{ClassView, FeedbackView, GradeRowView};
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

const CLASS: Phrase = Phrase("Ringkasan kelas", "Class summary");

/// "12 of 20 as the model" and the most common other answer, for one question.
fn class_line(q: &crate::view::ClassQuestionView, lang: Lang) -> (String, String) {
    let right = match lang {
        Lang::En => format!("{} of {}", q.right, q.asked),
        Lang::Id => format!("{} dari {}", q.right, q.asked),
    };
    let wrong = match &q.common_wrong {
        Some((text, n)) => format!("{text} ({n})"),
        None => "—".to_string(),
    };
    (right, wrong)
}

fn course_line(c: &ClassView, lang: Lang) -> Option<String> {
    let n = c.course_right?;
    Some(match lang {
        Lang::En => format!("The model course: chosen by {n} of {}.", c.graded),
        Lang::Id => format!("Langkah model: dipilih {n} dari {}.", c.graded),
    })
}

/// The class summary as a table: per question, how many answered it as the model does, and
/// the most common other answer.
pub fn class_table(c: &ClassView, style: &Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    if c.graded == 0 {
        return out;
    }
    style.section(&mut out, CLASS.get(lang));
    let mut t = style.table(&[
        lang.pick("Pertanyaan", "Question"),
        lang.pick("Sama dengan model", "As the model"),
        lang.pick("Jawaban lain tersering", "Most common other answer"),
    ]);
    for q in &c.questions {
        let (right, wrong) = class_line(q, lang);
        t.add_row(style.cells([q.prompt.as_str(), &right, &wrong]));
    }
    let _ = writeln!(out, "{t}");
    if let Some(line) = course_line(c, lang) {
        let _ = writeln!(out, "{}", wrap(&line, style.width as usize, ""));
    }
    out
}

/// The grade table and class summary in Markdown (GFM tables).
pub fn grade_markdown(rows: &[GradeRowView], class: &ClassView, lang: Lang) -> String {
    let cell = |s: &str| esc(s);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n| {} | {} | {} |\n|---|---|---|",
        lang.pick("Nilai latihan", "Practice grades"),
        lang.pick("Berkas", "File"),
        lang.pick("Nilai", "Score"),
        lang.pick("Yang terlewat", "Main misses"),
    );
    for r in rows {
        let (score, misses) = score_and_misses(r, lang, &cell, "<br>");
        let _ = writeln!(out, "| {} | {score} | {misses} |", cell(&r.file));
    }
    let _ = writeln!(out, "\n*{}*\n", esc(&crate::view::score_rule(lang)));
    if class.graded > 0 {
        let _ = writeln!(
            out,
            "## {}\n\n| {} | {} | {} |\n|---|---|---|",
            CLASS.get(lang),
            lang.pick("Pertanyaan", "Question"),
            lang.pick("Sama dengan model", "As the model"),
            lang.pick("Jawaban lain tersering", "Most common other answer"),
        );
        for q in &class.questions {
            let (right, wrong) = class_line(q, lang);
            let _ = writeln!(out, "| {} | {right} | {} |", cell(&q.prompt), cell(&wrong));
        }
        if let Some(line) = course_line(class, lang) {
            let _ = writeln!(out, "\n{}", esc(&line));
        }
    }
    out
}

/// One field of CSV (RFC 4180): quoted when it holds a comma, a quote or a line break, its
/// quotes doubled. A field that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`
/// first) is quoted with a leading apostrophe inside, so opening the file runs nothing.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) || s.starts_with('\'') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The grades as CSV, one row per file: file, case, score, max, a column per question of the
/// model reading (1 when answered as the model does, 0 when not, empty where the file's case
/// does not ask it), the course chosen, and the error of a file that could not be graded.
/// Lines end with a line feed: etika cleans every carriage return out of what it prints.
pub fn grade_csv(rows: &[GradeRowView], questions: &[String]) -> String {
    let mut head: Vec<String> = ["file", "case", "score", "max"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    head.extend(questions.iter().cloned());
    head.push("course".into());
    head.push("error".into());
    let mut out = String::new();
    let line = |out: &mut String, fields: Vec<String>| {
        let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    };
    line(&mut out, head);
    for r in rows {
        let mut fields = vec![r.file.clone(), r.case.clone().unwrap_or_default()];
        match r.score {
            Some((s, m)) => fields.extend([s.to_string(), m.to_string()]),
            None => fields.extend([String::new(), String::new()]),
        }
        for q in questions {
            fields.push(match r.answers.iter().find(|(x, _)| x == q) {
                Some((_, true)) => "1".into(),
                Some((_, false)) => "0".into(),
                None => String::new(),
            });
        }
        fields.push(r.course.clone().unwrap_or_default());
        fields.push(r.error.clone().unwrap_or_default());
        line(&mut out, fields);
    }
    out
}

/// A graded file's score ("3 / 5", or "error") and its main misses (or the error), each text
/// made by `cell` and the misses joined by `join`.
fn score_and_misses(
    r: &GradeRowView,
    lang: Lang,
    cell: &dyn Fn(&str) -> String,
    join: &str,
) -> (String, String) {
    match (&r.score, &r.error) {
        (Some((s, m)), _) => (
            format!("{s} / {m}"),
            if r.misses.is_empty() {
                "—".to_string()
            } else {
                r.misses
                    .iter()
                    .map(|m| cell(m))
                    .collect::<Vec<_>>()
                    .join(join)
            },
        ),
        (None, e) => (
            lang.pick("galat", "error").to_string(),
            cell(e.as_deref().unwrap_or_default()),
        ),
    }
}

pub fn grade_table(rows: &[GradeRowView], style: &Style) -> String {
    let lang = style.lang;
    let mut t = style.table(&[
        lang.pick("Berkas", "File"),
        lang.pick("Nilai", "Score"),
        lang.pick("Yang terlewat", "Main misses"),
    ]);
    for r in rows {
        let (score, misses) = score_and_misses(r, lang, &|m: &str| m.to_string(), "\n");
        t.add_row(style.cells([r.file.as_str(), &score, &misses]));
    }
    format!(
        "{t}\n{}\n",
        wrap(&crate::view::score_rule(lang), style.width as usize, "")
    )
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(csv_field("a.toml"), "a.toml");
        assert_eq!(csv_field("a,b.toml"), "\"a,b.toml\"");
        assert_eq!(csv_field("say \"hi\".toml"), "\"say \"\"hi\"\".toml\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(""), "");
        // Never a formula in a spreadsheet.
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field("-x"), "\"'-x\"");
    }
}
