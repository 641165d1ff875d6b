//! The ground floor: the vocabulary every other layer shares. Languages and bilingual text,
//! answer values, the closed sets of kinds, phases and consultation levels, and "did you
//! mean". Nothing here knows about packs, conditions or reports.

mod kinds;
mod lang;
pub mod suggest;
mod value;

pub use kinds::{CaseKind, Consult, ItemKind, Phase, QuestionKind, Verdict, Weight};
pub use lang::{Lang, Text};
pub use value::{Answers, DECISION, OTHER, SITUATION, UNSURE, Value};

/// A character that must not reach a terminal as it is: a control character other than the
/// line break and the tab (it could move the cursor, clear the screen or set the title), or a
/// mark that reorders text (the bidirectional embeddings, overrides and isolates, which could
/// make a report read other than it is written).
pub fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}
