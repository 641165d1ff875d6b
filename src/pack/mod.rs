//! The rule pack: reading its files, parsing them into the raw model (with the place of every
//! field), and validating that into a checked `Pack`.
//!
//! ```text
//! files ──parse──▶ RawPack ──validate──▶ Pack (+ diagnostics)
//! ```
//!
//! This module and those below it (`condition`, `diag`, `vocab`) are also compiled into the
//! build script, which checks the default pack and embeds it pre-parsed; so nothing here may
//! reach up to the engine, the reports or the command line.

pub mod answers;
mod files;
mod layer;
pub mod model;
mod parse;
mod questionnaire;
pub mod raw;
mod reach;
mod validate;

pub use files::{MAX_ANSWERS, ReadError, read_dir, read_stream, read_text};
pub use layer::{Layer, extends_of, id_of, load_layers};
pub use model::*;
pub use parse::{locate_spanless, toml_kind, too_deep};
pub use questionnaire::Questionnaire;
#[cfg(test)]
pub use reach::satisfiable;

use std::path::Path;

use crate::diag::{Diagnostics, SourceFile};

/// How much to check when loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// What every command needs: the pack is well-formed and every reference holds.
    Load,
    /// Also what `validate` and `test` report: questions never asked, obligations that never
    /// apply, steps never given.
    Full,
}

/// The result of loading: the pack, when it has no error, and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub pack: Option<Pack>,
    pub diagnostics: Diagnostics,
    /// How many items of each kind were read, checked or not.
    pub counts: Counts,
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Counts {
    pub principles: usize,
    pub questions: usize,
    pub obligations: usize,
    pub tensions: usize,
    pub actions: usize,
    pub cases: usize,
}

/// Parse and validate a pack from its files; `diags` may already hold problems met while
/// reading them.
pub fn load_files(
    origin: &str,
    files: Vec<SourceFile>,
    depth: Depth,
    mut diags: Diagnostics,
) -> Loaded {
    let raw = parse::parse(origin, files, &mut diags);
    finish(raw, depth, diags)
}

/// Validate a parsed (and perhaps merged) pack.
fn finish(raw: raw::RawPack, depth: Depth, mut diags: Diagnostics) -> Loaded {
    let counts = Counts {
        principles: raw.principles.len(),
        questions: raw.questions.len(),
        obligations: raw.obligations.len(),
        tensions: raw.tensions.len(),
        actions: raw.actions.len(),
        cases: raw.cases.len(),
    };
    let had_errors = diags.has_errors();
    let (checked, files) = validate::validate(raw, &mut diags);
    let pack = match checked {
        Some((pack, at)) if !had_errors => {
            if depth == Depth::Full {
                reach::check(&pack, &files, &at, &mut diags);
            }
            Some(pack)
        }
        _ => None,
    };
    Loaded {
        pack,
        diagnostics: diags,
        counts,
    }
}

/// Load the pack in a folder. The error is for a folder that cannot be read at all.
pub fn load_dir(dir: &Path, depth: Depth) -> std::io::Result<Loaded> {
    let (files, diags) = read_dir(dir)?;
    Ok(load_files(&dir.display().to_string(), files, depth, diags))
}
