//! `gbl completions SHELL` and `gbl man`: shell completions and a man page.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, Outcome};

/// Arguments of `gbl completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Runs `gbl completions`.
pub fn run(args: Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "gbl", out);
    Ok(Outcome::Correct)
}

/// Runs `gbl man`: the man page in roff, for `gbl man > gbl.1`.
pub fn man(out: &mut dyn Write) -> anyhow::Result<Outcome> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Outcome::Correct)
}
