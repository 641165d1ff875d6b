//! The command line in the chosen language. The English help is written in the clap
//! definitions; Indonesian is laid over the built command here, by command path and argument
//! id, together with the words clap itself prints (headings, the help and version flags) and
//! Indonesian usage errors. A test checks that every command and option has its Indonesian
//! words, so a new option cannot arrive in English only.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, Command};

use crate::vocab::Lang;

/// Indonesian words for each command (key: the command's path) and option (key: the path and
/// the argument's id; options every command shares are keyed by id alone).
const ID: &[(&str, &str)] = &[
    (
        "etika",
        "Pendukung keputusan etis untuk pekerjaan sosial (Kode Etik Pekerja Sosial Indonesia)",
    ),
    (
        "etika!long",
        "Pendukung keputusan etis untuk pekerjaan sosial. etika memuat kode etik sebagai data, \
menanyakan dilema Anda, lalu menjawab dengan kewajiban yang berlaku, alasannya, sumbernya, cara \
menyelesaikan pertentangan di antaranya, dan langkah berikutnya. etika memberi saran dan tidak \
pernah memutuskan: bawa laporannya kepada supervisor Anda.",
    ),
    (
        "etika!after",
        "Kode keluar: 0 berhasil; 1 aturan, jawaban atau masukan tidak sah, atau uji gagal; \
2 pemakaian salah; 130 dibatalkan; 129 atau 143 dihentikan sinyal.",
    ),
    (
        "rules",
        "Muat paket aturan di FOLDER, bukan paket bawaan yang tertanam; ulangi untuk lapisan di \
atasnya (`--rules dasar --rules lapisan`). Lapisan saja berdiri di atas paket bawaan",
    ),
    (
        "lang",
        "Bahasa pertanyaan dan laporan [bawaan: dari locale]",
    ),
    (
        "color",
        "Kapan memakai warna; `auto` mengikuti NO_COLOR, CLICOLOR, CLICOLOR_FORCE dan TERM=dumb, \
dan hanya mewarnai terminal",
    ),
    (
        "width",
        "Lebar laporan dalam kolom [bawaan: COLUMNS, lalu lebar terminal, lalu 100]",
    ),
    (
        "ascii",
        "Gambar tabel dan tanda dengan ASCII [bawaan: bila locale bukan UTF-8]",
    ),
    (
        "no_pager",
        "Jangan pernah memakai pager untuk laporan panjang, juga di terminal",
    ),
    (
        "plain",
        "Bertanya dalam baris polos, untuk pembaca layar dan terminal sederhana: tanpa gerakan \
kursor, tanpa warna; jawaban diketik (nomor, y/t, back, stop) [bawaan: bila TERM=dumb]",
    ),
    (
        "etika config",
        "Tampilkan setiap pengaturan (bahasa, lebar, warna, format, paket aturan, mode polos), \
nilainya, dan asalnya: bawaan, berkas konfigurasi, lingkungan atau opsi",
    ),
    ("help", "Tampilkan bantuan"),
    ("version", "Tampilkan versi"),
    (
        "etika assess",
        "Telusuri sebuah dilema dan dapatkan kewajiban, pertentangan dan langkah tindakan",
    ),
    (
        "etika assess:answers",
        "Baca jawaban dari BERKAS dan jangan bertanya apa pun",
    ),
    (
        "etika assess:save",
        "Simpan jawaban ke BERKAS setelah setiap pertanyaan (mode 0600), untuk dilanjutkan nanti",
    ),
    (
        "etika assess:resume",
        "Lanjutkan sesi yang disimpan dengan --save; penyimpanan berlanjut ke berkas yang sama",
    ),
    (
        "etika assess:force",
        "Izinkan --save atau --out menimpa berkas yang sudah ada",
    ),
    (
        "etika assess:format",
        "Format laporan [bawaan: dari ekstensi --out (.md, .json, .html, .txt), lalu table]",
    ),
    (
        "etika assess:out",
        "Tulis laporan ke BERKAS (mode 0600), bukan ke keluaran standar; `-` berarti keluaran \
standar",
    ),
    (
        "etika assess:full",
        "Laporan lengkap dalam format tabel: setiap kewajiban utuh, penjelasan ketegangan, setiap \
langkah, dan langkah yang tidak dipakai (Markdown, HTML, dan JSON selalu memuat semuanya)",
    ),
    (
        "etika assess:what_if",
        "Tampilkan apa yang berubah bila sebuah jawaban diubah: PERTANYAAN=NILAI (yes, no, \
unsure, id pilihan, atau beberapa id dipisah koma); boleh diberikan lebih dari sekali",
    ),
    (
        "etika practice",
        "Latih sebuah kasus dan dapatkan umpan balik bernilai, atau nilai berkas jawaban",
    ),
    (
        "etika practice:case",
        "Kasus yang dilatih atau dinilai (lihat `etika list cases`); ditanyakan bila tidak diberikan",
    ),
    (
        "etika practice:answers",
        "Nilai berkas-berkas jawaban ini tanpa bertanya (satu berkas: umpan balik lengkap; \
beberapa: tabel, satu baris per berkas, dan ringkasan kelas)",
    ),
    (
        "etika practice:out",
        "Tulis umpan balik atau nilai ke BERKAS (mode 0600), bukan ke keluaran standar, \
menggantinya sekaligus; berkas yang sudah ada hanya dengan --force",
    ),
    (
        "etika practice:save",
        "Simpan jawaban dan langkah pilihan mahasiswa ke BERKAS (mode 0600), untuk diserahkan",
    ),
    ("etika practice:format", "Format keluaran"),
    (
        "etika practice:force",
        "Izinkan --save atau --out menimpa berkas yang sudah ada",
    ),
    (
        "etika list",
        "Daftar prinsip, kewajiban, pertentangan, pertanyaan, tindakan atau kasus dalam paket",
    ),
    ("etika list:kind", "Apa yang didaftar"),
    ("etika list:format", "Format keluaran"),
    (
        "etika show",
        "Tampilkan satu prinsip, pertanyaan, kewajiban, pertentangan, tindakan atau kasus dengan kata-kata",
    ),
    (
        "etika show:id",
        "Id prinsip, pertanyaan, kewajiban, pertentangan, tindakan atau kasus",
    ),
    (
        "etika validate",
        "Periksa paket aturan dan tampilkan setiap masalah yang ditemukan",
    ),
    (
        "etika validate:strict",
        "Gagal juga pada peringatan (pertanyaan atau kewajiban yang tak terjangkau, terjemahan \
yang kurang, tindakan yang tidak dipakai)",
    ),
    (
        "etika test",
        "Jalankan kasus latihan paket sebagai uji terhadap paket",
    ),
    (
        "etika test:coverage",
        "Daftar kewajiban, pertentangan, pertanyaan dan tindakan yang tidak diuji kasus mana pun",
    ),
    (
        "etika validate:format",
        "Format keluaran: masalah sebagai teks di galat standar, atau sebagai JSON di keluaran \
standar (untuk editor dan CI)",
    ),
    (
        "etika schema",
        "Cetak JSON Schema sebuah berkas aturan, berkas jawaban, atau laporan JSON",
    ),
    (
        "etika schema:kind",
        "Schema yang dicetak; tanpa itu (dan tanpa --dir), jenis-jenisnya didaftar",
    ),
    (
        "etika schema:dir",
        "Tulis semua schema ke FOLDER sebagai KIND.schema.json (folder `schemas/` repositori)",
    ),
    (
        "etika diff",
        "Tampilkan apa yang ditambah, dihapus dan diubah edisi baru sebuah paket, dan bagaimana \
saran untuk kasus yang disimpan berubah",
    ),
    (
        "etika diff:old",
        "Edisi lama: folder paket, atau `embedded`",
    ),
    (
        "etika diff:new",
        "Edisi baru: folder paket, atau `embedded` [bawaan: OLD dibandingkan dengan paket \
bawaan, yang menjadi sisi lama]",
    ),
    (
        "etika diff:answers",
        "Tampilkan juga bagaimana saran untuk kasus dalam berkas jawaban ini berubah",
    ),
    ("etika diff:format", "Format keluaran"),
    (
        "etika export",
        "Tulis paket bawaan ke sebuah folder, sebagai awal kode etik baru atau (--overlay) \
lapisan di atasnya",
    ),
    (
        "etika export:dir",
        "Folder yang ditulis; harus baru atau kosong",
    ),
    (
        "etika export:overlay",
        "Tulis kerangka lapisan yang memperluas paket bawaan, bukan salinannya",
    ),
    (
        "etika export:force",
        "Tulis ke folder yang sudah berisi berkas (berkas bernama sama ditimpa)",
    ),
    (
        "etika man",
        "Cetak halaman manual (roff): `etika man | man -l -`",
    ),
    (
        "etika completions",
        "Cetak skrip pelengkapan untuk shell; skrip itu menawarkan id kasus dan id butir paket \
yang dimuat",
    ),
    (
        "etika completions:shell",
        "Shell-nya: bash, zsh, fish, elvish atau powershell",
    ),
    (
        "etika help",
        "Tampilkan bantuan ini atau bantuan perintah yang disebut",
    ),
];

