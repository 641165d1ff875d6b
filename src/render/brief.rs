//! The report a person reads in a minute, the table format's default: the verdict and "in
//! short" (which also says whom to consult), the answers that decided something, the binding
//! duties, a short course (at most eight numbered steps, decisive first, and the routine steps
//! on one line), what to find out and what each finding would change, what is not covered, the
//! tensions and obligations a line each, and the disclaimer. Everything else (duties in full,
//! tension explanations, every step, steps left out, whom to consult and why) is in `--full` and
//! the case note.

use super::Style;
use super::text::{without_asides, wrap};
use crate::view::{Report, StepView};
use crate::vocab::{Lang, Weight};
use crate::words::words;

/// The head of a citation: up to its first explanation in brackets or semicolon, the rest being detail
/// that `--full` and the case note give.
fn source_head(source: &str) -> &str {
    // An explanation in brackets ends the head; a number in brackets is part of the citation
    // ("Pasal 76 ayat (2)", "Article 26(1)(c)").
    let explains = |at: usize| {
        let inside = &source[at + 1..];
        let len = inside.find(')').unwrap_or(inside.len());
        len > 3 || inside[..len].contains(' ')
    };
    let end = source
        .char_indices()
        .find(|&(i, c)| c == ';' || (c == '(' && explains(i)))
        .map_or(source.len(), |(i, _)| i);
    source[..end].trim_end_matches([',', ' ', '.'])
}

/// A line wrapped to the width, its continuation indented.
fn line(out: &mut String, text: &str, width: usize, indent: &str) {
    out.push_str(&wrap(text, width, indent));
    out.push('\n');
}

/// The services of a step, in words, after an arrow: the first two (`--full` names all).
fn services(s: &StepView) -> String {
    if s.services_text.is_empty() {
        String::new()
    } else {
        let shown: Vec<&str> = s.services_text.iter().take(2).map(String::as_str).collect();
        format!(" → {}", shown.join("; "))
    }
}

/// Who a step is for, when it is given per party at risk.
fn parties(s: &StepView, lang: Lang) -> String {
    if s.parties_text.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = s.parties_text.iter().map(|p| lower_first(p)).collect();
        format!(" [{} {}]", words(lang).for_parties, names.join("; "))
    }
}

