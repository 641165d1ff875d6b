//! The decision engine: (pack, answers) → decision, with the reasons for every part.
//!
//! Pure and deterministic: no I/O, no prompts, no clock. The steps, as `docs/ARCHITECTURE.md`
//! describes them:
//!
//! 1. obligations whose `when` holds, each with the answers that decided it;
//! 2. binding duties first;
//! 3. tensions, settled by a binding duty or else by the pack's ranking;
//! 4. the course of action: the steps those call for whose own `when` holds, in phase order;
//! 5. consultation: the highest level called for, never without a step that says so (and
//!    after 7, at least the level every possible answer to an unsure question calls for);
//! 6. what depends on unsure answers, listed apart and never given as applying;
//! 7. a "find out" step for each unsure answer something hinges on, with what each possible
//!    answer would change (by deciding again);
//! 8. "no dilemma" when nothing dilemma-specific applies: the frame's duties and steps.

mod course;
mod whatif;

use serde::Serialize;

use crate::condition::{Fact, Lookup, Truth};
use crate::pack::Pack;
use crate::vocab::{Answers, Consult, ItemKind, Phase, Value, Verdict, Weight};

pub use whatif::{Change, Delta, FindOut, compare, minus, what_if};

/// An obligation that applies, and the answers that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fired {
    pub id: String,
    pub binding: bool,
    pub why: Vec<Fact>,
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
    pub why: Vec<Fact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultAdvice {
    pub level: Consult,
    /// The obligations, tensions and steps that call for this level.
    pub because: Vec<String>,
    /// The services the steps of the short course name, in order: whom to consult.
    pub services: Vec<String>,
}

/// A service named with a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceUse {
    pub id: String,
    /// It is the worker's own unit: follow its own procedure rather than referring to it.
    pub own: bool,
}

/// How many numbered steps the short course shows at most.
pub const SHORT_STEPS: usize = 8;

/// One step of the course of action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub phase: Phase,
    /// The action id; for a "find out" step, `find_out:QUESTION`.
    pub action: String,
    /// For a "find out" step: the unsure question.
    pub question: Option<String>,
    /// The obligations and tensions that call for it (empty for the frame's steps); for a
    /// "find out" step, what hinges on the answer.
    pub because: Vec<String>,
    /// The consultation this step is, if it is one.
    pub consult: Option<Consult>,
    /// Its own weight, or `decisive` where a rule that calls for it marks it so.
    pub weight: Weight,
    /// A rule that calls for it reads what the worker has to decide: it answers the decision.
    pub answers: bool,
    /// A binding duty calls for it: the law or the code settles it.
    pub binding: bool,
    /// A tension the ranking settles (none of the binding duties does) calls for it: it is
    /// the way through the dilemma the verdict names.
    #[serde(skip)]
    pub by_ranking: bool,
    /// For a step with `parties`: those it is given for.
    pub parties: Vec<String>,
    /// The services that meet the needs it refers to and serve this person.
    pub services: Vec<ServiceUse>,
}

impl Step {
    /// A step of the process itself: a "find out" step, or one the frame gives.
    fn new(phase: Phase, action: String, consult: Option<Consult>, weight: Weight) -> Step {
        Step {
            phase,
            action,
            question: None,
            because: Vec::new(),
            consult,
            weight,
            answers: false,
            binding: false,
            by_ranking: false,
            parties: Vec::new(),
            services: Vec::new(),
        }
    }
}

/// Why a step an obligation asks for was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    /// Its `when` does not hold (or none of its parties is at risk without causing the harm).
    DoesNotFit,
    /// The answers say it is already done.
    Done,
    /// No service meets what it refers to and serves this person.
    NoService,
    /// A duty that applies rules it out (`rules_out`): the law forbids what it would defer to.
    RuledOut,
}

/// A step an obligation asks for, left out because it does not fit these answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub action: String,
    pub because: Vec<String>,
    pub reason: LeftOutReason,
    /// The answers that make its `when` false, or its `done` true.
    pub why: Vec<Fact>,
    /// The duties that rule it out, for `RuledOut`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ruled_out_by: Vec<String>,
}

