//! `etika test`: every practice case in the pack run as a test of the pack.

use anyhow::Result;

use super::{Context, Exit};
use crate::practice::{check_case, coverage};
use crate::vocab::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// List the obligations, tensions, questions and actions that no case exercises
    #[arg(long)]
    pub coverage: bool,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack(true)?;
    let lang = cx.lang;
    let mut out = String::new();
    let mut failed = 0;
    for case in &pack.cases {
        let problems = check_case(&pack, case);
        if problems.is_empty() {
            out.push_str(&format!("ok    {}\n", case.id));
        } else {
            failed += 1;
            out.push_str(&format!("FAIL  {}  ({})\n", case.id, case.file));
            for p in problems {
                out.push_str(&format!("      {p}\n"));
            }
        }
    }
    if pack.cases.is_empty() {
        out.push_str(lang.pick(
            "paket ini tidak memiliki kasus (cases/*.toml): tidak ada yang diuji\n",
            "the pack has no cases (cases/*.toml): nothing to test\n",
        ));
    }
    let passed = pack.cases.len() - failed;
    out.push_str(&match lang {
        Lang::En => format!("\n{passed} passed, {failed} failed\n"),
        Lang::Id => format!("\n{passed} lulus, {failed} gagal\n"),
    });
    if args.coverage {
        let c = coverage(&pack);
        let list = |what: &str, items: &[String], total: usize| {
            let mut s = match lang {
                Lang::En => format!(
                    "\n{what} not exercised by any case: {} of {total}\n",
                    items.len()
                ),
                Lang::Id => format!(
                    "\n{what} yang tidak diuji kasus mana pun: {} dari {total}\n",
                    items.len()
                ),
            };
            for i in items {
                s.push_str(&format!("  {i}\n"));
            }
            s
        };
        let l = |id, en| lang.pick(id, en);
        out.push_str(&list(
            l("kewajiban", "obligations"),
            &c.obligations,
            pack.obligations.len(),
        ));
        out.push_str(&list(
            l("ketegangan", "tensions"),
            &c.tensions,
            pack.tensions.len(),
        ));
        out.push_str(&list(
            l("pertanyaan", "questions"),
            &c.questions,
            pack.questions.len(),
        ));
        out.push_str(&list(
            l("langkah", "actions"),
            &c.actions,
            pack.actions.len(),
        ));
    }
    super::print(cx, &out)?;
    Ok(if failed > 0 {
        Exit::Failure
    } else {
        Exit::Success
    })
}
