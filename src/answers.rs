//! Answers: their values, answers files (read with located errors, written atomically), and
//! which answers count given the questionnaire's skip logic.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::condition::Kind;
use crate::diagnostic::Diagnostic;
use crate::pack::{Pack, Question};
use crate::text::Lang;

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Yes(bool),
    One(String),
    Many(Vec<String>),
}

/// Answers keyed by question id.
pub type Answers = BTreeMap<String, Value>;

/// Which pack an answers file was written for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    pub id: String,
    pub edition: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileForm {
    #[serde(default)]
    pack: Option<Stamp>,
    #[serde(default)]
    answers: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    /// In a student's answers file: the practice case and the chosen course of action.
    #[serde(default)]
    case: Option<String>,
    #[serde(default)]
    course: Option<Spanned<String>>,
}

/// A read answers file.
#[derive(Debug, Clone)]
pub struct AnswersFile {
    pub answers: Answers,
    pub stamp: Option<Stamp>,
    /// The practice case this file answers, if it says.
    pub case: Option<String>,
    /// The course of action chosen in practice, with its place in the file.
    pub course: Option<Spanned<String>>,
    /// Warnings: answers to questions that would not be asked.
    pub warnings: Vec<Diagnostic>,
}

/// Read an answers file's text. Errors are every problem found, each located.
pub fn parse(pack: &Pack, name: &str, text: &str) -> Result<AnswersFile, Vec<Diagnostic>> {
    let form: FileForm = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let (message, help) = crate::pack::explain_toml_error(e.message());
            let help = if message.starts_with("unknown field") {
                Some("an answers file has an `[answers]` table, and optionally `[pack]`, `case` and `course`".into())
            } else {
                help
            };
            return Err(vec![
                Diagnostic::error(name, text, e.span(), message).with_help_opt(help),
            ]);
        }
    };
    let Some(entries) = form.answers else {
        return Err(vec![
            Diagnostic::error(name, text, None, "no `[answers]` table")
                .with_help("write the answers under `[answers]`, one `question_id = value` a line"),
        ]);
    };
    let mut diags = Vec::new();
    let mut answers = Answers::new();
    for (key, value) in &entries {
        let spans = Spans {
            key: Some(key.span()),
            value: Some(value.span()),
        };
        if let Some(v) = convert(
            pack,
            key.get_ref(),
            value.get_ref(),
            spans,
            name,
            text,
            &mut diags,
        ) {
            answers.insert(key.get_ref().clone(), v);
        }
    }
    if diags.iter().any(|d| d.is_error()) {
        return Err(diags);
    }
    let spans: BTreeMap<&str, Range<usize>> = entries
        .keys()
        .map(|k| (k.get_ref().as_str(), k.span()))
        .collect();
    let warnings = unasked_warnings(pack, &answers, name, text, |k| spans.get(k).cloned());
    Ok(AnswersFile {
        answers,
        stamp: form.pack,
        case: form.case,
        course: form.course,
        warnings,
    })
}

/// Read answers from a table inside another file (a case's `[answers]`), locating problems
/// by finding the key in the file's text.
pub fn from_table(
    pack: &Pack,
    table: &toml::Table,
    name: &str,
    text: &str,
) -> (Answers, Vec<Diagnostic>) {
    let locate = |key: &str| -> Option<Range<usize>> {
        let section = text.find("[answers]").unwrap_or(0);
        let mut offset = section;
        for line in text[section..].split_inclusive('\n') {
            let trimmed = line.trim_start();
            if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with('=') {
                let start = offset + (line.len() - trimmed.len());
                return Some(start..start + key.len());
            }
            offset += line.len();
        }
        None
    };
    let mut diags = Vec::new();
    let mut answers = Answers::new();
    for (key, value) in table {
        if let Some(v) = convert(
            pack,
            key,
            value,
            Spans {
                key: locate(key),
                value: locate(key),
            },
            name,
            text,
            &mut diags,
        ) {
            answers.insert(key.clone(), v);
        }
    }
    let warnings = unasked_warnings(pack, &answers, name, text, locate);
    diags.extend(warnings);
    (answers, diags)
}

