//! Tokens of a condition.

use std::fmt;
use std::ops::Range;

use super::error::{CondError, CondErrorKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    Ident(String),
    Str(String),
    And,
    Or,
    Not,
    In,
    Eq,
    Ne,
    LParen,
    RParen,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Ident(s) => write!(f, "`{s}`"),
            Tok::Str(s) => write!(f, "'{s}'"),
            Tok::And => f.write_str("`and`"),
            Tok::Or => f.write_str("`or`"),
            Tok::Not => f.write_str("`not`"),
            Tok::In => f.write_str("`in`"),
            Tok::Eq => f.write_str("`==`"),
            Tok::Ne => f.write_str("`!=`"),
            Tok::LParen => f.write_str("`(`"),
            Tok::RParen => f.write_str("`)`"),
        }
    }
}

fn err(span: Range<usize>, kind: CondErrorKind) -> CondError {
    CondError { span, kind }
}

pub(super) fn lex(src: &str) -> Result<Vec<(Tok, Range<usize>)>, CondError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'(' => {
                out.push((Tok::LParen, i..i + 1));
                i += 1;
            }
            b')' => {
                out.push((Tok::RParen, i..i + 1));
                i += 1;
            }
            b'=' | b'!' => {
                if bytes.get(i + 1) == Some(&b'=') {
                    out.push((if c == b'=' { Tok::Eq } else { Tok::Ne }, i..i + 2));
                    i += 2;
                } else {
                    return Err(err(
                        i..i + 1,
                        CondErrorKind::UnexpectedChar((c as char).to_string()),
                    ));
                }
            }
            b'\'' | b'"' => {
                let quote = c;
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
                if i >= bytes.len() {
                    return Err(err(
                        start..bytes.len(),
                        CondErrorKind::UnclosedQuote(quote as char),
                    ));
                }
                out.push((Tok::Str(src[start + 1..i].to_string()), start..i + 1));
                i += 1;
            }
            b'&' | b'|' => {
                let len = if bytes.get(i + 1) == Some(&c) { 2 } else { 1 };
                return Err(err(
                    i..i + len,
                    CondErrorKind::UnexpectedChar(src[i..i + len].to_string()),
                ));
            }
            c if c.is_ascii_alphanumeric() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &src[start..i];
                let tok = match word {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    "in" => Tok::In,
                    _ => Tok::Ident(word.to_string()),
                };
                out.push((tok, start..i));
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('?');
                let end = i + ch.len_utf8();
                return Err(err(i..end, CondErrorKind::UnexpectedChar(ch.to_string())));
            }
        }
    }
    Ok(out)
}
