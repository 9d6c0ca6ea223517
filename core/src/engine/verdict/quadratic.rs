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

/// The most variables whose Hessian is decomposed (Jacobi sweeps cost n³ each); a larger
/// problem is judged from its run.
pub const MAX_EIGEN_VARS: usize = 200;

/// The Hessian when f is a quadratic: the same (to rounding) at x0 and two other points.
pub fn constant_hessian(problem: &Problem, x0: &[PyNum]) -> Option<Vec<Vec<f64>>> {
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
pub fn eigenvalues_at(problem: &Problem, x: &[f64]) -> Option<Vec<f64>> {
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
pub fn judge_quadratic(
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
    // g(x) = H x + c, so x* = -H⁻¹ c = x0 - H⁻¹ g(x0).
    let x0f = floats(x0);
    let g0: Vec<f64> = problem
        .grad
        .iter()
        .map(|p| p.eval(x0).map(PyNum::to_f64))
        .collect::<Result<_, _>>()
        .ok()?;
    // H⁻¹ g0 through the eigen-decomposition.
    let coords: Vec<f64> = (0..n)
        .map(|k| (0..n).map(|i| vecs[i][k] * g0[i]).sum::<f64>() / vals[k])
        .collect();
    let x_star: Vec<f64> = (0..n)
        .map(|i| x0f[i] - (0..n).map(|k| vecs[i][k] * coords[k]).sum::<f64>())
        .collect();
    let lam_max = vals.iter().cloned().fold(0.0f64, f64::max);
    let lr_max = 2.0 / lam_max;
    // The error's coordinates along the eigenvectors are `coords`; directions it has no part
    // in never move.
    let size = coords.iter().fold(0.0f64, |m, c| m.max(c.abs()));
    let active: Vec<Direction> = (0..n)
        .filter(|&k| size > 0.0 && coords[k].abs() > 1e-12 * size)
        .map(|k| Direction {
            lambda: vals[k],
            r: 1.0 - lr * vals[k],
        })
        .collect();
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
        j.reason = "the start is already the minimum".into();
        return Some(j);
    };
    j.factor = Some(worst.r);
    if lr == 0.0 {
        j.reason = "the learning rate is 0, so x never moves: it stays at the start".into();
        return Some(j);
    }
    if lr < 0.0 {
        j.verdict = Verdict::Diverges;
        j.reason = "a negative learning rate climbs instead of descending".into();
        return Some(j);
    }
    let rho = worst.r.abs();
    // The most negative r decides whether x crosses the minimum.
    let crossing = active
        .iter()
        .filter(|d| d.r < 0.0)
        .min_by(|a, b| a.r.partial_cmp(&b.r).unwrap_or(std::cmp::Ordering::Equal));
    let (verdict, why) = if n == 1 {
        let lambda = vals[0];
        let head = format!(
            "f is a quadratic with f'' = {}, so each step multiplies the distance to the minimum by r = 1 - 2·a·lr = 1 - 2·{}·{} = {}",
            short(lambda),
            short(lambda / 2.0),
            short(lr),
            short(worst.r)
        );
        if (rho - 1.0).abs() <= 1e-12 {
            (
                Verdict::Cycles,
                format!("{head}: |r| = 1, so x jumps between the same points for ever"),
            )
        } else if rho > 1.0 {
            (
                Verdict::Diverges,
                format!("{head}: |r| > 1, so the distance grows every step"),
            )
        } else if worst.r < 0.0 {
            (
                Verdict::Oscillates,
                format!(
                    "{head}: -1 < r < 0, so x crosses the minimum every step while getting closer (lr < {} converges)",
                    short(lr_max)
                ),
            )
        } else {
            (
                Verdict::Converges,
                format!("{head}: 0 <= r < 1, so x approaches the minimum from one side"),
            )
        }
    } else {
        let list: Vec<String> = active
            .iter()
            .map(|d| format!("λ = {} gives r = {}", short(d.lambda), short(d.r)))
            .collect();
        let head = format!(
            "f is a quadratic; along each eigen-direction of its Hessian a step multiplies the distance to the minimum by r = 1 - lr·λ, with lr = {}: {}",
            short(lr),
            list.join(", ")
        );
        let along = |d: &Direction| format!("along λ = {}", short(d.lambda));
        if (rho - 1.0).abs() <= 1e-12 {
            (
                Verdict::Cycles,
                format!(
                    "{head}; {} |r| = 1 and no |r| is larger, so x jumps between the same points for ever",
                    along(worst)
                ),
            )
        } else if rho > 1.0 {
            (
                Verdict::Diverges,
                format!(
                    "{head}; {} |r| = {} > 1, so the distance grows every step in that direction",
                    along(worst),
                    short(rho)
                ),
            )
        } else if let Some(c) = crossing {
            (
                Verdict::Oscillates,
                format!(
                    "{head}; every |r| < 1, so x converges, and {} r = {} < 0, so x crosses the minimum in that direction every step (lr < {} converges)",
                    along(c),
                    short(c.r),
                    short(lr_max)
                ),
            )
        } else {
            (
                Verdict::Converges,
                format!(
                    "{head}; every r is between 0 and 1 (the largest, r = {}, is {}), so x approaches the minimum without crossing it",
                    short(worst.r),
                    along(worst)
                ),
            )
        }
    };
    j.verdict = verdict;
    j.reason = why;
    Some(j)
}

/// Eigenvalues and eigenvectors (as columns) of a symmetric matrix, by Jacobi rotations.
#[allow(clippy::needless_range_loop)] // the rotations index rows p and q together
pub fn jacobi_eigen(m: &[Vec<f64>]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = m.len();
    let mut a: Vec<Vec<f64>> = m.to_vec();
    let mut v: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    let total: f64 = a.iter().flatten().map(|x| x * x).sum();
    for _sweep in 0..50 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        if off < 1e-30 * total.max(1.0) {
            break;
        }
        for p in 0..n {
            for q in (p + 1)..n {
                if a[p][q].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k][p], a[k][q]);
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p][k], a[q][k]);
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for row in v.iter_mut() {
                    let (vkp, vkq) = (row[p], row[q]);
                    row[p] = c * vkp - s * vkq;
                    row[q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..n).map(|i| a[i][i]).collect(), v)
}
