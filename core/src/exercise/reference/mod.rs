//! References into what the engine computed: `main.x[1]`, `main.verdict`, `chain.grad.x`.
//!
//! ```text
//! reference = run "." field { "." name | "[" integer "]" }
//! ```
//!
//! | run kind | references |
//! |---|---|
//! | descent | `x[k]` (a variable after k updates; negative k counts from the end), `y[k]`, `grad[k]`, `grad_x1[k]`, `verdict`, `factor`, `lr_max`, `x_star`, `x_star.x1`, `diverged_at`, `derivative`, `derivative.x1`, `f`, `lr`, `steps` |
//! | graph | `value.NODE`, `grad.NODE`, `local.NODE.PARENT`, `output` |
//! | derivative | `derivative`, `value`, `f` |

use std::fmt;

use super::compute::{Computed, DescentResult, GraphResult, Results};
use crate::engine::descent::Run;
use crate::engine::{Expr, PyNum};

/// A part of a reference after the run's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// `.name`
    Name(String),
    /// `[k]`
    Index(i64),
}

/// A parsed reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The run's name.
    pub run: String,
    /// The rest.
    pub path: Vec<Seg>,
}

/// What a reference resolves to.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// A number.
    Num(PyNum),
    /// An expression.
    Expr(Expr),
    /// A word, such as a verdict.
    Word(String),
}

impl fmt::Display for Answer {
    /// As a person reads it: numbers and expressions through the number presenter
    /// ([`crate::pyfmt::present`]), so a prompt says `0.2`, never `0.19999999999999996`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Num(n) => f.write_str(&crate::pyfmt::present_num(*n)),
            Answer::Expr(e) => write!(f, "{}", e.presented()),
            Answer::Word(w) => f.write_str(w),
        }
    }
}

/// Why a reference cannot be read or resolved. Its message names the reference as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    /// No run name at the start.
    #[error("'{0}' is not a reference (expected RUN.FIELD, e.g. main.x[1])")]
    NotAReference(String),
    /// A '.' with no name after it.
    #[error("'{0}': expected a name after '.'")]
    NameAfterDot(String),
    /// A '[' with no ']'.
    #[error("'{0}': '[' without ']'")]
    Unclosed(String),
    /// What stands in brackets is not a whole number.
    #[error("'{src}': '{text}' is not a step number")]
    NotAStep {
        /// The reference.
        src: String,
        /// What stands in the brackets.
        text: String,
    },
    /// A character that cannot follow.
    #[error("'{src}': unexpected '{ch}'")]
    Unexpected {
        /// The reference.
        src: String,
        /// The character.
        ch: char,
    },
    /// A run's name alone.
    #[error("'{src}' names a run but no value in it (e.g. {run}.x[1])")]
    RunOnly {
        /// The reference.
        src: String,
        /// The run.
        run: String,
    },
    /// The run is not computed.
    #[error("'{reference}': there is no run named '{run}'")]
    NoRun {
        /// The reference.
        reference: String,
        /// The run it names.
        run: String,
    },
    /// The run is not in the exercise (said before anything is computed, with the runs there are).
    #[error("'{reference}': there is no run named '{run}' (runs: {runs})")]
    UnknownRun {
        /// The reference.
        reference: String,
        /// The run it names.
        run: String,
        /// The exercise's runs, listed.
        runs: String,
    },
    /// The run has no such value.
    #[error("'{reference}' does not name a value of run '{run}'")]
    NotAValue {
        /// The reference.
        reference: String,
        /// The run.
        run: String,
    },
    /// The run's kind has no such field (said before anything is computed).
    #[error("'{reference}': run '{run}' has no value '{field}' (it has: {known})")]
    UnknownField {
        /// The reference.
        reference: String,
        /// The run.
        run: String,
        /// The field asked for.
        field: String,
        /// The fields such a run has, listed.
        known: String,
    },
    /// A value of one variable of several, with no variable named.
    #[error("'{reference}': name the variable ({vars})")]
    NameTheVariable {
        /// The reference.
        reference: String,
        /// The run's variables, listed.
        vars: String,
    },
    /// A value of a step, with no step given.
    #[error("'{0}': give the step, e.g. [1]")]
    GiveTheStep(String),
    /// A step the run does not have.
    #[error("'{reference}': the run has steps 0 to {last}")]
    NoSuchStep {
        /// The reference.
        reference: String,
        /// The run's last step.
        last: i64,
    },
    /// A value the run does not define (no factor, no minimum, …): the sentence after the
    /// reference says which.
    #[error("'{reference}': {why}")]
    Undefined {
        /// The reference.
        reference: String,
        /// What is not defined, e.g. "the run does not diverge".
        why: &'static str,
    },
}

