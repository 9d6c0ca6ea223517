//! The class `gbl grade` grades: a quiz that can be used, the submissions found in a folder
//! (or the one of a Gradescope student), the roster's students merged in, and where the
//! gradebook may be written.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::submission::{self, Found};
use super::{identity, quiz, roster};
use crate::exercise::load::Loaded;
use crate::fsutil::{check_output, is_within};

/// Reads a quiz and checks it against `exercises`: every problem at once, as an error.
pub(crate) fn usable_quiz(path: &Path, exercises: &[Loaded]) -> anyhow::Result<quiz::LoadedQuiz> {
    let q = quiz::read(path).map_err(|d| anyhow::anyhow!("{d}"))?;
    let problems = quiz::check(&q, exercises);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        bail!(
            "the quiz cannot be used:\n{}\n(run 'gbl validate {}' for the same list)",
            lines.join("\n"),
            path.display()
        );
    }
    Ok(q)
}

/// One submission alone: the folder `path` (which holds answers.yaml), its student named.
pub(crate) fn one(path: &Path, student: Option<&str>) -> Found {
    Found {
        submissions: vec![submission::single(path, student)],
        ignored: Vec::new(),
    }
}

/// The students of the roster in `file` merged into `found`: those without a submission
/// added (as missing), the whole sorted by student.
pub(crate) struct Enrolled {
    /// The roster's students without a submission.
    pub missing: Vec<String>,
    /// The submissions of students not on the roster.
    pub strangers: Vec<String>,
    /// How many students the roster has.
    pub size: usize,
}

/// Merges the roster in `file` into `found` (see [`Enrolled`]).
pub(crate) fn enroll(found: &mut Found, file: &Path) -> anyhow::Result<Enrolled> {
    let students = roster::read(file)?;
    let missing = roster::missing(&students, &found.submissions);
    let strangers = roster::strangers(&students, &found.submissions);
    found.submissions.extend(missing.iter().cloned());
    found.submissions.sort_by(|a, b| a.student.cmp(&b.student));
    Ok(Enrolled {
        missing: missing.into_iter().map(|s| s.student).collect(),
        strangers,
        size: students.len(),
    })
}

/// The student of a Gradescope submission in `path`: `student`, else the identity in the
/// `metadata` file (by default the one next to `path`, as in /autograder). Refuses a whole
/// class folder (it would be graded as one student) and a submission without an identity
/// (its numbers would be drawn for a made-up name).
pub(crate) fn gradescope_student(
    path: &Path,
    holds_answers: bool,
    student: Option<&str>,
    metadata: Option<&Path>,
) -> anyhow::Result<String> {
    if !holds_answers
        && let Ok(found) = submission::discover(path)
        && found.submissions.len() > 1
    {
        bail!(
            "{} holds {} submissions, not one: --format gradescope grades the one submission \
             of a student (a folder with answers.yaml, like /autograder/submission); grade a \
             class with --format csv or json",
            path.display(),
            found.submissions.len()
        );
    }
    if let Some(s) = student {
        return Ok(s.to_string());
    }
    let metadata = match metadata {
        Some(m) => m.to_path_buf(),
        None => {
            let beside = path
                .canonicalize()
                .ok()
                .and_then(|p| p.parent().map(|d| d.join(identity::METADATA)));
            match beside {
                Some(m) if m.exists() => m,
                _ => bail!(
                    "--format gradescope needs the student's identity, which keys their \
                     numbers: pass --metadata /autograder/{} (or --student KEY); there is no {} \
                     next to {}",
                    identity::METADATA,
                    identity::METADATA,
                    path.display()
                ),
            }
        }
    };
    identity::from_file(&metadata).map_err(|e| {
        anyhow::anyhow!("{e}; the student's identity keys their numbers, so nothing is graded")
    })
}

/// Refuses a gradebook path that is not a regular file (a link, a device), or that lies
/// inside the submissions folder, where the next run would read it as a student.
pub(crate) fn check_gradebook_path(file: &Path, submissions: &Path) -> anyhow::Result<()> {
    check_output(file).with_context(|| {
        format!(
            "cannot write the gradebook {} (for standard output, write '-o -')",
            file.display()
        )
    })?;
    let parent = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if is_within(parent, submissions).unwrap_or(false) {
        bail!(
            "cannot write the gradebook {}: it is inside the submissions folder {}, where it \
             would be read as a submission; write it elsewhere",
            file.display(),
            submissions.display()
        );
    }
    Ok(())
}
