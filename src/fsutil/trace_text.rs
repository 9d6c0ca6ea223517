//! Traces as text: a student's program's printed output, in UTF-8 or UTF-16 (as
//! PowerShell writes it), checked and decoded.

use std::io::Read;
use std::path::Path;

use super::read::draw_budget;
use super::{ReadError, open_regular, special_kind};

/// Reads a trace: the printed output of a student's program, of at most `limit` bytes (see
/// [`decode_trace`] for the encodings read), with [`read_text`]'s checks: a regular file,
/// opened non-blocking, its size checked against the limit and the shared budget first.
pub(crate) fn read_trace_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    read_trace_file(open_regular(path)?, limit)
}

/// [`read_trace_text`] of a file already opened (by [`open_beneath`]): a regular file of at
/// most `limit` bytes, drawn on the shared budget.
pub(crate) fn read_trace_file(f: std::fs::File, limit: u64) -> Result<String, ReadError> {
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
pub(crate) fn read_trace_from(reader: impl Read, limit: u64) -> Result<String, ReadError> {
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
pub(super) fn decode_trace(bytes: Vec<u8>) -> Result<String, ReadError> {
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
pub(crate) fn is_plain_utf8(path: &Path, limit: u64) -> bool {
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
