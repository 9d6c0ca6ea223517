//! Running an exercise: its parameters fill in its runs, and the engine computes them.
//!
//! A [`Slip`] reruns everything with one of the usual mistakes built in; the checker uses that
//! to find the mistake that reproduces a wrong answer.

use indexmap::IndexMap;

use super::model::{Exercise, RunSpec, Value};
use crate::engine::backprop::{self, Graph, Pass};
use crate::engine::budget::try_derivative;
use crate::engine::descent::{Problem, Run};
use crate::engine::diff::Rules;
use crate::engine::eval::eval;
use crate::engine::verdict::{Judgement, judge};
use crate::engine::{Expr, PyNum, parse};

/// The most updates a run in an exercise may take.
pub const MAX_EXERCISE_STEPS: i64 = 1_000_000;

/// A usual mistake, built into the computation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slip {
    /// The correct computation.
    None,
    /// x := x + lr·f'(x).
    AddGradient,
    /// x := x − f'(x) (learning rate left out).
    NoLearningRate,
    /// x := x − lr·f(x) (the function instead of its derivative).
    ValueForGradient,
    /// d(u^c) taken as u^(c−1): the exponent's factor dropped.
    DropPowerFactor,
    /// The inner derivative of the chain rule left out.
    DropInner,
    /// A graph's outer derivative evaluated at the input instead of the inner node.
    OuterAtInput,
    /// Every value rounded to this many decimals along the way.
    RoundEarly(u8),
    /// Every descent runs one update more than asked (for "one step too many").
    ExtraStep,
}

/// What a descent run computed.
#[derive(Clone, Debug)]
pub struct DescentResult {
    /// The function, parameters filled in.
    pub f: Expr,
    /// The compiled problem (its gradient is the one used).
    pub problem: Problem,
    /// The start point.
    pub x0: Vec<PyNum>,
    /// The run.
    pub run: Run,
    /// Its verdict.
    pub judgement: Judgement,
    /// The derivative of f by each variable (symbolic, even when the run uses a hand-written one).
    pub derivative: Vec<Expr>,
    /// Why the run's update deliberately differs from f's own derivative (`different_update:`).
    pub different_update: Option<String>,
}

/// What a graph run computed.
#[derive(Clone, Debug)]
pub struct GraphResult {
    /// The graph, parameters filled in.
    pub graph: Graph,
    /// Its passes.
    pub pass: Pass,
}

/// What a derivative run computed.
#[derive(Clone, Debug)]
pub struct DerivativeResult {
    /// The function.
    pub f: Expr,
    /// The variable.
    pub wrt: String,
    /// The derivative.
    pub derivative: Expr,
    /// Its value at the given point, if one was given.
    pub value: Option<PyNum>,
}

/// One computed run.
#[derive(Clone, Debug)]
pub enum Computed {
    /// A descent.
    Descent(Box<DescentResult>),
    /// A graph.
    Graph(Box<GraphResult>),
    /// A derivative.
    Derivative(Box<DerivativeResult>),
}

/// Every run of an exercise, by name.
#[derive(Clone, Debug)]
pub struct Results {
    /// The parameters used.
    pub params: IndexMap<String, PyNum>,
    /// The runs.
    pub runs: IndexMap<String, Computed>,
}

/// Why an exercise's runs cannot be computed (a problem in the exercise, for its author).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ComputeError {
    /// Where in the exercise, as a YAML path (`runs.main.descent.f`).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

fn err(path: String, message: impl Into<String>) -> ComputeError {
    ComputeError {
        path,
        message: message.into(),
    }
}

/// The default parameters of an exercise, evaluated.
pub fn default_params(ex: &Exercise) -> Result<IndexMap<String, PyNum>, ComputeError> {
    let mut out: IndexMap<String, PyNum> = IndexMap::new();
    for (name, v) in &ex.params {
        let value = value_of(v, &out, &format!("params.{name}"))?;
        out.insert(name.clone(), value);
    }
    Ok(out)
}

