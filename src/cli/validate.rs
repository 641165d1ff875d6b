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
    /// Output format: the problems as text on standard error, or as JSON on standard output
    /// (for editors and CI)
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let loaded = cx.load(Depth::Full)?;
    let lang = cx.lang;
    let d = &loaded.diagnostics;
    let (errors, warnings) = (d.errors(), d.warnings());
    if args.format == ValidateFormat::Json {
        let failed = errors > 0 || (args.strict && warnings > 0);
        let layers: Vec<serde_json::Value> = loaded
            .pack
            .iter()
            .flat_map(|p| &p.meta.layers)
            .map(|l| serde_json::json!({"id": l.id, "edition": l.edition}))
            .collect();
        let mut diagnostics: Vec<serde_json::Value> = d.iter().map(|x| x.to_json(lang)).collect();
        for (file, code, error, n) in d.unshown() {
            diagnostics.push(serde_json::json!({
                "severity": if error { "error" } else { "warning" },
                "code": code,
                "file": file,
                "more": n,
            }));
        }
        let value = serde_json::json!({
            "rules": cx.global.rules.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "layers": layers,
            "valid": !failed,
            "strict": args.strict,
            "errors": errors,
            "warnings": warnings,
            "counts": loaded.counts,
            "diagnostics": diagnostics,
        });
        super::print(cx, &crate::render::to_json(&value))?;
        return Ok(if failed { Exit::Failure } else { Exit::Success });
    }
    if !d.is_empty() {
        eprintln!("{}", render_all(d, false, lang, cx.color_err));
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
    let origin = cx.origin();
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
