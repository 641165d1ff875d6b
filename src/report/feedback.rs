//! Practice feedback for a student, and the grade table for an instructor.

use std::fmt::Write as _;

use comfy_table::{Cell, ContentArrangement, Table, presets};
use serde_json::{Value, json};

use super::{Style, title_of, titles};
use crate::answers::describe_answer;
use crate::pack::{Case, Pack};
use crate::practice::{COURSE_POINTS, Feedback};
use crate::text::Lang;

/// Headings and phrases shared by the table and Markdown feedback.
struct Phrase(&'static str, &'static str);

impl Phrase {
    fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.0, self.1)
    }
}

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

fn table(style: &Style) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty()
        .set_width(style.width);
    t
}

fn answer_text(pack: &Pack, q: &str, v: Option<&crate::answers::Value>, lang: Lang) -> String {
    match (pack.question(q), v) {
        (Some(question), Some(v)) => describe_answer(question, v, lang),
        _ => lang.pick("(tidak ditanyakan)", "(not asked)").to_string(),
    }
}

/// "Score: 7 / 15  (answers 6/8, obligations 1/4, course 0/3)".
fn score_line(f: &Feedback, lang: Lang) -> String {
    let b = &f.breakdown;
    format!(
        "{}: {} / {}  ({} {}/{}, {} {}/{}, {} {}/{})",
        lang.pick("Nilai", "Score"),
        f.score,
        f.max,
        lang.pick("jawaban", "answers"),
        b.answers,
        b.answers_max,
        lang.pick("kewajiban", "obligations"),
        b.obligations,
        b.obligations_max,
        lang.pick("langkah", "course"),
        b.course,
        b.course_max
    )
}

/// How the score is made, in words.
pub fn score_rule(lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Satu poin untuk setiap jawaban yang sama dengan bacaan model; satu poin untuk setiap kewajiban model yang juga muncul dari jawaban Anda, dikurangi satu untuk setiap kewajiban tambahan yang tidak ada pada model (tidak pernah di bawah nol); dan {COURSE_POINTS} poin untuk memilih langkah model."
        ),
        Lang::En => format!(
            "One point for each answer that matches the model reading; one point for each obligation of the model that your answers also give, less one for each extra obligation the model does not have (never below zero); and {COURSE_POINTS} points for choosing the model course of action."
        ),
    }
}

fn change_words(pack: &Pack, d: &crate::practice::AnswerDiff, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !d.lost.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("hilang:", "loses:"),
            titles(pack, &d.lost, lang)
        ));
    }
    if !d.gained.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("menambah:", "adds:"),
            titles(pack, &d.gained, lang)
        ));
    }
    if !d.lost_actions.is_empty() && d.lost.is_empty() {
        parts.push(format!(
            "{} {}",
            lang.pick("langkah hilang:", "steps lost:"),
            d.lost_actions.len()
        ));
    }
    if parts.is_empty() {
        lang.pick(
            "tidak mengubah kewajiban",
            "does not change the obligations",
        )
        .to_string()
    } else {
        parts.join("\n")
    }
}

