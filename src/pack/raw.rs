//! The raw model: what a pack's TOML files hold, field for field, each with its place in the
//! file. Loading fills these; validation reads them and builds the checked `Pack`. Field
//! names are the TOML field names. Unknown fields are refused so a typo in a field name is
//! caught where it is made.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use crate::vocab::{CaseKind, Consult, Phase, QuestionKind, Verdict, Weight};

/// Text as written: one string for both languages, or `{ id = "…", en = "…" }`, with the place
/// of each part.
#[derive(Debug, Clone)]
pub enum RawText {
    Same(Spanned<String>),
    Both {
        span: Range<usize>,
        id: Spanned<String>,
        en: Spanned<String>,
    },
}

impl RawText {
    pub fn span(&self) -> Range<usize> {
        match self {
            RawText::Same(s) => s.span(),
            RawText::Both { span, .. } => span.clone(),
        }
    }
}

enum TextForm {
    Same(String),
    Both {
        id: Spanned<String>,
        en: Spanned<String>,
    },
}

impl<'de> Deserialize<'de> for TextForm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextForm;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text: a string, or a table `{ id = \"…\", en = \"…\" }`")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<TextForm, E> {
                Ok(TextForm::Same(s.to_string()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<TextForm, E> {
                Ok(TextForm::Same(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextForm, A::Error> {
                let (mut id, mut en) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "id" if id.is_none() => id = Some(map.next_value::<Spanned<String>>()?),
                        "en" if en.is_none() => en = Some(map.next_value::<Spanned<String>>()?),
                        "id" | "en" => return Err(de::Error::duplicate_field("language")),
                        other => return Err(de::Error::unknown_field(other, &["id", "en"])),
                    }
                }
                Ok(TextForm::Both {
                    id: id.ok_or_else(|| de::Error::missing_field("id"))?,
                    en: en.ok_or_else(|| de::Error::missing_field("en"))?,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// In a schema, text is a string, or a table of the two languages.
impl JsonSchema for RawText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text a person reads: one string for both languages, or { id = \"…\", en = \"…\" }",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "id": { "type": "string", "description": "Bahasa Indonesia" },
                        "en": { "type": "string", "description": "English" }
                    },
                    "required": ["id", "en"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<TextForm>::deserialize(d)?;
        let span = s.span();
        Ok(match s.into_inner() {
            TextForm::Same(v) => RawText::Same(Spanned::new(span, v)),
            TextForm::Both { id, en } => RawText::Both { span, id, en },
        })
    }
}

/// `pack.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub name: RawText,
    #[schemars(with = "String")]
    pub edition: Spanned<String>,
    /// The date from which the pack's reading of the law applies (YYYY-MM-DD).
    #[schemars(with = "String")]
    pub effective: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    pub languages: Spanned<Vec<String>>,
    #[serde(default)]
    pub description: Option<RawText>,
    pub disclaimer: RawText,
    pub ranking: RawRanking,
    #[serde(default, rename = "source")]
    pub sources: Vec<RawSourceDoc>,
    #[serde(default)]
    #[schemars(with = "Option<RawFrame>")]
    pub frame: Option<Spanned<RawFrame>>,
}

/// `pack.toml` of an overlay: a pack that `extends` another (an agency's own policy on top of
/// the national code, say) and adds to it. It keeps the base's languages, disclaimer and
/// ranking; its `[frame]` and `[[source]]` are added to the base's.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOverlayMeta {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The id of the pack this one adds to: the embedded pack's, or that of the folder given
    /// with `--rules` just before this one.
    #[schemars(with = "String")]
    pub extends: Spanned<String>,
    pub name: RawText,
    #[schemars(with = "String")]
    pub edition: Spanned<String>,
    /// The date from which this layer applies (YYYY-MM-DD); the base's when left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub effective: Option<Spanned<String>>,
    #[serde(default)]
    pub description: Option<RawText>,
    #[serde(default, rename = "source")]
    pub sources: Vec<RawSourceDoc>,
    /// Duties and steps added to the base's frame.
    #[serde(default)]
    #[schemars(with = "Option<RawFrame>")]
    pub frame: Option<Spanned<RawFrame>>,
}

/// An overlay's change to one of the base's obligations (`amendments.toml`, `[[amend]]`): it
/// may make it binding, add steps, or raise its consultation level; anything else is a
/// replacement (`replaces`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAmend {
    /// The id of the base's obligation.
    #[schemars(with = "String")]
    pub obligation: Spanned<String>,
    /// `true` makes the obligation binding in this agency or programme.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub binding: Option<Spanned<bool>>,
    /// Action ids added to the obligation's steps.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub actions: Vec<Spanned<String>>,
    /// A higher consultation level than the obligation's own.
    #[serde(default)]
    #[schemars(with = "Option<Consult>")]
    pub consult: Option<Spanned<Consult>>,
}

/// The order in which principles settle a conflict, highest first.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRanking {
    #[schemars(with = "Vec<String>")]
    pub order: Spanned<Vec<Spanned<String>>>,
    /// The framework the order comes from.
    pub source: RawText,
    #[serde(default)]
    pub note: Option<RawText>,
}

/// A document the pack draws on, listed in `pack.toml` as `[[source]]`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSourceDoc {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub name: RawText,
    #[serde(default)]
    pub note: Option<RawText>,
}

