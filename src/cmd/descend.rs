//! `gbl descend EXPR --from VAR=NUM,... --lr NUM --steps N`: a gradient-descent run.

use std::io::Write;

use anyhow::Context;

use super::{Format, Outcome};
use crate::playground::{descend, prepare, unescape};
use crate::pyfmt::Template;
use crate::render::descent as stream;
use crate::style::Paint;

/// Arguments of `gbl descend`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The function to minimise, e.g. "1/10 * x^2" or "x1^2 + x2^2".
    #[arg(allow_hyphen_values = true)]
    pub expr: String,
    /// The start point, e.g. x=3 or x1=3,x2=-2 (an int prints as 3, a float as 3.0).
    /// A function of one variable may take a bare number: --from 3, --from -1.
    #[arg(
        long,
        value_name = "VAR=NUM,...",
        required = true,
        allow_hyphen_values = true
    )]
    pub from: Vec<String>,
    /// The learning rate (a number or a fraction such as 1/10).
    #[arg(long, default_value = "1", allow_hyphen_values = true)]
    pub lr: String,
    /// The number of updates.
    #[arg(long, default_value_t = 10)]
    pub steps: usize,
    /// A hand-written derivative instead of the function's own, e.g. --grad "x=1/5*x"
    /// (one per variable).
    #[arg(long, value_name = "VAR=EXPR")]
    pub grad: Vec<String>,
    /// Print each update with a Python format template instead of a table, e.g.
    /// "{i}-th x: {x:.4f}". Fields: i, each variable, y (f at the new point), grad or
    /// grad_VAR (the gradient used for this update), lr. `\n` starts a new line.
    #[arg(long, value_name = "TEMPLATE")]
    pub print: Option<String>,
    /// With --print: a template printed once before the updates, with the start point
    /// (e.g. "Initial x: {x}").
    #[arg(long, value_name = "TEMPLATE", requires = "print")]
    pub header: Option<String>,
    /// Also draw the run as an SVG plot to this file.
    #[arg(long, value_name = "FILE")]
    pub plot: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs `gbl descend`: the run is computed twice, once to judge it (and to find the table's
/// column widths) and once to write it, so that nothing grows with the number of steps.
pub(crate) fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let template = |flag: &str, src: &Option<String>| -> anyhow::Result<Option<Template>> {
        let Some(src) = src else { return Ok(None) };
        let t = unescape(src);
        Template::parse(&t)
            .map(Some)
            .map_err(|e| anyhow::anyhow!("{flag}: {}\n{}", e.message, e.render_with_caret(&t)))
    };
    let print = template("--print", &args.print)?;
    let header = template("--header", &args.header)?;
    if let Some(path) = &args.plot {
        let d = descend(&args.expr, &args.from, &args.lr, args.steps, &args.grad)?;
        let svg = crate::plot::figures::descent_svg(&d);
        crate::fsutil::write_atomic(path, svg.as_bytes())
            .with_context(|| format!("writing the plot to {}", path.display()))?;
    }
    let p = prepare(&args.expr, &args.from, &args.lr, args.steps, &args.grad)?;
    let table = matches!((args.format, &print), (Format::Text, None));
    let seen = stream::survey(&p, table)?;
    let mut out = std::io::BufWriter::new(out);
    match (args.format, &print) {
        (Format::Json, _) => stream::write_json(&p, &seen, &mut out)?,
        (Format::Text, Some(t)) => stream::write_templates(&p, header.as_ref(), t, &mut out)?,
        (Format::Text, None) => stream::write_table(&p, &seen, paint, &mut out)?,
    }
    out.flush()?;
    Ok(Outcome::Correct)
}
