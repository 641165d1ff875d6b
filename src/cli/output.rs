//! Where output goes: standard output (paged when it is a terminal and the text is taller than
//! it, as git and bat do), or a file: written atomically beside a regular file (or a new
//! path) and readable by its owner only, in place onto a device or a FIFO, never through a
//! link. Whatever goes out has its control characters escaped, colour aside, so no text from
//! a pack, an answers file or a file name can drive the terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;

use super::Context;

/// Standard output was closed when etika started (`>&-`).
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Note whether standard output was closed when etika started, so that printing to it fails
/// instead of vanishing. The Rust runtime has already put `/dev/null`, opened for reading and
/// writing, in place of a closed standard stream (so no file etika opens takes its number);
/// a shell's `> /dev/null` opens it for writing only, which tells the two apart.
pub fn note_closed_stdout() {
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::MetadataExt;
        let out = std::io::stdout();
        let closed = match rustix::fs::fcntl_getfl(&out) {
            Err(_) => true,
            Ok(flags) => {
                let null = std::fs::metadata("/dev/null").map(|m| m.rdev()).ok();
                let own = std::os::fd::AsFd::as_fd(&out)
                    .try_clone_to_owned()
                    .ok()
                    .and_then(|fd| std::fs::File::from(fd).metadata().ok());
                (flags & OFlags::RWMODE) == OFlags::RDWR
                    && own.is_some_and(|m| !m.is_file() && Some(m.rdev()) == null)
            }
        };
        STDOUT_CLOSED.store(closed, Ordering::Relaxed);
    }
}

/// Writing to standard output failed; the words are chosen where errors are shown, in the
/// user's language.
#[derive(Debug, thiserror::Error)]
pub enum StdoutError {
    /// It was closed when etika started.
    #[error("standard output is closed")]
    Closed,
    /// Writing failed (a full disk, say).
    #[error("cannot write to standard output: {0}")]
    Io(std::io::Error),
}

/// Whether `bytes` (UTF-8) may hold a character `vocab::unsafe_char` refuses. A chunk is
/// first looked at without branching (for a control byte, or the first byte of a two- or
/// three-byte character that may be refused), which runs at memory speed; only a chunk with
/// such a byte is looked at closely. A report with none is passed through undecoded.
fn may_be_unsafe(bytes: &[u8]) -> bool {
    const CHUNK: usize = 64;
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let refused = |i: usize| match bytes[i] {
        b'\n' | b'\t' => false,
        0..0x20 | 0x7f => true,
        // U+0080–U+009F.
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        // U+061C.
        0xd8 => at(i + 1) == 0x9c,
        // U+200E–U+200F, U+202A–U+202E; U+2066–U+2069.
        0xe2 => match at(i + 1) {
            0x80 => matches!(at(i + 2), 0x8e | 0x8f | 0xaa..=0xae),
            0x81 => (0xa6..=0xa9).contains(&at(i + 2)),
            _ => false,
        },
        _ => false,
    };
    bytes.chunks(CHUNK).enumerate().any(|(k, chunk)| {
        let suspect = chunk.iter().fold(false, |acc, &b| {
            acc | ((b < 0x20) & (b != b'\n') & (b != b'\t'))
                | (b == 0x7f)
                | (b == 0xc2)
                | (b == 0xd8)
                | (b == 0xe2)
        });
        suspect && (k * CHUNK..k * CHUNK + chunk.len()).any(refused)
    })
}

/// Text made safe for a terminal: every control character but the line break and the tab, and
/// every mark that reorders text, is shown as an escape (`\u{1b}`); with `colour`, the colour
/// sequences etika itself writes (`ESC [ digits ; … m`) are kept.
pub fn terminal_safe(text: &str, colour: bool) -> Cow<'_, str> {
    let bad = crate::vocab::unsafe_char;
    if !may_be_unsafe(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}' && colour {
            let sgr = rest[1..].strip_prefix('[').and_then(|r| {
                let n = r
                    .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .unwrap_or(r.len());
                r[n..].starts_with('m').then_some(2 + n + 1)
            });
            if let Some(len) = sgr {
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
        }
        if bad(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// Write to stdout. A closed pipe ends output quietly (the caller sees a BrokenPipe error and
/// exits 0); a closed or failing standard output is a `StdoutError`.
pub fn print(cx: &Context, text: &str) -> Result<()> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Err(StdoutError::Closed.into());
    }
    let text = terminal_safe(text, cx.style.color);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                anyhow::Error::new(e)
            } else {
                StdoutError::Io(e).into()
            }
        })
}

/// The pager to use, if any: `ETIKA_PAGER`, then `PAGER`, else `less -FRX`; an empty value
/// turns paging off.
fn pager() -> Option<Vec<String>> {
    let chosen = std::env::var("ETIKA_PAGER")
        .ok()
        .or_else(|| std::env::var("PAGER").ok());
    let line = match chosen {
        Some(p) if p.trim().is_empty() => return None,
        Some(p) => p,
        None => "less -FRX".to_string(),
    };
    let parts: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    (!parts.is_empty()).then_some(parts)
}

