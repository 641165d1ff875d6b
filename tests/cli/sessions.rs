//! Saved sessions: `assess --save` writes the answers after every question to a file only
//! its owner can read, holding the pack's id and edition and the answers, nothing else;
//! `--resume` continues such a file where it stopped, and refuses one saved with another pack
//! or edition, or with no pack at all.
//!
//! `assess` asks only in a terminal, so saving and resuming run in a pseudo-terminal.

use std::path::Path;

use crate::pty::{CTRL_C, DOWN, ENTER, Pty, SPACE};
use crate::util::*;

const PACK_ID: &str = "kode_etik_peksos_id";
const EDITION: &str = "2026.1";

#[cfg(unix)]
fn squashed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The question ids and their option ids, from `etika list questions --format json`.
fn questions() -> Vec<(String, Vec<String>)> {
    let out = etika()
        .args(["list", "questions", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let options = q["options"]
                .as_array()
                .map(|o| {
                    o.iter()
                        .map(|x| x["id"].as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default();
            (q["id"].as_str().unwrap().to_string(), options)
        })
        .collect()
}

/// A saved session holds `[pack]` (id, edition) and `[answers]` (question ids; true/false,
/// option ids, or lists of option ids), and nothing else: no free text about anyone.
fn assert_only_ids(text: &str) -> toml::Table {
    let file: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"));
    let keys: Vec<&str> = file.keys().map(String::as_str).collect();
    assert_eq!(keys, ["answers", "pack"], "{text}");
    let pack = file["pack"].as_table().unwrap();
    assert_eq!(pack.len(), 2, "{text}");
    assert_eq!(pack["id"].as_str(), Some(PACK_ID), "{text}");
    assert_eq!(pack["edition"].as_str(), Some(EDITION), "{text}");
    let questions = questions();
    for (key, value) in file["answers"].as_table().unwrap() {
        let (_, options) = questions
            .iter()
            .find(|(id, _)| id == key)
            .unwrap_or_else(|| panic!("`{key}` is not a question:\n{text}"));
        let is_option =
            |v: &toml::Value| v.as_str().is_some_and(|s| options.iter().any(|o| o == s));
        let fine = match value {
            toml::Value::Boolean(_) => true,
            toml::Value::String(_) => is_option(value),
            toml::Value::Array(items) => items.iter().all(is_option),
            _ => false,
        };
        assert!(fine, "`{key} = {value}` is not an answer by id:\n{text}");
    }
    // Comments aside, every line is a table header or `id = value`.
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        assert!(
            line == "[pack]" || line == "[answers]" || line.contains(" = "),
            "{line}\n{text}"
        );
    }
    file
}

#[test]
fn answers_and_resume_together_is_a_usage_error() {
    let dir = temp_dir();
    let a = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let out = etika()
        .arg("assess")
        .arg("--answers")
        .arg(&a)
        .arg("--resume")
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--answers") && err.contains("--resume"),
        "{err}"
    );
    assert_eq!(stdout(&out), "");
}

/// With `--answers` nothing is asked, so `--save` has nothing to save as it goes; but it is
/// accepted and then silently ignored. It should either be refused (as `practice` refuses
/// it) or write the answers.
#[test]

fn save_with_answers_is_refused_or_saves() {
    let dir = temp_dir();
    let a = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let save = dir.path().join("saved.toml");
    let out = etika()
        .arg("assess")
        .arg("--answers")
        .arg(&a)
        .arg("--save")
        .arg(&save)
        .output()
        .unwrap();
    match out.status.code() {
        Some(2) => {}
        Some(0) => {
            let text = std::fs::read_to_string(&save).expect("--save wrote the file");
            assert_only_ids(&text);
        }
        other => panic!("exit {other:?}: {}", stderr(&out)),
    }
}

/// Save two answers, stop with Ctrl-C; the file holds them and only them, readable by its
/// owner only. Resume: the first question shown is the third, not the first; finish; the
/// report appears and the file holds every answer.
#[test]
fn save_then_ctrl_c_then_resume_at_the_third_question() {
    let dir = temp_dir();
    let save = dir.path().join("session.toml");
    let save_arg = save.display().to_string();
    // A file already there, readable by all: saving makes it the owner's only.
    std::fs::write(&save, "").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&save, std::fs::Permissions::from_mode(0o644)).unwrap();
    }

    let mut pty = Pty::spawn(&["--lang", "en", "assess", "--save", &save_arg]);
    pty.expect("Answers are saved to");
    pty.answer("How old is the client?", &[DOWN, ENTER]);
    pty.expect("✔ [1/");
    pty.expect("How old is the client? → 18 to 59");
    pty.answer("What does this situation involve?", &[SPACE, ENTER]);
    pty.expect("The client threatens someone else");
    pty.expect("[3/≈");
    pty.answer(
        "Is anyone's life or physical safety seriously at risk?",
        &[CTRL_C],
    );
    pty.expect("Your answers are saved. Continue with");
    pty.expect(&format!("etika assess --resume {save_arg}"));
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(!screen.contains("BINDING DUTIES"), "no report:\n{screen}");

    let text = std::fs::read_to_string(&save).unwrap();
    let file = assert_only_ids(&text);
    let answers = file["answers"].as_table().unwrap();
    assert_eq!(answers.len(), 2, "{text}");
    assert_eq!(answers["client_age"].as_str(), Some("adult"), "{text}");
    assert_eq!(
        answers["situation"].as_array().unwrap()[0].as_str(),
        Some("harm_to_others"),
        "{text}"
    );
    #[cfg(unix)]
    assert_eq!(mode(&save), 0o600, "{:o}", mode(&save));
    // Nothing is left beside it: the write was atomic, through a temporary file.
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "{entries:?}");

    let mut pty = Pty::spawn(&["--lang", "en", "assess", "--resume", &save_arg]);
    pty.expect(&format!("Answers are saved to {save_arg}"));
    pty.expect("[3/≈");
    pty.expect("Is anyone's life or physical safety seriously at risk?");
    let before = pty.screen();
    // The answers already given are shown, not asked again.
    assert!(
        before.contains("Answered so far") && !before.contains("[1/"),
        "the first two questions are not asked again:\n{before}"
    );
    assert!(
        squashed(&before).contains(&squashed("✔ How old is the client? → 18 to 59")),
        "{before}"
    );
    pty.send("y");
    pty.send(ENTER);
    pty.expect("[4/≈");
    pty.answer("Who is at risk?", &[DOWN, ENTER]);
    pty.expect("✔ [4/");
    pty.expect("Who is at risk? → A particular, identifiable person");
    pty.answer("Could the harm happen soon", &["y", ENTER]);
    pty.answer(
        "Has the client asked you to keep this to yourself?",
        &["y", ENTER],
    );
    pty.answer(
        "Did you explain the limits of confidentiality",
        &["n", ENTER],
    );
    pty.answer("Are you a student on placement", &["n", ENTER]);
    // The review has the resumed answers too.
    pty.expect("Review your answers");
    pty.expect("Done, show the report");
    pty.expect("How old is the client? → 18 to 59");
    // The cursor starts on "Done".
    pty.send(ENTER);
    pty.expect("BINDING DUTIES");
    pty.expect("Prevent serious harm even when the client asks for secrecy");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");

    // The resumed session kept saving to the same file.
    let text = std::fs::read_to_string(&save).unwrap();
    let file = assert_only_ids(&text);
    let answers = file["answers"].as_table().unwrap();
    assert_eq!(answers.len(), 8, "{text}");
    assert_eq!(answers["harm_imminent"].as_bool(), Some(true), "{text}");
    assert_eq!(answers["client_age"].as_str(), Some("adult"), "{text}");
    #[cfg(unix)]
    assert_eq!(mode(&save), 0o600);
}

