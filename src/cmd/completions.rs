//! `gbl completions SHELL` and `gbl man`: shell completions and a man page.

use std::io::Write;

use super::Outcome;

/// Arguments of `gbl completions`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Runs `gbl completions`: the completions of `cmd` (the whole command line).
pub(crate) fn run(
    args: Args,
    mut cmd: clap::Command,
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    clap_complete::generate(args.shell, &mut cmd, "gbl", out);
    Ok(Outcome::Correct)
}

/// Runs `gbl man`: the man page of `cmd` in roff, for `gbl man > gbl.1`.
pub(crate) fn man(cmd: clap::Command, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    clap_mangen::Man::new(cmd).render(out)?;
    Ok(Outcome::Correct)
}
