//! The decision engine: (pack, answers) → decision, with the reasons for every part.
//!
//! Pure and deterministic: no I/O, no prompts, no clock. The steps follow DESIGN §4:
//! obligations with traces, binding duties first, tensions settled by the pack's ranking,
//! the consultation level, and a course of action ordered by phase without repeats.

use serde::Serialize;

use crate::answers::{self, Answers};
use crate::pack::{Consult, Pack, Phase};

/// An obligation that applies, and the questions whose answers made it apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fired {
    pub id: String,
    pub binding: bool,
    pub why: Vec<String>,
}

/// A tension between two principles that arises, and how it is settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActiveTension {
    pub id: String,
    pub principles: [String; 2],
    /// The principle that prevails: the binding duty's where one settles it, else the
    /// higher-ranked; `None` when neither principle is ranked.
    pub prevails: Option<String>,
    /// Binding duties that already settle this tension.
    pub settled_by: Vec<String>,
    pub why: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultAdvice {
    pub level: Consult,
    /// The obligations and tensions that call for this level.
    pub because: Vec<String>,
}

/// One step of the course of action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub phase: Phase,
    pub action: String,
    /// The obligations and tensions that call for it.
    pub because: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The answers that count (those to questions that were asked).
    pub answers: Answers,
    /// Binding duties first, then the rest, each group in pack order.
    pub obligations: Vec<Fired>,
    pub tensions: Vec<ActiveTension>,
    pub consult: ConsultAdvice,
    pub course: Vec<Step>,
}

impl Decision {
    pub fn binding(&self) -> impl Iterator<Item = &Fired> {
        self.obligations.iter().filter(|o| o.binding)
    }

    pub fn fired(&self, id: &str) -> bool {
        self.obligations.iter().any(|o| o.id == id)
    }
}

