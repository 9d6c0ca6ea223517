//! `gbl init [DIR]`: a starter folder for a student.
//!
//! It writes `answers.yaml` with every exercise and question id and an empty value (an
//! empty value is "not answered"), each prompt, with the student's numbers, as a comment;
//! for each trace exercise a starter Python program `ID.py` that prints the required lines
//! from placeholders, with the start and the update left to the student (`# TODO`), never
//! the solution; and an empty `traces/` folder for what the programs print. Existing files
//! are never overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use super::{ExerciseSource, Format, Outcome, StudentArgs};
use crate::render::json::print_json;
use crate::student::starter::starter_files;
use crate::style::Paint;
use gbl_core::t;

/// Arguments of `gbl init`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The folder to write into (created if needed).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A quiz and a student: the quiz's exercises, with that student's numbers.
    #[command(flatten)]
    pub student: StudentArgs,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    if path.exists() {
        bail!(t!("cli-init-exists", path = path.display()));
    }
    std::fs::write(path, text).with_context(|| t!("cli-init-cannot-write", path = path.display()))
}

/// Runs `gbl init`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = args.source.load()?;
    let student = args.student.student(&exercises)?;
    let files = starter_files(&args.dir, &student, &exercises)?;
    // Nothing is written when any file is there already.
    for (p, _) in &files {
        if p.exists() {
            bail!(t!("cli-init-exists", path = p.display()));
        }
    }
    std::fs::create_dir_all(args.dir.join("traces"))
        .with_context(|| t!("cli-init-cannot-create", path = args.dir.display()))?;
    for (p, text) in &files {
        write_new(p, text)?;
    }
    let next = t!("cli-init-next", dir = args.dir.display());
    let written: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    if args.format == Format::Json {
        print_json(out, &serde_json::json!({"written": written, "next": next}))?;
        return Ok(Outcome::Correct);
    }
    for w in &written {
        writeln!(out, "{}", t!("cli-init-wrote", path = w))?;
    }
    writeln!(out, "{}", paint.strong(&next))?;
    Ok(Outcome::Correct)
}
