//! The course of action: the steps the applying obligations and tensions call for, each given
//! only where its own `when` holds (and, for a step with `parties`, for one of them at risk and
//! not causing the harm), not already done, and with a service that serves this person where
//! it refers to one; decisive steps first, each weight in phase order, without repeats. And the
//! consultation level, which never contradicts the steps.

use std::collections::HashMap;

use super::{
    ActiveTension, ConsultAdvice, Fired, LeftOut, LeftOutReason, Pending, Reuse, RuledOut,
    SHORT_STEPS, ServiceUse, Slotted, Step,
};
use crate::condition::Truth;
use crate::pack::Pack;
use crate::vocab::{Consult, DECISION, ItemKind, Phase, Weight};

pub(super) struct Plan {
    pub steps: Vec<Step>,
    pub left_out: Vec<LeftOut>,
    pub pending: Vec<Pending>,
    pub consult: ConsultAdvice,
}

/// What calls for steps: the obligations and tensions that apply, the frame's duties, and the
/// answers the pack does not cover (each calls for the supervisor).
pub(super) struct Calls<'a> {
    pub obligations: &'a [Fired],
    pub tensions: &'a [ActiveTension],
    pub frame: &'a [String],
    pub not_covered: &'a [String],
    /// The steps the duties that apply rule out.
    pub ruled_out: &'a RuledOut<'a>,
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
    ruled_out: &'r RuledOut<'r>,
}

/// The services that meet a step's needs and serve this person, or why there are none.
enum Resolved {
    Services(Vec<ServiceUse>),
    /// None serves for certain; some may, depending on these unsure answers.
    Unknown(Vec<String>),
    /// None serves.
    None,
}

/// Resolve the needs a step refers to, in the pack's order of services.
fn resolve(pack: &Pack, answers: &Slotted, refer: &[String]) -> Resolved {
    let mut found: Vec<ServiceUse> = Vec::new();
    let mut hinges: Vec<String> = Vec::new();
    for need in refer {
        for s in pack.services.iter().filter(|s| s.needs.contains(need)) {
            if found.iter().any(|f| f.id == s.id) {
                continue;
            }
            let serves = s.serves.as_ref().map_or(Truth::True, |c| c.eval(answers));
            match serves {
                Truth::True => found.push(ServiceUse {
                    id: s.id.clone(),
                    own: s.own.as_ref().is_some_and(|c| c.holds(answers)),
                }),
                Truth::Unknown => {
                    for q in s
                        .serves
                        .as_ref()
                        .and_then(|c| c.hinges(answers))
                        .unwrap_or_default()
                    {
                        if !hinges.contains(&q) {
                            hinges.push(q);
                        }
                    }
                }
                Truth::False => {}
            }
        }
    }
    match (found.is_empty(), hinges.is_empty()) {
        (false, _) => Resolved::Services(found),
        (true, false) => Resolved::Unknown(hinges),
        (true, true) => Resolved::None,
    }
}

