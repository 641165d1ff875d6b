//! Terminal escape injection: escape sequences in every text of a pack, in the keys and
//! values of answers files, in a student's case and course, in file names and arguments.
//! Nothing etika prints, report or diagnostic, on either stream, carries a control
//! character (colour aside, and only with `--color always`).

use std::path::Path;

use crate::check::*;
use crate::make;
use crate::util::*;

/// Run and check both streams for control characters.
fn clean_run(cmd: &mut assert_cmd::Command, colour: bool) -> std::process::Output {
    let out = cmd.output().unwrap();
    sane(&out);
    no_controls("stdout", &out.stdout, colour);
    no_controls("stderr", &out.stderr, colour);
    out
}

#[test]
fn escapes_in_every_text_of_a_pack_never_reach_the_terminal() {
    let pack = make::escapes_everywhere();
    let out = clean_run(
        etika_with(pack.path()).args(["--lang", "en", "validate"]),
        false,
    );
    assert_eq!(out.status.code(), Some(0), "cleaned, with a warning each");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("control characters"), "{}", head(&err));
    for field in ["pack `edition`", "pack `effective`", "pack `disclaimer`"] {
        assert!(
            err.contains(field),
            "no warning about {field}:\n{}",
            head(&err)
        );
    }
    located(&err, &pack.file("pack.toml"));

    let dir = temp_dir();
    let answers = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let report = dir.path().join("report.md");
    for lang in ["en", "id"] {
        for colour in ["never", "always"] {
            let on = colour == "always";
            let base = |cmd: &mut assert_cmd::Command| {
                cmd.args(["--lang", lang, "--color", colour, "--width", "80"]);
            };
            for format in ["table", "markdown", "json"] {
                let mut cmd = etika_with(pack.path());
                base(&mut cmd);
                cmd.args(["assess", "--format", format, "--answers"])
                    .arg(&answers);
                let out = clean_run(&mut cmd, on);
                assert_eq!(out.status.code(), Some(0));
                let text = String::from_utf8_lossy(&out.stdout);
                // The words are there, only the escapes are gone.
                assert!(text.contains("PWNED"), "{}", head(&text));
                if format == "json" {
                    // JSON would escape them anyway: the words themselves must be clean.
                    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                    no_controls_in_strings(&report);
                    assert!(
                        report["pack"]["edition"]
                            .as_str()
                            .unwrap()
                            .contains("PWNED")
                    );
                }
            }
            for kind in [
                "principles",
                "questions",
                "obligations",
                "tensions",
                "actions",
                "cases",
            ] {
                for format in ["table", "json"] {
                    let mut cmd = etika_with(pack.path());
                    base(&mut cmd);
                    cmd.args(["list", kind, "--format", format]);
                    clean_run(&mut cmd, on);
                }
            }
            for id in [
                "protection_of_life",
                "harm_risk",
                "protect_life_over_secrecy",
                "threat_to_third_party",
            ] {
                let mut cmd = etika_with(pack.path());
                base(&mut cmd);
                clean_run(cmd.args(["show", id]), on);
            }
            let mut cmd = etika_with(pack.path());
            base(&mut cmd);
            clean_run(cmd.args(["test", "--coverage"]), on);
            let mut cmd = etika_with(pack.path());
            base(&mut cmd);
            cmd.args(["practice", "threat_to_third_party", "--answers"])
                .arg(&answers);
            clean_run(&mut cmd, on);
        }
        // The report written to a file is clean too.
        let mut cmd = etika_with(pack.path());
        cmd.args([
            "--lang",
            lang,
            "assess",
            "--format",
            "markdown",
            "--answers",
        ])
        .arg(&answers)
        .arg("--out")
        .arg(&report);
        clean_run(&mut cmd, false);
        no_controls("the report file", &std::fs::read(&report).unwrap(), false);
        std::fs::remove_file(&report).unwrap();
    }
}

