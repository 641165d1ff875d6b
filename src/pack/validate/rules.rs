//! Actions, obligations and tensions: their references, their conditions, and actions that
//! nothing calls for.

use std::collections::HashSet;

use super::{Checker, Locations};
use crate::diag::{DiagKind, Field};
use crate::pack::model::{Action, Meta, Obligation, Tension};
use crate::vocab::ItemKind;

pub(super) fn rules(
    cx: &mut Checker,
    locations: &mut Locations,
) -> (Vec<Action>, Vec<Obligation>, Vec<Tension>) {
    let raw = cx.raw;
    let principles: HashSet<&str> = raw
        .principles
        .iter()
        .map(|p| p.item.id.get_ref().as_str())
        .collect();
    let action_ids: HashSet<&str> = raw
        .actions
        .iter()
        .map(|a| a.item.id.get_ref().as_str())
        .collect();
    let frame_duties: HashSet<&str> = raw
        .meta
        .iter()
        .flat_map(|m| m.item.frame.iter())
        .flat_map(|f| f.get_ref().duties.iter())
        .map(|d| d.get_ref().as_str())
        .collect();

    cx.ids(
        ItemKind::Action,
        raw.actions.iter().map(|a| (a.file, &a.item.id)),
    );
    let actions = raw
        .actions
        .iter()
        .map(|at| {
            let (f, a) = (at.file, &at.item);
            let id = a.id.get_ref();
            locations.actions.push((f, a.id.span()));
            Action {
                id: id.clone(),
                phase: a.phase,
                text: cx.text(f, &a.text, Field::of(ItemKind::Action, id, "text")),
                when: a.when.as_ref().and_then(|w| cx.condition(f, w)),
                consult: a.consult,
            }
        })
        .collect();

    cx.ids(
        ItemKind::Obligation,
        raw.obligations.iter().map(|o| (o.file, &o.item.id)),
    );
    let obligations = raw
        .obligations
        .iter()
        .map(|at| {
            let (f, o) = (at.file, &at.item);
            let id = o.id.get_ref();
            let field = |name| Field::of(ItemKind::Obligation, id, name);
            let title = cx.text(f, &o.title, field("title"));
            let text = cx.text(f, &o.text, field("text"));
            let source = cx.text(f, &o.source, field("source"));
            if o.principles.is_empty() {
                cx.add(
                    f,
                    Some(o.id.span()),
                    DiagKind::NoPrinciples { id: id.clone() },
                );
            }
            for p in &o.principles {
                cx.reference(f, p, ItemKind::Principle, &principles);
            }
            for a in &o.actions {
                cx.reference(f, a, ItemKind::Action, &action_ids);
            }
            let when = match &o.when {
                Some(w) => {
                    locations.obligations.push((f, w.span()));
                    cx.condition(f, w)
                }
                None => {
                    locations.obligations.push((f, o.id.span()));
                    if !frame_duties.contains(id.as_str()) {
                        cx.add(f, Some(o.id.span()), DiagKind::NoWhen { id: id.clone() });
                    }
                    None
                }
            };
            Obligation {
                id: id.clone(),
                title,
                text,
                source,
                principles: o.principles.iter().map(|p| p.get_ref().clone()).collect(),
                when,
                binding: o.binding,
                actions: o.actions.iter().map(|a| a.get_ref().clone()).collect(),
                consult: o.consult,
            }
        })
        .collect::<Vec<_>>();

    cx.ids(
        ItemKind::Tension,
        raw.tensions.iter().map(|t| (t.file, &t.item.id)),
    );
    let binding: HashSet<&str> = raw
        .obligations
        .iter()
        .filter(|o| o.item.binding)
        .map(|o| o.item.id.get_ref().as_str())
        .collect();
    let obligation_ids: HashSet<&str> = raw
        .obligations
        .iter()
        .map(|o| o.item.id.get_ref().as_str())
        .collect();
    let ranked: HashSet<&str> = raw
        .meta
        .iter()
        .flat_map(|m| m.item.ranking.order.get_ref().iter())
        .map(|p| p.get_ref().as_str())
        .collect();
    let tensions = raw
        .tensions
        .iter()
        .filter_map(|at| {
            let (f, t) = (at.file, &at.item);
            let id = t.id.get_ref();
            let field = |name| Field::of(ItemKind::Tension, id, name);
            let title = cx.text(f, &t.title, field("title"));
            let explanation = cx.text(f, &t.explanation, field("explanation"));
            let two =
                t.principles.len() == 2 && t.principles[0].get_ref() != t.principles[1].get_ref();
            if !two {
                cx.add(
                    f,
                    Some(t.id.span()),
                    DiagKind::TensionPrinciples { id: id.clone() },
                );
            }
            for p in &t.principles {
                cx.reference(f, p, ItemKind::Principle, &principles);
            }
            if two
                && cx.raw.meta.is_some()
                && t.principles
                    .iter()
                    .all(|p| !ranked.contains(p.get_ref().as_str()))
            {
                cx.add(
                    f,
                    Some(t.id.span()),
                    DiagKind::TensionUnranked { id: id.clone() },
                );
            }
            for a in &t.actions {
                cx.reference(f, a, ItemKind::Action, &action_ids);
            }
            for o in &t.settled_by {
                if cx.reference(f, o, ItemKind::Obligation, &obligation_ids)
                    && !binding.contains(o.get_ref().as_str())
                {
                    cx.add(
                        f,
                        Some(o.span()),
                        DiagKind::SettledByNotBinding {
                            tension: id.clone(),
                            obligation: o.get_ref().clone(),
                        },
                    );
                }
            }
            locations.tensions.push((f, t.when.span()));
            let when = cx.condition(f, &t.when);
            let (Some(when), true) = (when, two) else {
                locations.tensions.pop();
                return None;
            };
            Some(Tension {
                id: id.clone(),
                title,
                principles: [
                    t.principles[0].get_ref().clone(),
                    t.principles[1].get_ref().clone(),
                ],
                when,
                explanation,
                actions: t.actions.iter().map(|a| a.get_ref().clone()).collect(),
                settled_by: t.settled_by.iter().map(|s| s.get_ref().clone()).collect(),
                consult: t.consult,
            })
        })
        .collect();
    (actions, obligations, tensions)
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
