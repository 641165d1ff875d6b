//! Helpers shared by the integration tests: the binary with a deterministic environment, the
//! fixture pack, temp dirs with answers files or broken copies of the pack, and JSON parsing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// Locale, colour and pack variables that would make a test depend on the machine it runs on.
pub const VOLATILE_ENV: &[&str] = &[
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "LC_CTYPE",
    "ETIKA_RULES",
    "COLUMNS",
    "PAGER",
    "ETIKA_PAGER",
    "SOURCE_DATE_EPOCH",
    // CI=anything makes a terminal coloured even under TERM=dumb (anstream's rule).
    "CI",
    // A developer's own config file (ETIKA_CONFIG, or found through XDG_CONFIG_HOME or HOME)
    // and plain mode: without these, no config file is read.
    "ETIKA_CONFIG",
    "XDG_CONFIG_HOME",
    "HOME",
    "ETIKA_PLAIN",
];

/// 2026-06-30 00:00 UTC, the day every report in the tests is made.
pub const FIXED_DAY: &str = "1782777600";

/// The fixture pack: a stable copy of the founding pack, so rule edits do not break tests.
pub fn fixture_pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pack")
}

/// `etika` with no `--rules` and a clean environment.
pub fn etika_bare() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_etika"));
    for var in VOLATILE_ENV {
        cmd.env_remove(var);
    }
    // Reports carry the day they were made: make it a fixed one (2026-06-30).
    cmd.env("SOURCE_DATE_EPOCH", FIXED_DAY);
    cmd.timeout(Duration::from_secs(30));
    cmd
}

/// `etika --rules tests/fixtures/pack` with a clean environment.
pub fn etika() -> Command {
    let mut cmd = etika_bare();
    cmd.arg("--rules").arg(fixture_pack());
    cmd
}

/// `etika --rules DIR` for another pack (a broken copy, say).
pub fn etika_with(pack: &Path) -> Command {
    let mut cmd = etika_bare();
    cmd.arg("--rules").arg(pack);
    cmd
}

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("etika-test-")
        .tempdir()
        .expect("a temp dir")
}

/// Write `text` to `name` in `dir`, returning the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create the parent folder");
    }
    std::fs::write(&path, text).expect("write a test file");
    path
}

/// The threat-to-life case of the brief: an adult client threatens an identifiable person,
/// soon, and asks for secrecy; the limits of confidentiality were never explained.
pub const THREAT_TO_LIFE: &str = r#"[answers]
client_age = "adult"
situation = ["harm_to_others"]
harm_risk = true
harm_target = "identifiable_person"
harm_imminent = true
client_wants_secrecy = true
limits_explained = false
"#;

/// A child who may be sexually abused.
pub const CHILD_AT_RISK: &str = r#"[answers]
situation = ["child_at_risk"]
child_harm = "sexual"
"#;

/// An everyday case: case notes with the client's consent, no danger, no secret.
pub const ORDINARY: &str = r#"[answers]
client_age = "adult"
situation = ["records"]
record_consent = true
harm_risk = false
client_wants_secrecy = false
"#;

/// Run `etika assess --answers FILE ARGS…` on `answers` text; returns the output.
pub fn assess(answers: &str, args: &[&str]) -> std::process::Output {
    let dir = temp_dir();
    let file = write(dir.path(), "answers.toml", answers);
    etika()
        .arg("assess")
        .arg("--answers")
        .arg(&file)
        .args(args)
        .output()
        .expect("run etika")
}

/// The JSON report for `answers` in `lang`, checked to have exited 0.
pub fn assess_json(answers: &str, lang: &str) -> serde_json::Value {
    let out = assess(answers, &["--lang", lang, "--format", "json"]);
    assert!(
        out.status.success(),
        "etika assess failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the JSON report parses")
}

pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Strings of a JSON array, for comparing lists of ids.
pub fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected an array, found {v}"))
        .iter()
        .map(|x| {
            x.as_str()
                .unwrap_or_else(|| panic!("expected a string, found {x}"))
                .to_string()
        })
        .collect()
}

/// A copy of the fixture pack in a temp dir, to break one thing in it.
pub struct PackCopy {
    pub dir: tempfile::TempDir,
}

impl PackCopy {
    pub fn new() -> PackCopy {
        let dir = temp_dir();
        copy_dir(&fixture_pack(), dir.path());
        PackCopy { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The path of `rel` inside the copy, as etika names it in messages.
    pub fn file(&self, rel: &str) -> String {
        self.dir.path().join(rel).display().to_string()
    }

    /// Replace the first `old` in `rel` with `new`; `old` must be there.
    pub fn edit(&self, rel: &str, old: &str, new: &str) -> &PackCopy {
        let path = self.dir.path().join(rel);
        let text = std::fs::read_to_string(&path).expect("read a pack file");
        assert!(text.contains(old), "`{old}` is not in {rel}");
        std::fs::write(&path, text.replacen(old, new, 1)).expect("write a pack file");
        self
    }

    /// Remove a file or a folder (`cases`, say) from the copy.
    pub fn remove(&self, rel: &str) -> &PackCopy {
        let path = self.dir.path().join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).expect("remove a pack folder");
        } else {
            std::fs::remove_file(&path).expect("remove a pack file");
        }
        self
    }

    /// The 1-based line of the first `needle` in `rel`, as it is now.
    pub fn line_of(&self, rel: &str, needle: &str) -> usize {
        let text = std::fs::read_to_string(self.dir.path().join(rel)).expect("read a pack file");
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` is not in {rel}"));
        text[..at].matches('\n').count() + 1
    }

    /// `FILE:LINE:COL` of the first `needle` in `rel`, as etika writes locations.
    pub fn at(&self, rel: &str, needle: &str) -> String {
        let text = std::fs::read_to_string(self.dir.path().join(rel)).expect("read a pack file");
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` is not in {rel}"));
        let line = text[..at].matches('\n').count() + 1;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..at].chars().count() + 1;
        format!("{}:{line}:{col}", self.file(rel))
    }

    /// `etika validate` on the copy.
    pub fn validate(&self, extra: &[&str]) -> std::process::Output {
        etika_with(self.path())
            .arg("validate")
            .args(extra)
            .output()
            .expect("run etika validate")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read the fixture pack") {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a pack file");
        }
    }
}

/// Display columns of a line: box drawing, arrows and accented letters take one column; East
/// Asian wide characters and emoji take two (a rough `wcwidth`, enough for these reports).
pub fn columns(line: &str) -> usize {
    line.chars()
        .map(|c| {
            let c = c as u32;
            let wide = matches!(c,
                0x1100..=0x115F
                | 0x2E80..=0xA4CF
                | 0xAC00..=0xD7A3
                | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F
                | 0xFF00..=0xFF60
                | 0xFFE0..=0xFFE6
                | 0x1F300..=0x1F64F
                | 0x1F900..=0x1F9FF
                | 0x20000..=0x3FFFD);
            let zero = matches!(c, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE0F);
            if zero {
                0
            } else if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Text without its line breaks, so that words wrapped over lines can be matched.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
