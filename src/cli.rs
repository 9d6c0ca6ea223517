//! The command line: argument definitions and the one place where outcomes become exit codes.
//!
//! Exit codes: 0 everything checked is correct; 1 checked, and something is wrong or missing;
//! 2 could not check (usage error, unknown exercise, unreadable or malformed input).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;
use crate::style::ColorChoice;

/// gbl checks exercises on gradient descent and backpropagation.
#[derive(Debug, Parser)]
#[command(name = "gbl", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// When to use colour: auto (on a terminal without NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output format of the playground and checking commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text (coloured on a terminal).
    #[default]
    Text,
    /// Exactly one JSON document on standard output.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The derivative of an expression, and its value at a point.
    Derive(cmd::derive::Args),
    /// Run gradient descent and print every step and the verdict.
    Descend(cmd::descend::Args),
    /// Forward and backward passes through a graph of named nodes.
    Backprop(cmd::backprop::Args),
}

/// What a command found, when it could check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything checked is correct (or there was nothing to check).
    Correct,
    /// Something is wrong or missing.
    Wrong,
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(Outcome::Correct) => ExitCode::SUCCESS,
        Ok(Outcome::Wrong) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let paint = cli.color.paint();
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Derive(args) => cmd::derive::run(args, paint, &mut out),
        Command::Descend(args) => cmd::descend::run(args, paint, &mut out),
        Command::Backprop(args) => cmd::backprop::run(args, paint, &mut out),
    }
}
