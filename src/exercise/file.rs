//! One exercise file read from disk, and the exercises built into the binary.

use std::path::Path;

use crate::fsutil::read_text;
use gbl_core::exercise::load::{Diagnostic, Loaded, Source, parse_exercise_all};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The largest exercise file read, in bytes.
pub(crate) const MAX_EXERCISE_BYTES: u64 = 1 << 20;

/// Every diagnostic, one per line, as one error.
pub(crate) fn diagnostics_error(ds: &[Diagnostic]) -> anyhow::Error {
    let lines: Vec<String> = ds.iter().map(Diagnostic::to_string).collect();
    anyhow::anyhow!("{}", lines.join("\n"))
}

/// Reads one exercise file; every structural problem when it cannot be read.
pub(crate) fn read_exercise(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let fail = |message: String| Diagnostic {
        file: name.clone(),
        pos: None,
        message,
    };
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .ok_or_else(|| vec![fail("not a file name".into())])?;
    let text = read_text(path, MAX_EXERCISE_BYTES)
        .map_err(|e| vec![fail(format!("cannot read it: {e}"))])?;
    parse_exercise_all(&id, Source { name, text })
}
