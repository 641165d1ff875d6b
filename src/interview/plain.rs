//! The plain line prompter, for screen readers and terminals that cannot move a cursor
//! (`TERM=dumb`, `--plain`, `ETIKA_PLAIN=1`, `plain = true` in the config file).
//!
//! It writes only lines of text: no cursor movement, no colour, nothing redrawn. Each question
//! comes with its numbered options and its help, and is answered by typing a line: a number
//! (several, comma-separated, for a list to tick), `y` or `n` (`t` in Indonesian), `?` for
//! "not sure yet" where the question allows it, `back` to go back, `stop` (or the end of
//! input, Ctrl-D) to stop. Enter alone keeps the answer given before, when there is one. The
//! same interview (`super::interview`) runs behind it as behind the terminal prompter, so
//! `--save` and `--resume` work as they do there.

use std::io::{BufRead, Write};

use super::terminal::{parse_unsure, parse_yes_no};
use super::{Progress, Prompter, Reply, ReviewItem, Stop};
use crate::pack::Question;
use crate::vocab::{Lang, QuestionKind, Value};
use crate::words;

pub struct Plain<R, W> {
    input: R,
    out: W,
    width: usize,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// `width` is the terminal's; lines stop one column short of it.
    pub fn new(input: R, out: W, width: u16) -> Self {
        Plain {
            input,
            out,
            width: (width.max(20) as usize) - 1,
        }
    }

    fn say(&mut self, text: &str) {
        let _ = writeln!(self.out, "{}", words::fill(text, self.width, "", ""));
    }

    /// A line with a hanging indent: `lead` first, the rest of its lines under its text.
    fn item(&mut self, lead: &str, text: &str) {
        let rest = " ".repeat(lead.chars().count());
        let _ = writeln!(
            self.out,
            "{}",
            words::fill(&format!("{lead}{text}"), self.width, "", &rest)
        );
    }

    /// Ask for a line; `None` at the end of input or on `stop`.
    fn line(&mut self, lang: Lang) -> Result<Option<String>, Stop> {
        let _ = write!(self.out, "{}", lang.pick("jawab> ", "answer> "));
        let _ = self.out.flush();
        let mut line = String::new();
        match self.input.read_line(&mut line) {
            Ok(0) => {
                let _ = writeln!(self.out);
                Err(Stop::Cancelled)
            }
            Ok(_) => {
                let t = line.trim().to_string();
                match t.to_lowercase().as_str() {
                    "stop" | "berhenti" | "quit" | "q" => Err(Stop::Cancelled),
                    "back" | "kembali" | "b" | "k" => Ok(None),
                    _ => Ok(Some(t)),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(Stop::Cancelled),
            Err(e) => Err(Stop::Failed(e.to_string())),
        }
    }

    fn keys(&mut self, lang: Lang, first: &str, keep: Option<String>) {
        let mut text = first.to_string();
        if let Some(k) = keep {
            text.push_str(&match lang {
                Lang::En => format!("; Enter alone keeps {k}"),
                Lang::Id => format!("; Enter saja mempertahankan {k}"),
            });
        }
        text.push_str(lang.pick(
            "; back = pertanyaan sebelumnya; stop = berhenti.",
            "; back = the question before; stop = stop.",
        ));
        self.say(&text);
    }

    fn again(&mut self, text: &str) {
        self.say(&format!("✗ {text}"));
    }
}

/// Numbers typed for a list: "2", "1,3", "1, 3", "1 3"; each from 1 to `n`.
fn numbers(text: &str, n: usize) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    for part in text.split(|c: char| c == ',' || c.is_whitespace()) {
        if part.is_empty() {
            continue;
        }
        let k: usize = part.parse().ok()?;
        if k == 0 || k > n {
            return None;
        }
        if !out.contains(&(k - 1)) {
            out.push(k - 1);
        }
    }
    (!out.is_empty()).then_some(out)
}

fn unsure_label(lang: Lang) -> &'static str {
    lang.pick(
        "Belum tahu (cari tahu nanti)",
        "Not sure yet (find out later)",
    )
}

