//! The v3 model on a small pack built here: steps per party at risk and never for the one
//! causing the harm, services resolved by whom they serve (the worker's own unit named as
//! such), steps the answers say are done, the short course, the verdict, and "None of these".

use super::*;
use crate::diag::{Diagnostics, SourceFile};
use crate::pack::{Depth, load_files};
use crate::vocab::{Lang, OTHER, Value, Verdict, Weight};

fn file(rel: &str, text: &str) -> SourceFile {
    SourceFile::new(format!("v3/{rel}"), rel, text)
}

fn t(s: &str) -> String {
    format!("{{ id = \"{s} (id)\", en = \"{s}\" }}")
}

/// A pack with the v3 questions (`decision`, `at_risk`, `harm_from`, `worker_service`), three
/// services, and steps that exercise parties, services, `done` and weights.
fn pack() -> Pack {
    let meta = format!(
        "id = \"v3\"\nname = {n}\nedition = \"1\"\neffective = \"2026-01-01\"\nlanguages = [\"id\", \"en\"]\ndisclaimer = {n}\n[ranking]\norder = [\"life\", \"autonomy\", \"privacy\"]\nsource = {n}\n[frame]\nduties = []\nsteps = [\"note\"]\n",
        n = t("v3")
    );
    // "agency" is a principle the ranking does not weigh.
    let principles: String = ["life", "autonomy", "privacy", "agency"]
        .iter()
        .map(|p| {
            format!(
                "[[principle]]\nid = \"{p}\"\nname = {}\ndescription = {}\nsource = \"x\"\n",
                t(p),
                t(p)
            )
        })
        .collect();
    let q = |id: &str, kind: &str, extra: &str| {
        format!(
            "[[question]]\nid = \"{id}\"\nkind = \"{kind}\"\nprompt = {}\nhelp = {}\n{extra}\n",
            t(&format!("{id}?")),
            t("why")
        )
    };
    let options = |ids: &[&str]| {
        let list: Vec<String> = ids
            .iter()
            .map(|i| format!("{{ id = \"{i}\", label = {} }}", t(i)))
            .collect();
        format!("options = [{}]", list.join(", "))
    };
    let questions = [
        q(
            "decision",
            "any_of",
            &options(&["report", "disclose", "recommend", "self"]).replace(
                "]",
                &format!(
                    ", {{ id = \"order\", order = true, label = {} }}]",
                    t("order")
                ),
            ),
        ),
        q(
            "situation",
            "any_of",
            &options(&["child_at_risk", "sexual_violence", "medical", "ordinary"]),
        ),
        q("worker_service", "one_of", &options(&["uptd_ppa", "ngo"])),
        q("client_age", "one_of", &options(&["child", "adult"])),
        q(
            "at_risk",
            "any_of",
            &options(&["client", "child", "other_adult"]),
        ),
        q(
            "harm_from",
            "any_of",
            &format!(
                "unsure = true\n{}",
                options(&["client", "partner_or_family", "circumstance"])
            ),
        ),
        q("at_risk_is_woman", "yes_no", ""),
        q("danger", "yes_no", "unsure = true"),
        q("consent_given", "yes_no", ""),
        q("concern", "one_of", &options(&["disclosure", "worry"])),
        q(
            "wish",
            "one_of",
            &format!("unsure = true\n{}", options(&["agrees", "refuses"])),
        ),
        q(
            "rule",
            "one_of",
            &format!("unsure = true\n{}", options(&["none", "forbids"])),
        ),
    ]
    .concat();
    let services = format!(
        "[[service]]\nid = \"uptd\"\nname = {}\ncontact = {}\nneeds = [\"violence_women_children\"]\nserves = \"client_age == 'child' or 'child' in at_risk or at_risk_is_woman or 'sexual_violence' in situation\"\nown = \"worker_service == 'uptd_ppa'\"\nsource = \"law\"\n\n[[service]]\nid = \"ambulance\"\nname = {}\ncontact = {}\nneeds = [\"medical_emergency\"]\nsource = \"law\"\n\n[[service]]\nid = \"police\"\nname = {}\ncontact = {}\nneeds = [\"police\"]\nsource = \"law\"\n",
        t("UPTD PPA"),
        t("129"),
        t("Ambulance"),
        t("119"),
        t("Police"),
        t("110")
    );
    let action = |id: &str, phase: &str, weight: &str, extra: &str| {
        format!(
            "[[action]]\nid = \"{id}\"\nphase = \"{phase}\"\nweight = \"{weight}\"\nshort = {}\ntext = {}\n{extra}\n",
            t(&format!("do {id}")),
            t(id)
        )
    };
    let mut actions = [
        action(
            "call_uptd",
            "act",
            "decisive",
            "refer = [\"violence_women_children\"]",
        ),
        action(
            "call_119",
            "safety",
            "decisive",
            "refer = [\"medical_emergency\"]\nwhen = \"'medical' in situation\"\nconsult = \"authorities\"",
        ),
        action(
            "call_police",
            "safety",
            "supporting",
            "refer = [\"police\"]\nwhen = \"not ('medical' in situation)\"",
        ),
        action(
            "safe_bed",
            "safety",
            "supporting",
            "parties = [\"client\", \"child\", \"other_adult\"]",
        ),
        action(
            "ask_consent",
            "inform",
            "supporting",
            "done = \"consent_given\"",
        ),
        action(
            "assess_capacity",
            "assess",
            "supporting",
            "when = \"client_age != 'child'\"",
        ),
        action(
            "hear_child",
            "assess",
            "supporting",
            "when = \"client_age == 'child'\"",
        ),
        action(
            "family_meeting",
            "act",
            "supporting",
            "when = \"not ('partner_or_family' in harm_from)\"",
        ),
        action("talk_first", "inform", "decisive", ""),
        action("note", "document", "routine", ""),
        action("sop", "consult", "routine", ""),
        action("sup", "consult", "routine", "consult = \"supervisor\""),
    ]
    .concat();
    for i in 1..=10 {
        actions.push_str(&action(&format!("s{i}"), "act", "supporting", ""));
    }
    let obligation = |id: &str, when: &str, binding: bool, actions: &str, extra: &str| {
        format!(
            "[[obligation]]\nid = \"{id}\"\ntitle = {}\ntext = {}\nsource = \"law\"\nprinciples = [\"life\"]\nwhen = \"{when}\"\nbinding = {binding}\nactions = {actions}\n{extra}\n",
            t(id),
            t(id)
        )
    };
    let many: Vec<String> = (1..=10).map(|i| format!("\"s{i}\"")).collect();
    let obligations = [
        obligation(
            "report_harm",
            "'report' in decision and concern == 'disclosure'",
            true,
            r#"["call_uptd", "safe_bed", "family_meeting", "note", "sop"]"#,
            "decisive = [\"safe_bed\"]\nconsult = \"supervisor\"",
        ),
        obligation("help_in_danger", "danger", true, r#"["call_119"]"#, ""),
        obligation(
            "medical",
            "'medical' in situation",
            false,
            r#"["call_119", "call_police", "safe_bed"]"#,
            "",
        ),
        obligation(
            "consent",
            "'disclose' in decision",
            false,
            r#"["ask_consent", "assess_capacity", "hear_child", "note"]"#,
            "",
        ),
        obligation(
            "name_kept_out",
            "'client' in at_risk and not ('child' in at_risk)",
            true,
            r#"["note"]"#,
            "decides = [\"disclose\"]",
        ),
        obligation(
            "child_seen",
            "'child_at_risk' in situation",
            false,
            r#"["talk_first"]"#,
            "",
        ),
        obligation(
            "many_steps",
            "'self' in decision",
            false,
            &format!("[{}, \"note\", \"sop\", \"sup\"]", many.join(", ")),
            "",
        ),
    ]
    .concat()
        + "[[obligation]]\nid = \"child_data_rule\"\ntitle = \"t\"\ntext = \"t\"\nsource = \"law\"\nprinciples = [\"privacy\"]\nwhen = \"'disclose' in decision and 'ordinary' in situation and client_age == 'child' and consent_given\"\nbinding = true\nactions = [\"note\"]\n";
    let tensions = format!(
        "[[tension]]\nid = \"life_vs_privacy\"\ntitle = {p}\nprinciples = [\"privacy\", \"life\"]\nwhen = \"'disclose' in decision and 'child' in at_risk\"\nexplanation = {p}\n\n[[tension]]\nid = \"autonomy_vs_privacy\"\ntitle = {p}\nprinciples = [\"privacy\", \"autonomy\"]\nwhen = \"'recommend' in decision\"\nexplanation = {p}\n\n[[tension]]\nid = \"wish_vs_privacy\"\ntitle = {p}\nprinciples = [\"autonomy\", \"privacy\"]\nwhen = \"wish == 'refuses'\"\nexplanation = {p}\n\n[[tension]]\nid = \"agency_vs_privacy\"\ntitle = {p}\nprinciples = [\"agency\", \"privacy\"]\nwhen = \"rule == 'forbids'\"\nexplanation = {p}\n",
        p = t("t")
    );
    let loaded = load_files(
        "v3",
        vec![
            file("pack.toml", &meta),
            file("principles.toml", &principles),
            file("questions.toml", &questions),
            file("services.toml", &services),
            file("actions.toml", &actions),
            file("obligations/all.toml", &obligations),
            file("tensions.toml", &tensions),
        ],
        Depth::Load,
        Diagnostics::new(),
    );
    match loaded.pack {
        Some(p) => p,
        None => panic!(
            "{}",
            crate::diag::render_all(&loaded.diagnostics, true, Lang::En, false)
        ),
    }
}

/// The test pack with a decision option marked `outside`: a technical task for another
/// authority.
fn with_technical_task(mut pack: Pack) -> Pack {
    let decision = pack
        .questions
        .iter_mut()
        .find(|q| q.id == "decision")
        .expect("a decision question");
    decision.options.insert(
        0,
        crate::pack::Choice {
            id: "technical".into(),
            label: crate::vocab::Text::same("A technical task"),
            outside: true,
            order: false,
        },
    );
    pack
}

fn many(ids: &[&str]) -> Value {
    Value::Many(ids.iter().map(|s| s.to_string()).collect())
}

fn one(id: &str) -> Value {
    Value::One(id.into())
}

fn answers(pairs: &[(&str, Value)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// A disclosure of harm to be reported, by a woman about herself and her child.
fn report(extra: &[(&str, Value)]) -> Answers {
    let mut a = answers(&[
        ("decision", many(&["report"])),
        ("situation", many(&["child_at_risk"])),
        ("worker_service", one("ngo")),
        ("client_age", one("adult")),
        ("at_risk", many(&["client", "child"])),
        ("harm_from", many(&["partner_or_family"])),
        ("at_risk_is_woman", Value::Yes(true)),
        ("concern", one("disclosure")),
    ]);
    a.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
    a
}

fn step<'d>(d: &'d Decision, id: &str) -> Option<&'d Step> {
    d.course.iter().find(|s| s.action == id)
}

fn left_out<'d>(d: &'d Decision, id: &str) -> Option<&'d LeftOut> {
    d.left_out.iter().find(|l| l.action == id)
}

