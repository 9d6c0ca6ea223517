//! A descent run: the function and its gradient (the engine's, or a hand-written one proved
//! equal to it), the start, the learning rate and the steps; a slip changes the gradient or
//! the update.

use indexmap::IndexMap;

use super::MAX_EXERCISE_STEPS;
use super::{ComputeError, Computed, DescentResult, Slip, err, expr_of, rules, value_of};
use crate::engine::budget::try_derivative;
use crate::engine::descent::{Problem, Run};
use crate::engine::diff::Rules;
use crate::engine::equiv::equivalent;
use crate::engine::eval::{EvalErrorKind, eval};
use crate::engine::verdict::judge;
use crate::engine::{Expr, PyNum};
use crate::exercise::gradcheck::mismatch;
use crate::exercise::model::DescentSpec;

/// Computes the descent run `d` at `path` (`runs.NAME.descent`).
pub(super) fn run(
    d: &DescentSpec,
    params: &IndexMap<String, PyNum>,
    slip: Slip,
    path: &str,
) -> Result<Computed, ComputeError> {
    let f = expr_of(&d.f, params, &format!("{path}.f"))?;
    let mut vars = Vec::new();
    let mut x0 = Vec::new();
    for (v, value) in &d.from {
        vars.push(v.clone());
        x0.push(value_of(value, params, &format!("{path}.from.{v}"))?);
    }
    let lr = value_of(&d.lr, params, &format!("{path}.lr"))?;
    let steps = steps_of(d, params, path)?;
    let derivative = derivatives(&f, &vars, Rules::default(), path)?;
    let given = given_gradient(d, params, slip, &vars, &derivative, path)?;
    // The slip changes the gradient or the update.
    let grad: Option<Vec<Expr>> = match slip {
        Slip::ValueForGradient => Some(vec![f.clone(); vars.len()]),
        Slip::DropPowerFactor | Slip::DropInner => Some(derivatives(&f, &vars, rules(slip), path)?),
        _ => given,
    };
    let lr_used = match slip {
        Slip::AddGradient => eval(&Expr::minus(Expr::Num(lr)), &[]).unwrap_or(lr),
        Slip::NoLearningRate => PyNum::Int(1),
        _ => lr,
    };
    let problem =
        Problem::new(&f, &vars, grad.as_deref()).map_err(|e| err(path.into(), e.to_string()))?;
    problem
        .check_run(steps, true)
        .map_err(|e| err(format!("{path}.steps"), e.to_string()))?;
    let run = match slip {
        Slip::RoundEarly(d) => rounded_run(&problem, &x0, lr_used, steps, d),
        Slip::ExtraStep => Run::new(&problem, &x0, lr_used, steps + 1),
        _ => Run::new(&problem, &x0, lr_used, steps),
    };
    if let Some(stop) = &run.stopped
        && stop.error.kind != EvalErrorKind::Overflow
    {
        return Err(err(path.into(), format!("the run cannot go on {stop}")));
    }
    let judgement = judge(&problem, &x0, lr_used, &run);
    Ok(Computed::Descent(Box::new(DescentResult {
        f,
        problem,
        x0,
        run,
        judgement,
        derivative,
        different_update: d.different_update.clone(),
    })))
}

/// The number of updates, a whole number from 0 to [`MAX_EXERCISE_STEPS`].
fn steps_of(
    d: &DescentSpec,
    params: &IndexMap<String, PyNum>,
    path: &str,
) -> Result<usize, ComputeError> {
    match value_of(&d.steps, params, &format!("{path}.steps"))? {
        PyNum::Int(n) if (0..=MAX_EXERCISE_STEPS).contains(&n) => Ok(n as usize),
        other => Err(err(
            format!("{path}.steps"),
            format!("{other} is not a whole number of steps between 0 and {MAX_EXERCISE_STEPS}"),
        )),
    }
}

/// The derivative of `f` by each variable, under `rules`.
fn derivatives(
    f: &Expr,
    vars: &[String],
    rules: Rules,
    path: &str,
) -> Result<Vec<Expr>, ComputeError> {
    vars.iter()
        .map(|v| try_derivative(f, v, rules))
        .collect::<Result<_, _>>()
        .map_err(|e| err(format!("{path}.f"), e.to_string()))
}

/// The hand-written gradient (`grad:`), one expression per variable, proved to be f's own
/// derivative unless the exercise says why its update differs.
fn given_gradient(
    d: &DescentSpec,
    params: &IndexMap<String, PyNum>,
    slip: Slip,
    vars: &[String],
    derivative: &[Expr],
    path: &str,
) -> Result<Option<Vec<Expr>>, ComputeError> {
    let Some(g) = &d.grad else {
        return Ok(None);
    };
    let mut exprs = Vec::new();
    for v in vars {
        let src = g.get(v).ok_or_else(|| {
            err(
                format!("{path}.grad"),
                format!("no derivative given for '{v}'"),
            )
        })?;
        exprs.push(expr_of(src, params, &format!("{path}.grad.{v}"))?);
    }
    if let Some(extra) = g.keys().find(|k| !vars.contains(k)) {
        return Err(err(
            format!("{path}.grad.{extra}"),
            format!("'{extra}' is not a variable of the run"),
        ));
    }
    if slip == Slip::None && d.different_update.is_none() {
        same_as_derivative(vars, &exprs, derivative, path)?;
    }
    Ok(Some(exprs))
}

/// `Ok` when each `given[k]` is the same function as `derivative[k]`, else an error at
/// `PATH.grad.VAR` naming both expressions and a point where they differ.
fn same_as_derivative(
    vars: &[String],
    given: &[Expr],
    derivative: &[Expr],
    path: &str,
) -> Result<(), ComputeError> {
    for ((v, g), d) in vars.iter().zip(given).zip(derivative) {
        if let Err(why) = equivalent(g, d) {
            return Err(err(format!("{path}.grad.{v}"), mismatch(v, g, d, why)));
        }
    }
    Ok(())
}

/// A run where x and the gradient are rounded to `d` decimals at every step (Python's
/// `round(v, d)`), as a student working by hand might.
fn rounded_run(problem: &Problem, x0: &[PyNum], lr: PyNum, steps: usize, d: u8) -> Run {
    let round = |v: PyNum| -> PyNum {
        match v {
            PyNum::Int(_) => v,
            PyNum::Float(f) => format!("{f:.*}", d as usize)
                .parse()
                .map_or(v, PyNum::Float),
        }
    };
    let mut x: Vec<PyNum> = x0.to_vec();
    let mut points = vec![x.clone()];
    for _ in 0..steps {
        let Ok(g) = problem
            .grad
            .iter()
            .map(|p| p.eval(&x).map(round))
            .collect::<Result<Vec<_>, _>>()
        else {
            break;
        };
        for (xi, gi) in x.iter_mut().zip(g) {
            let step = lr.to_f64() * gi.to_f64();
            *xi = round(PyNum::Float(xi.to_f64() - step));
        }
        points.push(x.clone());
    }
    Run::from_points(problem, lr, &points)
}
