//! Reachability: can some answers make a condition true, given the questionnaire's skip logic?
//!
//! A search over the answers to the questions a condition reads (and those their `ask_if`
//! reads), in questionnaire order, each asked (taking each value in turn) or skipped, as the
//! questionnaire would. Questions not yet settled count as "not sure", so three-valued
//! evaluation prunes a branch as soon as the condition is certainly false, or ends the search
//! as soon as it is certainly true. The work is bounded: past the budget, the answer is "could
//! not decide".

use std::collections::BTreeMap;

use super::Questionnaire;
use super::model::Pack;
use super::validate::Locations;
use crate::condition::{Expr, Truth};
use crate::diag::{DiagKind, Diagnostics, SourceFile};
use crate::vocab::{Answers, ItemKind, QuestionKind, Value};

/// Evaluations one question of reachability may cost.
pub const BUDGET: usize = 20_000;

/// `Some(true)` reachable, `Some(false)` never true, `None` too large to decide.
#[cfg(test)]
pub fn satisfiable(pack: &Pack, expr: &Expr) -> Option<bool> {
    satisfiable_within(pack.questionnaire(), expr, &mut BUDGET.clone())
}

/// As `satisfiable`, spending from `budget`.
pub fn satisfiable_within(q: Questionnaire, expr: &Expr, budget: &mut usize) -> Option<bool> {
    // The questions involved, and for any_of questions the options any condition names.
    let mut involved: Vec<usize> = Vec::new();
    let mut named: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut stack: Vec<&Expr> = vec![expr];
    while let Some(e) = stack.pop() {
        for (question, option) in e.leaves() {
            if let Some(o) = option {
                let list = named.entry(question).or_default();
                if !list.contains(&o) {
                    list.push(o);
                }
            }
        }
        for question in e.questions() {
            let Some(pos) = q.position(question) else {
                continue;
            };
            if !involved.contains(&pos) {
                involved.push(pos);
                if let Some(ask) = &q.questions[pos].ask_if {
                    stack.push(ask);
                }
            }
        }
    }
    involved.sort_unstable();
    let mut answers: Answers = involved
        .iter()
        .map(|&p| (q.questions[p].id.clone(), Value::Unsure))
        .collect();
    search(q, expr, &involved, &named, &mut answers, budget)
}

fn search(
    q: Questionnaire,
    expr: &Expr,
    rest: &[usize],
    named: &BTreeMap<&str, Vec<&str>>,
    answers: &mut Answers,
    budget: &mut usize,
) -> Option<bool> {
    if *budget == 0 {
        return None;
    }
    *budget -= 1;
    match expr.eval(answers) {
        Truth::True => return Some(true),
        Truth::False => return Some(false),
        Truth::Unknown => {}
    }
    let Some((&pos, tail)) = rest.split_first() else {
        // Everything is settled and the result is still unknown: cannot happen without an
        // unsure answer, so the condition never holds for certain.
        return Some(false);
    };
    let question = &q.questions[pos];
    let id = question.id.clone();
    answers.remove(&id);
    let asked = Questionnaire::is_asked(question, answers);
    if !asked {
        let r = search(q, expr, tail, named, answers, budget);
        answers.insert(id, Value::Unsure);
        return r;
    }
    let values: Vec<Value> = match question.kind {
        QuestionKind::YesNo => vec![Value::Yes(true), Value::Yes(false)],
        QuestionKind::OneOf => question
            .options
            .iter()
            .map(|o| Value::One(o.id.clone()))
            .collect(),
        QuestionKind::AnyOf => {
            let opts = named.get(id.as_str()).cloned().unwrap_or_default();
            if opts.len() > 12 {
                answers.insert(id, Value::Unsure);
                return None;
            }
            (0..(1u32 << opts.len()))
                .map(|mask| {
                    Value::Many(
                        opts.iter()
                            .enumerate()
                            .filter(|(i, _)| mask & (1 << i) != 0)
                            .map(|(_, o)| o.to_string())
                            .collect(),
                    )
                })
                .collect()
        }
    };
    let mut undecided = false;
    for v in values {
        answers.insert(id.clone(), v);
        match search(q, expr, tail, named, answers, budget) {
            Some(true) => {
                answers.insert(id, Value::Unsure);
                return Some(true);
            }
            Some(false) => {}
            None => {
                undecided = true;
                if *budget == 0 {
                    break;
                }
            }
        }
    }
    answers.insert(id, Value::Unsure);
    if undecided { None } else { Some(false) }
}

/// Warn about questions never asked, obligations that never apply, tensions that never arise
/// and steps never given, and say where the search could not decide.
pub fn check(pack: &Pack, files: &[SourceFile], at: &Locations, diags: &mut Diagnostics) {
    let q = pack.questionnaire();
    let mut warn = |(file, span): &(usize, std::ops::Range<usize>), kind: DiagKind| {
        diags.add(&files[*file], Some(span.clone()), kind);
    };
    let decide = |expr: &Expr| satisfiable_within(q, expr, &mut BUDGET.clone());
    for (question, place) in pack.questions.iter().zip(&at.questions) {
        let (Some(expr), Some(place)) = (&question.ask_if, place) else {
            continue;
        };
        match decide(expr) {
            Some(false) => warn(
                place,
                DiagKind::NeverAsked {
                    id: question.id.clone(),
                },
            ),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Question,
                    id: question.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
    for (o, place) in pack.obligations.iter().zip(&at.obligations) {
        let Some(expr) = &o.when else { continue };
        match decide(expr) {
            Some(false) => warn(place, DiagKind::NeverApplies { id: o.id.clone() }),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Obligation,
                    id: o.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
    for (t, place) in pack.tensions.iter().zip(&at.tensions) {
        match decide(&t.when) {
            Some(false) => warn(place, DiagKind::NeverArises { id: t.id.clone() }),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Tension,
                    id: t.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
    // A step with a `when` must be given by at least one of the rules that call for it.
    for (a, place) in pack.actions.iter().zip(&at.actions) {
        let Some(when) = &a.when else { continue };
        let callers = pack
            .obligations
            .iter()
            .filter(|o| o.actions.contains(&a.id))
            .map(|o| o.when.clone())
            .chain(
                pack.tensions
                    .iter()
                    .filter(|t| t.actions.contains(&a.id))
                    .map(|t| Some(t.when.clone())),
            )
            .chain(pack.meta.frame.steps.contains(&a.id).then_some(None))
            .collect::<Vec<_>>();
        if callers.is_empty() {
            continue;
        }
        let mut verdict = Some(false);
        for caller in callers {
            let both = match caller {
                Some(c) => Expr::And(vec![c, when.clone()]),
                None => when.clone(),
            };
            match decide(&both) {
                Some(true) => {
                    verdict = Some(true);
                    break;
                }
                Some(false) => {}
                None => verdict = None,
            }
        }
        match verdict {
            Some(false) => warn(place, DiagKind::StepNeverGiven { id: a.id.clone() }),
            None => warn(
                place,
                DiagKind::Undecided {
                    kind: ItemKind::Action,
                    id: a.id.clone(),
                },
            ),
            Some(true) => {}
        }
    }
}
