//! Whether two expressions are the same function.
//!
//! First symbolically: when the simplifier brings `given − expected` to 0, they are equal
//! (even where no sample point is defined for both). Otherwise numerically, at
//! [`POINTS`] points drawn from a seed that depends on both expressions and on a caller's key
//! (the question, and the student in a quiz), so no fixed, public set of points exists to build
//! a wrong answer around. The points are short decimals (`x = 2.37`) so that a counterexample
//! can be named in a sentence, and avoid 0, ±1 and 2, where many functions are special.

use sha2::{Digest, Sha256};

use super::eval::Program;
use super::expr::{BinOp, Expr};
use super::simplify::simplify;
use crate::num::PyNum;

/// How many points are compared.
pub(crate) const POINTS: usize = 24;
/// How many must be defined for both expressions for a numeric "equal".
pub(crate) const MIN_DEFINED: usize = 4;
/// The largest combined size (in nodes) the simplifier is asked about.
const SYMBOLIC_LIMIT: usize = 400;

/// Where two expressions differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The point, as `x = 0.7`.
    pub point: String,
    /// The given expression's value there (NaN where it is not defined).
    pub given: f64,
    /// The expected expression's value there (NaN where it is not defined).
    pub expected: f64,
}

/// [`equivalent_keyed`] with the expressions alone as the key.
pub fn equivalent(given: &Expr, expected: &Expr) -> Result<(), Option<Difference>> {
    equivalent_keyed(given, expected, "")
}

/// `Ok(())` when `given` and `expected` are the same function: symbolically equal, or equal
/// (to 1e-9, relatively) at every drawn point where both are defined, with at least
/// [`MIN_DEFINED`] such points. Otherwise the first point where they differ (`None` when too
/// few points were defined to tell).
pub fn equivalent_keyed(
    given: &Expr,
    expected: &Expr,
    key: &str,
) -> Result<(), Option<Difference>> {
    let mut vars = expected.variables();
    for v in given.variables() {
        if !vars.contains(&v) {
            vars.push(v);
        }
    }
    if symbolic_difference(given, expected) == Some(0.0) {
        return Ok(());
    }
    let (Ok(g), Ok(e)) = (
        Program::compile(given, &vars),
        Program::compile(expected, &vars),
    ) else {
        return Err(None);
    };
    let mut draw = Draw::new(&[key, &given.to_string(), &expected.to_string()]);
    let mut compared = 0;
    let mut point = vec![PyNum::Int(0); vars.len()];
    for _ in 0..POINTS {
        for p in point.iter_mut() {
            *p = PyNum::Float(draw.sample());
        }
        let (gv, ev) = match (g.eval(&point), e.eval(&point)) {
            (Ok(a), Ok(b)) => (a.to_f64(), b.to_f64()),
            (Err(_), Err(_)) => continue,
            (a, b) => {
                return Err(Some(Difference {
                    point: show(&vars, &point),
                    given: a.map_or(f64::NAN, PyNum::to_f64),
                    expected: b.map_or(f64::NAN, PyNum::to_f64),
                }));
            }
        };
        compared += 1;
        if (gv - ev).abs() > 1e-9 * gv.abs().max(ev.abs()).max(1.0) {
            return Err(Some(Difference {
                point: show(&vars, &point),
                given: gv,
                expected: ev,
            }));
        }
    }
    if compared >= MIN_DEFINED {
        Ok(())
    } else {
        Err(None)
    }
}

/// `given − expected` simplified, when that is a number (small expressions only).
fn symbolic_difference(given: &Expr, expected: &Expr) -> Option<f64> {
    if given.size() + expected.size() > SYMBOLIC_LIMIT {
        return None;
    }
    let d = simplify(&Expr::bin(BinOp::Sub, given.clone(), expected.clone()));
    let n = match d {
        Expr::Num(n) => n.to_f64(),
        Expr::Neg(a) => -a.as_num()?.to_f64(),
        _ => return None,
    };
    n.is_finite().then_some(n)
}

/// A deterministic stream of sample values from a SHA-256 seed (SplitMix64).
struct Draw(u64);

/// The first 8 bytes of the SHA-256 of the parts, each preceded by its length (so that
/// `("ab", "c")` and `("a", "bc")` differ), as a little-endian number: the seed of every
/// deterministic draw (sample points, a student's parameters).
pub(crate) fn keyed_hash(parts: &[&str]) -> u64 {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    let d = h.finalize();
    let mut x = [0u8; 8];
    x.copy_from_slice(&d[..8]);
    u64::from_le_bytes(x)
}

impl Draw {
    fn new(parts: &[&str]) -> Draw {
        Draw(keyed_hash(parts))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value k/100 with 0.05 <= |k/100| <= 6, not within 0.05 of 0, ±1 or 2.
    fn sample(&mut self) -> f64 {
        loop {
            let k = (self.next() % 1201) as i64 - 600;
            let v = k as f64 / 100.0;
            let special = [0.0, 1.0, -1.0, 2.0].iter().any(|s| (v - s).abs() < 0.05);
            if !special {
                return v;
            }
        }
    }
}

fn show(vars: &[String], point: &[PyNum]) -> String {
    vars.iter()
        .zip(point)
        .map(|(n, v)| format!("{n} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::parse;

    fn p(s: &str) -> Expr {
        parse(s).expect("parses")
    }

    fn same(a: &str, b: &str) -> bool {
        equivalent(&p(a), &p(b)).is_ok()
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
        let diff = equivalent(&p("x/10"), &p("x/5"))
            .expect_err("differ")
            .expect("a point");
        // The point is named, and the values are x/10 and x/5 there.
        let x: f64 = diff
            .point
            .strip_prefix("x = ")
            .and_then(|v| v.parse().ok())
            .expect("x = NUM");
        assert_eq!(diff.given, x / 10.0);
        assert_eq!(diff.expected, x / 5.0);
        assert!(!same("x", "x + y"));
    }

    #[test]
    fn an_answer_built_around_the_old_public_points_is_refused() {
        // Zero at each of the 12 points the checker used to sample: equal to (x-2)/5 there.
        let roots = [
            0.7, -1.3, 2.9, 3.7, -0.4, 1.9, -2.6, 0.35, 4.3, -3.1, 1.45, 5.2,
        ];
        let product: Vec<String> = roots.iter().map(|r| format!("(x - {r})")).collect();
        let cheat = format!("(x-2)/5 + 1000*{}", product.join("*"));
        assert!(!same(&cheat, "(x-2)/5"));
    }

    #[test]
    fn the_points_depend_on_the_key() {
        let a = equivalent_keyed(&p("x/10"), &p("x/5"), "alice").expect_err("differ");
        let b = equivalent_keyed(&p("x/10"), &p("x/5"), "bob").expect_err("differ");
        let c = equivalent_keyed(&p("x/10"), &p("x/5"), "alice").expect_err("differ");
        assert_eq!(a, c, "the same key draws the same points");
        assert_ne!(a, b, "another key draws other points");
    }

    #[test]
    fn the_simplifier_decides_where_no_point_is_defined() {
        // log(-x - 100) is undefined at every sample point; the difference simplifies to 0.
        assert!(same("x + log(-x - 100)", "log(-x - 100) + x"));
        assert_eq!(
            equivalent(&p("log(-x - 100)"), &p("log(-x - 101)")),
            Err(None),
            "undefined everywhere and not decided: cannot tell"
        );
        assert!(!same("x + 1", "x"));
    }
}
