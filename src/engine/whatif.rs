//! What an answer would change: decide again with it, and compare. Used for the "find out"
//! steps of unsure answers, for `assess --what-if`, and by practice feedback.

use serde::Serialize;

use super::{Decision, Step, decide_core, possible_values};
use crate::pack::Pack;
use crate::vocab::{Answers, Consult, Phase, Value};

/// Binding duties, obligations, tensions and steps, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Delta {
    pub binding: Vec<String>,
    pub obligations: Vec<String>,
    pub tensions: Vec<String>,
    pub steps: Vec<String>,
}

impl Delta {
    pub fn is_empty(&self) -> bool {
        self.binding.is_empty()
            && self.obligations.is_empty()
            && self.tensions.is_empty()
            && self.steps.is_empty()
    }
}

/// The difference one set of answers makes to a decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Change {
    pub adds: Delta,
    pub removes: Delta,
    /// The new consultation level, when it changes.
    pub consult: Option<Consult>,
    /// Questions that would then be asked, and are not answered yet.
    pub asks: Vec<String>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.adds.is_empty()
            && self.removes.is_empty()
            && self.consult.is_none()
            && self.asks.is_empty()
    }
}

/// One possible answer and what it would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhatIf {
    pub value: Value,
    pub change: Change,
}

/// An unsure answer something hinges on: a step to find it out, and what each possible answer
/// would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindOut {
    pub question: String,
    /// The obligations, tensions and steps that hinge on it.
    pub hinges: Vec<String>,
    pub cases: Vec<WhatIf>,
}

/// What `a` has that `b` does not, in `a`'s order; linear in both.
pub fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let b: std::collections::HashSet<&str> = b.iter().map(String::as_str).collect();
    a.iter()
        .filter(|x| !b.contains(x.as_str()))
        .cloned()
        .collect()
}

/// A decision's binding duties, other obligations, tensions and steps, by id.
fn parts(d: &Decision) -> [Vec<String>; 4] {
    let binding = d.binding().map(|o| o.id.clone()).collect();
    let others = d
        .obligations
        .iter()
        .filter(|o| !o.binding)
        .map(|o| o.id.clone())
        .collect();
    let tensions = d.tensions.iter().map(|t| t.id.clone()).collect();
    let steps = d
        .course
        .iter()
        .filter(|s| s.question.is_none())
        .map(|s| s.action.clone())
        .collect();
    [binding, others, tensions, steps]
}

/// What `a` has that `b` does not, part by part.
fn delta(a: &[Vec<String>; 4], b: &[Vec<String>; 4]) -> Delta {
    Delta {
        binding: minus(&a[0], &b[0]),
        obligations: minus(&a[1], &b[1]),
        tensions: minus(&a[2], &b[2]),
        steps: minus(&a[3], &b[3]),
    }
}

/// What `after` has that `before` does not, and the reverse.
pub fn diff(pack: &Pack, before: &Decision, after: &Decision) -> Change {
    let (was, is) = (parts(before), parts(after));
    let asks = pack
        .questions
        .iter()
        .filter(|q| {
            !after.answers.contains_key(&q.id)
                && !before.answers.contains_key(&q.id)
                && crate::pack::Questionnaire::is_asked(q, &after.answers)
                && !crate::pack::Questionnaire::is_asked(q, &before.answers)
        })
        .map(|q| q.id.clone())
        .collect();
    Change {
        adds: delta(&is, &was),
        removes: delta(&was, &is),
        consult: (after.consult.level != before.consult.level).then_some(after.consult.level),
        asks,
    }
}

/// What changing some answers would change, everything else as given.
pub fn what_if(pack: &Pack, given: &Answers, changes: &Answers) -> Change {
    let mut changed = given.clone();
    changed.extend(changes.iter().map(|(k, v)| (k.clone(), v.clone())));
    compare(pack, given, &changed)
}

/// What one set of answers gives that another does not.
pub fn compare(pack: &Pack, before: &Answers, after: &Answers) -> Change {
    diff(
        pack,
        &decide_core(pack, before, false),
        &decide_core(pack, after, false),
    )
}

/// Add the "find out" steps and their what-ifs to a decision.
pub(super) fn find_out(pack: &Pack, d: &mut Decision) {
    let mut questions: Vec<String> = Vec::new();
    for p in &d.depends_on {
        for q in &p.hinges_on {
            if !questions.contains(q) {
                questions.push(q.clone());
            }
        }
    }
    questions.sort_by_key(|q| pack.question_position(q));
    for q in questions {
        let hinges: Vec<String> = d
            .depends_on
            .iter()
            .filter(|p| p.hinges_on.contains(&q))
            .map(|p| p.id.clone())
            .collect();
        let cases = possible_values(pack, &q)
            .into_iter()
            .map(|value| {
                let mut answers = d.answers.clone();
                answers.insert(q.clone(), value.clone());
                let after = decide_core(pack, &answers, false);
                WhatIf {
                    change: diff(pack, d, &after),
                    value,
                }
            })
            .collect();
        d.course.push(Step {
            phase: Phase::Assess,
            action: format!("find_out:{q}"),
            question: Some(q.clone()),
            because: hinges.clone(),
            consult: None,
        });
        d.find_out.push(FindOut {
            question: q,
            hinges,
            cases,
        });
    }
    d.course.sort_by_key(|s| s.phase);
}