/// Decide. The pack must have loaded without errors.
pub fn decide(pack: &Pack, given: &Answers) -> Decision {
    let answers = answers::effective(pack, given);

    // 1–2. Obligations, binding first.
    let mut obligations: Vec<Fired> = pack
        .obligations
        .iter()
        .filter_map(|o| {
            o.when_expr.trace(&answers).map(|why| Fired {
                id: o.id.get_ref().clone(),
                binding: o.binding,
                why,
            })
        })
        .collect();
    obligations.sort_by_key(|o| !o.binding);

    // 3. Tensions, settled by a binding duty or else by the ranking.
    let tensions: Vec<ActiveTension> = pack
        .tensions
        .iter()
        .filter_map(|t| {
            let why = t.when_expr.trace(&answers)?;
            let principles = [
                t.principles[0].get_ref().clone(),
                t.principles[1].get_ref().clone(),
            ];
            let settled_by: Vec<String> = obligations
                .iter()
                .filter(|f| f.binding)
                .filter(|f| {
                    if t.settled_by.is_empty() {
                        pack.obligation(&f.id).is_some_and(|o| {
                            o.principles
                                .iter()
                                .any(|p| principles.contains(p.get_ref()))
                        })
                    } else {
                        t.settled_by.iter().any(|s| s.get_ref() == &f.id)
                    }
                })
                .map(|f| f.id.clone())
                .collect();
            let by_binding = settled_by.first().and_then(|b| {
                let o = pack.obligation(b)?;
                principles
                    .iter()
                    .filter(|p| o.principles.iter().any(|op| op.get_ref() == *p))
                    .min_by_key(|p| pack.rank(p).unwrap_or(usize::MAX))
                    .cloned()
            });
            let by_rank = match (pack.rank(&principles[0]), pack.rank(&principles[1])) {
                (Some(a), Some(b)) => Some(
                    if a <= b {
                        &principles[0]
                    } else {
                        &principles[1]
                    }
                    .clone(),
                ),
                (Some(_), None) => Some(principles[0].clone()),
                (None, Some(_)) => Some(principles[1].clone()),
                (None, None) => None,
            };
            Some(ActiveTension {
                id: t.id.get_ref().clone(),
                prevails: by_binding.or(by_rank),
                principles,
                settled_by,
                why,
            })
        })
        .collect();

    // 4. Consultation: the highest level called for, and who calls for it.
    let levels = obligations
        .iter()
        .filter_map(|f| pack.obligation(&f.id).map(|o| (o.consult, &f.id)))
        .chain(
            tensions
                .iter()
                .filter_map(|a| pack.tension(&a.id).map(|t| (t.consult, &a.id))),
        );
    let mut consult = ConsultAdvice {
        level: Consult::None,
        because: Vec::new(),
    };
    for (level, id) in levels {
        if level > consult.level {
            consult.level = level;
            consult.because.clear();
        }
        if level == consult.level && level != Consult::None {
            consult.because.push(id.clone());
        }
    }

    // 5. Course of action: each action once, in phase order, then in the order first called for.
    let mut course: Vec<Step> = Vec::new();
    let callers = obligations
        .iter()
        .filter_map(|f| pack.obligation(&f.id).map(|o| (&f.id, &o.actions)))
        .chain(
            tensions
                .iter()
                .filter_map(|a| pack.tension(&a.id).map(|t| (&a.id, &t.actions))),
        );
    for (caller, actions) in callers {
        for action in actions {
            let id = action.get_ref();
            match course.iter_mut().find(|s| &s.action == id) {
                Some(step) => {
                    if !step.because.contains(caller) {
                        step.because.push(caller.clone());
                    }
                }
                None => {
                    if let Some(a) = pack.action(id) {
                        course.push(Step {
                            phase: a.phase,
                            action: id.clone(),
                            because: vec![caller.clone()],
                        });
                    }
                }
            }
        }
    }
    course.sort_by_key(|s| s.phase);

    Decision {
        answers,
        obligations,
        tensions,
        consult,
        course,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::answers::Value;
    use crate::pack::{SourceFile, load_files};

    fn file(rel: &str, text: &str) -> SourceFile {
        SourceFile {
            name: format!("mini/{rel}"),
            rel: rel.into(),
            text: text.into(),
        }
    }

    /// A small pack that exercises every step of the engine.
    pub(crate) fn mini_pack() -> Pack {
        let loaded = mini_pack_with("");
        assert!(!loaded.has_errors(), "{}", loaded.render(true));
        loaded.pack
    }

    /// The small pack with more text appended to its tensions file.
    pub(crate) fn mini_pack_with(extra_tensions: &str) -> crate::pack::Loaded {
        let t = |s: &str| format!("{{ id = \"{s} (id)\", en = \"{s}\" }}");
        let pack = format!(
            "id = \"mini\"\nname = {}\nedition = \"1\"\neffective = \"2026-01-01\"\nlanguages = [\"id\", \"en\"]\ndisclaimer = {}\n[ranking]\norder = [\"life\", \"autonomy\", \"privacy\"]\nsource = {}\n",
            t("Mini"),
            t("Advice only"),
            t("A screen")
        );
        let principles = ["life", "autonomy", "privacy", "unranked"]
            .iter()
            .map(|p| {
                format!(
                    "[[principle]]\nid = \"{p}\"\nname = {}\ndescription = {}\nsource = \"x\"\n",
                    t(p),
                    t(p)
                )
            })
            .collect::<String>();
        let questions = format!(
            r#"
[[question]]
id = "risk"
kind = "yes_no"
prompt = {p}
help = {p}

[[question]]
id = "target"
kind = "one_of"
prompt = {p}
help = {p}
ask_if = "risk"
options = [{{ id = "self", label = {p} }}, {{ id = "other", label = {p} }}]

[[question]]
id = "secret"
kind = "yes_no"
prompt = {p}
help = {p}
"#,
            p = t("q")
        );
        let actions = [
            ("call", "safety"),
            ("tell", "inform"),
            ("ask_sup", "consult"),
            ("note", "document"),
        ]
        .iter()
        .map(|(id, ph)| {
            format!(
                "[[action]]\nid = \"{id}\"\nphase = \"{ph}\"\ntext = {}\n",
                t(id)
            )
        })
        .collect::<String>();
        let obligation = |id: &str,
                          when: &str,
                          binding: bool,
                          actions: &str,
                          consult: &str,
                          principles: &str| {
            format!(
                "[[obligation]]\nid = \"{id}\"\ntitle = {}\ntext = {}\nsource = \"law\"\nprinciples = {principles}\nwhen = \"{when}\"\nbinding = {binding}\nactions = {actions}\nconsult = \"{consult}\"\n",
                t(id),
                t(id)
            )
        };
        let obligations = [
            obligation(
                "keep_secret",
                "secret",
                false,
                r#"["note", "ask_sup"]"#,
                "supervisor",
                r#"["privacy"]"#,
            ),
            obligation(
                "protect",
                "risk and target == 'other'",
                true,
                r#"["note", "call", "tell"]"#,
                "authorities",
                r#"["life"]"#,
            ),
            obligation(
                "respect",
                "risk and target == 'self'",
                false,
                r#"["tell"]"#,
                "none",
                r#"["autonomy"]"#,
            ),
        ]
        .concat();
        let tensions = format!(
            "[[tension]]\nid = \"secret_vs_life\"\ntitle = {p}\nprinciples = [\"privacy\", \"life\"]\nwhen = \"risk and secret\"\nexplanation = {p}\nactions = [\"ask_sup\"]\nconsult = \"supervisor\"\n\n[[tension]]\nid = \"odd\"\ntitle = {p}\nprinciples = [\"unranked\", \"autonomy\"]\nwhen = \"secret and not risk\"\nexplanation = {p}\n",
            p = t("t")
        ) + extra_tensions;
        load_files(
            "mini",
            vec![
                file("pack.toml", &pack),
                file("principles.toml", &principles),
                file("questions.toml", &questions),
                file("actions.toml", &actions),
                file("obligations/all.toml", &obligations),
                file("tensions.toml", &tensions),
            ],
        )
    }

    fn answers(pairs: &[(&str, Value)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn binding_duties_come_first_with_their_reasons() {
        let pack = mini_pack();
        let d = decide(
            &pack,
            &answers(&[
                ("risk", Value::Yes(true)),
                ("target", Value::One("other".into())),
                ("secret", Value::Yes(true)),
            ]),
        );
        let ids: Vec<&str> = d.obligations.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["protect", "keep_secret"]);
        assert!(d.obligations[0].binding);
        assert_eq!(d.obligations[0].why, ["risk", "target"]);
        assert_eq!(d.obligations[1].why, ["secret"]);
        assert_eq!(d.binding().count(), 1);
    }

    #[test]
    fn tensions_are_settled_by_binding_duty_or_ranking() {
        let pack = mini_pack();
        let with_binding = decide(
            &pack,
            &answers(&[
                ("risk", Value::Yes(true)),
                ("target", Value::One("other".into())),
                ("secret", Value::Yes(true)),
            ]),
        );
        let t = &with_binding.tensions[0];
        assert_eq!(t.id, "secret_vs_life");
        assert_eq!(t.prevails.as_deref(), Some("life"));
        assert_eq!(t.settled_by, ["protect"]);

        let by_rank = decide(
            &pack,
            &answers(&[
                ("risk", Value::Yes(true)),
                ("target", Value::One("self".into())),
                ("secret", Value::Yes(true)),
            ]),
        );
        let t = &by_rank.tensions[0];
        assert_eq!(
            t.prevails.as_deref(),
            Some("life"),
            "life ranks above privacy"
        );
        assert!(t.settled_by.is_empty());

        // Only one principle ranked: it prevails.
        let odd = decide(
            &pack,
            &answers(&[("risk", Value::Yes(false)), ("secret", Value::Yes(true))]),
        );
        assert_eq!(odd.tensions[0].id, "odd");
        assert_eq!(odd.tensions[0].prevails.as_deref(), Some("autonomy"));
    }

    #[test]
    fn a_tension_that_names_its_settling_duties_is_settled_only_by_them() {
        let extra = r#"
[[tension]]
id = "named"
title = "t"
principles = ["privacy", "life"]
when = "secret"
explanation = "t"
settled_by = ["protect"]
"#;
        let loaded = mini_pack_with(extra);
        assert!(!loaded.has_errors(), "{}", loaded.render(true));
        let pack = loaded.pack;
        let other = answers(&[
            ("risk", Value::Yes(true)),
            ("target", Value::One("other".into())),
            ("secret", Value::Yes(true)),
        ]);
        let named = |d: &Decision| {
            d.tensions
                .iter()
                .find(|t| t.id == "named")
                .cloned()
                .unwrap()
        };
        assert_eq!(named(&decide(&pack, &other)).settled_by, ["protect"]);
        let own = answers(&[("risk", Value::Yes(false)), ("secret", Value::Yes(true))]);
        let t = named(&decide(&pack, &own));
        assert!(t.settled_by.is_empty());
        assert_eq!(
            t.prevails.as_deref(),
            Some("life"),
            "then the ranking settles it"
        );

        let wrong = mini_pack_with(&extra.replace(
            "settled_by = [\"protect\"]",
            "settled_by = [\"keep_secret\", \"protec\"]",
        ));
        let shown = wrong.render(true);
        assert!(
            shown.contains("settled by `keep_secret`, which is not binding"),
            "{shown}"
        );
        assert!(shown.contains("unknown obligation `protec`"), "{shown}");
        assert!(shown.contains("did you mean `protect`?"), "{shown}");
    }

    #[test]
    fn consultation_is_the_highest_level_called_for() {
        let pack = mini_pack();
        let d = decide(
            &pack,
            &answers(&[
                ("risk", Value::Yes(true)),
                ("target", Value::One("other".into())),
                ("secret", Value::Yes(true)),
            ]),
        );
        assert_eq!(d.consult.level, Consult::Authorities);
        assert_eq!(d.consult.because, ["protect"]);
        let d = decide(
            &pack,
            &answers(&[("risk", Value::Yes(false)), ("secret", Value::Yes(true))]),
        );
        assert_eq!(d.consult.level, Consult::Supervisor);
        assert_eq!(d.consult.because, ["keep_secret"]);
        let d = decide(
            &pack,
            &answers(&[("risk", Value::Yes(false)), ("secret", Value::Yes(false))]),
        );
        assert_eq!(d.consult.level, Consult::None);
        assert!(d.consult.because.is_empty());
    }

    #[test]
    fn course_is_ordered_by_phase_without_repeats() {
        let pack = mini_pack();
        let d = decide(
            &pack,
            &answers(&[
                ("risk", Value::Yes(true)),
                ("target", Value::One("other".into())),
                ("secret", Value::Yes(true)),
            ]),
        );
        let steps: Vec<(&str, Phase)> = d
            .course
            .iter()
            .map(|s| (s.action.as_str(), s.phase))
            .collect();
        assert_eq!(
            steps,
            [
                ("call", Phase::Safety),
                ("tell", Phase::Inform),
                ("ask_sup", Phase::Consult),
                ("note", Phase::Document)
            ]
        );
        let note = d.course.iter().find(|s| s.action == "note").unwrap();
        assert_eq!(note.because, ["protect", "keep_secret"]);
        let ask = d.course.iter().find(|s| s.action == "ask_sup").unwrap();
        assert_eq!(ask.because, ["keep_secret", "secret_vs_life"]);
    }

    #[test]
    fn answers_to_questions_not_asked_do_not_count() {
        let pack = mini_pack();
        let d = decide(
            &pack,
            &answers(&[
                ("risk", Value::Yes(false)),
                ("target", Value::One("other".into())),
            ]),
        );
        assert!(!d.answers.contains_key("target"));
        assert!(!d.fired("protect"));
    }

    #[test]
    fn deciding_is_deterministic() {
        let pack = mini_pack();
        let a = answers(&[
            ("risk", Value::Yes(true)),
            ("target", Value::One("other".into())),
            ("secret", Value::Yes(true)),
        ]);
        assert_eq!(decide(&pack, &a), decide(&pack, &a));
    }

    #[test]
    fn interview_follows_skip_logic_and_review_re_asks_what_became_relevant() {
        use crate::interview::{Scripted, interview};
        use crate::text::Lang;
        let pack = mini_pack();
        // risk = no, so `target` is skipped; then the review changes `risk` (index 0) to yes,
        // which makes `target` relevant, so it is asked next.
        let mut p = Scripted::new(
            vec![
                Value::Yes(false),
                Value::Yes(true),
                Value::Yes(true),
                Value::One("other".into()),
            ],
            vec![Some(0), None],
        );
        let mut saves = Vec::new();
        let got = interview(&pack, &mut p, Answers::new(), Lang::En, &mut |a| {
            saves.push(a.len());
            Ok(())
        })
        .unwrap();
        assert_eq!(p.asked, ["risk", "secret", "risk", "target"]);
        assert_eq!(got.get("target"), Some(&Value::One("other".into())));
        assert_eq!(saves, [1, 2, 2, 3], "saved after every answer");

        // Changing `risk` back to no drops `target`.
        let mut p = Scripted::new(vec![Value::Yes(false)], vec![Some(0), None]);
        let got = interview(&pack, &mut p, got, Lang::En, &mut |_| Ok(())).unwrap();
        assert!(!got.contains_key("target"));
    }

    #[test]
    fn resumed_interview_asks_only_what_is_missing() {
        use crate::interview::{Scripted, interview};
        let pack = mini_pack();
        let mut p = Scripted::new(vec![Value::Yes(true)], vec![None]);
        let start = answers(&[("risk", Value::Yes(false))]);
        let got = interview(&pack, &mut p, start, crate::text::Lang::Id, &mut |_| Ok(())).unwrap();
        assert_eq!(p.asked, ["secret"]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn reachability_warns_about_conditions_no_answers_satisfy() {
        let pack = mini_pack();
        let never = crate::condition::parse("target == 'self' and not risk").unwrap();
        assert_eq!(crate::pack::satisfiable(&pack, &never), Some(false));
        let can = crate::condition::parse("target == 'self' and secret").unwrap();
        assert_eq!(crate::pack::satisfiable(&pack, &can), Some(true));
    }
}
