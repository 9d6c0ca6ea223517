//! `gbl mdbook`: the book's mdBook preprocessor (being written).

use std::io::Write;

use crate::cli::Outcome;

/// Arguments of `gbl mdbook`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `gbl mdbook`.
pub fn run(_args: Args, _out: &mut dyn Write) -> anyhow::Result<Outcome> {
    anyhow::bail!("gbl mdbook is not available yet")
}
