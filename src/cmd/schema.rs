//! `gbl schema`: the JSON Schema of exercise files, for editors.

use std::io::Write;

use crate::cli::Outcome;
use crate::exercise::model::Exercise;

/// Arguments of `gbl schema`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The exercise schema as JSON.
pub fn exercise_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Exercise)).unwrap_or(serde_json::Value::Null)
}

/// Runs `gbl schema`.
pub fn run(_args: Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    super::print_json(out, &exercise_schema())?;
    Ok(Outcome::Correct)
}