/// What holds in every situation, and the general steps of deciding well.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFrame {
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub duties: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub steps: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPrinciple {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// In an overlay: the id of the base pack's entry this one replaces (the same id). Without
    /// it, an entry whose id the base already has is an error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    pub name: RawText,
    pub description: RawText,
    pub source: RawText,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// In an overlay: the id of the base pack's entry this one replaces (the same id). Without
    /// it, an entry whose id the base already has is an error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    /// `yes_no`, `one_of` (one option) or `any_of` (any number of options).
    #[schemars(with = "QuestionKind")]
    pub kind: Spanned<QuestionKind>,
    /// The question as asked.
    pub prompt: RawText,
    /// Why it is asked; shown at the prompt.
    pub help: RawText,
    /// The options of a `one_of` or `any_of` question (at least two); none for `yes_no`.
    #[serde(default)]
    pub options: Vec<RawChoice>,
    /// A condition on earlier questions: the question is asked only when it holds.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub ask_if: Option<Spanned<String>>,
    /// Whether "not sure yet" is an answer (`yes_no` and `one_of` only).
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub unsure: Option<Spanned<bool>>,
    /// How to establish the fact when the answer is "not sure yet".
    #[serde(default)]
    pub find_out: Option<RawText>,
    /// Answers of an earlier edition this question takes the place of: a question id
    /// (`client_role`) or a question's option (`situation:agency_policy`). An answers file
    /// that still gives one is told to answer this question instead.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub formerly: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub label: RawText,
    /// An answer whose matter lies outside what the pack's ethics can settle (a technical or
    /// legal task that belongs to another authority): reported as not covered, like "None of
    /// these".
    #[serde(default)]
    pub outside: bool,
    /// On `decision`: an answer that is an order or a request to do one of the other decisions
    /// (follow, refuse or question an instruction). Where a binding duty settles that other
    /// decision, it settles the order too.
    #[serde(default)]
    pub order: bool,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// In an overlay: the id of the base pack's entry this one replaces (the same id). Without
    /// it, an entry whose id the base already has is an error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    /// When in the course of action: safety, assess, inform, consult, act, document, monitor.
    pub phase: Phase,
    /// Something a worker can do this week.
    pub text: RawText,
    /// The step as a short imperative (at most 60 characters), for "in short", what-ifs and
    /// feedback: "Call an ambulance (119) now".
    #[serde(default)]
    pub short: Option<RawText>,
    /// `decisive` (answers the decision or protects life), `supporting`, or `routine` (what
    /// every case needs: record, check the SOP, review).
    #[serde(default)]
    #[schemars(with = "Option<Weight>")]
    pub weight: Option<Spanned<Weight>>,
    /// A condition: the step is given only where it holds.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// The parties at risk the step is for: options of the `at_risk` question. It is given
    /// for each one ticked there, and never for one who is also causing the harm (`harm_from`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub parties: Vec<Spanned<String>>,
    /// The needs the step refers to (`medical_emergency`, `violence_women_children`, …): the
    /// services of `services.toml` that meet them and serve this person are named with it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub refer: Vec<Spanned<String>>,
    /// A condition under which the answers say the step is already done: it is then left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub done: Option<Spanned<String>>,
    /// The consultation this step is, if it is one: it implies at least that level.
    #[serde(default)]
    pub consult: Option<Consult>,
}

