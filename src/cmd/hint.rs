//! `gbl hint ID`: the next hint each time it is asked for the same exercise.
//!
//! How many hints each exercise has shown is kept in gbl's state folder (see
//! [`super::state`]); after the last hint, `gbl check` shows the exercise's answers.

use std::io::Write;

use super::ExerciseSource;
use super::state::{key, load as load_state, save as save_state};
use super::student::{Student, StudentArgs};
use crate::check::Context;
use crate::cli::Outcome;
use crate::exercise::prompt::fill;
use crate::style::Paint;

/// Arguments of `gbl hint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exercise.
    pub id: String,
    /// Show every hint at once.
    #[arg(long)]
    pub all: bool,
    /// Start again from the first hint.
    #[arg(long, conflicts_with = "all")]
    pub reset: bool,
    /// A quiz and a student: hints with that student's numbers.
    #[command(flatten)]
    pub student: StudentArgs,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl hint`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = match args.student.quiz {
        Some(_) => args.source.load()?,
        None => args.source.load_one(&args.id)?,
    };
    let l = super::find(&exercises, &args.id)?;
    let student = Student::new(&args.student, &exercises)?;
    let k = key(&l.id, student.name());
    let hints = &l.exercise.hints;
    if hints.is_empty() {
        writeln!(out, "'{}' has no hints; try 'gbl solve {}'", l.id, l.id)?;
        return Ok(Outcome::Correct);
    }
    let params = student.variant.params(l)?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{e}"))?;
    let text = |i: usize| fill(&hints[i], &ctx.results).unwrap_or_else(|_| hints[i].clone());
    let mut state = load_state();
    if args.reset {
        state.remove(&k);
        save_state(&state);
        writeln!(out, "hints for '{}' start again from the first", l.id)?;
        return Ok(Outcome::Correct);
    }
    if args.all {
        for i in 0..hints.len() {
            writeln!(
                out,
                "{} {}",
                paint.strong(&format!("hint {}/{}:", i + 1, hints.len())),
                text(i).trim_end()
            )?;
        }
        return Ok(Outcome::Correct);
    }
    let shown = state.get(&k).copied().unwrap_or(0);
    let i = shown.min(hints.len() - 1);
    writeln!(
        out,
        "{} {}",
        paint.strong(&format!("hint {}/{}:", i + 1, hints.len())),
        text(i).trim_end()
    )?;
    if i + 1 == hints.len() && student.may_reveal() {
        writeln!(
            out,
            "{}",
            paint.dim(&format!(
                "that was the last hint; 'gbl check' now shows the answers, and 'gbl solve {}' a worked solution",
                l.id
            ))
        )?;
    }
    state.insert(k, (i + 1).min(hints.len()));
    save_state(&state);
    Ok(Outcome::Correct)
}
