//! Checking a student's answers against the engine, and explaining wrong ones.

// Judging lives in the core crate: the context of a check, one question, a trace, the
// diagnosis of wrong answers, number comparison, expression equivalence, feedback sentences
// and the reports. This module reads the files they are given.
pub use gbl_core::check::{
    Context, ExerciseReport, Given, QuestionReport, Report, Status, TraceFiles, diagnose, equiv,
    feedback, number, question, report, round_score, trace,
};

pub mod answer_files;
pub mod render;
pub mod selftest;
mod trace_files;
mod trace_text;

use indexmap::IndexMap;

/// Answer files: parsed by the core, read from disk here.
pub use answer_files as answers;
pub(crate) use trace_files::FileSystem;

/// Checks one exercise's answers, reading trace files from the file system. `answers` maps
/// question ids to what was given; ids that the exercise does not have must have been
/// rejected before.
pub fn check_exercise(ctx: &Context, answers: &IndexMap<String, Given>) -> ExerciseReport {
    gbl_core::check::check_exercise(ctx, answers, &FileSystem)
}
