//! `gbl gradescope QUIZ [-o autograder.zip]`: Gradescope's autograder in one upload (see
//! [`crate::grade::autograder`] for what it holds and how it runs).
//!
//! Exit codes: 0 the package was written; 2 the quiz, its exercises or the binary cannot be
//! used, or the package cannot be written.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;

use super::{ExerciseSource, Outcome};
use crate::fsutil::{check_output, write_atomic};
use crate::grade::autograder::{self, Package, read_binary};
use crate::grade::class::usable_quiz;
use crate::grade::export::gradescope::Visibility;
use crate::style::Paint;

/// Arguments of `gbl gradescope`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Upload the package as the assignment's autograder (Gradescope: Configure Autograder, zip file \
upload). It holds setup.sh, run_autograder, the quiz, its exercises and a gbl binary. Each \
student's numbers are keyed by the identity in /autograder/submission_metadata.json (their \
email, else their student id, else their Gradescope id): the key to give \
'gbl show --quiz QUIZ --student KEY'. Students upload answers.yaml and the trace files it names.")]
pub(crate) struct Args {
    /// The quiz file.
    pub quiz: PathBuf,
    /// The package to write.
    #[arg(short, long, value_name = "FILE", default_value = "autograder.zip")]
    pub output: PathBuf,
    /// The gbl binary to package (default: this one). Gradescope's images are x86-64 Linux:
    /// a static build (cargo build --release --target x86_64-unknown-linux-musl) runs on any.
    #[arg(long, value_name = "FILE")]
    pub binary: Option<PathBuf>,
    /// When students see the expected answers.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = Visibility::AfterDueDate)]
    pub expected: Visibility,
    /// When students see their results (default: at once, as Gradescope does).
    #[arg(long, value_enum, value_name = "WHEN")]
    pub visibility: Option<Visibility>,
    /// Where the exercises come from.
    #[command(flatten)]
    pub source: ExerciseSource,
}

/// Runs `gbl gradescope`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let exercises = args.source.load()?;
    let q = usable_quiz(&args.quiz, &exercises)?;
    let chosen: Vec<_> = q
        .quiz
        .exercises
        .iter()
        .filter_map(|e| exercises.iter().find(|l| l.id == e.id))
        .collect();
    let binary_path = match &args.binary {
        Some(b) => b.clone(),
        None => std::env::current_exe().context("cannot find the gbl binary to package")?,
    };
    let binary = read_binary(&binary_path)?;
    check_output(&args.output)
        .with_context(|| format!("cannot write the package {}", args.output.display()))?;
    let package = Package {
        quiz: &q.source.text,
        exercises: chosen,
        binary,
        expected: args.expected,
        visibility: args.visibility,
    };
    let bytes = autograder::zip(&package)?;
    write_atomic(&args.output, &bytes)
        .with_context(|| format!("cannot write the package {}", args.output.display()))?;
    let salt_note = if q.quiz.salt.is_none() {
        "; the quiz has no salt, so every student gets the same numbers"
    } else {
        ""
    };
    writeln!(
        out,
        "{}",
        paint.good(&format!(
            "{}: the autograder for '{}' ({} exercises, gbl from {}){salt_note}",
            args.output.display(),
            q.quiz.title,
            package.exercises.len(),
            binary_path.display()
        ))
    )?;
    Ok(Outcome::Correct)
}
