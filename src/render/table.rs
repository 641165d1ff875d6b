//! The report for a person at a terminal: "in short" first, then the situation, then short
//! sections. Wide, the lists are tables; below 72 columns they become hanging paragraphs, a
//! mark or number standing out to the left, so nothing is cut and no column is wasted.
//!
//! Each answer is written out once, under "the situation", with a letter; the reasons of an
//! obligation, tension or left-out step cite those letters, so a long answer is never repeated
//! row after row.

use std::collections::HashMap;

use super::Style;
use super::text::{without_asides, wrap};
use crate::view::{Report, WhyView};
use crate::vocab::Lang;
use crate::words::{Words, words};

/// A, B, …, Z, AA, AB, …
fn letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

/// The letters of the answers the report cites, by question id, in questionnaire order.
struct Letters(HashMap<String, String>);

impl Letters {
    fn new(r: &Report) -> Letters {
        let mut cited: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let whys = r
            .obligations
            .iter()
            .flat_map(|o| &o.why)
            .chain(r.tensions.iter().flat_map(|t| &t.why))
            .chain(r.left_out.iter().flat_map(|l| &l.why));
        cited.extend(whys.map(|w| w.question.as_str()));
        cited.extend(
            r.depends_on
                .iter()
                .flat_map(|p| p.hinges_on.iter().map(String::as_str)),
        );
        cited.extend(r.find_out.iter().map(|f| f.question.as_str()));
        Letters(
            r.situation
                .iter()
                .filter(|w| cited.contains(w.question.as_str()))
                .enumerate()
                .map(|(i, w)| (w.question.clone(), letter(i)))
                .collect(),
        )
    }

    fn of(&self, question: &str) -> Option<&str> {
        self.0.get(question).map(String::as_str)
    }

