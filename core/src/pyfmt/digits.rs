//! Decimal digits of a float, laid out as CPython's `PyOS_double_to_string` does.
//!
//! The digits come from Rust's correctly rounded float formatting and are normalised to the
//! form `_Py_dg_dtoa` returns (no leading or trailing zeros, plus the position of the decimal
//! point); [`lay_out`] is a port of `format_float_short` in `Python/pystrtod.c`.

/// How to turn a float into text: CPython's format codes after mapping
/// (`e`, `f`, `g` and `r` for repr), with the precision as CPython passes it on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Code {
    /// Scientific notation with `precision` digits after the point.
    Exp,
    /// Fixed notation with `precision` digits after the point.
    Fixed,
    /// General format with `precision` significant digits.
    General,
    /// Shortest round-trip digits (repr).
    Repr,
}

/// Options of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Flags {
    /// Add `.0` to an integral value in fixed notation (`Py_DTSF_ADD_DOT_0`).
    pub add_dot_0: bool,
    /// Alternate form `#`: keep the point and trailing zeros (`Py_DTSF_ALT`).
    pub alt: bool,
    /// `z`: drop the sign of a result that is zero (`Py_DTSF_NO_NEG_0`).
    pub no_neg_0: bool,
    /// Upper case `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// Digits as `_Py_dg_dtoa` gives them: the value is `0.DIGITS * 10^decpt`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Decimal {
    /// ASCII digits without leading or trailing zeros, or `"0"` for zero.
    digits: String,
    /// Position of the decimal point relative to the start of `digits`.
    decpt: i64,
}

impl Decimal {
    /// Strip leading zeros (moving the point) and trailing zeros; zero becomes `"0"`, 1.
    fn normalized(all: &str, decpt: i64) -> Decimal {
        let trimmed = all.trim_start_matches('0');
        let decpt = decpt - (all.len() - trimmed.len()) as i64;
        let trimmed = trimmed.trim_end_matches('0');
        if trimmed.is_empty() {
            return Decimal {
                digits: "0".to_string(),
                decpt: 1,
            };
        }
        Decimal {
            digits: trimmed.to_string(),
            decpt,
        }
    }

    /// From Rust's scientific output such as `1.2345e-5` (non-negative value).
    fn from_exponential(text: &str) -> Decimal {
        let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        Decimal::normalized(&digits, parse_exponent(exponent) + 1)
    }

    /// From Rust's fixed output such as `123.4500` (non-negative value).
    fn from_fixed(text: &str) -> Decimal {
        let (int_part, frac_part) = text.split_once('.').unwrap_or((text, ""));
        let digits = format!("{int_part}{frac_part}");
        Decimal::normalized(&digits, int_part.len() as i64)
    }

    fn is_zero(&self) -> bool {
        self.digits == "0"
    }
}

/// Parse an exponent such as `-5` or `16` (Rust's own output, so always well formed).
fn parse_exponent(text: &str) -> i64 {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let magnitude = digits
        .chars()
        .filter_map(|c| c.to_digit(10))
        .fold(0i64, |acc, d| {
            acc.saturating_mul(10).saturating_add(i64::from(d))
        });
    if negative { -magnitude } else { magnitude }
}

/// Shortest round-trip digits (`dtoa` mode 0).
///
/// Rust's `{:e}` gives the shortest length, but when two candidates of that length are equally
/// close to the value it rounds up, while `dtoa` rounds to even (`1370695764785664.25` is
/// `...64.2` in Python). So the correctly rounded (ties-to-even) string of the same length is
/// preferred whenever it reads back as the same value.
fn shortest(v: f64) -> Decimal {
    let rust = Decimal::from_exponential(&format!("{v:e}"));
    let nearest_text = format!("{:.*e}", rust.digits.len().saturating_sub(1), v);
    match nearest_text.parse::<f64>() {
        Ok(back) if back == v => Decimal::from_exponential(&nearest_text),
        _ => rust,
    }
}

