//! The config file: settings a person would otherwise give on every command line.
//!
//! It is `ETIKA_CONFIG` when that is set (and none at all when it is set empty), else
//! `$XDG_CONFIG_HOME/etika/config.toml`, else `$HOME/.config/etika/config.toml`; a file that
//! is not there is no error. It may set `lang`, `width`, `color`, `format` (of `assess`'s
//! report), `rules` (packs, as `--rules` gives them; a relative folder is read from the config
//! file's folder) and `plain`. The command line and the environment come first: the file only
//! fills what they leave unsaid. A problem in it (TOML syntax, an unknown key, a value of the
//! wrong type or out of range) is shown at its line and column, as every file etika reads is,
//! and stops the command (exit 1). `etika config` shows each setting and where it came from.

use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::ValueEnum;
use clap::parser::ValueSource;
use toml::Spanned;

use super::{ColorArg, Context, Exit, Global, LangArg, Reported};
use crate::diag::{DiagKind, Diagnostic, Diagnostics, SourceFile, render_all};
use crate::pack::{locate_spanless, toml_kind, too_deep};
use crate::render::Format;
use crate::vocab::Lang;

/// The keys a config file may hold.
const KEYS: &str = "`lang`, `width`, `color`, `format`, `rules`, `plain`";

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    lang: Option<Spanned<String>>,
    width: Option<Spanned<i64>>,
    color: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
    rules: Option<Spanned<Vec<String>>>,
    plain: Option<Spanned<bool>>,
}

/// A value from the config file, and the line it is on.
#[derive(Debug, Clone)]
pub struct FromFile<T> {
    pub value: T,
    pub line: usize,
}

/// What the config file says, checked.
#[derive(Debug, Default, Clone)]
pub struct Config {
    /// The file read, if one was.
    pub path: Option<PathBuf>,
    /// Why none was read, when `ETIKA_CONFIG` is set empty.
    pub off: bool,
    pub lang: Option<FromFile<LangArg>>,
    pub width: Option<FromFile<u16>>,
    pub color: Option<FromFile<ColorArg>>,
    pub format: Option<FromFile<Format>>,
    pub rules: Option<FromFile<Vec<PathBuf>>>,
    pub plain: Option<FromFile<bool>>,
}

/// Where the config file is looked for; `Err(())` when `ETIKA_CONFIG` is set empty (none is
/// read at all), `Ok(None)` when there is no place to look.
fn place() -> std::result::Result<Option<(PathBuf, bool)>, ()> {
    if let Some(v) = std::env::var_os("ETIKA_CONFIG") {
        if v.is_empty() {
            return Err(());
        }
        // Named on purpose: it must be there.
        return Ok(Some((PathBuf::from(v), true)));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        });
    Ok(base.map(|b| (b.join("etika").join("config.toml"), false)))
}

/// Read the config file, if there is one. A problem is shown in full and ends the command.
pub fn load(lang: Lang, color: bool) -> Result<Config> {
    let (path, named) = match place() {
        Err(()) => {
            return Ok(Config {
                off: true,
                ..Config::default()
            });
        }
        Ok(None) => return Ok(Config::default()),
        Ok(Some(p)) => p,
    };
    let shown = path.display().to_string();
    let text = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            return Ok(Config::default());
        }
        Err(e) => {
            return Err(super::Failure::say(
                lang,
                (
                    format!("berkas konfigurasi `{shown}` tidak dapat dibaca: {e}"),
                    format!("cannot read the config file `{shown}`: {e}"),
                ),
                Some((
                    "periksa ETIKA_CONFIG, atau kosongkan (`ETIKA_CONFIG=`) agar tidak ada konfigurasi yang dibaca".into(),
                    "check ETIKA_CONFIG, or set it empty (`ETIKA_CONFIG=`) to read no config".into(),
                )),
            )
            .into());
        }
    };
    let file = match String::from_utf8(text) {
        Ok(t) => SourceFile::new(shown.clone(), shown.clone(), t),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let file = SourceFile::new(
                shown.clone(),
                shown.clone(),
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
            );
            return Err(shown_error(
                &file,
                Some(at..at + 1),
                DiagKind::NotUtf8,
                lang,
                color,
            ));
        }
    };
    parse(&file, &path, lang, color)
}