impl<R: BufRead, W: Write> Prompter for Plain<R, W> {
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        progress: Progress,
        lang: Lang,
    ) -> Result<Reply<Value>, Stop> {
        let _ = writeln!(self.out);
        self.say(&format!(
            "[{}/≈{}] {}",
            progress.number,
            progress.total,
            q.prompt.get(lang)
        ));
        let help = q.help.get(lang).trim().to_string();
        if !help.is_empty() {
            self.say(&help);
        }
        let unsure_word = crate::words::unsure(lang);
        match q.kind {
            QuestionKind::YesNo => {
                let keep = match current {
                    Some(Value::Yes(b)) => Some(words::yes_no(lang, *b).to_string()),
                    Some(Value::Unsure) if q.unsure => Some(unsure_word.to_string()),
                    _ => None,
                };
                let first = match (lang, q.unsure) {
                    (Lang::En, false) => "Type y (yes) or n (no)",
                    (Lang::En, true) => "Type y (yes), n (no) or ? (not sure yet)",
                    (Lang::Id, false) => "Ketik y (ya) atau t (tidak)",
                    (Lang::Id, true) => "Ketik y (ya), t (tidak) atau ? (belum tahu)",
                };
                self.keys(lang, first, keep);
                loop {
                    let Some(text) = self.line(lang)? else {
                        return Ok(Reply::Back);
                    };
                    if text.is_empty() {
                        if let Some(v) = current
                            && (q.unsure || !matches!(v, Value::Unsure))
                        {
                            return Ok(Reply::Answer(v.clone()));
                        }
                    } else if let Some(b) = parse_yes_no(&text) {
                        return Ok(Reply::Answer(Value::Yes(b)));
                    } else if parse_unsure(&text) {
                        if q.unsure {
                            return Ok(Reply::Answer(Value::Unsure));
                        }
                        let hint = lang.pick(
                            "Pertanyaan ini tidak punya \"belum tahu\"; jawab y (ya) atau t (tidak).",
                            "This question has no \"not sure\"; answer y (yes) or n (no).",
                        );
                        self.again(hint);
                        continue;
                    }
                    self.again(first);
                }
            }
            QuestionKind::OneOf | QuestionKind::AnyOf => {
                let many = q.kind == QuestionKind::AnyOf;
                let n = q.options.len();
                for (i, o) in q.options.iter().enumerate() {
                    self.item(&format!("  {}. ", i + 1), o.label.get(lang));
                }
                if q.unsure {
                    self.item(&format!("  {}. ", n + 1), unsure_label(lang));
                }
                let rows = n + usize::from(q.unsure);
                let keep = match current {
                    Some(Value::One(id)) => q
                        .options
                        .iter()
                        .position(|o| &o.id == id)
                        .map(|i| (i + 1).to_string()),
                    Some(Value::Many(ids)) => {
                        let ks: Vec<String> = q
                            .options
                            .iter()
                            .enumerate()
                            .filter(|(_, o)| ids.contains(&o.id))
                            .map(|(i, _)| (i + 1).to_string())
                            .collect();
                        (!ks.is_empty()).then(|| ks.join(","))
                    }
                    Some(Value::Unsure) if q.unsure => Some((n + 1).to_string()),
                    _ => None,
                };
                let first = match (lang, many) {
                    (Lang::En, false) => "Type the number of one answer".to_string(),
                    (Lang::En, true) => {
                        "Type the numbers of every answer that applies, separated by commas (1,3)"
                            .to_string()
                    }
                    (Lang::Id, false) => "Ketik nomor satu jawaban".to_string(),
                    (Lang::Id, true) => {
                        "Ketik nomor setiap jawaban yang sesuai, dipisah koma (1,3)".to_string()
                    }
                };
                let first = if q.unsure {
                    format!(
                        "{first}{}",
                        lang.pick(", atau ? untuk belum tahu", ", or ? for not sure yet")
                    )
                } else {
                    first
                };
                self.keys(lang, &first, keep.clone());
                loop {
                    let Some(text) = self.line(lang)? else {
                        return Ok(Reply::Back);
                    };
                    let text = match (&keep, text.is_empty()) {
                        (Some(k), true) => k.clone(),
                        _ => text,
                    };
                    if parse_unsure(&text) && !text.is_empty() {
                        if q.unsure {
                            return Ok(Reply::Answer(Value::Unsure));
                        }
                        self.again(lang.pick(
                            "Pertanyaan ini tidak punya \"belum tahu\".",
                            "This question has no \"not sure\".",
                        ));
                        continue;
                    }
                    match numbers(&text, rows) {
                        Some(ks) if !many && ks.len() == 1 => {
                            return Ok(Reply::Answer(if ks[0] < n {
                                Value::One(q.options[ks[0]].id.clone())
                            } else {
                                Value::Unsure
                            }));
                        }
                        Some(ks) if many && ks.contains(&n) && ks.len() > 1 => {
                            self.again(lang.pick(
                                "\"Belum tahu\" berdiri sendiri: pilih itu saja, atau yang lain.",
                                "\"Not sure yet\" stands alone: choose it alone, or the others.",
                            ));
                        }
                        Some(ks) if many => {
                            if ks.contains(&n) {
                                return Ok(Reply::Answer(Value::Unsure));
                            }
                            // In the pack's order, as the terminal gives them.
                            return Ok(Reply::Answer(Value::Many(
                                q.options
                                    .iter()
                                    .enumerate()
                                    .filter(|(i, _)| ks.contains(i))
                                    .map(|(_, o)| o.id.clone())
                                    .collect(),
                            )));
                        }
                        _ => {
                            let msg = match (lang, many) {
                                (Lang::En, false) => format!("Type one number from 1 to {rows}."),
                                (Lang::En, true) => {
                                    format!("Type numbers from 1 to {rows}, separated by commas.")
                                }
                                (Lang::Id, false) => {
                                    format!("Ketik satu nomor dari 1 sampai {rows}.")
                                }
                                (Lang::Id, true) => {
                                    format!("Ketik nomor dari 1 sampai {rows}, dipisah koma.")
                                }
                            };
                            self.again(&msg);
                        }
                    }
                }
            }
        }
    }

    fn review(&mut self, items: &[ReviewItem], lang: Lang) -> Result<Reply<Option<usize>>, Stop> {
        let _ = writeln!(self.out);
        self.say(lang.pick("Periksa jawaban Anda:", "Review your answers:"));
        for (i, item) in items.iter().enumerate() {
            self.item(
                &format!("  {}. ", i + 1),
                &format!("{} → {}", item.prompt, item.answer),
            );
        }
        let first = match lang {
            Lang::En => format!(
                "Type a number (1 to {}) to change that answer, or Enter (or done) for the report",
                items.len()
            ),
            Lang::Id => format!(
                "Ketik nomor (1 sampai {}) untuk mengubah jawaban itu, atau Enter (atau selesai) untuk laporan",
                items.len()
            ),
        };
        self.keys(lang, &first, None);
        loop {
            let Some(text) = self.line(lang)? else {
                return Ok(Reply::Back);
            };
            if text.is_empty() || matches!(text.to_lowercase().as_str(), "done" | "selesai") {
                return Ok(Reply::Answer(None));
            }
            match numbers(&text, items.len()) {
                Some(ks) if ks.len() == 1 => return Ok(Reply::Answer(Some(ks[0]))),
                _ => self.again(&first),
            }
        }
    }

    fn choose(&mut self, prompt: &str, options: &[String], lang: Lang) -> Result<usize, Stop> {
        let _ = writeln!(self.out);
        self.say(prompt);
        for (i, o) in options.iter().enumerate() {
            self.item(&format!("  {}. ", i + 1), o);
        }
        let first = lang.pick("Ketik nomor satu pilihan", "Type the number of one choice");
        self.keys(lang, first, None);
        loop {
            let Some(text) = self.line(lang)? else {
                return Err(Stop::Cancelled);
            };
            match numbers(&text, options.len()) {
                Some(ks) if ks.len() == 1 => return Ok(ks[0]),
                _ => self.again(first),
            }
        }
    }

    fn confirm_discard(&mut self, n: usize, lang: Lang) -> Result<bool, Stop> {
        let _ = writeln!(self.out);
        self.say(&match lang {
            Lang::En => format!("Discard {n} answer(s) and stop? (y/N)"),
            Lang::Id => format!("Buang {n} jawaban dan berhenti? (y/T)"),
        });
        let mut line = String::new();
        let _ = write!(self.out, "{}", lang.pick("jawab> ", "answer> "));
        let _ = self.out.flush();
        match self.input.read_line(&mut line) {
            // The end of input: nothing more can be asked, so stop.
            Ok(0) | Err(_) => Ok(true),
            Ok(_) => Ok(parse_yes_no(&line) == Some(true)),
        }
    }

    fn show(&mut self, text: &str) {
        for para in text.split("\n\n") {
            let _ = writeln!(
                self.out,
                "{}\n",
                words::fill_paragraph(para.trim(), self.width.min(100))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tests::mini_pack;
    use crate::interview::{Session, interview};
    use crate::vocab::Answers;

    fn run(input: &str) -> (Result<Answers, Stop>, String) {
        let pack = mini_pack();
        let mut out = Vec::new();
        let mut saved = |_: &Answers| Ok(());
        let mut session = Session {
            lang: Lang::En,
            saved: &mut saved,
            saving: true,
        };
        let got = {
            let mut p = Plain::new(input.as_bytes(), &mut out, 60);
            interview(&pack, &mut p, Answers::new(), &mut session)
        };
        (got, String::from_utf8(out).unwrap())
    }

    #[test]
    fn numbers_take_commas_and_spaces_and_refuse_what_is_out_of_range() {
        assert_eq!(numbers("1,3", 3), Some(vec![0, 2]));
        assert_eq!(numbers(" 2 , 1 ", 3), Some(vec![1, 0]));
        assert_eq!(numbers("1 1", 3), Some(vec![0]));
        assert_eq!(numbers("4", 3), None);
        assert_eq!(numbers("0", 3), None);
        assert_eq!(numbers("", 3), None);
        assert_eq!(numbers("x", 3), None);
    }

    #[test]
    fn a_whole_interview_in_lines_with_back_and_a_change_at_the_review() {
        // risk: no; secret: yes; back; secret kept with Enter; client role 1; review: change
        // 1 (risk) to yes, then target; done.
        let (got, out) = run("n\ny\nback\n\n1\n1\ny\n1\n\n");
        let got = got.unwrap();
        assert_eq!(got.get("risk"), Some(&Value::Yes(true)), "{out}");
        assert_eq!(got.get("secret"), Some(&Value::Yes(true)), "{out}");
        assert!(got.contains_key("target"), "{out}");
        assert!(out.contains("Enter alone keeps yes"), "{out}");
        assert!(out.contains("Review your answers:"), "{out}");
        assert!(!out.contains('\u{1b}'), "no escape codes:\n{out}");
    }

    #[test]
    fn the_end_of_input_and_stop_stop_the_interview() {
        assert_eq!(run("").0, Err(Stop::Cancelled));
        assert_eq!(run("n\nstop\n").0, Err(Stop::Cancelled));
    }

    #[test]
    fn a_wrong_line_is_asked_again_with_the_keys() {
        let (got, out) = run("n\nmaybe\n?\nstop\n");
        assert_eq!(got, Err(Stop::Cancelled));
        assert!(out.contains("✗ Type y (yes) or n (no)"), "{out}");
        assert!(out.contains("This question has no \"not sure\""), "{out}");
    }
}
