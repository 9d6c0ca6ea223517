//! Simplification, so that a derivative prints the way a person writes it.
//!
//! An expression is brought into a sum of products: each term is an exact rational (or float)
//! coefficient times factors `base^exponent`. Like terms are collected (`x + x = 2*x`), equal
//! bases multiply (`x*x = x^2`), rational coefficients stay exact (`1/10 * 2 = 1/5`), and the
//! result is printed back with the denominator under a `/`: `1/10*(2*x^1)*1` becomes `x/5`
//! and the derivative of `(x - 2)^2/10` is `(x - 2)/5`. Sums inside products are kept as
//! they are (no expansion), which keeps factored forms factored.

mod coef;
mod sum;

use std::cell::Cell;

use super::expr::{BinOp, Expr, Func};
use coef::Coef;
use sum::{Sum, to_expr};

/// The most steps (nodes visited, terms and factors compared) one simplification may take.
pub(crate) const MAX_SIMPLIFY_WORK: u64 = 3_000_000;

thread_local! {
    /// Steps left in the current simplification (deterministic: counted, never timed).
    static LEFT: Cell<u64> = const { Cell::new(u64::MAX) };
}

/// Spends `n` steps; whether the budget is exhausted.
fn spend(n: u64) -> bool {
    LEFT.with(|l| {
        let left = l.get().saturating_sub(n);
        l.set(left);
        left == 0
    })
}

fn exhausted() -> bool {
    LEFT.with(|l| l.get() == 0)
}

/// Returns an equivalent expression, simplified; the expression as it is when simplifying it
/// would take more than [`MAX_SIMPLIFY_WORK`] steps (its value is the same either way).
pub fn simplify(e: &Expr) -> Expr {
    try_simplify(e).unwrap_or_else(|_| e.clone())
}

/// The simplified expression, or the work it would have needed when that passes
/// [`MAX_SIMPLIFY_WORK`] steps.
pub(crate) fn try_simplify(e: &Expr) -> Result<Expr, u64> {
    LEFT.with(|l| l.set(MAX_SIMPLIFY_WORK));
    let out = to_expr(&canon(e));
    let over = exhausted();
    LEFT.with(|l| l.set(u64::MAX));
    if over {
        Err(MAX_SIMPLIFY_WORK + 1)
    } else {
        Ok(out)
    }
}

/// The sum of products equal to `e`. The recursion passes through this small function only;
/// combining two operands is [`combine`]'s, so a deep tree costs little stack per level.
fn canon(e: &Expr) -> Sum {
    if spend(1) {
        return Sum::atom(e.clone());
    }
    match e {
        Expr::Num(n) => Sum::constant(Coef::from_num(*n)),
        Expr::Var(_) => Sum::atom(e.clone()),
        Expr::Neg(a) => canon(a).negate(),
        Expr::Bin(op, a, b) => {
            let a = canon(a);
            let b = canon(b);
            combine(*op, a, b)
        }
        Expr::Call(f, a) => call(*f, canon(a)),
    }
}

/// `a op b`, both operands already in canonical form.
fn combine(op: BinOp, a: Sum, b: Sum) -> Sum {
    match op {
        BinOp::Add => a.add(b),
        BinOp::Sub => a.add(b.negate()),
        BinOp::Mul => a.mul(b),
        BinOp::Div => a.mul(b.pow(Coef::Rat(-1, 1))),
        BinOp::Pow => match b.as_const() {
            Some(c) => a.pow(c),
            None => match a.as_const() {
                Some(k) if k.is_one() => Sum::constant(Coef::ONE),
                _ => Sum::atom(Expr::bin(BinOp::Pow, to_expr(&a), to_expr(&b))),
            },
        },
    }
}

fn call(f: Func, a: Sum) -> Sum {
    if let Some(k) = a.as_const() {
        let exact = match (f, k) {
            (Func::Exp | Func::Cos, c) if c.is_zero() => Some(Coef::ONE),
            (Func::Sin | Func::Tanh | Func::Sqrt, c) if c.is_zero() => Some(Coef::ZERO),
            (Func::Log, c) if c.is_one() => Some(Coef::ZERO),
            (Func::Sqrt, c) if c.is_one() => Some(Coef::ONE),
            (Func::Abs, c) => Some(c.abs()),
            _ => None,
        };
        if let Some(v) = exact {
            return Sum::constant(v);
        }
    }
    let inner = to_expr(&a);
    match (f, &inner) {
        (Func::Log, Expr::Call(Func::Exp, u)) => canon(u),
        (Func::Abs, Expr::Call(Func::Abs, _)) => a,
        _ => Sum::atom(Expr::call(f, inner)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::parse;

    #[test]
    fn functions_of_exact_constants() {
        let s = |src: &str| simplify(&parse(src).expect("parses")).to_string();
        assert_eq!(s("log(1)"), "0");
        assert_eq!(s("log(0^2 + 1)*x"), "0");
        assert_eq!(s("sqrt(1)"), "1");
        assert_eq!(s("exp(0) + cos(0)"), "2");
    }
}
