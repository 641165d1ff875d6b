//! The three report formats pinned by snapshots at a fixed width, in English and Indonesian,
//! plus the properties a snapshot cannot state: no line wider than `--width`, no colour codes
//! unless asked for, and the disclaimer in every report.

use crate::util::*;

fn report(lang: &str, format: &str, width: &str) -> String {
    let out = assess(
        THREAT_TO_LIFE,
        &["--lang", lang, "--format", format, "--width", width],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "a clean run writes nothing to stderr");
    let text = stdout(&out);
    assert!(
        !text.contains('\x1b'),
        "no escape codes when piped:\n{text}"
    );
    text
}

const DISCLAIMER_EN: &str = "it is not legal advice";
const DISCLAIMER_ID: &str = "bukan nasihat hukum";

/// The disclaimer, which may be wrapped over lines in a table: compare without line breaks.
fn has_disclaimer(text: &str, words: &str) -> bool {
    flat(text).contains(words)
}

#[test]
fn table_en_width_100() {
    let text = report("en", "table", "100");
    assert!(has_disclaimer(&text, DISCLAIMER_EN));
    for line in text.lines() {
        assert!(columns(line) <= 100, "{} columns: {line}", columns(line));
    }
    insta::assert_snapshot!("threat_table_en_w100", text);
}

#[test]
fn table_en_width_40_fits_in_40_columns() {
    let text = report("en", "table", "40");
    assert!(has_disclaimer(&text, DISCLAIMER_EN));
    let widest = text.lines().map(columns).max().unwrap_or(0);
    assert!(widest <= 40, "a line is {widest} columns wide:\n{text}");
    // Narrow is not empty: every section is still there.
    for heading in [
        "BINDING DUTIES",
        "OBLIGATIONS THAT APPLY",
        "TENSIONS BETWEEN PRINCIPLES",
        "RECOMMENDED COURSE OF ACTION",
    ] {
        assert!(text.contains(heading), "no `{heading}`:\n{text}");
    }
    // Whom to consult is said once, in In short.
    assert!(text.contains("Consult:"), "{text}");
    assert!(!text.contains("■ CONSULT"), "{text}");
    insta::assert_snapshot!("threat_table_en_w40", text);
}

#[test]
fn markdown_en() {
    let text = report("en", "markdown", "100");
    assert!(text.starts_with("# Case note for supervision"), "{text}");
    assert!(has_disclaimer(&text, DISCLAIMER_EN));
    // A case note keeps no client-identifying data, and says so.
    assert!(text.contains("no name or identifying detail"), "{text}");
    insta::assert_snapshot!("threat_markdown_en", text);
}

#[test]
fn json_en() {
    let text = report("en", "json", "100");
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert!(
        v["disclaimer"]
            .as_str()
            .is_some_and(|d| d.contains(DISCLAIMER_EN))
    );
    insta::assert_snapshot!("threat_json_en", text);
}

#[test]
fn table_id_width_100() {
    let text = report("id", "table", "100");
    assert!(has_disclaimer(&text, DISCLAIMER_ID));
    assert!(text.contains("KEWAJIBAN YANG MENGIKAT"), "{text}");
    for line in text.lines() {
        assert!(columns(line) <= 100, "{} columns: {line}", columns(line));
    }
    insta::assert_snapshot!("threat_table_id_w100", text);
}

#[test]
fn markdown_id() {
    let text = report("id", "markdown", "100");
    assert!(
        text.starts_with("# Catatan kasus untuk supervisi"),
        "{text}"
    );
    assert!(has_disclaimer(&text, DISCLAIMER_ID));
    insta::assert_snapshot!("threat_markdown_id", text);
}

#[test]
fn every_format_and_language_carries_the_disclaimer_even_with_nothing_to_report() {
    for (lang, words) in [("en", DISCLAIMER_EN), ("id", DISCLAIMER_ID)] {
        for format in ["table", "markdown", "json"] {
            let out = assess(ORDINARY, &["--lang", lang, "--format", format]);
            assert!(out.status.success(), "{}", stderr(&out));
            let text = stdout(&out);
            assert!(
                has_disclaimer(&text, words),
                "{lang} {format} has no disclaimer:\n{text}"
            );
            assert!(text.contains("supervisor"), "{lang} {format}:\n{text}");
        }
    }
}

#[test]
fn ordinary_table_says_plainly_that_there_is_no_dilemma() {
    let out = assess(ORDINARY, &["--lang", "en", "--width", "100"]);
    let text = stdout(&out);
    assert!(
        text.contains("Go ahead: no conflict between duties in these answers"),
        "{text}"
    );
    // Nothing is claimed: no binding section, no tension, no obligation table.
    for absent in ["BINDING DUTIES", "TENSIONS", "OBLIGATIONS THAT APPLY"] {
        assert!(!text.contains(absent), "{absent}:\n{text}");
    }
    // The frame's steps of deciding well, never an empty course: here the routine line.
    assert!(text.contains("RECOMMENDED COURSE OF ACTION"), "{text}");
    assert!(text.contains("Routine: Record your reasoning"), "{text}");
}

#[test]
fn a_table_that_binds_nothing_says_so_in_short() {
    let answers = ORDINARY.replace("record_consent = true", "record_consent = false");
    let out = assess(&answers, &["--lang", "en", "--width", "100"]);
    let text = stdout(&out);
    // A duty applies, but nothing conflicts and nothing binds: go ahead, with its step.
    assert!(text.contains("Go ahead:"), "{text}");
    assert!(
        text.contains("→ 1. Ask permission before recording"),
        "{text}"
    );
    assert!(!text.contains("BINDING DUTIES"), "{text}");
}

