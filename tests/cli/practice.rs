//! `etika practice`: an instructor grades answer files (one file: full feedback; several: a
//! table, or a JSON array), and a student practises a case in a pseudo-terminal.
//!
//! The scores are worked out by hand from the README's rule: one point per answer that
//! matches the model reading; one point per model obligation the student's answers also give,
//! less one per extra obligation (never below zero); 3 points for the model course. For
//! `threat_to_third_party` the model reading has 8 answers and 4 obligations
//! (`protect_life_over_secrecy`, `help_person_in_mortal_danger`, `keep_confidentiality`,
//! `explain_limits_of_confidentiality`), so the maximum is 8 + 4 + 3 = 15.

use std::path::Path;
use std::process::Output;

use crate::pty::{DOWN, ENTER, ESC, Pty, answer_threat_case};
use crate::util::*;

const CASE: &str = "threat_to_third_party";

/// The model reading of `threat_to_third_party`, without a course: the threat-to-life
/// answers, and the worker is no student.
fn model_answers() -> String {
    format!("{THREAT_TO_LIFE}is_student = false\n")
}

/// Reads the danger as not imminent and believes the limits were explained: 6 of 8 answers;
/// only `keep_confidentiality` of the 4 model obligations (3 missed, none added): 1; the wrong
/// course: 0. Score 7 / 15.
const STUDENT_A: &str = r#"case = "threat_to_third_party"
course = "keep_secret"

[answers]
client_age = "adult"
situation = ["harm_to_others"]
harm_risk = true
harm_target = "identifiable_person"
harm_imminent = false
client_wants_secrecy = true
limits_explained = true
is_student = false
"#;

/// Adds a child at risk: 7 of 8 answers (`situation` differs; `child_harm` is extra and
/// earns nothing); all 4 model obligations, less 1 for the added `report_child_at_risk`: 3;
/// the wrong course: 0. Score 10 / 15. The file does not name its case.
const STUDENT_B: &str = r#"course = "call_police_secretly"

[answers]
client_age = "adult"
situation = ["harm_to_others", "child_at_risk"]
harm_risk = true
harm_target = "identifiable_person"
harm_imminent = true
client_wants_secrecy = true
limits_explained = false
child_harm = "physical"
is_student = false
"#;

/// Reads much into the case: 4 of 8 answers (`harm_risk`, `harm_target`,
/// `client_wants_secrecy`, `is_student`); 1 model obligation kept (`keep_confidentiality`)
/// less 3 added (both child duties and `permission_before_recording`), which is never below
/// zero: 0; no course chosen: 0. Score 4 / 15.
const STUDENT_C: &str = r#"case = "threat_to_third_party"

[answers]
client_age = "child"
situation = ["harm_to_others", "child_at_risk", "records"]
harm_risk = true
harm_target = "identifiable_person"
harm_imminent = false
client_wants_secrecy = true
limits_explained = true
child_harm = "sexual"
abuser_in_home = false
is_student = false
record_consent = false
"#;

/// A value of the wrong type: the file cannot be graded.
const BROKEN: &str = r#"case = "threat_to_third_party"

[answers]
client_age = "adult"
harm_risk = "yes"
"#;

fn perfect() -> String {
    format!(
        "case = \"{CASE}\"\ncourse = \"consult_then_warn\"\n\n{}",
        model_answers()
    )
}

/// `etika --lang en --width 100 practice ARGS…` run in `dir`, so files are named as given.
fn practice_in(dir: &Path, args: &[&str]) -> Output {
    etika()
        .current_dir(dir)
        .args(["--lang", "en", "--width", "100", "practice"])
        .args(args)
        .output()
        .expect("run etika practice")
}

/// Exit 0; return stdout.
fn ok(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    stdout(out)
}

/// Exit 1, never a panic; return stderr.
fn fails(out: &Output) -> String {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
    err
}

fn has(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "no `{w}` in:\n{text}");
    }
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", stdout(out)))
}

