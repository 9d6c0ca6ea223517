//! `gbl schema [exercise|quiz|check|list|error]`: the JSON Schema of exercise or quiz files,
//! for editors, or of what `gbl check`, `gbl list` and any failing command print with
//! `--format json`, for scripts.

use std::io::Write;

use super::Outcome;
use crate::playground::exercise_schema;
use crate::render::json::print_json;
use crate::render::schema as output;

/// Arguments of `gbl schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Which file format.
    #[arg(value_enum, default_value_t = Kind::Exercise)]
    pub kind: Kind,
}

/// The file formats with a schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Kind {
    /// Exercise files (`exercises/ID.yaml`).
    Exercise,
    /// Quiz files (`gbl grade QUIZ PATH`).
    Quiz,
    /// What `gbl check --format json` prints.
    Check,
    /// What `gbl list --format json` prints.
    List,
    /// What any command prints with `--format json` when it exits with 2.
    Error,
}

/// Runs `gbl schema`.
pub(crate) fn run(args: Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let schema = match args.kind {
        Kind::Exercise => exercise_schema(),
        Kind::Quiz => serde_json::to_value(schemars::schema_for!(crate::grade::quiz::Quiz))
            .unwrap_or(serde_json::Value::Null),
        Kind::Check => output::check(),
        Kind::List => output::list(),
        Kind::Error => output::error(),
    };
    print_json(out, &schema)?;
    Ok(Outcome::Correct)
}
