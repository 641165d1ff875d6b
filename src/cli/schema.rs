//! `etika schema KIND`: the JSON Schema of a rule file, an answers file or the JSON report,
//! generated from the very types etika reads and writes them with, so a schema cannot say
//! anything the loader does not. Editors (taplo, VS Code) check rule files against them as
//! they are typed; the bundled rule files name theirs on a `#:schema` first line.

use std::path::PathBuf;

use anyhow::Result;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

use super::{Context, Exit, Failure};
use crate::pack::raw;
use crate::vocab::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// `pack.toml`
    Pack,
    /// `pack.toml` of an overlay (one that `extends` another pack)
    Overlay,
    /// `amendments.toml` of an overlay
    Amendments,
    /// `principles.toml`
    Principles,
    /// `questions.toml`
    Questions,
    /// `actions.toml`
    Actions,
    /// `services.toml`
    Services,
    /// `obligations/*.toml`
    Obligations,
    /// `tensions.toml`
    Tensions,
    /// `cases/*.toml`
    Case,
    /// an answers file (`--answers`, `--save`)
    Answers,
    /// the JSON report (`assess --format json`)
    Report,
    /// the JSON of `etika diff --format json`
    Diff,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 13] = [
        SchemaKind::Pack,
        SchemaKind::Overlay,
        SchemaKind::Amendments,
        SchemaKind::Principles,
        SchemaKind::Questions,
        SchemaKind::Actions,
        SchemaKind::Services,
        SchemaKind::Obligations,
        SchemaKind::Tensions,
        SchemaKind::Case,
        SchemaKind::Answers,
        SchemaKind::Report,
        SchemaKind::Diff,
    ];

    /// The name, as `etika schema` takes it and as the shipped file is called
    /// (`schemas/NAME.schema.json`).
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Pack => "pack",
            SchemaKind::Overlay => "overlay",
            SchemaKind::Amendments => "amendments",
            SchemaKind::Principles => "principles",
            SchemaKind::Questions => "questions",
            SchemaKind::Actions => "actions",
            SchemaKind::Services => "services",
            SchemaKind::Obligations => "obligations",
            SchemaKind::Tensions => "tensions",
            SchemaKind::Case => "case",
            SchemaKind::Answers => "answers",
            SchemaKind::Report => "report",
            SchemaKind::Diff => "diff",
        }
    }

    /// What it is the schema of, for the list `etika schema` prints without a kind.
    fn about(self, lang: Lang) -> &'static str {
        match self {
            SchemaKind::Pack => "pack.toml",
            SchemaKind::Overlay => lang.pick(
                "pack.toml sebuah lapisan (yang `extends` paket lain)",
                "pack.toml of an overlay (one that `extends` another pack)",
            ),
            SchemaKind::Amendments => lang.pick(
                "amendments.toml sebuah lapisan",
                "amendments.toml of an overlay",
            ),
            SchemaKind::Principles => "principles.toml",
            SchemaKind::Questions => "questions.toml",
            SchemaKind::Actions => "actions.toml",
            SchemaKind::Services => "services.toml",
            SchemaKind::Obligations => "obligations/*.toml",
            SchemaKind::Tensions => "tensions.toml",
            SchemaKind::Case => "cases/*.toml",
            SchemaKind::Answers => lang.pick(
                "berkas jawaban (`--answers`, `--save`)",
                "an answers file (`--answers`, `--save`)",
            ),
            SchemaKind::Report => lang.pick(
                "laporan JSON (`assess --format json`)",
                "the JSON report (`assess --format json`)",
            ),
            SchemaKind::Diff => lang.pick(
                "JSON dari `etika diff --format json`",
                "the JSON of `etika diff --format json`",
            ),
        }
    }

    fn title(self) -> &'static str {
        match self {
            SchemaKind::Pack => "etika rule pack: pack.toml",
            SchemaKind::Overlay => "etika rule pack: pack.toml of an overlay",
            SchemaKind::Amendments => "etika rule pack: amendments.toml of an overlay",
            SchemaKind::Principles => "etika rule pack: principles.toml",
            SchemaKind::Questions => "etika rule pack: questions.toml",
            SchemaKind::Actions => "etika rule pack: actions.toml",
            SchemaKind::Services => "etika rule pack: services.toml",
            SchemaKind::Obligations => "etika rule pack: obligations/*.toml",
            SchemaKind::Tensions => "etika rule pack: tensions.toml",
            SchemaKind::Case => "etika rule pack: a practice case (cases/*.toml)",
            SchemaKind::Answers => "etika answers file",
            SchemaKind::Report => "etika report (assess --format json)",
            SchemaKind::Diff => "etika diff (diff --format json)",
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which schema to print; without one (and without --dir), the kinds are listed
    #[arg(value_enum)]
    pub kind: Option<SchemaKind>,
    /// Write every schema to DIR as KIND.schema.json instead (the repository's `schemas/`)
    #[arg(long, value_name = "DIR", conflicts_with = "kind")]
    pub dir: Option<PathBuf>,
}

