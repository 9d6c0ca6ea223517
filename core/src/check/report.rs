//! What checking reports: a question's [`Status`], what the student gave ([`Given`]), and
//! the verdicts on a question, an exercise and everything checked, with the contract's JSON
//! of them ([`json`]).

use std::io::BufRead;
use std::path::Path;

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
    /// (standard input and answer files give [`Given::Trace`]). The core opens no file: the
    /// caller's [`TraceFiles`] reads it.
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
    pub lines: Option<super::trace::TraceReport>,
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

/// How the caller reads a [`Given::TraceFile`]: the core opens no file.
pub trait TraceFiles {
    /// The file as a stream of bytes, to judge a long trace while it is read: `None` when it
    /// cannot be read so (not a regular file, larger than `limit` bytes), and then
    /// [`TraceFiles::text`] is asked.
    fn stream(&self, path: &Path, limit: u64) -> Option<Box<dyn BufRead + '_>>;
    /// The whole file as text (decoded), or why it cannot be read.
    fn text(&self, path: &Path, limit: u64) -> Result<String, Box<dyn std::error::Error>>;
}

/// No files: a [`Given::TraceFile`] cannot be read (a web page has no files to name).
#[derive(Clone, Copy, Debug, Default)]
pub struct NoFiles;

impl TraceFiles for NoFiles {
    fn stream(&self, _: &Path, _: u64) -> Option<Box<dyn BufRead + '_>> {
        None
    }

    fn text(&self, _: &Path, _: u64) -> Result<String, Box<dyn std::error::Error>> {
        Err(crate::t!("answer-no-files").into())
    }
}

/// Whether an exercise's answers may be shown, by exercise id.
pub type Reveal<'a> = &'a dyn Fn(&str) -> bool;

/// The contract's JSON: `{"score", "max_score", "exercises": [{"id", "score", "max_score",
/// "questions": [{"id", "status", "expected", "given", "feedback", "revealed"}]}]}`, with
/// `expected` null until revealed.
pub fn json(r: &Report, reveal: Reveal) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap_or(serde_json::Value::Null);
    let Some(exercises) = v.get_mut("exercises").and_then(|e| e.as_array_mut()) else {
        return v;
    };
    for (e, ev) in r.exercises.iter().zip(exercises) {
        let open = reveal(&e.id);
        let Some(qs) = ev.get_mut("questions").and_then(|q| q.as_array_mut()) else {
            continue;
        };
        for (q, qv) in e.questions.iter().zip(qs) {
            let shown = open || q.status == Status::Correct;
            if !shown {
                qv["expected"] = serde_json::Value::Null;
            }
            qv["revealed"] = serde_json::Value::Bool(shown);
        }
    }
    v
}
