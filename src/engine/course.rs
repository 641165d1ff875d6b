//! The course of action: the steps the applying obligations and tensions call for, each given
//! only where its own `when` holds, in phase order without repeats; and the consultation
//! level, which never contradicts the steps.

use super::{ActiveTension, ConsultAdvice, Fired, LeftOut, Pending, Step};
use crate::condition::Truth;
use crate::pack::Pack;
use crate::vocab::{Answers, Consult, ItemKind};

pub(super) struct Plan {
    pub steps: Vec<Step>,
    pub left_out: Vec<LeftOut>,
    pub pending: Vec<Pending>,
    pub consult: ConsultAdvice,
}

#[derive(Default)]
struct Builder {
    steps: Vec<Step>,
    left_out: Vec<LeftOut>,
    pending: Vec<Pending>,
}

impl Builder {
    /// Call for an action on behalf of `caller` (`None` for the frame).
    fn call(&mut self, pack: &Pack, answers: &Answers, action: &str, caller: Option<&str>) {
        let Some(a) = pack.action(action) else { return };
        let add_caller = |because: &mut Vec<String>| {
            if let Some(c) = caller
                && !because.iter().any(|x| x == c)
            {
                because.push(c.to_string());
            }
        };
        if let Some(s) = self.steps.iter_mut().find(|s| s.action == action) {
            add_caller(&mut s.because);
            return;
        }
        if let Some(l) = self.left_out.iter_mut().find(|l| l.action == action) {
            add_caller(&mut l.because);
            return;
        }
        if self.pending.iter().any(|p| p.id == action) {
            return;
        }
        let truth = a.when.as_ref().map_or(Truth::True, |w| w.eval(answers));
        let mut because = Vec::new();
        add_caller(&mut because);
        match truth {
            Truth::True => self.steps.push(Step {
                phase: a.phase,
                action: action.to_string(),
                question: None,
                because,
                consult: a.consult,
            }),
            Truth::False => self.left_out.push(LeftOut {
                action: action.to_string(),
                because,
                why: a
                    .when
                    .as_ref()
                    .and_then(|w| w.falsity(answers))
                    .unwrap_or_default(),
            }),
            Truth::Unknown => self.pending.push(Pending {
                kind: ItemKind::Action,
                id: action.to_string(),
                hinges_on: a
                    .when
                    .as_ref()
                    .and_then(|w| w.hinges(answers))
                    .unwrap_or_default(),
            }),
        }
    }
}

pub(super) fn plan(
    pack: &Pack,
    answers: &Answers,
    obligations: &[Fired],
    tensions: &[ActiveTension],
    frame: &[String],
) -> Plan {
    let mut b = Builder::default();
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
    let rules = obligations
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
    for (level, id) in rules {
        if level > consult.level {
            consult.level = level;
            consult.because.clear();
        }
        if level == consult.level && level != Consult::None && !consult.because.contains(id) {
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
    // No level is claimed without a step that says to consult at it.
    if consult.level != Consult::None
        && !b.steps.iter().any(|s| s.consult == Some(consult.level))
        && let Some(a) = pack.actions.iter().find(|a| {
            a.consult == Some(consult.level)
                && a.when
                    .as_ref()
                    .is_none_or(|w| w.eval(answers) == Truth::True)
        })
    {
        b.steps.push(Step {
            phase: a.phase,
            action: a.id.clone(),
            question: None,
            because: consult.because.clone(),
            consult: a.consult,
        });
    }
    b.steps.sort_by_key(|s| s.phase);
    Plan {
        steps: b.steps,
        left_out: b.left_out,
        pending: b.pending,
        consult,
    }
}
