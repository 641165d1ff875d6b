//! Actions, obligations and tensions: their references, their conditions, and actions that
//! nothing calls for.

use std::collections::HashSet;

use super::{Checker, Locations};
use crate::diag::{DiagKind, Field};
use crate::pack::model::{Action, Meta, Obligation, Party, Service, Tension};
use crate::pack::raw::{At, RawAction, RawAmend, RawObligation, RawService, RawTension};
use crate::vocab::suggest::close_names;
use crate::vocab::{DECISION, ItemKind, QuestionKind, Text};

/// The longest a step's `short` should be, in characters.
pub const SHORT_MAX: usize = 60;

/// A short title made from a step's text, for a step written without one: its first sentence,
/// or its first words.
pub(crate) fn short_from(text: &str) -> String {
    let first = text
        .split_inclusive(['.', ':', ';'])
        .next()
        .unwrap_or(text)
        .trim_end_matches(['.', ':', ';'])
        .trim();
    if first.chars().count() <= SHORT_MAX {
        return first.to_string();
    }
    let head: String = first.chars().take(SHORT_MAX - 1).collect();
    let cut = head.rfind(' ').map_or(head.as_str(), |i| &head[..i]);
    format!("{}…", cut.trim_end_matches([',', ' ']))
}

pub(super) fn services(cx: &mut Checker, raw: Vec<At<RawService>>) -> Vec<Service> {
    cx.ids(ItemKind::Service, raw.iter().map(|s| (s.file, &s.item.id)));
    raw.into_iter()
        .map(|At { file: f, item: s }| {
            let id_span = s.id.span();
            let id = s.id.into_inner();
            let field = |name| Field::of(ItemKind::Service, &id, name);
            if s.needs.is_empty() {
                cx.add(f, Some(id_span), DiagKind::NoNeeds { id: id.clone() });
            }
            let mut needs = Vec::with_capacity(s.needs.len());
            for n in s.needs {
                if !super::is_snake_id(n.get_ref()) {
                    cx.add(
                        f,
                        Some(n.span()),
                        DiagKind::BadId {
                            kind: ItemKind::Service,
                            id: n.get_ref().clone(),
                        },
                    );
                }
                needs.push(n.into_inner());
            }
            Service {
                name: cx.text(f, s.name, field("name")),
                contact: cx.text(f, s.contact, field("contact")),
                source: cx.text(f, s.source, field("source")),
                serves: s.serves.as_ref().and_then(|c| cx.condition(f, c)),
                own: s.own.as_ref().and_then(|c| cx.condition(f, c)),
                needs,
                id,
            }
        })
        .collect()
}

pub(super) fn actions(
    cx: &mut Checker,
    raw: Vec<At<RawAction>>,
    locations: &mut Locations,
) -> Vec<Action> {
    cx.ids(ItemKind::Action, raw.iter().map(|a| (a.file, &a.item.id)));
    raw.into_iter()
        .map(|At { file: f, item: a }| {
            locations.actions.push((f, a.id.span()));
            let id_span = a.id.span();
            let id = a.id.into_inner();
            let text = cx.text(f, a.text, Field::of(ItemKind::Action, &id, "text"));
            let short = match a.short {
                Some(raw) => {
                    let span = raw.span();
                    let short = cx.text(f, raw, Field::of(ItemKind::Action, &id, "short"));
                    let len = short.id.chars().count().max(short.en.chars().count());
                    if len > SHORT_MAX {
                        cx.add(
                            f,
                            Some(span),
                            DiagKind::ShortTooLong {
                                id: id.clone(),
                                len,
                            },
                        );
                    }
                    short
                }
                None => {
                    cx.add(
                        f,
                        Some(id_span.clone()),
                        DiagKind::MissingShort { id: id.clone() },
                    );
                    Text {
                        id: short_from(&text.id),
                        en: short_from(&text.en),
                    }
                }
            };
            let parties = parties(cx, f, &id, &id_span, a.parties);
            let mut refer = Vec::with_capacity(a.refer.len());
            for n in a.refer {
                if !cx.ids.needs.contains(n.get_ref()) && !cx.incomplete(ItemKind::Service) {
                    let suggestion =
                        close_names(n.get_ref(), cx.ids.needs.iter().map(String::as_str));
                    cx.add(
                        f,
                        Some(n.span()),
                        DiagKind::UnknownNeed {
                            id: id.clone(),
                            need: n.get_ref().clone(),
                            suggestion,
                        },
                    );
                }
                refer.push(n.into_inner());
            }
            Action {
                text,
                short,
                weight: a.weight.map(|w| w.into_inner()).unwrap_or_default(),
                when: a.when.as_ref().and_then(|w| cx.condition(f, w)),
                parties,
                refer,
                done: a.done.as_ref().and_then(|w| cx.condition(f, w)),
                phase: a.phase,
                consult: a.consult,
                id,
            }
        })
        .collect()
}

