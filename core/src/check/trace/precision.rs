//! How many digits a trace template asks for, and whether a printed number meets them.
//!
//! # The rule
//! A field's format spec says the digits the task asks: `{x:.4f}` four decimals, `{x:.2%}` two
//! decimals of the percentage, `{x:.3e}` and `{x:.4g}` four and four significant digits; a
//! field without a precision (`{x}`, Python's repr) prints the value *in full*. Against the
//! reference value `v`, a printed number `n`, read exactly as a decimal, is
//! - **right** when it is within float noise of `v` (relative [`NOISE`], wide enough for the
//!   same arithmetic done in another order, `x = 0.8*x` for `x = x - x/5`); else,
//! - with **as many digits** as the template: when it is `v` correctly rounded to them;
//! - with **fewer digits** (`round(x, 4)` prints `2.4`): when it equals `v` rounded to the
//!   template's digits (trailing zeros dropped); a correct rounding of `v` to fewer digits
//!   with another value (`2` for `2.4000`) is *too coarse* and wrong;
//! - with **more digits**: when it is `v` correctly rounded to its own digits, or when it
//!   rounds to `v`'s text at the template's digits;
//! - for a **repr** field (`{x}`): right only within the noise band (about ten significant
//!   digits prove it); a correct rounding to fewer digits (`0.4027` for
//!   `0.40265318400000005`) is too coarse.
//!
//! A value a hair (a few ulps) from a rounding tie accepts either neighbour, as in
//! [`crate::check::number`].

use crate::check::number::{Verdict, compare};
use crate::exercise::model::Tolerance;
use crate::t;

use super::rounding::{round_printed, rounded_at};
use super::scan::Number;

/// The relative difference within which two values are the same arithmetic in another order.
pub(crate) const NOISE: f64 = 1e-9;

/// The digits a field's format spec asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Digits {
    /// No precision: the value in full (Python's repr).
    Full,
    /// This many decimals (`f`, `F`, `%`).
    Decimals(u32),
    /// This many significant digits (`e`, `E`, `g`, `G`, none).
    Significant(u32),
}

impl Digits {
    /// The digits of a format spec (`.4f`, `>10.3e`, `,.2f`, `` for repr).
    pub(crate) fn of_spec(spec: &str) -> Digits {
        let ty = spec
            .chars()
            .last()
            .filter(|c| c.is_ascii_alphabetic() || *c == '%');
        let body = match ty {
            Some(c) => &spec[..spec.len() - c.len_utf8()],
            None => spec,
        };
        let precision = body
            .rsplit_once('.')
            .filter(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|(_, p)| p.parse::<u32>().ok())
            .map(|p| p.min(60));
        match (ty, precision) {
            (Some('f' | 'F' | '%'), p) => Digits::Decimals(p.unwrap_or(6)),
            (Some('e' | 'E'), p) => Digits::Significant(p.unwrap_or(6) + 1),
            (Some('g' | 'G' | 'n'), p) => Digits::Significant(p.unwrap_or(6).max(1)),
            (None, Some(p)) => Digits::Significant(p.max(1)),
            _ => Digits::Full,
        }
    }

    /// The power of ten of the last digit the template prints for `v` (`None` for repr).
    pub(crate) fn last_exp(self, v: f64) -> Option<i64> {
        match self {
            Digits::Full => None,
            Digits::Decimals(d) => Some(-i64::from(d)),
            Digits::Significant(s) => {
                let lead = if v == 0.0 || !v.is_finite() {
                    0
                } else {
                    // The exponent of the rounded value's leading digit (9.99 → 1.0e1).
                    let t = format!("{:.*e}", (s.max(1) - 1) as usize, v);
                    t.rsplit_once('e')
                        .and_then(|(_, e)| e.parse::<i64>().ok())
                        .unwrap_or(0)
                };
                Some(lead - i64::from(s.max(1)) + 1)
            }
        }
    }

    /// The digits in words: `4 decimals`, `the value in full`.
    pub(crate) fn amount(self) -> String {
        match self {
            Digits::Full => t!("trace-digits-full"),
            Digits::Decimals(1) => t!("trace-digits-decimals-one", count = 1),
            Digits::Decimals(d) => t!("trace-digits-decimals", count = d),
            Digits::Significant(1) => t!("trace-digits-significant-one", count = 1),
            Digits::Significant(s) => t!("trace-digits-significant", count = s),
        }
    }

