//! The interactive questionnaire in a real pseudo-terminal (expectrl), driving inquire's
//! prompts with keys: a full run to the report, Esc and Ctrl-C, changing an answer at the
//! review, and yes/no in Indonesian.
//!
//! inquire redraws with escape codes, so the screen text is read with the codes stripped and
//! matched on short distinctive pieces. Every wait has a deadline, so a test fails rather than
//! hangs, and the child is killed when the session is dropped. A sized terminal is sized before
//! etika starts, and never resized.

use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;

use crate::util::{VOLATILE_ENV, fixture_pack};

pub(crate) const TIMEOUT: Duration = Duration::from_secs(30);
/// The longest wait for the screen to answer a key that may change nothing.
const REDRAW: Duration = Duration::from_millis(500);

pub(crate) const ENTER: &str = "\r";
pub(crate) const ESC: &str = "\x1b";
pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const SPACE: &str = " ";
pub(crate) const CTRL_C: &str = "\x03";
pub(crate) const BACKSPACE: &str = "\x7f";

/// Remove terminal escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC \`)
/// and two-byte escapes; carriage returns go too, so text reads as it was written.
pub fn strip_ansi(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x1b => {
                i += 1;
                match bytes.get(i) {
                    Some(b'[') => {
                        i += 1;
                        // Parameter and intermediate bytes, then one final byte.
                        while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                            i += 1;
                        }
                        i += 1;
                    }
                    Some(b']') => {
                        while i < bytes.len() && bytes[i] != 0x07 {
                            if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'\\') {
                                i += 1;
                                break;
                            }
                            i += 1;
                        }
                        i += 1;
                    }
                    Some(_) => i += 1,
                    None => {}
                }
            }
            b'\r' => i += 1,
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    // A read may end inside a character: leave its first bytes for the next look, so the
    // text only ever grows at its end.
    if let Err(e) = std::str::from_utf8(&out)
        && e.error_len().is_none()
    {
        out.truncate(e.valid_up_to());
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn stripper_removes_colour_cursor_and_title_sequences() {
    let raw = b"\x1b[1;31mred\x1b[0m \x1b[?25lhidden\x1b[2K\x1b[1G cursor\x1b]0;title\x07 done\r\n";
    assert_eq!(strip_ansi(raw), "red hidden cursor done\n");
    // Half a character or half a sequence at the end is left for later.
    assert_eq!(strip_ansi(b"ok \xe2\x9c"), "ok ");
    assert_eq!(strip_ansi(b"ok \x1b[1;3"), "ok ");
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An `etika` session in a pseudo-terminal, with everything it has drawn so far.
pub(crate) struct Pty {
    session: OsSession,
    raw: Vec<u8>,
    /// How much of the stripped screen text has been matched already.
    seen: usize,
    /// Columns and rows, when the test set them.
    size: Option<(u16, u16)>,
}

impl Pty {
    pub(crate) fn spawn(args: &[&str]) -> Pty {
        Pty::spawn_sized(None, &[], args)
    }

    /// `etika` on a terminal of `cols` × `rows`: the size is set on the terminal before etika
    /// starts, so it is the size etika reads.
    pub(crate) fn spawn_at(cols: u16, rows: u16, args: &[&str]) -> Pty {
        Pty::spawn_sized(Some((cols, rows)), &[], args)
    }

    /// Sized, with variables of the environment set.
    pub(crate) fn spawn_sized(
        size: Option<(u16, u16)>,
        env: &[(&str, Option<&str>)],
        args: &[&str],
    ) -> Pty {
        Pty::spawn_with(&fixture_pack(), size, env, args)
    }

    /// On the rule pack in `pack`, sized, with variables of the environment set.
    pub(crate) fn spawn_with(
        pack: &std::path::Path,
        size: Option<(u16, u16)>,
        env: &[(&str, Option<&str>)],
        args: &[&str],
    ) -> Pty {
        let etika = env!("CARGO_BIN_EXE_etika");
        let mut cmd = match size {
            None => Command::new(etika),
            Some(_) => {
                // The pty library sets 80 × 24 from this side once the shell has started,
                // which could undo a size the shell set itself; so the shell waits for a line
                // sent after the size is set here, then becomes etika.
                let mut sh = Command::new("sh");
                sh.arg("-c")
                    .arg("read -r _ && exec \"$0\" \"$@\"")
                    .arg(etika);
                sh
            }
        };
        for var in VOLATILE_ENV {
            cmd.env_remove(var);
        }
        cmd.env("TERM", "xterm-256color");
        // Reports are paged on a terminal; the pager has its own test.
        cmd.env("ETIKA_PAGER", "");
        for (k, v) in env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        cmd.arg("--rules").arg(pack);
        cmd.args(args);
        let mut session = Session::spawn(cmd).expect("spawn etika in a pty");
        // `expect` below has its own deadline; this bounds expectrl's own waits as well.
        session.set_expect_timeout(Some(TIMEOUT));
        if let Some((cols, rows)) = size {
            session
                .get_process_mut()
                .set_window_size(cols, rows)
                .expect("size the terminal");
            use std::io::Write as _;
            session.write_all(b"\n").expect("let etika start");
            session.flush().expect("let etika start");
        }
        Pty {
            session,
            raw: Vec::new(),
            seen: 0,
            size,
        }
    }

    /// `etika ARGS` run by a shell that runs `around` (say `stty -a`) on the same terminal
    /// before etika, then prints `etika:` and runs etika, then prints `code=N` with its exit
    /// code and runs `around` again.
    pub(crate) fn spawn_around(around: &str, args: &[&str]) -> Pty {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "{around}; echo etika:; \"$0\" \"$@\"; echo \"code=$?\"; {around}"
            ))
            .arg(env!("CARGO_BIN_EXE_etika"));
        for var in VOLATILE_ENV {
            cmd.env_remove(var);
        }
        cmd.env("TERM", "xterm-256color").env("ETIKA_PAGER", "");
        cmd.arg("--rules").arg(fixture_pack());
        cmd.args(args);
        let mut session = Session::spawn(cmd).expect("spawn etika in a pty");
        session.set_expect_timeout(Some(TIMEOUT));
        Pty {
            session,
            raw: Vec::new(),
            seen: 0,
            size: None,
        }
    }

    /// The process id of the shell or etika this terminal runs.
    pub(crate) fn pid(&self) -> u32 {
        self.session.get_process().pid().as_raw() as u32
    }

    /// What a terminal of this size shows now.
    fn terminal(&self) -> vt100::Parser {
        let (cols, rows) = self.size.expect("a sized terminal");
        let mut vt = vt100::Parser::new(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("columns"),
            0,
        );
        // The terminal turns a bare line feed into CR LF; so does this one.
        let raw: Vec<u8> = self
            .raw
            .iter()
            .flat_map(|&b| {
                if b == b'\n' {
                    vec![b'\r', b'\n']
                } else {
                    vec![b]
                }
            })
            .collect();
        vt.process(&raw);
        vt
    }

    /// The rows of the screen as a terminal of this size shows them now.
    pub(crate) fn rows(&self) -> Vec<String> {
        let cols = self.size.expect("a sized terminal").0;
        self.terminal().screen().rows(0, cols).collect()
    }

    /// Nothing reaches the last column of the screen. etika wraps every line of the interview
    /// at word boundaries one column short of the edge, so a character there is text that ran
    /// past its wrapping, which the terminal cuts wherever the edge falls, mid-word or not. Nor
    /// is a word split at its hyphen.
    pub(crate) fn assert_inside_the_edge(&self, when: &str) {
        let (cols, _) = self.size.expect("a sized terminal");
        let vt = self.terminal();
        let screen = vt.screen();
        let lines: Vec<String> = screen.rows(0, cols).collect();
        for r in 0..lines.len() {
            let last = screen
                .cell(r as u16, cols - 1)
                .map(|c| c.contents())
                .unwrap_or_default();
            assert!(
                last.trim().is_empty(),
                "at {cols} columns, {when}: row {r} runs into the last column and on:\n{}",
                lines.join("\n")
            );
            // Nor is a word split at its hyphen ("Ctrl-" / "C stops").
            let row = lines[r].trim_end();
            let split = row.ends_with('-')
                && row.chars().rev().nth(1).is_some_and(char::is_alphanumeric)
                && lines
                    .get(r + 1)
                    .and_then(|next| next.chars().next())
                    .is_some_and(char::is_alphanumeric);
            assert!(
                !split,
                "at {cols} columns, {when}: a word is split at its hyphen on row {r}:\n{}",
                lines.join("\n")
            );
        }
    }

    /// Wait until the screen has been still for a moment, so that what is looked at is a
    /// whole drawing, not one caught halfway.
    pub(crate) fn settle(&mut self) {
        let start = Instant::now();
        let mut last = (self.raw.len(), Instant::now());
        while start.elapsed() < TIMEOUT {
            if self.pump() {
                return;
            }
            if self.raw.len() != last.0 {
                last = (self.raw.len(), Instant::now());
            } else if last.1.elapsed() > Duration::from_millis(200) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Read what is there without blocking; true at the end of output.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 4096];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return true,
                Ok(n) => self.raw.extend_from_slice(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return false,
                // Linux gives EIO on the master once the child has closed the terminal.
                Err(_) => return true,
            }
        }
    }

    /// Every byte etika has written so far, escape codes and all.
    pub(crate) fn raw(&self) -> &[u8] {
        &self.raw
    }

    pub(crate) fn screen(&self) -> String {
        strip_ansi(&self.raw)
    }

    /// The screen text without white space: prompts are wrapped (by etika at word boundaries,
    /// by inquire at the terminal's 80 columns, even inside a word), and a needle must match
    /// wherever those breaks fall.
    fn squashed(&self) -> String {
        squash(&self.screen())
    }

    /// Wait until `needle` appears after what was matched before.
    pub(crate) fn expect(&mut self, needle: &str) {
        let start = Instant::now();
        loop {
            let eof = self.pump();
            let text = self.squashed();
            let wanted = squash(needle);
            if let Some(at) = text.get(self.seen..).and_then(|t| t.find(&wanted)) {
                self.seen += at + wanted.len();
                return;
            }
            if eof || start.elapsed() > TIMEOUT {
                panic!(
                    "`{needle}` did not appear ({}); the screen so far:\n{}",
                    if eof { "end of output" } else { "timed out" },
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn write(&mut self, keys: &str) {
        use std::io::Write as _;
        self.session.write_all(keys.as_bytes()).expect("send keys");
        self.session.flush().expect("flush keys");
    }

    /// Press one key and wait until the screen answers it (etika redraws on every key), so
    /// that the next key is read on its own: an Esc followed at once by another key would be
    /// read as one escape sequence. A key that changes nothing on the screen is waited for
    /// briefly.
    pub(crate) fn send(&mut self, key: &str) {
        let before = self.raw.len();
        self.write(key);
        let start = Instant::now();
        while start.elapsed() < REDRAW {
            if self.pump() || self.raw.len() > before {
                return;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Wait for a prompt, then answer it, key by key.
    pub(crate) fn answer(&mut self, prompt: &str, keys: &[&str]) {
        self.expect(prompt);
        for k in keys {
            self.send(k);
        }
    }

    /// Stop with Ctrl-C, discard the answers given, and expect etika to end with 130.
    pub(crate) fn discard_and_stop(mut self) {
        self.send(CTRL_C);
        self.send("y");
        self.send(ENTER);
        let (code, screen) = self.finish();
        assert_eq!(code, 130, "{screen}");
    }

    /// Read to the end of output and return the exit code.
    pub(crate) fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        while !self.pump() {
            assert!(
                start.elapsed() < TIMEOUT,
                "etika did not finish; the screen so far:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let code = loop {
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => break code,
                Ok(WaitStatus::StillAlive) | Ok(WaitStatus::Continued(_)) => {}
                Ok(other) => panic!("etika ended with {other:?}:\n{}", self.screen()),
                Err(e) => panic!("cannot get etika's status: {e}"),
            }
            assert!(start.elapsed() < TIMEOUT, "etika did not exit");
            std::thread::sleep(Duration::from_millis(10));
        };
        (code, self.screen())
    }
}

/// The threat-to-life answers, typed: an adult threatens an identifiable person, soon, and
/// asks for secrecy; `imminent` is the answer to "could the harm happen soon".
pub(crate) fn answer_threat_case(pty: &mut Pty, imminent: &str) {
    // After each choice, the answered prompt ("✔ [n] …") must show the chosen label; waiting
    // for the mark first skips the option list drawn before it.
    pty.answer("How old is the client?", &[DOWN, ENTER]);
    pty.expect("✔ [1/");
    pty.expect("How old is the client? → 18 to 59");
    pty.answer("What does this situation involve?", &[SPACE, ENTER]);
    pty.expect("✔ [2/");
    pty.expect("What does this situation involve? (choose all that apply) → The client threatens someone else");
    pty.answer(
        "Is anyone's life or physical safety seriously at risk?",
        &["y", ENTER],
    );
    pty.expect("✔ [3/");
    pty.expect("Is anyone's life or physical safety seriously at risk? → yes");
    pty.answer("Who is at risk?", &[DOWN, ENTER]);
    pty.expect("✔ [4/");
    pty.expect("Who is at risk? → A particular, identifiable person");
    pty.answer("Could the harm happen soon", &[imminent, ENTER]);
    pty.answer(
        "Has the client asked you to keep this to yourself?",
        &["y", ENTER],
    );
    pty.answer(
        "Did you explain the limits of confidentiality",
        &["n", ENTER],
    );
    pty.answer("Are you a student on placement", &["n", ENTER]);
}

#[test]
fn full_run_answers_every_prompt_and_prints_the_report() {
    let mut pty = Pty::spawn(&["--lang", "en", "--width", "100", "assess"]);
    pty.expect("do not type names");
    answer_threat_case(&mut pty, "y");
    pty.expect("Review your answers");
    pty.answer("Done, show the report", &[ENTER]);
    pty.expect("BINDING DUTIES");
    // Table cells wrap: match the start of each title.
    pty.expect("Prevent serious harm even");
    pty.expect("Help a person whose");
    pty.expect("RECOMMENDED COURSE OF ACTION");
    pty.expect("it is not legal advice");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    // The help of each question is shown at its prompt.
    assert!(
        screen.contains("Protection of life comes before other duties"),
        "{screen}"
    );
}

#[test]
fn esc_at_the_first_prompt_cancels_with_130() {
    let mut pty = Pty::spawn(&["--lang", "en", "assess"]);
    pty.answer("How old is the client?", &[ESC]);
    pty.expect("cancelled");
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(!screen.contains("BINDING DUTIES"), "no report:\n{screen}");
}

#[test]
fn ctrl_c_at_a_later_prompt_asks_before_discarding_then_cancels_with_130() {
    let mut pty = Pty::spawn(&["--lang", "en", "assess"]);
    pty.answer("How old is the client?", &[ENTER]);
    pty.answer("What does this situation involve?", &[SPACE, ENTER]);
    pty.answer(
        "Is anyone's life or physical safety seriously at risk?",
        &[CTRL_C],
    );
    pty.answer("Discard 2 answer(s) and stop? (y/N)", &["y", ENTER]);
    pty.expect("cancelled");
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
}

#[test]
fn ctrl_c_keeps_the_saved_answers_and_says_how_to_resume() {
    let dir = crate::util::temp_dir();
    let save = dir.path().join("session.toml");
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn(&["--lang", "en", "assess", "--save", &save_arg]);
    pty.answer("How old is the client?", &[DOWN, ENTER]);
    pty.answer("What does this situation involve?", &[SPACE, ENTER]);
    pty.answer(
        "Is anyone's life or physical safety seriously at risk?",
        &[CTRL_C],
    );
    pty.expect("--resume");
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
    let saved = std::fs::read_to_string(&save).expect("the session was saved");
    assert!(saved.contains("client_age = \"adult\""), "{saved}");
    assert!(
        saved.contains("situation = [\"harm_to_others\"]"),
        "{saved}"
    );
    assert!(!saved.contains("harm_risk"), "not answered yet:\n{saved}");
}

#[test]
fn changing_an_answer_at_the_review_changes_the_report() {
    let mut pty = Pty::spawn(&["--lang", "en", "--width", "100", "assess"]);
    // Not imminent: the duty to warn does not bind yet.
    answer_threat_case(&mut pty, "n");
    pty.expect("Review your answers");
    pty.expect("Could the harm happen soon (within days)? → no");
    // Done, age, situation, risk, target, then "could the harm happen soon": five down.
    pty.send(DOWN);
    for _ in 0..4 {
        pty.send(DOWN);
    }
    pty.send(ENTER);
    pty.answer("Could the harm happen soon", &["y", ENTER]);
    pty.expect("Review your answers");
    pty.expect("Done, show the report");
    pty.expect("Could the harm happen soon (within days)? → yes");
    // The cursor starts on "Done".
    pty.send(ENTER);
    pty.expect("BINDING DUTIES");
    pty.expect("Prevent serious harm even when the client asks for secrecy");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    let report = &screen[screen.rfind("Ethical assessment").expect("a report")..];
    // In the table the reason wraps inside its cell: match the end of it.
    assert!(
        report.contains("(within days)? → yes"),
        "the report shows the changed answer:\n{report}"
    );
    assert!(!report.contains("No binding duty applies."), "{report}");
}

#[test]
fn indonesian_yes_no_accepts_ya_and_tidak() {
    let mut pty = Pty::spawn(&["--lang", "id", "--width", "100", "assess"]);
    pty.expect("jangan mengetik nama");
    pty.answer("Berapa usia klien?", &[DOWN, ENTER]);
    pty.answer("Apa saja yang menyangkut situasi ini?", &[SPACE, ENTER]);
    pty.answer(
        "Apakah nyawa atau keselamatan seseorang sedang terancam serius?",
        &["tidak", ENTER],
    );
    pty.answer(
        "Apakah klien meminta Anda merahasiakan hal ini?",
        &["ya", ENTER],
    );
    pty.answer(
        "Apakah batas kerahasiaan sudah Anda jelaskan",
        &["tidak", ENTER],
    );
    pty.expect("Periksa jawaban Anda");
    pty.expect("Selesai, tampilkan hasil");
    pty.expect("Apakah klien meminta Anda merahasiakan hal ini? → ya");
    pty.send(ENTER);
    pty.expect("KEWAJIBAN YANG BERLAKU");
    pty.expect("Menjaga kerahasiaan");
    // Table cells wrap: match the start of the title.
    pty.expect("Memberi tahu batas");
    pty.expect("bukan nasihat hukum");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    // Nothing binds here: the verdict says so, and there is no binding section.
    assert!(!screen.contains("KEWAJIBAN YANG MENGIKAT"), "{screen}");
    assert!(screen.contains("RINGKASNYA"), "{screen}");
}

#[test]
fn indonesian_yes_no_rejects_other_words_and_asks_again() {
    let mut pty = Pty::spawn(&["--lang", "id", "assess"]);
    pty.answer("Berapa usia klien?", &[ENTER]);
    pty.answer("Apa saja yang menyangkut situasi ini?", &[SPACE, ENTER]);
    pty.answer(
        "Apakah nyawa atau keselamatan seseorang sedang terancam serius?",
        &["mungkin", ENTER],
    );
    pty.expect("Jawab y (ya) atau t (tidak)");
    pty.send(CTRL_C);
    pty.answer("Buang 2 jawaban dan berhenti? (y/T)", &["y", ENTER]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
}

#[test]
fn a_list_question_asks_again_when_nothing_is_ticked() {
    let mut pty = Pty::spawn(&["--lang", "en", "assess"]);
    pty.answer("How old is the client?", &[ENTER]);
    // Enter does not tick; with nothing ticked the question is asked again, with the keys.
    pty.answer("What does this situation involve?", &[ENTER]);
    pty.expect("Tick at least one with Space, then press Enter");
    pty.send(SPACE);
    pty.send(ENTER);
    pty.expect("Is anyone's life or physical safety seriously at risk?");
    pty.send(CTRL_C);
    pty.answer("Discard 2 answer(s)", &["y", ENTER]);
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
}

#[test]
fn none_of_these_is_offered_and_the_report_says_what_it_does_not_cover() {
    let mut pty = Pty::spawn(&["--lang", "en", "--width", "100", "--no-pager", "assess"]);
    // Every choice question offers "None of these", last.
    pty.expect("How old is the client?");
    pty.expect("4. None of these");
    pty.send(DOWN);
    pty.send(ENTER);
    pty.expect("How old is the client? → 18 to 59");
    // Typing filters the list to the row; Space ticks it (and clears the filter, so a
    // filter is a word or a number: a space typed in it is a tick).
    pty.answer("What does this situation involve?", &["none", SPACE, ENTER]);
    pty.expect("What does this situation involve? (choose all that apply) → None of these");
    pty.answer(
        "Is anyone's life or physical safety seriously at risk?",
        &["n", ENTER],
    );
    pty.answer(
        "Has the client asked you to keep this to yourself?",
        &["n", ENTER],
    );
    pty.expect("Review your answers");
    pty.answer("Done, show the report", &[ENTER]);
    pty.expect("Outside what this pack covers");
    pty.expect("NOT COVERED");
    pty.expect("What does this situation involve?");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("Talk to your supervisor today"), "{screen}");
}

/// The threat case by position, in any language: each prompt is known by its progress mark.
/// "Could the harm happen soon?" is answered "?" (not sure yet). After each prompt appears,
/// nothing on the screen may run past the edge, where the terminal would cut it mid-word.
fn threat_case_with_a_not_sure(pty: &mut Pty) {
    let keys: [&[&str]; 8] = [
        &[DOWN, ENTER],  // age: 18 to 59
        &[SPACE, ENTER], // situation: the client threatens someone else
        &["y", ENTER],   // life at risk
        &[DOWN, ENTER],  // an identifiable person
        &["?", ENTER],   // soon? not sure yet
        &["y", ENTER],   // asks for secrecy
        &["n", ENTER],   // limits not explained
        &["n", ENTER],   // not a student
    ];
    for (i, k) in keys.iter().enumerate() {
        let mark = format!("? [{}/≈", i + 1);
        pty.expect(&mark);
        // Let the whole prompt be drawn before looking at it.
        pty.settle();
        pty.assert_inside_the_edge(&format!("at question {}", i + 1));
        for key in *k {
            pty.send(key);
        }
    }
}

#[test]
fn at_40_and_100_columns_in_both_languages_no_line_runs_past_the_edge_to_be_cut() {
    for (cols, rows) in [(40u16, 30u16), (100, 30)] {
        for (lang, review, unsure, heading) in [
            (
                "en",
                "Review your answers",
                "not sure yet",
                "RECOMMENDED COURSE OF ACTION",
            ),
            (
                "id",
                "Periksa jawaban Anda",
                "belum tahu",
                "LANGKAH YANG DISARANKAN",
            ),
        ] {
            let mut pty = Pty::spawn_at(cols, rows, &["--lang", lang, "assess"]);
            threat_case_with_a_not_sure(&mut pty);
            pty.expect(review);
            pty.settle();
            pty.assert_inside_the_edge("at the review");
            let review_screen = pty.rows().join("\n");
            assert!(
                review_screen.contains(unsure),
                "{lang} at {cols}: the review shows the unsure answer:\n{review_screen}"
            );
            pty.send(ENTER);
            pty.expect(heading);
            let (code, screen) = pty.finish();
            assert_eq!(code, 0, "{screen}");
            // The unsure answer became a step to find it out.
            let flat: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
            let find = if lang == "en" {
                "? Find out: Ask the client"
            } else {
                "? Cari tahu:"
            };
            assert!(flat.contains(find), "{lang} at {cols}:\n{screen}");
        }
    }
}

#[test]
fn progress_counts_up_and_its_estimate_follows_the_answers() {
    let mut pty = Pty::spawn_at(100, 40, &["--lang", "en", "assess"]);
    let estimate = |pty: &Pty, n: usize| -> usize {
        let screen = pty.screen();
        let mark = format!("[{n}/≈");
        let at = screen.rfind(&mark).expect("the progress mark") + mark.len();
        screen[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a number")
    };
    pty.answer("[1/≈", &[DOWN, ENTER]);
    let first = estimate(&pty, 1);
    pty.answer("[2/≈", &[SPACE, ENTER]);
    pty.answer("[3/≈", &["y", ENTER]);
    pty.expect("[4/≈");
    let later = estimate(&pty, 4);
    // The threat case asks 8 questions: the estimate starts near that, where counting only
    // the questions asked of everyone gave 4, and stays near it as the answers come in.
    assert!(
        (6..=10).contains(&first),
        "the estimate at the first question: ≈{first}"
    );
    assert!((6..=10).contains(&later), "≈{first} then ≈{later}");
    pty.send(CTRL_C);
    pty.answer("Discard 3 answer(s) and stop? (y/N)", &["y", ENTER]);
    let (code, _) = pty.finish();
    assert_eq!(code, 130);
}

#[test]
fn esc_goes_back_one_question_keeping_the_answer_given() {
    let mut pty = Pty::spawn_at(100, 40, &["--lang", "en", "assess"]);
    pty.answer("How old is the client?", &[DOWN, ENTER]);
    pty.answer("What does this situation involve?", &[SPACE, ENTER]);
    pty.answer(
        "Is anyone's life or physical safety seriously at risk?",
        &[ESC],
    );
    // Back at the list, with its tick still there: Enter keeps it.
    pty.expect("[2/≈");
    pty.expect("[x] 1. The client threatens someone else");
    pty.send(ENTER);
    pty.expect("The client threatens someone else");
    pty.answer(
        "Is anyone's life or physical safety seriously at risk?",
        &["n", ENTER],
    );
    pty.answer(
        "Has the client asked you to keep this to yourself?",
        &[CTRL_C],
    );
    pty.answer("Discard 3 answer(s)", &["y", ENTER]);
    let (code, _) = pty.finish();
    assert_eq!(code, 130);
}

#[test]
fn esc_on_a_question_picked_at_the_review_returns_to_the_review() {
    let mut pty = Pty::spawn_at(100, 40, &["--lang", "en", "assess"]);
    answer_threat_case(&mut pty, "n");
    pty.expect("Review your answers");
    // Done, then "How old is the client?": pick it, then Esc.
    pty.send(DOWN);
    pty.send(ENTER);
    pty.answer("How old is the client?", &[ESC]);
    pty.expect("Review your answers");
    pty.expect("Done, show the report");
    pty.send(ENTER);
    pty.expect("RECOMMENDED COURSE OF ACTION");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    // The review was shown again, and the question was never answered a second time.
    assert!(
        screen.matches("Review your answers").count() >= 2,
        "{screen}"
    );
    assert_eq!(screen.matches("✔ [1/").count(), 1, "{screen}");
}

#[test]
fn yes_no_prompts_name_their_keys_in_the_chosen_language() {
    for (lang, plain, with_unsure, answers) in [
        (
            "en",
            "(y/n, Enter)",
            "(y/n or ? (not sure), Enter)",
            "Discard 4 answer(s)",
        ),
        (
            "id",
            "(y/t, Enter)",
            "(y/t atau ? (belum tahu), Enter)",
            "Buang 4 jawaban",
        ),
    ] {
        let mut pty = Pty::spawn_at(100, 40, &["--lang", lang, "assess"]);
        pty.answer("[1/≈", &[DOWN, ENTER]);
        pty.answer("[2/≈", &[SPACE, ENTER]);
        pty.expect(plain);
        pty.send("y");
        pty.send(ENTER);
        pty.answer("[4/≈", &[DOWN, ENTER]);
        pty.expect(with_unsure);
        pty.send(CTRL_C);
        pty.answer(answers, &["y", ENTER]);
        let (code, _) = pty.finish();
        assert_eq!(code, 130);
    }
}

#[test]
fn a_long_list_is_as_tall_as_the_terminal_allows() {
    // The situation list has 16 options: a tall terminal shows them all, a short one a page.
    let shown = |rows: u16| -> usize {
        let mut pty = Pty::spawn_at(100, rows, &["--lang", "en", "assess"]);
        pty.answer("How old is the client?", &[DOWN, ENTER]);
        pty.expect("What does this situation involve?");
        pty.expect("Esc back)");
        pty.settle();
        let n = pty
            .rows()
            .iter()
            .filter(|r| r.trim_start_matches(['>', ' ']).starts_with("[ ]"))
            .count();
        pty.send(CTRL_C);
        pty.answer("Discard 1 answer(s)", &["y", ENTER]);
        pty.finish();
        n
    };
    // Sixteen options and "None of these".
    assert_eq!(shown(50), 17);
    let short = shown(16);
    assert!((3..16).contains(&short), "{short} options at 16 rows");
}

#[test]
fn a_filter_that_matches_nothing_says_so() {
    let mut pty = Pty::spawn_at(100, 40, &["--lang", "en", "assess"]);
    pty.expect("How old is the client?");
    for key in ["z", "q", "x"] {
        pty.send(key);
    }
    pty.expect("nothing matches; delete the filter with Backspace");
    // Cleared, the list is whole again and an answer can be chosen.
    for _ in 0..3 {
        pty.send(BACKSPACE);
    }
    pty.send(ENTER);
    // A list to tick says so too, and its message is never an answer.
    pty.expect("What does this situation involve?");
    for key in ["z", "q", "x"] {
        pty.send(key);
    }
    pty.expect("nothing matches; delete the filter with Backspace");
    pty.send(SPACE);
    pty.send(ENTER);
    pty.expect("Tick at least one");
    for _ in 0..3 {
        pty.send(BACKSPACE);
    }
    pty.send(SPACE);
    pty.send(ENTER);
    pty.expect("Is anyone's life or physical safety seriously at risk?");
    pty.send(CTRL_C);
    pty.expect("Discard");
    pty.send("y");
    pty.send(ENTER);
    let (code, _) = pty.finish();
    assert_eq!(code, 130);
}

/// A pager that says it was used and how many lines it was given.
fn fake_pager(dir: &std::path::Path) -> String {
    let path = dir.join("pager.sh");
    std::fs::write(
        &path,
        "#!/bin/sh\nprintf 'PAGED %s lines\\n' \"$(wc -l | tr -d ' ')\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

#[test]
fn a_report_taller_than_the_terminal_is_paged_unless_told_not_to() {
    let dir = crate::util::temp_dir();
    let pager = fake_pager(dir.path());
    let answers = crate::util::write(dir.path(), "a.toml", crate::util::THREAT_TO_LIFE);
    let answers = answers.display().to_string();
    let args = ["--lang", "en", "assess", "--answers", answers.as_str()];
    // 20 rows: the report is taller, so it goes through the pager, all of it.
    let mut pty = Pty::spawn_sized(Some((100, 20)), &[("ETIKA_PAGER", Some(&pager))], &args);
    pty.expect("PAGED");
    let (code, screen) = pty.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        !screen.contains("RECOMMENDED COURSE"),
        "only the pager writes:\n{screen}"
    );
    let lines: usize = screen
        .split("PAGED ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(
        lines > 20,
        "the whole report went to the pager: {lines} lines"
    );
    // $PAGER is used when ETIKA_PAGER is not set; an empty ETIKA_PAGER turns paging off.
    let mut pty = Pty::spawn_sized(
        Some((100, 20)),
        &[("ETIKA_PAGER", None), ("PAGER", Some(&pager))],
        &args,
    );
    pty.expect("PAGED");
    pty.finish();
    let mut pty = Pty::spawn_sized(
        Some((100, 20)),
        &[("ETIKA_PAGER", Some("")), ("PAGER", Some(&pager))],
        &args,
    );
    pty.expect("RECOMMENDED COURSE");
    let (_, screen) = pty.finish();
    assert!(!screen.contains("PAGED"), "{screen}");
    // --no-pager, or a terminal tall enough: straight to the terminal.
    for (rows, extra) in [(20u16, Some("--no-pager")), (200, None)] {
        let mut args = args.to_vec();
        args.extend(extra);
        let mut pty = Pty::spawn_sized(Some((100, rows)), &[("ETIKA_PAGER", Some(&pager))], &args);
        pty.expect("RECOMMENDED COURSE");
        let (code, screen) = pty.finish();
        assert_eq!(code, 0);
        assert!(
            !screen.contains("PAGED"),
            "{rows} rows {extra:?}:\n{screen}"
        );
    }
}

#[test]
fn one_enter_on_a_question_revisited_keeps_its_answer_whatever_its_kind_in_both_languages() {
    for (lang, review, age, cancelled) in [
        (
            "en",
            "Review your answers",
            "How old is the client? → 18 to 59",
            "canceled",
        ),
        (
            "id",
            "Periksa jawaban Anda",
            "Berapa usia klien? → 18 sampai 59 tahun",
            "canceled",
        ),
    ] {
        let dir = crate::util::temp_dir();
        let save = dir.path().join("s.toml");
        let save_arg = save.display().to_string();
        let mut pty = Pty::spawn_at(100, 40, &["--lang", lang, "assess", "--save", &save_arg]);
        // Esc from a list to tick back to a list to choose from: Enter keeps its answer.
        pty.answer("? [1/≈", &[DOWN, ENTER]);
        pty.answer("? [2/≈", &[ESC]);
        pty.answer("? [1/≈", &[ENTER]);
        pty.expect(age);
        pty.answer("? [2/≈", &[SPACE, ENTER]);
        // And from a yes/no question back to one.
        pty.answer("? [3/≈", &["y", ENTER]);
        pty.answer("? [4/≈", &[ESC]);
        pty.answer("? [3/≈", &[ENTER]);
        pty.answer("? [4/≈", &[DOWN, ENTER]);
        for (n, keys) in [
            (5, &["?", ENTER][..]),
            (6, &["y", ENTER]),
            (7, &["n", ENTER]),
            (8, &["n", ENTER]),
        ] {
            pty.answer(&format!("? [{n}/≈"), keys);
        }
        pty.expect(review);
        pty.settle();
        let first = std::fs::read_to_string(&save).expect("saved");
        // Every answer, one after the other: picked from the review, then Enter alone.
        for k in 1..=8 {
            for _ in 0..k {
                pty.send(DOWN);
            }
            pty.send(ENTER);
            pty.expect(&format!("? [{k}/≈"));
            pty.settle();
            pty.send(ENTER);
            pty.expect(review);
            pty.settle();
            let now = std::fs::read_to_string(&save).expect("saved");
            assert_eq!(now, first, "{lang}: question {k} changed by one Enter");
        }
        pty.send(ENTER);
        let (code, screen) = pty.finish();
        assert_eq!(code, 0, "{screen}");
        assert!(!screen.contains(cancelled), "no <canceled> mark:\n{screen}");
        assert!(first.contains("client_age = \"adult\""), "{first}");
        assert!(first.contains("harm_imminent = \"unsure\""), "{first}");
        assert!(first.contains("harm_target = "), "{first}");
    }
}

#[test]
fn a_single_y_n_or_t_typed_at_a_list_chooses_nothing_until_enter_on_the_row_shown() {
    for (lang, note, echo) in [
        (
            "en",
            "only filters this list",
            "How old is the client? → 18 to 59",
        ),
        (
            "id",
            "hanya menyaring daftar ini",
            "Berapa usia klien? → 18 sampai 59 tahun",
        ),
    ] {
        let mut pty = Pty::spawn_at(100, 40, &["--lang", lang, "assess"]);
        pty.answer("? [1/≈", &[DOWN, "t", ENTER]);
        // Asked again, with the row it would have chosen under the cursor, and why.
        pty.expect(note);
        pty.settle();
        let rows = pty.rows().join("\n");
        assert!(rows.contains("> "), "the chosen row is marked:\n{rows}");
        pty.send(ENTER);
        pty.expect(echo);
        pty.answer("? [2/≈", &[CTRL_C]);
        pty.send("y");
        pty.send(ENTER);
        let (code, _) = pty.finish();
        assert_eq!(code, 130);
    }
}

#[test]
fn a_question_without_not_sure_says_so_when_asked_with_a_question_mark() {
    for (lang, hint) in [
        ("en", "This question has no \"not sure\""),
        ("id", "Pertanyaan ini tidak punya \"belum tahu\""),
    ] {
        let mut pty = Pty::spawn_at(40, 30, &["--lang", lang, "assess"]);
        pty.answer("? [1/≈", &[DOWN, ENTER]);
        pty.answer("? [2/≈", &[SPACE, ENTER]);
        pty.answer("? [3/≈", &["?", ENTER]);
        pty.expect(hint);
        pty.settle();
        pty.assert_inside_the_edge("with the hint");
        pty.discard_and_stop();
    }
}

#[test]
fn space_on_the_nothing_matches_row_ticks_nothing() {
    let mut pty = Pty::spawn_at(100, 40, &["--lang", "en", "assess"]);
    pty.answer("? [1/≈", &[ENTER]);
    pty.expect("What does this situation involve?");
    pty.send("z");
    pty.send("q");
    pty.expect("nothing matches");
    pty.send(SPACE);
    pty.send("z");
    pty.send("q");
    pty.expect("nothing matches");
    pty.settle();
    let rows = pty.rows().join("\n");
    assert!(!rows.contains("[x]"), "nothing is ticked:\n{rows}");
    pty.send(BACKSPACE);
    pty.send(BACKSPACE);
    pty.send(ENTER);
    pty.expect("Tick at least one");
    pty.discard_and_stop();
}

/// The question before discarding answers keeps its default ("(tidak)", "(no)") on its own
/// line at 40 columns, in both languages: nothing runs into the last column.
#[test]
fn the_discard_question_fits_at_40_columns() {
    for (lang, age, discard) in [
        ("id", "Berapa usia klien?", "Buang 1 jawaban"),
        ("en", "How old is the client?", "Discard 1 answer(s)"),
    ] {
        let mut pty = Pty::spawn_at(40, 30, &["--lang", lang, "assess"]);
        pty.answer(age, &[ENTER]);
        pty.expect("[2/≈");
        pty.send(CTRL_C);
        pty.expect(discard);
        pty.settle();
        pty.assert_inside_the_edge(&format!("the discard question ({lang})"));
        pty.send("y");
        pty.send(ENTER);
        let (code, screen) = pty.finish();
        assert_eq!(code, 130, "{screen}");
    }
}

#[test]
fn an_emergency_shows_what_to_do_now_and_the_questions_go_on() {
    // The repository's own pack, resumed at "a life is in danger now"; the danger is named
    // next.
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let meta = std::fs::read_to_string(rules.join("pack.toml")).expect("the pack's own file");
    let edition = meta
        .lines()
        .find(|l| l.starts_with("edition = "))
        .expect("the pack's edition");
    let dir = crate::util::temp_dir();
    let save = dir.path().join("session.toml");
    std::fs::write(
        &save,
        format!("[pack]\nid = \"kode_etik_peksos_id\"\n{edition}\n")
            + "[answers]\n\
         decision = [\"provide_service\"]\n\
         situation = [\"substance_use\"]\n\
         worker_service = \"rehab\"\n\
         client_age = \"adult\"\n\
         client_status = \"current\"\n\
         setting = \"residential\"\n\
         supervisor_reachable = true\n\
         rule_in_play = \"none\"\n\
         asked_by = [\"nobody\"]\n\
         provide_what = [\"arrange\"]\n\
         arrange_what = [\"health_care\"]\n\
         harm_risk = true\n\
         at_risk = [\"client\"]\n\
         harm_from = [\"circumstance\"]\n\
         danger_now = true\n",
    )
    .expect("write the session");
    let save_arg = save.display().to_string();
    let mut pty = Pty::spawn_with(
        &rules,
        None,
        &[],
        &["--lang", "en", "assess", "--resume", &save_arg],
    );
    // The third option: a medical emergency.
    pty.answer("What is the danger right now?", &[DOWN, DOWN, SPACE, ENTER]);
    pty.expect("A life may be in danger. Do this now");
    pty.expect("1. Call 119 or get them to a hospital ER (IGD) now");
    // The questionnaire goes on: poisoning is asked next, and the answers so far are kept.
    pty.answer(
        "Has the person taken an overdose or been poisoned",
        &[CTRL_C],
    );
    let (code, screen) = pty.finish();
    assert_eq!(code, 130, "{screen}");
    let saved = std::fs::read_to_string(&save).expect("the session was saved");
    assert!(saved.contains("danger_kind = [\"medical\"]"), "{saved}");
}
