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
    Case,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Principle,
        ItemKind::Question,
        ItemKind::Obligation,
        ItemKind::Tension,
        ItemKind::Action,
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
            ItemKind::Case => "cases/*.toml",
        }
    }
}
