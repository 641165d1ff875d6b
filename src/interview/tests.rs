use super::*;
use crate::engine::tests::mini_pack;

fn run(
    pack: &Pack,
    p: &mut Scripted,
    start: Answers,
    saving: bool,
) -> (Result<Answers, Stop>, Vec<usize>) {
    let mut saves = Vec::new();
    let mut saved = |a: &Answers| {
        saves.push(a.len());
        Ok(())
    };
    let mut session = Session {
        lang: Lang::En,
        saved: &mut saved,
        saving,
    };
    let got = interview(pack, p, start, &mut session);
    (got, saves)
}

const YES: Value = Value::Yes(true);
const NO: Value = Value::Yes(false);

fn one(s: &str) -> Value {
    Value::One(s.into())
}

#[test]
fn follows_skip_logic_and_the_review_re_asks_what_became_relevant() {
    let pack = mini_pack();
    // risk = no, so `target` is skipped; then the review changes `risk` (index 0) to yes,
    // which makes `target` relevant, so it is asked next.
    let mut p = Scripted::new(
        vec![NO, YES, one("at_risk"), YES, one("other")],
        vec![Some(0), None],
    );
    let (got, saves) = run(&pack, &mut p, Answers::new(), true);
    let got = got.unwrap();
    assert_eq!(
        p.asked_ids(),
        ["risk", "secret", "client_role", "risk", "target"]
    );
    assert_eq!(got.get("target"), Some(&one("other")));
    assert_eq!(saves, [1, 2, 3, 3, 4], "saved after every answer");

    // Changing `risk` back to no drops `target`.
    let mut p = Scripted::new(vec![NO], vec![Some(0), None]);
    let (got, _) = run(&pack, &mut p, got, true);
    assert!(!got.unwrap().contains_key("target"));
}

#[test]
fn a_resumed_interview_asks_only_what_is_missing() {
    let pack = mini_pack();
    let mut p = Scripted::new(vec![YES, one("causing")], vec![None]);
    let mut start = Answers::new();
    start.insert("risk".into(), NO);
    let (got, _) = run(&pack, &mut p, start, true);
    assert_eq!(p.asked_ids(), ["secret", "client_role"]);
    assert_eq!(got.unwrap().len(), 3);
}

#[test]
fn back_returns_to_the_previous_question_with_its_answer_ready() {
    let pack = mini_pack();
    let mut p = Scripted {
        replies: vec![
            Reply::Answer(NO),  // risk
            Reply::Answer(YES), // secret
            Reply::Back,        // at client_role: back to secret
            Reply::Answer(NO),  // secret, changed
            Reply::Answer(one("at_risk")),
        ]
        .into(),
        ..Scripted::default()
    };
    let (got, _) = run(&pack, &mut p, Answers::new(), true);
    let got = got.unwrap();
    assert_eq!(
        p.asked,
        [
            ("risk".to_string(), None),
            ("secret".to_string(), None),
            ("client_role".to_string(), None),
            ("secret".to_string(), Some(YES)),
            ("client_role".to_string(), None),
        ]
    );
    assert_eq!(got.get("secret"), Some(&NO));
}

#[test]
fn back_on_the_first_question_stops() {
    let pack = mini_pack();
    let mut p = Scripted {
        replies: vec![Reply::Back].into(),
        ..Scripted::default()
    };
    let (got, _) = run(&pack, &mut p, Answers::new(), false);
    assert_eq!(got, Err(Stop::Cancelled));
}

#[test]
fn stopping_with_unsaved_answers_asks_first_and_no_keeps_going() {
    let pack = mini_pack();
    // Answer one, then Ctrl-C (the script runs out: Cancelled), say "no, keep them", and go on.
    let mut p = Scripted {
        replies: vec![Reply::Answer(NO)].into(),
        discards: vec![false].into(),
        ..Scripted::default()
    };
    let (got, _) = run(&pack, &mut p, Answers::new(), false);
    // The second Ctrl-C (default: discard) ends it.
    assert_eq!(got, Err(Stop::Cancelled));
    assert!(p.discards.is_empty(), "the discard question was asked");
    assert_eq!(p.asked_ids(), ["risk", "secret", "secret"]);

    // With the answers saved, nothing is asked: they are not lost.
    let mut p = Scripted {
        replies: vec![Reply::Answer(NO)].into(),
        discards: vec![false].into(),
        ..Scripted::default()
    };
    let (got, _) = run(&pack, &mut p, Answers::new(), true);
    assert_eq!(got, Err(Stop::Cancelled));
    assert_eq!(p.discards.len(), 1, "not asked");
}

