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
    } else if first == "recursion limit" || first.starts_with("cannot recurse further") {
        DiagKind::NestedTooDeep
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

/// Arrays and inline tables may nest this deep in a rule file or an answers file; a pack
/// needs three or four levels.
pub const MAX_NESTING: usize = 32;

/// Where brackets or braces first nest deeper than `MAX_NESTING`, found by a scan that knows
/// TOML's strings and comments. toml itself gives up somewhat deeper, but only after
/// building what it read so far: an array left open over thousands of lines cost it a
/// hundred times the file's size in memory. So a file nested too deeply never reaches it.
pub fn too_deep(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    // Skip a string opened at `i` with `quote` (one or three of them); return where it ends.
    let skip_string = |mut i: usize, quote: u8| -> usize {
        let triple = b[i..].starts_with(&[quote; 3]);
        i += if triple { 3 } else { 1 };
        while i < b.len() {
            match b[i] {
                b'\\' if quote == b'"' => i += 2,
                b'\n' if !triple => return i,
                c if c == quote => {
                    if !triple {
                        return i + 1;
                    }
                    if b[i..].starts_with(&[quote; 3]) {
                        // Up to two more quotes may belong to the string.
                        let mut end = i + 3;
                        while end < b.len() && b[end] == quote && end < i + 5 {
                            end += 1;
                        }
                        return end;
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        b.len()
    };
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                i = skip_string(i, q);
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where an error that toml reports without a place is: the line at which a prefix of the
/// text, cut at line ends, first fails with the same message (found by halving, so a few
/// parses however long the text). `None` when no prefix fails so: the whole is to blame.
pub fn locate_spanless<T: DeserializeOwned>(text: &str, message: &str) -> Option<Range<usize>> {
    let ends: Vec<usize> = text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain((!text.ends_with('\n')).then_some(text.len()))
        .collect();
    let fails = |lines: usize| {
        toml::from_str::<T>(&text[..ends[lines - 1]])
            .err()
            .is_some_and(|e| e.span().is_none() && e.message() == message)
    };
    // The first `lines` with a failing prefix: `lo` lines do not fail, `hi` lines do.
    let (mut lo, mut hi) = (0, ends.len());
    if hi == 0 || !fails(hi) {
        return None;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fails(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let start = if hi == 1 { 0 } else { ends[hi - 2] };
    let end = ends[hi - 1];
    let line = &text[start..end];
    // The line without its break, from its first non-blank character.
    let lead = line.len() - line.trim_start().len();
    let body = line.trim_end().len();
    Some((start + lead.min(body))..(start + body.max(lead)))
}

/// Add toml's error about `part` (the text of `file` from `shift` on), located: by toml's
/// span, or when toml gives none, by `locate_spanless` read as `T`.
fn push_toml_error<T: DeserializeOwned>(
    file: &SourceFile,
    part: &str,
    e: &toml::de::Error,
    shift: usize,
    diags: &mut Diagnostics,
) {
    let span = e
        .span()
        .or_else(|| locate_spanless::<T>(part, e.message()))
        .map(|s| (s.start + shift)..(s.end + shift));
    diags.add(file, span, toml_kind(e.message()));
}

fn parse_one<T: DeserializeOwned>(file: &SourceFile, diags: &mut Diagnostics) -> Option<T> {
    if let Some(at) = too_deep(&file.text) {
        diags.add(file, Some(at..at + 1), DiagKind::NestedTooDeep);
        return None;
    }
    match toml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            push_toml_error::<T>(file, &file.text, &e, 0, diags);
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
    // A file nested too deeply is not given to toml whole; its entries may still be read.
    let deep = too_deep(&file.text);
    let whole = match deep {
        Some(_) => None,
        None => match toml::from_str::<F>(&file.text) {
            Ok(f) => return (items(f), true),
            Err(e) => Some(e),
        },
    };
    let whole_error = |diags: &mut Diagnostics| match (&whole, deep) {
        (Some(e), _) => push_toml_error::<F>(file, &file.text, e, 0, diags),
        (None, Some(at)) => diags.add(file, Some(at..at + 1), DiagKind::NestedTooDeep),
        (None, None) => {}
    };
    let bounds = entry_bounds(&file.text, kind);
    if bounds.len() < 3 {
        whole_error(diags);
        return (Vec::new(), false);
    }
    // Each part alone: its errors are shifted back to their place in the file.
    let mut bad: Vec<Range<usize>> = Vec::new();
    for b in &bounds {
        let part = &file.text[b.clone()];
        if let Some(at) = too_deep(part) {
            let at = b.start + at;
            diags.add(file, Some(at..at + 1), DiagKind::NestedTooDeep);
            bad.push(b.clone());
        } else if let Err(e) = toml::from_str::<F>(part) {
            push_toml_error::<F>(file, part, &e, b.start, diags);
            bad.push(b.clone());
        }
    }
    if bad.is_empty() {
        // Each part is fine alone but not together (a key repeated across parts, say).
        whole_error(diags);
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
            push_toml_error::<F>(file, &masked, &e, 0, diags);
            (Vec::new(), false)
        }
    }
}

fn tag<T>(file: usize, items: Vec<T>) -> impl Iterator<Item = At<T>> {
    items.into_iter().map(move |item| At { file, item })
}

/// What one file held.
enum Parsed {
    Meta(Option<RawMeta>),
    Overlay(Option<RawOverlayMeta>),
    Amendments(Vec<RawAmend>),
    Principles(Vec<RawPrinciple>),
    Questions(Vec<RawQuestion>),
    Actions(Vec<RawAction>),
    Services(Vec<RawService>),
    Obligations(Vec<RawObligation>),
    Tensions(Vec<RawTension>),
    Case(Option<RawCase>),
    Other,
}

/// The `extends` of a `pack.toml`, when it has one: the pack is then an overlay.
pub fn extends_in(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    table.get("extends")?.as_str().map(str::to_string)
}

/// The `id` of a `pack.toml`.
pub fn id_in(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    table.get("id")?.as_str().map(str::to_string)
}

/// Parse one file; `whole` is false when some entry of it failed.
fn parse_file(file: &SourceFile, diags: &mut Diagnostics) -> (Parsed, bool) {
    match file.rel.as_str() {
        "pack.toml" if extends_in(&file.text).is_some() => {
            let meta = parse_one::<RawOverlayMeta>(file, diags);
            let whole = meta.is_some();
            (Parsed::Overlay(meta), whole)
        }
        "amendments.toml" => {
            let (items, whole) = parse_entries(file, "amend", diags, |f: AmendmentFile| f.amend);
            (Parsed::Amendments(items), whole)
        }
        "pack.toml" => {
            let meta = parse_one::<RawMeta>(file, diags);
            let whole = meta.is_some();
            (Parsed::Meta(meta), whole)
        }
        "principles.toml" => {
            let (items, whole) =
                parse_entries(file, "principle", diags, |f: PrincipleFile| f.principle);
            (Parsed::Principles(items), whole)
        }
        "questions.toml" => {
            let (items, whole) =
                parse_entries(file, "question", diags, |f: QuestionFile| f.question);
            (Parsed::Questions(items), whole)
        }
        "actions.toml" => {
            let (items, whole) = parse_entries(file, "action", diags, |f: ActionFile| f.action);
            (Parsed::Actions(items), whole)
        }
        "services.toml" => {
            let (items, whole) = parse_entries(file, "service", diags, |f: ServiceFile| f.service);
            (Parsed::Services(items), whole)
        }
        "tensions.toml" => {
            let (items, whole) = parse_entries(file, "tension", diags, |f: TensionFile| f.tension);
            (Parsed::Tensions(items), whole)
        }
        rel if rel.starts_with("obligations/") => {
            let (items, whole) =
                parse_entries(file, "obligation", diags, |f: ObligationFile| f.obligation);
            (Parsed::Obligations(items), whole)
        }
        rel if rel.starts_with("cases/") => {
            let case = parse_one::<RawCase>(file, diags);
            let whole = case.is_some();
            (Parsed::Case(case), whole)
        }
        _ => {
            diags.add(file, None, DiagKind::NotAPackFile);
            (Parsed::Other, true)
        }
    }
}

/// Below this many bytes in all, files are parsed one after another; above it, on as many
/// threads as the machine has cores (up to four).
const PARALLEL_FROM: usize = 512 * 1024;

/// Parse every file into the raw model; files that fail add diagnostics, in file order.
pub fn parse(origin: &str, files: Vec<SourceFile>, diags: &mut Diagnostics) -> RawPack {
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    let threads = if total < PARALLEL_FROM {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4)
    };
    let mut results: Vec<Option<(Parsed, bool, Diagnostics)>> = Vec::new();
    results.resize_with(files.len(), || None);
    if threads <= 1 {
        for (slot, file) in results.iter_mut().zip(&files) {
            let mut d = Diagnostics::new();
            let (parsed, whole) = parse_file(file, &mut d);
            *slot = Some((parsed, whole, d));
        }
    } else {
        // Files dealt out in turn, so big and small files spread over the threads; this
        // thread takes its share too.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let done = std::sync::Mutex::new(&mut results);
        let work = || {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                let mut d = Diagnostics::new();
                let (parsed, whole) = parse_file(file, &mut d);
                if let Ok(mut r) = done.lock() {
                    r[i] = Some((parsed, whole, d));
                }
            }
        };
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(work);
            }
            work();
        });
    }
    let mut pack = RawPack {
        origin: origin.to_string(),
        ..RawPack::default()
    };
    for (index, result) in results.into_iter().enumerate() {
        let Some((parsed, whole, d)) = result else {
            continue;
        };
        diags.extend(d);
        let kind = match parsed {
            Parsed::Meta(m) => {
                pack.meta = m.map(|item| At { file: index, item });
                None
            }
            Parsed::Overlay(m) => {
                pack.overlays.extend(m.map(|item| At { file: index, item }));
                None
            }
            Parsed::Amendments(items) => {
                pack.amendments.extend(tag(index, items));
                Some(ItemKind::Obligation)
            }
            Parsed::Principles(items) => {
                pack.principles.extend(tag(index, items));
                Some(ItemKind::Principle)
            }
            Parsed::Questions(items) => {
                pack.questions.extend(tag(index, items));
                Some(ItemKind::Question)
            }
            Parsed::Actions(items) => {
                pack.actions.extend(tag(index, items));
                Some(ItemKind::Action)
            }
            Parsed::Services(items) => {
                pack.services.extend(tag(index, items));
                Some(ItemKind::Service)
            }
            Parsed::Obligations(items) => {
                pack.obligations.extend(tag(index, items));
                Some(ItemKind::Obligation)
            }
            Parsed::Tensions(items) => {
                pack.tensions.extend(tag(index, items));
                Some(ItemKind::Tension)
            }
            Parsed::Case(c) => {
                if let Some(item) = c {
                    pack.cases.push(At { file: index, item });
                }
                Some(ItemKind::Case)
            }
            Parsed::Other => None,
        };
        if let (Some(kind), false) = (kind, whole)
            && !pack.incomplete.contains(&kind)
        {
            pack.incomplete.push(kind);
        }
    }
    pack.files = files;
    if pack.overlays.is_empty() {
        only_in_overlays(&mut pack, diags);
    }
    pack
}

/// In a pack that extends nothing, `replaces` and amendments have nothing to act on.
fn only_in_overlays(pack: &mut RawPack, diags: &mut Diagnostics) {
    let mut found: Vec<(usize, Range<usize>)> = Vec::new();
    let mut note = |file: usize, r: &Option<toml::Spanned<String>>| {
        if let Some(r) = r {
            found.push((file, r.span()));
        }
    };
    pack.principles
        .iter()
        .for_each(|x| note(x.file, &x.item.replaces));
    pack.questions
        .iter()
        .for_each(|x| note(x.file, &x.item.replaces));
    pack.actions
        .iter()
        .for_each(|x| note(x.file, &x.item.replaces));
    pack.services
        .iter()
        .for_each(|x| note(x.file, &x.item.replaces));
    pack.obligations
        .iter()
        .for_each(|x| note(x.file, &x.item.replaces));
    pack.tensions
        .iter()
        .for_each(|x| note(x.file, &x.item.replaces));
    pack.cases
        .iter()
        .for_each(|x| note(x.file, &x.item.replaces));
    for (file, span) in found {
        diags.add(&pack.files[file], Some(span), DiagKind::ReplacesInBase);
    }
    for a in std::mem::take(&mut pack.amendments) {
        diags.add(
            &pack.files[a.file],
            Some(a.item.obligation.span()),
            DiagKind::AmendInBase,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_strings_and_comments_only() {
        let deep = format!("x = {}1{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(too_deep(&deep), Some(4 + MAX_NESTING));
        let fine = format!("x = {}1{}", "[".repeat(32), "]".repeat(32));
        assert_eq!(too_deep(&fine), None);
        // Brackets in strings of every kind, escaped quotes and comments do not count.
        let quoted = "[[obligation]]\n\
            a = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \\\" [[[[\"\n\
            b = '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n\
            c = \"\"\"\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\"\"\"\n\
            d = '''[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['''\n\
            # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n\
            e = [{ f = [1] }]\n";
        assert_eq!(too_deep(quoted), None);
        // An array left open keeps counting, line after line.
        let open = "x = [[[[[[[[[[\n".repeat(4);
        // Ten a line: the 33rd is the third bracket of the fourth line.
        assert_eq!(too_deep(&open), Some(3 * "x = [[[[[[[[[[\n".len() + 4 + 2));
    }
}
