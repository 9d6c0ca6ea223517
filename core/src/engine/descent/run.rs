//! A recorded run of gradient descent: every point, f and gradient, stored flat for a short
//! run and as checkpoints for a long one.

use super::{Problem, StepError, Stepper};
use crate::num::PyNum;

/// Runs of more than this many numbers (steps × (2·variables + 1)) keep only checkpoints and
/// recompute the steps around the ones asked for (a million-step run then costs kilobytes, not
/// 48 MB).
pub const FLAT_NUMBERS: u64 = 1 << 20;
/// Steps between two checkpoints of a long run.
const CHECKPOINT_EVERY: usize = 1024;

/// A recorded run: every point, f and gradient.
///
/// A short run stores them flat. A long one ([`FLAT_NUMBERS`]) stores the point at every
/// [`CHECKPOINT_EVERY`]-th step and recomputes a stretch of steps from the checkpoint before
/// the step asked for; the two stretches used last are kept, so reading the run in order costs
/// about one extra evaluation per step. Recomputing from a checkpoint repeats the same
/// operations on the same numbers, so every value is the one the run computed the first time.
#[derive(Clone, Debug)]
pub struct Run {
    /// Variable names.
    pub vars: Vec<String>,
    /// The learning rate.
    pub lr: PyNum,
    store: Store,
    /// Why the run stopped before its last step, if it did.
    pub stopped: Option<StepError>,
}

#[derive(Clone, Debug)]
enum Store {
    Flat(Stretch),
    Checkpoints(Box<Checkpoints>),
}

/// Steps `first..first + len` of a run, flat.
#[derive(Clone, Debug, Default)]
struct Stretch {
    first: usize,
    points: Vec<PyNum>,
    values: Vec<PyNum>,
    grads: Vec<PyNum>,
}

impl Stretch {
    fn record(&mut self, s: &Stepper) {
        self.points.extend_from_slice(&s.x);
        self.values.push(s.value);
        self.grads.extend_from_slice(&s.gradient);
    }

    fn contains(&self, k: usize) -> bool {
        k >= self.first && k - self.first < self.values.len()
    }
}

#[derive(Debug)]
struct Checkpoints {
    problem: Problem,
    every: usize,
    /// Steps recorded (the start counts as one).
    len: usize,
    /// The point at steps 0, every, 2·every, …, flat.
    starts: Vec<PyNum>,
    /// The stretches read last, the most recent first.
    recent: std::sync::Mutex<[Option<std::sync::Arc<Stretch>>; 2]>,
}

impl Clone for Checkpoints {
    fn clone(&self) -> Self {
        Checkpoints {
            problem: self.problem.clone(),
            every: self.every,
            len: self.len,
            starts: self.starts.clone(),
            recent: std::sync::Mutex::new([None, None]),
        }
    }
}

impl Checkpoints {
    /// The stretch holding step k, recomputed from its checkpoint unless read recently.
    fn stretch(&self, k: usize, lr: PyNum) -> std::sync::Arc<Stretch> {
        let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = recent[0].as_ref().filter(|s| s.contains(k)) {
            return s.clone();
        }
        if let Some(s) = recent[1].take().filter(|s| s.contains(k)) {
            recent[1] = recent[0].take();
            recent[0] = Some(s.clone());
            return s;
        }
        let c = k / self.every;
        let n = self.problem.vars.len();
        let first = c * self.every;
        let mut out = Stretch {
            first,
            ..Stretch::default()
        };
        let count = self.every.min(self.len - first);
        // The same operations on the same numbers as the first time: they cannot fail where
        // the run went on.
        if let Ok(mut s) = Stepper::new(&self.problem, &self.starts[c * n..(c + 1) * n], lr) {
            out.record(&s);
            for _ in 1..count {
                if s.step().is_err() {
                    break;
                }
                out.record(&s);
            }
        }
        let out = std::sync::Arc::new(out);
        recent[1] = recent[0].take();
        recent[0] = Some(out.clone());
        out
    }
}

