//! etika: ethical decision support for social work.
//!
//! A code of ethics is data (a rule pack of TOML files). The questionnaire gathers answers about
//! a dilemma, the engine turns pack and answers into a decision with reasons, the view resolves
//! it into words once, and the renderers lay it out. Data flows one way, through layers that
//! only look down; `docs/ARCHITECTURE.md` draws them:
//!
//! ```text
//! vocab → condition → diag → pack → engine, answers, embedded → practice → view
//!       → render, interview → cli
//! ```
//!
//! The modules are private; `api` is what other programs (the benchmarks, say) may use.

mod answers;
mod cli;
mod condition;
mod diag;
mod embedded;
mod engine;
mod interview;
mod pack;
mod practice;
mod render;
mod view;
mod vocab;
mod words;

#[cfg(test)]
mod robustness;

pub use cli::{Cli, choose_lang, parse, report_error, run};

/// The library's public face: load a pack, read answers, decide, and report.
pub mod api {
    pub use crate::answers::{AnswersFile, parse as parse_answers};
    pub use crate::diag::{Diagnostics, SourceFile, render_all};
    pub use crate::embedded::{files as embedded_files, pack as embedded_pack};
    pub use crate::engine::{Decision, decide};
    pub use crate::pack::{Depth, Loaded, Pack, load_dir, load_files};
    pub use crate::render::{Format, Style, render, to_json};
    pub use crate::view::{Report, report};
    pub use crate::vocab::{Answers, Lang, Value};
}
