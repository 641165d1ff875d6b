//! Reading a pack's files: from a folder, or the copy compiled into the binary.
//!
//! A folder is read with care: only `.toml` files in the folder and its `obligations/` and
//! `cases/` folders; a link that leads outside the pack's folder is refused and never read; a
//! dangling link, a link loop, a folder or a FIFO named `*.toml` is an error naming it, never
//! skipped and never opened. Every problem names its file, and a file that is not UTF-8 is
//! located at its first bad byte.

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
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&folder)?
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
            match check_inside(&root, &path) {
                Ok(Some(meta)) if meta.is_file() => {}
                Ok(Some(meta)) => {
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
            }
            match read_text(&path, &name, &rel) {
                Ok(file) => files.push(file),
                Err(d) => diags.push(*d),
            }
        }
    }
    Ok((files, diags))
}

/// Where a path leads, if it stays inside the pack: its metadata (following links). `None`
/// when it does not exist at all. Links out of the pack, dangling links and loops are errors.
fn check_inside(root: &Path, path: &Path) -> Result<Option<std::fs::Metadata>, DiagKind> {
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
        return Ok(Some(own));
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
    std::fs::metadata(&target)
        .map(Some)
        .map_err(|e| DiagKind::Unreadable {
            error: e.to_string(),
        })
}

/// Read a regular file as UTF-8 text; a file that is not UTF-8 is located at its first bad
/// byte.
pub fn read_text(path: &Path, name: &str, rel: &str) -> Result<SourceFile, Box<Diagnostic>> {
    let unreadable = |e: std::io::Error| {
        Box::new(Diagnostic::whole(
            name,
            DiagKind::Unreadable {
                error: e.to_string(),
            },
        ))
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(Box::new(Diagnostic::whole(
            name,
            DiagKind::Unreadable {
                error: format!("larger than {} MiB", MAX_FILE / 1024 / 1024),
            },
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, rel, text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The lossy text has the same bytes up to the first bad one.
            let shown = SourceFile::new(name, rel, lossy);
            Err(Box::new(Diagnostic::new(
                &shown,
                Some(at..at + 1),
                DiagKind::NotUtf8,
            )))
        }
    }
}