/// `n >= 1` correctly rounded significant digits (`dtoa` mode 2).
fn significant(v: f64, n: usize) -> Decimal {
    Decimal::from_exponential(&format!("{:.*e}", n.saturating_sub(1), v))
}

/// Correctly rounded digits up to `n` places after the point (`dtoa` mode 3).
fn fixed(v: f64, n: usize) -> Decimal {
    Decimal::from_fixed(&format!("{v:.n$}"))
}

/// CPython's `PyOS_double_to_string(val, code, precision, flags)`, returned as whether a
/// minus sign is needed and the unsigned text.
pub(crate) fn double_to_string(
    val: f64,
    code: Code,
    precision: usize,
    flags: Flags,
) -> (bool, String) {
    if val.is_nan() {
        return (false, if flags.upper { "NAN" } else { "nan" }.to_string());
    }
    if val.is_infinite() {
        return (
            val < 0.0,
            if flags.upper { "INF" } else { "inf" }.to_string(),
        );
    }
    let magnitude = val.abs();
    let (decimal, precision) = match code {
        Code::Exp => (significant(magnitude, precision + 1), precision + 1),
        Code::Fixed => (fixed(magnitude, precision), precision),
        Code::General => (significant(magnitude, precision.max(1)), precision.max(1)),
        Code::Repr => (shortest(magnitude), 0),
    };
    let negative = val.is_sign_negative() && !(flags.no_neg_0 && decimal.is_zero());
    (negative, lay_out(&decimal, code, precision as i64, flags))
}

/// Port of the layout part of CPython's `format_float_short`: pad the digits with zeros on
/// either side, place the point, and add an exponent of at least two digits if needed.
fn lay_out(d: &Decimal, code: Code, precision: i64, flags: Flags) -> String {
    let digits_len = d.digits.len() as i64;
    let mut decpt = d.decpt;
    let mut vdigits_end = digits_len;
    let use_exp = match code {
        Code::Exp => {
            vdigits_end = precision;
            true
        }
        Code::Fixed => {
            vdigits_end = decpt + precision;
            false
        }
        Code::General => {
            if flags.alt {
                vdigits_end = precision;
            }
            decpt <= -4
                || decpt
                    > if flags.add_dot_0 {
                        precision - 1
                    } else {
                        precision
                    }
        }
        Code::Repr => decpt <= -4 || decpt > 16,
    };
    let exp = decpt - 1;
    if use_exp {
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && flags.add_dot_0 {
        decpt + 1
    } else {
        decpt
    };
    let vdigits_end = vdigits_end.max(min_end);

    let mut out = String::new();
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    match usize::try_from(decpt) {
        Ok(point) if point > 0 && point <= d.digits.len() => {
            out.push_str(&d.digits[..point]);
            out.push('.');
            out.push_str(&d.digits[point..]);
        }
        _ => out.push_str(&d.digits),
    }
    if digits_len < decpt {
        push_zeros(&mut out, decpt - digits_len);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decpt);
    } else {
        push_zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_like_dtoa() {
        let d = Decimal::from_fixed("0.001200");
        assert_eq!((d.digits.as_str(), d.decpt), ("12", -2));
        let d = Decimal::from_fixed("120.00");
        assert_eq!((d.digits.as_str(), d.decpt), ("12", 3));
        let d = Decimal::from_exponential("1.50e-5");
        assert_eq!((d.digits.as_str(), d.decpt), ("15", -4));
        let d = Decimal::from_fixed("0.000");
        assert_eq!((d.digits.as_str(), d.decpt), ("0", 1));
    }

    #[test]
    fn exponent_has_two_digits() {
        let (neg, s) = double_to_string(-1e-5, Code::Repr, 0, Flags::default());
        assert_eq!((neg, s.as_str()), (true, "1e-05"));
        let (_, s) = double_to_string(1e300, Code::Exp, 2, Flags::default());
        assert_eq!(s, "1.00e+300");
    }
}
