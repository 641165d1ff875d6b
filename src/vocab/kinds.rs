//! The small closed sets every layer shares: kinds of question, phases of a course of action,
//! levels of consultation, and the kinds of item a pack holds.

use serde::{Deserialize, Serialize};

use super::Lang;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    OneOf,
    AnyOf,
}

impl QuestionKind {
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::OneOf => "one_of",
            QuestionKind::AnyOf => "any_of",
        }
    }
}

/// The phases a course of action moves through, in order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Safety,
    Assess,
    Inform,
    Consult,
    Act,
    Document,
    Monitor,
}

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Safety,
        Phase::Assess,
        Phase::Inform,
        Phase::Consult,
        Phase::Act,
        Phase::Document,
        Phase::Monitor,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Phase::Safety => "safety",
            Phase::Assess => "assess",
            Phase::Inform => "inform",
            Phase::Consult => "consult",
            Phase::Act => "act",
            Phase::Document => "document",
            Phase::Monitor => "monitor",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Phase::Safety => lang.pick("Keselamatan", "Safety"),
            Phase::Assess => lang.pick("Mencari tahu", "Find out"),
            Phase::Inform => lang.pick("Memberi tahu", "Inform"),
            Phase::Consult => lang.pick("Konsultasi", "Consult"),
            Phase::Act => lang.pick("Bertindak", "Act"),
            Phase::Document => lang.pick("Mencatat", "Document"),
            Phase::Monitor => lang.pick("Memantau", "Monitor"),
        }
    }
}

/// How much a step weighs in a course of action: `decisive` answers the decision or protects
/// life, `supporting` helps it, `routine` is what every case needs (record, check the SOP,
/// review).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    Decisive,
    #[default]
    Supporting,
    Routine,
}

impl Weight {
    pub fn id(self) -> &'static str {
        match self {
            Weight::Decisive => "decisive",
            Weight::Supporting => "supporting",
            Weight::Routine => "routine",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Weight::Decisive => lang.pick("menentukan", "decisive"),
            Weight::Supporting => lang.pick("pendukung", "supporting"),
            Weight::Routine => lang.pick("rutin", "routine"),
        }
    }
}

/// The one-line answer a report opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No conflict between duties: go ahead, with the usual care.
    NoDilemma,
    /// Law or the code settles it.
    Binding,
    /// Protection of life prevails over the other duties.
    LifeFirst,
    /// A tension between principles, settled by the pack's ranking (or waiting on a fact).
    Dilemma,
    /// The situation or a deciding answer lies outside the pack.
    NotCovered,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::NoDilemma,
        Verdict::Binding,
        Verdict::LifeFirst,
        Verdict::Dilemma,
        Verdict::NotCovered,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Verdict::NoDilemma => "no_dilemma",
            Verdict::Binding => "binding",
            Verdict::LifeFirst => "life_first",
            Verdict::Dilemma => "dilemma",
            Verdict::NotCovered => "not_covered",
        }
    }
}

/// Whether a case is for practice, or a control: a situation with tempting features and no
/// conflict, which must get the verdict `no_dilemma`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    #[default]
    Practice,
    Control,
}

/// How far a situation must be taken for advice, lowest first.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Consult {
    #[default]
    None,
    Supervisor,
    CaseConference,
    EthicsCouncil,
    Authorities,
}

impl Consult {
    pub const ALL: [Consult; 5] = [
        Consult::None,
        Consult::Supervisor,
        Consult::CaseConference,
        Consult::EthicsCouncil,
        Consult::Authorities,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Consult::None => "none",
            Consult::Supervisor => "supervisor",
            Consult::CaseConference => "case_conference",
            Consult::EthicsCouncil => "ethics_council",
            Consult::Authorities => "authorities",
        }
    }
}

/// The kinds of item a pack holds.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Principle,
    Question,
    Obligation,
    Tension,
    Action,
    Service,
    Case,
}

impl ItemKind {
    pub const ALL: [ItemKind; 7] = [
        ItemKind::Principle,
        ItemKind::Question,
        ItemKind::Obligation,
        ItemKind::Tension,
        ItemKind::Action,
        ItemKind::Service,
        ItemKind::Case,
    ];

    /// The TOML table name: `principle`, `question`, …
    pub fn id(self) -> &'static str {
        match self {
            ItemKind::Principle => "principle",
            ItemKind::Question => "question",
            ItemKind::Obligation => "obligation",
            ItemKind::Tension => "tension",
            ItemKind::Action => "action",
            ItemKind::Service => "service",
            ItemKind::Case => "case",
        }
    }

    /// The plural, as `etika list` takes it.
    pub fn plural(self) -> &'static str {
        match self {
            ItemKind::Principle => "principles",
            ItemKind::Question => "questions",
            ItemKind::Obligation => "obligations",
            ItemKind::Tension => "tensions",
            ItemKind::Action => "actions",
            ItemKind::Service => "services",
            ItemKind::Case => "cases",
        }
    }

    /// The word for it, capitalised, in a language.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ItemKind::Principle => lang.pick("Prinsip", "Principle"),
            ItemKind::Question => lang.pick("Pertanyaan", "Question"),
            ItemKind::Obligation => lang.pick("Kewajiban", "Obligation"),
            ItemKind::Tension => lang.pick("Ketegangan", "Tension"),
            ItemKind::Action => lang.pick("Langkah", "Action"),
            ItemKind::Service => lang.pick("Layanan", "Service"),
            ItemKind::Case => lang.pick("Kasus", "Case"),
        }
    }

    /// The word in running text, lower case, in a language.
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            ItemKind::Principle => lang.pick("prinsip", "principle"),
            ItemKind::Question => lang.pick("pertanyaan", "question"),
            ItemKind::Obligation => lang.pick("kewajiban", "obligation"),
            ItemKind::Tension => lang.pick("ketegangan", "tension"),
            ItemKind::Action => lang.pick("langkah", "action"),
            ItemKind::Service => lang.pick("layanan", "service"),
            ItemKind::Case => lang.pick("kasus", "case"),
        }
    }

    /// The file or folder of a pack where items of this kind live.
    pub fn home(self) -> &'static str {
        match self {
            ItemKind::Principle => "principles.toml",
            ItemKind::Question => "questions.toml",
            ItemKind::Obligation => "obligations/*.toml",
            ItemKind::Tension => "tensions.toml",
            ItemKind::Action => "actions.toml",
            ItemKind::Service => "services.toml",
            ItemKind::Case => "cases/*.toml",
        }
    }
}
