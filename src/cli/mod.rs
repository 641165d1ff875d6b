//! The command line: clap definitions, the global options, and dispatch to one file per
//! subcommand. Terminal facts (is stdin a terminal, width, height, colour) are decided here
//! and passed down; the library below never looks at the terminal itself.

mod assess;
mod config;
mod diff;
mod export;
mod failure;
mod help;
mod input;
mod list;
mod man;
mod output;
mod practice;
mod schema;
mod session;
mod show;
mod signals;
mod test;
mod validate;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};

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
    after_help = "Exit codes: 0 success; 1 invalid rules, answers or input, or a failed test; 2 usage; 130 cancelled; 129 or 143 stopped by a signal."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// Load the rule pack in DIR instead of the embedded default pack; again for an overlay
    /// on it (`--rules base --rules overlay`). An overlay alone extends the embedded pack
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "DIR",
        env = "ETIKA_RULES",
        action = clap::ArgAction::Append
    )]
    pub rules: Vec<PathBuf>,
    /// Language of the questions and reports [default: from the locale]
    #[arg(long, global = true, help_heading = "Global options", value_enum)]
    pub lang: Option<LangArg>,
    /// When to use colour; `auto` follows NO_COLOR, CLICOLOR, CLICOLOR_FORCE and TERM=dumb, and
    /// colours only a terminal
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_enum,
        default_value_t = ColorArg::Auto
    )]
    pub color: ColorArg,
    /// Width of reports in columns [default: COLUMNS, else the terminal's, else 100]
    #[arg(long, global = true, help_heading = "Global options", value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: Option<u16>,
    /// Draw tables and marks in ASCII [default: when the locale is not UTF-8]
    #[arg(long, global = true, help_heading = "Global options")]
    pub ascii: bool,
    /// Never page a long report, even on a terminal
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_pager: bool,
    /// Ask in plain lines, for screen readers and simple terminals: no cursor movement, no
    /// colour; answers are typed (numbers, y/n, back, stop) [default: when TERM=dumb]
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "ETIKA_PLAIN",
        value_parser = clap::builder::FalseyValueParser::new()
    )]
    pub plain: bool,
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
    /// Print the JSON Schema of a rule file, an answers file or the JSON report
    Schema(schema::Args),
    /// Show what a new edition of a pack adds, removes and changes, and how a saved case's
    /// advice changes
    Diff(diff::Args),
    /// Write the embedded pack to a folder, as the start of a new code or (--overlay) of an
    /// overlay on it
    Export(export::Args),
    /// Show each setting (language, width, colour, format, rules, plain mode), its value, and
    /// where it came from: default, config file, environment or flag
    Config,
    /// Print the manual page (roff): `etika man | man -l -`
    Man,
    /// Print a shell completion script; it offers the case and item ids of the loaded pack
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
}

/// What every command needs: the language, the style of output, and the pack.
pub struct Context {
    pub lang: Lang,
    /// How reports on standard output are drawn (their colour is standard output's).
    pub style: Style,
    /// Whether standard error, where diagnostics and prompts go, is coloured.
    pub color_err: bool,
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    /// The size of the terminal the prompts are drawn on (standard error), whatever --width
    /// says about reports.
    pub prompt_width: u16,
    pub prompt_height: u16,
    /// Questions asked in plain lines (`--plain`, `ETIKA_PLAIN`, `TERM=dumb`, the config
    /// file): nothing drawn, no colour anywhere, no pager.
    pub plain: bool,
    pub global: Global,
    /// What the config file says (already applied to `global`; `format` is read by `assess`).
    pub config: config::Config,
}

/// Whether `TERM` names a terminal that cannot move its cursor.
fn dumb_terminal() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
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

/// The one colour decision: `--color always` or `never` as said; `auto` as anstream decides
/// for that stream (NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM=dumb, and whether it is a
/// terminal). Clap's help and errors follow the same choice.
pub fn color_choice(arg: ColorArg) -> anstream::ColorChoice {
    match arg {
        ColorArg::Always => anstream::ColorChoice::Always,
        ColorArg::Never => anstream::ColorChoice::Never,
        ColorArg::Auto => anstream::ColorChoice::Auto,
    }
}

fn colored(stream: &impl anstream::stream::RawStream) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}

/// The width of reports: `--width`, else `COLUMNS`, else the terminal's, else 100.
fn report_width(arg: Option<u16>) -> u16 {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|c| *c > 0)
        .map(|c| c.clamp(20, 1000));
    arg.or(columns).unwrap_or_else(|| {
        terminal_size::terminal_size_of(std::io::stdout())
            .or_else(|| terminal_size::terminal_size_of(std::io::stderr()))
            .map(|(w, _)| w.0.clamp(20, 1000))
            .unwrap_or(100)
    })
}

