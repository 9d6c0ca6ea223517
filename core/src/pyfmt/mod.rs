//! Python number formatting, digit for digit as CPython 3.11 prints it.
//!
//! The reference output of an exercise is what a student's Python program prints with
//! f-strings such as `f"{i}-th x: {x:.4f}"`. This module reproduces that output exactly:
//!
//! - [`repr_float`] is Python's `repr(float)` (shortest round-trip digits, `1e-05`, `-0.0`);
//! - [`format_value`] is Python's `format(value, spec)` for an int or a float, with the whole
//!   format-spec mini-language `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`;
//! - [`Template`] parses and renders a format string such as `"{i}-th x: {x:.4f}"`, including
//!   the f-string self-documenting form `{x = :.4f}` and the conversions `!r`, `!s`, `!a`.
//!
//! The layout logic is a port of CPython's `Python/formatter_unicode.c` and of
//! `format_float_short` in `Python/pystrtod.c`. The decimal digits themselves come from Rust's
//! float formatting, which, like CPython's `dtoa`, rounds the exact binary value correctly
//! (ties to even): `{:e}` gives the shortest round-trip digits, `{:.Ne}` and `{:.N}` give
//! correctly rounded significant and fixed digits.
//!
//! Errors are values: [`FormatError`] for a spec, [`TemplateError`] for a template, both with
//! the 1-based column (in characters) of the problem. Nothing here panics on any input.

mod digits;
mod layout;
mod number;
pub mod present;
mod spec;
mod template;
#[cfg(test)]
mod tests;

pub use present::{present, present_num};
pub use template::{Field, MAX_FIELDS, MAX_TEMPLATE_BYTES, Piece, Template, TemplateError};

use std::fmt;

use crate::num::PyNum;

/// The largest width or precision a format spec may ask for (larger ones are rejected to avoid
/// huge allocations; CPython would accept them).
pub(crate) const MAX_WIDTH: usize = 1000;

/// An invalid format spec, or a spec that does not apply to the value's type.
///
/// The message uses CPython's own wording where CPython has one, e.g.
/// `Unknown format code 'd' for object of type 'float'`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct FormatError {
    /// What is wrong, in CPython's words when it has them.
    pub message: String,
    /// The 1-based column (in characters) of the problem within the spec.
    pub column: usize,
}

impl FormatError {
    /// An error with a message at a 1-based column of the spec.
    pub(crate) fn new(message: impl Into<String>, column: usize) -> Self {
        FormatError {
            message: message.into(),
            column: column.max(1),
        }
    }
}

/// Python's `repr(float)`: the shortest digits that read back as the same float, in fixed
/// notation when `1e-4 <= |v| < 1e16` (always with a fractional part: `3.0`) and in scientific
/// notation otherwise (`1e-05`, `1.5e+16`); `inf`, `-inf`, `nan`, `-0.0`.
pub fn repr_float(v: f64) -> String {
    number::repr_float(v)
}

/// Python's `repr(v)` (the same as `str(v)`) of an int or a float: `3`, `3.0`, `1e-05`.
pub fn repr_value(v: PyNum) -> String {
    match v {
        PyNum::Int(i) => i.to_string(),
        PyNum::Float(f) => repr_float(f),
    }
}

impl fmt::Display for PyNum {
    /// Python's `str(v)`: `3` for an int, `3.0` or `1e-05` for a float.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PyNum::Int(i) => write!(f, "{i}"),
            PyNum::Float(v) => f.write_str(&repr_float(*v)),
        }
    }
}

/// Python's `format(value, spec)` for an int or a float, e.g. with spec `".4f"`, `"8.3f"`,
/// `"+.2e"`, `"g"`, `".3g"`, `"d"`, `","`, `"_"`, `"%"`, `""`, `">10"`, `"010.4f"` or `"z.2f"`.
///
/// An int formatted with a float type (`e E f F g G %`) is converted to a float first, as in
/// Python. Widths and precisions above [`MAX_WIDTH`] are rejected.
pub fn format_value(v: PyNum, spec: &str) -> Result<String, FormatError> {
    number::format_value(v, spec)
}

/// Python's `format(text, spec)` for a string, as used after a conversion (`{x!r:>10}`):
/// left-aligned by default, precision truncates, type `s` or none.
pub(crate) fn format_str(text: &str, spec: &str) -> Result<String, FormatError> {
    number::format_str(text, spec)
}