/// Indonesian value names for the English ones used in the definitions.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("FILE", "BERKAS"),
    ("DIR", "FOLDER"),
    ("QUESTION=VALUE", "PERTANYAAN=NILAI"),
    ("COMMAND", "PERINTAH"),
    ("SHELL", "SHELL"),
];

fn id_words(key: &str) -> Option<&'static str> {
    // `etika help X` is described as `etika X` is.
    let key = match key.strip_prefix("etika help ") {
        Some(rest) => format!("etika {rest}"),
        None => key.to_owned(),
    };
    ID.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The language the command line asks for, read before clap parses it so that the help and
/// usage errors come out in that language: `--lang X` or `--lang=X` anywhere before `--`,
/// else the locale.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut wanted = None;
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let v = if a == "--lang" {
            it.next().map(|v| v.into_owned())
        } else {
            a.strip_prefix("--lang=").map(str::to_owned)
        };
        match v.as_deref() {
            Some("id") => wanted = Some(super::LangArg::Id),
            Some("en") => wanted = Some(super::LangArg::En),
            _ => {}
        }
    }
    super::choose_lang(wanted)
}

/// The whole command line, built, in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = <super::Cli as clap::CommandFactory>::command();
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Id => localize(cmd, "etika"),
    }
}

fn localize(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd;
    if let Some(about) = id_words(path) {
        cmd = cmd.about(about);
    }
    cmd = cmd.long_about(id_words(&format!("{path}!long")));
    if let Some(after) = id_words(&format!("{path}!after")) {
        cmd = cmd.after_help(after).after_long_help(after);
    }
    let usage = cmd
        .clone()
        .render_usage()
        .to_string()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[OPSI]")
        .replace("<COMMAND>", "<PERINTAH>")
        .replace("[COMMAND]", "[PERINTAH]");
    let has_subcommands = cmd.has_subcommands();
    cmd = cmd
        .override_usage(usage)
        .help_template(
            "{before-help}{about-with-newline}\nPemakaian: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .mut_args(|a| localize_arg(a, path));
    if has_subcommands {
        cmd = cmd.mut_subcommands(|s| {
            let sub = format!("{path} {}", s.get_name());
            localize(s, &sub)
        });
    }
    cmd
}

fn localize_arg(a: Arg, path: &str) -> Arg {
    let id = a.get_id().as_str().to_owned();
    let mut words = id_words(&format!("{path}:{id}"))
        .or_else(|| id_words(&id))
        .map(str::to_owned);
    let mut a = a;
    if let Some(w) = &mut words {
        // The bracketed facts clap adds in English, said here in Indonesian.
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() && !a.is_hide_possible_values_set() {
            let _ = write!(w, " [nilai: {}]", values.join(", "));
        }
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
            let _ = write!(w, " [bawaan: {}]", defaults.join(", "));
        }
        if let Some(env) = a.get_env() {
            let _ = write!(w, " [env: {}]", env.to_string_lossy());
        }
        a = a
            .help(w.clone())
            .long_help(None::<&str>)
            .hide_possible_values(true)
            .hide_default_value(true)
            .hide_env(true);
    }
    if let Some(names) = a.get_value_names() {
        let names: Vec<clap::builder::Str> = names
            .iter()
            .map(|n| {
                VALUE_NAMES
                    .iter()
                    .find(|(en, _)| *en == n.as_str())
                    .map_or_else(|| n.clone(), |(_, id)| (*id).into())
            })
            .collect();
        a = a.value_names(names);
    }
    if a.is_positional() {
        a.help_heading("Argumen")
    } else if a.is_global_set() || matches!(a.get_id().as_str(), "help" | "version") {
        a.help_heading("Opsi umum")
    } else {
        a.help_heading("Opsi")
    }
}

