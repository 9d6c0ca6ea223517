//! Values given on the command line or in files: `x=3`, `x1=3,x2=-2`, `lr=1/10`.

use crate::clip::quoted;
use crate::engine::eval::{EvalError, eval};
use crate::engine::parse::ParseErrorKind;
use crate::engine::{PyNum, parse};

/// Why a value on a command line (or in a file) cannot be read. Each message names the text.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BindingError {
    /// A number the parser refuses as such ("'1e400' is not a number").
    #[error("{0}")]
    BadNumber(ParseErrorKind),
    /// Text that is no expression.
    #[error("{text} is not a number: {kind}")]
    NotANumber {
        /// The text, quoted (and clipped when long).
        text: String,
        /// Why it does not parse.
        kind: ParseErrorKind,
    },
    /// An expression with a variable in it.
    #[error("{text} is not a number (it uses '{var}')")]
    UsesVariable {
        /// The text, quoted.
        text: String,
        /// Its first variable.
        var: String,
    },
    /// An expression without a value (division by zero, …).
    #[error("{text}: {error}")]
    NoValue {
        /// The text, quoted.
        text: String,
        /// Why it has no value.
        error: EvalError,
    },
    /// A part without its `=`.
    #[error("expected NAME={what}, found '{part}'")]
    NoEquals {
        /// `VALUE` or `EXPRESSION`.
        what: &'static str,
        /// The part.
        part: String,
    },
    /// A name that is no variable name.
    #[error("'{0}' is not a variable name")]
    NotAName(String),
    /// A name given twice.
    #[error("'{0}' is given twice")]
    Twice(String),
}

/// Parses a constant (`3`, `-2`, `0.1`, `1/10`) into a number: an int when written as one.
pub fn constant(text: &str) -> Result<PyNum, BindingError> {
    let e = parse(text).map_err(|e| match e.kind {
        // Already "'1e400' is not a number": not twice.
        kind @ ParseErrorKind::BadNumber { .. } => BindingError::BadNumber(kind),
        kind => BindingError::NotANumber {
            text: quoted(text),
            kind,
        },
    })?;
    if let Some(v) = e.variables().first() {
        return Err(BindingError::UsesVariable {
            text: quoted(text),
            var: v.clone(),
        });
    }
    eval(&e, &[]).map_err(|error| BindingError::NoValue {
        text: quoted(text),
        error,
    })
}

/// Parses `NAME=VALUE` pairs separated by commas (and given in several arguments).
pub fn bindings<S: AsRef<str>>(args: &[S]) -> Result<Vec<(String, PyNum)>, BindingError> {
    let mut out: Vec<(String, PyNum)> = Vec::new();
    for arg in args {
        for part in arg.as_ref().split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let Some((name, value)) = part.split_once('=') else {
                return Err(BindingError::NoEquals {
                    what: "VALUE",
                    part: part.into(),
                });
            };
            let name = name.trim();
            if !is_name(name) {
                return Err(BindingError::NotAName(name.into()));
            }
            if out.iter().any(|(n, _)| n == name) {
                return Err(BindingError::Twice(name.into()));
            }
            out.push((name.to_string(), constant(value.trim())?));
        }
    }
    Ok(out)
}

/// Parses `NAME=EXPRESSION` pairs (one per argument, since expressions may hold commas no).
pub fn named_exprs<S: AsRef<str>>(args: &[S]) -> Result<Vec<(String, String)>, BindingError> {
    args.iter()
        .map(|a| {
            let a = a.as_ref();
            let (name, e) = a.split_once('=').ok_or_else(|| BindingError::NoEquals {
                what: "EXPRESSION",
                part: a.into(),
            })?;
            let name = name.trim();
            if !is_name(name) {
                return Err(BindingError::NotAName(name.into()));
            }
            Ok((name.to_string(), e.trim().to_string()))
        })
        .collect()
}

/// Whether `s` is a variable name.
pub fn is_name(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && crate::engine::Func::from_name(s).is_none()
}
