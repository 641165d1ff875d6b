//! Generators of hostile input: packs (copies of the fixture pack with something planted in
//! them) and answers files, each sized by a number so one generator gives a small case for CI
//! and a large one for the longer run.

use std::fmt::Write as _;

use crate::util::PackCopy;

/// An obligation entry, as a rule author writes it.
pub fn obligation(id: &str, when: &str, actions: &str) -> String {
    format!(
        r#"
[[obligation]]
id = "{id}"
title = {{ id = "judul", en = "title" }}
text = {{ id = "teks", en = "text" }}
source = "sumber"
principles = ["protection_of_life"]
when = "{when}"
actions = {actions}
consult = "supervisor"
"#
    )
}

/// A yes/no question entry.
pub fn yes_no(id: &str) -> String {
    format!(
        r#"
[[question]]
id = "{id}"
kind = "yes_no"
prompt = {{ id = "tanya", en = "ask" }}
help = {{ id = "bantu", en = "help" }}
"#
    )
}

/// Append `text` to the file `rel` of a pack copy (creating it).
pub fn append(pack: &PackCopy, rel: &str, text: &str) {
    use std::io::Write as _;
    let path = pack.path().join(rel);
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .expect("open a pack file");
    f.write_all(text.as_bytes()).expect("append to a pack file");
}

/// `n` yes/no questions `bq0`… and a condition over all of them that can never hold, yet no
/// three-valued shortcut sees it before every question but the last is settled:
/// `(bq0 or … or bq(n-2)) and bq(n-1) and not bq(n-1)`. A search that enumerates answers
/// takes 2^(n-1) steps.
pub fn bomb_questions(pack: &PackCopy, n: usize) -> String {
    let ids: Vec<String> = (0..n).map(|i| format!("bq{i}")).collect();
    let mut text = String::new();
    for id in &ids {
        text.push_str(&yes_no(id));
    }
    append(pack, "questions.toml", &text);
    let last = &ids[n - 1];
    format!("({}) and {last} and not {last}", ids[..n - 1].join(" or "))
}

/// A pack with one obligation whose `when` is a reachability bomb over `n` questions.
pub fn reach_bomb(n: usize) -> PackCopy {
    let pack = PackCopy::new();
    let when = bomb_questions(&pack, n);
    append(
        &pack,
        "obligations/bomb.toml",
        &obligation("bomb", &when, r#"["consult_supervisor"]"#),
    );
    pack
}

/// `n` steps that may never be given (their `when` is a bomb) and `n` obligations each
/// calling for every one of them: n² reachability questions.
pub fn step_bomb(n: usize) -> PackCopy {
    let pack = PackCopy::new();
    let when = bomb_questions(&pack, 40);
    let mut steps = String::new();
    for i in 0..n {
        let _ = write!(
            steps,
            "\n[[action]]\nid = \"step{i}\"\nphase = \"act\"\nshort = \"s\"\ntext = \"t\"\nwhen = \"{when}\"\n"
        );
    }
    append(&pack, "actions.toml", &steps);
    let all = format!(
        "[{}]",
        (0..n)
            .map(|i| format!("\"step{i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut obligations = String::new();
    for i in 0..n {
        obligations.push_str(&obligation(&format!("caller{i}"), "harm_risk", &all));
    }
    append(&pack, "obligations/callers.toml", &obligations);
    pack
}

/// An obligation whose `actions` line names `n` unknown actions.
pub fn ids_on_one_line(n: usize) -> PackCopy {
    let pack = PackCopy::new();
    let ids = (0..n)
        .map(|i| format!("\"nope{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    append(
        &pack,
        "obligations/ids.toml",
        &obligation("many_ids", "harm_risk", &format!("[{ids}]")),
    );
    pack
}

/// `n` obligation entries, each cut off in the middle of a table.
pub fn broken_entries(n: usize) -> PackCopy {
    let pack = PackCopy::new();
    let mut text = String::new();
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[obligation]]\nid = \"b{i}\"\ntitle = {{ id = \"t\", en = \n"
        );
    }
    append(&pack, "obligations/broken.toml", &text);
    pack
}

/// `n` actions no obligation or tension uses.
pub fn unused_actions(n: usize) -> PackCopy {
    let pack = PackCopy::new();
    let mut text = String::new();
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[action]]\nid = \"unused{i}\"\nphase = \"act\"\nshort = \"s\"\ntext = \"t\"\n"
        );
    }
    append(&pack, "actions.toml", &text);
    pack
}

/// A question `big` (any_of) with `n` options `o0`…, and an obligation reading two of them.
pub fn many_options(n: usize) -> PackCopy {
    let pack = PackCopy::new();
    let mut text = String::from(
        "\n[[question]]\nid = \"big\"\nkind = \"any_of\"\nprompt = \"p\"\nhelp = \"h\"\noptions = [\n",
    );
    for i in 0..n {
        let _ = writeln!(text, "  {{ id = \"o{i}\", label = \"l\" }},");
    }
    text.push_str("]\n");
    append(&pack, "questions.toml", &text);
    append(
        &pack,
        "obligations/big.toml",
        &obligation(
            "reads_big",
            &format!("'o{}' in big or 'o1' in big", n - 1),
            r#"["consult_supervisor"]"#,
        ),
    );
    pack
}

