//! The parts of checking that need nothing but values: an exercise's results for given
//! parameters with the usual mistakes computed on demand ([`Context`]), comparing a printed
//! number with the engine's (`number`), whether two expressions are the same function
//! (`equiv`), why a wrong answer is wrong (`diagnose`), and the sentences that describe a
//! wrong value without giving it away (`feedback`). Checking a whole answer file or trace is
//! in `gbl`'s `check` module, which re-exports these.

pub mod diagnose;
pub mod equiv;
pub mod feedback;
pub mod number;

use indexmap::IndexMap;

use crate::engine::PyNum;
use crate::exercise::compute::{ComputeError, Results, Slip, compute};
use crate::exercise::load::Loaded;

/// The computed results of an exercise for given parameters, with the usual mistakes
/// computed on demand.
pub struct Context<'a> {
    /// The exercise.
    pub loaded: &'a Loaded,
    /// The parameters.
    pub params: IndexMap<String, PyNum>,
    /// The correct results.
    pub results: Results,
    /// Kept behind a lock so that one context can serve every student of a variant, on
    /// every grading thread (the results do not depend on which thread computes them).
    slips: std::sync::Mutex<IndexMap<Slip, Option<Results>>>,
}

impl<'a> Context<'a> {
    /// Computes the exercise's runs for `params`.
    pub fn new(
        loaded: &'a Loaded,
        params: IndexMap<String, PyNum>,
    ) -> Result<Context<'a>, ComputeError> {
        let results = compute(&loaded.exercise, &params, Slip::None)?;
        Ok(Context {
            loaded,
            params,
            results,
            slips: std::sync::Mutex::new(IndexMap::new()),
        })
    }

    /// The results with `slip` built in (computed once, then kept).
    pub fn with_slip(&self, slip: Slip) -> Option<Results> {
        let lock = || self.slips.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = lock().get(&slip) {
            return r.clone();
        }
        let r = compute(&self.loaded.exercise, &self.params, slip).ok();
        lock().insert(slip, r.clone());
        r
    }
}
