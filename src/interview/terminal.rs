//! The interactive prompter: inquire, drawing on stderr so a report on stdout stays clean.
//!
//! Every line it draws is wrapped at word boundaries to the terminal's width (prompt, help,
//! options and the echo of the answer), since inquire would otherwise cut words where the line
//! ends. Yes/no questions take `y`/`n` (and `ya`/`tidak`, `t`) and `?` for "not sure" where the
//! question allows it; lists are numbered and as tall as the terminal allows. Esc goes back,
//! Ctrl-C stops.

use std::fmt;

use inquire::error::InquireError;
use inquire::ui::{IndexPrefix, RenderConfig, Styled};
use inquire::{CustomType, MultiSelect, Select};

use super::{Progress, Prompter, Reply, ReviewItem, Stop};
use crate::pack::Question;
use crate::vocab::{Lang, QuestionKind, Value};
use crate::words;

pub struct Terminal {
    render: RenderConfig<'static>,
    width: usize,
    height: usize,
}

impl Terminal {
    /// `width` and `height` are the terminal's, where the prompts are drawn. Lines stop one
    /// column short of the edge: a line that fills the last column leaves some terminals
    /// waiting to wrap, and inquire's count of the lines it drew would be off by one.
    pub fn new(color: bool, width: u16, height: u16) -> Self {
        Terminal {
            render: render_config(color),
            width: width.max(20) as usize - 1,
            height: height.max(10) as usize,
        }
    }

    /// Wrap at word boundaries, leaving `indent` columns for inquire's own marks.
    fn wrap(&self, text: &str, indent: usize) -> String {
        words::fill(text, self.width.saturating_sub(indent), "", "")
    }

    /// An option label, numbered and wrapped, its further lines indented under its text.
    /// `mark` is how wide inquire's own mark before the first line is: "> " in a list,
    /// "> [x] " in a list to tick.
    fn option(&self, n: usize, label: &str, mark: usize) -> String {
        let head = format!("{n}. ");
        let (first, rest) = (" ".repeat(mark), " ".repeat(mark + head.len()));
        let text = words::fill(&format!("{head}{label}"), self.width, &first, &rest);
        text[mark..].to_owned()
    }

    /// The echo of an answer, on its own line under the question.
    fn echo(&self, answer: &str) -> String {
        words::fill(answer, self.width, "  → ", "    ")
    }

    /// As many options of a list as fit under the prompt and help, however many lines the
    /// tallest of them take.
    fn page(&self, shown: &[String], used: usize) -> usize {
        let room = self.height.saturating_sub(used + 3).max(3);
        let mut heights: Vec<usize> = shown.iter().map(|s| s.lines().count().max(1)).collect();
        heights.sort_unstable_by(|a, b| b.cmp(a));
        let mut rows = 0;
        let fit = heights
            .iter()
            .take_while(|h| {
                rows += **h;
                rows <= room
            })
            .count();
        fit.clamp(1, shown.len().max(1))
    }
}

/// How every prompt is drawn: plain or coloured, with "?" before a question and "✔" after,
/// the answer on its own line.
pub fn render_config(color: bool) -> RenderConfig<'static> {
    let mut render = if color {
        RenderConfig::default_colored()
    } else {
        RenderConfig::empty()
    };
    render.answer_from_new_line = true;
    render.option_index_prefix = IndexPrefix::None;
    // A mistake is marked as one, not with inquire's "#".
    render.error_message = render.error_message.with_prefix(Styled::new("✗"));
    render
        .with_prompt_prefix(Styled::new("?"))
        .with_answered_prompt_prefix(Styled::new("✔"))
}

fn stop(e: InquireError) -> Stop {
    match e {
        InquireError::OperationInterrupted => Stop::Cancelled,
        InquireError::NotTTY => Stop::Failed("no terminal".into()),
        InquireError::IO(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => Stop::Cancelled,
        other => Stop::Failed(other.to_string()),
    }
}

/// Esc is Back; Ctrl-C stops.
fn reply<T>(r: Result<T, InquireError>) -> Result<Reply<T>, Stop> {
    match r {
        Ok(v) => Ok(Reply::Answer(v)),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(e) => Err(stop(e)),
    }
}

/// Parse a yes/no reply in either language.
pub fn parse_yes_no(input: &str) -> Option<bool> {
    match input.trim().to_lowercase().as_str() {
        "y" | "yes" | "ya" | "iya" | "yup" => Some(true),
        "n" | "no" | "t" | "tidak" | "tdk" | "enggak" | "nggak" | "gak" => Some(false),
        _ => None,
    }
}

fn parse_unsure(input: &str) -> bool {
    matches!(
        input.trim().to_lowercase().as_str(),
        "?" | "u" | "unsure" | "not sure" | "belum tahu" | "bt" | "tidak tahu"
    )
}

/// A yes/no answer, or "not sure yet".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tri(Option<bool>, Lang);

impl fmt::Display for Tri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(b) => f.write_str(words::yes_no(self.1, b)),
            None => f.write_str(words::unsure(self.1)),
        }
    }
}

