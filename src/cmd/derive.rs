//! `gbl derive EXPR [--wrt VAR] [--at VAR=NUM,...]`: a derivative and its value.

use std::io::Write;

use super::{Format, Outcome};
use crate::derivative;
use crate::render::json::print_json;
use crate::style::Paint;

/// Arguments of `gbl derive`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The expression, e.g. "1/10 * x^2".
    #[arg(allow_hyphen_values = true)]
    pub expr: String,
    /// The variable to differentiate by (needed when the expression has several).
    #[arg(long)]
    pub wrt: Option<String>,
    /// Evaluate the derivative at this point, e.g. x=3 or x1=3,x2=-2.
    #[arg(long, value_name = "VAR=NUM,...")]
    pub at: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `gbl derive`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let d = derivative::of(&args.expr, args.wrt.as_deref(), &args.at)?;
    match args.format {
        Format::Json => print_json(out, &d.json())?,
        Format::Text => d.write_text(paint, out)?,
    }
    Ok(Outcome::Correct)
}