fn root<T: JsonSchema>() -> Schema {
    // Draft 7: what taplo and most editors understand.
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// The schema of one kind, as pretty JSON with a final newline.
pub fn schema(kind: SchemaKind) -> String {
    let mut schema = match kind {
        SchemaKind::Pack => root::<raw::RawMeta>(),
        SchemaKind::Overlay => root::<raw::RawOverlayMeta>(),
        SchemaKind::Amendments => root::<raw::AmendmentFile>(),
        SchemaKind::Principles => root::<raw::PrincipleFile>(),
        SchemaKind::Questions => root::<raw::QuestionFile>(),
        SchemaKind::Actions => root::<raw::ActionFile>(),
        SchemaKind::Services => root::<raw::ServiceFile>(),
        SchemaKind::Obligations => root::<raw::ObligationFile>(),
        SchemaKind::Tensions => root::<raw::TensionFile>(),
        SchemaKind::Case => root::<raw::RawCase>(),
        SchemaKind::Answers => root::<crate::answers::FileForm>(),
        SchemaKind::Report => root::<crate::view::Report>(),
        SchemaKind::Diff => root::<crate::view::DiffView>(),
    };
    schema.insert("title".into(), kind.title().into());
    crate::render::to_json(&schema)
}

/// The kinds `etika schema KIND` takes, each with what it is the schema of, and where the
/// schemas are written as files.
fn kinds(lang: Lang) -> String {
    let mut out = format!(
        "{}\n\n",
        lang.pick(
            "JSON Schema yang dicetak `etika schema KIND`:",
            "The JSON Schemas `etika schema KIND` prints:"
        )
    );
    let width = SchemaKind::ALL
        .iter()
        .map(|k| k.name().len())
        .max()
        .unwrap_or(0);
    for kind in SchemaKind::ALL {
        out.push_str(&format!("  {:width$}  {}\n", kind.name(), kind.about(lang)));
    }
    out.push('\n');
    out.push_str(lang.pick(
        "`etika schema --dir FOLDER` menulis semuanya ke FOLDER sebagai KIND.schema.json;\n\
         `etika export FOLDER` menulisnya ke FOLDER/schemas/, di samping berkas paket yang\n\
         menyebut schema-nya di baris pertama `#:schema`.\n",
        "`etika schema --dir DIR` writes every one to DIR as KIND.schema.json;\n\
         `etika export DIR` writes them to DIR/schemas/, beside the pack's files, which name\n\
         theirs on a `#:schema` first line.\n",
    ));
    out
}

pub fn run(cx: &Context, args: Args) -> Result<Exit> {
    let lang = cx.lang;
    let Some(dir) = args.dir else {
        let text = match args.kind {
            Some(kind) => schema(kind),
            None => kinds(lang),
        };
        super::print(cx, &text)?;
        return Ok(Exit::Success);
    };
    for kind in SchemaKind::ALL {
        let path = dir.join(format!("{}.schema.json", kind.name()));
        std::fs::write(&path, schema(kind)).map_err(|e| {
            Failure::say(
                lang,
                (
                    format!("skema tidak dapat ditulis ke `{}`: {e}", path.display()),
                    format!("cannot write the schema to `{}`: {e}", path.display()),
                ),
                Some((
                    "pilih folder yang ada dan dapat ditulisi".into(),
                    "choose a folder that exists and that you can write to".into(),
                )),
            )
        })?;
    }
    Ok(Exit::Success)
}
