//! The exact verdict for a quadratic, from the eigenvalues of its Hessian.
//!
//! Near the minimum x* one update maps the error e = x − x* to (I − lr·H)·e. Along each
//! eigen-direction of H with eigenvalue λ the error is multiplied by r = 1 − lr·λ (for
//! a·(x − c)² that is r = 1 − 2·a·lr). The verdict names the direction that decides: the
//! largest |r| for converging, cycling and diverging, and a negative r for oscillating.
//! The Hessian is computed numerically, by dual numbers through the gradient's program
//! ([`crate::engine::dual`]); f counts as a quadratic when it is the same at three points.

use super::{Judgement, Verdict, floats, short};
use crate::engine::budget::MAX_PROBE_WORK;
use crate::engine::descent::Problem;
use crate::engine::dual::hessian;
use crate::num::PyNum;
use crate::t;

use super::eigen::jacobi_eigen;

/// The most variables whose Hessian is decomposed (Jacobi sweeps cost n³ each); a larger
/// problem is judged from its run.
pub const MAX_EIGEN_VARS: usize = 200;

/// The Hessian when f is a quadratic: the same (to rounding) at x0 and two other points.
pub(crate) fn constant_hessian(problem: &Problem, x0: &[PyNum]) -> Option<Vec<Vec<f64>>> {
    let n = problem.vars.len();
    if n > MAX_EIGEN_VARS || hessian_work(problem) > MAX_PROBE_WORK / 3 {
        return None;
    }
    let x = floats(x0);
    let h0 = hessian(&problem.grad, &x)?;
    for shift in [0.37, -0.61] {
        let moved: Vec<f64> = x
            .iter()
            .enumerate()
            .map(|(i, v)| v + shift * (1.0 + v.abs()) * (1.0 + 0.13 * i as f64))
            .collect();
        let h = hessian(&problem.grad, &moved)?;
        let same = h0
            .iter()
            .flatten()
            .zip(h.iter().flatten())
            .all(|(a, b)| (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs())));
        if !same {
            return None;
        }
    }
    Some(h0)
}

/// The operations one Hessian costs: one dual evaluation of each partial derivative per
/// variable it uses.
fn hessian_work(problem: &Problem) -> u64 {
    problem
        .grad
        .iter()
        .map(|g| (g.slots_used().len() * g.len()) as u64)
        .sum()
}

/// The Hessian's eigenvalues at `x`, when finite.
pub(crate) fn eigenvalues_at(problem: &Problem, x: &[f64]) -> Option<Vec<f64>> {
    if problem.vars.len() > MAX_EIGEN_VARS || hessian_work(problem) > MAX_PROBE_WORK {
        return None;
    }
    let h = hessian(&problem.grad, x)?;
    Some(jacobi_eigen(&h).0)
}

/// One eigen-direction the error has a part in: its eigenvalue and factor.
struct Direction {
    lambda: f64,
    r: f64,
}

/// The verdict for a quadratic with constant Hessian `h` (`None` when h is not symmetric
/// positive definite: then the run decides).
pub(crate) fn judge_quadratic(
    problem: &Problem,
    h: &[Vec<f64>],
    x0: &[PyNum],
    lr: f64,
) -> Option<Judgement> {
    let n = h.len();
    let symmetric =
        (0..n).all(|i| (0..n).all(|j| (h[i][j] - h[j][i]).abs() <= 1e-12 * (1.0 + h[i][j].abs())));
    if !symmetric {
        return None;
    }
    let (vals, vecs) = jacobi_eigen(h);
    if vals.iter().any(|&l| l <= 0.0) {
        return None;
    }
    let (coords, x_star) = minimum(problem, x0, &vals, &vecs)?;
    let lam_max = vals.iter().cloned().fold(0.0f64, f64::max);
    let lr_max = 2.0 / lam_max;
    let active = active_directions(&coords, &vals, lr);
    let mut j = Judgement {
        verdict: Verdict::Converges,
        reason: String::new(),
        factor: None,
        lr_max: Some(lr_max),
        x_star: Some(x_star),
        diverged_at: None,
    };
    let by_size = |a: &&Direction, b: &&Direction| {
        a.r.abs()
            .partial_cmp(&b.r.abs())
            .unwrap_or(std::cmp::Ordering::Equal)
    };
    let Some(worst) = active.iter().max_by(by_size) else {
        j.reason = t!("verdict-at-minimum");
        return Some(j);
    };
    j.factor = Some(worst.r);
    if lr == 0.0 {
        j.reason = t!("verdict-lr-zero");
        return Some(j);
    }
    if lr < 0.0 {
        j.verdict = Verdict::Diverges;
        j.reason = t!("verdict-negative-lr");
        return Some(j);
    }
    let steps = Steps {
        worst,
        rho: worst.r.abs(),
        lr,
        lr_max,
    };
    let (verdict, why) = if n == 1 {
        steps.one_variable(vals[0])
    } else {
        steps.many_variables(&active)
    };
    j.verdict = verdict;
    j.reason = why;
    Some(j)
}

