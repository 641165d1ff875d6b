//! How a command ends badly: the error types commands return, and the one place that shows
//! them and picks the exit code.

use std::process::ExitCode;

use super::Exit;
use crate::diag::{clean_inline, clip_quoted};
use crate::vocab::Lang;

/// The user stopped an interactive session (Esc on the first question, or Ctrl-C).
#[derive(Debug, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// An error already shown to the user in full (diagnostics); the line that sums it up.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Reported(pub String);

/// An error in the user's language, with a help line that says what to do.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    pub message: String,
    pub help: Option<String>,
}

impl Failure {
    pub fn new(message: impl Into<String>, help: Option<String>) -> Failure {
        Failure {
            message: message.into(),
            help,
        }
    }

    /// A message and help, each given in both languages.
    pub fn say(lang: Lang, message: (String, String), help: Option<(String, String)>) -> Failure {
        let pick = |(id, en): (String, String)| if lang == Lang::Id { id } else { en };
        Failure {
            message: pick(message),
            help: help.map(pick),
        }
    }
}

/// Show an error in the user's language and give its exit code.
pub fn report_error(err: &anyhow::Error, lang: Lang) -> ExitCode {
    if err.downcast_ref::<Cancelled>().is_some() {
        eprintln!("etika: {}", lang.pick("dibatalkan", "cancelled"));
        return Exit::Cancelled.into();
    }
    // A closed pipe (`etika list obligations | head -1`) is not an error worth a word.
    if let Some(io) = err.downcast_ref::<std::io::Error>()
        && io.kind() == std::io::ErrorKind::BrokenPipe
    {
        return Exit::Success.into();
    }
    if let Some(e) = err.downcast_ref::<super::output::StdoutError>() {
        use super::output::StdoutError;
        let message = match (e, lang) {
            (StdoutError::Closed, Lang::Id) => "keluaran standar tertutup".to_string(),
            (StdoutError::Closed, Lang::En) => "standard output is closed".to_string(),
            (StdoutError::Io(e), Lang::Id) => format!("keluaran standar tidak dapat ditulisi: {e}"),
            (StdoutError::Io(e), Lang::En) => format!("cannot write to standard output: {e}"),
        };
        eprintln!(
            "{}: {message}\n  = {}: {}",
            lang.pick("galat", "error"),
            lang.pick("bantuan", "help"),
            lang.pick(
                "arahkan keluaran ke berkas dengan `> BERKAS` (atau `--out BERKAS` untuk laporan)",
                "send the output to a file with `> FILE` (or `--out FILE` for a report)"
            )
        );
        return Exit::Failure.into();
    }
    let word = lang.pick("galat", "error");
    // Control characters escaped, so no file or argument can drive the terminal; long quotes
    // cut, so an id a megabyte long is not printed whole.
    let shown = |s: &str| clip_quoted(&clean_inline(s));
    let mut msg = format!("{word}: {}", shown(&err.to_string()));
    if let Some(f) = err.downcast_ref::<Failure>()
        && let Some(help) = &f.help
    {
        msg.push_str(&format!(
            "\n  = {}: {}",
            lang.pick("bantuan", "help"),
            shown(help)
        ));
    }
    for cause in err.chain().skip(1) {
        msg.push_str(&format!(
            "\n  {}: {}",
            lang.pick("sebab", "caused by"),
            shown(&cause.to_string())
        ));
    }
    eprintln!("{msg}");
    Exit::Failure.into()
}
