//! `etika show ID`: one object of the pack in words, its conditions included.

use std::fmt::Write as _;

use anyhow::{Result, bail};

use super::{Context, Exit};
use crate::pack::Pack;
use crate::report::describe_condition;
use crate::text::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id of a principle, question, obligation, tension, action or case
    pub id: String,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack()?;
    let lang = cx.lang;
    let mut out = String::new();
    let mut found = 0;
    for (kind, id) in pack.all_ids() {
        if id == args.id {
            if found > 0 {
                out.push('\n');
            }
            found += 1;
            show_one(&pack, kind, id, lang, &mut out);
        }
    }
    if found == 0 {
        let ids = pack.all_ids();
        let hint = match crate::suggest::closest(&args.id, ids.iter().map(|(_, id)| *id)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`etika list obligations` (or principles, questions, tensions, actions, cases) shows the ids".into(),
        };
        bail!(
            "no principle, question, obligation, tension, action or case has the id `{}`\n  help: {hint}",
            args.id
        );
    }
    super::print(&textwrap_lines(&out, cx.style.width as usize))?;
    Ok(Exit::Success)
}

fn textwrap_lines(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        let opts = textwrap::Options::new(width.max(20)).subsequent_indent(&indent);
        out.push_str(&textwrap::fill(line, opts));
        out.push('\n');
    }
    out
}

fn show_one(pack: &Pack, kind: &str, id: &str, lang: Lang, out: &mut String) {
    let l = |i: &'static str, e: &'static str| lang.pick(i, e);
    let names = |ps: &[toml::Spanned<String>]| {
        ps.iter()
            .map(|p| crate::report::principle_name(pack, p.get_ref(), lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        "principle" => {
            let p = pack.principle(id).expect("listed");
            let _ = writeln!(
                out,
                "{} `{id}`: {}",
                l("Prinsip", "Principle"),
                p.name.get(lang)
            );
            let _ = writeln!(out, "  {}", p.description.get(lang));
            let _ = writeln!(out, "  {}: {}", l("Sumber", "Source"), p.source.get(lang));
            match pack.rank(id) {
                Some(r) => {
                    let _ = writeln!(out, "  {}: {}", l("Urutan", "Rank"), r + 1);
                }
                None => {
                    let _ = writeln!(
                        out,
                        "  {}",
                        l(
                            "Tidak diurutkan dalam paket ini.",
                            "Not ranked in this pack."
                        )
                    );
                }
            }
        }
        "question" => {
            let q = pack.question(id).expect("listed");
            let _ = writeln!(
                out,
                "{} `{id}` ({}): {}",
                l("Pertanyaan", "Question"),
                q.kind.name(),
                q.prompt.get(lang)
            );
            let _ = writeln!(out, "  {}", q.help.get(lang));
            for o in &q.options {
                let _ = writeln!(out, "  - {}: {}", o.id.get_ref(), o.label.get(lang));
            }
            match &q.ask_if_expr {
                Some(e) => {
                    let _ = writeln!(
                        out,
                        "  {} {}",
                        l("Ditanyakan bila", "Asked when"),
                        describe_condition(pack, e, lang)
                    );
                    let _ = writeln!(
                        out,
                        "  ({})",
                        q.ask_if
                            .as_ref()
                            .map(|c| c.get_ref().as_str())
                            .unwrap_or("")
                    );
                }
                None => {
                    let _ = writeln!(out, "  {}", l("Selalu ditanyakan.", "Always asked."));
                }
            }
        }
        "obligation" => {
            let o = pack.obligation(id).expect("listed");
            let binding = if o.binding {
                l(" [mengikat]", " [binding]")
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{} `{id}`{binding}: {}",
                l("Kewajiban", "Obligation"),
                o.title.get(lang)
            );
            let _ = writeln!(out, "  {}", o.text.get(lang));
            let _ = writeln!(out, "  {}: {}", l("Sumber", "Source"), o.source.get(lang));
            let _ = writeln!(
                out,
                "  {}: {}",
                l("Prinsip", "Principles"),
                names(&o.principles)
            );
            let when = l("Berlaku bila", "Applies when");
            write_rule(
                pack,
                lang,
                out,
                when,
                &o.when_expr,
                &o.when,
                o.consult,
                &o.actions,
            );
        }
        "tension" => {
            let t = pack.tension(id).expect("listed");
            let _ = writeln!(
                out,
                "{} `{id}`: {}",
                l("Ketegangan", "Tension"),
                t.title.get(lang)
            );
            let _ = writeln!(out, "  {}", t.explanation.get(lang));
            let _ = writeln!(
                out,
                "  {}: {}",
                l("Prinsip", "Principles"),
                names(&t.principles)
            );
            let when = l("Muncul bila", "Arises when");
            write_rule(
                pack,
                lang,
                out,
                when,
                &t.when_expr,
                &t.when,
                t.consult,
                &t.actions,
            );
        }
        "action" => {
            let a = pack.action(id).expect("listed");
            let _ = writeln!(
                out,
                "{} `{id}` [{}]",
                l("Langkah", "Action"),
                crate::i18n::phase(lang, a.phase)
            );
            let _ = writeln!(out, "  {}", a.text.get(lang));
            let users: Vec<&str> = pack
                .obligations
                .iter()
                .filter(|o| o.actions.iter().any(|x| x.get_ref() == id))
                .map(|o| o.id.get_ref().as_str())
                .chain(
                    pack.tensions
                        .iter()
                        .filter(|t| t.actions.iter().any(|x| x.get_ref() == id))
                        .map(|t| t.id.get_ref().as_str()),
                )
                .collect();
            let _ = writeln!(
                out,
                "  {}: {}",
                l("Dipakai oleh", "Used by"),
                users.join(", ")
            );
        }
        "case" => {
            let c = pack.case(id).expect("listed");
            let _ = writeln!(out, "{} `{id}`: {}", l("Kasus", "Case"), c.title.get(lang));
            let _ = writeln!(out, "  {}", c.narrative.get(lang).trim());
        }
        _ => {}
    }
}

/// An obligation's or tension's condition (in words and as written), consultation level and
/// course-of-action steps.
#[allow(clippy::too_many_arguments)]
fn write_rule(
    pack: &Pack,
    lang: Lang,
    out: &mut String,
    when_label: &str,
    expr: &crate::condition::Expr,
    raw: &toml::Spanned<String>,
    consult: crate::pack::Consult,
    actions: &[toml::Spanned<String>],
) {
    let _ = writeln!(
        out,
        "  {when_label} {}",
        describe_condition(pack, expr, lang)
    );
    let _ = writeln!(out, "  ({})", raw.get_ref());
    let _ = writeln!(
        out,
        "  {}: {}",
        lang.pick("Konsultasi", "Consult"),
        consult.id()
    );
    for a in actions {
        if let Some(act) = pack.action(a.get_ref()) {
            let phase = crate::i18n::phase(lang, act.phase);
            let _ = writeln!(out, "  - [{phase}] {}", act.text.get(lang));
        }
    }
}
