//! `gbl hint ID`: the next hint each time it is asked for the same exercise (see
//! [`crate::student::hints`]).

use std::io::Write;

use super::{ExerciseSource, Format, Outcome, ParamsArg, StudentArgs};
use crate::render::json::print_json;
use crate::student::hints::hints;
use crate::style::Paint;

/// Arguments of `gbl hint`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The exercise.
    pub id: String,
    /// Show every hint at once.
    #[arg(long)]
    pub all: bool,
    /// Start again from the first hint.
    #[arg(long, conflicts_with = "all")]
    pub reset: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz and a student: hints with that student's numbers.
    #[command(flatten)]
    pub student: StudentArgs,
    /// One variant by its numbers.
    #[command(flatten)]
    pub params: ParamsArg,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl hint`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let chosen = args.student.choose(&args.source, &args.id, &args.params)?;
    let (l, student) = (chosen.exercise(), &chosen.student);
    let shown = hints(l, student, args.all, args.reset)?;
    match args.format {
        Format::Json => print_json(out, &shown.json())?,
        Format::Text => shown.write_text(paint, out)?,
    }
    Ok(Outcome::Correct)
}
