//! `gbl solve ID`: a worked solution, step by step, produced by the engine. It reveals the
//! exercise's answers: `gbl check` shows them from then on (until `gbl hint ID --reset`).
//! A quiz may close solutions (`solutions: false`).

use std::io::Write;

use super::{ExerciseSource, Format, Outcome, ParamsArg, StudentArgs};
use crate::render::json::print_json;
use crate::student::solution::solution;
use crate::style::Paint;

/// Arguments of `gbl solve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The exercise.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz and a student: the solution with that student's numbers.
    #[command(flatten)]
    pub student: StudentArgs,
    /// One variant by its numbers.
    #[command(flatten)]
    pub params: ParamsArg,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl solve`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let chosen = args.student.choose(&args.source, &args.id, &args.params)?;
    let (l, student) = (chosen.exercise(), &chosen.student);
    let solution = solution(l, student)?;
    match args.format {
        Format::Json => print_json(out, &solution.json())?,
        Format::Text => solution.write_text(paint, out)?,
    }
    Ok(Outcome::Correct)
}