/// A problem shown in full; the error that ends the command sums it up.
fn shown_error(
    file: &SourceFile,
    span: Option<Range<usize>>,
    kind: DiagKind,
    lang: Lang,
    color: bool,
) -> anyhow::Error {
    let mut d = Diagnostics::new();
    let diag = Diagnostic::new(file, span, kind);
    let first = format!("{}: {}", diag.location(), diag.message(lang));
    d.push(diag);
    eprint!("{}", render_all(&d, false, lang, color));
    Reported(match lang {
        Lang::En => format!("{first}; fix the config file, or run with `ETIKA_CONFIG=` to read none"),
        Lang::Id => format!(
            "{first}; perbaiki berkas konfigurasi, atau jalankan dengan `ETIKA_CONFIG=` agar tidak ada yang dibaca"
        ),
    })
    .into()
}

/// A problem that no kind of diagnostic names, in its own words, drawn as every other one
/// (the place, the line, the caret, the help).
fn shown_own(
    file: &SourceFile,
    span: Range<usize>,
    message: (String, String),
    help: (String, String),
    lang: Lang,
    color: bool,
) -> anyhow::Error {
    let pick = |(id, en): (String, String)| if lang == Lang::Id { id } else { en };
    let (message, help) = (pick(message), pick(help));
    let kind = DiagKind::TomlSyntax {
        detail: message.clone(),
    };
    let mut d = Diagnostics::new();
    let diag = Diagnostic::new(file, Some(span), kind.clone());
    let location = diag.location();
    d.push(diag);
    let drawn = render_all(&d, false, lang, color)
        .replacen(&kind.message(lang), &message, 1)
        .replacen(&kind.help(lang).unwrap_or_default(), &help, 1);
    eprint!("{drawn}");
    Reported(match lang {
        Lang::En => format!("{location}: {message}; fix the config file, or run with `ETIKA_CONFIG=` to read none"),
        Lang::Id => format!(
            "{location}: {message}; perbaiki berkas konfigurasi, atau jalankan dengan `ETIKA_CONFIG=` agar tidak ada yang dibaca"
        ),
    })
    .into()
}

/// The value of a setting that is one of a fixed set of words (`lang`, `color`, `format`), with
/// its line; a word not in the set is an error at its place naming those that are.
fn choice_from<T: ValueEnum>(
    file: &SourceFile,
    given: Option<Spanned<String>>,
    lang: Lang,
    color: bool,
) -> Result<Option<FromFile<T>>> {
    let Some(v) = given else {
        return Ok(None);
    };
    let span = v.span();
    match T::from_str(v.get_ref(), true) {
        Ok(value) => Ok(Some(FromFile {
            value,
            line: file.line_col(span.start).0,
        })),
        Err(_) => {
            let names = T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value())
                .map(|p| format!("`{}`", p.get_name()))
                .collect::<Vec<_>>()
                .join(", ");
            Err(bad_value(file, span, v.get_ref(), &names, lang, color))
        }
    }
}

/// A value of a known key that etika cannot take: `expected` says what it can.
fn bad_value(
    file: &SourceFile,
    span: Range<usize>,
    value: &str,
    expected: &str,
    lang: Lang,
    color: bool,
) -> anyhow::Error {
    shown_error(
        file,
        Some(span),
        DiagKind::UnknownVariant {
            value: value.to_string(),
            expected: expected.to_string(),
        },
        lang,
        color,
    )
}

