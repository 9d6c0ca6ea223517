//! The page's checker: gbl-core compiled to WebAssembly, embedded in a script
//! (`window.gblCheckerWasm`, the module in base64) that the book's answer forms load when
//! they are first used. A script, not a `.wasm` file fetched, so that the book checks answers
//! when it is opened from disk (`file://`, where browsers refuse `fetch`) as well as from a
//! web server.

use std::path::Path;

use crate::fsutil::ReadError;

/// The largest module embedded (the stripped module is about 1.7 MB).
pub(crate) const MAX_WASM_BYTES: u64 = 16 << 20;

/// Why the checker cannot be embedded.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CheckerError {
    /// The module cannot be read.
    #[error("{path}: {error}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        error: ReadError,
    },
    /// The file is not a WebAssembly module.
    #[error(
        "{path}: not a WebAssembly module (build it with: cargo build -p gbl-core --target wasm32-unknown-unknown --profile wasm)"
    )]
    NotWasm {
        /// The file.
        path: String,
    },
    /// The module lacks a function the forms call.
    #[error("{path}: the module has no '{name}' (is it gbl-core's?)")]
    Missing {
        /// The file.
        path: String,
        /// The export missing.
        name: &'static str,
    },
    /// The script cannot be written.
    #[error("cannot write {path}: {error}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        error: std::io::Error,
    },
}

/// Reads the module `wasm` and writes the script `out`; returns the module's size in bytes.
pub(crate) fn embed(wasm: &Path, out: &Path) -> Result<usize, CheckerError> {
    let path = wasm.display().to_string();
    let bytes =
        crate::fsutil::read_bytes(wasm, MAX_WASM_BYTES).map_err(|error| CheckerError::Read {
            path: path.clone(),
            error,
        })?;
    if !bytes.starts_with(b"\0asm") {
        return Err(CheckerError::NotWasm { path });
    }
    for name in ["gbl_alloc", "gbl_free", "gbl_check", "gbl_hint", "memory"] {
        if !contains(&bytes, name.as_bytes()) {
            return Err(CheckerError::Missing { path, name });
        }
    }
    let script = script(&bytes);
    crate::fsutil::write_atomic(out, script.as_bytes()).map_err(|error| CheckerError::Write {
        path: out.display().to_string(),
        error,
    })?;
    Ok(bytes.len())
}

/// The script holding `wasm`.
fn script(wasm: &[u8]) -> String {
    format!(
        "// gbl's checker for the book's answer forms: gbl-core compiled to WebAssembly ({} bytes),\n// in base64. Written by `gbl mdbook checker`; see book/theme/gbl-check.js.\nwindow.gblCheckerWasm = \"{}\";\n",
        wasm.len(),
        base64(wasm)
    )
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Standard base64 with padding (RFC 4648, section 4), as `atob` reads it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        // RFC 4648, section 10.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn refuses_what_is_not_the_checker() {
        let dir = tempfile::tempdir().expect("temp dir");
        let junk = dir.path().join("x.wasm");
        std::fs::write(&junk, b"not wasm").expect("write");
        let out = dir.path().join("o.js");
        let e = embed(&junk, &out).expect_err("junk");
        assert!(e.to_string().contains("not a WebAssembly module"), "{e}");
        std::fs::write(&junk, b"\0asm\x01\0\0\0").expect("write");
        let e = embed(&junk, &out).expect_err("empty module");
        assert!(e.to_string().contains("has no 'gbl_alloc'"), "{e}");
        assert!(!out.exists());
    }
}
