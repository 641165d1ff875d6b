//! Reading a pack's files: from a folder, or the copy compiled into the binary.
//!
//! A folder is read with care: only `.toml` files in the folder and its `obligations/` and
//! `cases/` folders; a link that leads outside the pack's folder is refused and never read; a
//! dangling link, a link loop, a folder or a FIFO named `*.toml` is an error naming it, never
//! skipped and never opened. A `.toml` file anywhere else in the pack's folder (another
//! subfolder, or a subfolder of `obligations/` or `cases/`) is never read, and warned about.
//! Every problem names its file, and a file that is not UTF-8 is located at its first bad
//! byte.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::diag::{DiagKind, Diagnostic, Diagnostics, NotAFile, SourceFile};

/// The largest rule file etika reads.
pub const MAX_FILE: u64 = 32 * 1024 * 1024;

/// The folders of a pack that hold `.toml` files.
pub const FOLDERS: [&str; 3] = ["", "obligations", "cases"];

/// Every `.toml` file of the pack in `dir`, with a diagnostic for each one that cannot be read.
/// The error is for a folder that cannot be listed at all.
pub fn read_dir(dir: &Path) -> std::io::Result<(Vec<SourceFile>, Diagnostics)> {
    let root = dir.canonicalize()?;
    if !root.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            format!("`{}` is not a folder", dir.display()),
        ));
    }
    let mut files = Vec::new();
    let mut diags = Diagnostics::new();
    // Files read through a link that stays inside the pack: where they are is not a stray file.
    let mut linked: Vec<PathBuf> = Vec::new();
    for sub in FOLDERS {
        let folder = if sub.is_empty() {
            dir.to_path_buf()
        } else {
            dir.join(sub)
        };
        if !sub.is_empty() {
            match check_inside(&root, &folder) {
                Ok(Some(_)) => {}
                Ok(None) => continue,
                Err(kind) => {
                    diags.push(Diagnostic::whole(&folder.display().to_string(), kind));
                    continue;
                }
            }
            if !folder.is_dir() {
                continue;
            }
        }
        let listing = match std::fs::read_dir(&folder) {
            Ok(l) => l,
            // The pack's own folder must be listed; a subfolder that cannot be is named.
            Err(e) if sub.is_empty() => return Err(e),
            Err(e) => {
                diags.push(Diagnostic::whole(
                    &folder.display().to_string(),
                    DiagKind::Unreadable {
                        error: e.to_string(),
                    },
                ));
                continue;
            }
        };
        let mut entries: Vec<PathBuf> = listing
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        entries.sort();
        for path in entries {
            let name = path.display().to_string();
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            let rel = if sub.is_empty() {
                file_name.to_string()
            } else {
                format!("{sub}/{file_name}")
            };
            let open = match check_inside(&root, &path) {
                Ok(Some((open, meta))) if meta.is_file() => open,
                Ok(Some((_, meta))) => {
                    let why = if meta.is_dir() {
                        NotAFile::Directory
                    } else {
                        NotAFile::Special
                    };
                    diags.push(Diagnostic::whole(&name, DiagKind::NotAFile(why)));
                    continue;
                }
                Ok(None) => continue,
                Err(kind) => {
                    diags.push(Diagnostic::whole(&name, kind));
                    continue;
                }
            };
            if open != path {
                linked.push(open.clone());
            }
            match read_pack_file(&open, &name, &rel) {
                Ok(file) => files.push(file),
                Err(d) => diags.push(*d),
            }
        }
    }
    let mut budget = STRAY_BUDGET;
    stray_files(dir, 0, &linked, &mut budget, &mut diags);
    Ok((files, diags))
}

/// The deepest folder, and the most folder entries, looked through for `.toml` files that are
/// not read: enough for any pack, and a bounded cost for a folder that is not one.
const STRAY_DEPTH: usize = 16;
const STRAY_BUDGET: usize = 100_000;

/// Warn about every `.toml` file in `folder` (at `depth` below the pack's own folder) that
/// `read_dir` does not read: any in a subfolder other than `obligations/` and `cases/`, or in a
/// subfolder of those. Links are not followed (a link named `*.toml` is named like a file);
/// hidden folders (`.git`) are not looked into; the `.json` files of `schemas/`, which
/// `etika export` writes, are not `.toml` files. A folder that cannot be listed is passed over:
/// it holds nothing etika reads.
fn stray_files(
    folder: &Path,
    depth: usize,
    linked: &[PathBuf],
    budget: &mut usize,
    diags: &mut Diagnostics,
) {
    let Ok(listing) = std::fs::read_dir(folder) else {
        return;
    };
    let mut entries: Vec<(PathBuf, bool)> = Vec::new();
    for entry in listing.filter_map(|e| e.ok()) {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        entries.push((entry.path(), is_dir));
    }
    entries.sort();
    for (path, is_dir) in entries {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if is_dir {
            if depth < STRAY_DEPTH && !name.starts_with('.') {
                stray_files(&path, depth + 1, linked, budget, diags);
            }
            continue;
        }
        // The `.toml` files right in the pack's folder, `obligations/` and `cases/` are read.
        let read = depth == 0
            || (depth == 1
                && path
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|p| p == "obligations" || p == "cases"));
        if read || path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        if !linked.is_empty() && path.canonicalize().is_ok_and(|c| linked.contains(&c)) {
            continue;
        }
        diags.push(Diagnostic::whole(
            &path.display().to_string(),
            DiagKind::NotRead,
        ));
    }
}