/// Show a report: through a pager when standard output is a terminal and the text is taller
/// than the terminal, else straight to standard output.
pub fn show(cx: &Context, text: &str) -> Result<()> {
    let height = terminal_size::terminal_size_of(std::io::stdout()).map(|(_, h)| h.0 as usize);
    let tall = height.is_some_and(|h| text.lines().count() + 1 > h);
    if !cx.stdout_tty || cx.global.no_pager || !tall {
        return print(cx, text);
    }
    let Some(cmd) = pager() else {
        return print(cx, text);
    };
    let text = terminal_safe(text, cx.style.color);
    let mut command = Command::new(&cmd[0]);
    command.args(&cmd[1..]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    // less keeps a history of searches in ~/.lesshst; etika stores nothing unless told to.
    if std::env::var_os("LESSHISTFILE").is_none() {
        command.env("LESSHISTFILE", "-");
    }
    let Ok(mut child) = command.spawn() else {
        return print(cx, &text);
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The pager may quit before reading everything; that is the user's choice.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    Ok(())
}

/// Why a file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The path is a link to a file or a folder (or to nothing): etika does not write through
    /// it, and does not replace it. The link's target, when it has one.
    Link(Option<PathBuf>),
    /// The path is a folder.
    Folder,
    /// A FIFO that nobody is reading from: writing would wait for ever.
    NoReader,
    Io(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// What is at a path etika is to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing yet.
    New,
    /// A regular file, replaced atomically.
    File,
    /// A device, a FIFO or a socket (perhaps through a link): written in place.
    Special,
}

/// What writing to `path` would do, or why it will not be done.
pub fn target(path: &Path) -> Result<Target, WriteError> {
    let own = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::New),
        Err(e) => return Err(e.into()),
    };
    let kind = own.file_type();
    if kind.is_symlink() {
        // A link is followed only to a device or a FIFO (`/dev/stdout` is one), which is
        // written in place; a link to a file is not written through, nor replaced.
        return match std::fs::metadata(path) {
            Ok(m) if !m.is_file() && !m.is_dir() => Ok(Target::Special),
            _ => Err(WriteError::Link(std::fs::read_link(path).ok())),
        };
    }
    if kind.is_dir() {
        Err(WriteError::Folder)
    } else if kind.is_file() {
        Ok(Target::File)
    } else {
        Ok(Target::Special)
    }
}

/// Write `contents` to `path`: a new path or a regular file atomically (see `replace`), a
/// device or a FIFO in place; a link to a file and a folder are refused.
pub fn write_file(path: &Path, contents: &str) -> Result<(), WriteError> {
    match target(path)? {
        Target::New | Target::File => Ok(replace(path, contents)?),
        Target::Special => {
            let mut f = open_special(path)?;
            f.write_all(contents.as_bytes())?;
            Ok(f.flush()?)
        }
    }
}

/// The refusal to replace the file at `path` without `--force`.
pub fn already_there(lang: crate::vocab::Lang, path: &Path) -> anyhow::Error {
    let o = shown(path);
    super::Failure::say(
        lang,
        (
            format!("`{o}` sudah ada"),
            format!("`{o}` is already there"),
        ),
        Some((
            "pilih nama lain, atau timpa dengan `--force`".into(),
            "choose another name, or replace it with `--force`".into(),
        )),
    )
    .into()
}

/// Open a device or a FIFO to write, without waiting: a FIFO nobody is reading is an error
/// ("no one is reading"), not a wait for ever. Once open, writes wait for a slow reader as
/// usual.
fn open_special(path: &Path) -> Result<std::fs::File, WriteError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) {
            return WriteError::NoReader;
        }
        WriteError::Io(e)
    })?;
    #[cfg(unix)]
    {
        use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
        let flags = fcntl_getfl(&file).map_err(std::io::Error::from)?;
        fcntl_setfl(&file, flags - OFlags::NONBLOCK).map_err(std::io::Error::from)?;
    }
    Ok(file)
}

