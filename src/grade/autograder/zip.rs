//! A minimal ZIP writer: files stored without compression, each with its Unix mode, all dated
//! 1980-01-01 so that the same files give the same bytes. Enough for an autograder package
//! (Gradescope unzips it with the usual tools); no dependency needed.
//!
//! Layout (PKWARE APPNOTE 4.3): for each file a local header and its bytes, then the central
//! directory (one header per file, with its mode in the high 16 bits of the external
//! attributes, made by "Unix"), then the end-of-central-directory record. Sizes and offsets are
//! 32-bit: a package past 4 GiB is refused.

/// A file to put in the archive.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// The path inside the archive, with `/` between folders.
    pub name: String,
    /// The Unix mode (`0o755` for scripts and programs, `0o644` for data).
    pub mode: u32,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// The DOS date of 1980-01-01 (the earliest ZIP can say).
const DOS_DATE: u16 = (1 << 5) | 1;
/// Version 2.0 (needed for UTF-8 names), made by Unix (3).
const MADE_BY: u16 = (3 << 8) | 20;
const NEEDED: u16 = 20;
/// Bit 11: names are UTF-8.
const UTF8: u16 = 1 << 11;

/// Why an archive cannot be written.
#[derive(Debug, thiserror::Error)]
#[error("the package would be larger than a ZIP file without extensions holds (4 GiB)")]
pub(crate) struct TooLarge;

/// The archive's bytes, or why it cannot be written.
pub(crate) fn write(entries: &[Entry]) -> Result<Vec<u8>, TooLarge> {
    let total: usize = entries
        .iter()
        .map(|e| e.bytes.len() + e.name.len() + 80)
        .sum();
    if total >= u32::MAX as usize || entries.len() >= u16::MAX as usize {
        return Err(TooLarge);
    }
    let mut out: Vec<u8> = Vec::with_capacity(total + 22);
    let mut central: Vec<u8> = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let crc = crc32(&e.bytes);
        let size = e.bytes.len() as u32;
        let name = e.name.as_bytes();
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        for v in [NEEDED, UTF8, 0, 0, DOS_DATE] {
            put16(&mut out, v);
        }
        for v in [crc, size, size] {
            put32(&mut out, v);
        }
        put16(&mut out, name.len() as u16);
        put16(&mut out, 0);
        out.extend_from_slice(name);
        out.extend_from_slice(&e.bytes);
        // Its central directory header.
        put32(&mut central, 0x0201_4b50);
        for v in [MADE_BY, NEEDED, UTF8, 0, 0, DOS_DATE] {
            put16(&mut central, v);
        }
        for v in [crc, size, size] {
            put32(&mut central, v);
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            put16(&mut central, v);
        }
        put32(&mut central, (0o100_000 | (e.mode & 0o7777)) << 16);
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    for v in [0, 0, entries.len() as u16, entries.len() as u16] {
        put16(&mut out, v);
    }
    put32(&mut out, cd_size);
    put32(&mut out, cd_offset);
    put16(&mut out, 0);
    Ok(out)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP uses.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    let mut crc = !0u32;
    for &b in bytes {
        crc = table[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_the_standard_check_string() {
        // The CRC-32 check value of "123456789" (as zlib.crc32 gives).
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let files = vec![
            Entry {
                name: "run_autograder".into(),
                mode: 0o755,
                bytes: b"#!/bin/sh\n".to_vec(),
            },
            Entry {
                name: "exercises/a.yaml".into(),
                mode: 0o644,
                bytes: b"format: 1\n".to_vec(),
            },
        ];
        let a = write(&files).unwrap_or_default();
        assert_eq!(a, write(&files).unwrap_or_default());
        // Local headers + names + data, central headers + names, end record.
        assert_eq!(
            a.len(),
            (30 + 14 + 10) + (30 + 16 + 10) + (46 + 14) + (46 + 16) + 22
        );
        assert_eq!(&a[..4], b"PK\x03\x04");
        assert_eq!(&a[a.len() - 22..a.len() - 18], b"PK\x05\x06");
    }
}