/// A [`Value`] as a number, with parameters filled in.
pub fn value_of(
    v: &Value,
    params: &IndexMap<String, PyNum>,
    path: &str,
) -> Result<PyNum, ComputeError> {
    match v {
        Value::Int(i) => Ok(PyNum::Int(*i)),
        Value::Float(f) if f.is_finite() => Ok(PyNum::Float(*f)),
        Value::Float(_) => Err(err(path.into(), "not a finite number")),
        Value::Text(t) => {
            let e = parse(t).map_err(|e| err(path.into(), format!("'{t}': {}", e.kind)))?;
            let e = substitute(&e, params);
            if let Some(v) = e.variables().first() {
                return Err(err(path.into(), format!("'{v}' is not a parameter")));
            }
            eval(&e, &[]).map_err(|e| err(path.into(), e.to_string()))
        }
    }
}

/// The expression with parameters replaced by their values.
pub fn substitute(e: &Expr, params: &IndexMap<String, PyNum>) -> Expr {
    e.substitute(&|name| params.get(name).map(|v| Expr::Num(*v)))
}

fn expr_of(src: &str, params: &IndexMap<String, PyNum>, path: &str) -> Result<Expr, ComputeError> {
    let e = parse(src).map_err(|e| err(path.into(), format!("{}\n{}", e, e.caret(src))))?;
    Ok(substitute(&e, params))
}

/// Computes every run of `ex` with `params`, with `slip` built in.
pub fn compute(
    ex: &Exercise,
    params: &IndexMap<String, PyNum>,
    slip: Slip,
) -> Result<Results, ComputeError> {
    let mut runs = IndexMap::new();
    for (name, spec) in &ex.runs {
        let path = format!("runs.{name}");
        runs.insert(name.clone(), compute_run(spec, params, slip, &path)?);
    }
    Ok(Results {
        params: params.clone(),
        runs,
    })
}

/// Computes every run that can be computed, and says why each other one cannot (for
/// validation, which reports every problem at once).
pub fn compute_each(
    ex: &Exercise,
    params: &IndexMap<String, PyNum>,
) -> (Results, Vec<ComputeError>) {
    let mut runs = IndexMap::new();
    let mut errors = Vec::new();
    for (name, spec) in &ex.runs {
        match compute_run(spec, params, Slip::None, &format!("runs.{name}")) {
            Ok(r) => {
                runs.insert(name.clone(), r);
            }
            Err(e) => errors.push(e),
        }
    }
    let results = Results {
        params: params.clone(),
        runs,
    };
    (results, errors)
}

fn rules(slip: Slip) -> Rules {
    Rules {
        drop_power_factor: slip == Slip::DropPowerFactor,
        drop_inner: slip == Slip::DropInner,
    }
}

