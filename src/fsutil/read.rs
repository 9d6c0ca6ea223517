//! Bounded reads that never block: only regular files, opened non-blocking, at most
//! `limit` bytes, and a budget a group of reads can share.

use std::fs::Metadata;
use std::io::Read;
use std::path::Path;

use super::ReadError;

thread_local! {
    /// The shared read budget of the current thread: (budget, bytes left), if any.
    static READ_BUDGET: std::cell::Cell<Option<(u64, u64)>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with every [`read_text`] on this thread drawing on one budget of `bytes`: a file
/// larger than what is left is refused before it is read. The previous budget (if any) is
/// restored afterwards.
pub(crate) fn with_read_budget<T>(bytes: u64, f: impl FnOnce() -> T) -> T {
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
pub(super) fn draw_budget(len: u64) -> Result<(), ReadError> {
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
pub(crate) fn special_kind(meta: &Metadata) -> Option<&'static str> {
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
pub(crate) fn check_regular(path: &Path) -> Result<Metadata, ReadError> {
    let meta = std::fs::metadata(path)?;
    match special_kind(&meta) {
        None => Ok(meta),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Opens a regular file for reading, never blocking: the path is checked first, and the
/// file is opened non-blocking and checked again, so a FIFO swapped in between is refused
/// too.
pub(crate) fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
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
pub(crate) fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let f = open_regular(path)?;
    let len = f.metadata()?.len();
    if len > limit {
        return Err(ReadError::TooLarge { limit });
    }
    draw_budget(len)?;
    // The file's own size (at most `limit`, budget drawn) is room enough: no doubling past it.
    read_text_into(f, limit, Vec::with_capacity(len as usize + 1))
}

/// Reads a file of at most `limit` bytes (not text: a WebAssembly module); anything but a
/// regular file is refused unopened, a larger file unread.
pub(crate) fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let f = open_regular(path)?;
    let len = f.metadata()?.len();
    if len > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Reads at most `limit` bytes of UTF-8 text from `reader` (a file, standard input); a
/// byte-order mark is dropped.
pub(crate) fn read_text_from(reader: impl Read, limit: u64) -> Result<String, ReadError> {
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
}
