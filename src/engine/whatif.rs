//! What an answer would change: decide again with it, and compare. Used for the "find out"
//! steps of unsure answers, for `assess --what-if`, and by practice feedback.

use serde::Serialize;

use super::{Decision, Memo, Pending, Reuse, Slotted, Step, decide_with, possible_values};
use crate::pack::Pack;
use crate::vocab::{Answers, Consult, Phase, Value, Verdict, Weight};

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
    /// Obligations, tensions and steps that waited on an unsure answer and would then be
    /// ruled out: they neither apply nor wait any longer.
    pub rules_out: Vec<String>,
    /// Those that would then wait on other unsure answers than before (or start to wait),
    /// with the answers they would wait on.
    pub waits: Vec<Pending>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.adds.is_empty()
            && self.removes.is_empty()
            && self.consult.is_none()
            && self.asks.is_empty()
            && self.rules_out.is_empty()
            && self.waits.is_empty()
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
pub fn minus<S: AsRef<str>>(a: &[S], b: &[S]) -> Vec<String> {
    // A short list is searched; a long one is hashed first, so that a pack of thousands of
    // obligations stays linear.
    if b.len() <= 32 {
        return a
            .iter()
            .map(AsRef::as_ref)
            .filter(|x| !b.iter().any(|y| y.as_ref() == *x))
            .map(str::to_owned)
            .collect();
    }
    let b: std::collections::HashSet<&str> = b.iter().map(AsRef::as_ref).collect();
    a.iter()
        .map(AsRef::as_ref)
        .filter(|x| !b.contains(x))
        .map(str::to_owned)
        .collect()
}

/// A decision's binding duties, other obligations, tensions and steps, by id.
fn parts(d: &Decision) -> [Vec<&str>; 4] {
    let binding = d.binding().map(|o| o.id.as_str()).collect();
    let others = d
        .obligations
        .iter()
        .filter(|o| !o.binding)
        .map(|o| o.id.as_str())
        .collect();
    let tensions = d.tensions.iter().map(|t| t.id.as_str()).collect();
    let steps = d
        .course
        .iter()
        .filter(|s| s.question.is_none())
        .map(|s| s.action.as_str())
        .collect();
    [binding, others, tensions, steps]
}

/// What `a` has that `b` does not, part by part.
fn delta(a: &[Vec<&str>; 4], b: &[Vec<&str>; 4]) -> Delta {
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
    // Questions neither set of answers reached, that `after` would ask and `before` would not;
    // answers are looked up by place.
    let (b, a) = (
        Slotted::new(pack, &before.answers),
        Slotted::new(pack, &after.answers),
    );
    let asked = |q: &crate::pack::Question, look: &Slotted| {
        q.ask_if
            .as_ref()
            .is_none_or(|e| e.eval(look) != crate::condition::Truth::False)
    };
    let asks = pack
        .questions
        .iter()
        .enumerate()
        .filter(|&(i, q)| {
            b.by_slot[i].is_none() && a.by_slot[i].is_none() && asked(q, &a) && !asked(q, &b)
        })
        .map(|(_, q)| q.id.clone())
        .collect();
    // What waited on an unsure answer before: ruled out now, or waiting on something else.
    let applies = |d: &Decision, id: &str| d.fired(id) || d.has_tension(id) || d.has_step(id);
    let rules_out = before
        .depends_on
        .iter()
        .filter(|p| !after.is_pending(&p.id) && !applies(after, &p.id))
        .map(|p| p.id.clone())
        .collect();
    let waits = after
        .depends_on
        .iter()
        .filter(|p| {
            before
                .depends_on
                .iter()
                .find(|b| b.id == p.id)
                .is_none_or(|b| b.hinges_on != p.hinges_on)
        })
        .cloned()
        .collect();
    Change {
        adds: delta(&is, &was),
        removes: delta(&was, &is),
        consult: (after.consult.level != before.consult.level).then_some(after.consult.level),
        asks,
        rules_out,
        waits,
    }
}

/// What changing some answers would change, everything else as given.
pub fn what_if(pack: &Pack, given: &Answers, changes: &Answers) -> Change {
    let mut changed = given.clone();
    changed.extend(changes.iter().map(|(k, v)| (k.clone(), v.clone())));
    compare(pack, given, &changed)
}

/// What one set of answers gives that another does not: the reports compared as they are
/// printed, with what unsure answers raise (the consultation every possible answer calls for).
pub fn compare(pack: &Pack, before: &Answers, after: &Answers) -> Change {
    diff(pack, &outline(pack, before), &outline(pack, after))
}

/// A decision without reasons, with its find-out steps.
fn outline(pack: &Pack, given: &Answers) -> Decision {
    let (mut d, memo) = decide_with(pack, given, false, None);
    find_out(pack, &mut d, &memo);
    d
}

