//! `gbl list`: every exercise with its chapter and, given answers, the student's progress
//! (done, started, not started), with the totals.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{ExerciseSource, Format, Outcome, StudentArgs};
use crate::render::json::print_json;
use crate::student::answer_file::check_file;
use crate::student::render::{list_json, list_text};
use crate::style::Paint;

/// Arguments of `gbl list`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// An answer file: show the progress in it (`--answers` alone, or ./answers.yaml when
    /// there is one, reads ./answers.yaml).
    #[arg(
        long,
        value_name = "FILE",
        num_args = 0..=1,
        default_missing_value = "answers.yaml"
    )]
    pub answers: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz and a student: the quiz's exercises, in that student's numbers and points.
    #[command(flatten)]
    pub student: StudentArgs,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl list`.
pub(crate) fn run(mut args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if args.answers.is_none() && Path::new("answers.yaml").is_file() {
        args.answers = Some(PathBuf::from("answers.yaml"));
    }
    let exercises = args.source.load()?;
    let student = args.student.student(&exercises)?;
    let scope = student.scope(&exercises);
    let fc = match &args.answers {
        Some(f) => Some(check_file(f, &exercises, &student)?),
        None => None,
    };
    match args.format {
        Format::Json => print_json(out, &list_json(&scope, fc.as_ref()))?,
        Format::Text => list_text(&scope, fc.as_ref(), paint, out)?,
    }
    Ok(fc.map_or(Outcome::Correct, |fc| Outcome::of(fc.all_right())))
}
