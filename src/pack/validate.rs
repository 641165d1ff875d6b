//! Cross-checks across a pack's files: ids, references, conditions, order, translations and
//! reachability. Every problem is collected; nothing stops at the first.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::Pack;
use crate::condition::{self, Expr, Kind, QuestionInfo};
use crate::diagnostic::Diagnostic;
use crate::suggest::closest;
use crate::text::Text;

struct Ctx<'a> {
    diags: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(
        &mut self,
        pack: &Pack,
        file: usize,
        span: Option<Range<usize>>,
        msg: String,
        help: Option<String>,
    ) {
        let f = &pack.files[file];
        self.diags
            .push(Diagnostic::error(&f.name, &f.text, span, msg).with_help_opt(help));
    }

    fn warn(
        &mut self,
        pack: &Pack,
        file: usize,
        span: Option<Range<usize>>,
        msg: String,
        help: Option<String>,
    ) {
        let f = &pack.files[file];
        self.diags
            .push(Diagnostic::warning(&f.name, &f.text, span, msg).with_help_opt(help));
    }
}

fn file_index(pack: &Pack, rel: &str) -> Option<usize> {
    pack.files.iter().position(|f| f.rel == rel)
}

/// Where the text of a TOML string value starts, past its opening quotes.
fn string_body_start(text: &str, span: &Range<usize>) -> usize {
    let rest = text.get(span.start..).unwrap_or("");
    let mut start = span.start;
    if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        start += 3;
        if text.get(start..).is_some_and(|r| r.starts_with('\n')) {
            start += 1;
        }
    } else if rest.starts_with('"') || rest.starts_with('\'') {
        start += 1;
    }
    start
}

