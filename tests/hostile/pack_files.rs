//! A pack folder with things planted in it: links out of the pack (to a file, to a folder),
//! dangling links, link loops, a folder and a FIFO named like rule files, a file that is not
//! UTF-8, files that cannot be read. Nothing outside the pack is read or shown; everything
//! refused is named; nothing waits on a FIFO.

#![cfg(unix)]

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use crate::check::*;
use crate::util::*;

/// Whether this process can read a file it may not (root can): tests of permissions mean
/// nothing then.
fn can_read_anything() -> bool {
    let dir = temp_dir();
    let f = write(dir.path(), "locked", "x");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::read(&f).is_ok()
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

const SECRET: &str = "SECRET-LINE-OUTSIDE-THE-PACK";

#[test]
fn links_out_of_the_pack_are_refused_and_never_read() {
    let outside = temp_dir();
    let secret = write(
        outside.path(),
        "secret.toml",
        &format!("[[obligation]]\nid = \"{SECRET}\"\n"),
    );
    std::fs::create_dir(outside.path().join("obligations")).unwrap();
    write(
        outside.path(),
        "obligations/x.toml",
        &format!("id = \"{SECRET}\"\n"),
    );
    // A FIFO outside: opening it to read would wait for ever.
    mkfifo(&outside.path().join("fifo.toml"));

    let pack = PackCopy::new();
    symlink(&secret, pack.path().join("extra.toml")).unwrap();
    symlink(
        outside.path().join("fifo.toml"),
        pack.path().join("cases/wait.toml"),
    )
    .unwrap();
    std::fs::rename(
        pack.path().join("obligations"),
        pack.path().join("obligations_real"),
    )
    .unwrap();
    symlink(
        outside.path().join("obligations"),
        pack.path().join("obligations"),
    )
    .unwrap();

    for command in [
        &["validate"][..],
        &["list", "obligations"],
        &["show", "harm_risk"],
    ] {
        let out = etika_with(pack.path()).args(command).output().unwrap();
        let err = rejected(&out);
        let all = format!("{err}{}", String::from_utf8_lossy(&out.stdout));
        assert!(!all.contains(SECRET), "{}", head(&all));
        for (link, target) in [
            ("extra.toml", secret.clone()),
            ("obligations", outside.path().join("obligations")),
            ("cases/wait.toml", outside.path().join("fifo.toml")),
        ] {
            let named = format!("--> {}", pack.file(link));
            assert!(err.contains(&named), "no `{named}` in:\n{}", head(&err));
            let target = target.canonicalize().unwrap().display().to_string();
            assert!(err.contains(&target), "no `{target}` in:\n{}", head(&err));
        }
        assert!(
            err.contains("this link leads outside the pack's folder"),
            "{}",
            head(&err)
        );
    }
}

#[test]
fn dangling_links_loops_folders_and_fifos_are_named_never_skipped() {
    let pack = PackCopy::new();
    let p = pack.path();
    symlink(p.join("nowhere.toml"), p.join("dangling.toml")).unwrap();
    symlink(p.join("loop.toml"), p.join("loop.toml")).unwrap();
    std::fs::create_dir(p.join("obligations/folder.toml")).unwrap();
    mkfifo(&p.join("obligations/fifo.toml"));
    let out = pack.validate(&[]);
    let err = rejected(&out);
    for (file, why) in [
        ("dangling.toml", "this link points to nothing"),
        ("loop.toml", "this link loops"),
        ("obligations/folder.toml", "this is a folder, not a file"),
        (
            "obligations/fifo.toml",
            "this is not a regular file (a FIFO, device or socket)",
        ),
    ] {
        let at = err
            .find(&format!("--> {}\n", pack.file(file)))
            .unwrap_or_else(|| panic!("{file} is not named in:\n{}", head(&err)));
        let before = &err[..at];
        let message = before
            .lines()
            .rev()
            .find(|l| l.starts_with("error: "))
            .unwrap();
        assert!(message.contains(why), "{file}: {message}");
    }
}

#[test]
fn a_link_that_stays_inside_the_pack_is_followed() {
    let pack = PackCopy::new();
    let p = pack.path();
    std::fs::create_dir(p.join("store")).unwrap();
    std::fs::rename(p.join("obligations/law.toml"), p.join("store/law.toml")).unwrap();
    symlink(p.join("store/law.toml"), p.join("obligations/law.toml")).unwrap();
    let out = pack.validate(&[]);
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    // The file a link reads is not a stray file where it is.
    assert!(!err.contains("store/law.toml"), "{}", head(&err));
}

#[test]
fn a_file_that_is_not_utf8_is_located_at_its_first_bad_byte() {
    let pack = PackCopy::new();
    let path = pack.path().join("obligations/bad.toml");
    std::fs::write(&path, b"# fine\n[[obligation]]\nid = \"caf\xe9\"\n").unwrap();
    let out = pack.validate(&[]);
    let err = rejected(&out);
    assert!(err.contains("the file is not UTF-8 text"), "{}", head(&err));
    assert_eq!(located(&err, &pack.file("obligations/bad.toml")), (3, 10));
}

#[test]
fn files_and_folders_that_cannot_be_read_are_named() {
    if can_read_anything() {
        eprintln!("skipped: this process reads files whatever their permissions");
        return;
    }
    let pack = PackCopy::new();
    let p = pack.path();
    let locked = |rel: &str| {
        std::fs::set_permissions(p.join(rel), std::fs::Permissions::from_mode(0o000)).unwrap();
    };
    locked("tensions.toml");
    locked("cases");
    let out = pack.validate(&[]);
    let err = rejected(&out);
    for rel in ["tensions.toml", "cases"] {
        let named = format!("--> {}", pack.file(rel));
        assert!(err.contains(&named), "no `{named}` in:\n{}", head(&err));
    }
    assert!(err.contains("Permission denied"), "{}", head(&err));
    std::fs::set_permissions(p.join("cases"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// The fixture pack with its two unused actions used, so `validate --strict` passes on it.
fn strict_clean_pack() -> PackCopy {
    let pack = PackCopy::new();
    pack.edit(
        "obligations/society.toml",
        r#"actions = ["give_accurate_information","#,
        r#"actions = ["check_agency_sop", "reflect_in_supervision", "give_accurate_information","#,
    );
    pack
}

#[test]
fn toml_files_in_folders_etika_does_not_read_are_warned_about() {
    let pack = strict_clean_pack();
    let p = pack.path();
    // What `etika export` writes beside the rule files: `schemas/`, with `.json` files only.
    let repo_schemas = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    std::fs::create_dir(p.join("schemas")).unwrap();
    for e in std::fs::read_dir(&repo_schemas).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), p.join("schemas").join(e.file_name())).unwrap();
    }
    let out = pack.validate(&["--strict"]);
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    assert!(!err.contains("warning"), "{}", head(&err));

    let stray = [
        "extra/x.toml",
        "obligations/sub/x.toml",
        "cases/old/deeper/c.toml",
    ];
    for rel in stray {
        write(p, rel, "[[obligation]]\nid = \"never_read\"\n");
    }
    // Warnings only: the pack still loads.
    let out = pack.validate(&[]);
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    for (lang, words) in [
        ("en", "warning: this file is not read"),
        ("id", "peringatan: berkas ini tidak dibaca"),
    ] {
        let out = etika_with(p)
            .args(["--lang", lang, "validate", "--strict"])
            .output()
            .unwrap();
        let err = rejected(&out);
        for rel in stray {
            let at = err
                .find(&format!("--> {}\n", pack.file(rel)))
                .unwrap_or_else(|| panic!("{rel} is not named in:\n{}", head(&err)));
            let message = err[..at].lines().rev().find(|l| l.contains(": ")).unwrap();
            assert!(message.starts_with(words), "{rel}: {message}");
        }
        assert_eq!(err.matches(words).count(), stray.len(), "{}", head(&err));
    }
    let out = pack.validate(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "not_read")
        .count();
    assert_eq!(codes, stray.len(), "{json}");
}
