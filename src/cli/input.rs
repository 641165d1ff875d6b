//! Reading the files a user names: answers files and saved sessions, or standard input for
//! `-`. Every failure names the file and says what to do about its own cause.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;

use super::{Context, Failure, Reported};
use crate::diag::{Diagnostics, SourceFile, render_all};
use crate::pack::{MAX_ANSWERS, ReadError};

/// The name standard input goes by in messages.
pub const STDIN: &str = "<stdin>";

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a file the user named goes by in messages: `<stdin>` for `-`, as in diagnostics, else
/// its path, shown clean. A command to type keeps `-`.
pub fn named(path: &Path) -> String {
    if is_stdin(path) {
        STDIN.to_string()
    } else {
        super::output::shown(path)
    }
}

/// The same name as it is, for reports and JSON (which escape what they print themselves).
pub fn raw_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN.to_string()
    } else {
        path.display().to_string()
    }
}

/// Read an answers file, or standard input for `-`. A file that cannot be read is an error
/// naming it, with help for its cause; text that is not UTF-8 is shown at its first bad byte.
pub fn read_answers_text(cx: &Context, path: &Path) -> Result<SourceFile> {
    let lang = cx.lang;
    let (name, read) = if is_stdin(path) {
        if std::io::stdin().is_terminal() {
            return Err(Failure::say(
                lang,
                (
                    "`--answers -` membaca jawaban dari masukan standar, dan itu adalah terminal"
                        .into(),
                    "`--answers -` reads the answers from standard input, and that is a terminal"
                        .into(),
                ),
                Some((
                    "alirkan berkas ke etika: `etika assess --answers - < jawaban.toml`".into(),
                    "pipe a file to etika: `etika assess --answers - < answers.toml`".into(),
                )),
            )
            .into());
        }
        let stdin = std::io::stdin().lock();
        (
            STDIN.to_string(),
            crate::pack::read_stream(stdin, STDIN, MAX_ANSWERS),
        )
    } else {
        let name = path.display().to_string();
        let read = crate::pack::read_text(path, &name, MAX_ANSWERS);
        (name, read)
    };
    let shown_name = crate::diag::clean_inline(&name);
    let say = |id: String, en: String, help: (&str, &str)| -> anyhow::Error {
        Failure::say(lang, (id, en), Some((help.0.into(), help.1.into()))).into()
    };
    match read {
        Ok(file) => Ok(file),
        Err(ReadError::NotUtf8(d)) => {
            let mut all = Diagnostics::new();
            all.push(*d);
            eprint!("{}", render_all(&all, false, lang, cx.style.color));
            let d = all.first_error().expect("an error");
            Err(Reported(format!("{}: {}", d.location(), d.message(lang))).into())
        }
        Err(ReadError::Folder) => Err(say(
            format!("`{shown_name}` adalah folder, bukan berkas jawaban"),
            format!("`{shown_name}` is a folder, not an answers file"),
            (
                "berikan jalur sebuah berkas jawaban di dalamnya",
                "give the path of an answers file in it",
            ),
        )),
        Err(ReadError::Special) => Err(say(
            format!("`{shown_name}` bukan berkas biasa"),
            format!("`{shown_name}` is not a regular file"),
            (
                "berikan jalur sebuah berkas jawaban",
                "give the path of an answers file",
            ),
        )),
        Err(ReadError::TooLarge(limit)) => Err(say(
            format!(
                "`{shown_name}` lebih besar dari {} MiB, terlalu besar untuk berkas jawaban",
                limit / 1024 / 1024
            ),
            format!(
                "`{shown_name}` is larger than {} MiB, too large for an answers file",
                limit / 1024 / 1024
            ),
            (
                "berkas jawaban berisi beberapa baris `id_pertanyaan = nilai` di bawah `[answers]`",
                "an answers file holds a few lines of `question_id = value` under `[answers]`",
            ),
        )),
        Err(ReadError::Io(e)) => {
            let help = match e.kind() {
                std::io::ErrorKind::NotFound => ("periksa jalurnya", "check the path"),
                std::io::ErrorKind::PermissionDenied => (
                    "periksa izin berkas itu: Anda harus dapat membacanya",
                    "check the file's permissions: you must be able to read it",
                ),
                _ => (
                    "periksa berkas itu dan perangkat tempatnya disimpan",
                    "check the file and the device it is on",
                ),
            };
            Err(say(
                format!("berkas jawaban `{shown_name}` tidak dapat dibaca: {e}"),
                format!("cannot read the answers file `{shown_name}`: {e}"),
                help,
            ))
        }
    }
}
