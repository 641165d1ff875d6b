//! Problems in a condition, each a kind with its message and help in both languages.

use std::ops::Range;

use crate::vocab::{Lang, QuestionKind};

/// A problem in a condition, located by byte offsets within the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondError {
    pub span: Range<usize>,
    pub kind: CondErrorKind,
}

/// What the parser wanted where it found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    QuestionId,
    QuestionNotOrParen,
    CloseParen,
    QuotedOption,
    In,
    QuestionAfterIn,
    AndOrEnd,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CondErrorKind {
    /// A character that has no place in a condition.
    UnexpectedChar(String),
    UnclosedQuote(char),
    /// `found` is the token in words, or `None` at the end.
    Expected {
        wanted: Wanted,
        found: Option<String>,
        /// For an unclosed `(`: where it opened.
        open_at: Option<usize>,
    },
    /// `word in q` with an unquoted word.
    OptionBeforeIn(String),
    TooDeep,
    TooLong,
    Empty,
    UnknownQuestion {
        id: String,
        suggestion: Option<String>,
    },
    WrongKind {
        question: String,
        is: QuestionKind,
        used_as: QuestionKind,
    },
    NoSuchOption {
        question: String,
        option: String,
        suggestion: Option<String>,
        options: Listed,
    },
}

impl Wanted {
    fn words(self, lang: Lang) -> &'static str {
        match self {
            Wanted::QuestionId => lang.pick("id pertanyaan", "a question id"),
            Wanted::QuestionNotOrParen => lang.pick(
                "id pertanyaan, `not` atau `(`",
                "a question id, `not` or `(`",
            ),
            Wanted::CloseParen => "`)`",
            Wanted::QuotedOption => lang.pick("id pilihan bertanda kutip", "a quoted option id"),
            Wanted::In => "`in`",
            Wanted::QuestionAfterIn => {
                lang.pick("id pertanyaan sesudah `in`", "a question id after `in`")
            }
            Wanted::AndOrEnd => lang.pick("`and`, `or` atau akhir", "`and`, `or` or the end"),
        }
    }
}

fn usage(kind: QuestionKind, q: &str, lang: Lang) -> String {
    match (kind, lang) {
        (QuestionKind::YesNo, Lang::En) => {
            format!("`{q}` is a yes_no question: write `{q}` or `not {q}`")
        }
        (QuestionKind::YesNo, Lang::Id) => {
            format!("`{q}` adalah pertanyaan yes_no: tulis `{q}` atau `not {q}`")
        }
        (QuestionKind::OneOf, Lang::En) => {
            format!("`{q}` is a one_of question: write `{q} == 'option'`")
        }
        (QuestionKind::OneOf, Lang::Id) => {
            format!("`{q}` adalah pertanyaan one_of: tulis `{q} == 'pilihan'`")
        }
        (QuestionKind::AnyOf, Lang::En) => {
            format!("`{q}` is an any_of question: write `'option' in {q}`")
        }
        (QuestionKind::AnyOf, Lang::Id) => {
            format!("`{q}` adalah pertanyaan any_of: tulis `'pilihan' in {q}`")
        }
    }
}

impl CondErrorKind {
    pub fn message(&self, lang: Lang) -> String {
        use CondErrorKind::*;
        let en = lang == Lang::En;
        match self {
            UnexpectedChar(c) if c.len() <= 2 && c.chars().all(|x| "=!&|".contains(x)) => {
                if en {
                    format!("unexpected `{c}`")
                } else {
                    format!("`{c}` tidak diharapkan di sini")
                }
            }
            UnexpectedChar(c) => {
                if en {
                    format!("unexpected character `{c}`")
                } else {
                    format!("karakter `{c}` tidak diharapkan di sini")
                }
            }
            UnclosedQuote(_) => lang
                .pick("tanda kutip tidak ditutup", "unclosed quote")
                .into(),
            Expected { wanted, found, .. } => {
                let w = wanted.words(lang);
                match (found, en) {
                    (Some(f), true) => format!("expected {w}, found {f}"),
                    (Some(f), false) => format!("seharusnya {w}, tetapi ada {f}"),
                    (None, true) => format!("expected {w}, found the end"),
                    (None, false) => format!("seharusnya {w}, tetapi kondisi sudah berakhir"),
                }
            }
            OptionBeforeIn(w) => {
                if en {
                    format!("`{w}` before `in` must be a quoted option id")
                } else {
                    format!("`{w}` sebelum `in` harus berupa id pilihan bertanda kutip")
                }
            }
            TooDeep => lang
                .pick(
                    "kondisi bersarang terlalu dalam",
                    "condition is nested too deeply",
                )
                .into(),
            TooLong => lang
                .pick("kondisi terlalu panjang", "condition is too long")
                .into(),
            Empty => lang.pick("kondisi kosong", "empty condition").into(),
            UnknownQuestion { id, .. } => {
                if en {
                    format!("unknown question `{id}`")
                } else {
                    format!("pertanyaan `{id}` tidak dikenal")
                }
            }
            WrongKind {
                question,
                is,
                used_as,
            } => {
                if en {
                    format!(
                        "`{question}` is a {} question, but is used here as {}",
                        is.name(),
                        used_as.name()
                    )
                } else {
                    format!(
                        "`{question}` adalah pertanyaan {}, tetapi di sini dipakai sebagai {}",
                        is.name(),
                        used_as.name()
                    )
                }
            }
            NoSuchOption {
                question, option, ..
            } => {
                if en {
                    format!("`{question}` has no option `{option}`")
                } else {
                    format!("`{question}` tidak punya pilihan `{option}`")
                }
            }
        }
    }

