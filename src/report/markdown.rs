//! The Markdown report: a case note to take into supervision or a reflective journal.
//! It holds the situation as answered and the reasoning, never a name.

use std::fmt::Write as _;

use super::{how_settled, prevails_name, principle_name, titles, why_lines};
use crate::answers::describe_answer;
use crate::engine::Decision;
use crate::i18n::{consult_level, phase, words};
use crate::pack::Pack;
use crate::text::Lang;

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn to_markdown(pack: &Pack, d: &Decision, lang: Lang) -> String {
    let w = words(lang);
    let meta = pack.meta();
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", w.case_note, w.report_title);
    let _ = writeln!(
        out,
        "_{} ({} {})_\n",
        meta.name.get(lang),
        w.edition,
        meta.edition
    );
    let _ = writeln!(out, "> {}\n", meta.disclaimer.get(lang));
    let _ = writeln!(out, "_{}_\n", w.no_names);

    let _ = writeln!(out, "## {}\n", w.situation);
    let _ = writeln!(out, "| {} | {} |\n|---|---|", w.question, w.answer);
    for q in &pack.questions {
        if let Some(v) = d.answers.get(q.id.get_ref()) {
            let _ = writeln!(
                out,
                "| {} | {} |",
                esc(q.prompt.get(lang)),
                esc(&describe_answer(q, v, lang))
            );
        }
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.binding);
    let binding: Vec<_> = d.binding().collect();
    if binding.is_empty() {
        let _ = writeln!(out, "{}\n", w.binding_none);
    } else {
        let _ = writeln!(out, "{}\n", w.binding_note);
        for f in binding {
            let o = pack.obligation(&f.id).expect("fired obligations exist");
            let _ = writeln!(
                out,
                "- **{}**: {} ({})",
                o.title.get(lang),
                o.text.get(lang),
                o.source.get(lang)
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", w.obligations);
    if d.obligations.is_empty() {
        let _ = writeln!(out, "{}\n", w.obligations_none);
    }
    for (i, f) in d.obligations.iter().enumerate() {
        let o = pack.obligation(&f.id).expect("fired obligations exist");
        let _ = writeln!(out, "### {}. {}\n", i + 1, o.title.get(lang));
        let _ = writeln!(out, "{}\n", o.text.get(lang));
        let _ = writeln!(out, "- {}: {}", w.source, o.source.get(lang));
        let names: Vec<String> = o
            .principles
            .iter()
            .map(|p| principle_name(pack, p.get_ref(), lang))
            .collect();
        let _ = writeln!(out, "- {}: {}", w.principles, names.join(", "));
        for line in why_lines(pack, d, &f.why, lang) {
            let _ = writeln!(out, "- {}: {}", w.why, line);
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", w.tensions);
    if d.tensions.is_empty() {
        let _ = writeln!(out, "{}\n", w.tensions_none);
    }
    for a in &d.tensions {
        let t = pack.tension(&a.id).expect("active tensions exist");
        let _ = writeln!(out, "### {}\n", t.title.get(lang));
        let _ = writeln!(out, "{}\n", t.explanation.get(lang));
        let _ = writeln!(
            out,
            "- {}: **{}**",
            w.prevails,
            prevails_name(pack, a, lang)
        );
        let _ = writeln!(out, "- {}", how_settled(pack, a, lang));
        out.push('\n');
    }
    if !d.tensions.is_empty()
        && let Some(note) = &meta.ranking.note
    {
        let _ = writeln!(out, "_{}_\n", note.get(lang));
    }

    let _ = writeln!(out, "## {}\n", w.consult);
    let _ = writeln!(out, "{}", consult_level(lang, d.consult.level));
    if !d.consult.because.is_empty() {
        let _ = writeln!(
            out,
            "({} {})",
            w.because,
            titles(pack, &d.consult.because, lang)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.course);
    if d.course.is_empty() {
        let _ = writeln!(out, "{}\n", w.course_none);
    }
    for (i, s) in d.course.iter().enumerate() {
        let a = pack.action(&s.action).expect("course actions exist");
        let _ = writeln!(
            out,
            "{}. **{}**: {}",
            i + 1,
            phase(lang, s.phase),
            a.text.get(lang)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", w.reflection);
    for p in w.reflection_prompts {
        let _ = writeln!(out, "- {p}\n  \n");
    }
    out
}
