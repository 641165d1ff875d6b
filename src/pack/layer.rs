//! Layered packs: a base pack and overlays that `extend` it (an agency's own policy on top of
//! the national code), merged as raw packs before one validation of the whole.
//!
//! An overlay adds entries of every kind, amends the base's obligations (`amendments.toml`)
//! and replaces an entry only when the entry says so (`replaces = "<id>"`); an entry whose id
//! the base already has is otherwise an error, so nothing is replaced by accident. Each file
//! carries its layer's id, so every problem names the layer it is in.

use std::collections::HashMap;

use toml::Spanned;

use super::parse::{self, id_in};
use super::raw::{At, RawPack};
use super::{Depth, Loaded};
use crate::diag::{DiagKind, Diagnostics, SourceFile};
use crate::vocab::ItemKind;
use crate::vocab::suggest::close_names;

/// One layer's files, as read, and the problems met reading them.
pub struct Layer {
    /// Where it came from, as shown to the user (`embedded` or a folder).
    pub origin: String,
    pub files: Vec<SourceFile>,
    pub diags: Diagnostics,
}

/// The `extends` of a layer's `pack.toml`, when it is an overlay.
pub fn extends_of(files: &[SourceFile]) -> Option<String> {
    let meta = files.iter().find(|f| f.rel == "pack.toml")?;
    parse::extends_in(&meta.text)
}

/// The `id` of a layer's `pack.toml`.
pub fn id_of(files: &[SourceFile]) -> Option<String> {
    let meta = files.iter().find(|f| f.rel == "pack.toml")?;
    id_in(&meta.text)
}

/// Load layers, base first: each is parsed, laid on the ones below it, and the whole is
/// validated once. With one layer this is the same as loading that pack alone.
///
/// An overlay extends any layer already loaded: the one just before it (a chain), or one
/// further down, so that two overlays on one base (`--rules a --rules b`, both extending the
/// embedded pack) are both applied. Overlays side by side add and amend freely; only one of
/// them may replace a given entry.
pub fn load_layers(layers: Vec<Layer>, depth: Depth) -> Loaded {
    let many = layers.len() > 1;
    let mut diags = Diagnostics::new();
    let mut merged: Option<RawPack> = None;
    let mut origins = Vec::new();
    let mut stack = Stack::default();
    for layer in layers {
        let Layer {
            origin,
            mut files,
            diags: read,
        } = layer;
        if many {
            let name = id_of(&files).unwrap_or_else(|| origin.clone());
            for f in &mut files {
                f.layer = Some(name.clone());
            }
        }
        diags.extend(read);
        let raw = parse::parse(&origin, files, &mut diags);
        origins.push(origin);
        merged = Some(match merged {
            None => raw,
            Some(base) => merge(base, raw, &mut diags, &mut stack),
        });
    }
    let mut raw = merged.unwrap_or_default();
    raw.origin = origins.join(" + ");
    super::finish(raw, depth, diags)
}

/// The id of the pack a raw pack stands for: its top overlay's, or its own.
fn top_id(raw: &RawPack) -> Option<String> {
    match raw.overlays.last() {
        Some(o) => Some(o.item.id.get_ref().clone()),
        None => raw.meta.as_ref().map(|m| m.item.id.get_ref().clone()),
    }
}

/// The ids of every layer a raw pack is made of, base first.
fn layer_ids(raw: &RawPack) -> Vec<String> {
    raw.meta
        .iter()
        .map(|m| m.item.id.get_ref().clone())
        .chain(raw.overlays.iter().map(|o| o.item.id.get_ref().clone()))
        .collect()
}

/// What the layers laid so far say about each other: the layer each overlay extends, and
/// which overlay replaced each entry (by kind and id).
#[derive(Default)]
struct Stack {
    extends: HashMap<String, String>,
    replaced: HashMap<(ItemKind, String), String>,
}

impl Stack {
    /// Whether `layer` stands on `below`, directly or through the layers between.
    fn stands_on(&self, layer: &str, below: &str) -> bool {
        let mut at = layer;
        // Each step goes one layer down; a loop in `extends` cannot go on for ever.
        for _ in 0..=self.extends.len() {
            match self.extends.get(at) {
                Some(next) if next == below => return true,
                Some(next) => at = next,
                None => return false,
            }
        }
        false
    }
}

