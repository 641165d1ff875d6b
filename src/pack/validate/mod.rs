//! Validation: the raw pack in, a checked `Pack` out, and every problem found on the way, each
//! located by the spans the raw model carries. One file per part of the pack; this one holds
//! the checker they share and the order they run in.

mod cases;
mod meta;
mod questions;
mod rules;
mod strings;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::model::Pack;
use super::raw::{RawPack, RawText};
use crate::condition::{self, CondErrorKind, Expr, QuestionInfo};
use crate::diag::{DiagKind, Diagnostics, Field, SourceFile};
use crate::vocab::suggest::closest;
use crate::vocab::{ItemKind, QuestionKind, Text};

/// Where the parts of a checked pack stand in its files, for the checks that run on the
/// checked pack (reachability). Each list runs parallel to the pack's own.
#[derive(Debug, Clone, Default)]
pub struct Locations {
    /// A question's `ask_if`.
    pub questions: Vec<Option<(usize, Range<usize>)>>,
    /// An action's id.
    pub actions: Vec<(usize, Range<usize>)>,
    /// An obligation's `when` (or its id, for a frame duty without one).
    pub obligations: Vec<(usize, Range<usize>)>,
    /// A tension's `when`.
    pub tensions: Vec<(usize, Range<usize>)>,
}

/// What conditions may read: each question's kind and options.
pub(super) struct QuestionTable<'r> {
    map: HashMap<&'r str, (QuestionKind, Vec<&'r str>, usize)>,
    order: Vec<&'r str>,
}

impl<'r> QuestionTable<'r> {
    fn new(raw: &'r RawPack) -> Self {
        let mut map = HashMap::new();
        let mut order = Vec::new();
        for q in &raw.questions {
            let id = q.item.id.get_ref().as_str();
            map.entry(id).or_insert_with(|| {
                order.push(id);
                (
                    *q.item.kind.get_ref(),
                    q.item
                        .options
                        .iter()
                        .map(|o| o.id.get_ref().as_str())
                        .collect(),
                    order.len() - 1,
                )
            });
        }
        QuestionTable { map, order }
    }

    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.map.get(id).map(|x| x.2)
    }
}

pub(super) struct Checker<'r> {
    raw: &'r RawPack,
    diags: &'r mut Diagnostics,
    questions: QuestionTable<'r>,
}

pub(super) fn is_snake_id(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Text with control characters removed, line breaks and tabs kept.
fn without_controls(s: &str) -> Option<String> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t';
    s.chars()
        .any(bad)
        .then(|| s.chars().filter(|c| !bad(*c)).collect())
}

