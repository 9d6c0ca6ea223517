//! Gradient descent: x := x − lr·∇f(x), repeated.
//!
//! Each update computes every partial derivative at the current point first and then moves
//! every variable (a simultaneous update), in the order a plain Python program does it:
//! `g = df_dx(x)` then `x = x - lr * g`, with Python's number rules (see [`PyNum`]). Step 0
//! is the start; step k is the point after k updates, with f and the gradient at that point.
//! The gradient is the function's own symbolic derivative unless explicit derivative
//! expressions are given (the lecture hand-writes `df_dx`; an exercise may too).

mod run;

pub use run::{FLAT_NUMBERS, Run};

use super::budget::{self, MAX_NODES_TOTAL, OverBudget, derivative_size, try_derivative};
use super::diff::Rules;
use super::eval::{EvalError, EvalErrorKind, Program, Stack, binary};
use super::expr::{BinOp, Expr};
use crate::num::PyNum;

/// What to run.
#[derive(Clone, Debug)]
pub struct Spec {
    /// The function to minimise.
    pub f: Expr,
    /// The variables and their start values, in order.
    pub start: Vec<(String, PyNum)>,
    /// The learning rate.
    pub lr: PyNum,
    /// How many updates.
    pub steps: usize,
    /// Explicit partial derivatives, one per variable in `start` order; `None` for f's own.
    pub grad: Option<Vec<Expr>>,
}

/// Why a descent cannot start.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SpecError {
    /// f (or a derivative) uses a name that is neither a variable nor given a value.
    #[error("{what} uses '{name}', which has no value (give it a start value)")]
    Unbound {
        /// "f" or "the derivative for x".
        what: String,
        /// The name.
        name: String,
    },
    /// No variables.
    #[error("there is no variable to descend on")]
    NoVariables,
    /// A variable named twice in the start point.
    #[error("the variable '{0}' is given twice")]
    Duplicate(String),
    /// The work would pass a budget.
    #[error(transparent)]
    Budget(#[from] OverBudget),
    /// The number of explicit derivatives does not match the variables.
    #[error("{given} derivatives given for {wanted} variables")]
    GradCount {
        /// How many were given.
        given: usize,
        /// How many variables there are.
        wanted: usize,
    },
}

/// The compiled problem: f and its gradient, ready to evaluate many times.
#[derive(Clone, Debug)]
pub struct Problem {
    /// Variable names, in order.
    pub vars: Vec<String>,
    /// f.
    pub f: Program,
    /// One program per partial derivative.
    pub grad: Vec<Program>,
}