/// Where an answer's key and value stand in the file.
#[derive(Clone)]
struct Spans {
    key: Option<Range<usize>>,
    value: Option<Range<usize>>,
}

fn convert(
    pack: &Pack,
    key: &str,
    value: &toml::Value,
    spans: Spans,
    name: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Value> {
    let Some(q) = pack.question(key) else {
        let ids = pack.questions.iter().map(|q| q.id.get_ref().as_str());
        let help = match crate::suggest::closest(key, ids) {
            Some(s) => format!("did you mean `{s}`? (`etika list questions` shows them all)"),
            None => "remove it; `etika list questions` shows the questions of this pack".into(),
        };
        diags.push(
            Diagnostic::error(name, text, spans.key, format!("unknown question `{key}`"))
                .with_help(help),
        );
        return None;
    };
    let span = spans.value;
    let options: Vec<&str> = q.options.iter().map(|o| o.id.get_ref().as_str()).collect();
    let check_option = |opt: &str, diags: &mut Vec<Diagnostic>| -> bool {
        if options.contains(&opt) {
            return true;
        }
        let help = match crate::suggest::closest(opt, options.iter().copied()) {
            Some(s) => format!("did you mean \"{s}\"?"),
            None => format!("its options are: {}", options.join(", ")),
        };
        diags.push(
            Diagnostic::error(
                name,
                text,
                span.clone(),
                format!("question `{key}` has no option `{opt}`"),
            )
            .with_help(help),
        );
        false
    };
    let wrong = |want: &str, example: String| {
        Diagnostic::error(
            name,
            text,
            span.clone(),
            format!("question `{key}` wants {want}, found {}", describe(value)),
        )
        .with_help(format!("write `{key} = {example}`"))
    };
    match (q.kind, value) {
        (Kind::YesNo, toml::Value::Boolean(b)) => Some(Value::Yes(*b)),
        (Kind::YesNo, _) => {
            diags.push(wrong("true or false", "true".into()));
            None
        }
        (Kind::OneOf, toml::Value::String(s)) => {
            check_option(s, diags).then(|| Value::One(s.clone()))
        }
        (Kind::OneOf, _) => {
            diags.push(wrong(
                "one option id",
                format!("\"{}\"", options.first().unwrap_or(&"…")),
            ));
            None
        }
        (Kind::AnyOf, toml::Value::Array(items)) => {
            let mut out = Vec::new();
            let mut ok = true;
            for item in items {
                match item {
                    toml::Value::String(s) => {
                        if check_option(s, diags) {
                            if !out.contains(s) {
                                out.push(s.clone());
                            }
                        } else {
                            ok = false;
                        }
                    }
                    other => {
                        diags.push(
                            Diagnostic::error(
                                name,
                                text,
                                span.clone(),
                                format!(
                                    "question `{key}` lists {}, not an option id",
                                    describe(other)
                                ),
                            )
                            .with_help(format!(
                                "write `{key} = [\"{}\"]`",
                                options.first().unwrap_or(&"…")
                            )),
                        );
                        ok = false;
                    }
                }
            }
            // Keep the pack's order of options, whatever order the file used.
            out.sort_by_key(|o| options.iter().position(|x| x == o));
            ok.then_some(Value::Many(out))
        }
        (Kind::AnyOf, _) => {
            diags.push(wrong(
                "a list of option ids",
                format!("[\"{}\"]", options.first().unwrap_or(&"…")),
            ));
            None
        }
    }
}

fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("the text \"{s}\""),
        toml::Value::Integer(i) => format!("the number {i}"),
        toml::Value::Float(f) => format!("the number {f}"),
        toml::Value::Boolean(b) => format!("`{b}`"),
        toml::Value::Datetime(_) => "a date".into(),
        toml::Value::Array(_) => "a list".into(),
        toml::Value::Table(_) => "a table".into(),
    }
}