#[test]
fn a_step_for_those_at_risk_is_given_for_each_and_never_for_the_one_causing_the_harm() {
    let pack = pack();
    let d = decide(&pack, &report(&[]));
    assert_eq!(step(&d, "safe_bed").unwrap().parties, ["client", "child"]);
    // The client harms the child: the step is for the child alone.
    let d = decide(
        &pack,
        &report(&[
            ("at_risk", many(&["client", "child"])),
            ("harm_from", many(&["client"])),
        ]),
    );
    assert_eq!(step(&d, "safe_bed").unwrap().parties, ["child"]);
    // The client threatens only himself and is the one causing it: no one to give it for.
    let d = decide(
        &pack,
        &report(&[
            ("at_risk", many(&["client"])),
            ("harm_from", many(&["client"])),
        ]),
    );
    assert!(step(&d, "safe_bed").is_none());
    assert_eq!(
        left_out(&d, "safe_bed").unwrap().reason,
        LeftOutReason::DoesNotFit
    );
    // Not sure who causes it: the step waits on finding out.
    let d = decide(
        &pack,
        &report(&[("at_risk", many(&["client"])), ("harm_from", Value::Unsure)]),
    );
    assert!(d.is_pending("safe_bed"), "{:?}", d.depends_on);
    let f = d
        .find_out
        .iter()
        .find(|f| f.question == "harm_from")
        .unwrap();
    // Each possible source on its own, "None of these" left out.
    let values: Vec<String> = f.cases.iter().map(|c| c.value.code()).collect();
    assert_eq!(values, ["client", "partner_or_family", "circumstance"]);
}

