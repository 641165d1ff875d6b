//! Three-valued evaluation, and the answers behind a result.
//!
//! A question that was not asked makes every comparison on it false. An answer of "not sure
//! yet" makes every comparison on it unknown; `and`, `or` and `not` follow Kleene's logic:
//! `false and unknown` is false, `true or unknown` is true, `not unknown` is unknown.

use super::Expr;
use crate::vocab::{Answers, Value};

/// A truth value of three-valued logic, ordered `False < Unknown < True`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    pub fn from_bool(b: bool) -> Truth {
        if b { Truth::True } else { Truth::False }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Truth {
        match self {
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
            Truth::True => Truth::False,
        }
    }
}

/// One answer behind a result: the answer itself, or for an `any_of` question one option it
/// does or does not include. Only the answers that decided the result are named.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fact {
    Answer { question: String },
    Includes { question: String, option: String },
    Excludes { question: String, option: String },
}

impl Fact {
    pub fn question(&self) -> &str {
        match self {
            Fact::Answer { question }
            | Fact::Includes { question, .. }
            | Fact::Excludes { question, .. } => question,
        }
    }
}

fn push(out: &mut Vec<Fact>, f: Fact) {
    if !out.contains(&f) {
        out.push(f);
    }
}

/// Where a condition finds answers: by question id, or faster by the question's place.
pub trait Lookup {
    fn value(&self, question: &str, slot: u32) -> Option<&Value>;

    /// Whether `option` is ticked on an `any_of` question. The default reads `value`; a
    /// search may know some options of a list and not yet the others.
    fn ticked(&self, question: &str, slot: u32, option: &str) -> Truth {
        match self.value(question, slot) {
            Some(Value::Many(vs)) => Truth::from_bool(vs.iter().any(|v| v == option)),
            Some(Value::Unsure) => Truth::Unknown,
            _ => Truth::False,
        }
    }
}

impl Lookup for Answers {
    fn value(&self, question: &str, _slot: u32) -> Option<&Value> {
        self.get(question)
    }
}

impl Expr {
    /// Evaluate against the answers that count.
    pub fn eval<L: Lookup + ?Sized>(&self, answers: &L) -> Truth {
        match self {
            Expr::Yes { question, slot, .. } => match answers.value(question, *slot) {
                Some(Value::Yes(b)) => Truth::from_bool(*b),
                Some(Value::Unsure) => Truth::Unknown,
                _ => Truth::False,
            },
            Expr::Is {
                question,
                option,
                negated,
                slot,
                ..
            } => match answers.value(question, *slot) {
                Some(Value::One(v)) => Truth::from_bool((v == option) != *negated),
                Some(Value::Unsure) => Truth::Unknown,
                _ => Truth::False,
            },
            Expr::In {
                question,
                option,
                slot,
                ..
            } => answers.ticked(question, *slot, option),
            Expr::Not(inner) => inner.eval(answers).not(),
            Expr::And(items) => {
                let mut acc = Truth::True;
                for i in items {
                    acc = acc.min(i.eval(answers));
                    if acc == Truth::False {
                        break;
                    }
                }
                acc
            }
            Expr::Or(items) => {
                let mut acc = Truth::False;
                for i in items {
                    acc = acc.max(i.eval(answers));
                    if acc == Truth::True {
                        break;
                    }
                }
                acc
            }
        }
    }

    /// True only when the condition holds for certain.
    pub fn holds<L: Lookup + ?Sized>(&self, answers: &L) -> bool {
        self.eval(answers) == Truth::True
    }

    /// When the condition holds, the answers that made it hold, in order of appearance;
    /// `None` otherwise.
    pub fn trace<L: Lookup + ?Sized>(&self, answers: &L) -> Option<Vec<Fact>> {
        if !self.holds(answers) {
            return None;
        }
        let mut out = Vec::new();
        self.verifiers(answers, &mut out);
        Some(out)
    }

    /// When the condition is false, the answers that made it false; `None` otherwise.
    pub fn falsity<L: Lookup + ?Sized>(&self, answers: &L) -> Option<Vec<Fact>> {
        if self.eval(answers) != Truth::False {
            return None;
        }
        let mut out = Vec::new();
        self.falsifiers(answers, &mut out);
        Some(out)
    }

    /// When the condition is unknown, the unsure answers it hinges on; `None` otherwise.
    pub fn hinges<L: Lookup + ?Sized>(&self, answers: &L) -> Option<Vec<String>> {
        if self.eval(answers) != Truth::Unknown {
            return None;
        }
        let mut out: Vec<String> = Vec::new();
        self.unknowns(answers, &mut out);
        Some(out)
    }

    /// Called only on an expression that holds.
    fn verifiers<L: Lookup + ?Sized>(&self, answers: &L, out: &mut Vec<Fact>) {
        match self {
            Expr::Yes { question, .. } | Expr::Is { question, .. } => push(
                out,
                Fact::Answer {
                    question: question.clone(),
                },
            ),
            Expr::In {
                question, option, ..
            } => push(
                out,
                Fact::Includes {
                    question: question.clone(),
                    option: option.clone(),
                },
            ),
            Expr::Not(inner) => inner.falsifiers(answers, out),
            Expr::And(items) => items.iter().for_each(|i| i.verifiers(answers, out)),
            Expr::Or(items) => {
                for i in items {
                    if i.holds(answers) {
                        i.verifiers(answers, out);
                    }
                }
            }
        }
    }

    /// Called only on an expression that is false. A question that was not asked explains
    /// nothing, so it is not named.
    fn falsifiers<L: Lookup + ?Sized>(&self, answers: &L, out: &mut Vec<Fact>) {
        match self {
            Expr::Yes { question, slot, .. } | Expr::Is { question, slot, .. } => {
                if answers.value(question, *slot).is_some() {
                    push(
                        out,
                        Fact::Answer {
                            question: question.clone(),
                        },
                    );
                }
            }
            Expr::In {
                question,
                option,
                slot,
                ..
            } => {
                if answers.value(question, *slot).is_some() {
                    push(
                        out,
                        Fact::Excludes {
                            question: question.clone(),
                            option: option.clone(),
                        },
                    );
                }
            }
            Expr::Not(inner) => inner.verifiers(answers, out),
            Expr::And(items) => {
                for i in items {
                    if i.eval(answers) == super::Truth::False {
                        i.falsifiers(answers, out);
                    }
                }
            }
            Expr::Or(items) => items.iter().for_each(|i| i.falsifiers(answers, out)),
        }
    }

    /// Called only on an expression that is unknown.
    fn unknowns<L: Lookup + ?Sized>(&self, answers: &L, out: &mut Vec<String>) {
        match self {
            Expr::Yes { question, .. } | Expr::Is { question, .. } | Expr::In { question, .. } => {
                if !out.contains(question) {
                    out.push(question.clone());
                }
            }
            Expr::Not(inner) => inner.unknowns(answers, out),
            Expr::And(items) | Expr::Or(items) => {
                for i in items {
                    if i.eval(answers) == Truth::Unknown {
                        i.unknowns(answers, out);
                    }
                }
            }
        }
    }
}