/// Replace a file atomically: a temporary file with a random name, created exclusively
/// beside the target (never following a link) and readable by its owner only from the
/// start, synced, then renamed over the target, and the folder synced; a reader sees the old
/// contents or the new, never half.
fn replace(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A missing folder is told as such, not as a temporary file that could not be made; and
    // the temporary file's name is nobody's business.
    std::fs::metadata(&dir)?;
    let plain = |e: std::io::Error| {
        let text = e.to_string();
        match text.find(" at path ") {
            Some(i) => std::io::Error::new(e.kind(), text[..i].to_string()),
            None => e,
        }
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".etika-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(plain)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| plain(e.error))?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Whether two paths name the same file: the same file on disk when both exist, else the
/// same place once their folders are resolved.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    let place = |p: &Path| {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        dir.canonicalize()
            .ok()
            .map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    match (place(a), place(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A path as messages show it: one line, no control character.
pub fn shown(path: &Path) -> String {
    crate::diag::clean_inline(&path.display().to_string())
}

/// A value read from a file, as a message shows it: one line, no control character, and at
/// most 60 characters.
pub fn short(s: &str) -> String {
    let clean = crate::diag::clean_inline(s);
    match clean.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &clean[..i]),
        None => clean,
    }
}

/// Why `path` was not written, in both languages: (message, help).
pub fn write_failure(
    path: &Path,
    what: (&str, &str),
    e: &WriteError,
) -> ((String, String), Option<(String, String)>) {
    let p = shown(path);
    let (id_what, en_what) = what;
    match e {
        WriteError::Link(to) => {
            let to = to.as_deref().map(shown);
            (
                (
                    format!(
                        "{id_what} tidak ditulis ke `{p}`: itu tautan, dan etika tidak menulis melalui tautan"
                    ),
                    format!(
                        "not writing {en_what} to `{p}`: it is a link, and etika does not write through links"
                    ),
                ),
                Some(match to {
                    Some(t) => (
                        format!("berikan berkas tujuannya sendiri, `{t}`, atau jalur lain"),
                        format!("give the file it leads to, `{t}`, or another path"),
                    ),
                    None => ("berikan jalur lain".into(), "give another path".into()),
                }),
            )
        }
        WriteError::Folder => (
            (
                format!("{id_what} tidak ditulis ke `{p}`: itu folder"),
                format!("not writing {en_what} to `{p}`: it is a folder"),
            ),
            Some((
                "berikan jalur sebuah berkas".into(),
                "give the path of a file".into(),
            )),
        ),
        WriteError::NoReader => (
            (
                format!(
                    "{id_what} tidak ditulis ke `{p}`: tidak ada yang membacanya (FIFO tanpa pembaca)"
                ),
                format!(
                    "not writing {en_what} to `{p}`: nothing is reading from it (a FIFO with no reader)"
                ),
            ),
            Some((
                format!(
                    "jalankan pembacanya lebih dulu (misalnya `cat {p}` di terminal lain), atau tulis ke berkas"
                ),
                format!(
                    "start its reader first (`cat {p}` in another terminal, say), or write to a file"
                ),
            )),
        ),
        WriteError::Io(e) => (
            (
                format!("{id_what} tidak dapat ditulis ke `{p}`: {e}"),
                format!("cannot write {en_what} to `{p}`: {e}"),
            ),
            match e.kind() {
                std::io::ErrorKind::NotFound
                    if path
                        .parent()
                        .filter(|d| !d.as_os_str().is_empty())
                        .is_some_and(|d| !d.exists()) =>
                {
                    Some((
                        "foldernya tidak ada; pilih folder yang ada".into(),
                        "its folder does not exist; choose a folder that does".into(),
                    ))
                }
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    Some((
                        "pilih folder yang dapat Anda tulisi".into(),
                        "choose a folder you can write to".into(),
                    ))
                }
                _ => None,
            },
        ),
    }
}

/// Today's date, YYYY-MM-DD in UTC; `SOURCE_DATE_EPOCH` (seconds) fixes it, for reproducible
/// output.
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    let (y, m, d) = civil(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The civil date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_that_could_steer_or_fake_a_terminal_is_escaped() {
        use super::terminal_safe;
        assert_eq!(terminal_safe("plain\ttext\n", false), "plain\ttext\n");
        assert_eq!(
            terminal_safe("a\u{1b}]0;x\u{7}b", false),
            "a\\u{1b}]0;x\\u{7}b"
        );
        // A right-to-left override would make "binding: no" read otherwise.
        assert_eq!(terminal_safe("x\u{202e}on", false), "x\\u{202e}on");
        assert_eq!(
            terminal_safe("\u{2067}y\u{2069}", false),
            "\\u{2067}y\\u{2069}"
        );
        // etika's own colour stays when colour is on, and only then.
        assert_eq!(
            terminal_safe("\u{1b}[1;36mH\u{1b}[0m", true),
            "\u{1b}[1;36mH\u{1b}[0m"
        );
        assert_eq!(terminal_safe("\u{1b}[1mH", false), "\\u{1b}[1mH");
        assert_eq!(
            terminal_safe("c1 \u{85} arabic \u{61c}", false),
            "c1 \\u{85} arabic \\u{61c}"
        );
        // Common characters that share a first byte with those are left alone, unscanned.
        for fine in ["→ … “a” – ·", "«é»", "\u{2065}\u{206a}"] {
            assert!(
                matches!(terminal_safe(fine, false), std::borrow::Cow::Borrowed(_)),
                "{fine}"
            );
        }
    }

    #[test]
    fn the_byte_look_finds_every_unsafe_character() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(
                super::may_be_unsafe(bytes),
                crate::vocab::unsafe_char(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn civil_dates() {
        assert_eq!(super::civil(0), (1970, 1, 1));
        assert_eq!(super::civil(20_455), (2026, 1, 2));
        assert_eq!(super::civil(-1), (1969, 12, 31));
    }
}
