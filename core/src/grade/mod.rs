//! Grading one submission, from answers already read: each exercise of the quiz checked with
//! the student's numbers and scored in the quiz's points.
//!
//! A student's score on an exercise worth P points whose questions weigh w₁…wₙ (W = Σwᵢ) is
//! Σ P·wᵢ/W over the questions answered right (a trace earns the share of its lines that are
//! right). Reading the submission's files, the class's folder and the thread pool are `gbl`'s
//! (`gbl::grade`).

pub mod budget;
pub mod contexts;
pub mod quiz;

use indexmap::IndexMap;

use crate::check::answers::ExerciseAnswers;
use crate::check::{ExerciseReport, Status, TraceFiles, check_exercise, round_score};
use crate::exercise::compute::ComputeError;
use crate::exercise::load::Loaded;
use quiz::Quiz;

/// An exercise that cannot be computed with a student's numbers (a problem for its author).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{file}: {error}")]
pub struct CannotCompute {
    /// The exercise's file, as shown.
    pub file: String,
    /// What went wrong.
    pub error: ComputeError,
}

/// Why grading cannot start.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SetupError {
    /// The quiz names an exercise that is not there.
    #[error("there is no exercise '{0}'")]
    NoExercise(String),
}

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
    pub fn new(quiz: &'a Quiz, all: &'a [Loaded]) -> Result<Setup<'a>, SetupError> {
        let mut items = Vec::new();
        for e in &quiz.exercises {
            let loaded = all
                .iter()
                .find(|l| l.id == e.id)
                .ok_or_else(|| SetupError::NoExercise(e.id.clone()))?;
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

/// One submission's answers, read: exercise id → its answers, and what could not be read.
#[derive(Clone, Debug, Default)]
pub struct Answers {
    /// The answers, by exercise id.
    pub answers: IndexMap<String, ExerciseAnswers>,
    /// Why something could not be read, each with file, line and column where known.
    pub problems: Vec<String>,
}

/// Grades one student's answers: their traces limited to the submission's lines
/// ([`budget::limit_trace_lines`]), each exercise of the quiz checked with the student's
/// numbers (the runs from `contexts`, computed once per variant), then `flag` (which may mark
/// a question, e.g. a trace with another student's numbers) and the quiz's points. Never
/// fails: what cannot be checked scores 0, and says why.
pub fn grade_answers<'a>(
    student: &str,
    read: Answers,
    setup: &Setup<'a>,
    contexts: &contexts::Contexts<'a>,
    files: &dyn TraceFiles,
    flag: &mut dyn FnMut(&mut ExerciseReport, &'a Loaded, &ExerciseAnswers),
) -> Graded {
    let mut read = read;
    budget::limit_trace_lines(&mut read.answers, setup.trace_lines);
    let mut problems = read.problems;
    let empty = Default::default();
    let mut exercises = Vec::new();
    for item in &setup.items {
        let l = item.loaded;
        let given = read.answers.get(&l.id).unwrap_or(&empty);
        let report =
            setup
                .quiz
                .params_for(l, student)
                .and_then(|p| match contexts.get(l, &p).as_ref() {
                    Ok(ctx) => Ok(check_exercise(ctx, given, files)),
                    Err(e) => Err(e.clone()),
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
        flag(&mut report, l, given);
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
        student: student.to_string(),
        score: round_score(exercises.iter().map(|e| e.score).sum()),
        max_score: setup.quiz.max_score(),
        exercises,
        problems,
    }
}
