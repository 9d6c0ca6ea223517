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
use std::path::Path;

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
use crate::fsutil::read_text;

/// The quiz format version this gbl reads.
pub const QUIZ_FORMAT_VERSION: u32 = 1;

/// The largest quiz file read, in bytes.
pub const MAX_QUIZ_BYTES: u64 = 1 << 20;

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

/// Whether a YAML text looks like a quiz rather than an exercise: a mapping with an
/// `exercises:` key and no `runs:`.
pub fn looks_like_quiz(text: &str) -> bool {
    crate::exercise::sources::looks_like_quiz(text)
}

/// Whether the file at `path` is a quiz (see [`looks_like_quiz`]); unreadable files are not.
pub fn is_quiz_file(path: &Path) -> bool {
    read_text(path, MAX_QUIZ_BYTES).is_ok_and(|t| looks_like_quiz(&t))
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

/// Reads a quiz file.
pub fn read(path: &Path) -> Result<LoadedQuiz, Diagnostic> {
    let name = path.display().to_string();
    let text = read_text(path, MAX_QUIZ_BYTES).map_err(|e| Diagnostic {
        file: name.clone(),
        pos: None,
        message: format!("cannot read the quiz: {e}"),
    })?;
    parse(Source { name, text })
}

/// Every problem in a quiz (empty when it is sound): the format, the title, the exercises
/// (they exist, appear once, have positive points and questions worth something) and every
/// variant of every exercise, proved by [`validate`].
pub fn check(q: &LoadedQuiz, exercises: &[Loaded]) -> Vec<Diagnostic> {
    problems(q, exercises, true)
}

/// The problems of a quiz; with `prove`, every variant of every exercise is proved too.
fn problems(q: &LoadedQuiz, exercises: &[Loaded], prove: bool) -> Vec<Diagnostic> {
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
    pub fn params_for(&self, l: &Loaded, student: &str) -> Result<IndexMap<String, PyNum>, String> {
        let r = match &self.salt {
            Some(salt) => variant::draw(&l.exercise, &l.id, salt, student),
            None => default_params(&l.exercise),
        };
        r.map_err(|e| format!("{}: {e}", l.source.name))
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

/// The quiz for `show` and `check`: read, parsed, and refused with every problem's position
/// when it is not usable (the exercises' variants are proved by `gbl validate` and
/// `gbl grade`, not here).
pub fn load_for_student(path: &Path, exercises: &[Loaded]) -> anyhow::Result<LoadedQuiz> {
    let q = read(path).map_err(|d| anyhow::anyhow!("{d}"))?;
    let problems = problems(&q, exercises, false);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        anyhow::bail!("{}", lines.join("\n"));
    }
    Ok(q)
}

/// Whose numbers `show` and `check` use: the exercise's defaults, or a student's own from a
/// quiz (`--quiz QUIZ --student NAME`).
#[derive(Clone, Debug, Default)]
pub struct Variant {
    quiz: Option<(LoadedQuiz, String)>,
}

impl Variant {
    /// The defaults without a quiz; a student's variant with one (both must be given).
    pub fn new(
        quiz: Option<&Path>,
        student: Option<&str>,
        exercises: &[Loaded],
    ) -> anyhow::Result<Variant> {
        match (quiz, student) {
            (None, None) => Ok(Variant::default()),
            (Some(q), Some(s)) => Ok(Variant {
                quiz: Some((load_for_student(q, exercises)?, s.to_string())),
            }),
            _ => anyhow::bail!("give --quiz and --student together"),
        }
    }

    /// The parameters of an exercise; an exercise outside the quiz is an error.
    pub fn params(&self, l: &Loaded) -> anyhow::Result<IndexMap<String, PyNum>> {
        match &self.quiz {
            None => {
                default_params(&l.exercise).map_err(|e| anyhow::anyhow!("{}: {e}", l.source.name))
            }
            Some((q, student)) => {
                if q.quiz.points_of(&l.id).is_none() {
                    anyhow::bail!(
                        "the quiz {} has no exercise '{}' (its exercises: {})",
                        q.source.name,
                        l.id,
                        q.quiz
                            .exercises
                            .iter()
                            .map(|e| e.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
                q.quiz
                    .params_for(l, student)
                    .map_err(|e| anyhow::anyhow!("{e}"))
            }
        }
    }

    /// `the numbers of NAME in "TITLE" (check with --quiz QUIZ --student NAME)`, when a
    /// quiz is in use.
    pub fn describe(&self) -> Option<String> {
        self.quiz.as_ref().map(|(q, s)| {
            format!(
                "the numbers of {s} in \"{}\": check with --quiz {} --student {s}",
                q.quiz.title, q.source.name
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise::load::{Origin, load_all};

    fn quiz(text: &str) -> LoadedQuiz {
        match parse(Source {
            name: "q.yaml".into(),
            text: text.into(),
        }) {
            Ok(q) => q,
            Err(d) => panic!("{d}"),
        }
    }

    #[test]
    fn reports_every_problem_with_its_position() {
        let (ex, _) = load_all(&Origin::bundled());
        let q = quiz(
            "format: 2\ntitle: T\nexercises:\n  - {id: gd-one-step, points: 0}\n  - {id: nothing, points: 1}\n  - {id: gd-one-step, points: 1}\n",
        );
        let shown: Vec<String> = check(&q, &ex).iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            vec![
                "q.yaml:1:9: format: this gbl reads quiz format 1, not 2",
                "q.yaml:4:23: exercises[0].points: points must be a number > 0, not 0",
                "q.yaml:5:6: exercises[1].id: there is no exercise 'nothing' (see 'gbl list')",
                "q.yaml:6:6: exercises[2].id: 'gd-one-step' is in the quiz twice",
            ]
        );
    }

    #[test]
    fn unknown_fields_are_refused_with_a_position() {
        let e = parse(Source {
            name: "q.yaml".into(),
            text: "format: 1\ntitle: T\nexercise: []\n".into(),
        });
        let Err(d) = e else { panic!("accepted") };
        assert_eq!(d.pos.map(|p| p.line), Some(3));
        assert!(d.message.contains("unknown field `exercise`"), "{d}");
    }

    #[test]
    fn salted_draws_are_stable_and_differ_between_students() {
        let (ex, _) = load_all(&Origin::bundled());
        let Some(l) = ex.iter().find(|l| l.id == "chain-rule-x5") else {
            panic!("no chain-rule-x5")
        };
        let salted = quiz(
            "format: 1\ntitle: T\nsalt: s3cret\nexercises: [{id: chain-rule-x5, points: 4}]\n",
        );
        let a = salted.quiz.params_for(l, "alice");
        assert_eq!(a, salted.quiz.params_for(l, "alice"));
        let differs = ["bob", "carol", "dave", "erin"]
            .iter()
            .any(|s| salted.quiz.params_for(l, s) != a);
        assert!(differs);
        let plain = quiz("format: 1\ntitle: T\nexercises: [{id: chain-rule-x5, points: 4}]\n");
        assert_eq!(
            plain.quiz.params_for(l, "alice").ok(),
            default_params(&l.exercise).ok()
        );
    }
}
