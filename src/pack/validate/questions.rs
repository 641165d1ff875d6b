//! The questionnaire: kinds and options, "not sure", and `ask_if` reading only earlier
//! questions.

use std::collections::HashSet;

use super::{Checker, Locations, is_snake_id};
use crate::diag::{DiagKind, Field};
use crate::pack::model::{Choice, Question};
use crate::pack::raw::{At, RawQuestion};
use crate::vocab::{ItemKind, OTHER, QuestionKind, Text, UNSURE};

pub(super) fn questions(
    cx: &mut Checker,
    raw: Vec<At<RawQuestion>>,
    locations: &mut Locations,
) -> Vec<Question> {
    cx.ids(ItemKind::Question, raw.iter().map(|q| (q.file, &q.item.id)));
    let mut out = Vec::with_capacity(raw.len());
    for (pos, At { file: f, item: q }) in raw.into_iter().enumerate() {
        let id = q.id.get_ref().clone();
        let field = |name| Field::of(ItemKind::Question, &id, name);
        let prompt = cx.text(f, q.prompt, field("prompt"));
        let help = cx.text(f, q.help, field("help"));
        let kind = *q.kind.get_ref();
        match kind {
            QuestionKind::YesNo if !q.options.is_empty() => {
                cx.add(
                    f,
                    Some(q.id.span()),
                    DiagKind::YesNoWithOptions { id: id.clone() },
                );
            }
            QuestionKind::OneOf | QuestionKind::AnyOf if q.options.len() < 2 => {
                cx.add(
                    f,
                    Some(q.id.span()),
                    DiagKind::TooFewOptions {
                        id: id.clone(),
                        kind,
                    },
                );
            }
            _ => {}
        }
        let unsure = q.unsure.as_ref().is_some_and(|u| *u.get_ref());
        if q.find_out.is_some() && !unsure {
            let span = q.find_out.as_ref().map(|t| t.span());
            cx.add(f, span, DiagKind::FindOutWithoutUnsure { id: id.clone() });
        }
        let mut seen: HashSet<String> = HashSet::with_capacity(q.options.len());
        let mut options = Vec::with_capacity(q.options.len());
        for o in q.options {
            let oid = o.id.get_ref().as_str();
            if oid == UNSURE {
                cx.add(
                    f,
                    Some(o.id.span()),
                    DiagKind::ReservedOptionId { id: oid.into() },
                );
            } else if !is_snake_id(oid) {
                cx.add(
                    f,
                    Some(o.id.span()),
                    DiagKind::BadOptionId { id: oid.into() },
                );
            }
            if !seen.insert(oid.to_string()) {
                cx.add(
                    f,
                    Some(o.id.span()),
                    DiagKind::DuplicateOption {
                        question: id.clone(),
                        option: oid.into(),
                    },
                );
            }
            if o.order && id != crate::vocab::DECISION {
                cx.add(
                    f,
                    Some(o.id.span()),
                    DiagKind::OrderOutsideDecision {
                        question: id.clone(),
                        option: oid.into(),
                    },
                );
            }
            let label = cx.text(
                f,
                o.label,
                Field::of(ItemKind::Question, &format!("{id}.{oid}"), "label"),
            );
            options.push(Choice {
                id: o.id.into_inner(),
                label,
                outside: o.outside,
                order: o.order,
            });
        }
        // Every choice question offers "None of these": an answer the pack does not cover.
        if kind != QuestionKind::YesNo && !seen.contains(OTHER) {
            options.push(Choice {
                id: OTHER.to_string(),
                label: none_of_these(),
                outside: false,
                order: false,
            });
        }
        let mut formerly = Vec::with_capacity(q.formerly.len());
        for w in q.formerly {
            let value = w.get_ref();
            let (old_q, old_o) = match value.split_once(':') {
                Some((a, b)) => (a, Some(b)),
                None => (value.as_str(), None),
            };
            // A former question the pack no longer asks, or a former option of a question it
            // still asks but that no longer has it.
            let gone = is_snake_id(old_q)
                && match old_o {
                    None => cx.questions.position(old_q).is_none(),
                    Some(o) => is_snake_id(o) && cx.questions.has_option(old_q, o) != Some(true),
                };
            if !gone {
                cx.add(
                    f,
                    Some(w.span()),
                    DiagKind::BadFormerly {
                        question: id.clone(),
                        value: value.clone(),
                    },
                );
            }
            formerly.push(w.into_inner());
        }
        let ask_if = q.ask_if.as_ref().and_then(|c| {
            let expr = cx.condition(f, c)?;
            let mut ok = true;
            for (read, span) in expr.question_spans() {
                let at = cx.condition_span(f, c, span);
                match cx.questions.position(read) {
                    Some(_) if read == id => {
                        cx.add(f, Some(at), DiagKind::AskIfSelf { id: id.clone() });
                        ok = false;
                    }
                    Some(p) if p > pos => {
                        cx.add(
                            f,
                            Some(at),
                            DiagKind::AskIfLater {
                                own: id.clone(),
                                read: read.to_string(),
                            },
                        );
                        ok = false;
                    }
                    _ => {}
                }
            }
            ok.then_some(expr)
        });
        locations
            .questions
            .push(q.ask_if.as_ref().map(|c| (f, c.span())));
        out.push(Question {
            kind,
            prompt,
            help,
            options,
            ask_if,
            unsure,
            find_out: cx.opt_text(f, q.find_out, field("find_out")),
            formerly,
            id,
        });
    }
    out
}

/// The label of the option every choice question offers.
pub(crate) fn none_of_these() -> Text {
    Text {
        id: "Tidak satu pun dari ini".to_string(),
        en: "None of these".to_string(),
    }
}
