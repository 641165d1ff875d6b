//! The default pack's law and words, as the legal and language review of 2026-12 left them
//! (docs/pack-notes.md, "Law and words as of the 2026-12 review"). The embedded pack is written
//! out with `etika export` and read back as TOML:
//!
//! - no obligation or service cites a revoked article (the old KUHP numbers, old KUHAP 170,
//!   UU 21/2007 Pasal 2, UU 18/2014) without saying, in the same citation, that it is the former
//!   number;
//! - no Indonesian text uses a term the review replaced.

use std::fs;
use std::path::Path;

use crate::util::*;

/// Every `.toml` file of the embedded pack, as (path inside the pack, parsed value).
fn embedded_pack() -> Vec<(String, toml::Value)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("pack");
    etika().arg("export").arg(&out).assert().success();
    let mut files = Vec::new();
    collect(&out, &out, &mut files);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        files.iter().any(|(p, _)| p.starts_with("obligations/")),
        "the export holds no obligations: {:?}",
        files.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    files
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, toml::Value)>) {
    for entry in fs::read_dir(dir).expect("read the exported pack") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let text = fs::read_to_string(&path).expect("read a rule file");
            let value: toml::Value = toml::from_str(&text)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push((rel, value));
        }
    }
}

/// The items of an array of tables (`[[obligation]]`), with their ids.
fn items<'a>(value: &'a toml::Value, kind: &str) -> Vec<(&'a str, &'a toml::Table)> {
    value
        .get(kind)
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(toml::Value::as_table)
                .map(|t| (t.get("id").and_then(toml::Value::as_str).unwrap_or("?"), t))
                .collect()
        })
        .unwrap_or_default()
}

// ── Revoked articles ────────────────────────────────────────────────────────────────────────

/// Articles that no longer exist as cited: the old KUHP (Wetboek van Strafrecht) numbers the
/// review names (322 secrets, 531 mortal danger, 164–165 planned crimes) and old KUHAP 170, all
/// replaced from 2 January 2026. A citation of a new KUHP article with one of these numbers
/// would be caught too; none is cited, and one would need the same care.
const REVOKED_ARTICLES: &[u32] = &[164, 165, 170, 322, 531];

/// Laws or articles revoked as a whole: UU 21/2007 Pasal 2 (now KUHP Pasal 455) and UU 18/2014
/// on mental health (revoked by UU 17/2023).
const REVOKED_LAWS: &[(&str, Option<&str>)] = &[
    ("UU 21/2007", Some("Pasal 2")),
    ("Law 21/2007", Some("Article 2")),
    ("UU 18/2014", None),
    ("Law 18/2014", None),
];

/// Words saying a citation is the former number: it may then stand, as history.
const FORMER: &[&str] = &[
    "dahulu",
    "formerly",
    "former number",
    "kuhp lama",
    "old kuhp",
    "menggantikan",
    "replacing",
    "replaced",
    "dicabut",
    "revoked",
];

/// The revoked citations in one citation segment that do not say they are former numbers.
fn revoked_in(segment: &str) -> Vec<String> {
    let lower = segment.to_lowercase();
    if FORMER.iter().any(|w| lower.contains(w)) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for word in ["Pasal ", "Article ", "Articles "] {
        for (at, _) in segment.match_indices(word) {
            let digits: String = segment[at + word.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse::<u32>()
                && REVOKED_ARTICLES.contains(&n)
            {
                found.push(format!("{word}{n}"));
            }
        }
    }
    for (law, article) in REVOKED_LAWS {
        for (at, _) in segment.match_indices(law) {
            let rest = &segment[at + law.len()..];
            let hit = match article {
                None => true,
                Some(article) => rest
                    .find(article)
                    .filter(|&i| i < 4)
                    .map(|i| &rest[i + article.len()..])
                    .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_digit())),
            };
            if hit {
                found.push(format!(
                    "{law}{}",
                    article.map(|a| format!(" {a}")).unwrap_or_default()
                ));
            }
        }
    }
    found
}

/// The problems of one `source` text: each `;`-separated citation checked on its own, so a
/// "formerly" elsewhere in the source does not excuse it.
fn revoked_problems(where_: &str, lang: &str, text: &str) -> Vec<String> {
    text.split(';')
        .flat_map(|segment| {
            revoked_in(segment).into_iter().map(move |c| {
                format!(
                    "{where_} ({lang}): `{c}` without saying it is the former number, in `{}`",
                    segment.trim()
                )
            })
        })
        .collect()
}

#[test]
fn no_source_cites_a_revoked_article_as_if_in_force() {
    let mut problems = Vec::new();
    let mut sources = 0;
    for (file, value) in embedded_pack() {
        for kind in ["obligation", "service"] {
            for (id, table) in items(&value, kind) {
                let Some(source) = table.get("source") else {
                    continue;
                };
                sources += 1;
                let texts: Vec<(&str, &str)> = match source {
                    toml::Value::String(s) => vec![("both", s.as_str())],
                    toml::Value::Table(t) => ["id", "en"]
                        .iter()
                        .filter_map(|l| t.get(*l).and_then(toml::Value::as_str).map(|s| (*l, s)))
                        .collect(),
                    _ => Vec::new(),
                };
                for (lang, text) in texts {
                    problems.extend(revoked_problems(
                        &format!("{file}: {kind} `{id}`"),
                        lang,
                        text,
                    ));
                }
            }
        }
    }
    assert!(
        sources > 150,
        "only {sources} sources read: is the export complete?"
    );
    assert!(
        problems.is_empty(),
        "revoked articles cited as if in force:\n{}",
        problems.join("\n")
    );
}

