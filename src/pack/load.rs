//! Reading a pack's files and parsing each into the model, collecting every problem.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::Pack;
use super::model::*;
use crate::diagnostic::Diagnostic;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// One file of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The name shown in messages: `rules/questions.toml`, or the path given by the user.
    pub name: String,
    /// The path within the pack, with `/`: `questions.toml`, `obligations/clients.toml`.
    pub rel: String,
    pub text: String,
}

/// The default pack, as compiled into the binary.
pub fn embedded_files() -> Vec<SourceFile> {
    embedded::FILES
        .iter()
        .map(|(rel, text)| SourceFile {
            name: format!("rules/{rel}"),
            rel: rel.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// Every `.toml` file in a pack folder and its `obligations/` and `cases/` folders.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    if !dir.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("`{}` is not a folder", dir.display()),
        ));
    }
    let mut files = Vec::new();
    for sub in ["", "obligations", "cases"] {
        let folder = if sub.is_empty() {
            dir.to_path_buf()
        } else {
            dir.join(sub)
        };
        if !folder.is_dir() {
            continue;
        }
        let mut entries: Vec<_> = std::fs::read_dir(&folder)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
            .collect();
        entries.sort();
        for path in entries {
            let bytes = std::fs::read(&path)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("`{}` is not UTF-8 text: save it as UTF-8", path.display()),
                )
            })?;
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            let rel = if sub.is_empty() {
                file_name.to_string()
            } else {
                format!("{sub}/{file_name}")
            };
            files.push(SourceFile {
                name: path.display().to_string(),
                rel,
                text,
            });
        }
    }
    Ok(files)
}

fn parse_one<T: DeserializeOwned>(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            diags.push(toml_diagnostic(&file.name, &file.text, &e));
            None
        }
    }
}

fn toml_diagnostic(name: &str, text: &str, e: &toml::de::Error) -> Diagnostic {
    let (message, help) = explain_toml_error(e.message());
    Diagnostic::error(name, text, e.span(), message).with_help_opt(help)
}

/// Parse a file of `[[kind]]` entries. When the whole file does not parse, each entry is
/// parsed on its own, so one mistake does not hide the others and the good entries still
/// load. Each entry is parsed within a copy of the file in which every other entry is
/// blanked out (newlines kept), so spans and line numbers stay those of the real file.
fn parse_entries<F, T>(
    file: &SourceFile,
    kind: &str,
    diags: &mut Vec<Diagnostic>,
    items: impl Fn(F) -> Vec<T>,
) -> Vec<T>
where
    F: DeserializeOwned,
{
    let e = match toml::from_str::<F>(&file.text) {
        Ok(f) => return items(f),
        Err(e) => e,
    };
    let header = format!("[[{kind}]]");
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or("").trim();
        if code == header {
            starts.push(offset);
        }
        offset += line.len();
    }
    if starts.len() < 2 {
        diags.push(toml_diagnostic(&file.name, &file.text, &e));
        return Vec::new();
    }
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    bounds.push((0, starts[0]));
    for (i, &start) in starts.iter().enumerate() {
        bounds.push((start, starts.get(i + 1).copied().unwrap_or(file.text.len())));
    }
    let mut out = Vec::new();
    for (a, b) in bounds {
        let masked = blank_outside(&file.text, a, b);
        match toml::from_str::<F>(&masked) {
            Ok(f) => out.extend(items(f)),
            Err(e) => diags.push(toml_diagnostic(&file.name, &file.text, &e)),
        }
    }
    out
}

