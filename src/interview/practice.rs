//! A practice session: choose a case (unless one is given), read it, answer the
//! questionnaire as you read it, and choose a course of action.

use super::{Progress, Prompter, Reply, ReviewItem, Session, Stop, interview};
use crate::pack::{Case, Pack, Question};
use crate::vocab::{Answers, Lang, Value};

/// What a student gave for a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Practised {
    pub case: String,
    pub answers: Answers,
    pub course: Option<String>,
}

/// Run a practice session on `case`, or on one the student chooses.
pub fn practise(
    pack: &Pack,
    prompter: &mut dyn Prompter,
    case: Option<&Case>,
    session: &mut Session,
) -> Result<Practised, Stop> {
    let lang = session.lang;
    let case = match case {
        Some(c) => c,
        None => choose_case(pack, prompter, lang)?,
    };
    prompter.show(&format!(
        "{}\n\n{}\n\n{}",
        case.title.get(lang),
        case.narrative.get(lang).trim(),
        lang.pick(
            "Jawablah pertanyaan berikut sebagaimana Anda membaca kasus ini. Kasusnya dapat dibaca lagi dari tinjauan jawaban dan saat memilih langkah.",
            "Answer the questions that follow as you read this case. You can read it again from the review of your answers and when you choose a course of action."
        )
    ));
    let mut with_case = WithCase {
        inner: prompter,
        case,
    };
    let answers = interview(pack, &mut with_case, Answers::new(), session)?;
    let course = choose_course(&mut with_case, case, lang)?;
    Ok(Practised {
        case: case.id.clone(),
        answers,
        course,
    })
}

/// The case's narrative, to read again.
fn narrative(case: &Case, lang: Lang) -> String {
    format!(
        "{}\n\n{}",
        case.title.get(lang),
        case.narrative.get(lang).trim()
    )
}

fn read_again(lang: Lang) -> &'static str {
    lang.pick("Baca kasusnya lagi", "Read the case again")
}

/// A prompter that offers the case's narrative again: as the last entry of the review of
/// answers, and as the last choice when a course of action is chosen. Choosing it shows the
/// narrative and asks again.
struct WithCase<'a> {
    inner: &'a mut dyn Prompter,
    case: &'a Case,
}

impl Prompter for WithCase<'_> {
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        progress: Progress,
        lang: Lang,
    ) -> Result<Reply<Value>, Stop> {
        self.inner.ask(q, current, progress, lang)
    }

    fn review(&mut self, items: &[ReviewItem], lang: Lang) -> Result<Reply<Option<usize>>, Stop> {
        let mut all = items.to_vec();
        all.push(ReviewItem {
            question: String::new(),
            prompt: read_again(lang).to_string(),
            answer: self.case.title.get(lang).to_string(),
        });
        loop {
            match self.inner.review(&all, lang)? {
                Reply::Answer(Some(i)) if i == items.len() => {
                    self.inner.show(&narrative(self.case, lang));
                }
                other => return Ok(other),
            }
        }
    }

    fn choose(&mut self, prompt: &str, options: &[String], lang: Lang) -> Result<usize, Stop> {
        let mut all = options.to_vec();
        all.push(read_again(lang).to_string());
        loop {
            match self.inner.choose(prompt, &all, lang)? {
                i if i == options.len() => self.inner.show(&narrative(self.case, lang)),
                i => return Ok(i),
            }
        }
    }

    fn confirm_discard(&mut self, n: usize, lang: Lang) -> Result<bool, Stop> {
        self.inner.confirm_discard(n, lang)
    }

    fn show(&mut self, text: &str) {
        self.inner.show(text);
    }
}

/// Let the student choose a case by its title.
pub fn choose_case<'p>(
    pack: &'p Pack,
    prompter: &mut dyn Prompter,
    lang: Lang,
) -> Result<&'p Case, Stop> {
    let titles: Vec<String> = pack
        .cases
        .iter()
        .map(|c| c.title.get(lang).to_string())
        .collect();
    let i = prompter.choose(
        lang.pick("Pilih kasus untuk dilatih:", "Choose a case to practise:"),
        &titles,
        lang,
    )?;
    Ok(&pack.cases[i])
}

/// The courses in full, numbered, so every word is read; then a choice by number.
fn choose_course(
    prompter: &mut dyn Prompter,
    case: &Case,
    lang: Lang,
) -> Result<Option<String>, Stop> {
    if case.courses.is_empty() {
        return Ok(None);
    }
    let full: Vec<String> = case
        .courses
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}. {}", i + 1, c.text.get(lang)))
        .collect();
    prompter.show(&full.join("\n\n"));
    let short: Vec<String> = case
        .courses
        .iter()
        .map(|c| {
            let text = c.text.get(lang);
            let cut: String = text.chars().take(60).collect();
            let more = if cut.len() < text.len() { "…" } else { "" };
            format!("{cut}{more}")
        })
        .collect();
    let i = prompter.choose(
        lang.pick(
            "Langkah mana yang akan Anda ambil?",
            "Which course of action would you take?",
        ),
        &short,
        lang,
    )?;
    Ok(Some(case.courses[i].id.clone()))
}
