//! The verdict on a descent: does it converge, oscillate, cycle or diverge?
//!
//! For a quadratic (every second derivative a constant) the answer is exact. Near its
//! minimum x*, one update maps the error e = x − x* to (I − lr·H)·e, where H is the matrix of
//! second derivatives. Along each eigenvector of H with eigenvalue λ the error is multiplied
//! by r = 1 − lr·λ (for a·(x − c)² that is r = 1 − 2·a·lr): 0 ≤ r < 1 converges, −1 < r < 0
//! converges while jumping across the minimum (oscillates), r = −1 bounces for ever (cycles),
//! |r| > 1 diverges. The largest learning rate that still converges is 2/λ_max.
//! For any other function the verdict follows from the run (extended to at least
//! [`PROBE_STEPS`] steps): where it settles, whether it alternates sides, whether it returns
//! to the same points, or whether |x| passes a bound.

use std::fmt;

use super::descent::{Problem, Run};
use super::diff::derivative;
use super::eval::Program;
use super::expr::Expr;
use super::num::PyNum;

/// How many steps a run is extended to when its verdict must come from the run.
pub const PROBE_STEPS: usize = 2000;

/// The four outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Reaches the minimum without crossing it.
    Converges,
    /// Reaches the minimum while jumping from side to side.
    Oscillates,
    /// Bounces for ever without settling.
    Cycles,
    /// Runs away.
    Diverges,
}

impl Verdict {
    /// All verdicts, in the order they are listed to students.
    pub const ALL: [Verdict; 4] = [
        Verdict::Converges,
        Verdict::Oscillates,
        Verdict::Cycles,
        Verdict::Diverges,
    ];

    /// The verdict's name.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Converges => "converges",
            Verdict::Oscillates => "oscillates",
            Verdict::Cycles => "cycles",
            Verdict::Diverges => "diverges",
        }
    }

    /// The verdict with this name.
    pub fn from_name(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.name() == s)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A verdict with its reason and what it rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// Why, in a sentence.
    pub reason: String,
    /// For a quadratic: the factor r = 1 − lr·λ that decides (the one of largest magnitude).
    pub factor: Option<f64>,
    /// The largest learning rate that still converges, where it is defined.
    pub lr_max: Option<f64>,
    /// The minimiser, where it is known.
    pub x_star: Option<Vec<f64>>,
    /// For a divergence: the step at which |x| passed [`bound`] or stopped being a number.
    pub diverged_at: Option<usize>,
}

/// The bound that |x| must pass for a run to count as diverging: 10⁶, or 1000 times the
/// start's size when that is larger.
pub fn bound(x0: &[f64]) -> f64 {
    let size = x0.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    (1e3 * size).max(1e6)
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0f64, |m, x| m.max(x.abs()))
}

fn floats(v: &[PyNum]) -> Vec<f64> {
    v.iter().map(|x| x.to_f64()).collect()
}

/// Judges the descent of `problem` from `x0` with learning rate `lr`. `run` is the run the
/// user asked for (it is reused when long enough).
pub fn judge(problem: &Problem, x0: &[PyNum], lr: PyNum, run: &Run) -> Judgement {
    let lr_f = lr.to_f64();
    let hessian = constant_hessian(problem);
    if let Some(h) = &hessian
        && let Some(j) = judge_quadratic(problem, h, x0, lr_f)
    {
        return with_divergence_step(j, run, x0);
    }
    let probe;
    let long = if run.len() > PROBE_STEPS || run.stopped.is_some() {
        run
    } else {
        probe = Run::new(problem, x0, lr, PROBE_STEPS);
        &probe
    };
    let mut j = judge_run(long, x0);
    if j.lr_max.is_none()
        && let Some(xs) = &j.x_star
    {
        j.lr_max = local_lr_max(problem, xs);
    }
    j
}

/// The Hessian (the Jacobian of the gradient) when every entry is a constant.
fn constant_hessian(problem: &Problem) -> Option<Vec<Vec<f64>>> {
    let n = problem.vars.len();
    let mut h = vec![vec![0.0; n]; n];
    for (i, g) in problem.grad.iter().enumerate() {
        for (j, v) in problem.vars.iter().enumerate() {
            h[i][j] = match derivative(g.expr(), v) {
                Expr::Num(c) => c.to_f64(),
                other => constant_value(&other)?,
            };
        }
    }
    Some(h)
}

/// The value of an expression without variables.
fn constant_value(e: &Expr) -> Option<f64> {
    if !e.variables().is_empty() {
        return None;
    }
    Program::compile(e, &[])
        .ok()?
        .eval(&[])
        .ok()
        .map(PyNum::to_f64)
}