impl From<ReferenceError> for String {
    fn from(e: ReferenceError) -> String {
        e.to_string()
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.run)?;
        for s in &self.path {
            match s {
                Seg::Name(n) => write!(f, ".{n}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

impl Reference {
    /// Parses `run.field[k].name`.
    pub fn parse(src: &str) -> Result<Reference, ReferenceError> {
        let mut segs = Vec::new();
        let mut rest = src.trim();
        let name_end = |s: &str| {
            s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(s.len())
        };
        let n = name_end(rest);
        if n == 0 {
            return Err(ReferenceError::NotAReference(src.into()));
        }
        let run = rest[..n].to_string();
        rest = &rest[n..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let n = name_end(r);
                if n == 0 {
                    return Err(ReferenceError::NameAfterDot(src.into()));
                }
                segs.push(Seg::Name(r[..n].to_string()));
                rest = &r[n..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let close = r
                    .find(']')
                    .ok_or_else(|| ReferenceError::Unclosed(src.into()))?;
                let k: i64 = r[..close]
                    .trim()
                    .parse()
                    .map_err(|_| ReferenceError::NotAStep {
                        src: src.into(),
                        text: r[..close].into(),
                    })?;
                segs.push(Seg::Index(k));
                rest = &r[close + 1..];
            } else {
                return Err(ReferenceError::Unexpected {
                    src: src.into(),
                    ch: rest.chars().next().unwrap_or(' '),
                });
            }
        }
        if segs.is_empty() {
            return Err(ReferenceError::RunOnly {
                src: src.into(),
                run,
            });
        }
        Ok(Reference { run, path: segs })
    }

    /// The same reference with every step index moved by `delta` (for "one step too many").
    pub fn shifted(&self, delta: i64) -> Reference {
        Reference {
            run: self.run.clone(),
            path: self
                .path
                .iter()
                .map(|s| match s {
                    Seg::Index(k) if *k >= 0 => Seg::Index(k + delta),
                    other => other.clone(),
                })
                .collect(),
        }
    }

    /// Resolves against computed results.
    pub fn resolve(&self, results: &Results) -> Result<Answer, ReferenceError> {
        let run = results
            .runs
            .get(&self.run)
            .ok_or_else(|| ReferenceError::NoRun {
                reference: self.to_string(),
                run: self.run.clone(),
            })?;
        let names: Vec<&str> = self
            .path
            .iter()
            .filter_map(|s| match s {
                Seg::Name(n) => Some(n.as_str()),
                Seg::Index(_) => None,
            })
            .collect();
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

/// The marker [`descent_field`] returns for a variable of the run.
const VAR_FIELD: &str = "point";

/// Splits a descent reference's names into its field and the names after it: a variable of
/// the run wins over a built-in field of the same name (`main.y[1]` is the variable y when
/// the run has one); `run.FIELD` is always the built-in and `point.VAR` always the variable.
/// A variable comes back as the field [`VAR_FIELD`] followed by its name.
pub fn descent_field<'a>(names: &[&'a str], vars: &[String]) -> Option<(&'a str, Vec<&'a str>)> {
    let (first, rest) = names.split_first()?;
    match *first {
        "run" if !rest.is_empty() => Some((rest[0], rest[1..].to_vec())),
        "point" if !rest.is_empty() => Some((VAR_FIELD, rest.to_vec())),
        v if vars.iter().any(|x| x == v) => Some((VAR_FIELD, vec![*first])),
        other => Some((other, rest.to_vec())),
    }
}

/// For a plain descent field that is also a variable of the run: the built-in it loses to the
/// variable, for `gbl validate` to refuse as ambiguous.
pub fn ambiguous_field(reference: &Reference, vars: &[String]) -> Option<String> {
    let first = match reference.path.first()? {
        Seg::Name(n) => n.as_str(),
        Seg::Index(_) => return None,
    };
    let builtin = DESCENT_FIELDS.contains(&first)
        || first
            .strip_prefix("grad_")
            .is_some_and(|v| vars.iter().any(|x| x == v));
    (builtin && vars.iter().any(|v| v == first)).then(|| first.to_string())
}

/// The built-in fields of a descent run.
pub const DESCENT_FIELDS: [&str; 12] = [
    "y",
    "value",
    "grad",
    "verdict",
    "factor",
    "lr_max",
    "x_star",
    "diverged_at",
    "derivative",
    "f",
    "lr",
    "steps",
];

impl Reference {
    /// Checks, before anything is computed, that the reference names a run of the exercise and
    /// a value such a run has.
    pub fn check_static(
        &self,
        runs: &indexmap::IndexMap<String, super::model::RunSpec>,
    ) -> Result<(), ReferenceError> {
        let spec = runs
            .get(&self.run)
            .ok_or_else(|| ReferenceError::UnknownRun {
                reference: self.to_string(),
                run: self.run.clone(),
                runs: runs.keys().cloned().collect::<Vec<_>>().join(", "),
            })?;
        let names: Vec<&str> = self
            .path
            .iter()
            .filter_map(|s| match s {
                Seg::Name(n) => Some(n.as_str()),
                Seg::Index(_) => None,
            })
            .collect();
        let mut first = names.first().copied().unwrap_or("");
        let known: Vec<String> = if let Some(d) = &spec.descent {
            let vars: Vec<String> = d.from.keys().cloned().collect();
            if let Some((field, rest)) = descent_field(&names, &vars) {
                first = if field == VAR_FIELD {
                    rest.first().copied().unwrap_or("")
                } else {
                    field
                };
            }
            let mut k: Vec<String> = DESCENT_FIELDS.iter().map(|s| s.to_string()).collect();
            for v in d.from.keys() {
                k.push(v.clone());
                k.push(format!("grad_{v}"));
            }
            k
        } else if spec.graph.is_some() {
            ["value", "grad", "local", "local_expr", "output"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        } else {
            ["derivative", "f", "value"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        };
        if known.iter().any(|k| k == first) {
            Ok(())
        } else {
            Err(ReferenceError::UnknownField {
                reference: self.to_string(),
                run: self.run.clone(),
                field: first.into(),
                known: known.join(", "),
            })
        }
    }
}
