//! Per-student variants: each student's parameters, drawn from the exercise's variation by a
//! keyed hash of (salt, student, exercise id, parameter).
//!
//! SHA-256 over the salt and the names makes the draw stable (the same student always gets
//! the same numbers) and unpredictable without the salt (nobody can work out another
//! student's numbers from their name alone).

use indexmap::IndexMap;

use super::compute::{ComputeError, default_params, value_of};
use super::model::{Exercise, Variation};
use crate::engine::PyNum;

/// The most variants `gbl validate` will prove one by one.
pub const MAX_VARIANTS: usize = 10_000;

/// Every value a variation allows, in order.
pub fn values(
    v: &Variation,
    params: &IndexMap<String, PyNum>,
    path: &str,
) -> Result<Vec<PyNum>, ComputeError> {
    let fail = |m: &str| ComputeError {
        path: path.to_string(),
        message: m.to_string(),
    };
    match (&v.choices, v.range, v.step) {
        (Some(c), None, None) => {
            if c.is_empty() {
                return Err(fail("'choices' is empty"));
            }
            c.iter()
                .enumerate()
                .map(|(i, x)| value_of(x, params, &format!("{path}.choices[{i}]")))
                .collect()
        }
        (None, Some([lo, hi]), Some(step)) => {
            let n = range_count(lo, hi, step).map_err(|m| fail(&m))?;
            let ints = lo.fract() == 0.0 && step.fract() == 0.0 && hi.abs() < INT_LIMIT;
            // Round each grid value to the step's decimals, so 0.1 + 2*0.05 is 0.2, not 0.20000000000000004.
            let decimals = (0..12)
                .find(|d| (step * 10f64.powi(*d)).fract().abs() < 1e-9)
                .unwrap_or(12) as usize;
            let grid: Vec<PyNum> = (0..n)
                .map(|k| {
                    let v = lo + step * k as f64;
                    if ints {
                        PyNum::Int(v.round() as i64)
                    } else {
                        PyNum::Float(format!("{v:.decimals$}").parse().unwrap_or(v))
                    }
                })
                .collect();
            if let Some(w) = grid.windows(2).find(|w| w[0] == w[1]) {
                return Err(fail(&format!(
                    "the step {} is too small for numbers of this size: {} and the next value are the same float",
                    PyNum::Float(step),
                    w[0]
                )));
            }
            Ok(grid)
        }
        _ => Err(fail("give either 'choices', or 'range' with 'step'")),
    }
}

/// Ints are exact below 2⁵³; a range beyond that gives floats.
const INT_LIMIT: f64 = 9_007_199_254_740_992.0;

/// How many values `range: [lo, hi]` with `step` has, counted before anything is drawn: the
/// bounds and step must be finite, the step positive, the count at most [`MAX_VARIANTS`],
/// and the steps must land on `hi` (a grid that never reaches its end is a mistake).
pub(crate) fn range_count(lo: f64, hi: f64, step: f64) -> Result<usize, String> {
    if !(lo.is_finite() && hi.is_finite() && step.is_finite()) || step <= 0.0 || hi < lo {
        return Err("'range' needs finite bounds low <= high and a positive finite 'step'".into());
    }
    let span = (hi - lo) / step;
    if !span.is_finite() || span + 1.0 > MAX_VARIANTS as f64 {
        return Err(format!(
            "the range has {} values; at most {MAX_VARIANTS}",
            if span.is_finite() {
                format!("{}", span.floor() + 1.0)
            } else {
                "too many".into()
            }
        ));
    }
    let whole = span.round();
    if (span - whole).abs() > 1e-9 * span.max(1.0) {
        let last = lo + step * span.floor();
        return Err(format!(
            "the step {} does not reach the end {} from {} (the last value would be {}); make high - low a whole number of steps",
            PyNum::Float(step),
            PyNum::Float(hi),
            PyNum::Float(lo),
            crate::pyfmt::present(last)
        ));
    }
    Ok(whole as usize + 1)
}

/// A number in [0, n) from the keyed hash of the parts.
fn pick(parts: &[&str], n: usize) -> usize {
    (crate::engine::equiv::keyed_hash(parts) % n.max(1) as u64) as usize
}