#[test]
fn family_steps_never_go_to_the_family_that_is_the_danger() {
    let pack = pack();
    let d = decide(&pack, &report(&[]));
    assert!(step(&d, "family_meeting").is_none());
    let d = decide(&pack, &report(&[("harm_from", many(&["circumstance"]))]));
    assert!(step(&d, "family_meeting").is_some());
}

#[test]
fn services_are_named_for_whom_they_serve() {
    let pack = pack();
    // A woman and her child: the UPTD PPA serves them.
    let d = decide(&pack, &report(&[]));
    let s = step(&d, "call_uptd").unwrap();
    assert_eq!(
        s.services,
        [ServiceUse {
            id: "uptd".into(),
            own: false
        }]
    );
    assert_eq!(d.consult.services, ["uptd"]);
    // An adult man, no child at risk, no sexual violence: no UPTD PPA, and the step that
    // would send him there is left out rather than given with no service.
    let man = report(&[
        ("situation", many(&["ordinary"])),
        ("at_risk", many(&["client"])),
        ("at_risk_is_woman", Value::Yes(false)),
    ]);
    let d = decide(&pack, &man);
    assert!(step(&d, "call_uptd").is_none());
    assert_eq!(
        left_out(&d, "call_uptd").unwrap().reason,
        LeftOutReason::NoService
    );
    assert!(d.consult.services.is_empty());
    // A man who is a victim of sexual violence: it serves victims of any gender.
    let mut sv = man.clone();
    sv.insert("situation".into(), many(&["sexual_violence"]));
    assert!(step(&decide(&pack, &sv), "call_uptd").is_some());
    // A worker of the UPTD PPA itself is told it is their own unit.
    let d = decide(&pack, &report(&[("worker_service", one("uptd_ppa"))]));
    assert!(step(&d, "call_uptd").unwrap().services[0].own);
    // A step its author made decisive stays decisive in one's own unit.
    assert_eq!(step(&d, "call_uptd").unwrap().weight, Weight::Decisive);
}

