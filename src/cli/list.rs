//! `etika list KIND`: the loaded objects, as a table or as JSON with the TOML field names.

use anyhow::Result;
use comfy_table::{ContentArrangement, Table, presets};

use super::{Context, Exit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Principles,
    Obligations,
    Tensions,
    Questions,
    Actions,
    Cases,
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
    let pack = cx.pack()?;
    let lang = cx.lang;
    if args.format == ListFormat::Json {
        let value = match args.kind {
            Kind::Principles => serde_json::to_value(&pack.principles)?,
            Kind::Obligations => serde_json::to_value(&pack.obligations)?,
            Kind::Tensions => serde_json::to_value(&pack.tensions)?,
            Kind::Questions => serde_json::to_value(&pack.questions)?,
            Kind::Actions => serde_json::to_value(&pack.actions)?,
            Kind::Cases => serde_json::to_value(&pack.cases)?,
        };
        super::print(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
        return Ok(Exit::Success);
    }
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .force_no_tty()
        .set_width(cx.style.width);
    let rank = |id: &str| {
        pack.rank(id)
            .map(|r| (r + 1).to_string())
            .unwrap_or_default()
    };
    match args.kind {
        Kind::Principles => {
            t.set_header(vec![
                "id",
                lang.pick("nama", "name"),
                lang.pick("urutan", "rank"),
            ]);
            for p in &pack.principles {
                t.add_row(vec![
                    p.id.get_ref().clone(),
                    p.name.get(lang).into(),
                    rank(p.id.get_ref()),
                ]);
            }
        }
        Kind::Obligations => {
            t.set_header(vec![
                "id",
                lang.pick("judul", "title"),
                lang.pick("mengikat", "binding"),
            ]);
            for o in &pack.obligations {
                let b = if o.binding {
                    crate::i18n::yes_no(lang, true)
                } else {
                    ""
                };
                t.add_row(vec![
                    o.id.get_ref().clone(),
                    o.title.get(lang).into(),
                    b.into(),
                ]);
            }
        }
        Kind::Tensions => {
            t.set_header(vec!["id", lang.pick("judul", "title")]);
            for x in &pack.tensions {
                t.add_row(vec![x.id.get_ref().clone(), x.title.get(lang).into()]);
            }
        }
        Kind::Questions => {
            t.set_header(vec![
                "id",
                lang.pick("jenis", "kind"),
                lang.pick("pertanyaan", "prompt"),
            ]);
            for q in &pack.questions {
                t.add_row(vec![
                    q.id.get_ref().clone(),
                    q.kind.name().into(),
                    q.prompt.get(lang).into(),
                ]);
            }
        }
        Kind::Actions => {
            t.set_header(vec![
                "id",
                lang.pick("tahap", "phase"),
                lang.pick("langkah", "text"),
            ]);
            for a in &pack.actions {
                t.add_row(vec![
                    a.id.get_ref().clone(),
                    a.phase.id().into(),
                    a.text.get(lang).into(),
                ]);
            }
        }
        Kind::Cases => {
            t.set_header(vec!["id", lang.pick("judul", "title")]);
            for c in &pack.cases {
                t.add_row(vec![c.id.get_ref().clone(), c.title.get(lang).into()]);
            }
        }
    }
    super::print(&format!("{t}\n"))?;
    Ok(Exit::Success)
}
