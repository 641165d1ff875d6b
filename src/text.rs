//! Languages and bilingual text.
//!
//! Every piece of text a person reads is carried in both Indonesian and English. A pack may
//! write a plain string where the words are the same in both languages (a law's name, say).

use serde::{Deserialize, Serialize};

/// The two interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Id,
    #[default]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language the locale asks for: `id*` gives Indonesian, anything else English.
    pub fn from_locale_vars<'a>(vars: impl IntoIterator<Item = Option<&'a str>>) -> Lang {
        for value in vars.into_iter().flatten() {
            if value.is_empty() {
                continue;
            }
            return if value.to_ascii_lowercase().starts_with("id") {
                Lang::Id
            } else {
                Lang::En
            };
        }
        Lang::En
    }

    /// Pick one of two strings by language.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// Text in both languages, or one string used for both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Both { id: String, en: String },
    Same(String),
}

impl Default for Text {
    fn default() -> Self {
        Text::Same(String::new())
    }
}

impl Text {
    pub fn new(id: &str, en: &str) -> Text {
        Text::Both {
            id: id.to_string(),
            en: en.to_string(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Both { id, en } => lang.pick(id, en),
            Text::Same(s) => s,
        }
    }

    /// True when either language is empty or only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Both { id, en } => id.trim().is_empty() || en.trim().is_empty(),
            Text::Same(s) => s.trim().is_empty(),
        }
    }
}
