//! Checking a student's answers against the engine, and explaining wrong ones.

// The context of a check, the diagnosis of wrong answers, number comparison, expression
// equivalence and feedback sentences live in the core crate.
pub use gbl_core::check::{Context, diagnose, equiv, feedback, number};

pub mod answers;
pub mod evaluate;
pub mod question;
pub mod render;
pub mod selftest;
pub mod trace;

use indexmap::IndexMap;
use serde::Serialize;

/// A question's status, as in the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Right.
    Correct,
    /// Wrong.
    Wrong,
    /// Not answered.
    Missing,
    /// Answered with something that is not an answer of this kind (`abc` for a number).
    Invalid,
}

/// What the student gave for one question.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    /// A value as written (`2.4`, `12/5`, `(x-2)/5`, `diverges`).
    Text(String),
    /// The text of a trace file, and the name to show for it.
    Trace {
        /// The file's name as the student wrote it.
        name: String,
        /// Its text.
        text: String,
    },
    /// A trace file to be read when it is judged: a long one is judged while it is read
    /// (standard input and answer files give [`Given::Trace`]).
    TraceFile {
        /// The file's name as the student wrote it.
        name: String,
        /// Where it is; checked readable and within the size limit.
        path: std::path::PathBuf,
    },
    /// A trace file that could not be used (outside the folder, missing, too large, binary).
    Unreadable {
        /// The file's name as the student wrote it.
        name: String,
        /// Why.
        reason: String,
    },
}

impl Given {
    /// The value shown in reports.
    pub fn shown(&self) -> String {
        match self {
            Given::Text(t) => t.clone(),
            Given::Trace { name, .. }
            | Given::TraceFile { name, .. }
            | Given::Unreadable { name, .. } => name.clone(),
        }
    }
}

/// The verdict on one question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionReport {
    /// The question's id.
    pub id: String,
    /// Correct, wrong, missing or invalid.
    pub status: Status,
    /// The expected answer, as a JSON value (a number, or a string for expressions, words
    /// and traces).
    pub expected: serde_json::Value,
    /// What the student gave, as written.
    pub given: Option<String>,
    /// What to learn from it.
    pub feedback: String,
    /// Points earned.
    pub score: f64,
    /// Points possible.
    pub max_score: f64,
    /// The diagnosed mistake's code (e.g. `add-gradient`), if one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mistake: Option<String>,
    /// For a trace: the verdict on each line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<trace::TraceReport>,
}

/// The verdict on one exercise.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExerciseReport {
    /// The exercise's id.
    pub id: String,
    /// Its title.
    #[serde(skip)]
    pub title: String,
    /// Points earned.
    pub score: f64,
    /// Points possible.
    pub max_score: f64,
    /// Each question.
    pub questions: Vec<QuestionReport>,
}

impl ExerciseReport {
    /// Whether every question is correct.
    pub fn all_correct(&self) -> bool {
        self.questions.iter().all(|q| q.status == Status::Correct)
    }
}

/// The verdict on everything checked.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Points earned.
    pub score: f64,
    /// Points possible.
    pub max_score: f64,
    /// Each exercise.
    pub exercises: Vec<ExerciseReport>,
}

impl Report {
    /// Builds a report, adding up the scores.
    pub fn new(exercises: Vec<ExerciseReport>) -> Report {
        Report {
            score: round_score(exercises.iter().map(|e| e.score).sum()),
            max_score: round_score(exercises.iter().map(|e| e.max_score).sum()),
            exercises,
        }
    }

    /// Whether every question of every exercise is correct.
    pub fn all_correct(&self) -> bool {
        self.exercises.iter().all(ExerciseReport::all_correct)
    }
}

/// Scores are kept to 1e-9, so that 1/3 + 1/3 + 1/3 adds up to 1.
pub fn round_score(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// Checks one exercise's answers. `answers` maps question ids to what was given; ids that the
/// exercise does not have must have been rejected before.
pub fn check_exercise(ctx: &Context, answers: &IndexMap<String, Given>) -> ExerciseReport {
    let ex = &ctx.loaded.exercise;
    let sig = ex.sig_digits.unwrap_or(3);
    let questions: Vec<QuestionReport> = ex
        .questions
        .iter()
        .map(|q| question::check(ctx, q, answers.get(q.id()), sig))
        .collect();
    ExerciseReport {
        id: ctx.loaded.id.clone(),
        title: ex.title.clone(),
        score: round_score(questions.iter().map(|q| q.score).sum()),
        max_score: round_score(questions.iter().map(|q| q.max_score).sum()),
        questions,
    }
}
