//! `gbl backprop "z = x - 2; y = 2*z^2" --at x=5`: forward and backward passes.

use std::io::Write;

use anyhow::Context;

use super::{Format, Outcome};
use crate::playground::compute;
use crate::render::backprop::{to_json, write_text};
use crate::render::json::print_json;
use crate::style::Paint;

/// Arguments of `gbl backprop`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The graph: statements `name = expression` separated by ';' or new lines; the last
    /// node is the output, e.g. "z = x - 2; y = 2*z^2".
    pub graph: String,
    /// The inputs' values, e.g. x=5 or w=0.5,x=2,b=0,t=3.
    #[arg(long, value_name = "VAR=NUM,...")]
    pub at: Vec<String>,
    /// Also draw the graph (values, local derivatives, gradients) as an SVG to this file.
    #[arg(long, value_name = "FILE")]
    pub plot: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `gbl backprop`.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let (g, p) = compute(&args.graph, &args.at)?;
    if let Some(path) = &args.plot {
        let title = gbl_core::t!("plot-graph-title", output = g.output());
        let svg = crate::plot::figures::graph_svg(&title, &g, &p);
        crate::fsutil::write_atomic(path, svg.as_bytes())
            .with_context(|| format!("writing the plot to {}", path.display()))?;
    }
    match args.format {
        Format::Json => print_json(out, &to_json(&g, &p))?,
        Format::Text => write_text(&g, &p, paint, out)?,
    }
    Ok(Outcome::Correct)
}
