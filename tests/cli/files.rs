//! Files in and out: the HTML case note (self-contained, printable, every text escaped),
//! `--out` choosing the format by extension, `-` for standard output, `--out` refusing to
//! replace a file without `--force`, and `validate --format json`.

use crate::util::*;

const HOSTILE: &str = "<script>alert(\"x\")</script> & <img src=x onerror=alert(1)> 'q'";

fn hostile_pack() -> PackCopy {
    let pack = PackCopy::new();
    pack.edit(
        "obligations/law.toml",
        "en = \"Prevent serious harm even when the client asks for secrecy\"",
        &format!("en = {:?}", HOSTILE),
    );
    pack.edit(
        "tensions.toml",
        "en = \"Confidentiality against protection of life\"",
        "en = \"</h3><style>body{display:none}</style>\"",
    );
    pack
}

fn assess_with(pack: &std::path::Path, args: &[&str]) -> std::process::Output {
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    etika_with(pack)
        .args(["--lang", "en", "assess", "--answers"])
        .arg(&file)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn html_is_a_self_contained_printable_page() {
    let out = assess(THREAT_TO_LIFE, &["--lang", "en", "--format", "html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{html}"
    );
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@media print"));
    // Nothing fetched from anywhere: no script, link, image, frame, import or URL.
    for bad in [
        "<script", "<link", "<img", "<iframe", "@import", "url(", "http://", "https://", "src=",
    ] {
        assert!(!html.contains(bad), "the page holds `{bad}`");
    }
    // The report's content is there.
    assert!(html.contains("Prevent serious harm even when the client asks for secrecy"));
    assert!(html.contains("class=\"obligation binding\""));
    let id = assess(THREAT_TO_LIFE, &["--lang", "id", "--format", "html"]);
    assert!(stdout(&id).contains("<html lang=\"id\">"));
}

#[test]
fn html_escapes_every_text_from_the_pack() {
    let pack = hostile_pack();
    let out = assess_with(pack.path(), &["--format", "html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<style>body"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; &#39;q&#39;"),
        "{html}"
    );
    assert!(html.contains("&lt;/h3&gt;&lt;style&gt;"), "{html}");
    // Markdown escapes it for its own reader too.
    let md = stdout(&assess_with(pack.path(), &["--format", "markdown"]));
    assert!(!md.contains("<script"), "{md}");
}

#[test]
fn out_picks_the_format_from_the_extension_unless_format_is_given() {
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    let run = |name: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        let out = etika()
            .args(["--lang", "en", "--color", "always", "assess", "--answers"])
            .arg(&answers)
            .arg("--out")
            .arg(&path)
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).is_empty(), "the report goes to the file only");
        std::fs::read_to_string(&path).unwrap()
    };
    assert!(run("note.md", &[]).starts_with("# "));
    let json: serde_json::Value = serde_json::from_str(&run("note.json", &[])).unwrap();
    assert_eq!(json["lang"], "en");
    assert!(run("note.html", &[]).starts_with("<!DOCTYPE html>"));
    assert!(run("NOTE.HTM", &[]).starts_with("<!DOCTYPE html>"));
    let txt = run("note.txt", &[]);
    assert!(txt.contains("etika ·") && txt.contains("IN SHORT"), "{txt}");
    assert!(!txt.contains('\u{1b}'), "no colour in a file");
    // An extension etika does not know: the table.
    assert!(run("note.out", &[]).contains("etika ·"));
    // --format wins over the extension.
    let forced = run("other.md", &["--format", "json"]);
    assert!(serde_json::from_str::<serde_json::Value>(&forced).is_ok());
}

#[test]
fn out_does_not_replace_a_file_without_force() {
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    let target = write(dir.path(), "note.md", "my own notes\n");
    let run = |extra: &[&str]| {
        etika()
            .args(["--lang", "en", "assess", "--answers"])
            .arg(&answers)
            .arg("--out")
            .arg(&target)
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("is already there"), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "my own notes\n");
    let out = run(&["--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("# "));
    // In Indonesian.
    let out = etika()
        .args(["--lang", "id", "assess", "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&target)
        .output()
        .unwrap();
    assert!(stderr(&out).contains("sudah ada"), "{}", stderr(&out));
}

#[test]
fn out_dash_is_standard_output() {
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    let out = etika()
        .current_dir(dir.path())
        .args([
            "--lang",
            "en",
            "assess",
            "--format",
            "json",
            "--out",
            "-",
            "--answers",
        ])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["lang"], "en");
    assert!(!dir.path().join("-").exists(), "no file named `-`");
    assert!(!stderr(&out).contains("written"), "{}", stderr(&out));
}

#[test]
fn validate_as_json_for_editors_and_ci() {
    let out = etika()
        .args(["validate", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["errors"], 0);
    assert!(v["counts"]["obligations"].as_u64().unwrap() > 0);
    let pack = PackCopy::new();
    pack.edit(
        "questions.toml",
        "kind = \"yes_no\"",
        "kind = \"yes_or_no\"",
    );
    let out = pack.validate(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).is_empty(),
        "JSON goes to stdout, nothing to stderr"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    let d = &v["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "unknown_variant");
    assert_eq!(d["file"], pack.file("questions.toml"));
    assert!(d["line"].as_u64().unwrap() > 0);
    assert!(d["column"].as_u64().unwrap() > 0);
    assert!(d["help"].is_string());
}

/// A case note named `.pdf` would be a text file no PDF reader opens: it is refused, in both
/// languages, pointing to the HTML page and the browser's print, and nothing is written.
#[test]
fn out_to_a_pdf_is_refused_with_the_way_to_make_one() {
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", THREAT_TO_LIFE);
    for (lang, name, words) in [
        ("en", "note.pdf", "etika does not write PDF"),
        ("id", "note.PDF", "etika tidak menulis PDF"),
    ] {
        let out_path = dir.path().join(name);
        let out = etika()
            .args(["--lang", lang, "assess", "--answers"])
            .arg(&answers)
            .arg("--out")
            .arg(&out_path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "--lang {lang}");
        let err = stderr(&out);
        assert!(err.contains(words), "{err}");
        assert!(err.contains("--format html --out"), "{err}");
        assert!(!out_path.exists(), "nothing is written to {name}");
    }
}