pub fn feedback_table(pack: &Pack, case: &Case, f: &Feedback, style: &Style) -> String {
    let lang = style.lang;
    let w = style.width as usize;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!(
            "etika · {}: {}",
            lang.pick("Umpan balik latihan", "Practice feedback"),
            case.title.get(lang)
        ))
    );
    let _ = writeln!(out, "\n{}", style.heading(&score_line(f, lang)));
    out.push_str(&textwrap::fill(&score_rule(lang), w));
    out.push('\n');

    let _ = writeln!(
        out,
        "\n{}",
        style.heading(&format!("■ {}", &DIFFERED.get(lang).to_uppercase()))
    );
    if f.differences.is_empty() {
        let _ = writeln!(out, "{}", ALL_MATCH.get(lang));
    } else {
        let mut t = table(style);
        t.set_header(vec![
            lang.pick("Pertanyaan", "Question"),
            lang.pick("Anda", "You"),
            "Model",
            lang.pick("Akibatnya", "What it changed"),
        ]);
        for d in &f.differences {
            let prompt = pack
                .question(&d.question)
                .map(|q| q.prompt.get(lang).to_string())
                .unwrap_or_default();
            t.add_row(vec![
                Cell::new(prompt),
                Cell::new(answer_text(pack, &d.question, d.student.as_ref(), lang)),
                Cell::new(answer_text(pack, &d.question, d.model.as_ref(), lang)),
                Cell::new(change_words(pack, d, lang)),
            ]);
        }
        let _ = writeln!(out, "{t}");
    }

    let list = |out: &mut String, title: &str, ids: &[String]| {
        let _ = writeln!(
            out,
            "\n{}",
            style.heading(&format!("■ {}", title.to_uppercase()))
        );
        for id in ids {
            let line = match pack.obligation(id) {
                Some(o) => format!("- {} ({})", o.title.get(lang), o.source.get(lang)),
                None => format!("- {}", title_of(pack, id, lang)),
            };
            let _ = writeln!(
                out,
                "{}",
                textwrap::fill(&line, textwrap::Options::new(w).subsequent_indent("  "))
            );
        }
    };
    if !f.missed.is_empty() {
        list(&mut out, MISSED.get(lang), &f.missed);
    }
    if !f.added.is_empty() {
        list(&mut out, ADDED.get(lang), &f.added);
    }
    if !f.tensions_missed.is_empty() {
        list(
            &mut out,
            lang.pick("Ketegangan yang terlewat", "Tensions you missed"),
            &f.tensions_missed,
        );
    }
    if !f.tensions_added.is_empty() {
        list(
            &mut out,
            lang.pick("Ketegangan tambahan", "Tensions the model does not have"),
            &f.tensions_added,
        );
    }

    if f.course_model.is_some() {
        let _ = writeln!(
            out,
            "\n{}",
            style.heading(&format!(
                "■ {}",
                lang.pick("LANGKAH YANG ANDA PILIH", "THE COURSE YOU CHOSE")
            ))
        );
        for c in &case.courses {
            let chosen = f.course_chosen.as_deref() == Some(c.id.get_ref().as_str());
            if !chosen && !c.model {
                continue;
            }
            let mark = match (chosen, c.model) {
                (true, true) => lang.pick(
                    "✔ Pilihan Anda, dan pilihan model",
                    "✔ Your choice, and the model's",
                ),
                (true, false) => lang.pick("✘ Pilihan Anda", "✘ Your choice"),
                _ => lang.pick("Pilihan model", "The model's choice"),
            };
            let _ = writeln!(
                out,
                "{}",
                textwrap::fill(&format!("{mark}: {}", c.text.get(lang)), w)
            );
            let _ = writeln!(
                out,
                "{}",
                textwrap::fill(
                    c.feedback.get(lang),
                    textwrap::Options::new(w)
                        .initial_indent("  ")
                        .subsequent_indent("  ")
                )
            );
        }
        if f.course_chosen.is_none() {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "(Anda tidak memilih langkah.)",
                    "(You chose no course of action.)"
                )
            );
        }
    }

    let _ = writeln!(
        out,
        "\n{}",
        style.heading(&format!("■ {}", lang.pick("PEMBAHASAN", "DEBRIEF")))
    );
    for para in case.debrief.get(lang).trim().split("\n\n") {
        let _ = writeln!(out, "{}\n", textwrap::fill(para.trim(), w));
    }
    out
}