/// Add the "find out" steps and their what-ifs to a decision. Each what-if decides again,
/// evaluating only the conditions that read an answer it changes; `memo` holds the truths of
/// the rest.
///
/// Whatever an unsure answer turns out to be, the consultation will reach at least the lowest
/// level any of its possible answers calls for: that level is called for now, with its step,
/// because of finding the answer out.
pub(super) fn find_out(pack: &Pack, d: &mut Decision, memo: &Memo) {
    let q_all = pack.questionnaire();
    let mut questions: Vec<String> = Vec::new();
    for p in &d.depends_on {
        for q in &p.hinges_on {
            if !questions.contains(q) {
                questions.push(q.clone());
            }
        }
    }
    questions.sort_by_key(|q| pack.question_position(q));
    let mut found: Vec<Found> = Vec::new();
    for q in questions {
        let hinges: Vec<String> = d
            .depends_on
            .iter()
            .filter(|p| p.hinges_on.contains(&q))
            .map(|p| p.id.clone())
            .collect();
        let cases: Vec<(Value, Decision)> = possible_values(pack, &q)
            .into_iter()
            .map(|value| {
                let mut answers = d.answers.clone();
                answers.insert(q.clone(), value.clone());
                // The answers that count may change beyond `q`: its answer decides which
                // later questions are asked.
                let answers = q_all.effective(&answers);
                let changed: Vec<bool> = pack
                    .questions
                    .iter()
                    .map(|x| answers.get(&x.id) != d.answers.get(&x.id))
                    .collect();
                let reuse = Reuse {
                    base: memo,
                    changed: &changed,
                };
                (value, decide_with(pack, &answers, false, Some(&reuse)).0)
            })
            .collect();
        found.push((q, hinges, cases));
    }
    consult_whatever_the_answer(pack, d, &found);
    for (q, hinges, cases) in found {
        let cases = cases
            .into_iter()
            .map(|(value, after)| WhatIf {
                change: diff(pack, d, &after),
                value,
            })
            .collect();
        // Finding out whether a life is in danger now is itself keeping someone safe: where a
        // binding duty to protect life hinges on it, it comes with the steps that do, first.
        let top = pack.meta.ranking.order.first();
        let life = hinges.iter().any(|h| {
            pack.obligation(h)
                .is_some_and(|o| o.binding && top.is_some_and(|t| o.principles.contains(t)))
        });
        // Finding out is decisive when a binding duty or a tension hinges on it; but where a
        // life comes first, only what bears on the danger is (whether the person can decide,
        // or agrees, is asked once they are safe).
        let weighty = hinges
            .iter()
            .any(|h| pack.obligation(h).is_some_and(|o| o.binding) || pack.tension(h).is_some())
            && (life || d.verdict != Verdict::LifeFirst);
        // Finding out what only routine steps wait on (whether the supervisor can be reached
        // today) is itself routine.
        let routine = !hinges.is_empty() && hinges.iter().all(|h| pack.is_routine_step(h));
        let mut step = Step::new(
            if life { Phase::Safety } else { Phase::Assess },
            format!("find_out:{q}"),
            None,
            if weighty {
                Weight::Decisive
            } else if routine {
                Weight::Routine
            } else {
                Weight::Supporting
            },
        );
        step.question = Some(q.clone());
        step.because = hinges.clone();
        d.course.push(step);
        d.find_out.push(FindOut {
            question: q,
            hinges,
            cases,
        });
    }
    super::course::order(&mut d.course, pack);
    d.consult.services = super::course::services_of(&d.course);
}

/// An unsure question, what hinges on it, and the decision each possible answer gives.
type Found = (String, Vec<String>, Vec<(Value, Decision)>);

/// Raise the consultation to the level every possible answer of some unsure question would
/// call for, if that is higher, and make sure a step says to consult at it.
fn consult_whatever_the_answer(pack: &Pack, d: &mut Decision, found: &[Found]) {
    let floor = found
        .iter()
        .filter_map(|(q, _, cases)| {
            let level = cases.iter().map(|(_, after)| after.consult.level).min()?;
            Some((level, q))
        })
        .max_by_key(|(level, _)| *level);
    let Some((level, q)) = floor else { return };
    if level <= d.consult.level {
        return;
    }
    let because = vec![format!("find_out:{q}")];
    d.consult.level = level;
    d.consult.because = because.clone();
    if d.course.iter().any(|s| s.consult == Some(level)) {
        return;
    }
    let look = Slotted::new(pack, &d.answers);
    let step = super::course::consult_step(pack, &look, level, &because, |_| false);
    drop(look);
    d.course.extend(step);
}
