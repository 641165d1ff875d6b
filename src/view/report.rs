//! The assessment report, resolved once in one language.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::{
    change_lines, describe_answer, principle_name, short_of, step_text_of, title_of, titles_of, why,
};
use crate::engine::{Change, Decision, LeftOutReason};
use crate::pack::Pack;
use crate::vocab::{Answers, Consult, ItemKind, Lang, Phase, Value, Verdict, Weight};
use crate::words::{self, words};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PackInfo {
    pub id: String,
    pub edition: String,
    pub name: String,
    /// The packs it is made of, base first: the pack alone, or a base and its overlays.
    pub layers: Vec<LayerView>,
}

/// One layer of the pack: the base, or an overlay on a layer below it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LayerView {
    pub id: String,
    pub edition: String,
    pub name: String,
}

impl PackInfo {
    /// "name (edition E)", or for a layered pack each layer's, base first, joined by " + ".
    pub fn describe(&self, edition_word: &str) -> String {
        if self.layers.len() <= 1 {
            return format!("{} ({edition_word} {})", self.name, self.edition);
        }
        self.layers
            .iter()
            .map(|l| format!("{} ({edition_word} {})", l.name, l.edition))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// One answer behind a result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WhyView {
    pub question: String,
    /// The deciding part of the answer as ids (`yes`, an option id, the options that matched).
    pub answer: String,
    /// The same in words.
    pub answer_text: String,
    pub prompt: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ObligationView {
    pub id: String,
    pub title: String,
    pub text: String,
    pub source: String,
    pub principles: Vec<String>,
    pub principle_names: Vec<String>,
    pub binding: bool,
    pub consult: Consult,
    pub why: Vec<WhyView>,
}

/// A duty of the frame, which holds in every situation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DutyView {
    pub id: String,
    pub title: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TensionView {
    pub id: String,
    pub title: String,
    pub principles: [String; 2],
    pub principle_names: [String; 2],
    pub prevails: Option<String>,
    pub prevails_name: String,
    /// `binding` or `ranking`.
    pub settled_by: &'static str,
    /// The binding duties that settle it.
    pub binding: Vec<String>,
    /// How it is settled, in words.
    pub settled_text: String,
    pub explanation: String,
    pub why: Vec<WhyView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RankingView {
    pub order: Vec<String>,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConsultView {
    pub level: Consult,
    pub text: String,
    pub because: Vec<String>,
    pub because_text: Vec<String>,
    /// The services the short course names (ids), whom to consult.
    pub services: Vec<String>,
    /// The same, by name.
    pub services_text: Vec<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StepView {
    pub step: usize,
    pub phase: Phase,
    pub phase_name: &'static str,
    pub action: String,
    /// The step as a short imperative.
    pub short: String,
    pub weight: Weight,
    pub text: String,
    /// The services it names (ids).
    pub services: Vec<String>,
    /// The same in words: name and contact, or that it is the worker's own unit.
    pub services_text: Vec<String>,
    /// For a step given per party at risk: those it is for (ids of `at_risk` options).
    pub parties: Vec<String>,
    pub parties_text: Vec<String>,
    pub because: Vec<String>,
    /// For a "find out" step, the unsure question.
    pub question: Option<String>,
    /// Whether it is among the numbered steps of the short course.
    pub numbered: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LeftOutView {
    pub action: String,
    pub short: String,
    pub text: String,
    pub because: Vec<String>,
    /// `does_not_fit`, `done`, `no_service` or `ruled_out`.
    #[schemars(with = "String")]
    pub reason: LeftOutReason,
    pub why: Vec<WhyView>,
    /// For `ruled_out`: the duties that rule it out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ruled_out_by: Vec<String>,
    /// The reason in words where no answer gives it (no service; ruled out by a duty).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A service the course names.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ServiceView {
    pub id: String,
    pub name: String,
    pub contact: String,
    pub source: String,
    /// The worker's own unit.
    pub own: bool,
    /// The numbers of the steps that name it.
    pub for_steps: Vec<usize>,
}

/// An answer of "None of these", and what the advice therefore cannot say.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NotCoveredView {
    pub question: String,
    pub answer: String,
    pub prompt: String,
    pub text: String,
    /// The answer names a task that belongs to another authority (an option marked `outside`),
    /// not only "None of these".
    pub task: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PendingView {
    pub kind: ItemKind,
    pub id: String,
    pub title: String,
    pub hinges_on: Vec<String>,
    /// The same questions, by their prompts.
    pub hinges_on_text: Vec<String>,
    #[serde(skip)]
    pub binding: bool,
    /// A tension the ranking weighs: while it waits, the verdict is not settled yet.
    #[serde(skip)]
    pub weighs: bool,
    /// A routine step (talk to the supervisor today): waiting on it holds no verdict back.
    #[serde(skip)]
    pub routine: bool,
}

/// The shape `engine::Delta` serialises to, for the schema (the engine stays free of it).
/// Strict, so that the schema tests catch any key the engine adds.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct DeltaSchema {
    binding: Vec<String>,
    obligations: Vec<String>,
    tensions: Vec<String>,
    steps: Vec<String>,
}

/// What one answer would change, as ids (for JSON) and in words (for people).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChangeView {
    #[schemars(with = "DeltaSchema")]
    pub adds: crate::engine::Delta,
    #[schemars(with = "DeltaSchema")]
    pub removes: crate::engine::Delta,
    pub consult: Option<Consult>,
    pub asks: Vec<String>,
    /// What waited on an unsure answer and would be ruled out (ids).
    pub rules_out: Vec<String>,
    /// What would then wait on other unsure answers, and on which.
    pub waits: Vec<WaitView>,
    #[serde(skip)]
    pub lines: Vec<String>,
}

/// Something that would wait on unsure answers.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WaitView {
    pub kind: ItemKind,
    pub id: String,
    pub hinges_on: Vec<String>,
}

impl ChangeView {
    pub(crate) fn new(pack: &Pack, c: &Change, lang: Lang) -> ChangeView {
        ChangeView {
            adds: c.adds.clone(),
            removes: c.removes.clone(),
            consult: c.consult,
            asks: c.asks.clone(),
            rules_out: c.rules_out.clone(),
            waits: c
                .waits
                .iter()
                .map(|p| WaitView {
                    kind: p.kind,
                    id: p.id.clone(),
                    hinges_on: p.hinges_on.clone(),
                })
                .collect(),
            lines: change_lines(pack, c, lang),
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FindOutView {
    pub question: String,
    pub prompt: String,
    /// How to find it out: the question's `find_out`, or its prompt.
    pub text: String,
    pub hinges: Vec<String>,
    /// For each possible answer (`yes`, `no`, an option id), what it would change.
    #[serde(rename = "if")]
    pub cases: BTreeMap<String, ChangeView>,
    /// The same answers, in words and in questionnaire order.
    #[serde(skip)]
    pub ordered: Vec<(String, ChangeView)>,
}

/// A hypothetical change asked for with `--what-if`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WhatIfView {
    pub answers: Vec<WhyView>,
    pub change: ChangeView,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "etika report")]
pub struct Report {
    pub pack: PackInfo,
    pub lang: Lang,
    /// The day the report was made, when known (YYYY-MM-DD).
    pub date: Option<String>,
    pub answers: BTreeMap<String, Value>,
    /// The questions and answers in words, in questionnaire order.
    pub situation: Vec<WhyView>,
    pub summary: Vec<String>,
    pub no_dilemma: bool,
    /// The one-line answer: `no_dilemma`, `binding`, `life_first`, `dilemma`, `not_covered`.
    pub verdict: Verdict,
    pub verdict_text: String,
    pub not_covered: Vec<NotCoveredView>,
    pub services: Vec<ServiceView>,
    pub binding: Vec<String>,
    pub obligations: Vec<ObligationView>,
    pub frame: Vec<DutyView>,
    pub tensions: Vec<TensionView>,
    pub ranking: RankingView,
    pub consult: ConsultView,
    pub course_of_action: Vec<StepView>,
    pub left_out: Vec<LeftOutView>,
    pub depends_on: Vec<PendingView>,
    pub find_out: Vec<FindOutView>,
    pub what_if: Option<WhatIfView>,
    pub disclaimer: String,
}

/// Build the report for a decision. `what_if` is a hypothetical change of answers to show
/// beside it.
pub fn report(
    pack: &Pack,
    d: &Decision,
    lang: Lang,
    date: Option<String>,
    what_if: Option<(&Answers, &Change)>,
) -> Report {
    let w = words(lang);
    let meta = &pack.meta;
    let obligations: Vec<ObligationView> = d
        .obligations
        .iter()
        .filter_map(|f| {
            let o = pack.obligation(&f.id)?;
            Some(ObligationView {
                id: f.id.clone(),
                title: o.title.get(lang).into(),
                text: o.text.get(lang).into(),
                source: o.source.get(lang).into(),
                principles: o.principles.clone(),
                principle_names: o
                    .principles
                    .iter()
                    .map(|p| principle_name(pack, p, lang))
                    .collect(),
                binding: f.binding,
                consult: o.consult,
                why: why(pack, d, &f.why, lang),
            })
        })
        .collect();
    let tensions: Vec<TensionView> = d
        .tensions
        .iter()
        .filter_map(|a| {
            let t = pack.tension(&a.id)?;
            let settled_text = if a.settled_by.is_empty() {
                format!(
                    "{}: {}",
                    w.settled_by_ranking,
                    meta.ranking.source.get(lang)
                )
            } else {
                format!(
                    "{}: {}",
                    w.settled_by_binding,
                    titles_of(pack, &a.settled_by, lang)
                )
            };
            Some(TensionView {
                id: a.id.clone(),
                title: t.title.get(lang).into(),
                principles: a.principles.clone(),
                principle_names: [
                    principle_name(pack, &a.principles[0], lang),
                    principle_name(pack, &a.principles[1], lang),
                ],
                prevails: a.prevails.clone(),
                prevails_name: match &a.prevails {
                    Some(p) => principle_name(pack, p, lang),
                    None => w.not_ranked.into(),
                },
                settled_by: if a.settled_by.is_empty() {
                    "ranking"
                } else {
                    "binding"
                },
                binding: a.settled_by.clone(),
                settled_text,
                explanation: t.explanation.get(lang).into(),
                why: why(pack, d, &a.why, lang),
            })
        })
        .collect();
    let (numbered, _) = d.short_course();
    let numbered: Vec<&str> = numbered.iter().map(|s| s.action.as_str()).collect();
    let course: Vec<StepView> = d
        .course
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (text, short) = match &s.question {
                Some(q) => (
                    find_out_text(pack, q, lang),
                    title_of(pack, &s.action, lang),
                ),
                None => (
                    step_text_of(pack, &s.action, lang),
                    short_of(pack, &s.action, lang),
                ),
            };
            StepView {
                step: i + 1,
                phase: s.phase,
                phase_name: s.phase.name(lang),
                action: s.action.clone(),
                short,
                weight: s.weight,
                text,
                services: s.services.iter().map(|u| u.id.clone()).collect(),
                services_text: s
                    .services
                    .iter()
                    .filter_map(|u| {
                        let x = pack.service(&u.id)?;
                        Some(if u.own {
                            format!("{} ({})", x.name.get(lang), w.own_unit)
                        } else {
                            format!("{}: {}", x.name.get(lang), x.contact.get(lang))
                        })
                    })
                    .collect(),
                parties: s.parties.clone(),
                parties_text: s
                    .parties
                    .iter()
                    .map(|p| describe_answer(pack, "at_risk", &Value::One(p.clone()), lang))
                    .collect(),
                because: s.because.clone(),
                question: s.question.clone(),
                numbered: numbered.contains(&s.action.as_str()),
            }
        })
        .collect();
    let mut services: Vec<ServiceView> = Vec::new();
    for (i, s) in d.course.iter().enumerate() {
        for u in &s.services {
            match services.iter_mut().find(|v| v.id == u.id) {
                Some(v) => v.for_steps.push(i + 1),
                None => {
                    if let Some(x) = pack.service(&u.id) {
                        services.push(ServiceView {
                            id: u.id.clone(),
                            name: x.name.get(lang).into(),
                            contact: x.contact.get(lang).into(),
                            source: x.source.get(lang).into(),
                            own: u.own,
                            for_steps: vec![i + 1],
                        });
                    }
                }
            }
        }
    }
    let left_out = d
        .left_out
        .iter()
        .map(|l| {
            let why = why(pack, d, &l.why, lang);
            LeftOutView {
                action: l.action.clone(),
                short: short_of(pack, &l.action, lang),
                text: step_text_of(pack, &l.action, lang),
                because: l.because.clone(),
                reason: l.reason,
                ruled_out_by: l.ruled_out_by.clone(),
                note: match l.reason {
                    LeftOutReason::NoService => w.no_service.into(),
                    LeftOutReason::RuledOut => format!(
                        "{}: {}",
                        w.ruled_out_by,
                        titles_of(pack, &l.ruled_out_by, lang)
                    ),
                    // What it reads was never asked, so no answer names why.
                    _ if why.is_empty() => w.not_called_for.into(),
                    _ => String::new(),
                },
                why,
            }
        })
        .collect();
    let not_covered = d
        .not_covered
        .iter()
        .filter_map(|q| {
            let question = pack.question(q)?;
            let v = d.answers.get(q)?;
            let task = question.names_a_task_outside(v);
            Some(NotCoveredView {
                question: q.clone(),
                answer: v.code(),
                prompt: question.prompt.get(lang).into(),
                text: if task {
                    w.not_covered_task
                } else {
                    w.not_covered_item
                }
                .into(),
                task,
            })
        })
        .collect();
    let depends_on: Vec<PendingView> = d
        .depends_on
        .iter()
        .map(|p| PendingView {
            kind: p.kind,
            id: p.id.clone(),
            title: title_of(pack, &p.id, lang),
            hinges_on: p.hinges_on.clone(),
            hinges_on_text: p
                .hinges_on
                .iter()
                .map(|q| {
                    pack.question(q)
                        .map(|x| x.prompt.get(lang).to_string())
                        .unwrap_or_else(|| q.clone())
                })
                .collect(),
            binding: p.kind == ItemKind::Obligation
                && pack.obligation(&p.id).is_some_and(|o| o.binding),
            weighs: p.kind == ItemKind::Tension && pack.tension_weighs(&p.id),
            routine: p.kind == ItemKind::Action && pack.is_routine_step(&p.id),
        })
        .collect();
    let find_out: Vec<FindOutView> = d
        .find_out
        .iter()
        .map(|f| {
            let ordered: Vec<(String, ChangeView)> = f
                .cases
                .iter()
                .map(|c| {
                    (
                        describe_answer(pack, &f.question, &c.value, lang),
                        ChangeView::new(pack, &c.change, lang),
                    )
                })
                .collect();
            FindOutView {
                question: f.question.clone(),
                prompt: pack
                    .question(&f.question)
                    .map(|q| q.prompt.get(lang).to_string())
                    .unwrap_or_default(),
                text: find_out_text(pack, &f.question, lang),
                hinges: f.hinges.clone(),
                cases: f
                    .cases
                    .iter()
                    .map(|c| (c.value.code(), ChangeView::new(pack, &c.change, lang)))
                    .collect(),
                ordered,
            }
        })
        .collect();
    let services_text: Vec<String> = d
        .consult
        .services
        .iter()
        .filter_map(|id| pack.service(id))
        .map(|x| x.name.get(lang).to_string())
        .collect();
    // At the level of the authorities, the services named are the authorities meant.
    let text = match (d.consult.level, services_text.is_empty()) {
        (Consult::Authorities, false) => match lang {
            Lang::En => format!("{}, with your supervisor", services_text.join("; ")),
            Lang::Id => format!("{}, bersama supervisor", services_text.join("; ")),
        },
        (level, _) => words::consult_level(lang, level).into(),
    };
    let consult = ConsultView {
        level: d.consult.level,
        text,
        because: d.consult.because.clone(),
        because_text: d
            .consult
            .because
            .iter()
            .map(|i| title_of(pack, i, lang))
            .collect(),
        services: d.consult.services.clone(),
        services_text,
    };
    let situation = pack
        .questions
        .iter()
        .filter_map(|q| {
            let v = d.answers.get(&q.id)?;
            Some(WhyView {
                question: q.id.clone(),
                answer: v.code(),
                answer_text: describe_answer(pack, &q.id, v, lang),
                prompt: q.prompt.get(lang).into(),
            })
        })
        .collect();
    let what_if = what_if.map(|(answers, change)| WhatIfView {
        answers: answers
            .iter()
            .map(|(q, v)| WhyView {
                question: q.clone(),
                answer: v.code(),
                answer_text: describe_answer(pack, q, v, lang),
                prompt: pack
                    .question(q)
                    .map(|x| x.prompt.get(lang).to_string())
                    .unwrap_or_default(),
            })
            .collect(),
        change: ChangeView::new(pack, change, lang),
    });
    let mut r = Report {
        pack: PackInfo {
            id: meta.id.clone(),
            edition: meta.edition.clone(),
            name: meta.name.get(lang).into(),
            layers: meta
                .layers
                .iter()
                .map(|l| LayerView {
                    id: l.id.clone(),
                    edition: l.edition.clone(),
                    name: l.name.get(lang).into(),
                })
                .collect(),
        },
        lang,
        date,
        answers: d.answers.clone().into_iter().collect(),
        situation,
        summary: Vec::new(),
        no_dilemma: d.no_dilemma,
        verdict: d.verdict,
        verdict_text: String::new(),
        not_covered,
        services,
        binding: d.binding().map(|f| f.id.clone()).collect(),
        obligations,
        frame: d
            .frame
            .iter()
            .filter_map(|id| pack.obligation(id))
            .map(|o| DutyView {
                id: o.id.clone(),
                title: o.title.get(lang).into(),
                source: o.source.get(lang).into(),
            })
            .collect(),
        tensions,
        ranking: RankingView {
            order: meta.ranking.order.clone(),
            source: meta.ranking.source.get(lang).into(),
            note: meta.ranking.note.as_ref().map(|n| n.get(lang).to_string()),
        },
        consult,
        course_of_action: course,
        left_out,
        depends_on,
        find_out,
        what_if,
        disclaimer: meta.disclaimer.get(lang).into(),
    };
    r.verdict_text = verdict_text(&r, lang);
    let cannot_tell = cannot_tell(&r, pack, lang);
    r.summary = summary(&r, lang, cannot_tell);
    r
}

/// Where life comes first because a duty to protect it waits on whether a life is in danger
/// now, and finding that out leads the course: the emergency step a "yes" would add, to be
/// taken if the worker cannot tell ("If you cannot tell: call 119 …").
fn cannot_tell(r: &Report, pack: &Pack, lang: Lang) -> Option<String> {
    let first = r.course_of_action.first()?;
    let question = first.question.as_ref()?;
    if r.verdict != Verdict::LifeFirst {
        return None;
    }
    let f = r.find_out.iter().find(|f| &f.question == question)?;
    let step = f.cases.values().find_map(|c| {
        c.adds
            .steps
            .iter()
            .find_map(|id| pack.action(id).filter(|a| a.is_emergency()))
    })?;
    Some(format!(
        "→ {}: {}",
        words(lang).short_cannot_tell,
        step.short.get(lang)
    ))
}

/// The verdict in one sentence.
fn verdict_text(r: &Report, lang: Lang) -> String {
    let w = words(lang);
    let top = r.ranking.order.first();
    // The tension the verdict rests on: for life first, one life wins by the ranking.
    let tension = match r.verdict {
        Verdict::LifeFirst => r
            .tensions
            .iter()
            .find(|t| t.settled_by == "ranking" && t.prevails.as_ref() == top),
        // Of those the ranking weighs, the one whose winner ranks highest: the weightiest
        // conflict heads the report, not the first the pack lists. Never one a binding duty
        // settles: where none is left to weigh, the verdict is what still waits on a fact.
        _ => r
            .tensions
            .iter()
            .filter(|t| t.settled_by == "ranking")
            .min_by_key(|t| {
                let rank = |p: &str| r.ranking.order.iter().position(|o| o == p);
                t.prevails.as_deref().and_then(rank).unwrap_or(usize::MAX)
            }),
    };
    let weighed = |t: &TensionView| {
        let other = if t.prevails.as_deref() == Some(t.principles[0].as_str()) {
            &t.principle_names[1]
        } else {
            &t.principle_names[0]
        };
        let by = if t.settled_by == "ranking" {
            w.by_ranking
        } else {
            w.by_law
        };
        match lang {
            Lang::En => format!(
                "{}: {} comes before {other} {by}; take it to supervision.",
                t.title, t.prevails_name
            ),
            Lang::Id => format!(
                "{}: {} didahulukan atas {other} {by}; bawa ke supervisi.",
                t.title, t.prevails_name
            ),
        }
    };
    match (r.verdict, tension) {
        (Verdict::NoDilemma, _) if waits_on_more_than_routine(r) => {
            // Where binding duties apply, "go ahead" is never read as leave to do what they
            // forbid: the verdict says the work is done their way.
            let within = if r.binding.is_empty() {
                ""
            } else {
                w.verdict_within_law
            };
            match named_pending(r, false) {
                Some(p) => {
                    let may = match p.kind {
                        ItemKind::Tension => w.verdict_still_weighs,
                        _ => w.verdict_still_applies,
                    };
                    format!(
                        "{}{within}; {may}: {}. {}",
                        w.verdict_go_once_checked, p.title, w.verdict_nothing_else
                    )
                }
                None if within.is_empty() => w.verdict_go_after_check.into(),
                None => format!(
                    "{}{within}. {}",
                    w.verdict_go_once_checked, w.verdict_nothing_else
                ),
            }
        }
        (Verdict::NoDilemma, _) if !r.binding.is_empty() => w.verdict_go_within_law.into(),
        (Verdict::NoDilemma, _) => w.verdict_no_dilemma.into(),
        (Verdict::Binding, _) => w.verdict_binding.into(),
        (Verdict::NotCovered, _) if r.not_covered.iter().any(|n| n.task) => {
            w.verdict_task_outside.into()
        }
        (Verdict::NotCovered, _) => w.verdict_not_covered.into(),
        (Verdict::LifeFirst, Some(t)) => format!("{}. {}", w.verdict_life_first, weighed(t)),
        // No emergency step yet: what leads is finding out whether a life is in danger now. A
        // safety step that calls no one (a safety plan) before that finding out is no help to
        // get now.
        (Verdict::LifeFirst, None) if !gets_help_now(r) => match named_pending(r, true) {
            Some(p) => format!(
                "{} ({}). {}",
                w.verdict_life_unsure, p.title, w.verdict_life_unsure_then
            ),
            None => format!("{}. {}", w.verdict_life_unsure, w.verdict_life_unsure_then),
        },
        (Verdict::LifeFirst, None) => w.verdict_life_now.into(),
        (Verdict::Dilemma, Some(t)) => format!("{}: {}", w.verdict_dilemma, weighed(t)),
        (Verdict::Dilemma, None) => match named_pending(r, true) {
            Some(p) => format!("{}: {}.", w.verdict_pending_on, p.title),
            None => w.verdict_pending.into(),
        },
    }
}

/// Whether the course begins by getting help now: among its first safety steps, one that
/// calls on a service (119, the police, a rescue) comes before any step to find out whether a
/// life is in danger. A safety step that calls no one (a safety plan) does not count.
fn gets_help_now(r: &Report) -> bool {
    r.course_of_action
        .iter()
        .take_while(|s| s.phase == Phase::Safety)
        .find(|s| s.question.is_some() || !s.services.is_empty())
        .is_some_and(|s| s.question.is_none())
}

/// What waits on a fact not yet known that the verdict names: a tension first, then a binding
/// duty (with `weighty`, only those that keep the verdict open).
/// Whether something other than a routine step waits on an unsure answer: only then does a
/// plain "go ahead" wait on finding it out.
fn waits_on_more_than_routine(r: &Report) -> bool {
    r.depends_on.iter().any(|p| !p.routine)
}

fn named_pending(r: &Report, weighty: bool) -> Option<&PendingView> {
    r.depends_on
        .iter()
        .filter(|p| p.kind == ItemKind::Tension || p.binding)
        .filter(|p| !weighty || p.weighs || p.binding)
        .min_by_key(|p| (p.kind != ItemKind::Tension, !p.binding))
}

/// The step to find out the fact that `p` waits on, if there is one.
fn find_out_for<'r>(r: &'r Report, p: &PendingView) -> Option<&'r FindOutView> {
    r.find_out
        .iter()
        .find(|f| p.hinges_on.contains(&f.question))
}