impl Builder<'_> {
    /// Call for an action on behalf of `caller` (`None` for the frame), which may mark it
    /// decisive.
    fn call(
        &mut self,
        pack: &Pack,
        answers: &Slotted,
        action: &str,
        caller: Option<&str>,
        flags: Flags,
    ) {
        let Flags {
            decisive,
            answers: answers_decision,
            binding,
            by_ranking,
        } = flags;
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
            Some(Slot::Step(i)) => {
                let step = &mut self.steps[*i];
                if decisive {
                    step.weight = Weight::Decisive;
                }
                step.answers |= answers_decision;
                step.binding |= binding;
                step.by_ranking |= by_ranking && decisive;
                return add(&mut step.because);
            }
            Some(Slot::LeftOut(i)) => return add(&mut self.left_out[*i].because),
            Some(Slot::Pending) => return,
            None => {}
        }
        let mut because = Vec::new();
        add(&mut because);
        // A duty that applies rules it out: the law forbids what it would defer to.
        let ruled_out_by = self.ruled_out.step(action);
        if !ruled_out_by.is_empty() {
            self.left_out.push(LeftOut {
                action: action.to_string(),
                because,
                reason: LeftOutReason::RuledOut,
                why: Vec::new(),
                ruled_out_by,
            });
            let slot = Slot::LeftOut(self.left_out.len() - 1);
            self.slots.insert(action.to_string(), slot);
            return;
        }
        let when = pack.step_condition(index);
        let truth = when.map_or(Truth::True, |w| {
            Reuse::truth(self.reuse, |m| m.actions[index], w).unwrap_or_else(|| w.eval(answers))
        });
        self.truths[index] = Some(truth);
        let mut left_out = |b: &mut Self, reason, why| {
            b.left_out.push(LeftOut {
                action: action.to_string(),
                because: std::mem::take(&mut because),
                reason,
                why,
                ruled_out_by: Vec::new(),
            });
            Slot::LeftOut(b.left_out.len() - 1)
        };
        let pending = |b: &mut Self, hinges_on| {
            b.pending.push(Pending {
                kind: ItemKind::Action,
                id: action.to_string(),
                hinges_on,
            });
            Slot::Pending
        };
        let slot = match truth {
            Truth::False => {
                let why = match (when, self.detail) {
                    (Some(w), true) => w.falsity(answers).unwrap_or_default(),
                    _ => Vec::new(),
                };
                left_out(self, LeftOutReason::DoesNotFit, why)
            }
            Truth::Unknown => {
                let hinges = when.and_then(|w| w.hinges(answers)).unwrap_or_default();
                pending(self, hinges)
            }
            Truth::True if a.done.as_ref().is_some_and(|d| d.holds(answers)) => {
                let why = match (&a.done, self.detail) {
                    (Some(d), true) => d.trace(answers).unwrap_or_default(),
                    _ => Vec::new(),
                };
                left_out(self, LeftOutReason::Done, why)
            }
            Truth::True => {
                let services = if a.refer.is_empty() {
                    Resolved::Services(Vec::new())
                } else {
                    resolve(pack, answers, &a.refer)
                };
                match services {
                    Resolved::None => left_out(self, LeftOutReason::NoService, Vec::new()),
                    Resolved::Unknown(hinges) => pending(self, hinges),
                    Resolved::Services(services) => {
                        // A referral that a rule makes decisive, where the only service is
                        // the worker's own unit, is that unit's procedure, not the step that
                        // answers the case: it is kept at its own weight. A step its author
                        // made decisive (care within 72 hours, in one's own hospital) stays so.
                        let own_only = !services.is_empty() && services.iter().all(|u| u.own);
                        let weight = if decisive && !own_only {
                            Weight::Decisive
                        } else {
                            a.weight
                        };
                        let parties = a
                            .parties
                            .iter()
                            .filter(|p| p.when.holds(answers))
                            .map(|p| p.id.clone())
                            .collect();
                        self.steps.push(Step {
                            phase: a.phase,
                            action: action.to_string(),
                            question: None,
                            because: std::mem::take(&mut because),
                            consult: a.consult,
                            weight,
                            answers: answers_decision,
                            binding,
                            by_ranking: by_ranking && decisive,
                            parties,
                            services,
                        });
                        Slot::Step(self.steps.len() - 1)
                    }
                }
            }
        };
        self.slots.insert(action.to_string(), slot);
    }
}

/// What a rule that calls for a step says of it.
#[derive(Clone, Copy, Default)]
struct Flags {
    /// The rule marks it decisive.
    decisive: bool,
    /// The rule reads what the worker has to decide.
    answers: bool,
    /// The rule is a binding duty.
    binding: bool,
    /// The rule is a tension the ranking settles (no binding duty does).
    by_ranking: bool,
}

/// Decisive steps first, then supporting, then routine. Among the decisive ones: those that
/// keep someone safe now; then those a binding duty calls for (the law settles them); then
/// those of a tension the ranking settles, no binding duty having done so (the way through the
/// dilemma the verdict names); then
/// those that answer what the worker has to decide; then the rest; and the facts to find out
/// last (what can be done now comes before what is still to be learnt), except one that a
/// binding duty to protect life waits on, which is in the safety phase and comes first. Each group in phase
/// order. The steps that keep someone safe now come in the pack's own order of steps, which is
/// the order of urgency its author gives them (reaching a person one cannot see before calling
/// 119, 119 before the police, and so on), whatever rule called for them first.
pub(super) fn order(steps: &mut [Step], pack: &Pack) {
    steps.sort_by_key(|s| {
        let tier = match (s.weight, s.phase, s.question.is_some()) {
            (Weight::Decisive, Phase::Safety, _) => 0,
            (Weight::Decisive, _, true) => 5,
            (Weight::Decisive, ..) if s.binding => 1,
            (Weight::Decisive, ..) if s.by_ranking => 2,
            (Weight::Decisive, ..) if s.answers => 3,
            _ => 4,
        };
        let urgency = if tier == 0 {
            pack.action_index(&s.action).unwrap_or(usize::MAX)
        } else {
            0
        };
        (s.weight, tier, s.phase, urgency)
    });
}

/// Whether a rule's condition reads what the worker has to decide (the `decision` question)
/// and a fact of the case besides: the steps it calls for then answer the decision itself, for
/// this case. A rule that reads the decision alone (help them decide, whatever the case) gives
/// the general frame, which comes after what this case calls for; so does one whose other
/// facts only make it stand aside (`not danger_now`).
fn reads_decision(when: Option<&crate::condition::Expr>) -> bool {
    when.is_some_and(|w| {
        let read = w.positive_questions();
        read.contains(&DECISION) && read.iter().any(|q| *q != DECISION)
    })
}

