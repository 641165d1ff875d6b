//! A session saved as it goes (`--save`, `--resume`): the file is checked and written before
//! the first question, so a path that cannot be written is known before any answer is
//! given; an existing session is not replaced by accident; and stopping says "saved" only
//! when something was. A file changed by anyone else since etika last wrote it (another
//! session resumed from it, an edit) is never overwritten: the answers go on in a new file
//! beside it, and etika says so.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

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
    /// The file named on the command line.
    named: &'a Path,
    /// Where the answers go now: the named file, or the one beside it they moved to when
    /// someone else changed the named file.
    now: RefCell<PathBuf>,
    /// What etika last wrote there, to tell another writer's change from its own.
    last: RefCell<String>,
    lang: Lang,
    /// The text etika put there to begin with, when it made the file: removed again if
    /// the session stops before any answer.
    made: Option<String>,
    /// Whether answers are in the file.
    holds_answers: Cell<bool>,
    /// The command that continues a session from this file (`etika assess --resume`), if any.
    resume_with: Option<&'static str>,
}

impl<'a> SaveTo<'a> {
    /// Check `path` and write `first` to it, before the first question.
    pub fn prepare(
        cx: &Context,
        path: &'a Path,
        first: &str,
        start: Start,
        has_answers: bool,
        resume_with: Option<&'static str>,
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
            named: path,
            now: RefCell::new(path.to_path_buf()),
            last: RefCell::new(first.to_string()),
            lang,
            made: (was == Target::New).then(|| first.to_string()),
            holds_answers: Cell::new(has_answers),
            resume_with,
        })
        .inspect(SaveTo::on_signal)
    }

    /// Where the answers are saved now.
    pub fn path(&self) -> PathBuf {
        self.now.borrow().clone()
    }

    /// Save `text`, which holds answers when `answers` is true; an error names the file. When
    /// the file no longer holds what etika last wrote to it, someone else has written it: it is
    /// left as it is, and the answers go on in a new file beside it (said once, on stderr).
    pub fn save(&self, text: &str, answers: bool) -> std::io::Result<()> {
        let lang = self.lang;
        let mut path = self.path();
        if self.changed_by_another(&path) {
            let moved = beside(&path)?;
            let (from, to) = (shown(&path), shown(&moved));
            eprintln!(
                "{}",
                crate::words::fill(
                    lang.pick(
                        &format!(
                            "⚑ `{from}` diubah oleh pihak lain (sesi lain atau suntingan) sejak etika terakhir menyimpannya; berkas itu dibiarkan apa adanya, dan jawaban sesi ini kini disimpan di `{to}`."
                        ),
                        &format!(
                            "⚑ `{from}` was changed by someone else (another session or an edit) since etika last saved it; it is left as it is, and this session's answers are saved in `{to}` from now on."
                        ),
                    ),
                    100,
                    "",
                    "  "
                )
            );
            path = moved;
            *self.now.borrow_mut() = path.clone();
        }
        write_file(&path, text).map_err(|e| {
            let ((id, en), _) = write_failure(&path, ("jawaban", "the answers"), &e);
            std::io::Error::other(lang.pick(&id, &en).to_string())
        })?;
        *self.last.borrow_mut() = text.to_string();
        self.holds_answers.set(self.holds_answers.get() || answers);
        self.on_signal();
        Ok(())
    }

    /// What a signal that stops etika now says, and does, as `stopped` would.
    fn on_signal(&self) {
        let (note, named, made) = (self.note(), self.named.to_path_buf(), self.made.clone());
        super::signals::on_stop(move || match &note {
            Some(note) => eprintln!("{note}"),
            None => remove_if_untouched(&named, made.as_deref()),
        });
    }

    /// Where the answers are and how to continue, when some were saved.
    fn note(&self) -> Option<String> {
        if !self.holds_answers.get() {
            return None;
        }
        let p = shown(&self.path());
        // Wrapped to the terminal, so that no word is cut at its edge; the command to copy
        // stands on a line of its own.
        let fit = |text: &str| match terminal_size::terminal_size_of(std::io::stderr()) {
            Some((w, _)) => crate::words::fill(text, usize::from(w.0), "", ""),
            None => text.to_string(),
        };
        Some(match self.resume_with {
            Some(command) => format!(
                "{}
  {command} {p}",
                fit(self.lang.pick(
                    "Jawaban Anda tersimpan. Lanjutkan dengan:",
                    "Your answers are saved. Continue with:"
                )),
            ),
            None => fit(&format!(
                "{} {p}",
                self.lang
                    .pick("Jawaban Anda tersimpan di", "Your answers are saved in"),
            )),
        })
    }

    /// Whether the regular file at `path` holds something other than what etika last wrote
    /// there. A file removed, or a device, is nobody's answers to lose.
    fn changed_by_another(&self, path: &Path) -> bool {
        if !matches!(target(path), Ok(Target::File)) {
            return false;
        }
        match std::fs::read(path) {
            Ok(now) => now != self.last.borrow().as_bytes(),
            Err(_) => false,
        }
    }

    /// The session stopped: say where the answers are (and how to continue) when answers were
    /// saved; a file etika made and no answer reached
    /// is removed, so it neither lingers nor blocks the next `--save`.
    pub fn stopped(&self) {
        match self.note() {
            Some(note) => eprintln!("{note}"),
            None => remove_if_untouched(self.named, self.made.as_deref()),
        }
    }
}

