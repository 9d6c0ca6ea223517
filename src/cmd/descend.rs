//! `gbl descend EXPR --from VAR=NUM,... --lr NUM --steps N`: a gradient-descent run.

use std::io::Write;

use anyhow::{Context, bail};

use crate::bindings::{bindings, constant, named_exprs};
use crate::cli::{Format, Outcome};
use crate::engine::budget::try_derivative;
use crate::engine::descent::{Problem, Run};
use crate::engine::diff::Rules;
use crate::engine::eval::EvalErrorKind;
use crate::engine::verdict::{Judgement, judge};
use crate::engine::{Expr, PyNum};
use crate::pyfmt::Template;
use crate::style::Paint;

mod stream;

/// The most steps a run may take.
pub const MAX_STEPS: usize = 10_000_000;

/// Arguments of `gbl descend`.
#[derive(Debug, clap::Args)]
pub struct Args {
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

/// A run with everything needed to report it.
pub struct Descent {
    /// The function.
    pub f: Expr,
    /// The compiled problem.
    pub problem: Problem,
    /// The start values.
    pub x0: Vec<PyNum>,
    /// The recorded run.
    pub run: Run,
    /// Its verdict.
    pub judgement: Judgement,
}

/// A descent ready to run: parsed, its gradient compiled and proved, its work budgeted.
pub struct Prepared {
    /// The function.
    pub f: Expr,
    /// The compiled problem.
    pub problem: Problem,
    /// The start values.
    pub x0: Vec<PyNum>,
    /// The learning rate.
    pub lr: PyNum,
    /// The number of updates.
    pub steps: usize,
}

/// Parses and compiles a descent from command-line style arguments, checking a hand-written
/// gradient against f's own derivative and the run's work against the budget.
pub fn prepare(
    expr: &str,
    from: &[String],
    lr: &str,
    steps: usize,
    grad: &[String],
) -> anyhow::Result<Prepared> {
    let f = super::parse_arg("the function", expr)?;
    let named;
    let from = match (from, f.variables().as_slice()) {
        // `--from 3` for a function of one variable means `--from x=3`.
        ([bare], [var]) if !bare.contains('=') && !bare.contains(',') => {
            named = [format!("{var}={bare}")];
            &named[..]
        }
        _ => from,
    };
    let start = bindings(from)
        .map_err(anyhow::Error::msg)
        .context("--from")?;
    if start.is_empty() {
        bail!("--from: give a start value for each variable, e.g. --from x=3");
    }
    let lr = constant(lr).map_err(anyhow::Error::msg).context("--lr")?;
    if steps > MAX_STEPS {
        bail!("--steps: at most {MAX_STEPS} steps");
    }
    let vars: Vec<String> = start.iter().map(|(n, _)| n.clone()).collect();
    for v in f.variables() {
        if !vars.contains(&v) {
            bail!("the function uses '{v}', which has no start value: add {v}=... to --from");
        }
    }
    let explicit = if grad.is_empty() {
        None
    } else {
        let given = named_exprs(grad)
            .map_err(anyhow::Error::msg)
            .context("--grad")?;
        let mut exprs = Vec::new();
        for v in &vars {
            let Some((_, src)) = given.iter().find(|(n, _)| n == v) else {
                bail!("--grad: give a derivative for every variable; '{v}' has none");
            };
            let given = super::parse_arg(&format!("--grad for {v}"), src)?;
            let own = try_derivative(&f, v, Rules::default())?;
            if let Err(why) = crate::engine::equiv::equivalent(&given, &own) {
                let sentence = crate::exercise::gradcheck::mismatch(v, &given, &own, why);
                let sentence = sentence.split("; fix it").next().unwrap_or(&sentence);
                bail!("--grad: {sentence}");
            }
            exprs.push(given);
        }
        if let Some((n, _)) = given.iter().find(|(n, _)| !vars.contains(n)) {
            bail!("--grad: '{n}' is not a variable of the function");
        }
        Some(exprs)
    };
    let problem = Problem::new(&f, &vars, explicit.as_deref())?;
    problem.check_run(steps, false)?;
    let x0: Vec<PyNum> = start.iter().map(|(_, v)| *v).collect();
    Ok(Prepared {
        f,
        problem,
        x0,
        lr,
        steps,
    })
}

/// Builds and runs a descent from command-line style arguments, keeping every step (for the
/// book and plots; the run must fit the storage budget).
pub fn descend(
    expr: &str,
    from: &[String],
    lr: &str,
    steps: usize,
    grad: &[String],
) -> anyhow::Result<Descent> {
    let p = prepare(expr, from, lr, steps, grad)?;
    p.problem.check_run(steps, true)?;
    let run = Run::new(&p.problem, &p.x0, p.lr, steps);
    if let Some(e) = &run.stopped
        && e.error.kind != EvalErrorKind::Overflow
    {
        bail!("the run cannot go on {e}");
    }
    let judgement = judge(&p.problem, &p.x0, p.lr, &run);
    Ok(Descent {
        f: p.f,
        problem: p.problem,
        x0: p.x0,
        run,
        judgement,
    })
}

/// Reads `\n`, `\t` and `\\` in a template typed on the command line as Python would in a
/// string literal, so that `--print "x: {x}\n"` prints an empty line after each step.
pub fn unescape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Runs `gbl descend`: the run is computed twice, once to judge it (and to find the table's
/// column widths) and once to write it, so that nothing grows with the number of steps.
pub fn run(args: Args, paint: Paint, out: &mut dyn Write) -> anyhow::Result<Outcome> {
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
        let svg = crate::figures::descent_svg(&d);
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
