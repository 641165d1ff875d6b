//! A condition read aloud: question prompts and option labels in place of ids.

use crate::condition::Expr;
use crate::pack::Pack;
use crate::vocab::Lang;

pub fn describe_condition(pack: &Pack, expr: &Expr, lang: Lang) -> String {
    go(pack, expr, lang, 0)
}

fn prompt(pack: &Pack, q: &str, lang: Lang) -> String {
    pack.question(q)
        .map(|x| format!("“{}”", x.prompt.get(lang)))
        .unwrap_or_else(|| q.to_string())
}

fn label(pack: &Pack, q: &str, opt: &str, lang: Lang) -> String {
    pack.question(q)
        .and_then(|x| x.options.iter().find(|o| o.id == opt))
        .map(|o| format!("“{}”", o.label.get(lang)))
        .unwrap_or_else(|| opt.to_string())
}

fn go(pack: &Pack, e: &Expr, lang: Lang, parent: u8) -> String {
    match e {
        Expr::Yes { question, .. } => format!(
            "{} = {}",
            prompt(pack, question, lang),
            crate::words::yes_no(lang, true)
        ),
        Expr::Is {
            question,
            option,
            negated,
            ..
        } => format!(
            "{} {} {}",
            prompt(pack, question, lang),
            if *negated { "≠" } else { "=" },
            label(pack, question, option, lang)
        ),
        Expr::In {
            question, option, ..
        } => format!(
            "{} {} {}",
            prompt(pack, question, lang),
            lang.pick("mencakup", "includes"),
            label(pack, question, option, lang)
        ),
        Expr::Not(inner) => format!(
            "{} ({})",
            lang.pick("bukan", "not"),
            go(pack, inner, lang, 0)
        ),
        Expr::And(items) | Expr::Or(items) => {
            let (word, level) = if matches!(e, Expr::And(_)) {
                (lang.pick(" dan ", " and "), 2)
            } else {
                (lang.pick(" atau ", " or "), 1)
            };
            let inner = items
                .iter()
                .map(|i| go(pack, i, lang, level))
                .collect::<Vec<_>>()
                .join(word);
            if parent > level {
                format!("({inner})")
            } else {
                inner
            }
        }
    }
}
