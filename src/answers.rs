//! Answers files: the TOML form `--answers` reads and `--save` writes, checked against a pack
//! with every problem located.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::{DiagKind, Diagnostics, SourceFile};
use crate::pack::answers::{self as read, Written};
use crate::pack::raw::RawAnswers;
use crate::pack::{Pack, locate_spanless, toml_kind, too_deep};
use crate::vocab::{Answers, Value};

/// Which pack an answers file was written for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    pub id: String,
    pub edition: String,
}

/// An answers file, as `--answers` reads it and `--save` writes it.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "etika answers file")]
pub struct FileForm {
    /// The pack the answers were saved with (`--save` writes it; `--resume` checks it).
    #[serde(default)]
    pack: Option<Stamp>,
    /// Question id → answer.
    #[serde(default)]
    #[schemars(with = "Option<crate::pack::raw::AnswersSchema>")]
    answers: Option<RawAnswers>,
    /// In a student's answers file: the practice case.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    case: Option<Spanned<String>>,
    /// In a student's answers file: the chosen course of action.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    course: Option<Spanned<String>>,
}

/// A read answers file.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    pub answers: Answers,
    pub stamp: Option<Stamp>,
    /// The practice case this file answers, if it says.
    pub case: Option<Spanned<String>>,
    /// The course of action chosen in practice, with its place in the file.
    pub course: Option<Spanned<String>>,
    /// Warnings: answers to questions that would not be asked.
    pub warnings: Diagnostics,
    /// With [`parse_whole`]: the questions the file leaves out that its answers would ask, each
    /// with whether it now counts as "not sure yet".
    pub missing: Vec<(String, bool)>,
}

/// Read an answers file's text. The error holds every problem found, each located.
pub fn parse(pack: &Pack, file: &SourceFile) -> Result<AnswersFile, Diagnostics> {
    parse_with(pack, file, false)
}

/// Read an answers file that stands for a whole interview (`assess --answers`): a question its
/// answers would ask and the file leaves out counts as "not sure yet" where the question
/// allows it, and is listed in `missing`.
pub fn parse_whole(pack: &Pack, file: &SourceFile) -> Result<AnswersFile, Diagnostics> {
    parse_with(pack, file, true)
}

fn parse_with(pack: &Pack, file: &SourceFile, whole: bool) -> Result<AnswersFile, Diagnostics> {
    let mut diags = Diagnostics::new();
    if let Some(at) = too_deep(&file.text) {
        diags.add(file, Some(at..at + 1), DiagKind::NestedTooDeep);
        return Err(diags);
    }
    let form: FileForm = match toml::from_str(&file.text) {
        Ok(f) => f,
        Err(e) => {
            let kind = match toml_kind(e.message()) {
                DiagKind::UnknownField { field, .. } => DiagKind::AnswersField { field },
                other => other,
            };
            let span = e
                .span()
                .or_else(|| locate_spanless::<FileForm>(&file.text, e.message()));
            diags.add(file, span, kind);
            return Err(diags);
        }
    };
    let Some(entries) = form.answers else {
        diags.add(file, None, DiagKind::NoAnswersTable);
        return Err(diags);
    };
    let q = pack.questionnaire();
    let written = entries.iter().map(|(k, v)| Written {
        key: k.get_ref(),
        key_span: k.span(),
        value: v.get_ref(),
        value_span: v.span(),
    });
    // An empty list is no answer to a question that needs a tick: the interview never lets one
    // through ("None of these" is an option like the others).
    for (k, v) in &entries {
        if let toml::Value::Array(items) = v.get_ref()
            && items.is_empty()
            && q.get(k.get_ref())
                .is_some_and(|x| x.kind == crate::vocab::QuestionKind::AnyOf)
        {
            diags.add(
                file,
                Some(v.span()),
                DiagKind::EmptyAnswer {
                    question: k.get_ref().clone(),
                },
            );
        }
    }
    let answers = read::read(q, &mut Default::default(), written, file, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    let spans: HashMap<&str, std::ops::Range<usize>> = entries
        .keys()
        .map(|k| (k.get_ref().as_str(), k.span()))
        .collect();
    let (answers, missing) = if whole {
        let (filled, missing) = q.fill_unanswered(&answers);
        // An answer kept once the gaps before it count as "not sure yet" is not ignored.
        let locate = |k: &str| spans.get(k).cloned();
        read::ignored(q, &answers, &filled, file, locate, &mut diags);
        (filled, missing)
    } else {
        read::unasked(q, &answers, file, |k| spans.get(k).cloned(), &mut diags);
        (answers, Vec::new())
    };
    Ok(AnswersFile {
        answers,
        stamp: form.pack,
        case: form.case,
        course: form.course,
        warnings: diags,
        missing,
    })
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The answers-file text for these answers, in questionnaire order, stamped with the pack.
/// `head` holds top-level lines (a practice case and course) to put before the tables.
pub fn to_toml(pack: &Pack, answers: &Answers, head: &[(&str, &str)]) -> String {
    let mut out =
        String::from("# etika answers: question ids and answers only, nothing about a person.\n");
    for (k, v) in head {
        out.push_str(&format!("{k} = {}\n", toml_str(v)));
    }
    out.push_str(&format!(
        "\n[pack]\nid = {}\nedition = {}\n",
        toml_str(&pack.meta.id),
        toml_str(&pack.meta.edition)
    ));
    out.push_str("\n[answers]\n");
    for q in &pack.questions {
        if let Some(v) = answers.get(&q.id) {
            let value = match v {
                Value::Yes(b) => b.to_string(),
                Value::One(s) => toml_str(s),
                Value::Unsure => toml_str(crate::vocab::UNSURE),
                Value::Many(items) => format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|s| toml_str(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            out.push_str(&format!("{} = {value}\n", q.id));
        }
    }
    out
}