#[test]
fn a_medical_crisis_goes_to_emergency_care_before_the_police() {
    let pack = pack();
    let d = decide(
        &pack,
        &report(&[
            ("decision", many(&["disclose"])),
            ("situation", many(&["medical"])),
        ]),
    );
    let first = &d.course[0];
    assert_eq!(first.action, "call_119");
    assert_eq!(first.services[0].id, "ambulance");
    assert!(step(&d, "call_police").is_none());
}

#[test]
fn a_childs_capacity_is_not_assessed_and_a_step_already_done_is_left_out() {
    let pack = pack();
    let child = report(&[
        ("decision", many(&["disclose"])),
        ("client_age", one("child")),
        ("consent_given", Value::Yes(true)),
    ]);
    let d = decide(&pack, &child);
    assert!(step(&d, "assess_capacity").is_none());
    assert!(step(&d, "hear_child").is_some());
    assert!(step(&d, "ask_consent").is_none());
    let l = left_out(&d, "ask_consent").unwrap();
    assert_eq!(l.reason, LeftOutReason::Done);
    assert_eq!(
        l.why,
        [crate::condition::Fact::Answer {
            question: "consent_given".into()
        }]
    );
}

#[test]
fn the_course_puts_decisive_steps_first_and_numbers_at_most_eight() {
    let pack = pack();
    // `safe_bed` is supporting on its own but decisive for the reporting duty.
    let d = decide(&pack, &report(&[]));
    let weights: Vec<(&str, Weight)> = d
        .course
        .iter()
        .map(|s| (s.action.as_str(), s.weight))
        .collect();
    // Safety now, then the step that answers the decision (reporting), then the other
    // decisive steps, though they come earlier in the phases.
    assert_eq!(weights[0], ("safe_bed", Weight::Decisive));
    assert_eq!(weights[1], ("call_uptd", Weight::Decisive));
    assert_eq!(weights[2], ("talk_first", Weight::Decisive));
    assert!(step(&d, "call_uptd").unwrap().answers);
    assert!(!step(&d, "talk_first").unwrap().answers);
    let pos = |w: Weight| weights.iter().position(|(_, x)| *x == w);
    assert!(pos(Weight::Routine) > pos(Weight::Supporting));
    // Ten supporting steps and three routine ones: eight numbered, the routine ones apart.
    let d = decide(&pack, &report(&[("decision", many(&["self"]))]));
    let (numbered, routine) = d.short_course();
    assert_eq!(numbered.len(), SHORT_STEPS);
    assert!(numbered.iter().all(|s| s.weight != Weight::Routine));
    let routine: Vec<&str> = routine.iter().map(|s| s.action.as_str()).collect();
    assert_eq!(routine, ["sop", "sup", "note"]);
    // And the decisive step of the child seen at risk.
    assert_eq!(d.course.len(), 14);
    assert_eq!(numbered[0].action, "talk_first");
}

