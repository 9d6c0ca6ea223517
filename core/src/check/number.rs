//! Comparing a printed number with the engine's value, in decimal.
//!
//! A printed value is right when it is the reference correctly rounded to the digits printed
//! (more digits are fine), with at least the required significant digits (`2.4` is right for
//! 2.4000000000000004 because 2.40 is too), or within a tolerance. The comparison rounds the
//! reference to the printed decimals and compares decimal strings, never by subtracting f64s
//! (in f64, 2.4001 − 2.4000 is a little more than 1e-4). A reference a hair from a rounding
//! tie (within a few ulps) accepts either neighbour, since a computation in another order
//! can land on either side.

use crate::exercise::model::Tolerance;

/// A number as printed: sign, digits, and the power of ten of the last digit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    /// Whether it has a minus sign.
    pub negative: bool,
    /// The digits without leading zeros ("" for zero).
    pub digits: String,
    /// The value is digits × 10^exp.
    pub exp: i64,
}

/// The most digits a printed number may have (Python prints a float's repr in at most 17
/// significant digits; `{x:.300f}` prints 300 decimals).
pub(crate) const MAX_DIGITS: usize = 1000;

impl Printed {
    /// Reads `2.4000`, `-0.018`, `1e-5`, `3`, `+1.5E+03`; `None` for anything else
    /// (including `nan`, `inf` and exponents beyond ±400).
    pub fn parse(text: &str) -> Option<Printed> {
        let t = text.trim();
        let (negative, t) = match t.as_bytes().first()? {
            b'-' => (true, &t[1..]),
            b'+' => (false, &t[1..]),
            _ => (false, t),
        };
        let (mantissa, e) = match t.find(['e', 'E']) {
            Some(i) => (&t[..i], t[i + 1..].parse::<i64>().ok()?),
            None => (t, 0),
        };
        if !(-400..=400).contains(&e) {
            return None;
        }
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if (int.is_empty() && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || int.len() + frac.len() > MAX_DIGITS
        {
            return None;
        }
        let all = format!("{int}{frac}");
        let digits = all.trim_start_matches('0').to_string();
        Some(Printed {
            negative: negative && !digits.is_empty(),
            digits,
            exp: e - frac.len() as i64,
        })
    }

    /// How many decimals were printed (0 for integers and positive exponents).
    pub fn decimals(&self) -> i64 {
        (-self.exp).max(0)
    }

    /// The value, as the nearest f64.
    pub fn to_f64(&self) -> f64 {
        let s = format!(
            "{}{}e{}",
            if self.negative { "-" } else { "" },
            if self.digits.is_empty() {
                "0"
            } else {
                &self.digits
            },
            self.exp
        );
        s.parse().unwrap_or(f64::NAN)
    }

    /// Equal as decimals (trailing zeros do not matter).
    pub(crate) fn same_value(&self, o: &Printed) -> bool {
        let norm = |p: &Printed| -> (bool, String, i64) {
            let trimmed = p.digits.trim_end_matches('0');
            let exp = p.exp + (p.digits.len() - trimmed.len()) as i64;
            if trimmed.is_empty() {
                (false, String::new(), 0)
            } else {
                (p.negative, trimmed.to_string(), exp)
            }
        };
        norm(self) == norm(o)
    }
}

/// `v` rounded to `decimals` decimals, as Python's `f"{v:.{decimals}f}"` prints it.
fn rounded(v: f64, decimals: usize) -> Option<Printed> {
    Printed::parse(&format!("{v:.decimals$}"))
}

/// Whether `g` (a number printed with `printed` decimals) is too far from `expected` for any
/// rounding of it (or of its neighbours) to `printed` decimals or more to print as `g`: a
/// rounding to d ≥ `printed` decimals moves a value by at most half of 10⁻ᵈ, so a gap of
/// more than twice 10⁻ᵖʳⁱⁿᵗᵉᵈ (plus a relative slack for the float neighbours and the
/// parsing of `g`) rules every candidate out without printing any.
fn far_apart(g: f64, expected: f64, printed: i64) -> bool {
    if !(0..=300).contains(&printed) || !g.is_finite() {
        return false;
    }
    let unit = 10f64.powi(-(printed as i32));
    let slack = 1e-12 * (g.abs() + expected.abs());
    (g - expected).abs() > 2.0 * unit + slack
}

/// How a printed number compares with the reference.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Right.
    Right,
    /// Right digits, but too few of them to show the required significant digits.
    TooFewDigits {
        /// What the reference rounds to with enough digits.
        want: String,
    },
    /// Wrong.
    Wrong,
}

