//! The questionnaire flow, behind a `Prompter` so it runs the same in a terminal (inquire)
//! and in tests (a script). Questions come in pack order, skipping those whose `ask_if` is
//! false; a review at the end lets any answer be changed, after which skip logic is applied
//! again and any newly relevant question is asked.

use crate::answers::{self, Answers, Value, describe_answer};
use crate::pack::{Pack, Question};
use crate::text::Lang;

/// Why a prompt returned no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Esc, Ctrl-C, or the end of input.
    Cancelled,
    /// The terminal failed.
    Failed(String),
}

/// One line of the review: a question and its answer in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    pub question: String,
    pub prompt: String,
    pub answer: String,
}

/// Asks one question at a time. `number` counts the questions asked so far, from 1.
pub trait Prompter {
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        number: usize,
        lang: Lang,
    ) -> Result<Value, Stop>;

    /// Show the answers; return the index of one to change, or `None` to finish.
    fn review(&mut self, items: &[ReviewItem], lang: Lang) -> Result<Option<usize>, Stop>;
}

/// Run the questionnaire from `start` (empty, or resumed answers). After every answer,
/// `saved` is called with the answers that count so far, so a session can be kept on disk.
pub fn interview(
    pack: &Pack,
    prompter: &mut dyn Prompter,
    start: Answers,
    lang: Lang,
    saved: &mut dyn FnMut(&Answers) -> std::io::Result<()>,
) -> Result<Answers, Stop> {
    let mut answers = answers::effective(pack, &start);
    ask_missing(pack, prompter, &mut answers, lang, saved)?;
    loop {
        let items: Vec<ReviewItem> = pack
            .questions
            .iter()
            .filter_map(|q| {
                let v = answers.get(q.id.get_ref())?;
                Some(ReviewItem {
                    question: q.id.get_ref().clone(),
                    prompt: q.prompt.get(lang).to_string(),
                    answer: describe_answer(q, v, lang),
                })
            })
            .collect();
        let Some(index) = prompter.review(&items, lang)? else {
            return Ok(answers);
        };
        let Some(item) = items.get(index) else {
            continue;
        };
        let q = pack
            .question(&item.question)
            .expect("reviewed questions exist");
        // The number it had when first asked: answers are asked in pack order.
        let number = index + 1;
        let v = prompter.ask(q, answers.get(&item.question), number, lang)?;
        answers.insert(item.question.clone(), v);
        // A changed answer may make later questions irrelevant, or newly relevant.
        answers = answers::effective(pack, &answers);
        save(saved, &answers)?;
        ask_missing(pack, prompter, &mut answers, lang, saved)?;
    }
}

fn save(
    saved: &mut dyn FnMut(&Answers) -> std::io::Result<()>,
    answers: &Answers,
) -> Result<(), Stop> {
    saved(answers).map_err(|e| Stop::Failed(format!("cannot save the answers: {e}")))
}

fn ask_missing(
    pack: &Pack,
    prompter: &mut dyn Prompter,
    answers: &mut Answers,
    lang: Lang,
    saved: &mut dyn FnMut(&Answers) -> std::io::Result<()>,
) -> Result<(), Stop> {
    while let Some(q) = answers::next_unanswered(pack, answers) {
        let number = answers.len() + 1;
        let v = prompter.ask(q, None, number, lang)?;
        answers.insert(q.id.get_ref().clone(), v);
        save(saved, answers)?;
    }
    Ok(())
}

/// A prompter that plays back a list of answers, for tests and scripted use.
pub struct Scripted {
    pub answers: std::collections::VecDeque<Value>,
    pub reviews: std::collections::VecDeque<Option<usize>>,
    pub asked: Vec<String>,
}

impl Scripted {
    pub fn new(answers: Vec<Value>, reviews: Vec<Option<usize>>) -> Self {
        Scripted {
            answers: answers.into(),
            reviews: reviews.into(),
            asked: Vec::new(),
        }
    }
}

impl Prompter for Scripted {
    fn ask(
        &mut self,
        q: &Question,
        _current: Option<&Value>,
        _n: usize,
        _lang: Lang,
    ) -> Result<Value, Stop> {
        self.asked.push(q.id.get_ref().clone());
        self.answers.pop_front().ok_or(Stop::Cancelled)
    }

    fn review(&mut self, _items: &[ReviewItem], _lang: Lang) -> Result<Option<usize>, Stop> {
        Ok(self.reviews.pop_front().unwrap_or(None))
    }
}