impl<'r> Checker<'r> {
    pub(super) fn file(&self, i: usize) -> &'r SourceFile {
        &self.raw.files[i]
    }

    pub(super) fn add(&mut self, file: usize, span: Option<Range<usize>>, kind: DiagKind) {
        let f = &self.raw.files[file];
        self.diags.add(f, span, kind);
    }

    pub(super) fn incomplete(&self, kind: ItemKind) -> bool {
        self.raw.incomplete.contains(&kind)
    }

    /// Check a text for emptiness, a missing translation and control characters; return it
    /// clean.
    pub(super) fn text(&mut self, file: usize, raw: &RawText, field: Field) -> Text {
        let (mut id, mut en) = match raw {
            RawText::Same(s) => {
                if s.get_ref().trim().is_empty() {
                    self.add(file, Some(s.span()), DiagKind::EmptyText(field.clone()));
                }
                (s.get_ref().clone(), s.get_ref().clone())
            }
            RawText::Both { span, id, en } => {
                let (ib, eb) = (
                    id.get_ref().trim().is_empty(),
                    en.get_ref().trim().is_empty(),
                );
                if ib && eb {
                    self.add(file, Some(span.clone()), DiagKind::EmptyText(field.clone()));
                } else if ib || eb {
                    let (missing, at) = if ib {
                        (crate::vocab::Lang::Id, id.span())
                    } else {
                        (crate::vocab::Lang::En, en.span())
                    };
                    self.add(
                        file,
                        Some(at),
                        DiagKind::MissingTranslation {
                            field: field.clone(),
                            lang: missing,
                        },
                    );
                }
                (id.get_ref().clone(), en.get_ref().clone())
            }
        };
        let (ci, ce) = (without_controls(&id), without_controls(&en));
        if ci.is_some() || ce.is_some() {
            self.add(file, Some(raw.span()), DiagKind::ControlChars(field));
            id = ci.unwrap_or(id);
            en = ce.unwrap_or(en);
        }
        Text { id, en }
    }

    pub(super) fn opt_text(
        &mut self,
        file: usize,
        raw: &Option<RawText>,
        field: Field,
    ) -> Option<Text> {
        raw.as_ref().map(|t| self.text(file, t, field))
    }

    /// Ids of one kind: well-formed and unique.
    pub(super) fn ids<'a>(
        &mut self,
        kind: ItemKind,
        ids: impl Iterator<Item = (usize, &'a Spanned<String>)>,
    ) {
        let mut first: HashMap<&str, (usize, usize)> = HashMap::new();
        for (file, id) in ids {
            let s = id.get_ref().as_str();
            if !is_snake_id(s) {
                self.add(
                    file,
                    Some(id.span()),
                    DiagKind::BadId {
                        kind,
                        id: s.to_string(),
                    },
                );
            }
            match first.get(s) {
                Some(&(f0, at0)) => {
                    let f = self.file(f0);
                    let (line, _) = f.line_col(at0);
                    let first = format!("{}:{line}", f.name);
                    self.add(
                        file,
                        Some(id.span()),
                        DiagKind::DuplicateId {
                            kind,
                            id: s.to_string(),
                            first,
                        },
                    );
                }
                None => {
                    first.insert(s, (file, id.span().start));
                }
            }
        }
    }

    /// A reference to an item of `kind`, which must be in `known`.
    pub(super) fn reference(
        &mut self,
        file: usize,
        r: &Spanned<String>,
        kind: ItemKind,
        known: &HashSet<&str>,
    ) -> bool {
        let id = r.get_ref().as_str();
        if known.contains(id) {
            return true;
        }
        if self.incomplete(kind) {
            // Perhaps in an entry that failed to parse: that error is already shown.
            return false;
        }
        let suggestion = if self.diags.full(&self.file(file).name) {
            None
        } else {
            closest(id, known.iter().copied()).map(str::to_string)
        };
        self.add(
            file,
            Some(r.span()),
            DiagKind::UnknownRef {
                kind,
                id: id.to_string(),
                suggestion,
            },
        );
        false
    }

    /// The place in the file of a part of a condition's value.
    fn condition_span(
        &self,
        file: usize,
        cond: &Spanned<String>,
        part: Range<usize>,
    ) -> Range<usize> {
        let span = cond.span();
        let token = self.file(file).text.get(span.clone()).unwrap_or("");
        match strings::value_offsets(token) {
            Some(m) if part.start < m.len() => {
                let s = span.start + m[part.start];
                let e = span.start + m[part.end.min(m.len() - 1)];
                s..e.max(s + 1)
            }
            _ => span,
        }
    }

    /// Parse and check a condition; `None` if it has a problem (already reported).
    pub(super) fn condition(&mut self, file: usize, cond: &Spanned<String>) -> Option<Expr> {
        let expr = match condition::parse(cond.get_ref()) {
            Ok(e) => e,
            Err(e) => {
                let at = self.condition_span(file, cond, e.span);
                self.add(file, Some(at), DiagKind::Condition(e.kind));
                return None;
            }
        };
        let table = &self.questions;
        let lookup = |id: &str| {
            table.map.get(id).map(|(kind, options, _)| QuestionInfo {
                kind: *kind,
                options: options.as_slice(),
            })
        };
        let ids = || table.order.clone();
        let mut errors = condition::check(&expr, &lookup, &ids);
        if self.incomplete(ItemKind::Question) {
            // A question whose entry failed to parse looks unknown; its error is already shown.
            errors.retain(|e| !matches!(e.kind, CondErrorKind::UnknownQuestion { .. }));
        }
        let ok = errors.is_empty();
        for e in errors {
            let at = self.condition_span(file, cond, e.span);
            self.add(file, Some(at), DiagKind::Condition(e.kind));
        }
        ok.then_some(expr)
    }
}

/// Check a raw pack. Returns the checked pack and where its parts stand, or `None` when an
/// error was found; every problem goes to `diags`.
pub fn validate(raw: &RawPack, diags: &mut Diagnostics) -> Option<(Pack, Locations)> {
    let errors_before = diags.errors();
    let mut cx = Checker {
        raw,
        diags,
        questions: QuestionTable::new(raw),
    };
    if !raw.files.iter().any(|f| f.rel == "pack.toml") {
        cx.diags.push(crate::diag::Diagnostic::whole(
            "pack.toml",
            DiagKind::NoPackToml,
        ));
    }
    let mut locations = Locations::default();
    let principles = meta::principles(&mut cx);
    let questions = questions::questions(&mut cx, &mut locations);
    let (actions, obligations, tensions) = rules::rules(&mut cx, &mut locations);
    let meta = meta::meta(&mut cx, &principles, &obligations, &actions);
    let cases = cases::cases(&mut cx, &questions);
    if !cx.diags.has_errors() {
        rules::unused_actions(
            &mut cx,
            &actions,
            &obligations,
            &tensions,
            meta.as_ref(),
            &locations,
        );
    }
    if cx.diags.errors() > errors_before {
        return None;
    }
    let meta = meta?;
    let pack = Pack::new(
        raw.origin.clone(),
        meta,
        principles,
        questions,
        actions,
        obligations,
        tensions,
        cases,
    );
    Some((pack, locations))
}
