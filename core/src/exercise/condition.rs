//! Comparisons in `require`: a key such as `x0 != 2` or `lr < 1/a` is a condition every
//! variant must meet, and its value says why (shown when a variant breaks it):
//!
//! ```yaml
//! require:
//!   main.verdict: diverges                  # a fact: reference → value
//!   x0 != 2: dJ/dw and dJ/db must differ    # a condition: why
//!   lr < 1/a: the run must converge
//! ```
//!
//! Each side is an expression over the parameters (`1/a`, `2*x0`) or a reference to a run's
//! value (`main.x[3]`, `main.verdict`). Operators: `==`, `!=`, `<`, `<=`, `>`, `>=`. Numbers
//! compare as floats; words (verdicts) only with `==` and `!=`.

use std::cmp::Ordering;

use super::compute::{Results, value_of};
use super::model::Value;
use super::reference::{Answer, Reference, ReferenceError};
use crate::engine::{Expr, PyNum};

/// The operators, two-character ones first so that `<=` is not read as `<`.
const OPS: [&str; 6] = ["!=", "<=", ">=", "==", "<", ">"];

/// A parsed condition: left side, operator, right side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition<'a> {
    /// The left side, trimmed.
    pub left: &'a str,
    /// The operator.
    pub op: &'static str,
    /// The right side, trimmed.
    pub right: &'a str,
}

/// The condition in a `require` key, or `None` when the key is a plain reference.
pub fn parse(key: &str) -> Option<Condition<'_>> {
    let (at, op) = OPS
        .iter()
        .filter_map(|op| key.find(op).map(|at| (at, *op)))
        .min_by_key(|(at, op)| (*at, std::cmp::Reverse(op.len())))?;
    Some(Condition {
        left: key[..at].trim(),
        op,
        right: key[at + op.len()..].trim(),
    })
}

/// What one side is worth in a variant.
#[derive(Clone, Debug, PartialEq)]
enum Side {
    Num(PyNum),
    Word(String),
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Side::Num(v) => f.write_str(&crate::pyfmt::present_num(*v)),
            Side::Word(w) => f.write_str(w),
        }
    }
}

/// Why a condition has no meaning in a variant.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ConditionError {
    /// A side is empty.
    #[error("a comparison needs a value on each side")]
    EmptySide,
    /// A side is a reference that cannot be resolved.
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    /// A side is an expression, not a value.
    #[error("'{src}' is an expression ({expr}), not a value")]
    Expression {
        /// The side as written.
        src: String,
        /// The expression it names.
        expr: Expr,
    },
    /// A side has no value (an unknown name, a division by zero, …).
    #[error("{0}")]
    NoValue(String),
    /// Words compared with an order.
    #[error("'{left} {op} {right}' compares {l} with {r}: words only with == or !=")]
    Words {
        /// The left side as written.
        left: String,
        /// The operator.
        op: String,
        /// The right side as written.
        right: String,
        /// The left side's value.
        l: String,
        /// The right side's value.
        r: String,
    },
}

fn side(src: &str, results: &Results) -> Result<Side, ConditionError> {
    if src.is_empty() {
        return Err(ConditionError::EmptySide);
    }
    let word = src.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
    if word && !results.params.contains_key(src) {
        return Ok(Side::Word(src.to_string()));
    }
    if src.contains('.')
        && let Ok(r) = Reference::parse(src)
        && results.runs.contains_key(&r.run)
    {
        return match r.resolve(results)? {
            Answer::Num(n) => Ok(Side::Num(n)),
            Answer::Word(w) => Ok(Side::Word(w)),
            Answer::Expr(expr) => Err(ConditionError::Expression {
                src: src.into(),
                expr,
            }),
        };
    }
    value_of(&Value::Text(src.to_string()), &results.params, "")
        .map(Side::Num)
        .map_err(|e| ConditionError::NoValue(e.message))
}

/// Whether the condition holds in a variant; `Err` when it has no meaning (a word compared
/// with `<`, an unknown name). On `Ok(false)`, the values of both sides, for the message.
pub fn holds(c: &Condition, results: &Results) -> Result<Result<(), String>, ConditionError> {
    let (l, r) = (side(c.left, results)?, side(c.right, results)?);
    let order = match (&l, &r) {
        (Side::Num(a), Side::Num(b)) => a.to_f64().partial_cmp(&b.to_f64()),
        (Side::Word(a), Side::Word(b)) if matches!(c.op, "==" | "!=") => Some(a.cmp(b)),
        _ => {
            return Err(ConditionError::Words {
                left: c.left.into(),
                op: c.op.into(),
                right: c.right.into(),
                l: l.to_string(),
                r: r.to_string(),
            });
        }
    };
    let ok = match (c.op, order) {
        ("==", Some(o)) => o == Ordering::Equal,
        ("!=", Some(o)) => o != Ordering::Equal,
        ("<", Some(o)) => o == Ordering::Less,
        ("<=", Some(o)) => o != Ordering::Greater,
        (">", Some(o)) => o == Ordering::Greater,
        (">=", Some(o)) => o != Ordering::Less,
        _ => false,
    };
    Ok(if ok {
        Ok(())
    } else {
        Err(format!("{} is {l} and {} is {r}", c.left, c.right))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_read_longest_first() {
        let c = parse("lr <= 1/a").unwrap_or_else(|| panic!("a condition"));
        assert_eq!((c.left, c.op, c.right), ("lr", "<=", "1/a"));
        let c = parse("x0 != 2").unwrap_or_else(|| panic!("a condition"));
        assert_eq!((c.left, c.op, c.right), ("x0", "!=", "2"));
        assert_eq!(parse("main.verdict"), None);
        assert_eq!(parse("main.x[2]"), None);
    }

    fn results(params: &[(&str, PyNum)]) -> Results {
        Results {
            params: params.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            runs: Default::default(),
        }
    }

    #[test]
    fn comparisons_over_parameters() {
        let r = results(&[
            ("lr", PyNum::Float(0.3)),
            ("a", PyNum::Int(4)),
            ("x0", PyNum::Int(2)),
        ]);
        let check = |k: &str| parse(k).map(|c| holds(&c, &r));
        assert_eq!(
            check("lr < 1/a"),
            Some(Ok(Err("lr is 0.3 and 1/a is 0.25".into())))
        );
        assert_eq!(check("lr >= 1/a"), Some(Ok(Ok(()))));
        assert_eq!(check("x0 != 2"), Some(Ok(Err("x0 is 2 and 2 is 2".into()))));
        assert_eq!(check("x0 == 2"), Some(Ok(Ok(()))));
        assert!(matches!(check("lr < q + 1"), Some(Err(_))));
        assert!(matches!(check("lr < "), Some(Err(_))));
    }
}