/// Whether the locale can show more than ASCII: the first of LC_ALL, LC_CTYPE and LANG that
/// is set names UTF-8. With none set, UTF-8 is assumed.
pub fn utf8_locale() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .is_none_or(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

impl Context {
    fn new(mut global: Global, config: config::Config) -> Context {
        let lang = choose_lang(global.lang);
        let stdout_tty = std::io::stdout().is_terminal();
        let plain = global.plain || dumb_terminal();
        if plain {
            // Plain lines are plain: no pager drawing a screen, and, asked for by name, no
            // colour unless that too is asked for by name (under TERM=dumb, `auto` already
            // gives none, CLICOLOR_FORCE aside).
            if global.plain && global.color == ColorArg::Auto {
                global.color = ColorArg::Never;
            }
            global.no_pager = true;
        }
        color_choice(global.color).write_global();
        let color = colored(&std::io::stdout());
        let color_err = colored(&std::io::stderr());
        let width = report_width(global.width);
        let ascii = global.ascii || !utf8_locale();
        let (prompt_width, prompt_height) = terminal_size::terminal_size_of(std::io::stderr())
            .map(|(w, h)| (w.0.clamp(20, 1000), h.0.max(10)))
            .unwrap_or((width, 24));
        Context {
            lang,
            style: Style {
                lang,
                width,
                color,
                ascii,
            },
            color_err,
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty,
            prompt_width,
            prompt_height,
            plain,
            global,
            config,
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
        let loaded = if self.global.rules.is_empty() {
            match crate::embedded::pack(cases, lang) {
                Ok(pack) => return Ok(pack),
                Err(loaded) => *loaded,
            }
        } else {
            self.load(Depth::Load)?
        };
        match loaded.pack {
            Some(pack) => Ok(pack),
            None => {
                let d = &loaded.diagnostics;
                eprint!("{}", render_all(d, true, self.lang, self.color_err));
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

    /// Load the pack from its files, at the depth asked: the embedded pack, or the folders
    /// given with `--rules`, each an overlay on the one before.
    pub fn load(&self, depth: Depth) -> Result<Loaded> {
        load_layers(self.lang, &self.global.rules, depth)
    }

    /// How the loaded pack is named in messages: `the embedded pack`, or its folders.
    pub fn origin(&self) -> String {
        if self.global.rules.is_empty() {
            return self
                .lang
                .pick("paket bawaan", "the embedded pack")
                .to_string();
        }
        self.global
            .rules
            .iter()
            .map(|d| format!("`{}`", output::shown(d)))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// The layers of a pack from folders, base first; an overlay given first stands on the
/// embedded pack when it extends it. No folder: the embedded pack's files.
pub fn load_layers(lang: Lang, dirs: &[PathBuf], depth: Depth) -> Result<Loaded> {
    use crate::pack::Layer;
    let mut layers: Vec<Layer> = Vec::new();
    for dir in dirs {
        let (files, diags) = crate::pack::read_dir(dir).map_err(|e| {
            Failure::say(
                lang,
                (
                    format!(
                        "paket aturan di `{}` tidak dapat dibaca: {e}",
                        dir.display()
                    ),
                    format!("cannot read the rule pack in `{}`: {e}", dir.display()),
                ),
                Some((
                    "periksa folder yang diberikan pada --rules atau ETIKA_RULES".into(),
                    "check the folder given to --rules or ETIKA_RULES".into(),
                )),
            )
        })?;
        layers.push(Layer {
            origin: dir.display().to_string(),
            files,
            diags,
        });
    }
    let embedded = || Layer {
        origin: "embedded".into(),
        files: crate::embedded::files(),
        diags: Default::default(),
    };
    match layers.first() {
        None => layers.push(embedded()),
        Some(first) => {
            let base = embedded();
            if let Some(extends) = crate::pack::extends_of(&first.files)
                && crate::pack::id_of(&base.files).as_deref() == Some(extends.as_str())
            {
                layers.insert(0, base);
            }
        }
    }
    Ok(crate::pack::load_layers(layers, depth))
}

/// Parse the command line, with `--color` (and NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM) and
/// `--lang` (else the locale) applied to clap's own help and errors too: both are looked for
/// before clap parses anything. Help, version and usage errors are printed here and end the
/// process as clap does: 0 for help and version, 2 for a usage error.
pub fn parse() -> (Cli, Lang) {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut color = ColorArg::Auto;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--color") {
            Some("") => it.next().map(|v| v.to_string()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("always") => color = ColorArg::Always,
            Some("never") => color = ColorArg::Never,
            Some("auto") => color = ColorArg::Auto,
            _ => {}
        }
    }
    color_choice(color).write_global();
    let clap_color = match color {
        ColorArg::Always => clap::ColorChoice::Always,
        ColorArg::Never => clap::ColorChoice::Never,
        ColorArg::Auto => clap::ColorChoice::Auto,
    };
    // The language too is read first, so that help and usage errors come out in it.
    let lang = help::lang_of(&args);
    // The command line is read as defined; only help, version or a usage error, which print
    // its words, need the whole command built in the chosen language.
    let parsed = <Cli as clap::CommandFactory>::command()
        .try_get_matches_from(&args)
        .and_then(|m| {
            let _ = SOURCES.set(config::Sources::of(&m));
            Cli::from_arg_matches(&m)
        });
    if let Ok(cli) = parsed {
        let lang = choose_lang(cli.global.lang);
        return (cli, lang);
    }
    let mut cmd = help::command(lang).color(clap_color).styles(help_styles());
    let e = match cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => {
            let lang = choose_lang(cli.global.lang);
            return (cli, lang);
        }
        Err(e) => e.format(&mut cmd),
    };
    let code = match lang {
        Lang::Id => print_clap(&e.apply::<help::Indonesian>()),
        Lang::En => print_clap(&e),
    };
    std::process::exit(code);
}

/// Print clap's help, version or usage error and give the exit code: clap's own (0 for help and
/// version, 2 for a usage error), or 1 when the help could not be written (a full disk, a
/// closed stream); a reader that stops early (`etika --help | head`) is no failure.
fn print_clap<F: clap::error::ErrorFormatter>(e: &clap::error::Error<F>) -> i32 {
    if e.use_stderr() {
        // A usage error quotes what was typed: shown with its control characters and the
        // marks that reorder text escaped, as every other message is; colour as the global
        // choice says.
        use std::io::Write as _;
        let text = e.render().ansi().to_string();
        let _ = write!(anstream::stderr(), "{}", output::terminal_safe(&text, true));
        return e.exit_code();
    }
    match e.print() {
        Ok(()) => e.exit_code(),
        Err(io) if io.kind() == std::io::ErrorKind::BrokenPipe => e.exit_code(),
        Err(_) if e.use_stderr() => e.exit_code(),
        Err(_) => 1,
    }
}

/// Help in colour as cargo draws it.
fn help_styles() -> clap::builder::Styles {
    use anstyle::{AnsiColor, Style};
    let color = |c: AnsiColor| Style::new().fg_color(Some(c.into()));
    clap::builder::Styles::styled()
        .header(color(AnsiColor::Green).bold())
        .usage(color(AnsiColor::Green).bold())
        .literal(color(AnsiColor::Cyan).bold())
        .placeholder(color(AnsiColor::Cyan))
        .error(color(AnsiColor::Red).bold())
        .valid(color(AnsiColor::Cyan).bold())
        .invalid(color(AnsiColor::Yellow).bold())
}

/// The command line for completions, with the loaded pack's case ids offered for `practice`
/// and its item ids for `show` (each with its title, for shells that show one). Without a
/// pack that loads, the ids are left out.
fn completion_command(cx: &Context) -> clap::Command {
    use clap::builder::{PossibleValue, PossibleValuesParser};
    let cmd = <Cli as clap::CommandFactory>::command();
    // Quietly: a pack with errors gives completions without its ids, and no diagnostics.
    let pack = if cx.global.rules.is_empty() {
        crate::embedded::pack(true, Some(cx.lang)).ok()
    } else {
        cx.load(Depth::Load).ok().and_then(|l| l.pack)
    };
    let Some(pack) = pack else {
        return cmd;
    };
    let lang = cx.lang;
    let first_line = |s: &str| s.lines().next().unwrap_or("").to_string();
    let cases: Vec<PossibleValue> = pack
        .cases
        .iter()
        .map(|c| PossibleValue::new(c.id.clone()).help(first_line(c.title.get(lang))))
        .collect();
    let mut ids: Vec<PossibleValue> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (kind, id) in pack.all_ids() {
        if seen.insert(id) {
            ids.push(PossibleValue::new(id.to_string()).help(kind.word(lang)));
        }
    }
    cmd.mut_subcommand("practice", |c| {
        c.mut_arg("case", |a| a.value_parser(PossibleValuesParser::new(cases)))
    })
    .mut_subcommand("show", |c| {
        c.mut_arg("id", |a| a.value_parser(PossibleValuesParser::new(ids)))
    })
}

/// Where each global option's value came from, as the command line was parsed.
static SOURCES: std::sync::OnceLock<config::Sources> = std::sync::OnceLock::new();

/// Run a parsed command line.
pub fn run(cli: Cli) -> Result<Exit> {
    output::note_closed_stdout();
    let sources = SOURCES.get().cloned().unwrap_or_default();
    // The config file's problems are told in the language the command line or locale gives.
    color_choice(cli.global.color).write_global();
    let config = config::load(choose_lang(cli.global.lang), colored(&std::io::stderr()))?;
    let global = config::apply(cli.global, &config, &sources);
    let cx = Context::new(global, config);
    match cli.command {
        Command::Config => config::run(&cx, &sources, &cx.config),
        Command::Assess(args) => assess::run(&cx, args),
        Command::List(args) => list::run(&cx, args),
        Command::Show(args) => show::run(&cx, args),
        Command::Validate(args) => validate::run(&cx, args),
        Command::Practice(args) => practice::run(&cx, args),
        Command::Test(args) => test::run(&cx, args),
        Command::Schema(args) => schema::run(&cx, args),
        Command::Man => man::run(&cx),
        Command::Diff(args) => diff::run(&cx, args),
        Command::Export(args) => export::run(&cx, args),
        Command::Completions { shell } => {
            let mut cmd = completion_command(&cx);
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "etika", &mut out);
            print(&cx, &String::from_utf8_lossy(&out))?;
            Ok(Exit::Success)
        }
    }
}