#[test]
fn each_verdict() {
    let pack = pack();
    let verdict = |a: &Answers| decide(&pack, a).verdict;
    // No conflict: go ahead.
    let ordinary = answers(&[
        ("decision", many(&["disclose"])),
        ("situation", many(&["ordinary"])),
        ("client_age", one("adult")),
    ]);
    let d = decide(&pack, &ordinary);
    assert_eq!(d.verdict, Verdict::NoDilemma);
    assert!(d.no_dilemma);
    // A binding duty settles it.
    assert_eq!(verdict(&report(&[])), Verdict::Binding);
    // Life against privacy: a binding duty serving life that applies (reporting a disclosed
    // harm) settles the tension, and the law settles it; with none, it is a dilemma the ranking
    // settles towards life, not "life first" (the pack's `off_the_list_in_the_highlands` has
    // life against a rule outside the ranking: life first with no binding duty).
    assert_eq!(
        verdict(&report(&[("decision", many(&["disclose", "report"]))])),
        Verdict::Binding
    );
    let d = decide(&pack, &report(&[("decision", many(&["disclose"]))]));
    assert_eq!(d.verdict, Verdict::Dilemma);
    assert!(
        d.tensions
            .iter()
            .any(|t| t.id == "life_vs_privacy" && t.prevails.as_deref() == Some("life")),
        "{:?}",
        d.tensions
    );
    // A tension where life is not at stake: a dilemma settled by the ranking.
    assert_eq!(
        verdict(&report(&[("decision", many(&["recommend"]))])),
        Verdict::Dilemma
    );
    // A medical emergency: the duty that protects life calls for an emergency step now.
    assert_eq!(
        verdict(&report(&[
            ("decision", many(&["self"])),
            ("situation", many(&["medical"])),
        ])),
        Verdict::LifeFirst
    );
    // A binding duty beside the decision (it settles only disclosing) does not take the
    // headline from a tension; with nothing else conflicting, the decision asked is a go-ahead,
    // done the way the duty says (a journalist asking about a child whose placement is
    // routine does not make the placement "settled by law").
    let side = |decision: &str| {
        verdict(&report(&[
            ("decision", many(&[decision])),
            ("at_risk", many(&["client"])),
        ]))
    };
    assert_eq!(side("recommend"), Verdict::Dilemma);
    assert_eq!(side("self"), Verdict::NoDilemma);
    let d = decide(
        &pack,
        &report(&[
            ("decision", many(&["self"])),
            ("at_risk", many(&["client"])),
        ]),
    );
    // The duty is still listed, binding, to say how the side request is answered.
    assert!(
        d.obligations
            .iter()
            .any(|o| o.id == "name_kept_out" && o.binding)
    );
    // The law settles one decision asked (disclosing) while a tension is weighed: where another
    // decision asked is one no binding duty settles (recommending), the headline goes to what is
    // still weighed; where the other is an order to do what the law settles, the law settles it.
    let both = |other: &str| {
        verdict(&report(&[
            ("decision", many(&["disclose", other])),
            ("at_risk", many(&["client"])),
            ("wish", one("refuses")),
        ]))
    };
    assert_eq!(both("recommend"), Verdict::Dilemma);
    assert_eq!(both("order"), Verdict::Binding);
    // Where a binding duty that only says how (`settles = false`) serves the principle the
    // ranking puts first in a tension, and none serves the other, the law and the ranking
    // agree: nothing is weighed, so it is a go-ahead the way the duty says. Where it serves
    // the other principle, the tension is still weighed.
    let serving = |principle: &str| {
        let mut p = pack.clone();
        let duty = p
            .obligations
            .iter_mut()
            .find(|o| o.id == "name_kept_out")
            .unwrap();
        duty.principles = vec![principle.to_string()];
        duty.settles = false;
        decide(
            &p,
            &report(&[
                ("decision", many(&["recommend"])),
                ("at_risk", many(&["client"])),
            ]),
        )
        .verdict
    };
    assert_eq!(serving("autonomy"), Verdict::NoDilemma);
    assert_eq!(serving("privacy"), Verdict::Dilemma);
    // A binding duty that waits on a fact: not settled yet, so not "go ahead".
    let d = decide(&pack, &report(&[("concern", Value::Unsure)]));
    assert!(d.is_pending("report_harm"));
    assert_eq!(d.verdict, Verdict::Dilemma);
    // A binding duty to protect life that would call for an emergency step, waiting on whether
    // it is an emergency: life first, with finding that out leading the course.
    let unsure_danger = report(&[
        ("decision", many(&["self"])),
        ("situation", many(&["ordinary"])),
        ("danger", Value::Unsure),
    ]);
    let mut urgent = pack.clone();
    let i = urgent.action_index("call_119").unwrap();
    urgent.actions[i].when =
        Some(crate::condition::parse("'medical' in situation or danger").unwrap());
    urgent.reindex();
    let d = decide(&urgent, &unsure_danger);
    assert!(d.is_pending("help_in_danger"));
    assert_eq!(d.verdict, Verdict::LifeFirst);
    // Where the answers already rule out its emergency step (119 only for a medical crisis,
    // and nothing medical is going on), no emergency waits: not settled yet, not life first.
    let d = decide(&pack, &unsure_danger);
    assert!(d.is_pending("help_in_danger"));
    assert_eq!(d.verdict, Verdict::Dilemma);
    // The same where the law settles the decision: the law's verdict stands.
    let d = decide(
        &pack,
        &report(&[
            ("decision", many(&["disclose"])),
            ("at_risk", many(&["client"])),
            ("danger", Value::Unsure),
        ]),
    );
    assert!(d.is_pending("help_in_danger"));
    assert_eq!(d.verdict, Verdict::Binding);
    // A binding duty that protects no life and waits on a fact (a consent not yet checked) is
    // something to find out before going ahead, not a dilemma.
    let d = decide(
        &pack,
        &answers(&[
            ("decision", many(&["disclose"])),
            ("situation", many(&["ordinary"])),
            ("client_age", one("child")),
            ("consent_given", Value::Unsure),
        ]),
    );
    assert!(d.is_pending("child_data_rule"));
    assert_eq!(d.verdict, Verdict::NoDilemma);
}

