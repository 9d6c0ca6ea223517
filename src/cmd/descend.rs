//! `gbl descend EXPR --from VAR=NUM,... --lr NUM --steps N`: a gradient-descent run.

use std::io::Write;

use anyhow::{Context, bail};
use serde_json::{Map, Value, json};

use crate::bindings::{bindings, constant, named_exprs};
use crate::cli::{Format, Outcome};
use crate::engine::descent::{Problem, Run};
use crate::engine::eval::EvalErrorKind;
use crate::engine::verdict::{Judgement, judge, short};
use crate::engine::{Expr, PyNum};
use crate::pyfmt::Template;
use crate::style::Paint;
use crate::trace::render::{StepFields, render_templates};

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

/// Builds and runs a descent from command-line style arguments.
pub fn descend(
    expr: &str,
    from: &[String],
    lr: &str,
    steps: usize,
    grad: &[String],
) -> anyhow::Result<Descent> {
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
            let own = crate::engine::derivative(&f, v);
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
    let x0: Vec<PyNum> = start.iter().map(|(_, v)| *v).collect();
    let run = Run::new(&problem, &x0, lr, steps);
    if let Some(e) = &run.stopped
        && e.error.kind != EvalErrorKind::Overflow
    {
        bail!("the run cannot go on {e}");
    }
    let judgement = judge(&problem, &x0, lr, &run);
    Ok(Descent {
        f,
        problem,
        x0,
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

/// Runs `gbl descend`.
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
    let d = descend(&args.expr, &args.from, &args.lr, args.steps, &args.grad)?;
    if let Some(path) = &args.plot {
        let svg = crate::figures::descent_svg(&d);
        crate::fsutil::write_atomic(path, svg.as_bytes())
            .with_context(|| format!("writing the plot to {}", path.display()))?;
    }
    match (args.format, &print) {
        (Format::Json, _) => super::print_json(out, &to_json(&d))?,
        (Format::Text, Some(t)) => {
            let fields = StepFields::new(&d.run);
            let mut lines = Vec::new();
            render_templates(&fields, header.as_ref(), t, None, &mut lines)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            for l in lines {
                writeln!(out, "{l}")?;
            }
        }
        (Format::Text, None) => write_table(&d, paint, out)?,
    }
    Ok(Outcome::Correct)
}

fn point_json(vars: &[String], values: &[PyNum]) -> Value {
    let mut m = Map::new();
    for (v, x) in vars.iter().zip(values) {
        m.insert(v.clone(), json!(x));
    }
    Value::Object(m)
}

/// The contract's JSON: expr, lr, steps [{i, point, value, gradient}], verdict; plus the
/// verdict's reason, the decisive factor, lr_max, x_star, diverged_at and the derivatives.
pub fn to_json(d: &Descent) -> Value {
    let run = &d.run;
    let steps: Vec<Value> = (0..run.len())
        .map(|k| {
            json!({
                "i": k,
                "point": point_json(&run.vars, run.point(k)),
                "value": run.value(k),
                "gradient": point_json(&run.vars, run.gradient(k)),
            })
        })
        .collect();
    let mut derivative = Map::new();
    for (v, g) in run.vars.iter().zip(d.problem.grad_exprs()) {
        derivative.insert(v.clone(), json!(g.to_string()));
    }
    let j = &d.judgement;
    json!({
        "expr": d.f.to_string(),
        "lr": run.lr,
        "steps": steps,
        "verdict": j.verdict.name(),
        "reason": j.reason,
        "factor": j.factor,
        "lr_max": j.lr_max,
        "x_star": j.x_star.as_ref().map(|x| {
            let m: Map<String, Value> = run.vars.iter().cloned().zip(x.iter().map(|v| json!(v))).collect();
            Value::Object(m)
        }),
        "diverged_at": j.diverged_at,
        "stopped": run.stopped.as_ref().map(|e| e.to_string()),
        "derivative": derivative,
    })
}

fn write_table(d: &Descent, paint: Paint, out: &mut dyn Write) -> anyhow::Result<()> {
    let run = &d.run;
    let vars = &run.vars;
    let grads: Vec<String> = vars
        .iter()
        .zip(d.problem.grad_exprs())
        .map(|(v, g)| format!("∂f/∂{v} = {g}"))
        .collect();
    writeln!(out, "{} {}", paint.dim("f ="), paint.code(&d.f.to_string()))?;
    writeln!(out, "{}", paint.dim(&grads.join("    ")))?;
    writeln!(
        out,
        "{}",
        paint.dim(&format!(
            "lr = {}, from {}",
            run.lr,
            crate::engine::descent::format_point(vars, &d.x0)
        ))
    )?;
    let mut head = vec!["step".to_string()];
    head.extend(vars.iter().cloned());
    head.push("f".into());
    head.extend(vars.iter().map(|v| format!("∂f/∂{v}")));
    let rows: Vec<Vec<String>> = (0..run.len())
        .map(|k| {
            let mut r = vec![k.to_string()];
            r.extend(run.point(k).iter().map(|x| cell(*x)));
            r.push(cell(run.value(k)));
            r.extend(run.gradient(k).iter().map(|x| cell(*x)));
            r
        })
        .collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain([head[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:>w$}"))
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(out, "{}", paint.strong(&line(&head)))?;
    for r in &rows {
        writeln!(out, "{}", line(r))?;
    }
    if let Some(e) = &run.stopped {
        writeln!(out, "{}", paint.bad(&format!("stopped {e}")))?;
    }
    let j = &d.judgement;
    let verdict = match j.verdict {
        crate::engine::Verdict::Converges | crate::engine::Verdict::Oscillates => {
            paint.good(j.verdict.name())
        }
        _ => paint.bad(j.verdict.name()),
    };
    writeln!(out, "verdict: {verdict}: {}", j.reason)?;
    match (j.diverged_at, &run.stopped) {
        // The reason already says where the run left its bound.
        (Some(k), _) if j.reason.contains(&format!("at step {k}")) => {}
        (Some(k), Some(stop)) if stop.step == k => {
            writeln!(out, "the values stop being finite numbers at step {k}")?
        }
        (Some(k), _) => {
            let x0: Vec<f64> = d.x0.iter().map(|x| x.to_f64()).collect();
            let b = crate::engine::verdict::bound(&x0);
            writeln!(out, "|x| passes {} at step {k}", short(b))?
        }
        (None, _) => {}
    }
    if let Some(m) = j.lr_max {
        writeln!(out, "learning rates below {} converge", short(m))?;
    }
    Ok(())
}

/// A table cell: up to 6 significant digits.
fn cell(x: PyNum) -> String {
    match x {
        PyNum::Int(i) => i.to_string(),
        PyNum::Float(f) => short(f),
    }
}
