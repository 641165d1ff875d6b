//! The checked pack: what validation returns, with every condition parsed, every reference
//! known to exist and every case's answers read. Nothing in it is filled in later.
//!
//! Field names are the TOML field names, so `etika list --format json` shows the pack as it is
//! written (a condition as its canonical text).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::condition::Expr;
use crate::vocab::Value;
use crate::vocab::{
    Answers, CaseKind, Consult, ItemKind, Phase, QuestionKind, Text, Verdict, Weight,
};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub name: Text,
    pub edition: String,
    pub effective: String,
    pub languages: Vec<String>,
    pub description: Option<Text>,
    pub disclaimer: Text,
    pub ranking: Ranking,
    #[serde(rename = "source")]
    pub sources: Vec<SourceDoc>,
    pub frame: Frame,
    /// The packs this one is made of, base first: itself alone, or a base and its overlays.
    /// `id`, `name` and `edition` above are the top layer's.
    pub layers: Vec<Layer>,
}

/// One layer of a pack: the base, or an overlay that extends the layer below it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Layer {
    pub id: String,
    pub edition: String,
    pub name: Text,
}

/// The order in which principles settle a conflict, highest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ranking {
    pub order: Vec<String>,
    /// The framework the order comes from.
    pub source: Text,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceDoc {
    pub id: String,
    pub name: Text,
    pub note: Option<Text>,
}

/// What holds in every situation (`duties`, obligation ids) and the general steps of deciding
/// well (`steps`, action ids), given in full when nothing dilemma-specific applies.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Frame {
    pub duties: Vec<String>,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Principle {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub source: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: Text,
    pub help: Text,
    pub options: Vec<Choice>,
    /// `None`: always asked.
    pub ask_if: Option<Expr>,
    /// Whether "not sure yet" is an answer.
    pub unsure: bool,
    /// How to establish the fact when the answer is "not sure yet".
    pub find_out: Option<Text>,
    /// Answers of an earlier edition it takes the place of: `question` or `question:option`.
    #[serde(default)]
    pub formerly: Vec<String>,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether the option `id` lies outside the pack: "None of these", or one marked `outside`.
    fn is_outside(&self, id: &str) -> bool {
        id == crate::vocab::OTHER || self.option(id).is_some_and(|o| o.outside)
    }

    /// Whether an answer names something outside the pack.
    pub fn outside(&self, v: &Value) -> bool {
        v.ids().iter().any(|s| self.is_outside(s))
    }

    /// Whether an answer names nothing but what lies outside the pack.
    pub fn only_outside(&self, v: &Value) -> bool {
        let ids = v.ids();
        !ids.is_empty() && ids.iter().all(|s| self.is_outside(s))
    }

    /// Whether an answer names an option marked `outside` (a task for another authority),
    /// not only "None of these".
    pub fn names_a_task_outside(&self, v: &Value) -> bool {
        v.ids()
            .iter()
            .any(|s| s != crate::vocab::OTHER && self.option(s).is_some_and(|o| o.outside))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    /// Outside what the pack's ethics can settle: reported as not covered.
    #[serde(default)]
    pub outside: bool,
    /// An order or a request to do another decision: settled where that one is.
    #[serde(default)]
    pub order: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub phase: Phase,
    pub text: Text,
    /// The step as a short imperative.
    pub short: Text,
    #[serde(default)]
    pub weight: Weight,
    /// `None`: fits wherever it is called for. For a step with `parties`, it includes that
    /// one of them is at risk and not causing the harm.
    pub when: Option<Expr>,
    /// The parties at risk it is for (options of `at_risk`), each with the condition that it
    /// is given for that one.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// The needs it refers to, resolved to services.
    #[serde(default)]
    pub refer: Vec<String>,
    /// The answers say it is already done.
    #[serde(default)]
    pub done: Option<Expr>,
    /// The consultation this step is, if it is one.
    pub consult: Option<Consult>,
}

impl Action {
    /// An emergency step: one that keeps someone safe now, with the authorities (an ambulance,
    /// 112, the police).
    pub fn is_emergency(&self) -> bool {
        self.phase == Phase::Safety && self.consult == Some(Consult::Authorities)
    }
}

impl Pack {
    /// Whether `id` is a routine step (talk to the supervisor today, write it down): finding
    /// out what only such steps wait on holds nothing back.
    pub fn is_routine_step(&self, id: &str) -> bool {
        self.action(id).is_some_and(|a| a.weight == Weight::Routine)
    }
}

/// One party a step is for: an option of `at_risk`, and when the step is given for it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub when: Expr,
}