/// Something that would apply or not depending on an unsure answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pending {
    pub kind: ItemKind,
    pub id: String,
    /// The unsure answers it hinges on.
    pub hinges_on: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The answers that count (those to questions that were asked).
    pub answers: Answers,
    /// Dilemma-specific obligations that apply: binding duties first, then the rest, each
    /// group in pack order.
    pub obligations: Vec<Fired>,
    /// The frame's duties, which hold in every situation.
    pub frame: Vec<String>,
    pub tensions: Vec<ActiveTension>,
    pub consult: ConsultAdvice,
    pub course: Vec<Step>,
    pub left_out: Vec<LeftOut>,
    pub depends_on: Vec<Pending>,
    pub find_out: Vec<FindOut>,
    /// The verdict is `no_dilemma`: no conflict between duties.
    pub no_dilemma: bool,
    pub verdict: Verdict,
    /// Questions answered "None of these": what the advice does not cover.
    pub not_covered: Vec<String>,
}

impl Decision {
    pub fn binding(&self) -> impl Iterator<Item = &Fired> {
        self.obligations.iter().filter(|o| o.binding)
    }

    pub fn fired(&self, id: &str) -> bool {
        self.obligations.iter().any(|o| o.id == id) || self.frame.iter().any(|f| f == id)
    }

    pub fn has_step(&self, action: &str) -> bool {
        self.course.iter().any(|s| s.action == action)
    }

    pub fn has_tension(&self, id: &str) -> bool {
        self.tensions.iter().any(|t| t.id == id)
    }

    pub fn is_pending(&self, id: &str) -> bool {
        self.depends_on.iter().any(|p| p.id == id)
    }

    /// The short course: the first numbered steps (decisive first, at most `SHORT_STEPS`, no
    /// routine step among them), and the routine steps, named on one line.
    pub fn short_course(&self) -> (Vec<&Step>, Vec<&Step>) {
        let numbered = self
            .course
            .iter()
            .filter(|s| s.weight != Weight::Routine)
            .take(SHORT_STEPS)
            .collect();
        let routine = self
            .course
            .iter()
            .filter(|s| s.weight == Weight::Routine)
            .collect();
        (numbered, routine)
    }
}

/// Decide, with the "find out" steps and what each unsure answer could change.
pub fn decide(pack: &Pack, given: &Answers) -> Decision {
    let (mut d, memo) = decide_with(pack, given, true, None);
    whatif::find_out(pack, &mut d, &memo);
    d
}

/// The truth of every condition a decision evaluated, by place in the pack, so that deciding
/// again with a few answers changed need evaluate only the conditions that read them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Memo {
    obligations: Vec<Option<Truth>>,
    tensions: Vec<Option<Truth>>,
    actions: Vec<Option<Truth>>,
}

impl Memo {
    fn new(pack: &Pack) -> Memo {
        Memo {
            obligations: vec![None; pack.obligations.len()],
            tensions: vec![None; pack.tensions.len()],
            actions: vec![None; pack.actions.len()],
        }
    }
}

/// A decision to reuse: its memo, and which questions' answers (by place) differ from those
/// it was made with.
pub(crate) struct Reuse<'a> {
    pub base: &'a Memo,
    pub changed: &'a [bool],
}

impl Reuse<'_> {
    /// The truth `when` had in the base decision, when it reads no changed answer.
    fn truth(
        reuse: Option<&Self>,
        pick: impl Fn(&Memo) -> Option<Truth>,
        when: &crate::condition::Expr,
    ) -> Option<Truth> {
        let r = reuse?;
        let t = pick(r.base)?;
        (!when.reads_any(r.changed)).then_some(t)
    }
}

/// Decide without looking at what unsure answers could change. Without `detail`, only what a
/// comparison needs: which obligations, tensions and steps, and the consultation level, with
/// no reasons. (The tests compare it with a decision that reuses another's truths.)
#[cfg(test)]
pub(crate) fn decide_core(pack: &Pack, given: &Answers, detail: bool) -> Decision {
    decide_with(pack, given, detail, None).0
}