/// A student's parameters: the defaults, with each varied parameter drawn for them.
pub fn draw(
    ex: &Exercise,
    id: &str,
    salt: &str,
    student: &str,
) -> Result<IndexMap<String, PyNum>, ComputeError> {
    let mut params = default_params(ex)?;
    for (name, v) in &ex.vary {
        let options = values(v, &params, &format!("vary.{name}"))?;
        let k = pick(&[salt, student, id, name], options.len());
        let value = options.get(k).copied().ok_or_else(|| ComputeError {
            path: format!("vary.{name}"),
            message: "the variation has no values to draw from".into(),
        })?;
        params.insert(name.clone(), value);
    }
    Ok(params)
}

/// Every combination of varied parameters (the defaults first), up to [`MAX_VARIANTS`].
pub fn all(ex: &Exercise) -> Result<Vec<IndexMap<String, PyNum>>, ComputeError> {
    let base = default_params(ex)?;
    let mut out = vec![base.clone()];
    let mut combos: Vec<IndexMap<String, PyNum>> = vec![base.clone()];
    for (name, v) in &ex.vary {
        if !base.contains_key(name) {
            return Err(ComputeError {
                path: format!("vary.{name}"),
                message: format!("'{name}' is not a parameter (add it under 'params')"),
            });
        }
        let options = values(v, &base, &format!("vary.{name}"))?;
        // Counted before the combinations are built.
        let count = combos.len().saturating_mul(options.len());
        if count > MAX_VARIANTS {
            return Err(ComputeError {
                path: "vary".into(),
                message: format!(
                    "{count} variants is more than the {MAX_VARIANTS} that can be proved; narrow the ranges"
                ),
            });
        }
        let mut next = Vec::with_capacity(count);
        for c in &combos {
            for o in &options {
                let mut p = c.clone();
                p.insert(name.clone(), *o);
                next.push(p);
            }
        }
        combos = next;
    }
    if !ex.vary.is_empty() {
        out.extend(combos);
    }
    Ok(out)
}

/// Why the parameters asked for are not numbers the exercise can give.
#[derive(Debug, thiserror::Error)]
pub enum ChooseError {
    /// A name the exercise has no parameter for.
    #[error("'{id}' has no parameter '{name}' (its parameters: {names})")]
    NoParameter {
        /// The exercise.
        id: String,
        /// The name asked for.
        name: String,
        /// Its parameters, comma-separated.
        names: String,
    },
    /// Values no variant of the exercise has.
    #[error("'{id}' has no variant with {given} (its numbers come from its 'params' and 'vary')")]
    NotAVariant {
        /// The exercise.
        id: String,
        /// The values asked for, as `name=value, ...`.
        given: String,
    },
    /// The exercise's own numbers cannot be computed.
    #[error(transparent)]
    Compute(#[from] ComputeError),
}

/// The parameters of the exercise `id` with `asked` in place of its defaults, when they are
/// one of its variants (the defaults or a combination its `vary` allows); nothing else, so that a reader or a student is never given numbers the author did not prove.
pub fn choose(
    id: &str,
    ex: &Exercise,
    asked: &IndexMap<String, PyNum>,
) -> Result<IndexMap<String, PyNum>, ChooseError> {
    let mut out = default_params(ex)?;
    for (name, v) in asked {
        if !out.contains_key(name) {
            return Err(ChooseError::NoParameter {
                id: id.to_string(),
                name: name.clone(),
                names: out.keys().cloned().collect::<Vec<_>>().join(", "),
            });
        }
        out.insert(name.clone(), *v);
    }
    if asked.is_empty() {
        return Ok(out);
    }
    let same = |v: &IndexMap<String, PyNum>| {
        out.iter()
            .all(|(k, x)| v.get(k).is_some_and(|y| y.to_f64() == x.to_f64()))
    };
    if !all(ex)?.iter().any(same) {
        let given: Vec<String> = asked.keys().map(|k| format!("{k}={}", out[k])).collect();
        return Err(ChooseError::NotAVariant {
            id: id.to_string(),
            given: given.join(", "),
        });
    }
    Ok(out)
}
