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

fn mul(a: Expr, b: Expr) -> Expr {
    Expr::bin(BinOp::Mul, a, b)
}

fn div(a: Expr, b: Expr) -> Expr {
    Expr::bin(BinOp::Div, a, b)
}

/// The raw derivative (not simplified).
///
/// One rule per operator, each in a function of its own. The recursion stays in this small
/// dispatcher (the operands' derivatives first, then the rule combines them), so a tree as
/// deep as the parser allows costs little stack per level.
pub fn diff(e: &Expr, v: &str, rules: Rules) -> Expr {
    if !e.uses(v) {
        return Expr::int(0);
    }
    match e {
        Expr::Num(_) => Expr::int(0),
        Expr::Var(name) => Expr::int(i64::from(name == v)),
        Expr::Neg(a) => Expr::minus(diff(a, v, rules)),
        Expr::Bin(op, a, b) => {
            let da = match op {
                BinOp::Pow if !b.uses(v) => inner(a, v, rules),
                _ => diff(a, v, rules),
            };
            let db = diff(b, v, rules);
            binary(*op, e, v, rules, da, db)
        }
        Expr::Call(f, a) => {
            let da = inner(a, v, rules);
            mul(outer(*f, e, a), da)
        }
    }
}

/// The rule for `e` = `a op b`, given the operands' derivatives.
fn binary(op: BinOp, e: &Expr, v: &str, rules: Rules, da: Expr, db: Expr) -> Expr {
    let Expr::Bin(_, a, b) = e else {
        unreachable!("binary is called with a binary operation")
    };
    match op {
        BinOp::Add | BinOp::Sub => Expr::bin(op, da, db),
        BinOp::Mul => product(a, b, da, db),
        BinOp::Div => quotient(a, b, !b.uses(v), da, db),
        BinOp::Pow => power(e, a, b, v, rules, da, db),
    }
}

/// The inner derivative a', unless the rules drop it (never dropped for a bare variable).
fn inner(a: &Expr, v: &str, rules: Rules) -> Expr {
    if rules.drop_inner && !matches!(a, Expr::Var(_)) {
        Expr::int(1)
    } else {
        diff(a, v, rules)
    }
}

/// (a·b)' = a'·b + a·b'.
fn product(a: &Expr, b: &Expr, da: Expr, db: Expr) -> Expr {
    Expr::bin(BinOp::Add, mul(da, b.clone()), mul(a.clone(), db))
}

/// (a/c)' = a'/c for a constant c; (a/b)' = (a'·b − a·b') / b².
fn quotient(a: &Expr, b: &Expr, b_const: bool, da: Expr, db: Expr) -> Expr {
    if b_const {
        return div(da, b.clone());
    }
    let top = Expr::bin(BinOp::Sub, mul(da, b.clone()), mul(a.clone(), db));
    div(top, Expr::bin(BinOp::Pow, b.clone(), Expr::int(2)))
}

/// (a^c)' = c·a^(c−1)·a' for a constant c (`da` is then the inner derivative, see [`inner`]);
/// (c^b)' = c^b·log(c)·b' for a constant c; (a^b)' = a^b·(b'·log(a) + b·a'/a).
fn power(e: &Expr, a: &Expr, b: &Expr, v: &str, rules: Rules, da: Expr, db: Expr) -> Expr {
    if !b.uses(v) {
        let c_minus_1 = Expr::bin(BinOp::Sub, b.clone(), Expr::int(1));
        let lowered = Expr::bin(BinOp::Pow, a.clone(), c_minus_1);
        let outer = if rules.drop_power_factor {
            lowered
        } else {
            mul(b.clone(), lowered)
        };
        return mul(outer, da);
    }
    if !a.uses(v) {
        let log_c = Expr::call(Func::Log, a.clone());
        return mul(mul(e.clone(), log_c), db);
    }
    let by_b = mul(db, Expr::call(Func::Log, a.clone()));
    let by_a = div(mul(b.clone(), da), a.clone());
    mul(e.clone(), Expr::bin(BinOp::Add, by_b, by_a))
}

/// f'(a) for the function f of `e` = f(a).
fn outer(f: Func, e: &Expr, a: &Expr) -> Expr {
    match f {
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
    }
}