#[test]
fn a_tension_waiting_on_a_fact_keeps_the_verdict_open_unless_it_waits_on_a_rule() {
    let pack = pack();
    let ordinary = |extra: &[(&str, Value)]| {
        let mut a = answers(&[
            ("decision", many(&["disclose"])),
            ("situation", many(&["ordinary"])),
            ("client_age", one("adult")),
        ]);
        a.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
        a
    };
    // A refusal not yet known, between two principles the ranking weighs (neither of them the
    // top one): not settled yet.
    let d = decide(&pack, &ordinary(&[("wish", Value::Unsure)]));
    assert!(d.is_pending("wish_vs_privacy"), "{:?}", d.depends_on);
    assert_eq!(d.verdict, Verdict::Dilemma);
    // Known either way, it is a dilemma or nothing.
    let d = decide(&pack, &ordinary(&[("wish", one("refuses"))]));
    assert!(d.has_tension("wish_vs_privacy"));
    assert_eq!(d.verdict, Verdict::Dilemma);
    let d = decide(&pack, &ordinary(&[("wish", one("agrees"))]));
    assert_eq!(d.verdict, Verdict::NoDilemma);
    // A tension with a duty outside the ranking that waits on whether a rule applies is
    // something to find out before going ahead.
    let d = decide(&pack, &ordinary(&[("rule", Value::Unsure)]));
    assert!(d.is_pending("agency_vs_privacy"), "{:?}", d.depends_on);
    assert_eq!(d.verdict, Verdict::NoDilemma);
    // Where all that is decided is a task for another authority, no choice is weighed.
    let pack = with_technical_task(pack);
    let task = ordinary(&[("decision", many(&["technical"])), ("wish", Value::Unsure)]);
    let d = decide(&pack, &task);
    assert!(d.is_pending("wish_vs_privacy"), "{:?}", d.depends_on);
    assert_eq!(d.verdict, Verdict::NotCovered);
}

#[test]
fn a_duty_that_only_says_how_never_takes_the_verdict() {
    let mut pack = pack();
    let how = pack
        .obligations
        .iter_mut()
        .find(|o| o.id == "name_kept_out")
        .unwrap();
    how.settles = false;
    let verdict = |pack: &Pack, a: &Answers| decide(pack, a).verdict;
    let side = |decision: &str| {
        report(&[
            ("decision", many(&[decision])),
            ("at_risk", many(&["client"])),
        ])
    };
    // Alone, or on the very decision it names, it is listed but the worker goes ahead.
    for decision in ["self", "disclose"] {
        let d = decide(&pack, &side(decision));
        assert!(d.binding().any(|f| f.id == "name_kept_out"), "{decision}");
        assert_eq!(d.verdict, Verdict::NoDilemma, "{decision}");
    }
    // Beside a tension it does not name, the tension is weighed: a dilemma.
    assert_eq!(verdict(&pack, &side("recommend")), Verdict::Dilemma);
    // A tension that names it among the duties that settle it is settled the way it says:
    // no dilemma left, and still no "the law settles it".
    pack.tensions
        .iter_mut()
        .find(|t| t.id == "autonomy_vs_privacy")
        .unwrap()
        .settled_by = vec!["name_kept_out".into()];
    let d = decide(&pack, &side("recommend"));
    assert_eq!(d.tensions[0].settled_by, ["name_kept_out"]);
    assert_eq!(d.verdict, Verdict::NoDilemma);
    // A duty that settles takes the verdict on the decision it names, and only there.
    pack.obligations
        .iter_mut()
        .find(|o| o.id == "name_kept_out")
        .unwrap()
        .settles = true;
    assert_eq!(verdict(&pack, &side("disclose")), Verdict::Binding);
    assert_eq!(verdict(&pack, &side("self")), Verdict::NoDilemma);
}

#[test]
fn a_duty_that_applies_rules_out_the_steps_and_tensions_it_names() {
    let mut pack = pack();
    let a = report(&[
        ("decision", many(&["recommend"])),
        ("at_risk", many(&["client"])),
    ]);
    let before = decide(&pack, &a);
    assert!(
        before
            .tensions
            .iter()
            .any(|t| t.id == "autonomy_vs_privacy")
    );
    assert!(step(&before, "note").is_some());
    let duty = pack
        .obligations
        .iter_mut()
        .find(|o| o.id == "name_kept_out")
        .unwrap();
    duty.rules_out.steps = vec!["note".into()];
    duty.rules_out.tensions = vec!["autonomy_vs_privacy".into()];
    let d = decide(&pack, &a);
    assert!(d.tensions.iter().all(|t| t.id != "autonomy_vs_privacy"));
    assert!(step(&d, "note").is_none());
    let l = left_out(&d, "note").expect("listed as left out");
    assert_eq!(l.reason, LeftOutReason::RuledOut);
    assert_eq!(l.ruled_out_by, ["name_kept_out"]);
    // Where the duty does not apply, it rules nothing out.
    let elsewhere = report(&[("decision", many(&["recommend"]))]);
    let d = decide(&pack, &elsewhere);
    assert!(d.obligations.iter().all(|o| o.id != "name_kept_out"));
    assert!(d.tensions.iter().any(|t| t.id == "autonomy_vs_privacy"));
}

