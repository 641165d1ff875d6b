//! The default pack, compiled into the binary twice over: its TOML files as written (for
//! `validate`, `test` and `export`), and the checked pack itself, which the build script
//! validated and stored in postcard's binary form, so that `assess` reads it without parsing or checking TOML.

use crate::diag::{Diagnostics, SourceFile};
use crate::pack::{Case, Depth, Loaded, Pack, load_files};
use crate::vocab::Lang;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// The default pack's files, as written.
pub fn files() -> Vec<SourceFile> {
    generated::FILES
        .iter()
        .map(|(rel, text)| SourceFile::new(format!("rules/{rel}"), *rel, *text))
        .collect()
}

/// The default pack, checked at build time. `with_cases` also reads the practice cases,
/// which only `practice`, `test`, `list` and `show` need; `lang`, when given, reads only that
/// language's words (the other side of every text is empty). When the pack had errors at build
/// time, it is loaded from its files, and the errors come back to be shown.
pub fn pack(with_cases: bool, lang: Option<Lang>) -> Result<Pack, Box<Loaded>> {
    let core = match lang {
        Some(Lang::Id) => generated::PACK_ID,
        Some(Lang::En) => generated::PACK_EN,
        None => generated::PACK,
    };
    if let (Some(core), Some(cases)) = (core, generated::CASES) {
        let mut pack: Pack = postcard::from_bytes(core).expect("the build script wrote it");
        if with_cases {
            pack.cases =
                serde_json::from_str::<Vec<Case>>(cases).expect("the build script wrote it");
        }
        pack.origin = "embedded".into();
        pack.reindex();
        return Ok(pack);
    }
    let loaded = load_files("embedded", files(), Depth::Load, Diagnostics::new());
    match loaded.pack {
        Some(pack) => Ok(pack),
        None => Err(Box::new(loaded)),
    }
}
