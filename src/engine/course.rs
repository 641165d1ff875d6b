//! The course of action: the steps the applying obligations and tensions call for, each given
//! only where its own `when` holds, in phase order without repeats; and the consultation
//! level, which never contradicts the steps.

use std::collections::HashMap;

use super::{ActiveTension, ConsultAdvice, Fired, LeftOut, Pending, Reuse, Slotted, Step};
use crate::condition::Truth;
use crate::pack::Pack;
use crate::vocab::{Consult, ItemKind};

pub(super) struct Plan {
    pub steps: Vec<Step>,
    pub left_out: Vec<LeftOut>,
    pub pending: Vec<Pending>,
    pub consult: ConsultAdvice,
}

/// Where an action already stands in the plan.
#[derive(Clone, Copy)]
enum Slot {
    Step(usize),
    LeftOut(usize),
    Pending,
}

struct Builder<'r> {
    steps: Vec<Step>,
    left_out: Vec<LeftOut>,
    pending: Vec<Pending>,
    /// Each action called for so far and where it stands, so a long pack stays linear.
    slots: HashMap<String, Slot>,
    /// Whether to record who calls for each step (a what-if needs only the steps).
    detail: bool,
    /// A decision whose steps' truths may be reused, and where this one records them.
    reuse: Option<&'r Reuse<'r>>,
    truths: &'r mut Vec<Option<Truth>>,
}

impl Builder<'_> {
    /// Call for an action on behalf of `caller` (`None` for the frame).
    fn call(&mut self, pack: &Pack, answers: &Slotted, action: &str, caller: Option<&str>) {
        let Some(index) = pack.action_index(action) else {
            return;
        };
        let a = &pack.actions[index];
        let caller = caller.filter(|_| self.detail);
        let add = |because: &mut Vec<String>| {
            // Callers come one rule at a time, so a repeat is always the last one.
            if let Some(c) = caller
                && because.last().is_none_or(|l| l != c)
            {
                because.push(c.to_string());
            }
        };
        match self.slots.get(action) {
            Some(Slot::Step(i)) => return add(&mut self.steps[*i].because),
            Some(Slot::LeftOut(i)) => return add(&mut self.left_out[*i].because),
            Some(Slot::Pending) => return,
            None => {}
        }
        let truth = a.when.as_ref().map_or(Truth::True, |w| {
            Reuse::truth(self.reuse, |m| m.actions[index], w).unwrap_or_else(|| w.eval(answers))
        });
        self.truths[index] = Some(truth);
        let mut because = Vec::new();
        add(&mut because);
        let slot = match truth {
            Truth::True => {
                self.steps.push(Step {
                    phase: a.phase,
                    action: action.to_string(),
                    question: None,
                    because,
                    consult: a.consult,
                });
                Slot::Step(self.steps.len() - 1)
            }
            Truth::False => {
                let why = match (&a.when, self.detail) {
                    (Some(w), true) => w.falsity(answers).unwrap_or_default(),
                    _ => Vec::new(),
                };
                self.left_out.push(LeftOut {
                    action: action.to_string(),
                    because,
                    why,
                });
                Slot::LeftOut(self.left_out.len() - 1)
            }
            Truth::Unknown => {
                self.pending.push(Pending {
                    kind: ItemKind::Action,
                    id: action.to_string(),
                    hinges_on: a
                        .when
                        .as_ref()
                        .and_then(|w| w.hinges(answers))
                        .unwrap_or_default(),
                });
                Slot::Pending
            }
        };
        self.slots.insert(action.to_string(), slot);
    }
}

pub(super) fn plan(
    pack: &Pack,
    answers: &Slotted,
    obligations: &[Fired],
    tensions: &[ActiveTension],
    frame: &[String],
    detail: bool,
    (reuse, truths): (Option<&Reuse>, &mut Vec<Option<Truth>>),
) -> Plan {
    let mut b = Builder {
        steps: Vec::new(),
        left_out: Vec::new(),
        pending: Vec::new(),
        slots: HashMap::new(),
        detail,
        reuse,
        truths,
    };
    for f in obligations {
        if let Some(o) = pack.obligation(&f.id) {
            for a in &o.actions {
                b.call(pack, answers, a, Some(&f.id));
            }
        }
    }
    for t in tensions {
        if let Some(x) = pack.tension(&t.id) {
            for a in &x.actions {
                b.call(pack, answers, a, Some(&t.id));
            }
        }
    }
    // With nothing specific to do, the frame's general steps; a report never ends empty.
    if b.steps.is_empty() {
        let frame_actions = frame
            .iter()
            .filter_map(|d| pack.obligation(d))
            .flat_map(|o| o.actions.iter());
        for a in pack.meta.frame.steps.iter().chain(frame_actions) {
            b.call(pack, answers, a, None);
        }
    }

    // The consultation: the highest level any rule calls for or any step is.
    let rules: Vec<(Consult, &String)> = obligations
        .iter()
        .filter_map(|f| pack.obligation(&f.id).map(|o| (o.consult, &f.id)))
        .chain(
            tensions
                .iter()
                .filter_map(|a| pack.tension(&a.id).map(|t| (t.consult, &a.id))),
        )
        .collect();
    let mut consult = ConsultAdvice {
        level: Consult::None,
        because: Vec::new(),
    };
    for &(level, id) in &rules {
        if level > consult.level {
            consult.level = level;
            consult.because.clear();
        }
        // Each rule is named once: obligations and tensions have distinct ids.
        if level == consult.level && level != Consult::None {
            consult.because.push(id.clone());
        }
    }
    // A step that is itself a consultation counts only where it goes further.
    for s in &b.steps {
        if let Some(level) = s.consult
            && level > consult.level
        {
            consult.level = level;
            consult.because = vec![s.action.clone()];
        }
    }
    // No level is claimed without a step that says to consult at it: the pack's first step at
    // that level whose own `when` holds is added. Where the pack has steps at that level but
    // none fits these answers, the level comes down to the next one something calls for.
    while consult.level != Consult::None {
        if b.steps.iter().any(|s| s.consult == Some(consult.level)) {
            break;
        }
        if let Some(a) = pack.actions.iter().find(|a| {
            a.consult == Some(consult.level)
                && a.when
                    .as_ref()
                    .is_none_or(|w| w.eval(answers) == Truth::True)
        }) {
            b.steps.push(Step {
                phase: a.phase,
                action: a.id.clone(),
                question: None,
                because: consult.because.clone(),
                consult: a.consult,
            });
            break;
        }
        // A pack with no step at this level at all keeps the level its rules call for.
        if !pack
            .actions
            .iter()
            .any(|a| a.consult == Some(consult.level))
        {
            break;
        }
        let lower = rules
            .iter()
            .map(|&(level, _)| level)
            .chain(b.steps.iter().filter_map(|s| s.consult))
            .filter(|&level| level < consult.level)
            .max()
            .unwrap_or(Consult::None);
        consult.level = lower;
        consult.because = rules
            .iter()
            .filter(|&&(level, _)| level == lower && lower != Consult::None)
            .map(|&(_, id)| id.clone())
            .collect();
        if consult.because.is_empty()
            && let Some(s) = b.steps.iter().find(|s| s.consult == Some(lower))
        {
            consult.because = vec![s.action.clone()];
        }
    }
    b.steps.sort_by_key(|s| s.phase);
    Plan {
        steps: b.steps,
        left_out: b.left_out,
        pending: b.pending,
        consult,
    }
}
