//! Practice cases: grading a student's reading of a case against the model reading, checking
//! that each case's model answers still give what it expects (`etika test`), and what no case
//! exercises.
//!
//! Pure: no I/O and no prompts, so the same code grades in a terminal and in tests.

use serde::Serialize;

use crate::engine::{self, Change, Decision, minus};
use crate::pack::{Case, Pack};
use crate::vocab::{Answers, CaseKind, Value, Verdict};

/// Points for choosing the model course of action.
pub const COURSE_POINTS: u32 = 3;

/// One answer where the student read the case differently from the model, and what that
/// answer alone changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerDiff {
    pub question: String,
    pub student: Option<Value>,
    pub model: Option<Value>,
    /// What this answer alone changes, all else as the model reads it; nothing for a
    /// question one reading never asks (its what-if would be about a question not asked).
    pub change: Change,
    /// Whether both readings ask the question: if not, it follows from other answers.
    pub asked: bool,
    /// For a question one reading does not ask: the earlier answers that decide whether it
    /// is asked, where the readings differ on them.
    pub follows_from: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub answers: u32,
    pub answers_max: u32,
    pub obligations: u32,
    pub obligations_max: u32,
    pub course: u32,
    pub course_max: u32,
}

/// Feedback on one student's reading of one case.
#[derive(Debug, Clone, Serialize)]
pub struct Feedback {
    pub case: String,
    pub differences: Vec<AnswerDiff>,
    /// Obligations of the model reading that the student's answers do not give.
    pub missed: Vec<String>,
    /// Obligations the student's answers give that the model reading does not.
    pub added: Vec<String>,
    pub tensions_missed: Vec<String>,
    pub tensions_added: Vec<String>,
    pub course_chosen: Option<String>,
    pub course_model: Option<String>,
    pub score: u32,
    pub max: u32,
    pub breakdown: Score,
    /// The questions the model reading answers, in questionnaire order: one point each.
    pub model_questions: Vec<String>,
}

fn ids(d: &Decision) -> Vec<String> {
    d.obligations.iter().map(|o| o.id.clone()).collect()
}

fn tension_ids(d: &Decision) -> Vec<String> {
    d.tensions.iter().map(|t| t.id.clone()).collect()
}

/// Grade a student's answers (and chosen course, if any) against a case.
///
/// Score: one point for each model answer the student gave the same; one point for each
/// obligation of the model reading the student's answers also give, less one for each they
/// add that the model does not (never below zero); and `COURSE_POINTS` for choosing the model
/// course of action, when the case offers a choice.
pub fn grade(pack: &Pack, case: &Case, student: &Answers, course: Option<&str>) -> Feedback {
    let model = engine::decide(pack, &case.answers);
    let mine = engine::decide(pack, student);
    let (m_ans, s_ans) = (&model.answers, &mine.answers);

    let mut differences = Vec::new();
    for q in &pack.questions {
        let (s, m) = (s_ans.get(&q.id), m_ans.get(&q.id));
        if s == m {
            continue;
        }
        // A question one reading never asks has no what-if of its own: its answer (or its
        // absence) follows from the answers that decide whether it is asked.
        if s.is_none() || m.is_none() {
            let gates: Vec<&str> = q.ask_if.as_ref().map(|e| e.questions()).unwrap_or_default();
            let differ = |g: &str| s_ans.get(g) != m_ans.get(g);
            let mut follows_from: Vec<String> = Vec::new();
            for g in gates.iter().filter(|g| differ(g)) {
                if !follows_from.iter().any(|x| x == g) {
                    follows_from.push(g.to_string());
                }
            }
            differences.push(AnswerDiff {
                question: q.id.clone(),
                student: s.cloned(),
                model: m.cloned(),
                change: Change::default(),
                asked: false,
                follows_from,
            });
            continue;
        }
        let mut alone = m_ans.clone();
        if let Some(v) = s {
            alone.insert(q.id.clone(), v.clone());
        }
        differences.push(AnswerDiff {
            question: q.id.clone(),
            student: s.cloned(),
            model: m.cloned(),
            change: engine::compare(pack, m_ans, &alone),
            asked: true,
            follows_from: Vec::new(),
        });
    }

    let answers_max = m_ans.len() as u32;
    let answers_score = m_ans
        .iter()
        .filter(|(k, v)| s_ans.get(*k) == Some(*v))
        .count() as u32;
    let missed = minus(&ids(&model), &ids(&mine));
    let added = minus(&ids(&mine), &ids(&model));
    let obligations_max = model.obligations.len() as u32;
    let matched = obligations_max - missed.len() as u32;
    let obligations_score = matched.saturating_sub(added.len() as u32);
    let course_model = case.model_course().map(|c| c.id.clone());
    let course_max = if course_model.is_some() {
        COURSE_POINTS
    } else {
        0
    };
    let course_score = match (&course_model, course) {
        (Some(m), Some(c)) if m == c => COURSE_POINTS,
        _ => 0,
    };
    Feedback {
        case: case.id.clone(),
        differences,
        missed,
        added,
        tensions_missed: minus(&tension_ids(&model), &tension_ids(&mine)),
        tensions_added: minus(&tension_ids(&mine), &tension_ids(&model)),
        course_chosen: course.map(str::to_string),
        course_model,
        model_questions: pack
            .questions
            .iter()
            .filter(|q| m_ans.contains_key(&q.id))
            .map(|q| q.id.clone())
            .collect(),
        score: answers_score + obligations_score + course_score,
        max: answers_max + obligations_max + course_max,
        breakdown: Score {
            answers: answers_score,
            answers_max,
            obligations: obligations_score,
            obligations_max,
            course: course_score,
            course_max,
        },
    }
}

