//! Rendering a check report: coloured text for people, JSON for scripts.
//!
//! A student sees the expected answer of a question only once it is revealed (`--reveal`,
//! `gbl solve`, or the last hint): `reveal(exercise id)` says so. Until then the JSON has
//! `"expected": null, "revealed": false`; a correct answer counts as revealed.

use std::io::Write;

use super::{ExerciseReport, QuestionReport, Report, Status};
// The contract's JSON is the core's: the web page builds it too.
use crate::style::Paint;
pub use gbl_core::check::report::{Reveal, json};

fn score(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn mark(q: &QuestionReport, paint: Paint) -> String {
    match q.status {
        Status::Correct => paint.good("✓"),
        Status::Wrong => paint.bad("✗"),
        Status::Missing => paint.warn("?"),
        Status::Invalid => paint.bad("!"),
    }
}

/// An expected value as a student reads it: `0.6`, not the float's `0.6000000000000001`.
pub(crate) fn shown_expected(v: &serde_json::Value) -> Option<String> {
    use crate::engine::PyNum;
    match v {
        serde_json::Value::Null => None,
        // A trace's expected output is many lines: its feedback shows them.
        serde_json::Value::String(s) if s.contains('\n') => None,
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => crate::solve::num(PyNum::Int(i)),
            (None, Some(f)) => crate::solve::num(PyNum::Float(f)),
            (None, None) => n.to_string(),
        }),
        other => Some(other.to_string()),
    }
}

/// One exercise as text; with `revealed`, the answer of each question not right.
pub(crate) fn exercise_text(
    e: &ExerciseReport,
    revealed: bool,
    paint: Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let total = format!("{}/{}", score(e.score), score(e.max_score));
    let total = if e.all_correct() {
        paint.good(&total)
    } else {
        paint.bad(&total)
    };
    writeln!(
        out,
        "{}  {}  {total}",
        paint.strong(&e.id),
        paint.dim(&e.title)
    )?;
    let width = e
        .questions
        .iter()
        .map(|q| q.id.chars().count())
        .max()
        .unwrap_or(0);
    for q in &e.questions {
        let given = crate::clip::plain(q.given.as_deref().unwrap_or_default());
        let feedback = match q.status {
            Status::Correct => paint.good(&q.feedback),
            Status::Wrong | Status::Invalid => paint.bad(&q.feedback),
            Status::Missing => paint.warn(&q.feedback),
        };
        let shown = if q.lines.is_some() {
            given
        } else {
            format!("{given:<8}")
        };
        let feedback = match shown_expected(&q.expected) {
            Some(x) if revealed && q.status != Status::Correct => {
                format!(
                    "{feedback}  {}",
                    paint.dim(&gbl_core::t!("cli-check-answer", answer = x))
                )
            }
            _ => feedback,
        };
        writeln!(
            out,
            "  {} {:<width$}  {}  {feedback}",
            mark(q, paint),
            q.id,
            paint.code(&shown)
        )?;
        if let Some(t) = &q.lines {
            super::trace_text::render_text(t, paint, out)?;
        }
    }
    Ok(())
}

/// The whole report as text, with a total line when there are several exercises.
pub fn text(r: &Report, reveal: Reveal, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    for e in &r.exercises {
        exercise_text(e, reveal(&e.id), paint, out)?;
    }
    if r.exercises.len() > 1 {
        let right = r.exercises.iter().filter(|e| e.all_correct()).count();
        let line = gbl_core::t!(
            "cli-check-score",
            score = score(r.score),
            max = score(r.max_score),
            right = right,
            count = r.exercises.len()
        );
        writeln!(
            out,
            "{}",
            if r.all_correct() {
                paint.good(&line)
            } else {
                paint.strong(&line)
            }
        )?;
    }
    Ok(())
}
