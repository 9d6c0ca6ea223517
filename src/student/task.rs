//! An exercise's task as the student sees it, its numbers filled in: as text (title,
//! prompt, questions and how to check them) or as JSON.

use std::io::Write;

use crate::check::Context;
use crate::exercise::model::Question;
use crate::exercise::prompt::fill;
use crate::style::Paint;
use gbl_core::t;

/// The task as JSON: `{"id", "title", "chapter", "prompt", "questions": [{"id", "kind",
/// "prompt", "points"}], "hints"}` (`hints`: how many there are), numbers filled in.
pub(crate) fn task_json(ctx: &Context) -> serde_json::Value {
    let l = ctx.loaded;
    let ex = &l.exercise;
    let fill_or = |t: &str| fill(t, &ctx.results).unwrap_or_else(|_| t.to_string());
    let questions: Vec<serde_json::Value> = ex
        .questions
        .iter()
        .map(|q| {
            serde_json::json!({
                "id": q.id(),
                "kind": q.kind(),
                "prompt": fill_or(q.prompt()).trim_end(),
                "points": q.points(),
            })
        })
        .collect();
    serde_json::json!({
        "id": l.id,
        "title": ex.title,
        "chapter": ex.chapter,
        "prompt": fill_or(&ex.prompt).trim_end(),
        "questions": questions,
        "hints": ex.hints.len(),
    })
}

/// The task: title, chapter, prompt, questions and how to check them.
pub(crate) fn write_task(ctx: &Context, paint: Paint, out: &mut dyn Write) -> anyhow::Result<()> {
    let l = ctx.loaded;
    let ex = &l.exercise;
    let fill_or = |t: &str| fill(t, &ctx.results).unwrap_or_else(|_| t.to_string());
    writeln!(
        out,
        "{}  {}",
        paint.strong(&ex.title),
        paint.dim(&t!("cli-task-heading", id = l.id, chapter = ex.chapter))
    )?;
    writeln!(out)?;
    for line in fill_or(&ex.prompt).trim_end().lines() {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    let mut example = Vec::new();
    for q in &ex.questions {
        writeln!(
            out,
            "  {} {}",
            paint.code(&format!("{}:", q.id())),
            fill_or(q.prompt()).trim_end()
        )?;
        if let Question::Trace(t) = q {
            let lines = crate::check::trace::reference_lines(t, &ctx.results).unwrap_or_default();
            let shape: Vec<String> = t
                .header
                .iter()
                .chain(&t.step)
                .chain(&t.footer)
                .cloned()
                .collect();
            writeln!(
                out,
                "     {}",
                paint.dim(&t!("cli-task-print-with", shape = shape.join(" / ")))
            )?;
            writeln!(
                out,
                "     {}",
                paint.dim(&t!("cli-task-lines-expected", count = lines.len()))
            )?;
        } else {
            example.push(format!("{}=...", q.id()));
        }
    }
    writeln!(out)?;
    if !example.is_empty() {
        let command = paint.code(&format!("gbl check {} {}", l.id, example.join(" ")));
        writeln!(out, "{}", t!("cli-task-check-with", command = command))?;
    }
    if ex.questions.iter().any(|q| matches!(q, Question::Trace(_))) {
        let command = paint.code(&format!(
            "python3 {id}.py > out.txt; gbl check {id} --trace out.txt",
            id = l.id
        ));
        writeln!(
            out,
            "{}",
            t!("cli-task-check-trace-with", command = command)
        )?;
        writeln!(out, "{}", paint.dim(&t!("cli-task-starter", id = l.id)))?;
    }
    if !ex.hints.is_empty() {
        writeln!(out, "{}", paint.dim(&t!("cli-task-stuck", id = l.id)))?;
    }
    Ok(())
}