/// Decide, reusing what `reuse` already knows, and say what was found for the next reuse.
pub(crate) fn decide_with(
    pack: &Pack,
    given: &Answers,
    detail: bool,
    reuse: Option<&Reuse>,
) -> (Decision, Memo) {
    let answers = pack.questionnaire().effective(given);
    let look = Slotted::new(pack, &answers);
    let mut depends_on = Vec::new();
    let mut memo = Memo::new(pack);

    // 1–2. Obligations, binding first; the frame's duties apart.
    let mut obligations = Vec::new();
    let mut frame = Vec::new();
    for (i, o) in pack.obligations.iter().enumerate() {
        let is_frame = pack.is_frame_duty(&o.id);
        let Some(when) = &o.when else {
            frame.push(o.id.clone());
            continue;
        };
        let truth =
            Reuse::truth(reuse, |m| m.obligations[i], when).unwrap_or_else(|| when.eval(&look));
        memo.obligations[i] = Some(truth);
        match truth {
            Truth::True if is_frame => frame.push(o.id.clone()),
            Truth::True => obligations.push(Fired {
                id: o.id.clone(),
                binding: o.binding,
                why: if detail {
                    when.trace(&look).unwrap_or_default()
                } else {
                    Vec::new()
                },
            }),
            Truth::Unknown if !is_frame => depends_on.push(Pending {
                kind: ItemKind::Obligation,
                id: o.id.clone(),
                hinges_on: when.hinges(&look).unwrap_or_default(),
            }),
            _ => {}
        }
    }
    obligations.sort_by_key(|o| !o.binding);

    // 3. Tensions, settled by a binding duty or else by the ranking.
    let binding: Vec<(&Fired, &crate::pack::Obligation)> = obligations
        .iter()
        .filter(|f| f.binding)
        .filter_map(|f| Some((f, pack.obligation(&f.id)?)))
        .collect();
    // What the duties that apply rule out: steps that would defer to a wish the law forbids,
    // tensions that would weigh it.
    let ruled_out = RuledOut::of(pack, &obligations);
    let mut tensions = Vec::new();
    for (i, t) in pack.tensions.iter().enumerate() {
        let truth =
            Reuse::truth(reuse, |m| m.tensions[i], &t.when).unwrap_or_else(|| t.when.eval(&look));
        memo.tensions[i] = Some(truth);
        if !ruled_out.tension(&t.id).is_empty() {
            continue;
        }
        match truth {
            Truth::True => tensions.push(settle(pack, t, &binding, &look, detail)),
            Truth::Unknown => depends_on.push(Pending {
                kind: ItemKind::Tension,
                id: t.id.clone(),
                hinges_on: t.when.hinges(&look).unwrap_or_default(),
            }),
            Truth::False => {}
        }
    }

    // Answers of "None of these": the advice does not cover them.
    let not_covered: Vec<String> = pack
        .questions
        .iter()
        .filter(|q| answers.get(&q.id).is_some_and(|v| q.outside(v)))
        .map(|q| q.id.clone())
        .collect();

    // 4–5. The course of action and the consultation it implies.
    let plan = course::plan(
        pack,
        &look,
        course::Calls {
            obligations: &obligations,
            tensions: &tensions,
            frame: &frame,
            not_covered: &not_covered,
            ruled_out: &ruled_out,
        },
        detail,
        (reuse, &mut memo.actions),
    );
    depends_on.extend(plan.pending);

    let verdict = verdict(
        pack,
        &look,
        Found {
            obligations: &obligations,
            tensions: &tensions,
            pending: &depends_on,
            not_covered: &not_covered,
        },
        &plan.steps,
    );
    drop(look);
    let decision = Decision {
        answers,
        obligations,
        frame,
        tensions,
        consult: plan.consult,
        course: plan.steps,
        left_out: plan.left_out,
        depends_on,
        find_out: Vec::new(),
        no_dilemma: verdict == Verdict::NoDilemma,
        verdict,
        not_covered,
    };
    (decision, memo)
}

