//! The questionnaire flow, behind a `Prompter` so it runs the same in a terminal (inquire) and
//! in tests (a script).
//!
//! Questions come in pack order, skipping those whose `ask_if` is false. Back (Esc) returns to
//! the previous question, its answer ready to keep or change; on the first question it stops.
//! A review at the end lets any answer be changed, after which the skip logic is applied again
//! and any newly relevant question is asked. Stopping with answers given and nothing saved
//! asks first whether to discard them.

mod plain;
mod practice;
mod terminal;

pub use plain::Plain;
pub use practice::{choose_case, practise};
pub use terminal::{Terminal, parse_yes_no};

use crate::condition::Truth;
use crate::engine::decide_with;
use crate::pack::{Pack, Question, Questionnaire};
use crate::view::{describe_answer, short_of};
use crate::vocab::{Answers, Lang, Phase, Value, Verdict, Weight};

/// Why a prompt returned no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Ctrl-C, the end of input, or the user chose to stop.
    Cancelled,
    /// The terminal failed.
    Failed(String),
}

/// What a question prompt gives back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    /// Esc: go back.
    Back,
}

/// Where the interview stands: question `number` of about `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub number: usize,
    pub total: usize,
}

/// One line of the review: a question and its answer in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    pub question: String,
    pub prompt: String,
    pub answer: String,
}

/// Asks one thing at a time.
pub trait Prompter {
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        progress: Progress,
        lang: Lang,
    ) -> Result<Reply<Value>, Stop>;

    /// Show the answers; return the index of one to change, `None` to finish, or Back.
    fn review(&mut self, items: &[ReviewItem], lang: Lang) -> Result<Reply<Option<usize>>, Stop>;

    /// Choose one of several labelled options (a practice case, a course of action).
    fn choose(&mut self, prompt: &str, options: &[String], lang: Lang) -> Result<usize, Stop>;

    /// "Discard N answers?" Yes means stop and lose them.
    fn confirm_discard(&mut self, n: usize, lang: Lang) -> Result<bool, Stop>;

    /// Show a text to read (a case's narrative, the courses to choose from).
    fn show(&mut self, text: &str);
}

/// What the interview does with answers as they come.
pub struct Session<'a> {
    pub lang: Lang,
    /// Called after every answer with the answers that count so far.
    pub saved: &'a mut dyn FnMut(&Answers) -> std::io::Result<()>,
    /// Whether answers are kept on disk, so stopping loses nothing.
    pub saving: bool,
}

fn save(session: &mut Session, answers: &Answers) -> Result<(), Stop> {
    // The error already says, in the user's language, which file could not be written.
    (session.saved)(answers).map_err(|e| Stop::Failed(e.to_string()))
}

/// Stop, unless the user would lose answers and says not to. Answers taken back with Esc
/// (`earlier`) count too: they are the user's work as much as the rest.
fn may_stop(
    prompter: &mut dyn Prompter,
    session: &Session,
    answers: &Answers,
    earlier: &Answers,
) -> Result<(), Stop> {
    let n = answers.len() + earlier.keys().filter(|k| !answers.contains_key(*k)).count();
    if n == 0 || session.saving {
        return Err(Stop::Cancelled);
    }
    match prompter.confirm_discard(n, session.lang) {
        Ok(true) | Err(_) => Err(Stop::Cancelled),
        Ok(false) => Ok(()),
    }
}

/// The answered question just before position `pos` in the questionnaire.
fn previous<'p>(q: Questionnaire<'p>, answers: &Answers, pos: usize) -> Option<&'p Question> {
    q.questions[..pos]
        .iter()
        .rev()
        .find(|x| answers.contains_key(&x.id))
}

/// About how many questions the interview will ask in all, for the progress mark `[3/≈12]`.
///
/// The questionnaire's own count ([`Questionnaire::estimate_total`]) reads a question not yet
/// answered as answered "no", so at the start it sees only the questions asked of everyone
/// and falls well short. Here every question that may still be asked (its `ask_if` true or
/// not yet decided, with the questions still to come taken as "not sure yet") adds an eighth
/// of one on top of that count. The eighth is what fits the embedded pack's cases: at the
/// first question the estimate is within about 4 of the number asked on average (it was 9
/// short), and over a whole interview within about 2. As answers come in, fewer questions
/// are undecided, and the estimate closes on the count.
pub fn estimate(q: Questionnaire, answers: &Answers) -> usize {
    let sure = q.estimate_total(answers);
    let kept = q.effective(answers);
    let mut open = kept.clone();
    let mut may = kept.len();
    for x in q.questions {
        if kept.contains_key(&x.id) {
            continue;
        }
        if x.ask_if
            .as_ref()
            .is_none_or(|e| e.eval(&open) != Truth::False)
        {
            may += 1;
            open.insert(x.id.clone(), Value::Unsure);
        }
    }
    sure + (may.saturating_sub(sure) + 4) / 8
}

