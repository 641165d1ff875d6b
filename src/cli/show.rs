//! `etika show ID`: one object of the pack in words, its conditions included.

use std::fmt::Write as _;

use anyhow::Result;

use super::{Context, Exit, Failure};
use crate::condition::Expr;
use crate::pack::Pack;
use crate::view::{describe_condition, principle_name};
use crate::vocab::{Consult, ItemKind, Lang};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id of a principle, question, obligation, tension, action or case
    pub id: String,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let pack = cx.pack(true)?;
    let lang = cx.lang;
    let mut out = String::new();
    let ids = pack.all_ids();
    let found: Vec<ItemKind> = ids
        .iter()
        .filter(|(_, id)| *id == args.id)
        .map(|(k, _)| *k)
        .collect();
    if found.is_empty() {
        let hint = crate::vocab::suggest::closest(&args.id, ids.iter().map(|(_, id)| *id));
        return Err(Failure::say(
            lang,
            (
                format!(
                    "tidak ada prinsip, pertanyaan, kewajiban, ketegangan, langkah, atau kasus dengan id `{}`",
                    args.id
                ),
                format!(
                    "no principle, question, obligation, tension, action or case has the id `{}`",
                    args.id
                ),
            ),
            Some(match hint {
                Some(s) => (format!("maksud Anda `{s}`?"), format!("did you mean `{s}`?")),
                None => (
                    "`etika list obligations` (atau principles, questions, tensions, actions, cases) menampilkan id".into(),
                    "`etika list obligations` (or principles, questions, tensions, actions, cases) shows the ids".into(),
                ),
            }),
        )
        .into());
    }
    for (i, kind) in found.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        show_one(&pack, kind, &args.id, lang, &mut out);
    }
    super::print(
        cx,
        &cx.style.finish(wrap_lines(&out, cx.style.width as usize)),
    )?;
    Ok(Exit::Success)
}

/// Wrap each line, continuing it at its own indent.
fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        out.push_str(&crate::render::wrap(line, width, &indent));
        out.push('\n');
    }
    out
}