/// Run `assess --resume FILE` in a terminal and expect it to stop with 1 before asking
/// anything; returns the screen.
fn resume_refused(file: &Path) -> String {
    let arg = file.display().to_string();
    let pty = Pty::spawn(&["--lang", "en", "assess", "--resume", &arg]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
    assert!(!screen.contains("[1/"), "nothing is asked:\n{screen}");
    screen
}

#[test]
fn resume_refuses_a_file_saved_with_another_edition() {
    let dir = temp_dir();
    let text = format!(
        "[pack]\nid = \"{PACK_ID}\"\nedition = \"2025.1\"\n\n[answers]\nclient_age = \"adult\"\n"
    );
    let file = write(dir.path(), "old.toml", &text);
    let screen = resume_refused(&file);
    let wanted = format!(
        "`{}` was saved with the pack `{PACK_ID}` edition 2025.1, but this is `{PACK_ID}` edition {EDITION}",
        file.display()
    );
    assert!(screen.contains(&wanted), "no `{wanted}` in:\n{screen}");
    assert!(screen.contains("help: "), "{screen}");
    // The file is left as it was.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn resume_refuses_a_file_saved_with_another_pack() {
    let dir = temp_dir();
    let file = write(
        dir.path(),
        "other.toml",
        &format!(
            "[pack]\nid = \"agency_policy\"\nedition = \"{EDITION}\"\n\n[answers]\nclient_age = \"adult\"\n"
        ),
    );
    let screen = resume_refused(&file);
    assert!(
        screen.contains(&format!(
            "saved with the pack `agency_policy` edition {EDITION}, but this is `{PACK_ID}`"
        )),
        "{screen}"
    );
}

#[test]
fn resume_refuses_a_file_with_no_pack() {
    let dir = temp_dir();
    let file = write(dir.path(), "plain.toml", THREAT_TO_LIFE);
    let screen = resume_refused(&file);
    let wanted = format!(
        "`{}` does not say which pack it was saved with, so it cannot be resumed",
        file.display()
    );
    assert!(screen.contains(&wanted), "no `{wanted}` in:\n{screen}");
    assert!(screen.contains("--answers"), "{screen}");
}

#[test]
fn resume_of_a_broken_file_is_a_located_error() {
    let dir = temp_dir();
    let file = write(
        dir.path(),
        "broken.toml",
        &format!(
            "[pack]\nid = \"{PACK_ID}\"\nedition = \"{EDITION}\"\n\n[answers]\nclient_age = \"adult\"\nharm_risk = \"yes\"\n"
        ),
    );
    let screen = resume_refused(&file);
    assert!(
        screen.contains(&format!("{}:7:13", file.display())),
        "{screen}"
    );
    assert!(screen.contains("wants true or false"), "{screen}");
}

#[test]
fn resume_of_a_missing_file_says_so() {
    let dir = temp_dir();
    let screen = resume_refused(&dir.path().join("nowhere.toml"));
    assert!(screen.contains("cannot read the answers file"), "{screen}");
    assert!(screen.contains("nowhere.toml"), "{screen}");
}

#[test]
fn answers_saved_with_another_edition_are_used_with_a_warning() {
    let answers = format!(
        "[pack]\nid = \"kode_etik_peksos_id\"\nedition = \"2020.1\"\n\n{}",
        ORDINARY
    );
    let out = assess(&answers, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning:"), "{err}");
    assert!(
        err.contains("edition 2020.1; this is `kode_etik_peksos_id` edition 2026.1"),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["binding"].as_array().unwrap().len(), 0);
}

/// Esc at the first question of a new session: nothing was answered, so nothing is said to
/// be saved, and the file etika made for it is gone (it would block the next `--save`).
#[test]
fn stopping_before_any_answer_leaves_no_session_behind() {
    let dir = temp_dir();
    let save = dir.path().join("session.toml");
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "en", "assess", "--save", &save_arg]);
    pty.expect("Answers are saved to");
    pty.answer("How old is the client?", &[crate::pty::ESC]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(!screen.contains("Your answers are saved"), "{screen}");
    assert!(!save.exists(), "no empty session is left behind");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A save path in a folder that does not exist is refused before the first question, named.
#[test]
fn a_save_path_that_cannot_be_written_is_refused_before_the_first_question() {
    let dir = temp_dir();
    let save = dir.path().join("missing/session.toml");
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "en", "assess", "--save", &save_arg]);
    pty.expect(&format!("cannot write the answers to `{save_arg}`"));
    pty.expect("its folder does not exist");
    let (code, screen) = pty.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(!screen.contains("How old is the client?"), "{screen}");
}

