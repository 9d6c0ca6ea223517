//! The verdict on a descent: does it converge, oscillate, cycle or diverge?
//!
//! For a quadratic (every second derivative a constant) the answer is exact. Near its
//! minimum x*, one update maps the error e = x − x* to (I − lr·H)·e, where H is the matrix of
//! second derivatives. Along each eigenvector of H with eigenvalue λ the error is multiplied
//! by r = 1 − lr·λ (for a·(x − c)² that is r = 1 − 2·a·lr): every 0 ≤ r < 1 converges, a
//! −1 < r < 0 converges while jumping across the minimum (oscillates), |r| = 1 bounces for
//! ever (cycles), |r| > 1 diverges; the sentence names each direction's r and the one that
//! decides. The largest learning rate that still converges is 2/λ_max. H comes from dual
//! numbers through the gradient ([`quadratic`]), never from symbolic second derivatives.
//! With lr = 0, x never moves: the run "converges" to its start, and the sentence says so.
//! For any other function the verdict follows from the run (extended to at least
//! [`PROBE_STEPS`] steps, fewer when a step is costly: see [`probe_steps`]), watched step by step by an [`Observer`]: where it settles,
//! whether it alternates sides, whether it returns to the same points, or whether |x|
//! passes a bound.

use std::fmt;

use super::budget::MAX_PROBE_WORK;
use super::descent::{Problem, Run, StepError, Stepper};
use crate::num::PyNum;
use crate::t;

mod eigen;
mod observe;
mod quadratic;

pub use observe::Observer;
pub use quadratic::MAX_EIGEN_VARS;

/// How many steps a run is extended to when its verdict must come from the run.
pub(crate) const PROBE_STEPS: usize = 2000;

/// The four outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Settles without crossing the minimum (with lr = 0: stays where it starts).
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
    pub(crate) fn from_name(s: &str) -> Option<Verdict> {
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
    let mut seen = Observer::new(x0, run.len());
    for k in 0..run.len() {
        seen.see(&run.point(k), run.value(k));
    }
    judge_observed(problem, x0, lr, &seen, run.stopped.as_ref())
}

/// Judges from an [`Observer`] that watched the user's run (all of it, or up to `stopped`):
/// exactly for a quadratic, else from that run when it is long enough, else from a probe run
/// of [`PROBE_STEPS`] watched as it goes (nothing is stored).
pub fn judge_observed(
    problem: &Problem,
    x0: &[PyNum],
    lr: PyNum,
    user: &Observer,
    stopped: Option<&StepError>,
) -> Judgement {
    let lr_f = lr.to_f64();
    if let Some(h) = quadratic::constant_hessian(problem, x0)
        && let Some(j) = quadratic::judge_quadratic(problem, &h, x0, lr_f)
    {
        return with_divergence_step(j, user, stopped, x0);
    }
    if lr_f == 0.0 {
        return Judgement {
            verdict: Verdict::Converges,
            reason: t!("verdict-lr-zero"),
            factor: None,
            lr_max: None,
            x_star: None,
            diverged_at: None,
        };
    }
    let probe_steps = probe_steps(problem);
    let mut j = if user.seen() > probe_steps || stopped.is_some() {
        user.finish(&problem.vars, stopped)
    } else {
        probe(problem, x0, lr, probe_steps)
    };
    if j.lr_max.is_none()
        && let Some(xs) = &j.x_star
    {
        j.lr_max = local_lr_max(problem, xs);
    }
    j
}

/// How long the probe run is: [`PROBE_STEPS`], or fewer when each step is so costly that
/// they would pass [`MAX_PROBE_WORK`] (never fewer than 100).
pub(crate) fn probe_steps(problem: &Problem) -> usize {
    let affordable = MAX_PROBE_WORK / problem.step_cost().max(1);
    (affordable as usize).clamp(100, PROBE_STEPS)
}

/// The verdict from a run of `steps` updates, watched step by step.
fn probe(problem: &Problem, x0: &[PyNum], lr: PyNum, steps: usize) -> Judgement {
    let mut seen = Observer::new(x0, steps + 1);
    let mut s = match Stepper::new(problem, x0, lr) {
        Ok(s) => s,
        Err(e) => return seen.finish(&problem.vars, Some(&e)),
    };
    seen.see(&s.x, s.value);
    for _ in 0..steps {
        if let Err(e) = s.step() {
            return seen.finish(&problem.vars, Some(&e));
        }
        seen.see(&s.x, s.value);
    }
    seen.finish(&problem.vars, None)
}

/// Fills in the step at which a diverging run passed the bound (or would have).
fn with_divergence_step(
    mut j: Judgement,
    user: &Observer,
    stopped: Option<&StepError>,
    x0: &[PyNum],
) -> Judgement {
    if j.verdict != Verdict::Diverges {
        return j;
    }
    if let Some(k) = user.crossed() {
        j.diverged_at = Some(k);
        return j;
    }
    if let Some(e) = stopped {
        j.diverged_at = Some(e.step);
        return j;
    }
    // Not within the run: predict from the factor.
    let b = bound(&floats(x0));
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

/// 2/λ_max of the Hessian at `x` (by dual numbers), when it is positive definite there.
fn local_lr_max(problem: &Problem, x: &[f64]) -> Option<f64> {
    let vals = quadratic::eigenvalues_at(problem, x)?;
    let max = vals.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    (vals.iter().all(|&l| l > 0.0) && max.is_finite()).then(|| 2.0 / max)
}

/// A number in a sentence (the presenter's [`crate::pyfmt::present::short`]).
pub use crate::pyfmt::present::short;

/// `x = 1, y = 2`; past [`SHOWN_VARS`] variables the rest are summarised.
fn point_text(vars: &[String], x: &[f64]) -> String {
    let mut parts: Vec<String> = vars
        .iter()
        .zip(x)
        .take(SHOWN_VARS)
        .map(|(n, v)| format!("{n} = {}", short(*v)))
        .collect();
    if vars.len() > SHOWN_VARS {
        let count = vars.len() - SHOWN_VARS;
        parts.push(t!("verdict-more-variables", count = count));
    }
    parts.join(", ")
}

/// The most variables a sentence lists one by one.
const SHOWN_VARS: usize = 10;
