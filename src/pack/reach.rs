//! Reachability: can some answers make a condition true, given the questionnaire's skip logic?
//!
//! A search over the answers to the few questions a condition depends on (and the questions
//! their `ask_if` depends on). Each question is either asked, and then takes each relevant
//! value in turn, or skipped, exactly as the questionnaire would. The search is bounded; a
//! condition too large to decide is left alone rather than guessed at.

use std::collections::BTreeMap;

use super::Pack;
use crate::answers::{Answers, Value, is_asked};
use crate::condition::{Expr, Kind};
use crate::diagnostic::Diagnostic;

const BUDGET: usize = 200_000;

/// `Some(true)` reachable, `Some(false)` never true, `None` too large to decide.
pub fn satisfiable(pack: &Pack, expr: &Expr) -> Option<bool> {
    // The questions involved, and for any_of questions the options any condition names.
    let mut involved: Vec<usize> = Vec::new();
    let mut named: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut stack: Vec<&Expr> = vec![expr];
    while let Some(e) = stack.pop() {
        collect_in_options(e, &mut named);
        for q in e.questions() {
            let Some(pos) = pack.question_position(q) else {
                continue;
            };
            if !involved.contains(&pos) {
                involved.push(pos);
                if let Some(ask) = &pack.questions[pos].ask_if_expr {
                    stack.push(ask);
                }
            }
        }
    }
    involved.sort_unstable();
    let mut budget = BUDGET;
    search(
        pack,
        expr,
        &involved,
        &named,
        &mut Answers::new(),
        &mut budget,
    )
}

fn collect_in_options(e: &Expr, out: &mut BTreeMap<String, Vec<String>>) {
    match e {
        Expr::In {
            question, option, ..
        } => {
            let list = out.entry(question.clone()).or_default();
            if !list.contains(option) {
                list.push(option.clone());
            }
        }
        Expr::Not(inner) => collect_in_options(inner, out),
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| collect_in_options(i, out)),
        _ => {}
    }
}

fn search(
    pack: &Pack,
    expr: &Expr,
    rest: &[usize],
    named: &BTreeMap<String, Vec<String>>,
    answers: &mut Answers,
    budget: &mut usize,
) -> Option<bool> {
    let Some((&pos, tail)) = rest.split_first() else {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        return Some(expr.eval(answers));
    };
    let q = &pack.questions[pos];
    if !is_asked(q, answers) {
        return search(pack, expr, tail, named, answers, budget);
    }
    let id = q.id.get_ref().clone();
    let values: Vec<Value> = match q.kind {
        Kind::YesNo => vec![Value::Yes(true), Value::Yes(false)],
        Kind::OneOf => q
            .options
            .iter()
            .map(|o| Value::One(o.id.get_ref().clone()))
            .collect(),
        Kind::AnyOf => {
            let opts = named.get(&id).cloned().unwrap_or_default();
            if opts.len() > 12 {
                return None;
            }
            (0..(1u32 << opts.len()))
                .map(|mask| {
                    Value::Many(
                        opts.iter()
                            .enumerate()
                            .filter(|(i, _)| mask & (1 << i) != 0)
                            .map(|(_, o)| o.clone())
                            .collect(),
                    )
                })
                .collect()
        }
    };
    let mut undecided = false;
    for v in values {
        answers.insert(id.clone(), v);
        match search(pack, expr, tail, named, answers, budget) {
            Some(true) => {
                answers.remove(&id);
                return Some(true);
            }
            Some(false) => {}
            None => undecided = true,
        }
    }
    answers.remove(&id);
    if undecided { None } else { Some(false) }
}

/// Warn about questions that are never asked and obligations and tensions that never apply.
pub(super) fn check_reachability(pack: &Pack, diags: &mut Vec<Diagnostic>) {
    let mut warn = |file: usize, span, msg: String, help: &str| {
        let f = &pack.files[file];
        diags.push(Diagnostic::warning(&f.name, &f.text, Some(span), msg).with_help(help));
    };
    for q in &pack.questions {
        if let (Some(expr), Some(src)) = (&q.ask_if_expr, &q.ask_if)
            && satisfiable(pack, expr) == Some(false)
        {
            warn(
                q.file,
                src.span(),
                format!("question `{}` is never asked", q.id.get_ref()),
                "no answers to the earlier questions make its `ask_if` true",
            );
        }
    }
    for o in &pack.obligations {
        if satisfiable(pack, &o.when_expr) == Some(false) {
            warn(
                o.file,
                o.when.span(),
                format!("obligation `{}` never applies", o.id.get_ref()),
                "no answers make its `when` true, given which questions are asked",
            );
        }
    }
    for t in &pack.tensions {
        if satisfiable(pack, &t.when_expr) == Some(false) {
            warn(
                t.file,
                t.when.span(),
                format!("tension `{}` never arises", t.id.get_ref()),
                "no answers make its `when` true, given which questions are asked",
            );
        }
    }
}