impl Run {
    /// Runs `steps` updates from `x0`. An evaluation error ends the run early and is kept in
    /// [`Run::stopped`]; the steps before it are kept.
    pub fn new(problem: &Problem, x0: &[PyNum], lr: PyNum, steps: usize) -> Run {
        let n = problem.vars.len() as u64;
        let numbers = (steps as u64 + 1).saturating_mul(2 * n + 1);
        let every = if numbers > FLAT_NUMBERS {
            CHECKPOINT_EVERY
        } else {
            0
        };
        Run::with_checkpoints(problem, x0, lr, steps, every)
    }

    /// As [`Run::new`], keeping only a checkpoint every `every` steps (0: keep every step).
    pub(crate) fn with_checkpoints(
        problem: &Problem,
        x0: &[PyNum],
        lr: PyNum,
        steps: usize,
        every: usize,
    ) -> Run {
        // Grown as the run goes (a run that stops early never holds what it did not reach);
        // callers check [`Problem::check_run`] first.
        let mut flat = Stretch::default();
        let mut starts = Vec::new();
        let mut len = 0;
        let mut stopped = None;
        let mut keep = |s: &Stepper, len: &mut usize| {
            if every == 0 {
                flat.record(s);
            } else if (*len).is_multiple_of(every) {
                starts.extend_from_slice(&s.x);
            }
            *len += 1;
        };
        match Stepper::new(problem, x0, lr) {
            Ok(mut s) => {
                keep(&s, &mut len);
                for _ in 0..steps {
                    if let Err(e) = s.step() {
                        stopped = Some(e);
                        break;
                    }
                    keep(&s, &mut len);
                }
            }
            Err(e) => stopped = Some(e),
        }
        let store = if every == 0 {
            Store::Flat(flat)
        } else {
            Store::Checkpoints(Box::new(Checkpoints {
                problem: problem.clone(),
                every,
                len,
                starts,
                recent: std::sync::Mutex::new([None, None]),
            }))
        };
        Run {
            vars: problem.vars.clone(),
            lr,
            store,
            stopped,
        }
    }

    /// A run through given points (each evaluated for f and the gradient), for reproducing
    /// a computation that did not follow the update rule exactly.
    pub fn from_points(problem: &Problem, lr: PyNum, points: &[Vec<PyNum>]) -> Run {
        let mut flat = Stretch::default();
        let mut stopped = None;
        for p in points {
            match Stepper::new(problem, p, lr) {
                Ok(s) => flat.record(&s),
                Err(e) => {
                    stopped = Some(e);
                    break;
                }
            }
        }
        Run {
            vars: problem.vars.clone(),
            lr,
            store: Store::Flat(flat),
            stopped,
        }
    }

    /// How many steps were recorded (the start counts as one).
    pub fn len(&self) -> usize {
        match &self.store {
            Store::Flat(s) => s.values.len(),
            Store::Checkpoints(c) => c.len,
        }
    }

    /// Whether nothing was recorded (the start itself failed).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The numbers of step k: its point, f there and the gradient there.
    fn at<T>(&self, k: usize, get: impl Fn(&Stretch, usize, usize) -> T) -> T {
        let n = self.vars.len();
        match &self.store {
            Store::Flat(s) => get(s, k, n),
            Store::Checkpoints(c) => {
                assert!(k < c.len, "step {k} of a run of {} steps", c.len);
                let s = c.stretch(k, self.lr);
                get(&s, k - s.first, n)
            }
        }
    }

