//! Parsing each file of a pack into the raw model, collecting every problem.
//!
//! When a file of `[[kind]]` entries does not parse, each entry is parsed on its own, so one
//! mistake does not hide the next and the good entries still load. The work stays linear: each
//! entry is parsed once as a slice of the file, and the good ones once more together.

use std::ops::Range;

use serde::de::DeserializeOwned;

use super::raw::*;
use crate::diag::{DiagKind, Diagnostics, SourceFile};
use crate::vocab::ItemKind;

/// What toml's words for a problem mean, as a kind of our own.
pub fn toml_kind(raw: &str) -> DiagKind {
    let msg = raw.trim().trim_end_matches('.');
    let first = msg.lines().next().unwrap_or("").trim_end_matches('.');
    let ticked = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(|w| format!("`{w}`"))
            .collect()
    };
    let name_in = |s: &str| ticked(s).first().map(|w| w.trim_matches('`').to_string());
    let expected = |s: &str| match s.find(", expected") {
        Some(i) => ticked(&s[i..]).join(", "),
        None => String::new(),
    };
    if let Some(rest) = first.strip_prefix("unknown field ") {
        DiagKind::UnknownField {
            field: name_in(rest).unwrap_or_default(),
            expected: expected(rest),
        }
    } else if let Some(rest) = first.strip_prefix("missing field ") {
        DiagKind::MissingField {
            field: name_in(rest).unwrap_or_default(),
        }
    } else if let Some(rest) = first.strip_prefix("invalid type: ") {
        DiagKind::InvalidType {
            detail: rest.to_string(),
        }
    } else if let Some(rest) = first.strip_prefix("unknown variant ") {
        DiagKind::UnknownVariant {
            value: name_in(rest).unwrap_or_default(),
            expected: expected(rest),
        }
    } else {
        DiagKind::TomlSyntax {
            detail: first.to_string(),
        }
    }
}

fn push_toml_error(file: &SourceFile, e: &toml::de::Error, shift: usize, diags: &mut Diagnostics) {
    let span = e.span().map(|s| (s.start + shift)..(s.end + shift));
    diags.add(file, span, toml_kind(e.message()));
}

fn parse_one<T: DeserializeOwned>(file: &SourceFile, diags: &mut Diagnostics) -> Option<T> {
    match toml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            push_toml_error(file, &e, 0, diags);
            None
        }
    }
}

/// The byte ranges of a file's parts: what comes before the first `[[kind]]` line, then each
/// entry from its `[[kind]]` line to the next.
fn entry_bounds(text: &str, kind: &str) -> Vec<Range<usize>> {
    let header = format!("[[{kind}]]");
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or("").trim();
        if code == header {
            starts.push(offset);
        }
        offset += line.len();
    }
    let mut bounds = Vec::with_capacity(starts.len() + 1);
    bounds.push(0..starts.first().copied().unwrap_or(text.len()));
    for (i, &start) in starts.iter().enumerate() {
        bounds.push(start..starts.get(i + 1).copied().unwrap_or(text.len()));
    }
    bounds
}

/// Parse a file of `[[kind]]` entries, entry by entry when the whole does not parse.
fn parse_entries<F, T>(
    file: &SourceFile,
    kind: &str,
    diags: &mut Diagnostics,
    items: impl Fn(F) -> Vec<T>,
) -> (Vec<T>, bool)
where
    F: DeserializeOwned,
{
    let whole = match toml::from_str::<F>(&file.text) {
        Ok(f) => return (items(f), true),
        Err(e) => e,
    };
    let bounds = entry_bounds(&file.text, kind);
    if bounds.len() < 3 {
        push_toml_error(file, &whole, 0, diags);
        return (Vec::new(), false);
    }
    // Each part alone: its errors are shifted back to their place in the file.
    let mut bad: Vec<Range<usize>> = Vec::new();
    for b in &bounds {
        if let Err(e) = toml::from_str::<F>(&file.text[b.clone()]) {
            push_toml_error(file, &e, b.start, diags);
            bad.push(b.clone());
        }
    }
    if bad.is_empty() {
        // Each part is fine alone but not together (a key repeated across parts, say).
        push_toml_error(file, &whole, 0, diags);
        return (Vec::new(), false);
    }
    // The good parts together, in one copy of the file with the bad parts blanked out (line
    // breaks kept), so every place stays true.
    let mut masked = file.text.clone().into_bytes();
    for b in &bad {
        for byte in &mut masked[b.clone()] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    }
    // Blanking whole lines of ASCII and UTF-8 alike leaves valid UTF-8: every byte of a
    // multi-byte character is replaced.
    let masked = String::from_utf8(masked).unwrap_or_default();
    match toml::from_str::<F>(&masked) {
        Ok(f) => (items(f), false),
        Err(e) => {
            push_toml_error(file, &e, 0, diags);
            (Vec::new(), false)
        }
    }
}

fn tag<T>(file: usize, items: Vec<T>) -> impl Iterator<Item = At<T>> {
    items.into_iter().map(move |item| At { file, item })
}

/// Parse every file into the raw model; files that fail add diagnostics.
pub fn parse(origin: &str, files: Vec<SourceFile>, diags: &mut Diagnostics) -> RawPack {
    let mut pack = RawPack {
        origin: origin.to_string(),
        ..RawPack::default()
    };
    for (index, file) in files.iter().enumerate() {
        let mut incomplete = |kind: ItemKind, whole: bool| {
            if !whole && !pack.incomplete.contains(&kind) {
                pack.incomplete.push(kind);
            }
        };
        match file.rel.as_str() {
            "pack.toml" => {
                pack.meta = parse_one::<RawMeta>(file, diags).map(|item| At { file: index, item });
            }
            "principles.toml" => {
                let (items, whole) =
                    parse_entries(file, "principle", diags, |f: PrincipleFile| f.principle);
                incomplete(ItemKind::Principle, whole);
                pack.principles.extend(tag(index, items));
            }
            "questions.toml" => {
                let (items, whole) =
                    parse_entries(file, "question", diags, |f: QuestionFile| f.question);
                incomplete(ItemKind::Question, whole);
                pack.questions.extend(tag(index, items));
            }
            "actions.toml" => {
                let (items, whole) = parse_entries(file, "action", diags, |f: ActionFile| f.action);
                incomplete(ItemKind::Action, whole);
                pack.actions.extend(tag(index, items));
            }
            "tensions.toml" => {
                let (items, whole) =
                    parse_entries(file, "tension", diags, |f: TensionFile| f.tension);
                incomplete(ItemKind::Tension, whole);
                pack.tensions.extend(tag(index, items));
            }
            rel if rel.starts_with("obligations/") => {
                let (items, whole) =
                    parse_entries(file, "obligation", diags, |f: ObligationFile| f.obligation);
                incomplete(ItemKind::Obligation, whole);
                pack.obligations.extend(tag(index, items));
            }
            rel if rel.starts_with("cases/") => match parse_one::<RawCase>(file, diags) {
                Some(item) => pack.cases.push(At { file: index, item }),
                None => incomplete(ItemKind::Case, false),
            },
            _ => diags.add(file, None, DiagKind::NotAPackFile),
        }
    }
    pack.files = files;
    pack
}