/// How many safety steps the interview shows at once in an emergency.
const ACT_NOW_STEPS: usize = 3;

/// In an emergency, the first safety steps as soon as the answers so far call for them, before
/// the rest of the questionnaire: a worker with a life at stake learns to call 119 at once, not
/// after twenty more questions. They are the steps the report would open with on these answers
/// (the verdict "protect life first", its decisive safety steps, each with the services that
/// serve this person); the questions not yet answered count as not asked. Returns the steps'
/// ids, to show them again only when they change, and the text.
pub fn act_now(pack: &Pack, answers: &Answers, lang: Lang) -> Option<(Vec<String>, String)> {
    let (d, _) = decide_with(pack, answers, false, None);
    if d.verdict != Verdict::LifeFirst {
        return None;
    }
    let steps: Vec<_> = d
        .course
        .iter()
        .filter(|s| s.phase == Phase::Safety && s.weight == Weight::Decisive)
        .take(ACT_NOW_STEPS)
        .collect();
    if steps.is_empty() {
        return None;
    }
    let mut text = lang
        .pick(
            "Nyawa mungkin dalam bahaya. Lakukan ini sekarang; pertanyaan berlanjut sesudahnya, dan jawaban Anda tetap tersimpan:",
            "A life may be in danger. Do this now; the questions go on after, and your answers are kept:",
        )
        .to_string();
    for (i, s) in steps.iter().enumerate() {
        text.push_str(&format!(
            "\n\n{}. {}",
            i + 1,
            short_of(pack, &s.action, lang)
        ));
        let services: Vec<String> = s
            .services
            .iter()
            .filter_map(|u| pack.service(&u.id))
            .map(|v| format!("{}: {}", v.name.get(lang), v.contact.get(lang)))
            .collect();
        if !services.is_empty() {
            text.push_str(&format!(" → {}", services.join("; ")));
        }
    }
    Some((steps.iter().map(|s| s.action.clone()).collect(), text))
}

