//! etika: ethical decision support for social work.
//!
//! A code of ethics is data (a rule pack of TOML files). The questionnaire gathers answers about
//! a dilemma, the engine turns pack and answers into a decision with reasons, and the reports
//! present it. Data flows one way: pack + answers → engine → decision → report.

pub mod answers;
pub mod cli;
pub mod condition;
pub mod diagnostic;
pub mod engine;
pub mod i18n;
pub mod interview;
pub mod pack;
pub mod practice;
pub mod report;
pub mod suggest;
pub mod terminal;
pub mod text;
