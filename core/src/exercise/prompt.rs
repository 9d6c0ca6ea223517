//! Filling in `{{...}}` placeholders in prompts and hints.
//!
//! A placeholder is `{{NAME}}` or `{{REF}}`, optionally followed by a Python format spec after
//! a colon, as in an f-string: `{{main.x[1]:.3f}}` is `format(main.x[1], ".3f")`. A spec
//! applies to numbers only; a word or an expression with a spec is an error.

use super::compute::Results;
use super::reference::{Answer, Reference, ReferenceError};
use crate::engine::PyNum;

/// Why a prompt's placeholder cannot be filled in.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PromptError {
    /// `{{` with no `}}` after it.
    #[error("a '{{{{' without its '}}}}'")]
    Unclosed,
    /// The placeholder names no parameter and no reference that resolves.
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    /// A format spec on something that is not a number.
    #[error("'{key}' is not a number, so it takes no format spec ':{spec}'")]
    SpecOnWord {
        /// The placeholder.
        key: String,
        /// Its spec.
        spec: String,
    },
    /// A format spec Python would refuse.
    #[error("format spec ':{spec}': {message}")]
    Spec {
        /// The spec.
        spec: String,
        /// Python's complaint.
        message: String,
    },
}

/// Replaces each `{{name}}` by a parameter's value and each `{{REF}}` by what the reference
/// resolves to (`{{main.f}}`, `{{main.lr}}`, `{{main.x[0]}}`), each formatted with its spec
/// when it has one (`{{lr:.2f}}`).
pub fn fill(text: &str, results: &Results) -> Result<String, PromptError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("}}").ok_or(PromptError::Unclosed)?;
        let (key, spec) = split_spec(&after[..close]);
        let value = match (results.params.get(key), spec) {
            (Some(v), None) => crate::pyfmt::present_num(*v),
            (Some(v), Some(spec)) => formatted(*v, spec)?,
            (None, spec) => match (Reference::parse(key)?.resolve(results)?, spec) {
                (a, None) => a.to_string(),
                (Answer::Num(n), Some(spec)) => formatted(n, spec)?,
                (_, Some(spec)) => {
                    return Err(PromptError::SpecOnWord {
                        key: key.to_string(),
                        spec: spec.to_string(),
                    });
                }
            },
        };
        out.push_str(&value);
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A placeholder's key and its format spec (`main.x[1]:.3f` → `main.x[1]`, `.3f`).
pub(crate) fn split_spec(inside: &str) -> (&str, Option<&str>) {
    match inside.split_once(':') {
        Some((key, spec)) => (key.trim(), Some(spec.trim())),
        None => (inside.trim(), None),
    }
}

/// A number formatted as Python's `format(v, spec)`.
pub fn formatted(v: PyNum, spec: &str) -> Result<String, PromptError> {
    crate::pyfmt::format_value(v, spec).map_err(|e| PromptError::Spec {
        spec: spec.to_string(),
        message: e.to_string(),
    })
}