#[test]
fn progress_counts_and_estimates_by_the_skip_logic() {
    let pack = mini_pack();
    let mut p = Scripted::new(vec![YES, one("other"), NO, one("at_risk")], vec![None]);
    let _ = run(&pack, &mut p, Answers::new(), true);
    let numbers: Vec<usize> = p.progress.iter().map(|x| x.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    // Before `risk` is answered, `target` is not counted; once it is yes, it is.
    assert_eq!(p.progress[0].total, 3);
    assert_eq!(p.progress[1].total, 4);
}

#[test]
fn practice_chooses_a_case_shows_it_and_asks_for_a_course() {
    use crate::pack::{Case, Course, Expect};
    use crate::vocab::Text;
    let mut pack = mini_pack();
    let case = |id: &str| Case {
        id: id.into(),
        title: Text::same(format!("title of {id}")),
        kind: Default::default(),
        narrative: Text::same(format!("narrative of {id}")),
        answers: Answers::new(),
        expect: Expect::default(),
        courses: vec![
            Course {
                id: "wait".into(),
                text: Text::same("Wait and see"),
                model: false,
                feedback: Text::same("no"),
            },
            Course {
                id: "act".into(),
                text: Text::same("Act now"),
                model: true,
                feedback: Text::same("yes"),
            },
        ],
        debrief: Text::same("debrief"),
        file: "cases/x.toml".into(),
    };
    pack.cases = vec![case("first"), case("second")];
    pack.reindex();
    let mut p = Scripted::new(vec![NO, NO, one("at_risk")], vec![None]);
    // The second case, then the second course.
    p.choices = vec![1, 1].into();
    let mut saved = |_: &Answers| Ok(());
    let mut session = Session {
        lang: Lang::En,
        saved: &mut saved,
        saving: false,
    };
    let done = practise(&pack, &mut p, None, &mut session).unwrap();
    assert_eq!(done.case, "second");
    assert_eq!(done.course.as_deref(), Some("act"));
    assert_eq!(done.answers.len(), 3);
    // The narrative first, then the courses in full, numbered.
    assert!(p.shown[0].contains("narrative of second"), "{:?}", p.shown);
    assert!(p.shown[1].contains("1. Wait and see") && p.shown[1].contains("2. Act now"));

    // Stopping at the choice of a case stops the session.
    let mut p = Scripted::default();
    let stopped = practise(&pack, &mut p, None, &mut session);
    assert_eq!(stopped, Err(Stop::Cancelled));
}

#[test]
fn back_to_the_first_question_and_back_again_asks_before_discarding() {
    let pack = mini_pack();
    let mut p = Scripted {
        replies: vec![
            Reply::Answer(NO),  // risk
            Reply::Back,        // at secret: back to risk
            Reply::Back,        // at risk, the first: stop? one answer would be lost
            Reply::Answer(YES), // "no, keep it": risk is asked again
        ]
        .into(),
        discards: vec![false].into(),
        ..Scripted::default()
    };
    let (got, _) = run(&pack, &mut p, Answers::new(), false);
    assert_eq!(got, Err(Stop::Cancelled), "the script ran out");
    assert!(p.discards.is_empty(), "the discard question was asked");
    assert_eq!(p.asked_ids()[..3], ["risk", "secret", "risk"]);
    // With --save nothing is lost, so nothing is asked.
    let mut p = Scripted {
        replies: vec![Reply::Answer(NO), Reply::Back, Reply::Back].into(),
        discards: vec![false].into(),
        ..Scripted::default()
    };
    let (got, _) = run(&pack, &mut p, Answers::new(), true);
    assert_eq!(got, Err(Stop::Cancelled));
    assert_eq!(p.discards.len(), 1, "not asked when saving");
}

/// The embedded pack's answers up to "a life is in danger now", for a resident of a rehab
/// centre; `danger_kind` is asked next.
fn up_to_danger_now() -> Answers {
    let many = |v: &[&str]| Value::Many(v.iter().map(|s| s.to_string()).collect());
    let mut a = Answers::new();
    a.insert("decision".into(), many(&["provide_service"]));
    a.insert("situation".into(), many(&["substance_use"]));
    a.insert("worker_service".into(), one("rehab"));
    a.insert("client_age".into(), one("adult"));
    a.insert("client_status".into(), one("current"));
    a.insert("setting".into(), one("residential"));
    a.insert("supervisor_reachable".into(), YES);
    a.insert("rule_in_play".into(), one("none"));
    a.insert("asked_by".into(), many(&["nobody"]));
    a.insert("provide_what".into(), many(&["arrange"]));
    a.insert("arrange_what".into(), many(&["health_care"]));
    a.insert("harm_risk".into(), YES);
    a.insert("at_risk".into(), many(&["client"]));
    a.insert("harm_from".into(), many(&["circumstance"]));
    a.insert("danger_now".into(), YES);
    a
}

#[test]
fn an_emergency_shows_what_to_do_now_before_the_rest_of_the_questions() {
    let pack = crate::embedded::pack(false, Some(Lang::En)).expect("the default pack");
    let medical = Value::Many(vec!["medical".into()]);
    // The danger is named; the script then stops (Ctrl-C), the answers being saved.
    let mut p = Scripted::new(vec![medical.clone(), NO, NO], vec![]);
    let (got, _) = run(&pack, &mut p, up_to_danger_now(), true);
    assert_eq!(got, Err(Stop::Cancelled));
    assert_eq!(p.asked_ids()[0], "danger_kind");
    assert!(
        p.asked.len() >= 2,
        "the questions go on after: {:?}",
        p.asked_ids()
    );
    // Shown once, right after the danger is named, and not again while the steps stay the same.
    assert_eq!(p.shown.len(), 1, "{:?}", p.shown);
    let shown = &p.shown[0];
    assert!(
        shown.starts_with("A life may be in danger. Do this now"),
        "{shown}"
    );
    assert!(
        shown.contains("\n\n1. Call 119 or get them to a hospital ER (IGD) now → Ambulance 119"),
        "{shown}"
    );
    // Only the safety steps, at most three: no police for an illness, nothing to decide yet.
    assert!(
        !shown.contains("police") && !shown.contains("\n\n4."),
        "{shown}"
    );

    // Where no life is in danger now, nothing is shown.
    let mut calm = up_to_danger_now();
    calm.insert("danger_now".into(), NO);
    let mut p = Scripted::new(vec![NO, NO, NO], vec![]);
    let _ = run(&pack, &mut p, calm, true);
    assert!(p.shown.is_empty(), "{:?}", p.shown);
}
