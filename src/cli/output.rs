//! Where output goes: standard output (paged when it is a terminal and the text is taller than
//! it, as git and bat do), or a file written atomically and readable by its owner only.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::Result;

use super::Context;

/// Write to stdout. A closed pipe ends output quietly (the caller sees a BrokenPipe error and
/// exits 0); any other failure is an error that names standard output.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                anyhow::Error::new(e)
            } else {
                anyhow::Error::new(e).context("cannot write to standard output")
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
        return print(text);
    }
    let Some(cmd) = pager() else {
        return print(text);
    };
    let mut command = Command::new(&cmd[0]);
    command.args(&cmd[1..]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.spawn() else {
        return print(text);
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The pager may quit before reading everything; that is the user's choice.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    Ok(())
}

/// Write a file atomically: a temporary file with a random name, created exclusively beside
/// the target and readable by its owner only, synced, then renamed over the target, and the
/// folder synced; a reader sees the old contents or the new, never half.
pub fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".etika-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
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
    fn civil_dates() {
        assert_eq!(super::civil(0), (1970, 1, 1));
        assert_eq!(super::civil(20_455), (2026, 1, 2));
        assert_eq!(super::civil(-1), (1969, 12, 31));
    }
}
