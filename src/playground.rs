//! The engine driven from text, as the playground commands, the book and the plots drive it:
//! a descent set up from command-line style arguments (function, start, rate, steps, an
//! optional hand-written gradient proved against f's derivative), a backpropagation pass
//! over a graph written as text, and the JSON Schema of exercise files. Below the command
//! line: `cmd/` parses arguments and renders; the book and `plot::figures` call this directly.

use anyhow::{Context, bail};

use crate::bindings::{bindings, constant, named_exprs};
use crate::engine::backprop::{Graph, Pass, Slip, run as pass};
use crate::engine::budget::try_derivative;
use crate::engine::descent::{Problem, Run};
use crate::engine::diff::Rules;
use crate::engine::eval::EvalErrorKind;
use crate::engine::verdict::{Judgement, judge};
use crate::engine::{Expr, PyNum};
use crate::exercise::model::Exercise;

/// The most steps a run may take.
pub const MAX_STEPS: usize = 10_000_000;

/// Parses an expression given as an argument, naming the argument in the error.
pub fn parse_arg(what: &str, src: &str) -> anyhow::Result<Expr> {
    crate::engine::parse(src)
        .map_err(|e: crate::engine::ParseError| anyhow::anyhow!("{what}: {}", e.render(src)))
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
pub(crate) struct Prepared {
    /// The function.
    pub(crate) f: Expr,
    /// The compiled problem.
    pub(crate) problem: Problem,
    /// The start values.
    pub(crate) x0: Vec<PyNum>,
    /// The learning rate.
    pub(crate) lr: PyNum,
    /// The number of updates.
    pub(crate) steps: usize,
}

/// Parses and compiles a descent from command-line style arguments, checking a hand-written
/// gradient against f's own derivative and the run's work against the budget.
pub(crate) fn prepare(
    expr: &str,
    from: &[String],
    lr: &str,
    steps: usize,
    grad: &[String],
) -> anyhow::Result<Prepared> {
    let f = parse_arg("the function", expr)?;
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
            let given = parse_arg(&format!("--grad for {v}"), src)?;
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
pub(crate) fn unescape(t: &str) -> String {
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

/// Parses and runs a graph given as text.
pub fn compute(graph: &str, at: &[String]) -> anyhow::Result<(Graph, Pass)> {
    let g = Graph::parse(graph).map_err(|e| anyhow::anyhow!("the graph: {}", e.render(graph)))?;
    let at = bindings(at).map_err(anyhow::Error::msg).context("--at")?;
    let p = pass(&g, &at, Slip::None)?;
    Ok((g, p))
}

/// The exercise schema as JSON.
pub(crate) fn exercise_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Exercise)).unwrap_or(serde_json::Value::Null)
}
