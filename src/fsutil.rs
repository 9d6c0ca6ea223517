//! Files: atomic writes and bounded reads that never block.
//!
//! The rules every reader and writer of gbl follows:
//! - **Only regular files are read.** A path is checked with `metadata` before it is opened,
//!   and opened non-blocking, so a FIFO, a device or a socket given as an answer file, a trace
//!   or a quiz is a clear error for that one file, never a hang ([`check_regular`]).
//! - **Reads are bounded**: at most `limit` bytes are read from disk ([`read_text`]).
//! - **A group of reads can share a budget** ([`with_read_budget`]): `gbl grade` gives each
//!   submission one, so a student who hands in many large traces costs the class no more
//!   than one submission's worth of reading and memory. The file's size is checked against
//!   what is left *before* it is read.
//! - **Writes are atomic and safe**: the new content goes to a temporary file created
//!   exclusively, with an unpredictable name, in the target's folder, then renamed over the
//!   target; the target keeps its permissions; a symbolic link or a special file as target is
//!   refused rather than replaced ([`write_atomic`]).

use std::fs::Metadata;
use std::io::{Read, Write};
use std::path::Path;

mod beneath;

pub use beneath::{BeneathError, is_within, open_beneath};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system's error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A folder, FIFO, device or socket where a regular file belongs.
    #[error("it is {0}, not a regular file")]
    NotRegular(&'static str),
    /// Larger than the limit.
    #[error("the file is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Not UTF-8 text.
    #[error("the file is not UTF-8 text (invalid bytes at offset {0})")]
    NotText(usize),
    /// Over the budget shared by a group of reads (one submission's files).
    #[error(
        "it would take the files read together over {budget} bytes, the budget of one submission"
    )]
    OverBudget {
        /// The shared budget in bytes.
        budget: u64,
    },
}

thread_local! {
    /// The shared read budget of the current thread: (budget, bytes left), if any.
    static READ_BUDGET: std::cell::Cell<Option<(u64, u64)>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with every [`read_text`] on this thread drawing on one budget of `bytes`: a file
/// larger than what is left is refused before it is read. The previous budget (if any) is
/// restored afterwards.
pub fn with_read_budget<T>(bytes: u64, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<(u64, u64)>);
    impl Drop for Restore {
        fn drop(&mut self) {
            READ_BUDGET.with(|b| b.set(self.0));
        }
    }
    let _restore = Restore(READ_BUDGET.with(|b| b.replace(Some((bytes, bytes)))));
    f()
}

/// Takes `len` bytes from the current budget, if there is one.
fn draw_budget(len: u64) -> Result<(), ReadError> {
    READ_BUDGET.with(|b| match b.get() {
        Some((budget, left)) if len > left => Err(ReadError::OverBudget { budget }),
        Some((budget, left)) => {
            b.set(Some((budget, left - len)));
            Ok(())
        }
        None => Ok(()),
    })
}

/// What kind of special file `meta` describes, in words ("a FIFO (named pipe)"), or `None`
/// for a regular file.
pub fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let ft = meta.file_type();
    if ft.is_file() {
        return None;
    }
    if ft.is_dir() {
        return Some("a folder");
    }
    if ft.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
        if ft.is_char_device() || ft.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Checks, without opening it, that `path` (followed through links) is a regular file.
pub fn check_regular(path: &Path) -> Result<Metadata, ReadError> {
    let meta = std::fs::metadata(path)?;
    match special_kind(&meta) {
        None => Ok(meta),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Opens a regular file for reading, never blocking: the path is checked first, and the
/// file is opened non-blocking and checked again, so a FIFO swapped in between is refused
/// too.
pub fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    check_regular(path)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let f = options.open(path)?;
    if let Some(kind) = special_kind(&f.metadata()?) {
        return Err(ReadError::NotRegular(kind));
    }
    Ok(f)
}

/// Reads a text file of at most `limit` bytes, without reading more than that from disk.
/// A UTF-8 byte-order mark is dropped. Anything but a regular file is refused unopened; a
/// file over the shared budget ([`with_read_budget`]) is refused unread.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let f = open_regular(path)?;
    let len = f.metadata()?.len();
    if len > limit {
        return Err(ReadError::TooLarge { limit });
    }
    draw_budget(len)?;
    // The file's own size (at most `limit`, budget drawn) is room enough: no doubling past it.
    read_text_into(f, limit, Vec::with_capacity(len as usize + 1))
}