#[test]
fn revoked_article_check_tells_history_from_citation() {
    // The check itself: a former number said as such passes, the same number alone fails.
    assert!(revoked_in("UU 1/2023 (KUHP baru), Pasal 443 (dahulu KUHP Pasal 322)").is_empty());
    assert!(revoked_in(" formerly KUHP Articles 164–165").is_empty());
    assert_eq!(
        revoked_in("KUHP Pasal 531 (menolong orang dalam bahaya maut)"),
        ["Pasal 531"]
    );
    assert_eq!(
        revoked_in("Law 21/2007 Article 2 (trafficking)"),
        ["Law 21/2007 Article 2"]
    );
    assert!(revoked_in("Law 21/2007 Article 20").is_empty());
    assert_eq!(
        revoked_in("UU 18/2014 tentang Kesehatan Jiwa"),
        ["UU 18/2014"]
    );
    assert!(revoked_in("UU 1/2023 Pasal 432").is_empty());
}

// ── Replaced Indonesian terms ───────────────────────────────────────────────────────────────

/// Every Indonesian text of the pack: the `id` of a table that also has `en` (a bilingual text),
/// with where it is and the key it sits under (`short`, `text`, `label`, …).
fn indonesian_texts(
    file: &str,
    value: &toml::Value,
    path: &str,
    key: &str,
    out: &mut Vec<(String, String, String)>,
) {
    match value {
        toml::Value::Table(t) => {
            if let (Some(toml::Value::String(id)), Some(toml::Value::String(_))) =
                (t.get("id"), t.get("en"))
            {
                out.push((format!("{file}: {path}"), key.to_string(), id.clone()));
                return;
            }
            let here = t.get("id").and_then(toml::Value::as_str);
            for (k, v) in t {
                let p = match here {
                    Some(id) if path.is_empty() || !path.ends_with(id) => {
                        format!("{path}{}{id}.{k}", if path.is_empty() { "" } else { "." })
                    }
                    _ => format!("{path}{}{k}", if path.is_empty() { "" } else { "." }),
                };
                indonesian_texts(file, v, &p, k, out);
            }
        }
        toml::Value::Array(a) => {
            for v in a {
                indonesian_texts(file, v, path, key, out);
            }
        }
        _ => {}
    }
}

/// Phrases the review replaced, with what replaces them. Matched in lower case.
const REPLACED: &[(&str, &str)] = &[
    // "pengakuan" reads as a confession. A disclosure is "pengungkapan"; a claim someone makes
    // (an agent's word about an age) is "keterangan", so the word is kept out in every sense.
    ("pengakuan", "pengungkapan (or keterangan for a claim)"),
    ("bpjs bersubsidi", "PBI JK"),
    ("polisi umum", "SPKT or Satreskrim of the Polsek or Polres"),
    // The law's own name: "unit pelaksana teknis (daerah) di bidang sosial".
    (
        "unit teknis",
        "unit pelaksana teknis (daerah) di bidang sosial",
    ),
    // Imminence: "serius, dapat diperkirakan, dan mengancam dalam waktu dekat".
    (
        "dapat diperkirakan, dan segera",
        "dapat diperkirakan, dan mengancam dalam waktu dekat",
    ),
    ("belum segera", "belum mengancam dalam waktu dekat"),
    ("bahaya segera", "bahaya yang mengancam dalam waktu dekat"),
    (
        "bahaya yang segera",
        "bahaya yang mengancam dalam waktu dekat",
    ),
    ("menjadi segera", "mulai mengancam dalam waktu dekat"),
    (
        "serius yang segera",
        "serius, dapat diperkirakan, dan mengancam dalam waktu dekat",
    ),
    (
        "serius dan segera",
        "serius, dapat diperkirakan, dan mengancam dalam waktu dekat",
    ),
    ("tidak segera terjadi", "tidak mengancam dalam waktu dekat"),
];