/// A service a step can refer to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub contact: Text,
    pub needs: Vec<String>,
    /// `None`: serves everyone.
    pub serves: Option<Expr>,
    /// When it is the worker's own unit.
    pub own: Option<Expr>,
    pub source: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Obligation {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub source: Text,
    pub principles: Vec<String>,
    /// `None` only for a frame duty, which holds in every situation.
    pub when: Option<Expr>,
    pub binding: bool,
    pub actions: Vec<String>,
    pub consult: Consult,
    /// Its steps that are decisive for it.
    #[serde(default)]
    pub decisive: Vec<String>,
    /// For a binding duty, the decisions it settles; empty: any.
    #[serde(default)]
    pub decides: Vec<String>,
    /// For a binding duty: false where it only says how the work is done and settles no
    /// conflict, so it never makes the verdict.
    #[serde(default = "crate::pack::raw::yes")]
    pub settles: bool,
    /// The steps and tensions it rules out where it applies.
    #[serde(default)]
    pub rules_out: RulesOut,
}

/// What a duty rules out where it applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesOut {
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub tensions: Vec<String>,
}

impl RulesOut {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.tensions.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tension {
    pub id: String,
    pub title: Text,
    pub principles: [String; 2],
    pub when: Expr,
    pub explanation: Text,
    pub actions: Vec<String>,
    /// The binding duties that settle it; empty: any binding duty that serves one of the two
    /// principles does.
    pub settled_by: Vec<String>,
    pub consult: Consult,
    /// Its steps that are decisive for it.
    #[serde(default)]
    pub decisive: Vec<String>,
}

/// A practice case, its model answers read and checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub kind: CaseKind,
    pub narrative: Text,
    pub answers: Answers,
    pub expect: Expect,
    #[serde(rename = "course")]
    pub courses: Vec<Course>,
    pub debrief: Text,
    /// The file it came from, as shown to the user.
    pub file: String,
}

impl Case {
    pub fn model_course(&self) -> Option<&Course> {
        self.courses.iter().find(|c| c.model)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Course {
    pub id: String,
    pub text: Text,
    pub model: bool,
    pub feedback: Text,
}

/// What a case's model answers must give, and must not.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Expect {
    pub fire: Vec<String>,
    pub not_fire: Vec<String>,
    pub tensions: Vec<String>,
    pub not_tensions: Vec<String>,
    pub actions: Vec<String>,
    pub not_actions: Vec<String>,
    pub depends_on: Vec<String>,
    pub find_out: Vec<String>,
    pub consult: Option<Consult>,
    pub no_dilemma: Option<bool>,
    pub verdict: Option<Verdict>,
    pub services: Vec<String>,
    pub not_services: Vec<String>,
    pub first: Vec<String>,
    pub why: std::collections::BTreeMap<String, Vec<String>>,
}

/// A checked pack.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Pack {
    /// Where the pack came from, as shown to the user (`embedded` or a folder).
    #[serde(skip)]
    pub origin: String,
    pub meta: Meta,
    pub principles: Vec<Principle>,
    pub questions: Vec<Question>,
    pub actions: Vec<Action>,
    #[serde(default)]
    pub services: Vec<Service>,
    pub obligations: Vec<Obligation>,
    pub tensions: Vec<Tension>,
    #[serde(default)]
    pub cases: Vec<Case>,
    #[serde(skip)]
    index: Index,
}

#[derive(Debug, Clone, Default)]
struct Index {
    principles: HashMap<String, usize>,
    questions: HashMap<String, usize>,
    actions: HashMap<String, usize>,
    services: HashMap<String, usize>,
    obligations: HashMap<String, usize>,
    tensions: HashMap<String, usize>,
    cases: HashMap<String, usize>,
    rank: HashMap<String, usize>,
    /// For each action with `parties`, by place: its `when` and that one of its parties is
    /// at risk and not causing the harm, as one condition.
    given: HashMap<usize, Expr>,
}

fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item).to_string()).or_insert(i);
    }
    map
}