#[test]
fn one_file_gives_the_full_feedback() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    let text = ok(&practice_in(dir.path(), &["--answers", "a.toml"]));
    has(
        &text,
        &[
            "Practice feedback: A threat against a former employer",
            "Score: 7 / 15  (answers 6/8, obligations 1/4, course 0/3)",
            "less one for each extra obligation",
            // The two answers that differ, what the student said and the model, and what
            // each alone changed.
            "WHERE YOUR READING DIFFERED",
            "Could the harm happen soon (within",
            "Did you explain the limits of",
            "removes Prevent serious harm even when",
            "removes Tell clients the limits of",
            // The obligations missed, with their sources.
            "OBLIGATIONS YOU MISSED",
            "- Prevent serious harm even when the client asks for secrecy (New Criminal Code",
            "- Help a person whose life is in danger (KUHP Article 531",
            "- Tell clients the limits of confidentiality (Kodepeksos",
            // The course chosen and the model's, each with its feedback.
            "THE COURSE YOU CHOSE",
            "✘ Your choice: Respect the client's request",
            "Confidentiality does not cover a serious, imminent threat",
            "The model's choice: Tell the client you cannot keep this threat secret",
            // The debrief.
            "DEBRIEF",
            "The threat is serious, foreseeable and imminent",
        ],
    );
    // Nothing was added, so there is no section for it.
    assert!(
        !text.contains("OBLIGATIONS THE MODEL DOES NOT HAVE"),
        "{text}"
    );
    let differed = &text[text.find("WHERE YOUR READING DIFFERED").unwrap()
        ..text.find("OBLIGATIONS YOU MISSED").unwrap()];
    // Only the two differing answers have rows; the matching ones do not.
    assert!(!differed.contains("How old is the client?"), "{differed}");
    let row = differed
        .lines()
        .find(|l| l.contains("Could the harm happen soon"))
        .unwrap();
    let cells: Vec<&str> = row.split('┆').map(str::trim).collect();
    assert_eq!(cells[1], "no", "the student's answer: {row}");
    assert_eq!(cells[2], "yes", "the model's answer: {row}");
    assert!(text.lines().all(|l| columns(l) <= 100), "{text}");
}

