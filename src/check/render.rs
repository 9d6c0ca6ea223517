//! Rendering a check report: coloured text for people, JSON for scripts.

use std::io::Write;

use super::{ExerciseReport, QuestionReport, Report, Status};
use crate::style::Paint;

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

/// One exercise as text.
pub fn exercise_text(e: &ExerciseReport, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
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
        writeln!(
            out,
            "  {} {:<width$}  {}  {feedback}",
            mark(q, paint),
            q.id,
            paint.code(&shown)
        )?;
        if let Some(t) = &q.lines {
            super::trace::render_text(t, paint, out)?;
        }
    }
    Ok(())
}

/// The whole report as text, with a total line when there are several exercises.
pub fn text(r: &Report, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    for e in &r.exercises {
        exercise_text(e, paint, out)?;
    }
    if r.exercises.len() > 1 {
        let right = r.exercises.iter().filter(|e| e.all_correct()).count();
        let line = format!(
            "score {}/{} · {right} of {} exercises fully right",
            score(r.score),
            score(r.max_score),
            r.exercises.len()
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

/// The contract's JSON: `{"score", "max_score", "exercises": [{"id", "score", "max_score",
/// "questions": [{"id", "status", "expected", "given", "feedback"}]}]}`.
pub fn json(r: &Report) -> serde_json::Value {
    serde_json::to_value(r).unwrap_or(serde_json::Value::Null)
}