fn judge_quadratic(problem: &Problem, h: &[Vec<f64>], x0: &[PyNum], lr: f64) -> Option<Judgement> {
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
    let active: Vec<f64> = (0..n)
        .filter(|&k| size > 0.0 && coords[k].abs() > 1e-12 * size)
        .map(|k| 1.0 - lr * vals[k])
        .collect();
    let one_var = n == 1;
    let describe = |r: f64| {
        if one_var {
            let a = vals[0] / 2.0;
            format!(
                "f is a quadratic with f'' = {}, so each step multiplies the distance to the minimum by r = 1 - 2·a·lr = 1 - 2·{}·{} = {}",
                short(vals[0]),
                short(a),
                short(lr),
                short(r)
            )
        } else {
            format!(
                "f is a quadratic; along its steepest direction each step multiplies the distance to the minimum by r = 1 - lr·λ = {}",
                short(r)
            )
        }
    };
    let mut j = Judgement {
        verdict: Verdict::Converges,
        reason: String::new(),
        factor: None,
        lr_max: Some(lr_max),
        x_star: Some(x_star),
        diverged_at: None,
    };
    let Some(&worst) = active.iter().max_by(|a, b| {
        a.abs()
            .partial_cmp(&b.abs())
            .unwrap_or(std::cmp::Ordering::Equal)
    }) else {
        j.reason = "the start is already the minimum".into();
        return Some(j);
    };
    j.factor = Some(worst);
    let rho = worst.abs();
    let any_negative = active.iter().any(|&r| r < 0.0);
    let (verdict, why) = if lr <= 0.0 {
        if lr == 0.0 {
            (
                Verdict::Cycles,
                "the learning rate is 0, so x never moves".to_string(),
            )
        } else {
            (
                Verdict::Diverges,
                "a negative learning rate climbs instead of descending".to_string(),
            )
        }
    } else if (rho - 1.0).abs() <= 1e-12 {
        (
            Verdict::Cycles,
            format!(
                "{}: |r| = 1, so x jumps between the same points for ever",
                describe(worst)
            ),
        )
    } else if rho > 1.0 {
        (
            Verdict::Diverges,
            format!(
                "{}: |r| > 1, so the distance grows every step",
                describe(worst)
            ),
        )
    } else if any_negative {
        (
            Verdict::Oscillates,
            format!(
                "{}: -1 < r < 0, so x crosses the minimum every step while getting closer (lr < {} converges)",
                describe(worst),
                short(lr_max)
            ),
        )
    } else {
        (
            Verdict::Converges,
            format!(
                "{}: 0 <= r < 1, so x approaches the minimum from one side",
                describe(worst)
            ),
        )
    };
    j.verdict = verdict;
    j.reason = why;
    Some(j)
}

/// Fills in the step at which a diverging run passed the bound (or would have).
fn with_divergence_step(mut j: Judgement, run: &Run, x0: &[PyNum]) -> Judgement {
    if j.verdict != Verdict::Diverges {
        return j;
    }
    let b = bound(&floats(x0));
    for k in 0..run.len() {
        if max_abs(&floats(run.point(k))) > b {
            j.diverged_at = Some(k);
            return j;
        }
    }
    if let Some(e) = &run.stopped {
        j.diverged_at = Some(e.step);
        return j;
    }
    // Not within the run: predict from the factor.
    if let (Some(r), Some(xs)) = (j.factor, &j.x_star) {
        let e0 = max_abs(
            &floats(x0)
                .iter()
                .zip(xs)
                .map(|(a, b)| a - b)
                .collect::<Vec<_>>(),
        );
        if r.abs() > 1.0 && e0 > 0.0 {
            let k = ((b / e0).ln() / r.abs().ln()).ceil();
            if k.is_finite() && k >= 0.0 {
                j.diverged_at = Some(k as usize);
            }
        }
    }
    j
}

