//! Grading a class: a quiz, a folder of submissions, a gradebook and a class summary.
//!
//! A student's score on an exercise worth P points whose questions weigh w₁…wₙ (W = Σwᵢ) is
//! Σ P·wᵢ/W over the questions answered right (a trace earns the share of its lines that are
//! right); the core grades one submission (`gbl_core::grade`), this module reads it.
//! Submissions are graded in parallel, a chunk at a time, and each graded submission is handed
//! on at once, so memory holds one chunk of reports plus whatever the caller keeps.

pub mod autograder;
pub(crate) mod class;
pub mod copies;
pub mod export;
pub mod identity;
pub mod names;
mod quiz_files;
pub mod roster;
pub mod submission;
pub mod summary;

// Grading one submission from its answers is the core's; this module reads submissions.
pub use gbl_core::grade::{Graded, Item, MAX_PROBLEM_CHARS, Setup, budget, contexts};
/// Quizzes: parsed and checked by the core, read from disk here.
pub mod quiz {
    pub use super::quiz_files::*;
    pub use gbl_core::grade::quiz::*;
}

use rayon::prelude::*;

use crate::check::FileSystem;
use submission::Submission;

/// How many submissions are graded at once before their results are handed on.
pub(crate) const CHUNK: usize = 256;

/// Grades one submission. Never fails: what cannot be read scores 0, and says why.
pub fn grade_one(sub: &Submission, setup: &Setup) -> Graded {
    grade_in_class(
        sub,
        setup,
        &copies::Variants::default(),
        &contexts::Contexts::default(),
    )
}

/// Grades one submission of a class whose variants are `variants`, flagging traces with
/// another student's numbers (see [`copies`]); the exercises' runs come from `contexts`,
/// computed once per variant.
pub(crate) fn grade_in_class<'a>(
    sub: &Submission,
    setup: &Setup<'a>,
    variants: &copies::Variants,
    contexts: &contexts::Contexts<'a>,
) -> Graded {
    let read = crate::fsutil::with_read_budget(setup.submission_bytes, || {
        submission::read(sub, setup.all)
    });
    let read = gbl_core::grade::Answers {
        answers: read.answers,
        problems: read.problems,
    };
    gbl_core::grade::grade_answers(
        &sub.student,
        read,
        setup,
        contexts,
        &FileSystem,
        &mut |report, l, given| {
            copies::flag(report, l, given, setup, &sub.student, variants, contexts);
        },
    )
}

/// Grades every submission, in parallel a chunk at a time, and hands each result to `each`
/// in the submissions' order.
pub(crate) fn grade_all<'a, E>(
    subs: &[Submission],
    setup: &Setup<'a>,
    mut each: impl FnMut(Graded) -> Result<(), E>,
) -> Result<(), E> {
    let pool = rayon::ThreadPoolBuilder::new().build().ok();
    let class: Vec<String> = subs.iter().map(|s| s.student.clone()).collect();
    let variants = copies::Variants::of_class(setup, &class);
    let contexts = contexts::Contexts::default();
    for chunk in subs.chunks(CHUNK) {
        let grade = || -> Vec<Graded> {
            chunk
                .par_iter()
                .map(|s| grade_in_class(s, setup, &variants, &contexts))
                .collect()
        };
        let graded = match &pool {
            Some(p) => p.install(grade),
            None => grade(),
        };
        for g in graded {
            each(g)?;
        }
    }
    Ok(())
}