fn is_snake_id(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn validate(pack: &mut Pack, diags: &mut Vec<Diagnostic>) {
    let mut cx = Ctx { diags };
    let principles_file = file_index(pack, "principles.toml");
    let meta_file = file_index(pack, "pack.toml");

    // Ids: well-formed and unique within their kind.
    check_ids(
        pack,
        &mut cx,
        "principle",
        pack.principles
            .iter()
            .map(|p| (&p.id, principles_file.unwrap_or(0)))
            .collect(),
    );
    check_ids(
        pack,
        &mut cx,
        "question",
        pack.questions.iter().map(|q| (&q.id, q.file)).collect(),
    );
    check_ids(
        pack,
        &mut cx,
        "action",
        pack.actions.iter().map(|a| (&a.id, a.file)).collect(),
    );
    check_ids(
        pack,
        &mut cx,
        "obligation",
        pack.obligations.iter().map(|o| (&o.id, o.file)).collect(),
    );
    check_ids(
        pack,
        &mut cx,
        "tension",
        pack.tensions.iter().map(|t| (&t.id, t.file)).collect(),
    );
    check_ids(
        pack,
        &mut cx,
        "case",
        pack.cases.iter().map(|c| (&c.id, c.file)).collect(),
    );

    if let (Some(meta), Some(mf)) = (&pack.meta, meta_file) {
        for lang in ["id", "en"] {
            if !meta.languages.iter().any(|l| l == lang) {
                cx.error(
                    pack,
                    mf,
                    None,
                    format!("`languages` does not list `{lang}`"),
                    Some("etika packs are bilingual: `languages = [\"id\", \"en\"]`".into()),
                );
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for p in &meta.ranking.order {
            check_ref(
                pack,
                &mut cx,
                mf,
                p,
                "principle",
                &pack
                    .principles
                    .iter()
                    .map(|x| x.id.get_ref().as_str())
                    .collect::<Vec<_>>(),
            );
            if seen.contains(&p.get_ref().as_str()) {
                cx.error(
                    pack,
                    mf,
                    Some(p.span()),
                    format!("`{}` appears twice in the ranking", p.get_ref()),
                    Some("each principle has one place in the ranking".into()),
                );
            }
            seen.push(p.get_ref());
        }
        if meta.ranking.order.is_empty() {
            cx.error(
                pack,
                mf,
                None,
                "the ranking of principles is empty".into(),
                Some("list principle ids in `[ranking] order`, highest first".into()),
            );
        }
        check_text(pack, &mut cx, mf, "name", &meta.name);
        check_text(pack, &mut cx, mf, "disclaimer", &meta.disclaimer);
        check_text(pack, &mut cx, mf, "ranking source", &meta.ranking.source);
    }

    if let Some(pf) = principles_file {
        for p in &pack.principles {
            check_text(
                pack,
                &mut cx,
                pf,
                &format!("principle `{}` name", p.id.get_ref()),
                &p.name,
            );
            check_text(
                pack,
                &mut cx,
                pf,
                &format!("principle `{}` description", p.id.get_ref()),
                &p.description,
            );
        }
    }

    check_questions(pack, &mut cx);

    let principle_ids: Vec<String> = pack
        .principles
        .iter()
        .map(|p| p.id.get_ref().clone())
        .collect();
    let principle_ids: Vec<&str> = principle_ids.iter().map(|s| s.as_str()).collect();
    let action_ids: Vec<String> = pack
        .actions
        .iter()
        .map(|a| a.id.get_ref().clone())
        .collect();
    let action_ids: Vec<&str> = action_ids.iter().map(|s| s.as_str()).collect();

    for a in &pack.actions {
        check_text(
            pack,
            &mut cx,
            a.file,
            &format!("action `{}` text", a.id.get_ref()),
            &a.text,
        );
    }

    // Obligations.
    let mut exprs = Vec::new();
    for o in &pack.obligations {
        let what = format!("obligation `{}`", o.id.get_ref());
        check_text(pack, &mut cx, o.file, &format!("{what} title"), &o.title);
        check_text(pack, &mut cx, o.file, &format!("{what} text"), &o.text);
        check_text(pack, &mut cx, o.file, &format!("{what} source"), &o.source);
        if o.principles.is_empty() {
            cx.error(
                pack,
                o.file,
                Some(o.id.span()),
                format!("{what} names no principles"),
                Some("add `principles = [\"…\"]` with the principles it serves".into()),
            );
        }
        for p in &o.principles {
            check_ref(pack, &mut cx, o.file, p, "principle", &principle_ids);
        }
        for a in &o.actions {
            check_ref(pack, &mut cx, o.file, a, "action", &action_ids);
        }
        exprs.push(check_condition(pack, &mut cx, o.file, &o.when, None));
    }
    for (o, e) in pack.obligations.iter_mut().zip(exprs) {
        o.when_expr = e;
    }

    // Tensions.
    let mut exprs = Vec::new();
    for t in &pack.tensions {
        let what = format!("tension `{}`", t.id.get_ref());
        check_text(pack, &mut cx, t.file, &format!("{what} title"), &t.title);
        check_text(
            pack,
            &mut cx,
            t.file,
            &format!("{what} explanation"),
            &t.explanation,
        );
        if t.principles.len() != 2 || t.principles[0].get_ref() == t.principles[1].get_ref() {
            cx.error(
                pack,
                t.file,
                Some(t.id.span()),
                format!("{what} must name two different principles"),
                Some("write `principles = [\"first\", \"second\"]`".into()),
            );
        }
        for p in &t.principles {
            check_ref(pack, &mut cx, t.file, p, "principle", &principle_ids);
        }
        if t.principles.len() == 2
            && t.principles
                .iter()
                .all(|p| pack.rank(p.get_ref()).is_none())
            && pack.meta.is_some()
        {
            cx.warn(
                pack,
                t.file,
                Some(t.id.span()),
                format!("{what}: neither principle is in the ranking, so it cannot be settled"),
                Some("add one of them to `[ranking] order` in pack.toml".into()),
            );
        }
        for a in &t.actions {
            check_ref(pack, &mut cx, t.file, a, "action", &action_ids);
        }
        for o in &t.settled_by {
            match pack.obligation(o.get_ref()) {
                None => {
                    let ids: Vec<&str> = pack.obligations.iter().map(|x| x.id.get_ref().as_str()).collect();
                    check_ref(pack, &mut cx, t.file, o, "obligation", &ids);
                }
                Some(ob) if !ob.binding => cx.error(
                    pack,
                    t.file,
                    Some(o.span()),
                    format!("{what} is settled by `{}`, which is not binding", o.get_ref()),
                    Some("only a binding duty settles a tension; list binding obligations, or mark it `binding = true`".into()),
                ),
                Some(_) => {}
            }
        }
        exprs.push(check_condition(pack, &mut cx, t.file, &t.when, None));
    }
    for (t, e) in pack.tensions.iter_mut().zip(exprs) {
        t.when_expr = e;
    }

    check_cases(pack, &mut cx);

    // Actions nobody calls for; not worth saying while errors may have hidden their users.
    if !cx.diags.iter().any(|d| d.is_error()) {
        for a in &pack.actions {
            let used = pack
                .obligations
                .iter()
                .flat_map(|o| &o.actions)
                .chain(pack.tensions.iter().flat_map(|t| &t.actions))
                .any(|x| x.get_ref() == a.id.get_ref());
            if !used {
                cx.warn(
                    pack,
                    a.file,
                    Some(a.id.span()),
                    format!(
                        "action `{}` is used by no obligation or tension",
                        a.id.get_ref()
                    ),
                    Some(
                        "list it in some obligation's or tension's `actions`, or remove it".into(),
                    ),
                );
            }
        }
    }

    let has_errors = cx.diags.iter().any(|d| d.is_error());
    if !has_errors {
        super::reach::check_reachability(pack, cx.diags);
    }
}

fn check_ids(pack: &Pack, cx: &mut Ctx, kind: &str, ids: Vec<(&Spanned<String>, usize)>) {
    let mut first: HashMap<&str, (usize, Range<usize>)> = HashMap::new();
    for (id, file) in ids {
        let s = id.get_ref().as_str();
        if !is_snake_id(s) {
            cx.error(
                pack,
                file,
                Some(id.span()),
                format!("{kind} id `{s}` is not snake_case ASCII"),
                Some("use lowercase letters, digits and `_`, starting with a letter".into()),
            );
        }
        if let Some((f0, span0)) = first.get(s) {
            let at = &pack.files[*f0];
            let (line, _) = crate::diagnostic::line_col(&at.text, span0.start);
            cx.error(
                pack,
                file,
                Some(id.span()),
                format!("duplicate {kind} id `{s}`"),
                Some(format!(
                    "it is first defined at {}:{line}; rename one of them",
                    at.name
                )),
            );
        } else {
            first.insert(s, (file, id.span()));
        }
    }
}

fn check_ref(
    pack: &Pack,
    cx: &mut Ctx,
    file: usize,
    r: &Spanned<String>,
    kind: &str,
    known: &[&str],
) {
    if known.contains(&r.get_ref().as_str()) || pack.incomplete.contains(&kind) {
        // Known, or perhaps in an entry that failed to parse: that error is already shown.
        return;
    }
    let help = match closest(r.get_ref(), known.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("define the {kind} first, or see `etika list {kind}s`"),
    };
    cx.error(
        pack,
        file,
        Some(r.span()),
        format!("unknown {kind} `{}`", r.get_ref()),
        Some(help),
    );
}

fn check_text(pack: &Pack, cx: &mut Ctx, file: usize, what: &str, text: &Text) {
    let src = &pack.files[file].text;
    let at = |lang: Option<&str>| locate_text(src, what, lang);
    let help = Some("write the text in both languages".to_string());
    match text {
        Text::Both { id, en } => {
            let (id_blank, en_blank) = (id.trim().is_empty(), en.trim().is_empty());
            if id_blank && en_blank {
                cx.error(pack, file, at(None), format!("{what} is empty"), help);
            } else if id_blank || en_blank {
                let (code, missing) = if id_blank {
                    ("id", "Indonesian (`id`)")
                } else {
                    ("en", "English (`en`)")
                };
                let msg = format!("{what} has no {missing} translation");
                cx.warn(pack, file, at(Some(code)), msg, help);
            }
        }
        Text::Same(s) if s.trim().is_empty() => {
            cx.error(pack, file, at(None), format!("{what} is empty"), help);
        }
        Text::Same(_) => {}
    }
}

/// Find where a text field stands in its file, from its description: the ids in backticks
/// lead to the entry, the last word names the field (`obligation `x` title`). With `lang`,
/// narrow to that language's value. A search, not a parse: `None` when it cannot tell.
fn locate_text(src: &str, what: &str, lang: Option<&str>) -> Option<Range<usize>> {
    let field = what.rsplit(' ').next()?;
    let ids: Vec<&str> = what
        .split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|id| id.split('.'))
        .collect();
    let mut anchor = 0;
    for id in &ids {
        let needle = format!("\"{id}\"");
        anchor = anchor + src[anchor..].find(&needle)?;
    }
    // The entry around the anchor: from the `[[` header before it to the next one.
    let start = src[..anchor].rfind("\n[[").map(|i| i + 1).unwrap_or(0);
    let end = src[anchor..]
        .find("\n[[")
        .map(|i| anchor + i)
        .unwrap_or(src.len());
    let is_field = |at: usize| {
        let rest = &src[at + field.len()..];
        let before_ok =
            at == 0 || !src[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
        before_ok && rest.trim_start_matches([' ', '\t']).starts_with('=')
    };
    let find_in = |from: usize, to: usize| {
        let mut i = from;
        while let Some(k) = src[i..to].find(field) {
            let at = i + k;
            if is_field(at) {
                return Some(at);
            }
            i = at + field.len();
        }
        None
    };
    let at = find_in(anchor, end).or_else(|| find_in(start, anchor))?;
    let line_end = src[at..].find('\n').map(|i| at + i).unwrap_or(src.len());
    if let Some(code) = lang {
        for quote in ["\"\"", "''"] {
            let needle = format!("{code} = {quote}");
            if let Some(k) = src[at..line_end].find(&needle) {
                let s = at + k;
                return Some(s..s + needle.len());
            }
        }
    }
    Some(at..at + field.len())
}

/// Parse and check one condition; returns the parsed form (a false constant if it failed).
/// `before` limits the questions it may read to those earlier in the questionnaire.
fn check_condition(
    pack: &Pack,
    cx: &mut Ctx,
    file: usize,
    cond: &Spanned<String>,
    before: Option<(usize, &str)>,
) -> Expr {
    let text = &pack.files[file].text;
    let base = string_body_start(text, &cond.span());
    let at = |r: Range<usize>| (base + r.start)..(base + r.end.max(r.start + 1));
    let expr = match condition::parse(cond.get_ref()) {
        Ok(e) => e,
        Err(e) => {
            cx.error(
                pack,
                file,
                Some(at(e.span)),
                format!("in condition: {}", e.message),
                e.help,
            );
            return Expr::Const(false);
        }
    };
    let ids: Vec<&str> = pack
        .questions
        .iter()
        .map(|q| q.id.get_ref().as_str())
        .collect();
    let lookup = |id: &str| {
        pack.question(id).map(|q| QuestionInfo {
            kind: q.kind,
            options: q.options.iter().map(|o| o.id.get_ref().as_str()).collect(),
        })
    };
    let mut errors = condition::check(&expr, &lookup, &ids);
    if pack.incomplete.contains(&"question") {
        // A question whose entry failed to parse looks unknown; its error is already shown.
        errors.retain(|e| !e.message.starts_with("unknown question"));
    }
    let ok = errors.is_empty();
    for e in errors {
        cx.error(
            pack,
            file,
            Some(at(e.span)),
            format!("in condition: {}", e.message),
            e.help,
        );
    }
    if let Some((pos, own)) = before {
        for (q, span) in expr.question_spans() {
            match pack.question_position(q) {
                Some(p) if q == own => {
                    let _ = p;
                    cx.error(
                        pack,
                        file,
                        Some(at(span)),
                        format!("question `{own}` is asked only if it is answered itself"),
                        Some("an `ask_if` may read only questions asked before this one".into()),
                    );
                }
                Some(p) if p > pos => {
                    cx.error(
                        pack,
                        file,
                        Some(at(span)),
                        format!("`ask_if` of `{own}` reads `{q}`, which is asked later"),
                        Some(format!(
                            "move `{q}` above `{own}` in questions.toml, or change the condition"
                        )),
                    );
                }
                _ => {}
            }
        }
    }
    if ok { expr } else { Expr::Const(false) }
}

fn check_questions(pack: &mut Pack, cx: &mut Ctx) {
    let mut exprs = Vec::new();
    for (pos, q) in pack.questions.iter().enumerate() {
        let id = q.id.get_ref();
        check_text(
            pack,
            cx,
            q.file,
            &format!("question `{id}` prompt"),
            &q.prompt,
        );
        check_text(pack, cx, q.file, &format!("question `{id}` help"), &q.help);
        match q.kind {
            Kind::YesNo if !q.options.is_empty() => {
                cx.error(
                    pack,
                    q.file,
                    Some(q.id.span()),
                    format!("yes_no question `{id}` has options"),
                    Some("remove `options`, or make it `one_of` or `any_of`".into()),
                );
            }
            Kind::OneOf | Kind::AnyOf if q.options.len() < 2 => {
                cx.error(
                    pack,
                    q.file,
                    Some(q.id.span()),
                    format!(
                        "{} question `{id}` needs at least two options",
                        q.kind.name()
                    ),
                    Some("add `[[question.options]]` entries with `id` and `label`".into()),
                );
            }
            _ => {}
        }
        let mut seen: Vec<&str> = Vec::new();
        for o in &q.options {
            let oid = o.id.get_ref().as_str();
            if !is_snake_id(oid) {
                cx.error(
                    pack,
                    q.file,
                    Some(o.id.span()),
                    format!("option id `{oid}` is not snake_case ASCII"),
                    Some("use lowercase letters, digits and `_`".into()),
                );
            }
            if seen.contains(&oid) {
                cx.error(
                    pack,
                    q.file,
                    Some(o.id.span()),
                    format!("question `{id}` has option `{oid}` twice"),
                    Some("give each option its own id".into()),
                );
            }
            seen.push(oid);
            check_text(
                pack,
                cx,
                q.file,
                &format!("option `{id}.{oid}` label"),
                &o.label,
            );
        }
        exprs.push(
            q.ask_if
                .as_ref()
                .map(|c| check_condition(pack, cx, q.file, c, Some((pos, id)))),
        );
    }
    for (q, e) in pack.questions.iter_mut().zip(exprs) {
        q.ask_if_expr = e;
    }
}

fn check_cases(pack: &Pack, cx: &mut Ctx) {
    let obligation_ids: Vec<&str> = pack
        .obligations
        .iter()
        .map(|o| o.id.get_ref().as_str())
        .collect();
    let tension_ids: Vec<&str> = pack
        .tensions
        .iter()
        .map(|t| t.id.get_ref().as_str())
        .collect();
    let action_ids: Vec<&str> = pack
        .actions
        .iter()
        .map(|a| a.id.get_ref().as_str())
        .collect();
    for c in &pack.cases {
        let what = format!("case `{}`", c.id.get_ref());
        check_text(pack, cx, c.file, &format!("{what} title"), &c.title);
        check_text(pack, cx, c.file, &format!("{what} narrative"), &c.narrative);
        check_text(pack, cx, c.file, &format!("{what} debrief"), &c.debrief);
        let f = &pack.files[c.file];
        let (_, problems) = crate::answers::from_table(pack, &c.answers, &f.name, &f.text);
        if pack.incomplete.contains(&"question") {
            // With a question entry broken, answers to it look unknown and the skip logic is
            // unreliable; the parse error is already shown.
            cx.diags.extend(
                problems
                    .into_iter()
                    .filter(|d| d.is_error() && !d.message.starts_with("unknown question")),
            );
        } else {
            cx.diags.extend(problems);
        }
        for r in c.expect.fire.iter().chain(&c.expect.not_fire) {
            check_ref(pack, cx, c.file, r, "obligation", &obligation_ids);
        }
        for r in &c.expect.tensions {
            check_ref(pack, cx, c.file, r, "tension", &tension_ids);
        }
        for r in &c.expect.actions {
            check_ref(pack, cx, c.file, r, "action", &action_ids);
        }
        let models = c.courses.iter().filter(|x| x.model).count();
        if !c.courses.is_empty() && models != 1 {
            cx.error(
                pack,
                c.file,
                Some(c.id.span()),
                format!(
                    "{what} must mark exactly one `[[course]]` with `model = true`, not {models}"
                ),
                Some("the student's choice is graded against the model course".into()),
            );
        }
        if c.courses.len() == 1 {
            cx.warn(
                pack,
                c.file,
                Some(c.id.span()),
                format!("{what} offers only one course of action"),
                Some("add two or three plausible alternatives for the student to weigh".into()),
            );
        }
        for x in &c.courses {
            check_text(
                pack,
                cx,
                c.file,
                &format!("{what} course `{}` text", x.id.get_ref()),
                &x.text,
            );
            check_text(
                pack,
                cx,
                c.file,
                &format!("{what} course `{}` feedback", x.id.get_ref()),
                &x.feedback,
            );
        }
    }
}
