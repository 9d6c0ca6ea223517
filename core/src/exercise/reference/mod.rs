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

mod error;
mod fields;
mod resolve;

use std::fmt;

pub use error::ReferenceError;
pub(crate) use fields::ambiguous_field;

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
    /// The names of the path, without its indices (`x` of `main.x[1]`).
    fn names(&self) -> Vec<&str> {
        self.path
            .iter()
            .filter_map(|s| match s {
                Seg::Name(n) => Some(n.as_str()),
                Seg::Index(_) => None,
            })
            .collect()
    }

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
}
