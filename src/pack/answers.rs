//! Reading answers written as TOML (a case's `[answers]`, an answers file) against the
//! questionnaire, every problem located at the key or the value.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{Question, Questionnaire};
use crate::condition::Listed;
use crate::diag::{DiagKind, Diagnostics, SourceFile};
use crate::vocab::suggest::close_names;
use crate::vocab::{Answers, QuestionKind, UNSURE, Value};

/// One written answer: the key and value with their places in the file.
pub struct Written<'a> {
    pub key: &'a str,
    pub key_span: Range<usize>,
    pub value: &'a toml::Value,
    pub value_span: Range<usize>,
}

/// A value as TOML writes it, cut short, for messages.
fn literal(v: &toml::Value) -> String {
    let s = match v {
        toml::Value::Array(_) => "[…]".to_string(),
        toml::Value::Table(_) => "{…}".to_string(),
        other => other.to_string(),
    };
    let mut cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        cut.push('…');
    }
    format!("`{cut}`")
}

/// The options of questions with many, as sets built when first needed, shared by every
/// answers read against one questionnaire: a hundred cases answering a question of ten
/// thousand options build its set once.
#[derive(Default)]
pub struct OptionSets<'q> {
    sets: HashMap<&'q str, HashSet<&'q str>>,
}

impl<'q> OptionSets<'q> {
    fn has(&mut self, question: &'q Question, option: &str) -> bool {
        if question.options.len() <= 32 {
            return question.options.iter().any(|o| o.id == option);
        }
        self.sets
            .entry(question.id.as_str())
            .or_insert_with(|| question.options.iter().map(|o| o.id.as_str()).collect())
            .contains(option)
    }
}

/// Read written answers; problems go to `diags`. Answers with a problem are left out.
pub fn read<'w, 'q>(
    q: Questionnaire<'q>,
    sets: &mut OptionSets<'q>,
    written: impl IntoIterator<Item = Written<'w>>,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Answers {
    let mut answers = Answers::new();
    for w in written {
        if let Some(v) = convert(q, sets, &w, file, diags) {
            answers.insert(w.key.to_string(), v);
        }
    }
    answers
}

