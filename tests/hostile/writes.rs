//! Writing in hostile places: temporary names planted beside the target, a FIFO, a link to a
//! device, a link to someone's file, a folder, the answers file itself, a closed or full
//! standard output. The report lands where it should or nowhere, nothing else in the folder
//! changes, nothing outside it is touched, and every failure names the file.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::check::*;
use crate::util::*;

/// Everything in a folder: each name, with its kind, size, mode, modification time and, for
/// a link, its target. Comparing two of these shows whether anything was touched.
fn listing(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let m = std::fs::symlink_metadata(e.path()).unwrap();
            let link = std::fs::read_link(e.path())
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            (
                e.file_name().to_string_lossy().into_owned(),
                format!(
                    "{:?} {} {:o} {}.{} {link}",
                    m.file_type(),
                    m.len(),
                    m.mode(),
                    m.mtime(),
                    m.mtime_nsec()
                ),
            )
        })
        .collect()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

/// `etika assess --answers ANSWERS --out OUT` on the ordinary answers.
fn report_to(answers: &Path, out: &Path) -> Output {
    etika()
        .args(["--lang", "en", "assess", "--answers"])
        .arg(answers)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn planted_temporary_names_and_links_are_left_alone() {
    let outside = temp_dir();
    let victim = write(outside.path(), "victim.txt", "do not touch\n");
    let before_outside = listing(outside.path());
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", ORDINARY);
    // Links where a predictable temporary name would be: the old `.NAME.PID.tmp` for the
    // next few hundred process ids, and names like the ones etika uses now.
    let me = std::process::id();
    for pid in me..me + 300 {
        symlink(&victim, dir.path().join(format!(".report.txt.{pid}.tmp"))).unwrap();
    }
    for name in [".etika-.tmp", ".etika-000000.tmp", "report.txt.tmp"] {
        symlink(&victim, dir.path().join(name)).unwrap();
    }
    let before = listing(dir.path());
    let out = report_to(&answers, &dir.path().join("report.txt"));
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let mut after = listing(dir.path());
    let report = after.remove("report.txt").expect("the report");
    assert_eq!(after, before, "only the report was added");
    assert_eq!(listing(outside.path()), before_outside);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "do not touch\n");
    assert!(report.starts_with("FileType"), "{report}");
    let mode = std::fs::metadata(dir.path().join("report.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_fifo_is_written_in_place() {
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", ORDINARY);
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    // The reader is there before etika writes (opened without waiting for a writer).
    let mut reader = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(&fifo)
            .unwrap()
    };
    let out = report_to(&answers, &fifo);
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut reader, &mut text).unwrap();
    assert!(text.contains("etika"), "{text}");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_fifo_nobody_reads_is_refused_not_waited_on() {
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", ORDINARY);
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let out = report_to(&answers, &fifo);
    let err = rejected(&out);
    assert!(
        err.contains(&format!("not writing the report to `{}`", fifo.display()))
            && err.contains("nothing is reading from it"),
        "{err}"
    );
    assert!(err.contains("start its reader first"), "{err}");
}

#[test]
fn a_link_to_a_full_device_is_written_in_place_and_its_error_reported() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", ORDINARY);
    let link = dir.path().join("full");
    symlink(full, &link).unwrap();
    let before = listing(dir.path());
    let out = report_to(&answers, &link);
    let err = rejected(&out);
    assert!(
        err.contains(&format!("cannot write the report to `{}`", link.display())),
        "{err}"
    );
    assert!(err.contains("No space left on device"), "{err}");
    assert_eq!(listing(dir.path()), before, "the link is still a link");
}

#[test]
fn a_link_to_a_file_or_a_folder_is_refused_never_replaced() {
    let outside = temp_dir();
    let victim = write(outside.path(), "victim.txt", "do not touch\n");
    let before_outside = listing(outside.path());
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", ORDINARY);
    symlink(&victim, dir.path().join("to-file")).unwrap();
    symlink(outside.path(), dir.path().join("to-folder")).unwrap();
    symlink(outside.path().join("nothing"), dir.path().join("dangling")).unwrap();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let before = listing(dir.path());
    for name in ["to-file", "to-folder", "dangling", "folder"] {
        let target = dir.path().join(name);
        let out = report_to(&answers, &target);
        let err = rejected(&out);
        assert!(
            err.contains(&format!("not writing the report to `{}`", target.display())),
            "{name}: {err}"
        );
    }
    assert_eq!(listing(dir.path()), before);
    assert_eq!(listing(outside.path()), before_outside);
}

#[test]
fn a_report_never_replaces_the_answers_it_was_made_from() {
    let dir = temp_dir();
    let answers = write(dir.path(), "answers.toml", ORDINARY);
    let before = listing(dir.path());
    // The same file, by another name too.
    let other_name: PathBuf = dir.path().join(".").join("answers.toml");
    for out_path in [&answers, &other_name] {
        let out = report_to(&answers, out_path);
        let err = rejected(&out);
        assert!(err.contains("is the same file as `--answers"), "{err}");
    }
    // `--resume F --out F` is refused before anything is asked or read.
    let out = etika()
        .args(["--lang", "en", "assess", "--resume"])
        .arg(&answers)
        .arg("--out")
        .arg(&answers)
        .output()
        .unwrap();
    let err = rejected(&out);
    assert!(err.contains("is the same file as `--resume"), "{err}");
    assert_eq!(listing(dir.path()), before);
}

/// `etika --rules FIXTURE` as a plain process, for standard streams of the test's choosing.
fn raw() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_etika"));
    for var in VOLATILE_ENV {
        cmd.env_remove(var);
    }
    cmd.arg("--rules").arg(fixture_pack());
    cmd
}

#[test]
fn a_closed_standard_output_is_an_error_that_names_it() {
    for (lang, words) in [
        ("en", "error: standard output is closed"),
        ("id", "galat: keluaran standar tertutup"),
    ] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" --rules \"$1\" --lang \"$2\" list obligations >&-")
            .arg(env!("CARGO_BIN_EXE_etika"))
            .arg(fixture_pack())
            .arg(lang)
            .output()
            .unwrap();
        let err = rejected(&out);
        assert!(err.contains(words), "{err}");
    }
    // `> /dev/null` is not closed: the output is thrown away, as asked.
    let status = raw()
        .args(["list", "obligations"])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_full_standard_output_is_an_error_that_names_it() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let out = raw()
        .args(["--lang", "en", "list", "obligations"])
        .stdout(full)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
        .wait_with_output()
        .unwrap();
    let err = rejected(&out);
    assert!(err.contains("cannot write to standard output"), "{err}");
    assert!(err.contains("No space left on device"), "{err}");
}

#[test]
fn help_that_cannot_be_written_fails_and_a_lost_error_still_exits_one() {
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full");
    if full().is_err() {
        eprintln!("skipped: no /dev/full here");
        return;
    }
    // Help onto a full disk is a failure, in both languages; the reader that stops early is not.
    for lang in ["en", "id"] {
        let status = raw()
            .args(["--lang", lang, "--help"])
            .stdout(full().unwrap())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(1), "--lang {lang} --help >/dev/full");
    }
    // An error whose message has nowhere to go keeps its exit code and never panics.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_etika"))
        .args(["--rules", "/nonexistent/etika-pack", "validate"])
        .stderr(full().unwrap())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "a failed load with stderr full");
    let status = raw()
        .arg("--no-such-flag")
        .stderr(full().unwrap())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2), "a usage error with stderr full");
}