fn unasked_warnings(
    pack: &Pack,
    answers: &Answers,
    name: &str,
    text: &str,
    locate: impl Fn(&str) -> Option<Range<usize>>,
) -> Vec<Diagnostic> {
    let kept = effective(pack, answers);
    answers
        .keys()
        .filter(|k| !kept.contains_key(*k))
        .map(|k| {
            let q = pack.question(k).expect("answers hold known questions");
            let cond = q
                .ask_if
                .as_ref()
                .map(|c| c.get_ref().as_str())
                .unwrap_or("");
            Diagnostic::warning(
                name,
                text,
                locate(k),
                format!("`{k}` would not be asked with these answers, so it is ignored"),
            )
            .with_help(format!("it is asked only when {cond}"))
        })
        .collect()
}

/// Is this question asked, given the answers so far?
pub fn is_asked(q: &Question, answers: &Answers) -> bool {
    q.ask_if_expr.as_ref().is_none_or(|e| e.eval(answers))
}

/// The answers that count: those to questions that are asked, following the questionnaire in
/// order so that each `ask_if` sees only the answers that count before it.
pub fn effective(pack: &Pack, answers: &Answers) -> Answers {
    let mut kept = Answers::new();
    for q in &pack.questions {
        let id = q.id.get_ref();
        if let Some(v) = answers.get(id)
            && is_asked(q, &kept)
        {
            kept.insert(id.clone(), v.clone());
        }
    }
    kept
}

/// The next question to ask: the first asked question without an answer.
pub fn next_unanswered<'p>(pack: &'p Pack, answers: &Answers) -> Option<&'p Question> {
    let kept = effective(pack, answers);
    pack.questions
        .iter()
        .find(|q| !kept.contains_key(q.id.get_ref()) && is_asked(q, &kept))
}

/// An answer in words, in the user's language.
pub fn describe_answer(q: &Question, v: &Value, lang: Lang) -> String {
    let label = |id: &str| {
        q.options
            .iter()
            .find(|o| o.id.get_ref() == id)
            .map(|o| o.label.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    match v {
        Value::Yes(b) => crate::i18n::yes_no(lang, *b).to_string(),
        Value::One(s) => label(s),
        Value::Many(items) if items.is_empty() => crate::i18n::none(lang).to_string(),
        Value::Many(items) => items
            .iter()
            .map(|s| label(s))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// An answer as a short machine string: `yes`/`no`, an option id, or ids joined by `, `.
pub fn answer_code(v: &Value) -> String {
    match v {
        Value::Yes(b) => if *b { "yes" } else { "no" }.to_string(),
        Value::One(s) => s.clone(),
        Value::Many(items) => items.join(", "),
    }
}

/// The answers-file text for these answers, in questionnaire order, stamped with the pack.
pub fn to_toml(pack: &Pack, answers: &Answers) -> String {
    let mut out =
        String::from("# etika answers: question ids and answers only, nothing about a person.\n");
    if let Some(meta) = &pack.meta {
        out.push_str(&format!(
            "\n[pack]\nid = {}\nedition = {}\n",
            toml_str(&meta.id),
            toml_str(&meta.edition)
        ));
    }
    out.push_str("\n[answers]\n");
    for q in &pack.questions {
        let id = q.id.get_ref();
        if let Some(v) = answers.get(id) {
            let value = match v {
                Value::Yes(b) => b.to_string(),
                Value::One(s) => toml_str(s),
                Value::Many(items) => format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|s| toml_str(s))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            out.push_str(&format!("{id} = {value}\n"));
        }
    }
    out
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Write a file atomically: a temporary file beside it, readable by its owner only, then a
/// rename, so a reader sees the old contents or the new, never half.
pub fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let result = (|| {
        let mut f = options.open(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