/// Check a case's model answers against what it expects. Each problem is one line of a diff:
/// `-` for something expected that is missing, `+` for something there that must not be.
pub fn check_case(pack: &Pack, case: &Case) -> Vec<String> {
    let d = engine::decide(pack, &case.answers);
    let e = &case.expect;
    let mut out = Vec::new();
    for o in &e.fire {
        if !d.fired(o) {
            out.push(format!("- obligation `{o}` must apply, but does not"));
            out.extend(why::obligation_off(pack, &d, o));
        }
    }
    for o in &e.not_fire {
        if d.fired(o) {
            out.push(format!("+ obligation `{o}` must not apply, but does"));
            out.extend(why::holds(
                &d,
                pack.obligation(o).and_then(|x| x.when.as_ref()),
            ));
        }
    }
    for t in &e.tensions {
        if !d.has_tension(t) {
            out.push(format!("- tension `{t}` must arise, but does not"));
            out.extend(why::tension_off(pack, &d, t));
        }
    }
    for t in &e.not_tensions {
        if d.has_tension(t) {
            out.push(format!("+ tension `{t}` must not arise, but does"));
            out.extend(why::holds(&d, pack.tension(t).map(|x| &x.when)));
        }
    }
    for a in &e.actions {
        if !d.has_step(a) {
            out.push(format!(
                "- action `{a}` must be in the course of action, but is not"
            ));
            out.extend(why::step_off(pack, &d, a));
        }
    }
    for a in &e.not_actions {
        if d.has_step(a) {
            out.push(format!(
                "+ action `{a}` must not be in the course of action, but is"
            ));
            out.extend(why::step_on(pack, &d, a));
        }
    }
    for p in &e.depends_on {
        if !d.is_pending(p) {
            out.push(format!(
                "- `{p}` must depend on what is found out, but does not"
            ));
            out.extend(why::not_pending(pack, &d, p));
        }
    }
    for q in &e.find_out {
        if !d.find_out.iter().any(|f| &f.question == q) {
            out.push(format!("- `{q}` must be a step to find out, but is not"));
        }
    }
    if let Some(level) = e.consult
        && d.consult.level != level
    {
        out.push(format!(
            "- consultation must be `{}`, but is `{}`",
            level.id(),
            d.consult.level.id()
        ));
        if !d.consult.because.is_empty() {
            out.push(format!(
                "    `{}` because of: {}",
                d.consult.level.id(),
                why::ticks(&d.consult.because)
            ));
        }
    }
    if let Some(want) = e.no_dilemma
        && d.no_dilemma != want
    {
        out.push(if want {
            "- the report must say there is no dilemma, but does not".to_string()
        } else {
            "+ the report says there is no dilemma, but must not".to_string()
        });
    }
    if let Some(want) = e.verdict
        && d.verdict != want
    {
        out.push(format!(
            "- the verdict must be `{}`, but is `{}`",
            want.id(),
            d.verdict.id()
        ));
    }
    let named = |s: &str| {
        d.course
            .iter()
            .any(|x| x.services.iter().any(|u| u.id == s))
    };
    for s in &e.services {
        if !named(s) {
            out.push(format!(
                "- service `{s}` must be named with the course, but is not"
            ));
        }
    }
    for s in &e.not_services {
        if named(s) {
            out.push(format!(
                "+ service `{s}` must not be named with the course, but is"
            ));
        }
    }
    let (numbered, _) = d.short_course();
    for a in &e.first {
        if !numbered.iter().any(|s| &s.action == a) {
            let where_ = if d.has_step(a) {
                "is further down"
            } else {
                "is not in the course"
            };
            out.push(format!(
                "- action `{a}` must be among the first {} steps, but {where_}",
                engine::SHORT_STEPS
            ));
            if !d.has_step(a) {
                out.extend(why::step_off(pack, &d, a));
            }
        }
    }
    if case.kind == CaseKind::Control {
        control(pack, &d, &mut out);
    }
    for (obligation, questions) in &e.why {
        match d.obligations.iter().find(|f| &f.id == obligation) {
            None => out.push(format!(
                "- obligation `{obligation}` must apply (with reasons), but does not"
            )),
            Some(f) => {
                let reasons: Vec<&str> = f.why.iter().map(|x| x.question()).collect();
                for q in questions {
                    if !reasons.contains(&q.as_str()) {
                        out.push(format!(
                            "- obligation `{obligation}` must apply because of `{q}`, but its reasons are: {}",
                            reasons.join(", ")
                        ));
                    }
                }
            }
        }
    }
    out
}

