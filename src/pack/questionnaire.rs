//! The questionnaire's skip logic: which questions are asked, given the answers so far.

use std::collections::HashMap;

use super::model::{Pack, Question};
use crate::condition::{Lookup, Truth};
use crate::vocab::{Answers, Value};

/// Answers by place in the questionnaire; a condition whose leaf does not know its place
/// finds it by name.
struct Places<'v, 'q> {
    values: &'v [Option<&'v Value>],
    questionnaire: &'v Questionnaire<'q>,
}

impl Lookup for Places<'_, '_> {
    fn value(&self, question: &str, slot: u32) -> Option<&Value> {
        let place = match self.values.get(slot as usize) {
            Some(_) => slot as usize,
            None => self.questionnaire.position(question)?,
        };
        self.values.get(place).copied().flatten()
    }
}

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
        // Answers kept so far by place, so that each `ask_if` looks them up by place.
        let mut kept: Vec<Option<&Value>> = vec![None; self.questions.len()];
        let mut given: Vec<Option<&Value>> = vec![None; self.questions.len()];
        for (id, v) in answers {
            if let Some(i) = self.position(id) {
                given[i] = Some(v);
            }
        }
        for (i, q) in self.questions.iter().enumerate() {
            if let Some(v) = given[i]
                && q.ask_if.as_ref().is_none_or(|e| {
                    e.eval(&Places {
                        values: &kept,
                        questionnaire: self,
                    }) != Truth::False
                })
            {
                kept[i] = Some(v);
            }
        }
        self.questions
            .iter()
            .zip(kept)
            .filter_map(|(q, v)| Some((q.id.clone(), v?.clone())))
            .collect()
    }

    /// The answers that count, for a file that stands for a whole interview: a question these
    /// answers would ask and the file leaves out is "not sure yet" where the question allows
    /// it (a fact not given is not known), and left unanswered where it does not. Also gives
    /// the questions left out, each with whether it now counts as "not sure yet".
    pub fn fill_unanswered(&self, answers: &Answers) -> (Answers, Vec<(String, bool)>) {
        let mut out = Answers::new();
        let mut missing = Vec::new();
        for q in self.questions {
            let asked = q
                .ask_if
                .as_ref()
                .is_none_or(|e| e.eval(&out) != Truth::False);
            if !asked {
                continue;
            }
            match answers.get(&q.id) {
                Some(v) => {
                    out.insert(q.id.clone(), v.clone());
                }
                None => {
                    if q.unsure {
                        out.insert(q.id.clone(), Value::Unsure);
                    }
                    missing.push((q.id.clone(), q.unsure));
                }
            }
        }
        (out, missing)
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
