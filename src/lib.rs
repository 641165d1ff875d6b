//! etika: ethical decision support for social work.
//!
//! A code of ethics is data (a rule pack of TOML files). The questionnaire gathers answers about
//! a dilemma, the engine turns pack and answers into a decision with reasons, the view resolves
//! it into words once, and the renderers lay it out. Data flows one way, through layers that
//! only look down (`docs/ARCHITECTURE.md` draws them):
//!
//! ```text
//! vocab → condition → diag → pack → engine → view → render → cli
//!                               ↘ answers, practice, interview ↗
//! ```

pub mod answers;
pub mod cli;
pub mod condition;
pub mod diag;
pub mod embedded;
pub mod engine;
pub mod interview;
pub mod pack;
pub mod practice;
pub mod render;
pub mod view;
pub mod vocab;
pub mod words;
