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
            let core = serde_json::to_string(&p).expect("a pack serialises");
            let cases = serde_json::to_string(&cases).expect("cases serialise");
            fs::write(out_dir.join("embedded_pack.json"), core).expect("write the pack");
            fs::write(out_dir.join("embedded_cases.json"), cases).expect("write the cases");
            code.push_str(
                "pub static PACK: Option<&str> = Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/embedded_pack.json\")));\n\
                 pub static CASES: Option<&str> = Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/embedded_cases.json\")));\n",
            );
        }
        None => {
            println!(
                "cargo:warning=the default pack in rules/ has {} error(s); `cargo run -- validate` shows them",
                loaded.diagnostics.errors()
            );
            code.push_str(
                "pub static PACK: Option<&str> = None;\npub static CASES: Option<&str> = None;\n",
            );
        }
    }
    fs::write(out_dir.join("embedded_rules.rs"), code).expect("write embedded_rules.rs");
}
