//! Running an exercise: its parameters fill in its runs, and the engine computes them.
//!
//! A [`Slip`] reruns everything with one of the usual mistakes built in; the checker uses that
//! to find the mistake that reproduces a wrong answer.

use indexmap::IndexMap;

mod derivative;
mod descent;
mod graph;

use super::model::{Exercise, RunSpec, Value};
use crate::engine::backprop::{Graph, Pass};
use crate::engine::descent::{Problem, Run};
use crate::engine::diff::Rules;
use crate::engine::eval::eval;
use crate::engine::verdict::Judgement;
use crate::engine::{Expr, PyNum, parse};

/// The most updates a run in an exercise may take.
pub(crate) const MAX_EXERCISE_STEPS: i64 = 1_000_000;

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
pub(crate) fn compute_each(
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
        (Some(d), None, None) => descent::run(d, params, slip, &format!("{path}.descent")),
        (None, Some(g), None) => graph::run(g, params, slip, &format!("{path}.graph")),
        (None, None, Some(d)) => derivative::run(d, params, slip, &format!("{path}.derivative")),
        _ => Err(err(
            path.into(),
            "a run needs exactly one of 'descent', 'graph' or 'derivative'",
        )),
    }
}
