//! The verdict read off a run, watched one step at a time.
//!
//! An [`Observer`] sees each point of a run as it is computed and keeps only what the
//! verdict needs: the first 41 points (does x alternate sides?), the last 17 (does it return
//! to the same points?), the middle step and value (are the steps shrinking, is f falling?),
//! and the first step at which |x| passes the bound. Its memory does not grow with the run.

use std::collections::VecDeque;

use super::{Judgement, Verdict, bound, floats, max_abs, norm, point_text, short};
use crate::engine::descent::StepError;
use crate::num::PyNum;
use crate::t;

/// How many leading points the alternation test looks at.
const HEAD: usize = 41;
/// How many trailing points the cycle test looks at (periods 2 to 16, and the last step).
const TAIL: usize = 17;

/// Watches a run of a known length, point by point.
#[derive(Clone, Debug)]
pub struct Observer {
    bound: f64,
    len: usize,
    seen: usize,
    crossed: Option<usize>,
    head: Vec<Vec<f64>>,
    tail: VecDeque<Vec<f64>>,
    mid: Option<(Vec<f64>, f64)>,
    mid_next: Option<Vec<f64>>,
    last_value: f64,
}

impl Observer {
    /// An observer of a run from `x0` that will have `len` points (the start included).
    pub fn new(x0: &[PyNum], len: usize) -> Observer {
        Observer {
            bound: bound(&floats(x0)),
            len,
            seen: 0,
            crossed: None,
            head: Vec::new(),
            tail: VecDeque::with_capacity(TAIL + 1),
            mid: None,
            mid_next: None,
            last_value: f64::NAN,
        }
    }

    /// Sees the next point and f there.
    pub fn see(&mut self, x: &[PyNum], value: PyNum) {
        let k = self.seen;
        self.seen += 1;
        let p = floats(x);
        if self.crossed.is_none() && max_abs(&p) > self.bound {
            self.crossed = Some(k);
        }
        let mid = self.len / 2;
        if k == mid {
            self.mid = Some((p.clone(), value.to_f64()));
        }
        if k == mid + 1 {
            self.mid_next = Some(p.clone());
        }
        if self.head.len() < HEAD {
            self.head.push(p.clone());
        }
        if self.tail.len() == TAIL {
            self.tail.pop_front();
        }
        self.tail.push_back(p);
        self.last_value = value.to_f64();
    }

    /// How many points were seen.
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// The first step at which |x| passed the bound, if it did.
    pub(crate) fn crossed(&self) -> Option<usize> {
        self.crossed
    }

    /// The verdict, once every point was seen (or the run `stopped`).
    pub fn finish(&self, vars: &[String], stopped: Option<&StepError>) -> Judgement {
        if let Some(k) = self.crossed {
            let bound = short(self.bound);
            let reason = t!("verdict-passes-bound", bound = bound, step = k);
            return Judgement {
                diverged_at: Some(k),
                ..judged(Verdict::Diverges, reason)
            };
        }
        if let Some(e) = stopped {
            let (s, p, err) = (e.step, &e.point, &e.error);
            let reason = t!("verdict-breaks-down", step = s, point = p, error = err);
            return Judgement {
                diverged_at: Some(e.step),
                ..judged(Verdict::Diverges, reason)
            };
        }
        let n = self.seen;
        let (Some(last), Some(before)) = (self.tail.back(), self.tail.iter().rev().nth(1)) else {
            return judged(Verdict::Converges, t!("verdict-too-few-steps"));
        };
        if n < 3 {
            return judged(Verdict::Converges, t!("verdict-too-few-steps"));
        }
        let scale = 1.0 + max_abs(last);
        let last_step = norm(&step(before, last));
        let alternating = self.alternating(n, scale);
        if last_step <= 1e-9 * scale {
            return settled(vars, last, n, alternating);
        }
        if let Some(p) = self.period(n, last, scale) {
            let reason = t!("verdict-returns", period = p);
            return judged(Verdict::Cycles, reason);
        }
        self.trend(n, last_step, alternating)
    }

    /// Whether x alternates: most consecutive steps among the first ones point in opposite
    /// directions.
    fn alternating(&self, n: usize, scale: f64) -> bool {
        let (mut flips, mut counted) = (0usize, 0usize);
        for k in 1..(n - 1).min(HEAD - 1) {
            let d0 = step(&self.head[k - 1], &self.head[k]);
            let d1 = step(&self.head[k], &self.head[k + 1]);
            if norm(&d0) > 1e-12 * scale && norm(&d1) > 1e-12 * scale {
                counted += 1;
                if d0.iter().zip(&d1).map(|(a, b)| a * b).sum::<f64>() < 0.0 {
                    flips += 1;
                }
            }
        }
        counted > 0 && flips * 2 > counted
    }

    /// The period (2 to 16 points) after which x returns to its last point, if it does.
    fn period(&self, n: usize, last: &[f64], scale: f64) -> Option<usize> {
        for p in 2..=16.min(n - 1) {
            let back = self.tail.iter().rev().nth(p)?;
            if norm(&step(back, last)) <= 1e-6 * scale {
                return Some(p);
            }
        }
        None
    }

    /// The verdict from how the steps and f change between the middle and the end of a run
    /// that neither settled nor cycles.
    fn trend(&self, n: usize, last_step: f64, alternating: bool) -> Judgement {
        let (Some((mid, v_first)), Some(mid_next)) = (&self.mid, &self.mid_next) else {
            return judged(Verdict::Converges, t!("verdict-too-few-steps"));
        };
        let mid_step = norm(&step(mid, mid_next));
        let (v_first, v_last) = (*v_first, self.last_value);
        if last_step > 10.0 * mid_step {
            return judged(Verdict::Diverges, t!("verdict-steps-grow"));
        }
        if v_last < v_first && last_step >= 0.5 * mid_step && !alternating {
            return judged(Verdict::Diverges, t!("verdict-no-minimum"));
        }
        if last_step < mid_step && v_last <= v_first {
            let steps = n - 1;
            let reason = t!("verdict-slowly", steps = steps);
            return judged(converging(alternating), reason);
        }
        judged(Verdict::Cycles, t!("verdict-bouncing"))
    }
}

/// A judgement with only a verdict and its reason.
fn judged(verdict: Verdict, reason: String) -> Judgement {
    Judgement {
        verdict,
        reason,
        factor: None,
        lr_max: None,
        x_star: None,
        diverged_at: None,
    }
}

/// A run that converges, crossing the minimum from side to side or not.
fn converging(alternating: bool) -> Verdict {
    if alternating {
        Verdict::Oscillates
    } else {
        Verdict::Converges
    }
}

/// A run that settled at `last` after `n - 1` steps.
fn settled(vars: &[String], last: &[f64], n: usize, alternating: bool) -> Judgement {
    let (point, steps) = (point_text(vars, last), n - 1);
    let reason = if alternating {
        t!("verdict-settles-crossing", point = point, steps = steps)
    } else {
        t!("verdict-settles", point = point, steps = steps)
    };
    Judgement {
        x_star: Some(last.to_vec()),
        ..judged(converging(alternating), reason)
    }
}

/// The step from `a` to `b`.
fn step(a: &[f64], b: &[f64]) -> Vec<f64> {
    b.iter().zip(a).map(|(b, a)| b - a).collect()
}
