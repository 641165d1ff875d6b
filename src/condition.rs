//! The condition language of `when` and `ask_if`.
//!
//! A condition is a short sentence a social worker can read aloud:
//! `harm_risk and harm_target == 'third_party' and not client_consents`.
//! It is lexed and parsed when the pack loads, checked against the questions, and evaluated
//! against answers by walking the tree; it is never run as code. This module does no I/O.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use crate::answers::Value;

/// Conditions longer than this are refused before parsing.
pub const MAX_LEN: usize = 4096;
/// Nesting deeper than this (parentheses or `not`) is refused, so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 32;

/// A problem in a condition, located by byte offsets within the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondError {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl CondError {
    fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        CondError {
            span,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The parsed form of a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Internal only: used for conditions that could not be parsed.
    Const(bool),
    /// A bare `yes_no` question id: true when answered yes.
    Yes {
        question: String,
        span: Range<usize>,
    },
    /// `question == 'option'` (or `!=` when `negated`) on a `one_of` question.
    Is {
        question: String,
        option: String,
        negated: bool,
        span: Range<usize>,
        option_span: Range<usize>,
    },
    /// `'option' in question` on an `any_of` question.
    In {
        question: String,
        option: String,
        span: Range<usize>,
        option_span: Range<usize>,
    },
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Str(String),
    And,
    Or,
    Not,
    In,
    Eq,
    Ne,
    LParen,
    RParen,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Ident(s) => write!(f, "`{s}`"),
            Tok::Str(s) => write!(f, "'{s}'"),
            Tok::And => f.write_str("`and`"),
            Tok::Or => f.write_str("`or`"),
            Tok::Not => f.write_str("`not`"),
            Tok::In => f.write_str("`in`"),
            Tok::Eq => f.write_str("`==`"),
            Tok::Ne => f.write_str("`!=`"),
            Tok::LParen => f.write_str("`(`"),
            Tok::RParen => f.write_str("`)`"),
        }
    }
}

