//! The attack made permanent: etika fed hostile input and run in hostile places. Each module
//! is one class of attack, with a generator for its inputs; each test asserts what etika
//! promises whatever the input: no panic, an exit code of 0, 1, 2 or 130, work bounded by a
//! budget (never by a clock), output of bounded size, every rejection naming its file and
//! line, and no file written or read outside where it belongs. `README.md`, "Robustness",
//! says what is guaranteed and how to run the longer fuzz run.

#[path = "cli/util.rs"]
#[allow(dead_code)]
mod util;

#[path = "hostile/check.rs"]
mod check;
#[path = "hostile/make.rs"]
mod make;

#[path = "hostile/long_words.rs"]
mod long_words;
#[path = "hostile/reach.rs"]
mod reach;

#[path = "hostile/loaders.rs"]
mod loaders;

#[path = "hostile/pack_files.rs"]
mod pack_files;

#[path = "hostile/places.rs"]
mod places;

#[path = "hostile/writes.rs"]
mod writes;

#[path = "hostile/escapes.rs"]
mod escapes;

#[path = "hostile/fuzz.rs"]
mod fuzz;

#[path = "hostile/diagnostics.rs"]
mod diagnostics;
