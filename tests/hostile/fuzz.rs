//! The longer run: the attack of the issue, repeated with fresh inputs. Mutated copies of
//! the fixture pack go through `validate` and mutated answers files through `assess`, each
//! input under a megabyte, and every run is checked as the rest of this suite checks one:
//! no panic, exit 0 or 1, each stream under a megabyte, every rejection naming its file
//! (and its line), nothing in the pack's folder written. Ignored in CI; the README,
//! "Robustness", says how to run it:
//!
//! ```sh
//! ETIKA_FUZZ_RUNS=2000 cargo test --release --test hostile fuzz -- --ignored --nocapture
//! ```
//!
//! `ETIKA_FUZZ_SEED` picks other inputs. With GNU time at `/usr/bin/time`, each run's peak
//! memory is measured too. The run ends with the figures.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::check::*;
use crate::util::*;

/// A small, seeded generator (xorshift), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces an attacker inserts.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    "\n",
    "#",
    "\\",
    ".",
    "and",
    "or (",
    "not",
    "==",
    "[[question]]",
    "[[obligation]]",
    "[[action]]",
    "id = \"x\"",
    "é",
    "\u{0}",
    "'''",
    "\"\"\"",
    "\\u001b[2J",
    "\u{1b}]0;t\u{7}",
    "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a",
    "when = \"harm_risk and not harm_risk\"",
    "ask_if = \"harm_risk\"",
    "unsure = true",
];

/// One mutation of `text`, kept under `limit` bytes.
fn mutate(rng: &mut Rng, text: &str, limit: usize) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let edits = 1 + rng.below(6);
    for _ in 0..edits {
        let len = bytes.len().max(1);
        let at = rng.below(len).min(bytes.len());
        match rng.below(8) {
            0 => {
                let end = (at + 1 + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 | 2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, t.bytes());
            }
            3 => {
                if !bytes.is_empty() {
                    let i = at.min(bytes.len() - 1);
                    bytes[i] = rng.next() as u8;
                }
            }
            4 => {
                let end = (at + 1 + rng.below(400)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            5 => {
                // One line repeated thousands of times: the quadratic and blow-up cases.
                let start = bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |i| at + i + 1);
                let line = bytes[start..end].to_vec();
                let times = 1 + rng.below(5000);
                for _ in 0..times {
                    if bytes.len() + line.len() > limit {
                        break;
                    }
                    bytes.splice(end..end, line.iter().copied());
                }
            }
            6 => {
                // An item of a list repeated: thousands of ids on one line.
                if let Some(open) = bytes[at..].iter().position(|&b| b == b'[') {
                    let at = at + open + 1;
                    let item = b"\"nope\", ".repeat(1 + rng.below(20_000));
                    let room = limit.saturating_sub(bytes.len()).min(item.len());
                    bytes.splice(at..at, item[..room].iter().copied());
                }
            }
            _ => {
                let depth = 1 + rng.below(300);
                let nest = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
                bytes.splice(at..at, format!("\nx = {nest}\n").bytes());
            }
        }
    }
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    // Bad bytes become three-byte replacement characters: cut again.
    let cut = floor_boundary(&text, limit.min(text.len()));
    text.truncate(cut);
    text
}

/// What the runs showed.
#[derive(Default)]
struct Figures {
    runs: usize,
    rejected: usize,
    named_file: usize,
    named_line: usize,
    max_stderr: usize,
    max_time: Duration,
    max_kib: Option<u64>,
}

/// Peak memory past which a run's input is kept, to look at.
const HEAVY_KIB: u64 = 100 * 1024;