/// The error's coordinates along the eigenvectors, and the minimum x*.
///
/// g(x) = H x + c, so x* = −H⁻¹ c = x0 − H⁻¹ g(x0), with H⁻¹ g(x0) taken through the
/// eigen-decomposition (`vals`, and `vecs` as columns).
fn minimum(
    problem: &Problem,
    x0: &[PyNum],
    vals: &[f64],
    vecs: &[Vec<f64>],
) -> Option<(Vec<f64>, Vec<f64>)> {
    let n = vals.len();
    let x0f = floats(x0);
    let g0: Vec<f64> = problem
        .grad
        .iter()
        .map(|p| p.eval(x0).map(PyNum::to_f64))
        .collect::<Result<_, _>>()
        .ok()?;
    let coords: Vec<f64> = (0..n)
        .map(|k| (0..n).map(|i| vecs[i][k] * g0[i]).sum::<f64>() / vals[k])
        .collect();
    let x_star: Vec<f64> = (0..n)
        .map(|i| x0f[i] - (0..n).map(|k| vecs[i][k] * coords[k]).sum::<f64>())
        .collect();
    Some((coords, x_star))
}

/// The directions the error has a part in (the others never move), each with its factor.
fn active_directions(coords: &[f64], vals: &[f64], lr: f64) -> Vec<Direction> {
    let size = coords.iter().fold(0.0f64, |m, c| m.max(c.abs()));
    (0..vals.len())
        .filter(|&k| size > 0.0 && coords[k].abs() > 1e-12 * size)
        .map(|k| Direction {
            lambda: vals[k],
            r: 1.0 - lr * vals[k],
        })
        .collect()
}

/// What decides a step's verdict: the direction with the largest |r| (`rho`), the learning
/// rate and the largest one that converges.
struct Steps<'a> {
    worst: &'a Direction,
    rho: f64,
    lr: f64,
    lr_max: f64,
}

impl Steps<'_> {
    /// The verdict and its reason for one variable, f'' = `lambda`.
    fn one_variable(&self, lambda: f64) -> (Verdict, String) {
        let Steps { worst, rho, lr, .. } = *self;
        // Every sentence names f'', a = f''/2, lr and r, so that a translation can order them.
        let (f2, a, lr, r) = (
            short(lambda),
            short(lambda / 2.0),
            short(lr),
            short(worst.r),
        );
        if (rho - 1.0).abs() <= 1e-12 {
            let why = t!("verdict-one-cycles", f2 = f2, a = a, lr = lr, r = r);
            (Verdict::Cycles, why)
        } else if rho > 1.0 {
            let why = t!("verdict-one-diverges", f2 = f2, a = a, lr = lr, r = r);
            (Verdict::Diverges, why)
        } else if worst.r < 0.0 {
            let m = short(self.lr_max);
            // One line, so that the catalogue test reads the call's arguments.
            #[rustfmt::skip]
            let why = t!("verdict-one-oscillates", f2 = f2, a = a, lr = lr, r = r, max = m);
            (Verdict::Oscillates, why)
        } else {
            let why = t!("verdict-one-converges", f2 = f2, a = a, lr = lr, r = r);
            (Verdict::Converges, why)
        }
    }

    /// The verdict and its reason for several variables, along the `active` directions.
    fn many_variables(&self, active: &[Direction]) -> (Verdict, String) {
        let Steps { worst, rho, .. } = *self;
        // The most negative r decides whether x crosses the minimum.
        let crossing = active
            .iter()
            .filter(|d| d.r < 0.0)
            .min_by(|a, b| a.r.partial_cmp(&b.r).unwrap_or(std::cmp::Ordering::Equal));
        let list: Vec<String> = active
            .iter()
            .map(|d| {
                let (lambda, r) = (short(d.lambda), short(d.r));
                t!("verdict-many-direction", lambda = lambda, r = r)
            })
            .collect();
        let (lr, directions) = (short(self.lr), list.join(", "));
        let head = t!("verdict-many-head", lr = lr, directions = directions);
        let lambda = short(worst.lambda);
        let (verdict, clause) = if (rho - 1.0).abs() <= 1e-12 {
            let why = t!("verdict-many-cycles", lambda = lambda);
            (Verdict::Cycles, why)
        } else if rho > 1.0 {
            let rho = short(rho);
            let why = t!("verdict-many-diverges", lambda = lambda, rho = rho);
            (Verdict::Diverges, why)
        } else if let Some(c) = crossing {
            let (lambda, r, max) = (short(c.lambda), short(c.r), short(self.lr_max));
            let why = t!("verdict-many-oscillates", lambda = lambda, r = r, max = max);
            (Verdict::Oscillates, why)
        } else {
            let r = short(worst.r);
            let why = t!("verdict-many-converges", lambda = lambda, r = r);
            (Verdict::Converges, why)
        };
        // The head and the clause that decides, joined as two clauses.
        (verdict, format!("{head}; {clause}"))
    }
}
