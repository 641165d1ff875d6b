//! Practice cases: their texts, their model answers read against the questionnaire, what they
//! expect, and their courses of action.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::Checker;
use crate::diag::{DiagKind, Field};
use crate::pack::Questionnaire;
use crate::pack::answers::{self, Written};
use crate::pack::model::{Case, Course, Expect, Question};
use crate::vocab::ItemKind;

pub(super) fn cases(cx: &mut Checker, questions: &[Question]) -> Vec<Case> {
    let raw = cx.raw;
    cx.ids(
        ItemKind::Case,
        raw.cases.iter().map(|c| (c.file, &c.item.id)),
    );
    let index: HashMap<String, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), i))
        .collect();
    let q = Questionnaire::new(questions, &index);
    // References are checked against what was written, so an entry with its own error (a bad
    // condition, say) is not reported again as unknown here.
    let obligation_ids: HashSet<&str> = raw
        .obligations
        .iter()
        .map(|o| o.item.id.get_ref().as_str())
        .collect();
    let tension_ids: HashSet<&str> = raw
        .tensions
        .iter()
        .map(|t| t.item.id.get_ref().as_str())
        .collect();
    let action_ids: HashSet<&str> = raw
        .actions
        .iter()
        .map(|a| a.item.id.get_ref().as_str())
        .collect();
    let question_ids: HashSet<&str> = raw
        .questions
        .iter()
        .map(|q| q.item.id.get_ref().as_str())
        .collect();
    let mut out = Vec::with_capacity(raw.cases.len());
    for at in &raw.cases {
        let (f, c) = (at.file, &at.item);
        let id = c.id.get_ref();
        let field = |name| Field::of(ItemKind::Case, id, name);
        let title = cx.text(f, &c.title, field("title"));
        let narrative = cx.text(f, &c.narrative, field("narrative"));
        let debrief = cx.text(f, &c.debrief, field("debrief"));

        let file = cx.file(f);
        let mut problems = crate::diag::Diagnostics::new();
        let written = c.answers.get_ref().iter().map(|(k, v)| Written {
            key: k.get_ref(),
            key_span: k.span(),
            value: v.get_ref(),
            value_span: v.span(),
        });
        let answers = answers::read(q, written, file, &mut problems);
        let spans: HashMap<&str, std::ops::Range<usize>> = c
            .answers
            .get_ref()
            .keys()
            .map(|k| (k.get_ref().as_str(), k.span()))
            .collect();
        answers::unasked(q, &answers, file, |k| spans.get(k).cloned(), &mut problems);
        if cx.incomplete(ItemKind::Question) {
            // With a question entry broken, answers to it look unknown and the skip logic is
            // unreliable; the parse error is already shown.
            problems = problems.only_errors();
            for d in problems.iter() {
                if !matches!(d.kind, DiagKind::UnknownQuestion { .. }) {
                    cx.diags.push(d.clone());
                }
            }
        } else {
            cx.diags.extend(problems);
        }

        let e = &c.expect;
        let mut refs = |list: &[Spanned<String>], kind, known: &HashSet<&str>| {
            for r in list {
                cx.reference(f, r, kind, known);
            }
            list.iter().map(|r| r.get_ref().clone()).collect::<Vec<_>>()
        };
        let fire = refs(&e.fire, ItemKind::Obligation, &obligation_ids);
        let not_fire = refs(&e.not_fire, ItemKind::Obligation, &obligation_ids);
        let exp_tensions = refs(&e.tensions, ItemKind::Tension, &tension_ids);
        let not_tensions = refs(&e.not_tensions, ItemKind::Tension, &tension_ids);
        let exp_actions = refs(&e.actions, ItemKind::Action, &action_ids);
        let not_actions = refs(&e.not_actions, ItemKind::Action, &action_ids);
        let find_out = refs(&e.find_out, ItemKind::Question, &question_ids);
        // `depends_on` names obligations, tensions or actions.
        let pending: HashSet<&str> = obligation_ids
            .iter()
            .chain(&tension_ids)
            .chain(&action_ids)
            .copied()
            .collect();
        let depends_on = refs(&e.depends_on, ItemKind::Obligation, &pending);
        let mut why = std::collections::BTreeMap::new();
        for (o, qs) in &e.why {
            cx.reference(f, o, ItemKind::Obligation, &obligation_ids);
            for r in qs {
                cx.reference(f, r, ItemKind::Question, &question_ids);
            }
            why.insert(
                o.get_ref().clone(),
                qs.iter().map(|r| r.get_ref().clone()).collect(),
            );
        }

        let models = c.courses.iter().filter(|x| x.model).count();
        if !c.courses.is_empty() && models != 1 {
            cx.add(
                f,
                Some(c.id.span()),
                DiagKind::CourseModelCount {
                    case: id.clone(),
                    n: models,
                },
            );
        }
        if c.courses.len() == 1 {
            cx.add(
                f,
                Some(c.id.span()),
                DiagKind::OneCourse { case: id.clone() },
            );
        }
        let courses = c
            .courses
            .iter()
            .map(|x| {
                let cid = format!("{id}.{}", x.id.get_ref());
                Course {
                    id: x.id.get_ref().clone(),
                    text: cx.text(f, &x.text, Field::of(ItemKind::Case, &cid, "text")),
                    model: x.model,
                    feedback: cx.text(f, &x.feedback, Field::of(ItemKind::Case, &cid, "feedback")),
                }
            })
            .collect();
        out.push(Case {
            id: id.clone(),
            title,
            narrative,
            answers,
            expect: Expect {
                fire,
                not_fire,
                tensions: exp_tensions,
                not_tensions,
                actions: exp_actions,
                not_actions,
                depends_on,
                find_out,
                consult: e.consult,
                no_dilemma: e.no_dilemma,
                why,
            },
            courses,
            debrief,
            file: cx.file(f).name.clone(),
        });
    }
    out
}