fn compute_run(
    spec: &RunSpec,
    params: &IndexMap<String, PyNum>,
    slip: Slip,
    path: &str,
) -> Result<Computed, ComputeError> {
    match (&spec.descent, &spec.graph, &spec.derivative) {
        (Some(d), None, None) => {
            let path = format!("{path}.descent");
            let f = expr_of(&d.f, params, &format!("{path}.f"))?;
            let mut vars = Vec::new();
            let mut x0 = Vec::new();
            for (v, value) in &d.from {
                vars.push(v.clone());
                x0.push(value_of(value, params, &format!("{path}.from.{v}"))?);
            }
            let lr = value_of(&d.lr, params, &format!("{path}.lr"))?;
            let steps = match value_of(&d.steps, params, &format!("{path}.steps"))? {
                PyNum::Int(n) if (0..=MAX_EXERCISE_STEPS).contains(&n) => n as usize,
                other => {
                    return Err(err(
                        format!("{path}.steps"),
                        format!(
                            "{other} is not a whole number of steps between 0 and {MAX_EXERCISE_STEPS}"
                        ),
                    ));
                }
            };
            let derivative: Vec<Expr> = vars
                .iter()
                .map(|v| try_derivative(&f, v, Rules::default()))
                .collect::<Result<_, _>>()
                .map_err(|e| err(format!("{path}.f"), e.to_string()))?;
            let given = match &d.grad {
                Some(g) => {
                    let mut exprs = Vec::new();
                    for v in &vars {
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
                        super::gradcheck::same_as_derivative(&vars, &exprs, &derivative, &path)?;
                    }
                    Some(exprs)
                }
                None => None,
            };
            // The slip changes the gradient or the update.
            let grad: Option<Vec<Expr>> = match slip {
                Slip::ValueForGradient => Some(vec![f.clone(); vars.len()]),
                Slip::DropPowerFactor | Slip::DropInner => Some(
                    vars.iter()
                        .map(|v| try_derivative(&f, v, rules(slip)))
                        .collect::<Result<_, _>>()
                        .map_err(|e| err(format!("{path}.f"), e.to_string()))?,
                ),
                _ => given,
            };
            let lr_used = match slip {
                Slip::AddGradient => {
                    crate::engine::eval::eval(&Expr::minus(Expr::Num(lr)), &[]).unwrap_or(lr)
                }
                Slip::NoLearningRate => PyNum::Int(1),
                _ => lr,
            };
            let problem = Problem::new(&f, &vars, grad.as_deref())
                .map_err(|e| err(path.clone(), e.to_string()))?;
            problem
                .check_run(steps, true)
                .map_err(|e| err(format!("{path}.steps"), e.to_string()))?;
            let run = match slip {
                Slip::RoundEarly(d) => rounded_run(&problem, &x0, lr_used, steps, d),
                Slip::ExtraStep => Run::new(&problem, &x0, lr_used, steps + 1),
                _ => Run::new(&problem, &x0, lr_used, steps),
            };
            if let Some(stop) = &run.stopped
                && stop.error.kind != crate::engine::eval::EvalErrorKind::Overflow
            {
                return Err(err(path, format!("the run cannot go on {stop}")));
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
        (None, Some(g), None) => {
            let path = format!("{path}.graph");
            let graph = Graph::parse(&g.nodes)
                .map_err(|e| err(format!("{path}.nodes"), e.render(&g.nodes)))?;
            let graph = Graph {
                inputs: graph
                    .inputs
                    .iter()
                    .filter(|i| !params.contains_key(*i))
                    .cloned()
                    .collect(),
                nodes: graph
                    .nodes
                    .into_iter()
                    .map(|mut n| {
                        n.expr = substitute(&n.expr, params);
                        n.parents.retain(|p| !params.contains_key(p));
                        n
                    })
                    .collect(),
            };
            let mut at = Vec::new();
            for (name, v) in &g.at {
                at.push((
                    name.clone(),
                    value_of(v, params, &format!("{path}.at.{name}"))?,
                ));
            }
            let gslip = match slip {
                Slip::DropInner => backprop::Slip::DropInner,
                Slip::OuterAtInput => backprop::Slip::OuterAtInput,
                Slip::DropPowerFactor => backprop::Slip::DropPowerFactor,
                _ => backprop::Slip::None,
            };
            let pass =
                backprop::run(&graph, &at, gslip).map_err(|e| err(path.clone(), e.to_string()))?;
            Ok(Computed::Graph(Box::new(GraphResult { graph, pass })))
        }
        (None, None, Some(d)) => {
            let path = format!("{path}.derivative");
            let f = expr_of(&d.f, params, &format!("{path}.f"))?;
            let derivative = match slip {
                Slip::ValueForGradient => f.clone(),
                _ => try_derivative(&f, &d.wrt, rules(slip))
                    .map_err(|e| err(format!("{path}.f"), e.to_string()))?,
            };
            let mut at = Vec::new();
            for (name, v) in &d.at {
                at.push((
                    name.clone(),
                    value_of(v, params, &format!("{path}.at.{name}"))?,
                ));
            }
            let value = if at.is_empty() {
                None
            } else {
                Some(eval(&derivative, &at).map_err(|e| err(path.clone(), e.to_string()))?)
            };
            Ok(Computed::Derivative(Box::new(DerivativeResult {
                f,
                wrt: d.wrt.clone(),
                derivative,
                value,
            })))
        }
        _ => Err(err(
            path.into(),
            "a run needs exactly one of 'descent', 'graph' or 'derivative'",
        )),
    }
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
