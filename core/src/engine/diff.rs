//! Exact symbolic differentiation.
//!
//! One rule per node, as in a calculus table:
//!
//! | expression | derivative with respect to v |
//! |---|---|
//! | c, other variables | 0 |
//! | v | 1 |
//! | a ± b | a' ± b' |
//! | a·b | a'·b + a·b' |
//! | a/b | (a'·b − a·b')/b² (a'/b when b does not use v) |
//! | a^c (c free of v) | c·a^(c−1)·a' |
//! | c^b (c free of v) | c^b·log(c)·b' |
//! | a^b | a^b·(b'·log(a) + b·a'/a) |
//! | exp a, log a, sqrt a | exp(a)·a', a'/a, a'/(2·sqrt(a)) |
//! | sin a, cos a, tanh a, abs a | cos(a)·a', −sin(a)·a', (1 − tanh(a)²)·a', a/abs(a)·a' |
//!
//! [`Rules`] can switch off a part of a rule; the checker uses that to reproduce the usual
//! mistakes (dropping the exponent's factor, forgetting the inner derivative).

use super::expr::{BinOp, Expr, Func};
use super::simplify::simplify;

/// Which rules to apply; [`Rules::default`] is calculus.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Differentiate `a^c` as `a^(c-1)·a'`, without the factor c (a student's slip).
    pub drop_power_factor: bool,
    /// Leave out the inner derivative a' of powers and functions (a student's slip).
    pub drop_inner: bool,
}

/// d(e)/d(v), simplified.
pub fn derivative(e: &Expr, v: &str) -> Expr {
    simplify(&diff(e, v, Rules::default()))
}

/// d(e)/d(v) under `rules`, simplified.
pub fn derivative_with(e: &Expr, v: &str, rules: Rules) -> Expr {
    simplify(&diff(e, v, rules))
}

fn mul(a: Expr, b: Expr) -> Expr {
    Expr::bin(BinOp::Mul, a, b)
}

fn div(a: Expr, b: Expr) -> Expr {
    Expr::bin(BinOp::Div, a, b)
}

/// The raw derivative (not simplified).
pub fn diff(e: &Expr, v: &str, rules: Rules) -> Expr {
    if !e.uses(v) {
        return Expr::int(0);
    }
    // The inner derivative, unless the rules drop it (never dropped for a bare variable).
    let inner = |a: &Expr| {
        if rules.drop_inner && !matches!(a, Expr::Var(_)) {
            Expr::int(1)
        } else {
            diff(a, v, rules)
        }
    };
    match e {
        Expr::Num(_) => Expr::int(0),
        Expr::Var(name) => Expr::int(i64::from(name == v)),
        Expr::Neg(a) => Expr::minus(diff(a, v, rules)),
        Expr::Bin(op, a, b) => {
            let (a, b) = (a.as_ref(), b.as_ref());
            match op {
                BinOp::Add | BinOp::Sub => Expr::bin(*op, diff(a, v, rules), diff(b, v, rules)),
                BinOp::Mul => Expr::bin(
                    BinOp::Add,
                    mul(diff(a, v, rules), b.clone()),
                    mul(a.clone(), diff(b, v, rules)),
                ),
                BinOp::Div if !b.uses(v) => div(diff(a, v, rules), b.clone()),
                BinOp::Div => div(
                    Expr::bin(
                        BinOp::Sub,
                        mul(diff(a, v, rules), b.clone()),
                        mul(a.clone(), diff(b, v, rules)),
                    ),
                    Expr::bin(BinOp::Pow, b.clone(), Expr::int(2)),
                ),
                BinOp::Pow if !b.uses(v) => {
                    let lowered = Expr::bin(
                        BinOp::Pow,
                        a.clone(),
                        Expr::bin(BinOp::Sub, b.clone(), Expr::int(1)),
                    );
                    let outer = if rules.drop_power_factor {
                        lowered
                    } else {
                        mul(b.clone(), lowered)
                    };
                    mul(outer, inner(a))
                }
                BinOp::Pow if !a.uses(v) => mul(
                    mul(e.clone(), Expr::call(Func::Log, a.clone())),
                    diff(b, v, rules),
                ),
                BinOp::Pow => mul(
                    e.clone(),
                    Expr::bin(
                        BinOp::Add,
                        mul(diff(b, v, rules), Expr::call(Func::Log, a.clone())),
                        div(mul(b.clone(), diff(a, v, rules)), a.clone()),
                    ),
                ),
            }
        }
        Expr::Call(f, a) => {
            let a = a.as_ref();
            let outer = match f {
                Func::Exp => e.clone(),
                Func::Log => div(Expr::int(1), a.clone()),
                Func::Sqrt => div(Expr::int(1), mul(Expr::int(2), e.clone())),
                Func::Sin => Expr::call(Func::Cos, a.clone()),
                Func::Cos => Expr::minus(Expr::call(Func::Sin, a.clone())),
                Func::Tanh => Expr::bin(
                    BinOp::Sub,
                    Expr::int(1),
                    Expr::bin(BinOp::Pow, e.clone(), Expr::int(2)),
                ),
                Func::Abs => div(a.clone(), e.clone()),
            };
            mul(outer, inner(a))
        }
    }
}