    /// The deciding answers as letters; one that is not in the situation is written out.
    fn cite(&self, why: &[WhyView]) -> String {
        why.iter()
            .map(|w| match self.0.get(&w.question) {
                Some(l) => l.clone(),
                None => format!("{} → {}", w.prompt, w.answer_text),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn of_questions(&self, questions: &[String]) -> String {
        questions
            .iter()
            .map(|q| self.0.get(q).cloned().unwrap_or_else(|| q.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Items laid out for the width: a table when wide, hanging paragraphs when narrow. Prose
/// (a duty's text, how a tension is settled) is always laid out as paragraphs, which use the
/// whole width.
struct Listing<'s> {
    style: &'s Style,
    table: comfy_table::Table,
    text: String,
    prose: bool,
}

impl<'s> Listing<'s> {
    fn new(style: &'s Style, header: &[&str]) -> Listing<'s> {
        Listing {
            style,
            table: style.list_table(header),
            text: String::new(),
            prose: style.narrow(),
        }
    }

    fn prose(style: &'s Style) -> Listing<'s> {
        Listing {
            prose: true,
            ..Listing::new(style, &[])
        }
    }

    /// One item: `cells` for the table; `lead`, `head` and `lines` for the narrow layout,
    /// where `lead` hangs to the left of the head and every further line is indented under it.
    fn item(&mut self, cells: Vec<String>, lead: &str, head: &str, lines: &[String]) {
        if !self.prose {
            self.table.add_row(self.style.cells(cells));
            return;
        }
        let width = self.style.width as usize;
        let indent = " ".repeat(lead.chars().count().max(2));
        let first = wrap(&format!("{lead}{head}"), width, &indent);
        let mut first = first.lines();
        if let Some(line) = first.next() {
            // The head in bold, the lead as it is.
            let (l, h) = line.split_at(lead.len().min(line.len()));
            self.text.push_str(l);
            self.text.push_str(&self.style.bold(h));
            self.text.push('\n');
        }
        for line in first {
            self.text.push_str(&self.style.bold(line));
            self.text.push('\n');
        }
        for line in lines.iter().filter(|l| !l.is_empty()) {
            self.text
                .push_str(&wrap(&format!("{indent}{line}"), width, &indent));
            self.text.push('\n');
        }
    }

    fn finish(self, out: &mut String) {
        if self.prose {
            out.push_str(&self.text);
        } else {
            out.push_str(&format!("{}\n", self.table));
        }
    }
}

pub fn to_table(r: &Report, style: &Style) -> String {
    let w = words(r.lang);
    let width = style.width as usize;
    let letters = Letters::new(r);
    let mut out = String::new();
    let mut marks = Marks::default();

    out.push_str(&style.bold(&wrap(&format!("etika · {}", w.report_title), width, "")));
    out.push('\n');
    style.para(&mut out, &r.pack.describe(w.edition));

    style.section(&mut out, w.in_short);
    for line in &r.summary {
        out.push_str(&wrap(line, width, "  "));
        out.push('\n');
        marks.binding |= line.starts_with('⚑');
        marks.find_out |= line.starts_with('?');
    }

    // The answers the report cites, each once with its letter; the rest are counted.
    if !r.situation.is_empty() {
        style.section(&mut out, w.situation);
        for a in &r.situation {
            if let Some(l) = letters.of(&a.question) {
                // The asides in brackets are examples for the interview; the case note keeps them.
                let line = format!(
                    "{l:<3}{} → {}",
                    without_asides(&a.prompt),
                    without_asides(&a.answer_text)
                );
                out.push_str(&wrap(&line, width, "   "));
                out.push('\n');
            }
        }
        let rest = r.situation.len() - letters.0.len();
        if rest > 0 {
            style.para(
                &mut out,
                &match r.lang {
                    Lang::En => format!(
                        "{rest} more answer{} decided nothing here; the case note (--format markdown) lists every answer.",
                        if rest == 1 { "" } else { "s" }
                    ),
                    Lang::Id => format!(
                        "{rest} jawaban lain tidak menentukan apa pun di sini; catatan kasus (--format markdown) memuat semua jawaban."
                    ),
                },
            );
        }
    }

    let mut page = Page {
        out: &mut out,
        r,
        style,
        w: &w,
        letters: &letters,
        marks: &mut marks,
    };
    page.obligations();
    page.depends_on();
    page.tensions();

    style.section(&mut out, w.consult);
    if r.consult.because_text.is_empty() {
        style.para(&mut out, &r.consult.text);
    } else {
        style.para(
            &mut out,
            &format!(
                "{} ({} {})",
                r.consult.text,
                w.because,
                r.consult.because_text.join("; ")
            ),
        );
    }

    style.section(&mut out, w.course);
    let mut list = Listing::new(style, &["#", w.phase, w.step]);
    for s in &r.course_of_action {
        let mut mark = String::new();
        if s.weight == crate::vocab::Weight::Decisive {
            marks.decisive = true;
            mark.push_str("● ");
        }
        if s.question.is_some() {
            marks.find_out = true;
            mark.push_str("? ");
        }
        let mut text = format!("{mark}{}", s.text);
        if !s.parties_text.is_empty() {
            text.push_str(&format!(
                " [{} {}]",
                w.for_parties,
                s.parties_text.join("; ")
            ));
        }
        if !s.services_text.is_empty() {
            text.push_str(&format!(" → {}", s.services_text.join("; ")));
        }
        if s.weight == crate::vocab::Weight::Routine {
            text = format!("({}) {text}", w.routine.to_lowercase());
        }
        list.item(
            vec![s.step.to_string(), s.phase_name.to_string(), text.clone()],
            &format!("{}. ", s.step),
            &format!("[{}] {text}", s.phase_name),
            &[],
        );
    }
    list.finish(&mut out);

    if !r.find_out.is_empty() {
        style.section(&mut out, w.find_out);
        for f in &r.find_out {
            out.push_str(&wrap(&format!("? {}", f.prompt), width, "  "));
            out.push('\n');
            for (answer, change) in &f.ordered {
                let line = format!("  {} “{answer}”: {}", w.if_answer, change.lines.join("; "));
                out.push_str(&wrap(&line, width, "    "));
                out.push('\n');
            }
        }
    }

    if let Some(wi) = &r.what_if {
        style.section(&mut out, w.what_if);
        let given: Vec<String> = wi
            .answers
            .iter()
            .map(|a| format!("{} → {}", a.prompt, a.answer_text))
            .collect();
        style.para(&mut out, &given.join("; "));
        for line in &wi.change.lines {
            out.push_str(&wrap(&format!("  {line}"), width, "    "));
            out.push('\n');
        }
    }

    if !r.not_covered.is_empty() {
        style.section(&mut out, w.not_covered);
        for n in &r.not_covered {
            out.push_str(&wrap(&format!("– {}: {}", n.prompt, n.text), width, "  "));
            out.push('\n');
        }
    }

    // Steps left out, a line each: enough to see that they were weighed.
    if !r.left_out.is_empty() {
        style.section(&mut out, w.left_out);
        style.para(&mut out, w.left_out_note);
        for l in &r.left_out {
            marks.letters |= !l.why.is_empty();
            let reason = match l.reason {
                crate::engine::LeftOutReason::DoesNotFit => letters.cite(&l.why),
                crate::engine::LeftOutReason::Done => {
                    format!("{}: {}", w.already_done, letters.cite(&l.why))
                }
                crate::engine::LeftOutReason::NoService
                | crate::engine::LeftOutReason::RuledOut => l.note.clone(),
            };
            // A step whose condition needs a question the answers never reached has no answer
            // to cite: it does not apply here.
            let line = if reason.is_empty() {
                format!(
                    "– {} ({})",
                    l.short,
                    r.lang.pick("tidak berlaku di sini", "does not apply here")
                )
            } else {
                format!("– {} ({} {reason})", l.short, w.because)
            };
            out.push_str(&wrap(&line, width, "  "));
            out.push('\n');
        }
    }

    // The frame by title: the same in every report, its sources in `etika show`.
    if !r.frame.is_empty() {
        style.section(&mut out, w.frame);
        let titles: Vec<&str> = r.frame.iter().map(|d| d.title.as_str()).collect();
        style.para(&mut out, &titles.join(" · "));
    }

    if marks.any() {
        style.section(&mut out, w.legend);
        if marks.decisive {
            style.para(&mut out, w.legend_decisive);
        }
        if marks.binding {
            style.para(&mut out, w.legend_binding);
        }
        if marks.find_out {
            style.para(&mut out, w.legend_find_out);
        }
        if marks.letters {
            style.para(&mut out, w.legend_letters);
        }
    }

    out.push('\n');
    style.para(&mut out, &format!("{}: {}", w.disclaimer, r.disclaimer));
    // Tables pad their cells; a line ends where its text does.
    let mut trimmed = String::with_capacity(out.len());
    for line in out.lines() {
        trimmed.push_str(line.trim_end());
        trimmed.push('\n');
    }
    trimmed
}

/// Which marks the report used, for the legend.
#[derive(Default)]
struct Marks {
    binding: bool,
    find_out: bool,
    letters: bool,
    decisive: bool,
}

impl Marks {
    fn any(&self) -> bool {
        self.binding || self.find_out || self.letters || self.decisive
    }
}

/// What the sections of a report share while it is laid out.
struct Page<'a> {
    out: &'a mut String,
    r: &'a Report,
    style: &'a Style,
    w: &'a Words,
    letters: &'a Letters,
    marks: &'a mut Marks,
}

impl Page<'_> {
    fn parts(&mut self) -> (&mut String, &Report, &Style, &Words, &Letters, &mut Marks) {
        (
            self.out,
            self.r,
            self.style,
            self.w,
            self.letters,
            self.marks,
        )
    }

    /// Binding duties in full, then the other obligations by title.
    fn obligations(&mut self) {
        let (out, r, style, w, letters, marks) = self.parts();
        let binding: Vec<_> = r.obligations.iter().filter(|o| o.binding).collect();
        if !binding.is_empty() {
            marks.binding = true;
            style.section(out, &format!("{} ⚑", w.binding));
            style.para(out, w.binding_note);
            let mut list = Listing::prose(style);
            for o in &binding {
                let because = letters.cite(&o.why);
                marks.letters |= !because.is_empty();
                list.item(
                    Vec::new(),
                    "⚑ ",
                    &o.title,
                    &[
                        o.text.clone(),
                        format!("{}: {}", w.source, o.source),
                        format!("{}: {because}", w.because_col),
                    ],
                );
            }
            list.finish(out);
        }

        let others: Vec<_> = r.obligations.iter().filter(|o| !o.binding).collect();
        if !others.is_empty() {
            let title = if binding.is_empty() {
                w.obligations
            } else {
                w.obligations_other
            };
            style.section(out, title);
            // The source under the title, across the width the title leaves, so that a long
            // citation takes two lines rather than six in a narrow column.
            let mut list = Listing::new(style, &["#", w.obligation, w.because_col]);
            for (i, o) in others.iter().enumerate() {
                let because = letters.cite(&o.why);
                marks.letters |= !because.is_empty();
                list.item(
                    vec![
                        (i + 1).to_string(),
                        format!("{}\n{}: {}", o.title, w.source, o.source),
                        because.clone(),
                    ],
                    &format!("{}. ", i + 1),
                    &o.title,
                    &[
                        format!("{}: {}", w.source, o.source),
                        format!("{}: {because}", w.because_col),
                    ],
                );
            }
            list.finish(out);
        }
    }

    /// What waits on an answer not known yet.
    fn depends_on(&mut self) {
        let (out, r, style, w, letters, marks) = self.parts();
        if r.depends_on.is_empty() {
            return;
        }
        style.section(out, w.depends_on);
        style.para(out, w.depends_note);
        let mut list = Listing::new(style, &[w.obligation, w.hinges_on]);
        for p in &r.depends_on {
            let kind = match p.kind {
                crate::vocab::ItemKind::Tension => w.kind_tension,
                crate::vocab::ItemKind::Action => w.kind_step,
                _ => w.kind_obligation,
            };
            let mark = if p.binding {
                marks.binding = true;
                "⚑"
            } else {
                "–"
            };
            let item = format!("{} ({kind})", p.title);
            let waits = letters.of_questions(&p.hinges_on);
            marks.letters = true;
            list.item(
                vec![format!("{mark} {item}"), waits.clone()],
                &format!("{mark} "),
                &item,
                &[format!("{}: {waits}", w.hinges_on)],
            );
        }
        list.finish(out);
    }

    /// Tensions between principles and how each is settled.
    fn tensions(&mut self) {
        let (out, r, style, w, letters, marks) = self.parts();
        if r.tensions.is_empty() {
            return;
        }
        style.section(out, w.tensions);
        let mut list = Listing::prose(style);
        for a in &r.tensions {
            let because = letters.cite(&a.why);
            marks.letters |= !because.is_empty();
            let pair = format!("{} ↔ {}", a.principle_names[0], a.principle_names[1]);
            list.item(
                Vec::new(),
                "↔ ",
                &format!("{} ({pair})", a.title),
                &[
                    format!("{}: {}", w.prevails, a.prevails_name),
                    // The ranking's source is named once, under the tensions.
                    if a.settled_by == "ranking" {
                        format!("{}.", w.settled_by_ranking)
                    } else {
                        a.settled_text.clone()
                    },
                    a.explanation.clone(),
                    if because.is_empty() {
                        String::new()
                    } else {
                        format!("{}: {because}", w.because_col)
                    },
                ],
            );
        }
        list.finish(out);
        if r.tensions.iter().any(|a| a.settled_by == "ranking") {
            style.para(out, &format!("{}: {}.", w.ranking, r.ranking.source));
        }
        if let Some(note) = &r.ranking.note {
            style.para(out, note);
        }
    }
}
