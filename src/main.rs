//! The `etika` binary: parse the command line, run, and turn the outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = etika::cli::Cli::parse();
    let lang = etika::cli::choose_lang(cli.global.lang);
    match etika::cli::run(cli) {
        Ok(code) => code.into(),
        Err(err) => etika::cli::report_error(&err, lang),
    }
}
