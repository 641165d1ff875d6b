//! The command line: clap definitions, the global options, and dispatch to one file per
//! subcommand. Terminal facts (is stdin a terminal, width, height, colour) are decided here
//! and passed down; the library below never looks at the terminal itself.

mod assess;
mod failure;
mod input;
mod list;
mod output;
mod practice;
mod session;
mod show;
mod test;
mod validate;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

pub use failure::{Cancelled, Failure, Reported, report_error};
pub use output::{print, today};

use crate::diag::render_all;
use crate::pack::{Depth, Loaded, Pack};
use crate::render::Style;
use crate::vocab::Lang;

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
    /// Never page a long report, even on a terminal
    #[arg(long, global = true)]
    pub no_pager: bool,
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
    /// List the principles, obligations, tensions, questions, actions or cases of the pack
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
    pub stdout_tty: bool,
    /// The size of the terminal the prompts are drawn on (standard error), whatever --width
    /// says about reports.
    pub prompt_width: u16,
    pub prompt_height: u16,
    pub global: Global,
}

/// The language `--lang` or the locale asks for.
pub fn choose_lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Id) => Lang::Id,
        Some(LangArg::En) => Lang::En,
        None => {
            let vars: Vec<Option<String>> = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .map(|v| std::env::var(v).ok())
                .collect();
            Lang::from_locale_vars(vars.iter().map(|v| v.as_deref()))
        }
    }
}

impl Context {
    fn new(global: Global) -> Context {
        let lang = choose_lang(global.lang);
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
        let (prompt_width, prompt_height) = terminal_size::terminal_size_of(std::io::stderr())
            .map(|(w, h)| (w.0.clamp(20, 1000), h.0.max(10)))
            .unwrap_or((width, 24));
        Context {
            lang,
            style: Style { lang, width, color },
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty,
            prompt_width,
            prompt_height,
            global,
        }
    }

    /// Load and check the pack; any error is shown in full and stops the command. The
    /// practice cases are read only when `cases` asks for them, and of the embedded pack only
    /// the words of the chosen language.
    pub fn pack(&self, cases: bool) -> Result<Pack> {
        self.pack_in(cases, Some(self.lang))
    }

    /// The pack with its words in both languages, for listings that show both.
    pub fn whole_pack(&self, cases: bool) -> Result<Pack> {
        self.pack_in(cases, None)
    }

    fn pack_in(&self, cases: bool, lang: Option<Lang>) -> Result<Pack> {
        let loaded = match &self.global.rules {
            None => match crate::embedded::pack(cases, lang) {
                Ok(pack) => return Ok(pack),
                Err(loaded) => *loaded,
            },
            Some(_) => self.load(Depth::Load)?,
        };
        match loaded.pack {
            Some(pack) => Ok(pack),
            None => {
                let d = &loaded.diagnostics;
                eprint!("{}", render_all(d, true, self.lang, self.style.color));
                let n = d.errors();
                Err(Reported(match self.lang {
                    Lang::En => format!(
                        "the rule pack has {n} error{}; `etika validate` lists every problem",
                        if n == 1 { "" } else { "s" }
                    ),
                    Lang::Id => format!(
                        "paket aturan memiliki {n} galat; `etika validate` menampilkan semua masalah"
                    ),
                })
                .into())
            }
        }
    }

    /// Load the pack from its files, at the depth asked.
    pub fn load(&self, depth: Depth) -> Result<Loaded> {
        match &self.global.rules {
            None => Ok(crate::pack::load_files(
                "embedded",
                crate::embedded::files(),
                depth,
                Default::default(),
            )),
            Some(dir) => crate::pack::load_dir(dir, depth).map_err(|e| {
                Failure::new(
                    match self.lang {
                        Lang::En => {
                            format!("cannot read the rule pack in `{}`: {e}", dir.display())
                        }
                        Lang::Id => {
                            format!(
                                "paket aturan di `{}` tidak dapat dibaca: {e}",
                                dir.display()
                            )
                        }
                    },
                    Some(
                        self.lang
                            .pick(
                                "periksa folder yang diberikan pada --rules atau ETIKA_RULES",
                                "check the folder given to --rules or ETIKA_RULES",
                            )
                            .into(),
                    ),
                )
                .into()
            }),
        }
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<Exit> {
    output::note_closed_stdout();
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
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "etika", &mut out);
            print(&cx, &String::from_utf8_lossy(&out))?;
            Ok(Exit::Success)
        }
    }
}
