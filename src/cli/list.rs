//! `etika list KIND`: the loaded objects, as a table or as JSON with the TOML field names.

use anyhow::Result;

use super::{Context, Exit};
use crate::vocab::ItemKind;
use crate::words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Principles,
    Obligations,
    Tensions,
    Questions,
    Actions,
    Services,
    Cases,
}

impl Kind {
    pub fn item(self) -> ItemKind {
        match self {
            Kind::Principles => ItemKind::Principle,
            Kind::Obligations => ItemKind::Obligation,
            Kind::Tensions => ItemKind::Tension,
            Kind::Questions => ItemKind::Question,
            Kind::Actions => ItemKind::Action,
            Kind::Services => ItemKind::Service,
            Kind::Cases => ItemKind::Case,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to list
    #[arg(value_enum)]
    pub kind: Kind,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let kind = args.kind.item();
    let cases = kind == ItemKind::Case;
    let pack = if args.format == ListFormat::Json {
        cx.whole_pack(cases)?
    } else {
        cx.pack(cases)?
    };
    let lang = cx.lang;
    if args.format == ListFormat::Json {
        let value = match kind {
            ItemKind::Principle => serde_json::to_value(&pack.principles)?,
            ItemKind::Obligation => serde_json::to_value(&pack.obligations)?,
            ItemKind::Tension => serde_json::to_value(&pack.tensions)?,
            ItemKind::Question => serde_json::to_value(&pack.questions)?,
            ItemKind::Action => serde_json::to_value(&pack.actions)?,
            ItemKind::Service => serde_json::to_value(&pack.services)?,
            ItemKind::Case => serde_json::to_value(&pack.cases)?,
        };
        super::print(cx, &crate::render::to_json(&value))?;
        return Ok(Exit::Success);
    }
    let l = |id: &'static str, en: &'static str| lang.pick(id, en);
    let (header, rows): (Vec<&str>, Vec<Vec<String>>) = match kind {
        ItemKind::Principle => (
            vec!["id", l("nama", "name"), l("urutan", "rank")],
            pack.principles
                .iter()
                .map(|p| {
                    let rank = pack.rank(&p.id).map(|r| (r + 1).to_string());
                    vec![
                        p.id.clone(),
                        p.name.get(lang).into(),
                        rank.unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
        ItemKind::Obligation => (
            vec!["id", l("judul", "title"), l("mengikat", "binding")],
            pack.obligations
                .iter()
                .map(|o| {
                    let b = if o.binding {
                        words::yes_no(lang, true)
                    } else {
                        ""
                    };
                    vec![o.id.clone(), o.title.get(lang).into(), b.into()]
                })
                .collect(),
        ),
        ItemKind::Tension => (
            vec!["id", l("judul", "title")],
            pack.tensions
                .iter()
                .map(|t| vec![t.id.clone(), t.title.get(lang).into()])
                .collect(),
        ),
        ItemKind::Question => (
            vec!["id", l("jenis", "kind"), l("pertanyaan", "prompt")],
            pack.questions
                .iter()
                .map(|q| {
                    vec![
                        q.id.clone(),
                        q.kind.name().into(),
                        q.prompt.get(lang).into(),
                    ]
                })
                .collect(),
        ),
        ItemKind::Action => (
            vec![
                "id",
                l("tahap", "phase"),
                l("bobot", "weight"),
                l("langkah", "step"),
            ],
            pack.actions
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.phase.id().into(),
                        a.weight.id().into(),
                        a.short.get(lang).into(),
                    ]
                })
                .collect(),
        ),
        ItemKind::Service => (
            vec!["id", l("nama", "name"), l("kontak", "contact")],
            pack.services
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        s.name.get(lang).into(),
                        s.contact.get(lang).into(),
                    ]
                })
                .collect(),
        ),
        ItemKind::Case => (
            vec!["id", l("judul", "title")],
            pack.cases
                .iter()
                .map(|c| vec![c.id.clone(), c.title.get(lang).into()])
                .collect(),
        ),
    };
    // A listing keeps its columns and header at any width.
    let mut t = cx.style.table(&header);
    if cx.style.narrow() {
        t.set_header(header);
    }
    for r in rows {
        t.add_row(cx.style.cells(r));
    }
    super::print(cx, &cx.style.finish(format!("{t}\n")))?;
    Ok(Exit::Success)
}
