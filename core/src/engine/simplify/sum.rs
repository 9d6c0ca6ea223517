//! The canonical form: a sum of terms, each a coefficient times factors `base^exponent`,
//! with its arithmetic, and how it is written back as an expression a person reads.

use std::cmp::Ordering;

use super::super::expr::{BinOp, Expr, Func};
use super::coef::Coef;
use super::spend;
use crate::num::PyNum;

/// One term: coefficient times factors `base^exponent` (bases are not numbers or products).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Term {
    coef: Coef,
    factors: Vec<(Expr, Coef)>,
}

impl Term {
    pub(super) fn constant(c: Coef) -> Term {
        Term {
            coef: c,
            factors: Vec::new(),
        }
    }

    pub(super) fn same_factors(&self, o: &Term) -> bool {
        self.factors.len() == o.factors.len() && self.factors.iter().all(|f| o.factors.contains(f))
    }

    pub(super) fn mul(&self, o: &Term) -> Term {
        let mut t = Term {
            coef: self.coef.mul(o.coef),
            factors: self.factors.clone(),
        };
        for (base, exp) in &o.factors {
            t.mul_factor(base.clone(), *exp);
        }
        t
    }

    pub(super) fn mul_factor(&mut self, base: Expr, exp: Coef) {
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
pub(super) struct Sum(pub(super) Vec<Term>);

impl Sum {
    pub(super) fn constant(c: Coef) -> Sum {
        if c.is_zero() {
            Sum(Vec::new())
        } else {
            Sum(vec![Term::constant(c)])
        }
    }

    pub(super) fn atom(e: Expr) -> Sum {
        Sum(vec![Term {
            coef: Coef::ONE,
            factors: vec![(e, Coef::ONE)],
        }])
    }

    pub(super) fn as_const(&self) -> Option<Coef> {
        match self.0.as_slice() {
            [] => Some(Coef::ZERO),
            [t] if t.factors.is_empty() => Some(t.coef),
            _ => None,
        }
    }

    pub(super) fn add(mut self, o: Sum) -> Sum {
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
    pub(super) fn negate(self) -> Sum {
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
    pub(super) fn as_term(&self) -> Term {
        match self.0.as_slice() {
            [] => Term::constant(Coef::ZERO),
            [t] => t.clone(),
            _ => Term {
                coef: Coef::ONE,
                factors: vec![(to_expr(self), Coef::ONE)],
            },
        }
    }

    pub(super) fn mul(self, o: Sum) -> Sum {
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

    pub(super) fn pow(self, c: Coef) -> Sum {
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

/// Where a factor goes in a product: variables first, then calls and powers, then sums.
pub(super) fn factor_rank(e: &Expr) -> u8 {
    match e {
        Expr::Var(_) => 0,
        Expr::Call(..) | Expr::Bin(BinOp::Pow, ..) | Expr::Num(_) => 1,
        _ => 2,
    }
}

pub(super) fn power_expr(base: &Expr, exp: Coef) -> Expr {
    match exp {
        e if e.is_one() => base.clone(),
        Coef::Rat(1, 2) => Expr::call(Func::Sqrt, base.clone()),
        e => Expr::bin(BinOp::Pow, base.clone(), e.to_expr()),
    }
}

pub(super) fn product(items: Vec<Expr>) -> Option<Expr> {
    items
        .into_iter()
        .reduce(|acc, e| Expr::bin(BinOp::Mul, acc, e))
}

/// A term printed without its sign, and whether it is negative.
pub(super) fn term_expr(t: &Term) -> (bool, Expr) {
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
pub(super) fn negate(e: Expr) -> Expr {
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

pub(super) fn to_expr(s: &Sum) -> Expr {
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