impl Problem {
    /// Compiles f and its gradient (symbolic unless `grad` is given) over `vars`.
    pub fn new(f: &Expr, vars: &[String], grad: Option<&[Expr]>) -> Result<Problem, SpecError> {
        if vars.is_empty() {
            return Err(SpecError::NoVariables);
        }
        let mut seen = std::collections::HashSet::new();
        for v in vars {
            if !seen.insert(v) {
                return Err(SpecError::Duplicate(v.clone()));
            }
        }
        let grads: Vec<Expr> = match grad {
            Some(g) if g.len() != vars.len() => {
                return Err(SpecError::GradCount {
                    given: g.len(),
                    wanted: vars.len(),
                });
            }
            Some(g) => g.to_vec(),
            None => {
                let total: u64 = vars
                    .iter()
                    .map(|v| derivative_size(f, v, Rules::default()))
                    .fold(0, u64::saturating_add);
                budget::check(
                    || {
                        crate::t!(
                            "budget-what-gradient",
                            f = budget::shorten(f),
                            n = vars.len()
                        )
                    },
                    total,
                    MAX_NODES_TOTAL,
                    budget::Unit::Nodes,
                    budget::Advice::FewerVariables,
                )?;
                vars.iter()
                    .map(|v| try_derivative(f, v, Rules::default()))
                    .collect::<Result<_, _>>()?
            }
        };
        let compile = |e: &Expr, what: String| {
            Program::compile(e, vars).map_err(|err| match err.kind {
                EvalErrorKind::Unbound(name) => SpecError::Unbound { what, name },
                _ => SpecError::NoVariables,
            })
        };
        let f = compile(f, "f".into())?;
        let grad = grads
            .iter()
            .zip(vars)
            .map(|(g, v)| compile(g, format!("the derivative for {v}")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Problem {
            vars: vars.to_vec(),
            f,
            grad,
        })
    }

    /// The gradient expressions.
    pub fn grad_exprs(&self) -> Vec<&Expr> {
        self.grad.iter().map(|p| p.expr()).collect()
    }

    /// The work of one step: the operations of f and of every partial derivative.
    pub(crate) fn step_cost(&self) -> u64 {
        (self.f.len() + self.grad.iter().map(Program::len).sum::<usize>()) as u64
    }

    /// Checks that `steps` updates fit [`budget::MAX_WORK`], and, when the run is to be kept
    /// in memory (`stored`), that its points and gradients fit [`budget::MAX_STORED`].
    pub fn check_run(&self, steps: usize, stored: bool) -> Result<(), OverBudget> {
        let steps = steps as u64 + 1;
        budget::check(
            || crate::t!("budget-what-run", steps = steps - 1),
            steps.saturating_mul(self.step_cost()),
            budget::MAX_WORK,
            budget::Unit::Operations,
            budget::Advice::FewerStepsOrSimpler,
        )?;
        if stored {
            let n = self.vars.len() as u64;
            budget::check(
                || crate::t!("budget-what-kept-run", steps = steps - 1, n = n),
                steps.saturating_mul(2 * n + 1),
                budget::MAX_STORED,
                budget::Unit::Numbers,
                budget::Advice::FewerSteps,
            )?;
        }
        Ok(())
    }
}

/// A failed evaluation during a run: where and what.
#[derive(Clone, Debug, PartialEq)]
pub struct StepError {
    /// The step (0 = the start) whose point could not be evaluated.
    pub step: usize,
    /// The point, printed as `x = 3, y = -2`.
    pub point: String,
    /// What failed.
    pub error: EvalError,
}

impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at step {} ({}): {}", self.step, self.point, self.error)
    }
}

/// Moves one step at a time, without allocating per step.
pub struct Stepper<'a> {
    problem: &'a Problem,
    lr: PyNum,
    /// The current point.
    pub x: Vec<PyNum>,
    /// f at the current point.
    pub value: PyNum,
    /// The gradient at the current point.
    pub gradient: Vec<PyNum>,
    /// Updates done so far.
    pub i: usize,
    stack: Stack,
}

impl<'a> Stepper<'a> {
    /// Starts at `x0`, evaluating f and the gradient there.
    pub fn new(problem: &'a Problem, x0: &[PyNum], lr: PyNum) -> Result<Stepper<'a>, StepError> {
        let mut s = Stepper {
            problem,
            lr,
            x: x0.to_vec(),
            value: PyNum::Int(0),
            gradient: vec![PyNum::Int(0); x0.len()],
            i: 0,
            stack: Stack::default(),
        };
        s.evaluate()?;
        Ok(s)
    }

    fn fail(&self, error: EvalError) -> StepError {
        StepError {
            step: self.i,
            point: format_point(&self.problem.vars, &self.x),
            error,
        }
    }

    fn evaluate(&mut self) -> Result<(), StepError> {
        self.value = match self.problem.f.eval_with(&self.x, &mut self.stack) {
            Ok(v) => v,
            Err(e) => return Err(self.fail(e)),
        };
        for k in 0..self.x.len() {
            match self.problem.grad[k].eval_with(&self.x, &mut self.stack) {
                Ok(g) => self.gradient[k] = g,
                Err(e) => return Err(self.fail(e)),
            }
        }
        Ok(())
    }

    /// One update: x := x − lr·g with g the gradient already computed at x.
    pub fn step(&mut self) -> Result<(), StepError> {
        for k in 0..self.x.len() {
            let moved = binary(BinOp::Mul, self.lr, self.gradient[k])
                .and_then(|d| binary(BinOp::Sub, self.x[k], d));
            match moved {
                Ok(v) => self.x[k] = v,
                Err(kind) => {
                    self.i += 1;
                    return Err(self.fail(EvalError {
                        kind,
                        node: format!("the update of {}", self.problem.vars[k]),
                    }));
                }
            }
        }
        self.i += 1;
        self.evaluate()
    }
}

/// `x = 3, y = -2`.
pub fn format_point(vars: &[String], x: &[PyNum]) -> String {
    vars.iter()
        .zip(x)
        .map(|(v, x)| format!("{v} = {x}"))
        .collect::<Vec<_>>()
        .join(", ")
}
