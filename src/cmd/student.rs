//! Whose numbers a student command uses (the exercise's own, or a quiz student's), and a
//! student's answer file checked question by question against every exercise in scope.
//!
//! Rules: an answer file is read question by question; each problem (an unknown exercise
//! or question, a value that is not an answer, a trace that cannot be read) is reported at
//! its own `file:line:col` and the rest is still checked; only a file that cannot be read at
//! all is an error. Every exercise in scope (the bundled ones in book order, or the quiz's
//! in its order) is reported, those without any answer as "not answered", and scores are in
//! the quiz's points with a quiz.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use crate::check::answers::{self, ExerciseAnswers};
use crate::check::{ExerciseReport, Report, Status};
use crate::exercise::load::{Diagnostic, Loaded, Source, diagnostics_error};
use crate::grade::quiz::{self, LoadedQuiz, Variant};

/// `--quiz QUIZ --student NAME`, shared by the student's commands.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StudentArgs {
    /// A quiz file: use the numbers, exercises and points --student gets in it.
    #[arg(long, value_name = "QUIZ", requires = "student")]
    pub quiz: Option<PathBuf>,
    /// The student whose numbers to use (with --quiz).
    #[arg(long, value_name = "NAME", requires = "quiz")]
    pub student: Option<String>,
}

/// A student: the numbers they get, and their quiz if they take one.
pub struct Student {
    /// The parameters of each exercise.
    pub variant: Variant,
    quiz: Option<(LoadedQuiz, String)>,
}

impl Student {
    /// The student of `args` (the exercise's own numbers without a quiz).
    pub fn new(args: &StudentArgs, exercises: &[Loaded]) -> anyhow::Result<Student> {
        let variant = Variant::new(args.quiz.as_deref(), args.student.as_deref(), exercises)?;
        let quiz = match (&args.quiz, &args.student) {
            (Some(q), Some(s)) => Some((quiz::load_for_student(q, exercises)?, s.clone())),
            _ => None,
        };
        Ok(Student { variant, quiz })
    }

    /// Refuses `--reveal` when the quiz keeps its solutions closed (rather than ignore it).
    pub fn allow_reveal(&self, asked: bool) -> anyhow::Result<()> {
        match self.quiz() {
            Some(q) if asked && !q.quiz.solutions => anyhow::bail!(
                "the quiz {} keeps its solutions closed: --reveal is not available",
                q.source.name
            ),
            _ => Ok(()),
        }
    }

    /// The student's name, with a quiz.
    pub fn name(&self) -> Option<&str> {
        self.quiz.as_ref().map(|(_, s)| s.as_str())
    }

    /// The quiz, if any.
    pub fn quiz(&self) -> Option<&LoadedQuiz> {
        self.quiz.as_ref().map(|(q, _)| q)
    }

    /// The exercises to do: the quiz's in its order, else all in book order.
    pub fn scope<'a>(&self, exercises: &'a [Loaded]) -> Vec<&'a Loaded> {
        match self.quiz() {
            Some(q) => q
                .quiz
                .exercises
                .iter()
                .filter_map(|e| exercises.iter().find(|l| l.id == e.id))
                .collect(),
            None => book_order(exercises),
        }
    }

    /// Whether answers may be shown to this student (a quiz may close its solutions).
    pub fn may_reveal(&self) -> bool {
        self.quiz().is_none_or(|q| q.quiz.solutions)
    }

    /// Whether an exercise's answers are shown: asked for (`--reveal`), or revealed by its
    /// last hint or `gbl solve`, and never when the quiz closes its solutions.
    pub fn revealer<'a>(
        &'a self,
        exercises: &'a [Loaded],
        asked: bool,
    ) -> impl Fn(&str) -> bool + 'a {
        let state = super::state::load();
        move |id: &str| {
            self.may_reveal()
                && (asked
                    || exercises
                        .iter()
                        .find(|l| l.id == id)
                        .is_some_and(|l| super::state::revealed(&state, l, self.name())))
        }
    }

    /// Checks one exercise with the student's numbers, scored in the quiz's points.
    pub fn check(&self, l: &Loaded, given: &ExerciseAnswers) -> anyhow::Result<ExerciseReport> {
        let mut r = super::check::check_variant(l, &self.variant, given, false)?;
        if let Some(points) = self.quiz().and_then(|q| q.quiz.points_of(&l.id)) {
            quiz::scale(&mut r, points, quiz::weight(l));
        }
        Ok(r)
    }
}

/// Exercises by chapter in book order, then by id.
pub fn book_order(exercises: &[Loaded]) -> Vec<&Loaded> {
    let mut order: Vec<&Loaded> = exercises.iter().collect();
    let rank = |c: &str| {
        crate::exercise::validate::CHAPTERS
            .iter()
            .position(|x| *x == c)
            .unwrap_or(99)
    };
    order.sort_by(|a, b| {
        rank(&a.exercise.chapter)
            .cmp(&rank(&b.exercise.chapter))
            .then(a.id.cmp(&b.id))
    });
    order
}

/// An answer file checked against every exercise in scope.
pub struct FileCheck {
    /// The answer file.
    pub source: Source,
    /// Every exercise in scope; one without answers has every question missing.
    pub report: Report,
    /// Whether each exercise of the report has at least one answer.
    pub answered: Vec<bool>,
    /// Every problem, at its line, in the file's order.
    pub problems: Vec<Diagnostic>,
}

impl FileCheck {
    /// How many exercises have at least one answer.
    pub fn answered_count(&self) -> usize {
        self.answered.iter().filter(|a| **a).count()
    }

    /// How many exercises are fully right.
    pub fn right_count(&self) -> usize {
        self.report
            .exercises
            .iter()
            .filter(|e| e.all_correct())
            .count()
    }

    /// `3 of 12 exercises answered, 2 fully right`.
    pub fn summary(&self) -> String {
        format!(
            "{} of {} exercises answered, {} fully right",
            self.answered_count(),
            self.answered.len(),
            self.right_count()
        )
    }

    /// 0 when everything is answered and right, else 1 (a problem in the file included).
    pub fn outcome(&self) -> crate::cli::Outcome {
        if self.problems.is_empty() && self.report.all_correct() {
            crate::cli::Outcome::Correct
        } else {
            crate::cli::Outcome::Wrong
        }
    }
}

/// Reads and checks an answer file; an error only when the file cannot be read at all.
pub fn check_file(
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
            message: "the answer file is empty: nothing is answered ('gbl init' writes one with every question)".into(),
        });
    }
    let scope = student.scope(exercises);
    if let Some(q) = student.quiz() {
        for id in read.file.answers.keys() {
            if !scope.iter().any(|l| &l.id == id) {
                problems.push(Diagnostic::at(
                    &source,
                    id,
                    format!("the quiz {} has no exercise '{id}'", q.source.name),
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
        source,
        report: Report::new(reports),
        answered,
        problems,
    })
}