/// Only for inquire's default parser, which the prompt replaces with its own.
impl std::str::FromStr for Tri {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match parse_yes_no(s) {
            Some(b) => Ok(Tri(Some(b), Lang::En)),
            None if parse_unsure(s) => Ok(Tri(None, Lang::En)),
            None => Err(()),
        }
    }
}

/// The key help of a yes/no prompt.
fn yes_no_keys(lang: Lang, unsure: bool) -> &'static str {
    match (lang, unsure) {
        (Lang::En, false) => "y/n, Enter",
        (Lang::En, true) => "y/n or ? (not sure), Enter",
        (Lang::Id, false) => "y/t, Enter",
        (Lang::Id, true) => "y/t atau ? (belum tahu), Enter",
    }
}

fn list_keys(lang: Lang, multi: bool) -> &'static str {
    match (lang, multi) {
        (Lang::En, false) => "↑↓ move, Enter choose, type to filter, Esc back",
        (Lang::En, true) => "↑↓ move, Space tick, Enter continue, type to filter, Esc back",
        (Lang::Id, false) => "↑↓ pindah, Enter pilih, ketik untuk menyaring, Esc kembali",
        (Lang::Id, true) => {
            "↑↓ pindah, Spasi centang, Enter lanjut, ketik untuk menyaring, Esc kembali"
        }
    }
}

/// A list item: its label in words, or the row that says a filter matched nothing.
#[derive(Debug, Clone)]
struct Item {
    shown: String,
    /// The words a filter searches.
    plain: String,
    index: Option<usize>,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

/// A filter that matches words anywhere in a label, case-insensitively; the "nothing
/// matches" row shows only when no label matches.
fn matches(filter: &str, text: &str) -> bool {
    let text = text.to_lowercase();
    filter
        .to_lowercase()
        .split_whitespace()
        .all(|w| text.contains(w))
}

impl Terminal {
    /// The row that says the filter matches nothing; `mark` as for [`Terminal::option`].
    fn no_match_row(&self, lang: Lang, mark: usize) -> Item {
        let text = lang.pick(
            "(tidak ada yang cocok; hapus saringan dengan Backspace)",
            "(nothing matches; clear the filter with Backspace)",
        );
        let pad = " ".repeat(mark);
        Item {
            shown: words::fill(text, self.width, &pad, &pad)[mark..].to_owned(),
            plain: String::new(),
            index: None,
        }
    }

    /// Choose from a list; the filter says when it matches nothing.
    fn select(
        &self,
        title: &str,
        help: &str,
        labels: &[String],
        start: usize,
        lang: Lang,
    ) -> Result<Reply<usize>, Stop> {
        let mut items: Vec<Item> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| Item {
                shown: self.option(i + 1, l, 2),
                plain: format!("{} {l}", i + 1),
                index: Some(i),
            })
            .collect();
        items.push(self.no_match_row(lang, 2));
        let shown: Vec<String> = items.iter().map(|i| i.shown.clone()).collect();
        let plains: Vec<String> = items.iter().map(|i| i.plain.clone()).collect();
        let scorer = move |filter: &str, item: &Item, _: &str, _: usize| -> Option<i64> {
            match item.index {
                Some(i) => matches(filter, &plains[i]).then_some(-(i as i64)),
                None => (!filter.is_empty()
                    && !plains.iter().any(|p| !p.is_empty() && matches(filter, p)))
                .then_some(0),
            }
        };
        let used = title.lines().count() + help.lines().count();
        loop {
            let chosen = Select::new(title, items.clone())
                .with_render_config(self.render)
                .with_help_message(help)
                .with_starting_cursor(start.min(labels.len().saturating_sub(1)))
                .with_page_size(self.page(&shown, used))
                .with_scorer(&scorer)
                .with_formatter(&|o| {
                    let text = o.value.plain.split_once(' ').map_or("", |(_, l)| l);
                    self.echo(text)
                })
                .prompt();
            match reply(chosen)? {
                Reply::Answer(Item { index: Some(i), .. }) => return Ok(Reply::Answer(i)),
                Reply::Answer(_) => continue,
                Reply::Back => return Ok(Reply::Back),
            }
        }
    }
}

