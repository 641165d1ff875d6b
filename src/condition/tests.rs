use super::error::CondError;
use super::*;
use crate::vocab::{Answers, Lang, QuestionKind, Value};

fn answers(pairs: &[(&str, Value)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn yes(b: bool) -> Value {
    Value::Yes(b)
}

fn one(s: &str) -> Value {
    Value::One(s.into())
}

fn many(items: &[&str]) -> Value {
    Value::Many(items.iter().map(|s| s.to_string()).collect())
}

fn holds(src: &str, a: &Answers) -> bool {
    parse(src).unwrap().holds(a)
}

fn q(id: &str) -> Fact {
    Fact::Answer {
        question: id.into(),
    }
}

#[test]
fn precedence_is_not_then_and_then_or() {
    let e = parse("a or b and not c").unwrap();
    assert_eq!(e.to_string(), "a or b and not c");
    assert!(e.holds(&answers(&[("a", yes(true))])));
    assert!(e.holds(&answers(&[("b", yes(true)), ("c", yes(false))])));
    assert!(!e.holds(&answers(&[("b", yes(true)), ("c", yes(true))])));
    let grouped = parse("(a or b) and not c").unwrap();
    assert_eq!(grouped.to_string(), "(a or b) and not c");
    assert!(!grouped.holds(&answers(&[("a", yes(true)), ("c", yes(true))])));
}

#[test]
fn comparisons_and_membership() {
    let a = |p: &[(&str, Value)]| answers(p);
    let src = "harm_target == 'child' or 'child' in people";
    assert!(holds(src, &a(&[("harm_target", one("child"))])));
    assert!(!holds(src, &a(&[("harm_target", one("public"))])));
    assert!(holds(src, &a(&[("people", many(&["adult", "child"]))])));
    assert!(!holds(src, &a(&[("people", many(&[]))])));
    assert!(holds(
        "client_age != \"child\"",
        &a(&[("client_age", one("adult"))])
    ));
    assert!(!holds(
        "client_age != \"child\"",
        &a(&[("client_age", one("child"))])
    ));
}

#[test]
fn unasked_questions_make_every_comparison_false() {
    let empty = answers(&[]);
    for src in ["q", "q == 'x'", "q != 'x'", "'x' in q"] {
        assert_eq!(parse(src).unwrap().eval(&empty), Truth::False, "{src}");
    }
    assert!(holds("not q", &empty));
    assert!(holds("not q != 'x'", &empty));
}

#[test]
fn unsure_answers_make_every_comparison_unknown() {
    let unsure = answers(&[("q", Value::Unsure)]);
    for src in ["q", "q == 'x'", "q != 'x'", "'x' in q", "not q"] {
        assert_eq!(parse(src).unwrap().eval(&unsure), Truth::Unknown, "{src}");
    }
}

/// Kleene's tables for `and`, `or` and `not`, through the parser and evaluator.
#[test]
fn kleene_truth_tables() {
    use Truth::*;
    let value = |t: Truth| match t {
        True => Some(yes(true)),
        False => Some(yes(false)),
        Unknown => Some(Value::Unsure),
    };
    let all = [False, Unknown, True];
    for a in all {
        let mut env = Answers::new();
        if let Some(v) = value(a) {
            env.insert("a".into(), v);
        }
        let not = parse("not a").unwrap().eval(&env);
        assert_eq!(
            not,
            match a {
                True => False,
                False => True,
                Unknown => Unknown,
            }
        );
        for b in all {
            let mut env = env.clone();
            if let Some(v) = value(b) {
                env.insert("b".into(), v);
            }
            let and = parse("a and b").unwrap().eval(&env);
            let or = parse("a or b").unwrap().eval(&env);
            let want_and = if a == False || b == False {
                False
            } else if a == True && b == True {
                True
            } else {
                Unknown
            };
            let want_or = if a == True || b == True {
                True
            } else if a == False && b == False {
                False
            } else {
                Unknown
            };
            assert_eq!(and, want_and, "{a:?} and {b:?}");
            assert_eq!(or, want_or, "{a:?} or {b:?}");
        }
    }
}

#[test]
fn trace_names_only_the_answers_that_decided() {
    let e = parse("harm_risk and (harm_target == 'child' or urgent) and not consents").unwrap();
    let a = answers(&[
        ("harm_risk", yes(true)),
        ("harm_target", one("child")),
        ("urgent", yes(false)),
        ("consents", yes(false)),
    ]);
    assert_eq!(
        e.trace(&a).unwrap(),
        vec![q("harm_risk"), q("harm_target"), q("consents")]
    );
    let unasked = answers(&[("harm_risk", yes(true)), ("urgent", yes(true))]);
    // `consents` was not asked, so it explains nothing.
    assert_eq!(
        e.trace(&unasked).unwrap(),
        vec![q("harm_risk"), q("urgent")]
    );
    assert_eq!(e.trace(&answers(&[("harm_risk", yes(false))])), None);
}

#[test]
fn trace_of_a_list_names_the_options_that_matched() {
    let e = parse("'a' in s or 'b' in s or 'z' in s").unwrap();
    let a = answers(&[("s", many(&["a", "c", "d", "z"]))]);
    assert_eq!(
        e.trace(&a).unwrap(),
        vec![
            Fact::Includes {
                question: "s".into(),
                option: "a".into()
            },
            Fact::Includes {
                question: "s".into(),
                option: "z".into()
            }
        ]
    );
    let not = parse("not 'b' in s").unwrap();
    assert_eq!(
        not.trace(&a).unwrap(),
        vec![Fact::Excludes {
            question: "s".into(),
            option: "b".into()
        }]
    );
}

#[test]
fn falsity_and_hinges_explain_false_and_unknown() {
    let e = parse("risk and (role == 'victim' or sure)").unwrap();
    let a = answers(&[
        ("risk", yes(true)),
        ("role", one("perpetrator")),
        ("sure", yes(false)),
    ]);
    assert_eq!(e.falsity(&a).unwrap(), vec![q("role"), q("sure")]);
    assert_eq!(e.hinges(&a), None);
    let unsure = answers(&[
        ("risk", yes(true)),
        ("role", Value::Unsure),
        ("sure", Value::Unsure),
    ]);
    assert_eq!(e.eval(&unsure), Truth::Unknown);
    assert_eq!(e.hinges(&unsure).unwrap(), vec!["role", "sure"]);
    assert_eq!(e.falsity(&unsure), None);
    // A false part decides an `and`, unknown parts or not.
    let f = answers(&[("risk", yes(false)), ("role", Value::Unsure)]);
    assert_eq!(e.falsity(&f).unwrap(), vec![q("risk")]);
}

#[test]
fn syntax_errors_are_located_with_help() {
    let cases: &[(&str, &str, usize)] = &[
        ("a and and b", "expected a question id", 6),
        ("a && b", "unexpected `&&`", 2),
        ("a = 'x'", "unexpected `=`", 2),
        ("a == x", "expected a quoted option id", 5),
        ("(a or b", "expected `)`", 7),
        ("a b", "expected `and`, `or` or the end", 2),
        ("'x' in", "expected a question id after `in`", 6),
        ("q == 'unclosed", "unclosed quote", 5),
        ("x in q", "must be a quoted option id", 0),
        ("a é", "unexpected character `é`", 2),
        ("", "empty condition", 0),
    ];
    for (src, msg, at) in cases {
        let e = parse(src).unwrap_err();
        let text = e.kind.message(Lang::En);
        assert!(text.contains(msg), "{src}: {text}");
        assert_eq!(e.span.start, *at, "{src}: {e:?}");
        // Every message exists in Indonesian too, and says something else.
        assert_ne!(e.kind.message(Lang::Id), text, "{src}");
    }
    assert_eq!(
        parse("a && b").unwrap_err().kind.help(Lang::En).as_deref(),
        Some("write `and`")
    );
    assert_eq!(
        parse("a == x").unwrap_err().kind.help(Lang::En).as_deref(),
        Some("quote the option: 'x'")
    );
}

#[test]
fn deep_nesting_and_huge_input_are_refused_not_overflowed() {
    let deep = format!("{}a{}", "(".repeat(1000), ")".repeat(1000));
    assert_eq!(parse(&deep).unwrap_err().kind, CondErrorKind::TooDeep);
    let nots = format!("{}a", "not ".repeat(1000));
    assert!(parse(&nots).is_err());
    let long = vec!["a"; 5000].join(" or ");
    assert_eq!(parse(&long).unwrap_err().kind, CondErrorKind::TooLong);
    let ok = format!(
        "{}a{}",
        "(".repeat(MAX_DEPTH - 1),
        ")".repeat(MAX_DEPTH - 1)
    );
    assert!(parse(&ok).is_ok());
}

#[test]
fn checker_finds_unknown_questions_options_and_wrong_kinds() {
    let target: Vec<String> = vec!["child".into(), "public".into()];
    let people: Vec<String> = vec!["child".into(), "adult".into()];
    let lookup = |id: &str| match id {
        "harm_risk" => Some(QuestionInfo {
            kind: QuestionKind::YesNo,
            options: &[],
            index: None,
        }),
        "harm_target" => Some(QuestionInfo {
            kind: QuestionKind::OneOf,
            options: &target,
            index: None,
        }),
        "people" => Some(QuestionInfo {
            kind: QuestionKind::AnyOf,
            options: &people,
            index: None,
        }),
        _ => None,
    };
    let ids = || vec!["harm_risk", "harm_target", "people"];
    let errs = |src: &str| {
        check(
            &parse(src).unwrap(),
            &mut Lookups {
                question: &lookup,
                all_ids: &ids,
                detail: &mut || true,
            },
        )
    };
    let en = |e: &CondError| e.kind.message(Lang::En);
    let help = |e: &CondError| e.kind.help(Lang::En).unwrap_or_default();
    assert!(errs("harm_risk and harm_target == 'child' and 'adult' in people").is_empty());
    let e = errs("harm_riks");
    assert_eq!(en(&e[0]), "unknown question `harm_riks`");
    assert_eq!(help(&e[0]), "did you mean `harm_risk`?");
    let e = errs("harm_target");
    assert!(
        en(&e[0]).contains("is a one_of question, but is used here as yes_no"),
        "{e:?}"
    );
    assert!(help(&e[0]).contains("harm_target == 'option'"));
    let e = errs("harm_target == 'childd'");
    assert_eq!(en(&e[0]), "`harm_target` has no option `childd`");
    assert_eq!(e[0].span, 15..23);
    assert_eq!(help(&e[0]), "did you mean 'child'?");
    let e = errs("'child' in harm_risk or harm_risk == 'x' or weather");
    assert_eq!(e.len(), 3, "every problem is reported: {e:?}");
}

#[test]
fn problems_that_will_not_be_shown_get_no_suggestion() {
    let many: Vec<String> = (0..1000).map(|i| format!("option_{i}")).collect();
    let index: std::collections::HashSet<String> = many.iter().cloned().collect();
    let lookup = |id: &str| {
        (id == "big").then(|| QuestionInfo {
            kind: QuestionKind::AnyOf,
            options: &many,
            index: Some(&index),
        })
    };
    let ids = || vec!["big"];
    let mut asked = 0;
    let mut detail = || {
        asked += 1;
        asked <= 1
    };
    let e = check(
        &parse("'option_1x' in big or 'option_2x' in big or 'option_3' in big or bigg").unwrap(),
        &mut Lookups {
            question: &lookup,
            all_ids: &ids,
            detail: &mut detail,
        },
    );
    assert_eq!(e.len(), 3, "{e:?}");
    assert_eq!(
        e[0].kind.help(Lang::En).unwrap(),
        "did you mean 'option_1', 'option_10', 'option_11', 'option_12' or 'option_13'?"
    );
    // The second is only counted: no search, no list of a thousand options.
    assert_eq!(
        e[1].kind,
        CondErrorKind::NoSuchOption {
            question: "big".into(),
            option: "option_2x".into(),
            suggestion: None,
            options: Default::default(),
        }
    );
    assert!(matches!(
        &e[2].kind,
        CondErrorKind::UnknownQuestion {
            suggestion: None,
            ..
        }
    ));
}

#[test]
fn display_round_trips() {
    for src in [
        "a and (b or c)",
        "not (a and b)",
        "'x' in q or r != 'y'",
        "a or b or c and d",
    ] {
        let e = parse(src).unwrap();
        assert_eq!(e.to_string(), src);
    }
}

#[test]
fn serialises_as_its_text_and_reads_back() {
    let e = parse("a and ('x' in q or r != 'y')").unwrap();
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(json, "\"a and ('x' in q or r != 'y')\"");
    let back: Expr = serde_json::from_str(&json).unwrap();
    assert_eq!(back.to_string(), e.to_string());
    assert!(serde_json::from_str::<Expr>("\"a and\"").is_err());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn token() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "a", "b", "q", "and", "or", "not", "in", "==", "!=", "(", ")", "'x'", "'y'", "\"z",
            "&", "=", " ",
        ])
    }

    /// Conditions over yes/no questions `a`..`d`, one_of `o` and any_of `m`.
    fn expr() -> impl Strategy<Value = String> {
        let leaf = prop::sample::select(vec![
            "a".to_string(),
            "b".into(),
            "c".into(),
            "d".into(),
            "o == 'x'".into(),
            "o != 'y'".into(),
            "'x' in m".into(),
            "'y' in m".into(),
        ]);
        leaf.prop_recursive(4, 24, 3, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| format!("not ({e})")),
                (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}) and ({b})")),
                (inner.clone(), inner).prop_map(|(a, b)| format!("({a}) or ({b})")),
            ]
        })
    }

    /// Answers to those questions: each answered, skipped, or (when `unsure`) not sure.
    fn env(unsure: bool) -> impl Strategy<Value = Answers> {
        let pick = move |n: u8, v: Value| match n % if unsure { 3 } else { 2 } {
            0 => Some(v),
            1 => None,
            _ => Some(Value::Unsure),
        };
        (
            prop::collection::vec((any::<u8>(), any::<bool>()), 4),
            (any::<u8>(), any::<bool>()),
            (any::<u8>(), prop::collection::vec(any::<bool>(), 2)),
        )
            .prop_map(move |(yn, (on, ox), (mn, mv))| {
                let mut a = Answers::new();
                for (i, (n, b)) in yn.into_iter().enumerate() {
                    if let Some(v) = pick(n, Value::Yes(b)) {
                        a.insert(["a", "b", "c", "d"][i].into(), v);
                    }
                }
                if let Some(v) = pick(on, Value::One(if ox { "x" } else { "z" }.into())) {
                    a.insert("o".into(), v);
                }
                let list: Vec<String> = ["x", "y"]
                    .iter()
                    .zip(mv)
                    .filter(|(_, t)| *t)
                    .map(|(s, _)| s.to_string())
                    .collect();
                if let Some(v) = pick(mn, Value::Many(list)) {
                    a.insert("m".into(), v);
                }
                a
            })
    }

    /// The two-valued meaning the language had before "not sure" existed.
    fn classic(e: &Expr, a: &Answers) -> bool {
        match e {
            Expr::Yes { question, .. } => matches!(a.get(question), Some(Value::Yes(true))),
            Expr::Is {
                question,
                option,
                negated,
                ..
            } => match a.get(question) {
                Some(Value::One(v)) => (v == option) != *negated,
                _ => false,
            },
            Expr::In {
                question, option, ..
            } => matches!(a.get(question), Some(Value::Many(vs)) if vs.contains(option)),
            Expr::Not(i) => !classic(i, a),
            Expr::And(items) => items.iter().all(|i| classic(i, a)),
            Expr::Or(items) => items.iter().any(|i| classic(i, a)),
        }
    }

    proptest! {
        #[test]
        fn parse_never_panics_on_arbitrary_text(s in "\\PC{0,200}") {
            let _ = parse(&s);
        }

        #[test]
        fn parse_never_panics_on_token_soup(tokens in prop::collection::vec(token(), 0..60)) {
            let src = tokens.join(" ");
            if let Ok(e) = parse(&src) {
                // Whatever parses prints as text that parses to the same meaning.
                let again = parse(&e.to_string()).unwrap();
                prop_assert_eq!(again.to_string(), e.to_string());
            }
        }

        /// With no unsure answer, three-valued evaluation is the old two-valued one.
        #[test]
        fn without_unsure_answers_nothing_changes(src in expr(), a in env(false)) {
            let e = parse(&src).unwrap();
            prop_assert_eq!(e.eval(&a), Truth::from_bool(classic(&e, &a)));
        }

        /// An unknown result is honest: some way of settling the unsure answers makes it true,
        /// and some way makes it false; a known result stays put however they are settled.
        #[test]
        fn unknown_means_it_could_go_either_way(src in expr(), a in env(true)) {
            let e = parse(&src).unwrap();
            let unsure: Vec<String> = a.iter().filter(|(_, v)| **v == Value::Unsure).map(|(k, _)| k.clone()).collect();
            let mut outcomes = std::collections::BTreeSet::new();
            for mask in 0..(1u32 << unsure.len()) {
                let mut settled = a.clone();
                for (i, k) in unsure.iter().enumerate() {
                    let bit = mask & (1 << i) != 0;
                    let v = match k.as_str() {
                        "o" => Value::One(if bit { "x" } else { "z" }.into()),
                        "m" => Value::Many(if bit { vec!["x".into()] } else { vec![] }),
                        _ => Value::Yes(bit),
                    };
                    settled.insert(k.clone(), v);
                }
                outcomes.insert(classic(&e, &settled));
            }
            match e.eval(&a) {
                Truth::True => prop_assert!(!outcomes.contains(&false)),
                Truth::False => prop_assert!(!outcomes.contains(&true)),
                Truth::Unknown => prop_assert!(!unsure.is_empty()),
            }
        }
    }
}

#[test]
fn positive_questions_leave_out_what_a_condition_reads_only_to_stand_aside() {
    let read = |src: &str| {
        let e = parse(src).unwrap();
        let mut out: Vec<String> = e
            .positive_questions()
            .iter()
            .map(|q| q.to_string())
            .collect();
        out.sort();
        out.dedup();
        out
    };
    assert_eq!(
        read("'help' in decision and not (danger and age == 'child')"),
        ["decision"]
    );
    assert_eq!(
        read("'help' in decision and not (age != 'child')"),
        ["age", "decision"]
    );
    assert_eq!(read("not not risk or kind != 'x'"), ["risk"]);
    assert_eq!(
        read("'x' in asks and 'follow' in decision"),
        ["asks", "decision"]
    );
}