/// Run the questionnaire from `start` (empty, or resumed answers).
pub fn interview(
    pack: &Pack,
    prompter: &mut dyn Prompter,
    start: Answers,
    session: &mut Session,
) -> Result<Answers, Stop> {
    let q = pack.questionnaire();
    let lang = session.lang;
    let mut answers = q.effective(&start);
    // Answers taken back with Esc, offered again when their question comes round.
    let mut earlier = Answers::new();
    // The emergency steps last shown, so they are shown again only when they change.
    let mut shown: Vec<String> = Vec::new();
    loop {
        if let Some(question) = q.next_unanswered(&answers) {
            let progress = Progress {
                number: answers.len() + 1,
                total: estimate(q, &answers).max(answers.len() + 1),
            };
            let current = earlier.get(&question.id).cloned();
            match prompter.ask(question, current.as_ref(), progress, lang) {
                Ok(Reply::Answer(v)) => {
                    earlier.remove(&question.id);
                    answers.insert(question.id.clone(), v);
                    answers = q.effective(&answers);
                    save(session, &answers)?;
                    if let Some((ids, text)) = act_now(pack, &answers, lang)
                        && ids != shown
                    {
                        prompter.show(&text);
                        shown = ids;
                    }
                }
                Ok(Reply::Back) => {
                    let pos = q.position(&question.id).unwrap_or(0);
                    match previous(q, &answers, pos) {
                        Some(prev) => {
                            if let Some(v) = answers.remove(&prev.id) {
                                earlier.insert(prev.id.clone(), v);
                            }
                        }
                        None => may_stop(prompter, session, &answers, &earlier)?,
                    }
                }
                Err(Stop::Cancelled) => may_stop(prompter, session, &answers, &earlier)?,
                Err(e) => return Err(e),
            }
            continue;
        }
        let items: Vec<ReviewItem> = pack
            .questions
            .iter()
            .filter_map(|x| {
                let v = answers.get(&x.id)?;
                Some(ReviewItem {
                    question: x.id.clone(),
                    prompt: x.prompt.get(lang).to_string(),
                    answer: describe_answer(pack, &x.id, v, lang),
                })
            })
            .collect();
        let index = match prompter.review(&items, lang) {
            Ok(Reply::Answer(None)) => return Ok(answers),
            Ok(Reply::Answer(Some(i))) => i,
            Ok(Reply::Back) => {
                // Back from the review: the last question, to keep or change.
                match items.last() {
                    Some(last) => {
                        if let Some(v) = answers.remove(&last.question) {
                            earlier.insert(last.question.clone(), v);
                        }
                    }
                    None => may_stop(prompter, session, &answers, &earlier)?,
                }
                continue;
            }
            Err(Stop::Cancelled) => {
                may_stop(prompter, session, &answers, &earlier)?;
                continue;
            }
            Err(e) => return Err(e),
        };
        let Some(item) = items.get(index) else {
            continue;
        };
        let Some(question) = pack.question(&item.question) else {
            continue;
        };
        let number = q.position(&item.question).map_or(index + 1, |p| {
            q.questions[..p]
                .iter()
                .filter(|x| answers.contains_key(&x.id))
                .count()
                + 1
        });
        let progress = Progress {
            number,
            total: answers.len(),
        };
        match prompter.ask(question, answers.get(&item.question), progress, lang) {
            Ok(Reply::Answer(v)) => {
                answers.insert(item.question.clone(), v);
                // A changed answer may make later questions irrelevant, or newly relevant.
                answers = q.effective(&answers);
                save(session, &answers)?;
            }
            // Esc while changing an answer: back to the review, the answer as it was.
            Ok(Reply::Back) => {}
            Err(Stop::Cancelled) => may_stop(prompter, session, &answers, &earlier)?,
            Err(e) => return Err(e),
        }
    }
}

/// A prompter that plays back a script, for tests.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Scripted {
    pub replies: std::collections::VecDeque<Reply<Value>>,
    pub reviews: std::collections::VecDeque<Reply<Option<usize>>>,
    pub choices: std::collections::VecDeque<usize>,
    pub discards: std::collections::VecDeque<bool>,
    /// The questions asked, in order, and what each was offered as its current answer.
    pub asked: Vec<(String, Option<Value>)>,
    pub progress: Vec<Progress>,
    pub shown: Vec<String>,
}

#[cfg(test)]
impl Scripted {
    pub fn new(answers: Vec<Value>, reviews: Vec<Option<usize>>) -> Self {
        Scripted {
            replies: answers.into_iter().map(Reply::Answer).collect(),
            reviews: reviews.into_iter().map(Reply::Answer).collect(),
            ..Scripted::default()
        }
    }

    pub fn asked_ids(&self) -> Vec<&str> {
        self.asked.iter().map(|(q, _)| q.as_str()).collect()
    }
}

#[cfg(test)]
impl Prompter for Scripted {
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        progress: Progress,
        _lang: Lang,
    ) -> Result<Reply<Value>, Stop> {
        self.asked.push((q.id.clone(), current.cloned()));
        self.progress.push(progress);
        self.replies.pop_front().ok_or(Stop::Cancelled)
    }

    fn review(&mut self, _items: &[ReviewItem], _lang: Lang) -> Result<Reply<Option<usize>>, Stop> {
        Ok(self.reviews.pop_front().unwrap_or(Reply::Answer(None)))
    }

    fn choose(&mut self, _prompt: &str, options: &[String], _lang: Lang) -> Result<usize, Stop> {
        let i = self.choices.pop_front().ok_or(Stop::Cancelled)?;
        if i < options.len() {
            Ok(i)
        } else {
            Err(Stop::Failed(format!("no option {i}")))
        }
    }

    fn confirm_discard(&mut self, _n: usize, _lang: Lang) -> Result<bool, Stop> {
        Ok(self.discards.pop_front().unwrap_or(true))
    }

    fn show(&mut self, text: &str) {
        self.shown.push(text.to_string());
    }
}

#[cfg(test)]
mod tests;
