//! The command line: clap definitions, the global options, and dispatch to one file per
//! subcommand. Terminal facts (is stdin a terminal, width, colour) are decided here and passed
//! down; the library below never looks at the terminal itself.

mod assess;
mod list;
mod practice;
mod show;
mod test;
mod validate;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};

use crate::pack::{Loaded, Pack, PackSource};
use crate::report::Style;
use crate::text::Lang;

/// Exit codes: part of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    Failure = 1,
    Cancelled = 130,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

/// The user stopped an interactive session (Esc or Ctrl-C).
#[derive(Debug, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// An error already shown to the user in full (diagnostics); only the exit code remains.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Reported(pub String);

#[derive(Debug, Parser)]
#[command(
    name = "etika",
    version,
    about = "Ethical decision support for social work (Kode Etik Pekerja Sosial Indonesia)",
    long_about = "Ethical decision support for social work. etika carries a code of ethics as data, \
asks about a dilemma, and answers with the duties that apply, why, where they come from, how \
conflicts between them are settled, and what to do next. It advises and never decides: take \
its report to your supervisor.",
    after_help = "Exit codes: 0 success; 1 invalid rules, answers or input, or a failed test; 2 usage; 130 cancelled."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Load the rule pack in DIR instead of the embedded default pack
    #[arg(long, global = true, value_name = "DIR", env = "ETIKA_RULES")]
    pub rules: Option<PathBuf>,
    /// Language of the questions and reports [default: from the locale]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// When to use colour (NO_COLOR also turns it off)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Width of reports in columns [default: the terminal's, or 100]
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk through a dilemma and get the duties, tensions and a course of action
    Assess(assess::Args),
    /// Practise a case and get graded feedback, or grade answer files
    Practice(practice::Args),
    /// List the principles, obligations, questions, actions or cases of the pack
    List(list::Args),
    /// Show one principle, question, obligation, tension, action or case in words
    Show(show::Args),
    /// Check the rule pack and print every problem found
    Validate(validate::Args),
    /// Run the pack's practice cases as tests of the pack
    Test(test::Args),
    /// Print a shell completion script
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

/// What every command needs: the language, the style of output, and the pack.
pub struct Context {
    pub lang: Lang,
    pub style: Style,
    pub stdin_tty: bool,
    /// The width of the terminal the prompts are drawn on (standard error), whatever --width
    /// says about reports.
    pub prompt_width: u16,
    pub global: Global,
}

impl Context {
    fn new(global: Global) -> Context {
        let lang = match global.lang {
            Some(LangArg::Id) => Lang::Id,
            Some(LangArg::En) => Lang::En,
            None => {
                let vars: Vec<Option<String>> = ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .map(|v| std::env::var(v).ok())
                    .collect();
                Lang::from_locale_vars(vars.iter().map(|v| v.as_deref()))
            }
        };
        let stdout_tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match global.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                stdout_tty && !no_color && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
        let width = global.width.unwrap_or_else(|| {
            terminal_size::terminal_size_of(std::io::stdout())
                .or_else(|| terminal_size::terminal_size_of(std::io::stderr()))
                .map(|(w, _)| w.0.clamp(20, 1000))
                .unwrap_or(100)
        });
        let prompt_width = terminal_size::terminal_size_of(std::io::stderr())
            .map(|(w, _)| w.0.clamp(20, 1000))
            .unwrap_or(width);
        Context {
            lang,
            style: Style { lang, width, color },
            stdin_tty: std::io::stdin().is_terminal(),
            prompt_width,
            global,
        }
    }

    pub fn source(&self) -> PackSource {
        match &self.global.rules {
            Some(dir) => PackSource::Dir(dir.clone()),
            None => PackSource::Embedded,
        }
    }

    /// Load and validate the pack; any error is shown in full and stops the command.
    pub fn pack(&self) -> Result<Pack> {
        let loaded = self.load()?;
        if loaded.has_errors() {
            eprint!("{}", loaded.render(true));
            let n = loaded.errors().count();
            bail!(Reported(format!(
                "the rule pack has {n} error{}; `etika validate` lists every problem",
                if n == 1 { "" } else { "s" }
            )));
        }
        Ok(loaded.pack)
    }

    pub fn load(&self) -> Result<Loaded> {
        let source = self.source();
        source.load().with_context(|| match &source {
            PackSource::Dir(dir) => format!(
                "cannot read the rule pack in `{}`; check the path given to --rules or ETIKA_RULES",
                dir.display()
            ),
            PackSource::Embedded => "cannot read the embedded pack".to_string(),
        })
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<Exit> {
    let cx = Context::new(cli.global);
    match cli.command {
        Command::Assess(args) => assess::run(&cx, args),
        Command::List(args) => list::run(&cx, args),
        Command::Show(args) => show::run(&cx, args),
        Command::Validate(args) => validate::run(&cx, args),
        Command::Practice(args) => practice::run(&cx, args),
        Command::Test(args) => test::run(&cx, args),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "etika", &mut std::io::stdout());
            Ok(Exit::Success)
        }
    }
}

/// Show an error and give its exit code.
pub fn report_error(err: &anyhow::Error) -> ExitCode {
    if err.downcast_ref::<Cancelled>().is_some() {
        eprintln!("etika: cancelled");
        return Exit::Cancelled.into();
    }
    // A closed pipe (`etika list obligations | head -1`) is not an error worth a word.
    if let Some(io) = err.downcast_ref::<std::io::Error>()
        && io.kind() == std::io::ErrorKind::BrokenPipe
    {
        return Exit::Success.into();
    }
    let mut msg = format!("error: {err}");
    for cause in err.chain().skip(1) {
        msg.push_str(&format!("\n  caused by: {cause}"));
    }
    eprintln!("{msg}");
    Exit::Failure.into()
}

/// Write to stdout, treating a closed pipe as the end of output.
pub fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
