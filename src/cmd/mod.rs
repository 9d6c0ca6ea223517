//! One module per subcommand.

pub mod backprop;
pub mod derive;
pub mod descend;

use crate::engine::{Expr, ParseError, parse};

/// Parses an expression given on the command line; the error shows the spot with a caret.
pub fn parse_arg(what: &str, src: &str) -> anyhow::Result<Expr> {
    parse(src).map_err(|e: ParseError| anyhow::anyhow!("{what}: {}", e.render(src)))
}

/// Prints a JSON document followed by a new line.
pub fn print_json(out: &mut dyn std::io::Write, value: &serde_json::Value) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
