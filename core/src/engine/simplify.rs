//! Simplification, so that a derivative prints the way a person writes it.
//!
//! An expression is brought into a sum of products: each term is an exact rational (or float)
//! coefficient times factors `base^exponent`. Like terms are collected (`x + x = 2*x`), equal
//! bases multiply (`x*x = x^2`), rational coefficients stay exact (`1/10 * 2 = 1/5`), and the
//! result is printed back with the denominator under a `/`: `1/10*(2*x^1)*1` becomes `x/5`
//! and the derivative of `(x - 2)^2/10` is `(x - 2)/5`. Sums inside products are kept as
//! they are (no expansion), which keeps factored forms factored.

use std::cell::Cell;
use std::cmp::Ordering;

use super::expr::{BinOp, Expr, Func};
use crate::num::PyNum;

/// The most steps (nodes visited, terms and factors compared) one simplification may take.
pub const MAX_SIMPLIFY_WORK: u64 = 3_000_000;

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
pub fn try_simplify(e: &Expr) -> Result<Expr, u64> {
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

/// A coefficient: exact while it can be, a float otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Coef {
    /// p/q in lowest terms, q > 0.
    Rat(i64, i64),
    Real(f64),
}

impl Coef {
    const ZERO: Coef = Coef::Rat(0, 1);
    const ONE: Coef = Coef::Rat(1, 1);

    fn rat(p: i128, q: i128) -> Coef {
        if q == 0 {
            return Coef::Real(f64::NAN);
        }
        let g = gcd(p.unsigned_abs(), q.unsigned_abs()).max(1) as i128;
        let (mut p, mut q) = (p / g, q / g);
        if q < 0 {
            p = -p;
            q = -q;
        }
        match (i64::try_from(p), i64::try_from(q)) {
            (Ok(p), Ok(q)) => Coef::Rat(p, q),
            _ => Coef::Real(p as f64 / q as f64),
        }
    }

    fn from_num(n: PyNum) -> Coef {
        match n {
            PyNum::Int(i) => Coef::Rat(i, 1),
            PyNum::Float(f) => Coef::Real(f),
        }
    }

    fn to_f64(self) -> f64 {
        match self {
            Coef::Rat(p, q) => p as f64 / q as f64,
            Coef::Real(f) => f,
        }
    }

    fn is_zero(self) -> bool {
        self.to_f64() == 0.0
    }

    fn is_one(self) -> bool {
        self == Coef::ONE || self == Coef::Real(1.0)
    }

    fn is_negative(self) -> bool {
        self.to_f64() < 0.0
    }

    fn as_int(self) -> Option<i64> {
        match self {
            Coef::Rat(p, 1) => Some(p),
            Coef::Real(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(f as i64),
            _ => None,
        }
    }

    fn add(self, o: Coef) -> Coef {
        match (self, o) {
            (Coef::Rat(a, b), Coef::Rat(c, d)) => Coef::rat(
                a as i128 * d as i128 + c as i128 * b as i128,
                b as i128 * d as i128,
            ),
            _ => Coef::Real(self.to_f64() + o.to_f64()),
        }
    }

    fn mul(self, o: Coef) -> Coef {
        match (self, o) {
            (Coef::Rat(a, b), Coef::Rat(c, d)) => {
                Coef::rat(a as i128 * c as i128, b as i128 * d as i128)
            }
            _ => Coef::Real(self.to_f64() * o.to_f64()),
        }
    }

    fn neg(self) -> Coef {
        self.mul(Coef::Rat(-1, 1))
    }

    fn abs(self) -> Coef {
        if self.is_negative() { self.neg() } else { self }
    }

    /// `self ^ n` for a small integer n, exact for rationals; `None` when not finite.
    fn powi(self, n: i64) -> Option<Coef> {
        if n.unsigned_abs() > 64 {
            let v = self.to_f64().powf(n as f64);
            return v.is_finite().then_some(Coef::Real(v));
        }
        match self {
            Coef::Rat(p, q) => {
                if p == 0 && n < 0 {
                    return None;
                }
                let (mut num, mut den) = (1i128, 1i128);
                for _ in 0..n.unsigned_abs() {
                    num = num.checked_mul(p as i128)?;
                    den = den.checked_mul(q as i128)?;
                }
                Some(if n < 0 {
                    Coef::rat(den, num)
                } else {
                    Coef::rat(num, den)
                })
            }
            Coef::Real(f) => {
                let v = f.powf(n as f64);
                v.is_finite().then_some(Coef::Real(v))
            }
        }
    }

    fn to_expr(self) -> Expr {
        match self {
            Coef::Rat(p, 1) => Expr::int(p),
            Coef::Rat(p, q) => Expr::bin(BinOp::Div, Expr::int(p), Expr::int(q)),
            Coef::Real(f) => Expr::float(f),
        }
    }
}

fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// One term: coefficient times factors `base^exponent` (bases are not numbers or products).
#[derive(Clone, Debug, PartialEq)]
struct Term {
    coef: Coef,
    factors: Vec<(Expr, Coef)>,
}

impl Term {
    fn constant(c: Coef) -> Term {
        Term {
            coef: c,
            factors: Vec::new(),
        }
    }

