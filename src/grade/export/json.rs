//! The JSON gradebook:
//! `{"quiz", "max_score", "students": [{"student", "score", "max_score", "error",
//! "exercises": [{"id", "score", "max_score", "questions": [{"id", "status", "expected",
//! "given", "feedback", "score", "max_score", "mistake"}]}]}]}`.
//!
//! `error` is null when everything could be read; `mistake` is the diagnosed mistake's code
//! or null. A trace's per-line verdicts are left out (its feedback names the lines).

use std::io::{Seek, SeekFrom, Write};

use serde::Serialize;
use serde_json::{Value, json};

use crate::check::Status;

use super::super::{Graded, Setup};

/// The JSON gradebook so far: each student's pretty-printed text, already indented for its
/// place in the document, is spilled to an unnamed temporary file, so memory holds one
/// student at a time however large the class.
pub(crate) struct JsonBook {
    title: String,
    max_score: f64,
    spill: std::io::BufWriter<std::fs::File>,
    students: usize,
    text: Vec<u8>,
}

impl JsonBook {
    /// An empty gradebook.
    pub(crate) fn new(setup: &Setup) -> std::io::Result<JsonBook> {
        Ok(JsonBook {
            title: setup.quiz.title.clone(),
            max_score: setup.quiz.max_score(),
            spill: std::io::BufWriter::new(tempfile::tempfile()?),
            students: 0,
            text: Vec::new(),
        })
    }

    /// Adds a student.
    pub(crate) fn add(&mut self, g: &Graded) -> anyhow::Result<()> {
        self.text.clear();
        serde_json::to_writer_pretty(&mut self.text, &student(g))?;
        if self.students > 0 {
            self.spill.write_all(b",\n")?;
        }
        // JSON strings hold no raw new line, so every line is indented safely.
        for (i, line) in self.text.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.spill.write_all(b"\n")?;
            }
            self.spill.write_all(b"    ")?;
            self.spill.write_all(line)?;
        }
        self.students += 1;
        Ok(())
    }

    /// Writes the whole document, pretty-printed (as `serde_json::to_vec_pretty` would print
    /// it), with a final new line.
    pub(crate) fn finish_into(self, out: &mut dyn Write) -> anyhow::Result<()> {
        let head = serde_json::to_string_pretty(&json!({
            "quiz": self.title,
            "max_score": self.max_score,
            "students": [],
        }))?;
        let Some(open) = head.strip_suffix("[]\n}") else {
            out.write_all(head.as_bytes())?;
            return Ok(());
        };
        out.write_all(open.as_bytes())?;
        if self.students == 0 {
            out.write_all(b"[]")?;
        } else {
            out.write_all(b"[\n")?;
            let mut spill = self.spill.into_inner().map_err(|e| e.into_error())?;
            spill.seek(SeekFrom::Start(0))?;
            std::io::copy(&mut spill, out)?;
            out.write_all(b"\n  ]")?;
        }
        out.write_all(b"\n}\n")?;
        Ok(())
    }

    /// The whole document, as [`JsonBook::finish_into`] writes it.
    pub(crate) fn finish(self) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        self.finish_into(&mut out)?;
        Ok(out)
    }
}

/// One student's entry, serialised field by field in the order above (no JSON tree is built).
#[derive(Serialize)]
pub(crate) struct Student<'g> {
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
pub(crate) fn student(g: &Graded) -> Student<'_> {
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
