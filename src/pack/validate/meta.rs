//! `pack.toml` (languages, ranking, frame) and the principles.

use std::collections::HashSet;

use super::Checker;
use crate::diag::{DiagKind, Field};
use crate::pack::model::{Frame, Layer, Meta, Principle, Ranking, SourceDoc};
use crate::pack::raw::{At, RawAction, RawMeta, RawOverlayMeta, RawPrinciple};
use crate::vocab::ItemKind;

pub(super) fn principles(cx: &mut Checker, raw: Vec<At<RawPrinciple>>) -> Vec<Principle> {
    cx.ids(
        ItemKind::Principle,
        raw.iter().map(|p| (p.file, &p.item.id)),
    );
    raw.into_iter()
        .map(|At { file: f, item: p }| {
            let id = p.id.into_inner();
            let field = |name| Field::of(ItemKind::Principle, &id, name);
            Principle {
                name: cx.text(f, p.name, field("name")),
                description: cx.text(f, p.description, field("description")),
                source: cx.text(f, p.source, field("source")),
                id,
            }
        })
        .collect()
}

pub(super) fn meta(cx: &mut Checker, at: At<RawMeta>, actions: &[At<RawAction>]) -> Option<Meta> {
    let At { file: f, item: m } = at;
    for lang in ["id", "en"] {
        if !m.languages.get_ref().iter().any(|l| l == lang) {
            cx.add(
                f,
                Some(m.languages.span()),
                DiagKind::MissingLanguage { lang },
            );
        }
    }
    let order_span = m.ranking.order.span();
    let mut seen: HashSet<String> = HashSet::new();
    let mut order = Vec::new();
    for p in m.ranking.order.into_inner() {
        if !seen.insert(p.get_ref().clone()) {
            cx.add(
                f,
                Some(p.span()),
                DiagKind::RankingDuplicate {
                    id: p.get_ref().clone(),
                },
            );
        }
        order.push(cx.reference(f, p, ItemKind::Principle));
    }
    if order.is_empty() {
        cx.add(f, Some(order_span), DiagKind::RankingEmpty);
    }
    let frame = match m.frame {
        None => {
            cx.add(f, None, DiagKind::NoFrame);
            Frame::default()
        }
        Some(frame) => {
            let span = frame.span();
            let frame = frame.into_inner();
            let steps = cx.references(f, frame.steps, ItemKind::Action);
            let always = steps.iter().any(|s| {
                actions
                    .iter()
                    .any(|a| a.item.id.get_ref() == s && a.item.when.is_none())
            });
            if !always && !cx.incomplete(ItemKind::Action) {
                cx.add(f, Some(span), DiagKind::FrameStepsEmpty);
            }
            Frame {
                duties: cx.references(f, frame.duties, ItemKind::Obligation),
                steps,
            }
        }
    };
    let pack = Field::pack;
    let sources = m
        .sources
        .into_iter()
        .map(|s| SourceDoc {
            id: cx.plain(f, s.id, pack("source id")),
            name: cx.text(f, s.name, pack("source name")),
            note: cx.opt_text(f, s.note, pack("source note")),
        })
        .collect();
    let (id, name, edition) = (
        cx.plain(f, m.id, pack("id")),
        cx.text(f, m.name, pack("name")),
        cx.plain(f, m.edition, pack("edition")),
    );
    Some(Meta {
        layers: vec![Layer {
            id: id.clone(),
            edition: edition.clone(),
            name: name.clone(),
        }],
        id,
        name,
        edition,
        effective: cx.plain(f, m.effective, pack("effective")),
        languages: m.languages.into_inner(),
        description: cx.opt_text(f, m.description, pack("description")),
        disclaimer: cx.text(f, m.disclaimer, pack("disclaimer")),
        ranking: Ranking {
            order,
            source: cx.text(f, m.ranking.source, pack("ranking source")),
            note: cx.opt_text(f, m.ranking.note, pack("ranking note")),
        },
        sources,
        frame,
    })
}

/// An overlay's `pack.toml` laid on the meta below it: its id, name and edition become the
/// pack's; its frame and sources are added; it is named among the layers.
pub(super) fn overlay(cx: &mut Checker, meta: &mut Meta, at: At<RawOverlayMeta>) {
    let At { file: f, item: m } = at;
    let pack = Field::pack;
    let name = cx.text(f, m.name, pack("name"));
    let (id, edition) = (m.id.into_inner(), m.edition.into_inner());
    if let Some(frame) = m.frame {
        let frame = frame.into_inner();
        let duties = cx.references(f, frame.duties, ItemKind::Obligation);
        let steps = cx.references(f, frame.steps, ItemKind::Action);
        for d in duties {
            if !meta.frame.duties.contains(&d) {
                meta.frame.duties.push(d);
            }
        }
        for s in steps {
            if !meta.frame.steps.contains(&s) {
                meta.frame.steps.push(s);
            }
        }
    }
    for s in m.sources {
        let doc = SourceDoc {
            id: s.id.into_inner(),
            name: cx.text(f, s.name, pack("source name")),
            note: cx.opt_text(f, s.note, pack("source note")),
        };
        meta.sources.push(doc);
    }
    if let Some(e) = m.effective {
        meta.effective = e.into_inner();
    }
    if let Some(d) = m.description {
        meta.description = Some(cx.text(f, d, pack("description")));
    }
    meta.layers.push(Layer {
        id: id.clone(),
        edition: edition.clone(),
        name: name.clone(),
    });
    meta.id = id;
    meta.name = name;
    meta.edition = edition;
}
