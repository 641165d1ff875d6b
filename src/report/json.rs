//! The JSON report, in the shape DESIGN §4 fixes: keys may be added, none removed or renamed.

use serde_json::{Value, json};

use super::{principle_name, why_entries};
use crate::engine::Decision;
use crate::pack::Pack;
use crate::text::Lang;

pub fn to_json(pack: &Pack, d: &Decision, lang: Lang) -> Value {
    let meta = pack.meta();
    let answers: serde_json::Map<String, Value> = pack
        .questions
        .iter()
        .filter_map(|q| {
            let id = q.id.get_ref();
            d.answers.get(id).map(|v| {
                (
                    id.clone(),
                    serde_json::to_value(v).expect("answer values serialise"),
                )
            })
        })
        .collect();
    let obligations: Vec<Value> = d
        .obligations
        .iter()
        .filter_map(|f| {
            let o = pack.obligation(&f.id)?;
            Some(json!({
                "id": f.id,
                "title": o.title.get(lang),
                "text": o.text.get(lang),
                "source": o.source.get(lang),
                "principles": o.principles.iter().map(|p| p.get_ref()).collect::<Vec<_>>(),
                "binding": f.binding,
                "consult": o.consult.id(),
                "why": why_entries(pack, d, &f.why, lang).into_iter().map(|(q, code, label)| json!({
                    "question": q, "answer": code, "answer_text": label,
                    "prompt": pack.question(&q).map(|x| x.prompt.get(lang)).unwrap_or_default(),
                })).collect::<Vec<_>>(),
            }))
        })
        .collect();
    let tensions: Vec<Value> = d
        .tensions
        .iter()
        .filter_map(|a| {
            let t = pack.tension(&a.id)?;
            Some(json!({
                "id": a.id,
                "title": t.title.get(lang),
                "principles": a.principles,
                "prevails": a.prevails,
                "prevails_name": a.prevails.as_deref().map(|p| principle_name(pack, p, lang)),
                "settled_by": if a.settled_by.is_empty() { "ranking" } else { "binding" },
                "binding": a.settled_by,
                "explanation": t.explanation.get(lang),
                "why": why_entries(pack, d, &a.why, lang).into_iter().map(|(q, code, label)| json!({
                    "question": q, "answer": code, "answer_text": label,
                })).collect::<Vec<_>>(),
            }))
        })
        .collect();
    let course: Vec<Value> = d
        .course
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let a = pack.action(&s.action)?;
            Some(json!({
                "step": i + 1,
                "phase": s.phase.id(),
                "action": s.action,
                "text": a.text.get(lang),
                "because": s.because,
            }))
        })
        .collect();
    json!({
        "pack": {"id": meta.id, "edition": meta.edition, "name": meta.name.get(lang)},
        "lang": lang.code(),
        "answers": answers,
        "binding": d.binding().map(|f| f.id.clone()).collect::<Vec<_>>(),
        "obligations": obligations,
        "tensions": tensions,
        "ranking": {
            "order": meta.ranking.order.iter().map(|p| p.get_ref()).collect::<Vec<_>>(),
            "source": meta.ranking.source.get(lang),
        },
        "consult": {
            "level": d.consult.level.id(),
            "text": crate::i18n::consult_level(lang, d.consult.level),
            "because": d.consult.because,
        },
        "course_of_action": course,
        "disclaimer": meta.disclaimer.get(lang),
    })
}