#[test]
fn json_has_the_score_its_breakdown_and_the_differences() {
    let dir = temp_dir();
    write(dir.path(), "b.toml", STUDENT_B);
    let out = practice_in(
        dir.path(),
        &[CASE, "--answers", "b.toml", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["case"], CASE);
    assert_eq!(v["file"], "b.toml");
    assert_eq!(v["score"], 10, "{v}");
    assert_eq!(v["max"], 15, "{v}");
    let b = &v["breakdown"];
    for (key, n) in [
        ("answers", 7),
        ("answers_max", 8),
        ("obligations", 3),
        ("obligations_max", 4),
        ("course", 0),
        ("course_max", 3),
    ] {
        assert_eq!(b[key], n, "breakdown.{key}: {b}");
    }
    let diffs = v["differences"].as_array().unwrap();
    let questions: Vec<&str> = diffs
        .iter()
        .map(|d| d["question"].as_str().unwrap())
        .collect();
    assert_eq!(questions, ["situation", "child_harm"], "{v}");
    assert_eq!(
        strings(&diffs[0]["student"]),
        ["harm_to_others", "child_at_risk"]
    );
    assert_eq!(strings(&diffs[0]["model"]), ["harm_to_others"]);
    assert_eq!(strings(&diffs[0]["gained"]), ["report_child_at_risk"]);
    assert_eq!(diffs[1]["model"], serde_json::Value::Null, "not asked");
    assert_eq!(diffs[1]["student"], "physical");
    assert_eq!(strings(&v["missed"]), Vec::<String>::new());
    assert_eq!(strings(&v["added"]), ["report_child_at_risk"]);
    assert_eq!(
        strings(&v["tensions_added"]),
        ["family_privacy_vs_child_safety"]
    );
    assert_eq!(v["course_chosen"], "call_police_secretly");
    assert_eq!(v["course_model"], "consult_then_warn");
    assert!(v["debrief"].as_str().unwrap().starts_with("The threat"));
}

#[test]
fn the_obligations_score_is_never_below_zero() {
    let dir = temp_dir();
    write(dir.path(), "c.toml", STUDENT_C);
    let v = json(&practice_in(
        dir.path(),
        &["--answers", "c.toml", "--format", "json"],
    ));
    assert_eq!(
        (v["score"].as_u64(), v["max"].as_u64()),
        (Some(4), Some(15))
    );
    assert_eq!(v["breakdown"]["answers"], 4, "{v}");
    assert_eq!(v["breakdown"]["obligations"], 0, "1 kept less 3 added: {v}");
    assert_eq!(
        strings(&v["added"]),
        // Binding duties first.
        [
            "report_child_at_risk",
            "report_sexual_violence_against_child",
            "permission_before_recording",
        ]
    );
    assert_eq!(v["course_chosen"], serde_json::Value::Null);
    // In words: no course was chosen.
    let text = ok(&practice_in(dir.path(), &["--answers", "c.toml"]));
    has(
        &text,
        &[
            "Score: 4 / 15  (answers 4/8, obligations 0/4, course 0/3)",
            "OBLIGATIONS THE MODEL DOES NOT HAVE",
            "- Report a child at risk of violence or neglect",
            "TENSIONS THE MODEL DOES NOT HAVE",
            "(You chose no course of action.)",
            "The model's choice: Tell the client",
        ],
    );
}

#[test]
fn the_model_answers_and_the_model_course_score_the_maximum() {
    let dir = temp_dir();
    write(dir.path(), "perfect.toml", &perfect());
    let text = ok(&practice_in(dir.path(), &["--answers", "perfect.toml"]));
    has(
        &text,
        &[
            "Score: 15 / 15  (answers 8/8, obligations 4/4, course 3/3)",
            "All your answers match the model reading.",
            "✔ Your choice, and the model's: Tell the client you cannot keep",
        ],
    );
    assert!(!text.contains("OBLIGATIONS YOU MISSED"), "{text}");
    assert!(!text.contains("The model's choice"), "{text}");
    let v = json(&practice_in(
        dir.path(),
        &["--answers", "perfect.toml", "--format", "json"],
    ));
    assert_eq!(v["score"], 15);
    assert_eq!(v["max"], 15);
    assert_eq!(v["differences"], serde_json::json!([]));
    assert_eq!(v["missed"], serde_json::json!([]));
    assert_eq!(v["added"], serde_json::json!([]));
}

/// Every case of the fixture pack: its own `[answers]` and its model course, written as a
/// student's file, get full marks; and the maximum is answers + obligations + 3.
#[test]
fn every_case_read_as_the_model_reads_it_scores_the_maximum() {
    let dir = temp_dir();
    let cases = fixture_pack().join("cases");
    let mut graded = 0;
    for entry in std::fs::read_dir(&cases).unwrap() {
        let path = entry.unwrap().path();
        let case: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let id = case["id"].as_str().unwrap();
        let model = case["course"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c.get("model").and_then(toml::Value::as_bool) == Some(true))
            .unwrap()["id"]
            .as_str()
            .unwrap();
        let answers = case["answers"].as_table().unwrap();
        let mut file = toml::Table::new();
        file.insert("case".into(), id.into());
        file.insert("course".into(), model.into());
        file.insert("answers".into(), answers.clone().into());
        let name = format!("{id}.toml");
        write(dir.path(), &name, &toml::to_string(&file).unwrap());
        let out = practice_in(dir.path(), &["--answers", &name, "--format", "json"]);
        let v = json(&out);
        let b = &v["breakdown"];
        assert_eq!(v["score"], v["max"], "{id}: {v}");
        assert_eq!(
            b["answers_max"].as_u64(),
            Some(answers.len() as u64),
            "{id}"
        );
        let fire = case["expect"]["fire"].as_array().unwrap().len() as u64;
        assert!(b["obligations_max"].as_u64().unwrap() >= fire, "{id}: {b}");
        assert_eq!(b["course_max"], 3, "{id}");
        assert_eq!(
            v["max"].as_u64().unwrap(),
            b["answers_max"].as_u64().unwrap() + b["obligations_max"].as_u64().unwrap() + 3,
            "{id}"
        );
        graded += 1;
    }
    assert_eq!(graded, 3);
}

#[test]
fn the_case_comes_from_the_command_line_or_from_the_file() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    write(dir.path(), "b.toml", STUDENT_B);
    // From the file.
    let v = json(&practice_in(
        dir.path(),
        &["--answers", "a.toml", "--format", "json"],
    ));
    assert_eq!(
        (v["case"].as_str(), v["score"].as_u64()),
        (Some(CASE), Some(7))
    );
    // From the command line, when the file says nothing.
    let v = json(&practice_in(
        dir.path(),
        &[CASE, "--answers", "b.toml", "--format", "json"],
    ));
    assert_eq!(
        (v["case"].as_str(), v["score"].as_u64()),
        (Some(CASE), Some(10))
    );
    // From neither: the error says both ways of naming it.
    let err = fails(&practice_in(dir.path(), &["--answers", "b.toml"]));
    has(
        &err,
        &[
            "`b.toml` does not say which case it answers",
            "etika practice CASE --answers FILE",
            "case = \"…\"",
        ],
    );
}

