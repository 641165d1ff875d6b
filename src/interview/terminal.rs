//! The interactive prompter: inquire, drawing on stderr so a report on stdout stays clean.
//!
//! Every line it draws is wrapped at word boundaries to the terminal's width (prompt, help,
//! options and the echo of the answer), since inquire would otherwise cut words where the line
//! ends. Yes/no questions take `y`/`n` (and `ya`/`tidak`, `t`) and `?` for "not sure" where the
//! question allows it; lists are numbered and as tall as the terminal allows. Esc goes back,
//! Ctrl-C stops.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

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

    /// A prompt's title, wrapped so that its last line keeps `room` columns free for what
    /// inquire writes after it on the same line: the default answer, the placeholder (`y/t`)
    /// or the filter being typed. Without that room the terminal would cut them wherever the
    /// edge falls ("y/" on one line, "t" on the next). The last word moves down with the room.
    fn title(&self, text: &str, room: usize) -> String {
        let keep = format!("\u{a0}{}", "x".repeat(room.max(1)));
        let filled = words::fill(
            &format!("{text}{keep}"),
            self.width.saturating_sub(2),
            "",
            "",
        );
        filled
            .strip_suffix(keep.as_str())
            .map(str::to_owned)
            .unwrap_or(filled)
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
    // A prompt left with Esc is taken off the screen (see `erase_canceled`): no mark.
    render.canceled_prompt_indicator = Styled::new("");
    render
        .with_prompt_prefix(Styled::new("?"))
        .with_answered_prompt_prefix(Styled::new("✔"))
}

/// Take a prompt that Esc cancelled off the screen: inquire leaves it there with a
/// "<canceled>" mark, a line of the prompt's title for each line it took. The question it went
/// back to is drawn under the answer it had.
fn erase_canceled(title: &str) {
    use std::io::Write as _;
    let lines = title.lines().count().max(1);
    let mut err = std::io::stderr();
    // Up to the first line of the prompt, and clear from there to the end of the screen.
    let _ = write!(err, "\x1b[{lines}F\x1b[J");
    let _ = err.flush();
}

/// How many "nothing matches" rows a list to tick holds (see its scorer): one more each time
/// a filter that matched nothing is cleared, the last one used again after that.
const NO_MATCH_ROWS: usize = 16;

fn stop(e: InquireError) -> Stop {
    match e {
        InquireError::OperationInterrupted => Stop::Cancelled,
        InquireError::NotTTY => Stop::Failed("no terminal".into()),
        InquireError::IO(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => Stop::Cancelled,
        other => Stop::Failed(other.to_string()),
    }
}

/// Esc is Back, the prompt it left taken off the screen; Ctrl-C stops.
fn reply<T>(r: Result<T, InquireError>, title: &str) -> Result<Reply<T>, Stop> {
    match r {
        Ok(v) => Ok(Reply::Answer(v)),
        Err(InquireError::OperationCanceled) => {
            erase_canceled(title);
            Ok(Reply::Back)
        }
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

pub fn parse_unsure(input: &str) -> bool {
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

/// The key help of a yes/no prompt. A key and what it means are held together with
/// no-break spaces, so a narrow terminal never puts "?" on one line and "(not sure)" on the
/// next.
fn yes_no_keys(lang: Lang, unsure: bool) -> &'static str {
    match (lang, unsure) {
        (Lang::En, false) => "y/n, Enter",
        (Lang::En, true) => "y/n or ?\u{a0}(not\u{a0}sure), Enter",
        (Lang::Id, false) => "y/t, Enter",
        (Lang::Id, true) => "y/t atau ?\u{a0}(belum\u{a0}tahu), Enter",
    }
}

/// Whether a list's filter is a single key of a yes/no answer (`y`, `n`, `t`): typed at a
/// list, it is most likely an answer meant for a yes/no question, not a search.
fn yes_no_key(filter: &str) -> bool {
    matches!(filter.trim().to_lowercase().as_str(), "y" | "n" | "t")
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

/// What the filter of a list did last: what it was, and whether it matched nothing. The
/// scorer keeps it up to date, since inquire tells the prompt nothing about its filter.
#[derive(Debug, Default)]
struct Filtered {
    filter: RefCell<String>,
    nothing: Cell<bool>,
}

/// A row of a list to choose from. When the filter matches nothing, the first row alone is
/// shown, and says so: inquire shows a list of no rows as nothing at all. (A row of its own
/// for the message would be hidden by the first filtering, which moves inquire's cursor to
/// the top, off the answer it was put on.)
#[derive(Debug, Clone)]
struct Item<'f> {
    shown: String,
    /// What the "nothing matches" row says, for the first row.
    none: Option<Rc<str>>,
    index: usize,
    filtered: &'f Filtered,
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.none {
            Some(none) if self.filtered.nothing.get() => f.write_str(none),
            _ => f.write_str(&self.shown),
        }
    }
}

/// A filter that matches words anywhere in a label, case-insensitively. A filter of digits
/// alone is the number of a row: "6" picks row 6, not "60 or over".
fn matches(filter: &str, text: &str) -> bool {
    let number = filter.trim();
    if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
        return text.split_whitespace().next() == Some(number);
    }
    let text = text.to_lowercase();
    filter
        .to_lowercase()
        .split_whitespace()
        .all(|w| text.contains(w))
}

/// What the "nothing matches" row says.
fn no_match_text(lang: Lang) -> &'static str {
    lang.pick(
        "(tidak ada yang cocok; hapus saringan dengan Backspace)",
        "(nothing matches; delete the filter with Backspace)",
    )
}

