//! `gbl show ID`: the task with its numbers filled in.

use std::io::Write;

use super::{ExerciseSource, Format, Outcome, ParamsArg};
use crate::check::Context;
use crate::exercise::catalog::find;
use crate::grade::quiz::Variant;
use crate::render::json::print_json;
use crate::student::task::{task_json, write_task};
use crate::style::Paint;

/// Arguments of `gbl show`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
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
    /// One variant by its numbers.
    #[command(flatten)]
    pub params: ParamsArg,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl show`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    // A quiz is checked against every exercise; otherwise one is enough.
    let exercises = match args.quiz {
        Some(_) => args.source.load()?,
        None => args.source.load_one(&args.id)?,
    };
    let l = find(&exercises, &args.id)?;
    let variant = match args.params.variant()? {
        Some(v) => v,
        None => Variant::new(args.quiz.as_deref(), args.student.as_deref(), &exercises)?,
    };
    let params = variant.params(l)?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
    if args.format == Format::Json {
        let mut v = task_json(&ctx);
        v["variant"] = serde_json::json!(variant.describe());
        print_json(out, &v)?;
        return Ok(Outcome::Correct);
    }
    write_task(&ctx, paint, out)?;
    if let Some(d) = variant.describe() {
        writeln!(out, "{}", paint.dim(&format!("({d})")))?;
    }
    Ok(Outcome::Correct)
}
