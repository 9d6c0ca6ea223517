//! Traces with another student's numbers. With per-student variants, a trace that is wrong
//! for its author is checked against the variants of the other students of the class (in
//! their order, at most [`MAX_TRIED`]); when it is *right* for one of them, the question is
//! flagged: its mistake becomes `other-variant` and its feedback starts with "the numbers of
//! student X's variant". Its score does not change: a trace of someone else's numbers is
//! already wrong for its author.

use crate::check::answers::ExerciseAnswers;
use crate::check::{Context, ExerciseReport, Status, check_exercise};
use crate::exercise::load::Loaded;
use crate::exercise::model::Question;

use super::Setup;

/// The most classmates a wrong trace is tried against.
pub const MAX_TRIED: usize = 2_000;

/// Flags each wrong trace of `report` (exercise `l`, answers `given`, by `student`) that is
/// right for another student of `class`.
pub fn flag(
    report: &mut ExerciseReport,
    l: &Loaded,
    given: &ExerciseAnswers,
    setup: &Setup,
    student: &str,
    class: &[String],
) {
    if setup.quiz.salt.is_none() {
        return;
    }
    let Ok(own) = setup.quiz.params_for(l, student) else {
        return;
    };
    for q in report
        .questions
        .iter_mut()
        .filter(|q| q.status == Status::Wrong)
    {
        let is_trace = l
            .exercise
            .questions
            .iter()
            .any(|eq| eq.id() == q.id && matches!(eq, Question::Trace(_)));
        let Some(g) = given.get(&q.id).filter(|_| is_trace) else {
            continue;
        };
        let mut one = ExerciseAnswers::new();
        one.insert(q.id.clone(), g.clone());
        let owner = class
            .iter()
            .filter(|other| other.as_str() != student)
            .take(MAX_TRIED)
            .find(|other| {
                setup
                    .quiz
                    .params_for(l, other)
                    .ok()
                    .filter(|p| *p != own)
                    .and_then(|p| Context::new(l, p).ok())
                    .is_some_and(|ctx| {
                        check_exercise(&ctx, &one)
                            .questions
                            .iter()
                            .any(|r| r.id == q.id && r.status == Status::Correct)
                    })
            });
        if let Some(owner) = owner {
            q.mistake = Some("other-variant".into());
            q.feedback = format!(
                "the numbers of student {owner}'s variant, not yours: {}",
                q.feedback
            );
        }
    }
}