    /// The point at step k.
    pub fn point(&self, k: usize) -> std::borrow::Cow<'_, [PyNum]> {
        match &self.store {
            Store::Flat(s) => {
                let n = self.vars.len();
                std::borrow::Cow::Borrowed(&s.points[k * n..(k + 1) * n])
            }
            Store::Checkpoints(_) => {
                std::borrow::Cow::Owned(self.at(k, |s, j, n| s.points[j * n..(j + 1) * n].to_vec()))
            }
        }
    }

    /// f at step k.
    pub fn value(&self, k: usize) -> PyNum {
        self.at(k, |s, j, _| s.values[j])
    }

    /// The gradient at step k.
    pub fn gradient(&self, k: usize) -> std::borrow::Cow<'_, [PyNum]> {
        match &self.store {
            Store::Flat(s) => {
                let n = self.vars.len();
                std::borrow::Cow::Borrowed(&s.grads[k * n..(k + 1) * n])
            }
            Store::Checkpoints(_) => {
                std::borrow::Cow::Owned(self.at(k, |s, j, n| s.grads[j * n..(j + 1) * n].to_vec()))
            }
        }
    }
    /// The index of a variable.
    pub fn var_index(&self, name: &str) -> Option<usize> {
        self.vars.iter().position(|v| v == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(f: &str, vars: &[&str]) -> Problem {
        let f = crate::engine::parse::parse(f).expect("f parses");
        let vars: Vec<String> = vars.iter().map(|v| v.to_string()).collect();
        Problem::new(&f, &vars, None).expect("f compiles")
    }

    fn same(a: &Run, b: &Run, order: &[usize]) {
        assert_eq!(a.len(), b.len());
        assert_eq!(a.stopped, b.stopped);
        for &k in order {
            assert_eq!(a.point(k), b.point(k), "point {k}");
            assert_eq!(a.gradient(k), b.gradient(k), "gradient {k}");
            // Bit for bit, NaN included.
            assert_eq!(
                format!("{:?}", a.value(k)),
                format!("{:?}", b.value(k)),
                "value {k}"
            );
        }
    }

    #[test]
    fn a_checkpointed_run_reads_as_the_flat_one_in_any_order() {
        let p = problem("x^2/10 + sin(x*y) + y^2", &["x", "y"]);
        let x0 = [PyNum::Int(3), PyNum::Float(-1.5)];
        let lr = PyNum::Float(0.1);
        let flat = Run::with_checkpoints(&p, &x0, lr, 500, 0);
        assert_eq!(flat.len(), 501);
        let forward: Vec<usize> = (0..501).collect();
        let backward: Vec<usize> = (0..501).rev().collect();
        // Jumps across stretches, and back and forth over a boundary.
        let jumps = [0, 500, 7, 250, 63, 64, 63, 64, 65, 499, 1, 128, 127];
        for every in [1, 2, 7, 64, 1000] {
            let cp = Run::with_checkpoints(&p, &x0, lr, 500, every);
            same(&flat, &cp, &forward);
            same(&flat, &cp, &backward);
            same(&flat, &cp, &jumps);
            same(&flat, &cp.clone(), &jumps);
        }
    }

    #[test]
    fn a_checkpointed_run_that_overflows_stops_where_the_flat_one_does() {
        // x := x − 2·(2x) grows by −3 each step until it overflows f = x^2.
        let p = problem("x^2", &["x"]);
        let x0 = [PyNum::Float(1e30)];
        let flat = Run::with_checkpoints(&p, &x0, PyNum::Int(2), 2000, 0);
        assert!(flat.stopped.is_some(), "the run overflows");
        assert!(flat.len() < 2001);
        let all: Vec<usize> = (0..flat.len()).collect();
        for every in [1, 3, 16, 5000] {
            same(
                &flat,
                &Run::with_checkpoints(&p, &x0, PyNum::Int(2), 2000, every),
                &all,
            );
        }
    }

    #[test]
    fn only_long_runs_keep_checkpoints() {
        let p = problem("x^2/10", &["x"]);
        let short = Run::new(&p, &[PyNum::Int(3)], PyNum::Int(1), 1000);
        assert!(matches!(short.store, Store::Flat(_)));
        let long = Run::new(&p, &[PyNum::Int(3)], PyNum::Int(1), 400_000);
        let Store::Checkpoints(c) = &long.store else {
            panic!("a 400,000-step run is checkpointed");
        };
        assert_eq!(c.starts.len(), 400_001_usize.div_ceil(CHECKPOINT_EVERY));
        let flat = Run::with_checkpoints(&p, &[PyNum::Int(3)], PyNum::Int(1), 400_000, 0);
        same(&flat, &long, &[0, 1, 399_999, 400_000, 123_456]);
    }
}