/// Lay `over` on `base`. Problems with how they fit go to `diags`; entries that would replace
/// silently are left out, so each problem is reported once.
fn merge(mut base: RawPack, over: RawPack, diags: &mut Diagnostics, stack: &mut Stack) -> RawPack {
    let shift = base.files.len();
    let below = layer_ids(&base);
    let top = top_id(&base).unwrap_or_else(|| base.origin.clone());
    let RawPack {
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
        ..
    } = over;
    base.files.extend(files);
    for kind in incomplete {
        if !base.incomplete.contains(&kind) {
            base.incomplete.push(kind);
        }
    }
    // The overlay must say that it extends a layer below it: the one just before, or one
    // further down (an overlay beside another on the same base).
    let fits = match (&meta, overlays.first()) {
        (Some(m), _) => {
            diags.add(
                &base.files[m.file + shift],
                None,
                DiagKind::NotAnOverlay { base: top.clone() },
            );
            false
        }
        (None, Some(o)) if below.contains(o.item.id.get_ref()) => {
            diags.add(
                &base.files[o.file + shift],
                Some(o.item.id.span()),
                DiagKind::LoadedTwice {
                    id: o.item.id.get_ref().clone(),
                },
            );
            false
        }
        (None, Some(o)) if !below.contains(o.item.extends.get_ref()) => {
            diags.add(
                &base.files[o.file + shift],
                Some(o.item.extends.span()),
                DiagKind::WrongBase {
                    extends: o.item.extends.get_ref().clone(),
                    base: top.clone(),
                },
            );
            false
        }
        // No pack.toml that parsed: its own error is already reported.
        (None, _) => true,
    };
    if !fits {
        return base;
    }
    // The base an overlay's messages name: the layer it extends.
    let (base_id, own) = match overlays.first() {
        Some(o) => {
            let (id, on) = (o.item.id.get_ref(), o.item.extends.get_ref());
            stack.extends.insert(id.clone(), on.clone());
            (on.clone(), id.clone())
        }
        None => (top.clone(), String::new()),
    };
    let moved = |file: usize| file + shift;
    base.overlays.extend(overlays.into_iter().map(|mut o| {
        o.file = moved(o.file);
        o
    }));
    base.amendments.extend(amendments.into_iter().map(|mut a| {
        a.file = moved(a.file);
        a
    }));
    let files = &base.files;
    let mut cx = Merge {
        files,
        base: &base_id,
        own: &own,
        diags,
        shift,
        stack,
    };
    cx.items(
        ItemKind::Principle,
        &mut base.principles,
        principles,
        |x| &mut x.replaces,
        |x| &x.id,
    );
    cx.items(
        ItemKind::Question,
        &mut base.questions,
        questions,
        |x| &mut x.replaces,
        |x| &x.id,
    );
    cx.items(
        ItemKind::Action,
        &mut base.actions,
        actions,
        |x| &mut x.replaces,
        |x| &x.id,
    );
    cx.items(
        ItemKind::Service,
        &mut base.services,
        services,
        |x| &mut x.replaces,
        |x| &x.id,
    );
    cx.items(
        ItemKind::Obligation,
        &mut base.obligations,
        obligations,
        |x| &mut x.replaces,
        |x| &x.id,
    );
    cx.items(
        ItemKind::Tension,
        &mut base.tensions,
        tensions,
        |x| &mut x.replaces,
        |x| &x.id,
    );
    cx.items(
        ItemKind::Case,
        &mut base.cases,
        cases,
        |x| &mut x.replaces,
        |x| &x.id,
    );
    base
}

struct Merge<'a> {
    files: &'a [SourceFile],
    base: &'a str,
    /// The overlay's own id (empty when its pack.toml did not parse).
    own: &'a str,
    diags: &'a mut Diagnostics,
    shift: usize,
    stack: &'a mut Stack,
}

impl Merge<'_> {
    /// An overlay's entries of one kind: added, or put in the place of the entry they
    /// replace.
    fn items<T>(
        &mut self,
        kind: ItemKind,
        base: &mut Vec<At<T>>,
        over: Vec<At<T>>,
        replaces: impl Fn(&mut T) -> &mut Option<Spanned<String>>,
        id: impl Fn(&T) -> &Spanned<String>,
    ) {
        let mut place: HashMap<String, usize> = HashMap::new();
        for (i, x) in base.iter().enumerate() {
            place.entry(id(&x.item).get_ref().clone()).or_insert(i);
        }
        for At { file, mut item } in over {
            let file = file + self.shift;
            let own = id(&item).get_ref().clone();
            let own_span = id(&item).span();
            let known = place.contains_key(&own);
            match replaces(&mut item).take() {
                None if known => self.diags.add(
                    &self.files[file],
                    Some(own_span),
                    DiagKind::SilentReplace {
                        kind,
                        id: own,
                        base: self.base.to_string(),
                    },
                ),
                Some(r) if r.get_ref() == &own && known => {
                    let key = (kind, own.clone());
                    match self.stack.replaced.get(&key) {
                        // Replaced already by an overlay this one does not stand on: both
                        // cannot hold.
                        Some(first) if !self.stack.stands_on(self.own, first) => {
                            self.diags.add(
                                &self.files[file],
                                Some(r.span()),
                                DiagKind::ReplacedTwice {
                                    kind,
                                    id: own,
                                    first: first.clone(),
                                },
                            );
                        }
                        _ => {
                            if !self.own.is_empty() {
                                self.stack.replaced.insert(key, self.own.to_string());
                            }
                            base[place[&own]] = At { file, item };
                        }
                    }
                }
                Some(r) => {
                    let kind = if r.get_ref() != &own {
                        DiagKind::ReplacesOtherId {
                            replaces: r.get_ref().clone(),
                            id: own.clone(),
                        }
                    } else {
                        let mut ids: Vec<&str> = place.keys().map(String::as_str).collect();
                        ids.sort_unstable();
                        let suggestion = close_names(&own, ids);
                        DiagKind::ReplacesUnknown {
                            kind,
                            id: own.clone(),
                            base: self.base.to_string(),
                            suggestion,
                        }
                    };
                    self.diags.add(&self.files[file], Some(r.span()), kind);
                    // Kept as an addition when it can be, so that what refers to it is not
                    // reported as well.
                    if !known {
                        base.push(At { file, item });
                    }
                }
                None => base.push(At { file, item }),
            }
        }
    }
}