fn show_one(pack: &Pack, kind: ItemKind, id: &str, lang: Lang, out: &mut String) {
    let l = |i: &'static str, e: &'static str| lang.pick(i, e);
    let names = |ps: &[String]| {
        ps.iter()
            .map(|p| principle_name(pack, p, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let head = kind.name(lang);
    match kind {
        ItemKind::Principle => {
            let p = pack.principle(id).expect("listed");
            let _ = writeln!(out, "{head} `{id}`: {}", p.name.get(lang));
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
        ItemKind::Question => {
            let q = pack.question(id).expect("listed");
            let _ = writeln!(
                out,
                "{head} `{id}` ({}): {}",
                q.kind.name(),
                q.prompt.get(lang)
            );
            let _ = writeln!(out, "  {}", q.help.get(lang));
            for o in &q.options {
                let _ = writeln!(out, "  - {}: {}", o.id, o.label.get(lang));
            }
            if q.unsure {
                let _ = writeln!(
                    out,
                    "  - unsure: {}",
                    l("Belum tahu (boleh dijawab)", "Not sure yet (allowed)")
                );
            }
            if let Some(f) = &q.find_out {
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    l("Cara mencari tahu", "To find out"),
                    f.get(lang)
                );
            }
            match &q.ask_if {
                Some(e) => {
                    let _ = writeln!(
                        out,
                        "  {} {}",
                        l("Ditanyakan bila", "Asked when"),
                        describe_condition(pack, e, lang)
                    );
                    let _ = writeln!(out, "  ({e})");
                }
                None => {
                    let _ = writeln!(out, "  {}", l("Selalu ditanyakan.", "Always asked."));
                }
            }
        }
        ItemKind::Obligation => {
            let o = pack.obligation(id).expect("listed");
            let binding = if o.binding {
                l(" [mengikat]", " [binding]")
            } else {
                ""
            };
            let _ = writeln!(out, "{head} `{id}`{binding}: {}", o.title.get(lang));
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
                o.when.as_ref(),
                o.consult,
                &o.actions,
            );
        }
        ItemKind::Tension => {
            let t = pack.tension(id).expect("listed");
            let _ = writeln!(out, "{head} `{id}`: {}", t.title.get(lang));
            let _ = writeln!(out, "  {}", t.explanation.get(lang));
            let _ = writeln!(
                out,
                "  {}: {}",
                l("Prinsip", "Principles"),
                names(&t.principles)
            );
            let when = l("Muncul bila", "Arises when");
            write_rule(pack, lang, out, when, Some(&t.when), t.consult, &t.actions);
        }
        ItemKind::Action => {
            let a = pack.action(id).expect("listed");
            let _ = writeln!(
                out,
                "{head} `{id}` [{}, {}]: {}",
                a.phase.name(lang),
                a.weight.name(lang),
                a.short.get(lang)
            );
            let _ = writeln!(out, "  {}", a.text.get(lang));
            if !a.parties.is_empty() {
                let names: Vec<String> = a
                    .parties
                    .iter()
                    .map(|p| {
                        crate::view::describe_answer(
                            pack,
                            "at_risk",
                            &crate::vocab::Value::One(p.id.clone()),
                            lang,
                        )
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    l(
                        "Untuk setiap pihak terancam ini yang bukan penyebab bahayanya",
                        "For each of these at risk who is not causing the harm"
                    ),
                    names.join("; ")
                );
            }
            if !a.refer.is_empty() {
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    l("Merujuk ke layanan untuk", "Refers to services for"),
                    a.refer.join(", ")
                );
            }
            if let Some(d) = &a.done {
                let _ = writeln!(
                    out,
                    "  {} {}",
                    l("Sudah dilakukan bila", "Already done when"),
                    describe_condition(pack, d, lang)
                );
            }
            if let Some(w) = &a.when {
                let _ = writeln!(
                    out,
                    "  {} {}",
                    l("Diberikan hanya bila", "Given only when"),
                    describe_condition(pack, w, lang)
                );
                let _ = writeln!(out, "  ({w})");
            }
            let users: Vec<&str> = pack
                .obligations
                .iter()
                .filter(|o| o.actions.iter().any(|x| x == id))
                .map(|o| o.id.as_str())
                .chain(
                    pack.tensions
                        .iter()
                        .filter(|t| t.actions.iter().any(|x| x == id))
                        .map(|t| t.id.as_str()),
                )
                .collect();
            let _ = writeln!(
                out,
                "  {}: {}",
                l("Dipakai oleh", "Used by"),
                users.join(", ")
            );
        }
        ItemKind::Service => {
            let s = pack.service(id).expect("listed");
            let _ = writeln!(out, "{head} `{id}`: {}", s.name.get(lang));
            let _ = writeln!(out, "  {}: {}", l("Kontak", "Contact"), s.contact.get(lang));
            let _ = writeln!(
                out,
                "  {}: {}",
                l("Untuk kebutuhan", "For needs"),
                s.needs.join(", ")
            );
            match &s.serves {
                Some(e) => {
                    let _ = writeln!(
                        out,
                        "  {} {}",
                        l("Melayani bila", "Serves when"),
                        describe_condition(pack, e, lang)
                    );
                    let _ = writeln!(out, "  ({e})");
                }
                None => {
                    let _ = writeln!(out, "  {}", l("Melayani siapa saja.", "Serves anyone."));
                }
            }
            if let Some(e) = &s.own {
                let _ = writeln!(
                    out,
                    "  {} {}",
                    l("Unit Anda sendiri bila", "Your own unit when"),
                    describe_condition(pack, e, lang)
                );
            }
            let _ = writeln!(out, "  {}: {}", l("Sumber", "Source"), s.source.get(lang));
        }
        ItemKind::Case => {
            let c = pack.case(id).expect("listed");
            let _ = writeln!(out, "{head} `{id}`: {}", c.title.get(lang));
            let _ = writeln!(out, "  {}", c.narrative.get(lang).trim());
        }
    }
}

/// An obligation's or tension's condition (in words and as written), consultation level and
/// course-of-action steps.
fn write_rule(
    pack: &Pack,
    lang: Lang,
    out: &mut String,
    when_label: &str,
    expr: Option<&Expr>,
    consult: Consult,
    actions: &[String],
) {
    match expr {
        Some(e) => {
            let _ = writeln!(out, "  {when_label} {}", describe_condition(pack, e, lang));
            let _ = writeln!(out, "  ({e})");
        }
        None => {
            let _ = writeln!(
                out,
                "  {}",
                lang.pick("Berlaku dalam setiap situasi.", "Holds in every situation.")
            );
        }
    }
    let _ = writeln!(
        out,
        "  {}: {}",
        lang.pick("Konsultasi", "Consult"),
        consult.id()
    );
    for a in actions {
        if let Some(act) = pack.action(a) {
            let _ = writeln!(out, "  - [{}] {}", act.phase.name(lang), act.text.get(lang));
        }
    }
}