    pub fn help(&self, lang: Lang) -> Option<String> {
        use CondErrorKind::*;
        let en = lang == Lang::En;
        Some(match self {
            UnexpectedChar(c) if c == "=" => lang
                .pick(
                    "bandingkan dengan `==`, seperti `harm_target == 'third_party'`",
                    "compare with `==`, as in `harm_target == 'third_party'`",
                )
                .into(),
            UnexpectedChar(c) if c == "!" => lang
                .pick(
                    "tulis `not x` untuk menyangkal, atau `!=` untuk membandingkan",
                    "write `not x` to negate, or `!=` to compare",
                )
                .into(),
            UnexpectedChar(c) if c.starts_with('&') => lang.pick("tulis `and`", "write `and`").into(),
            UnexpectedChar(c) if c.starts_with('|') => lang.pick("tulis `or`", "write `or`").into(),
            UnexpectedChar(_) => lang
                .pick(
                    "kondisi memakai id pertanyaan, id 'pilihan', and, or, not, ==, != dan in",
                    "conditions use question ids, 'option' ids, and, or, not, ==, != and in",
                )
                .into(),
            UnclosedQuote(q) => {
                if en {
                    format!("close the option id with {q}")
                } else {
                    format!("tutup id pilihan dengan {q}")
                }
            }
            Expected {
                wanted: Wanted::CloseParen,
                open_at: Some(at),
                ..
            } => {
                if en {
                    format!("the `(` at offset {at} is not closed")
                } else {
                    format!("`(` pada posisi {at} belum ditutup")
                }
            }
            Expected {
                wanted: Wanted::QuotedOption,
                found: Some(f),
                ..
            } if f.starts_with('`') => {
                let word = f.trim_matches('`');
                if en {
                    format!("quote the option: '{word}'")
                } else {
                    format!("beri tanda kutip pada pilihan: '{word}'")
                }
            }
            Expected {
                wanted: Wanted::In, ..
            } => lang
                .pick(
                    "pilihan bertanda kutip ditulis sebelum `in`, seperti `'child' in people_involved`",
                    "a quoted option goes before `in`, as in `'child' in people_involved`",
                )
                .into(),
            Expected {
                wanted: Wanted::AndOrEnd,
                ..
            } => lang
                .pick(
                    "gabungkan kondisi dengan `and` atau `or`",
                    "join conditions with `and` or `or`",
                )
                .into(),
            Expected { .. } => return None,
            OptionBeforeIn(w) => {
                if en {
                    format!("write `'{w}' in <question>`")
                } else {
                    format!("tulis `'{w}' in <pertanyaan>`")
                }
            }
            TooDeep => {
                if en {
                    format!(
                        "use at most {} levels of parentheses and `not`",
                        super::MAX_DEPTH
                    )
                } else {
                    format!(
                        "pakai paling banyak {} tingkat tanda kurung dan `not`",
                        super::MAX_DEPTH
                    )
                }
            }
            TooLong => {
                if en {
                    format!(
                        "keep a condition under {} characters, or split the rule",
                        super::MAX_LEN
                    )
                } else {
                    format!(
                        "buat kondisi kurang dari {} karakter, atau pecah aturannya",
                        super::MAX_LEN
                    )
                }
            }
            Empty => lang
                .pick(
                    "tulis kondisi seperti `harm_risk and not client_consents`",
                    "write a condition such as `harm_risk and not client_consents`",
                )
                .into(),
            UnknownQuestion { suggestion, .. } => match suggestion {
                Some(s) => {
                    let s = crate::vocab::suggest::or_list(lang, s, '`');
                    if en {
                        format!("did you mean {s}?")
                    } else {
                        format!("maksud Anda {s}?")
                    }
                }
                None => lang
                    .pick(
                        "`etika list questions` menampilkan id pertanyaan",
                        "`etika list questions` shows the question ids",
                    )
                    .into(),
            },
            WrongKind { question, is, .. } => usage(*is, question, lang),
            NoSuchOption {
                suggestion,
                options,
                ..
            } => match suggestion {
                Some(s) => {
                    let s = crate::vocab::suggest::or_list(lang, s, '\'');
                    if en {
                        format!("did you mean {s}?")
                    } else {
                        format!("maksud Anda {s}?")
                    }
                }
                None => {
                    let list = options;
                    if en {
                        format!("its options are: {list}")
                    } else {
                        format!("pilihannya: {list}")
                    }
                }
            },
        })
    }
}

/// Some ids of a list, and how many it has in all: what a help line shows, kept without
/// copying a list of a hundred thousand options into every message about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listed {
    pub shown: Vec<String>,
    pub total: usize,
}

impl Listed {
    /// The first ten of `items`, and their number.
    pub fn of<'a>(items: impl IntoIterator<Item = &'a str>) -> Listed {
        let mut shown = Vec::new();
        let mut total = 0;
        for item in items {
            if shown.len() < 10 {
                shown.push(item.to_string());
            }
            total += 1;
        }
        Listed { shown, total }
    }
}

impl std::fmt::Display for Listed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown.join(", "))?;
        if self.total > self.shown.len() {
            write!(f, ", … ({})", self.total)?;
        }
        Ok(())
    }
}

/// At most ten ids, then "…", so a help line stays a line.
pub fn short_list(items: &[String]) -> String {
    Listed::of(items.iter().map(String::as_str)).to_string()
}
