//! Coefficients of a canonical sum: exact rationals while they fit, floats otherwise.

use super::super::expr::{BinOp, Expr};
use crate::num::PyNum;

/// A coefficient: exact while it can be, a float otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Coef {
    /// p/q in lowest terms, q > 0.
    Rat(i64, i64),
    Real(f64),
}

impl Coef {
    pub(super) const ZERO: Coef = Coef::Rat(0, 1);
    pub(super) const ONE: Coef = Coef::Rat(1, 1);

    pub(super) fn rat(p: i128, q: i128) -> Coef {
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

    pub(super) fn from_num(n: PyNum) -> Coef {
        match n {
            PyNum::Int(i) => Coef::Rat(i, 1),
            PyNum::Float(f) => Coef::Real(f),
        }
    }

    pub(super) fn to_f64(self) -> f64 {
        match self {
            Coef::Rat(p, q) => p as f64 / q as f64,
            Coef::Real(f) => f,
        }
    }

    pub(super) fn is_zero(self) -> bool {
        self.to_f64() == 0.0
    }

    pub(super) fn is_one(self) -> bool {
        self == Coef::ONE || self == Coef::Real(1.0)
    }

    pub(super) fn is_negative(self) -> bool {
        self.to_f64() < 0.0
    }

    pub(super) fn as_int(self) -> Option<i64> {
        match self {
            Coef::Rat(p, 1) => Some(p),
            Coef::Real(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(f as i64),
            _ => None,
        }
    }

    pub(super) fn add(self, o: Coef) -> Coef {
        match (self, o) {
            (Coef::Rat(a, b), Coef::Rat(c, d)) => Coef::rat(
                a as i128 * d as i128 + c as i128 * b as i128,
                b as i128 * d as i128,
            ),
            _ => Coef::Real(self.to_f64() + o.to_f64()),
        }
    }

    pub(super) fn mul(self, o: Coef) -> Coef {
        match (self, o) {
            (Coef::Rat(a, b), Coef::Rat(c, d)) => {
                Coef::rat(a as i128 * c as i128, b as i128 * d as i128)
            }
            _ => Coef::Real(self.to_f64() * o.to_f64()),
        }
    }

    pub(super) fn neg(self) -> Coef {
        self.mul(Coef::Rat(-1, 1))
    }

    pub(super) fn abs(self) -> Coef {
        if self.is_negative() { self.neg() } else { self }
    }

    /// `self ^ n` for a small integer n, exact for rationals; `None` when not finite.
    pub(super) fn powi(self, n: i64) -> Option<Coef> {
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

    pub(super) fn to_expr(self) -> Expr {
        match self {
            Coef::Rat(p, 1) => Expr::int(p),
            Coef::Rat(p, q) => Expr::bin(BinOp::Div, Expr::int(p), Expr::int(q)),
            Coef::Real(f) => Expr::float(f),
        }
    }
}

pub(super) fn gcd(a: u128, b: u128) -> u128 {
    if b == 0 { a } else { gcd(b, a % b) }
}
