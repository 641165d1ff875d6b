//! `etika list` and `etika show`: the pack as JSON with the TOML field names, as tables, and
//! one object in words with its condition read aloud.

use serde_json::Value;

use crate::util::*;

fn list_json(kind: &str) -> Value {
    let out = etika()
        .args(["list", kind, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("list --format json is JSON")
}

fn show(id: &str, lang: &str) -> std::process::Output {
    etika()
        .args(["--lang", lang, "--width", "100", "show", id])
        .output()
        .unwrap()
}

#[test]
fn list_obligations_json_uses_the_toml_field_names() {
    let v = list_json("obligations");
    let all = v.as_array().expect("a JSON array");
    assert_eq!(all.len(), 14);
    for o in all {
        let obj = o.as_object().expect("an object");
        let mut keys: Vec<&str> = obj.keys().map(|k| k.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "actions",
                "binding",
                "consult",
                "decides",
                "decisive",
                "id",
                "principles",
                "rules_out",
                "settles",
                "source",
                "text",
                "title",
                "when"
            ],
            "{o}"
        );
        assert!(
            o["title"]["id"].is_string() && o["title"]["en"].is_string(),
            "{o}"
        );
        assert!(o["binding"].is_boolean(), "{o}");
        assert!(o["when"].is_string(), "{o}");
        assert!(o["principles"].is_array() && o["actions"].is_array(), "{o}");
    }
    let p = all
        .iter()
        .find(|o| o["id"] == "protect_life_over_secrecy")
        .expect("protect_life_over_secrecy is listed");
    assert_eq!(p["binding"], true);
    assert_eq!(p["consult"], "authorities");
    assert_eq!(
        p["when"],
        "harm_risk and harm_target == 'identifiable_person' and harm_imminent"
    );
    assert_eq!(
        p["title"]["en"],
        "Prevent serious harm even when the client asks for secrecy"
    );
    assert_eq!(strings(&p["principles"]), ["protection_of_life"]);
}

#[test]
fn list_questions_json_keeps_kind_options_and_ask_if() {
    let v = list_json("questions");
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 32);
    assert_eq!(all[0]["id"], "client_age", "in questionnaire order");
    let target = all.iter().find(|q| q["id"] == "harm_target").unwrap();
    assert_eq!(target["kind"], "one_of");
    assert_eq!(target["ask_if"], "harm_risk");
    assert_eq!(target["options"][1]["id"], "identifiable_person");
    assert!(target["prompt"]["id"].is_string(), "{target}");
}

#[test]
fn list_every_kind_as_json_is_an_array() {
    for (kind, n) in [
        ("principles", 12),
        ("actions", 18),
        ("tensions", 3),
        ("cases", 3),
    ] {
        let v = list_json(kind);
        assert_eq!(v.as_array().map(Vec::len), Some(n), "{kind}: {v}");
    }
}