/// The one-line answer, in this order:
/// - life first, where protection of life (the ranking's first principle) wins a tension by
///   the ranking against a principle outside it, or against a ranked one where a binding duty
///   serving life applies or waits on a fact; or where a duty serving it calls for an
///   emergency step now (a decisive safety step that brings in the authorities: an ambulance,
///   the police);
/// - the law settles it, where a binding duty applies that settles what the worker decides
///   (its `decides` names one of the `decision` answers, or is empty) and is not one that only
///   says how the work is done (`settles = false`);
/// - a dilemma, where a tension arises that no binding duty settles, or a binding duty or
///   tension that protects life waits on something not yet known;
/// - the law settles it, where a binding duty applies beside the decision and nothing else
///   conflicts;
/// - not covered, where the decision or the situation is "None of these" (or names a task for
///   another authority, an option marked `outside`), or another answer is
///   and no duty applies;
/// - otherwise no dilemma: go ahead.
fn verdict(pack: &Pack, look: &Slotted, found: Found, steps: &[Step]) -> Verdict {
    let answers = look.answers;
    let Found {
        obligations,
        tensions,
        pending,
        not_covered,
    } = found;
    let top = pack.meta.ranking.order.first();
    let serves_top = |principles: &[String]| top.is_some_and(|t| principles.contains(t));
    let life_wins = |weighed: bool| {
        tensions.iter().any(|t| {
            t.settled_by.is_empty()
                && t.prevails.as_ref() == top
                && top.is_some()
                && pack.tension_weighs(&t.id) == weighed
        })
    };
    let protects_now = obligations.iter().any(|f| {
        pack.obligation(&f.id).is_some_and(|o| {
            serves_top(&o.principles)
                && steps.iter().any(|s| {
                    s.phase == Phase::Safety
                        && s.weight == Weight::Decisive
                        && s.consult == Some(Consult::Authorities)
                        && o.actions.contains(&s.action)
                })
        })
    });
    // A rule or a duty to the agency (a principle outside the ranking) that would cost a life
    // yields to it: life first. Two principles the ranking weighs (confidences against a
    // serious harm to others) are life first only where the law backs it now: a binding duty
    // serving protection of life applies, or waits on a fact not yet known. Without one it is
    // a dilemma the ranking settles towards life.
    let life_by_law = obligations
        .iter()
        .map(|f| f.id.as_str())
        .chain(
            pending
                .iter()
                .filter(|p| p.kind == ItemKind::Obligation)
                .map(|p| p.id.as_str()),
        )
        .any(|id| {
            pack.obligation(id)
                .is_some_and(|o| o.binding && serves_top(&o.principles))
        });
    if life_wins(false) || (life_wins(true) && life_by_law) || protects_now {
        return Verdict::LifeFirst;
    }
    let decisions = match answers.get(crate::vocab::DECISION) {
        Some(Value::Many(ids)) => ids.as_slice(),
        _ => &[],
    };
    let decided = |o: &crate::pack::Obligation| {
        o.decides.is_empty() || o.decides.iter().any(|d| decisions.contains(d))
    };
    // A binding duty that only says how the work is done (`settles = false`) is listed with the
    // others but settles no conflict, so it never makes the verdict.
    let binding: Vec<&crate::pack::Obligation> = obligations
        .iter()
        .filter(|o| o.binding)
        .filter_map(|o| pack.obligation(&o.id))
        .filter(|o| o.settles)
        .collect();
    // A tension the ranking must weigh: no binding duty settles it, and the binding duties
    // that apply do not already side with its winner (one serves the principle the ranking
    // puts first, none the other): where the law and the ranking agree, nothing is left to
    // weigh.
    let binding_serves = |p: &str| {
        obligations
            .iter()
            .filter(|f| f.binding)
            .filter_map(|f| pack.obligation(&f.id))
            .any(|o| o.principles.iter().any(|x| x == p))
    };
    let agreed = |t: &ActiveTension| {
        t.prevails.as_ref().is_some_and(|win| {
            let lose = if t.principles[0] == *win {
                &t.principles[1]
            } else {
                &t.principles[0]
            };
            binding_serves(win) && !binding_serves(lose)
        })
    };
    let weighed = tensions
        .iter()
        .any(|t| t.settled_by.is_empty() && !agreed(t));
    // The law settles it where binding duties settle every decision asked. Where some decision
    // asked is one no binding duty settles, the headline goes to that decision: to what is
    // still weighed, or, with nothing weighed, to "go ahead" the way the duties say (the worker
    // asked whether to admit a child, and the duty that settles only what may be told of him
    // to a journalist does not answer that).
    // Whether to follow an order (a `decision` option marked `order`) is settled with what
    // the order asks for: where the law settles some other decision asked, it settles the
    // order to do it too.
    let is_order = |d: &str| {
        pack.question(crate::vocab::DECISION)
            .and_then(|q| q.option(d))
            .is_some_and(|o| o.order)
    };
    let settles = |d: &String| {
        binding
            .iter()
            .any(|o| o.decides.is_empty() || o.decides.contains(d))
    };
    let settles_other = decisions.iter().any(|d| !is_order(d) && settles(d));
    let settles_every_decision = decisions
        .iter()
        .all(|d| settles(d) || (is_order(d) && settles_other));
    if binding.iter().any(|o| decided(o)) && settles_every_decision {
        return Verdict::Binding;
    }
    // The answer to `q`, read by its question.
    let reads = |q: &str, f: fn(&crate::pack::Question, &Value) -> bool| {
        pack.question(q)
            .zip(answers.get(q))
            .is_some_and(|(x, v)| f(x, v))
    };
    let only_other = |q: &str| reads(q, crate::pack::Question::only_outside);
    // What waits on an unsure answer keeps the verdict open where it could still be a conflict:
    // a tension between two principles the ranking weighs (unless all that is decided lies
    // outside the pack, where no choice of the worker's is weighed), or a binding duty that
    // serves the top principle. A rule, a consent or a duty to the agency not yet checked
    // (a tension with a principle outside the ranking) is something to find out before going
    // ahead, not a conflict.
    let outside_only = only_other(crate::vocab::DECISION);
    let weighty = |p: &Pending| match p.kind {
        ItemKind::Tension => !outside_only && pack.tension_weighs(&p.id),
        ItemKind::Obligation => pack
            .obligation(&p.id)
            .is_some_and(|o| o.binding && serves_top(&o.principles)),
        _ => false,
    };
    // A binding duty to protect life that waits on a fact not yet known (is it an emergency
    // now?), where the law settles nothing else, is life first as well: where a life may be in
    // danger and no one can yet tell, finding out at once, and getting help if one cannot
    // tell, comes before any weighing. Only a duty that would call for an emergency step
    // counts: a duty to report that waits on whether there was a disclosure does not, nor one
    // whose emergency steps the answers already rule out (the worker answered that it is not
    // an emergency now, and what waits is whether harm could come within days).
    let could_call_now = |id: &String| {
        pack.action_index(id).is_some_and(|i| {
            pack.actions[i].is_emergency()
                && pack
                    .step_condition(i)
                    .is_none_or(|w| w.eval(look) != Truth::False)
        })
    };
    let life_pending = pending.iter().any(|p| {
        p.kind == ItemKind::Obligation
            && pack.obligation(&p.id).is_some_and(|o| {
                o.binding && serves_top(&o.principles) && o.actions.iter().any(could_call_now)
            })
    });
    if life_pending {
        return Verdict::LifeFirst;
    }
    // A tension that a binding duty settles is no dilemma: the law says which way, or, for a
    // duty that only says how the work is done, how to do it. Only one the ranking must settle
    // is weighed.
    if weighed || pending.iter().any(weighty) {
        return Verdict::Dilemma;
    }
    // A binding duty that settles none of the decisions asked, with all of them settled
    // (none asked, say), still settles it; beside a decision it does not settle, it says how.
    if !binding.is_empty() && settles_every_decision {
        return Verdict::Binding;
    }
    // Outside the pack: the decision or the situation itself is "None of these" and nothing
    // else, or an answer is and no duty applies at all. A "None of these" beside options that
    // fit ("and something else"), or on a detail beside duties that do apply, is listed as not
    // covered without taking the verdict.
    // A task for another authority among what is decided (an option marked `outside`), with
    // nothing in conflict: the answer lies with that authority, not "go ahead".
    // A situation that is "Something else" is central only where no duty that applies gives a
    // decisive step of its own: where the answers on what is decided (what an order asks, say)
    // call up one, the pack covers the decision whatever the situation is called.
    let task = |q: &str| reads(q, crate::pack::Question::names_a_task_outside);
    let answered = obligations
        .iter()
        .filter_map(|f| pack.obligation(&f.id))
        .any(|o| !o.decisive.is_empty());
    let central = not_covered.iter().any(|q| {
        (q == crate::vocab::DECISION && (only_other(q) || task(q)))
            || (q == crate::vocab::SITUATION && (task(q) || (only_other(q) && !answered)))
    });
    if central || (!not_covered.is_empty() && obligations.is_empty()) {
        return Verdict::NotCovered;
    }
    Verdict::NoDilemma
}

