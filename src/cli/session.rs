//! A session saved as it goes (`--save`, `--resume`): the file is checked and written before
//! the first question, so a path that cannot be written is known before any answer is
//! given; an existing session is not replaced by accident; and stopping says "saved" only
//! when something was.

use std::cell::Cell;
use std::path::Path;

use anyhow::Result;

use super::output::{Target, WriteError, shown, target, write_failure, write_file};
use super::{Context, Failure};
use crate::vocab::Lang;

/// How a session file is started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A new session (`--save`): a file that already holds one is not replaced unless
    /// `force`; `resume` says whether `--resume` exists to continue it instead.
    New { force: bool, resume: bool },
    /// A session continued (`--resume`): the file is rewritten with its own answers.
    Resumed,
}

/// The file a session is saved to.
pub struct SaveTo<'a> {
    pub path: &'a Path,
    lang: Lang,
    /// The text etika put there to begin with, when it made the file: removed again if
    /// the session stops before any answer.
    made: Option<String>,
    /// Whether answers are in the file.
    holds_answers: Cell<bool>,
}

impl<'a> SaveTo<'a> {
    /// Check `path` and write `first` to it, before the first question.
    pub fn prepare(
        cx: &Context,
        path: &'a Path,
        first: &str,
        start: Start,
        has_answers: bool,
    ) -> Result<SaveTo<'a>> {
        let lang = cx.lang;
        let p = shown(path);
        let refuse = |e: WriteError| -> anyhow::Error {
            let (message, help) = write_failure(path, ("jawaban", "the answers"), &e);
            let help = match (&e, start) {
                (WriteError::Link(Some(to)), Start::Resumed) => {
                    let to = shown(to);
                    Some((
                        format!("lanjutkan dari berkas tujuannya sendiri: `--resume {to}`"),
                        format!("resume from the file it leads to: `--resume {to}`"),
                    ))
                }
                _ => help,
            };
            Failure::say(lang, message, help).into()
        };
        let was = target(path).map_err(refuse)?;
        if let Start::New { force, resume } = start {
            // An empty file is no session; one with something in it may be, and is not
            // replaced by accident.
            let holds = was == Target::File && std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
            if holds && !force {
                let help = if resume {
                    (
                        format!(
                            "lanjutkan sesi itu dengan `--resume {p}`, atau timpa dengan `--force`"
                        ),
                        format!(
                            "continue that session with `--resume {p}`, or replace it with `--force`"
                        ),
                    )
                } else {
                    (
                        "pilih berkas lain, atau timpa dengan `--force`".into(),
                        "choose another file, or replace it with `--force`".into(),
                    )
                };
                return Err(Failure::say(
                    lang,
                    (
                        format!("`{p}` sudah ada"),
                        format!("`{p}` is already there"),
                    ),
                    Some(help),
                )
                .into());
            }
        }
        write_file(path, first).map_err(refuse)?;
        Ok(SaveTo {
            path,
            lang,
            made: (was == Target::New).then(|| first.to_string()),
            holds_answers: Cell::new(has_answers),
        })
    }

    /// Save `text`, which holds answers when `answers` is true; an error names the file.
    pub fn save(&self, text: &str, answers: bool) -> std::io::Result<()> {
        write_file(self.path, text).map_err(|e| {
            let ((id, en), _) = write_failure(self.path, ("jawaban", "the answers"), &e);
            std::io::Error::other(self.lang.pick(&id, &en).to_string())
        })?;
        self.holds_answers.set(self.holds_answers.get() || answers);
        Ok(())
    }

    /// The session stopped: say where the answers are (and how to continue, given the
    /// command that resumes) when answers were saved; a file etika made and no answer reached
    /// is removed, so it neither lingers nor blocks the next `--save`.
    pub fn stopped(&self, resume_with: Option<&str>) {
        let p = shown(self.path);
        if self.holds_answers.get() {
            match resume_with {
                Some(command) => eprintln!(
                    "{} `{command} {p}`",
                    self.lang.pick(
                        "Jawaban Anda tersimpan. Lanjutkan dengan",
                        "Your answers are saved. Continue with"
                    ),
                ),
                None => eprintln!(
                    "{} {p}",
                    self.lang
                        .pick("Jawaban Anda tersimpan di", "Your answers are saved in"),
                ),
            }
        } else if let Some(first) = &self.made
            && std::fs::read_to_string(self.path).is_ok_and(|t| &t == first)
        {
            let _ = std::fs::remove_file(self.path);
        }
    }
}
