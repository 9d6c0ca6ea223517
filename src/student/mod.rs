//! A student working through exercises: whose numbers they get (the exercise's own, or a
//! quiz student's), what they have seen ([`state`]), their answers checked ([`answer_file`],
//! [`given`]), and what the student's commands show ([`task`], [`hints`], [`solution`],
//! [`starter`], [`render`]).

use std::path::Path;

use crate::check::answers::ExerciseAnswers;
use crate::check::{Context, ExerciseReport, check_exercise};
use crate::exercise::load::Loaded;
use crate::grade::quiz::{self, LoadedQuiz, Variant};

pub(crate) mod answer_file;
pub(crate) mod given;
pub(crate) mod hints;
pub(crate) mod render;
pub(crate) mod solution;
pub(crate) mod starter;
pub(crate) mod state;
pub(crate) mod task;

/// A student: the numbers they get, and their quiz if they take one.
pub(crate) struct Student {
    /// The parameters of each exercise.
    pub variant: Variant,
    quiz: Option<(LoadedQuiz, String)>,
}

impl Student {
    /// The student `name` of the quiz `quiz` (the exercise's own numbers without a quiz).
    pub(crate) fn new(
        quiz: Option<&Path>,
        name: Option<&str>,
        exercises: &[Loaded],
    ) -> anyhow::Result<Student> {
        let variant = Variant::new(quiz, name, exercises)?;
        let quiz = match (quiz, name) {
            (Some(q), Some(s)) => Some((quiz::load_for_student(q, exercises)?, s.to_string())),
            _ => None,
        };
        Ok(Student { variant, quiz })
    }

    /// Refuses `--reveal` when the quiz keeps its solutions closed (rather than ignore it).
    pub(crate) fn allow_reveal(&self, asked: bool) -> anyhow::Result<()> {
        match self.quiz() {
            Some(q) if asked && !q.quiz.solutions => {
                anyhow::bail!(gbl_core::t!("cli-quiz-no-reveal", quiz = q.source.name))
            }
            _ => Ok(()),
        }
    }

    /// The student's name, with a quiz.
    pub(crate) fn name(&self) -> Option<&str> {
        self.quiz.as_ref().map(|(_, s)| s.as_str())
    }

    /// The quiz, if any.
    pub(crate) fn quiz(&self) -> Option<&LoadedQuiz> {
        self.quiz.as_ref().map(|(q, _)| q)
    }

    /// The exercises to do: the quiz's in its order, else all in book order.
    pub(crate) fn scope<'a>(&self, exercises: &'a [Loaded]) -> Vec<&'a Loaded> {
        match self.quiz() {
            Some(q) => q
                .quiz
                .exercises
                .iter()
                .filter_map(|e| exercises.iter().find(|l| l.id == e.id))
                .collect(),
            None => book_order(exercises),
        }
    }

    /// Whether answers may be shown to this student (a quiz may close its solutions).
    pub(crate) fn may_reveal(&self) -> bool {
        self.quiz().is_none_or(|q| q.quiz.solutions)
    }

    /// Whether an exercise's answers are shown: asked for (`--reveal`), or revealed by its
    /// last hint or `gbl solve`, and never when the quiz closes its solutions.
    pub(crate) fn revealer<'a>(
        &'a self,
        exercises: &'a [Loaded],
        asked: bool,
    ) -> impl Fn(&str) -> bool + 'a {
        let state = state::load();
        move |id: &str| {
            self.may_reveal()
                && (asked
                    || exercises
                        .iter()
                        .find(|l| l.id == id)
                        .is_some_and(|l| state::revealed(&state, l, self.name())))
        }
    }

    /// Checks one exercise with the student's numbers, scored in the quiz's points.
    pub(crate) fn check(
        &self,
        l: &Loaded,
        given: &ExerciseAnswers,
    ) -> anyhow::Result<ExerciseReport> {
        let mut r = check_variant(l, &self.variant, given)?;
        if let Some(points) = self.quiz().and_then(|q| q.quiz.points_of(&l.id)) {
            quiz::scale(&mut r, points, quiz::weight(l));
        }
        Ok(r)
    }
}

/// Exercises by chapter in book order, then by id.
pub(crate) fn book_order(exercises: &[Loaded]) -> Vec<&Loaded> {
    let mut order: Vec<&Loaded> = exercises.iter().collect();
    let rank = |c: &str| {
        crate::exercise::validate::CHAPTERS
            .iter()
            .position(|x| *x == c)
            .unwrap_or(99)
    };
    order.sort_by(|a, b| {
        rank(&a.exercise.chapter)
            .cmp(&rank(&b.exercise.chapter))
            .then(a.id.cmp(&b.id))
    });
    order
}

/// Checks one exercise with the parameters of a variant (a student's in a quiz).
pub(crate) fn check_variant(
    l: &Loaded,
    variant: &Variant,
    given: &ExerciseAnswers,
) -> anyhow::Result<ExerciseReport> {
    let params = variant.params(l)?;
    let ctx = Context::new(l, params).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))?;
    Ok(check_exercise(&ctx, given))
}