/// How to find out an unsure answer, in words.
fn find_out_text(pack: &Pack, question: &str, lang: Lang) -> String {
    let w = words(lang);
    match pack.question(question) {
        Some(q) => match &q.find_out {
            Some(t) => format!("{}: {}", w.find_out_prefix, t.get(lang)),
            None => format!("{}: {}", w.find_out_prefix, q.prompt.get(lang)),
        },
        None => question.to_string(),
    }
}

/// The most decisive steps In short names, room allowing (at least three where there are).
const SHORT_DECISIVE: usize = 5;

/// "In short": at most eight lines a worker can act on, none cut off: the verdict, the binding
/// duties, the first decisive steps by their short titles (up to five, with the services they
/// name), whom to consult, the first thing to find out, and what is not covered.
/// `cannot_tell` is the emergency step to take if the worker cannot tell whether a life is in
/// danger now; it follows the find-out that leads the course.
fn summary(r: &Report, lang: Lang, cannot_tell: Option<String>) -> Vec<String> {
    let w = words(lang);
    let mut out = vec![r.verdict_text.clone()];
    let binding: Vec<&str> = r
        .obligations
        .iter()
        .filter(|o| o.binding)
        .map(|o| o.title.as_str())
        .collect();
    if !binding.is_empty() {
        out.push(format!("⚑ {}: {}", w.short_binding, binding.join("; ")));
    }
    // Where the course begins by finding something out (whether a life is in danger now),
    // that line comes before the steps, in the course's order.
    let steps_at = out.len();
    // The first steps: decisive ones where there are, else the first of the short course;
    // a "find out" step has its own line below.
    let numbered: Vec<&StepView> = r.course_of_action.iter().filter(|s| s.numbered).collect();
    let decisive: Vec<&&StepView> = numbered
        .iter()
        .filter(|s| s.weight == Weight::Decisive && s.question.is_none())
        .collect();
    let first: Vec<&&StepView> = if decisive.is_empty() {
        numbered
            .iter()
            .filter(|s| s.question.is_none())
            .take(3)
            .collect()
    } else {
        // Every decisive step the first screen has room for, up to five: the ones past the
        // third give way below to anything that comes after the steps.
        decisive.into_iter().take(SHORT_DECISIVE).collect()
    };
    let first_count = first.len();
    let mut steps_from = steps_at;
    let mut emergency_line = false;
    for s in first {
        // The services by name only (their contacts are in the course), at most two.
        let names: Vec<String> = r
            .services
            .iter()
            .filter(|v| s.services.contains(&v.id))
            .take(2)
            .map(|v| {
                if v.own {
                    format!("{}, {}", v.name, w.own_unit)
                } else {
                    v.name.clone()
                }
            })
            .collect();
        let services = if names.is_empty() {
            String::new()
        } else {
            format!(" ({})", names.join("; "))
        };
        out.push(format!("→ {}. {}{services}", s.step, s.short));
    }
    let consult = if r.consult.services_text.is_empty() || r.consult.level == Consult::Authorities {
        r.consult.text.clone()
    } else {
        format!("{}; {}", r.consult.text, r.consult.services_text.join(", "))
    };
    out.push(format!("{}: {consult}", w.short_consult));
    // The first thing to find out: one a decisive step stands for, if any; where life comes
    // first and help is to be got now (a safety step leads the course), getting it comes
    // before finding anything out, and the course keeps the rest.
    let help_now = r.verdict == Verdict::LifeFirst && gets_help_now(r);
    // Where the law already settles it, only a fact that could still change that (another
    // binding duty, or a conflict the ranking weighs) comes first: whether some rule or SOP
    // also applies is in the course, not on the first screen.
    let could_change = |q: &str| {
        r.verdict != Verdict::Binding
            || r.depends_on
                .iter()
                .any(|p| (p.binding || p.weighs) && p.hinges_on.iter().any(|h| h == q))
    };
    let weighty = r
        .course_of_action
        .iter()
        .filter(|_| !help_now)
        .find(|s| s.weight == Weight::Decisive && s.question.as_deref().is_some_and(could_change))
        .and_then(|s| {
            r.find_out
                .iter()
                .find(|f| Some(&f.question) == s.question.as_ref())
        });
    // Where the verdict is "not settled yet" (a tension waits on a fact), that fact first.
    // (The conflict the headline names: a tension the ranking weighs, or a binding duty.)
    let unsettled = (r.verdict == Verdict::Dilemma && r.tensions.is_empty())
        .then(|| named_pending(r, true))
        .flatten()
        .and_then(|p| find_out_for(r, p));
    // Otherwise one only where the verdict waits on it ("go ahead once checked"): a fact that
    // changes nothing that matters much is in the report, not on its first screen.
    // That fact is the one the conflict named in the headline waits on, where one is named.
    let waited_on = (r.verdict == Verdict::NoDilemma && waits_on_more_than_routine(r))
        .then(|| {
            named_pending(r, false)
                .and_then(|p| find_out_for(r, p))
                .or_else(|| {
                    r.depends_on
                        .iter()
                        .filter(|p| !p.routine)
                        .find_map(|p| find_out_for(r, p))
                })
                .or(r.find_out.first())
        })
        .flatten();
    // A task for another authority: the verdict says where to take it, and nothing here is
    // to be found out first.
    let first_out = unsettled
        .or(weighty)
        .or(waited_on)
        .filter(|_| r.verdict != Verdict::NotCovered);
    if let Some(f) = first_out {
        let line = format!("? {}: {}", w.short_first, f.prompt);
        let leads = r
            .course_of_action
            .first()
            .is_some_and(|s| s.question.as_ref() == Some(&f.question));
        if leads {
            out.insert(steps_at, line);
            steps_from += 1;
            if let Some(step) = cannot_tell {
                out.insert(steps_at + 1, step);
                steps_from += 1;
                emergency_line = true;
            }
        } else {
            out.push(line);
        }
    }
    // A task for another authority is said by the verdict and its steps already; "None of
    // these" on a detail is in the report's Not covered section, not on the first screen, which
    // names only what is decided or what is going on that the pack does not cover.
    let prompts: Vec<&str> = r
        .not_covered
        .iter()
        .filter(|n| !n.task)
        .filter(|n| n.question == crate::vocab::DECISION || n.question == crate::vocab::SITUATION)
        .map(|n| n.prompt.as_str())
        .collect();
    if !prompts.is_empty() {
        out.push(format!("{}: {}", w.not_covered, prompts.join(" · ")));
    }
    // Still at most eight lines: with the emergency line, the last numbered step gives way
    // (it is in the course) before anything that comes after the steps.
    let mut shown = first_count;
    if emergency_line && out.len() > 8 && shown > 0 {
        shown -= 1;
        out.remove(steps_from + shown);
    }
    // Decisive steps past the third give way too, last first.
    while out.len() > 8 && shown > 3 {
        shown -= 1;
        out.remove(steps_from + shown);
    }
    out.truncate(8);
    out
}
