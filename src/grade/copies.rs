//! Traces with another student's numbers. With per-student variants, a trace that is wrong
//! for its author is checked against each *distinct* variant of the class (the first
//! [`MAX_VARIANTS`] met, in the students' order, the author's own left out); when it is right
//! for one of them, the question is flagged: its mistake becomes `other-variant` and its
//! feedback starts with "the numbers of student X's variant", X being the first student of the
//! class with those numbers. Its score does not change: a trace of someone else's numbers is
//! already wrong for its author. The variants are worked out once per class, so the cost is
//! (wrong traces) × (distinct variants), not (wrong traces) × (students).

use indexmap::IndexMap;

use crate::check::answers::ExerciseAnswers;
use crate::check::{ExerciseReport, Status, check_exercise};
use crate::engine::PyNum;
use crate::exercise::load::Loaded;
use crate::exercise::model::Question;

use super::Setup;
use super::contexts::Contexts;

/// The most distinct variants of an exercise a wrong trace is tried against.
pub(crate) const MAX_VARIANTS: usize = 256;

/// One exercise's parameters.
type Params = IndexMap<String, PyNum>;

/// The distinct variants of each exercise of a quiz in a class.
#[derive(Clone, Debug, Default)]
pub struct Variants {
    /// Exercise id → (parameters, the first student with them).
    by_exercise: Vec<(String, Vec<(Params, String)>)>,
}

impl Variants {
    /// The distinct variants of the quiz's exercises among `class` (empty without a salt).
    pub fn of_class(setup: &Setup, class: &[String]) -> Variants {
        if setup.quiz.salt.is_none() {
            return Variants::default();
        }
        let by_exercise = setup
            .items
            .iter()
            .filter(|item| {
                item.loaded
                    .exercise
                    .questions
                    .iter()
                    .any(|q| matches!(q, Question::Trace(_)))
            })
            .map(|item| {
                let l = item.loaded;
                let mut seen: Vec<(Params, String)> = Vec::new();
                for s in class {
                    if seen.len() >= MAX_VARIANTS {
                        break;
                    }
                    if let Ok(p) = setup.quiz.params_for(l, s)
                        && !seen.iter().any(|(q, _)| *q == p)
                    {
                        seen.push((p, s.clone()));
                    }
                }
                (l.id.clone(), seen)
            })
            .collect();
        Variants { by_exercise }
    }

    fn of(&self, id: &str) -> &[(Params, String)] {
        self.by_exercise
            .iter()
            .find(|(e, _)| e == id)
            .map_or(&[], |(_, v)| v.as_slice())
    }
}

/// Flags each wrong trace of `report` (exercise `l`, answers `given`, by `student`) that is
/// right for another variant of the class.
pub(crate) fn flag<'a>(
    report: &mut ExerciseReport,
    l: &'a Loaded,
    given: &ExerciseAnswers,
    setup: &Setup,
    student: &str,
    variants: &Variants,
    contexts: &Contexts<'a>,
) {
    let others = variants.of(&l.id);
    if others.is_empty() {
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
        let owner = others.iter().filter(|(p, _)| *p != own).find(|(p, _)| {
            contexts.get(l, p).as_ref().as_ref().is_ok_and(|ctx| {
                check_exercise(ctx, &one)
                    .questions
                    .iter()
                    .any(|r| r.id == q.id && r.status == Status::Correct)
            })
        });
        if let Some((_, owner)) = owner {
            q.mistake = Some("other-variant".into());
            q.feedback = format!(
                "the numbers of student {owner}'s variant, not yours: {}",
                q.feedback
            );
        }
    }
}
