//! The two languages, and text carried in both.

use serde::{Deserialize, Serialize};

/// The two interface languages.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
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

/// Text in both languages. A pack may write one string for both (a law's name, say); it is
/// kept as the same words in each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub id: String,
    pub en: String,
}

impl Text {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The same words in both languages.
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Text {
            id: s.clone(),
            en: s,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.id, &self.en)
    }
}