fn lex(src: &str) -> Result<Vec<(Tok, Range<usize>)>, CondError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'(' => {
                out.push((Tok::LParen, i..i + 1));
                i += 1;
            }
            b')' => {
                out.push((Tok::RParen, i..i + 1));
                i += 1;
            }
            b'=' | b'!' => {
                if bytes.get(i + 1) == Some(&b'=') {
                    out.push((if c == b'=' { Tok::Eq } else { Tok::Ne }, i..i + 2));
                    i += 2;
                } else {
                    let e = CondError::new(i..i + 1, format!("unexpected `{}`", c as char));
                    return Err(if c == b'=' {
                        e.help("compare with `==`, as in `harm_target == 'third_party'`")
                    } else {
                        e.help("write `not x` to negate, or `!=` to compare")
                    });
                }
            }
            b'\'' | b'"' => {
                let quote = c;
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
                if i >= bytes.len() {
                    return Err(CondError::new(start..bytes.len(), "unclosed quote")
                        .help(format!("close the option id with {}", quote as char)));
                }
                out.push((Tok::Str(src[start + 1..i].to_string()), start..i + 1));
                i += 1;
            }
            b'&' | b'|' => {
                let word = if c == b'&' { "and" } else { "or" };
                let len = if bytes.get(i + 1) == Some(&c) { 2 } else { 1 };
                return Err(CondError::new(
                    i..i + len,
                    format!("unexpected `{}`", &src[i..i + len]),
                )
                .help(format!("write `{word}`")));
            }
            c if c.is_ascii_alphanumeric() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &src[start..i];
                let tok = match word {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "in" => Tok::In,
                    _ => Tok::Ident(word.to_string()),
                };
                out.push((tok, start..i));
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('?');
                let end = i + ch.len_utf8();
                return Err(
                    CondError::new(i..end, format!("unexpected character `{ch}`")).help(
                        "conditions use question ids, 'option' ids, and, or, not, ==, != and in",
                    ),
                );
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: &'a [(Tok, Range<usize>)],
    pos: usize,
    len: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }

    fn span_here(&self) -> Range<usize> {
        match self.toks.get(self.pos) {
            Some((_, s)) => s.clone(),
            None => self.len..self.len,
        }
    }

    fn unexpected(&self, wanted: &str) -> CondError {
        match self.toks.get(self.pos) {
            Some((t, s)) => CondError::new(s.clone(), format!("expected {wanted}, found {t}")),
            None => CondError::new(
                self.len..self.len,
                format!("expected {wanted}, found the end"),
            ),
        }
    }

    fn enter(&mut self) -> Result<(), CondError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(
                CondError::new(self.span_here(), "condition is nested too deeply").help(format!(
                    "use at most {MAX_DEPTH} levels of parentheses and `not`"
                )),
            );
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, CondError> {
        let mut items = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            Expr::Or(items)
        })
    }

    fn and(&mut self) -> Result<Expr, CondError> {
        let mut items = vec![self.unary()?];
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            Expr::And(items)
        })
    }

    fn unary(&mut self) -> Result<Expr, CondError> {
        if self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, CondError> {
        let Some((tok, span)) = self.toks.get(self.pos).cloned() else {
            return Err(self.unexpected("a question id"));
        };
        match tok {
            Tok::LParen => {
                self.pos += 1;
                self.enter()?;
                let inner = self.or()?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::RParen) {
                    return Err(self
                        .unexpected("`)`")
                        .help(format!("the `(` at offset {} is not closed", span.start)));
                }
                self.pos += 1;
                Ok(inner)
            }
            Tok::Ident(question) => {
                self.pos += 1;
                match self.peek() {
                    Some(Tok::Eq) | Some(Tok::Ne) => {
                        let negated = self.peek() == Some(&Tok::Ne);
                        self.pos += 1;
                        match self.toks.get(self.pos).cloned() {
                            Some((Tok::Str(option), option_span)) => {
                                self.pos += 1;
                                Ok(Expr::Is {
                                    question,
                                    option,
                                    negated,
                                    span,
                                    option_span,
                                })
                            }
                            Some((Tok::Ident(word), s)) => Err(CondError::new(
                                s,
                                format!("expected a quoted option id, found `{word}`"),
                            )
                            .help(format!("quote the option: '{word}'"))),
                            _ => Err(self.unexpected("a quoted option id")),
                        }
                    }
                    Some(Tok::In) => Err(CondError::new(
                        span,
                        format!("`{question}` before `in` must be a quoted option id"),
                    )
                    .help(format!("write `'{question}' in <question>`"))),
                    _ => Ok(Expr::Yes { question, span }),
                }
            }
            Tok::Str(option) => {
                self.pos += 1;
                if self.peek() != Some(&Tok::In) {
                    return Err(self.unexpected("`in`").help(format!(
                        "a quoted option goes before `in`, as in `'{option}' in people_involved`"
                    )));
                }
                self.pos += 1;
                match self.toks.get(self.pos).cloned() {
                    Some((Tok::Ident(question), qspan)) => {
                        self.pos += 1;
                        Ok(Expr::In {
                            question,
                            option,
                            span: qspan,
                            option_span: span,
                        })
                    }
                    _ => Err(self.unexpected("a question id after `in`")),
                }
            }
            _ => Err(self.unexpected("a question id, `not` or `(`")),
        }
    }
}

/// Parse a condition. Errors carry byte offsets into `src`.
pub fn parse(src: &str) -> Result<Expr, CondError> {
    if src.len() > MAX_LEN {
        return Err(CondError::new(0..0, "condition is too long").help(format!(
            "keep a condition under {MAX_LEN} characters, or split the rule"
        )));
    }
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err(CondError::new(0..src.len(), "empty condition")
            .help("write a condition such as `harm_risk and not client_consents`"));
    }
    let mut p = Parser {
        toks: &toks,
        pos: 0,
        len: src.len(),
        depth: 0,
    };
    let expr = p.or()?;
    if p.pos < toks.len() {
        let e = p.unexpected("`and`, `or` or the end");
        return Err(e.help("join conditions with `and` or `or`"));
    }
    Ok(expr)
}

