//! The runs a wrong rule gives: gradient descent with one thing done otherwise (printed before
//! the update, a scaled derivative, one variable after the other, x rounded at every step), and
//! the learning rates that would explain a departing step. `diagnose.rs` tries them against
//! the student's lines.

use super::layout::{Kind, Layout};
use super::window::WindowLine;
use crate::engine::descent::{Problem, Run, Stepper};
use crate::engine::{BinOp, Expr, PyNum, simplify};

/// Printed before the update: line i shows the point after i - 1 updates of `right`.
pub(super) fn printed_before(p: &Problem, lr: PyNum, right: &Run) -> Run {
    let mut shifted: Vec<Vec<PyNum>> = Vec::with_capacity(right.len() + 1);
    if !right.is_empty() {
        shifted.push(right.point(0).to_vec());
        for i in 0..right.len().saturating_sub(1) {
            shifted.push(right.point(i).to_vec());
        }
    }
    Run::from_points(p, lr, &shifted)
}

/// The run whose derivative is `c` times the right one.
pub(super) fn scaled_gradient(
    f: &Expr,
    p: &Problem,
    start: &[PyNum],
    lr: PyNum,
    steps: usize,
    c: f64,
) -> Option<Run> {
    let exprs: Vec<Expr> = p
        .grad_exprs()
        .iter()
        .map(|g| {
            simplify(&Expr::bin(
                BinOp::Mul,
                Expr::Num(PyNum::whole_or_float(c)),
                (*g).clone(),
            ))
        })
        .collect();
    let q = Problem::new(f, &p.vars, Some(&exprs)).ok()?;
    Some(Run::new(&q, start, lr, steps))
}

/// `v` to `s` significant digits.
fn round_sig(v: f64, s: usize) -> f64 {
    format!("{:.*e}", s.saturating_sub(1), v)
        .parse()
        .unwrap_or(v)
}

/// The simplest numbers within `unc` of `v` (1 to 4 significant digits).
fn nice(v: f64, unc: f64) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for s in 1..=4 {
        let r = round_sig(v, s);
        if (r - v).abs() <= unc * 1.01 + 1e-12 * v.abs() && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// Learning rates that explain the first departing step that prints a variable, and the
/// variable they were read from.
pub(super) fn infer_lr(
    l: &Layout,
    window: &[WindowLine],
    start: &[PyNum],
) -> Option<(Vec<f64>, usize)> {
    let p = &l.d.problem;
    for w in window.iter().filter(|w| !w.ref_ok) {
        let slot = l.slot(w.k);
        if slot.i == 0 {
            continue;
        }
        let tpl = l.tpl(slot);
        // The point before this step: the reference's (the lines before agree with it),
        // or the student's start for the first step.
        let before: Vec<PyNum> = if slot.i == 1 {
            start.to_vec()
        } else {
            l.d.run.point(slot.i - 1).to_vec()
        };
        let s = Stepper::new(p, &before, l.d.run.lr).ok()?;
        // The variable with the steepest slope gives the sharpest estimate.
        let mut best: Option<(f64, f64, usize)> = None;
        for (f, got) in tpl.fields.iter().zip(&w.ex.values) {
            if let (Kind::Var(k), Some(n)) = (f.kind, got) {
                let g = s.gradient.get(k)?.to_f64();
                let b = before.get(k)?.to_f64();
                if n.value.is_finite() && g.abs() > best.map_or(0.0, |x| x.1.abs()) {
                    best = Some(((b - n.value) / g, g, k));
                    let _ = n;
                }
            }
        }
        if let Some((r, g, k)) = best {
            let h = tpl
                .fields
                .iter()
                .zip(&w.ex.values)
                .find_map(|(f, n)| (f.kind == Kind::Var(k)).then_some(n.as_ref()?.half_unit()))
                .unwrap_or(0.0);
            return Some((nice(r, 2.0 * h / g.abs()), k));
        }
    }
    None
}

/// One variable after the other: the update of each uses the variables already moved.
pub(super) fn sequential(p: &Problem, start: &[PyNum], lr: PyNum, steps: usize) -> Run {
    let mut x = start.to_vec();
    let mut points = vec![x.clone()];
    'outer: for _ in 0..steps {
        for k in 0..x.len() {
            let Ok(g) = p.grad[k].eval(&x) else {
                break 'outer;
            };
            let next = x[k].to_f64() - lr.to_f64() * g.to_f64();
            if !next.is_finite() {
                break 'outer;
            }
            x[k] = PyNum::Float(next);
        }
        points.push(x.clone());
    }
    Run::from_points(p, lr, &points)
}

/// x rounded to `d` decimals after every update.
pub(super) fn rounded(p: &Problem, start: &[PyNum], lr: PyNum, steps: usize, d: usize) -> Run {
    let mut x = start.to_vec();
    let mut points = vec![x.clone()];
    for _ in 0..steps {
        let Ok(s) = Stepper::new(p, &x, lr) else {
            break;
        };
        let mut next = Vec::with_capacity(x.len());
        for (xi, gi) in x.iter().zip(&s.gradient) {
            let v = xi.to_f64() - lr.to_f64() * gi.to_f64();
            if !v.is_finite() {
                return Run::from_points(p, lr, &points);
            }
            next.push(PyNum::Float(format!("{v:.d$}").parse().unwrap_or(v)));
        }
        x = next;
        points.push(x.clone());
    }
    Run::from_points(p, lr, &points)
}
