//! The questionnaire's skip logic: which questions are asked, given the answers so far.

use std::collections::HashMap;

use super::model::{Pack, Question};
use crate::condition::Truth;
use crate::vocab::Answers;

/// The questions in order, with a way to find one by id.
#[derive(Clone, Copy)]
pub struct Questionnaire<'a> {
    pub questions: &'a [Question],
    index: &'a HashMap<String, usize>,
}

impl<'a> Questionnaire<'a> {
    pub fn new(questions: &'a [Question], index: &'a HashMap<String, usize>) -> Self {
        Questionnaire { questions, index }
    }

    pub fn get(&self, id: &str) -> Option<&'a Question> {
        self.index.get(id).map(|&i| &self.questions[i])
    }

    /// The place of a question in the questionnaire.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Is this question asked, given the answers so far? A question whose `ask_if` is unknown
    /// (it hinges on an unsure answer) is asked.
    pub fn is_asked(q: &Question, answers: &Answers) -> bool {
        q.ask_if
            .as_ref()
            .is_none_or(|e| e.eval(answers) != Truth::False)
    }

    /// The answers that count: those to questions that are asked, following the questionnaire
    /// in order so that each `ask_if` sees only the answers that count before it.
    pub fn effective(&self, answers: &Answers) -> Answers {
        let mut kept = Answers::new();
        for q in self.questions {
            if let Some(v) = answers.get(&q.id)
                && Self::is_asked(q, &kept)
            {
                kept.insert(q.id.clone(), v.clone());
            }
        }
        kept
    }

    /// The next question to ask: the first asked question without an answer.
    pub fn next_unanswered(&self, answers: &Answers) -> Option<&'a Question> {
        let kept = self.effective(answers);
        self.questions
            .iter()
            .find(|q| !kept.contains_key(&q.id) && Self::is_asked(q, &kept))
    }

    /// How many questions would be asked in all, if every question still to come were asked
    /// or skipped as the answers so far say (questions whose `ask_if` reads an unanswered
    /// question count as asked). An estimate for a progress line.
    pub fn estimate_total(&self, answers: &Answers) -> usize {
        let kept = self.effective(answers);
        self.questions
            .iter()
            .filter(|q| kept.contains_key(&q.id) || Self::is_asked(q, &kept))
            .count()
    }
}

impl Pack {
    pub fn questionnaire(&self) -> Questionnaire<'_> {
        Questionnaire::new(&self.questions, self.question_index())
    }
}