/// The verdict read off a long run.
fn judge_run(run: &Run, x0: &[PyNum]) -> Judgement {
    let b = bound(&floats(x0));
    let mut j = Judgement {
        verdict: Verdict::Diverges,
        reason: String::new(),
        factor: None,
        lr_max: None,
        x_star: None,
        diverged_at: None,
    };
    for k in 0..run.len() {
        if max_abs(&floats(run.point(k))) > b {
            j.diverged_at = Some(k);
            j.reason = format!("|x| passes {} at step {k}", short(b));
            return j;
        }
    }
    if let Some(e) = &run.stopped {
        j.diverged_at = Some(e.step);
        j.reason = format!("the run breaks down {e}");
        return j;
    }
    let n = run.len();
    if n < 3 {
        j.verdict = Verdict::Converges;
        j.reason = "too few steps to tell".into();
        return j;
    }
    let last = floats(run.point(n - 1));
    let scale = 1.0 + max_abs(&last);
    let step_at = |k: usize| -> Vec<f64> {
        let a = floats(run.point(k));
        let b = floats(run.point(k + 1));
        b.iter().zip(&a).map(|(b, a)| b - a).collect()
    };
    let last_step = norm(&step_at(n - 2));
    // Alternation: consecutive steps pointing in opposite directions.
    let (mut flips, mut counted) = (0usize, 0usize);
    for k in 1..(n - 1).min(40) {
        let (d0, d1) = (step_at(k - 1), step_at(k));
        if norm(&d0) > 1e-12 * scale && norm(&d1) > 1e-12 * scale {
            counted += 1;
            if d0.iter().zip(&d1).map(|(a, b)| a * b).sum::<f64>() < 0.0 {
                flips += 1;
            }
        }
    }
    let alternating = counted > 0 && flips * 2 > counted;
    if last_step <= 1e-9 * scale {
        j.verdict = if alternating {
            Verdict::Oscillates
        } else {
            Verdict::Converges
        };
        j.reason = format!(
            "the run settles at {} after {} steps{}",
            point_text(&run.vars, &last),
            n - 1,
            if alternating {
                ", crossing the minimum from side to side"
            } else {
                ""
            }
        );
        j.x_star = Some(last);
        return j;
    }
    for p in 2..=16.min(n - 1) {
        let back = floats(run.point(n - 1 - p));
        let gap = norm(
            &last
                .iter()
                .zip(&back)
                .map(|(a, b)| a - b)
                .collect::<Vec<_>>(),
        );
        if gap <= 1e-6 * scale {
            j.verdict = Verdict::Cycles;
            j.reason = format!("x returns to the same {p} points over and over without settling");
            return j;
        }
    }
    let mid_step = norm(&step_at(n / 2));
    let v_first = run.value(n / 2).to_f64();
    let v_last = run.value(n - 1).to_f64();
    if last_step > 10.0 * mid_step {
        j.reason = "the steps keep growing".into();
        return j;
    }
    if v_last < v_first && last_step >= 0.5 * mid_step && !alternating {
        j.reason =
            "x keeps moving the same way while f keeps decreasing: there is no minimum to reach"
                .into();
        return j;
    }
    if last_step < mid_step && v_last <= v_first {
        j.verdict = if alternating {
            Verdict::Oscillates
        } else {
            Verdict::Converges
        };
        j.reason = format!(
            "f keeps decreasing and the steps keep shrinking, slowly, after {} steps",
            n - 1
        );
        return j;
    }
    j.verdict = Verdict::Cycles;
    j.reason = "x keeps bouncing without settling".into();
    j
}

/// 2/λ_max of the Hessian at `x`, when it is positive definite there.
fn local_lr_max(problem: &Problem, x: &[f64]) -> Option<f64> {
    let n = problem.vars.len();
    let point: Vec<PyNum> = x.iter().map(|&v| PyNum::Float(v)).collect();
    let mut h = vec![vec![0.0; n]; n];
    for (i, g) in problem.grad.iter().enumerate() {
        for (j, v) in problem.vars.iter().enumerate() {
            let d = derivative(g.expr(), v);
            let p = Program::compile(&d, &problem.vars).ok()?;
            h[i][j] = p.eval(&point).ok()?.to_f64();
        }
    }
    let (vals, _) = jacobi_eigen(&h);
    let max = vals.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    (vals.iter().all(|&l| l > 0.0) && max.is_finite()).then(|| 2.0 / max)
}

/// Eigenvalues and eigenvectors (as columns) of a symmetric matrix, by Jacobi rotations.
#[allow(clippy::needless_range_loop)] // the rotations index rows p and q together
pub fn jacobi_eigen(m: &[Vec<f64>]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = m.len();
    let mut a: Vec<Vec<f64>> = m.to_vec();
    let mut v: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        if off < 1e-30 {
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

/// A number in a sentence: up to 6 significant digits, no trailing zeros.
pub fn short(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let mag = v.abs().log10();
    if !(-5.0..15.0).contains(&mag) {
        return format!("{v:.5e}");
    }
    let digits = (5 - mag.floor() as i64).clamp(0, 20) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn point_text(vars: &[String], x: &[f64]) -> String {
    let parts: Vec<String> = vars
        .iter()
        .zip(x)
        .map(|(n, v)| format!("{n} = {}", short(*v)))
        .collect();
    parts.join(", ")
}