impl Prompter for Terminal {
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        progress: Progress,
        lang: Lang,
    ) -> Result<Reply<Value>, Stop> {
        let title = self.wrap(
            &format!(
                "[{}/≈{}] {}",
                progress.number,
                progress.total,
                q.prompt.get(lang)
            ),
            2,
        );
        match q.kind {
            QuestionKind::YesNo => {
                let help = self.wrap(
                    &format!("{} ({})", q.help.get(lang), yes_no_keys(lang, q.unsure)),
                    2,
                );
                let unsure = q.unsure;
                let parser = move |s: &str| match parse_yes_no(s) {
                    Some(b) => Ok(Tri(Some(b), lang)),
                    None if unsure && parse_unsure(s) => Ok(Tri(None, lang)),
                    None => Err(()),
                };
                let formatter = |t: Tri| self.echo(&t.to_string());
                let error = match (lang, unsure) {
                    (Lang::En, false) => "Answer y (yes) or n (no)",
                    (Lang::En, true) => "Answer y (yes), n (no) or ? (not sure yet)",
                    (Lang::Id, false) => "Jawab y (ya) atau t (tidak)",
                    (Lang::Id, true) => "Jawab y (ya), t (tidak) atau ? (belum tahu)",
                };
                let mut prompt = CustomType::<Tri>::new(&title)
                    .with_render_config(self.render)
                    .with_help_message(&help)
                    .with_parser(&parser)
                    .with_formatter(&formatter)
                    .with_default_value_formatter(&|t| t.to_string())
                    .with_error_message(error)
                    .with_placeholder(lang.pick("y/t", "y/n"));
                match current {
                    Some(Value::Yes(b)) => prompt = prompt.with_default(Tri(Some(*b), lang)),
                    Some(Value::Unsure) => prompt = prompt.with_default(Tri(None, lang)),
                    _ => {}
                }
                Ok(match reply(prompt.prompt())? {
                    Reply::Answer(Tri(Some(b), _)) => Reply::Answer(Value::Yes(b)),
                    Reply::Answer(Tri(None, _)) => Reply::Answer(Value::Unsure),
                    Reply::Back => Reply::Back,
                })
            }
            QuestionKind::OneOf => {
                let mut labels: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| o.label.get(lang).to_string())
                    .collect();
                if q.unsure {
                    labels.push(
                        lang.pick(
                            "Belum tahu (cari tahu nanti)",
                            "Not sure yet (find out later)",
                        )
                        .to_string(),
                    );
                }
                let start = match current {
                    Some(Value::One(id)) => q.options.iter().position(|o| &o.id == id).unwrap_or(0),
                    Some(Value::Unsure) => q.options.len(),
                    _ => 0,
                };
                let help = self.wrap(
                    &format!("{} ({})", q.help.get(lang), list_keys(lang, false)),
                    2,
                );
                Ok(match self.select(&title, &help, &labels, start, lang)? {
                    Reply::Answer(i) if i < q.options.len() => {
                        Reply::Answer(Value::One(q.options[i].id.clone()))
                    }
                    Reply::Answer(_) => Reply::Answer(Value::Unsure),
                    Reply::Back => Reply::Back,
                })
            }
            QuestionKind::AnyOf => {
                let n = q.options.len();
                let mut labels: Vec<String> = q
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| self.option(i + 1, o.label.get(lang), 6))
                    .collect();
                // Where "not sure yet" is an answer, it is a row of its own after the options,
                // which stands alone.
                let unsure_label = lang.pick(
                    "Belum tahu (cari tahu nanti)",
                    "Not sure yet (find out later)",
                );
                if q.unsure {
                    labels.push(self.option(n + 1, unsure_label, 6));
                }
                let answers_rows = labels.len();
                // The last row says when the filter matches nothing; it is never an answer.
                labels.push(self.no_match_row(lang, 6).shown);
                let defaults: Vec<usize> = match current {
                    Some(Value::Many(ids)) => q
                        .options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| ids.contains(&o.id))
                        .map(|(i, _)| i)
                        .collect(),
                    Some(Value::Unsure) if q.unsure => vec![n],
                    _ => Vec::new(),
                };
                let help = self.wrap(
                    &format!("{} ({})", q.help.get(lang), list_keys(lang, true)),
                    2,
                );
                // Enter with nothing ticked is nearly always a slip (Enter does not tick), so
                // ask for at least one; a pack offers "something else" where none may fit.
                let empty = lang.pick(
                    "Centang setidaknya satu dengan Spasi, lalu Enter",
                    "Tick at least one with Space, then press Enter",
                );
                let alone = lang.pick(
                    "\"Belum tahu\" berdiri sendiri: hapus centang pada yang lain, atau pada \"Belum tahu\"",
                    "\"Not sure yet\" stands alone: untick the others, or \"Not sure yet\"",
                );
                let at_least_one = move |chosen: &[inquire::list_option::ListOption<&String>]| {
                    let unsure = chosen.iter().any(|c| c.index == n && answers_rows > n);
                    let options = chosen.iter().filter(|c| c.index < n).count();
                    Ok(if unsure && options > 0 {
                        inquire::validator::Validation::Invalid(alone.into())
                    } else if !unsure && options == 0 {
                        inquire::validator::Validation::Invalid(empty.into())
                    } else {
                        inquire::validator::Validation::Valid
                    })
                };
                let mut plain: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| o.label.get(lang).to_string())
                    .collect();
                if q.unsure {
                    plain.push(unsure_label.to_string());
                }
                let formatter = |chosen: &[inquire::list_option::ListOption<&String>]| {
                    let words: Vec<&str> = chosen
                        .iter()
                        .filter_map(|c| plain.get(c.index).map(String::as_str))
                        .collect();
                    self.echo(&words.join("; "))
                };
                let numbered: Vec<String> = plain
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{} {l}", i + 1))
                    .collect();
                let scorer = |filter: &str, _: &String, _: &str, i: usize| -> Option<i64> {
                    match numbered.get(i) {
                        Some(p) => matches(filter, p).then_some(-(i as i64)),
                        None => (!filter.is_empty()
                            && !numbered.iter().any(|p| matches(filter, p)))
                        .then_some(0),
                    }
                };
                let used = title.lines().count() + help.lines().count();
                let chosen = MultiSelect::new(&title, labels.clone())
                    .with_render_config(self.render)
                    .with_help_message(&help)
                    .with_validator(at_least_one)
                    .with_default(&defaults)
                    .with_formatter(&formatter)
                    .with_page_size(self.page(&labels, used))
                    .with_scorer(&scorer)
                    .raw_prompt();
                Ok(match reply(chosen)? {
                    Reply::Answer(list) if q.unsure && list.iter().any(|c| c.index == n) => {
                        Reply::Answer(Value::Unsure)
                    }
                    Reply::Answer(list) => Reply::Answer(Value::Many(
                        list.into_iter()
                            .filter(|c| c.index < n)
                            .map(|c| q.options[c.index].id.clone())
                            .collect(),
                    )),
                    Reply::Back => Reply::Back,
                })
            }
        }
    }

    fn review(&mut self, items: &[ReviewItem], lang: Lang) -> Result<Reply<Option<usize>>, Stop> {
        let mut labels = vec![
            lang.pick("✔ Selesai, tampilkan hasil", "✔ Done, show the report")
                .to_string(),
        ];
        labels.extend(items.iter().map(|i| format!("{} → {}", i.prompt, i.answer)));
        let title = self.wrap(
            lang.pick(
                "Periksa jawaban Anda. Pilih jawaban untuk mengubahnya:",
                "Review your answers. Pick one to change it:",
            ),
            2,
        );
        let help = self.wrap(list_keys(lang, false), 2);
        Ok(match self.select(&title, &help, &labels, 0, lang)? {
            Reply::Answer(i) => Reply::Answer(i.checked_sub(1)),
            Reply::Back => Reply::Back,
        })
    }

    fn choose(&mut self, prompt: &str, options: &[String], lang: Lang) -> Result<usize, Stop> {
        let title = self.wrap(prompt, 2);
        let help = self.wrap(list_keys(lang, false), 2);
        match self.select(&title, &help, options, 0, lang)? {
            Reply::Answer(i) => Ok(i),
            Reply::Back => Err(Stop::Cancelled),
        }
    }

    fn show(&mut self, text: &str) {
        for para in text.split("\n\n") {
            eprintln!(
                "{}\n",
                words::fill(para.trim(), self.width.min(100), "", "")
            );
        }
    }

    fn confirm_discard(&mut self, n: usize, lang: Lang) -> Result<bool, Stop> {
        let title = self.wrap(
            &match lang {
                Lang::En => format!("Discard {n} answer(s) and stop? (y/N)"),
                Lang::Id => format!("Buang {n} jawaban dan berhenti? (y/T)"),
            },
            2,
        );
        let parser = |s: &str| parse_yes_no(s).ok_or(());
        let formatter = |b: bool| self.echo(words::yes_no(lang, b));
        let answer = CustomType::<bool>::new(&title)
            .with_render_config(self.render)
            .with_parser(&parser)
            .with_formatter(&formatter)
            .with_default_value_formatter(&|b| words::yes_no(lang, b).to_string())
            .with_default(false)
            .with_error_message(lang.pick("Jawab y atau t", "Answer y or n"))
            .prompt();
        match answer {
            Ok(b) => Ok(b),
            // Esc: keep the answers and carry on; Ctrl-C again: stop.
            Err(InquireError::OperationCanceled) => Ok(false),
            Err(e) => Err(stop(e)),
        }
    }
}
