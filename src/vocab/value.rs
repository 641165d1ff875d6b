//! Answers: one value per question id.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The word an answers file uses for "not sure yet".
pub const UNSURE: &str = "unsure";

/// The option id of "None of these", which every choice question offers: an answer outside
/// what the pack covers.
pub const OTHER: &str = "other";

/// The question that asks what the worker has to decide; the report's ordering of steps and
/// its verdict read it.
pub const DECISION: &str = "decision";

/// The question that asks what is going on. With `DECISION`, the questions whose "None of
/// these" puts the whole situation outside what a pack covers.
pub const SITUATION: &str = "situation";

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// A `yes_no` question answered yes or no.
    Yes(bool),
    /// A `one_of` question: the option id chosen.
    One(String),
    /// An `any_of` question: the option ids ticked, in the pack's order.
    Many(Vec<String>),
    /// "Not sure yet": a fact the worker does not know, for a question that allows it.
    Unsure,
}

impl Value {
    /// The answer as a short machine string: `yes`/`no`, an option id, ids joined by `, `,
    /// or `unsure`.
    /// The option ids it names: one, several, or none (a yes/no or "not sure yet").
    pub fn ids(&self) -> &[String] {
        match self {
            Value::One(s) => std::slice::from_ref(s),
            Value::Many(items) => items,
            _ => &[],
        }
    }

    pub fn code(&self) -> String {
        match self {
            Value::Yes(b) => if *b { "yes" } else { "no" }.to_string(),
            Value::One(s) => s.clone(),
            Value::Many(items) => items.join(", "),
            Value::Unsure => UNSURE.to_string(),
        }
    }
}

/// Answers keyed by question id.
pub type Answers = BTreeMap<String, Value>;

/// As in an answers file: `true`, `"option"`, `["a", "b"]` or `"unsure"`.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Yes(b) => s.serialize_bool(*b),
            Value::One(v) => s.serialize_str(v),
            Value::Many(v) => v.serialize(s),
            Value::Unsure => s.serialize_str(UNSURE),
        }
    }
}

/// The schema of an answer as written: `true`/`false`, an option id or `"unsure"`, or a list
/// of option ids.
impl schemars::JsonSchema for Value {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An answer: true or false (yes_no), an option id or \"unsure\" (one_of; \"unsure\" also for yes_no), or a list of option ids (any_of)",
            "anyOf": [
                { "type": "boolean" },
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true or false, an option id, a list of option ids, or \"unsure\"")
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
                Ok(Value::Yes(b))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
                Ok(if s == UNSURE {
                    Value::Unsure
                } else {
                    Value::One(s.to_string())
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Value::Many(out))
            }
        }
        d.deserialize_any(V)
    }
}
