//! `pack.toml` (languages, ranking, frame) and the principles.

use std::collections::HashSet;

use super::Checker;
use crate::diag::{DiagKind, Field};
use crate::pack::model::{Action, Frame, Meta, Principle, Ranking, SourceDoc};
use crate::pack::raw::{At, RawMeta, RawPrinciple};
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

pub(super) fn meta(cx: &mut Checker, at: At<RawMeta>, actions: &[Action]) -> Option<Meta> {
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
            let always = steps
                .iter()
                .any(|s| actions.iter().any(|a| &a.id == s && a.when.is_none()));
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
    Some(Meta {
        id: cx.plain(f, m.id, pack("id")),
        name: cx.text(f, m.name, pack("name")),
        edition: cx.plain(f, m.edition, pack("edition")),
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