/// A service a step can refer to (`services.toml`, `[[service]]`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// In an overlay: the id of the base pack's entry this one replaces (the same id). Without
    /// it, an entry whose id the base already has is an error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    pub name: RawText,
    /// How to reach it: a number, a channel, an office.
    pub contact: RawText,
    /// What it is for (`medical_emergency`, `child_protection`, `legal_aid`, …).
    #[schemars(with = "Vec<String>")]
    pub needs: Vec<Spanned<String>>,
    /// A condition: whom it serves. Left out, it serves everyone.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub serves: Option<Spanned<String>>,
    /// A condition under which it is the worker's own unit: a step then says to follow the
    /// unit's own procedure instead of referring to it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub own: Option<Spanned<String>>,
    /// The law, regulation or official page it rests on.
    pub source: RawText,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawObligation {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// In an overlay: the id of the base pack's entry this one replaces (the same id). Without
    /// it, an entry whose id the base already has is an error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    /// A short name for the duty.
    pub title: RawText,
    /// What the duty asks, in the pack's own words.
    pub text: RawText,
    /// The code or law and its section or topic; never an article number that has not been checked.
    pub source: RawText,
    /// The principles it serves (principle ids).
    #[schemars(with = "Vec<String>")]
    pub principles: Vec<Spanned<String>>,
    /// The condition on the answers under which it applies; only a frame duty may leave it out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// Law or the code settles it: it is not weighed against other duties.
    #[serde(default)]
    pub binding: bool,
    /// The steps it calls for (action ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub actions: Vec<Spanned<String>>,
    /// Who to consult: none, supervisor, case_conference, ethics_council or authorities.
    #[serde(default)]
    pub consult: Consult,
    /// The steps among `actions` that are decisive for this duty, whatever their own weight.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub decisive: Vec<Spanned<String>>,
    /// For a binding duty: the decisions (options of the `decision` question) it settles. The
    /// report's verdict is "the law settles it" only when the worker decides one of them; left
    /// out, it settles any decision.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub decides: Vec<Spanned<String>>,
    /// For a binding duty: whether it settles a conflict (the default) or only says how the
    /// work is done (consent in writing, who decides without a court ruling). A duty with
    /// `settles = false` is listed with the binding duties but never makes the verdict "the law
    /// settles it": beside no tension the verdict is go ahead, beside one a dilemma.
    #[serde(default = "yes")]
    pub settles: bool,
    /// Steps and tensions this duty rules out where it applies: a duty that forbids an act
    /// rules out the steps that would defer to a wish about that act, and the tensions that
    /// would weigh it.
    #[serde(default)]
    pub rules_out: RawRulesOut,
}

/// What a duty rules out where it applies.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRulesOut {
    /// Action ids.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub steps: Vec<Spanned<String>>,
    /// Tension ids.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tensions: Vec<Spanned<String>>,
}

/// The default of a flag that holds unless the pack says otherwise.
pub(crate) fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTension {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// In an overlay: the id of the base pack's entry this one replaces (the same id). Without
    /// it, an entry whose id the base already has is an error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    pub title: RawText,
    /// The two principles that pull apart.
    #[schemars(with = "Vec<String>")]
    pub principles: Vec<Spanned<String>>,
    /// The condition on the answers under which the tension arises.
    #[schemars(with = "String")]
    pub when: Spanned<String>,
    /// Why they pull apart here, and how to weigh them.
    pub explanation: RawText,
    /// The steps it calls for (action ids).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub actions: Vec<Spanned<String>>,
    /// The binding duties that settle this tension when they apply. When left out, any
    /// binding duty that serves one of the two principles does.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub settled_by: Vec<Spanned<String>>,
    /// Who to consult: none, supervisor, case_conference, ethics_council or authorities.
    #[serde(default)]
    pub consult: Consult,
    /// The steps among `actions` that are decisive for this tension, whatever their own weight.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub decisive: Vec<Spanned<String>>,
}