/// A file that names one case, graded against another named on the command line: the
/// answers mean nothing for that case, so it should be refused, not graded.
#[test]

fn a_file_for_another_case_is_not_graded_against_this_one() {
    let dir = temp_dir();
    write(
        dir.path(),
        "photo.toml",
        r#"case = "photo_for_annual_report"

[answers]
client_age = "adult"
situation = ["records"]
harm_risk = false
client_wants_secrecy = false
record_kind = ["photo"]
record_consent = false
"#,
    );
    let err = fails(&practice_in(dir.path(), &[CASE, "--answers", "photo.toml"]));
    has(&err, &["photo_for_annual_report", CASE]);
}

#[test]
fn several_files_give_a_table_with_a_row_for_each() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    write(dir.path(), "b.toml", STUDENT_B);
    write(dir.path(), "perfect.toml", &perfect());
    let out = practice_in(
        dir.path(),
        &[CASE, "--answers", "a.toml", "b.toml", "perfect.toml"],
    );
    let text = ok(&out);
    has(&text, &["File", "Score", "Main misses"]);
    let row = |file: &str| {
        text.lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no row for {file}:\n{text}"))
            .to_string()
    };
    let a = row("a.toml");
    assert!(a.contains("7 / 15"), "{a}");
    // The main misses: the first missed obligation's title (the rest are on the lines below).
    assert!(a.contains("Prevent serious harm even when"), "{a}");
    assert!(row("b.toml").contains("10 / 15"), "{text}");
    assert!(row("b.toml").contains("model course not chosen"), "{text}");
    let p = row("perfect.toml");
    assert!(p.contains("15 / 15") && p.contains('—'), "{p}");
    // One row per file, in the order given.
    let at = |f: &str| text.find(f).unwrap();
    assert!(at("a.toml") < at("b.toml") && at("b.toml") < at("perfect.toml"));
    assert_eq!(text.matches(" / 15").count(), 3, "{text}");
    has(&text, &["One point for each answer"]);
    assert!(text.lines().all(|l| columns(l) <= 100), "{text}");
}

#[test]
fn several_files_as_json_give_an_array_with_score_and_max_for_each() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    write(dir.path(), "c.toml", STUDENT_C);
    write(dir.path(), "perfect.toml", &perfect());
    // Every file names its case, so the case may be left out.
    let out = practice_in(
        dir.path(),
        &[
            "--answers",
            "a.toml",
            "c.toml",
            "perfect.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let got: Vec<(String, u64, u64)> = v
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_string(),
                r["score"].as_u64().unwrap(),
                r["max"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("a.toml".to_string(), 7, 15),
            ("c.toml".to_string(), 4, 15),
            ("perfect.toml".to_string(), 15, 15)
        ]
    );
    assert_eq!(v[0]["case"], CASE);
    assert!(v[0]["breakdown"].is_object(), "{v}");
}