/// The steps and tensions that the duties which apply rule out, each with those duties.
pub(super) struct RuledOut<'p> {
    by: Vec<(&'p crate::pack::RulesOut, &'p str)>,
}

impl<'p> RuledOut<'p> {
    fn of(pack: &'p Pack, fired: &[Fired]) -> Self {
        let by = fired
            .iter()
            .filter_map(|f| pack.obligation(&f.id))
            .filter(|o| !o.rules_out.is_empty())
            .map(|o| (&o.rules_out, o.id.as_str()))
            .collect();
        RuledOut { by }
    }

    /// The duties that rule out the step `action`; empty where none does.
    pub(super) fn step(&self, action: &str) -> Vec<String> {
        self.find(|r| &r.steps, action)
    }

    fn tension(&self, id: &str) -> Vec<String> {
        self.find(|r| &r.tensions, id)
    }

    fn find(&self, list: impl Fn(&crate::pack::RulesOut) -> &Vec<String>, id: &str) -> Vec<String> {
        self.by
            .iter()
            .filter(|(r, _)| list(r).iter().any(|x| x == id))
            .map(|(_, o)| o.to_string())
            .collect()
    }
}

/// What the verdict is made of.
struct Found<'a> {
    obligations: &'a [Fired],
    tensions: &'a [ActiveTension],
    pending: &'a [Pending],
    not_covered: &'a [String],
}

