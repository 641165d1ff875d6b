//! `etika diff OLD [NEW]`: what a new edition of a pack adds, removes and changes, and with
//! `--answers`, how one saved case's advice changes. OLD and NEW are pack folders (an overlay
//! stands on the embedded pack), or `embedded`; with one folder, it is compared with the
//! embedded pack.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Context, Exit, Reported};
use crate::diag::render_all;
use crate::pack::{Depth, Pack};
use crate::render;
use crate::view;
use crate::vocab::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old edition: a pack folder, or `embedded`
    pub old: PathBuf,
    /// The new edition: a pack folder, or `embedded` [default: OLD is compared with the
    /// embedded pack, which is then the old side]
    pub new: Option<PathBuf>,
    /// Also show how the advice for the case in this answers file changes
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Table,
    Markdown,
    Json,
}

/// A pack by name: `embedded`, or a folder.
fn load(cx: &Context, which: &Path) -> Result<Pack> {
    if which.as_os_str() == "embedded" && !which.exists() {
        return match crate::embedded::pack(true, None) {
            Ok(p) => Ok(p),
            Err(loaded) => fail(cx, &loaded, which),
        };
    }
    let loaded = super::load_layers(cx.lang, &[which.to_path_buf()], Depth::Load)?;
    match loaded.pack {
        Some(mut p) => {
            p.origin = which.display().to_string();
            Ok(p)
        }
        None => fail(cx, &loaded, which),
    }
}

fn fail(cx: &Context, loaded: &crate::pack::Loaded, which: &Path) -> Result<Pack> {
    let d = &loaded.diagnostics;
    eprint!("{}", render_all(d, true, cx.lang, cx.color_err));
    let n = d.errors();
    Err(Reported(match cx.lang {
        Lang::En => format!(
            "the pack `{}` has {n} error{}; `etika --rules {} validate` lists every problem",
            which.display(),
            if n == 1 { "" } else { "s" },
            which.display()
        ),
        Lang::Id => format!(
            "paket `{}` memiliki {n} galat; `etika --rules {} validate` menampilkan semua masalah",
            which.display(),
            which.display()
        ),
    })
    .into())
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let (old, new) = match &args.new {
        Some(new) => (load(cx, &args.old)?, load(cx, new)?),
        None => (load(cx, Path::new("embedded"))?, load(cx, &args.old)?),
    };
    let lang = cx.lang;
    let mut v = view::diff(&old, &new, lang);
    if let Some(path) = &args.answers {
        // Read once: standard input (`--answers -`) can be read only once.
        let file = super::input::read_answers_text(cx, path)?;
        let a_old = super::assess::parse_answers(cx, &old, &file)?;
        let a_new = super::assess::parse_answers(cx, &new, &file)?;
        let d_old = crate::engine::decide(&old, &a_old.answers);
        let d_new = crate::engine::decide(&new, &a_new.answers);
        v.case = Some(view::case_change(
            &super::input::raw_name(path),
            (&old, &d_old),
            (&new, &d_new),
            lang,
        ));
    }
    let text = match args.format {
        DiffFormat::Table => cx.style.finish(render::diff_table(&v, &cx.style)),
        DiffFormat::Markdown => render::diff_markdown(&v),
        DiffFormat::Json => render::to_json(&v),
    };
    super::print(cx, &text)?;
    Ok(Exit::Success)
}
