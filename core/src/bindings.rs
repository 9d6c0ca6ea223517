//! Values given on the command line or in files: `x=3`, `x1=3,x2=-2`, `lr=1/10`.

use crate::clip::quoted;
use crate::engine::eval::eval;
use crate::engine::parse::ParseErrorKind;
use crate::engine::{PyNum, parse};

/// Parses a constant (`3`, `-2`, `0.1`, `1/10`) into a number: an int when written as one.
pub fn constant(text: &str) -> Result<PyNum, String> {
    let e = parse(text).map_err(|e| match e.kind {
        // Already "'1e400' is not a number": not twice.
        ParseErrorKind::BadNumber { .. } => e.kind.to_string(),
        kind => format!("{} is not a number: {kind}", quoted(text)),
    })?;
    if let Some(v) = e.variables().first() {
        return Err(format!("{} is not a number (it uses '{v}')", quoted(text)));
    }
    eval(&e, &[]).map_err(|e| format!("{}: {e}", quoted(text)))
}

/// Parses `NAME=VALUE` pairs separated by commas (and given in several arguments).
pub fn bindings<S: AsRef<str>>(args: &[S]) -> Result<Vec<(String, PyNum)>, String> {
    let mut out: Vec<(String, PyNum)> = Vec::new();
    for arg in args {
        for part in arg.as_ref().split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let Some((name, value)) = part.split_once('=') else {
                return Err(format!("expected NAME=VALUE, found '{part}'"));
            };
            let name = name.trim();
            if !is_name(name) {
                return Err(format!("'{name}' is not a variable name"));
            }
            if out.iter().any(|(n, _)| n == name) {
                return Err(format!("'{name}' is given twice"));
            }
            out.push((name.to_string(), constant(value.trim())?));
        }
    }
    Ok(out)
}

/// Parses `NAME=EXPRESSION` pairs (one per argument, since expressions may hold commas no).
pub fn named_exprs<S: AsRef<str>>(args: &[S]) -> Result<Vec<(String, String)>, String> {
    args.iter()
        .map(|a| {
            let a = a.as_ref();
            let (name, e) = a
                .split_once('=')
                .ok_or_else(|| format!("expected NAME=EXPRESSION, found '{a}'"))?;
            let name = name.trim();
            if !is_name(name) {
                return Err(format!("'{name}' is not a variable name"));
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
