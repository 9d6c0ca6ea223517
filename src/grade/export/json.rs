//! The JSON gradebook:
//! `{"quiz", "max_score", "students": [{"student", "score", "max_score", "error",
//! "exercises": [{"id", "score", "max_score", "questions": [{"id", "status", "expected",
//! "given", "feedback", "score", "max_score", "mistake"}]}]}]}`.
//!
//! `error` is null when everything could be read; `mistake` is the diagnosed mistake's code
//! or null. A trace's per-line verdicts are left out (its feedback names the lines).

use serde::Serialize;
use serde_json::{Value, json};

use crate::check::Status;

use super::super::{Graded, Setup};

/// The JSON gradebook so far: each student kept as their pretty-printed text, which is
/// several times smaller than a JSON tree.
pub struct JsonBook {
    title: String,
    max_score: f64,
    students: Vec<String>,
}

impl JsonBook {
    /// An empty gradebook.
    pub fn new(setup: &Setup) -> JsonBook {
        JsonBook {
            title: setup.quiz.title.clone(),
            max_score: setup.quiz.max_score(),
            students: Vec::new(),
        }
    }

    /// Adds a student.
    pub fn add(&mut self, g: &Graded) -> serde_json::Result<()> {
        self.students
            .push(serde_json::to_string_pretty(&student(g))?);
        Ok(())
    }

    /// The whole document, pretty-printed (as `serde_json::to_vec_pretty` would print it),
    /// with a final new line.
    pub fn finish(self) -> serde_json::Result<Vec<u8>> {
        let head = serde_json::to_string_pretty(&json!({
            "quiz": self.title,
            "max_score": self.max_score,
            "students": [],
        }))?;
        let Some(open) = head.strip_suffix("[]\n}") else {
            return Ok(head.into_bytes());
        };
        let mut out = String::from(open);
        if self.students.is_empty() {
            out.push_str("[]");
        } else {
            out.push_str("[\n");
            for (k, s) in self.students.iter().enumerate() {
                // JSON strings hold no raw new line, so every line is indented safely.
                for (i, line) in s.lines().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("    ");
                    out.push_str(line);
                }
                out.push_str(if k + 1 < self.students.len() {
                    ",\n"
                } else {
                    "\n"
                });
            }
            out.push_str("  ]");
        }
        out.push_str("\n}\n");
        Ok(out.into_bytes())
    }
}

/// One student's entry, serialised field by field in the order above (no JSON tree is built).
#[derive(Serialize)]
pub struct Student<'g> {
    student: &'g str,
    score: f64,
    max_score: f64,
    error: Option<String>,
    exercises: Vec<Exercise<'g>>,
}

#[derive(Serialize)]
struct Exercise<'g> {
    id: &'g str,
    score: f64,
    max_score: f64,
    questions: Vec<Question<'g>>,
}

#[derive(Serialize)]
struct Question<'g> {
    id: &'g str,
    status: Status,
    expected: &'g Value,
    given: &'g Option<String>,
    feedback: &'g str,
    score: f64,
    max_score: f64,
    mistake: &'g Option<String>,
}

/// One student's entry.
pub fn student(g: &Graded) -> Student<'_> {
    let error = g.error();
    Student {
        student: &g.student,
        score: g.score,
        max_score: g.max_score,
        error: (!error.is_empty()).then_some(error),
        exercises: g
            .exercises
            .iter()
            .map(|e| Exercise {
                id: &e.id,
                score: e.score,
                max_score: e.max_score,
                questions: e
                    .questions
                    .iter()
                    .map(|q| Question {
                        id: &q.id,
                        status: q.status,
                        expected: &q.expected,
                        given: &q.given,
                        feedback: &q.feedback,
                        score: q.score,
                        max_score: q.max_score,
                        mistake: &q.mistake,
                    })
                    .collect(),
            })
            .collect(),
    }
}