/// The kind of a question, as the checker needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    YesNo,
    OneOf,
    AnyOf,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::YesNo => "yes_no",
            Kind::OneOf => "one_of",
            Kind::AnyOf => "any_of",
        }
    }
}

/// What the checker knows about one question.
pub struct QuestionInfo<'a> {
    pub kind: Kind,
    pub options: Vec<&'a str>,
}

/// Check a parsed condition against the questions; every problem is returned.
pub fn check<'a>(
    expr: &Expr,
    lookup: &dyn Fn(&str) -> Option<QuestionInfo<'a>>,
    all_ids: &[&str],
) -> Vec<CondError> {
    let mut errors = Vec::new();
    check_into(expr, lookup, all_ids, &mut errors);
    errors
}

fn check_into<'a>(
    expr: &Expr,
    lookup: &dyn Fn(&str) -> Option<QuestionInfo<'a>>,
    all_ids: &[&str],
    errors: &mut Vec<CondError>,
) {
    let usage = |kind: Kind, q: &str| match kind {
        Kind::YesNo => format!("`{q}` is a yes_no question: write `{q}` or `not {q}`"),
        Kind::OneOf => format!("`{q}` is a one_of question: write `{q} == 'option'`"),
        Kind::AnyOf => format!("`{q}` is an any_of question: write `'option' in {q}`"),
    };
    let mut question = |q: &str, span: &Range<usize>, want: Kind| -> Option<QuestionInfo<'a>> {
        match lookup(q) {
            None => {
                let mut e = CondError::new(span.clone(), format!("unknown question `{q}`"));
                if let Some(s) = crate::suggest::closest(q, all_ids.iter().copied()) {
                    e = e.help(format!("did you mean `{s}`?"));
                }
                errors.push(e);
                None
            }
            Some(info) if info.kind != want => {
                errors.push(
                    CondError::new(
                        span.clone(),
                        format!(
                            "`{q}` is a {} question, but is used here as {}",
                            info.kind.name(),
                            want.name()
                        ),
                    )
                    .help(usage(info.kind, q)),
                );
                None
            }
            Some(info) => Some(info),
        }
    };
    match expr {
        Expr::Const(_) => {}
        Expr::Yes { question: q, span } => {
            question(q, span, Kind::YesNo);
        }
        Expr::Is {
            question: q,
            option,
            span,
            option_span,
            ..
        } => {
            if let Some(info) = question(q, span, Kind::OneOf) {
                check_option(q, option, option_span, &info, errors);
            }
        }
        Expr::In {
            question: q,
            option,
            span,
            option_span,
        } => {
            if let Some(info) = question(q, span, Kind::AnyOf) {
                check_option(q, option, option_span, &info, errors);
            }
        }
        Expr::Not(inner) => check_into(inner, lookup, all_ids, errors),
        Expr::And(items) | Expr::Or(items) => {
            for item in items {
                check_into(item, lookup, all_ids, errors);
            }
        }
    }
}

fn check_option(
    q: &str,
    option: &str,
    span: &Range<usize>,
    info: &QuestionInfo<'_>,
    errors: &mut Vec<CondError>,
) {
    if info.options.contains(&option) {
        return;
    }
    let mut e = CondError::new(span.clone(), format!("`{q}` has no option `{option}`"));
    e = match crate::suggest::closest(option, info.options.iter().copied()) {
        Some(s) => e.help(format!("did you mean '{s}'?")),
        None => e.help(format!("its options are: {}", info.options.join(", "))),
    };
    errors.push(e);
}

