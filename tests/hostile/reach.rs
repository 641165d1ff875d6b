//! Reachability bombs: conditions whose truth no shortcut settles, alone and by the thousand.
//! The search is bounded by a budget of work, not of answers tried (its unit tests count the
//! work); here the binary is seen to finish, to warn where it could not decide, at the place,
//! and `assess` never to search at all.

use crate::check::*;
use crate::make;
use crate::util::*;

#[test]
fn a_bomb_over_forty_questions_is_a_located_warning() {
    let pack = make::reach_bomb(40);
    let out = pack.validate(&[]);
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    assert!(
        err.contains("warning: could not decide whether obligation `bomb` is reachable"),
        "{}",
        head(&err)
    );
    let (line, _) = located(&err, &pack.file("obligations/bomb.toml"));
    assert_eq!(line, pack.line_of("obligations/bomb.toml", "when ="));
    // `--strict` fails on it, as on any warning.
    assert_eq!(pack.validate(&["--strict"]).status.code(), Some(1));
}

#[test]
fn assess_never_searches() {
    let pack = make::reach_bomb(60);
    let dir = temp_dir();
    let answers = write(dir.path(), "a.toml", ORDINARY);
    let out = etika_with(pack.path())
        .args(["assess", "--format", "json", "--answers"])
        .arg(&answers)
        .output()
        .unwrap();
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    assert!(!err.contains("could not decide"), "{err}");
}

#[test]
fn sixty_steps_called_by_sixty_obligations_share_one_budget() {
    // 3,600 searches of a bomb each: 2^39 answers apiece without a budget.
    let pack = make::step_bomb(60);
    let out = pack.validate(&[]);
    let err = sane(&out);
    assert_eq!(out.status.code(), Some(0), "{}", head(&err));
    assert!(
        err.contains("could not decide whether action `step0` is reachable"),
        "{}",
        head(&err)
    );
    located(&err, &pack.file("actions.toml"));
}
