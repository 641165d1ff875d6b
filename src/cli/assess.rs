//! `etika assess`: the questionnaire (or an answers file), the engine, and the report.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use super::{Cancelled, Context, Exit, Reported};
use crate::answers::{self, Answers, AnswersFile};
use crate::engine;
use crate::interview::{self, Stop};
use crate::pack::Pack;
use crate::report::{self, Format};
use crate::terminal::Terminal;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read the answers from FILE and ask nothing
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub answers: Option<PathBuf>,
    /// Save the answers to FILE after every question (mode 0600), to resume later
    #[arg(long, value_name = "FILE", conflicts_with = "answers")]
    pub save: Option<PathBuf>,
    /// Continue a session saved with --save; it keeps saving to the same file
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// Report format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE (mode 0600) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Read and check an answers file; problems are shown in full.
pub fn read_answers(pack: &Pack, path: &Path) -> Result<AnswersFile> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "cannot read the answers file `{}`; check the path",
            path.display()
        )
    })?;
    let name = path.display().to_string();
    match answers::parse(pack, &name, &text) {
        Ok(file) => {
            for w in &file.warnings {
                eprint!("{}", w.render(&text));
            }
            Ok(file)
        }
        Err(diags) => {
            for d in &diags {
                eprint!("{}", d.render(&text));
            }
            let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
            let first = errors
                .first()
                .map(|d| format!("{}: {}", d.location(), d.message))
                .unwrap_or_default();
            bail!(Reported(match errors.len() {
                1 => format!("{first}; fix it and run again"),
                n => format!(
                    "{first}; and {} more problems: fix them and run again",
                    n - 1
                ),
            }))
        }
    }
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack()?;
    let lang = cx.lang;
    let given: Answers = if let Some(path) = &args.answers {
        let file = read_answers(&pack, path)?;
        if let Some(stamp) = &file.stamp {
            let meta = pack.meta();
            if stamp.id != meta.id || stamp.edition != meta.edition {
                eprintln!(
                    "warning: `{}` was saved with the pack `{}` edition {}; this is `{}` edition {}\n  \
                     = help: every answer was checked against this pack, but re-read the report with that in mind",
                    path.display(),
                    stamp.id,
                    stamp.edition,
                    meta.id,
                    meta.edition
                );
            }
        }
        file.answers
    } else {
        // A saved session is checked first: a wrong file is worth knowing about anywhere.
        let mut start = Answers::new();
        let mut save_to = args.save.clone();
        if let Some(path) = &args.resume {
            let file = read_answers(&pack, path)?;
            check_stamp(&pack, path, &file)?;
            start = file.answers;
            save_to = save_to.or_else(|| Some(path.clone()));
        }
        if !cx.stdin_tty {
            bail!(
                "`etika assess` asks its questions in a terminal, and there is none here\n  \
                 help: give the answers in a file with `--answers FILE` (the README shows the format)"
            );
        }
        ask(cx, &pack, start, save_to.as_deref())?
    };
    let decision = engine::decide(&pack, &given);
    let mut style = cx.style;
    if args.out.is_some() {
        style.color = false;
    }
    let text = report::render(args.format, &pack, &decision, &style);
    match &args.out {
        Some(path) => {
            answers::write_atomic(path, &text)
                .with_context(|| format!("cannot write the report to `{}`", path.display()))?;
            eprintln!(
                "{} {}",
                lang.pick("Laporan ditulis ke", "Report written to"),
                path.display()
            );
        }
        None => super::print(&text)?,
    }
    Ok(Exit::Success)
}

fn check_stamp(pack: &Pack, path: &Path, file: &AnswersFile) -> Result<()> {
    let meta = pack.meta();
    match &file.stamp {
        Some(s) if s.id == meta.id && s.edition == meta.edition => Ok(()),
        Some(s) => bail!(
            "`{}` was saved with the pack `{}` edition {}, but this is `{}` edition {}\n  \
             help: resume with the same pack (--rules), or start again; the answers may not mean the same here",
            path.display(),
            s.id,
            s.edition,
            meta.id,
            meta.edition
        ),
        None => bail!(
            "`{}` does not say which pack it was saved with, so it cannot be resumed\n  \
             help: use it with `--answers` instead, which checks every answer",
            path.display()
        ),
    }
}

fn ask(cx: &Context, pack: &Pack, start: Answers, save_to: Option<&Path>) -> Result<Answers> {
    let lang = cx.lang;
    eprintln!(
        "{}",
        textwrap::fill(
            lang.pick(
                "etika bertanya tentang situasi, bukan tentang orangnya: jangan mengetik nama. Esc atau Ctrl-C untuk berhenti.",
                "etika asks about the situation, not the person: do not type names. Esc or Ctrl-C stops."
            ),
            cx.prompt_width as usize
        )
    );
    if let Some(path) = save_to {
        eprintln!(
            "{} {}",
            lang.pick("Jawaban disimpan di", "Answers are saved to"),
            path.display()
        );
    }
    let mut saved = |a: &Answers| match save_to {
        Some(path) => answers::write_atomic(path, &answers::to_toml(pack, a)),
        None => Ok(()),
    };
    let mut terminal = Terminal::new(cx.style.color, cx.prompt_width);
    match interview::interview(pack, &mut terminal, start, lang, &mut saved) {
        Ok(a) => Ok(a),
        Err(Stop::Cancelled) => {
            if let Some(path) = save_to {
                eprintln!(
                    "{} `etika assess --resume {}`",
                    lang.pick(
                        "Jawaban Anda tersimpan. Lanjutkan dengan",
                        "Your answers are saved. Continue with"
                    ),
                    path.display()
                );
            }
            Err(Cancelled.into())
        }
        Err(Stop::Failed(msg)) => bail!(msg),
    }
}
