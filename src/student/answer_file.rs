//! A student's answer file checked question by question against every exercise in scope.
//!
//! Rules: an answer file is read question by question; each problem (an unknown exercise
//! or question, a value that is not an answer, a trace that cannot be read) is reported at
//! its own `file:line:col` and the rest is still checked; only a file that cannot be read at
//! all is an error. Every exercise in scope (the bundled ones in book order, or the quiz's
//! in its order) is reported, those without any answer as "not answered", and scores are in
//! the quiz's points with a quiz.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::Student;
use crate::check::answers;
use crate::check::{ExerciseReport, Given, Report, Status};
use crate::exercise::load::{Diagnostic, Loaded, diagnostics_error};
use crate::exercise::model::Question;
use gbl_core::t;

/// An answer file checked against every exercise in scope.
pub(crate) struct FileCheck {
    /// Every exercise in scope; one without answers has every question missing.
    pub report: Report,
    /// Whether each exercise of the report has at least one answer.
    pub answered: Vec<bool>,
    /// Every problem, at its line, in the file's order.
    pub problems: Vec<Diagnostic>,
}

impl FileCheck {
    /// How many exercises have at least one answer.
    pub(crate) fn answered_count(&self) -> usize {
        self.answered.iter().filter(|a| **a).count()
    }

    /// How many exercises are fully right.
    pub(crate) fn right_count(&self) -> usize {
        self.report
            .exercises
            .iter()
            .filter(|e| e.all_correct())
            .count()
    }

    /// Whether everything is answered and right, with no problem in the file.
    pub(crate) fn all_right(&self) -> bool {
        self.problems.is_empty() && self.report.all_correct()
    }

    /// What to do next, as rustlings says it: the first exercise not right, or done.
    pub(crate) fn next_step(&self) -> String {
        // What the student is working on comes first, then what they have not started.
        let pairs = || self.report.exercises.iter().zip(&self.answered);
        let first = pairs()
            .find(|(e, answered)| **answered && !e.all_correct())
            .or_else(|| pairs().find(|(e, _)| !e.all_correct()));
        match first {
            None if self.problems.is_empty() => t!("cli-next-all-right"),
            None => t!("cli-next-fix-problems"),
            Some((e, false)) => t!("cli-next-show", id = e.id),
            Some((e, true)) => t!("cli-next-fix", id = e.id),
        }
    }

    /// The first exercise answered but not yet right, if any.
    pub(crate) fn first_unfinished(&self) -> Option<&ExerciseReport> {
        self.report
            .exercises
            .iter()
            .zip(&self.answered)
            .find(|(e, answered)| **answered && !e.all_correct())
            .map(|(e, _)| e)
    }

    /// An exercise's progress (`done`, `started` or `not started`) and how many of its
    /// questions are right.
    pub(crate) fn progress(&self, i: usize) -> (&'static str, usize) {
        let e = &self.report.exercises[i];
        let right = e
            .questions
            .iter()
            .filter(|q| q.status == Status::Correct)
            .count();
        let p = if e.all_correct() {
            "done"
        } else if self.answered[i] {
            "started"
        } else {
            "not started"
        };
        (p, right)
    }
}

/// Reads and checks an answer file; an error only when the file cannot be read at all.
pub(crate) fn check_file(
    path: &Path,
    exercises: &[Loaded],
    student: &Student,
) -> anyhow::Result<FileCheck> {
    let read = answers::read_lenient(path, exercises).map_err(|ds| diagnostics_error(&ds))?;
    let source = read.file.source;
    let mut problems = read.problems;
    if source.text.trim().is_empty() {
        problems.push(Diagnostic {
            file: source.name.clone(),
            pos: None,
            message: t!("cli-answer-file-empty"),
        });
    }
    let scope = student.scope(exercises);
    if let Some(q) = student.quiz() {
        for id in read.file.answers.keys() {
            if !scope.iter().any(|l| &l.id == id) {
                problems.push(Diagnostic::at(
                    &source,
                    id,
                    t!("cli-quiz-no-exercise", quiz = q.source.name, id = id),
                ));
            }
        }
    }
    let empty = IndexMap::new();
    let mut reports = Vec::new();
    let mut answered = Vec::new();
    for l in scope {
        let given = read.file.answers.get(&l.id).unwrap_or(&empty);
        let r = student.check(l, given)?;
        for q in r.questions.iter().filter(|q| q.status == Status::Invalid) {
            let at = format!("{}.{}", l.id, q.id);
            problems.push(Diagnostic::at(&source, &at, q.feedback.clone()));
        }
        answered.push(!given.is_empty());
        reports.push(r);
    }
    // In file order; those without a place (the count of problems left out) last.
    problems.sort_by_key(|d| d.pos.map_or((usize::MAX, 0), |p| (p.line, p.col)));
    Ok(FileCheck {
        report: Report::new(reports),
        answered,
        problems,
    })
}

/// The files a check of `answer_file` reads: the answer file and the trace files it names.
pub(crate) fn files_read(answer_file: &Path, exercises: &[Loaded]) -> Vec<PathBuf> {
    let mut files = vec![answer_file.to_path_buf()];
    let dir = answer_file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if let Ok(read) = answers::read_lenient(answer_file, exercises) {
        for (ex, given) in &read.file.answers {
            for (q, g) in given {
                let is_trace = exercises
                    .iter()
                    .find(|l| &l.id == ex)
                    .and_then(|l| l.exercise.questions.iter().find(|x| x.id() == q))
                    .is_some_and(|x| matches!(x, Question::Trace(_)));
                if let (true, Given::Trace { name, .. }) | (true, Given::Unreadable { name, .. }) =
                    (is_trace, g)
                {
                    files.push(dir.join(name));
                }
            }
        }
    }
    files
}
