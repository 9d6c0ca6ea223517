//! The class roster (`--roster roster.csv`): one student a row, `key,name,email`, where `key`
//! is the name of the student's submission (`KEY.yaml` or `KEY/`). A first row whose first cell
//! is `key` or `student` is a header; blank rows are skipped; `name` and `email` may be left
//! out. Every student of the roster is in the gradebook: one without a submission scores 0
//! with the error "missing: no submission". A key given twice is an error at its line.

use std::collections::BTreeSet;
use std::path::Path;

use super::submission::{Kind, Submission};
use crate::fsutil::{ReadError, read_text};

/// The largest roster read, in bytes.
pub(crate) const MAX_ROSTER_BYTES: u64 = 8 << 20;

/// The error of a roster student without a submission.
pub(crate) const MISSING: &str = "missing: no submission";

/// One student of the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Student {
    /// The key: the name of their submission.
    pub key: String,
    /// Their name, when given.
    pub name: String,
    /// Their email, when given.
    pub email: String,
}

/// Why a roster file cannot be used.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RosterError {
    /// The file cannot be read.
    #[error("cannot read the roster {path}: {error}")]
    Unreadable {
        /// The roster, as shown.
        path: String,
        /// Why.
        error: ReadError,
    },
    /// A row is not a roster's row (see [`parse`]).
    #[error("{path}:{problem}")]
    Invalid {
        /// The roster, as shown.
        path: String,
        /// The problem, starting with its line (`3: ...`).
        problem: String,
    },
}

/// Reads a roster file.
pub(crate) fn read(path: &Path) -> Result<Vec<Student>, RosterError> {
    let shown = || path.display().to_string();
    let text = read_text(path, MAX_ROSTER_BYTES).map_err(|error| RosterError::Unreadable {
        path: shown(),
        error,
    })?;
    parse(&text).map_err(|problem| RosterError::Invalid {
        path: shown(),
        problem,
    })
}

/// Parses a roster's text; an error starts with its line (`3: ...`).
pub(crate) fn parse(text: &str) -> Result<Vec<Student>, String> {
    let mut r = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut students: Vec<Student> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut rows = 0;
    for (k, row) in r.records().enumerate() {
        let row = row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            format!("{line}: not CSV ({e})")
        })?;
        let line = row.position().map_or(k as u64 + 1, |p| p.line());
        let cell = |i: usize| row.get(i).unwrap_or("").to_string();
        let key = cell(0);
        if row.iter().all(str::is_empty) {
            continue;
        }
        rows += 1;
        if rows == 1 && matches!(key.to_lowercase().as_str(), "key" | "student") {
            continue;
        }
        if key.is_empty() {
            return Err(format!(
                "{line}: the row has no student key in its first cell"
            ));
        }
        if !seen.insert(key.clone()) {
            return Err(format!(
                "{line}: the student '{key}' is on the roster twice"
            ));
        }
        students.push(Student {
            key,
            name: cell(1),
            email: cell(2),
        });
    }
    Ok(students)
}

/// A submission for each roster student that `found` lacks; it reads as missing.
pub(crate) fn missing(roster: &[Student], found: &[Submission]) -> Vec<Submission> {
    let have: BTreeSet<&str> = found.iter().map(|s| s.student.as_str()).collect();
    roster
        .iter()
        .filter(|s| !have.contains(s.key.as_str()))
        .map(|s| Submission {
            student: s.key.clone(),
            answers: Path::new("").into(),
            shown: String::new(),
            kind: Kind::File,
            problem: Some(MISSING.into()),
        })
        .collect()
}

/// The students of `found` who are not on the roster.
pub(crate) fn strangers(roster: &[Student], found: &[Submission]) -> Vec<String> {
    let keys: BTreeSet<&str> = roster.iter().map(|s| s.key.as_str()).collect();
    found
        .iter()
        .filter(|s| !keys.contains(s.student.as_str()))
        .map(|s| s.student.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_blank_rows_and_short_rows() {
        let r = parse("key,name,email\nada, Ada L ,ada@x.org\n\nben\n").unwrap_or_default();
        assert_eq!(
            r,
            vec![
                Student {
                    key: "ada".into(),
                    name: "Ada L".into(),
                    email: "ada@x.org".into()
                },
                Student {
                    key: "ben".into(),
                    name: String::new(),
                    email: String::new()
                },
            ]
        );
        assert_eq!(parse("ada\nben\n").map(|r| r.len()), Ok(2));
    }

    #[test]
    fn a_key_twice_or_missing_is_an_error_at_its_line() {
        assert_eq!(
            parse("key,name\nada,A\nben,B\nada,C\n"),
            Err("4: the student 'ada' is on the roster twice".into())
        );
        assert_eq!(
            parse("ada,A\n,B\n"),
            Err("2: the row has no student key in its first cell".into())
        );
    }
}