/// Run etika with `args`, measuring its peak memory when GNU time is there (and returning
/// it).
fn run(args: &[&std::ffi::OsStr], figures: &mut Figures) -> (Output, u64) {
    let time = Path::new("/usr/bin/time");
    let dir = temp_dir();
    let measure = dir.path().join("time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%M").arg("-o").arg(&measure);
        c.arg(env!("CARGO_BIN_EXE_etika"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_etika"))
    };
    for var in VOLATILE_ENV {
        cmd.env_remove(var);
    }
    cmd.args(args);
    let start = Instant::now();
    let out = assert_cmd::Command::from_std(cmd)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    figures.max_time = figures.max_time.max(start.elapsed());
    let kib = std::fs::read_to_string(&measure)
        .ok()
        .and_then(|t| t.lines().last().and_then(|l| l.trim().parse::<u64>().ok()));
    if let Some(kib) = kib {
        figures.max_kib = Some(figures.max_kib.unwrap_or(0).max(kib));
    }
    (out, kib.unwrap_or(0))
}

/// Keep a folder whose input cost too much memory, and say where it is.
fn keep_heavy(dir: tempfile::TempDir, kib: u64) {
    if kib > HEAVY_KIB {
        let kept = dir.keep();
        eprintln!("fuzz: {kib} KiB for the input kept in {}", kept.display());
    }
}

/// Check one run; count what it showed.
fn judge(out: &Output, files: &[String], figures: &mut Figures) {
    let err = sane(out);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}:\n{}",
        out.status.code(),
        head(&err)
    );
    no_controls("stderr", &out.stderr, false);
    figures.runs += 1;
    figures.max_stderr = figures.max_stderr.max(out.stderr.len());
    if out.status.code() != Some(1) {
        return;
    }
    figures.rejected += 1;
    // The first problem shown: its `-->` line, or a file named in its message (a file that
    // could not be read at all).
    let Some(at) = err.lines().find_map(|l| l.trim().strip_prefix("--> ")) else {
        let first = err.lines().next().unwrap_or("");
        assert!(
            files.iter().any(|f| first.contains(&format!("`{f}`"))),
            "a rejection that names no file:\n{}",
            head(&err)
        );
        figures.named_file += 1;
        return;
    };
    assert!(
        files.iter().any(|f| at.starts_with(f.as_str())),
        "`{at}` is none of the files:\n{}",
        head(&err)
    );
    figures.named_file += 1;
    let place = at.rsplitn(3, ':').collect::<Vec<_>>();
    if place.len() == 3 && place[0].parse::<usize>().is_ok() && place[1].parse::<usize>().is_ok() {
        figures.named_line += 1;
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
#[ignore = "the longer run; see the README, \"Robustness\""]
fn fuzz() {
    let runs = env_number("ETIKA_FUZZ_RUNS", 200) as usize;
    let seed = env_number("ETIKA_FUZZ_SEED", 0x5eed_e71c_a000_0001);
    let mut rng = Rng(seed | 1);
    let mut figures = Figures::default();
    let started = Instant::now();
    let rels: Vec<String> = {
        let mut v = Vec::new();
        for e in walk(&fixture_pack()) {
            v.push(
                e.strip_prefix(fixture_pack())
                    .unwrap()
                    .display()
                    .to_string(),
            );
        }
        v
    };
    for i in 0..runs {
        if i > 0 && i % 1000 == 0 {
            eprintln!("fuzz: {i} runs, {:.0?}", started.elapsed());
        }
        if i % 2 == 0 {
            // A pack with one file mutated, the whole under a megabyte.
            let pack = PackCopy::new();
            let rel = &rels[rng.below(rels.len())];
            let path = pack.path().join(rel);
            let text = std::fs::read_to_string(&path).unwrap();
            let others: usize = walk(pack.path())
                .iter()
                .map(|p| std::fs::metadata(p).unwrap().len() as usize)
                .sum::<usize>()
                - text.len();
            let mutated = mutate(&mut rng, &text, 1_000_000 - others);
            std::fs::write(&path, &mutated).unwrap();
            let before = listing(pack.path());
            let (out, kib) = run(
                &[
                    "--rules".as_ref(),
                    pack.path().as_os_str(),
                    "--lang".as_ref(),
                    if i % 4 == 0 { "en" } else { "id" }.as_ref(),
                    "validate".as_ref(),
                ],
                &mut figures,
            );
            let files: Vec<String> = walk(pack.path())
                .iter()
                .map(|p| p.display().to_string())
                .chain([pack.path().display().to_string()])
                .collect();
            judge(&out, &files, &mut figures);
            assert_eq!(listing(pack.path()), before, "the pack was written to");
            keep_heavy(pack.dir, kib);
        } else {
            let dir = temp_dir();
            let base = [THREAT_TO_LIFE, CHILD_AT_RISK, ORDINARY][rng.below(3)];
            let text = mutate(&mut rng, base, 1_000_000);
            let file = write(dir.path(), "answers.toml", &text);
            let (out, kib) = run(
                &[
                    "--rules".as_ref(),
                    fixture_pack().as_os_str(),
                    "assess".as_ref(),
                    "--format".as_ref(),
                    "json".as_ref(),
                    "--answers".as_ref(),
                    file.as_os_str(),
                ],
                &mut figures,
            );
            judge(&out, &[file.display().to_string()], &mut figures);
            keep_heavy(dir, kib);
        }
    }
    let f = &figures;
    let pct = |n: usize| 100.0 * n as f64 / f.rejected.max(1) as f64;
    eprintln!(
        "fuzz: {} runs in {:.0?} (seed {seed:#x}); {} rejected: {:.1} % named the file, {:.1} % the line; \
         longest run {:.2?}; most stderr {} bytes; most memory {}",
        f.runs,
        started.elapsed(),
        f.rejected,
        pct(f.named_file),
        pct(f.named_line),
        f.max_time,
        f.max_stderr,
        f.max_kib.map_or("not measured".to_string(), |k| format!(
            "{:.1} MiB",
            k as f64 / 1024.0
        )),
    );
    assert_eq!(f.named_file, f.rejected);
    assert!(pct(f.named_line) >= 99.0);
    if let Some(kib) = f.max_kib {
        assert!(kib < HEAVY_KIB, "{kib} KiB");
    }
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Every file under `dir` with its size and modification time.
fn listing(dir: &Path) -> Vec<(std::path::PathBuf, u64, std::time::SystemTime)> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let m = std::fs::metadata(&p).unwrap();
            (p, m.len(), m.modified().unwrap())
        })
        .collect()
}
