//! The report for a person at a terminal: "in short" first, then short sections and tables
//! that fit the width. Below 72 columns the tables fold into one column so nothing is cut.

use comfy_table::Cell;

use super::Style;
use super::text::wrap;
use crate::view::{Report, WhyView};
use crate::words::words;

/// "prompt → answer" for each deciding answer.
fn why_lines(why: &[WhyView]) -> String {
    why.iter()
        .map(|w| format!("{} → {}", w.prompt, w.answer_text))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn to_table(r: &Report, style: &Style) -> String {
    let w = words(r.lang);
    let width = style.width as usize;
    let narrow = style.narrow();
    let mut out = String::new();
    let mut marks_binding = false;
    let mut marks_find_out = false;

    out.push_str(&style.bold(&wrap(&format!("etika · {}", w.report_title), width, "")));
    out.push('\n');
    style.para(&mut out, &r.pack.describe(w.edition));

    style.section(&mut out, w.in_short);
    for line in &r.summary {
        out.push_str(&wrap(line, width, "  "));
        out.push('\n');
        marks_binding |= line.starts_with('⚑');
        marks_find_out |= line.starts_with('?');
    }
    if r.no_dilemma {
        style.para(&mut out, w.no_dilemma_more);
    }

    // Binding duties first, in full: they are not balanced away.
    let binding: Vec<_> = r.obligations.iter().filter(|o| o.binding).collect();
    if !binding.is_empty() {
        marks_binding = true;
        style.section(&mut out, &format!("{} ⚑", w.binding));
        style.para(&mut out, w.binding_note);
        let mut t = style.table(&[w.obligation, w.source, w.why]);
        for o in &binding {
            let duty = format!("⚑ {}\n{}", o.title, o.text);
            if narrow {
                t.add_row(vec![Cell::new(format!(
                    "{duty}\n{}: {}\n{}:\n{}",
                    w.source,
                    o.source,
                    w.why,
                    why_lines(&o.why)
                ))]);
            } else {
                t.add_row(vec![
                    Cell::new(duty),
                    Cell::new(&o.source),
                    Cell::new(why_lines(&o.why)),
                ]);
            }
        }
        out.push_str(&format!("{t}\n"));
    }

    let others: Vec<_> = r.obligations.iter().filter(|o| !o.binding).collect();
    if !others.is_empty() {
        let title = if binding.is_empty() {
            w.obligations
        } else {
            w.obligations_other
        };
        style.section(&mut out, title);
        let mut t = style.table(&["#", w.obligation, w.source, w.why]);
        for (i, o) in others.iter().enumerate() {
            if narrow {
                t.add_row(vec![Cell::new(format!(
                    "{}. {}\n{}: {}\n{}:\n{}",
                    i + 1,
                    o.title,
                    w.source,
                    o.source,
                    w.why,
                    why_lines(&o.why)
                ))]);
            } else {
                t.add_row(vec![
                    Cell::new(i + 1),
                    Cell::new(&o.title),
                    Cell::new(&o.source),
                    Cell::new(why_lines(&o.why)),
                ]);
            }
        }
        out.push_str(&format!("{t}\n"));
    }

    if !r.depends_on.is_empty() {
        style.section(&mut out, w.depends_on);
        style.para(&mut out, w.depends_note);
        let mut t = style.table(&[w.obligation, w.hinges_on]);
        let prompt = |q: &str| {
            r.find_out
                .iter()
                .find(|f| f.question == q)
                .map(|f| f.prompt.clone())
                .unwrap_or_else(|| q.to_string())
        };
        for p in &r.depends_on {
            let kind = match p.kind {
                crate::vocab::ItemKind::Tension => w.kind_tension,
                crate::vocab::ItemKind::Action => w.kind_step,
                _ => w.kind_obligation,
            };
            let mark = if p.binding {
                marks_binding = true;
                "⚑ "
            } else {
                ""
            };
            let item = format!("{mark}{} ({kind})", p.title);
            let waits: Vec<String> = p.hinges_on.iter().map(|q| prompt(q)).collect();
            if narrow {
                t.add_row(vec![Cell::new(format!(
                    "{item}\n{}: {}",
                    w.hinges_on,
                    waits.join("; ")
                ))]);
            } else {
                t.add_row(vec![Cell::new(item), Cell::new(waits.join("\n"))]);
            }
        }
        out.push_str(&format!("{t}\n"));
    }

    if !r.tensions.is_empty() {
        style.section(&mut out, w.tensions);
        let mut t = style.table(&[w.tension, w.prevails, w.settled]);
        for a in &r.tensions {
            let pair = format!(
                "{}\n({} ↔ {})",
                a.title, a.principle_names[0], a.principle_names[1]
            );
            let how = format!("{}\n{}", a.settled_text, a.explanation);
            if narrow {
                t.add_row(vec![Cell::new(format!(
                    "{pair}\n{}: {}\n{how}",
                    w.prevails, a.prevails_name
                ))]);
            } else {
                t.add_row(vec![
                    Cell::new(pair),
                    Cell::new(&a.prevails_name),
                    Cell::new(how),
                ]);
            }
        }
        out.push_str(&format!("{t}\n"));
        if let Some(note) = &r.ranking.note {
            style.para(&mut out, note);
        }
    }

    style.section(&mut out, w.consult);
    style.para(&mut out, &r.consult.text);
    if !r.consult.because_text.is_empty() {
        style.para(
            &mut out,
            &format!("({} {})", w.because, r.consult.because_text.join("; ")),
        );
    }

    style.section(&mut out, w.course);
    let mut t = style.table(&["#", w.phase, w.step]);
    for s in &r.course_of_action {
        let mark = if s.question.is_some() {
            marks_find_out = true;
            "? "
        } else {
            ""
        };
        let text = format!("{mark}{}", s.text);
        if narrow {
            t.add_row(vec![Cell::new(format!(
                "{}. [{}] {text}",
                s.step, s.phase_name
            ))]);
        } else {
            t.add_row(vec![
                Cell::new(s.step),
                Cell::new(s.phase_name),
                Cell::new(text),
            ]);
        }
    }
    out.push_str(&format!("{t}\n"));

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

    if !r.left_out.is_empty() {
        style.section(&mut out, w.left_out);
        style.para(&mut out, w.left_out_note);
        for l in &r.left_out {
            let why: Vec<String> = l
                .why
                .iter()
                .map(|x| format!("{} → {}", x.prompt, x.answer_text))
                .collect();
            let line = format!("– {} ({} {})", l.text, w.because, why.join("; "));
            out.push_str(&wrap(&line, width, "  "));
            out.push('\n');
        }
    }

    if !r.frame.is_empty() {
        style.section(&mut out, w.frame);
        for d in &r.frame {
            out.push_str(&wrap(&format!("• {} ({})", d.title, d.source), width, "  "));
            out.push('\n');
        }
    }

    if marks_binding || marks_find_out {
        style.section(&mut out, w.legend);
        if marks_binding {
            style.para(&mut out, w.legend_binding);
        }
        if marks_find_out {
            style.para(&mut out, w.legend_find_out);
        }
    }

    out.push('\n');
    style.para(&mut out, &format!("{}: {}", w.disclaimer, r.disclaimer));
    out
}
