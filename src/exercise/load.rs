//! Loading exercises: one pass that reads and parses each file; [`super::validate`] checks
//! what was read. Parsing from text is the core's (`gbl_core::exercise::load`, re-exported
//! here); this module adds the files: one exercise file, the bundled exercises and folders.

use std::path::Path;

use crate::fsutil::read_text;

pub use gbl_core::exercise::load::{
    Diagnostic, Loaded, Locator, MAX_DIAGNOSTICS, Source, clip, parse_exercise, parse_exercise_all,
    yaml_error,
};

pub use super::sources::{Origin, exercise_files, load_all};

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