/// The replaced terms in one Indonesian text (`key` is the field it is under).
fn replaced_terms(key: &str, text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut found: Vec<String> = REPLACED
        .iter()
        .filter(|(old, _)| lower.contains(old))
        .map(|(old, new)| format!("`{old}` (use `{new}`)"))
        .collect();

    // "kejahatan" → "tindak pidana". Allowed only in "catatan kejahatan", the term UU 27/2022
    // (PDP) Pasal 4 ayat (2) itself uses for criminal records among specific personal data.
    if lower
        .match_indices("kejahatan")
        .any(|(i, _)| !lower[..i].ends_with("catatan "))
    {
        found.push("`kejahatan` (use `tindak pidana`)".into());
    }

    // "cakap/tidak cakap" (and "kecakapan") for a person's capacity → "kapasitas mengambil
    // keputusan". Allowed only as "cakap hukum": legal capacity, which only a court takes away
    // (UU 8/2016 Pasal 32). "bercakap" and "percakapan" (talking) are other words.
    let mut rest = lower.as_str();
    let mut offset = 0;
    while let Some(i) = rest.find("cakap") {
        let at = offset + i;
        let start = lower[..at]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map_or(0, |p| {
                p + lower[p..].chars().next().map_or(1, char::len_utf8)
            });
        let word_end = lower[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map_or(lower.len(), |p| at + p);
        let word = &lower[start..word_end];
        let talking = word.starts_with("ber") || word.starts_with("per");
        let legal = lower[word_end..].starts_with(" hukum");
        if !talking && !legal {
            found.push(format!(
                "`{word}` (use `kapasitas mengambil keputusan`; `cakap hukum` for legal capacity)"
            ));
        }
        offset = word_end;
        rest = &lower[word_end..];
    }

    // "tolak dengan hangat" → "tolak dengan halus dan santun": warmth in a refusal, within one
    // clause. Warmth elsewhere (a warm welcome, a warm conversation) is not this phrase.
    for (i, _) in lower.match_indices("dengan hangat") {
        let clause = lower[..i]
            .rsplit(['.', ';', ':', '!', '?'])
            .next()
            .unwrap_or("");
        if clause.contains("tolak") {
            found.push("`tolak … dengan hangat` (use `dengan halus dan santun`)".into());
        }
    }

    // The law's own names.
    for (i, _) in lower.match_indices("penyedia layanan berbasis masyarakat") {
        if !lower[..i].ends_with("lembaga ") {
            found.push("`penyedia layanan berbasis masyarakat` (use `Lembaga Penyedia Layanan Berbasis Masyarakat`)".into());
        }
    }
    // A short step (at most 60 characters) may use the short form alone.
    if key != "short" && lower.contains("pk bapas") && !lower.contains("pembimbing kemasyarakatan")
    {
        found.push("`PK Bapas` without `Pembimbing Kemasyarakatan (PK) Bapas`".into());
    }
    found
}

#[test]
fn no_indonesian_text_uses_a_replaced_term() {
    let mut texts = Vec::new();
    for (file, value) in embedded_pack() {
        indonesian_texts(&file, &value, "", "", &mut texts);
    }
    assert!(
        texts.len() > 2500,
        "only {} Indonesian texts read",
        texts.len()
    );
    for kind in [
        "cases/",
        "obligations/",
        "questions.toml",
        "actions.toml",
        "tensions.toml",
        "services.toml",
        "principles.toml",
    ] {
        assert!(
            texts.iter().any(|(w, _, _)| w.starts_with(kind)),
            "no Indonesian text read from {kind}"
        );
    }
    let problems: Vec<String> = texts
        .iter()
        .flat_map(|(where_, key, text)| {
            replaced_terms(key, text)
                .into_iter()
                .map(move |p| format!("{where_}: {p}"))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "replaced terms in the Indonesian text:\n{}",
        problems.join("\n")
    );
}

#[test]
fn replaced_term_check_tells_the_words_apart() {
    assert!(
        replaced_terms(
            "text",
            "Hormati orang dewasa yang memiliki kapasitas mengambil keputusan."
        )
        .is_empty()
    );
    assert!(
        replaced_terms(
            "text",
            "hanya dapat dinyatakan tidak cakap hukum oleh pengadilan negeri"
        )
        .is_empty()
    );
    assert!(
        replaced_terms(
            "text",
            "percakapan yang hangat; grup percakapan; bercakap pribadi"
        )
        .is_empty()
    );
    assert!(
        replaced_terms(
            "text",
            "Data anak, kesehatan, catatan kejahatan, dan keuangan"
        )
        .is_empty()
    );
    assert!(replaced_terms("text", "Ia menyambut Anda dengan hangat.").is_empty());
    assert!(replaced_terms("short", "Tulis laporan sosial bersama PK Bapas").is_empty());
    assert_eq!(replaced_terms("text", "orang dewasa yang cakap").len(), 1);
    assert_eq!(
        replaced_terms("text", "Kecakapan dinilai untuk keputusan ini").len(),
        1
    );
    assert_eq!(replaced_terms("text", "niat melakukan kejahatan").len(), 1);
    assert_eq!(
        replaced_terms("text", "Tolak dengan hangat bila masih bisa").len(),
        1
    );
    assert_eq!(replaced_terms("text", "bukan dari pengakuan").len(), 1);
    assert_eq!(
        replaced_terms("text", "lembaga penyedia layanan berbasis masyarakat").len(),
        0
    );
    assert_eq!(
        replaced_terms("text", "UPTD PPA, penyedia layanan berbasis masyarakat").len(),
        1
    );
    assert_eq!(replaced_terms("text", "bekerja bersama PK Bapas").len(), 1);
}