#[test]
fn a_broken_file_gets_an_error_row_and_the_others_are_still_graded() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    write(dir.path(), "broken.toml", BROKEN);
    write(dir.path(), "perfect.toml", &perfect());
    let out = practice_in(
        dir.path(),
        &[
            CASE,
            "--answers",
            "a.toml",
            "broken.toml",
            "missing.toml",
            "perfect.toml",
        ],
    );
    let err = fails(&out);
    // The problem itself is shown in full, located.
    has(
        &err,
        &[
            "question `harm_risk` wants true or false",
            "broken.toml:5:13",
        ],
    );
    let text = stdout(&out);
    let row = |file: &str| {
        text.lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no row for {file}:\n{text}"))
            .to_string()
    };
    assert!(row("a.toml").contains("7 / 15"), "{text}");
    assert!(row("perfect.toml").contains("15 / 15"), "{text}");
    let broken = row("broken.toml");
    assert!(
        broken.contains("error") && broken.contains("broken.toml:5:13"),
        "{text}"
    );
    let missing = row("missing.toml");
    assert!(
        missing.contains("error") && missing.contains("cannot read"),
        "{text}"
    );

    // The same as JSON: an entry with the error, the others graded.
    let out = practice_in(
        dir.path(),
        &[
            CASE,
            "--answers",
            "a.toml",
            "broken.toml",
            "perfect.toml",
            "--format",
            "json",
        ],
    );
    fails(&out);
    let v = json(&out);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 3, "{v}");
    assert_eq!(rows[0]["score"], 7);
    assert_eq!(rows[1]["file"], "broken.toml");
    assert!(
        rows[1]["error"].as_str().unwrap().contains("broken.toml"),
        "{v}"
    );
    assert!(rows[1].get("score").is_none(), "{v}");
    assert_eq!(rows[2]["score"], 15);
}

#[test]
fn one_broken_file_alone_is_an_error_at_its_line() {
    let dir = temp_dir();
    write(dir.path(), "broken.toml", BROKEN);
    let out = practice_in(dir.path(), &["--answers", "broken.toml"]);
    let err = fails(&out);
    has(
        &err,
        &["broken.toml:5:13", "help: write `harm_risk = true`"],
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn an_unknown_case_suggests_the_closest() {
    let dir = temp_dir();
    write(dir.path(), "b.toml", STUDENT_B);
    let out = practice_in(dir.path(), &["threat_to_third_prty", "--answers", "b.toml"]);
    let err = fails(&out);
    has(
        &err,
        &[
            "no case has the id `threat_to_third_prty`",
            "did you mean `threat_to_third_party`?",
        ],
    );
    assert_eq!(stdout(&out), "");
    // Named in the file, the same.
    write(
        dir.path(),
        "wrong.toml",
        &STUDENT_A.replace(CASE, "threat_to_thrid_party"),
    );
    let err = fails(&practice_in(dir.path(), &["--answers", "wrong.toml"]));
    has(
        &err,
        &[
            "no case has the id `threat_to_thrid_party`",
            "did you mean `threat_to_third_party`?",
        ],
    );
}

#[test]
fn an_unknown_course_is_named_with_the_courses_there_are() {
    let dir = temp_dir();
    write(
        dir.path(),
        "a.toml",
        &STUDENT_A.replace("keep_secret", "do_nothing"),
    );
    let err = fails(&practice_in(dir.path(), &["--answers", "a.toml"]));
    has(
        &err,
        &[
            "a.toml",
            "the case `threat_to_third_party` has no course `do_nothing`",
            "keep_secret, consult_then_warn, call_police_secretly",
        ],
    );
}

#[test]
fn indonesian_feedback() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    let out = etika()
        .current_dir(dir.path())
        .args([
            "--lang",
            "id",
            "--width",
            "100",
            "practice",
            "--answers",
            "a.toml",
        ])
        .output()
        .unwrap();
    let text = ok(&out);
    has(
        &text,
        &[
            "Umpan balik latihan: Ancaman terhadap mantan majikan",
            "Nilai: 7 / 15  (jawaban 6/8, kewajiban 1/4, langkah 0/3)",
            "Satu poin untuk setiap jawaban",
            "JAWABAN YANG BERBEDA DARI MODEL",
            "Mungkinkah bahaya itu terjadi",
            "menghapus Mencegah bahaya serius",
            "KEWAJIBAN YANG TERLEWAT",
            "- Menolong orang yang nyawanya terancam",
            "LANGKAH YANG ANDA PILIH",
            "✘ Pilihan Anda: Menghormati permintaan klien",
            "Pilihan model: Memberi tahu klien",
            "PEMBAHASAN",
            "Ancaman ini serius, dapat diperkirakan, dan segera",
        ],
    );
    for english in ["Score", "DEBRIEF", "Your choice", "removes "] {
        assert!(!text.contains(english), "`{english}` in:\n{text}");
    }
}

#[test]
fn markdown_feedback_for_a_journal() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    let text = ok(&practice_in(
        dir.path(),
        &["--answers", "a.toml", "--format", "markdown"],
    ));
    has(
        &text,
        &[
            "# Practice feedback: A threat against a former employer",
            "**Score: 7 / 15  (answers 6/8, obligations 1/4, course 0/3)**",
            "## Obligations you missed",
            "## Debrief",
        ],
    );
}

