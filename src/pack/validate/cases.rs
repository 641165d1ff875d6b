//! Practice cases: their texts, their model answers read against the questionnaire, what they
//! expect, and their courses of action.

use std::collections::{BTreeMap, HashMap};

use super::Checker;
use crate::diag::{DiagKind, Diagnostics, Field};
use crate::pack::Questionnaire;
use crate::pack::answers::{self, Written};
use crate::pack::model::{Case, Course, Expect, Question};
use crate::pack::raw::{At, RawCase};
use crate::vocab::ItemKind;

pub(super) fn cases(cx: &mut Checker, raw: Vec<At<RawCase>>, questions: &[Question]) -> Vec<Case> {
    cx.ids(ItemKind::Case, raw.iter().map(|c| (c.file, &c.item.id)));
    let index: HashMap<String, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), i))
        .collect();
    let q = Questionnaire::new(questions, &index);
    let mut sets = answers::OptionSets::default();
    let mut out = Vec::with_capacity(raw.len());
    for At { file: f, item: c } in raw {
        let id_span = c.id.span();
        let id = c.id.into_inner();
        let field = |name| Field::of(ItemKind::Case, &id, name);
        let title = cx.text(f, c.title, field("title"));
        let narrative = cx.text(f, c.narrative, field("narrative"));
        let debrief = cx.text(f, c.debrief, field("debrief"));

        let file = cx.file(f);
        let mut problems = Diagnostics::new();
        let written = c.answers.get_ref().iter().map(|(k, v)| Written {
            key: k.get_ref(),
            key_span: k.span(),
            value: v.get_ref(),
            value_span: v.span(),
        });
        let answers = answers::read(q, &mut sets, written, file, &mut problems);
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
            for d in problems.only_errors().iter() {
                if !matches!(d.kind, DiagKind::UnknownQuestion { .. }) {
                    cx.diags.push(d.clone());
                }
            }
        } else {
            cx.diags.extend(problems);
        }

        let e = c.expect;
        let depends_on = e
            .depends_on
            .into_iter()
            .map(|r| {
                // Names an obligation, a tension or a step.
                let kinds = [ItemKind::Obligation, ItemKind::Tension, ItemKind::Action];
                cx.reference_in(f, &r, ItemKind::Obligation, &kinds);
                r.into_inner()
            })
            .collect();
        let mut why = BTreeMap::new();
        for (o, qs) in e.why {
            let o = cx.reference(f, o, ItemKind::Obligation);
            why.insert(o, cx.references(f, qs, ItemKind::Question));
        }
        let expect = Expect {
            fire: cx.references(f, e.fire, ItemKind::Obligation),
            not_fire: cx.references(f, e.not_fire, ItemKind::Obligation),
            tensions: cx.references(f, e.tensions, ItemKind::Tension),
            not_tensions: cx.references(f, e.not_tensions, ItemKind::Tension),
            actions: cx.references(f, e.actions, ItemKind::Action),
            not_actions: cx.references(f, e.not_actions, ItemKind::Action),
            depends_on,
            find_out: cx.references(f, e.find_out, ItemKind::Question),
            consult: e.consult,
            no_dilemma: e.no_dilemma,
            verdict: e.verdict,
            services: cx.references(f, e.services, ItemKind::Service),
            not_services: cx.references(f, e.not_services, ItemKind::Service),
            first: cx.references(f, e.first, ItemKind::Action),
            why,
        };

        let models = c.courses.iter().filter(|x| x.model).count();
        if !c.courses.is_empty() && models != 1 {
            cx.add(
                f,
                Some(id_span.clone()),
                DiagKind::CourseModelCount {
                    case: id.clone(),
                    n: models,
                },
            );
        }
        if c.courses.len() == 1 {
            cx.add(f, Some(id_span), DiagKind::OneCourse { case: id.clone() });
        }
        let courses = c
            .courses
            .into_iter()
            .map(|x| {
                let cid = format!("{id}.{}", x.id.get_ref());
                Course {
                    id: x.id.into_inner(),
                    text: cx.text(f, x.text, Field::of(ItemKind::Case, &cid, "text")),
                    model: x.model,
                    feedback: cx.text(f, x.feedback, Field::of(ItemKind::Case, &cid, "feedback")),
                }
            })
            .collect();
        out.push(Case {
            id,
            kind: c.kind,
            title,
            narrative,
            answers,
            expect,
            courses,
            debrief,
            file: file.name.clone(),
        });
    }
    out
}
