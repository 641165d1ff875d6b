//! The integration tests: the `etika` binary driven as people use it. One test binary, a
//! module per feature in `tests/cli/`; `util` holds the few helpers they share.

#[path = "cli/util.rs"]
mod util;

#[path = "cli/answers_files.rs"]
mod answers_files;
#[path = "cli/assess.rs"]
mod assess;
#[path = "cli/colour.rs"]
mod colour;
#[path = "cli/config.rs"]
mod config;
#[path = "cli/diff_export.rs"]
mod diff_export;
#[path = "cli/files.rs"]
mod files;
#[path = "cli/global.rs"]
mod global;
#[path = "cli/json_shape.rs"]
mod json_shape;
#[path = "cli/law_words.rs"]
mod law_words;
#[path = "cli/layers.rs"]
mod layers;
#[path = "cli/list_show.rs"]
mod list_show;
#[path = "cli/man_completions.rs"]
mod man_completions;
#[path = "cli/pack_tests.rs"]
mod pack_tests;
#[path = "cli/plain.rs"]
mod plain;
#[path = "cli/practice.rs"]
mod practice;
#[path = "cli/pty.rs"]
mod pty;
#[path = "cli/reports.rs"]
mod reports;
#[path = "cli/schemas.rs"]
mod schemas;
#[path = "cli/sessions.rs"]
mod sessions;
#[path = "cli/validate.rs"]
mod validate;
#[path = "cli/validate_errors.rs"]
mod validate_errors;
