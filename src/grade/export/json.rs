//! The JSON gradebook:
//! `{"quiz", "max_score", "students": [{"student", "score", "max_score", "error",
//! "exercises": [{"id", "score", "max_score", "questions": [{"id", "status", "expected",
//! "given", "feedback", "score", "max_score", "mistake"}]}]}]}`.
//!
//! `error` is null when everything could be read; `mistake` is the diagnosed mistake's code
//! or null. A trace's per-line verdicts are left out (its feedback names the lines).

use serde_json::{Value, json};

use super::super::{Graded, Setup};

/// The JSON gradebook so far.
pub struct JsonBook {
    title: String,
    max_score: f64,
    students: Vec<Value>,
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
    pub fn add(&mut self, g: &Graded) {
        self.students.push(student(g));
    }

    /// The whole document.
    pub fn finish(self) -> Value {
        json!({
            "quiz": self.title,
            "max_score": self.max_score,
            "students": self.students,
        })
    }
}

/// One student's entry.
pub fn student(g: &Graded) -> Value {
    let error = g.error();
    json!({
        "student": g.student,
        "score": g.score,
        "max_score": g.max_score,
        "error": if error.is_empty() { Value::Null } else { json!(error) },
        "exercises": g.exercises.iter().map(|e| json!({
            "id": e.id,
            "score": e.score,
            "max_score": e.max_score,
            "questions": e.questions.iter().map(|q| json!({
                "id": q.id,
                "status": q.status,
                "expected": q.expected,
                "given": q.given,
                "feedback": q.feedback,
                "score": q.score,
                "max_score": q.max_score,
                "mistake": q.mistake,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