fn parse(file: &SourceFile, path: &Path, lang: Lang, color: bool) -> Result<Config> {
    if let Some(at) = too_deep(&file.text) {
        return Err(shown_error(
            file,
            Some(at..at + 1),
            DiagKind::NestedTooDeep,
            lang,
            color,
        ));
    }
    let raw: Raw = match toml::from_str(&file.text) {
        Ok(r) => r,
        Err(e) => {
            let kind = match toml_kind(e.message()) {
                DiagKind::UnknownField { field, .. } => DiagKind::UnknownField {
                    field,
                    expected: KEYS.to_string(),
                },
                other => other,
            };
            let span = e
                .span()
                .or_else(|| locate_spanless::<Raw>(&file.text, e.message()));
            return Err(shown_error(file, span, kind, lang, color));
        }
    };
    let line = |span: &Range<usize>| file.line_col(span.start).0;
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    config.lang = choice_from::<LangArg>(file, raw.lang, lang, color)?;
    config.color = choice_from::<ColorArg>(file, raw.color, lang, color)?;
    config.format = choice_from::<Format>(file, raw.format, lang, color)?;
    if let Some(v) = raw.width {
        let span = v.span();
        match u16::try_from(*v.get_ref()) {
            Ok(w) if (20..=1000).contains(&w) => {
                config.width = Some(FromFile {
                    value: w,
                    line: line(&span),
                })
            }
            _ => {
                let w = v.get_ref();
                return Err(shown_own(
                    file,
                    span,
                    (
                        format!("lebar `{w}` tidak antara 20 dan 1000 kolom"),
                        format!("width `{w}` is not between 20 and 1000 columns"),
                    ),
                    (
                        "beri lebar dari 20 sampai 1000, atau hapus baris ini agar lebarnya mengikuti terminal".into(),
                        "give a width from 20 to 1000, or remove the line to follow the terminal".into(),
                    ),
                    lang,
                    color,
                ));
            }
        }
    }
    if let Some(v) = raw.rules {
        let span = v.span();
        let base = path.parent().unwrap_or(Path::new("."));
        let dirs = v
            .get_ref()
            .iter()
            .map(|d| {
                let d = Path::new(d);
                if d.is_absolute() {
                    d.to_path_buf()
                } else {
                    base.join(d)
                }
            })
            .collect();
        config.rules = Some(FromFile {
            value: dirs,
            line: line(&span),
        });
    }
    if let Some(v) = raw.plain {
        let span = v.span();
        config.plain = Some(FromFile {
            value: *v.get_ref(),
            line: line(&span),
        });
    }
    Ok(config)
}

fn line_of<T>(v: &Option<FromFile<T>>) -> Option<usize> {
    v.as_ref().map(|f| f.line)
}

/// Where each global setting came from on the command line: given there, by its variable of
/// the environment, or neither.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub given: Vec<(&'static str, ValueSource)>,
}

impl Sources {
    pub fn of(m: &clap::ArgMatches) -> Sources {
        let given = ["lang", "width", "color", "rules", "plain"]
            .into_iter()
            .filter_map(|id| {
                m.value_source(id)
                    .filter(|s| *s != ValueSource::DefaultValue)
                    .map(|s| (id, s))
            })
            .collect();
        Sources { given }
    }

    pub fn get(&self, id: &str) -> Option<ValueSource> {
        self.given.iter().find(|(i, _)| *i == id).map(|(_, s)| *s)
    }
}

/// The global options with what the config file says filled in where the command line and
/// the environment said nothing.
pub fn apply(mut global: Global, config: &Config, sources: &Sources) -> Global {
    if sources.get("lang").is_none()
        && let Some(v) = &config.lang
    {
        global.lang = Some(v.value);
    }
    if sources.get("width").is_none()
        && let Some(v) = &config.width
    {
        global.width = Some(v.value);
    }
    if sources.get("color").is_none()
        && let Some(v) = &config.color
    {
        global.color = v.value;
    }
    if sources.get("rules").is_none()
        && let Some(v) = &config.rules
    {
        global.rules = v.value.clone();
    }
    if sources.get("plain").is_none()
        && let Some(v) = &config.plain
    {
        global.plain = v.value;
    }
    global
}

#[derive(Debug, clap::Args)]
pub struct Args {}

