//! A checked answer file, rendered: the exercises answered, those not answered, every
//! problem at its line, and the totals ("3 of 12 exercises answered, 2 fully right").

use std::io::Write;

use serde_json::{Value, json};

use super::student::FileCheck;
use crate::check::render::{self, Reveal};
use crate::exercise::load::Diagnostic;
use crate::style::Paint;

/// A score as shown: at most 2 decimals, trailing zeros dropped (`23.09`, `22`).
pub fn score(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The report as text: answered exercises in full, the others on one line each.
pub fn text(
    fc: &FileCheck,
    reveal: Reveal,
    paint: Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut missing = Vec::new();
    for (e, answered) in fc.report.exercises.iter().zip(&fc.answered) {
        if *answered {
            render::exercise_text(e, reveal(&e.id), paint, out)?;
        } else {
            missing.push(e);
        }
    }
    if !missing.is_empty() {
        writeln!(out, "{}", paint.warn("not answered:"))?;
        let width = missing.iter().map(|e| e.id.len()).max().unwrap_or(0);
        for e in missing {
            writeln!(out, "  ? {:<width$}  {}", e.id, paint.dim(&e.title))?;
        }
    }
    for d in &fc.problems {
        writeln!(out, "{} {d}", paint.bad("problem:"))?;
    }
    let line = format!(
        "score {}/{} · {}",
        score(fc.report.score),
        score(fc.report.max_score),
        fc.summary()
    );
    let good = fc.outcome() == crate::cli::Outcome::Correct;
    writeln!(
        out,
        "{}",
        if good {
            paint.good(&line)
        } else {
            paint.strong(&line)
        }
    )
}

/// A problem as JSON: `{"message", "file", "line", "column"}`.
pub fn problem_json(d: &Diagnostic) -> Value {
    json!({
        "message": d.message,
        "file": d.file,
        "line": d.pos.map(|p| p.line),
        "column": d.pos.map(|p| p.col),
    })
}

/// The contract's check JSON, with `"answered"` on each exercise and, at the top,
/// `"answered"` and `"fully_right"` (counts of exercises) and `"problems"`.
pub fn json(fc: &FileCheck, reveal: Reveal) -> Value {
    let mut v = render::json(&fc.report, reveal);
    if let Some(es) = v.get_mut("exercises").and_then(Value::as_array_mut) {
        for (ev, answered) in es.iter_mut().zip(&fc.answered) {
            ev["answered"] = json!(answered);
        }
    }
    v["answered"] = json!(fc.answered_count());
    v["fully_right"] = json!(fc.right_count());
    v["problems"] = Value::Array(fc.problems.iter().map(problem_json).collect());
    v
}