/// `text` with everything outside `a..b` replaced by spaces byte for byte (newlines kept).
fn blank_outside(text: &str, a: usize, b: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if (a..b).contains(&i) || c == '\n' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

/// Turn serde's wording into ours, with a hint where we can give one.
pub(crate) fn explain_toml_error(raw: &str) -> (String, Option<String>) {
    let msg = raw.trim().trim_end_matches('.').to_string();
    let help = if msg.starts_with("unknown field") {
        Some(match msg.find(", expected") {
            Some(i) => format!("check the field name; expected {}", msg[i + 11..].trim()),
            None => "check the field name".to_string(),
        })
    } else if msg.starts_with("missing field") {
        Some("add the field; see the README's rule-pack format".to_string())
    } else if msg.starts_with("invalid type") {
        Some("check the value's type: text needs quotes, lists need [ ]".to_string())
    } else if msg.starts_with("unknown variant") {
        Some(match msg.find(", expected") {
            Some(i) => format!("use one of{}", &msg[i + 10..]),
            None => "check the spelling of the value".to_string(),
        })
    } else if msg.starts_with("data did not match any variant of untagged enum Text") {
        return (
            "text must be a string or a table `{ id = \"…\", en = \"…\" }`".to_string(),
            Some("give both languages: `title = { id = \"…\", en = \"…\" }`".to_string()),
        );
    } else {
        Some("fix the TOML syntax at this place".to_string())
    };
    let first = msg.lines().next().unwrap_or("").to_string();
    (first, help)
}

/// Parse every file into the model; files that fail to parse add diagnostics and are skipped.
pub(super) fn parse(files: Vec<SourceFile>, diags: &mut Vec<Diagnostic>) -> Pack {
    let mut pack = Pack::default();
    for (index, file) in files.iter().enumerate() {
        let errors_before = diags.len();
        match file.rel.as_str() {
            "pack.toml" => pack.meta = parse_one::<Meta>(file, diags),
            "principles.toml" => {
                pack.principles.extend(parse_entries(
                    file,
                    "principle",
                    diags,
                    |f: PrincipleFile| f.principle,
                ));
            }
            "questions.toml" => {
                let items = parse_entries(file, "question", diags, |f: QuestionFile| f.question);
                pack.questions.extend(items.into_iter().map(|mut q| {
                    q.file = index;
                    q
                }));
            }
            "actions.toml" => {
                let items = parse_entries(file, "action", diags, |f: ActionFile| f.action);
                pack.actions.extend(items.into_iter().map(|mut a| {
                    a.file = index;
                    a
                }));
            }
            "tensions.toml" => {
                let items = parse_entries(file, "tension", diags, |f: TensionFile| f.tension);
                pack.tensions.extend(items.into_iter().map(|mut t| {
                    t.file = index;
                    t
                }));
            }
            rel if rel.starts_with("obligations/") => {
                let items =
                    parse_entries(file, "obligation", diags, |f: ObligationFile| f.obligation);
                pack.obligations.extend(items.into_iter().map(|mut o| {
                    o.file = index;
                    o
                }));
            }
            rel if rel.starts_with("cases/") => {
                if let Some(mut c) = parse_one::<Case>(file, diags) {
                    c.file = index;
                    pack.cases.push(c);
                }
            }
            _ => diags.push(
                Diagnostic::warning(
                    &file.name,
                    &file.text,
                    None,
                    "this file is not part of a pack",
                )
                .with_help(
                    "a pack has pack.toml, principles.toml, questions.toml, actions.toml, \
                         tensions.toml, obligations/*.toml and cases/*.toml",
                ),
            ),
        }
        if diags[errors_before..].iter().any(|d| d.is_error()) {
            let kind = match file.rel.as_str() {
                "principles.toml" => "principle",
                "questions.toml" => "question",
                "actions.toml" => "action",
                "tensions.toml" => "tension",
                rel if rel.starts_with("obligations/") => "obligation",
                _ => "",
            };
            if !kind.is_empty() && !pack.incomplete.contains(&kind) {
                pack.incomplete.push(kind);
            }
        }
    }
    pack.files = files;
    if pack.meta.is_none() && !pack.files.iter().any(|f| f.rel == "pack.toml") {
        diags.push(
            Diagnostic::error("pack.toml", "", None, "the pack has no pack.toml").with_help(
                "every pack needs pack.toml with its id, edition and ranking of principles",
            ),
        );
    }
    pack
}
