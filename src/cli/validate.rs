//! `etika validate`: check the pack and print every problem at once.

use anyhow::Result;

use super::{Context, Exit};
use crate::diag::render_all;
use crate::pack::Depth;
use crate::vocab::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Fail on warnings too (unreachable questions or obligations, missing translations,
    /// unused actions)
    #[arg(long)]
    pub strict: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let loaded = cx.load(Depth::Full)?;
    let lang = cx.lang;
    let d = &loaded.diagnostics;
    let (errors, warnings) = (d.errors(), d.warnings());
    if !d.is_empty() {
        eprintln!("{}", render_all(d, false, lang, cx.style.color));
    }
    let c = loaded.counts;
    let what = match lang {
        Lang::En => format!(
            "{} principles, {} questions, {} obligations, {} tensions, {} actions, {} cases",
            c.principles, c.questions, c.obligations, c.tensions, c.actions, c.cases
        ),
        Lang::Id => format!(
            "{} prinsip, {} pertanyaan, {} kewajiban, {} ketegangan, {} langkah, {} kasus",
            c.principles, c.questions, c.obligations, c.tensions, c.actions, c.cases
        ),
    };
    let failed = errors > 0 || (args.strict && warnings > 0);
    let origin = match (cx.global.rules.as_ref(), lang) {
        (None, Lang::En) => "the embedded pack".to_string(),
        (None, Lang::Id) => "paket bawaan".to_string(),
        (Some(dir), _) => format!("`{}`", super::output::shown(dir)),
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if failed {
        eprintln!(
            "{}",
            match lang {
                Lang::En => format!(
                    "{origin}: {errors} error{}, {warnings} warning{}{}",
                    plural(errors),
                    plural(warnings),
                    if errors == 0 {
                        " (--strict fails on warnings)"
                    } else {
                        ""
                    }
                ),
                Lang::Id => format!(
                    "{origin}: {errors} galat, {warnings} peringatan{}",
                    if errors == 0 {
                        " (--strict gagal bila ada peringatan)"
                    } else {
                        ""
                    }
                ),
            }
        );
        Ok(Exit::Failure)
    } else {
        let tail = match (warnings, lang) {
            (0, _) => String::new(),
            (n, Lang::En) => format!("; {n} warning{}", plural(n)),
            (n, Lang::Id) => format!("; {n} peringatan"),
        };
        super::print(
            cx,
            &match lang {
                Lang::En => format!("{origin} is valid: {what}{tail}\n"),
                Lang::Id => format!("{origin} valid: {what}{tail}\n"),
            },
        )?;
        Ok(Exit::Success)
    }
}
