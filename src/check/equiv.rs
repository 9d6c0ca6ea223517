//! Whether two expressions are the same function: compared at fixed sample points.

use crate::engine::eval::eval;
use crate::engine::{Expr, PyNum};

/// Sample values; none is 0, ±1 or 2, where many functions are special.
const SAMPLES: [f64; 12] = [
    0.7, -1.3, 2.9, 3.7, -0.4, 1.9, -2.6, 0.35, 4.3, -3.1, 1.45, 5.2,
];

/// Where two expressions differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The point, as `x = 0.7`.
    pub point: String,
    /// The given expression's value there.
    pub given: f64,
    /// The expected expression's value there.
    pub expected: f64,
}

/// `Ok(())` when `given` equals `expected` at every sample point where both are defined
/// (and they are defined together at least 4 times), else the first point where they differ.
pub fn equivalent(given: &Expr, expected: &Expr) -> Result<(), Option<Difference>> {
    let mut vars = expected.variables();
    for v in given.variables() {
        if !vars.contains(&v) {
            vars.push(v);
        }
    }
    let mut compared = 0;
    for k in 0..SAMPLES.len() {
        let point: Vec<(String, PyNum)> = vars
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    v.clone(),
                    PyNum::Float(SAMPLES[(k + 5 * i) % SAMPLES.len()]),
                )
            })
            .collect();
        let (g, e) = match (eval(given, &point), eval(expected, &point)) {
            (Ok(g), Ok(e)) => (g.to_f64(), e.to_f64()),
            (Err(_), Err(_)) => continue,
            (g, e) => {
                return Err(Some(Difference {
                    point: show(&point),
                    given: g.map_or(f64::NAN, PyNum::to_f64),
                    expected: e.map_or(f64::NAN, PyNum::to_f64),
                }));
            }
        };
        compared += 1;
        if (g - e).abs() > 1e-9 * g.abs().max(e.abs()).max(1.0) {
            return Err(Some(Difference {
                point: show(&point),
                given: g,
                expected: e,
            }));
        }
    }
    if compared >= 4 { Ok(()) } else { Err(None) }
}

fn show(point: &[(String, PyNum)]) -> String {
    point
        .iter()
        .map(|(n, v)| format!("{n} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::parse;

    fn same(a: &str, b: &str) -> bool {
        equivalent(&parse(a).expect("parses"), &parse(b).expect("parses")).is_ok()
    }

    #[test]
    fn equal_functions_written_differently() {
        assert!(same("(x-2)/5", "0.2*x - 0.4"));
        assert!(same("x/5", "1/5*x"));
        assert!(same("2*x*(w*x + b - t)", "2*(w*x+b-t)*x"));
        assert!(same("1/(2*sqrt(x))", "0.5*x^-0.5"));
    }

    #[test]
    fn different_functions_are_told_apart_with_a_point() {
        let d = equivalent(
            &parse("x/10").expect("parses"),
            &parse("x/5").expect("parses"),
        );
        let diff = d.expect_err("differ").expect("a point");
        assert_eq!(diff.point, "x = 0.7");
        assert_eq!(diff.expected, 0.13999999999999999); // CPython: 0.7/5
        assert!(!same("x", "x + y"));
    }
}
