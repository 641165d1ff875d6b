//! The `etika` binary: parse the command line, run, and turn the outcome into an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = etika::parse();
    let lang = etika::choose_lang(cli.global.lang);
    match etika::run(cli) {
        Ok(code) => code.into(),
        Err(err) => etika::report_error(&err, lang),
    }
}
