//! What `gbl validate` checks: exercise files and folders, and quiz files, each problem
//! with its place; every exercise proved (its reference solution runs for every variant,
//! its author's tests pass); warnings for what is allowed but probably not meant.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::exercise::catalog::CatalogError;
use crate::exercise::load::{Diagnostic, Loaded, Origin, exercise_files, load_all, read_exercise};
use crate::exercise::validate::validate_with_warnings;
use crate::grade::quiz::{self, LoadedQuiz};
use crate::render::json::problem_json;
use crate::style::Paint;

/// Why the paths to validate cannot be validated at all.
#[derive(Debug, thiserror::Error)]
pub(crate) enum AuthoringError {
    /// A folder without exercise files.
    #[error("{0}: no exercise files (*.yaml) in this folder")]
    EmptyFolder(String),
    /// A path that is not there.
    #[error("{0}: no such file or folder")]
    NoSuchPath(String),
    /// The exercises a quiz is checked against cannot be loaded.
    #[error(transparent)]
    Exercises(#[from] CatalogError),
}

/// What was validated and what was found.
#[derive(Default)]
pub(crate) struct Validation {
    /// How many exercise and quiz files were read (an unreadable one counted once).
    pub files: usize,
    /// Whether any quiz file was among them.
    pub quizzes: bool,
    /// Every problem, at its place.
    pub problems: Vec<Diagnostic>,
    /// What is allowed but probably not meant.
    pub warnings: Vec<Diagnostic>,
}

impl Validation {
    /// How many files have a problem.
    pub(crate) fn files_with_problems(&self) -> usize {
        let f: BTreeSet<&str> = self.problems.iter().map(|d| d.file.as_str()).collect();
        f.len()
    }

    /// `{"valid", "files", "problems", "warnings"}`, each problem and warning as
    /// `{"message", "file", "line", "column"}`.
    pub(crate) fn json(&self) -> Value {
        let list = |ds: &[Diagnostic]| -> Vec<Value> { ds.iter().map(problem_json).collect() };
        json!({
            "valid": self.problems.is_empty(),
            "files": self.files,
            "problems": list(&self.problems),
            "warnings": list(&self.warnings),
        })
    }

    /// Every problem and warning, then a line with the totals.
    pub(crate) fn write_text(&self, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
        for d in &self.problems {
            writeln!(out, "{} {d}", paint.bad("error:"))?;
        }
        for d in &self.warnings {
            writeln!(out, "{} {d}", paint.warn("warning:"))?;
        }
        let count = self.files;
        let what = if self.quizzes {
            "exercise and quiz files"
        } else {
            "exercise files"
        };
        if self.problems.is_empty() {
            let line = format!("{count} {what} are valid; every reference solution runs");
            writeln!(out, "{}", paint.good(&line))
        } else {
            let n = self.problems.len();
            let line = format!(
                "{n} problem{} in {} of {count} {what}",
                if n == 1 { "" } else { "s" },
                self.files_with_problems()
            );
            writeln!(out, "{}", paint.bad(&line))
        }
    }
}

/// What was read from the paths, before it is checked.
#[derive(Default)]
struct Read {
    loaded: Vec<Loaded>,
    problems: Vec<Diagnostic>,
    quizzes: usize,
    quiz_problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// Validates `paths` (exercise files or folders, or quiz files checked against the
/// exercises `in_use` gives), or with no path the exercises of `origin`.
pub(crate) fn validate_paths(
    paths: &[PathBuf],
    origin: &Origin,
    in_use: impl Fn() -> Result<Vec<Loaded>, CatalogError>,
) -> Result<Validation, AuthoringError> {
    let mut read = Read::default();
    if paths.is_empty() {
        (read.loaded, read.problems) = load_all(origin);
    }
    for p in paths {
        read_path(p, &in_use, &mut read)?;
    }
    Ok(check(read))
}

/// Reads one path given to `gbl validate`.
fn read_path(
    p: &Path,
    in_use: &impl Fn() -> Result<Vec<Loaded>, CatalogError>,
    read: &mut Read,
) -> Result<(), AuthoringError> {
    if p.is_dir() {
        let (ok, bad) = load_all(&Origin::dir(p));
        read.loaded.extend(ok);
        read.problems.extend(bad);
        if exercise_files(p).map(|f| f.is_empty()).unwrap_or(false) {
            return Err(AuthoringError::EmptyFolder(p.display().to_string()));
        }
    } else if p.exists() && quiz::is_quiz_file(p) {
        read.quizzes += 1;
        match quiz::read(p) {
            Ok(q) => {
                read.warnings.extend(quiz_warnings(&q));
                read.quiz_problems.extend(quiz::check(&q, &in_use()?))
            }
            Err(d) => read.quiz_problems.push(d),
        }
    } else if p.exists() {
        match read_exercise(p) {
            Ok(l) => read.loaded.push(l),
            Err(ds) => read.problems.extend(ds),
        }
    } else {
        return Err(AuthoringError::NoSuchPath(p.display().to_string()));
    }
    Ok(())
}

/// Checks what was read: every exercise linted, validated and (when sound) its author's
/// tests run.
fn check(read: Read) -> Validation {
    let Read {
        loaded,
        mut problems,
        quizzes,
        quiz_problems,
        mut warnings,
    } = read;
    // An unreadable file may have several problems: count each file once.
    let unreadable: BTreeSet<&str> = problems.iter().map(|d| d.file.as_str()).collect();
    let files = loaded.len() + unreadable.len() + quizzes;
    problems.extend(quiz_problems);
    for l in &loaded {
        problems.extend(crate::exercise::lint::problems(l));
        let (errors, warned) = validate_with_warnings(l);
        // The author's tests mean something only on a sound exercise.
        let sound = errors.is_empty();
        problems.extend(errors);
        if sound {
            problems.extend(crate::check::selftest::run(l));
        }
        warnings.extend(warned);
    }
    Validation {
        files,
        quizzes: quizzes > 0,
        problems,
        warnings,
    }
}

/// What is allowed in a quiz but is probably not meant: no salt (every student gets the
/// exercises' default numbers, so answers can be shared).
fn quiz_warnings(q: &LoadedQuiz) -> Vec<Diagnostic> {
    if q.quiz.salt.is_some() {
        return Vec::new();
    }
    vec![Diagnostic {
        file: q.source.name.clone(),
        pos: None,
        message: "the quiz has no salt, so every student gets the same numbers (and can share \
                  answers); add a secret `salt: \"...\"` to give each student their own"
            .into(),
    }]
}
