//! Checking a parsed condition against the questions: unknown questions, unknown options and
//! questions used as the wrong kind, each located, every problem reported.

use std::collections::HashSet;
use std::ops::Range;

use super::Expr;
use super::error::{CondError, CondErrorKind, Listed};
use crate::vocab::QuestionKind;
use crate::vocab::suggest::close_names;

/// What the checker knows about one question.
pub struct QuestionInfo<'a> {
    pub kind: QuestionKind,
    pub options: &'a [String],
    /// The same options as a set, for a question with many.
    pub index: Option<&'a HashSet<String>>,
}

impl QuestionInfo<'_> {
    fn has(&self, option: &str) -> bool {
        match self.index {
            Some(set) => set.contains(option),
            None => self.options.iter().any(|o| o == option),
        }
    }
}

/// How to look questions up, and how much to say about each problem.
pub struct Lookups<'l, 'a> {
    /// A question by id.
    pub question: &'l dyn Fn(&str) -> Option<QuestionInfo<'a>>,
    /// Every question id, offered as suggestions for an unknown one.
    pub all_ids: &'l dyn Fn() -> Vec<&'a str>,
    /// Asked before each problem: whether it will be shown, and so deserves a "did you
    /// mean" (which costs a search of every id) and a list of options. A problem that would
    /// only be counted gets neither.
    pub detail: &'l mut dyn FnMut() -> bool,
}

/// Check a parsed condition; every problem is returned.
pub fn check(expr: &Expr, look: &mut Lookups) -> Vec<CondError> {
    let mut errors = Vec::new();
    check_into(expr, look, &mut errors);
    errors
}

/// The question `q` if it exists and is of the kind `want`; else the problem is added.
fn question<'a>(
    q: &str,
    span: &Range<usize>,
    want: QuestionKind,
    look: &mut Lookups<'_, 'a>,
    errors: &mut Vec<CondError>,
) -> Option<QuestionInfo<'a>> {
    match (look.question)(q) {
        None => {
            let suggestion = if (look.detail)() {
                close_names(q, (look.all_ids)())
            } else {
                None
            };
            errors.push(CondError {
                span: span.clone(),
                kind: CondErrorKind::UnknownQuestion {
                    id: q.to_string(),
                    suggestion,
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
    }
}

/// The problem of an option the question does not have, if it does not.
fn option_error(
    q: &str,
    option: &str,
    span: &Range<usize>,
    info: &QuestionInfo,
    look: &mut Lookups,
) -> Option<CondError> {
    if info.has(option) {
        return None;
    }
    let (suggestion, options) = if (look.detail)() {
        (
            close_names(option, info.options.iter().map(String::as_str)),
            Listed::of(info.options.iter().map(String::as_str)),
        )
    } else {
        (None, Listed::default())
    };
    Some(CondError {
        span: span.clone(),
        kind: CondErrorKind::NoSuchOption {
            question: q.to_string(),
            option: option.to_string(),
            suggestion,
            options,
        },
    })
}

fn check_into(expr: &Expr, look: &mut Lookups, errors: &mut Vec<CondError>) {
    match expr {
        Expr::Yes {
            question: q, span, ..
        } => {
            question(q, span, QuestionKind::YesNo, look, errors);
        }
        Expr::Is {
            question: q,
            option,
            span,
            option_span,
            ..
        } => {
            if let Some(info) = question(q, span, QuestionKind::OneOf, look, errors) {
                errors.extend(option_error(q, option, option_span, &info, look));
            }
        }
        Expr::In {
            question: q,
            option,
            span,
            option_span,
            ..
        } => {
            if let Some(info) = question(q, span, QuestionKind::AnyOf, look, errors) {
                errors.extend(option_error(q, option, option_span, &info, look));
            }
        }
        Expr::Not(inner) => check_into(inner, look, errors),
        Expr::And(items) | Expr::Or(items) => {
            for item in items {
                check_into(item, look, errors);
            }
        }
    }
}