impl Pack {
    /// Assemble a pack from checked parts.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        origin: String,
        meta: Meta,
        principles: Vec<Principle>,
        questions: Vec<Question>,
        actions: Vec<Action>,
        services: Vec<Service>,
        obligations: Vec<Obligation>,
        tensions: Vec<Tension>,
        cases: Vec<Case>,
    ) -> Pack {
        let mut pack = Pack {
            origin,
            meta,
            principles,
            questions,
            actions,
            services,
            obligations,
            tensions,
            cases,
            index: Index::default(),
        };
        pack.reindex();
        pack
    }

    /// Build the lookup tables; called after the pack is assembled or read back.
    pub fn reindex(&mut self) {
        self.index = Index {
            principles: index(&self.principles, |p| &p.id),
            questions: index(&self.questions, |q| &q.id),
            actions: index(&self.actions, |a| &a.id),
            services: index(&self.services, |a| &a.id),
            obligations: index(&self.obligations, |o| &o.id),
            tensions: index(&self.tensions, |t| &t.id),
            cases: index(&self.cases, |c| &c.id),
            given: self
                .actions
                .iter()
                .enumerate()
                .filter(|(_, a)| !a.parties.is_empty())
                .map(|(i, a)| {
                    let any = Expr::Or(a.parties.iter().map(|p| p.when.clone()).collect());
                    let given = match &a.when {
                        Some(w) => Expr::And(vec![w.clone(), any]),
                        None => any,
                    };
                    (i, given)
                })
                .collect(),
            rank: self
                .meta
                .ranking
                .order
                .iter()
                .enumerate()
                .map(|(i, p)| (p.clone(), i))
                .collect(),
        };
    }

    /// Record in every condition the place of each question it reads, for a pack read back
    /// from a form that keeps conditions as text (see `Expr`'s serde forms).
    pub fn resolve_conditions(&mut self) {
        let places = index(&self.questions, |q| &q.id);
        let position = |id: &str| places.get(id).copied();
        let whens = self
            .obligations
            .iter_mut()
            .filter_map(|o| o.when.as_mut())
            .chain(self.tensions.iter_mut().map(|t| &mut t.when))
            .chain(self.actions.iter_mut().flat_map(|a| {
                a.when
                    .iter_mut()
                    .chain(a.done.iter_mut())
                    .chain(a.parties.iter_mut().map(|p| &mut p.when))
            }))
            .chain(
                self.services
                    .iter_mut()
                    .flat_map(|s| s.serves.iter_mut().chain(s.own.iter_mut())),
            )
            .chain(self.questions.iter_mut().filter_map(|q| q.ask_if.as_mut()));
        for e in whens {
            e.resolve(&position);
        }
    }

    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.index.principles.get(id).map(|&i| &self.principles[i])
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index.questions.get(id).map(|&i| &self.questions[i])
    }

    pub(crate) fn question_index(&self) -> &HashMap<String, usize> {
        &self.index.questions
    }

    /// The place of a question in the questionnaire.
    pub fn question_position(&self, id: &str) -> Option<usize> {
        self.index.questions.get(id).copied()
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.index.actions.get(id).map(|&i| &self.actions[i])
    }

    /// The condition under which the action at `index` is given: its `when`, and for a step
    /// with `parties`, that one of them is at risk and not causing the harm.
    pub fn step_condition(&self, index: usize) -> Option<&Expr> {
        match self.index.given.get(&index) {
            Some(e) => Some(e),
            None => self.actions.get(index)?.when.as_ref(),
        }
    }

    /// The place of an action in the pack.
    pub fn action_index(&self, id: &str) -> Option<usize> {
        self.index.actions.get(id).copied()
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.index.services.get(id).map(|&i| &self.services[i])
    }

    pub fn obligation(&self, id: &str) -> Option<&Obligation> {
        self.index
            .obligations
            .get(id)
            .map(|&i| &self.obligations[i])
    }

    /// Whether the ranking weighs every one of these principles (a tension between two of them
    /// is one the ranking can settle; one with a duty outside it is found out first).
    pub fn ranks_all(&self, principles: &[String]) -> bool {
        principles
            .iter()
            .all(|p| self.meta.ranking.order.contains(p))
    }

    /// Whether a tension, while it waits on an unsure answer, keeps the verdict open.
    pub fn tension_weighs(&self, id: &str) -> bool {
        self.tension(id)
            .is_some_and(|t| self.ranks_all(&t.principles))
    }

    pub fn tension(&self, id: &str) -> Option<&Tension> {
        self.index.tensions.get(id).map(|&i| &self.tensions[i])
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.index.cases.get(id).map(|&i| &self.cases[i])
    }

    /// Position of a principle in the ranking (0 is highest), if it is ranked.
    pub fn rank(&self, principle: &str) -> Option<usize> {
        self.index.rank.get(principle).copied()
    }

    /// Is this obligation one of the frame's duties, which hold in every situation?
    pub fn is_frame_duty(&self, id: &str) -> bool {
        self.meta.frame.duties.iter().any(|d| d == id)
    }

    /// Every id in the pack, with its kind, for `show` and suggestions.
    pub fn all_ids(&self) -> Vec<(ItemKind, &str)> {
        let mut out: Vec<(ItemKind, &str)> = Vec::new();
        out.extend(
            self.principles
                .iter()
                .map(|p| (ItemKind::Principle, p.id.as_str())),
        );
        out.extend(
            self.questions
                .iter()
                .map(|p| (ItemKind::Question, p.id.as_str())),
        );
        out.extend(
            self.obligations
                .iter()
                .map(|p| (ItemKind::Obligation, p.id.as_str())),
        );
        out.extend(
            self.tensions
                .iter()
                .map(|p| (ItemKind::Tension, p.id.as_str())),
        );
        out.extend(
            self.actions
                .iter()
                .map(|p| (ItemKind::Action, p.id.as_str())),
        );
        out.extend(
            self.services
                .iter()
                .map(|p| (ItemKind::Service, p.id.as_str())),
        );
        out.extend(self.cases.iter().map(|p| (ItemKind::Case, p.id.as_str())));
        out
    }

    /// The ids of the questions that take "not sure yet".
    pub fn unsure_questions(&self) -> Vec<String> {
        self.questions
            .iter()
            .filter(|q| q.unsure)
            .map(|q| q.id.clone())
            .collect()
    }
}
