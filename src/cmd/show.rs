//! `gbl show ID`: the task with its numbers filled in.

use std::io::Write;

use super::ExerciseSource;
use crate::check::Context;
use crate::cli::{Format, Outcome};
use crate::exercise::model::Question;
use crate::exercise::prompt::fill;
use crate::grade::quiz::Variant;
use crate::style::Paint;

/// Arguments of `gbl show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exercise.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz file: show the numbers --student gets in it (drawn with the quiz's salt).
    #[arg(long, value_name = "QUIZ", requires = "student")]
    pub quiz: Option<std::path::PathBuf>,
    /// The student whose numbers to show (with --quiz).
    #[arg(long, value_name = "NAME", requires = "quiz")]
    pub student: Option<String>,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl show`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    // A quiz is checked against every exercise; otherwise one is enough.
    let exercises = match args.quiz {
        Some(_) => args.source.load()?,
        None => args.source.load_one(&args.id)?,
    };
    let l = super::find(&exercises, &args.id)?;
    let variant = Variant::new(args.quiz.as_deref(), args.student.as_deref(), &exercises)?;
    let params = variant.params(l)?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
    if args.format == Format::Json {
        let mut v = task_json(&ctx);
        v["variant"] = serde_json::json!(variant.describe());
        super::print_json(out, &v)?;
        return Ok(Outcome::Correct);
    }
    write_task(&ctx, paint, out)?;
    if let Some(d) = variant.describe() {
        writeln!(out, "{}", paint.dim(&format!("({d})")))?;
    }
    Ok(Outcome::Correct)
}

/// The task as JSON: `{"id", "title", "chapter", "prompt", "questions": [{"id", "kind",
/// "prompt", "points"}], "hints"}` (`hints`: how many there are), numbers filled in.
pub fn task_json(ctx: &Context) -> serde_json::Value {
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
pub fn write_task(ctx: &Context, paint: Paint, out: &mut dyn Write) -> anyhow::Result<()> {
    let l = ctx.loaded;
    let ex = &l.exercise;
    let fill_or = |t: &str| fill(t, &ctx.results).unwrap_or_else(|_| t.to_string());
    writeln!(
        out,
        "{}  {}",
        paint.strong(&ex.title),
        paint.dim(&format!("({}, chapter '{}')", l.id, ex.chapter))
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
                paint.dim(&format!("print with: {}", shape.join(" / ")))
            )?;
            writeln!(
                out,
                "     {}",
                paint.dim(&format!("({} lines expected)", lines.len()))
            )?;
        } else {
            example.push(format!("{}=...", q.id()));
        }
    }
    writeln!(out)?;
    if !example.is_empty() {
        writeln!(
            out,
            "check with: {}",
            paint.code(&format!("gbl check {} {}", l.id, example.join(" ")))
        )?;
    }
    if ex.questions.iter().any(|q| matches!(q, Question::Trace(_))) {
        writeln!(
            out,
            "check a trace with: {}",
            paint.code(&format!(
                "python3 {id}.py > out.txt; gbl check {id} --trace out.txt",
                id = l.id
            ))
        )?;
        writeln!(
            out,
            "{}",
            paint.dim(&format!(
                "({}.py is your program; 'gbl init' writes a starter that prints these lines)",
                l.id
            ))
        )?;
    }
    if !ex.hints.is_empty() {
        writeln!(out, "{}", paint.dim(&format!("stuck? gbl hint {}", l.id)))?;
    }
    Ok(())
}