/// Settle an active tension; `binding` are the binding duties that apply.
fn settle(
    pack: &Pack,
    t: &crate::pack::Tension,
    binding: &[(&Fired, &crate::pack::Obligation)],
    answers: &Slotted,
    detail: bool,
) -> ActiveTension {
    let principles = t.principles.clone();
    let serves = |o: &crate::pack::Obligation, p: &str| o.principles.iter().any(|x| x == p);
    let settled_by: Vec<String> = binding
        .iter()
        .filter(|(f, o)| {
            if t.settled_by.is_empty() {
                // A duty that only says how the work is done settles a tension only where the
                // tension names it.
                o.settles && principles.iter().any(|p| serves(o, p))
            } else {
                t.settled_by.contains(&f.id)
            }
        })
        .map(|(f, _)| f.id.clone())
        .collect();
    let by_binding = settled_by.first().and_then(|b| {
        let o = pack.obligation(b)?;
        principles
            .iter()
            .filter(|p| serves(o, p))
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
    ActiveTension {
        id: t.id.clone(),
        prevails: by_binding.or(by_rank),
        principles,
        settled_by,
        why: if detail {
            t.when.trace(answers).unwrap_or_default()
        } else {
            Vec::new()
        },
    }
}

/// The answers that count, by question place as the pack's conditions record it, so that
/// evaluating thousands of conditions costs an index each, not a search.
pub(crate) struct Slotted<'a> {
    by_slot: Vec<Option<&'a Value>>,
    answers: &'a Answers,
}

impl<'a> Slotted<'a> {
    pub(crate) fn new(pack: &Pack, answers: &'a Answers) -> Self {
        // Walk the (few) answers rather than the (many) questions.
        let mut by_slot = vec![None; pack.questions.len()];
        for (question, value) in answers.iter() {
            if let Some(&i) = pack.question_index().get(question.as_str()) {
                by_slot[i] = Some(value);
            }
        }
        Slotted { by_slot, answers }
    }
}

impl Lookup for Slotted<'_> {
    fn value(&self, question: &str, slot: u32) -> Option<&Value> {
        match self.by_slot.get(slot as usize) {
            Some(v) => *v,
            None => self.answers.get(question),
        }
    }
}

/// Every value an unsure question could turn out to have.
pub(crate) fn possible_values(pack: &Pack, question: &str) -> Vec<Value> {
    let Some(q) = pack.question(question) else {
        return Vec::new();
    };
    match q.kind {
        crate::vocab::QuestionKind::YesNo => vec![Value::Yes(true), Value::Yes(false)],
        // "None of these" is not a finding: it would tell nothing of what changes.
        crate::vocab::QuestionKind::OneOf => q
            .options
            .iter()
            .filter(|o| o.id != crate::vocab::OTHER)
            .map(|o| Value::One(o.id.clone()))
            .collect(),
        // For a list, each option alone: what each possible source or party would change.
        crate::vocab::QuestionKind::AnyOf => q
            .options
            .iter()
            .filter(|o| o.id != crate::vocab::OTHER)
            .map(|o| Value::Many(vec![o.id.clone()]))
            .collect(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod v3_tests;
