//! What a student has seen, kept between runs: how many hints each exercise has shown, and
//! whether its answer was revealed (by the last hint or by `gbl solve`).
//!
//! Kept in `hints.json` in gbl's state folder: `$GBL_STATE_DIR`, else `$XDG_STATE_HOME/gbl`,
//! else `~/.local/state/gbl`. The key is the exercise id, or `ID@STUDENT` for a quiz
//! student's own numbers. An exercise's answer is revealed once the count reaches its number
//! of hints (solve sets it there); `gbl hint ID --reset` conceals it again.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::exercise::load::Loaded;

fn state_file() -> Option<PathBuf> {
    let dir = match std::env::var_os("GBL_STATE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => match std::env::var_os("XDG_STATE_HOME") {
            Some(d) if !d.is_empty() => PathBuf::from(d).join("gbl"),
            _ => PathBuf::from(std::env::var_os("HOME")?).join(".local/state/gbl"),
        },
    };
    Some(dir.join("hints.json"))
}

/// The largest hint state file read, in bytes (it holds one count per exercise).
const MAX_STATE_BYTES: u64 = 1 << 20;

/// How many hints each key has shown.
pub(crate) fn load() -> BTreeMap<String, usize> {
    state_file()
        .and_then(|f| crate::fsutil::read_text(&f, MAX_STATE_BYTES).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Saves the counts; losing them only means a hint is shown again, so failing is quiet.
pub(crate) fn save(state: &BTreeMap<String, usize>) {
    if let Some(f) = state_file() {
        if let Some(dir) = f.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = serde_json::to_string_pretty(state) {
            let _ = crate::fsutil::write_atomic(&f, text.as_bytes());
        }
    }
}

/// The key of an exercise: its id, or `ID@STUDENT` with a quiz student's numbers.
pub(crate) fn key(id: &str, student: Option<&str>) -> String {
    match student {
        Some(s) => format!("{id}@{s}"),
        None => id.to_string(),
    }
}

/// Whether the answer of `l` has been revealed to this student.
pub(crate) fn revealed(state: &BTreeMap<String, usize>, l: &Loaded, student: Option<&str>) -> bool {
    state
        .get(&key(&l.id, student))
        .is_some_and(|&n| n >= l.exercise.hints.len())
}

/// Marks the answer of `l` as revealed (after `gbl solve`).
pub(crate) fn reveal(l: &Loaded, student: Option<&str>) {
    let mut state = load();
    let k = key(&l.id, student);
    let n = state.get(&k).copied().unwrap_or(0);
    state.insert(k, n.max(l.exercise.hints.len()));
    save(&state);
}
