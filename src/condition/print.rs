//! The canonical text of a condition, with only the parentheses it needs.

use std::fmt;

use super::Expr;

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn go(e: &Expr, f: &mut fmt::Formatter<'_>, parent: u8) -> fmt::Result {
            match e {
                Expr::Yes { question, .. } => f.write_str(question),
                Expr::Is {
                    question,
                    option,
                    negated,
                    ..
                } => write!(
                    f,
                    "{question} {} '{option}'",
                    if *negated { "!=" } else { "==" }
                ),
                Expr::In {
                    question, option, ..
                } => write!(f, "'{option}' in {question}"),
                Expr::Not(inner) => {
                    f.write_str("not ")?;
                    go(inner, f, 3)
                }
                Expr::And(items) | Expr::Or(items) => {
                    let (word, level) = if matches!(e, Expr::And(_)) {
                        (" and ", 2)
                    } else {
                        (" or ", 1)
                    };
                    let paren = parent > level;
                    if paren {
                        f.write_str("(")?;
                    }
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            f.write_str(word)?;
                        }
                        go(item, f, level)?;
                    }
                    if paren {
                        f.write_str(")")?;
                    }
                    Ok(())
                }
            }
        }
        go(self, f, 0)
    }
}