/// A control case: a situation with tempting features and no conflict. It must be a plain
/// "go ahead": the verdict `no_dilemma`, no tension, no binding duty, and no step that the
/// answers say is already done.
fn control(pack: &Pack, d: &Decision, out: &mut Vec<String>) {
    if d.verdict != Verdict::NoDilemma {
        out.push(format!(
            "- a control must get the verdict `no_dilemma`, but gets `{}`",
            d.verdict.id()
        ));
    }
    for t in &d.tensions {
        out.push(format!(
            "+ a control must raise no tension, but `{}` arises",
            t.id
        ));
    }
    for o in d.binding() {
        out.push(format!(
            "+ a control must have no binding duty, but `{}` applies",
            o.id
        ));
    }
    let look = &d.answers;
    for s in &d.course {
        let done = pack
            .action(&s.action)
            .and_then(|a| a.done.as_ref())
            .is_some_and(|c| c.eval(look) != crate::condition::Truth::False);
        if done {
            out.push(format!(
                "+ a control must not ask for what is done, but step `{}` may be",
                s.action
            ));
        }
    }
}

/// What no case exercises: obligations that never apply, tensions that never arise, questions
/// never answered, and steps never given, across all cases' model readings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub obligations: Vec<String>,
    pub tensions: Vec<String>,
    pub questions: Vec<String>,
    pub actions: Vec<String>,
}

pub fn coverage(pack: &Pack) -> Coverage {
    // What the cases cover, gathered one decision at a time: the work and the memory grow
    // with what the decisions hold, never with the pack times the cases.
    use std::collections::HashSet;
    let mut fired: HashSet<String> = HashSet::new();
    let mut tensions: HashSet<String> = HashSet::new();
    let mut answered: HashSet<String> = HashSet::new();
    let mut steps: HashSet<String> = HashSet::new();
    for c in &pack.cases {
        let d = engine::decide(pack, &c.answers);
        fired.extend(d.obligations.into_iter().map(|o| o.id));
        fired.extend(d.frame);
        tensions.extend(d.tensions.into_iter().map(|t| t.id));
        answered.extend(d.answers.into_keys());
        steps.extend(d.course.into_iter().map(|s| s.action));
    }
    let missing = |ids: &mut dyn Iterator<Item = &String>, seen: &HashSet<String>| {
        ids.filter(|id| !seen.contains(*id)).cloned().collect()
    };
    Coverage {
        obligations: missing(&mut pack.obligations.iter().map(|o| &o.id), &fired),
        tensions: missing(&mut pack.tensions.iter().map(|t| &t.id), &tensions),
        questions: missing(&mut pack.questions.iter().map(|q| &q.id), &answered),
        actions: missing(&mut pack.actions.iter().map(|a| &a.id), &steps),
    }
}

