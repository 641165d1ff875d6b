//! The report view: a decision made readable, once. Every title, name, answer and reason is
//! looked up here, in the chosen language; the renderers (table, Markdown, JSON, HTML) only lay
//! it out. The JSON report is this view serialised, so its keys are the contract the README
//! documents: keys may be added, none removed or renamed.

mod condition;
mod diff;
mod feedback;
mod report;

pub use condition::describe_condition;
pub use diff::{ChangeKind, DiffSide, DiffView, case_change, diff};

pub use feedback::{
    ClassQuestionView, ClassView, FeedbackView, GradeRowView, class_view, feedback_view,
    grade_rows, score_rule,
};
pub use report::{ChangeView, ObligationView, Report, StepView, WhyView, report};

use crate::condition::Fact;
use crate::engine::{Change, Decision};
use crate::pack::Pack;
use crate::vocab::{Lang, Value};
use crate::words::{self, words};

/// An answer in words, in the user's language.
pub fn describe_answer(pack: &Pack, question: &str, v: &Value, lang: Lang) -> String {
    let label = |id: &str| {
        pack.question(question)
            .and_then(|q| q.option(id))
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    match v {
        Value::Yes(b) => words::yes_no(lang, *b).to_string(),
        Value::One(s) => label(s),
        Value::Unsure => words::unsure(lang).to_string(),
        Value::Many(items) if items.is_empty() => words::none(lang).to_string(),
        Value::Many(items) => items
            .iter()
            .map(|s| label(s))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The titles of the ids, joined with "; ".
pub fn titles_of(pack: &Pack, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .map(|i| title_of(pack, i, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The title of an obligation, tension or action id; a "find out" step's question prompt.
pub fn title_of(pack: &Pack, id: &str, lang: Lang) -> String {
    if let Some(o) = pack.obligation(id) {
        return o.title.get(lang).to_string();
    }
    if let Some(t) = pack.tension(id) {
        return t.title.get(lang).to_string();
    }
    if let Some(a) = pack.action(id) {
        return a.text.get(lang).to_string();
    }
    if let Some(q) = id.strip_prefix("find_out:").and_then(|q| pack.question(q)) {
        return format!("{}: {}", words(lang).find_out_prefix, q.prompt.get(lang));
    }
    if let Some(q) = id
        .strip_prefix("not_covered:")
        .and_then(|q| pack.question(q))
    {
        return format!("{}: {}", words(lang).not_covered, q.prompt.get(lang));
    }
    id.to_string()
}

/// A step's full text. An action may share its id with the obligation it carries out; a step
/// is always the action.
pub fn step_text_of(pack: &Pack, id: &str, lang: Lang) -> String {
    match pack.action(id) {
        Some(a) => a.text.get(lang).to_string(),
        None => title_of(pack, id, lang),
    }
}

/// A step by its short title; a "find out" step by its question's prompt.
pub fn short_of(pack: &Pack, id: &str, lang: Lang) -> String {
    match pack.action(id) {
        Some(a) => a.short.get(lang).to_string(),
        None => title_of(pack, id, lang),
    }
}

pub fn principle_name(pack: &Pack, id: &str, lang: Lang) -> String {
    pack.principle(id)
        .map(|p| p.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The deciding answers behind a result, one entry per question: for a list, only the options
/// that decided it.
pub fn why(pack: &Pack, d: &Decision, facts: &[Fact], lang: Lang) -> Vec<WhyView> {
    let mut out: Vec<WhyView> = Vec::new();
    for f in facts {
        let q = f.question();
        let Some(question) = pack.question(q) else {
            continue;
        };
        let label = |o: &str| {
            question
                .option(o)
                .map(|c| c.label.get(lang).to_string())
                .unwrap_or_else(|| o.to_string())
        };
        let (code, text) = match f {
            Fact::Answer { .. } => match d.answers.get(q) {
                Some(v) => (v.code(), describe_answer(pack, q, v, lang)),
                None => continue,
            },
            Fact::Includes { option, .. } => (option.clone(), label(option)),
            Fact::Excludes { option, .. } => (
                format!("not {option}"),
                format!("{} {}", words(lang).not, label(option)),
            ),
        };
        match out.iter_mut().find(|w| w.question == q) {
            Some(w) => {
                w.answer.push_str(&format!(", {code}"));
                w.answer_text.push_str(&format!(", {text}"));
            }
            None => out.push(WhyView {
                question: q.to_string(),
                answer: code,
                answer_text: text,
                prompt: question.prompt.get(lang).to_string(),
            }),
        }
    }
    out
}

/// A change in words: one line for what it adds, one for what it removes, and so on.
pub fn change_lines(pack: &Pack, c: &Change, lang: Lang) -> Vec<String> {
    let w = words(lang);
    let titles = |ids: &[String]| {
        ids.iter()
            .map(|i| title_of(pack, i, lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut lines = Vec::new();
    let duties = |d: &crate::engine::Delta| {
        let mut ids = d.binding.clone();
        ids.extend(d.obligations.iter().cloned());
        ids
    };
    let adds = duties(&c.adds);
    if !adds.is_empty() {
        let marked: Vec<String> = adds
            .iter()
            .map(|i| {
                let t = title_of(pack, i, lang);
                if c.adds.binding.contains(i) {
                    format!("⚑ {t}")
                } else {
                    t
                }
            })
            .collect();
        lines.push(format!("{} {}", w.adds, marked.join("; ")));
    }
    let removes = duties(&c.removes);
    if !removes.is_empty() {
        lines.push(format!("{} {}", w.removes, titles(&removes)));
    }
    for (verb, ids) in [(w.adds, &c.adds.tensions), (w.removes, &c.removes.tensions)] {
        if !ids.is_empty() {
            lines.push(format!("{verb} {}: {}", w.kind_tension, titles(ids)));
        }
    }
    // Steps by name, their short titles: "adds step: Call an ambulance (119) now".
    let steps = |ids: &[String], verb: &str| -> Option<String> {
        if ids.is_empty() {
            return None;
        }
        let shorts: Vec<String> = ids.iter().map(|i| short_of(pack, i, lang)).collect();
        let word = match (lang, ids.len()) {
            (Lang::Id, _) => "langkah",
            (Lang::En, 1) => "step",
            (Lang::En, _) => "steps",
        };
        Some(format!("{verb} {word}: {}", shorts.join("; ")))
    };
    lines.extend(steps(&c.adds.steps, w.adds));
    lines.extend(steps(&c.removes.steps, w.removes));
    if let Some(level) = c.consult {
        lines.push(format!(
            "{}: {}",
            w.consult_becomes,
            words::consult_level(lang, level)
        ));
    }
    if !c.rules_out.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.pick("menyingkirkan", "rules out"),
            c.rules_out
                .iter()
                .map(|i| short_of(pack, i, lang))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    for p in &c.waits {
        let on: Vec<String> = p
            .hinges_on
            .iter()
            .map(|q| match pack.question(q) {
                Some(q) => format!("“{}”", q.prompt.get(lang)),
                None => q.clone(),
            })
            .collect();
        lines.push(format!(
            "{} {}: {}",
            short_of(pack, &p.id, lang),
            lang.pick("menunggu", "waits on"),
            on.join(" ")
        ));
    }
    if !c.asks.is_empty() {
        let prompts: Vec<String> = c
            .asks
            .iter()
            .filter_map(|q| pack.question(q))
            .map(|q| format!("“{}”", q.prompt.get(lang)))
            .collect();
        lines.push(format!("{} {}", w.asks, prompts.join(" ")));
    }
    if lines.is_empty() {
        lines.push(w.no_change.to_string());
    }
    lines
}
