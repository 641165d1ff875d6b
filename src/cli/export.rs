//! `etika export DIR`: the embedded pack written out as files, the starting point for a new
//! code; or, with `--overlay`, the skeleton of an overlay on it, the starting point for an
//! agency's own policy. Each file keeps a `#:schema` line that points into DIR/schemas, which
//! is written too, so editors check the copy as they check the original.

use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{Context, Exit, Failure};
use crate::cli::schema::{SchemaKind, schema};
use crate::vocab::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write; it must be new or empty
    pub dir: PathBuf,
    /// Write the skeleton of an overlay that extends the embedded pack instead of a copy of it
    #[arg(long)]
    pub overlay: bool,
    /// Write into a folder that already holds files (files of the same name are replaced)
    #[arg(long)]
    pub force: bool,
}

/// The schema a pack file names: by its place in the pack.
fn schema_of(rel: &str) -> Option<SchemaKind> {
    Some(match rel {
        "pack.toml" => SchemaKind::Pack,
        "principles.toml" => SchemaKind::Principles,
        "questions.toml" => SchemaKind::Questions,
        "actions.toml" => SchemaKind::Actions,
        "services.toml" => SchemaKind::Services,
        "tensions.toml" => SchemaKind::Tensions,
        "amendments.toml" => SchemaKind::Amendments,
        r if r.starts_with("obligations/") => SchemaKind::Obligations,
        r if r.starts_with("cases/") => SchemaKind::Case,
        _ => return None,
    })
}

/// The text with its `#:schema` first line pointing at `schemas/` inside the exported pack.
fn with_schema_line(rel: &str, text: &str, kind: Option<SchemaKind>) -> String {
    let body = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#:schema ") => rest,
        _ => text,
    };
    match kind {
        Some(kind) => {
            let up = match rel.matches('/').count() {
                0 => "./".to_string(),
                n => "../".repeat(n),
            };
            format!("#:schema {up}schemas/{}.schema.json\n{body}", kind.name())
        }
        None => body.to_string(),
    }
}

fn overlay_files(base_id: &str) -> Vec<(&'static str, String, Option<SchemaKind>)> {
    vec![
        (
            "pack.toml",
            format!(
                "# An overlay: your agency's or programme's own policy on top of `{base_id}`.\n\
                 # Check it with `etika --rules DIR validate --strict` and `etika --rules DIR test`.\n\
                 id = \"my_agency_sop\"\n\
                 extends = \"{base_id}\"\n\
                 name = {{ id = \"SOP lembaga saya\", en = \"My agency's SOP\" }}\n\
                 edition = \"2026.1\"\n\n\
                 # [[source]]\n\
                 # id = \"my_sop\"\n\
                 # name = \"…\"\n"
            ),
            Some(SchemaKind::Overlay),
        ),
        (
            "amendments.toml",
            "# Changes to the base pack's obligations: make one binding, add steps, or raise its\n\
             # consultation. To change what an obligation says, replace it in obligations/\n\
             # with `replaces = \"<id>\"`.\n\n\
             # [[amend]]\n\
             # obligation = \"refuse_money_and_valuable_gifts\"\n\
             # binding = true\n\
             # actions = [\"…\"]\n"
                .to_string(),
            Some(SchemaKind::Amendments),
        ),
        (
            "obligations/agency.toml",
            "# Your own obligations, as in the base pack's obligations/ files. An entry with an id\n\
             # the base already has is an error unless it says `replaces = \"<that id>\"`.\n"
                .to_string(),
            Some(SchemaKind::Obligations),
        ),
    ]
}

fn failure(lang: Lang, path: &Path, e: std::io::Error) -> Failure {
    Failure::say(
        lang,
        (
            format!("`{}` tidak dapat ditulis: {e}", path.display()),
            format!("cannot write `{}`: {e}", path.display()),
        ),
        Some((
            "pilih folder yang dapat ditulisi".into(),
            "choose a folder you can write to".into(),
        )),
    )
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let lang = cx.lang;
    let dir = &args.dir;
    let holds_files = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if holds_files && !args.force {
        return Err(Failure::say(
            lang,
            (
                format!("`{}` sudah berisi berkas", dir.display()),
                format!("`{}` already holds files", dir.display()),
            ),
            Some((
                "pilih folder baru, atau tulis ke dalamnya dengan `--force`".into(),
                "choose a new folder, or write into it with `--force`".into(),
            )),
        )
        .into());
    }
    let embedded = crate::embedded::files();
    let files: Vec<(String, String, Option<SchemaKind>)> = if args.overlay {
        let base = crate::pack::id_of(&embedded).unwrap_or_default();
        overlay_files(&base)
            .into_iter()
            .map(|(rel, text, kind)| (rel.to_string(), text, kind))
            .collect()
    } else {
        embedded
            .iter()
            .map(|f| (f.rel.clone(), f.text.clone(), schema_of(&f.rel)))
            .collect()
    };
    let mut written = 0;
    for (rel, text, kind) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| failure(lang, parent, e))?;
        }
        std::fs::write(&path, with_schema_line(rel, text, *kind))
            .map_err(|e| failure(lang, &path, e))?;
        written += 1;
    }
    let schemas = dir.join("schemas");
    std::fs::create_dir_all(&schemas).map_err(|e| failure(lang, &schemas, e))?;
    for kind in SchemaKind::ALL {
        let path = schemas.join(format!("{}.schema.json", kind.name()));
        std::fs::write(&path, schema(kind)).map_err(|e| failure(lang, &path, e))?;
    }
    let shown = super::output::shown(dir);
    eprintln!(
        "{}",
        match lang {
            Lang::En => format!(
                "wrote {written} files and their schemas to {shown}; check them with `etika --rules {shown} validate`"
            ),
            Lang::Id => format!(
                "{written} berkas dan skemanya ditulis ke {shown}; periksa dengan `etika --rules {shown} validate`"
            ),
        }
    );
    Ok(Exit::Success)
}
