//! `gbl derive EXPR [--wrt VAR] [--at VAR=NUM,...]`: a derivative and its value.

use std::io::Write;

use anyhow::{Context, bail};
use serde_json::json;

use super::{Format, Outcome};
use crate::bindings::bindings;
use crate::engine::budget::try_derivative;
use crate::engine::diff::Rules;
use crate::engine::eval::eval;
use crate::playground::parse_arg;
use crate::render::json::print_json;
use crate::style::Paint;

/// Arguments of `gbl derive`.
#[derive(Debug, clap::Args)]
pub struct Args {
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
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let e = parse_arg("the expression", &args.expr)?;
    let vars = e.variables();
    let wrt = match (&args.wrt, vars.as_slice()) {
        (Some(w), _) => w.clone(),
        (None, [only]) => only.clone(),
        (None, []) => "x".to_string(),
        (None, many) => bail!(
            "the expression has several variables ({}); choose one with --wrt",
            many.join(", ")
        ),
    };
    if !crate::bindings::is_name(&wrt) {
        bail!("--wrt: '{wrt}' is not a variable name");
    }
    let d = try_derivative(&e, &wrt, Rules::default())?;
    let at = bindings(&args.at)
        .map_err(anyhow::Error::msg)
        .context("--at")?;
    let value = if at.is_empty() {
        None
    } else {
        let needed = d.variables();
        if let Some(missing) = needed.iter().find(|v| !at.iter().any(|(n, _)| n == *v)) {
            bail!("--at: the derivative uses '{missing}', which has no value");
        }
        let point = at
            .iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect::<Vec<_>>()
            .join(", ");
        Some(eval(&d, &at).with_context(|| format!("evaluating the derivative at {point}"))?)
    };
    match args.format {
        Format::Json => print_json(
            out,
            &json!({
                "expr": e.to_string(),
                "wrt": wrt,
                "derivative": d.to_string(),
                "value": value,
            }),
        )?,
        Format::Text => {
            writeln!(
                out,
                "{} {}",
                paint.dim(&format!("d/d{wrt}")),
                paint.code(&format!("({e})"))
            )?;
            writeln!(out, "  = {}", paint.strong(&d.presented().to_string()))?;
            if let Some(v) = value {
                let point: Vec<String> = at.iter().map(|(n, v)| format!("{n} = {v}")).collect();
                writeln!(
                    out,
                    "  = {} at {}",
                    paint.strong(&crate::pyfmt::present_num(v)),
                    point.join(", ")
                )?;
            }
        }
    }
    Ok(Outcome::Correct)
}
