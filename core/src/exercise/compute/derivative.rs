//! A derivative run: d(f)/d(wrt), and its value at a point when one is given.

use indexmap::IndexMap;

use super::{ComputeError, Computed, DerivativeResult, Slip, err, expr_of, rules, value_of};
use crate::engine::PyNum;
use crate::engine::budget::try_derivative;
use crate::engine::eval::eval;
use crate::exercise::model::DerivativeSpec;

/// Computes the derivative run `d` at `path` (`runs.NAME.derivative`).
pub(super) fn run(
    d: &DerivativeSpec,
    params: &IndexMap<String, PyNum>,
    slip: Slip,
    path: &str,
) -> Result<Computed, ComputeError> {
    let f = expr_of(&d.f, params, &format!("{path}.f"))?;
    let derivative = match slip {
        Slip::ValueForGradient => f.clone(),
        _ => try_derivative(&f, &d.wrt, rules(slip))
            .map_err(|e| err(format!("{path}.f"), e.to_string()))?,
    };
    let mut at = Vec::new();
    for (name, v) in &d.at {
        at.push((
            name.clone(),
            value_of(v, params, &format!("{path}.at.{name}"))?,
        ));
    }
    let value = if at.is_empty() {
        None
    } else {
        Some(eval(&derivative, &at).map_err(|e| err(path.into(), e.to_string()))?)
    };
    Ok(Computed::Derivative(Box::new(DerivativeResult {
        f,
        wrt: d.wrt.clone(),
        derivative,
        value,
    })))
}
