//! What every hostile run must show, whatever its input.

use std::process::Output;

/// The most either stream may hold for an input under a megabyte.
pub const MAX_STREAM: usize = 1024 * 1024;

/// Ended as etika ends (0, 1, 2 or 130), never by a panic or a signal; stderr and stdout
/// bounded. Returns stderr.
pub fn sane(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "a panic:\n{}", head(&err));
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1 | 2 | 130)),
        "exit {code:?}:\n{}",
        head(&err)
    );
    assert!(
        out.stderr.len() < MAX_STREAM,
        "{} bytes of stderr:\n{}",
        out.stderr.len(),
        head(&err)
    );
    assert!(
        out.stdout.len() < MAX_STREAM,
        "{} bytes of stdout",
        out.stdout.len()
    );
    err
}

/// Rejected: exit 1, and stderr returned.
pub fn rejected(out: &Output) -> String {
    let err = sane(out);
    assert_eq!(out.status.code(), Some(1), "{}", head(&err));
    err
}

/// The line of a diagnostic's location (` --> FILE:LINE:COL`) for `file`, as (line, column).
pub fn located(err: &str, file: &str) -> (usize, usize) {
    let at = err
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .find_map(|l| l.strip_prefix(file).and_then(|rest| rest.strip_prefix(':')))
        .unwrap_or_else(|| panic!("no `--> {file}:LINE:COL` in:\n{}", head(err)));
    let mut parts = at.split(':').map(|n| n.trim().parse::<usize>());
    match (parts.next(), parts.next()) {
        (Some(Ok(line)), Some(Ok(col))) => (line, col),
        _ => panic!("`{at}` is not LINE:COL"),
    }
}

/// No control character but line breaks (and the tab) in what etika printed: nothing can
/// drive the terminal. With `colour`, etika's own colour sequences (`ESC [ digits ; … m`)
/// are allowed, and nothing else.
pub fn no_controls(what: &str, bytes: &[u8], colour: bool) {
    let text = String::from_utf8_lossy(bytes);
    let sgr = |at: usize| {
        let rest = &text[at + 1..];
        rest.strip_prefix('[').is_some_and(|r| {
            let n = r
                .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                .unwrap_or(r.len());
            r[n..].starts_with('m')
        })
    };
    if let Some((i, c)) = text.char_indices().find(|&(i, c)| {
        c.is_control() && c != '\n' && c != '\t' && !(colour && c == '\u{1b}' && sgr(i))
    }) {
        let from = floor_boundary(&text, i.saturating_sub(60));
        panic!(
            "{what} holds {:?} at byte {i}: {:?}",
            c,
            &text[from..ceil_boundary(&text, (i + 20).min(text.len()))]
        );
    }
}

/// The start of a long text, for failure messages.
pub fn head(s: &str) -> &str {
    &s[..floor_boundary(s, 4000.min(s.len()))]
}

/// The last character boundary at or before `i` (`str::floor_char_boundary`, which needs a
/// newer Rust than etika asks for).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first character boundary at or after `i`.
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
