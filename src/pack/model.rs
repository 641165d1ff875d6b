//! The rule model: what a pack's TOML files hold, field for field.
//!
//! Field names here are the TOML field names and the `etika list --format json` names.
//! Unknown fields are refused so a typo in a field name is caught where it is made.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::condition::{Expr, Kind};
use crate::text::Text;

/// `pack.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: String,
    pub name: Text,
    pub edition: String,
    /// The date from which the pack's reading of the law applies (YYYY-MM-DD).
    pub effective: String,
    pub languages: Vec<String>,
    #[serde(default)]
    pub description: Option<Text>,
    pub disclaimer: Text,
    pub ranking: Ranking,
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceDoc>,
}

/// The order in which principles settle a conflict, highest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ranking {
    pub order: Vec<Spanned<String>>,
    /// The framework the order comes from.
    pub source: Text,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A document the pack draws on, listed in `pack.toml` as `[[source]]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Text,
    pub source: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Spanned<String>,
    pub kind: Kind,
    pub prompt: Text,
    pub help: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_if: Option<Spanned<String>>,
    #[serde(skip)]
    pub ask_if_expr: Option<Expr>,
    #[serde(skip)]
    pub file: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: Spanned<String>,
    pub label: Text,
}

/// The phases a course of action moves through, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Safety,
    Inform,
    Consult,
    Act,
    Document,
    Monitor,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Safety,
        Phase::Inform,
        Phase::Consult,
        Phase::Act,
        Phase::Document,
        Phase::Monitor,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Phase::Safety => "safety",
            Phase::Inform => "inform",
            Phase::Consult => "consult",
            Phase::Act => "act",
            Phase::Document => "document",
            Phase::Monitor => "monitor",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Spanned<String>,
    pub phase: Phase,
    pub text: Text,
    #[serde(skip)]
    pub file: usize,
}

/// How far a situation must be taken for advice, lowest first.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub id: Spanned<String>,
    pub title: Text,
    pub text: Text,
    pub source: Text,
    pub principles: Vec<Spanned<String>>,
    pub when: Spanned<String>,
    #[serde(default)]
    pub binding: bool,
    #[serde(default)]
    pub actions: Vec<Spanned<String>>,
    #[serde(default)]
    pub consult: Consult,
    #[serde(skip)]
    pub when_expr: Expr,
    #[serde(skip)]
    pub file: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tension {
    pub id: Spanned<String>,
    pub title: Text,
    pub principles: Vec<Spanned<String>>,
    pub when: Spanned<String>,
    pub explanation: Text,
    #[serde(default)]
    pub actions: Vec<Spanned<String>>,
    /// The binding duties that settle this tension when they apply. When left out, any
    /// binding duty that serves one of the two principles does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settled_by: Vec<Spanned<String>>,
    #[serde(default)]
    pub consult: Consult,
    #[serde(skip)]
    pub when_expr: Expr,
    #[serde(skip)]
    pub file: usize,
}

/// A practice case: `cases/<id>.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: Spanned<String>,
    pub title: Text,
    pub narrative: Text,
    /// The model reading of the case, in the answers-file form.
    pub answers: toml::Table,
    pub expect: Expect,
    /// The courses of action a student chooses between; exactly one is the model's.
    #[serde(default, rename = "course")]
    pub courses: Vec<CourseChoice>,
    pub debrief: Text,
    #[serde(skip)]
    pub file: usize,
}

/// One course of action a student may choose in practice.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseChoice {
    pub id: Spanned<String>,
    pub text: Text,
    #[serde(default)]
    pub model: bool,
    /// Why this course is or is not the model's, shown after the student chooses.
    pub feedback: Text,
}

/// What a case's model answers must produce.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(default)]
    pub fire: Vec<Spanned<String>>,
    #[serde(default)]
    pub not_fire: Vec<Spanned<String>>,
    #[serde(default)]
    pub tensions: Vec<Spanned<String>>,
    #[serde(default)]
    pub actions: Vec<Spanned<String>>,
    #[serde(default)]
    pub consult: Option<Consult>,
    /// Reasons: for an obligation id, the questions that must be in its trace.
    #[serde(default)]
    pub why: std::collections::BTreeMap<String, Vec<String>>,
}

// Files that hold lists: `[[principle]]`, `[[question]]`, and so on.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PrincipleFile {
    #[serde(default)]
    pub principle: Vec<Principle>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionFile {
    #[serde(default)]
    pub question: Vec<Question>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActionFile {
    #[serde(default)]
    pub action: Vec<Action>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ObligationFile {
    #[serde(default)]
    pub obligation: Vec<Obligation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TensionFile {
    #[serde(default)]
    pub tension: Vec<Tension>,
}