/// Every string in a JSON value, decoded, is free of control characters (line breaks aside).
fn no_controls_in_strings(v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => {
            assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
        }
        serde_json::Value::Array(items) => items.iter().for_each(no_controls_in_strings),
        serde_json::Value::Object(map) => map.values().for_each(no_controls_in_strings),
        _ => {}
    }
}

/// An answers file whose keys and values carry escapes, and a newline in a key.
#[test]
fn escapes_in_an_answers_file_are_shown_escaped() {
    let e = make::ESCAPES;
    for text in [
        format!("[answers]\n\"key{e}\" = true\n"),
        "[answers]\n\"two\\nlines\" = true\n".to_string(),
        format!("[answers]\nclient_age = \"{e}\"\n"),
        format!("[answers]\nsituation = [\"{e}\"]\n"),
        format!("[answers]\nharm_risk = \"{e}\"\n"),
        format!("[pack]\nid = \"{e}\"\nedition = \"{e}\"\n\n{THREAT_TO_LIFE}"),
    ] {
        for lang in ["en", "id"] {
            let dir = temp_dir();
            let file = write(dir.path(), "a.toml", &text);
            let mut cmd = etika();
            cmd.args(["--lang", lang, "--color", "never", "assess", "--answers"])
                .arg(&file);
            let out = clean_run(&mut cmd, false);
            let err = String::from_utf8_lossy(&out.stderr);
            if out.status.code() == Some(1) {
                located(&err, &file.display().to_string());
            }
        }
    }
    // The newline in a key is shown as `\n`, on one line.
    let out = assess("[answers]\n\"two\\nlines\" = true\n", &["--lang", "en"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("`two\\nlines`"));
}

/// A student's file naming a case or a course with escapes, and a file whose name has
/// them, graded in a batch: the table of rows is clean.
#[cfg(unix)]
#[test]
fn escapes_in_a_students_case_course_and_file_name_are_shown_escaped() {
    let e = make::ESCAPES;
    let dir = temp_dir();
    let answers = THREAT_TO_LIFE;
    let a = write(dir.path(), "a.toml", &format!("case = \"{e}\"\n{answers}"));
    let b = write(
        dir.path(),
        "b.toml",
        &format!("case = \"threat_to_third_party\"\ncourse = \"{e}\"\n{answers}"),
    );
    let evil_name = "\u{1b}]0;PWNED\u{7}\u{1b}[2J.toml";
    let c = write(
        dir.path(),
        evil_name,
        &format!("case = \"threat_to_third_party\"\n{answers}"),
    );
    let files: [&Path; 3] = [&a, &b, &c];
    for format in ["table", "json"] {
        let mut cmd = etika();
        cmd.args([
            "--lang",
            "en",
            "--color",
            "never",
            "practice",
            "--format",
            format,
            "--answers",
        ])
        .args(files);
        clean_run(&mut cmd, false);
    }
    for file in files {
        let mut cmd = etika();
        cmd.args(["--lang", "en", "practice", "--answers"])
            .arg(file);
        clean_run(&mut cmd, false);
    }
    // And as the name of a report or a pack, and in `--what-if`.
    let out_name = dir.path().join(evil_name.replace(".toml", ".txt"));
    let mut cmd = etika();
    cmd.args(["--lang", "en", "assess", "--answers"])
        .arg(&c)
        .arg("--out")
        .arg(&out_name);
    clean_run(&mut cmd, false);
    let mut cmd = etika_bare();
    cmd.arg("--rules")
        .arg(dir.path().join(evil_name))
        .args(["--lang", "en", "validate"]);
    clean_run(&mut cmd, false);
    for what_if in [format!("harm_risk={e}"), format!("{e}=yes"), e.to_string()] {
        let mut cmd = etika();
        cmd.args(["--lang", "en", "assess", "--answers"])
            .arg(&c)
            .arg("--what-if")
            .arg(
                what_if
                    .replace("\\u001b", "\u{1b}")
                    .replace("\\u0007", "\u{7}"),
            );
        clean_run(&mut cmd, false);
    }
}

/// No link, image, autolink or reference definition in a Markdown text: every `](` closes an
/// escaped bracket, no `<` opens anything, and no line defines a reference.
fn no_live_links(what: &str, text: &str) {
    for (i, _) in text.match_indices("](") {
        assert!(
            text[..i].ends_with('\\'),
            "{what}: a live link or image at byte {i}: {:?}",
            &text[floor_boundary(text, i.saturating_sub(60))
                ..ceil_boundary(text, (i + 40).min(text.len()))]
        );
    }
    assert!(!text.contains("<http"), "{what}: an autolink");
    for line in text.lines() {
        let l = line.trim_start();
        assert!(
            !(l.starts_with('[') && l.contains("]:")),
            "{what}: a reference definition: {line}"
        );
    }
}

#[test]
fn links_and_images_in_a_pack_never_become_live_in_markdown() {
    let pack = make::links_everywhere();
    let dir = temp_dir();
    let answers = write(dir.path(), "a.toml", THREAT_TO_LIFE);
    let student = write(
        dir.path(),
        "s.toml",
        &format!("case = \"threat_to_third_party\"\n{THREAT_TO_LIFE}"),
    );
    let fixture = fixture_pack();
    for lang in ["en", "id"] {
        let runs: [(&str, Vec<&std::ffi::OsStr>); 3] = [
            (
                "assess",
                vec![
                    "assess".as_ref(),
                    "--format".as_ref(),
                    "markdown".as_ref(),
                    "--answers".as_ref(),
                    answers.as_os_str(),
                ],
            ),
            (
                "practice",
                vec![
                    "practice".as_ref(),
                    "--format".as_ref(),
                    "markdown".as_ref(),
                    "--answers".as_ref(),
                    student.as_os_str(),
                ],
            ),
            (
                "diff",
                vec![
                    "diff".as_ref(),
                    fixture.as_os_str(),
                    pack.path().as_os_str(),
                    "--format".as_ref(),
                    "markdown".as_ref(),
                    "--answers".as_ref(),
                    answers.as_os_str(),
                ],
            ),
        ];
        for (name, args) in runs {
            let mut cmd = etika_with(pack.path());
            cmd.args(["--lang", lang]).args(args);
            let out = cmd.output().unwrap();
            sane(&out);
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.contains("click"),
                "{name} --lang {lang}: the words are kept:\n{}",
                head(&text)
            );
            no_live_links(&format!("{name} --lang {lang}"), &text);
        }
    }
}

