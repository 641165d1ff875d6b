//! Practice feedback for a student, and the grade table for an instructor, resolved once.

use serde::Serialize;

use super::{ChangeView, describe_answer, title_of};
use crate::pack::{Case, Pack};
use crate::practice::{COURSE_POINTS, Feedback, Score};
use crate::vocab::{Lang, Value};

#[derive(Debug, Clone, Serialize)]
pub struct DiffView {
    pub question: String,
    pub prompt: String,
    pub student: Option<Value>,
    pub model: Option<Value>,
    pub student_text: String,
    pub model_text: String,
    /// Whether both readings ask the question; if not, it has no what-if, and `change`
    /// says which answers it follows from.
    pub asked: bool,
    pub follows_from: Vec<String>,
    /// Obligations this answer alone loses and adds, and steps it loses.
    pub lost: Vec<String>,
    pub gained: Vec<String>,
    pub lost_actions: Vec<String>,
    pub change: ChangeView,
}

/// An obligation or tension named in feedback, with its source where it has one.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub id: String,
    pub title: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CourseView {
    pub id: String,
    pub text: String,
    pub feedback: String,
    pub chosen: bool,
    pub model: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeedbackView {
    pub case: String,
    pub title: String,
    pub file: Option<String>,
    pub score: u32,
    pub max: u32,
    pub breakdown: Score,
    pub score_line: String,
    pub score_rule: String,
    pub differences: Vec<DiffView>,
    pub missed: Vec<String>,
    pub added: Vec<String>,
    pub tensions_missed: Vec<String>,
    pub tensions_added: Vec<String>,
    pub missed_titles: Vec<String>,
    pub missed_items: Vec<ItemView>,
    pub added_items: Vec<ItemView>,
    pub tensions_missed_items: Vec<ItemView>,
    pub tensions_added_items: Vec<ItemView>,
    pub course_chosen: Option<String>,
    pub course_model: Option<String>,
    pub courses: Vec<CourseView>,
    pub debrief: String,
}

fn not_asked(lang: Lang) -> String {
    lang.pick("(tidak ditanyakan)", "(not asked)").to_string()
}

/// Instead of a what-if, for a question one reading does not ask: which reading, and the
/// answers it follows from.
fn not_asked_line(pack: &Pack, d: &crate::practice::AnswerDiff, lang: Lang) -> String {
    let whose = if d.model.is_none() {
        lang.pick(
            "tidak ditanyakan dalam bacaan model",
            "not asked in the model reading",
        )
    } else {
        lang.pick(
            "tidak ditanyakan setelah jawaban Anda",
            "not asked after your answers",
        )
    };
    let prompts: Vec<String> = d
        .follows_from
        .iter()
        .filter_map(|q| pack.question(q))
        .map(|q| format!("“{}”", q.prompt.get(lang)))
        .collect();
    if prompts.is_empty() {
        format!("{whose}: {}", lang.pick("tanpa pengandaian", "no what-if"))
    } else {
        format!(
            "{whose}: {} {}",
            lang.pick("mengikuti jawaban untuk", "it follows from the answer to"),
            prompts.join(" ")
        )
    }
}

/// How the score is made, in words.
pub fn score_rule(lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Satu poin untuk setiap jawaban yang sama dengan bacaan model; satu poin untuk setiap kewajiban model yang juga muncul dari jawaban Anda, dikurangi satu untuk setiap kewajiban tambahan yang tidak ada pada model (tidak pernah di bawah nol); dan {COURSE_POINTS} poin untuk memilih langkah model."
        ),
        Lang::En => format!(
            "One point for each answer that matches the model reading; one point for each obligation of the model that your answers also give, less one for each extra obligation the model does not have (never below zero); and {COURSE_POINTS} points for choosing the model course of action."
        ),
    }
}