/// The text with its first letter in lower case, to stand inside a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn to_brief(r: &Report, style: &Style) -> String {
    let w = words(r.lang);
    let width = style.width as usize;
    let mut out = String::new();
    let mut decisive_mark = false;

    out.push_str(&style.bold(&wrap(&format!("etika · {}", w.report_title), width, "")));
    out.push('\n');
    style.para(&mut out, &r.pack.describe(w.edition));

    style.section(&mut out, w.in_short);
    for l in &r.summary {
        line(&mut out, l, width, "  ");
    }

    // The answers that decided the weightiest parts (the binding duties and the tensions, or
    // else the duties that apply), what the worker decides, and what is unsure or not covered;
    // each once, in questionnaire order. The case note lists every answer.
    let weighty: Vec<&crate::view::WhyView> = {
        let key: Vec<_> = r
            .obligations
            .iter()
            .filter(|o| o.binding)
            .flat_map(|o| &o.why)
            .chain(r.tensions.iter().flat_map(|t| &t.why))
            .collect();
        if key.is_empty() {
            r.obligations.iter().flat_map(|o| &o.why).collect()
        } else {
            key
        }
    };
    let deciding: Vec<_> = r
        .situation
        .iter()
        .filter(|a| {
            let q = a.question.as_str();
            q == "decision"
                || weighty.iter().any(|w| w.question == q)
                || r.find_out.iter().any(|f| f.question == q)
                || r.not_covered.iter().any(|n| n.question == q)
        })
        .collect();
    if !deciding.is_empty() {
        style.section(&mut out, w.situation);
        for a in &deciding {
            line(
                &mut out,
                // The asides in brackets are examples for the interview; the case note keeps them.
                &format!(
                    "• {} → {}",
                    without_asides(&a.prompt),
                    without_asides(&a.answer_text)
                ),
                width,
                "  ",
            );
        }
    }

    let binding: Vec<_> = r.obligations.iter().filter(|o| o.binding).collect();
    if !binding.is_empty() {
        style.section(&mut out, &format!("{} ⚑", w.binding));
        for o in binding {
            line(
                &mut out,
                &format!("⚑ {} — {}", o.title, source_head(&o.source)),
                width,
                "  ",
            );
        }
    }

    // The short course: numbered steps, decisive ones with their full text.
    style.section(&mut out, w.course);
    let numbered: Vec<&StepView> = r.course_of_action.iter().filter(|s| s.numbered).collect();
    // The first decisive steps are spelled out; the rest by their short titles.
    let mut spelled = 0;
    for s in &numbered {
        let lead = format!("{}. ", s.step);
        let indent = " ".repeat(lead.chars().count());
        let mark = if s.question.is_some() { "? " } else { "" };
        // A step to find something out says how: that is what can be done today.
        let title = if s.question.is_some() {
            &s.text
        } else {
            &s.short
        };
        if s.weight == Weight::Decisive {
            decisive_mark = true;
            let spell = s.question.is_none() && spelled < 3;
            let head = if spell {
                format!("{lead}● {mark}{title}{}", parties(s, r.lang))
            } else {
                format!("{lead}● {mark}{title}{}{}", parties(s, r.lang), services(s))
            };
            for l in wrap(&head, width, &indent).lines() {
                out.push_str(&style.bold(l));
                out.push('\n');
            }
            if spell {
                spelled += 1;
                line(
                    &mut out,
                    &format!("{indent}{}{}", s.text, services(s)),
                    width,
                    &indent,
                );
            }
        } else {
            let head = format!("{lead}{mark}{title}{}{}", parties(s, r.lang), services(s));
            line(&mut out, &head, width, &indent);
        }
    }
    let routine: Vec<&str> = r
        .course_of_action
        .iter()
        .filter(|s| s.weight == Weight::Routine)
        .map(|s| s.short.as_str())
        .collect();
    if !routine.is_empty() {
        line(
            &mut out,
            &format!("{}: {}", w.routine, routine.join(" · ")),
            width,
            "  ",
        );
    }
    let hidden = r
        .course_of_action
        .iter()
        .filter(|s| !s.numbered && s.weight != Weight::Routine)
        .count();
    if hidden > 0 {
        line(
            &mut out,
            &format!("+{hidden} {}", w.more_steps),
            width,
            "  ",
        );
    }

    // Whom to consult is said once, in In short; `--full` and the case note give the reasons.

    if !r.find_out.is_empty() {
        style.section(&mut out, w.find_out);
        for f in &r.find_out {
            line(&mut out, &format!("? {}", f.prompt), width, "  ");
            for (answer, change) in &f.ordered {
                line(
                    &mut out,
                    &format!("  {} “{answer}”: {}", w.if_answer, change.lines.join("; ")),
                    width,
                    "    ",
                );
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
        for l in &wi.change.lines {
            line(&mut out, &format!("  {l}"), width, "    ");
        }
    }

    if !r.not_covered.is_empty() {
        style.section(&mut out, w.not_covered);
        for n in &r.not_covered {
            line(
                &mut out,
                &format!("– {}: {}", n.prompt, n.text),
                width,
                "  ",
            );
        }
    }

    if !r.tensions.is_empty() {
        style.section(&mut out, w.tensions);
        for t in &r.tensions {
            let how = if t.settled_by == "ranking" {
                w.settled_by_ranking
            } else {
                w.settled_by_binding
            };
            line(
                &mut out,
                &format!(
                    "↔ {}: {} {} ({})",
                    t.title,
                    t.prevails_name,
                    w.prevails.to_lowercase(),
                    lower_first(how)
                ),
                width,
                "  ",
            );
        }
    }

    let others: Vec<_> = r.obligations.iter().filter(|o| !o.binding).collect();
    if !others.is_empty() {
        let title = if others.len() == r.obligations.len() {
            w.obligations
        } else {
            w.obligations_other
        };
        style.section(&mut out, title);
        for o in others {
            line(
                &mut out,
                &format!("– {} — {}", o.title, source_head(&o.source)),
                width,
                "  ",
            );
        }
    }

    let mut legend: Vec<&str> = Vec::new();
    if decisive_mark {
        legend.push(w.legend_decisive);
    }
    if r.summary.iter().any(|l| l.starts_with('⚑')) {
        legend.push(w.legend_binding);
    }
    legend.push(w.full_hint);
    out.push('\n');
    for l in legend {
        line(&mut out, l, width, "  ");
    }
    style.para(&mut out, &format!("{}: {}", w.disclaimer, r.disclaimer));
    let mut trimmed = String::with_capacity(out.len());
    for l in out.lines() {
        trimmed.push_str(l.trim_end());
        trimmed.push('\n');
    }
    trimmed
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_source_head_keeps_numbers_in_brackets_and_ends_at_an_explanation() {
        use super::source_head;
        assert_eq!(
            source_head("UU 17/2023, Pasal 76 ayat (2) (larangan pemasungan) dan Pasal 434"),
            "UU 17/2023, Pasal 76 ayat (2)"
        );
        assert_eq!(
            source_head("Law 35/2014, Article 26(1)(c) (parents' duty); NASW"),
            "Law 35/2014, Article 26(1)(c)"
        );
        assert_eq!(source_head("NASW 1.07(c); Dolgoff"), "NASW 1.07(c)");
    }
}
