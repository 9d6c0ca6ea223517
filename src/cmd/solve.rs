//! `gbl solve ID`: a worked solution, step by step, produced by the engine.

use std::io::Write;

use super::ExerciseSource;
use crate::cli::Outcome;
use crate::exercise::compute::{Slip, compute, default_params};
use crate::style::Paint;

/// Arguments of `gbl solve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exercise.
    pub id: String,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl solve`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = args.source.load_one(&args.id)?;
    let l = super::find(&exercises, &args.id)?;
    let params =
        default_params(&l.exercise).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
    let results = compute(&l.exercise, &params, Slip::None)
        .map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
    writeln!(
        out,
        "{}  {}",
        paint.strong(&l.exercise.title),
        paint.dim(&format!("({})", l.id))
    )?;
    for line in crate::solve::worked(l, &results) {
        let styled = if line.ends_with(':') {
            paint.strong(&line)
        } else {
            line
        };
        writeln!(out, "  {styled}")?;
    }
    Ok(Outcome::Correct)
}
