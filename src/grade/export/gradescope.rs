//! Gradescope's `results.json` for one submission, so that the same binary runs inside
//! Gradescope's autograder: `{"score", "output", "output_format", "tests": [{"name",
//! "score", "max_score", "status", "output", "output_format"}]}`, one test per question,
//! `status` `passed` when the question is right and `failed` otherwise. Outputs are
//! Markdown (`md`).

use serde_json::{Value, json};

use super::super::Graded;
use crate::check::{QuestionReport, Status};
use crate::engine::PyNum;

/// When students see their results on Gradescope (results.json's `visibility`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Visibility {
    /// At once (Gradescope's default).
    Visible,
    /// Never.
    Hidden,
    /// After the assignment's due date.
    AfterDueDate,
    /// After the grades are published.
    AfterPublished,
}

impl Visibility {
    /// The value Gradescope reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Visible => "visible",
            Visibility::Hidden => "hidden",
            Visibility::AfterDueDate => "after_due_date",
            Visibility::AfterPublished => "after_published",
        }
    }
}

/// What the student sees for one question.
fn output(q: &QuestionReport) -> String {
    let mut parts = Vec::new();
    if let Some(g) = &q.given {
        parts.push(format!("given: `{}`", g.replace('`', "'")));
    }
    // A trace's expected output is many lines: its feedback names the lines instead.
    match &q.expected {
        Value::Null => {}
        Value::String(s) if s.contains('\n') => {}
        Value::String(s) => parts.push(format!("expected: `{s}`")),
        // As the feedback shows it: `0.6`, not the float's `0.6000000000000001`.
        Value::Number(n) => {
            let shown = match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => crate::solve::num(PyNum::Int(i)),
                (None, Some(f)) => crate::solve::num(PyNum::Float(f)),
                (None, None) => n.to_string(),
            };
            parts.push(format!("expected: `{shown}`"));
        }
        v => parts.push(format!("expected: `{v}`")),
    }
    parts.push(q.feedback.clone());
    parts.join("  \n")
}

/// The results of one graded submission.
pub fn results(g: &Graded) -> Value {
    let tests: Vec<Value> = g
        .exercises
        .iter()
        .flat_map(|e| {
            e.questions.iter().map(move |q| {
                json!({
                    "name": format!("{}.{}", e.id, q.id),
                    "score": q.score,
                    "max_score": q.max_score,
                    "status": if q.status == Status::Correct { "passed" } else { "failed" },
                    "output": output(q),
                    "output_format": "md",
                })
            })
        })
        .collect();
    let mut summary = format!(
        "{}: {}/{} points",
        g.student,
        super::score(g.score),
        super::score(g.max_score)
    );
    if !g.problems.is_empty() {
        summary.push_str("\n\nCould not be read:\n");
        for p in &g.problems {
            summary.push_str(&format!("\n- {}", p.replace('\n', " ")));
        }
    }
    json!({
        "score": g.score,
        "output": summary,
        "output_format": "md",
        "tests": tests,
    })
}