/// `etika config`: each setting, its value, and where it came from, as lines a config file
/// could hold.
pub fn run(cx: &Context, sources: &Sources, config: &Config) -> Result<Exit> {
    let lang = cx.lang;
    let file_line = |line: usize| -> String {
        let p = config
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        format!(
            "{} {p}:{line}",
            lang.pick("berkas konfigurasi", "config file")
        )
    };
    let default = lang.pick("bawaan", "default").to_string();
    let from = |id: &str, env: Option<&str>, file: Option<usize>| -> String {
        match sources.get(id) {
            Some(ValueSource::CommandLine) => format!("{} --{id}", lang.pick("opsi", "flag")),
            Some(ValueSource::EnvVariable) => format!(
                "{} {}",
                lang.pick("lingkungan", "environment"),
                env.unwrap_or("")
            ),
            _ => match file {
                Some(line) => file_line(line),
                None => default.clone(),
            },
        }
    };
    let lang_from = match (sources.get("lang"), &config.lang) {
        (None, None) => lang
            .pick(
                "bawaan (locale: LC_ALL, LC_MESSAGES, LANG)",
                "default (the locale: LC_ALL, LC_MESSAGES, LANG)",
            )
            .to_string(),
        _ => from("lang", None, line_of(&config.lang)),
    };
    let width_from = match (sources.get("width"), &config.width) {
        (None, None) => lang
            .pick(
                "bawaan (COLUMNS, lalu lebar terminal, lalu 100)",
                "default (COLUMNS, else the terminal's, else 100)",
            )
            .to_string(),
        _ => from("width", None, line_of(&config.width)),
    };
    let plain_from = match (sources.get("plain"), &config.plain) {
        (None, None) if cx.plain => lang
            .pick("lingkungan TERM=dumb", "environment TERM=dumb")
            .into(),
        _ => from("plain", Some("ETIKA_PLAIN"), line_of(&config.plain)),
    };
    let name = |v: &dyn Fn() -> Option<clap::builder::PossibleValue>| {
        v().map(|p| p.get_name().to_string()).unwrap_or_default()
    };
    let lang_name = if cx.lang == Lang::Id { "id" } else { "en" };
    let color_name = name(&|| cx.global.color.to_possible_value());
    let format = config.format.as_ref().map_or(Format::Table, |f| f.value);
    let format_name = name(&|| format.to_possible_value());
    let rules: Vec<String> = cx
        .global
        .rules
        .iter()
        .map(|r| format!("{:?}", r.display().to_string()))
        .collect();
    let rules_note = if rules.is_empty() {
        format!(
            "{} ({})",
            from("rules", Some("ETIKA_RULES"), line_of(&config.rules)),
            lang.pick("paket bawaan", "the embedded pack")
        )
    } else {
        from("rules", Some("ETIKA_RULES"), line_of(&config.rules))
    };
    let file = match (&config.path, config.off) {
        (_, true) => lang
            .pick(
                "tidak ada berkas konfigurasi yang dibaca: ETIKA_CONFIG kosong",
                "no config file read: ETIKA_CONFIG is empty",
            )
            .to_string(),
        (Some(p), _) => format!(
            "{} {}",
            lang.pick("berkas konfigurasi:", "config file:"),
            p.display()
        ),
        (None, _) => match place() {
            Ok(Some((p, _))) => format!(
                "{} {} ({})",
                lang.pick("berkas konfigurasi:", "config file:"),
                p.display(),
                lang.pick("tidak ada", "not there")
            ),
            _ => lang
                .pick(
                    "tidak ada berkas konfigurasi: HOME dan XDG_CONFIG_HOME tidak diatur",
                    "no config file: neither HOME nor XDG_CONFIG_HOME is set",
                )
                .to_string(),
        },
    };
    let rows = [
        (format!("lang = \"{lang_name}\""), lang_from),
        (format!("width = {}", cx.style.width), width_from),
        (
            format!("color = \"{color_name}\""),
            if cx.plain && sources.get("color").is_none() && config.color.is_none() {
                format!(
                    "{} ({})",
                    default,
                    lang.pick("mode polos: tanpa warna", "plain mode: no colour")
                )
            } else {
                from("color", None, line_of(&config.color))
            },
        ),
        (
            format!("format = \"{format_name}\""),
            match &config.format {
                Some(f) => format!(
                    "{}; {}",
                    file_line(f.line),
                    lang.pick(
                        "`assess --format` dan ekstensi --out didahulukan",
                        "`assess --format` and --out's extension come first"
                    )
                ),
                None => default.clone(),
            },
        ),
        (format!("rules = [{}]", rules.join(", ")), rules_note),
        (format!("plain = {}", cx.plain), plain_from),
    ];
    let wide = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!("# {file}\n");
    for (left, why) in rows {
        let pad = " ".repeat(wide - left.chars().count());
        out.push_str(&format!("{left}{pad}  # {why}\n"));
    }
    super::print(cx, &out)?;
    Ok(Exit::Success)
}
