//! The Markdown report: a case note to take into supervision or a reflective journal. It holds
//! the situation as answered and the reasoning, never a name. CommonMark with GFM tables.

use std::fmt::Write as _;

use crate::view::{Report, WhyView};
use crate::words::words;

/// Text made safe inside a table cell or a line of Markdown: pipes escaped, line breaks and
/// characters that would start markup kept as text. Brackets are escaped, so no text from a
/// pack or an answers file becomes a link or an image (`[x](javascript:…)`, `![x](http://…)`,
/// a reference definition), and `<` is written as `&lt;`, so none becomes an autolink or HTML;
/// a mark that would open a heading, a quote or a list at the start is escaped too.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let start = s.trim_start();
    if start.starts_with(['#', '>', '-', '+', '=', '~', '`']) {
        out.push('\\');
    }
    for c in start.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '[' | ']' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn why_text(why: &[WhyView]) -> String {
    why.iter()
        .map(|w| format!("{} → {}", esc(&w.prompt), esc(&w.answer_text)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn to_markdown(r: &Report) -> String {
    let w = words(r.lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", w.case_note, w.report_title);
    let _ = writeln!(
        out,
        "{}: {}  \n{}\n",
        w.date,
        r.date.as_deref().unwrap_or("—"),
        esc(&r.pack.describe(w.edition)),
    );
    let _ = writeln!(out, "> {}\n", esc(&r.disclaimer));
    let _ = writeln!(out, "*{}*\n", esc(w.no_names));
    let _ = writeln!(out, "**{}**\n", w.legend);
    for line in super::legend(r.lang) {
        let _ = writeln!(out, "- {}", esc(line));
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.in_short);
    for line in &r.summary {
        let _ = writeln!(out, "- {}", esc(line));
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.situation);
    let _ = writeln!(out, "| {} | {} |\n|---|---|", w.question, w.answer);
    for s in &r.situation {
        let _ = writeln!(out, "| {} | {} |", esc(&s.prompt), esc(&s.answer_text));
    }
    out.push('\n');

    let binding: Vec<_> = r.obligations.iter().filter(|o| o.binding).collect();
    if !binding.is_empty() {
        let _ = writeln!(out, "## {} ⚑\n", w.binding);
        let _ = writeln!(out, "{}\n", esc(w.binding_note));
        for o in binding {
            let _ = writeln!(out, "### ⚑ {}\n", esc(&o.title));
            let _ = writeln!(out, "{}\n", esc(&o.text));
            let _ = writeln!(out, "- {}: {}", w.source, esc(&o.source));
            let _ = writeln!(
                out,
                "- {}: {}",
                w.principles,
                esc(&o.principle_names.join(", "))
            );
            let _ = writeln!(out, "- {}: {}\n", w.why, why_text(&o.why));
        }
    }

    let others: Vec<_> = r.obligations.iter().filter(|o| !o.binding).collect();
    if !others.is_empty() {
        let _ = writeln!(out, "## {}\n", w.obligations);
        for (i, o) in others.iter().enumerate() {
            let _ = writeln!(out, "### {}. {}\n", i + 1, esc(&o.title));
            let _ = writeln!(out, "{}\n", esc(&o.text));
            let _ = writeln!(out, "- {}: {}", w.source, esc(&o.source));
            let _ = writeln!(
                out,
                "- {}: {}",
                w.principles,
                esc(&o.principle_names.join(", "))
            );
            let _ = writeln!(out, "- {}: {}\n", w.why, why_text(&o.why));
        }
    }

    if !r.depends_on.is_empty() {
        let _ = writeln!(out, "## {}\n", w.depends_on);
        let _ = writeln!(out, "{}\n", esc(w.depends_note));
        for p in &r.depends_on {
            let mark = if p.binding { "⚑ " } else { "" };
            let _ = writeln!(
                out,
                "- {mark}{} ({} {})",
                esc(&p.title),
                w.hinges_on,
                esc(&p
                    .hinges_on_text
                    .iter()
                    .map(|q| format!("“{q}”"))
                    .collect::<Vec<_>>()
                    .join(" "))
            );
        }
        out.push('\n');
    }

    if !r.tensions.is_empty() {
        let _ = writeln!(out, "## {}\n", w.tensions);
        for a in &r.tensions {
            let _ = writeln!(out, "### {}\n", esc(&a.title));
            let _ = writeln!(out, "{}\n", esc(&a.explanation));
            let _ = writeln!(out, "- {}: **{}**", w.prevails, esc(&a.prevails_name));
            let _ = writeln!(out, "- {}\n", esc(&a.settled_text));
        }
        if let Some(note) = &r.ranking.note {
            let _ = writeln!(out, "*{}*\n", esc(note));
        }
    }

    let _ = writeln!(out, "## {}\n", w.consult);
    let _ = writeln!(out, "{}", esc(&r.consult.text));
    if !r.consult.because_text.is_empty() {
        let _ = writeln!(
            out,
            "({} {})",
            w.because,
            esc(&r.consult.because_text.join("; "))
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.course);
    for s in &r.course_of_action {
        let mut mark = String::new();
        if s.weight == crate::vocab::Weight::Decisive {
            mark.push_str("● ");
        }
        if s.question.is_some() {
            mark.push_str("? ");
        }
        let (kind, text) = super::step_parts(s, r.lang);
        let mut line = format!(
            "{}. **{}** ({kind}): {mark}{}",
            s.step,
            esc(&s.short),
            esc(text)
        );
        if !s.parties_text.is_empty() {
            line.push_str(&format!(
                " [{} {}]",
                w.for_parties,
                esc(&s.parties_text.join("; "))
            ));
        }
        if !s.services_text.is_empty() {
            line.push_str(&format!(" → {}", esc(&s.services_text.join("; "))));
        }
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');

    if !r.services.is_empty() {
        let _ = writeln!(out, "## {}\n", w.services);
        for v in &r.services {
            let contact = if v.own {
                w.own_unit.to_string()
            } else {
                esc(&v.contact)
            };
            let _ = writeln!(
                out,
                "- **{}**: {contact} ({}: {})",
                esc(&v.name),
                w.source,
                esc(&v.source)
            );
        }
        out.push('\n');
    }

    if !r.not_covered.is_empty() {
        let _ = writeln!(out, "## {}\n", w.not_covered);
        let _ = writeln!(out, "{}\n", esc(w.not_covered_note));
        for n in &r.not_covered {
            let _ = writeln!(out, "- **{}**: {}", esc(&n.prompt), esc(&n.text));
        }
        out.push('\n');
    }

    if !r.find_out.is_empty() {
        let _ = writeln!(out, "## {}\n", w.find_out);
        for f in &r.find_out {
            let _ = writeln!(out, "- **{}**", esc(&f.prompt));
            for (answer, change) in &f.ordered {
                let _ = writeln!(
                    out,
                    "  - {} “{}”: {}",
                    w.if_answer,
                    esc(answer),
                    esc(&change.lines.join("; "))
                );
            }
        }
        out.push('\n');
    }

    if let Some(wi) = &r.what_if {
        let _ = writeln!(out, "## {}\n", w.what_if);
        let _ = writeln!(out, "{}\n", why_text(&wi.answers));
        for line in &wi.change.lines {
            let _ = writeln!(out, "- {}", esc(line));
        }
        out.push('\n');
    }

    if !r.left_out.is_empty() {
        let _ = writeln!(out, "## {}\n", w.left_out);
        let _ = writeln!(out, "{}\n", esc(w.left_out_note));
        for l in &r.left_out {
            let reason = if l.note.is_empty() {
                why_text(&l.why)
            } else {
                esc(&l.note)
            };
            let _ = writeln!(out, "- {} ({} {reason})", esc(&l.text), w.because);
        }
        out.push('\n');
    }

    if !r.frame.is_empty() {
        let _ = writeln!(out, "## {}\n", w.frame);
        for d in &r.frame {
            let _ = writeln!(out, "- {} ({})", esc(&d.title), esc(&d.source));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", w.reflection);
    for (i, p) in w.reflection_prompts.iter().enumerate() {
        // Non-breaking spaces keep room to write in any renderer.
        let _ = writeln!(out, "**{}. {p}**\n\n&nbsp;\n\n&nbsp;\n", i + 1);
    }

    // Lines to write on: underscores after a label are text, not emphasis.
    let (heading, fields) = super::sign_off(r.lang);
    let _ = writeln!(out, "## {heading}\n");
    for (label, lines) in fields {
        let _ = writeln!(out, "**{label}:** {}\n", "_".repeat(40));
        for _ in 1..lines {
            let _ = writeln!(out, "{}\n", "_".repeat(60));
        }
    }
    out
}
