//! Validation: the raw pack in, a checked `Pack` out, and every problem found on the way, each
//! located by the spans the raw model carries. One file per part of the pack; this one holds
//! the checker they share and the order they run in.
//!
//! The raw pack is consumed: its strings move into the checked pack rather than being copied,
//! so a large pack costs its size once, not twice.

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
use crate::vocab::suggest::close_names;
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

/// What conditions may read: each question's kind, options and place.
#[derive(Default)]
pub(super) struct QuestionTable {
    map: HashMap<String, Known>,
    order: Vec<String>,
}

/// One question as conditions see it.
struct Known {
    kind: QuestionKind,
    options: Vec<String>,
    /// The options as a set, for a question with many.
    index: Option<HashSet<String>>,
    place: usize,
}

impl QuestionTable {
    fn new(raw: &RawPack) -> Self {
        let mut t = QuestionTable::default();
        for q in &raw.questions {
            let id = q.item.id.get_ref();
            if t.map.contains_key(id) {
                continue;
            }
            let mut options: Vec<String> = q
                .item
                .options
                .iter()
                .map(|o| o.id.get_ref().clone())
                .collect();
            // "None of these", which every choice question offers (see `questions`).
            if *q.item.kind.get_ref() != QuestionKind::YesNo
                && !options.iter().any(|o| o == crate::vocab::OTHER)
            {
                options.push(crate::vocab::OTHER.to_string());
            }
            let index = (options.len() > 16).then(|| options.iter().cloned().collect());
            t.map.insert(
                id.clone(),
                Known {
                    kind: *q.item.kind.get_ref(),
                    options,
                    index,
                    place: t.order.len(),
                },
            );
            t.order.push(id.clone());
        }
        t
    }

    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.map.get(id).map(|x| x.place)
    }

    /// Whether a question has an option; `None` when there is no such question.
    pub(super) fn has_option(&self, id: &str, option: &str) -> Option<bool> {
        let k = self.map.get(id)?;
        Some(match &k.index {
            Some(set) => set.contains(option),
            None => k.options.iter().any(|o| o == option),
        })
    }

    /// The options of a question, none when there is no such question.
    pub(super) fn options(&self, id: &str) -> impl Iterator<Item = &str> {
        self.map
            .get(id)
            .into_iter()
            .flat_map(|k| k.options.iter().map(String::as_str))
    }

    /// The kind of a question, if there is one by that id.
    pub(super) fn kind(&self, id: &str) -> Option<QuestionKind> {
        self.map.get(id).map(|k| k.kind)
    }
}

/// Every id written in the pack, by kind, whether or not its entry turns out valid; a
/// reference to it is then never reported as unknown, only the entry's own problem.
#[derive(Default)]
pub(super) struct Ids {
    pub principles: HashSet<String>,
    pub questions: HashSet<String>,
    pub actions: HashSet<String>,
    pub services: HashSet<String>,
    /// Every need some service meets.
    pub needs: HashSet<String>,
    pub obligations: HashSet<String>,
    pub tensions: HashSet<String>,
    /// Obligations marked binding.
    pub binding: HashSet<String>,
    /// Principles in the ranking.
    pub ranked: HashSet<String>,
    /// Obligations named as the frame's duties.
    pub frame_duties: HashSet<String>,
    /// Nothing refers to cases.
    pub none: HashSet<String>,
}

impl Ids {
    fn new(raw: &RawPack) -> Ids {
        let ids = |list: &mut dyn Iterator<Item = &String>| list.cloned().collect();
        let meta = raw.meta.as_ref().map(|m| &m.item);
        Ids {
            principles: ids(&mut raw.principles.iter().map(|x| x.item.id.get_ref())),
            questions: ids(&mut raw.questions.iter().map(|x| x.item.id.get_ref())),
            actions: ids(&mut raw.actions.iter().map(|x| x.item.id.get_ref())),
            services: ids(&mut raw.services.iter().map(|x| x.item.id.get_ref())),
            needs: ids(&mut raw
                .services
                .iter()
                .flat_map(|x| x.item.needs.iter())
                .map(|n| n.get_ref())),
            obligations: ids(&mut raw.obligations.iter().map(|x| x.item.id.get_ref())),
            tensions: ids(&mut raw.tensions.iter().map(|x| x.item.id.get_ref())),
            binding: ids(&mut raw
                .obligations
                .iter()
                .filter(|o| o.item.binding)
                .map(|x| x.item.id.get_ref())
                .chain(
                    raw.amendments
                        .iter()
                        .filter(|a| a.item.binding.as_ref().is_some_and(|b| *b.get_ref()))
                        .map(|a| a.item.obligation.get_ref()),
                )),
            ranked: ids(&mut meta
                .iter()
                .flat_map(|m| m.ranking.order.get_ref())
                .map(|p| p.get_ref())),
            frame_duties: ids(&mut meta
                .iter()
                .flat_map(|m| m.frame.iter())
                .chain(raw.overlays.iter().flat_map(|o| o.item.frame.iter()))
                .flat_map(|f| f.get_ref().duties.iter())
                .map(|d| d.get_ref())),
            none: HashSet::new(),
        }
    }
}

