//! `etika validate`: check the pack and print every problem at once.

use anyhow::Result;

use super::{Context, Exit};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fail on warnings too (unreachable questions or obligations, missing translations,
    /// unused actions)
    #[arg(long)]
    pub strict: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let loaded = cx.load()?;
    let errors = loaded.errors().count();
    let warnings = loaded.diagnostics.len() - errors;
    if !loaded.diagnostics.is_empty() {
        eprintln!("{}", loaded.render(false));
    }
    let p = &loaded.pack;
    let what = format!(
        "{} principles, {} questions, {} obligations, {} tensions, {} actions, {} cases",
        p.principles.len(),
        p.questions.len(),
        p.obligations.len(),
        p.tensions.len(),
        p.actions.len(),
        p.cases.len()
    );
    let failed = errors > 0 || (args.strict && warnings > 0);
    let origin = if p.origin == "embedded" {
        "the embedded pack".to_string()
    } else {
        format!("`{}`", p.origin)
    };
    if failed {
        eprintln!(
            "{origin}: {errors} error{}, {warnings} warning{}{}",
            plural(errors),
            plural(warnings),
            if errors == 0 {
                " (--strict fails on warnings)"
            } else {
                ""
            }
        );
        Ok(Exit::Failure)
    } else {
        super::print(&format!(
            "{origin} is valid: {what}{}\n",
            if warnings > 0 {
                format!("; {warnings} warning{}", plural(warnings))
            } else {
                String::new()
            }
        ))?;
        Ok(Exit::Success)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
