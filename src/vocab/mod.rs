//! The ground floor: the vocabulary every other layer shares. Languages and bilingual text,
//! answer values, the closed sets of kinds, phases and consultation levels, and "did you
//! mean". Nothing here knows about packs, conditions or reports.

mod kinds;
mod lang;
pub mod suggest;
mod value;

pub use kinds::{Consult, ItemKind, Phase, QuestionKind};
pub use lang::{Lang, Text};
pub use value::{Answers, UNSURE, Value};