/// The parties a step is for, each with the condition under which it is given for that one:
/// ticked under `at_risk`, and not also ticked under `harm_from` (the one causing the harm).
fn parties(
    cx: &mut Checker,
    f: usize,
    id: &str,
    id_span: &std::ops::Range<usize>,
    raw: Vec<toml::Spanned<String>>,
) -> Vec<Party> {
    if raw.is_empty() {
        return Vec::new();
    }
    if cx.questions.kind("at_risk") != Some(QuestionKind::AnyOf) {
        cx.add(
            f,
            Some(id_span.clone()),
            DiagKind::NoAtRisk { id: id.to_string() },
        );
        return Vec::new();
    }
    let harm_from = cx.questions.kind("harm_from") == Some(QuestionKind::AnyOf);
    let mut out = Vec::with_capacity(raw.len());
    for p in raw {
        let party = p.get_ref();
        if cx.questions.has_option("at_risk", party) != Some(true) || party == crate::vocab::OTHER {
            let suggestion = close_names(party, cx.questions.options("at_risk"));
            cx.add(
                f,
                Some(p.span()),
                DiagKind::UnknownParty {
                    id: id.to_string(),
                    party: party.clone(),
                    suggestion,
                },
            );
            continue;
        }
        let text = if harm_from && cx.questions.has_option("harm_from", party) == Some(true) {
            format!("'{party}' in at_risk and not ('{party}' in harm_from)")
        } else {
            format!("'{party}' in at_risk")
        };
        if let Some(when) = cx.made_condition(&text) {
            out.push(Party {
                id: p.into_inner(),
                when,
            });
        }
    }
    out
}

/// The steps an obligation or tension marks decisive: each one of its own steps.
fn decisive(
    cx: &mut Checker,
    f: usize,
    item: &str,
    actions: &[String],
    raw: Vec<toml::Spanned<String>>,
) -> Vec<String> {
    let mut out = Vec::with_capacity(raw.len());
    for d in raw {
        if !actions.contains(d.get_ref()) {
            cx.add(
                f,
                Some(d.span()),
                DiagKind::DecisiveNotAction {
                    item: item.to_string(),
                    action: d.get_ref().clone(),
                },
            );
        }
        out.push(d.into_inner());
    }
    out
}

/// The decisions a binding duty settles: options of the `decision` question.
fn decides(cx: &mut Checker, f: usize, item: &str, raw: Vec<toml::Spanned<String>>) -> Vec<String> {
    let mut out = Vec::with_capacity(raw.len());
    for d in raw {
        if cx.questions.has_option(DECISION, d.get_ref()) != Some(true) {
            let suggestion = close_names(d.get_ref(), cx.questions.options(DECISION));
            cx.add(
                f,
                Some(d.span()),
                DiagKind::UnknownDecision {
                    item: item.to_string(),
                    decision: d.get_ref().clone(),
                    suggestion,
                },
            );
        }
        out.push(d.into_inner());
    }
    out
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
            let decisive = decisive(cx, f, &id, &actions, o.decisive);
            let decides = decides(cx, f, &id, o.decides);
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
                decisive,
                decides,
                settles: o.settles,
                rules_out: crate::pack::model::RulesOut {
                    steps: cx.references(f, o.rules_out.steps, ItemKind::Action),
                    tensions: cx.references(f, o.rules_out.tensions, ItemKind::Tension),
                },
            }
        })
        .collect()
}

pub(super) fn tensions(
    cx: &mut Checker,
    raw: Vec<At<RawTension>>,
    locations: &mut Locations,
) -> Vec<Tension> {
    // Their ids are known before the obligations, which may rule tensions out.
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
            let decisive = decisive(cx, f, &id, &actions, t.decisive);
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
                decisive,
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
    // The engine gives, for a consultation level no step stands for, the pack's first step at
    // that level whose `when` holds: one with no `when` at all is chosen every time, and a
    // later step at that level that no rule lists is then never given.
    let mut unconditional: Vec<(crate::vocab::Consult, &str)> = Vec::new();
    for (a, (f, span)) in actions.iter().zip(&locations.actions) {
        // A consultation step may be given for the level it stands for.
        if !used.contains(a.id.as_str()) && a.consult.is_none() {
            cx.add(
                *f,
                Some(span.clone()),
                DiagKind::UnusedAction { id: a.id.clone() },
            );
        }
        let Some(level) = a.consult else { continue };
        let shadowed = unconditional.iter().find(|(l, _)| *l == level);
        if let Some((_, by)) = shadowed.filter(|_| !used.contains(a.id.as_str())) {
            cx.add(
                *f,
                Some(span.clone()),
                DiagKind::ShadowedConsult {
                    id: a.id.clone(),
                    level: level.id(),
                    by: by.to_string(),
                },
            );
        } else if a.when.is_none() {
            unconditional.push((level, a.id.as_str()));
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
