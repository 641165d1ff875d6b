//! Checking a parsed condition against the questions: unknown questions, unknown options and
//! questions used as the wrong kind, each located, every problem reported.

use std::ops::Range;

use super::Expr;
use super::error::{CondError, CondErrorKind};
use crate::vocab::QuestionKind;
use crate::vocab::suggest::closest;

/// What the checker knows about one question.
pub struct QuestionInfo<'a> {
    pub kind: QuestionKind,
    pub options: &'a [String],
}

/// Check a parsed condition; every problem is returned. `lookup` finds a question by id,
/// `all_ids` are offered as suggestions for an unknown one.
pub fn check<'a>(
    expr: &Expr,
    lookup: &dyn Fn(&str) -> Option<QuestionInfo<'a>>,
    all_ids: &dyn Fn() -> Vec<&'a str>,
) -> Vec<CondError> {
    let mut errors = Vec::new();
    check_into(expr, lookup, all_ids, &mut errors);
    errors
}

fn check_into<'a>(
    expr: &Expr,
    lookup: &dyn Fn(&str) -> Option<QuestionInfo<'a>>,
    all_ids: &dyn Fn() -> Vec<&'a str>,
    errors: &mut Vec<CondError>,
) {
    let mut question = |q: &str, span: &Range<usize>, want: QuestionKind| match lookup(q) {
        None => {
            errors.push(CondError {
                span: span.clone(),
                kind: CondErrorKind::UnknownQuestion {
                    id: q.to_string(),
                    suggestion: closest(q, all_ids()).map(str::to_string),
                },
            });
            None
        }
        Some(info) if info.kind != want => {
            errors.push(CondError {
                span: span.clone(),
                kind: CondErrorKind::WrongKind {
                    question: q.to_string(),
                    is: info.kind,
                    used_as: want,
                },
            });
            None
        }
        Some(info) => Some(info),
    };
    let option_error = |q: &str, option: &str, span: &Range<usize>, info: &QuestionInfo| {
        (!info.options.iter().any(|o| o == option)).then(|| CondError {
            span: span.clone(),
            kind: CondErrorKind::NoSuchOption {
                question: q.to_string(),
                option: option.to_string(),
                suggestion: closest(option, info.options.iter().map(String::as_str))
                    .map(str::to_string),
                options: info.options.to_vec(),
            },
        })
    };
    match expr {
        Expr::Yes {
            question: q, span, ..
        } => {
            question(q, span, QuestionKind::YesNo);
        }
        Expr::Is {
            question: q,
            option,
            span,
            option_span,
            ..
        } => {
            if let Some(info) = question(q, span, QuestionKind::OneOf) {
                errors.extend(option_error(q, option, option_span, &info));
            }
        }
        Expr::In {
            question: q,
            option,
            span,
            option_span,
            ..
        } => {
            if let Some(info) = question(q, span, QuestionKind::AnyOf) {
                errors.extend(option_error(q, option, option_span, &info));
            }
        }
        Expr::Not(inner) => check_into(inner, lookup, all_ids, errors),
        Expr::And(items) | Expr::Or(items) => {
            for item in items {
                check_into(item, lookup, all_ids, errors);
            }
        }
    }
}
