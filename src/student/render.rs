//! A checked answer file, rendered: the exercises answered, those not answered, every
//! problem at its line, and the totals ("3 of 12 exercises answered, 2 fully right"); and
//! the list of exercises with the student's progress.

use std::io::Write;

use serde_json::{Value, json};

use super::answer_file::FileCheck;
use crate::check::render::{self, Reveal};
use crate::exercise::load::Loaded;
use crate::grade::summary::score;
use crate::render::json::problem_json;
use crate::style::Paint;
use gbl_core::t;

/// The report as text: answered exercises in full, the others on one line each.
pub(crate) fn text(
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
        writeln!(out, "{}", paint.warn(&t!("cli-not-answered-heading")))?;
        let width = missing.iter().map(|e| e.id.len()).max().unwrap_or(0);
        for e in missing {
            writeln!(out, "  ? {:<width$}  {}", e.id, paint.dim(&e.title))?;
        }
    }
    for d in &fc.problems {
        writeln!(out, "{} {d}", paint.bad(&t!("cli-problem-label")))?;
    }
    let line = totals(fc);
    let good = fc.all_right();
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

/// The contract's check JSON, with `"answered"` on each exercise and, at the top,
/// `"answered"` and `"fully_right"` (counts of exercises) and `"problems"`.
pub(crate) fn json(fc: &FileCheck, reveal: Reveal) -> Value {
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

/// The totals line: `score 7/12 · 3 of 12 exercises answered, 2 fully right`.
pub(crate) fn totals(fc: &FileCheck) -> String {
    t!(
        "cli-totals",
        score = score(fc.report.score),
        max = score(fc.report.max_score),
        answered = fc.answered_count(),
        count = fc.answered.len(),
        right = fc.right_count()
    )
}

/// `gbl list --format json`: `{"exercises": [{"id", "title", "chapter"}]}`, with an answer
/// file each exercise's `progress`, `right`, `questions`, `score` and `max_score`, and at the
/// top the totals and the file's problems.
pub(crate) fn list_json(scope: &[&Loaded], fc: Option<&FileCheck>) -> Value {
    let items: Vec<Value> = scope
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut v =
                json!({"id": l.id, "title": l.exercise.title, "chapter": l.exercise.chapter});
            if let Some(fc) = fc {
                let e = &fc.report.exercises[i];
                let (p, right) = fc.progress(i);
                v["progress"] = json!(p);
                v["right"] = json!(right);
                v["questions"] = json!(e.questions.len());
                v["score"] = json!(e.score);
                v["max_score"] = json!(e.max_score);
            }
            v
        })
        .collect();
    let mut doc = json!({ "exercises": items });
    if let Some(fc) = fc {
        doc["score"] = json!(fc.report.score);
        doc["max_score"] = json!(fc.report.max_score);
        doc["answered"] = json!(fc.answered_count());
        doc["fully_right"] = json!(fc.right_count());
        doc["problems"] = fc.problems.iter().map(problem_json).collect();
    }
    doc
}

/// `gbl list` as text: the exercises by chapter, with an answer file each one's progress,
/// every problem in the file and the totals.
pub(crate) fn list_text(
    scope: &[&Loaded],
    fc: Option<&FileCheck>,
    paint: Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let width = scope.iter().map(|l| l.id.len()).max().unwrap_or(0);
    let mut chapter = String::new();
    for (i, l) in scope.iter().enumerate() {
        if l.exercise.chapter != chapter {
            chapter = l.exercise.chapter.clone();
            writeln!(out, "{}", paint.strong(&chapter))?;
        }
        let status = match fc {
            None => String::new(),
            Some(fc) => match fc.progress(i) {
                ("done", _) => paint.good(&t!("cli-list-done")),
                ("started", right) => paint.bad(&t!(
                    "cli-list-started",
                    right = right,
                    count = fc.report.exercises[i].questions.len()
                )),
                _ => paint.dim(&t!("cli-list-not-started")),
            },
        };
        writeln!(
            out,
            "  {:<width$}  {:<44}  {status}",
            l.id, l.exercise.title
        )?;
    }
    if let Some(fc) = fc {
        for d in &fc.problems {
            writeln!(out, "{} {d}", paint.bad(&t!("cli-problem-label")))?;
        }
        writeln!(out, "{}", paint.strong(&totals(fc)))?;
    }
    Ok(())
}