    /// What the task asks, in words: `asks 4 decimals`, `prints the value in full`.
    pub(super) fn describe(self) -> String {
        match self {
            Digits::Full => t!("trace-asks-full"),
            _ => t!("trace-asks", amount = self.amount()),
        }
    }
}

/// How a printed number compares with a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumVerdict {
    /// Right at the template's digits.
    Right,
    /// A correct rounding of the value to fewer digits than the task asks, with another value.
    Coarse,
    /// Wrong.
    Wrong,
}

/// Whether `n` is within float noise of `v`.
pub(crate) fn within_noise(n: f64, v: f64) -> bool {
    (n - v).abs() <= NOISE * v.abs().max(f64::MIN_POSITIVE)
}

/// Whether `n` is within the exercise's tolerance of `v` (a difference equal to it counts).
fn within_tol(n: f64, v: f64, tol: Option<Tolerance>) -> bool {
    let Some(t) = tol else { return false };
    let diff = (n - v).abs();
    let within = |limit: f64| diff <= limit * (1.0 + 1e-9);
    t.abs.is_some_and(within) || t.rel.is_some_and(|r| within(r * v.abs()))
}

/// Judges a printed number against the reference value `v` by the template's digits.
pub(crate) fn against_value(
    n: &Number,
    v: f64,
    digits: Digits,
    tol: Option<Tolerance>,
) -> NumVerdict {
    if !n.value.is_finite() || !v.is_finite() {
        return NumVerdict::Wrong;
    }
    if within_noise(n.value, v) {
        return NumVerdict::Right;
    }
    let at_own_digits = compare(&n.printed, v, 0, tol) == Verdict::Right;
    let Some(t) = digits.last_exp(v) else {
        // Repr: only the noise band (or the exercise's tolerance) proves the value.
        if within_tol(n.value, v, tol) {
            return NumVerdict::Right;
        }
        return if at_own_digits {
            NumVerdict::Coarse
        } else {
            NumVerdict::Wrong
        };
    };
    let want = rounded_at(v, t);
    if n.printed.exp > t {
        // Fewer digits: the printed decimal must be the template's rounding itself.
        if want.iter().any(|w| w.same_value(&n.printed)) {
            return NumVerdict::Right;
        }
        if within_tol(n.value, v, tol) {
            return NumVerdict::Right;
        }
        return if at_own_digits {
            NumVerdict::Coarse
        } else {
            NumVerdict::Wrong
        };
    }
    if at_own_digits {
        return NumVerdict::Right;
    }
    if n.printed.exp < t
        && round_printed(&n.printed, t)
            .iter()
            .any(|r| want.iter().any(|w| w.same_value(r)))
    {
        return NumVerdict::Right;
    }
    NumVerdict::Wrong
}

/// Half a unit of the last digit the template prints for `v`: how far a value printed to the
/// template's digits may be from the truth (noise for repr).
pub(crate) fn template_half_unit(digits: Digits, v: f64) -> f64 {
    match digits.last_exp(v) {
        Some(t) => 0.5 * 10f64.powi(t.clamp(-400, 400) as i32),
        None => NOISE * v.abs(),
    }
}