/// Compares `given` (as printed) with `expected`, needing `sig` significant digits
/// (0: the printed digits suffice), widened by `tol`.
pub fn compare(given: &Printed, expected: f64, sig: u32, tol: Option<Tolerance>) -> Verdict {
    if !expected.is_finite() {
        return Verdict::Wrong;
    }
    let g = given.to_f64();
    if let Some(t) = tol {
        // A difference equal to the tolerance counts (2.4001 is within 1e-4 of 2.4, although
        // the f64 difference is a little larger), hence the slack of a billionth.
        let diff = (g - expected).abs();
        let within = |limit: f64| diff <= limit * (1.0 + 1e-9);
        if t.abs.is_some_and(within) || t.rel.is_some_and(|r| within(r * expected.abs())) {
            return Verdict::Right;
        }
    }
    let printed = given.decimals();
    let needed = if expected == 0.0 || sig == 0 {
        0
    } else {
        sig as i64 - 1 - expected.abs().log10().floor() as i64
    };
    let d = printed.max(needed).clamp(0, 340) as usize;
    if far_apart(g, expected, printed) {
        return Verdict::Wrong;
    }
    // The reference and its immediate neighbours, for values a hair from a tie.
    let mut candidates = vec![expected];
    let mut lo = expected;
    let mut hi = expected;
    for _ in 0..4 {
        lo = lo.next_down();
        hi = hi.next_up();
        candidates.push(lo);
        candidates.push(hi);
    }
    let matches_at = |d: usize| {
        candidates
            .iter()
            .any(|&c| rounded(c, d).is_some_and(|r| r.same_value(given)))
    };
    if matches_at(d) {
        return Verdict::Right;
    }
    let significant = given.digits.trim_end_matches('0').len();
    let exact_match = rounded(expected, printed as usize).is_some_and(|r| r.same_value(given));
    if d > printed as usize && significant >= 2 && exact_match {
        return Verdict::TooFewDigits {
            want: format!("{expected:.d$}"),
        };
    }
    Verdict::Wrong
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_rejection_never_rejects_a_rounding_of_the_reference() {
        for &v in &[
            0.0,
            1.0,
            -2.5,
            0.125,
            1.0 / 3.0,
            123456.789,
            1e-7,
            -9.999_999_5,
            1e15,
        ] {
            for d in 0..12usize {
                let shown = format!("{v:.d$}");
                let p = Printed::parse(&shown).expect("a number");
                assert!(!far_apart(p.to_f64(), v, p.decimals()), "{shown} for {v}");
                assert_ne!(compare(&p, v, 0, None), Verdict::Wrong, "{shown} for {v}");
            }
        }
        // Far apart: 2.5 is not 2.4 to one decimal, nor 2.40 to two.
        assert!(far_apart(2.5, 2.25, 1));
        assert!(
            !far_apart(2.41, 2.4, 2),
            "within two hundredths: left to the full check"
        );
        assert!(far_apart(2.43, 2.4, 2));
        assert_eq!(check("2.43", 2.4, 3), Verdict::Wrong);
    }

    fn check(given: &str, expected: f64, sig: u32) -> Verdict {
        compare(
            &Printed::parse(given).expect("a number"),
            expected,
            sig,
            None,
        )
    }

    #[test]
    fn correct_roundings_with_enough_digits_are_right() {
        assert_eq!(check("2.4", 2.4000000000000004, 3), Verdict::Right);
        assert_eq!(check("2.40", 2.4000000000000004, 3), Verdict::Right);
        assert_eq!(
            check("2.4000000000000004", 2.4000000000000004, 3),
            Verdict::Right
        );
        assert_eq!(check("0.0181", 0.0181398528, 3), Verdict::Right);
        assert_eq!(check("0.01814", 0.0181398528, 3), Verdict::Right);
        assert_eq!(check("1.81e-2", 0.0181398528, 3), Verdict::Right);
        assert_eq!(check("-81", -81.0, 3), Verdict::Right);
        assert_eq!(check("0", 0.0, 3), Verdict::Right);
    }

    #[test]
    fn wrong_roundings_and_wrong_values_are_wrong() {
        assert_eq!(check("0.01813", 0.0181398528, 3), Verdict::Wrong);
        assert_eq!(check("2.39", 2.4000000000000004, 3), Verdict::Wrong);
        assert_eq!(check("-2.4", 2.4000000000000004, 3), Verdict::Wrong);
        assert_eq!(check("2.40000001", 2.4000000000000004, 3), Verdict::Wrong);
    }

    #[test]
    fn too_few_digits_is_told_apart() {
        assert_eq!(
            check("0.018", 0.0181398528, 3),
            Verdict::TooFewDigits {
                want: "0.0181".into()
            }
        );
        assert_eq!(check("2", 2.4000000000000004, 3), Verdict::Wrong);
    }

    #[test]
    fn printed_digits_alone_suffice_with_sig_zero() {
        // 2.4001 printed for 2.4 to 4 decimals is wrong; 2.4000 is right.
        assert_eq!(check("2.4000", 2.4000000000000004, 0), Verdict::Right);
        assert_eq!(check("2.4001", 2.4000000000000004, 0), Verdict::Wrong);
        assert_eq!(check("0.983", 0.98304, 0), Verdict::Right);
    }

    #[test]
    fn ties_accept_either_side_only_when_a_hair_away() {
        // 0.125 is an exact tie: Python prints 0.12 (half to even); a hand rounding gives 0.13.
        assert_eq!(check("0.12", 0.125, 0), Verdict::Right);
        // 1.2345 is stored as 1.23449999999999993072; a few ulps up it rounds to 1.235.
        assert_eq!(check("1.234", 1.2345, 0), Verdict::Right);
        assert_eq!(check("1.235", 1.2345, 0), Verdict::Right);
        assert_eq!(check("1.236", 1.2345, 0), Verdict::Wrong);
    }

    #[test]
    fn tolerance_widens() {
        let t = Tolerance {
            abs: Some(1e-4),
            rel: None,
        };
        let p = Printed::parse("2.4001").expect("a number");
        assert_eq!(compare(&p, 2.4, 0, Some(t)), Verdict::Right);
    }

    #[test]
    fn junk_does_not_parse() {
        for s in ["nan", "inf", "1e999", "", "-", "1.2.3", "0x10", "1e", "--1"] {
            assert_eq!(Printed::parse(s), None, "{s}");
        }
    }

    #[test]
    fn signs_and_exponents_parse_as_python_prints_them() {
        // f"{1500:+.1E}" prints +1.5E+03; f"{-0.018}" prints -0.018; f"{1e-5}" prints 1e-05.
        let cases = [
            ("+1.5E+03", false, "15", 2),
            ("-0.018", true, "18", -3),
            ("1e-05", false, "1", -5),
            ("2.4000", false, "24000", -4),
        ];
        for (text, negative, digits, exp) in cases {
            let p = Printed::parse(text).expect("a number");
            assert_eq!(
                (p.negative, p.digits.as_str(), p.exp),
                (negative, digits, exp),
                "{text}"
            );
        }
    }

    #[test]
    fn a_number_may_have_a_thousand_digits_and_no_more() {
        let most = format!("0.{}", "3".repeat(MAX_DIGITS - 1));
        let p = Printed::parse(&most).expect("1,000 digits");
        assert_eq!(
            (p.digits.len(), p.exp),
            (MAX_DIGITS - 1, -(MAX_DIGITS as i64 - 1))
        );
        assert_eq!(Printed::parse(&format!("{most}3")), None);
    }
}
