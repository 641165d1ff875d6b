//! The interactive prompter: inquire, drawing on stderr so a report on stdout stays clean.
//!
//! Yes/no questions accept `ya`/`tidak` in Indonesian (and `y`/`t`), `yes`/`no` in English;
//! inquire's own `Confirm` knows only English, so the parser is ours.

use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};
use inquire::{Confirm, MultiSelect, Select};

use crate::answers::Value;
use crate::interview::{Prompter, ReviewItem, Stop};
use crate::pack::Question;
use crate::text::Lang;

pub struct Terminal {
    render: RenderConfig<'static>,
    width: usize,
}

impl Terminal {
    /// `width` is the terminal's: prompts and help are wrapped at word boundaries to fit it.
    pub fn new(color: bool, width: u16) -> Self {
        Terminal {
            render: render_config(color),
            width: width.max(20) as usize,
        }
    }

    /// Wrap at word boundaries, leaving `indent` columns for inquire's own marks.
    fn wrap(&self, text: &str, indent: usize) -> String {
        textwrap::fill(text, self.width.saturating_sub(indent).max(16))
    }
}

/// How every prompt is drawn: plain or coloured, with "?" before a question and "✔" after.
pub fn render_config(color: bool) -> RenderConfig<'static> {
    let render = if color {
        RenderConfig::default_colored()
    } else {
        RenderConfig::empty()
    };
    render
        .with_prompt_prefix(Styled::new("?"))
        .with_answered_prompt_prefix(Styled::new("✔"))
}

/// The key help under a list to choose from.
pub fn select_help(lang: Lang) -> &'static str {
    lang.pick(
        "↑↓ pindah, enter pilih, ketik untuk menyaring, esc batal",
        "↑↓ move, enter select, type to filter, esc cancel",
    )
}

fn stop(e: InquireError) -> Stop {
    match e {
        InquireError::OperationCanceled | InquireError::OperationInterrupted => Stop::Cancelled,
        InquireError::NotTTY => {
            Stop::Failed("no terminal to ask questions on; use --answers FILE".into())
        }
        InquireError::IO(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => Stop::Cancelled,
        other => Stop::Failed(other.to_string()),
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

impl Prompter for Terminal {
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        number: usize,
        lang: Lang,
    ) -> Result<Value, Stop> {
        let prompt = self.wrap(&format!("[{number}] {}", q.prompt.get(lang)), 12);
        let help = self.wrap(q.help.get(lang), 2);
        let help = help.as_str();
        match q.kind {
            crate::condition::Kind::YesNo => {
                let parser = |s: &str| parse_yes_no(s).ok_or(());
                let formatter = move |b: bool| crate::i18n::yes_no(lang, b).to_string();
                let mut c = Confirm::new(&prompt)
                    .with_render_config(self.render)
                    .with_help_message(help)
                    .with_parser(&parser)
                    .with_formatter(&formatter)
                    .with_default_value_formatter(&formatter)
                    .with_placeholder(lang.pick("ya/tidak", "yes/no"))
                    .with_error_message(lang.pick("Jawab ya atau tidak", "Answer yes or no"));
                if let Some(Value::Yes(b)) = current {
                    c = c.with_default(*b);
                }
                c.prompt().map(Value::Yes).map_err(stop)
            }
            crate::condition::Kind::OneOf => {
                let labels: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| o.label.get(lang).to_string())
                    .collect();
                let start = match current {
                    Some(Value::One(id)) => q
                        .options
                        .iter()
                        .position(|o| o.id.get_ref() == id)
                        .unwrap_or(0),
                    _ => 0,
                };
                let chosen = Select::new(&prompt, labels.clone())
                    .with_render_config(self.render)
                    .with_help_message(help)
                    .with_starting_cursor(start)
                    .with_page_size(labels.len().min(10))
                    .raw_prompt()
                    .map_err(stop)?;
                Ok(Value::One(q.options[chosen.index].id.get_ref().clone()))
            }
            crate::condition::Kind::AnyOf => {
                let labels: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| o.label.get(lang).to_string())
                    .collect();
                let defaults: Vec<usize> = match current {
                    Some(Value::Many(ids)) => q
                        .options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| ids.contains(o.id.get_ref()))
                        .map(|(i, _)| i)
                        .collect(),
                    _ => Vec::new(),
                };
                let full_help = self.wrap(
                    &format!(
                        "{} {}",
                        q.help.get(lang),
                        lang.pick(
                            "(spasi: pilih, enter: lanjut)",
                            "(space: select, enter: continue)"
                        )
                    ),
                    2,
                );
                // Enter with nothing ticked is nearly always a slip (Enter does not tick), so
                // ask for at least one; a pack offers "something else" where none may fit.
                let empty = lang.pick(
                    "Pilih setidaknya satu dengan spasi, lalu enter",
                    "Tick at least one with space, then press enter",
                );
                let at_least_one = move |chosen: &[inquire::list_option::ListOption<&String>]| {
                    Ok(if chosen.is_empty() {
                        inquire::validator::Validation::Invalid(empty.into())
                    } else {
                        inquire::validator::Validation::Valid
                    })
                };
                let chosen = MultiSelect::new(&prompt, labels.clone())
                    .with_render_config(self.render)
                    .with_help_message(&full_help)
                    .with_validator(at_least_one)
                    .with_default(&defaults)
                    .with_page_size(labels.len().min(10))
                    .raw_prompt()
                    .map_err(stop)?;
                Ok(Value::Many(
                    chosen
                        .into_iter()
                        .map(|c| q.options[c.index].id.get_ref().clone())
                        .collect(),
                ))
            }
        }
    }

    fn review(&mut self, items: &[ReviewItem], lang: Lang) -> Result<Option<usize>, Stop> {
        let mut choices = vec![
            lang.pick("✔ Selesai, tampilkan hasil", "✔ Done, show the report")
                .to_string(),
        ];
        // One line per entry, so the list stays readable in a narrow terminal.
        let room = self.width.saturating_sub(4).max(16);
        choices.extend(items.iter().map(|i| {
            // Shorten the question, never the answer.
            let answer = truncate(&i.answer, room / 2);
            let left = room.saturating_sub(answer.chars().count() + 3).max(8);
            format!("{} → {answer}", truncate(&i.prompt, left))
        }));
        let title = self.wrap(
            lang.pick(
                "Periksa jawaban Anda. Pilih jawaban untuk mengubahnya:",
                "Review your answers. Pick one to change it:",
            ),
            2,
        );
        let chosen = Select::new(&title, choices)
            .with_render_config(self.render)
            .with_help_message(lang.pick(
                "↑↓ pindah, enter pilih, esc batal",
                "↑↓ move, enter select, esc cancel",
            ))
            .with_page_size(12)
            .raw_prompt()
            .map_err(stop)?;
        Ok(chosen.index.checked_sub(1))
    }
}

/// Cut a line to `max` characters with an ellipsis, so a list entry stays on one line.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
