//! A practice session: choose a case (unless one is given), read it, answer the
//! questionnaire as you read it, and choose a course of action.

use super::{Prompter, Session, Stop, interview};
use crate::pack::{Case, Pack};
use crate::vocab::{Answers, Lang};

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
            "Jawablah pertanyaan berikut sebagaimana Anda membaca kasus ini.",
            "Answer the questions that follow as you read this case."
        )
    ));
    let answers = interview(pack, prompter, Answers::new(), session)?;
    let course = choose_course(prompter, case, lang)?;
    Ok(Practised {
        case: case.id.clone(),
        answers,
        course,
    })
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
