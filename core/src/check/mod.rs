//! The parts of checking that need nothing but values: an exercise's results for given
//! parameters with the usual mistakes computed on demand ([`Context`]), comparing a printed
//! number with the engine's (`number`), whether two expressions are the same function
//! (`equiv`), why a wrong answer is wrong (`diagnose`), and the sentences that describe a
//! wrong value without giving it away (`feedback`); and checking itself: one question
//! (`question`), a trace (`trace`), one exercise ([`check_exercise`]) and what it reports
//! (`report`). Reading answer and trace files is in `gbl`'s `check` module, which
//! re-exports these.

pub mod answers;
pub mod diagnose;
pub mod equiv;
mod evaluate;
pub mod feedback;
pub mod number;
mod outcome;
pub mod question;
pub mod report;
pub mod trace;

pub use report::{
    ExerciseReport, Given, NoFiles, QuestionReport, Report, Status, TraceFiles, round_score,
};

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
    pub(crate) fn with_slip(&self, slip: Slip) -> Option<Results> {
        let lock = || self.slips.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = lock().get(&slip) {
            return r.clone();
        }
        let r = compute(&self.loaded.exercise, &self.params, slip).ok();
        lock().insert(slip, r.clone());
        r
    }
}

/// Checks one exercise's answers. `answers` maps question ids to what was given; ids that the
/// exercise does not have must have been rejected before. `files` reads a
/// [`Given::TraceFile`] ([`NoFiles`] where there are none).
pub fn check_exercise(
    ctx: &Context,
    answers: &IndexMap<String, Given>,
    files: &dyn TraceFiles,
) -> ExerciseReport {
    let ex = &ctx.loaded.exercise;
    let sig = ex.sig_digits.unwrap_or(3);
    let questions: Vec<QuestionReport> = ex
        .questions
        .iter()
        .map(|q| question::check(ctx, q, answers.get(q.id()), sig, files))
        .collect();
    ExerciseReport {
        id: ctx.loaded.id.clone(),
        title: ex.title.clone(),
        score: round_score(questions.iter().map(|q| q.score).sum()),
        max_score: round_score(questions.iter().map(|q| q.max_score).sum()),
        questions,
    }
}
