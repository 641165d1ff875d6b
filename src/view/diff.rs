//! What a new edition of a pack changes: every item added, removed or changed (field by
//! field: binding status, conditions, questions and their options, steps, consultation), the
//! ranking, the frame; and, for one saved case, how its advice changes. Resolved into one
//! language once, like a report; the JSON is this struct.

use schemars::JsonSchema;
use serde::Serialize;

use super::report::LayerView;
use crate::engine::Decision;
use crate::pack::{Pack, Question};
use crate::vocab::{Consult, ItemKind, Lang, Text};

/// Which pack a side of the comparison is.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffSide {
    /// Where it was loaded from: `embedded` or its folders.
    pub origin: String,
    pub id: String,
    pub edition: String,
    pub layers: Vec<LayerView>,
}

/// One field that differs, in words: before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// `added`, `removed` or `changed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ItemChange {
    pub kind: ItemKind,
    pub id: String,
    pub change: ChangeKind,
    /// Its title (name, prompt) in the pack that has it, the new one when both do.
    pub title: String,
    /// For a binding obligation: binding in the new pack (or the old, when removed).
    pub binding: bool,
    pub fields: Vec<FieldChange>,
}

/// How the advice for one saved case changes.
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct CaseChange {
    pub file: String,
    pub obligations_added: Vec<String>,
    pub obligations_removed: Vec<String>,
    pub binding_added: Vec<String>,
    pub binding_removed: Vec<String>,
    pub tensions_added: Vec<String>,
    pub tensions_removed: Vec<String>,
    pub steps_added: Vec<String>,
    pub steps_removed: Vec<String>,
    pub consult_old: Consult,
    pub consult_new: Consult,
    /// The same changes in words, one line each.
    pub lines: Vec<String>,
}

impl CaseChange {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "etika diff (diff --format json)")]
pub struct DiffView {
    pub lang: Lang,
    pub old: DiffSide,
    pub new: DiffSide,
    /// Every item added, removed or changed, by kind (obligations first) and id.
    pub items: Vec<ItemChange>,
    /// Changes to the pack itself: the ranking, the frame, the disclaimer.
    pub pack: Vec<FieldChange>,
    /// With `--answers`: how that case's advice changes.
    pub case: Option<CaseChange>,
}

impl DiffView {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
            && self.pack.is_empty()
            && self.case.as_ref().is_none_or(|c| c.is_empty())
    }
}

fn side(pack: &Pack, lang: Lang) -> DiffSide {
    DiffSide {
        origin: pack.origin.clone(),
        id: pack.meta.id.clone(),
        edition: pack.meta.edition.clone(),
        layers: pack
            .meta
            .layers
            .iter()
            .map(|l| LayerView {
                id: l.id.clone(),
                edition: l.edition.clone(),
                name: l.name.get(lang).into(),
            })
            .collect(),
    }
}

/// Collects the fields of one item that differ.
struct Fields {
    lang: Lang,
    out: Vec<FieldChange>,
}

impl Fields {
    fn plain(&mut self, field: &str, old: String, new: String) {
        if old != new {
            self.out.push(FieldChange {
                field: field.into(),
                old,
                new,
            });
        }
    }

    /// A text: shown in the chosen language; when only the other language changed, in that
    /// one, with the field named for it.
    fn text(&mut self, field: &str, old: &Text, new: &Text) {
        if old == new {
            return;
        }
        let (o, n) = (old.get(self.lang), new.get(self.lang));
        if o != n {
            self.plain(field, o.into(), n.into());
        } else {
            let other = match self.lang {
                Lang::Id => Lang::En,
                Lang::En => Lang::Id,
            };
            let code = match other {
                Lang::Id => "id",
                Lang::En => "en",
            };
            self.plain(
                &format!("{field} ({code})"),
                old.get(other).into(),
                new.get(other).into(),
            );
        }
    }

    fn opt_text(&mut self, field: &str, old: Option<&Text>, new: Option<&Text>) {
        let empty = Text::default();
        self.text(field, old.unwrap_or(&empty), new.unwrap_or(&empty));
    }

    fn list(&mut self, field: &str, old: &[String], new: &[String]) {
        self.plain(field, old.join(", "), new.join(", "));
    }

    fn cond(&mut self, field: &str, old: Option<String>, new: Option<String>) {
        self.plain(field, old.unwrap_or_default(), new.unwrap_or_default());
    }
}

fn options(q: &Question) -> Vec<String> {
    q.options.iter().map(|o| o.id.clone()).collect()
}

