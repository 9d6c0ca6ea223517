//! What watching needs to know of files: whether they really changed (editors and readers
//! raise events without changing anything), and the folders that hold them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::read_text;

/// Each watched file's size, time and (for the first file) text: a change is real only
/// when this changes, since reading files raises events too.
pub(crate) type Fingerprint = Vec<(
    PathBuf,
    Option<(u64, Option<std::time::SystemTime>)>,
    String,
)>;

/// The fingerprint of `files`, the first one's text read up to `limit` bytes.
pub(crate) fn fingerprint(files: &[PathBuf], limit: u64) -> Fingerprint {
    files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let meta = std::fs::metadata(f)
                .ok()
                .map(|m| (m.len(), m.modified().ok()));
            let text = if i == 0 {
                read_text(f, limit).unwrap_or_default()
            } else {
                String::new()
            };
            (f.clone(), meta, text)
        })
        .collect()
}

/// The files whose fingerprint differs between `now` and `last`, as shown.
pub(crate) fn changed(now: &Fingerprint, last: &Fingerprint) -> Vec<String> {
    now.iter()
        .zip(last)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0.display().to_string())
        .collect()
}

/// The folders to watch for `files` (each file's own folder).
pub(crate) fn folders(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    files
        .iter()
        .map(|f| match f.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        })
        .filter(|d| d.is_dir())
        .collect()
}
