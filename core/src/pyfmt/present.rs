//! The number presenter: how gbl shows a number to a person (prompts, feedback, solutions,
//! tables, sentences, JSON meant for people).
//!
//! A value computed in floating point often carries noise in its last bits: 3 − 2.8 is
//! `0.20000000000000018`, 0.1·0.2 is `0.020000000000000004`. A person reading a task means
//! 0.2 and 0.02. The presenter shows the **shortest decimal of at most [`MAX_CLEAN_DIGITS`]
//! significant digits within [`NOISE_ULPS`] units in the last place** of the value, written as Python writes a float (`0.2`, `2.0`, `1e-05`); ints as
//! ints. A value with no shorter neighbour is shown with all its round-trip digits, so no real
//! difference is ever hidden: two numbers more than a few ulps apart never present the same.
//!
//! Sentences and worked steps use [`short`] instead (6 significant digits, no trailing
//! zeros: `0.333333`), and [`paren`] puts a negative number of a formula in parentheses.
//!
//! Machine output (trace values, the JSON of `descend`, `derive` and `backprop`) keeps exact
//! values and does not use this module.

use crate::num::PyNum;

/// How many units in the last place count as noise.
pub(crate) const NOISE_ULPS: f64 = 8.0;

/// A noise-free reading has at most this many significant digits; a value whose nearest short
/// decimal needs more (1/3) is shown with its round-trip digits.
pub(crate) const MAX_CLEAN_DIGITS: usize = 12;

/// The value a person means by `v`: the shortest decimal within [`NOISE_ULPS`] ulps of it.
pub(crate) fn denoise(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    let tolerance = NOISE_ULPS * f64::EPSILON * v.abs();
    for digits in 0..MAX_CLEAN_DIGITS {
        let text = format!("{v:.digits$e}");
        if let Ok(near) = text.parse::<f64>()
            && (near - v).abs() <= tolerance
        {
            return near;
        }
    }
    v
}

/// A float as a person should read it: `0.19999999999999996` → `0.2`, `2.0000000000000004` →
/// `2.0`, `1e-05`, `1.5e+16`.
pub fn present(v: f64) -> String {
    super::repr_float(denoise(v))
}

/// An int or a float as a person should read it (an int is shown as it is).
pub fn present_num(v: PyNum) -> String {
    match v {
        PyNum::Int(i) => i.to_string(),
        PyNum::Float(f) => present(f),
    }
}

/// The value with float noise removed, keeping ints as they are.
pub fn denoise_num(v: PyNum) -> PyNum {
    match v {
        PyNum::Int(_) => v,
        PyNum::Float(f) => PyNum::Float(denoise(f)),
    }
}

/// A number in a sentence: up to 6 significant digits, no trailing zeros.
pub fn short(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let mag = v.abs().log10();
    if !(-5.0..15.0).contains(&mag) {
        return format!("{v:.5e}");
    }
    let digits = (5 - mag.floor() as i64).clamp(0, 20) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A number as a person writes it in a worked step: an int as it is, a float to 6
/// significant digits ([`short`]).
pub fn short_num(v: PyNum) -> String {
    match v {
        PyNum::Int(i) => i.to_string(),
        PyNum::Float(f) => short(f),
    }
}

/// A number in a formula: a negative one in parentheses, `(-0.5)`.
pub fn paren(s: String) -> String {
    if s.starts_with('-') {
        format!("({s})")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_noise_is_removed() {
        // Values as CPython computes them: 3 - 0.2*14 and 0.1*0.2, 0.1*3, 2*0.9999999999999998.
        assert_eq!(present(0.19999999999999996), "0.2");
        assert_eq!(present(0.020000000000000004), "0.02");
        assert_eq!(present(1.9999999999999996), "2.0");
        assert_eq!(present(0.30000000000000004), "0.3");
        assert_eq!(present(3.0 - 0.2 * 14.0), "0.2");
    }

    #[test]
    fn real_digits_are_kept() {
        assert_eq!(present(2.4), "2.4");
        assert_eq!(present(0.1234567890123), "0.1234567890123");
        assert_eq!(present(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(present(1e-5), "1e-05");
        assert_eq!(present(1.5e16), "1.5e+16");
        assert_eq!(present(-0.0), "-0.0");
        assert_eq!(present_num(PyNum::Int(3)), "3");
        // Two values 100 ulps apart never present the same.
        let a = 0.7;
        let b = a + 100.0 * f64::EPSILON * a;
        assert_ne!(present(a), present(b));
    }
}