/// Reads at most `limit` bytes of UTF-8 text from `reader` (a file, standard input); a
/// byte-order mark is dropped.
pub fn read_text_from(reader: impl Read, limit: u64) -> Result<String, ReadError> {
    read_text_into(reader, limit, Vec::new())
}

/// [`read_text_from`] into `bytes` (empty, with the room it may need).
fn read_text_into(reader: impl Read, limit: u64, mut bytes: Vec<u8>) -> Result<String, ReadError> {
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut text =
        String::from_utf8(bytes).map_err(|e| ReadError::NotText(e.utf8_error().valid_up_to()))?;
    if text.starts_with('\u{feff}') {
        // In place: a marked file is not copied.
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Checks that `path` may be replaced by [`write_atomic`]: it does not exist yet, or it is a
/// regular file (not a symbolic link, folder, FIFO or device). Returns the existing file's
/// metadata.
pub fn check_output(path: &Path) -> std::io::Result<Option<Metadata>> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
        Ok(meta) => match special_kind(&meta) {
            None => Ok(Some(meta)),
            Some(kind) => Err(std::io::Error::other(format!(
                "it is {kind}; gbl only replaces regular files"
            ))),
        },
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that an interrupted run never leaves a half-written file in place of the last good one.
/// The temporary file is created exclusively under an unpredictable name (a link planted in
/// the folder cannot redirect it); a file that is replaced keeps its permissions; a target
/// that is not a regular file is refused (see [`check_output`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the bytes written by `fill` a piece at a time (so that a
/// large file need not be held in memory first).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let old = check_output(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut tmp = TempFile::new_in(&dir)?;
    {
        let mut w = std::io::BufWriter::new(&mut tmp.file);
        fill(&mut w)?;
        w.flush()?;
    }
    if let Some(old) = old {
        tmp.file.set_permissions(old.permissions())?;
    }
    tmp.file.sync_all()?;
    std::fs::rename(&tmp.path, path)?;
    tmp.persisted = true;
    Ok(())
}

/// A temporary file created exclusively, with an unpredictable name, in a folder given as it
/// is (relative paths stay relative, so a folder deeper than `PATH_MAX` works); removed
/// unless it was renamed into place.
struct TempFile {
    path: std::path::PathBuf,
    file: std::fs::File,
    persisted: bool,
}

impl TempFile {
    fn new_in(dir: &Path) -> std::io::Result<TempFile> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            // A new file gets the usual mode (0666 less the umask), as `File::create` would.
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o666);
        }
        let mut last = None;
        // A name already taken (even by a planted link: `create_new` follows none) is
        // skipped for another.
        for _ in 0..100 {
            let name: String = (0..12).map(|_| fastrand::alphanumeric()).collect();
            let path = dir.join(format!(".gbl-{name}.tmp"));
            match options.open(&path) {
                Ok(file) => {
                    return Ok(TempFile {
                        path,
                        file,
                        persisted: false,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no temporary name left")))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let e = read_text(dir.path(), 100).expect_err("a folder");
        assert_eq!(e.to_string(), "it is a folder, not a regular file");
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_the_limit_holds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "\u{feff}abc").expect("write");
        assert_eq!(read_text(&f, 6).expect("fits"), "abc");
        let e = read_text(&f, 5).expect_err("too large");
        assert_eq!(e.to_string(), "the file is larger than 5 bytes");
    }

    #[test]
    fn only_the_leading_byte_order_mark_is_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "\u{feff}1 2.4000\n2 \u{feff}1.9200\n").expect("write");
        assert_eq!(
            read_text(&f, 100).expect("fits"),
            "1 2.4000\n2 \u{feff}1.9200\n"
        );
        let from = read_text_from("\u{feff}\u{feff}x".as_bytes(), 100).expect("fits");
        assert_eq!(from, "\u{feff}x");
    }

    #[test]
    fn write_atomic_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let f = dir.path().join("out.csv");
        write_atomic(&f, b"one").expect("first");
        write_atomic(&f, b"two").expect("second");
        assert_eq!(std::fs::read(&f).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.csv")]);
    }

    #[test]
    fn a_shared_budget_refuses_the_file_that_would_exceed_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "0123456789").expect("write");
        let (first, second, third) = with_read_budget(25, || {
            (read_text(&f, 100), read_text(&f, 100), read_text(&f, 100))
        });
        assert_eq!(first.expect("fits"), "0123456789");
        assert_eq!(second.expect("fits"), "0123456789");
        assert_eq!(
            third.expect_err("over").to_string(),
            "it would take the files read together over 25 bytes, the budget of one submission"
        );
        // Outside the budget, reads are bounded by their own limit only.
        assert!(read_text(&f, 100).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_under_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").expect("write");
        let planted = dir
            .path()
            .join(format!(".out.csv.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).expect("link");
        let f = dir.path().join("out.csv");
        write_atomic(&f, b"grades").expect("written");
        assert_eq!(std::fs::read(&victim).expect("read"), b"keep");
        assert_eq!(std::fs::read(&f).expect("read"), b"grades");
    }
}

/// Reads a trace: the printed output of a student's program, of at most `limit` bytes (see
/// [`decode_trace`] for the encodings read), with [`read_text`]'s checks: a regular file,
/// opened non-blocking, its size checked against the limit and the shared budget first.
pub fn read_trace_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    read_trace_file(open_regular(path)?, limit)
}