/// Compare two lists of items of one kind by id.
#[allow(clippy::too_many_arguments)]
fn compare<T>(
    kind: ItemKind,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &str,
    title: impl Fn(&T) -> String,
    binding: impl Fn(&T) -> bool,
    fields: impl Fn(&T, &T, &mut Fields),
    lang: Lang,
    out: &mut Vec<ItemChange>,
) {
    for n in new {
        match old.iter().find(|o| id(o) == id(n)) {
            None => out.push(ItemChange {
                kind,
                id: id(n).into(),
                change: ChangeKind::Added,
                title: title(n),
                binding: binding(n),
                fields: Vec::new(),
            }),
            Some(o) => {
                let mut f = Fields {
                    lang,
                    out: Vec::new(),
                };
                fields(o, n, &mut f);
                if !f.out.is_empty() {
                    out.push(ItemChange {
                        kind,
                        id: id(n).into(),
                        change: ChangeKind::Changed,
                        title: title(n),
                        binding: binding(n),
                        fields: f.out,
                    });
                }
            }
        }
    }
    for o in old {
        if !new.iter().any(|n| id(n) == id(o)) {
            out.push(ItemChange {
                kind,
                id: id(o).into(),
                change: ChangeKind::Removed,
                title: title(o),
                binding: binding(o),
                fields: Vec::new(),
            });
        }
    }
}

fn yes_no(b: bool) -> String {
    if b { "true" } else { "false" }.into()
}

/// Everything that differs between two packs, in one language.
pub fn diff(old: &Pack, new: &Pack, lang: Lang) -> DiffView {
    let mut items = Vec::new();
    let cond = |e: &Option<crate::condition::Expr>| e.as_ref().map(|e| e.to_string());
    compare(
        ItemKind::Obligation,
        &old.obligations,
        &new.obligations,
        |x| &x.id,
        |x| x.title.get(lang).into(),
        |x| x.binding,
        |o, n, f| {
            f.plain("binding", yes_no(o.binding), yes_no(n.binding));
            f.cond("when", cond(&o.when), cond(&n.when));
            f.text("title", &o.title, &n.title);
            f.text("text", &o.text, &n.text);
            f.text("source", &o.source, &n.source);
            f.list("principles", &o.principles, &n.principles);
            f.list("actions", &o.actions, &n.actions);
            f.plain("consult", o.consult.id().into(), n.consult.id().into());
        },
        lang,
        &mut items,
    );
    compare(
        ItemKind::Question,
        &old.questions,
        &new.questions,
        |x| &x.id,
        |x| x.prompt.get(lang).into(),
        |_| false,
        |o, n, f| {
            f.plain("kind", o.kind.name().into(), n.kind.name().into());
            f.list("options", &options(o), &options(n));
            f.cond("ask_if", cond(&o.ask_if), cond(&n.ask_if));
            f.plain("unsure", yes_no(o.unsure), yes_no(n.unsure));
            f.text("prompt", &o.prompt, &n.prompt);
            f.text("help", &o.help, &n.help);
            let position = |p: &Pack, id: &str| p.question_position(id).map(|i| i + 1);
            if let (Some(a), Some(b)) = (position(old, &o.id), position(new, &n.id)) {
                // Only a change of order among the questions both packs have counts.
                let rank = |p: &Pack, other: &Pack, id: &str| {
                    p.questions
                        .iter()
                        .filter(|q| other.question(&q.id).is_some())
                        .position(|q| q.id == id)
                };
                if rank(old, new, &o.id) != rank(new, old, &n.id) {
                    f.plain("position", a.to_string(), b.to_string());
                }
            }
        },
        lang,
        &mut items,
    );
    compare(
        ItemKind::Tension,
        &old.tensions,
        &new.tensions,
        |x| &x.id,
        |x| x.title.get(lang).into(),
        |_| false,
        |o, n, f| {
            f.cond("when", Some(o.when.to_string()), Some(n.when.to_string()));
            f.list("principles", &o.principles, &n.principles);
            f.list("settled_by", &o.settled_by, &n.settled_by);
            f.text("title", &o.title, &n.title);
            f.text("explanation", &o.explanation, &n.explanation);
            f.list("actions", &o.actions, &n.actions);
            f.plain("consult", o.consult.id().into(), n.consult.id().into());
        },
        lang,
        &mut items,
    );
    compare(
        ItemKind::Action,
        &old.actions,
        &new.actions,
        |x| &x.id,
        |x| x.text.get(lang).into(),
        |_| false,
        |o, n, f| {
            f.plain("phase", o.phase.id().into(), n.phase.id().into());
            f.cond("when", cond(&o.when), cond(&n.when));
            f.text("text", &o.text, &n.text);
            let c = |x: Option<Consult>| x.map(|c| c.id().to_string()).unwrap_or_default();
            f.plain("consult", c(o.consult), c(n.consult));
        },
        lang,
        &mut items,
    );
    compare(
        ItemKind::Principle,
        &old.principles,
        &new.principles,
        |x| &x.id,
        |x| x.name.get(lang).into(),
        |_| false,
        |o, n, f| {
            f.text("name", &o.name, &n.name);
            f.text("description", &o.description, &n.description);
            f.text("source", &o.source, &n.source);
        },
        lang,
        &mut items,
    );
    compare(
        ItemKind::Case,
        &old.cases,
        &new.cases,
        |x| &x.id,
        |x| x.title.get(lang).into(),
        |_| false,
        |o, n, f| {
            f.text("title", &o.title, &n.title);
            f.text("narrative", &o.narrative, &n.narrative);
            let model =
                |c: &crate::pack::Case| c.model_course().map(|m| m.id.clone()).unwrap_or_default();
            f.plain("model course", model(o), model(n));
        },
        lang,
        &mut items,
    );
    let (om, nm) = (&old.meta, &new.meta);
    let mut f = Fields {
        lang,
        out: Vec::new(),
    };
    f.list("ranking", &om.ranking.order, &nm.ranking.order);
    f.text("ranking source", &om.ranking.source, &nm.ranking.source);
    f.list("frame duties", &om.frame.duties, &nm.frame.duties);
    f.list("frame steps", &om.frame.steps, &nm.frame.steps);
    f.plain("effective", om.effective.clone(), nm.effective.clone());
    f.text("disclaimer", &om.disclaimer, &nm.disclaimer);
    f.opt_text(
        "description",
        om.description.as_ref(),
        nm.description.as_ref(),
    );
    DiffView {
        lang,
        old: side(old, lang),
        new: side(new, lang),
        items,
        pack: f.out,
        case: None,
    }
}

