//! Reports: a decision shown as a table for the terminal, a Markdown case note, or JSON.
//!
//! All three carry the same content and the pack's disclaimer. Rendering reads the pack for
//! text; it never changes the decision.

mod condition_words;
pub mod feedback;
mod json;
mod markdown;
mod table;

use crate::answers::{answer_code, describe_answer};
use crate::engine::Decision;
use crate::pack::Pack;
use crate::text::Lang;

pub use condition_words::describe_condition;
pub use json::to_json;
pub use markdown::to_markdown;
pub use table::to_table;

/// Output formats of `assess` and `practice`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
}

/// How to draw for a person: language, width, colour.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub lang: Lang,
    pub width: u16,
    pub color: bool,
}

impl Style {
    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn heading(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1;36m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Render a decision in the chosen format.
pub fn render(format: Format, pack: &Pack, decision: &Decision, style: &Style) -> String {
    match format {
        Format::Table => to_table(pack, decision, style),
        Format::Markdown => to_markdown(pack, decision, style.lang),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&to_json(pack, decision, style.lang))
                .expect("JSON values always serialise");
            s.push('\n');
            s
        }
    }
}

/// "prompt → answer" for each question behind a trace.
pub(crate) fn why_lines(
    pack: &Pack,
    decision: &Decision,
    why: &[String],
    lang: Lang,
) -> Vec<String> {
    why.iter()
        .filter_map(|q| {
            let question = pack.question(q)?;
            let value = decision.answers.get(q)?;
            Some(format!(
                "{} → {}",
                question.prompt.get(lang),
                describe_answer(question, value, lang)
            ))
        })
        .collect()
}

/// The answer a trace points to, as (question id, code, label).
pub(crate) fn why_entries(
    pack: &Pack,
    decision: &Decision,
    why: &[String],
    lang: Lang,
) -> Vec<(String, String, String)> {
    why.iter()
        .filter_map(|q| {
            let question = pack.question(q)?;
            let value = decision.answers.get(q)?;
            Some((
                q.clone(),
                answer_code(value),
                describe_answer(question, value, lang),
            ))
        })
        .collect()
}

/// The title of an obligation or tension id, for "because" lists.
pub(crate) fn title_of(pack: &Pack, id: &str, lang: Lang) -> String {
    if let Some(o) = pack.obligation(id) {
        return o.title.get(lang).to_string();
    }
    if let Some(t) = pack.tension(id) {
        return t.title.get(lang).to_string();
    }
    id.to_string()
}

pub fn principle_name(pack: &Pack, id: &str, lang: Lang) -> String {
    pack.principle(id)
        .map(|p| p.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// Titles of obligations or tensions, joined for a "because" line.
pub(crate) fn titles(pack: &Pack, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .map(|i| title_of(pack, i, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The principle that prevails in a tension, in words.
pub(crate) fn prevails_name(pack: &Pack, t: &crate::engine::ActiveTension, lang: Lang) -> String {
    match &t.prevails {
        Some(p) => principle_name(pack, p, lang),
        None => crate::i18n::words(lang).not_ranked.to_string(),
    }
}

/// How a tension was settled: by a binding duty (named) or by the ranking (its source).
pub(crate) fn how_settled(pack: &Pack, t: &crate::engine::ActiveTension, lang: Lang) -> String {
    let w = crate::i18n::words(lang);
    if t.settled_by.is_empty() {
        format!(
            "{}: {}",
            w.settled_by_ranking,
            pack.meta().ranking.source.get(lang)
        )
    } else {
        format!(
            "{}: {}",
            w.settled_by_binding,
            titles(pack, &t.settled_by, lang)
        )
    }
}