/// Usage errors in Indonesian. The help and version texts are not errors and pass through.
pub struct Indonesian;

impl ErrorFormatter for Indonesian {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let get = |k| error.get(k).map(plain);
        let arg = get(ContextKind::InvalidArg).unwrap_or_default();
        let value = get(ContextKind::InvalidValue).unwrap_or_default();
        let mut out = String::from("galat: ");
        match error.kind() {
            ErrorKind::InvalidValue => {
                if value.is_empty() {
                    let _ = write!(out, "`{arg}` memerlukan nilai, tetapi tidak ada");
                } else {
                    let _ = write!(out, "nilai `{value}` tidak sah untuk `{arg}`");
                }
                if let Some(v) = get(ContextKind::ValidValue) {
                    let _ = write!(out, "\n  [nilai yang mungkin: {v}]");
                }
            }
            ErrorKind::UnknownArgument => {
                let _ = write!(out, "argumen `{arg}` tidak dikenal");
            }
            ErrorKind::InvalidSubcommand => {
                let sub = get(ContextKind::InvalidSubcommand).unwrap_or_default();
                let _ = write!(out, "perintah `{sub}` tidak dikenal");
            }
            ErrorKind::MissingRequiredArgument => {
                let _ = write!(out, "argumen wajib belum diberikan: {arg}");
            }
            ErrorKind::ArgumentConflict => {
                let prior = get(ContextKind::PriorArg).unwrap_or_default();
                let _ = write!(out, "`{arg}` tidak dapat dipakai bersama `{prior}`");
            }
            ErrorKind::ValueValidation => {
                let _ = write!(out, "nilai `{value}` tidak sah untuk `{arg}`");
                if let Some(source) = std::error::Error::source(error) {
                    let _ = write!(out, ": {source}");
                }
            }
            ErrorKind::NoEquals => {
                let _ = write!(out, "`{arg}` memerlukan `=` sebelum nilainya");
            }
            ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
                let _ = write!(out, "jumlah nilai untuk `{arg}` tidak tepat");
            }
            ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                out.push_str("perintah belum diberikan");
            }
            ErrorKind::InvalidUtf8 => out.push_str("argumen bukan UTF-8 yang sah"),
            _ => {
                let _ = write!(out, "baris perintah tidak dapat dibaca ({})", error.kind());
            }
        }
        out.push('\n');
        let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
            .into_iter()
            .find_map(|k| match error.get(k) {
                Some(ContextValue::String(s)) => Some(vec![s.clone()]),
                Some(ContextValue::Strings(v)) => Some(v.clone()),
                _ => None,
            });
        if let Some(names) = suggested {
            let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            let _ = write!(
                out,
                "\n  petunjuk: mungkin maksud Anda {}?\n",
                names.join(" atau ")
            );
        }
        if let Some(usage) = error.get(ContextKind::Usage).map(plain) {
            let usage = usage.trim_start_matches("Usage:").trim();
            let _ = write!(out, "\nPemakaian: {usage}\n");
        }
        out.push_str("\nUntuk keterangan lebih lanjut, coba `--help`.\n");
        StyledStr::from(out)
    }
}