/// `--save` onto a session already there is refused, pointing to `--resume` and `--force`;
/// the session is untouched.
#[test]
fn save_onto_a_session_is_refused_pointing_to_resume() {
    let dir = temp_dir();
    let text = format!(
        "[pack]\nid = \"{PACK_ID}\"\nedition = \"{EDITION}\"\n\n[answers]\nclient_age = \"adult\"\n"
    );
    let save = write(dir.path(), "session.toml", &text);
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "en", "assess", "--save", &save_arg]);
    pty.expect(&format!("`{save_arg}` is already there"));
    pty.expect(&format!("continue that session with `--resume {save_arg}`"));
    pty.expect("--force");
    let (code, screen) = pty.finish();
    assert_eq!(code, 1, "{screen}");
    assert_eq!(std::fs::read_to_string(&save).unwrap(), text);
}

/// `--resume LINK` is refused before the first question, naming where the link leads; the
/// link stays a link (saving would have replaced it with a file).
#[cfg(unix)]
#[test]
fn resume_through_a_link_is_refused_before_the_first_question() {
    let dir = temp_dir();
    let text = format!(
        "[pack]\nid = \"{PACK_ID}\"\nedition = \"{EDITION}\"\n\n[answers]\nclient_age = \"adult\"\n"
    );
    let real = write(dir.path(), "real.toml", &text);
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let link_arg = link.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "en", "assess", "--resume", &link_arg]);
    pty.expect("it is a link");
    pty.expect(&format!("--resume {}", real.display()));
    let (code, screen) = pty.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(
        !screen.contains("What does this situation involve?"),
        "{screen}"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), text);
}

