//! The student's identity on Gradescope, read from `/autograder/submission_metadata.json`:
//! the first user's `email`, else their `sid` (student id), else their Gradescope `id`. It keys
//! the student's numbers (the same key `gbl show --quiz --student` takes), never a folder name.
//!
//! ```json
//! {"users": [{"email": "ada@uni.edu", "id": 1234, "name": "Ada", "sid": "s1"}], ...}
//! ```
//!
//! In a group submission every member gets the first member's numbers.

use std::path::Path;

use crate::fsutil::{ReadError, read_text};

/// The largest metadata file read, in bytes.
pub(crate) const MAX_METADATA_BYTES: u64 = 1 << 20;

/// The file's name, next to the submission folder on Gradescope.
pub(crate) const METADATA: &str = "submission_metadata.json";

/// Why a metadata file names no student.
#[derive(Debug, thiserror::Error)]
pub(crate) enum IdentityError {
    /// The file cannot be read.
    #[error("cannot read {path}: {error}")]
    Unreadable {
        /// The file, as shown.
        path: String,
        /// Why.
        error: ReadError,
    },
    /// The file holds no identity (see [`from_text`]).
    #[error("{path}: {problem}")]
    NoIdentity {
        /// The file, as shown.
        path: String,
        /// What is missing.
        problem: String,
    },
}

/// The identity in a metadata file, or why there is none.
pub(crate) fn from_file(path: &Path) -> Result<String, IdentityError> {
    let shown = || path.display().to_string();
    let text = read_text(path, MAX_METADATA_BYTES).map_err(|error| IdentityError::Unreadable {
        path: shown(),
        error,
    })?;
    from_text(&text).map_err(|problem| IdentityError::NoIdentity {
        path: shown(),
        problem,
    })
}

/// The identity in a metadata text.
pub(crate) fn from_text(text: &str) -> Result<String, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON ({e})"))?;
    let user = v
        .get("users")
        .and_then(|u| u.as_array())
        .and_then(|u| u.first())
        .ok_or("no \"users\" list with a user in it")?;
    for key in ["email", "sid", "id"] {
        let found = match user.get(key) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => continue,
        };
        return Ok(found);
    }
    Err("the first user has no \"email\", \"sid\" or \"id\"".into())
}

#[cfg(test)]
mod tests {
    use super::from_text;

    #[test]
    fn email_then_sid_then_id() {
        let full = r#"{"users":[{"email":" ada@uni.edu ","id":1234,"name":"Ada","sid":"s1"},{"email":"bo@uni.edu"}]}"#;
        assert_eq!(from_text(full), Ok("ada@uni.edu".into()));
        assert_eq!(
            from_text(r#"{"users":[{"email":"","sid":"s1","id":7}]}"#),
            Ok("s1".into())
        );
        assert_eq!(from_text(r#"{"users":[{"id":7}]}"#), Ok("7".into()));
        assert!(from_text(r#"{"users":[]}"#).is_err());
        assert!(from_text(r#"{"users":[{"name":"Ada"}]}"#).is_err());
        assert!(from_text("[").is_err());
    }
}