fn convert<'q>(
    q: Questionnaire<'q>,
    sets: &mut OptionSets<'q>,
    w: &Written,
    file: &SourceFile,
    diags: &mut Diagnostics,
) -> Option<Value> {
    let Some(question) = q.get(w.key) else {
        let now = replaced_by(q, w.key);
        if !now.is_empty() {
            diags.add(
                file,
                Some(w.key_span.clone()),
                DiagKind::Retired {
                    key: w.key.to_string(),
                    now,
                },
            );
            return None;
        }
        let suggestion = if diags.full(&file.name) {
            None
        } else {
            close_names(w.key, q.questions.iter().map(|x| x.id.as_str()))
        };
        diags.add(
            file,
            Some(w.key_span.clone()),
            DiagKind::UnknownQuestion {
                key: w.key.to_string(),
                suggestion,
            },
        );
        return None;
    };
    let key = w.key;
    let span = Some(w.value_span.clone());
    let first = question
        .options
        .first()
        .map(|o| o.id.as_str())
        .unwrap_or("…");
    let wrong = |diags: &mut Diagnostics, example: String| {
        diags.add(
            file,
            span.clone(),
            DiagKind::WrongAnswerType {
                question: key.to_string(),
                want: question.kind,
                found: literal(w.value),
                example,
            },
        );
    };
    let mut known = |opt: &str| sets.has(question, opt);
    let bad_option = |diags: &mut Diagnostics, opt: &str| {
        let now = replaced_by(q, &format!("{key}:{opt}"));
        if !now.is_empty() {
            diags.add(
                file,
                span.clone(),
                DiagKind::RetiredOption {
                    question: key.to_string(),
                    option: opt.to_string(),
                    now,
                },
            );
            return;
        }
        let suggestion = if diags.full(&file.name) {
            None
        } else {
            close_names(opt, question.options.iter().map(|o| o.id.as_str()))
        };
        let options = if suggestion.is_some() || diags.full(&file.name) {
            Listed::default()
        } else {
            Listed::of(question.options.iter().map(|o| o.id.as_str()))
        };
        diags.add(
            file,
            span.clone(),
            DiagKind::NoSuchOption {
                question: key.to_string(),
                option: opt.to_string(),
                suggestion,
                options,
            },
        );
    };
    if let toml::Value::String(s) = w.value
        && s == UNSURE
    {
        if question.unsure {
            return Some(Value::Unsure);
        }
        let allowed = if diags.full(&file.name) {
            Listed::default()
        } else {
            Listed::of(
                q.questions
                    .iter()
                    .filter(|x| x.unsure)
                    .map(|x| x.id.as_str()),
            )
        };
        diags.add(
            file,
            span.clone(),
            DiagKind::UnsureNotAllowed {
                question: key.to_string(),
                allowed,
            },
        );
        return None;
    }
    match (question.kind, w.value) {
        (QuestionKind::YesNo, toml::Value::Boolean(b)) => Some(Value::Yes(*b)),
        (QuestionKind::YesNo, _) => {
            let example = if question.unsure {
                "true  # or false, or \"unsure\""
            } else {
                "true"
            };
            wrong(diags, example.into());
            None
        }
        (QuestionKind::OneOf, toml::Value::String(s)) => {
            if known(s) {
                Some(Value::One(s.clone()))
            } else {
                bad_option(diags, s);
                None
            }
        }
        (QuestionKind::OneOf, _) => {
            wrong(diags, format!("\"{first}\""));
            None
        }
        (QuestionKind::AnyOf, toml::Value::Array(items)) => {
            let mut ticked: HashSet<&str> = HashSet::new();
            let mut ok = true;
            for item in items {
                match item {
                    toml::Value::String(s) if known(s) => {
                        if !ticked.insert(s) {
                            // Counted once, as ticking a box twice would be; said, since a
                            // repeat is often a slip for another option.
                            diags.add(
                                file,
                                Some(repeat_at(file, &w.value_span, s)),
                                DiagKind::RepeatedOption {
                                    question: key.to_string(),
                                    option: s.clone(),
                                },
                            );
                        }
                    }
                    toml::Value::String(s) => {
                        bad_option(diags, s);
                        ok = false;
                    }
                    _ => {
                        wrong(diags, format!("[\"{first}\"]"));
                        ok = false;
                    }
                }
            }
            // Keep the pack's order of options, whatever order the file used.
            ok.then(|| {
                Value::Many(
                    question
                        .options
                        .iter()
                        .filter(|o| ticked.contains(o.id.as_str()))
                        .map(|o| o.id.clone())
                        .collect(),
                )
            })
        }
        (QuestionKind::AnyOf, _) => {
            wrong(diags, format!("[\"{first}\"]"));
            None
        }
    }
}

/// Where the second `option` in a list written at `list` is, as a quoted string: the list
/// itself when it cannot be told (an escape inside the quotes, say).
fn repeat_at(file: &SourceFile, list: &Range<usize>, option: &str) -> Range<usize> {
    let Some(text) = file.text.get(list.clone()) else {
        return list.clone();
    };
    for quoted in [format!("\"{option}\""), format!("'{option}'")] {
        let mut found = text.match_indices(quoted.as_str()).map(|(i, _)| i);
        if let (Some(_), Some(second)) = (found.next(), found.next()) {
            let start = list.start + second;
            return start..start + quoted.len();
        }
    }
    list.clone()
}

/// The questions that take the place of an earlier edition's question or option
/// (`question` or `question:option`), by their `formerly`.
fn replaced_by(q: Questionnaire, old: &str) -> Vec<String> {
    q.questions
        .iter()
        .filter(|x| x.formerly.iter().any(|f| f == old))
        .map(|x| x.id.clone())
        .collect()
}

/// A warning for each answer to a question that would not be asked with the other answers.
pub fn unasked(
    q: Questionnaire,
    answers: &Answers,
    file: &SourceFile,
    locate: impl Fn(&str) -> Option<Range<usize>>,
    diags: &mut Diagnostics,
) {
    ignored(q, answers, &q.effective(answers), file, locate, diags);
}

/// A warning for each answer in `answers` that `kept` (the answers that count) leaves out.
pub fn ignored(
    q: Questionnaire,
    answers: &Answers,
    kept: &Answers,
    file: &SourceFile,
    locate: impl Fn(&str) -> Option<Range<usize>>,
    diags: &mut Diagnostics,
) {
    for k in answers.keys().filter(|k| !kept.contains_key(*k)) {
        let ask_if = q
            .get(k)
            .and_then(|x| x.ask_if.as_ref())
            .map(|e| e.to_string())
            .unwrap_or_default();
        diags.add(
            file,
            locate(k),
            DiagKind::NotAsked {
                question: k.clone(),
                ask_if,
            },
        );
    }
}