/// `practice --save` onto a file already there is refused too, before the case is chosen.
#[test]
fn practice_save_onto_a_file_is_refused() {
    let dir = temp_dir();
    let save = write(dir.path(), "mine.toml", "case = \"x\"\n");
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "en", "practice", "--save", &save_arg]);
    pty.expect(&format!("`{save_arg}` is already there"));
    pty.expect("--force");
    let (code, screen) = pty.finish();
    assert_eq!(code, 1, "{screen}");
    assert_eq!(std::fs::read_to_string(&save).unwrap(), "case = \"x\"\n");
}

/// Two interviews resumed from one file: the first to save keeps the file; the second finds
/// it changed since it last wrote it, leaves it alone and saves its answers beside it, saying
/// where. Neither's answers are lost.
#[test]
fn two_sessions_on_one_file_never_overwrite_each_other() {
    let dir = temp_dir();
    let save = write(
        dir.path(),
        "shared.toml",
        &format!(
            "[pack]\nid = \"{PACK_ID}\"\nedition = \"{EDITION}\"\n\n[answers]\nclient_age = \"adult\"\n"
        ),
    );
    let save_arg = save.display().to_string();
    let beside = dir.path().join("shared-2.toml");
    let mut a = Pty::spawn(&["--lang", "en", "assess", "--resume", &save_arg]);
    a.expect("[2/≈");
    let mut b = Pty::spawn(&["--lang", "en", "assess", "--resume", &save_arg]);
    b.expect("[2/≈");
    // The first answers: threats to someone else.
    a.answer("What does this situation involve?", &[SPACE, ENTER]);
    a.expect("Is anyone's life or physical safety seriously at risk?");
    // The second answers: self-harm. Its file has changed since it wrote it.
    b.answer("What does this situation involve?", &[DOWN, SPACE, ENTER]);
    b.expect("was changed by someone else");
    b.expect("shared-2.toml");
    b.expect("[3/≈");
    for (pty, file) in [(&mut a, &save), (&mut b, &beside)] {
        pty.send(CTRL_C);
        pty.expect("Your answers are saved. Continue with");
        pty.expect(&format!("--resume {}", file.display()));
    }
    assert_eq!(a.finish().0, 130);
    assert_eq!(b.finish().0, 130);
    let situation = |path: &Path| {
        let file = assert_only_ids(&std::fs::read_to_string(path).unwrap());
        let answers = file["answers"].as_table().unwrap().clone();
        assert_eq!(answers["client_age"].as_str(), Some("adult"), "{path:?}");
        answers["situation"].as_array().unwrap()[0]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(situation(&save), "harm_to_others");
    assert_eq!(situation(&beside), "self_harm");
    #[cfg(unix)]
    assert_eq!(mode(&beside), 0o600);
}

/// The `--save` file edited by hand during the interview keeps the edit; the answers go on
/// beside it.
#[test]
fn an_edit_to_the_save_file_during_a_session_is_kept() {
    let dir = temp_dir();
    let save = dir.path().join("session.toml");
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "id", "assess", "--save", &save_arg]);
    pty.answer("Berapa usia klien?", &[DOWN, ENTER]);
    pty.expect("[2/≈");
    std::fs::write(&save, "# my notes\n").unwrap();
    pty.answer("Apa saja yang menyangkut situasi ini?", &[SPACE, ENTER]);
    pty.expect("diubah oleh pihak lain");
    pty.expect("session-2.toml");
    pty.expect("[3/≈");
    pty.send(CTRL_C);
    pty.expect("Jawaban Anda tersimpan");
    assert_eq!(pty.finish().0, 130);
    assert_eq!(std::fs::read_to_string(&save).unwrap(), "# my notes\n");
    let text = std::fs::read_to_string(dir.path().join("session-2.toml")).unwrap();
    let file = assert_only_ids(&text);
    assert_eq!(file["answers"].as_table().unwrap().len(), 2, "{text}");
}