#[test]
fn every_width_from_33_to_120_keeps_every_line_inside_it() {
    for width in [33, 40, 57, 80, 120] {
        let w = width.to_string();
        let text = report("en", "table", &w);
        for line in text.lines() {
            assert!(
                columns(line) <= width,
                "--width {width}: a line of {} columns: {line}",
                columns(line)
            );
        }
    }
}

#[test]

fn the_narrowest_widths_keep_every_line_inside_them() {
    for lang in ["en", "id"] {
        for width in [20, 25] {
            let text = report(lang, "table", &width.to_string());
            for line in text.lines() {
                assert!(
                    columns(line) <= width,
                    "--lang {lang} --width {width}: a line of {} columns: {line}",
                    columns(line)
                );
            }
        }
    }
}

/// Every case of the embedded pack (`rules/cases/`), as (name, answers file text).
fn embedded_cases() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/cases");
    let mut cases: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("rules/cases")
        .map(|e| e.expect("a case file").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let case: toml::Table = std::fs::read_to_string(&p).unwrap().parse().unwrap();
            let mut file = toml::Table::new();
            file.insert("answers".into(), case["answers"].clone());
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, toml::to_string(&file).unwrap())
        })
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    cases
}

/// Every case of the pack with its JSON report in English.
fn embedded_reports() -> Vec<(String, serde_json::Value)> {
    embedded_cases()
        .into_iter()
        .map(|(name, answers)| {
            let json = assess_embedded(&answers, &["--format", "json"]);
            (name, serde_json::from_str(&json).unwrap())
        })
        .collect()
}