/// "Score: 7 / 15  (answers 6/8, obligations 1/4, course 0/3)".
fn score_line(f: &Feedback, lang: Lang) -> String {
    let b = &f.breakdown;
    format!(
        "{}: {} / {}  ({} {}/{}, {} {}/{}, {} {}/{})",
        lang.pick("Nilai", "Score"),
        f.score,
        f.max,
        lang.pick("jawaban", "answers"),
        b.answers,
        b.answers_max,
        lang.pick("kewajiban", "obligations"),
        b.obligations,
        b.obligations_max,
        lang.pick("langkah", "course"),
        b.course,
        b.course_max
    )
}

fn items(pack: &Pack, ids: &[String], lang: Lang) -> Vec<ItemView> {
    ids.iter()
        .map(|id| ItemView {
            id: id.clone(),
            title: title_of(pack, id, lang),
            source: pack.obligation(id).map(|o| o.source.get(lang).to_string()),
        })
        .collect()
}

pub fn feedback_view(
    pack: &Pack,
    case: &Case,
    f: &Feedback,
    file: Option<&str>,
    lang: Lang,
) -> FeedbackView {
    let answer = |q: &str, v: Option<&Value>| match v {
        Some(v) => describe_answer(pack, q, v, lang),
        None => not_asked(lang),
    };
    let differences = f
        .differences
        .iter()
        .map(|d| {
            let c = &d.change;
            let both = |x: &crate::engine::Delta| {
                let mut v = x.binding.clone();
                v.extend(x.obligations.iter().cloned());
                v
            };
            DiffView {
                question: d.question.clone(),
                prompt: pack
                    .question(&d.question)
                    .map(|q| q.prompt.get(lang).to_string())
                    .unwrap_or_default(),
                student: d.student.clone(),
                model: d.model.clone(),
                student_text: answer(&d.question, d.student.as_ref()),
                model_text: answer(&d.question, d.model.as_ref()),
                asked: d.asked,
                follows_from: d.follows_from.clone(),
                lost: both(&c.removes),
                gained: both(&c.adds),
                lost_actions: c.removes.steps.clone(),
                change: {
                    let mut v = ChangeView::new(pack, c, lang);
                    if !d.asked {
                        v.lines = vec![not_asked_line(pack, d, lang)];
                    }
                    v
                },
            }
        })
        .collect();
    FeedbackView {
        case: case.id.clone(),
        title: case.title.get(lang).into(),
        file: file.map(str::to_string),
        score: f.score,
        max: f.max,
        breakdown: f.breakdown.clone(),
        score_line: score_line(f, lang),
        score_rule: score_rule(lang),
        differences,
        missed: f.missed.clone(),
        added: f.added.clone(),
        tensions_missed: f.tensions_missed.clone(),
        tensions_added: f.tensions_added.clone(),
        missed_titles: f.missed.iter().map(|i| title_of(pack, i, lang)).collect(),
        missed_items: items(pack, &f.missed, lang),
        added_items: items(pack, &f.added, lang),
        tensions_missed_items: items(pack, &f.tensions_missed, lang),
        tensions_added_items: items(pack, &f.tensions_added, lang),
        course_chosen: f.course_chosen.clone(),
        course_model: f.course_model.clone(),
        courses: case
            .courses
            .iter()
            .map(|c| CourseView {
                id: c.id.clone(),
                text: c.text.get(lang).into(),
                feedback: c.feedback.get(lang).into(),
                chosen: f.course_chosen.as_deref() == Some(c.id.as_str()),
                model: c.model,
            })
            .collect(),
        debrief: case.debrief.get(lang).trim().to_string(),
    }
}

/// One row of the grade table: a graded file, or one that could not be graded.
#[derive(Debug, Clone, Serialize)]
pub struct GradeRowView {
    pub file: String,
    pub score: Option<(u32, u32)>,
    pub misses: Vec<String>,
    pub error: Option<String>,
    /// The case graded, the course chosen, and for each question of the model reading
    /// whether the answer matches it (in questionnaire order).
    pub case: Option<String>,
    pub course: Option<String>,
    pub answers: Vec<(String, bool)>,
}