pub fn feedback_markdown(pack: &Pack, case: &Case, f: &Feedback, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n",
        lang.pick("Umpan balik latihan", "Practice feedback"),
        case.title.get(lang)
    );
    let _ = writeln!(out, "**{}**\n", score_line(f, lang));
    let _ = writeln!(out, "_{}_\n", score_rule(lang));
    let _ = writeln!(out, "## {}\n", DIFFERED.get(lang));
    if f.differences.is_empty() {
        let _ = writeln!(out, "{}\n", ALL_MATCH.get(lang));
    }
    for d in &f.differences {
        let prompt = pack
            .question(&d.question)
            .map(|q| q.prompt.get(lang).to_string())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- **{prompt}** {}: {}; model: {}. {}",
            lang.pick("Anda", "You"),
            answer_text(pack, &d.question, d.student.as_ref(), lang),
            answer_text(pack, &d.question, d.model.as_ref(), lang),
            change_words(pack, d, lang).replace('\n', "; ")
        );
    }
    out.push('\n');
    for (title, ids) in [(MISSED.get(lang), &f.missed), (ADDED.get(lang), &f.added)] {
        if ids.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {title}\n");
        for id in ids {
            if let Some(o) = pack.obligation(id) {
                let _ = writeln!(out, "- {} ({})", o.title.get(lang), o.source.get(lang));
            }
        }
        out.push('\n');
    }
    if let Some(model) = &f.course_model {
        let _ = writeln!(
            out,
            "## {}\n",
            lang.pick("Langkah yang dipilih", "Course of action")
        );
        for c in &case.courses {
            let chosen = f.course_chosen.as_deref() == Some(c.id.get_ref().as_str());
            if chosen || c.id.get_ref() == model {
                let who = if chosen {
                    lang.pick("Pilihan Anda", "Your choice")
                } else {
                    lang.pick("Pilihan model", "The model's choice")
                };
                let _ = writeln!(
                    out,
                    "- **{who}**: {} {}",
                    c.text.get(lang),
                    c.feedback.get(lang)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        lang.pick("Pembahasan", "Debrief"),
        case.debrief.get(lang).trim()
    );
    out
}

pub fn feedback_json(
    pack: &Pack,
    case: &Case,
    f: &Feedback,
    file: Option<&str>,
    lang: Lang,
) -> Value {
    let mut v = serde_json::to_value(f).expect("feedback serialises");
    let obj = v.as_object_mut().expect("an object");
    obj.insert("title".into(), json!(case.title.get(lang)));
    obj.insert("debrief".into(), json!(case.debrief.get(lang)));
    obj.insert("score_rule".into(), json!(score_rule(lang)));
    obj.insert(
        "missed_titles".into(),
        json!(
            f.missed
                .iter()
                .map(|i| title_of(pack, i, lang))
                .collect::<Vec<_>>()
        ),
    );
    if let Some(file) = file {
        obj.insert("file".into(), json!(file));
    }
    v
}

/// One row per graded file.
pub struct GradeRow {
    pub file: String,
    pub result: Result<Feedback, String>,
}

pub fn grade_table(pack: &Pack, rows: &[GradeRow], style: &Style) -> String {
    let lang = style.lang;
    let mut t = table(style);
    t.set_header(vec![
        lang.pick("Berkas", "File"),
        lang.pick("Nilai", "Score"),
        lang.pick("Yang terlewat", "Main misses"),
    ]);
    for r in rows {
        match &r.result {
            Ok(f) => {
                let mut misses: Vec<String> = f
                    .missed
                    .iter()
                    .take(3)
                    .map(|i| title_of(pack, i, lang))
                    .collect();
                if f.missed.len() > 3 {
                    misses.push(format!("(+{})", f.missed.len() - 3));
                }
                if f.course_model.is_some() && f.course_chosen != f.course_model {
                    misses.push(
                        lang.pick("langkah model tidak dipilih", "model course not chosen")
                            .to_string(),
                    );
                }
                if misses.is_empty() {
                    misses.push("—".into());
                }
                t.add_row(vec![
                    Cell::new(&r.file),
                    Cell::new(format!("{} / {}", f.score, f.max)),
                    Cell::new(misses.join("\n")),
                ]);
            }
            Err(e) => {
                t.add_row(vec![
                    Cell::new(&r.file),
                    Cell::new(lang.pick("galat", "error")),
                    Cell::new(e),
                ]);
            }
        }
    }
    format!(
        "{t}\n{}\n",
        textwrap::fill(&score_rule(lang), style.width as usize)
    )
}