#[test]
fn without_a_terminal_and_without_answers_it_names_answers() {
    for args in [&[CASE][..], &[][..]] {
        let out = etika()
            .args(["--lang", "en", "practice"])
            .args(args)
            .output()
            .unwrap();
        let err = fails(&out);
        has(
            &err,
            &["asks its questions in a terminal", "--answers FILE"],
        );
        assert_eq!(stdout(&out), "");
    }
}

#[test]
fn save_and_answers_together_is_a_usage_error() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    let out = practice_in(dir.path(), &["--answers", "a.toml", "--save", "s.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!dir.path().join("s.toml").exists());
}

#[test]
fn a_pack_without_cases_has_nothing_to_practise() {
    let pack = PackCopy::new();
    pack.remove("cases");
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    let out = etika_with(pack.path())
        .current_dir(dir.path())
        .args(["--lang", "en", "practice", "--answers", "a.toml"])
        .output()
        .unwrap();
    has(&fails(&out), &["this pack has no practice cases"]);
}

// In a pseudo-terminal: a student's session from the narrative to the feedback.

#[test]
fn a_students_whole_session_ends_with_the_feedback() {
    let mut pty = Pty::spawn(&["--lang", "en", "practice", CASE]);
    // The narrative first.
    pty.expect("A threat against a former employer");
    pty.expect("You are a social worker at a social services agency in Surabaya.");
    pty.expect("Answer the questions that follow as you read this case.");
    answer_threat_case(&mut pty, "y");
    pty.expect("Review your answers");
    pty.answer("Done, show the report", &[ENTER]);
    // The courses, in the case's order; the model's is the second.
    pty.expect("Which course of action would you take?");
    pty.expect("Respect the client's request");
    pty.expect("Tell the client you cannot keep this threat secret");
    pty.expect("Quietly call the police");
    pty.send(DOWN);
    pty.send(ENTER);
    pty.expect("Practice feedback: A threat against a former employer");
    pty.expect("Score: 15 / 15");
    pty.expect("All your answers match the model reading.");
    pty.expect("Your choice, and the model's");
    pty.expect("DEBRIEF");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
}

#[test]
fn practice_without_a_case_offers_the_cases_to_choose_from() {
    let mut pty = Pty::spawn(&["--lang", "en", "practice"]);
    pty.expect("Choose a case to practise:");
    // The cases by title, in file order: the third is the threat.
    pty.expect("A mother asks you to keep her daughter's sexual abuse secret");
    pty.expect("A client's photo for the annual report");
    pty.expect("A threat against a former employer");
    pty.send(DOWN);
    pty.send(DOWN);
    pty.send(ENTER);
    pty.expect("Surabaya");
    pty.answer("How old is the client?", &[ESC]);
    pty.expect("cancelled");
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(
        !screen.contains("Makassar"),
        "not the first case:\n{screen}"
    );
}

#[test]
fn esc_at_the_case_list_cancels_with_130() {
    let mut pty = Pty::spawn(&["--lang", "en", "practice"]);
    pty.answer("Choose a case to practise:", &[ESC]);
    pty.expect("cancelled");
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
}

#[test]
fn practice_save_keeps_the_case_the_course_and_the_answers() {
    let dir = temp_dir();
    let save = dir.path().join("handed_in.toml");
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "en", "practice", CASE, "--save", &save_arg]);
    pty.expect("Surabaya");
    answer_threat_case(&mut pty, "n");
    pty.expect("Review your answers");
    pty.answer("Done, show the report", &[ENTER]);
    // The first course: not the model's.
    pty.expect("Which course of action would you take?");
    pty.answer("Respect the client's request", &[ENTER]);
    pty.expect("Answers saved to");
    // 7 of 8 answers (not imminent); 2 of 4 obligations (the two imminent-danger duties
    // missed); the wrong course. 9 / 15.
    pty.expect("Score: 9 / 15");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");

    let text = std::fs::read_to_string(&save).expect("the answers were saved");
    let file: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}:\n{text}"));
    assert_eq!(file["case"].as_str(), Some(CASE), "{text}");
    assert_eq!(file["course"].as_str(), Some("keep_secret"), "{text}");
    assert_eq!(file["pack"]["edition"].as_str(), Some("2026.1"), "{text}");
    let answers = file["answers"].as_table().unwrap();
    assert_eq!(answers.len(), 8, "{text}");
    assert_eq!(answers["harm_imminent"].as_bool(), Some(false), "{text}");
    assert_eq!(
        answers["harm_target"].as_str(),
        Some("identifiable_person"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&save).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }
    // The file handed in grades as it was graded in the session.
    let v = json(
        &etika()
            .args(["practice", "--answers", &save_arg, "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        (v["score"].as_u64(), v["max"].as_u64()),
        (Some(9), Some(15))
    );
}

/// A class graded as CSV: one row per file with its score, maximum, a 1 or 0 per question of
/// the model reading, and the course chosen; a file that cannot be graded keeps its row with
/// the error; fields are quoted as RFC 4180 says.
#[test]
fn a_class_graded_as_csv() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    write(dir.path(), "b.toml", STUDENT_B);
    write(dir.path(), "c,\"d\".toml", BROKEN);
    let out = practice_in(
        dir.path(),
        &[
            CASE,
            "--answers",
            "a.toml",
            "b.toml",
            "c,\"d\".toml",
            "--format",
            "csv",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.split('\n').collect();
    assert_eq!(
        rows[0],
        "file,case,score,max,client_age,situation,harm_risk,harm_target,harm_imminent,\
         client_wants_secrecy,limits_explained,is_student,course,error"
    );
    assert_eq!(
        rows[1],
        "a.toml,threat_to_third_party,7,15,1,1,1,1,0,1,0,1,keep_secret,"
    );
    assert_eq!(
        rows[2],
        "b.toml,threat_to_third_party,10,15,1,0,1,1,1,1,1,1,call_police_secretly,"
    );
    assert!(rows[3].starts_with("\"c,\"\"d\"\".toml\",,,,"), "{text}");
    assert_eq!(rows[4], "", "a final line feed: {text:?}");
}

/// The class table in Markdown, with the class summary: per question how many answered as
/// the model does and the most common other answer; `--out` writes it, atomically and once.
#[test]
fn a_class_summary_in_markdown_written_with_out() {
    let dir = temp_dir();
    write(dir.path(), "a.toml", STUDENT_A);
    write(dir.path(), "b.toml", STUDENT_B);
    write(dir.path(), "c.toml", STUDENT_C);
    let args = [
        CASE,
        "--answers",
        "a.toml",
        "b.toml",
        "c.toml",
        "--format",
        "markdown",
        "--out",
        "grades.md",
    ];
    let out = practice_in(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("Written to grades.md"),
        "{}",
        stderr(&out)
    );
    let md = std::fs::read_to_string(dir.path().join("grades.md")).unwrap();
    has(
        &md,
        &[
            "| File | Score | Main misses |",
            "| a.toml | 7 / 15 |",
            "| b.toml | 10 / 15 | model course not chosen |",
            "## Class summary",
            "| Question | As the model | Most common other answer |",
            "| Could the harm happen soon (within days)? | 1 of 3 | no (2) |",
            "| Is anyone's life or physical safety seriously at risk? | 3 of 3 | — |",
            "The model course: chosen by 0 of 3.",
        ],
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("grades.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Not replaced without --force; an answers file is never the output.
    let err = fails(&practice_in(dir.path(), &args));
    assert!(err.contains("`grades.md` is already there"), "{err}");
    let mut to_answers = args.to_vec();
    to_answers.pop();
    to_answers.extend(["a.toml", "--force"]);
    let err = fails(&practice_in(dir.path(), &to_answers));
    assert!(err.contains("is the answers file `a.toml`"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.toml")).unwrap(),
        STUDENT_A
    );
    // The table has the same summary.
    let table = ok(&practice_in(dir.path(), &args[..5]));
    has(&table, &["CLASS SUMMARY", "As the model", "no (2)"]);
}

/// Feedback names the steps an answer adds or removes, and gives no what-if for a question
/// the model reading never asks: it says which answer it follows from.
#[test]
fn feedback_names_steps_and_has_no_what_if_for_a_question_never_asked() {
    let dir = temp_dir();
    write(dir.path(), "b.toml", STUDENT_B);
    let out = practice_in(
        dir.path(),
        &[CASE, "--answers", "b.toml", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
    let diffs = json["differences"].as_array().unwrap();
    let harm = diffs
        .iter()
        .find(|d| d["question"] == "child_harm")
        .expect("child_harm differs");
    assert_eq!(harm["asked"], false);
    assert_eq!(harm["follows_from"], serde_json::json!(["situation"]));
    let md = ok(&practice_in(
        dir.path(),
        &[CASE, "--answers", "b.toml", "--format", "markdown"],
    ));
    has(
        &md,
        &[
            "not asked in the model reading: it follows from the answer to “What does this situation involve? (choose all that apply)”",
            "adds steps: Report as your agency's SOP says; ",
        ],
    );
    assert!(!md.contains("changes nothing"), "{md}");
    assert!(!md.contains(" 3 steps"), "{md}");
}

/// The case can be read again: the last choice among the courses shows the narrative and
/// asks again; the review of answers offers it too.
#[test]
fn the_case_can_be_read_again_before_choosing_a_course() {
    let mut pty = Pty::spawn(&["--lang", "en", "practice", CASE]);
    pty.expect("You are a social worker at a social services agency in Surabaya.");
    answer_threat_case(&mut pty, "y");
    pty.expect("Review your answers");
    pty.expect("Done, show the report");
    pty.expect("Read the case again → A threat against a former employer");
    pty.send(ENTER);
    pty.expect("Which course of action would you take?");
    pty.expect("Read the case again");
    for _ in 0..3 {
        pty.send(DOWN);
    }
    pty.send(ENTER);
    // The narrative again, then the same choice.
    pty.expect("You are a social worker at a social services agency in Surabaya.");
    pty.expect("Which course of action would you take?");
    pty.send(DOWN);
    pty.send(ENTER);
    pty.expect("Score: 15 / 15");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
}