fn plain(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(v) => v.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(v) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>, seen: &mut Vec<String>) {
        if id_words(path).is_none() {
            missing.push(path.to_owned());
        }
        seen.push(path.to_owned());
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            let key = format!("{path}:{id}");
            if id_words(&key).is_some() {
                seen.push(key);
            } else if id_words(id).is_some() {
                seen.push(id.to_owned());
            } else {
                missing.push(key);
            }
        }
        for s in cmd.get_subcommands() {
            walk(s, &format!("{path} {}", s.get_name()), missing, seen);
        }
    }

    #[test]
    fn every_command_and_option_has_indonesian_words_and_none_are_stale() {
        let cmd = command(Lang::En);
        let (mut missing, mut seen) = (Vec::new(), Vec::new());
        walk(&cmd, "etika", &mut missing, &mut seen);
        assert!(missing.is_empty(), "no Indonesian help for: {missing:?}");
        let stale: Vec<&str> = ID
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !k.contains('!') && !seen.iter().any(|s| s == k))
            .collect();
        assert!(stale.is_empty(), "Indonesian help for nothing: {stale:?}");
    }

    #[test]
    fn lang_is_read_before_parsing_wherever_it_stands() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_of(&args(&["etika", "--lang", "id", "assess"])),
            Lang::Id
        );
        assert_eq!(
            lang_of(&args(&["etika", "assess", "--lang=id", "-h"])),
            Lang::Id
        );
        assert_eq!(
            lang_of(&args(&["etika", "--lang=id", "--lang", "en"])),
            Lang::En
        );
    }

    #[test]
    fn indonesian_help_has_no_english_headings() {
        let mut cmd = command(Lang::Id);
        let help = cmd.render_help().to_string();
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "[default:",
            "[possible",
        ] {
            assert!(!help.contains(english), "{english:?} in:\n{help}");
        }
        assert!(
            help.contains("Pemakaian: etika [OPSI] <PERINTAH>"),
            "{help}"
        );
        assert!(help.contains("Perintah:"), "{help}");
        let mut assess = cmd.find_subcommand_mut("assess").unwrap().clone();
        let help = assess.render_help().to_string();
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(help.contains("--answers <BERKAS>"), "{help}");
        assert!(
            help.contains("Format laporan [bawaan: dari ekstensi --out (.md, .json, .html, .txt), lalu table] [nilai: table, markdown, json, html]"),
            "{help}"
        );
        assert!(
            help.contains("Kode keluar") || !help.contains("Exit codes"),
            "{help}"
        );
    }
}
