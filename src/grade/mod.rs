//! Grading a class: a quiz, a folder of submissions, a gradebook and a class summary.
//!
//! A student's score on an exercise worth P points whose questions weigh w₁…wₙ (W = Σwᵢ) is
//! Σ P·wᵢ/W over the questions answered right (a trace earns the share of its lines that are
//! right). Submissions are graded in parallel, a chunk at a time, and each graded submission
//! is handed on at once, so memory holds one chunk of reports plus whatever the caller keeps.

pub mod autograder;
pub mod budget;
pub(crate) mod class;
pub mod contexts;
pub mod copies;
pub mod export;
pub mod identity;
pub mod names;
pub mod quiz;
pub mod roster;
pub mod submission;
pub mod summary;

use rayon::prelude::*;

use crate::check::{ExerciseReport, Status, check_exercise, round_score};
use crate::exercise::load::Loaded;
use quiz::Quiz;
use submission::Submission;

/// How many submissions are graded at once before their results are handed on.
pub const CHUNK: usize = 256;

/// The longest problem kept in the `error` column, in characters.
pub const MAX_PROBLEM_CHARS: usize = 300;

/// One exercise of the quiz, resolved.
#[derive(Clone, Debug)]
pub struct Item<'a> {
    /// The exercise.
    pub loaded: &'a Loaded,
    /// Its points in the quiz.
    pub points: f64,
    /// The sum of its questions' weights.
    pub weight: f64,
}

/// Everything grading needs: the quiz, its exercises, and every known exercise (answer
/// files may name exercises outside the quiz; those answers are ignored).
#[derive(Clone, Debug)]
pub struct Setup<'a> {
    /// The quiz.
    pub quiz: &'a Quiz,
    /// The quiz's exercises, in order.
    pub items: Vec<Item<'a>>,
    /// Every exercise gbl knows.
    pub all: &'a [Loaded],
    /// The bytes each submission may have read ([`budget::SUBMISSION_BYTES`]).
    pub submission_bytes: u64,
    /// The lines each submission's traces may hold ([`budget::SUBMISSION_TRACE_LINES`]).
    pub trace_lines: usize,
}

impl<'a> Setup<'a> {
    /// Resolves the quiz's exercises; an id that names no exercise is an error.
    pub fn new(quiz: &'a Quiz, all: &'a [Loaded]) -> Result<Setup<'a>, String> {
        let mut items = Vec::new();
        for e in &quiz.exercises {
            let loaded = all
                .iter()
                .find(|l| l.id == e.id)
                .ok_or_else(|| format!("there is no exercise '{}'", e.id))?;
            items.push(Item {
                loaded,
                points: e.points,
                weight: quiz::weight(loaded),
            });
        }
        Ok(Setup {
            quiz,
            items,
            all,
            submission_bytes: budget::SUBMISSION_BYTES,
            trace_lines: budget::SUBMISSION_TRACE_LINES,
        })
    }
}

/// One student's graded submission.
#[derive(Clone, Debug)]
pub struct Graded {
    /// The student, named by the file or folder.
    pub student: String,
    /// Points earned.
    pub score: f64,
    /// Points possible.
    pub max_score: f64,
    /// Each exercise of the quiz, in the quiz's order, with its questions scored in quiz
    /// points.
    pub exercises: Vec<ExerciseReport>,
    /// Why something could not be read or used, each with file, line and column where known.
    pub problems: Vec<String>,
}

impl Graded {
    /// Whether every question is right.
    pub fn all_correct(&self) -> bool {
        self.exercises.iter().all(ExerciseReport::all_correct)
    }

    /// The problems on one line, for the gradebook's `error` column (empty when none);
    /// each is cut to [`MAX_PROBLEM_CHARS`] characters (a submission may quote a huge answer).
    pub fn error(&self) -> String {
        self.problems
            .iter()
            .map(|p| {
                let one_line = p.split_whitespace().collect::<Vec<_>>().join(" ");
                match one_line.char_indices().nth(MAX_PROBLEM_CHARS) {
                    Some((cut, _)) => format!("{}…", &one_line[..cut]),
                    None => one_line,
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Grades one submission. Never fails: what cannot be read scores 0, and says why.
pub fn grade_one(sub: &Submission, setup: &Setup) -> Graded {
    grade_in_class(
        sub,
        setup,
        &copies::Variants::default(),
        &contexts::Contexts::default(),
    )
}

/// Grades one submission of a class whose variants are `variants`, flagging traces with
/// another student's numbers (see [`copies`]); the exercises' runs come from `contexts`,
/// computed once per variant.
pub fn grade_in_class<'a>(
    sub: &Submission,
    setup: &Setup<'a>,
    variants: &copies::Variants,
    contexts: &contexts::Contexts<'a>,
) -> Graded {
    let mut read = crate::fsutil::with_read_budget(setup.submission_bytes, || {
        submission::read(sub, setup.all)
    });
    budget::limit_trace_lines(&mut read.answers, setup.trace_lines);
    let mut problems = read.problems;
    let empty = Default::default();
    let mut exercises = Vec::new();
    for item in &setup.items {
        let l = item.loaded;
        let given = read.answers.get(&l.id).unwrap_or(&empty);
        let report = setup.quiz.params_for(l, &sub.student).and_then(|p| {
            match contexts.get(l, &p).as_ref() {
                Ok(ctx) => Ok(check_exercise(ctx, given)),
                Err(e) => Err(e.clone()),
            }
        });
        let mut report = match report {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{}: cannot be checked: {e}", l.id));
                ExerciseReport {
                    id: l.id.clone(),
                    title: l.exercise.title.clone(),
                    score: 0.0,
                    max_score: 0.0,
                    questions: Vec::new(),
                }
            }
        };
        copies::flag(
            &mut report,
            l,
            given,
            setup,
            &sub.student,
            variants,
            contexts,
        );
        quiz::scale(&mut report, item.points, item.weight);
        for q in report
            .questions
            .iter()
            .filter(|q| q.status == Status::Invalid)
        {
            problems.push(format!("{}.{}: {}", l.id, q.id, q.feedback));
        }
        exercises.push(report);
    }
    Graded {
        student: sub.student.clone(),
        score: round_score(exercises.iter().map(|e| e.score).sum()),
        max_score: setup.quiz.max_score(),
        exercises,
        problems,
    }
}

/// Grades every submission, in parallel a chunk at a time, and hands each result to `each`
/// in the submissions' order.
pub fn grade_all<'a, E>(
    subs: &[Submission],
    setup: &Setup<'a>,
    mut each: impl FnMut(Graded) -> Result<(), E>,
) -> Result<(), E> {
    let pool = rayon::ThreadPoolBuilder::new().build().ok();
    let class: Vec<String> = subs.iter().map(|s| s.student.clone()).collect();
    let variants = copies::Variants::of_class(setup, &class);
    let contexts = contexts::Contexts::default();
    for chunk in subs.chunks(CHUNK) {
        let grade = || -> Vec<Graded> {
            chunk
                .par_iter()
                .map(|s| grade_in_class(s, setup, &variants, &contexts))
                .collect()
        };
        let graded = match &pool {
            Some(p) => p.install(grade),
            None => grade(),
        };
        for g in graded {
            each(g)?;
        }
    }
    Ok(())
}
