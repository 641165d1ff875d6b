//! Practice cases: grading a student's reading of a case against the model reading, and
//! checking that each case's model answers still give its expected outcome (`etika test`).
//!
//! Pure: no I/O and no prompts, so the same code grades in a terminal and in tests.

use serde::Serialize;

use crate::answers::{self, Answers, Value};
use crate::engine::{self, Decision};
use crate::pack::{Case, Pack};

/// Points for choosing the model course of action.
pub const COURSE_POINTS: u32 = 3;

/// One answer where the student read the case differently from the model, and what that
/// answer alone changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerDiff {
    pub question: String,
    pub student: Option<Value>,
    pub model: Option<Value>,
    /// Obligations the model reading has that this answer alone loses.
    pub lost: Vec<String>,
    /// Obligations this answer alone adds.
    pub gained: Vec<String>,
    /// Steps of the course of action this answer alone loses.
    pub lost_actions: Vec<String>,
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
    #[serde(skip)]
    pub student: Decision,
    #[serde(skip)]
    pub model: Decision,
}

/// The model answers of a case (the pack was validated, so they are well-formed).
pub fn model_answers(pack: &Pack, case: &Case) -> Answers {
    let f = &pack.files[case.file];
    answers::from_table(pack, &case.answers, &f.name, &f.text).0
}

fn minus(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|x| !b.contains(x)).cloned().collect()
}

fn ids(d: &Decision) -> Vec<String> {
    d.obligations.iter().map(|o| o.id.clone()).collect()
}

fn tension_ids(d: &Decision) -> Vec<String> {
    d.tensions.iter().map(|t| t.id.clone()).collect()
}

fn action_ids(d: &Decision) -> Vec<String> {
    d.course.iter().map(|s| s.action.clone()).collect()
}

/// Grade a student's answers (and chosen course, if any) against a case.
///
/// Score: one point for each model answer the student gave the same; one point for each
/// obligation of the model reading the student's answers also give, less one for each they
/// add that the model does not (never below zero); and `COURSE_POINTS` for choosing the model
/// course of action, when the case offers a choice.
pub fn grade(pack: &Pack, case: &Case, student: &Answers, course: Option<&str>) -> Feedback {
    let model_given = model_answers(pack, case);
    let model = engine::decide(pack, &model_given);
    let mine = engine::decide(pack, student);
    let (m_ans, s_ans) = (&model.answers, &mine.answers);

    let mut differences = Vec::new();
    for q in &pack.questions {
        let id = q.id.get_ref();
        let (s, m) = (s_ans.get(id), m_ans.get(id));
        if s == m {
            continue;
        }
        // What this one answer changes, all else as the model reads it.
        let mut alone = model.answers.clone();
        match s {
            Some(v) => alone.insert(id.clone(), v.clone()),
            None => alone.remove(id),
        };
        let changed = engine::decide(pack, &alone);
        differences.push(AnswerDiff {
            question: id.clone(),
            student: s.cloned(),
            model: m.cloned(),
            lost: minus(&ids(&model), &ids(&changed)),
            gained: minus(&ids(&changed), &ids(&model)),
            lost_actions: minus(&action_ids(&model), &action_ids(&changed)),
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
    let course_model = case
        .courses
        .iter()
        .find(|c| c.model)
        .map(|c| c.id.get_ref().clone());
    let course_max = if course_model.is_some() {
        COURSE_POINTS
    } else {
        0
    };
    let course_score = match (&course_model, course) {
        (Some(m), Some(c)) if m == c => COURSE_POINTS,
        _ => 0,
    };
    let breakdown = Score {
        answers: answers_score,
        answers_max,
        obligations: obligations_score,
        obligations_max,
        course: course_score,
        course_max,
    };
    Feedback {
        case: case.id.get_ref().clone(),
        differences,
        missed,
        added,
        tensions_missed: minus(&tension_ids(&model), &tension_ids(&mine)),
        tensions_added: minus(&tension_ids(&mine), &tension_ids(&model)),
        course_chosen: course.map(str::to_string),
        course_model,
        score: answers_score + obligations_score + course_score,
        max: answers_max + obligations_max + course_max,
        breakdown,
        student: mine,
        model,
    }
}

/// Check a case's model answers against its expected outcome. Each problem is one line of a
/// diff: `-` for something expected that is missing, `+` for something there that must not be.
pub fn check_case(pack: &Pack, case: &Case) -> Vec<String> {
    let d = engine::decide(pack, &model_answers(pack, case));
    let e = &case.expect;
    let mut out = Vec::new();
    for o in &e.fire {
        if !d.fired(o.get_ref()) {
            out.push(format!(
                "- obligation `{}` must apply, but does not",
                o.get_ref()
            ));
        }
    }
    for o in &e.not_fire {
        if d.fired(o.get_ref()) {
            out.push(format!(
                "+ obligation `{}` must not apply, but does",
                o.get_ref()
            ));
        }
    }
    for t in &e.tensions {
        if !d.tensions.iter().any(|x| &x.id == t.get_ref()) {
            out.push(format!(
                "- tension `{}` must arise, but does not",
                t.get_ref()
            ));
        }
    }
    for a in &e.actions {
        if !d.course.iter().any(|s| &s.action == a.get_ref()) {
            out.push(format!(
                "- action `{}` must be in the course of action, but is not",
                a.get_ref()
            ));
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
    }
    for (obligation, questions) in &e.why {
        match d.obligations.iter().find(|f| &f.id == obligation) {
            None => out.push(format!(
                "- obligation `{obligation}` must apply (with reasons), but does not"
            )),
            Some(f) => {
                for q in questions {
                    if !f.why.contains(q) {
                        out.push(format!(
                            "- obligation `{obligation}` must apply because of `{q}`, but its reasons are: {}",
                            f.why.join(", ")
                        ));
                    }
                }
            }
        }
    }
    out
}

/// What no case exercises: obligations that never apply, tensions that never arise, and
/// questions never answered across all cases' model readings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub obligations: Vec<String>,
    pub tensions: Vec<String>,
    pub questions: Vec<String>,
}

pub fn coverage(pack: &Pack) -> Coverage {
    let decisions: Vec<Decision> = pack
        .cases
        .iter()
        .map(|c| engine::decide(pack, &model_answers(pack, c)))
        .collect();
    Coverage {
        obligations: pack
            .obligations
            .iter()
            .map(|o| o.id.get_ref().clone())
            .filter(|id| !decisions.iter().any(|d| d.fired(id)))
            .collect(),
        tensions: pack
            .tensions
            .iter()
            .map(|t| t.id.get_ref().clone())
            .filter(|id| {
                !decisions
                    .iter()
                    .any(|d| d.tensions.iter().any(|t| &t.id == id))
            })
            .collect(),
        questions: pack
            .questions
            .iter()
            .map(|q| q.id.get_ref().clone())
            .filter(|id| !decisions.iter().any(|d| d.answers.contains_key(id)))
            .collect(),
    }
}
