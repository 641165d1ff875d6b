//! `pack.toml` (languages, ranking, frame) and the principles.

use std::collections::HashSet;

use super::Checker;
use crate::diag::{DiagKind, Field};
use crate::pack::model::{Action, Frame, Meta, Obligation, Principle, Ranking, SourceDoc};
use crate::vocab::ItemKind;

pub(super) fn principles(cx: &mut Checker) -> Vec<Principle> {
    let raw = cx.raw;
    cx.ids(
        ItemKind::Principle,
        raw.principles.iter().map(|p| (p.file, &p.item.id)),
    );
    raw.principles
        .iter()
        .map(|at| {
            let (f, p) = (at.file, &at.item);
            let id = p.id.get_ref();
            let field = |name| Field::of(ItemKind::Principle, id, name);
            Principle {
                id: id.clone(),
                name: cx.text(f, &p.name, field("name")),
                description: cx.text(f, &p.description, field("description")),
                source: cx.text(f, &p.source, field("source")),
            }
        })
        .collect()
}

pub(super) fn meta(
    cx: &mut Checker,
    principles: &[Principle],
    obligations: &[Obligation],
    actions: &[Action],
) -> Option<Meta> {
    let at = cx.raw.meta.as_ref()?;
    let (f, m) = (at.file, &at.item);
    for lang in ["id", "en"] {
        if !m.languages.get_ref().iter().any(|l| l == lang) {
            cx.add(
                f,
                Some(m.languages.span()),
                DiagKind::MissingLanguage { lang },
            );
        }
    }
    let known: HashSet<&str> = principles.iter().map(|p| p.id.as_str()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for p in m.ranking.order.get_ref() {
        cx.reference(f, p, ItemKind::Principle, &known);
        if !seen.insert(p.get_ref()) {
            cx.add(
                f,
                Some(p.span()),
                DiagKind::RankingDuplicate {
                    id: p.get_ref().clone(),
                },
            );
        }
    }
    if m.ranking.order.get_ref().is_empty() {
        cx.add(f, Some(m.ranking.order.span()), DiagKind::RankingEmpty);
    }
    let frame = match &m.frame {
        None => {
            cx.add(f, None, DiagKind::NoFrame);
            Frame::default()
        }
        Some(frame) => {
            let duties: HashSet<&str> = obligations.iter().map(|o| o.id.as_str()).collect();
            let steps: HashSet<&str> = actions.iter().map(|a| a.id.as_str()).collect();
            for d in &frame.get_ref().duties {
                cx.reference(f, d, ItemKind::Obligation, &duties);
            }
            for s in &frame.get_ref().steps {
                cx.reference(f, s, ItemKind::Action, &steps);
            }
            let always = frame.get_ref().steps.iter().any(|s| {
                actions
                    .iter()
                    .any(|a| &a.id == s.get_ref() && a.when.is_none())
            });
            if !always && !cx.incomplete(ItemKind::Action) {
                cx.add(f, Some(frame.span()), DiagKind::FrameStepsEmpty);
            }
            Frame {
                duties: frame
                    .get_ref()
                    .duties
                    .iter()
                    .map(|d| d.get_ref().clone())
                    .collect(),
                steps: frame
                    .get_ref()
                    .steps
                    .iter()
                    .map(|s| s.get_ref().clone())
                    .collect(),
            }
        }
    };
    let pack = Field::pack;
    Some(Meta {
        id: m.id.get_ref().clone(),
        name: cx.text(f, &m.name, pack("name")),
        edition: m.edition.get_ref().clone(),
        effective: m.effective.get_ref().clone(),
        languages: m.languages.get_ref().clone(),
        description: cx.opt_text(f, &m.description, pack("description")),
        disclaimer: cx.text(f, &m.disclaimer, pack("disclaimer")),
        ranking: Ranking {
            order: m
                .ranking
                .order
                .get_ref()
                .iter()
                .map(|p| p.get_ref().clone())
                .collect(),
            source: cx.text(f, &m.ranking.source, pack("ranking source")),
            note: cx.opt_text(f, &m.ranking.note, pack("ranking note")),
        },
        sources: m
            .sources
            .iter()
            .map(|s| SourceDoc {
                id: s.id.get_ref().clone(),
                name: cx.text(f, &s.name, pack("source name")),
                note: cx.opt_text(f, &s.note, pack("source note")),
            })
            .collect(),
        frame,
    })
}
