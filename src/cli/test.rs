//! `etika test`: every practice case in the pack run as a test of the pack.

use anyhow::Result;

use super::{Context, Exit};
use crate::practice::{check_case, coverage};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// List the obligations, tensions and questions that no case exercises
    #[arg(long)]
    pub coverage: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack()?;
    let mut out = String::new();
    let mut failed = 0;
    for case in &pack.cases {
        let problems = check_case(&pack, case);
        if problems.is_empty() {
            out.push_str(&format!("ok    {}\n", case.id.get_ref()));
        } else {
            failed += 1;
            out.push_str(&format!(
                "FAIL  {}  ({})\n",
                case.id.get_ref(),
                pack.files[case.file].name
            ));
            for p in problems {
                out.push_str(&format!("      {p}\n"));
            }
        }
    }
    if pack.cases.is_empty() {
        out.push_str("the pack has no cases (cases/*.toml): nothing to test\n");
    }
    out.push_str(&format!(
        "\n{} passed, {failed} failed\n",
        pack.cases.len() - failed
    ));
    if args.coverage {
        let c = coverage(&pack);
        let list = |title: &str, items: &[String], total: usize| {
            let mut s = format!(
                "\n{title} not exercised by any case: {} of {total}\n",
                items.len()
            );
            for i in items {
                s.push_str(&format!("  {i}\n"));
            }
            s
        };
        out.push_str(&list("obligations", &c.obligations, pack.obligations.len()));
        out.push_str(&list("tensions", &c.tensions, pack.tensions.len()));
        out.push_str(&list("questions", &c.questions, pack.questions.len()));
    }
    super::print(&out)?;
    Ok(if failed > 0 {
        Exit::Failure
    } else {
        Exit::Success
    })
}