/// Whom to consult: the services the numbered steps that consult or act name, each once, in
/// order (a step that takes someone to emergency care or a clinic is not a consultation).
pub(super) fn services_of(steps: &[Step]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in steps
        .iter()
        .filter(|s| s.weight != Weight::Routine)
        .take(SHORT_STEPS)
        .filter(|s| matches!(s.phase, Phase::Consult | Phase::Act))
    {
        for u in &s.services {
            if !out.contains(&u.id) {
                out.push(u.id.clone());
            }
        }
    }
    out
}

pub(super) fn plan(
    pack: &Pack,
    answers: &Slotted,
    calls: Calls,
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
        ruled_out: calls.ruled_out,
    };
    for f in calls.obligations {
        if let Some(o) = pack.obligation(&f.id) {
            let answering = reads_decision(o.when.as_ref());
            for a in &o.actions {
                let flags = Flags {
                    decisive: o.decisive.contains(a),
                    answers: answering,
                    binding: o.binding,
                    by_ranking: false,
                };
                b.call(pack, answers, a, Some(&f.id), flags);
            }
        }
    }
    for t in calls.tensions {
        if let Some(x) = pack.tension(&t.id) {
            let answering = reads_decision(Some(&x.when));
            for a in &x.actions {
                let flags = Flags {
                    decisive: x.decisive.contains(a),
                    answers: answering,
                    binding: false,
                    by_ranking: t.settled_by.is_empty() && t.prevails.is_some(),
                };
                b.call(pack, answers, a, Some(&t.id), flags);
            }
        }
    }
    // With nothing specific to do, the frame's general steps; a report never ends empty.
    if b.steps.is_empty() {
        let frame_actions = calls
            .frame
            .iter()
            .filter_map(|d| pack.obligation(d))
            .flat_map(|o| o.actions.iter());
        for a in pack.meta.frame.steps.iter().chain(frame_actions) {
            b.call(pack, answers, a, None, Flags::default());
        }
    }

    // The consultation: the highest level any rule calls for or any step is. An answer the
    // pack does not cover calls for the supervisor.
    let uncovered: Vec<String> = calls
        .not_covered
        .iter()
        .map(|q| format!("not_covered:{q}"))
        .collect();
    let rules: Vec<(Consult, &String)> = calls
        .obligations
        .iter()
        .filter_map(|f| pack.obligation(&f.id).map(|o| (o.consult, &f.id)))
        .chain(
            calls
                .tensions
                .iter()
                .filter_map(|a| pack.tension(&a.id).map(|t| (t.consult, &a.id))),
        )
        .chain(uncovered.iter().map(|q| (Consult::Supervisor, q)))
        .collect();
    let mut consult = ConsultAdvice {
        level: Consult::None,
        because: Vec::new(),
        services: Vec::new(),
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
        // Never one that a duty which applies rules out.
        let ruled_out = |id: &str| !b.ruled_out.step(id).is_empty();
        if let Some(step) = consult_step(pack, answers, consult.level, &consult.because, ruled_out)
        {
            b.steps.push(step);
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
    order(&mut b.steps, pack);
    consult.services = services_of(&b.steps);
    Plan {
        steps: b.steps,
        left_out: b.left_out,
        pending: b.pending,
        consult,
    }
}

/// The pack's first step that is a consultation at `level` and fits these answers (its
/// condition holds, and it is not already done), called for `because`.
pub(super) fn consult_step(
    pack: &Pack,
    answers: &Slotted,
    level: Consult,
    because: &[String],
    ruled_out: impl Fn(&str) -> bool,
) -> Option<Step> {
    let (_, a) = pack.actions.iter().enumerate().find(|(i, a)| {
        a.consult == Some(level)
            && !ruled_out(&a.id)
            && pack
                .step_condition(*i)
                .is_none_or(|w| w.eval(answers) == Truth::True)
            && !a.done.as_ref().is_some_and(|d| d.holds(answers))
    })?;
    let services = if a.refer.is_empty() {
        Vec::new()
    } else {
        match resolve(pack, answers, &a.refer) {
            Resolved::Services(s) => s,
            _ => return None,
        }
    };
    Some(Step {
        phase: a.phase,
        action: a.id.clone(),
        question: None,
        because: because.to_vec(),
        consult: a.consult,
        weight: a.weight,
        answers: false,
        binding: false,
        by_ranking: false,
        parties: a
            .parties
            .iter()
            .filter(|p| p.when.holds(answers))
            .map(|p| p.id.clone())
            .collect(),
        services,
    })
}
