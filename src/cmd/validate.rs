//! `gbl validate [PATH...]`: every problem in exercise files, each with its file, line and
//! column, and proof that each reference solution runs for every variant (see
//! [`crate::authoring`]).

use std::io::Write;
use std::path::PathBuf;

use super::{ExerciseSource, Format, Outcome};
use crate::authoring::{Validation, validate_paths};
use crate::exercise::load::Diagnostic;
use crate::render::json::{print_json, problem_json};
use crate::style::Paint;

/// Arguments of `gbl validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exercise files or folders (default: the exercises in use), or quiz files (a
    /// top-level `exercises:` list; checked against the exercises in use, every variant
    /// proved).
    pub paths: Vec<PathBuf>,
    /// Where the exercises come from when no path is given.
    #[command(flatten)]
    pub source: ExerciseSource,
    /// Output format: `json` prints `{"valid", "files", "problems", "warnings"}`, each
    /// problem and warning as `{"message", "file", "line", "column"}`.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `gbl validate`.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let v = validate_paths(&args.paths, &args.source.origin(), || args.source.load())?;
    match args.format {
        Format::Json => write_json(&v, out)?,
        Format::Text => write_text(&v, paint, out)?,
    }
    Ok(Outcome::of(v.problems.is_empty()))
}

fn write_json(v: &Validation, out: &mut dyn Write) -> anyhow::Result<()> {
    let list =
        |ds: &[Diagnostic]| -> Vec<serde_json::Value> { ds.iter().map(problem_json).collect() };
    print_json(
        out,
        &serde_json::json!({
            "valid": v.problems.is_empty(),
            "files": v.files,
            "problems": list(&v.problems),
            "warnings": list(&v.warnings),
        }),
    )
}

fn write_text(v: &Validation, paint: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    for d in &v.problems {
        writeln!(out, "{} {d}", paint.bad("error:"))?;
    }
    for d in &v.warnings {
        writeln!(out, "{} {d}", paint.warn("warning:"))?;
    }
    let count = v.files;
    let what = if v.quizzes {
        "exercise and quiz files"
    } else {
        "exercise files"
    };
    if v.problems.is_empty() {
        let line = format!("{count} {what} are valid; every reference solution runs");
        writeln!(out, "{}", paint.good(&line))
    } else {
        let n = v.problems.len();
        let line = format!(
            "{n} problem{} in {} of {count} {what}",
            if n == 1 { "" } else { "s" },
            v.files_with_problems()
        );
        writeln!(out, "{}", paint.bad(&line))
    }
}