/// A class graded: for each question of the model reading, how many answered it as the
/// model does, and the most common other answer.
#[derive(Debug, Clone, Serialize)]
pub struct ClassView {
    pub graded: usize,
    pub questions: Vec<ClassQuestionView>,
    /// How many chose the model course, where the case has one.
    pub course_right: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClassQuestionView {
    pub question: String,
    pub prompt: String,
    pub right: usize,
    /// Of those who answered it as the model does not.
    pub asked: usize,
    /// The most common other answer, in words, and how many gave it.
    pub common_wrong: Option<(String, usize)>,
}

/// The class summary of the files that could be graded.
pub fn class_view(
    pack: &Pack,
    rows: &[(String, Result<Feedback, String>)],
    lang: Lang,
) -> ClassView {
    let graded: Vec<&Feedback> = rows.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    let mut order: Vec<&str> = Vec::new();
    for f in &graded {
        for q in &f.model_questions {
            if !order.contains(&q.as_str()) {
                order.push(q);
            }
        }
    }
    order.sort_by_key(|q| pack.question_position(q));
    let questions = order
        .iter()
        .map(|&q| {
            let mut right = 0;
            let mut asked = 0;
            // Other answers in words, in the order first met, with their counts.
            let mut wrong: Vec<(String, usize)> = Vec::new();
            for f in graded
                .iter()
                .filter(|f| f.model_questions.iter().any(|x| x == q))
            {
                asked += 1;
                match f.differences.iter().find(|d| d.question == q) {
                    None => right += 1,
                    Some(d) => {
                        let text = match &d.student {
                            Some(v) => describe_answer(pack, q, v, lang),
                            None => not_asked(lang),
                        };
                        match wrong.iter_mut().find(|(t, _)| *t == text) {
                            Some((_, n)) => *n += 1,
                            None => wrong.push((text, 1)),
                        }
                    }
                }
            }
            // The most common; among equals, the first met.
            let common_wrong = wrong.into_iter().rev().max_by_key(|(_, n)| *n);
            ClassQuestionView {
                question: q.to_string(),
                prompt: pack
                    .question(q)
                    .map(|x| x.prompt.get(lang).to_string())
                    .unwrap_or_else(|| q.to_string()),
                right,
                asked,
                common_wrong,
            }
        })
        .collect();
    let with_course: Vec<&&Feedback> = graded.iter().filter(|f| f.course_model.is_some()).collect();
    ClassView {
        graded: graded.len(),
        questions,
        course_right: (!with_course.is_empty()).then(|| {
            with_course
                .iter()
                .filter(|f| f.course_chosen == f.course_model)
                .count()
        }),
    }
}

pub fn grade_rows(
    pack: &Pack,
    rows: &[(String, Result<Feedback, String>)],
    lang: Lang,
) -> Vec<GradeRowView> {
    rows.iter()
        .map(|(file, r)| match r {
            Ok(f) => {
                let mut misses: Vec<String> = f
                    .missed
                    .iter()
                    .take(3)
                    .map(|i| title_of(pack, i, lang))
                    .collect();
                if f.missed.len() > 3 {
                    misses.push(format!("(+{})", f.missed.len() - 3));
                }
                if f.course_model.is_some() && f.course_chosen != f.course_model {
                    misses.push(
                        lang.pick("langkah model tidak dipilih", "model course not chosen")
                            .to_string(),
                    );
                }
                GradeRowView {
                    file: file.clone(),
                    score: Some((f.score, f.max)),
                    misses,
                    error: None,
                    case: Some(f.case.clone()),
                    course: f.course_chosen.clone(),
                    answers: f
                        .model_questions
                        .iter()
                        .map(|q| (q.clone(), !f.differences.iter().any(|d| &d.question == q)))
                        .collect(),
                }
            }
            Err(e) => GradeRowView {
                file: file.clone(),
                score: None,
                misses: Vec::new(),
                error: Some(e.clone()),
                case: None,
                course: None,
                answers: Vec::new(),
            },
        })
        .collect()
}