/// [`read_trace_text`] of a file already opened (by [`open_beneath`]): a regular file of at
/// most `limit` bytes, drawn on the shared budget.
pub fn read_trace_file(f: std::fs::File, limit: u64) -> Result<String, ReadError> {
    let meta = f.metadata()?;
    if let Some(kind) = special_kind(&meta) {
        return Err(ReadError::NotRegular(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    draw_budget(meta.len())?;
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    f.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    decode_trace(bytes)
}

/// Reads a trace of at most `limit` bytes from `reader` (standard input); see
/// [`decode_trace`].
pub fn read_trace_from(reader: impl Read, limit: u64) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    decode_trace(bytes)
}

/// How to save a trace as UTF-8.
const SAVE_UTF8: &str =
    "save the output as UTF-8 (in PowerShell: `python gd.py | Out-File -Encoding utf8 out.txt`)";

fn not_marked_utf16() -> ReadError {
    encoding_error(format!(
        "the file is not UTF-8 text: it looks like UTF-16 without a byte-order mark: {SAVE_UTF8}"
    ))
}

fn encoding_error(message: String) -> ReadError {
    ReadError::Io(std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        message,
    ))
}

/// A trace's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16 with a byte-order
/// mark, little- or big-endian (what Windows PowerShell's `>` writes). Anything else is
/// refused with a sentence that names what it looks like: UTF-32, UTF-16 without a mark, or
/// a legacy 8-bit encoding (Windows-1252, Latin-1), each with how to save UTF-8 instead.
pub fn decode_trace(bytes: Vec<u8>) -> Result<String, ReadError> {
    const SAVE: &str = SAVE_UTF8;
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(encoding_error(format!(
            "the file is UTF-32 text, not UTF-8: {SAVE}"
        )));
    }
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let body = &bytes[2..];
        if !body.len().is_multiple_of(2) {
            return Err(encoding_error(format!(
                "the file is UTF-16 text cut in the middle of a character (an odd number of bytes): {SAVE}"
            )));
        }
        let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
        let mut text = String::with_capacity(body.len() / 2);
        for (n, c) in char::decode_utf16(units).enumerate() {
            match c {
                Ok(c) => text.push(c),
                Err(_) => {
                    return Err(encoding_error(format!(
                        "the file is UTF-16 text with an invalid character at byte offset {}: {SAVE}",
                        2 + 2 * n
                    )));
                }
            }
        }
        return Ok(text);
    }
    if looks_like_utf16(&bytes) {
        return Err(not_marked_utf16());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(encoding_error(format!(
                "the file is not UTF-8 text (invalid bytes at offset {at}): it may be in a legacy encoding such as Windows-1252 or Latin-1: {SAVE}"
            )))
        }
    }
}