    fn same_factors(&self, o: &Term) -> bool {
        self.factors.len() == o.factors.len() && self.factors.iter().all(|f| o.factors.contains(f))
    }

    fn mul(&self, o: &Term) -> Term {
        let mut t = Term {
            coef: self.coef.mul(o.coef),
            factors: self.factors.clone(),
        };
        for (base, exp) in &o.factors {
            t.mul_factor(base.clone(), *exp);
        }
        t
    }

    fn mul_factor(&mut self, base: Expr, exp: Coef) {
        spend(1 + self.factors.len() as u64);
        if let Some(i) = self.factors.iter().position(|(b, _)| *b == base) {
            let e = self.factors[i].1.add(exp);
            if e.is_zero() {
                self.factors.remove(i);
            } else {
                self.factors[i].1 = e;
            }
        } else if !exp.is_zero() {
            self.factors.push((base, exp));
        }
    }
}

/// A sum of terms, like terms collected; the empty sum is 0.
#[derive(Clone, Debug, PartialEq)]
struct Sum(Vec<Term>);

impl Sum {
    fn constant(c: Coef) -> Sum {
        if c.is_zero() {
            Sum(Vec::new())
        } else {
            Sum(vec![Term::constant(c)])
        }
    }

    fn atom(e: Expr) -> Sum {
        Sum(vec![Term {
            coef: Coef::ONE,
            factors: vec![(e, Coef::ONE)],
        }])
    }

    fn as_const(&self) -> Option<Coef> {
        match self.0.as_slice() {
            [] => Some(Coef::ZERO),
            [t] if t.factors.is_empty() => Some(t.coef),
            _ => None,
        }
    }

    fn add(mut self, o: Sum) -> Sum {
        for t in o.0 {
            if spend(1 + self.0.len() as u64) {
                self.0.push(t);
                continue;
            }
            if let Some(i) = self.0.iter().position(|s| s.same_factors(&t)) {
                let c = self.0[i].coef.add(t.coef);
                if c.is_zero() {
                    self.0.remove(i);
                } else {
                    self.0[i].coef = c;
                }
            } else if !t.coef.is_zero() {
                self.0.push(t);
            }
        }
        self
    }

    /// Every term negated (a sum stays a sum: `-(x - 2)` is `-x + 2`).
    fn negate(self) -> Sum {
        Sum(self
            .0
            .into_iter()
            .map(|t| Term {
                coef: t.coef.neg(),
                factors: t.factors,
            })
            .collect())
    }

    /// A single term standing for the whole sum (a sum of several terms becomes one factor).
    fn as_term(&self) -> Term {
        match self.0.as_slice() {
            [] => Term::constant(Coef::ZERO),
            [t] => t.clone(),
            _ => Term {
                coef: Coef::ONE,
                factors: vec![(to_expr(self), Coef::ONE)],
            },
        }
    }

    fn mul(self, o: Sum) -> Sum {
        if self.0.is_empty() || o.0.is_empty() {
            return Sum(Vec::new());
        }
        // Multiplying by 1 or -1 keeps a sum a sum, so that its terms can still be collected.
        for (k, other) in [(self.as_const(), &o), (o.as_const(), &self)] {
            match k {
                Some(c) if c.is_one() => return other.clone(),
                Some(c) if c.neg().is_one() => return other.clone().negate(),
                _ => {}
            }
        }
        let t = self.as_term().mul(&o.as_term());
        if t.coef.is_zero() {
            Sum(Vec::new())
        } else {
            Sum(vec![t])
        }
    }