/// Ids in `a` that are not in `b`.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|x| !b.contains(x)).cloned().collect()
}

/// How one case's advice changes from the old pack's decision to the new one's.
pub fn case_change(
    file: &str,
    old: (&Pack, &Decision),
    new: (&Pack, &Decision),
    lang: Lang,
) -> CaseChange {
    let ids = |d: &Decision| {
        d.obligations
            .iter()
            .map(|o| o.id.clone())
            .collect::<Vec<_>>()
    };
    let binding = |d: &Decision| d.binding().map(|o| o.id.clone()).collect::<Vec<_>>();
    let tensions = |d: &Decision| d.tensions.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
    let steps = |d: &Decision| {
        d.course
            .iter()
            .filter(|s| s.question.is_none())
            .map(|s| s.action.clone())
            .collect::<Vec<_>>()
    };
    let (op, od) = old;
    let (np, nd) = new;
    let mut c = CaseChange {
        file: file.into(),
        obligations_added: minus(&ids(nd), &ids(od)),
        obligations_removed: minus(&ids(od), &ids(nd)),
        binding_added: minus(&binding(nd), &binding(od)),
        binding_removed: minus(&binding(od), &binding(nd)),
        tensions_added: minus(&tensions(nd), &tensions(od)),
        tensions_removed: minus(&tensions(od), &tensions(nd)),
        steps_added: minus(&steps(nd), &steps(od)),
        steps_removed: minus(&steps(od), &steps(nd)),
        consult_old: od.consult.level,
        consult_new: nd.consult.level,
        lines: Vec::new(),
    };
    let title = |p: &Pack, id: &str| super::title_of(p, id, lang);
    let l = |id: &'static str, en: &'static str| lang.pick(id, en);
    let mut lines = Vec::new();
    let mut say = |head: &str, ids: &[String], p: &Pack| {
        for id in ids {
            lines.push(format!("{head}: {} ({id})", title(p, id)));
        }
    };
    say(l("+ mengikat", "+ binding"), &c.binding_added, np);
    say(
        l("- tidak lagi mengikat", "- no longer binding"),
        &c.binding_removed,
        np,
    );
    say(l("+ kewajiban", "+ obligation"), &c.obligations_added, np);
    say(l("- kewajiban", "- obligation"), &c.obligations_removed, op);
    say(l("+ ketegangan", "+ tension"), &c.tensions_added, np);
    say(l("- ketegangan", "- tension"), &c.tensions_removed, op);
    say(l("+ langkah", "+ step"), &c.steps_added, np);
    say(l("- langkah", "- step"), &c.steps_removed, op);
    if c.consult_old != c.consult_new {
        lines.push(format!(
            "{}: {} → {}",
            l("konsultasi", "consult"),
            crate::words::consult_level(lang, c.consult_old),
            crate::words::consult_level(lang, c.consult_new)
        ));
    }
    c.lines = lines;
    c
}
