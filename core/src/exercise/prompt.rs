//! Filling in `{{...}}` placeholders in prompts and hints.
//!
//! A placeholder is `{{NAME}}` or `{{REF}}`, optionally followed by a Python format spec after
//! a colon, as in an f-string: `{{main.x[1]:.3f}}` is `format(main.x[1], ".3f")`. A spec
//! applies to numbers only; a word or an expression with a spec is an error.

use super::compute::Results;
use super::reference::{Answer, Reference};
use crate::engine::PyNum;

/// Replaces each `{{name}}` by a parameter's value and each `{{REF}}` by what the reference
/// resolves to (`{{main.f}}`, `{{main.lr}}`, `{{main.x[0]}}`), each formatted with its spec
/// when it has one (`{{lr:.2f}}`).
pub fn fill(text: &str, results: &Results) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("}}")
            .ok_or_else(|| "a '{{' without its '}}'".to_string())?;
        let (key, spec) = split_spec(&after[..close]);
        let value = match (results.params.get(key), spec) {
            (Some(v), None) => crate::pyfmt::present_num(*v),
            (Some(v), Some(spec)) => formatted(*v, spec)?,
            (None, spec) => match (Reference::parse(key)?.resolve(results)?, spec) {
                (a, None) => a.to_string(),
                (Answer::Num(n), Some(spec)) => formatted(n, spec)?,
                (_, Some(spec)) => {
                    return Err(format!(
                        "'{key}' is not a number, so it takes no format spec ':{spec}'"
                    ));
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
pub fn formatted(v: PyNum, spec: &str) -> Result<String, String> {
    crate::pyfmt::format_value(v, spec).map_err(|e| format!("format spec ':{spec}': {e}"))
}