/// Answers as written in a case or an answers file: question id → value, each with its place.
pub type RawAnswers = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// What a schema says of written answers: question ids, each with an answer.
pub type AnswersSchema = BTreeMap<String, crate::vocab::Value>;

/// A practice case: `cases/<id>.toml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// In an overlay: the id of the base pack's entry this one replaces (the same id). Without
    /// it, an entry whose id the base already has is an error.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub replaces: Option<Spanned<String>>,
    pub title: RawText,
    /// `practice` (the default), or `control`: a situation with tempting features and no
    /// conflict, which must get the verdict `no_dilemma`, no tension and no binding duty.
    #[serde(default)]
    pub kind: CaseKind,
    pub narrative: RawText,
    /// The model reading of the case, in the answers-file form.
    #[schemars(with = "AnswersSchema")]
    pub answers: Spanned<RawAnswers>,
    pub expect: RawExpect,
    /// The courses of action a student chooses between; exactly one is the model's.
    #[serde(default, rename = "course")]
    pub courses: Vec<RawCourse>,
    pub debrief: RawText,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCourse {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    pub text: RawText,
    #[serde(default)]
    pub model: bool,
    pub feedback: RawText,
}

/// What a case's model answers must produce, and what they must not.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub fire: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub not_fire: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tensions: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub not_tensions: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub actions: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub not_actions: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub depends_on: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub find_out: Vec<Spanned<String>>,
    #[serde(default)]
    pub consult: Option<Consult>,
    #[serde(default)]
    pub no_dilemma: Option<bool>,
    /// The verdict the report must open with.
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// Services that must be named with the course, and services that must not.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub services: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub not_services: Vec<Spanned<String>>,
    /// Steps that must be among the numbered steps of the short course (decisive first, at
    /// most eight), not only somewhere in the full one.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub first: Vec<Spanned<String>>,
    /// Reasons: for an obligation id, the questions that must be in its trace.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    pub why: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

// Files that hold lists: `[[principle]]`, `[[question]]`, and so on.

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrincipleFile {
    #[serde(default)]
    pub principle: Vec<RawPrinciple>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    #[serde(default)]
    pub question: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionFile {
    #[serde(default)]
    pub action: Vec<RawAction>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceFile {
    #[serde(default)]
    pub service: Vec<RawService>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObligationFile {
    #[serde(default)]
    pub obligation: Vec<RawObligation>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TensionFile {
    #[serde(default)]
    pub tension: Vec<RawTension>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmendmentFile {
    #[serde(default)]
    pub amend: Vec<RawAmend>,
}

/// An item and the file it came from (an index into the pack's files).
#[derive(Debug, Clone)]
pub struct At<T> {
    pub file: usize,
    pub item: T,
}

/// A pack as read: every file, and the items that parsed, each with its file.
#[derive(Debug, Clone, Default)]
pub struct RawPack {
    pub origin: String,
    pub files: Vec<crate::diag::SourceFile>,
    pub meta: Option<At<RawMeta>>,
    /// The overlays on `meta`, lowest first (for one folder read alone: its own `pack.toml`
    /// when it `extends` another pack).
    pub overlays: Vec<At<RawOverlayMeta>>,
    /// Overlays' changes to the base's obligations.
    pub amendments: Vec<At<RawAmend>>,
    pub principles: Vec<At<RawPrinciple>>,
    pub questions: Vec<At<RawQuestion>>,
    pub actions: Vec<At<RawAction>>,
    pub services: Vec<At<RawService>>,
    pub obligations: Vec<At<RawObligation>>,
    pub tensions: Vec<At<RawTension>>,
    pub cases: Vec<At<RawCase>>,
    /// Kinds with an entry that failed to parse: references to them may be false alarms.
    pub incomplete: Vec<crate::vocab::ItemKind>,
}