/// A question `big` with `n` options and `m` obligations whose `when` names an option it does
/// not have 150 times: `m * 150` problems, each of which could search `n` options for a
/// suggestion and copy them into a help line.
pub fn conditions_on_many_options(n: usize, m: usize) -> PackCopy {
    let pack = PackCopy::new();
    let mut text = String::from(
        "\n[[question]]\nid = \"big\"\nkind = \"any_of\"\nprompt = \"p\"\nhelp = \"h\"\noptions = [\n",
    );
    for i in 0..n {
        let _ = writeln!(text, "  {{ id = \"option_{i:06}\", label = \"l\" }},");
    }
    text.push_str("]\n");
    append(&pack, "questions.toml", &text);
    let when = vec!["'option_99999x' in big"; 150].join(" or ");
    let mut rules = String::new();
    for i in 0..m {
        rules.push_str(&obligation(
            &format!("c{i}"),
            &when,
            r#"["consult_supervisor"]"#,
        ));
    }
    append(&pack, "obligations/many.toml", &rules);
    pack
}

/// How many times larger than in CI the generated inputs are: `ETIKA_HOSTILE_SCALE`, for the
/// longer run.
pub fn scale(n: usize) -> usize {
    let factor = std::env::var("ETIKA_HOSTILE_SCALE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .max(1);
    n * factor
}

/// An answers file ticking `n` options the question does not have, all on one line.
pub fn bad_options_answers(n: usize) -> String {
    let ids = (0..n)
        .map(|i| format!("\"bad{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!("[answers]\nsituation = [{ids}]\n")
}

/// An answers file with `n` keys no question has.
pub fn unknown_keys_answers(n: usize) -> String {
    let mut text = String::from("[answers]\n");
    for i in 0..n {
        let _ = writeln!(text, "unknown_key_{i} = true");
    }
    text
}

/// Escape sequences that set the window title, clear the screen, move the cursor and fake a
/// line of report, and a C1 control: what an attacker puts in a pack or an answers file.
/// Written as TOML escapes, so a basic string carries them.
pub const ESCAPES: &str = r"\u001b]0;PWNED\u0007\u001b[2J\u001b[1;1HFAKE REPORT\u009b31m";

/// A copy of the fixture pack with `ESCAPES` in every text a person reads: both sides of
/// every bilingual text, every plain text (sources, names), the edition and the date.
pub fn escapes_everywhere() -> PackCopy {
    let pack = PackCopy::new();
    let mut files = Vec::new();
    collect(pack.path(), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut poisoned = poison_bilingual(&text);
        for key in ["source", "name", "edition", "effective"] {
            poisoned = poison_plain(&poisoned, key);
        }
        std::fs::write(&path, poisoned).unwrap();
    }
    pack
}

fn collect(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

/// Markdown that would make a live link, a remote image, an autolink or a reference
/// definition if a report wrote it as it is.
pub const LINKS: &str = "[click](javascript:alert(1)) ![x](http://evil.example/t.png) <http://evil.example/a> [r]: http://evil.example/r ";

/// The fixture pack with `LINKS` at the start of every text, in both languages.
pub fn links_everywhere() -> PackCopy {
    let pack = PackCopy::new();
    let mut files = Vec::new();
    collect(pack.path(), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, poison_bilingual_with(&text, LINKS)).unwrap();
    }
    pack
}

/// `ESCAPES` at the end of the `id` side and the start of the `en` side of every
/// `{ id = "…", en = "…" }`, single- or triple-quoted.
fn poison_bilingual(text: &str) -> String {
    poison_bilingual_with(text, ESCAPES)
}

/// `payload` at the end of the `id` side and the start of the `en` side of every
/// `{ id = "…", en = "…" }`, single- or triple-quoted.
fn poison_bilingual_with(text: &str, payload: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(", en = \"") {
        let (before, after) = rest.split_at(i);
        let close = if before.ends_with("\"\"\"") { 3 } else { 1 };
        out.push_str(&before[..before.len() - close]);
        out.push_str(payload);
        out.push_str(&before[before.len() - close..]);
        let after = &after[", en = ".len()..];
        let open = if after.starts_with("\"\"\"") { 3 } else { 1 };
        out.push_str(", en = ");
        out.push_str(&after[..open]);
        out.push_str(payload);
        rest = &after[open..];
    }
    out.push_str(rest);
    out
}

/// `ESCAPES` at the start of every plain one-line `KEY = "…"`.
fn poison_plain(text: &str, key: &str) -> String {
    let start = format!("{key} = \"");
    text.lines()
        .map(|l| match l.strip_prefix(&start) {
            Some(rest) if !rest.starts_with('"') => format!("{start}{ESCAPES}{rest}\n"),
            _ => format!("{l}\n"),
        })
        .collect()
}
