//! Resolving a reference against computed results: a value of a descent (a point, f, the
//! gradient, the verdict's numbers), of a graph (values, gradients, local derivatives) or of
//! a derivative run.

use super::fields::{VAR_FIELD, descent_field};
use super::{Answer, Reference, ReferenceError, Seg};
use crate::engine::PyNum;
use crate::engine::descent::Run;
use crate::exercise::compute::{Computed, DescentResult, GraphResult, Results};

impl Reference {
    /// Resolves against computed results.
    pub fn resolve(&self, results: &Results) -> Result<Answer, ReferenceError> {
        let run = results
            .runs
            .get(&self.run)
            .ok_or_else(|| ReferenceError::NoRun {
                reference: self.to_string(),
                run: self.run.clone(),
            })?;
        let names = self.names();
        let index = self.path.iter().find_map(|s| match s {
            Seg::Index(k) => Some(*k),
            Seg::Name(_) => None,
        });
        match run {
            Computed::Descent(d) => self.in_descent(d, &names, index),
            Computed::Graph(g) => self.in_graph(g, &names),
            Computed::Derivative(d) => match names.first().copied() {
                Some("derivative") => Ok(Answer::Expr(d.derivative.clone())),
                Some("f") => Ok(Answer::Expr(d.f.clone())),
                Some("value") => d
                    .value
                    .map(Answer::Num)
                    .ok_or_else(|| self.undefined("the run has no point to evaluate at ('at')")),
                _ => Err(self.bad()),
            },
        }
    }

    /// The error of a reference that names nothing in its run.
    fn bad(&self) -> ReferenceError {
        ReferenceError::NotAValue {
            reference: self.to_string(),
            run: self.run.clone(),
        }
    }

    /// The error of a value the run does not define, `why` saying which.
    fn undefined(&self, why: &'static str) -> ReferenceError {
        ReferenceError::Undefined {
            reference: self.to_string(),
            why,
        }
    }

    /// A value of a descent: `names` are the reference's names, `index` its step.
    fn in_descent(
        &self,
        d: &DescentResult,
        names: &[&str],
        index: Option<i64>,
    ) -> Result<Answer, ReferenceError> {
        let run = &d.run;
        let (first, names) = descent_field(names, &run.vars).ok_or_else(|| self.bad())?;
        let var = |v: &str| run.var_index(v).ok_or_else(|| self.bad());
        let answer = match first {
            VAR_FIELD => {
                let k = self.step(run, index)?;
                let v = names.first().copied().ok_or_else(|| self.bad())?;
                Answer::Num(run.point(k)[var(v)?])
            }
            "verdict" | "factor" | "lr_max" | "diverged_at" | "x_star" => {
                self.in_judgement(d, first, names.first())?
            }
            "derivative" => {
                Answer::Expr(d.derivative[self.var_or_only(run, names.first())?].clone())
            }
            "f" => Answer::Expr(d.f.clone()),
            "lr" => Answer::Num(run.lr),
            "steps" => Answer::Num(PyNum::Int(run.len() as i64 - 1)),
            "y" | "value" => Answer::Num(run.value(self.step(run, index)?)),
            "grad" => {
                let k = self.step(run, index)?;
                Answer::Num(run.gradient(k)[self.var_or_only(run, names.first())?])
            }
            other => {
                let k = self.step(run, index)?;
                let v = other.strip_prefix("grad_").ok_or_else(|| self.bad())?;
                Answer::Num(run.gradient(k)[var(v)?])
            }
        };
        Ok(answer)
    }

    /// A field of a descent's verdict: `verdict`, `factor`, `lr_max`, `diverged_at`, or
    /// `x_star` (of the variable `name`).
    fn in_judgement(
        &self,
        d: &DescentResult,
        field: &str,
        name: Option<&&str>,
    ) -> Result<Answer, ReferenceError> {
        let j = &d.judgement;
        Ok(match field {
            "verdict" => Answer::Word(j.verdict.name().to_string()),
            "factor" => {
                Answer::Num(PyNum::Float(j.factor.ok_or_else(|| {
                    self.undefined("the factor is defined only for a quadratic")
                })?))
            }
            "lr_max" => {
                Answer::Num(PyNum::Float(j.lr_max.ok_or_else(|| {
                    self.undefined("no largest learning rate is defined here")
                })?))
            }
            "diverged_at" => Answer::Num(PyNum::Int(
                j.diverged_at
                    .ok_or_else(|| self.undefined("the run does not diverge"))?
                    as i64,
            )),
            _ => {
                let xs = j
                    .x_star
                    .as_ref()
                    .ok_or_else(|| self.undefined("the minimum is not known"))?;
                Answer::Num(PyNum::Float(xs[self.var_or_only(&d.run, name)?]))
            }
        })
    }

    /// The variable `name`, or the run's only variable when no name is given.
    fn var_or_only(&self, run: &Run, name: Option<&&str>) -> Result<usize, ReferenceError> {
        match name {
            Some(v) => run.var_index(v).ok_or_else(|| self.bad()),
            None if run.vars.len() == 1 => Ok(0),
            None => Err(ReferenceError::NameTheVariable {
                reference: self.to_string(),
                vars: run.vars.join(", "),
            }),
        }
    }

    /// The step `k` of the run (a negative one counts from the end).
    fn step(&self, run: &Run, k: Option<i64>) -> Result<usize, ReferenceError> {
        let k = k.ok_or_else(|| ReferenceError::GiveTheStep(self.to_string()))?;
        let len = run.len() as i64;
        let k = if k < 0 { len + k } else { k };
        if (0..len).contains(&k) {
            Ok(k as usize)
        } else {
            Err(ReferenceError::NoSuchStep {
                reference: self.to_string(),
                last: len - 1,
            })
        }
    }

    /// A value of a graph: `value.NODE`, `grad.NODE`, `local.NODE.PARENT`,
    /// `local_expr.NODE.PARENT` or `output`.
    fn in_graph(&self, g: &GraphResult, names: &[&str]) -> Result<Answer, ReferenceError> {
        let p = &g.pass;
        let node = |k: usize| -> Result<&str, ReferenceError> {
            names.get(k).copied().ok_or_else(|| self.bad())
        };
        match names.first().copied() {
            Some("value") => Ok(Answer::Num(p.value(node(1)?).ok_or_else(|| self.bad())?)),
            Some("grad") => Ok(Answer::Num(p.grad(node(1)?).ok_or_else(|| self.bad())?)),
            Some("local") => Ok(Answer::Num(
                p.local(node(1)?, node(2)?).ok_or_else(|| self.bad())?.local,
            )),
            Some("local_expr") => Ok(Answer::Expr(
                p.local(node(1)?, node(2)?)
                    .ok_or_else(|| self.bad())?
                    .local_expr
                    .clone(),
            )),
            Some("output") => Ok(Answer::Word(g.graph.output().to_string())),
            _ => Err(self.bad()),
        }
    }
}
