//! `gbl validate [PATH...]`: every problem in exercise files, each with its file, line and
//! column, and proof that each reference solution runs for every variant (see
//! [`crate::authoring`]).

use std::io::Write;
use std::path::PathBuf;

use super::{ExerciseSource, Format, Outcome};
use crate::authoring::validate_paths;
use crate::render::json::print_json;
use crate::style::Paint;

/// Arguments of `gbl validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
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
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    // For authors, and against the English texts: a Korean translation is compared with them.
    gbl_core::i18n::set(gbl_core::i18n::Lang::En);
    let v = validate_paths(&args.paths, &args.source.origin(), || args.source.load())?;
    match args.format {
        Format::Json => print_json(out, &v.json())?,
        Format::Text => v.write_text(paint, out)?,
    }
    Ok(Outcome::of(v.problems.is_empty()))
}
