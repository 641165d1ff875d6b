//! The config file: found through ETIKA_CONFIG, XDG_CONFIG_HOME or HOME, filling what the
//! command line and the environment leave unsaid, shown by `etika config`, and a located
//! error when it is wrong.

use crate::util::{etika, temp_dir, write};

#[test]
fn without_a_config_file_etika_config_shows_the_defaults() {
    let out = etika()
        .env("ETIKA_CONFIG", "")
        .args(["--lang", "en", "config"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("no config file read: ETIKA_CONFIG is empty"),
        "{out}"
    );
    assert!(out.contains("format = \"table\""), "{out}");
    assert!(out.contains("plain = false"), "{out}");
    assert!(out.contains("lang = \"en\""), "{out}");
    assert!(out.contains("# flag --lang"), "{out}");
}

#[test]
fn values_come_from_the_file_unless_a_flag_or_the_environment_says_otherwise() {
    let dir = temp_dir();
    let path = write(
        &dir.path().join("etika"),
        "config.toml",
        "# mine\nlang = \"id\"\nwidth = 60\ncolor = \"never\"\nformat = \"markdown\"\nplain = true\n",
    );
    let shown = path.display().to_string();
    let out = etika()
        .env("XDG_CONFIG_HOME", dir.path())
        .env("ETIKA_PLAIN", "0")
        .args(["--width", "80", "config"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("lang = \"id\""), "{out}");
    assert!(
        out.contains(&format!("{shown}:2")),
        "the line of lang:\n{out}"
    );
    assert!(
        out.contains("width = 80") && out.contains("opsi --width"),
        "{out}"
    );
    assert!(out.contains(&format!("{shown}:4")), "color:\n{out}");
    assert!(out.contains("format = \"markdown\""), "{out}");
    assert!(
        out.contains("plain = false") && out.contains("lingkungan ETIKA_PLAIN"),
        "{out}"
    );
    // HOME is used when XDG_CONFIG_HOME is not set.
    let home = temp_dir();
    write(
        &home.path().join(".config/etika"),
        "config.toml",
        "lang = \"id\"\n",
    );
    let out = etika()
        .env("HOME", home.path())
        .args(["config"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("lang = \"id\""));
}

#[test]
fn the_file_sets_the_language_and_the_report_format_of_assess() {
    let dir = temp_dir();
    let config = write(dir.path(), "c.toml", "lang = \"id\"\nformat = \"json\"\n");
    let answers = write(dir.path(), "a.toml", crate::util::THREAT_TO_LIFE);
    let out = etika()
        .env("ETIKA_CONFIG", &config)
        .args(["assess", "--answers"])
        .arg(&answers)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).expect("JSON, as the file says");
    let name = json["pack"]["name"].as_str().unwrap_or_default();
    assert!(name.starts_with("Kode Etik"), "in Indonesian: {name}");
    // A flag comes first.
    let out = etika()
        .env("ETIKA_CONFIG", &config)
        .args(["--lang", "en", "assess", "--format", "table", "--answers"])
        .arg(&answers)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("BINDING DUTIES"), "{out}");
}

#[test]
fn rules_in_the_file_are_read_from_its_folder() {
    let dir = temp_dir();
    let pack = crate::util::fixture_pack();
    let config = write(
        dir.path(),
        "c.toml",
        &format!("rules = [{:?}]\n", pack.display().to_string()),
    );
    let out = crate::util::etika_bare()
        .env("ETIKA_CONFIG", &config)
        .args(["--lang", "en", "config"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("tests/fixtures/pack"), "{out}");
    // A relative folder is the config file's.
    let config = write(dir.path(), "d.toml", "rules = [\"nowhere\"]\n");
    let err = crate::util::etika_bare()
        .env("ETIKA_CONFIG", &config)
        .args(["--lang", "en", "list", "principles"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).unwrap();
    assert!(
        err.contains(&dir.path().join("nowhere").display().to_string()),
        "{err}"
    );
}

#[test]
fn a_bad_config_is_a_located_error_with_exit_1() {
    let dir = temp_dir();
    for (text, at, says) in [
        (
            "lang = \"en\"\ncolour = \"never\"\n",
            ":2:1",
            "unknown field `colour`",
        ),
        ("width = \"wide\"\n", ":1:9", "invalid type"),
        (
            "width = 5\n",
            ":1:9",
            "width `5` is not between 20 and 1000 columns",
        ),
        ("lang = \"fr\"\n", ":1:8", "`fr`"),
        (
            "format = \"pdf\"\n",
            ":1:10",
            "use one of `table`, `markdown`, `json`, `html`",
        ),
        ("plain = \"yes\"\n", ":1:9", "invalid type"),
        ("lang = \"en\n", ":1:11", "error"),
    ] {
        let config = write(dir.path(), "c.toml", text);
        let err = etika()
            .env("ETIKA_CONFIG", &config)
            .args(["--lang", "en", "config"])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(err).unwrap();
        let place = format!("{}{at}", config.display());
        assert!(err.contains(&place), "{text:?}: {err}");
        assert!(err.contains(says), "{text:?}: {err}");
    }
    // In Indonesian too.
    let config = write(dir.path(), "c.toml", "width = 5\n");
    let err = etika()
        .env("ETIKA_CONFIG", &config)
        .args(["--lang", "id", "list", "principles"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(err)
            .unwrap()
            .contains("lebar `5` tidak antara 20 dan 1000")
    );
}

#[test]
fn a_config_named_by_etika_config_must_be_there_and_an_empty_one_reads_none() {
    let dir = temp_dir();
    let missing = dir.path().join("missing.toml");
    etika()
        .env("ETIKA_CONFIG", &missing)
        .args(["--lang", "en", "config"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot read the config file"));
    // A broken file is not read when ETIKA_CONFIG is empty, nor found through HOME then.
    write(
        &dir.path().join(".config/etika"),
        "config.toml",
        "nonsense = 1\n",
    );
    etika()
        .env("HOME", dir.path())
        .env("ETIKA_CONFIG", "")
        .args(["--lang", "en", "config"])
        .assert()
        .success();
    etika()
        .env("HOME", dir.path())
        .args(["--lang", "en", "config"])
        .assert()
        .code(1);
}