/// The etika started by the shell `pid`.
#[cfg(target_os = "linux")]
fn child_of(pid: u32) -> u32 {
    let start = std::time::Instant::now();
    loop {
        let children =
            std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
        if let Some(c) = children.split_whitespace().next() {
            return c.parse().unwrap();
        }
        assert!(start.elapsed() < crate::pty::TIMEOUT, "etika did not start");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// A signal from outside in the middle of an interview: etika puts the terminal back as it
/// was (`stty -a` shows the same settings after as before), says where the answers are saved, and exits
/// 128 + the signal's number; the answers given are in the file.
#[cfg(target_os = "linux")]
#[test]
fn a_signal_from_outside_restores_the_terminal_and_keeps_the_answers() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = temp_dir();
        let save = dir.path().join("session.toml");
        let save_arg = save.display().to_string();
        let mut pty =
            Pty::spawn_around("stty -a", &["--lang", "en", "assess", "--save", &save_arg]);
        pty.answer("How old is the client?", &[DOWN, ENTER]);
        pty.expect("[2/≈");
        let etika = child_of(pty.pid());
        let sent = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(etika.to_string())
            .status()
            .unwrap();
        assert!(sent.success());
        pty.expect("Your answers are saved. Continue with");
        pty.expect(&format!("etika assess --resume {save_arg}"));
        pty.expect(&format!("code={code}"));
        let (shell, screen) = pty.finish();
        assert_eq!(shell, 0, "{screen}");
        let settings = |text: &str| -> Vec<String> {
            let from = text.find("speed").expect("stty's output");
            text[from..]
                .split_whitespace()
                .take_while(|w| !w.starts_with("etika:"))
                .map(String::from)
                .collect()
        };
        let before = settings(&screen[..screen.find("etika:").unwrap()]);
        let after = settings(&screen[screen.find(&format!("code={code}")).unwrap()..]);
        assert!(before.iter().any(|w| w == "icanon"), "{screen}");
        assert_eq!(after, before, "SIG{signal}: the terminal is not as it was");
        let file = assert_only_ids(&std::fs::read_to_string(&save).unwrap());
        assert_eq!(
            file["answers"]["client_age"].as_str(),
            Some("adult"),
            "SIG{signal}"
        );
    }
}