/// Judges a printed number against a predicted value with a spread (credit carried forward):
/// right when it is a rounding, to the template's digits, of some value within the spread.
pub(crate) fn against_prediction(
    n: &Number,
    v: f64,
    spread: f64,
    digits: Digits,
    tol: Option<Tolerance>,
) -> NumVerdict {
    if !n.value.is_finite() || !v.is_finite() {
        return NumVerdict::Wrong;
    }
    let diff = (n.value - v).abs();
    let slack = 1e-12 * v.abs().max(n.value.abs()).max(1e-300);
    let h = template_half_unit(digits, v);
    let own = match digits {
        // A repr value with round-trip digits is exact to its last digit.
        Digits::Full if n.printed.digits.len() >= 15 => n.half_unit(),
        Digits::Full => 0.0,
        _ => 0.0,
    };
    if diff <= h.max(own) + spread + slack {
        return NumVerdict::Right;
    }
    if let Some(t) = tol {
        let widened = |l: f64| diff <= l + spread + slack;
        if t.abs.is_some_and(widened) || t.rel.is_some_and(|r| widened(r * v.abs())) {
            return NumVerdict::Right;
        }
    }
    if diff <= n.half_unit() + spread + slack {
        NumVerdict::Coarse
    } else {
        NumVerdict::Wrong
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::trace::scan::parse_field;

    fn n(s: &str) -> Number {
        parse_field(s).expect("a number")
    }

    const F4: Digits = Digits::Decimals(4);

    #[test]
    fn specs_give_digits() {
        assert_eq!(Digits::of_spec(".4f"), Digits::Decimals(4));
        assert_eq!(Digits::of_spec(">10,.2f"), Digits::Decimals(2));
        assert_eq!(Digits::of_spec(".1%"), Digits::Decimals(1));
        assert_eq!(Digits::of_spec(".3e"), Digits::Significant(4));
        assert_eq!(Digits::of_spec(".4g"), Digits::Significant(4));
        assert_eq!(Digits::of_spec(".3"), Digits::Significant(3));
        assert_eq!(Digits::of_spec("f"), Digits::Decimals(6));
        assert_eq!(Digits::of_spec(""), Digits::Full);
        assert_eq!(Digits::of_spec(">8"), Digits::Full);
        assert_eq!(Digits::Significant(2).last_exp(2.4), Some(-1));
        assert_eq!(Digits::Significant(2).last_exp(9.96), Some(0));
        assert_eq!(Digits::Significant(3).last_exp(0.0181), Some(-4));
    }

    #[test]
    fn the_templates_digits_decide() {
        let v = 2.4000000000000004;
        assert_eq!(against_value(&n("2.4000"), v, F4, None), NumVerdict::Right);
        // round(x, 4) drops trailing zeros: the same decimal.
        assert_eq!(against_value(&n("2.4"), v, F4, None), NumVerdict::Right);
        assert_eq!(against_value(&n("2"), v, F4, None), NumVerdict::Coarse);
        assert_eq!(against_value(&n("2.4001"), v, F4, None), NumVerdict::Wrong);
        // .2f of 1.536 is 1.54: a rounding, but not the value at 4 decimals.
        assert_eq!(
            against_value(&n("1.54"), 1.536, F4, None),
            NumVerdict::Coarse
        );
        assert_eq!(
            against_value(&n("1.53"), 1.536, F4, None),
            NumVerdict::Wrong
        );
        // More digits: a correct rounding, or the same text at 4 decimals.
        assert_eq!(
            against_value(&n("0.40265318"), 0.40265318400000005, F4, None),
            NumVerdict::Right
        );
        assert_eq!(
            against_value(&n("0.40266"), 0.40265318400000005, F4, None),
            NumVerdict::Right
        );
        assert_eq!(
            against_value(&n("0.40286"), 0.40265318400000005, F4, None),
            NumVerdict::Wrong
        );
    }

    #[test]
    fn float_noise_passes_and_repr_needs_the_full_value() {
        let v = 0.40265318400000005;
        let noisy = n("0.40265318400000033");
        assert_eq!(against_value(&noisy, v, F4, None), NumVerdict::Right);
        assert_eq!(
            against_value(&noisy, v, Digits::Full, None),
            NumVerdict::Right
        );
        assert_eq!(
            against_value(&n("0.4027"), v, Digits::Full, None),
            NumVerdict::Coarse
        );
        assert_eq!(
            against_value(&n("3.0"), 3.0, Digits::Full, None),
            NumVerdict::Right
        );
        assert_eq!(
            against_value(&n("0.4028"), v, Digits::Full, None),
            NumVerdict::Wrong
        );
    }

    #[test]
    fn significant_digits() {
        let s2 = Digits::Significant(2);
        assert_eq!(
            against_value(&n("2.4e+00"), 2.4, s2, None),
            NumVerdict::Right
        );
        assert_eq!(
            against_value(&n("2e+00"), 2.4, s2, None),
            NumVerdict::Coarse
        );
        assert_eq!(
            against_value(&n("1.8e-02"), 0.0181, s2, None),
            NumVerdict::Right
        );
    }

    #[test]
    fn a_prediction_accepts_what_the_template_could_print() {
        // 1.06304 ± 0.00004 at 4 decimals: 1.0630 and 1.0631 are possible, 1.0632 is not.
        let p = |s: &str| against_prediction(&n(s), 1.06304, 0.00004, F4, None);
        assert_eq!(p("1.0630"), NumVerdict::Right);
        assert_eq!(p("1.0631"), NumVerdict::Right);
        assert_eq!(p("1.0632"), NumVerdict::Wrong);
        assert_eq!(p("1.0629"), NumVerdict::Wrong);
        assert_eq!(p("1"), NumVerdict::Coarse);
    }
}
