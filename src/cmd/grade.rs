//! `gbl grade QUIZ PATH`: grade a folder of submissions (being written).

use std::io::Write;

use crate::cli::Outcome;
use crate::style::Paint;

/// Arguments of `gbl grade`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The quiz file.
    pub quiz: std::path::PathBuf,
    /// The folder of submissions.
    pub path: std::path::PathBuf,
}

/// Runs `gbl grade`.
pub fn run(_args: Args, _paint: Paint, _out: &mut dyn Write) -> anyhow::Result<Outcome> {
    anyhow::bail!("gbl grade is not available yet")
}