pub(super) struct Checker<'r> {
    files: &'r [SourceFile],
    incomplete: Vec<ItemKind>,
    diags: &'r mut Diagnostics,
    questions: QuestionTable,
    pub ids: Ids,
    /// Whether `pack.toml` was read (some checks mean nothing without it).
    pub has_meta: bool,
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
    let bad = crate::vocab::unsafe_char;
    s.chars()
        .any(bad)
        .then(|| s.chars().filter(|c| !bad(*c)).collect())
}

impl<'r> Checker<'r> {
    pub(super) fn file(&self, i: usize) -> &'r SourceFile {
        &self.files[i]
    }

    pub(super) fn add(&mut self, file: usize, span: Option<Range<usize>>, kind: DiagKind) {
        let f = &self.files[file];
        self.diags.add(f, span, kind);
    }

    pub(super) fn incomplete(&self, kind: ItemKind) -> bool {
        self.incomplete.contains(&kind)
    }

    /// Check a text for emptiness, a missing translation and control characters; return it
    /// clean, its words moved rather than copied.
    pub(super) fn text(&mut self, file: usize, raw: RawText, field: Field) -> Text {
        let span = raw.span();
        let (mut id, mut en) = match raw {
            RawText::Same(s) => {
                if s.get_ref().trim().is_empty() {
                    self.add(file, Some(s.span()), DiagKind::EmptyText(field.clone()));
                }
                let s = s.into_inner();
                (s.clone(), s)
            }
            RawText::Both { span, id, en } => {
                let (ib, eb) = (
                    id.get_ref().trim().is_empty(),
                    en.get_ref().trim().is_empty(),
                );
                if ib && eb {
                    self.add(file, Some(span), DiagKind::EmptyText(field.clone()));
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
                (id.into_inner(), en.into_inner())
            }
        };
        let (ci, ce) = (without_controls(&id), without_controls(&en));
        if ci.is_some() || ce.is_some() {
            self.add(file, Some(span), DiagKind::ControlChars(field));
            id = ci.unwrap_or(id);
            en = ce.unwrap_or(en);
        }
        Text { id, en }
    }

    /// A plain string shown to people (an edition, a date, an id no rule refers to): its
    /// control characters removed, with a warning.
    pub(super) fn plain(&mut self, file: usize, raw: Spanned<String>, field: Field) -> String {
        let span = raw.span();
        let s = raw.into_inner();
        match without_controls(&s) {
            Some(clean) => {
                self.add(file, Some(span), DiagKind::ControlChars(field));
                clean
            }
            None => s,
        }
    }

    pub(super) fn opt_text(
        &mut self,
        file: usize,
        raw: Option<RawText>,
        field: Field,
    ) -> Option<Text> {
        raw.map(|t| self.text(file, t, field))
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

    /// The written ids of a kind.
    fn known(&self, kind: ItemKind) -> &HashSet<String> {
        match kind {
            ItemKind::Principle => &self.ids.principles,
            ItemKind::Question => &self.ids.questions,
            ItemKind::Action => &self.ids.actions,
            ItemKind::Service => &self.ids.services,
            ItemKind::Obligation => &self.ids.obligations,
            ItemKind::Tension => &self.ids.tensions,
            ItemKind::Case => &self.ids.none,
        }
    }

    /// A reference to an item of `kind`, which must have been written. Returns the id.
    pub(super) fn reference(&mut self, file: usize, r: Spanned<String>, kind: ItemKind) -> String {
        self.reference_in(file, &r, kind, &[kind]);
        r.into_inner()
    }

    /// A reference that may name an item of any of `kinds`; reported as unknown `kind`.
    pub(super) fn reference_in(
        &mut self,
        file: usize,
        r: &Spanned<String>,
        kind: ItemKind,
        kinds: &[ItemKind],
    ) -> bool {
        let id = r.get_ref().as_str();
        if kinds.iter().any(|k| self.known(*k).contains(id)) {
            return true;
        }
        if kinds.iter().any(|k| self.incomplete(*k)) {
            // Perhaps in an entry that failed to parse: that error is already shown.
            return false;
        }
        let suggestion = if self.diags.full(&self.file(file).name) {
            None
        } else {
            let all = kinds
                .iter()
                .flat_map(|k| self.known(*k).iter().map(String::as_str));
            close_names(id, all)
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

    /// References to items of `kind`, checked and taken.
    pub(super) fn references(
        &mut self,
        file: usize,
        list: Vec<Spanned<String>>,
        kind: ItemKind,
    ) -> Vec<String> {
        list.into_iter()
            .map(|r| self.reference(file, r, kind))
            .collect()
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

    /// A condition etika writes itself (from `parties`): parsed and resolved to the questions'
    /// places. Its parts are checked by whoever builds it.
    pub(super) fn made_condition(&self, text: &str) -> Option<Expr> {
        let mut expr = condition::parse(text).ok()?;
        expr.resolve(&|q| self.questions.position(q));
        Some(expr)
    }

    /// Parse and check a condition; `None` if it has a problem (already reported).
    pub(super) fn condition(&mut self, file: usize, cond: &Spanned<String>) -> Option<Expr> {
        let mut expr = match condition::parse(cond.get_ref()) {
            Ok(e) => e,
            Err(e) => {
                let at = self.condition_span(file, cond, e.span);
                self.add(file, Some(at), DiagKind::Condition(e.kind));
                return None;
            }
        };
        let table = &self.questions;
        let lookup = |id: &str| {
            table.map.get(id).map(|k| QuestionInfo {
                kind: k.kind,
                options: k.options.as_slice(),
                index: k.index.as_ref(),
            })
        };
        let ids = || table.order.iter().map(String::as_str).collect();
        // Only the problems that will be shown are given suggestions.
        let mut room = self.diags.room(&self.files[file].name);
        let mut detail = || {
            let shown = room > 0;
            room = room.saturating_sub(1);
            shown
        };
        let mut errors = condition::check(
            &expr,
            &mut condition::Lookups {
                question: &lookup,
                all_ids: &ids,
                detail: &mut detail,
            },
        );
        if self.incomplete(ItemKind::Question) {
            // A question whose entry failed to parse looks unknown; its error is already shown.
            errors.retain(|e| !matches!(e.kind, CondErrorKind::UnknownQuestion { .. }));
        }
        let ok = errors.is_empty();
        for e in errors {
            let at = self.condition_span(file, cond, e.span);
            self.add(file, Some(at), DiagKind::Condition(e.kind));
        }
        expr.resolve(&|q| self.questions.position(q));
        ok.then_some(expr)
    }
}

/// Check a raw pack, consuming it. Returns the checked pack and where its parts stand (or
/// `None` when an error was found), and the pack's files; every problem goes to `diags`.
pub fn validate(
    raw: RawPack,
    diags: &mut Diagnostics,
) -> (Option<(Pack, Locations)>, Vec<SourceFile>) {
    let questions_table = QuestionTable::new(&raw);
    let ids = Ids::new(&raw);
    let RawPack {
        origin,
        files,
        meta,
        overlays,
        amendments,
        principles,
        questions,
        actions,
        services,
        obligations,
        tensions,
        cases,
        incomplete,
    } = raw;
    let mut cx = Checker {
        files: &files,
        incomplete,
        diags,
        questions: questions_table,
        ids,
        has_meta: meta.is_some(),
    };
    if !files.iter().any(|f| f.rel == "pack.toml") {
        cx.diags.push(crate::diag::Diagnostic::whole(
            "pack.toml",
            DiagKind::NoPackToml,
        ));
    }
    let mut locations = Locations::default();
    // pack.toml first: the pack's head, whose problems are shown before any other's.
    let mut meta = meta.and_then(|m| meta::meta(&mut cx, m, &actions));
    if meta.is_none()
        && let Some(first) = overlays.first()
    {
        // An overlay read without the pack it extends.
        cx.add(
            first.file,
            Some(first.item.extends.span()),
            DiagKind::NoBase {
                extends: first.item.extends.get_ref().clone(),
            },
        );
    }
    for o in overlays {
        if let Some(m) = meta.as_mut() {
            meta::overlay(&mut cx, m, o);
        }
    }
    let principles = meta::principles(&mut cx, principles);
    let questions = questions::questions(&mut cx, questions, &mut locations);
    let services = rules::services(&mut cx, services);
    let actions = rules::actions(&mut cx, actions, &mut locations);
    cx.ids(
        ItemKind::Tension,
        tensions.iter().map(|t| (t.file, &t.item.id)),
    );
    let mut obligations = rules::obligations(&mut cx, obligations, &mut locations);
    rules::amendments(&mut cx, amendments, &mut obligations);
    let tensions = rules::tensions(&mut cx, tensions, &mut locations);
    let cases = cases::cases(&mut cx, cases, &questions);
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
    let checked = match (cx.diags.has_errors(), meta) {
        (false, Some(meta)) => Some((
            Pack::new(
                origin,
                meta,
                principles,
                questions,
                actions,
                services,
                obligations,
                tensions,
                cases,
            ),
            locations,
        )),
        _ => None,
    };
    (checked, files)
}
