//! Reading answer files: the file, and the trace files it names, relative to its folder and
//! never outside it. The core parses the text (`gbl_core::check::answers`); the names it
//! exports are re-exported here, so that `check::answers::parse` reads as before.

use std::path::{Path, PathBuf};

pub use gbl_core::check::answers::{AnswerFile, ExerciseAnswers, Lenient, did_you_mean};

use super::Given;
use crate::exercise::load::{Diagnostic, Loaded, Source};
use crate::fsutil::read_text;
use gbl_core::t;

/// The largest answer file read, in bytes.
pub(crate) const MAX_ANSWER_BYTES: u64 = 1 << 20;
/// The largest trace file read, in bytes (the core's judge refuses larger ones).
pub use gbl_core::check::trace::MAX_TRACE_BYTES;

/// Reads an answer file and checks that every exercise and question it names exists.
/// Trace files are read here, resolved against the answer file's folder.
pub fn read(path: &Path, exercises: &[Loaded]) -> Result<AnswerFile, Vec<Diagnostic>> {
    let (source, dir) = read_source(path)?;
    parse(source, &dir, exercises)
}

/// Reads an answer file question by question: the answers that can be read, and every
/// problem at its own line (an unknown exercise or question, a value that is not an answer).
/// `Err` only when the file itself cannot be read (missing, too large, not YAML, not a
/// mapping).
pub(crate) fn read_lenient(path: &Path, exercises: &[Loaded]) -> Result<Lenient, Vec<Diagnostic>> {
    let (source, dir) = read_source(path)?;
    parse_lenient(source, &dir, exercises)
}

fn read_source(path: &Path) -> Result<(Source, PathBuf), Vec<Diagnostic>> {
    let name = path.display().to_string();
    let text = read_text(path, MAX_ANSWER_BYTES).map_err(|e| {
        vec![Diagnostic {
            file: name.clone(),
            pos: None,
            message: t!("cli-answer-file-unreadable", error = e),
        }]
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok((Source { name, text }, dir))
}

/// Parses an answer file's text; `dir` is the folder trace paths are relative to. Any
/// problem is an error (graders want the whole file right).
pub fn parse(
    source: Source,
    dir: &Path,
    exercises: &[Loaded],
) -> Result<AnswerFile, Vec<Diagnostic>> {
    gbl_core::check::answers::parse(source, exercises, &mut |file| read_trace(dir, file))
}

/// Parses an answer file's text question by question (see [`read_lenient`]).
pub(crate) fn parse_lenient(
    source: Source,
    dir: &Path,
    exercises: &[Loaded],
) -> Result<Lenient, Vec<Diagnostic>> {
    gbl_core::check::answers::parse_lenient(source, exercises, &mut |file| read_trace(dir, file))
}

/// A relative path normalised lexically (`a/./b/../c` is `a/c`), or `None` when it is
/// absolute or climbs above its start (`../x`, `a/../../x`). Symbolic links are checked
/// afterwards on the real path.
pub fn inside(rel: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// Reads a trace named in an answer file, refusing paths that leave the file's folder.
pub(crate) fn read_trace(dir: &Path, file: &str) -> Given {
    let shown = crate::clip::quoted(file);
    let unreadable = |reason: String| Given::Unreadable {
        name: file.to_string(),
        reason,
    };
    let Some(rel) = inside(Path::new(file)) else {
        return unreadable(t!("cli-trace-leaves-folder", file = shown));
    };
    let read = crate::fsutil::open_beneath(dir, &rel)
        .and_then(|f| Ok(crate::fsutil::read_trace_file(f, MAX_TRACE_BYTES)?));
    match read {
        Ok(text) => Given::Trace {
            name: file.to_string(),
            text,
        },
        Err(crate::fsutil::BeneathError::Outside) => {
            unreadable(t!("cli-trace-leads-outside", file = shown))
        }
        Err(crate::fsutil::BeneathError::Read(e)) => {
            unreadable(t!("cli-trace-unreadable", file = shown, error = e))
        }
    }
}
