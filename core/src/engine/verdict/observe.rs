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
    pub fn crossed(&self) -> Option<usize> {
        self.crossed
    }

    /// The verdict, once every point was seen (or the run `stopped`).
    pub fn finish(&self, vars: &[String], stopped: Option<&StepError>) -> Judgement {
        let mut j = Judgement {
            verdict: Verdict::Diverges,
            reason: String::new(),
            factor: None,
            lr_max: None,
            x_star: None,
            diverged_at: None,
        };
        if let Some(k) = self.crossed {
            j.diverged_at = Some(k);
            j.reason = format!("|x| passes {} at step {k}", short(self.bound));
            return j;
        }
        if let Some(e) = stopped {
            j.diverged_at = Some(e.step);
            j.reason = format!("the run breaks down {e}");
            return j;
        }
        let n = self.seen;
        let (Some(last), Some(before)) = (self.tail.back(), self.tail.iter().rev().nth(1)) else {
            j.verdict = Verdict::Converges;
            j.reason = "too few steps to tell".into();
            return j;
        };
        if n < 3 {
            j.verdict = Verdict::Converges;
            j.reason = "too few steps to tell".into();
            return j;
        }
        let scale = 1.0 + max_abs(last);
        let diff =
            |a: &[f64], b: &[f64]| -> Vec<f64> { b.iter().zip(a).map(|(b, a)| b - a).collect() };
        let last_step = norm(&diff(before, last));
        // Alternation: consecutive steps pointing in opposite directions.
        let (mut flips, mut counted) = (0usize, 0usize);
        for k in 1..(n - 1).min(HEAD - 1) {
            let d0 = diff(&self.head[k - 1], &self.head[k]);
            let d1 = diff(&self.head[k], &self.head[k + 1]);
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
                point_text(vars, last),
                n - 1,
                if alternating {
                    ", crossing the minimum from side to side"
                } else {
                    ""
                }
            );
            j.x_star = Some(last.clone());
            return j;
        }
        for p in 2..=16.min(n - 1) {
            let Some(back) = self.tail.iter().rev().nth(p) else {
                break;
            };
            if norm(&diff(back, last)) <= 1e-6 * scale {
                j.verdict = Verdict::Cycles;
                j.reason =
                    format!("x returns to the same {p} points over and over without settling");
                return j;
            }
        }
        let (Some((mid, v_first)), Some(mid_next)) = (&self.mid, &self.mid_next) else {
            j.verdict = Verdict::Converges;
            j.reason = "too few steps to tell".into();
            return j;
        };
        let mid_step = norm(&diff(mid, mid_next));
        let (v_first, v_last) = (*v_first, self.last_value);
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
}