fn assess_embedded(answers: &str, args: &[&str]) -> String {
    let dir = temp_dir();
    let file = write(dir.path(), "a.toml", answers);
    let out = etika_bare()
        .arg("assess")
        .args(args)
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn no_report_of_the_pack_lists_an_obligation_or_a_step_twice() {
    for lang in ["en", "id"] {
        for (name, answers) in embedded_cases() {
            let json = assess_embedded(&answers, &["--lang", lang, "--format", "json"]);
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            let ids = |key: &str, field: &str| -> Vec<String> {
                v[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x[field].as_str().unwrap_or_default().to_string())
                    .collect()
            };
            let obligations = ids("obligations", "id");
            let pending = ids("depends_on", "id");
            let steps = ids("course_of_action", "text");
            for (what, list) in [("obligation", &obligations), ("step", &steps)] {
                let mut seen = std::collections::HashSet::new();
                for x in list {
                    assert!(seen.insert(x), "{name} ({lang}): {what} `{x}` twice");
                }
            }
            for p in &pending {
                assert!(
                    !obligations.contains(p),
                    "{name} ({lang}): `{p}` both applies and waits"
                );
            }
            // In the narrow table each obligation is one item: its title starts one line,
            // after its mark or number, once.
            let table = assess_embedded(&answers, &["--lang", lang, "--width", "40"]);
            let titles: Vec<String> = v["obligations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["title"].as_str().unwrap().to_string())
                .collect();
            let leads: Vec<&str> = table
                .lines()
                .filter_map(|l| {
                    let rest = l.strip_prefix("⚑ ").or(l.strip_prefix("– ")).or_else(|| {
                        let (n, rest) = l.split_once(". ")?;
                        n.chars().all(|c| c.is_ascii_digit()).then_some(rest)
                    })?;
                    (!rest.is_empty()).then_some(rest)
                })
                .collect();
            for t in &titles {
                // A line holds the start of the title, or the whole title and its source.
                let n = leads
                    .iter()
                    .filter(|r| t.starts_with(**r) || r.starts_with(t.as_str()))
                    .count();
                assert_eq!(n, 1, "{name} ({lang}): `{t}` listed {n} times:\n{table}");
            }
        }
    }
}

/// The table report is the minute-long read: over the pack's cases, its median is at most 64
/// lines at width 100, in both languages (In short names up to five decisive steps, two more
/// lines than the three it named before, and a crisis's decisive steps now include telling the
/// person what cannot be kept secret).
#[test]
fn the_median_table_report_of_the_packs_cases_is_at_most_64_lines_at_width_100() {
    for lang in ["en", "id"] {
        let mut heights: Vec<(usize, String)> = embedded_cases()
            .into_iter()
            .map(|(name, answers)| {
                let text = assess_embedded(&answers, &["--lang", lang, "--width", "100"]);
                (text.lines().count(), name)
            })
            .collect();
        heights.sort();
        let median = heights[heights.len() / 2].0;
        assert!(
            median <= 64,
            "--lang {lang}: median {median} lines; {heights:?}"
        );
    }
}

/// The threat-to-life answers with "could the harm happen soon?" not known yet.
fn unsure_report(lang: &str, format: &str) -> String {
    unsure_report_with(lang, format, &[])
}

fn unsure_report_with(lang: &str, format: &str, extra: &[&str]) -> String {
    let answers = THREAT_TO_LIFE.replace("harm_imminent = true", "harm_imminent = \"unsure\"");
    let mut args = vec!["--lang", lang, "--format", format, "--width", "100"];
    args.extend(extra);
    let out = assess(&answers, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn an_unsure_answer_in_the_table_waits_finds_out_and_says_what_each_answer_would_change() {
    // In full: the duty to warn neither applies nor is ruled out; it waits on the answer.
    let full = unsure_report_with("en", "table", &["--full"]);
    let pending = full
        .split("■ DEPENDS ON WHAT YOU FIND OUT")
        .nth(1)
        .expect("a depends-on section");
    assert!(pending.contains("Prevent serious harm even"), "{full}");
    let applies = full.split("■ DEPENDS ON").next().unwrap();
    assert!(!applies.contains("⚑ Prevent serious harm"), "{full}");
    // The minute-long read claims no such duty, and says what finding out would add.
    let text = unsure_report("en", "table");
    assert!(!text.contains("BINDING DUTIES"), "{text}");
    assert!(
        text.contains("If the answer is “yes”: adds ⚑ Prevent serious harm"),
        "{text}"
    );
    // Finding it out is a step, and each answer's difference is spelled out.
    assert!(
        text.contains("? Find out: Ask the client, calmly"),
        "{text}"
    );
    assert!(text.contains("If the answer is “no”:"), "{text}");
    assert!(
        text.contains("Could the harm happen soon (within days)? → not sure yet"),
        "{text}"
    );
    insta::assert_snapshot!("unsure_table_en_w100", text);
}

#[test]
fn an_unsure_answer_in_indonesian_markdown_and_json() {
    let table = unsure_report("id", "table");
    assert!(table.contains("belum tahu"), "{table}");
    insta::assert_snapshot!("unsure_table_id_w100", table);
    let md = unsure_report("en", "markdown");
    assert!(md.contains("## Depends on what you find out"), "{md}");
    assert!(md.contains("## What to find out"), "{md}");
    insta::assert_snapshot!("unsure_markdown_en", md);
    let json = unsure_report("en", "json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["answers"]["harm_imminent"], "unsure");
    assert_eq!(v["find_out"][0]["question"], "harm_imminent");
    let yes = &v["find_out"][0]["if"]["yes"]["adds"];
    assert!(
        yes["binding"]
            .as_array()
            .is_some_and(|a| a.iter().any(|o| o == "protect_life_over_secrecy")),
        "{json}"
    );
    assert!(
        yes["steps"]
            .as_array()
            .is_some_and(|a| a.iter().any(|o| o == "warn_or_notify_threatened_person")),
        "{json}"
    );
    assert!(
        v["depends_on"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == "protect_life_over_secrecy" && p["hinges_on"][0] == "harm_imminent"),
        "{json}"
    );
    insta::assert_snapshot!("unsure_json_en", json);
}

/// Ordinary work where only a rule is not yet checked: go ahead once it is, not "not settled".
/// The English table report at width 100 of an answers file read with the embedded pack, split
/// into its first screen (In short) and the rest.
fn first_screen(answers: &str) -> (String, String) {
    let text = assess_embedded(answers, &["--lang", "en", "--width", "100"]);
    let (short, rest) = text
        .split_once("■ THE SITUATION")
        .expect("a situation section");
    (short.to_string(), rest.to_string())
}

#[test]
fn an_unchecked_rule_in_ordinary_work_is_a_go_ahead_once_checked() {
    let answers = r#"[answers]
decision = ["provide_service"]
situation = ["ordinary"]
worker_service = "programme"
client_age = "adult"
client_status = "current"
setting = "office"
supervisor_reachable = true
rule_in_play = "unsure"
provide_what = ["arrange"]
arrange_what = ["civil_documents"]
harm_risk = false
"#;
    let text = assess_embedded(answers, &["--lang", "en", "--width", "100"]);
    assert!(
        text.contains(
            "Go ahead with the steps below once you have checked what is to be found out"
        ),
        "{text}"
    );
    assert!(!text.contains("Not settled yet"), "{text}");
    assert!(
        text.contains(
            "→ 1. Help get the missing civil documents (The civil registry (Disdukcapil))"
        ),
        "{text}"
    );
    assert!(text.contains("? Find out first: Does a law"), "{text}");
}

#[test]
fn an_emergency_in_a_home_gets_help_and_cover_first_and_finds_out_later() {
    // A child in a home, at night, in a medical emergency; whether a rule governs it is not
    // known. Help comes first, first aid until it arrives, then cover for the others in the
    // worker's care; the unchecked rule stays in the course, not on the first screen.
    let answers = r#"[answers]
decision = ["protect_against_wishes"]
situation = ["health_information"]
worker_service = "residential"
client_age = "child"
client_status = "current"
setting = "residential"
supervisor_reachable = false
rule_in_play = "unsure"
harm_risk = true
at_risk = ["client", "child"]
harm_from = ["circumstance"]
danger_now = true
danger_kind = ["medical"]
overdose_or_poisoning = false
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    assert!(short.contains("Protect life first"), "{text}");
    assert!(
        short.contains("→ 1. Call 119 or get them to a hospital ER (IGD) now"),
        "{text}"
    );
    assert!(
        short.contains("→ 2. Until help comes: stay with them, first aid"),
        "{text}"
    );
    assert!(
        short.contains("→ 3. Get cover for the others in your care"),
        "{text}"
    );
    assert!(!short.contains("Find out first"), "{text}");
    assert!(text.contains("? Find out: Read the agency's SOP"), "{text}");
    // At home, with no one else in the worker's care, there is no cover to find.
    let home = answers.replace("setting = \"residential\"", "setting = \"home_visit\"");
    let text = assess_embedded(&home, &["--lang", "en", "--width", "100"]);
    assert!(!text.contains("Get cover for the others"), "{text}");
}

#[test]
fn none_of_these_on_a_detail_is_in_the_report_not_on_the_first_screen() {
    // "None of these" on what concerns the worker themself: the report's Not covered section
    // names it; the first screen does not.
    let answers = r#"[answers]
decision = ["self"]
situation = ["ordinary"]
worker_service = "ngo"
client_age = "adult"
client_status = "current"
setting = "office"
supervisor_reachable = true
rule_in_play = "none"
self_issue = ["other"]
harm_risk = false
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    assert!(!short.contains("Not covered"), "{text}");
    assert!(rest.contains("■ NOT COVERED"), "{text}");
    assert!(rest.contains("What concerns you yourself?"), "{text}");
    // "None of these" on what is decided stays on the first screen.
    let decided = answers.replace(r#"decision = ["self"]"#, r#"decision = ["self", "other"]"#);
    let (short, rest) = first_screen(&decided);
    let text = format!("{short}{rest}");
    assert!(
        short.contains("Not covered: What do you have to decide"),
        "{text}"
    );
}

#[test]
fn not_settled_yet_names_first_what_the_conflict_waits_on() {
    // An older resident who may refuse help, capacity not known, and whether a rule applies
    // not known either: the verdict waits on the refusal and capacity (a tension the ranking
    // weighs), so that is what to find out first, not the rule.
    let answers = r#"[answers]
decision = ["protect_against_wishes"]
situation = ["adult_at_risk"]
worker_service = "residential"
civil_servant = true
client_age = "older"
client_status = "current"
setting = "residential"
supervisor_reachable = true
rule_in_play = "unsure"
asked_by = ["client"]
harm_risk = false
adult_risk_kind = ["older"]
client_capacity = "unsure"
legal_representative = "self"
client_refuses_help = "unsure"
less_restrictive_option = true
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    // It names the conflict that waits, not only that one does.
    assert!(
        flat(&short).contains(
            "Not settled yet, until you have found out what is asked first: Self-determination \
             against protection."
        ),
        "{text}"
    );
    assert!(
        short.contains("? Find out first: Can the person understand and decide"),
        "{text}"
    );
    assert!(!short.contains("Find out first: Does a law"), "{text}");
    // A task for another authority: the verdict says where to take it; nothing is to be found
    // out first.
    let task = r#"[answers]
decision = ["technical"]
situation = ["ordinary"]
worker_service = "justice"
civil_servant = true
client_age = "adult"
client_status = "current"
setting = "office"
supervisor_reachable = true
rule_in_play = "unsure"
task_for = ["sentence_dates"]
harm_risk = false
"#;
    let (short, rest) = first_screen(task);
    let text = format!("{short}{rest}");
    assert!(short.contains("Not an ethical question"), "{text}");
    assert!(!short.contains("Find out first"), "{text}");
}

/// Burns on a child's arm, with what is not known yet left unsure: several obligations and a
/// step wait on these answers.
const BURNS_UNSURE: &str = r#"[answers]
decision = ["report"]
situation = ["child_at_risk"]
client_age = "child"
supervisor_reachable = true
harm_risk = true
at_risk = ["client"]
harm_from = ["partner_or_family"]
danger_now = "unsure"
harm_imminent = "unsure"
client_wants_secrecy = true
limits_explained = false
concern_basis = "disclosure"
child_harm = "physical"
abuser_in_home = true
safe_tonight = "unsure"
"#;

/// A change in the JSON report with nothing in it.
fn says_nothing(c: &serde_json::Value) -> bool {
    let empty = |v: &serde_json::Value| v.as_array().is_none_or(|a| a.is_empty());
    let delta_empty = |d: &serde_json::Value| {
        ["binding", "obligations", "tensions", "steps"]
            .iter()
            .all(|k| empty(&d[*k]))
    };
    delta_empty(&c["adds"])
        && delta_empty(&c["removes"])
        && c["consult"].is_null()
        && empty(&c["asks"])
        && empty(&c["rules_out"])
        && empty(&c["waits"])
}

/// What waits on an unsure answer never "changes nothing" whatever the answer: each possible
/// answer makes it apply, rules it out, or leaves it waiting on another answer, and says so.
/// On the fixture's case and on the embedded pack's, and each one's cases as given.
#[test]
fn a_question_something_waits_on_never_changes_nothing_for_every_answer() {
    let unsure = THREAT_TO_LIFE.replace("harm_imminent = true", "harm_imminent = \"unsure\"");
    let mut reports = vec![assess_json(&unsure, "en")];
    reports
        .push(serde_json::from_str(&assess_embedded(BURNS_UNSURE, &["--format", "json"])).unwrap());
    reports.extend(embedded_reports().into_iter().map(|(_, r)| r));
    let mut checked = 0;
    for r in &reports {
        for f in r["find_out"].as_array().unwrap() {
            let cases = f["if"].as_object().unwrap();
            assert!(
                !cases.values().all(says_nothing),
                "every answer to `{}` changes nothing, yet {} wait on it",
                f["question"],
                f["hinges"]
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "{checked}");
    // In words: what each answer rules out, or still waits for, by name.
    let md = assess_embedded(BURNS_UNSURE, &["--lang", "en", "--format", "markdown"]);
    assert!(md.contains("rules out: "), "{md}");
    assert!(md.contains(" waits on: “"), "{md}");
    assert!(!md.contains("changes nothing"), "{md}");
}

/// A what-if names the steps it adds and removes, never only how many.
#[test]
fn a_what_if_names_its_steps() {
    let out = assess(
        THREAT_TO_LIFE,
        &[
            "--lang",
            "en",
            "--width",
            "100",
            "--what-if",
            "harm_imminent=no",
        ],
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    let what_if = &text[text.find("WHAT IF").expect("a what-if section")..];
    assert!(
        what_if
            .contains("removes steps: Secure safety now; Notify the police or the person at risk"),
        "{what_if}"
    );
    assert!(!text.contains(" 4 steps"), "{text}");
}

/// The case note for supervision: the legend of its marks, prompts instead of ids, one
/// "Find out" per step to find out, and fields to fill in at the end, in both languages and
/// in Markdown and HTML alike.
#[test]
fn the_case_note_has_a_legend_prompts_and_fields_to_sign() {
    for (lang, legend, fields) in [
        (
            "en",
            "- ● decisive step:",
            [
                "To fill in at supervision",
                "Social worker",
                "Supervisor",
                "Decision taken",
                "Date",
                "Signature",
            ],
        ),
        (
            "id",
            "- ● langkah menentukan:",
            [
                "Untuk diisi dalam supervisi",
                "Pekerja sosial",
                "Supervisor",
                "Keputusan yang diambil",
                "Tanggal",
                "Tanda tangan",
            ],
        ),
    ] {
        let md = unsure_report(lang, "markdown");
        assert!(md.contains(legend), "{md}");
        assert!(md.contains("- ? ") && md.contains("- ⚑ "), "{md}");
        for f in fields {
            assert!(md.contains(f), "no `{f}` in:\n{md}");
        }
        assert!(
            md.trim_end()
                .ends_with("________________________________________"),
            "{md}"
        );
        let html = unsure_report(lang, "html");
        assert!(html.contains("<ul class=\"legend\">"), "{html}");
        for f in fields {
            assert!(
                html.contains(&format!("<th>{f}</th>")) || html.contains(&format!("<h2>{f}</h2>")),
                "no `{f}` in:\n{html}"
            );
        }
        // Each note: no question id where a prompt belongs, one "Find out" per such step.
        for note in [&md, &html] {
            assert!(
                !note.contains("harm\\_imminent") && !note.contains("harm_imminent"),
                "{note}"
            );
            let find_out = if lang == "en" {
                "Find out"
            } else {
                "Cari tahu"
            };
            let step = note
                .lines()
                .find(|l| {
                    l.contains("? ")
                        && l.contains(&format!("{find_out}: "))
                        && (l.starts_with("1.") || l.starts_with("<li>"))
                })
                .unwrap_or_else(|| panic!("no step to find out in:\n{note}"));
            assert_eq!(step.matches(find_out).count(), 1, "{step}");
        }
    }
}

#[test]
fn a_step_sharing_its_id_with_an_obligation_shows_the_steps_own_text() {
    // `no_marriage_without_own_consent` is both a binding duty and the step that carries it
    // out; the course shows what to do, not the duty's title again.
    let answers = r#"[answers]
decision = ["recommend"]
situation = ["ordinary"]
worker_service = "dinas_sosial"
civil_servant = true
client_age = "child"
client_status = "current"
setting = "office"
supervisor_reachable = true
rule_in_play = "requires"
recommend_to = "court_marriage"
statutory_mandate = true
harm_risk = false
pregnancy = false
person_agrees = false
"#;
    let text = assess_embedded(answers, &["--lang", "en", "--width", "100"]);
    assert!(
        text.contains(
            "1. ● Take no part in a marriage they have not agreed to\n   A marriage rests"
        ),
        "{text}"
    );
    assert!(
        !text.contains("the person's own free consent\n2."),
        "{text}"
    );
}

#[test]
fn a_referral_to_your_own_unit_is_never_the_decisive_step_but_care_in_it_is() {
    // A resident of a drug rehabilitation centre: the rule that sends a user to an IPWL makes
    // that referral decisive, but for a worker of the IPWL it is the unit's own procedure.
    let rehab = r#"[answers]
decision = ["disclose"]
situation = ["substance_use"]
worker_service = "rehab"
client_age = "adult"
client_status = "current"
setting = "residential"
supervisor_reachable = true
rule_in_play = "none"
asked_by = ["family"]
disclose_what = ["pass_on", "tell_client"]
harm_risk = false
client_wants_secrecy = false
client_refuses_help = false
substance_user = "client"
substance_kind = "narcotics"
substance_dependence = true
in_recovery = false
client_agrees_to_share = true
withholding_info = true
"#;
    let json = assess_embedded(rehab, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ipwl = v["course_of_action"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["action"] == "refer_rehabilitation_ipwl")
        .expect("the IPWL step is in the course");
    assert_eq!(ipwl["weight"], "supporting", "{json}");
    assert!(
        ipwl["services_text"][0]
            .as_str()
            .is_some_and(|t| t.contains("your own unit")),
        "{json}"
    );
    // A hospital social worker with a woman raped two days ago: care within 72 hours, in
    // the worker's own hospital, is still decisive and comes first.
    let hospital = r#"[answers]
decision = ["report"]
situation = ["sexual_violence"]
worker_service = "health"
client_age = "adult"
client_status = "current"
setting = "hospital"
supervisor_reachable = true
rule_in_play = "none"
asked_by = ["client"]
harm_risk = true
at_risk = ["client"]
harm_from = ["other_person"]
danger_now = false
harm_imminent = false
client_wants_secrecy = false
concern_basis = "disclosure"
already_reported = false
at_risk_is_woman = true
victim_wants_report = true
safe_tonight = true
injury_or_recent_assault = true
assault_within_72_hours = true
settlement_pressure = false
pregnancy = false
"#;
    let json = assess_embedded(hospital, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &v["course_of_action"][0];
    assert_eq!(first["weight"], "decisive", "{json}");
    assert!(
        first["action"] == "medical_care_and_evidence"
            || first["action"] == "care_within_72_hours_after_sexual_violence",
        "{json}"
    );
}

#[test]
fn a_go_ahead_once_checked_names_the_conflict_the_check_could_raise() {
    // An older man's own choice about what his identity card says, backed against his family;
    // whether his health need is urgent is not known, and only if it is would registration rules
    // weigh against it. The headline says go ahead, and names that one conflict instead of
    // saying nothing else could conflict.
    let answers = r#"[answers]
decision = ["follow_instruction", "support_a_choice"]
situation = ["basic_needs", "duress", "culture_religion"]
worker_service = "programme"
client_age = "older"
client_status = "current"
setting = "home_visit"
supervisor_reachable = true
rule_in_play = "forbids"
asked_by = ["client", "family", "official"]
sets_policy = false
harm_risk = "unsure"
at_risk = ["client"]
harm_from = ["circumstance"]
danger_now = false
harm_imminent = "unsure"
client_wants_secrecy = false
pressure_source = ["family", "official"]
pressed_to = ["other"]
own_wish = "differs"
client_refuses_help = false
basic_need_kind = ["health_care", "documents"]
in_social_registry = false
other_side = ["no_one"]
policy_harms_client = true
raised_internally = false
practice_harms = false
own_values_conflict = false
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    let headline = flat(
        short
            .split_once("■ IN SHORT\n")
            .map(|(_, s)| s.split("\n→").next().unwrap_or(s))
            .unwrap_or_default(),
    );
    assert!(
        headline.starts_with(
            "Go ahead with the steps below once you have checked what is to be found out; until \
             then one conflict may still weigh: Registration rules for aid against urgent need. \
             Nothing else conflicts in these answers."
        ),
        "{text}"
    );
    let id = assess_embedded(answers, &["--lang", "id", "--width", "100"]);
    assert!(
        flat(&id).contains("sampai itu pasti, satu pertentangan masih bisa ikut ditimbang:"),
        "{id}"
    );
}

#[test]
fn where_the_law_settles_it_an_unchecked_sop_is_not_the_first_thing_to_find_out() {
    // A victim's right to her companion settles what the worker asked; whether some SOP also
    // applies is not known, but it could not change that, so the first screen does not send the
    // worker to find it out before acting. The step the law gives comes first.
    let answers = r#"[answers]
decision = ["follow_instruction"]
situation = ["domestic_violence"]
worker_service = "uptd_ppa"
civil_servant = true
client_age = "adult"
client_status = "current"
setting = "office"
supervisor_reachable = true
rule_in_play = "unsure"
asked_by = ["client", "police_or_court"]
sets_policy = false
harm_risk = true
at_risk = ["client"]
harm_from = ["partner_or_family"]
danger_now = false
harm_imminent = "unsure"
client_wants_secrecy = false
concern_basis = "disclosure"
abuser_in_home = false
children_in_household = false
at_risk_is_woman = true
victim_wants_report = true
safe_tonight = true
injury_or_recent_assault = false
kept_from_accompanying = true
settlement_pressure = false
client_refuses_help = false
other_side = ["no_one"]
policy_harms_client = true
raised_internally = false
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    assert!(short.contains("The law or the code settles it"), "{text}");
    assert!(
        short.contains("→ 1. Stay with her, politely and firmly"),
        "{text}"
    );
    assert!(!short.contains("Find out first"), "{text}");
    // It is still in the course.
    assert!(rest.contains("Find out: Read the agency's SOP"), "{text}");
}

#[test]
fn a_dilemma_is_headed_by_the_conflict_whose_winner_ranks_highest() {
    // A family refusing a child's vaccination in an outbreak, and the worker's own agency with
    // an official asking the worker to threaten their aid: two conflicts the ranking weighs,
    // and loyalty to the agency is listed first in the pack. Protection of life ranks above
    // least harm, so the child's health heads the report, whatever order the pack lists them in.
    let answers = r#"[answers]
decision = ["follow_instruction", "support_a_choice"]
situation = ["child_at_risk", "health_information"]
worker_service = "programme"
client_age = "child"
client_status = "current"
setting = "home_visit"
supervisor_reachable = true
rule_in_play = "none"
asked_by = ["agency", "official"]
sets_policy = false
harm_risk = true
at_risk = ["child", "several"]
harm_from = ["circumstance"]
danger_now = false
harm_imminent = true
treatment_window = false
client_wants_secrecy = false
health_issue = ["family_refuses_for_child"]
policy_harms_client = true
raised_internally = false
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    assert!(
        flat(&short).contains(
            "A real dilemma: The family's refusal against the child's health: Protection of life \
             comes before Autonomy and freedom"
        ),
        "{text}"
    );
    assert!(
        text.contains("Loyalty to the agency against the client's interest"),
        "{text}"
    );
    assert!(
        text.contains("Tell them the danger signs and where to go at once"),
        "{text}"
    );
}

#[test]
fn whether_a_life_is_in_danger_now_is_found_out_before_anything_else() {
    // A sick child at home; the worker cannot tell whether it is an emergency. A duty to help a
    // person in mortal danger waits on it, so life comes first: finding that out leads the
    // course and the first screen, ahead of the paperwork the family asked about, and the
    // verdict says to treat it as an emergency if one cannot tell.
    let answers = r#"[answers]
decision = ["provide_service"]
situation = ["basic_needs"]
worker_service = "dinas_sosial"
civil_servant = true
client_age = "child"
client_status = "current"
setting = "home_visit"
supervisor_reachable = false
rule_in_play = "unsure"
asked_by = ["family"]
family_is_parent = true
provide_what = ["legal_or_technical"]
task_for = ["claim"]
harm_risk = true
at_risk = ["client"]
harm_from = ["circumstance"]
danger_now = "unsure"
harm_imminent = true
treatment_window = false
danger_kind = ["medical"]
overdose_or_poisoning = false
client_wants_secrecy = false
client_refuses_help = false
separation_proposed = "none"
basic_need_kind = ["health_care"]
in_social_registry = true
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    let lines: Vec<&str> = short.lines().collect();
    let verdict = lines
        .iter()
        .position(|l| l.starts_with("Protect life first: a life may be in danger now"))
        .expect("the verdict");
    assert!(
        flat(&short).contains("if you cannot tell, treat it as an emergency and get help now"),
        "{text}"
    );
    // The emergency step a "yes" would add is on the first screen, for a worker who cannot tell.
    assert!(
        short.contains("→ If you cannot tell: Call 119 or get them to a hospital ER (IGD) now"),
        "{text}"
    );
    // The next line of its own (not the verdict's wrapped continuation) is the find-out.
    let next = lines[verdict + 1..]
        .iter()
        .find(|l| !l.starts_with(' '))
        .expect("a line after the verdict");
    assert!(
        next.starts_with("? Find out first: Is this a present, life-threatening emergency"),
        "{text}"
    );
    assert!(
        rest.contains("1. ● ? Find out: Ask directly now, do not wait"),
        "{text}"
    );
    assert!(
        flat(&rest).contains("For someone who is ill: are they very drowsy"),
        "{text}"
    );
}

#[test]
fn harm_from_an_outside_official_keeps_the_own_units_task_and_the_supervisor() {
    // A Dinas Sosial worker; a village head stands in the family's way. The worker's own office
    // is not the source, so registering the household stays the worker's own task, and the
    // supervisor is the one to consult. Where the worker's own head is the source, consultation
    // goes outside that line instead.
    let answers = |from: &str| {
        format!(
            r#"[answers]
decision = ["provide_service"]
situation = ["basic_needs", "discrimination"]
worker_service = "dinas_sosial"
civil_servant = true
client_age = "adult"
client_status = "prospective"
setting = "office"
supervisor_reachable = true
rule_in_play = "none"
asked_by = ["client", "official"]
harm_risk = true
at_risk = ["client"]
harm_from = ["{from}", "circumstance"]
danger_now = false
harm_imminent = false
treatment_window = false
client_wants_secrecy = false
client_refuses_help = false
basic_need_kind = ["income"]
in_social_registry = false
discrimination_ground = ["other"]
own_values_conflict = false
"#
        )
    };
    let outside = flat(&assess_embedded(&answers("official_or_agency"), &[]));
    assert!(
        outside.contains("Help register the household in DTSEN"),
        "{outside}"
    );
    assert!(
        outside.contains("your own unit: follow its procedure"),
        "{outside}"
    );
    assert!(!outside.contains("Consult outside the line"), "{outside}");
    let own = flat(&assess_embedded(&answers("own_agency"), &[]));
    assert!(
        own.contains("Consult outside the line of the manager involved"),
        "{own}"
    );
    assert!(
        !own.contains("Talk it through with your supervisor today"),
        "{own}"
    );
}

#[test]
fn a_dilemma_headline_never_names_a_tension_a_binding_duty_settles() {
    // The family's wish against the adult's choice is settled by the binding duty that the
    // person decides without a court ruling; what keeps the verdict open is whether their own
    // life is at risk. The headline says that, not "a real dilemma … as a binding duty says".
    let answers = r#"[answers]
decision = ["support_a_choice"]
situation = ["others_decide_for_adult"]
worker_service = "health"
civil_servant = false
client_age = "adult"
client_status = "current"
setting = "hospital"
supervisor_reachable = true
rule_in_play = "none"
asked_by = ["family"]
harm_risk = "unsure"
at_risk = ["client"]
harm_from = ["self"]
danger_now = false
harm_imminent = "unsure"
client_wants_secrecy = false
decision_area = ["other"]
person_agrees = false
letter_asked = false
family_pays = false
client_capacity = "full"
legal_representative = "self"
client_refuses_help = false
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    assert!(!short.contains("A real dilemma"), "{text}");
    assert!(
        flat(&short).contains(
            "Not settled yet, until you have found out what is asked first: The adult's own \
             choice against their own safety."
        ),
        "{text}"
    );
    assert!(
        short.contains("? Find out first: Is anyone's life, body or safety seriously at risk?"),
        "{text}"
    );
    // The settled tension is still reported, as settled by the binding duty.
    let json: serde_json::Value =
        serde_json::from_str(&assess_embedded(answers, &["--format", "json"])).unwrap();
    assert_eq!(json["verdict"], "dilemma");
    let tensions = json["tensions"].as_array().unwrap();
    assert!(
        tensions
            .iter()
            .any(|t| t["id"] == "family_wishes_vs_persons_choice" && t["settled_by"] == "binding"),
        "{json}"
    );
}

/// Whether the supervisor can be reached today is only a routine step's question: not knowing
/// it holds no plain "go ahead" back and is not the first thing to find out.
#[test]
fn an_unsure_supervisor_does_not_hold_a_go_ahead_back() {
    let answers = r#"[answers]
decision = ["disclose"]
situation = ["ordinary"]
worker_service = "ngo"
client_age = "adult"
client_status = "current"
setting = "office"
supervisor_reachable = "unsure"
rule_in_play = "none"
asked_by = ["family"]
disclose_what = ["pass_on"]
harm_risk = false
client_wants_secrecy = true
limits_explained = true
secret_kept_from = ["family"]
secret_is = ["money"]
client_agrees_to_share = false
own_values_conflict = false
"#;
    let (short, rest) = first_screen(answers);
    assert!(
        short.contains("Go ahead: no conflict between duties"),
        "{short}"
    );
    assert!(!short.contains("Find out first"), "{short}");
    assert!(short.contains("Keep it from the family"), "{short}");
    // It is still in the report, among the routine steps.
    assert!(
        rest.contains("Routine: Find out: Can you reach a supervisor today?"),
        "{rest}"
    );
}

#[test]
fn in_an_emergency_only_what_bears_on_the_danger_is_a_decisive_find_out() {
    // A man on dialysis must be moved from a flood camp now; whether he can decide, and
    // whether he agrees, are not known. Those are asked once he is safe: they do not stand
    // among the steps that lead.
    let answers = r#"[answers]
decision = ["protect_against_wishes", "support_a_choice"]
situation = ["adult_at_risk", "others_decide_for_adult", "disaster"]
disaster_need = ["evacuation"]
worker_service = "dinas_sosial"
civil_servant = true
client_age = "adult"
client_status = "current"
setting = "disaster_post"
supervisor_reachable = true
rule_in_play = "none"
asked_by = ["family"]
harm_risk = true
at_risk = ["client"]
harm_from = ["circumstance"]
danger_now = true
danger_kind = ["medical"]
overdose_or_poisoning = false
client_wants_secrecy = false
at_risk_is_woman = false
decision_area = ["other"]
person_agrees = "unsure"
letter_asked = false
family_pays = false
adult_risk_kind = ["other"]
client_capacity = "unsure"
legal_representative = "family_only"
other_side = ["no_one"]
client_refuses_help = true
less_restrictive_option = false
"#;
    let json = assess_embedded(answers, &["--lang", "en", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["verdict"], "life_first", "{json}");
    let course = v["course_of_action"].as_array().unwrap();
    let weight = |id: &str| {
        course
            .iter()
            .find(|s| s["action"] == id)
            .map(|s| s["weight"].as_str().unwrap().to_string())
    };
    for q in ["find_out:client_capacity", "find_out:person_agrees"] {
        let w = weight(q).unwrap_or_else(|| panic!("{q} is still to be found out: {json}"));
        assert_ne!(w, "decisive", "{q}: {json}");
    }
    // The emergency call leads, and no evacuation team is sent for one man's illness.
    assert_eq!(course[0]["action"], "get_emergency_medical_care", "{json}");
    assert!(weight("evacuate_with_the_team").is_none(), "{json}");
}

#[test]
fn a_go_ahead_beside_a_binding_duty_says_the_work_is_done_its_way() {
    // A civil servant offered a fee for each family referred to a home-care firm: the
    // gratification duty binds, while the referral itself still waits on a check. "Go ahead"
    // must not read as leave to take the money.
    let answers = r#"[answers]
decision = ["provide_service", "relationship"]
situation = ["ordinary"]
worker_service = "health"
civil_servant = true
client_age = "group"
group_wishes = "unsure"
client_status = "ending"
setting = "hospital"
supervisor_reachable = true
rule_in_play = "unsure"
asked_by = ["third_party"]
provide_what = ["arrange"]
arrange_what = ["health_care"]
harm_risk = false
client_wants_secrecy = false
relationship_kind = ["business", "gift_offered"]
gift_kind = ["money"]
giver_awaits_decision = true
relationship_avoidable = "yes"
personal_gain = true
ending_reason = "other"
own_values_conflict = false
"#;
    let (short, rest) = first_screen(answers);
    let text = format!("{short}{rest}");
    assert!(
        flat(&short).contains(
            "Go ahead with the steps below once you have checked what is to be found out, the way \
             the binding duties below say."
        ),
        "{text}"
    );
    assert!(short.contains("⚑ Binding: Gratification"), "{text}");
}

/// In short names the decisive steps, in the course's order, as many as its eight lines leave
/// room for, up to five, and never fewer than three where there are three: a decisive step at
/// fourth or fifth place is on the first screen too. Over every case of the pack.
#[test]
fn in_short_names_up_to_five_decisive_steps_as_room_allows() {
    let mut with_more_than_three = 0;
    for (name, r) in embedded_reports() {
        let summary: Vec<&str> = r["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert!(summary.len() <= 8, "{name}: {summary:#?}");
        let decisive: Vec<String> = r["course_of_action"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["weight"] == "decisive" && s["question"].is_null())
            .take(5)
            .map(|s| format!("→ {}. {}", s["step"], s["short"].as_str().unwrap()))
            .collect();
        if decisive.is_empty() {
            continue;
        }
        let named: Vec<&str> = summary
            .iter()
            .copied()
            .filter(|l| l.starts_with("→ "))
            .collect();
        for (line, step) in named.iter().zip(&decisive) {
            assert!(
                line.starts_with(step.as_str()),
                "{name}: `{line}` is not `{step}`"
            );
        }
        let least = decisive.len().min(3);
        let room = decisive.len().min(named.len() + 8 - summary.len());
        assert!(
            named.len() >= least && named.len() == room,
            "{name}: In short names {} of {} decisive steps:\n{summary:#?}",
            named.len(),
            decisive.len()
        );
        if named.len() > 3 {
            with_more_than_three += 1;
        }
    }
    assert!(with_more_than_three > 0, "no case names a fourth step");
}

/// Where a go-ahead waits on something to be found out, the first thing named is a fact the
/// course weighs above routine (a rule that may govern the act), never the routine "can you
/// reach a supervisor today?" while such a fact waits. Over every case of the pack.
#[test]
fn a_go_aheads_first_find_out_is_not_a_routine_one() {
    let mut checked = 0;
    for (name, r) in embedded_reports() {
        if r["verdict"] != "no_dilemma" {
            continue;
        }
        let Some(line) = r["summary"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l.as_str())
            .find(|l| l.starts_with("? "))
        else {
            continue;
        };
        let weight_of = |q: &str| {
            r["course_of_action"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["question"] == q)
                .map(|s| s["weight"].as_str().unwrap().to_string())
        };
        let weighty: Vec<&str> = r["find_out"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| weight_of(f["question"].as_str().unwrap()).is_some_and(|w| w != "routine"))
            .map(|f| f["prompt"].as_str().unwrap())
            .collect();
        if weighty.is_empty() {
            continue;
        }
        checked += 1;
        assert!(
            weighty.iter().any(|p| line.ends_with(p)),
            "{name}: `{line}` is routine while {weighty:?} wait"
        );
    }
    assert!(checked > 0, "no go-ahead waits on a fact");
}

/// Every step the case note lists as left out says why, in both languages: by the answers that
/// rule it out, by the duty or the missing service, or, where what it reads was never asked, by
/// saying no answer calls for it. Never an empty "(because )".
#[test]
fn every_step_left_out_says_why() {
    let mut with_no_answer = 0;
    for (name, answers) in embedded_cases().into_iter().step_by(3) {
        for (lang, because, none) in [
            ("en", "(because )", "no answer given calls for it"),
            ("id", "(karena )", "tidak ada jawaban yang memerlukannya"),
        ] {
            let note = assess_embedded(&answers, &["--lang", lang, "--format", "markdown"]);
            assert!(!note.contains(because), "{name} ({lang}):\n{note}");
            if note.contains(none) {
                with_no_answer += 1;
            }
        }
    }
    assert!(
        with_no_answer > 0,
        "no case leaves out a step whose questions were not asked"
    );
}
