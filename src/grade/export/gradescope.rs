//! Gradescope's `results.json` for one submission, so that the same binary runs inside
//! Gradescope's autograder: `{"score", "output", "output_format", "tests": [{"name",
//! "score", "max_score", "status", "output", "output_format"}]}`, one test per question,
//! `status` `passed` when the question is right and `failed` otherwise. Outputs are
//! Markdown (`md`).
//!
//! The expected answers are shown in each question's test only when the instructor makes
//! them visible at once (`--expected visible`); otherwise (by default) they are left out of
//! the questions and gathered in one last test, "expected answers", worth no points, that
//! Gradescope shows after the due date (`after_due_date`), after publishing, or never.

use serde_json::{Value, json};

use super::super::Graded;
use crate::check::{QuestionReport, Status};
use crate::engine::PyNum;

/// When students see their results on Gradescope (results.json's `visibility`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Visibility {
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
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Visibility::Visible => "visible",
            Visibility::Hidden => "hidden",
            Visibility::AfterDueDate => "after_due_date",
            Visibility::AfterPublished => "after_published",
        }
    }
}

/// A question's expected answer as shown (`0.6`, not the float's `0.6000000000000001`);
/// `None` for a trace (many lines: its feedback names the lines instead) or no answer.
fn expected(q: &QuestionReport) -> Option<String> {
    match &q.expected {
        Value::Null => None,
        Value::String(s) if s.contains('\n') => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => crate::solve::num(PyNum::Int(i)),
            (None, Some(f)) => crate::solve::num(PyNum::Float(f)),
            (None, None) => n.to_string(),
        }),
        v => Some(v.to_string()),
    }
}

/// What the student sees for one question (with its expected answer when `show_expected`).
fn output(q: &QuestionReport, show_expected: bool) -> String {
    let mut parts = Vec::new();
    if let Some(g) = &q.given {
        parts.push(format!("given: `{}`", g.replace('`', "'")));
    }
    if show_expected && let Some(e) = expected(q) {
        parts.push(format!("expected: `{e}`"));
    }
    match &q.lines {
        // A trace's feedback quotes expected lines: while they are hidden, say only what the
        // student printed and which mistakes were named.
        Some(r) if !show_expected => parts.push(hidden_trace_feedback(r)),
        _ => parts.push(q.feedback.clone()),
    }
    parts.join("  \n")
}

/// A trace's verdict without the reference's numbers: lines right, the first line that
/// departs, and the mistakes named (their sentences quote only the task and the student's
/// own lines, except a coarse print, whose sentence names the digits asked).
fn hidden_trace_feedback(r: &crate::check::trace::TraceReport) -> String {
    let mut out = format!("{} of {} lines right", r.right, r.counted);
    if let Some(n) = r.first_departure {
        out.push_str(&format!("; the first line that departs is line {n}"));
    }
    for f in &r.findings {
        out.push_str(&format!("; {}", f.message));
    }
    out.push_str(" (the expected lines are shown after the due date)");
    out
}

/// The test that gathers every expected answer, shown to students at `when`.
fn expected_test(g: &Graded, when: Visibility) -> Value {
    let mut lines = Vec::new();
    for e in &g.exercises {
        for q in &e.questions {
            let shown = expected(q).unwrap_or_else(|| "see `gbl solve` (a trace)".into());
            lines.push(format!(
                "- {}.{}: `{}`",
                e.id,
                q.id,
                shown.replace('`', "'")
            ));
        }
    }
    json!({
        "name": "expected answers",
        "score": 0,
        "max_score": 0,
        "output": lines.join("\n"),
        "output_format": "md",
        "visibility": when.as_str(),
    })
}

/// The results of one graded submission, the expected answers shown to students at
/// `expected_when`.
pub(crate) fn results(g: &Graded, expected_when: Visibility) -> Value {
    let show = expected_when == Visibility::Visible;
    let mut tests: Vec<Value> = g
        .exercises
        .iter()
        .flat_map(|e| {
            e.questions.iter().map(move |q| {
                json!({
                    "name": format!("{}.{}", e.id, q.id),
                    "score": q.score,
                    "max_score": q.max_score,
                    "status": if q.status == Status::Correct { "passed" } else { "failed" },
                    "output": output(q, show),
                    "output_format": "md",
                })
            })
        })
        .collect();
    if !show {
        tests.push(expected_test(g, expected_when));
    }
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