/// Whether the regular file at `path` (at most `limit` bytes) is UTF-8 text that
/// [`read_trace_text`] reads as it is (no UTF-16 or UTF-32 mark or look), checked in pieces
/// without holding the file.
pub fn is_plain_utf8(path: &Path, limit: u64) -> bool {
    let Ok(f) = open_regular(path) else {
        return false;
    };
    if f.metadata().map_or(true, |m| m.len() > limit) {
        return false;
    }
    let mut reader = std::io::BufReader::with_capacity(64 << 10, f.take(limit));
    let mut first = true;
    // An incomplete character at the end of a piece, carried to the next.
    let mut carry: Vec<u8> = Vec::with_capacity(4);
    loop {
        let piece = match std::io::BufRead::fill_buf(&mut reader) {
            Ok([]) => return carry.is_empty(),
            Ok(p) => p,
            Err(_) => return false,
        };
        if first {
            if piece.starts_with(&[0xFF, 0xFE])
                || piece.starts_with(&[0xFE, 0xFF])
                || piece.starts_with(&[0, 0, 0xFE, 0xFF])
                || looks_like_utf16(piece)
            {
                return false;
            }
            first = false;
        }
        let n = piece.len();
        let mut joined;
        let bytes = if carry.is_empty() {
            piece
        } else {
            joined = std::mem::take(&mut carry);
            joined.extend_from_slice(piece);
            joined.as_slice()
        };
        match std::str::from_utf8(bytes) {
            Ok(_) => {}
            // Cut in the middle of a character: the rest comes with the next piece.
            Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => {
                carry = bytes[e.valid_up_to()..].to_vec();
            }
            Err(_) => return false,
        }
        std::io::BufRead::consume(&mut reader, n);
    }
}

/// Whether more than a quarter of the first 4 KiB are NUL bytes, all on even or all on odd
/// offsets: ASCII text in UTF-16 without a byte-order mark.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let quarter = sample.len() / 4;
    sample.len() >= 8 && ((odd > quarter && even == 0) || (even > quarter && odd == 0))
}

#[cfg(test)]
mod trace_text_tests {
    use super::*;

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf16_with_a_mark_is_read_and_others_are_named() {
        let text = "Initial x: 3\r\n1-th x: 2.4000\r\n";
        assert_eq!(decode_trace(utf16(text, true)).expect("LE"), text);
        assert_eq!(decode_trace(utf16(text, false)).expect("BE"), text);
        assert_eq!(
            decode_trace(b"\xEF\xBB\xBFx: 1\n".to_vec()).expect("UTF-8"),
            "x: 1\n"
        );
        let no_mark = utf16(text, true)[2..].to_vec();
        let e = decode_trace(no_mark).expect_err("no mark").to_string();
        assert!(e.contains("UTF-16 without a byte-order mark"), "{e}");
        let e = decode_trace(b"x: 2,4\xB0\n".to_vec())
            .expect_err("latin-1")
            .to_string();
        assert!(e.contains("not UTF-8") && e.contains("Windows-1252"), "{e}");
        let e = decode_trace(vec![0xFF, 0xFE, 0, 0, b'x', 0, 0, 0])
            .expect_err("utf-32")
            .to_string();
        assert!(e.contains("UTF-32"), "{e}");
        let e = decode_trace(vec![0xFF, 0xFE, b'x'])
            .expect_err("odd")
            .to_string();
        assert!(e.contains("odd number of bytes"), "{e}");
    }
}
