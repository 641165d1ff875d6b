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

/// Write to standard error, ignoring a failure to do so: when standard error itself cannot be
/// written (`2>/dev/full`, a closed pipe) there is nowhere left to say anything, and the exit
/// code still tells. The standard library's macros panic there instead; these replace them
/// for the whole crate.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// As `eprintln!`, without the newline.
macro_rules! eprint {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

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

pub use cli::{Cli, parse, report_error, run};

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