impl Terminal {
    /// The row that says the filter matches nothing; `mark` as for [`Terminal::option`].
    fn no_match_row(&self, lang: Lang, mark: usize) -> String {
        let pad = " ".repeat(mark);
        words::fill(no_match_text(lang), self.width, &pad, &pad)[mark..].to_owned()
    }

    /// Choose from a list, the cursor first on row `start` (the answer given before, when
    /// there is one), so that Enter alone keeps it. Rows are numbered from 1; with
    /// `unnumbered_first`, the first row has no number and the others count from 1 (the
    /// review: *Done*, then the answers).
    ///
    /// Enter on a filter that matches nothing asks again. So does Enter on a filter that is a
    /// single `y`, `n` or `t`: typed at a list, it was most likely meant as a yes or no, and
    /// would pick whatever row it happens to match. The list comes back with the cursor on
    /// that row and a note saying so; Enter there chooses it.
    #[allow(clippy::too_many_arguments)]
    fn select(
        &self,
        title: &str,
        help: &str,
        labels: &[String],
        start: usize,
        unnumbered_first: bool,
        lang: Lang,
    ) -> Result<Reply<usize>, Stop> {
        let number = |i: usize| if unnumbered_first { i } else { i + 1 };
        let plains: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| match number(i) {
                0 => l.clone(),
                n => format!("{n} {l}"),
            })
            .collect();
        let filtered = Filtered::default();
        let none: Rc<str> = self.no_match_row(lang, 2).into();
        let items: Vec<Item> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| Item {
                shown: match number(i) {
                    0 => self.option_unnumbered(l, 2),
                    n => self.option(n, l, 2),
                },
                none: (i == 0).then(|| none.clone()),
                index: i,
                filtered: &filtered,
            })
            .collect();
        let shown: Vec<String> = items.iter().map(|i| i.shown.clone()).collect();
        let scorer = |filter: &str, _: &Item, _: &str, i: usize| -> Option<i64> {
            if i == 0 {
                // The first row is scored first: note what the filter is now.
                filtered.filter.replace(filter.to_string());
                filtered
                    .nothing
                    .set(!plains.iter().any(|p| matches(filter, p)));
            }
            if filtered.nothing.get() {
                return (i == 0).then_some(0);
            }
            matches(filter, &plains[i]).then_some(-(i as i64))
        };
        let slip = lang.pick(
            "(belum dipilih: \"{}\" hanya menyaring daftar ini; penunjuk kini pada baris yang cocok, Enter untuk memilihnya)",
            "(not chosen: \"{}\" only filters this list; the cursor is now on the row it matched, Enter to choose it)",
        );
        let unchosen = |filter: &str| -> Option<String> {
            if filtered.nothing.get() {
                Some(lang.pick("(belum dipilih)", "(nothing chosen)").to_string())
            } else if yes_no_key(filter) {
                Some(
                    lang.pick("(belum dipilih: lihat di bawah)", "(not chosen: see below)")
                        .to_string(),
                )
            } else {
                None
            }
        };
        let used = title.lines().count() + help.lines().count();
        let page = |help_now: &str| {
            self.page(
                &shown,
                used + help_now.lines().count() - help.lines().count(),
            )
        };
        let mut start = start.min(labels.len().saturating_sub(1));
        let mut note = String::new();
        loop {
            let help_now = if note.is_empty() {
                help.to_string()
            } else {
                format!("{}\n{help}", self.wrap(&note, 2))
            };
            let chosen = Select::new(title, items.clone())
                .with_render_config(self.render)
                .with_help_message(&help_now)
                .with_starting_cursor(start)
                .with_page_size(page(&help_now))
                .with_scorer(&scorer)
                .with_formatter(&|o| {
                    let filter = filtered.filter.borrow().clone();
                    match unchosen(&filter) {
                        Some(why) => self.echo(&why),
                        None => self.echo(&labels[o.value.index]),
                    }
                })
                .prompt();
            match reply(chosen, title)? {
                Reply::Answer(item) => {
                    let filter = filtered.filter.borrow().clone();
                    if filtered.nothing.get() {
                        note.clear();
                        filtered.nothing.set(false);
                        continue;
                    }
                    if yes_no_key(&filter) {
                        start = item.index;
                        note = slip.replace("{}", filter.trim());
                        filtered.filter.replace(String::new());
                        continue;
                    }
                    return Ok(Reply::Answer(item.index));
                }
                Reply::Back => return Ok(Reply::Back),
            }
        }
    }

    /// A row without a number, wrapped as [`Terminal::option`] wraps a numbered one.
    fn option_unnumbered(&self, label: &str, mark: usize) -> String {
        let pad = " ".repeat(mark);
        words::fill(label, self.width, &pad, &pad)[mark..].to_owned()
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
        let text = format!(
            "[{}/≈{}] {}",
            progress.number,
            progress.total,
            q.prompt.get(lang)
        );
        match q.kind {
            QuestionKind::YesNo => {
                // The answer given before is the default: Enter alone keeps it.
                let default = match current {
                    Some(Value::Yes(b)) => Some(Tri(Some(*b), lang)),
                    Some(Value::Unsure) if q.unsure => Some(Tri(None, lang)),
                    _ => None,
                };
                // Room for the default, "(belum tahu) ", and for "tidak" typed in place of
                // the placeholder.
                let room = default.map_or(0, |d| d.to_string().chars().count() + 3) + 7;
                let title = self.title(&text, room);
                let help = self.wrap(
                    &format!("{} ({})", q.help.get(lang), yes_no_keys(lang, q.unsure)),
                    2,
                );
                let unsure = q.unsure;
                // "?" is read wherever it is typed, so that where it is no answer the person
                // is told why, not just asked again.
                let parser = move |s: &str| match parse_yes_no(s) {
                    Some(b) => Ok(Tri(Some(b), lang)),
                    None if parse_unsure(s) => Ok(Tri(None, lang)),
                    None => Err(()),
                };
                let formatter = |t: Tri| self.echo(&t.to_string());
                let error = self.wrap(
                    match (lang, unsure) {
                        (Lang::En, false) => "Answer y (yes) or n (no)",
                        (Lang::En, true) => "Answer y (yes), n (no) or ? (not sure yet)",
                        (Lang::Id, false) => "Jawab y (ya) atau t (tidak)",
                        (Lang::Id, true) => "Jawab y (ya), t (tidak) atau ? (belum tahu)",
                    },
                    2,
                );
                let no_unsure = self.wrap(
                    lang.pick(
                        "Pertanyaan ini tidak punya \"belum tahu\"; jawab y (ya) atau t (tidak)",
                        "This question has no \"not sure\"; answer y (yes) or n (no)",
                    ),
                    2,
                );
                let validator = move |t: &Tri| {
                    Ok(if t.0.is_none() && !unsure {
                        inquire::validator::Validation::Invalid(no_unsure.clone().into())
                    } else {
                        inquire::validator::Validation::Valid
                    })
                };
                let mut prompt = CustomType::<Tri>::new(&title)
                    .with_render_config(self.render)
                    .with_help_message(&help)
                    .with_parser(&parser)
                    .with_validator(validator)
                    .with_formatter(&formatter)
                    .with_default_value_formatter(&|t| t.to_string())
                    .with_error_message(&error)
                    .with_placeholder(lang.pick("y/t", "y/n"));
                if let Some(d) = default {
                    prompt = prompt.with_default(d);
                }
                Ok(match reply(prompt.prompt(), &title)? {
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
                let title = self.title(&text, 8);
                Ok(
                    match self.select(&title, &help, &labels, start, false, lang)? {
                        Reply::Answer(i) if i < q.options.len() => {
                            Reply::Answer(Value::One(q.options[i].id.clone()))
                        }
                        Reply::Answer(_) => Reply::Answer(Value::Unsure),
                        Reply::Back => Reply::Back,
                    },
                )
            }
            QuestionKind::AnyOf => {
                let title = self.title(&text, 8);
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
                let answer_rows = labels.len();
                // After the answers, the rows that say the filter matches nothing, one shown
                // at a time. They are never an answer; Space on one ticks it (inquire cannot
                // be told not to) and clears the filter, so the next time nothing matches, a
                // fresh, unticked one is shown.
                let no_match = self.no_match_row(lang, 6);
                labels.extend(std::iter::repeat_n(no_match, NO_MATCH_ROWS));
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
                let empty = self.wrap(
                    lang.pick(
                        "Centang setidaknya satu dengan Spasi, lalu Enter",
                        "Tick at least one with Space, then press Enter",
                    ),
                    2,
                );
                let alone = self.wrap(
                    lang.pick(
                        "\"Belum tahu\" berdiri sendiri: hapus centang pada yang lain, atau pada \"Belum tahu\"",
                        "\"Not sure yet\" stands alone: untick the others, or \"Not sure yet\"",
                    ),
                    2,
                );
                let offers_unsure = q.unsure;
                let at_least_one = move |chosen: &[inquire::list_option::ListOption<&String>]| {
                    let unsure = offers_unsure && chosen.iter().any(|c| c.index == n);
                    let options = chosen.iter().filter(|c| c.index < n).count();
                    Ok(if unsure && options > 0 {
                        inquire::validator::Validation::Invalid(alone.clone().into())
                    } else if !unsure && options == 0 {
                        inquire::validator::Validation::Invalid(empty.clone().into())
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
                // Which "nothing matches" row is shown, and whether the last filter matched
                // nothing.
                let (spare, nothing) = (Cell::new(0usize), Cell::new(false));
                let scorer = |filter: &str, _: &String, _: &str, i: usize| -> Option<i64> {
                    if i == 0 {
                        let none = !numbered.iter().any(|p| matches(filter, p));
                        if nothing.get() && !none {
                            // The row shown may have been ticked: the next one is fresh.
                            spare.set((spare.get() + 1).min(NO_MATCH_ROWS - 1));
                        }
                        nothing.set(none);
                    }
                    match numbered.get(i) {
                        Some(p) => (!nothing.get() && matches(filter, p)).then_some(-(i as i64)),
                        None => (nothing.get() && i == answer_rows + spare.get()).then_some(0),
                    }
                };
                let used = title.lines().count() + help.lines().count();
                let chosen = MultiSelect::new(&title, labels.clone())
                    .with_render_config(self.render)
                    .with_help_message(&help)
                    .with_validator(at_least_one)
                    .with_default(&defaults)
                    .with_formatter(&formatter)
                    .with_page_size(self.page(&labels[..answer_rows + 1], used))
                    .with_scorer(&scorer)
                    // Space clears the filter, so the whole list is seen again after a tick.
                    .with_keep_filter(false)
                    .raw_prompt();
                Ok(match reply(chosen, &title)? {
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
        let title = self.title(
            lang.pick(
                "Periksa jawaban Anda. Pilih jawaban untuk mengubahnya:",
                "Review your answers. Pick one to change it:",
            ),
            8,
        );
        let help = self.wrap(list_keys(lang, false), 2);
        // *Done* has no number; the answers are numbered from 1, in the order asked.
        Ok(match self.select(&title, &help, &labels, 0, true, lang)? {
            Reply::Answer(i) => Reply::Answer(i.checked_sub(1)),
            Reply::Back => Reply::Back,
        })
    }

    fn choose(&mut self, prompt: &str, options: &[String], lang: Lang) -> Result<usize, Stop> {
        let title = self.title(prompt, 8);
        let help = self.wrap(list_keys(lang, false), 2);
        match self.select(&title, &help, options, 0, false, lang)? {
            Reply::Answer(i) => Ok(i),
            Reply::Back => Err(Stop::Cancelled),
        }
    }

    fn show(&mut self, text: &str) {
        for para in text.split("\n\n") {
            eprintln!(
                "{}\n",
                words::fill_paragraph(para.trim(), self.width.min(100))
            );
        }
    }

    fn confirm_discard(&mut self, n: usize, lang: Lang) -> Result<bool, Stop> {
        // Room on the last line for the default inquire writes after it, "(tidak)" or "(no)".
        let room = words::yes_no(lang, false).chars().count() + 3;
        let title = self.title(
            &match lang {
                Lang::En => format!("Discard {n} answer(s) and stop? (y/N)"),
                Lang::Id => format!("Buang {n} jawaban dan berhenti? (y/T)"),
            },
            room,
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

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn digits_typed_at_a_list_pick_the_row_with_that_number() {
        assert!(matches("6", "6 Not sure yet"));
        assert!(!matches("6", "3 60 or over"));
        assert!(!matches(" 1 ", "12 Something else"));
        assert!(matches("1", "1 The client"));
    }

    #[test]
    fn words_typed_at_a_list_match_anywhere_in_any_case() {
        assert!(matches("sure YET", "6 Not sure yet"));
        assert!(!matches("60", "3 60 or over"));
        assert!(matches("60 over", "3 60 or over"));
        assert!(!matches("child", "1 The client"));
    }
}
