//! Forward-mode dual numbers: a value and its derivative along one direction, carried through
//! a compiled [`Program`] together.
//!
//! For a dual a + a'·ε (with ε² = 0) each operation gives its value and its derivative side by
//! side: (a·b)' = a'·b + a·b', (a/b)' = (a'·b − a·b')/b², (a^b)' = a^b·(b'·ln a + b·a'/a)
//! (b·a^(b−1)·a' when b is constant), exp' = exp, log' = 1/a, sqrt' = 1/(2·sqrt a),
//! sin' = cos, cos' = −sin, tanh' = 1 − tanh², abs' = sign. Evaluating the gradient's program
//! with the dual seed e_j gives column j of the Hessian, exactly up to rounding and without
//! any symbolic second derivative. Arithmetic is in floats (curvature needs no int rules);
//! a value that is not finite makes the whole evaluation `None`.

use super::eval::{Op, Program};
use super::expr::{BinOp, Func};

/// A dual number a + a'·ε.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dual {
    /// The value a.
    pub v: f64,
    /// The derivative a'.
    pub d: f64,
}

impl Dual {
    fn constant(v: f64) -> Dual {
        Dual { v, d: 0.0 }
    }
}

fn bin(op: BinOp, a: Dual, b: Dual) -> Dual {
    match op {
        BinOp::Add => Dual {
            v: a.v + b.v,
            d: a.d + b.d,
        },
        BinOp::Sub => Dual {
            v: a.v - b.v,
            d: a.d - b.d,
        },
        BinOp::Mul => Dual {
            v: a.v * b.v,
            d: a.d * b.v + a.v * b.d,
        },
        BinOp::Div => Dual {
            v: a.v / b.v,
            d: (a.d * b.v - a.v * b.d) / (b.v * b.v),
        },
        BinOp::Pow => {
            let v = a.v.powf(b.v);
            let d = if b.d == 0.0 {
                // b·a^(b−1)·a', defined for a negative base with an integer exponent too.
                if a.d == 0.0 {
                    0.0
                } else {
                    b.v * a.v.powf(b.v - 1.0) * a.d
                }
            } else {
                v * (b.d * a.v.ln() + b.v * a.d / a.v)
            };
            Dual { v, d }
        }
    }
}

fn call(f: Func, a: Dual) -> Dual {
    let (v, slope) = match f {
        Func::Exp => {
            let e = a.v.exp();
            (e, e)
        }
        Func::Log => (a.v.ln(), 1.0 / a.v),
        Func::Sqrt => {
            let r = a.v.sqrt();
            (r, 1.0 / (2.0 * r))
        }
        Func::Sin => (a.v.sin(), a.v.cos()),
        Func::Cos => (a.v.cos(), -a.v.sin()),
        Func::Tanh => {
            let t = a.v.tanh();
            (t, 1.0 - t * t)
        }
        Func::Abs => (a.v.abs(), if a.v < 0.0 { -1.0 } else { 1.0 }),
    };
    Dual {
        v,
        d: if a.d == 0.0 { 0.0 } else { slope * a.d },
    }
}

/// The program's value and its derivative along slot `dir` at `x` (`None` when a value on
/// the way is not a finite number).
pub fn eval_dual(p: &Program, x: &[f64], dir: usize, stack: &mut Vec<Dual>) -> Option<Dual> {
    stack.clear();
    for op in p.ops() {
        let r = match *op {
            Op::Const(n) => Dual::constant(n.to_f64()),
            Op::Load(i) => Dual {
                v: *x.get(i)?,
                d: if i == dir { 1.0 } else { 0.0 },
            },
            Op::Neg => {
                let a = stack.pop()?;
                Dual { v: -a.v, d: -a.d }
            }
            Op::Call(f) => call(f, stack.pop()?),
            Op::Bin(op) => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                bin(op, a, b)
            }
        };
        if !(r.v.is_finite() && r.d.is_finite()) {
            return None;
        }
        stack.push(r);
    }
    stack.pop()
}

/// The Hessian of f at `x` from the gradient programs `grad` (one per variable): entry (i, j)
/// is ∂grad_i/∂x_j by one dual evaluation, only for the variables grad_i uses (the others are
/// 0). `None` when a value is not finite there.
pub fn hessian(grad: &[Program], x: &[f64]) -> Option<Vec<Vec<f64>>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    let mut stack = Vec::new();
    for (i, g) in grad.iter().enumerate() {
        for j in g.slots_used() {
            h[i][j] = eval_dual(g, x, j, &mut stack)?.d;
        }
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::parse;

    fn slope(src: &str, x: f64) -> f64 {
        let e = parse(src).expect("parses");
        let p = Program::compile(&e, &["x".to_string()]).expect("compiles");
        eval_dual(&p, &[x], 0, &mut Vec::new()).expect("finite").d
    }

    #[test]
    fn duals_agree_with_central_differences() {
        for src in [
            "x^3 - 2*x",
            "exp(sin(x))/x",
            "log(x^2 + 1)*tanh(x)",
            "sqrt(x)*cos(x)",
            "x^x",
            "2^x + abs(x - 5)",
            "(x - 2)^2/10",
        ] {
            for x in [0.7, 1.3, 2.9] {
                let e = parse(src).expect("parses");
                let p = Program::compile(&e, &["x".to_string()]).expect("compiles");
                let f = |v: f64| {
                    p.eval(&[crate::engine::PyNum::Float(v)])
                        .expect("defined")
                        .to_f64()
                };
                let h = 1e-6;
                let fd = (f(x + h) - f(x - h)) / (2.0 * h);
                let d = slope(src, x);
                assert!(
                    (d - fd).abs() <= 1e-6 * (1.0 + d.abs()),
                    "{src} at {x}: dual {d}, differences {fd}"
                );
            }
        }
    }

    #[test]
    fn hessian_of_a_quadratic_is_its_constant_matrix() {
        let vars = ["x1".to_string(), "x2".to_string()];
        let grad: Vec<Program> = ["2*x1 + 3*x2", "3*x1 + 20*x2"]
            .iter()
            .map(|s| Program::compile(&parse(s).expect("parses"), &vars).expect("compiles"))
            .collect();
        let h = hessian(&grad, &[0.3, -7.0]).expect("finite");
        assert_eq!(h, vec![vec![2.0, 3.0], vec![3.0, 20.0]]);
    }
}