    fn pow(self, c: Coef) -> Sum {
        if c.is_zero() {
            return Sum::constant(Coef::ONE);
        }
        if c.is_one() {
            return self;
        }
        if let Some(k) = self.as_const() {
            if let Some(n) = c.as_int()
                && let Some(v) = k.powi(n)
            {
                return Sum::constant(v);
            }
            return Sum::atom(Expr::bin(BinOp::Pow, k.to_expr(), c.to_expr()));
        }
        if self.0.len() == 1 {
            let t = &self.0[0];
            let n = c.as_int();
            let coef = n.and_then(|n| t.coef.powi(n));
            let single_atom = t.coef.is_one() && t.factors.len() == 1 && t.factors[0].1.is_one();
            if let Some(coef) = coef {
                return Sum(vec![Term {
                    coef,
                    factors: t
                        .factors
                        .iter()
                        .map(|(b, e)| (b.clone(), e.mul(c)))
                        .collect(),
                }]);
            }
            if single_atom {
                return Sum(vec![Term {
                    coef: Coef::ONE,
                    factors: vec![(t.factors[0].0.clone(), c)],
                }]);
            }
        }
        let mut t = Term::constant(Coef::ONE);
        t.mul_factor(to_expr(&self), c);
        Sum(vec![t])
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

/// Where a factor goes in a product: variables first, then calls and powers, then sums.
fn factor_rank(e: &Expr) -> u8 {
    match e {
        Expr::Var(_) => 0,
        Expr::Call(..) | Expr::Bin(BinOp::Pow, ..) | Expr::Num(_) => 1,
        _ => 2,
    }
}

fn power_expr(base: &Expr, exp: Coef) -> Expr {
    match exp {
        e if e.is_one() => base.clone(),
        Coef::Rat(1, 2) => Expr::call(Func::Sqrt, base.clone()),
        e => Expr::bin(BinOp::Pow, base.clone(), e.to_expr()),
    }
}

fn product(items: Vec<Expr>) -> Option<Expr> {
    items
        .into_iter()
        .reduce(|acc, e| Expr::bin(BinOp::Mul, acc, e))
}

/// A term printed without its sign, and whether it is negative.
fn term_expr(t: &Term) -> (bool, Expr) {
    let negative = t.coef.is_negative();
    let c = t.coef.abs();
    let mut factors: Vec<&(Expr, Coef)> = t.factors.iter().collect();
    factors.sort_by(|a, b| {
        factor_rank(&a.0)
            .cmp(&factor_rank(&b.0))
            .then(Ordering::Equal)
    });
    let mut num: Vec<Expr> = Vec::new();
    let mut den: Vec<Expr> = Vec::new();
    let (cn, cd) = match c {
        Coef::Rat(p, q) => (Coef::Rat(p, 1), Coef::Rat(q, 1)),
        Coef::Real(_) => (c, Coef::ONE),
    };
    let has_num_factors = factors.iter().any(|(_, e)| !e.is_negative());
    if !cn.is_one() || !has_num_factors {
        num.push(cn.to_expr());
    }
    if !cd.is_one() {
        den.push(cd.to_expr());
    }
    for (base, exp) in factors {
        if exp.is_negative() {
            den.push(power_expr(base, exp.neg()));
        } else {
            num.push(power_expr(base, *exp));
        }
    }
    let num = product(num).unwrap_or(Expr::int(1));
    let e = match product(den) {
        Some(d) => Expr::bin(BinOp::Div, num, d),
        None => num,
    };
    (negative, e)
}

/// Puts a minus sign on the leftmost factor, so that `-2*x` prints as such, not `-(2*x)`.
fn negate(e: Expr) -> Expr {
    match e {
        Expr::Num(n) => Expr::Num(match n {
            PyNum::Int(i) => i
                .checked_neg()
                .map_or(PyNum::Float(-(i as f64)), PyNum::Int),
            PyNum::Float(f) => PyNum::Float(-f),
        }),
        Expr::Bin(op @ (BinOp::Mul | BinOp::Div), a, b) => Expr::Bin(op, Box::new(negate(*a)), b),
        other => Expr::minus(other),
    }
}

fn to_expr(s: &Sum) -> Expr {
    let mut terms: Vec<&Term> = s.0.iter().filter(|t| !t.factors.is_empty()).collect();
    terms.extend(s.0.iter().filter(|t| t.factors.is_empty()));
    // Lead with a positive term where there is one: `1 - tanh(x)^2`, not `-tanh(x)^2 + 1`.
    if let Some(i) = terms.iter().position(|t| !t.coef.is_negative()) {
        let first = terms.remove(i);
        terms.insert(0, first);
    }
    let mut acc: Option<Expr> = None;
    for t in terms {
        let (negative, e) = term_expr(t);
        acc = Some(match acc {
            None if negative => negate(e),
            None => e,
            Some(a) if negative => Expr::bin(BinOp::Sub, a, e),
            Some(a) => Expr::bin(BinOp::Add, a, e),
        });
    }
    acc.unwrap_or(Expr::int(0))
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
