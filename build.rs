//! Embeds the default rule pack (`rules/`) in the binary: its files as written, and the pack
//! checked and stored as JSON, so etika works from any directory and `assess` starts without
//! parsing TOML. The build script shares the library's lower layers (vocabulary, conditions,
//! diagnostics, the pack) by compiling them itself.

#![allow(dead_code, unused_imports)]

#[path = "src/condition/mod.rs"]
mod condition;
#[path = "src/diag/mod.rs"]
mod diag;
#[path = "src/pack/mod.rs"]
mod pack;
#[path = "src/vocab/mod.rs"]
mod vocab;

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let rel = path.strip_prefix(base).expect("under base");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path.canonicalize().expect("readable path")));
        }
    }
}

/// The pack with the words of the other language left out: every `{ id, en }` text keeps
/// only `lang`'s side.
fn one_language(p: &pack::Pack, lang: &str) -> pack::Pack {
    fn walk(v: &mut serde_json::Value, lang: &str) {
        match v {
            serde_json::Value::Object(map) => {
                let is_text = map.len() == 2
                    && map.get("id").is_some_and(|x| x.is_string())
                    && map.get("en").is_some_and(|x| x.is_string());
                if is_text {
                    let other = if lang == "id" { "en" } else { "id" };
                    map.insert(other.to_string(), serde_json::Value::String(String::new()));
                } else {
                    map.values_mut().for_each(|x| walk(x, lang));
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|x| walk(x, lang)),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(p).expect("a pack serialises");
    walk(&mut v, lang);
    // JSON keeps conditions as text, which reads back without the questions' places.
    let mut one: pack::Pack = serde_json::from_value(v).expect("and reads back");
    one.resolve_conditions();
    one
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let rules = manifest.join("rules");
    println!("cargo:rerun-if-changed=rules");
    for layer in ["vocab", "condition", "diag", "pack"] {
        println!("cargo:rerun-if-changed=src/{layer}");
    }
    let mut files = Vec::new();
    collect(&rules, &rules, &mut files);
    for (_, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    files.sort();

    let mut sources = Vec::new();
    let mut code = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for (rel, path) in &files {
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
        let text = fs::read_to_string(path).unwrap_or_default();
        sources.push(diag::SourceFile::new(
            format!("rules/{rel}"),
            rel.clone(),
            text,
        ));
    }
    code.push_str("];\n");

    // The checked pack, when it has no error; otherwise etika loads the files at run time and
    // shows the errors there.
    let loaded = pack::load_files(
        "embedded",
        sources,
        pack::Depth::Load,
        diag::Diagnostics::new(),
    );
    match loaded.pack {
        Some(mut p) => {
            let cases = std::mem::take(&mut p.cases);
            // The pack in postcard's compact binary form: whole, and with the text of one
            // language only, for the commands that speak one; the cases, which hold answers of
            // several shapes, as JSON.
            let whole = postcard::to_allocvec(&p).expect("a pack serialises");
            fs::write(out_dir.join("embedded_pack.bin"), whole).expect("write the pack");
            for lang in ["id", "en"] {
                let one =
                    postcard::to_allocvec(&one_language(&p, lang)).expect("a pack serialises");
                fs::write(out_dir.join(format!("embedded_pack_{lang}.bin")), one)
                    .expect("write the pack");
            }
            let cases = serde_json::to_string(&cases).expect("cases serialise");
            fs::write(out_dir.join("embedded_cases.json"), cases).expect("write the cases");
            let bytes = |name: &str| {
                format!("Some(include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\")))")
            };
            code.push_str(&format!(
                "pub static PACK: Option<&[u8]> = {};\n\
                 pub static PACK_ID: Option<&[u8]> = {};\n\
                 pub static PACK_EN: Option<&[u8]> = {};\n\
                 pub static CASES: Option<&str> = Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/embedded_cases.json\")));\n",
                bytes("embedded_pack.bin"),
                bytes("embedded_pack_id.bin"),
                bytes("embedded_pack_en.bin"),
            ));
        }
        None => {
            println!(
                "cargo:warning=the default pack in rules/ has {} error(s); `cargo run -- validate` shows them",
                loaded.diagnostics.errors()
            );
            code.push_str(
                "pub static PACK: Option<&[u8]> = None;\npub static PACK_ID: Option<&[u8]> = None;\n\
                 pub static PACK_EN: Option<&[u8]> = None;\npub static CASES: Option<&str> = None;\n",
            );
        }
    }
    fs::write(out_dir.join("embedded_rules.rs"), code).expect("write embedded_rules.rs");
}