/// Where a path leads, if it stays inside the pack: the path to open (a link's target, so
/// no link is followed when opening) and its metadata. `None` when it does not exist at all.
/// Links out of the pack, dangling links and loops are errors.
fn check_inside(
    root: &Path,
    path: &Path,
) -> Result<Option<(PathBuf, std::fs::Metadata)>, DiagKind> {
    let own = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(DiagKind::Unreadable {
                error: e.to_string(),
            });
        }
    };
    if !own.file_type().is_symlink() {
        return Ok(Some((path.to_path_buf(), own)));
    }
    let target = match path.canonicalize() {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(DiagKind::NotAFile(NotAFile::DanglingLink));
        }
        Err(e) if e.raw_os_error() == Some(40) => {
            // ELOOP
            return Err(DiagKind::NotAFile(NotAFile::LinkLoop));
        }
        Err(e) => {
            return Err(DiagKind::Unreadable {
                error: e.to_string(),
            });
        }
    };
    if !target.starts_with(root) {
        return Err(DiagKind::OutsidePack {
            target: target.display().to_string(),
        });
    }
    match std::fs::metadata(&target) {
        Ok(meta) => Ok(Some((target, meta))),
        Err(e) => Err(DiagKind::Unreadable {
            error: e.to_string(),
        }),
    }
}

/// The largest answers file etika reads: an answers file is a few lines.
pub const MAX_ANSWERS: u64 = 1024 * 1024;

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// It could not be opened or read.
    Io(std::io::Error),
    /// It is a folder.
    Folder,
    /// It is not a regular file (a FIFO, a device, a socket), where only a file will do.
    Special,
    /// It is larger than the limit, in bytes.
    TooLarge(u64),
    /// It is not UTF-8: the diagnostic locates the first bad byte.
    NotUtf8(Box<Diagnostic>),
}

impl ReadError {
    /// As a diagnostic on a file of a pack.
    pub fn diagnostic(self, name: &str) -> Diagnostic {
        match self {
            ReadError::Io(e) => Diagnostic::whole(
                name,
                DiagKind::Unreadable {
                    error: e.to_string(),
                },
            ),
            ReadError::Folder => Diagnostic::whole(name, DiagKind::NotAFile(NotAFile::Directory)),
            ReadError::Special => Diagnostic::whole(name, DiagKind::NotAFile(NotAFile::Special)),
            ReadError::TooLarge(limit) => Diagnostic::whole(
                name,
                DiagKind::TooLarge {
                    mib: limit / 1024 / 1024,
                },
            ),
            ReadError::NotUtf8(d) => *d,
        }
    }
}

/// Read a file of a pack: opened without following a link and without waiting on a FIFO
/// (so a file swapped for either after the folder was checked is refused, never read or
/// waited on), and read only if what was opened is a regular file.
fn read_pack_file(path: &Path, name: &str, rel: &str) -> Result<SourceFile, Box<Diagnostic>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    let file = options
        .open(path)
        .map_err(|e| Box::new(ReadError::Io(e).diagnostic(name)))?;
    read_opened(file, name, rel, MAX_FILE, false).map_err(|e| Box::new(e.diagnostic(name)))
}

/// Read a file the user named (an answers file): links are followed and a FIFO is read (a
/// shell's `<(…)` is one), but a folder is refused, and at most `limit` bytes are read.
pub fn read_text(path: &Path, name: &str, limit: u64) -> Result<SourceFile, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    read_opened(file, name, name, limit, true)
}

/// Read text from a stream (standard input), at most `limit` bytes.
pub fn read_stream(
    stream: impl std::io::Read,
    name: &str,
    limit: u64,
) -> Result<SourceFile, ReadError> {
    read_bytes(stream, name, name, limit)
}

fn read_opened(
    file: std::fs::File,
    name: &str,
    rel: &str,
    limit: u64,
    special_ok: bool,
) -> Result<SourceFile, ReadError> {
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() && !special_ok {
        return Err(ReadError::Special);
    }
    read_bytes(file, name, rel, limit)
}

/// Read at most `limit` bytes as UTF-8 text; text that is not UTF-8 is located at its first
/// bad byte.
fn read_bytes(
    stream: impl std::io::Read,
    name: &str,
    rel: &str,
    limit: u64,
) -> Result<SourceFile, ReadError> {
    let mut bytes = Vec::new();
    stream
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, rel, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The lossy text has the same bytes up to the first bad one.
            let shown = SourceFile::new(name, rel, lossy);
            Err(ReadError::NotUtf8(Box::new(Diagnostic::new(
                &shown,
                Some(at..at + 1),
                DiagKind::NotUtf8,
            ))))
        }
    }
}