/// The marks that reorder text: the right-to-left override and its kin. None is a control
/// character to `char::is_control`, so `no_controls` does not see them.
const BIDI: [char; 6] = [
    '\u{202e}', '\u{202d}', '\u{2066}', '\u{2067}', '\u{2069}', '\u{200f}',
];

/// No mark that reorders text in what etika printed.
fn no_bidi(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(at) = text.find(BIDI) {
        let from = floor_boundary(&text, at.saturating_sub(60));
        panic!(
            "{what} holds a mark that reorders text at byte {at}: {:?}",
            &text[from..ceil_boundary(&text, (at + 20).min(text.len()))]
        );
    }
}

/// Run, check that nothing printed carries a control character or a mark that reorders text,
/// and give stderr.
fn bidi_clean(cmd: &mut assert_cmd::Command) -> (std::process::Output, String) {
    let out = clean_run(cmd, false);
    no_bidi("stdout", &out.stdout);
    no_bidi("stderr", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, err)
}

/// The right-to-left override in an answers file's keys and values, in a file's name, in
/// `--what-if`, in a practice case's id and a student's course, in `show`'s id and in a
/// usage error: every message that quotes it shows it as `\u{202e}`.
#[cfg(unix)]
#[test]
fn marks_that_reorder_text_are_shown_escaped_in_every_message() {
    let r = '\u{202e}';
    let dir = temp_dir();
    let d = dir.path();
    let files = [
        write(d, "key.toml", &format!("[answers]\n\"key{r}\" = true\n")),
        write(
            d,
            "one.toml",
            &format!("[answers]\nclient_age = \"x{r}y\"\n"),
        ),
        write(
            d,
            "many.toml",
            &format!("[answers]\nsituation = [\"x{r}y\"]\n"),
        ),
        write(
            d,
            &format!("name{r}.toml"),
            "[answers]\nclient_age = \"nope\"\n",
        ),
    ];
    for lang in ["en", "id"] {
        for file in &files {
            let (out, err) = bidi_clean(
                etika()
                    .args(["--lang", lang, "assess", "--answers"])
                    .arg(file),
            );
            assert_eq!(out.status.code(), Some(1), "{}", head(&err));
            assert!(err.contains("\\u{202e}"), "{}", head(&err));
        }
        let missing = d.join(format!("missing{r}.toml"));
        let (_, err) = bidi_clean(
            etika()
                .args(["--lang", lang, "assess", "--answers"])
                .arg(&missing),
        );
        assert!(err.contains("missing\\u{202e}.toml"), "{}", head(&err));
        let fine = write(d, "fine.toml", THREAT_TO_LIFE);
        for what_if in [
            format!("harm_risk=x{r}y"),
            format!("x{r}y=yes"),
            format!("x{r}y"),
        ] {
            let (out, err) = bidi_clean(
                etika()
                    .args(["--lang", lang, "assess", "--answers"])
                    .arg(&fine)
                    .args(["--what-if", &what_if]),
            );
            assert_eq!(out.status.code(), Some(1), "{}", head(&err));
            assert!(err.contains("x\\u{202e}y"), "{}", head(&err));
        }
        let student = write(
            d,
            "student.toml",
            &format!("case = \"threat_to_third_party\"\ncourse = \"x{r}y\"\n{THREAT_TO_LIFE}"),
        );
        let unnamed = write(d, &format!("unnamed{r}.toml"), THREAT_TO_LIFE);
        for args in [
            vec![
                format!("x{r}y"),
                "--answers".into(),
                fine.display().to_string(),
            ],
            vec!["--answers".into(), student.display().to_string()],
            vec![
                "--answers".into(),
                student.display().to_string(),
                unnamed.display().to_string(),
            ],
        ] {
            let (out, err) = bidi_clean(etika().args(["--lang", lang, "practice"]).args(&args));
            let all = format!("{err}{}", String::from_utf8_lossy(&out.stdout));
            assert!(all.contains("\\u{202e}"), "{}", head(&all));
        }
        for args in [
            vec!["show".to_string(), format!("x{r}y")],
            vec!["list".to_string(), format!("x{r}y")],
        ] {
            let (_, err) = bidi_clean(etika().args(["--lang", lang]).args(&args));
            assert!(err.contains("x\\u{202e}y"), "{}", head(&err));
        }
    }
}

/// A pack file whose name holds the right-to-left override: `validate` names it escaped,
/// and `validate --format json` stays valid JSON that gives the name back as it is.
#[cfg(unix)]
#[test]
fn a_pack_file_named_with_a_mark_that_reorders_text_is_named_escaped() {
    let pack = PackCopy::new();
    let name = "obligations/x\u{202e}y.toml";
    write(pack.path(), name, "broken = \n");
    let (out, err) = bidi_clean(etika_with(pack.path()).args(["--lang", "en", "validate"]));
    assert_eq!(out.status.code(), Some(1));
    located(&err, &pack.file("obligations/x\\u{202e}y.toml"));
    let (out, _) =
        bidi_clean(etika_with(pack.path()).args(["--lang", "en", "validate", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert!(files.contains(&pack.file(name).as_str()), "{files:?}");
}
