//! `etika man`: the manual page, generated from the command line's own definition
//! (clap_mangen), so it lists every command and option as they are. `man/etika.1` in the
//! repository is this output; a test keeps it so.

use anyhow::Result;
use clap::CommandFactory;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use super::{Cli, Context, Exit};

/// Render roff into a string.
fn render(f: impl Fn(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    f(&mut out).expect("writing to memory");
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page, in roff.
pub fn page() -> String {
    let cmd = Cli::command();
    // Fixed date and version line, so the page is the same wherever it is built.
    let man = Man::new(cmd.clone())
        .date("")
        .source(format!("etika {}", env!("CARGO_PKG_VERSION")))
        .manual("etika manual");
    let mut page = String::new();
    page.push_str(&render(|w| man.render_title(w)));
    page.push_str(&render(|w| man.render_name_section(w)));
    page.push_str(&render(|w| man.render_synopsis_section(w)));
    page.push_str(&render(|w| man.render_description_section(w)));
    page.push_str(&render(|w| man.render_options_section(w)));
    // Each command with its own options (the global ones are above).
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    page.push_str(&roff.to_roff());
    for sub in cmd.get_subcommands() {
        let name = format!("etika {}", sub.get_name());
        let mut roff = Roff::new();
        roff.control("SS", [name.as_str()]);
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            roff.text([roman(about.to_string())]);
        }
        page.push_str(&roff.to_roff());
        let options = render(|w| Man::new(sub.clone()).render_options_section(w));
        // Its options under the command's own heading rather than a second OPTIONS.
        page.push_str(&options.replacen(".SH OPTIONS\n", "", 1));
    }
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        ("0", "success"),
        (
            "1",
            "invalid rules, answers or input; an unreadable file; a failed etika test; a grading run with a file that could not be graded; validate --strict with warnings",
        ),
        ("2", "usage error (unknown option, bad value)"),
        (
            "130",
            "cancelled by the user (Esc or Ctrl-C), or stopped by SIGINT",
        ),
        (
            "129, 143",
            "an interview stopped by SIGHUP or SIGTERM; the terminal is restored and saved answers kept",
        ),
    ] {
        roff.control("TP", [])
            .text([bold(code)])
            .text([roman(meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (var, meaning) in [
        (
            "ETIKA_RULES",
            "the rule pack folder, as --rules (one folder)",
        ),
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "the language when --lang is not given: id* gives Indonesian, anything else English",
        ),
        (
            "LC_ALL, LC_CTYPE, LANG",
            "a locale that is not UTF-8 draws tables and marks in ASCII, as --ascii",
        ),
        (
            "NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM",
            "colour under --color auto: NO_COLOR turns it off, CLICOLOR_FORCE on even on a pipe, CLICOLOR=0 or TERM=dumb off on a terminal",
        ),
        ("COLUMNS", "the width of reports when --width is not given"),
        (
            "ETIKA_PAGER, PAGER",
            "the pager for a long report on a terminal (default less -FRX; empty: none)",
        ),
        (
            "SOURCE_DATE_EPOCH",
            "the date printed on reports, in seconds since 1970, for reproducible output",
        ),
    ] {
        roff.control("TP", [])
            .text([bold(var)])
            .text([roman(meaning)]);
    }
    roff.control("SH", ["FILES"]);
    roff.control("TP", [])
        .text([italic("DIR"), roman("/pack.toml")])
        .text([roman(
            "a rule pack folder: pack.toml, principles.toml, questions.toml, actions.toml, services.toml, tensions.toml, obligations/*.toml, cases/*.toml; an overlay adds amendments.toml",
        )]);
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "The README and docs/rule-packs.md in the source; etika schema KIND for the JSON Schemas of the files.",
    )]);
    page.push_str(&roff.to_roff());
    page.push_str(&render(|w| man.render_version_section(w)));
    page
}

pub fn run(cx: &Context) -> Result<Exit> {
    super::print(cx, &page())?;
    Ok(Exit::Success)
}
