//! The condition language of `when` and `ask_if`.
//!
//! A condition is a short sentence a social worker can read aloud:
//! `harm_risk and harm_target == 'third_party' and not client_consents`.
//! It is lexed and parsed when the pack loads, checked against the questions, and evaluated
//! against answers by walking the tree; it is never run as code. Evaluation is three-valued:
//! an answer of "not sure yet" makes a comparison on it unknown, and `and`, `or` and `not`
//! follow Kleene's logic. This module does no I/O.

mod check;
mod error;
mod eval;
mod lex;
mod parse;
mod print;

use std::ops::Range;

pub use check::{QuestionInfo, check};
pub use error::{CondError, CondErrorKind, short_list};
pub use eval::{Fact, Truth};
pub use parse::parse;

/// Conditions longer than this are refused before parsing.
pub const MAX_LEN: usize = 4096;
/// Nesting deeper than this (parentheses or `not`) is refused, so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 32;

/// The parsed form of a condition. Spans are byte offsets in the condition's own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A bare `yes_no` question id: true when answered yes.
    Yes {
        question: String,
        span: Range<usize>,
    },
    /// `question == 'option'` (or `!=` when `negated`) on a `one_of` question.
    Is {
        question: String,
        option: String,
        negated: bool,
        span: Range<usize>,
        option_span: Range<usize>,
    },
    /// `'option' in question` on an `any_of` question.
    In {
        question: String,
        option: String,
        span: Range<usize>,
        option_span: Range<usize>,
    },
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

impl Expr {
    /// The question ids this condition reads, in order of appearance, without repeats.
    pub fn questions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        self.walk(&mut |q, _| {
            if !out.contains(&q) {
                out.push(q);
            }
        });
        out
    }

    /// Each question id this condition reads, with the span of its first use.
    pub fn question_spans(&self) -> Vec<(&str, Range<usize>)> {
        let mut out: Vec<(&str, Range<usize>)> = Vec::new();
        self.walk(&mut |q, span| {
            if !out.iter().any(|(x, _)| *x == q) {
                out.push((q, span.clone()));
            }
        });
        out
    }

    /// Every leaf: its question and the option it names, if any.
    pub fn leaves(&self) -> Vec<(&str, Option<&str>)> {
        let mut out = Vec::new();
        self.visit(&mut |e| match e {
            Expr::Yes { question, .. } => out.push((question.as_str(), None)),
            Expr::Is {
                question, option, ..
            }
            | Expr::In {
                question, option, ..
            } => out.push((question.as_str(), Some(option.as_str()))),
            _ => {}
        });
        out
    }

    fn walk<'s>(&'s self, f: &mut dyn FnMut(&'s str, &'s Range<usize>)) {
        match self {
            Expr::Yes { question, span }
            | Expr::Is { question, span, .. }
            | Expr::In { question, span, .. } => f(question, span),
            Expr::Not(inner) => inner.walk(f),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| i.walk(f)),
        }
    }

    fn visit<'s>(&'s self, f: &mut dyn FnMut(&'s Expr)) {
        f(self);
        match self {
            Expr::Not(inner) => inner.visit(f),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| i.visit(f)),
            _ => {}
        }
    }
}

/// A condition is stored and listed as its canonical text, and read back by parsing it.
impl serde::Serialize for Expr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Expr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse(&text).map_err(|e| {
            serde::de::Error::custom(format!(
                "condition `{text}`: {}",
                e.kind.message(crate::vocab::Lang::En)
            ))
        })
    }
}

#[cfg(test)]
mod tests;
