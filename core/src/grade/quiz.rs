//! The quiz file format (version 1): which exercises, for how many points, and the salt that
//! gives each student their own numbers.
//!
//! ```yaml
//! format: 1
//! title: Quiz 1 — gradient descent
//! salt: "a secret only the instructor knows"
//! exercises:
//!   - {id: gd-one-step, points: 2}
//!   - {id: chain-rule-x5, points: 4}
//! ```
//!
//! An exercise's points are split across its questions in proportion to the questions'
//! `points` weights (default 1, i.e. evenly). With a salt, student S gets, for each varied
//! parameter, the value [`variant::draw`] picks from SHA-256 of (salt, S, exercise id,
//! parameter); without one, everyone gets the exercise's defaults.

use std::collections::HashSet;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::check::ExerciseReport;
use crate::clip::quoted;
use crate::engine::PyNum;
use crate::exercise::bounds::{MAX_POINTS, show_number};
use crate::exercise::compute::default_params;
use crate::exercise::load::{Diagnostic, Loaded, Source};
use crate::exercise::validate::validate;
use crate::exercise::variant;

/// The quiz format version this gbl reads.
pub(crate) const QUIZ_FORMAT_VERSION: u32 = 1;

/// A quiz: a title, its exercises with their points, and an optional salt.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gbl quiz")]
pub struct Quiz {
    /// Version of the quiz format; this gbl reads version 1.
    pub format: u32,
    /// The quiz's title, shown in the class summary and the JSON gradebook.
    pub title: String,
    /// A secret that gives each student their own numbers: each varied parameter is drawn
    /// from the exercise's `vary:` ranges by SHA-256 of (salt, student, exercise id,
    /// parameter). Without a salt every student gets the exercise's default numbers. Keep it
    /// out of the students' reach: with it, anyone can work out anyone's numbers.
    #[serde(default)]
    pub salt: Option<String>,
    /// The exercises, in the gradebook's column order.
    pub exercises: Vec<QuizExercise>,
    /// Whether students may see worked solutions with their numbers (`gbl solve`,
    /// `--reveal`, the answer after the last hint); `false` closes them. Default `true`.
    #[serde(default = "open")]
    pub solutions: bool,
}

fn open() -> bool {
    true
}

/// One exercise of a quiz.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuizExercise {
    /// The exercise's id (`gbl list`), e.g. `gd-one-step`.
    pub id: String,
    /// The exercise's points (> 0), split across its questions in proportion to their
    /// `points` weights.
    pub points: f64,
}

/// A quiz as read, with its source for messages.
#[derive(Clone, Debug)]
pub struct LoadedQuiz {
    /// The file's name and text.
    pub source: Source,
    /// The parsed quiz.
    pub quiz: Quiz,
}

/// Parses a quiz from its text.
pub fn parse(source: Source) -> Result<LoadedQuiz, Diagnostic> {
    if source.text.trim().is_empty() {
        return Err(Diagnostic {
            file: source.name.clone(),
            pos: None,
            message: "the quiz file is empty".into(),
        });
    }
    let quiz: Quiz = crate::exercise::yaml::from_str(&source.name, &source.text)?;
    Ok(LoadedQuiz { source, quiz })
}

/// Every problem in a quiz (empty when it is sound): the format, the title, the exercises
/// (they exist, appear once, have positive points and questions worth something) and every
/// variant of every exercise, proved by [`validate`].
pub fn check(q: &LoadedQuiz, exercises: &[Loaded]) -> Vec<Diagnostic> {
    problems(q, exercises, true)
}

/// The problems of a quiz; with `prove`, every variant of every exercise is proved too.
pub fn problems(q: &LoadedQuiz, exercises: &[Loaded], prove: bool) -> Vec<Diagnostic> {
    let locator = crate::exercise::load::Locator::new(&q.source);
    let at = |path: &str, m: String| locator.at(path, m);
    let quiz = &q.quiz;
    let mut out = Vec::new();
    if quiz.format != QUIZ_FORMAT_VERSION {
        out.push(at(
            "format",
            format!(
                "this gbl reads quiz format {QUIZ_FORMAT_VERSION}, not {}",
                quiz.format
            ),
        ));
    }
    if quiz.title.trim().is_empty() {
        out.push(at("title", "the title is empty".into()));
    }
    if quiz.salt.as_deref().is_some_and(|s| s.trim().is_empty()) {
        out.push(at(
            "salt",
            "the salt is empty: write a secret, or leave 'salt' out to give everyone the default numbers".into(),
        ));
    }
    if quiz.exercises.is_empty() {
        out.push(at("exercises", "a quiz needs at least one exercise".into()));
    }
    let mut seen = HashSet::new();
    for (i, e) in quiz.exercises.iter().enumerate() {
        let path = format!("exercises[{i}]");
        if !seen.insert(e.id.as_str()) {
            out.push(at(
                &format!("{path}.id"),
                format!("{} is in the quiz twice", quoted(&e.id)),
            ));
            continue;
        }
        if !(e.points.is_finite() && e.points > 0.0) {
            out.push(at(
                &format!("{path}.points"),
                format!("points must be a number > 0, not {}", e.points),
            ));
        } else if e.points > MAX_POINTS {
            out.push(at(
                &format!("{path}.points"),
                format!(
                    "{} points is more than the {MAX_POINTS} an exercise may be worth",
                    show_number(e.points)
                ),
            ));
        }
        let Some(l) = exercises.iter().find(|l| l.id == e.id) else {
            out.push(at(
                &format!("{path}.id"),
                format!("there is no exercise {} (see 'gbl list')", quoted(&e.id)),
            ));
            continue;
        };
        if weight(l) <= 0.0 {
            out.push(at(
                &format!("{path}.id"),
                format!("the questions of '{}' are worth 0 points together", e.id),
            ));
        }
        if prove {
            out.extend(validate(l));
        }
    }
    crate::exercise::load::clip(out)
}

/// The sum of an exercise's question weights.
pub fn weight(l: &Loaded) -> f64 {
    l.exercise.questions.iter().map(|q| q.points()).sum()
}

impl Quiz {
    /// The points of exercise `id`, if the quiz has it.
    pub fn points_of(&self, id: &str) -> Option<f64> {
        self.exercises.iter().find(|e| e.id == id).map(|e| e.points)
    }

    /// The total points of the quiz.
    pub fn max_score(&self) -> f64 {
        crate::check::round_score(self.exercises.iter().map(|e| e.points).sum())
    }

    /// A student's parameters for an exercise: drawn with the salt, else the defaults.
    pub fn params_for(
        &self,
        l: &Loaded,
        student: &str,
    ) -> Result<IndexMap<String, PyNum>, super::CannotCompute> {
        let r = match &self.salt {
            Some(salt) => variant::draw(&l.exercise, &l.id, salt, student),
            None => default_params(&l.exercise),
        };
        r.map_err(|error| super::CannotCompute {
            file: l.source.name.clone(),
            error,
        })
    }
}

/// Rescales an exercise's report from question weights to the quiz's points: each
/// question's score and maximum are multiplied by `points / weight`.
pub fn scale(report: &mut ExerciseReport, points: f64, weight: f64) {
    let f = if weight > 0.0 { points / weight } else { 0.0 };
    for q in &mut report.questions {
        q.score = crate::check::round_score(q.score * f);
        q.max_score = crate::check::round_score(q.max_score * f);
    }
    report.score = crate::check::round_score(report.questions.iter().map(|q| q.score).sum());
    report.max_score = crate::check::round_score(points);
}
