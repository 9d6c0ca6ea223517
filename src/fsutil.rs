//! Files: atomic writes and bounded reads.

use std::io::{Read, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that an interrupted run never leaves a half-written file in place of the last good one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system's error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Larger than the limit.
    #[error("the file is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid bytes at offset {0})")]
    NotText(usize),
}

/// Reads a text file of at most `limit` bytes, without reading more than that from disk.
/// A UTF-8 byte-order mark is dropped.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let f = std::fs::File::open(path)?;
    if f.metadata()?.is_dir() {
        return Err(ReadError::Io(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    read_text_from(f, limit)
}

/// Reads at most `limit` bytes of UTF-8 text from `reader` (a file, standard input); a
/// byte-order mark is dropped.
pub fn read_text_from(reader: impl Read, limit: u64) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let text =
        String::from_utf8(bytes).map_err(|e| ReadError::NotText(e.utf8_error().valid_up_to()))?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}
