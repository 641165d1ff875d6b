//! The decision engine: (pack, answers) → decision, with the reasons for every part.
//!
//! Pure and deterministic: no I/O, no prompts, no clock. The steps follow DESIGN §4:
//! obligations with traces, binding duties first, tensions settled by the pack's ranking,
//! the consultation level, and a course of action ordered by phase without repeats.

use serde::Serialize;

use crate::answers::{self, Answers};
use crate::pack::{Consult, Pack, Phase};

/// An obligation that applies, and the questions whose answers made it apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fired {
    pub id: String,
    pub binding: bool,
    pub why: Vec<String>,
}

/// A tension between two principles that arises, and how it is settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActiveTension {
    pub id: String,
    pub principles: [String; 2],
    /// The principle that prevails: the binding duty's where one settles it, else the
    /// higher-ranked; `None` when neither principle is ranked.
    pub prevails: Option<String>,
    /// Binding duties that already settle this tension.
    pub settled_by: Vec<String>,
    pub why: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultAdvice {
    pub level: Consult,
    /// The obligations and tensions that call for this level.
    pub because: Vec<String>,
}

/// One step of the course of action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub phase: Phase,
    pub action: String,
    /// The obligations and tensions that call for it.
    pub because: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The answers that count (those to questions that were asked).
    pub answers: Answers,
    /// Binding duties first, then the rest, each group in pack order.
    pub obligations: Vec<Fired>,
    pub tensions: Vec<ActiveTension>,
    pub consult: ConsultAdvice,
    pub course: Vec<Step>,
}

impl Decision {
    pub fn binding(&self) -> impl Iterator<Item = &Fired> {
        self.obligations.iter().filter(|o| o.binding)
    }

    pub fn fired(&self, id: &str) -> bool {
        self.obligations.iter().any(|o| o.id == id)
    }
}

/// Decide. The pack must have loaded without errors.
pub fn decide(pack: &Pack, given: &Answers) -> Decision {
    let answers = answers::effective(pack, given);

    // 1–2. Obligations, binding first.
    let mut obligations: Vec<Fired> = pack
        .obligations
        .iter()
        .filter_map(|o| {
            o.when_expr.trace(&answers).map(|why| Fired {
                id: o.id.get_ref().clone(),
                binding: o.binding,
                why,
            })
        })
        .collect();
    obligations.sort_by_key(|o| !o.binding);

    // 3. Tensions, settled by a binding duty or else by the ranking.
    let tensions: Vec<ActiveTension> = pack
        .tensions
        .iter()
        .filter_map(|t| {
            let why = t.when_expr.trace(&answers)?;
            let principles = [
                t.principles[0].get_ref().clone(),
                t.principles[1].get_ref().clone(),
            ];
            let settled_by: Vec<String> = obligations
                .iter()
                .filter(|f| f.binding)
                .filter(|f| {
                    pack.obligation(&f.id).is_some_and(|o| {
                        o.principles
                            .iter()
                            .any(|p| principles.contains(p.get_ref()))
                    })
                })
                .map(|f| f.id.clone())
                .collect();
            let by_binding = settled_by.first().and_then(|b| {
                let o = pack.obligation(b)?;
                principles
                    .iter()
                    .filter(|p| o.principles.iter().any(|op| op.get_ref() == *p))
                    .min_by_key(|p| pack.rank(p).unwrap_or(usize::MAX))
                    .cloned()
            });
            let by_rank = match (pack.rank(&principles[0]), pack.rank(&principles[1])) {
                (Some(a), Some(b)) => Some(
                    if a <= b {
                        &principles[0]
                    } else {
                        &principles[1]
                    }
                    .clone(),
                ),
                (Some(_), None) => Some(principles[0].clone()),
                (None, Some(_)) => Some(principles[1].clone()),
                (None, None) => None,
            };
            Some(ActiveTension {
                id: t.id.get_ref().clone(),
                prevails: by_binding.or(by_rank),
                principles,
                settled_by,
                why,
            })
        })
        .collect();

    // 4. Consultation: the highest level called for, and who calls for it.
    let levels = obligations
        .iter()
        .filter_map(|f| pack.obligation(&f.id).map(|o| (o.consult, &f.id)))
        .chain(
            tensions
                .iter()
                .filter_map(|a| pack.tension(&a.id).map(|t| (t.consult, &a.id))),
        );
    let mut consult = ConsultAdvice {
        level: Consult::None,
        because: Vec::new(),
    };
    for (level, id) in levels {
        if level > consult.level {
            consult.level = level;
            consult.because.clear();
        }
        if level == consult.level && level != Consult::None {
            consult.because.push(id.clone());
        }
    }

    // 5. Course of action: each action once, in phase order, then in the order first called for.
    let mut course: Vec<Step> = Vec::new();
    let callers = obligations
        .iter()
        .filter_map(|f| pack.obligation(&f.id).map(|o| (&f.id, &o.actions)))
        .chain(
            tensions
                .iter()
                .filter_map(|a| pack.tension(&a.id).map(|t| (&a.id, &t.actions))),
        );
    for (caller, actions) in callers {
        for action in actions {
            let id = action.get_ref();
            match course.iter_mut().find(|s| &s.action == id) {
                Some(step) => {
                    if !step.because.contains(caller) {
                        step.because.push(caller.clone());
                    }
                }
                None => {
                    if let Some(a) = pack.action(id) {
                        course.push(Step {
                            phase: a.phase,
                            action: id.clone(),
                            because: vec![caller.clone()],
                        });
                    }
                }
            }
        }
    }
    course.sort_by_key(|s| s.phase);

    Decision {
        answers,
        obligations,
        tensions,
        consult,
        course,
    }
}