#[test]
fn list_questions_table_shows_ids_kinds_and_prompts() {
    let out = etika()
        .args(["--lang", "en", "--width", "100", "list", "questions"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for id in ["client_age", "harm_risk", "harm_target", "withholding_info"] {
        assert!(text.contains(id), "no `{id}`:\n{text}");
    }
    assert!(text.contains("yes_no") && text.contains("any_of"), "{text}");
    assert!(text.contains("How old is the client?"), "{text}");
    assert!(text.lines().all(|l| columns(l) <= 100), "{text}");
}

#[test]
fn list_obligations_table_marks_the_binding_ones() {
    let out = etika()
        .args(["--lang", "en", "--width", "120", "list", "obligations"])
        .output()
        .unwrap();
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.contains("report_child_at_risk"))
        .expect("a row");
    assert!(row.contains("yes"), "{row}");
    let row = text
        .lines()
        .find(|l| l.contains("keep_confidentiality"))
        .expect("a row");
    assert!(!row.contains("yes"), "{row}");
}

#[test]
fn list_of_an_unknown_kind_is_a_usage_error() {
    let out = etika().args(["list", "obligation"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("obligations"), "{}", stderr(&out));
}

#[test]
fn show_obligation_in_words() {
    let out = show("protect_life_over_secrecy", "en");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = flat(&stdout(&out));
    for wanted in [
        "Obligation `protect_life_over_secrecy` [binding]",
        "Prevent serious harm even when the client asks for secrecy",
        "Source: New Criminal Code (Law 1/2023) Article 254",
        "Applies when “Is anyone's life or physical safety seriously at risk?” = yes and “Who is at risk?” = “A particular, identifiable person” and “Could the harm happen soon (within days)?” = yes",
        "(harm_risk and harm_target == 'identifiable_person' and harm_imminent)",
        "Consult: authorities",
        "[Safety] Secure safety now",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in:\n{text}");
    }
}

#[test]
fn show_question_says_when_it_is_asked() {
    let out = show("harm_target", "en");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Question `harm_target` (one_of): Who is at risk?"),
        "{text}"
    );
    assert!(
        text.contains("- identifiable_person: A particular, identifiable person"),
        "{text}"
    );
    assert!(
        flat(&text)
            .contains("Asked when “Is anyone's life or physical safety seriously at risk?” = yes"),
        "{text}"
    );
    let always = stdout(&show("client_age", "en"));
    assert!(always.contains("Always asked."), "{always}");
}

#[test]
fn show_principle_tension_and_action() {
    let p = stdout(&show("protection_of_life", "en"));
    assert!(
        p.contains("Principle `protection_of_life`: Protection of life"),
        "{p}"
    );
    assert!(p.contains("Rank: 1"), "{p}");
    let t = stdout(&show("confidentiality_vs_life", "en"));
    assert!(t.contains("Tension `confidentiality_vs_life`"), "{t}");
    assert!(flat(&t).contains("Arises when"), "{t}");
    let a = stdout(&show("check_agency_sop", "en"));
    assert!(
        a.contains("Action `check_agency_sop` [Consult, routine]: Check the agency's SOP"),
        "{a}"
    );
    let a = stdout(&show("consult_supervisor", "en"));
    assert!(
        flat(&a).contains("protect_life_over_secrecy"),
        "used by:\n{a}"
    );
}

#[test]
fn list_and_show_services() {
    let v = list_json("services");
    let all = v.as_array().expect("a JSON array");
    assert_eq!(all.len(), 2);
    let keys: Vec<&str> = all[0]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    for k in ["id", "name", "contact", "needs", "serves", "own", "source"] {
        assert!(keys.contains(&k), "{keys:?}");
    }
    let s = flat(&stdout(&show("uptd_ppa", "en")));
    assert!(
        s.contains("Service `uptd_ppa`: The UPTD PPA, through SAPA 129"),
        "{s}"
    );
    assert!(s.contains("Contact: call 129"), "{s}");
    assert!(s.contains("For needs: child_protection"), "{s}");
    assert!(s.contains("Serves when"), "{s}");
    let a = flat(&stdout(&show("report_child_protection", "en")));
    assert!(
        a.contains("Refers to services for: child_protection"),
        "{a}"
    );
}

#[test]
fn show_unknown_id_suggests_the_closest() {
    let out = show("protect_life_over_secrecyy", "en");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("`protect_life_over_secrecyy`"), "{err}");
    assert!(
        err.contains("did you mean `protect_life_over_secrecy`?"),
        "{err}"
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn show_unknown_id_far_from_any_points_to_list() {
    let out = show("qqqqqqqqqqqq", "en");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("etika list"), "{}", stderr(&out));
}

#[test]
fn show_in_indonesian() {
    let out = show("protect_life_over_secrecy", "id");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = flat(&stdout(&out));
    for wanted in [
        "Kewajiban `protect_life_over_secrecy` [mengikat]",
        "Mencegah bahaya serius walau klien meminta rahasia",
        "Sumber: KUHP baru (UU 1/2023) Pasal 254",
        "Berlaku bila “Apakah nyawa atau keselamatan seseorang sedang terancam serius?” = ya dan",
        "[Keselamatan]",
    ] {
        assert!(text.contains(wanted), "no `{wanted}` in:\n{text}");
    }
    assert!(!text.contains("Applies when"), "{text}");
}

#[test]
fn show_wraps_at_the_width() {
    let out = etika()
        .args([
            "--lang",
            "en",
            "--width",
            "40",
            "show",
            "protect_life_over_secrecy",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.lines().all(|l| columns(l) <= 40), "{text}");
}