#[test]
fn an_option_marked_outside_is_not_covered_like_none_of_these() {
    let pack = with_technical_task(pack());
    let alone = answers(&[
        ("decision", many(&["technical"])),
        ("situation", many(&["ordinary"])),
        ("client_age", one("adult")),
    ]);
    let d = decide(&pack, &alone);
    assert_eq!(d.not_covered, ["decision"]);
    assert_eq!(d.verdict, Verdict::NotCovered);
    let q = pack.question("decision").unwrap();
    assert!(q.names_a_task_outside(&many(&["technical"])));
    assert!(!q.names_a_task_outside(&many(&[OTHER])));
    // Beside a decision the pack covers, with nothing in conflict, the task still sets the
    // verdict; beside a duty that settles the decision, that duty does.
    let mut beside = alone.clone();
    beside.insert("decision".into(), many(&["technical", "disclose"]));
    let d = decide(&pack, &beside);
    assert_eq!(d.not_covered, ["decision"]);
    assert_eq!(d.verdict, Verdict::NotCovered);
    let d = decide(
        &pack,
        &report(&[("decision", many(&["technical", "report"]))]),
    );
    assert_eq!(d.verdict, Verdict::Binding);
    // "None of these" beside a covered decision does not.
    let mut other = alone.clone();
    other.insert("decision".into(), many(&[OTHER, "disclose"]));
    assert_eq!(decide(&pack, &other).verdict, Verdict::NoDilemma);
}

#[test]
fn a_rule_that_reads_the_decision_alone_gives_the_frame_not_the_answer() {
    let pack = pack();
    // `report_harm` reads the decision and the concern: its steps answer the decision.
    let d = decide(&pack, &report(&[]));
    assert!(step(&d, "safe_bed").unwrap().answers, "{:?}", d.course);
    // `consent` reads only that something is disclosed: its steps are the general frame.
    let d = decide(
        &pack,
        &answers(&[
            ("decision", many(&["disclose"])),
            ("situation", many(&["ordinary"])),
            ("client_age", one("adult")),
        ]),
    );
    assert!(!step(&d, "ask_consent").unwrap().answers, "{:?}", d.course);
}

#[test]
fn none_of_these_is_not_covered_and_goes_to_the_supervisor() {
    let pack = pack();
    // Every choice question offers it, last.
    for q in pack.questions.iter().filter(|q| !q.options.is_empty()) {
        assert_eq!(q.options.last().unwrap().id, OTHER, "{}", q.id);
    }
    let a = answers(&[
        ("decision", many(&[OTHER])),
        ("situation", many(&[OTHER])),
        ("client_age", one("adult")),
    ]);
    let d = decide(&pack, &a);
    assert_eq!(d.verdict, Verdict::NotCovered);
    assert!(!d.no_dilemma);
    assert_eq!(d.not_covered, ["decision", "situation"]);
    assert_eq!(d.consult.level, Consult::Supervisor);
    assert_eq!(
        d.consult.because,
        ["not_covered:decision", "not_covered:situation"]
    );
    assert!(step(&d, "sup").is_some(), "{:?}", d.course);
    // The frame's steps still say how to decide.
    assert!(step(&d, "note").is_some());
    // "None of these" on a detail, beside a duty that applies: listed, but the verdict stays
    // the duty's; with nothing applying at all, it is not covered.
    let detail = answers(&[
        ("decision", many(&["disclose"])),
        ("situation", many(&["ordinary"])),
        ("worker_service", one(OTHER)),
        ("client_age", one("adult")),
    ]);
    let d = decide(&pack, &detail);
    assert_eq!(d.not_covered, ["worker_service"]);
    assert_eq!(d.verdict, Verdict::NoDilemma);
    let mut nothing = detail.clone();
    nothing.insert("decision".into(), many(&["recommend"]));
    nothing.insert("situation".into(), many(&["medical"]));
    nothing.remove("client_age");
    let d = decide(&pack, &nothing);
    assert!(
        d.obligations.iter().all(|o| o.id == "medical"),
        "{:?}",
        d.obligations
    );
    // An "other" beside a decision the pack covers: the duty still applies, and the report
    // still names what it does not cover.
    let d = decide(
        &pack,
        &report(&[("situation", many(&["child_at_risk", OTHER]))]),
    );
    assert_eq!(d.verdict, Verdict::Binding);
    assert_eq!(d.not_covered, ["situation"]);
    // "Something else" beside a situation that fits is listed, and does not take the verdict:
    // only a situation that is nothing but "None of these" is outside the pack.
    let beside = answers(&[
        ("decision", many(&["disclose"])),
        ("situation", many(&["ordinary", OTHER])),
        ("client_age", one("adult")),
    ]);
    let d = decide(&pack, &beside);
    assert_eq!(d.not_covered, ["situation"]);
    assert_eq!(d.verdict, Verdict::NoDilemma);
}

