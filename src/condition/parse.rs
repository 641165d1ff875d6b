//! A recursive-descent parser: `or` of `and`s of (possibly negated) comparisons, with a depth
//! limit so no input can exhaust the stack.

use std::ops::Range;

use super::error::{CondError, CondErrorKind, Wanted};
use super::lex::{Tok, lex};
use super::{Expr, MAX_DEPTH, MAX_LEN};

struct Parser<'a> {
    toks: &'a [(Tok, Range<usize>)],
    pos: usize,
    len: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }

    fn span_here(&self) -> Range<usize> {
        match self.toks.get(self.pos) {
            Some((_, s)) => s.clone(),
            None => self.len..self.len,
        }
    }

    fn expected(&self, wanted: Wanted) -> CondError {
        let found = self.toks.get(self.pos).map(|(t, _)| t.to_string());
        CondError {
            span: self.span_here(),
            kind: CondErrorKind::Expected {
                wanted,
                found,
                open_at: None,
            },
        }
    }

    fn enter(&mut self) -> Result<(), CondError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CondError {
                span: self.span_here(),
                kind: CondErrorKind::TooDeep,
            });
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, CondError> {
        let mut items = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            Expr::Or(items)
        })
    }

    fn and(&mut self) -> Result<Expr, CondError> {
        let mut items = vec![self.unary()?];
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.pop().expect("one item")
        } else {
            Expr::And(items)
        })
    }

    fn unary(&mut self) -> Result<Expr, CondError> {
        if self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, CondError> {
        let Some((tok, span)) = self.toks.get(self.pos).cloned() else {
            return Err(self.expected(Wanted::QuestionId));
        };
        match tok {
            Tok::LParen => {
                self.pos += 1;
                self.enter()?;
                let inner = self.or()?;
                self.depth -= 1;
                if self.peek() != Some(&Tok::RParen) {
                    let mut e = self.expected(Wanted::CloseParen);
                    if let CondErrorKind::Expected { open_at, .. } = &mut e.kind {
                        *open_at = Some(span.start);
                    }
                    return Err(e);
                }
                self.pos += 1;
                Ok(inner)
            }
            Tok::Ident(question) => {
                self.pos += 1;
                match self.peek() {
                    Some(Tok::Eq) | Some(Tok::Ne) => {
                        let negated = self.peek() == Some(&Tok::Ne);
                        self.pos += 1;
                        match self.toks.get(self.pos).cloned() {
                            Some((Tok::Str(option), option_span)) => {
                                self.pos += 1;
                                Ok(Expr::Is {
                                    question,
                                    option,
                                    negated,
                                    slot: super::NO_SLOT,
                                    span,
                                    option_span,
                                })
                            }
                            _ => Err(self.expected(Wanted::QuotedOption)),
                        }
                    }
                    Some(Tok::In) => Err(CondError {
                        span,
                        kind: CondErrorKind::OptionBeforeIn(question),
                    }),
                    _ => Ok(Expr::Yes {
                        question,
                        slot: super::NO_SLOT,
                        span,
                    }),
                }
            }
            Tok::Str(option) => {
                self.pos += 1;
                if self.peek() != Some(&Tok::In) {
                    return Err(self.expected(Wanted::In));
                }
                self.pos += 1;
                match self.toks.get(self.pos).cloned() {
                    Some((Tok::Ident(question), qspan)) => {
                        self.pos += 1;
                        Ok(Expr::In {
                            question,
                            option,
                            slot: super::NO_SLOT,
                            span: qspan,
                            option_span: span,
                        })
                    }
                    _ => Err(self.expected(Wanted::QuestionAfterIn)),
                }
            }
            _ => Err(self.expected(Wanted::QuestionNotOrParen)),
        }
    }
}

/// Parse a condition. Errors carry byte offsets into `src`.
pub fn parse(src: &str) -> Result<Expr, CondError> {
    if src.len() > MAX_LEN {
        return Err(CondError {
            span: 0..0,
            kind: CondErrorKind::TooLong,
        });
    }
    let toks = lex(src)?;
    if toks.is_empty() {
        return Err(CondError {
            span: 0..src.len(),
            kind: CondErrorKind::Empty,
        });
    }
    let mut p = Parser {
        toks: &toks,
        pos: 0,
        len: src.len(),
        depth: 0,
    };
    let expr = p.or()?;
    if p.pos < toks.len() {
        return Err(p.expected(Wanted::AndOrEnd));
    }
    Ok(expr)
}
