//! Actions, obligations and tensions: their references, their conditions, and actions that
//! nothing calls for.

use std::collections::HashSet;

use super::{Checker, Locations};
use crate::diag::{DiagKind, Field};
use crate::pack::model::{Action, Meta, Obligation, Tension};
use crate::pack::raw::{At, RawAction, RawAmend, RawObligation, RawTension};
use crate::vocab::ItemKind;

pub(super) fn actions(
    cx: &mut Checker,
    raw: Vec<At<RawAction>>,
    locations: &mut Locations,
) -> Vec<Action> {
    cx.ids(ItemKind::Action, raw.iter().map(|a| (a.file, &a.item.id)));
    raw.into_iter()
        .map(|At { file: f, item: a }| {
            locations.actions.push((f, a.id.span()));
            let id = a.id.into_inner();
            Action {
                text: cx.text(f, a.text, Field::of(ItemKind::Action, &id, "text")),
                when: a.when.as_ref().and_then(|w| cx.condition(f, w)),
                phase: a.phase,
                consult: a.consult,
                id,
            }
        })
        .collect()
}

pub(super) fn obligations(
    cx: &mut Checker,
    raw: Vec<At<RawObligation>>,
    locations: &mut Locations,
) -> Vec<Obligation> {
    cx.ids(
        ItemKind::Obligation,
        raw.iter().map(|o| (o.file, &o.item.id)),
    );
    raw.into_iter()
        .map(|At { file: f, item: o }| {
            let id_span = o.id.span();
            let id = o.id.into_inner();
            let field = |name| Field::of(ItemKind::Obligation, &id, name);
            let title = cx.text(f, o.title, field("title"));
            let text = cx.text(f, o.text, field("text"));
            let source = cx.text(f, o.source, field("source"));
            if o.principles.is_empty() {
                cx.add(
                    f,
                    Some(id_span.clone()),
                    DiagKind::NoPrinciples { id: id.clone() },
                );
            }
            let principles = cx.references(f, o.principles, ItemKind::Principle);
            let actions = cx.references(f, o.actions, ItemKind::Action);
            let when = match &o.when {
                Some(w) => {
                    locations.obligations.push((f, w.span()));
                    cx.condition(f, w)
                }
                None => {
                    locations.obligations.push((f, id_span.clone()));
                    if !cx.ids.frame_duties.contains(&id) {
                        cx.add(f, Some(id_span), DiagKind::NoWhen { id: id.clone() });
                    }
                    None
                }
            };
            Obligation {
                id,
                title,
                text,
                source,
                principles,
                when,
                binding: o.binding,
                actions,
                consult: o.consult,
            }
        })
        .collect()
}

pub(super) fn tensions(
    cx: &mut Checker,
    raw: Vec<At<RawTension>>,
    locations: &mut Locations,
) -> Vec<Tension> {
    cx.ids(ItemKind::Tension, raw.iter().map(|t| (t.file, &t.item.id)));
    raw.into_iter()
        .filter_map(|At { file: f, item: t }| {
            let id_span = t.id.span();
            let id = t.id.into_inner();
            let field = |name| Field::of(ItemKind::Tension, &id, name);
            let title = cx.text(f, t.title, field("title"));
            let explanation = cx.text(f, t.explanation, field("explanation"));
            let two =
                t.principles.len() == 2 && t.principles[0].get_ref() != t.principles[1].get_ref();
            if !two {
                cx.add(
                    f,
                    Some(id_span.clone()),
                    DiagKind::TensionPrinciples { id: id.clone() },
                );
            }
            if two
                && cx.has_meta
                && t.principles
                    .iter()
                    .all(|p| !cx.ids.ranked.contains(p.get_ref()))
            {
                cx.add(
                    f,
                    Some(id_span),
                    DiagKind::TensionUnranked { id: id.clone() },
                );
            }
            let principles = cx.references(f, t.principles, ItemKind::Principle);
            let actions = cx.references(f, t.actions, ItemKind::Action);
            let mut settled_by = Vec::with_capacity(t.settled_by.len());
            for o in t.settled_by {
                let known = cx.reference_in(f, &o, ItemKind::Obligation, &[ItemKind::Obligation]);
                if known && !cx.ids.binding.contains(o.get_ref()) {
                    cx.add(
                        f,
                        Some(o.span()),
                        DiagKind::SettledByNotBinding {
                            tension: id.clone(),
                            obligation: o.get_ref().clone(),
                        },
                    );
                }
                settled_by.push(o.into_inner());
            }
            let when = cx.condition(f, &t.when);
            let (Some(when), true) = (when, two) else {
                return None;
            };
            locations.tensions.push((f, t.when.span()));
            let [a, b]: [String; 2] = principles.try_into().ok()?;
            Some(Tension {
                id,
                title,
                principles: [a, b],
                when,
                explanation,
                actions,
                settled_by,
                consult: t.consult,
            })
        })
        .collect()
}

/// Warn about actions nobody calls for; run only when no error may have hidden their users.
pub(super) fn unused_actions(
    cx: &mut Checker,
    actions: &[Action],
    obligations: &[Obligation],
    tensions: &[Tension],
    meta: Option<&Meta>,
    locations: &Locations,
) {
    let used: HashSet<&str> = obligations
        .iter()
        .flat_map(|o| &o.actions)
        .chain(tensions.iter().flat_map(|t| &t.actions))
        .chain(meta.iter().flat_map(|m| &m.frame.steps))
        .map(String::as_str)
        .collect();
    for (a, (f, span)) in actions.iter().zip(&locations.actions) {
        // A consultation step may be given for the level it stands for.
        if !used.contains(a.id.as_str()) && a.consult.is_none() {
            cx.add(
                *f,
                Some(span.clone()),
                DiagKind::UnusedAction { id: a.id.clone() },
            );
        }
    }
}

/// Overlays' amendments to obligations: made binding, steps added, consultation raised.
/// Anything that would weaken an obligation is an error: that takes a replacement.
pub(super) fn amendments(cx: &mut Checker, raw: Vec<At<RawAmend>>, obligations: &mut [Obligation]) {
    for At { file: f, item: a } in raw {
        if !cx.reference_in(
            f,
            &a.obligation,
            ItemKind::Obligation,
            &[ItemKind::Obligation],
        ) {
            continue;
        }
        let id = a.obligation.into_inner();
        let actions = cx.references(f, a.actions, ItemKind::Action);
        let Some(o) = obligations.iter_mut().find(|o| o.id == id) else {
            continue;
        };
        if let Some(b) = a.binding {
            if *b.get_ref() {
                o.binding = true;
            } else {
                cx.add(
                    f,
                    Some(b.span()),
                    DiagKind::AmendUnbinding { id: id.clone() },
                );
            }
        }
        for action in actions {
            if !o.actions.contains(&action) {
                o.actions.push(action);
            }
        }
        if let Some(c) = a.consult {
            let to = *c.get_ref();
            if to < o.consult {
                cx.add(
                    f,
                    Some(c.span()),
                    DiagKind::AmendLowersConsult {
                        id: id.clone(),
                        from: o.consult,
                        to,
                    },
                );
            } else {
                o.consult = to;
            }
        }
    }
}
