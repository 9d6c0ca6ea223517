//! Students' names, taken from file and folder names exactly as the file system holds them.
//!
//! Submissions are told apart by their raw names (bytes), never by a decoded form, so two
//! names that are not UTF-8 are never merged into one student. A name is *shown* (in the
//! gradebook, in messages) with every byte that is not part of UTF-8 text written `\xNN`,
//! control characters written `\n`, `\t` or `\xNN`, and a backslash doubled, so that two
//! different names are never shown alike either. Entries that are not submissions are
//! skipped: hidden ones (`.name`) and the `__MACOSX` folder that macOS adds to zip files.

use std::ffi::OsStr;

/// Whether an entry of the submissions folder is skipped without a word.
pub(crate) fn skipped(name: &OsStr) -> bool {
    let bytes = name.as_encoded_bytes();
    bytes.starts_with(b".") || bytes == b"__MACOSX"
}

/// The raw stem of an answer file's name (`ada` for `ada.yaml` or `ada.yml`), if it is one.
pub(crate) fn answer_stem(name: &OsStr) -> Option<&[u8]> {
    let bytes = name.as_encoded_bytes();
    bytes
        .strip_suffix(b".yaml")
        .or_else(|| bytes.strip_suffix(b".yml"))
        .filter(|s| !s.is_empty())
}

/// A raw name as shown: UTF-8 text as is, other bytes and control characters escaped.
pub(crate) fn shown(raw: &[u8]) -> String {
    let mut out = String::with_capacity(raw.len());
    for chunk in raw.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// An entry's name as shown.
pub(crate) fn shown_os(name: &OsStr) -> String {
    shown(name.as_encoded_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shown_escaped_and_distinct() {
        assert_eq!(shown(b"ada"), "ada");
        assert_eq!(shown("지민".as_bytes()), "지민");
        assert_eq!(shown(b"a\xff"), "a\\xff");
        assert_eq!(shown(b"a\xfe"), "a\\xfe");
        assert_eq!(shown(b"a\\xff"), "a\\\\xff");
        assert_eq!(shown(b"a\nb\x01"), "a\\nb\\x01");
    }

    #[test]
    fn stems_and_skipped_entries() {
        assert_eq!(answer_stem(OsStr::new("ada.yaml")), Some(&b"ada"[..]));
        assert_eq!(answer_stem(OsStr::new("ada.yml")), Some(&b"ada"[..]));
        assert_eq!(answer_stem(OsStr::new(".yaml")), None);
        assert_eq!(answer_stem(OsStr::new("ada.txt")), None);
        assert!(skipped(OsStr::new("__MACOSX")));
        assert!(skipped(OsStr::new(".grades.yaml")));
        assert!(!skipped(OsStr::new("ada")));
    }
}
