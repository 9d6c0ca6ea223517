//! Values an exercise author writes that gbl trusts for its work: points, digits,
//! tolerances, and the total work of proving every variant. Each must be finite and within
//! bounds that a real exercise never comes near, so that a typo (`points: 1e300`, `sig_digits:
//! 4000000000`) is a validation error at its line, not a gradebook of "0 of inf" or a run
//! that never ends.
//!
//! - points of a question: 0 ≤ p ≤ [`MAX_POINTS`];
//! - significant digits: 1 ≤ d ≤ [`MAX_SIG_DIGITS`] (an f64 holds 17);
//! - tolerances: `abs` finite and ≥ 0, `rel` between 0 and 1;
//! - proving: Σ over variants of Σ over descent runs of steps × variables at most
//!   [`MAX_PROOF_WORK`].

use indexmap::IndexMap;

use super::compute::{default_params, value_of};
use super::model::{Exercise, Question, Tolerance};
use crate::engine::PyNum;

/// The most points a question or a quiz's exercise may be worth.
pub const MAX_POINTS: f64 = 1e6;
/// The most significant digits a number answer may require.
pub(crate) const MAX_SIG_DIGITS: u32 = 17;
/// The most descent steps × variables `gbl validate` computes to prove one exercise's
/// variants (a second or so of work).
pub(crate) const MAX_PROOF_WORK: u64 = 5_000_000;

/// A problem: the YAML path and what is wrong.
pub type Problem = (String, String);

/// Every value of `ex` that is out of bounds.
pub fn problems(ex: &Exercise) -> Vec<Problem> {
    let mut out = Vec::new();
    digits("sig_digits", ex.sig_digits, &mut out);
    for (i, q) in ex.questions.iter().enumerate() {
        let p = q.points();
        if p.is_finite() && p > MAX_POINTS {
            out.push((
                format!("questions[{i}].points"),
                format!(
                    "{} points is more than the {MAX_POINTS} a question may be worth",
                    show_number(p)
                ),
            ));
        }
        let (sig, tol) = match q {
            Question::Number(n) => (n.sig_digits, n.tolerance),
            Question::Trace(t) => (None, t.tolerance),
            _ => (None, None),
        };
        digits(&format!("questions[{i}].sig_digits"), sig, &mut out);
        if let Some(t) = tol {
            tolerance(&format!("questions[{i}].tolerance"), t, &mut out);
        }
    }
    out
}

fn digits(path: &str, d: Option<u32>, out: &mut Vec<Problem>) {
    if let Some(d) = d
        && !(1..=MAX_SIG_DIGITS).contains(&d)
    {
        out.push((
            path.to_string(),
            format!("{d} significant digits: give a whole number from 1 to {MAX_SIG_DIGITS}"),
        ));
    }
}

fn tolerance(path: &str, t: Tolerance, out: &mut Vec<Problem>) {
    if let Some(a) = t.abs
        && !(a.is_finite() && a >= 0.0)
    {
        out.push((
            format!("{path}.abs"),
            format!(
                "{} is not a tolerance: give a finite number >= 0",
                show_number(a)
            ),
        ));
    }
    if let Some(r) = t.rel
        && !((0.0..=1.0).contains(&r))
    {
        out.push((
            format!("{path}.rel"),
            format!(
                "{} is not a relative tolerance: give a number from 0 to 1",
                show_number(r)
            ),
        ));
    }
}

/// The work of computing `ex`'s descent runs with `params`: Σ steps × variables (a run whose
/// steps cannot be worked out counts 0: computing it reports the problem).
pub fn work(ex: &Exercise, params: &IndexMap<String, PyNum>) -> u64 {
    ex.runs
        .values()
        .filter_map(|r| r.descent.as_ref())
        .map(|d| {
            let steps = match value_of(&d.steps, params, "") {
                Ok(PyNum::Int(n)) => u64::try_from(n).unwrap_or(0),
                _ => 0,
            };
            // A run is computed once more per slip it diagnoses; count it twice.
            2 * steps.saturating_add(1) * (d.from.len().max(1) as u64)
        })
        .fold(0, u64::saturating_add)
}

/// Refuses proving `variants` (the defaults first) when their total work is over
/// [`MAX_PROOF_WORK`]; the defaults alone are always proved.
pub(crate) fn proof_budget(ex: &Exercise, variants: &[IndexMap<String, PyNum>]) -> Option<Problem> {
    if variants.len() <= 1 {
        return None;
    }
    let one = default_params(ex).map(|p| work(ex, &p)).unwrap_or(0);
    let mut total: u64 = 0;
    for params in variants {
        total = total.saturating_add(work(ex, params));
        if total > MAX_PROOF_WORK {
            return Some((
                "vary".into(),
                format!(
                    "proving {} variants of runs of about {one} steps × variables each is more than \
                     the {MAX_PROOF_WORK} gbl validate computes; narrow the ranges or take fewer steps",
                    variants.len()
                ),
            ));
        }
    }
    None
}

/// A number as written by an author: `0`, `2.5`, and `1e+300` rather than 301 digits.
pub fn show_number(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e16 {
        format!("{v}")
    } else {
        crate::pyfmt::repr_float(v)
    }
}