/// A session file another user owns (world-readable in a shared folder, say) is not taken
/// over: resuming from it would rewrite it as this user's. Refused before anything is asked,
/// naming it, with the file, its owner and its mode left as they were. Making a file someone
/// else's takes root; without it there is nothing to test.
#[cfg(unix)]
#[test]
fn resume_refuses_a_file_that_belongs_to_someone_else() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = temp_dir();
    let text = format!(
        "[pack]\nid = \"{PACK_ID}\"\nedition = \"{EDITION}\"\n\n[answers]\nclient_age = \"adult\"\n"
    );
    let file = write(dir.path(), "shared.toml", &text);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    const NOBODY: u32 = 65534;
    if std::os::unix::fs::chown(&file, Some(NOBODY), None).is_err() {
        eprintln!("skipped: this process cannot give a file to another user");
        return;
    }
    let before = std::fs::metadata(&file).unwrap();
    let screen = resume_refused(&file);
    let wanted = format!(
        "`{}` belongs to someone else (uid {NOBODY})",
        file.display()
    );
    assert!(
        squashed(&screen).contains(&squashed(&wanted)),
        "no `{wanted}` in:\n{screen}"
    );
    assert!(
        squashed(&screen).contains("copyittoafileofyourownfirst"),
        "{screen}"
    );
    let after = std::fs::metadata(&file).unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    assert_eq!(
        (after.uid(), after.mode(), after.ino()),
        (before.uid(), before.mode(), before.ino())
    );
    // Nothing was written beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // The user's own copy resumes as any session does: it is asked in a terminal.
    let mine = dir.path().join("mine.toml");
    std::fs::copy(&file, &mine).unwrap();
    let out = etika()
        .args(["--lang", "en", "assess", "--resume"])
        .arg(&mine)
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("asks its questions in a terminal"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_note_on_stopping_fits_a_40_column_terminal_and_keeps_the_command_whole() {
    for (lang, says) in [("en", "Continue with:"), ("id", "dengan:")] {
        let dir = temp_dir();
        let save = dir.path().join("s.toml");
        let save_arg = save.display().to_string();
        let mut pty = Pty::spawn_at(40, 30, &["--lang", lang, "assess", "--save", &save_arg]);
        pty.answer("? [1/≈", &[DOWN, ENTER]);
        pty.expect("? [2/≈");
        pty.send(CTRL_C);
        pty.expect(says);
        pty.expect("--resume");
        pty.settle();
        // The sentence is wrapped inside the edge (a path is as long as it is), and the
        // command starts a line of its own, so the terminal never cuts "etika" in two.
        let rows = pty.rows();
        let said = rows
            .iter()
            .position(|r| r.trim_end().ends_with(says))
            .unwrap_or_else(|| panic!("{}", rows.join("\n")));
        assert!(
            rows[said].trim_end().chars().count() < 40,
            "{}",
            rows.join("\n")
        );
        assert!(
            rows[said + 1].starts_with("  etika assess --resume"),
            "{}",
            rows.join("\n")
        );
        assert_eq!(pty.finish().0, 130);
    }
}