/// Why an expectation of a case failed: the condition that decided it and the answers that
/// made it true or false, or what it waits on. Each line is indented under the failure.
mod why {
    use crate::condition::{Expr, Fact};
    use crate::engine::{Decision, LeftOutReason};
    use crate::pack::Pack;

    /// The longest a condition is quoted, in characters.
    const LONGEST: usize = 240;

    /// Ids as a list of code spans.
    pub(super) fn ticks(ids: &[String]) -> String {
        ids.iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn quoted(e: &Expr) -> String {
        let s = e.to_string();
        if s.chars().count() <= LONGEST {
            return s;
        }
        let cut: String = s.chars().take(LONGEST).collect();
        format!("{cut}…")
    }

    /// The answers behind a truth: `harm_risk = no`, `situation includes child_at_risk`.
    fn answers(d: &Decision, facts: &[Fact]) -> String {
        let list: Vec<String> = facts
            .iter()
            .map(|f| match f {
                Fact::Answer { question } => match d.answers.get(question) {
                    Some(v) => format!("{question} = {}", v.code()),
                    None => format!("{question} not answered"),
                },
                Fact::Includes { question, option } => format!("{question} includes {option}"),
                Fact::Excludes { question, option } => {
                    format!("{question} does not include {option}")
                }
            })
            .collect();
        if list.is_empty() {
            "no answer".to_string()
        } else {
            list.join(", ")
        }
    }

    fn line(s: String) -> String {
        format!("    {s}")
    }

    /// A `when` that is false: it, and the answers that made it so.
    fn false_when(d: &Decision, what: &str, when: &Expr) -> Vec<String> {
        match when.falsity(&d.answers) {
            Some(facts) => vec![
                line(format!("{what} `when` is `{}`", quoted(when))),
                line(format!("false because {}", answers(d, &facts))),
            ],
            None => match when.hinges(&d.answers) {
                Some(q) => vec![line(format!(
                    "{what} `when` `{}` waits on unsure answers: {}",
                    quoted(when),
                    ticks(&q)
                ))],
                None => vec![line(format!(
                    "{what} `when` `{}` holds for these answers",
                    quoted(when)
                ))],
            },
        }
    }

    fn waits(d: &Decision, id: &str) -> Option<Vec<String>> {
        let p = d.depends_on.iter().find(|p| p.id == id)?;
        Some(vec![line(format!(
            "it waits on unsure answers: {}",
            ticks(&p.hinges_on)
        ))])
    }

    /// Why an obligation does not apply.
    pub(super) fn obligation_off(pack: &Pack, d: &Decision, id: &str) -> Vec<String> {
        if let Some(w) = waits(d, id) {
            return w;
        }
        match pack.obligation(id).map(|o| o.when.as_ref()) {
            None => vec![line("the pack has no obligation with this id".into())],
            Some(None) => vec![line(
                "it has no `when`: a duty of the frame, not of this case".into(),
            )],
            Some(Some(when)) => false_when(d, "its", when),
        }
    }

    /// Why a tension does not arise.
    pub(super) fn tension_off(pack: &Pack, d: &Decision, id: &str) -> Vec<String> {
        if let Some(w) = waits(d, id) {
            return w;
        }
        match pack.tension(id) {
            None => vec![line("the pack has no tension with this id".into())],
            Some(t) => false_when(d, "its", &t.when),
        }
    }

    /// Why a condition holds.
    pub(super) fn holds(d: &Decision, when: Option<&Expr>) -> Vec<String> {
        match when {
            None => Vec::new(),
            Some(when) => {
                let facts = when.trace(&d.answers).unwrap_or_default();
                vec![
                    line(format!("its `when` is `{}`", quoted(when))),
                    line(format!("true because {}", answers(d, &facts))),
                ]
            }
        }
    }

    /// Why an obligation or tension does not apply, in a few words.
    fn caller_off(pack: &Pack, d: &Decision, id: &str) -> String {
        if let Some(p) = d.depends_on.iter().find(|p| p.id == id) {
            return format!("`{id}` waits on {}", ticks(&p.hinges_on));
        }
        let when = pack
            .obligation(id)
            .and_then(|o| o.when.as_ref())
            .or_else(|| pack.tension(id).map(|t| &t.when));
        match when.and_then(|w| w.falsity(&d.answers)) {
            Some(facts) => format!("`{id}` is off because {}", answers(d, &facts)),
            None => format!("`{id}` does not apply"),
        }
    }

    /// Why a step is not in the course: left out (its `when`, `done` or service), waiting on
    /// an unsure answer, or called for by nothing that applies.
    pub(super) fn step_off(pack: &Pack, d: &Decision, action: &str) -> Vec<String> {
        if let Some(l) = d.left_out.iter().find(|l| l.action == action) {
            let a = pack.action(action);
            let mut out = vec![line(format!(
                "called for by {}, but left out",
                ticks(&l.because)
            ))];
            match l.reason {
                LeftOutReason::DoesNotFit => match a.and_then(|a| a.when.as_ref()) {
                    Some(when) => out.extend(false_when(d, "the step's", when)),
                    None => out.push(line(
                        "none of its parties is at risk without causing the harm".into(),
                    )),
                },
                LeftOutReason::Done => {
                    if let Some(done) = a.and_then(|a| a.done.as_ref()) {
                        let facts = done.trace(&d.answers).unwrap_or_default();
                        out.push(line(format!(
                            "the answers say it is done: its `done` is `{}`, true because {}",
                            quoted(done),
                            answers(d, &facts)
                        )));
                    }
                }
                LeftOutReason::NoService => {
                    out.push(line("no service it refers to serves this person".into()))
                }
                LeftOutReason::RuledOut => out.push(line(format!(
                    "ruled out by {}: the law forbids what it would defer to",
                    ticks(&l.ruled_out_by)
                ))),
            }
            return out;
        }
        if let Some(w) = waits(d, action) {
            return w;
        }
        let callers: Vec<&str> = pack
            .obligations
            .iter()
            .filter(|o| o.actions.iter().any(|x| x == action))
            .map(|o| o.id.as_str())
            .chain(
                pack.tensions
                    .iter()
                    .filter(|t| t.actions.iter().any(|x| x == action))
                    .map(|t| t.id.as_str()),
            )
            .collect();
        if callers.is_empty() {
            return vec![line(
                "no obligation or tension of the pack calls for it".into(),
            )];
        }
        let mut out = vec![line(format!(
            "no obligation or tension that calls for it applies ({})",
            callers.len()
        ))];
        const SHOWN: usize = 6;
        for c in callers.iter().take(SHOWN) {
            out.push(line(format!("  {}", caller_off(pack, d, c))));
        }
        if callers.len() > SHOWN {
            out.push(line(format!("  and {} more", callers.len() - SHOWN)));
        }
        out
    }

    /// Why a step is in the course: what calls for it, and why its `when` holds.
    pub(super) fn step_on(pack: &Pack, d: &Decision, action: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(s) = d.course.iter().find(|s| s.action == action)
            && !s.because.is_empty()
        {
            out.push(line(format!("called for by {}", ticks(&s.because))));
        }
        if let Some(when) = pack.action(action).and_then(|a| a.when.as_ref()) {
            let facts = when.trace(&d.answers).unwrap_or_default();
            out.push(line(format!(
                "the step's `when` is `{}`, true because {}",
                quoted(when),
                answers(d, &facts)
            )));
        }
        out
    }

    /// Why an obligation, tension or step does not wait on an unsure answer.
    pub(super) fn not_pending(pack: &Pack, d: &Decision, id: &str) -> Vec<String> {
        if d.fired(id) || d.has_tension(id) || d.has_step(id) {
            return vec![line(
                "it applies already: no unsure answer decides it".into(),
            )];
        }
        if pack.obligation(id).is_some() {
            return obligation_off(pack, d, id);
        }
        if pack.tension(id).is_some() {
            return tension_off(pack, d, id);
        }
        step_off(pack, d, id)
    }
}