#[test]
fn a_situation_of_something_else_is_covered_where_a_duty_gives_its_own_decisive_step() {
    let mut pack = pack();
    let a = answers(&[
        ("decision", many(&["disclose"])),
        ("situation", many(&[OTHER])),
        ("client_age", one("adult")),
    ]);
    // Only the general consent duty applies, with no decisive step: outside the pack.
    let d = decide(&pack, &a);
    assert_eq!(d.not_covered, ["situation"]);
    assert_eq!(d.verdict, Verdict::NotCovered);
    // Where the duty that applies gives a decisive step of its own, the answers on what is
    // decided are covered whatever the situation is called: go ahead, with the situation
    // still listed as not covered.
    let consent = pack
        .obligations
        .iter_mut()
        .find(|o| o.id == "consent")
        .unwrap();
    consent.decisive = vec!["ask_consent".into()];
    let d = decide(&pack, &a);
    assert_eq!(d.not_covered, ["situation"]);
    assert_eq!(d.verdict, Verdict::NoDilemma);
}

#[test]
fn a_control_case_must_be_a_plain_go_ahead() {
    use crate::pack::{Case, Expect};
    use crate::vocab::{CaseKind, Text};
    let pack = pack();
    let case = |answers: Answers| Case {
        id: "c".into(),
        title: Text::same("c"),
        kind: CaseKind::Control,
        narrative: Text::same("n"),
        answers,
        expect: Expect::default(),
        courses: Vec::new(),
        debrief: Text::same("d"),
        file: "cases/c.toml".into(),
    };
    let quiet = answers(&[
        ("decision", many(&["disclose"])),
        ("situation", many(&["ordinary"])),
        ("client_age", one("adult")),
        ("consent_given", Value::Yes(true)),
    ]);
    assert!(
        crate::practice::check_case(&pack, &case(quiet)).is_empty(),
        "a control with consent given passes"
    );
    let problems = crate::practice::check_case(&pack, &case(report(&[])));
    assert!(
        problems.iter().any(|p| p.contains("`no_dilemma`")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("binding duty")),
        "{problems:?}"
    );
}

#[test]
fn the_steps_of_a_weighed_tension_lead_the_steps_that_are_not_binding() {
    let mut pack = pack();
    let tension = pack
        .tensions
        .iter_mut()
        .find(|t| t.id == "autonomy_vs_privacy")
        .unwrap();
    tension.actions = vec!["s1".into()];
    tension.decisive = vec!["s1".into()];
    let a = answers(&[
        ("decision", many(&["recommend"])),
        ("situation", many(&["child_at_risk"])),
        ("client_age", one("adult")),
    ]);
    let at = |d: &Decision, id: &str| d.course.iter().position(|s| s.action == id).unwrap();
    let d = decide(&pack, &a);
    assert_eq!(d.verdict, Verdict::Dilemma);
    // The tension's step (act) comes before another decisive step (inform, an earlier phase)
    // that no binding duty and no weighed tension calls for.
    assert!(at(&d, "s1") < at(&d, "talk_first"), "{:?}", d.course);
    // One ranked principle against a duty outside the ranking (to the agency) is still settled
    // by the ranking, and its steps still lead: they are the way through the dilemma named.
    let principles = |pack: &mut Pack, p: [&str; 2]| {
        pack.tensions
            .iter_mut()
            .find(|t| t.id == "autonomy_vs_privacy")
            .unwrap()
            .principles = p.map(String::from);
    };
    principles(&mut pack, ["privacy", "agency"]);
    let d = decide(&pack, &a);
    assert!(at(&d, "s1") < at(&d, "talk_first"), "{:?}", d.course);
    // Where the ranking names neither side, nothing settles it: its steps fall back to their
    // phase.
    principles(&mut pack, ["agency", "colleagues"]);
    let d = decide(&pack, &a);
    assert!(at(&d, "talk_first") < at(&d, "s1"), "{:?}", d.course);
}