/// Refuse to continue a session from a file another user owns (one left readable in a shared
/// folder, say): saving rewrites the file through a new one, which would make it this user's
/// and take it from its owner. Checked before anything is read or asked; its owner is never
/// changed. A file that is not there, or not a regular file, is left to the checks that
/// follow.
#[cfg(unix)]
pub fn refuse_anothers(lang: Lang, path: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(());
    };
    let owner = meta.uid();
    if !meta.is_file() || owner == rustix::process::geteuid().as_raw() {
        return Ok(());
    }
    let p = shown(path);
    Err(Failure::say(
        lang,
        (
            format!(
                "`{p}` milik pengguna lain (uid {owner}); melanjutkan sesinya akan mengambil alih berkas itu"
            ),
            format!(
                "`{p}` belongs to someone else (uid {owner}); resuming from it would take it over"
            ),
        ),
        Some((
            format!(
                "salin dulu ke berkas Anda sendiri, lalu lanjutkan dari salinannya: `cp {p} sesi-saya.toml` dan `--resume sesi-saya.toml`"
            ),
            format!(
                "copy it to a file of your own first, and resume from the copy: `cp {p} my-session.toml` and `--resume my-session.toml`"
            ),
        )),
    )
    .into())
}

/// Every file is the user's own where there are no owners to tell apart.
#[cfg(not(unix))]
pub fn refuse_anothers(_lang: Lang, _path: &Path) -> Result<()> {
    Ok(())
}

/// Remove the file etika made at `path` with `made` in it, if it still holds just that.
fn remove_if_untouched(path: &Path, made: Option<&str>) {
    if let Some(first) = made
        && std::fs::read_to_string(path).is_ok_and(|t| t == first)
    {
        let _ = std::fs::remove_file(path);
    }
}

/// A new file beside `path` for answers that may not go there: `NAME-2.toml`, `NAME-3.toml`
/// and so on, the first that is not there, created empty and the caller's alone.
fn beside(path: &Path) -> std::io::Result<PathBuf> {
    let stem = path
        .file_stem()
        .map_or_else(|| "answers".into(), |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map_or_else(|| "toml".into(), |s| s.to_string_lossy().into_owned());
    for n in 2..10_000 {
        let candidate = path.with_file_name(format!("{stem}-{n}.{ext}"));
        let mut open = std::fs::OpenOptions::new();
        open.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            open.mode(0o600);
        }
        match open.open(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "no free name beside `{}`",
        shown(path)
    )))
}