impl Default for Expr {
    fn default() -> Self {
        Expr::Const(false)
    }
}

impl Expr {
    /// The question ids this condition reads, in order of appearance, without repeats.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    /// Each question id this condition reads, with the span of its first use.
    pub fn question_spans(&self) -> Vec<(&str, Range<usize>)> {
        let mut out: Vec<(&str, Range<usize>)> = Vec::new();
        self.walk(&mut |q, span| {
            if !out.iter().any(|(x, _)| *x == q) {
                out.push((q, span.clone()));
            }
        });
        out
    }

    fn collect<'s>(&'s self, out: &mut Vec<&'s str>) {
        self.walk(&mut |q, _| {
            if !out.contains(&q) {
                out.push(q);
            }
        });
    }

    fn walk<'s>(&'s self, f: &mut dyn FnMut(&'s str, &'s Range<usize>)) {
        match self {
            Expr::Const(_) => {}
            Expr::Yes { question, span }
            | Expr::Is { question, span, .. }
            | Expr::In { question, span, .. } => f(question, span),
            Expr::Not(inner) => inner.walk(f),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| i.walk(f)),
        }
    }

    /// Evaluate against the answers of the questions that were asked. A question with no
    /// answer makes every comparison on it false.
    pub fn eval(&self, answers: &BTreeMap<String, Value>) -> bool {
        match self {
            Expr::Const(b) => *b,
            Expr::Yes { question, .. } => matches!(answers.get(question), Some(Value::Yes(true))),
            Expr::Is {
                question,
                option,
                negated,
                ..
            } => match answers.get(question) {
                Some(Value::One(v)) => (v == option) != *negated,
                _ => false,
            },
            Expr::In {
                question, option, ..
            } => match answers.get(question) {
                Some(Value::Many(vs)) => vs.iter().any(|v| v == option),
                _ => false,
            },
            Expr::Not(inner) => !inner.eval(answers),
            Expr::And(items) => items.iter().all(|i| i.eval(answers)),
            Expr::Or(items) => items.iter().any(|i| i.eval(answers)),
        }
    }

    /// When the condition holds, the questions whose answers made it true, in order of
    /// appearance; `None` when it does not hold.
    pub fn trace(&self, answers: &BTreeMap<String, Value>) -> Option<Vec<String>> {
        if !self.eval(answers) {
            return None;
        }
        let mut out = Vec::new();
        self.reasons(answers, &mut out);
        Some(out)
    }

    /// Called only on a sub-expression that holds.
    fn reasons(&self, answers: &BTreeMap<String, Value>, out: &mut Vec<String>) {
        let mut push = |q: &str| {
            if !out.iter().any(|x| x == q) {
                out.push(q.to_string());
            }
        };
        match self {
            Expr::Const(_) => {}
            Expr::Yes { question, .. } | Expr::Is { question, .. } | Expr::In { question, .. } => {
                push(question)
            }
            // A negation holds because of the answers its inner part read; questions that were
            // not asked explain nothing.
            Expr::Not(inner) => {
                for q in inner.questions() {
                    if answers.contains_key(q) {
                        push(q);
                    }
                }
            }
            Expr::And(items) | Expr::Or(items) => {
                for item in items {
                    if item.eval(answers) {
                        item.reasons(answers, out);
                    }
                }
            }
        }
    }
}

