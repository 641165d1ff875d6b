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

pub use check::{Lookups, QuestionInfo, check};
pub use error::{CondErrorKind, Listed, short_list};
pub use eval::{Fact, Lookup, Truth};
pub use parse::parse;

/// Conditions longer than this are refused before parsing.
pub const MAX_LEN: usize = 4096;
/// Nesting deeper than this (parentheses or `not`) is refused, so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 32;

/// A question's place in the questionnaire, as a condition's leaf records it once the pack
/// is checked (`NO_SLOT` until then), so evaluation can look an answer up by position.
pub const NO_SLOT: u32 = u32::MAX;

/// The parsed form of a condition. Spans are byte offsets in the condition's own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A bare `yes_no` question id: true when answered yes.
    Yes {
        question: String,
        slot: u32,
        span: Range<usize>,
    },
    /// `question == 'option'` (or `!=` when `negated`) on a `one_of` question.
    Is {
        question: String,
        option: String,
        negated: bool,
        slot: u32,
        span: Range<usize>,
        option_span: Range<usize>,
    },
    /// `'option' in question` on an `any_of` question.
    In {
        question: String,
        option: String,
        slot: u32,
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
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<&str> = Vec::new();
        self.walk(&mut |q, _| {
            if seen.insert(q) {
                out.push(q);
            }
        });
        out
    }

    /// Each question id this condition reads, with the span of its first use.
    pub fn question_spans(&self) -> Vec<(&str, Range<usize>)> {
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<(&str, Range<usize>)> = Vec::new();
        self.walk(&mut |q, span| {
            if seen.insert(q) {
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

    /// The questions the condition reads where an answer makes it hold rather than fail: under
    /// no `not` (or under two), and not through `!=`. A guard such as `not danger_now` reads
    /// `danger_now` only to stand aside.
    pub fn positive_questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.positive(false, &mut out);
        out
    }

    fn positive<'s>(&'s self, under_not: bool, out: &mut Vec<&'s str>) {
        match self {
            Expr::Yes { question, .. } | Expr::In { question, .. } => {
                if !under_not {
                    out.push(question);
                }
            }
            Expr::Is {
                question, negated, ..
            } => {
                if under_not == *negated {
                    out.push(question);
                }
            }
            Expr::Not(inner) => inner.positive(!under_not, out),
            Expr::And(items) | Expr::Or(items) => {
                items.iter().for_each(|i| i.positive(under_not, out))
            }
        }
    }

    fn walk<'s>(&'s self, f: &mut dyn FnMut(&'s str, &'s Range<usize>)) {
        match self {
            Expr::Yes { question, span, .. }
            | Expr::Is { question, span, .. }
            | Expr::In { question, span, .. } => f(question, span),
            Expr::Not(inner) => inner.walk(f),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| i.walk(f)),
        }
    }

    /// Whether the condition reads a question whose place `changed` marks (a place it does not
    /// know counts as changed, so the answer is never wrongly taken as the same).
    pub fn reads_any(&self, changed: &[bool]) -> bool {
        match self {
            Expr::Yes { slot, .. } | Expr::Is { slot, .. } | Expr::In { slot, .. } => {
                changed.get(*slot as usize).copied().unwrap_or(true)
            }
            Expr::Not(inner) => inner.reads_any(changed),
            Expr::And(items) | Expr::Or(items) => items.iter().any(|i| i.reads_any(changed)),
        }
    }

    /// Record each question's place in the questionnaire in the leaves that read it.
    pub fn resolve(&mut self, position: &dyn Fn(&str) -> Option<usize>) {
        match self {
            Expr::Yes { question, slot, .. }
            | Expr::Is { question, slot, .. }
            | Expr::In { question, slot, .. } => {
                *slot = position(question).map_or(NO_SLOT, |p| p as u32);
            }
            Expr::Not(inner) => inner.resolve(position),
            Expr::And(items) | Expr::Or(items) => {
                items.iter_mut().for_each(|i| i.resolve(position))
            }
        }
    }

    /// How many nodes the tree has: what one evaluation of it costs at most.
    pub fn size(&self) -> usize {
        let mut n = 0;
        self.visit(&mut |_| n += 1);
        n
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

/// The tree without places, as a compact binary form stores it.
#[derive(serde::Serialize, serde::Deserialize)]
enum Tree {
    Yes(String, u32),
    Is(String, String, bool, u32),
    In(String, String, u32),
    Not(Box<Tree>),
    And(Vec<Tree>),
    Or(Vec<Tree>),
}

impl From<&Expr> for Tree {
    fn from(e: &Expr) -> Tree {
        match e {
            Expr::Yes { question, slot, .. } => Tree::Yes(question.clone(), *slot),
            Expr::Is {
                question,
                option,
                negated,
                slot,
                ..
            } => Tree::Is(question.clone(), option.clone(), *negated, *slot),
            Expr::In {
                question,
                option,
                slot,
                ..
            } => Tree::In(question.clone(), option.clone(), *slot),
            Expr::Not(i) => Tree::Not(Box::new(Tree::from(&**i))),
            Expr::And(items) => Tree::And(items.iter().map(Tree::from).collect()),
            Expr::Or(items) => Tree::Or(items.iter().map(Tree::from).collect()),
        }
    }
}

impl From<Tree> for Expr {
    fn from(t: Tree) -> Expr {
        match t {
            Tree::Yes(question, slot) => Expr::Yes {
                question,
                slot,
                span: 0..0,
            },
            Tree::Is(question, option, negated, slot) => Expr::Is {
                question,
                option,
                negated,
                slot,
                span: 0..0,
                option_span: 0..0,
            },
            Tree::In(question, option, slot) => Expr::In {
                question,
                option,
                slot,
                span: 0..0,
                option_span: 0..0,
            },
            Tree::Not(i) => Expr::Not(Box::new(Expr::from(*i))),
            Tree::And(items) => Expr::And(items.into_iter().map(Expr::from).collect()),
            Tree::Or(items) => Expr::Or(items.into_iter().map(Expr::from).collect()),
        }
    }
}

/// A condition is listed (JSON) as its canonical text and read back by parsing it; a compact
/// binary form (the embedded pack) stores the tree itself, so reading it parses nothing.
impl serde::Serialize for Expr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            Tree::from(self).serialize(s)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Expr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return Tree::deserialize(d).map(Expr::from);
        }
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
