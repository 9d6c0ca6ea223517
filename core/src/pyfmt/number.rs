//! `format(value, spec)` for ints, floats and strings, after CPython's `format_long_internal`,
//! `format_float_internal` and `format_string_internal` (3.11).

use super::FormatError;
use super::digits::{self, Code, Flags};
use super::layout::{self, Number};
use super::spec::{self, Defaults, Spec, describe_code};
use crate::num::PyNum;

/// Python's `repr(float)`.
pub(crate) fn repr_float(v: f64) -> String {
    let flags = Flags {
        add_dot_0: true,
        ..Flags::default()
    };
    let (negative, text) = digits::double_to_string(v, Code::Repr, 0, flags);
    if negative { format!("-{text}") } else { text }
}

/// Python's `format(v, spec)` for an int or a float.
pub(crate) fn format_value(v: PyNum, text: &str) -> Result<String, FormatError> {
    match v {
        PyNum::Int(i) => format_int(i, text),
        PyNum::Float(f) => {
            let spec = spec::parse(text, Defaults::FLOAT)?;
            format_float(f, &spec)
        }
    }
}

/// Python's `format(s, spec)` for a string.
pub(crate) fn format_str(s: &str, text: &str) -> Result<String, FormatError> {
    if text.is_empty() {
        return Ok(s.to_string());
    }
    let spec = spec::parse(text, Defaults::STR)?;
    if spec.ty != Some('s') {
        return Err(unknown_code(&spec, "str"));
    }
    let not_allowed = |what: &str, col| {
        FormatError::new(
            format!("{what} not allowed in string format specifier"),
            col,
        )
    };
    let c = spec.columns;
    if spec.sign.is_some() {
        return Err(not_allowed("Sign", c.sign));
    }
    if spec.no_neg_0 {
        return Err(not_allowed("Negative zero coercion (z)", c.z));
    }
    if spec.alternate {
        return Err(not_allowed("Alternate form (#)", c.alt));
    }
    if spec.align == '=' {
        return Err(not_allowed("'=' alignment", c.align));
    }
    let truncated: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(layout::pad_text(&truncated, &spec))
}

fn unknown_code(spec: &Spec, type_name: &str) -> FormatError {
    let code = spec.ty.map_or_else(|| "\\x0".to_string(), describe_code);
    FormatError::new(
        format!("Unknown format code '{code}' for object of type '{type_name}'"),
        spec.columns.ty,
    )
}

/// `format(i, spec)`: integer types, or a float type after converting to float.
fn format_int(i: i64, text: &str) -> Result<String, FormatError> {
    let spec = spec::parse(text, Defaults::INT)?;
    match spec.ty {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float(i as f64, &spec),
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_integer(i, &spec),
        _ => Err(unknown_code(&spec, "int")),
    }
}

/// CPython's `format_long_internal`.
fn format_integer(i: i64, spec: &Spec) -> Result<String, FormatError> {
    let c = spec.columns;
    if spec.precision.is_some() {
        return Err(FormatError::new(
            "Precision not allowed in integer format specifier",
            c.precision,
        ));
    }
    if spec.no_neg_0 {
        return Err(FormatError::new(
            "Negative zero coercion (z) not allowed in integer format specifier",
            c.z,
        ));
    }
    if spec.ty == Some('c') {
        return format_char(i, spec);
    }
    let magnitude = i.unsigned_abs();
    let (digits, prefix) = match spec.ty {
        Some('b') => (format!("{magnitude:b}"), "0b"),
        Some('o') => (format!("{magnitude:o}"), "0o"),
        Some('x') => (format!("{magnitude:x}"), "0x"),
        Some('X') => (format!("{magnitude:X}"), "0X"),
        _ => (magnitude.to_string(), ""),
    };
    let number = Number {
        negative: i < 0,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        point: false,
        remainder: "",
    };
    Ok(layout::render(&number, spec))
}

/// Type `c`: the character with that code point.
fn format_char(i: i64, spec: &Spec) -> Result<String, FormatError> {
    let c = spec.columns;
    if spec.sign.is_some() {
        return Err(FormatError::new(
            "Sign not allowed with integer format specifier 'c'",
            c.sign,
        ));
    }
    if spec.alternate {
        return Err(FormatError::new(
            "Alternate form (#) not allowed with integer format specifier 'c'",
            c.alt,
        ));
    }
    if !(0..=0x10ffff).contains(&i) {
        return Err(FormatError::new("%c arg not in range(0x110000)", c.ty));
    }
    let ch = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| {
            FormatError::new(
                format!("code point {i:#x} is a lone surrogate, which cannot be printed"),
                c.ty,
            )
        })?;
    let text = ch.to_string();
    let number = Number {
        negative: false,
        prefix: "",
        digits: "",
        point: false,
        remainder: &text,
    };
    Ok(layout::render(&number, spec))
}

/// CPython's `format_float_internal`.
fn format_float(val: f64, spec: &Spec) -> Result<String, FormatError> {
    let (mut code, add_dot_0, default_precision) = match spec.ty {
        None => (Code::Repr, true, 0),
        Some('e' | 'E') => (Code::Exp, false, 6),
        Some('f' | 'F' | '%') => (Code::Fixed, false, 6),
        Some('g' | 'G' | 'n') => (Code::General, false, 6),
        Some(_) => return Err(unknown_code(spec, "float")),
    };
    let percent = spec.ty == Some('%');
    let val = if percent { val * 100.0 } else { val };
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == Code::Repr {
                code = Code::General;
            }
            p
        }
    };
    let flags = Flags {
        add_dot_0,
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        upper: matches!(spec.ty, Some('E' | 'F' | 'G')),
    };
    let (negative, mut text) = digits::double_to_string(val, code, precision, flags);
    if percent {
        text.push('%');
    }
    Ok(layout::render(
        &Number::from_float_text(negative, &text),
        spec,
    ))
}