impl fmt::Display for Expr {
    /// The canonical text of the condition, with only the parentheses it needs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn go(e: &Expr, f: &mut fmt::Formatter<'_>, parent: u8) -> fmt::Result {
            match e {
                Expr::Const(b) => write!(f, "{b}"),
                Expr::Yes { question, .. } => f.write_str(question),
                Expr::Is {
                    question,
                    option,
                    negated,
                    ..
                } => write!(
                    f,
                    "{question} {} '{option}'",
                    if *negated { "!=" } else { "==" }
                ),
                Expr::In {
                    question, option, ..
                } => write!(f, "'{option}' in {question}"),
                Expr::Not(inner) => {
                    f.write_str("not ")?;
                    go(inner, f, 3)
                }
                Expr::And(items) | Expr::Or(items) => {
                    let (word, level) = if matches!(e, Expr::And(_)) {
                        (" and ", 2)
                    } else {
                        (" or ", 1)
                    };
                    let paren = parent > level;
                    if paren {
                        f.write_str("(")?;
                    }
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            f.write_str(word)?;
                        }
                        go(item, f, level)?;
                    }
                    if paren {
                        f.write_str(")")?;
                    }
                    Ok(())
                }
            }
        }
        go(self, f, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn yes(b: bool) -> Value {
        Value::Yes(b)
    }

    fn one(s: &str) -> Value {
        Value::One(s.into())
    }

    fn many(items: &[&str]) -> Value {
        Value::Many(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        let e = parse("a or b and not c").unwrap();
        assert_eq!(e.to_string(), "a or b and not c");
        // a or (b and (not c))
        assert!(e.eval(&answers(&[("a", yes(true))])));
        assert!(e.eval(&answers(&[("b", yes(true)), ("c", yes(false))])));
        assert!(!e.eval(&answers(&[("b", yes(true)), ("c", yes(true))])));
        let grouped = parse("(a or b) and not c").unwrap();
        assert_eq!(grouped.to_string(), "(a or b) and not c");
        assert!(!grouped.eval(&answers(&[("a", yes(true)), ("c", yes(true))])));
    }

    #[test]
    fn comparisons_and_membership() {
        let e = parse("harm_target == 'child' or 'child' in people").unwrap();
        assert!(e.eval(&answers(&[("harm_target", one("child"))])));
        assert!(!e.eval(&answers(&[("harm_target", one("public"))])));
        assert!(e.eval(&answers(&[("people", many(&["adult", "child"]))])));
        assert!(!e.eval(&answers(&[("people", many(&[]))])));
        let ne = parse("client_age != \"child\"").unwrap();
        assert!(ne.eval(&answers(&[("client_age", one("adult"))])));
        assert!(!ne.eval(&answers(&[("client_age", one("child"))])));
    }

    #[test]
    fn unasked_questions_make_every_comparison_false() {
        let empty = answers(&[]);
        for src in ["q", "q == 'x'", "q != 'x'", "'x' in q"] {
            assert!(!parse(src).unwrap().eval(&empty), "{src}");
        }
        assert!(parse("not q").unwrap().eval(&empty));
        assert!(parse("not q != 'x'").unwrap().eval(&empty));
    }

    #[test]
    fn trace_names_the_answers_that_made_it_true() {
        let e = parse("harm_risk and (harm_target == 'child' or urgent) and not consents").unwrap();
        let a = answers(&[
            ("harm_risk", yes(true)),
            ("harm_target", one("child")),
            ("urgent", yes(false)),
            ("consents", yes(false)),
        ]);
        assert_eq!(
            e.trace(&a).unwrap(),
            vec!["harm_risk", "harm_target", "consents"]
        );
        let unasked = answers(&[("harm_risk", yes(true)), ("urgent", yes(true))]);
        // `consents` was not asked, so it explains nothing.
        assert_eq!(e.trace(&unasked).unwrap(), vec!["harm_risk", "urgent"]);
        assert_eq!(e.trace(&answers(&[("harm_risk", yes(false))])), None);
    }

    #[test]
    fn syntax_errors_are_located_with_help() {
        let cases: &[(&str, &str, usize)] = &[
            ("a and and b", "expected a question id", 6),
            ("a && b", "unexpected `&&`", 2),
            ("a = 'x'", "unexpected `=`", 2),
            ("a == x", "expected a quoted option id", 5),
            ("(a or b", "expected `)`", 7),
            ("a b", "expected `and`, `or` or the end", 2),
            ("'x' in", "expected a question id after `in`", 6),
            ("q == 'unclosed", "unclosed quote", 5),
            ("x in q", "must be a quoted option id", 0),
            ("a é", "unexpected character `é`", 2),
            ("", "empty condition", 0),
        ];
        for (src, msg, at) in cases {
            let e = parse(src).unwrap_err();
            assert!(e.message.contains(msg), "{src}: {e:?}");
            assert_eq!(e.span.start, *at, "{src}: {e:?}");
        }
        assert_eq!(
            parse("a && b").unwrap_err().help.as_deref(),
            Some("write `and`")
        );
    }

    #[test]
    fn deep_nesting_and_huge_input_are_refused_not_overflowed() {
        let deep = format!("{}a{}", "(".repeat(1000), ")".repeat(1000));
        assert!(
            parse(&deep)
                .unwrap_err()
                .message
                .contains("nested too deeply")
        );
        let nots = format!("{}a", "not ".repeat(1000));
        assert!(parse(&nots).is_err());
        let long = vec!["a"; 5000].join(" or ");
        assert!(parse(&long).unwrap_err().message.contains("too long"));
        let ok = format!(
            "{}a{}",
            "(".repeat(MAX_DEPTH - 1),
            ")".repeat(MAX_DEPTH - 1)
        );
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn checker_finds_unknown_questions_options_and_wrong_kinds() {
        let lookup = |id: &str| match id {
            "harm_risk" => Some(QuestionInfo {
                kind: Kind::YesNo,
                options: vec![],
            }),
            "harm_target" => Some(QuestionInfo {
                kind: Kind::OneOf,
                options: vec!["child", "public"],
            }),
            "people" => Some(QuestionInfo {
                kind: Kind::AnyOf,
                options: vec!["child", "adult"],
            }),
            _ => None,
        };
        let ids = ["harm_risk", "harm_target", "people"];
        let errs = |src: &str| check(&parse(src).unwrap(), &lookup, &ids);
        assert!(errs("harm_risk and harm_target == 'child' and 'adult' in people").is_empty());
        let e = errs("harm_riks");
        assert_eq!(e[0].message, "unknown question `harm_riks`");
        assert_eq!(e[0].help.as_deref(), Some("did you mean `harm_risk`?"));
        let e = errs("harm_target");
        assert!(
            e[0].message
                .contains("is a one_of question, but is used here as yes_no"),
            "{e:?}"
        );
        assert!(
            e[0].help
                .as_deref()
                .unwrap()
                .contains("harm_target == 'option'")
        );
        let e = errs("harm_target == 'childd'");
        assert_eq!(e[0].message, "`harm_target` has no option `childd`");
        assert_eq!(e[0].span, 15..23);
        assert_eq!(e[0].help.as_deref(), Some("did you mean 'child'?"));
        let e = errs("'child' in harm_risk or harm_risk == 'x' or weather");
        assert_eq!(e.len(), 3, "every problem is reported: {e:?}");
    }

    #[test]
    fn display_round_trips() {
        for src in [
            "a and (b or c)",
            "not (a and b)",
            "'x' in q or r != 'y'",
            "a or b or c and d",
        ] {
            let e = parse(src).unwrap();
            assert_eq!(e.to_string(), src);
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn token() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                "a", "b", "q", "and", "or", "not", "in", "==", "!=", "(", ")", "'x'", "'y'", "\"z",
                "&", "=", " ",
            ])
        }

        proptest! {
            #[test]
            fn parse_never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
                let _ = parse(&s);
            }

            #[test]
            fn parse_never_panics_on_token_soup(tokens in prop::collection::vec(token(), 0..60)) {
                let src = tokens.join(" ");
                if let Ok(e) = parse(&src) {
                    // Whatever parses prints as text that parses to the same meaning.
                    let again = parse(&e.to_string()).unwrap();
                    prop_assert_eq!(again.to_string(), e.to_string());
                }
            }
        }
    }
}
